"""The map client's files (static/map/): where the app serves them and their text for a standalone page.

The app serves ``static/`` itself (``server.enableStaticServing``), so the map's frame loads the
client from the app's own origin. streamlit-folium's frame lives at ``<base>/component/<name>/``;
the client's URL is written relative to it, so it works under any base URL path.
"""

from __future__ import annotations

import filecmp
import shutil
from functools import cache
from pathlib import Path

import js_lib_leaflet

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
CLIENT_DIR = STATIC_DIR / "map"
SCRIPTS = ("popups.js", "paint.js", "atlas-map.js", "a11y.js", "streamlit-adapter.js")  # in load order
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
BASEMAP_FILES = ("land.geojson", "lakes.geojson", "rivers.geojson")
BASEMAP_SERVED = "../../app/static/basemap/"
# The watchdog's frame is a srcdoc document, whose addresses resolve against the page's (``<base>/`` or
# ``<base>/<page>``): relative to it, the app's static folder is ``app/static/``.
WATCHDOG_SRC = "app/static/map/watchdog.js"


def script_urls() -> list[tuple[str, str]]:
    """(name, URL) of each client script, for folium's ``default_js``."""
    return [(name.removesuffix(".js"), SERVED_FROM + name) for name in SCRIPTS]


def style_urls() -> list[tuple[str, str]]:
    return [(name.removesuffix(".css"), SERVED_FROM + name) for name in STYLES]


@cache
def source(name: str) -> str:
    """The text of one client file (for a standalone page, which has no app to load it from)."""
    return (CLIENT_DIR / name).read_text(encoding="utf-8")


def inline_script(text: str) -> str:
    """``text`` as the body of a script element: nothing in it can close the element."""
    return text.replace("</", "<\\/")


def install_static(geodata: Path) -> list[str]:
    """Copy Leaflet (from its package) and the basemap's drawable files (from ``geodata/basemap``)
    into static/, where the app serves them; only what is missing or changed. Returns what it copied."""
    copied = []
    pairs = [(LEAFLET_DIR / name, VENDOR_DIR / name) for name in LEAFLET_FILES]
    pairs += [(geodata / "basemap" / name, STATIC_DIR / "basemap" / name) for name in BASEMAP_FILES]
    for source_path, target in pairs:
        if not source_path.is_file() or (target.is_file() and filecmp.cmp(source_path, target, shallow=False)):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source_path, target)
        copied.append(str(target.relative_to(STATIC_DIR)))
    return copied


@cache
def leaflet_source(name: str) -> str:
    """Leaflet's own file (for a standalone page, which has no app to load it from)."""
    return (LEAFLET_DIR / name).read_text(encoding="utf-8")


@cache
def basemap_data() -> dict[str, object]:
    """The basemap's drawable files as JSON (for a standalone page), from the app's geodata/."""
    import json

    from atlas.paths import geodata_dir

    folder = geodata_dir() / "basemap"
    return {name: json.loads((folder / name).read_text(encoding="utf-8")) for name in BASEMAP_FILES
            if (folder / name).is_file()}
