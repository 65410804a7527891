"""The Folium objects: a base map that never depends on the date, loads the map client and stays
small; the day's layer; the standalone page."""

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import folium
import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string

from atlas.load import load_atlas
from atlas.map import catalog, client, elements
from atlas.timeline import on_date, split_placed

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def loaded(package):
    atlas = load_atlas(package)
    return atlas.layers["offensive"].frame, atlas.sources, atlas.axes


def test_base_map_is_identical_across_reruns_small_and_independent_of_the_day(loaded):
    frame, sources, axes = loaded
    en = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    first, second = elements.base_map("en", en), elements.base_map("en", en)
    assert _get_map_string(first) == _get_map_string(second)
    assert _get_map_string(elements.base_map("es", catalog.map_catalog(frame, "es", sources, axes, "offensive"))) != \
        _get_map_string(first)  # another language names another catalog
    # It is resent with every step, so it stays small: the client's code is a file the frame loads once.
    assert len(_get_map_string(first)) < 3_000


def test_base_map_loads_leaflet_and_the_client_and_names_its_catalog(loaded):
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    m = elements.base_map("en", page_catalog)
    assert (m.default_js, m.default_css) == client.leaflet_urls()
    (reader,) = [c for c in m._children.values() if isinstance(c, elements.MapClient)]
    assert (reader.default_js, reader.default_css) == (client.script_urls(), client.style_urls())
    script = _get_map_string(m)
    ids = json.dumps({"catalog": page_catalog.id, "steps": page_catalog.id})
    assert f"window.atlas = AtlasMap.attach(L, map_div, AtlasStreamlit.source(window, {ids})" in script
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 2 and all(t.options.get("attribution") for t in tiles)
    assert "Transbaikal Front" in page_catalog.payload["legend"]


def test_the_client_is_one_file_once_written_and_its_files_before(tmp_path, monkeypatch):
    monkeypatch.setattr(client, "BUNDLE_DIR", tmp_path / "map")
    assert client.leaflet_urls() == ([("leaflet", "../../app/static/vendor/leaflet/leaflet.js")],
                                     [("leaflet_css", "../../app/static/vendor/leaflet/leaflet.css")])
    assert client.script_urls() == [(name, f"../../app/static/map/{name}.js") for name in (
        "popups", "paint", "symbols", "controls", "cluster", "ahead", "atlas-map", "keyboard", "a11y", "streamlit-adapter")]
    assert client.style_urls() == [("atlas-map", "../../app/static/map/atlas-map.css")]
    stale = tmp_path / "map" / "atlas-client-000000000000.js"
    stale.parent.mkdir()
    stale.write_text("old", encoding="utf-8")
    assert client.write_bundle() and not client.write_bundle()  # written once
    assert not stale.exists()  # an older client is removed
    ((name, url),) = client.script_urls()
    assert name == "atlas-client" and url == "../../app/static/generated/map/" + client.bundle_name()
    assert client.leaflet_urls() == ([], []) and client.style_urls() == []  # all of it in the one file
    text = (tmp_path / "map" / client.bundle_name()).read_text(encoding="utf-8")
    at = [text.index(client.leaflet_source("leaflet.js").strip())]
    at += [text.index(json.dumps(client.styles_text()))]
    at += [text.index(client.source(script).strip()) for script in client.SCRIPTS]
    assert at == sorted(at)  # Leaflet, the styles, then every script, whole, in load order
    assert client.bundle_name() == f"atlas-client-{hashlib.sha256(text.encode()).hexdigest()[:12]}.js"
    # a map that never clusters: without the plugin's script and style
    assert client.cluster_source("leaflet.markercluster.js").strip() not in text and "leaflet-cluster-anim" not in text


def test_a_map_that_clusters_gets_the_one_file_client_with_the_plugin(tmp_path, monkeypatch):
    monkeypatch.setattr(client, "BUNDLE_DIR", tmp_path / "map")
    plugin = "../../app/static/vendor/leaflet.markercluster/"
    assert client.script_urls(True)[-1] == ("markercluster_js", plugin + "leaflet.markercluster.js")  # before: after the client
    assert client.style_urls(True)[0] == ("markercluster_css", plugin + "MarkerCluster.css")
    stale = tmp_path / "map" / client.bundle_name(True)
    stale.parent.mkdir()
    stale.write_text("written before", encoding="utf-8")  # only the missing one is written
    assert client.write_bundle() == [tmp_path / "map" / client.bundle_name()]
    stale.unlink()
    assert client.write_bundle() == [stale] and stale.read_text(encoding="utf-8") == client.bundle_text(True)
    assert client.script_urls(True) == [("atlas-client", "../../app/static/generated/map/" + client.bundle_name(True))]
    assert client.style_urls(True) == [] and client.bundle_name(True).startswith("atlas-client-clusters-")
    assert sorted(p.name for p in (tmp_path / "map").iterdir()) == sorted([client.bundle_name(), client.bundle_name(True)])
    text = (tmp_path / "map" / client.bundle_name(True)).read_text(encoding="utf-8")
    at = [text.index(client.leaflet_source("leaflet.js").strip()),
          text.index(client.cluster_source("leaflet.markercluster.js").strip()),  # after Leaflet, which it needs
          text.index(json.dumps(client.styles_text(True))), text.index(client.source("streamlit-adapter.js").strip())]
    assert at == sorted(at)
    assert client.cluster_source("MarkerCluster.css").strip() in client.styles_text(True)


@pytest.mark.parametrize("clusters", [False, True])
def test_the_one_file_client_runs_in_a_page(tmp_path, clusters):
    """Joined, Leaflet (and the cluster plugin) and the scripts still define what each defines alone
    (each file ends its own statement), and the styles are in the page before any map is made: run in
    a jsdom window."""
    node, jsdom = shutil.which("node"), Path(__file__).resolve().parents[2] / "node_modules" / "jsdom"
    if node is None or not jsdom.is_dir():
        pytest.skip("node or jsdom is not installed (scripts/test.sh installs them)")
    bundle = tmp_path / "bundle.js"
    bundle.write_text(client.bundle_text(clusters), encoding="utf-8")
    script = tmp_path / "run.js"  # run as a browser would: a plain script in a page, no CommonJS module around it
    script.write_text(
        f"const {{ JSDOM }} = require({json.dumps(str(jsdom))}); const fs = require('fs');\n"
        "const w = new JSDOM('<!DOCTYPE html><head></head><body></body>', { runScripts: 'outside-only' }).window;\n"
        f"w.eval(fs.readFileSync({json.dumps(str(bundle))}, 'utf8'));\n"
        "const css = [...w.document.head.querySelectorAll('style')].map(s => s.textContent).join('');\n"
        "console.log(['L', 'AtlasPopups', 'AtlasPaint', 'AtlasSymbols', 'AtlasControls', 'AtlasMap', 'AtlasKeyboard', "
        "'AtlasA11y', 'AtlasStreamlit'].map(n => typeof w[n]).join(' '),\n"
        "  css.includes('.leaflet-container') && css.includes('.atlas-date'),\n"
        "  css.includes('url(../../app/static/vendor/leaflet/images/layers.png)') && !css.includes('url(images/'),\n"
        "  typeof w.L.markerClusterGroup, css.includes('.leaflet-cluster-anim'));\n",
        encoding="utf-8")
    out = subprocess.run([node, str(script)], capture_output=True, text=True, check=True, timeout=60).stdout
    plugin = ["function", "true"] if clusters else ["undefined", "false"]
    assert out.split() == ["object"] * 9 + ["true", "true"] + plugin


def test_client_files_exist_where_the_map_loads_them():
    for name in (*client.SCRIPTS, *client.STYLES, "watchdog.js"):
        assert (client.CLIENT_DIR / name).is_file(), name
    assert client.CLIENT_DIR == client.STATIC_DIR / "map" and client.STATIC_DIR.name == "static"


def test_day_layer_js_names_ids_and_keys_only(loaded):
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    m = elements.base_map("en", page_catalog)
    placed, _ = split_placed(on_date(frame, dt.date(1945, 9, 1), axes))
    layer = elements.feature_layer(placed, dt.date(1945, 9, 1), "en", icons=page_catalog.icons,
                                   places=page_catalog.places)
    js = _get_feature_group_string(layer, m)
    assert "window.atlas.apply(" in js and '"d": "1945-09-01"' in js
    assert "Alpha text." not in js and "<svg" not in js  # popups and icons are in the catalog, not re-sent
    ref = _get_feature_group_string(elements.step_ref(dt.date(1945, 8, 20)), m)
    assert 'window.atlas.apply({"d": "1945-08-20", "r": 1});' in ref


def test_standalone_page_holds_client_catalog_and_layer_and_data_cannot_close_a_script(loaded):
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    hostile = catalog.make_catalog({**page_catalog.payload["popups"],
                                    "x": {"popup": "</script><b>x</b>", "tooltip": "", "title": ""}},
                                   page_catalog.icons, "", page_catalog.places)
    placed, _ = split_placed(on_date(frame, dt.date(1945, 8, 20), axes))
    page = elements.standalone_html(elements.base_map("en", hostile, embedded=True),
                                    elements.feature_layer(placed, dt.date(1945, 8, 20), "en", icons=hostile.icons,
                                                           places=hostile.places), "Test map")
    assert page.startswith("<!DOCTYPE html>") and "<title>Test map</title>" in page
    assert "AtlasMap.embeddedSource(" in page and "function stepLayer(" in page  # the client is inside
    assert "</script><b>x</b>" not in page and "\\u003c/script\\u003e" in page
    assert page.index("AtlasMap.embeddedSource(") < page.index('window.atlas.apply({"a"')  # client before the layer
    assert "../../app/static" not in page  # nothing to load from the app


def test_the_map_tells_its_client_its_language_and_name_and_attaches_the_accessibility_layer(loaded):
    frame, sources, axes = loaded
    for lang, name in (("en", "Map of the Dongning fortified region"), ("es", "Mapa de la región fortificada de Dongning")):
        ui = catalog.map_catalog(frame, lang, sources, axes, "fortress").payload["ui"]
        assert ui["lang"] == lang and ui["map_name"] == name
        assert "{date}" in ui["live_places_other"] and "{n}" in ui["live_places_other"]
    script = _get_map_string(elements.base_map("en", catalog.map_catalog(frame, "en", sources, axes, "offensive")))
    assert "AtlasA11y.attach(L, map_div, window.atlas, AtlasStreamlit, window);" in script


def test_the_watchdog_frame_is_a_whole_document_with_its_language_and_a_title():
    page = elements.map_watchdog_html("No map", lang="es")
    assert page.startswith('<!DOCTYPE html><html lang="es">')
    assert "<title>Comprobación de la carga del mapa</title>" in page
    assert 'id="atlas-watchdog-settings"' in page
    # its script by address, none inline: the srcdoc frame inherits the page's Content-Security-Policy
    assert '<script src="app/static/map/watchdog.js"></script>' in page
    assert "<script>" not in page and "function" not in page


def test_clusters_from_a_threshold_today_s_data_never_reaches(monkeypatch, loaded):
    """Leaflet.markercluster is served by the app and named to the client with the threshold; the
    standalone page (no app to load it from) never clusters; ATLAS_CLUSTER_AT overrides it."""
    monkeypatch.delenv("ATLAS_CLUSTER_AT", raising=False)
    assert client.cluster_options() == {"clusterAt": client.CLUSTER_AT,
                                        "clusterUrl": "../../app/static/vendor/leaflet.markercluster/"}
    assert all((client.CLUSTER_DIR / name).is_file() for name in client.CLUSTER_FILES)  # from its package
    shipped = load_atlas(REPO / "geodata")
    for layer in shipped.layers.values():  # every date of today's data is drawn as before (at most all its points)
        assert layer.frame.geometry.geom_type.eq("Point").sum() < client.CLUSTER_AT
    monkeypatch.setenv("ATLAS_CLUSTER_AT", "20")
    assert client.cluster_options()["clusterAt"] == 20
    monkeypatch.setenv("ATLAS_CLUSTER_AT", "many")
    assert client.cluster_options()["clusterAt"] == client.CLUSTER_AT  # not a number: the default
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    assert '"clusterAt": 600' in _get_map_string(elements.base_map("en", page_catalog))
    assert "clusterAt" not in _get_map_string(elements.base_map("en", page_catalog, embedded=True))


def test_a_page_dense_enough_to_cluster_loads_the_plugin_with_the_client(monkeypatch, loaded):
    """So that its first map is drawn in clusters (a sparser page loads it only if a date needs it)."""
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")

    def client_of(m):
        (reader,) = [c for c in m._children.values() if isinstance(c, elements.MapClient)]
        return reader

    monkeypatch.delenv("ATLAS_CLUSTER_AT", raising=False)
    sparse = client_of(elements.base_map("en", page_catalog))
    assert sparse.default_js == client.script_urls() and sparse.default_css == client.style_urls()
    monkeypatch.setenv("ATLAS_CLUSTER_AT", str(len(page_catalog.places)))
    dense = client_of(elements.base_map("en", page_catalog))
    assert dense.default_js == client.script_urls(True) != client.script_urls()  # the client with the plugin
    assert dense.default_css == client.style_urls(True)
    # and draws every date in clusters, from its first (never switching on a step); a sparse page keeps
    # the threshold per date
    assert json.loads(dense.options)["clusterFirst"] is True
    assert "clusterFirst" not in json.loads(sparse.options)
    monkeypatch.setenv("ATLAS_CLUSTER_AT", "0")  # never clusters: never loads it
    assert client_of(elements.base_map("en", page_catalog)).default_js == client.script_urls()


def test_the_overlays_join_the_map_s_one_layer_control(loaded):
    """The basemaps (folium's layer control) and the overlays (1945, railways) share one control: the
    client is handed that control by its script name, on a page of the app and in a standalone page."""
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    for embedded in (False, True):
        html = _get_map_string(elements.base_map("en", page_catalog, embedded=embedded))
        (control,) = re.findall(r"let (layer_control_\w+) = L\.control\.layers\(", html)
        assert re.search(r"AtlasMap\.addOverlays\(L, map_\w+, window\.atlas, " + control + r"\);", html)
        assert html.count("L.control.layers(") == 1
