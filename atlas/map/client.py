"""The map client's files (static/map/): where the app serves them and their text for a standalone page.

The app serves ``static/`` itself (``server.enableStaticServing``), so the map's frame loads the
client from the app's own origin. streamlit-folium's frame lives at ``<base>/component/<name>/``;
the client's URL is written relative to it, so it works under any base URL path.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import shutil
from functools import cache
from pathlib import Path

import js_lib_leaflet
from xstatic.pkg import leaflet_markercluster

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
CLIENT_DIR = STATIC_DIR / "map"
SCRIPTS = ("popups.js", "paint.js", "symbols.js", "controls.js", "cluster.js", "ahead.js", "atlas-map.js", "keyboard.js", "a11y.js",
           "streamlit-adapter.js")  # in load order: each file names the ones it needs before it
STYLES = ("atlas-map.css",)
SERVED_FROM = "../../app/static/map/"  # relative to streamlit-folium's component frame
# Leaflet's dist files come from a package installed by requirements.txt (django-js-lib-leaflet, which
# carries Leaflet 1.9.4 and nothing else it needs); install_static() copies them under static/vendor/,
# which git ignores, so the app serves Leaflet itself. The basemap's drawable files go to static/basemap/.
LEAFLET_DIR = Path(js_lib_leaflet.__file__).resolve().parent / "static" / "js_lib_leaflet"
VENDOR_DIR = STATIC_DIR / "vendor" / "leaflet"
LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png", "images/marker-icon.png",
                 "images/marker-icon-2x.png", "images/marker-shadow.png")
LEAFLET_JS = "../../app/static/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "../../app/static/vendor/leaflet/leaflet.css"
# Leaflet.markercluster, from its package too (xstatic-leaflet-markercluster): the map client loads it only
# when a date has CLUSTER_AT places or more (static/map/cluster.js), which today's data never has. The
# threshold: Leaflet's DOM markers slow down between 500 and 1,000 (issue 21); ATLAS_CLUSTER_AT overrides it
# (the browser tests cluster today's data with a low one; 0 never clusters).
CLUSTER_DIR = Path(leaflet_markercluster.BASE_DIR)
CLUSTER_VENDOR_DIR = STATIC_DIR / "vendor" / "leaflet.markercluster"
CLUSTER_FILES = ("leaflet.markercluster.js", "MarkerCluster.css")
CLUSTER_SERVED = "../../app/static/vendor/leaflet.markercluster/"
CLUSTER_AT = 600
BASEMAP_FILES = ("land.geojson", "lakes.geojson", "rivers.geojson")
BASEMAP_SERVED = "../../app/static/basemap/"
# The watchdog's frame is a srcdoc document, whose addresses resolve against the page's (``<base>/`` or
# ``<base>/<page>``): relative to it, the app's static folder is ``app/static/``.
WATCHDOG_SRC = "app/static/map/watchdog.js"


# The map's code is served as one file: Leaflet, then the stylesheets (Leaflet's and the client's, which
# static/map/styles.js puts in the frame), then the client's scripts in load order. streamlit-folium
# loads a map's scripts one after the other and adds its stylesheets only after them, so the first map
# was drawn unstyled and laid out again when they arrived. One request instead of several: the map's
# frame to its first map painted 0.69 -> 0.61 s (docs/benchmarks.md, scale run 5). Its name carries a
# digest of its text, so a browser never runs an old copy; install_static() writes it under
# static/generated/ (git ignores it). A map that clusters gets a second one with Leaflet.markercluster
# after Leaflet: the plugin came as a request of its own after the client's, and with it the map's frame
# to its first date painted at ten times the data took 449 ms, 380 ms without (alternating loads).
BUNDLE_DIR = STATIC_DIR / "generated" / "map"
BUNDLE_SERVED = "../../app/static/generated/map/"
LEAFLET_IMAGES = "../../app/static/vendor/leaflet/images/"  # relative to the frame, as the bundle's style is


def styles_text(clusters: bool = False) -> str:
    """Leaflet's stylesheet, its images addressed from the map's frame, then Leaflet.markercluster's
    (for a map that clusters) and the client's."""
    leaflet = leaflet_source("leaflet.css").replace("url(images/", "url(" + LEAFLET_IMAGES)
    plugin = [cluster_source("MarkerCluster.css")] if clusters else []
    return "\n".join([leaflet, *plugin, *(source(name) for name in STYLES)])


def bundle_text(clusters: bool = False) -> str:
    """Leaflet (and Leaflet.markercluster, for a map that clusters), the styles and the client's
    scripts joined in load order (each script is a self-contained function expression)."""
    parts = [f"/* Leaflet (from its PyPI package) */\n{leaflet_source('leaflet.js').rstrip()}\n;"]
    if clusters:
        parts += [f"/* Leaflet.markercluster (from its PyPI package) */\n"
                  f"{cluster_source('leaflet.markercluster.js').rstrip()}\n;"]
    parts += [f"/* Leaflet's and the client's stylesheets, which static/map/styles.js adds to the frame */\n"
              f"var ATLAS_STYLES = {json.dumps(styles_text(clusters))};",
              f"/* static/map/styles.js */\n{source('styles.js').rstrip()}\n;"]
    parts += [f"/* static/map/{name} */\n{source(name).rstrip()}\n;" for name in SCRIPTS]
    return "/* Generated by atlas/map/client.py: edit static/map/, not this file. */\n" + "\n".join(parts) + "\n"


@cache
def bundle_name(clusters: bool = False) -> str:
    kind = "atlas-client-clusters" if clusters else "atlas-client"
    return f"{kind}-{hashlib.sha256(bundle_text(clusters).encode('utf-8')).hexdigest()[:12]}.js"


def write_bundle() -> list[Path]:
    """Write the one-file clients, with and without the cluster plugin (those missing), and remove
    older ones. Returns the files it wrote."""
    targets = {clusters: BUNDLE_DIR / bundle_name(clusters) for clusters in (False, True)}
    missing = {clusters: target for clusters, target in targets.items() if not target.is_file()}
    if not missing:
        return []
    BUNDLE_DIR.mkdir(parents=True, exist_ok=True)
    for clusters, target in missing.items():
        partial = target.with_suffix(".part")
        partial.write_text(bundle_text(clusters), encoding="utf-8")
        partial.replace(target)
    for old in BUNDLE_DIR.glob("atlas-client-*.js"):
        if old not in targets.values():
            old.unlink(missing_ok=True)
    return list(missing.values())


def bundled(clusters: bool = False) -> bool:
    return (BUNDLE_DIR / bundle_name(clusters)).is_file()


def leaflet_urls() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Leaflet's script and style as (name, URL) lists for the map's ``default_js`` and ``default_css``:
    none when the one-file client (which carries them) has been written."""
    return ([], []) if bundled() else ([("leaflet", LEAFLET_JS)], [("leaflet_css", LEAFLET_CSS)])


def script_urls(clusters: bool = False) -> list[tuple[str, str]]:
    """(name, URL) of the client's scripts, for folium's ``default_js``: the one-file client when it has
    been written (the one with the cluster plugin for a map that clusters), else each file in load
    order and the plugin after them (a read-only disk)."""
    if bundled(clusters):
        return [("atlas-client", BUNDLE_SERVED + bundle_name(clusters))]
    plugin = [("markercluster_js", CLUSTER_SERVED + CLUSTER_FILES[0])] if clusters else []
    return [(name.removesuffix(".js"), SERVED_FROM + name) for name in SCRIPTS] + plugin


def style_urls(clusters: bool = False) -> list[tuple[str, str]]:
    """The client's stylesheets (after the plugin's, for a map that clusters): none when the one-file
    client (which carries them) has been written."""
    if bundled(clusters):
        return []
    plugin = [("markercluster_css", CLUSTER_SERVED + CLUSTER_FILES[1])] if clusters else []
    return plugin + [(name.removesuffix(".css"), SERVED_FROM + name) for name in STYLES]


@cache
def source(name: str) -> str:
    """The text of one client file (for a standalone page, which has no app to load it from)."""
    return (CLIENT_DIR / name).read_text(encoding="utf-8")


def inline_script(text: str) -> str:
    """``text`` as the body of a script element: nothing in it can close the element."""
    return text.replace("</", "<\\/")


def install_static(geodata: Path) -> list[str]:
    """Copy Leaflet (from its package) and the basemap's drawable files (from ``geodata/basemap``)
    into static/, where the app serves them, and write the one-file client; only what is missing or
    changed. Returns what it wrote."""
    copied = [str(path.relative_to(STATIC_DIR)) for path in write_bundle()]
    pairs = [(LEAFLET_DIR / name, VENDOR_DIR / name) for name in LEAFLET_FILES]
    pairs += [(CLUSTER_DIR / name, CLUSTER_VENDOR_DIR / name) for name in CLUSTER_FILES]
    pairs += [(geodata / "basemap" / name, STATIC_DIR / "basemap" / name) for name in BASEMAP_FILES]
    for source_path, target in pairs:
        if not source_path.is_file() or (target.is_file() and filecmp.cmp(source_path, target, shallow=False)):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_path, target)
        copied.append(str(target.relative_to(STATIC_DIR)))
    return copied


def cluster_options() -> dict[str, object]:
    """The map client's options for clusters: from how many places on a date, and the folder the
    plugin's script and style are served from."""
    raw = os.environ.get("ATLAS_CLUSTER_AT", "")
    at = int(raw) if raw.isdigit() else CLUSTER_AT
    return {"clusterAt": at, "clusterUrl": CLUSTER_SERVED}  # the folder of CLUSTER_FILES (static/map/cluster.js)


def is_dense(places: int) -> bool:
    """Whether a page with ``places`` places may reach the threshold on a date (then its map loads the
    plugin with the client, and draws every date in clusters, from its first)."""
    at = int(cluster_options()["clusterAt"])
    return at > 0 and places >= at


@cache
def leaflet_source(name: str) -> str:
    """Leaflet's own file (for a standalone page, which has no app to load it from)."""
    return (LEAFLET_DIR / name).read_text(encoding="utf-8")


@cache
def cluster_source(name: str) -> str:
    """Leaflet.markercluster's own file (for the one-file client of a map that clusters)."""
    return (CLUSTER_DIR / name).read_text(encoding="utf-8")


@cache
def basemap_data() -> dict[str, object]:
    """The basemap's drawable files as JSON (for a standalone page), from the app's geodata/."""
    from atlas.paths import geodata_dir

    folder = geodata_dir() / "basemap"
    return {name: json.loads((folder / name).read_text(encoding="utf-8")) for name in BASEMAP_FILES
            if (folder / name).is_file()}
