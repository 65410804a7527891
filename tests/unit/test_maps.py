import datetime as dt
import json
import math

import folium
import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string

from atlas import maps, scene
from atlas.load import load_atlas
from atlas.paths import DEFAULT_GEODATA_DIR
from atlas.timeline import axis_geometry, mercator_bearing, on_date, split_placed


@pytest.fixture
def loaded(package):
    atlas = load_atlas(package)
    assert atlas.problems == ()
    return atlas.layers["offensive"].frame, atlas.sources, atlas.axes


def geojson_of(group: folium.FeatureGroup) -> dict:
    (layer,) = [c for c in group._children.values() if isinstance(c, folium.GeoJson)]
    return layer.data


def layer_on(frame, axes, day: dt.date) -> dict:
    shown = on_date(frame, day, axes)
    placed, _ = split_placed(shown)
    segments, heads = axis_geometry(shown, frame, axes)
    return geojson_of(maps.feature_layer(placed, day, "en", segments, heads))


def markers(data: dict) -> dict:
    return {f["properties"]["id"]: f["properties"] for f in data["features"] if f["properties"]["kind"] not in {"axis", "arrow"}}


def test_layer_holds_exactly_the_placed_features_of_the_day(loaded):
    frame, _, axes = loaded
    assert sorted(markers(layer_on(frame, axes, dt.date(1945, 8, 11)))) == ["fr-delta", "obj-alpha"]
    assert sorted(markers(layer_on(frame, axes, dt.date(1945, 8, 12)))) == ["fr-delta", "hq-eps", "obj-alpha"]
    on_20 = markers(layer_on(frame, axes, dt.date(1945, 8, 20)))
    assert sorted(on_20) == ["fr-delta", "hq-eps", "obj-alpha", "start-beta", "wp-one", "wp-three", "wp-two"]


def test_axis_lines_grow_with_the_date_and_end_in_an_arrowhead(loaded):
    frame, _, axes = loaded

    def lines(day):
        data = layer_on(frame, axes, day)
        segs = [f for f in data["features"] if f["properties"]["kind"] == "axis"]
        arrows = [f for f in data["features"] if f["properties"]["kind"] == "arrow"]
        return segs, arrows

    assert lines(dt.date(1945, 8, 16)) == ([], [])  # nothing reached yet
    segs, arrows = lines(dt.date(1945, 8, 18))
    # start-beta -> wp-one reached (solid), wp-one -> wp-two undated (dots)
    assert [s["properties"]["state"] for s in segs] == ["reached", "date_unknown"]
    assert segs[0]["geometry"]["coordinates"] == [[120.0, 47.0], [121.0, 46.0]]
    assert segs[1]["properties"]["style"]["dashArray"] == maps.UNKNOWN_DASH
    assert len(arrows) == 1 and arrows[0]["geometry"]["coordinates"] == [122.0, 45.5]
    segs, arrows = lines(dt.date(1945, 8, 21))
    assert [s["properties"]["state"] for s in segs] == ["reached", "date_unknown", "under_way"]
    assert segs[2]["properties"]["style"]["opacity"] < segs[0]["properties"]["style"]["opacity"]
    segs, arrows = lines(dt.date(1945, 8, 22))
    # once wp-three is reached, the undated stop before it was certainly passed: all solid, one line
    assert [s["properties"]["state"] for s in segs] == ["reached"]
    assert segs[0]["geometry"]["coordinates"] == [[120.0, 47.0], [121.0, 46.0], [122.0, 45.5], [123.0, 45.0]]
    assert arrows[0]["geometry"]["coordinates"] == [123.0, 45.0]


def test_styles_encode_front_kind_certainty_and_estimated_position(loaded):
    frame, _, axes = loaded
    props = markers(layer_on(frame, axes, dt.date(1945, 8, 16)))
    alpha, beta = props["obj-alpha"], props["start-beta"]
    assert maps.FRONT_COLOR["far_eastern_1"] in alpha["svg"] and "<circle" in alpha["svg"]
    assert beta["color"] == maps.FRONT_COLOR["transbaikal"] and "<rect" in beta["svg"]
    assert 'fill="#ffffff"' in beta["svg"]  # disputed date -> hollow
    assert 'opacity="0.5"' in beta["svg"]  # under way on 16 Aug
    assert beta["ring"] == 50_000 and "ring" not in alpha  # estimated -> ring of its accuracy
    assert maps.JAPANESE_COLOR in props["fr-delta"]["svg"] and "stroke-dasharray" not in props["fr-delta"]["svg"]
    assert "stroke-dasharray" in props["hq-eps"]["svg"]  # fate unknown -> dashed outline
    fallen = markers(layer_on(frame, axes, dt.date(1945, 8, 19)))["fr-delta"]["svg"]
    assert 'stroke="#1a1a1a"' in fallen and 'opacity="0.5"' in fallen  # crossed out and faded


def test_layer_sends_no_popup_text_and_with_a_catalog_no_svg(loaded):
    frame, sources, axes = loaded
    catalog = maps.map_catalog(frame, "en", sources, axes, "offensive")
    for day in (dt.date(1945, 8, 16), dt.date(1945, 8, 21), dt.date(1945, 9, 1)):
        shown = on_date(frame, day, axes)
        placed, _ = split_placed(shown)
        segments, heads = axis_geometry(shown, frame, axes)
        data = maps.layer_geojson(placed, "en", segments, heads, icons=catalog.icons)
        allowed = {"axis": {"id", "kind", "line"}, "arrow": {"id", "kind", "size", "icon", "turn"}}
        for f in data["features"]:
            keys = set(f["properties"]) - {"shift", "ring", "color"}
            assert keys == allowed.get(f["properties"]["kind"], {"id", "kind", "icon"}), f["properties"]
            assert "<" not in str(f["properties"])  # no markup at all: icons and popups are in the catalog
            if "icon" in f["properties"]:
                assert f["properties"]["icon"] in catalog.icons  # every icon the layer names is in the catalog
            if "line" in f["properties"]:
                assert f["properties"]["line"] in catalog.payload["lines"]


def test_catalog_is_one_hidden_element_and_its_id_follows_its_content(loaded):
    frame, sources, axes = loaded
    en = maps.map_catalog(frame, "en", sources, axes, "offensive")
    es = maps.map_catalog(frame, "es", sources, axes, "offensive")
    assert en.id != es.id and en.id == maps.map_catalog(frame, "en", sources, axes, "offensive").id
    html = maps.catalog_html(en)
    assert html.startswith(f'<div id="atlas-catalog-{en.id}" hidden data-catalog="') and html.count("<") == 2
    assert "\\u003cdiv" in html  # popup markup travels as JSON escapes: no markup in the attribute
    assert set(en.payload) == {"popups", "icons", "sizes", "lines", "legend", "places"}


def test_markers_sharing_a_place_are_fanned_out_not_moved(loaded, features, tmp_path):
    import copy

    from tests.conftest import write_package

    twin = copy.deepcopy(features[0])
    twin["properties"].update(id="air-alpha", kind="landing_air")
    atlas = load_atlas(write_package(tmp_path, [*features, twin]))
    frame = atlas.layers["offensive"].frame
    offsets = maps.fan_offsets(frame)
    assert set(offsets) == {"obj-alpha", "air-alpha"}  # only the two at the same place
    assert offsets["obj-alpha"] != offsets["air-alpha"]
    (ax, ay), (bx, by) = offsets["obj-alpha"], offsets["air-alpha"]
    assert math.hypot(ax - bx, ay - by) >= maps.FAN_SPACING_PX - 1  # far enough apart to click each
    shown = on_date(frame, dt.date(1945, 8, 20), atlas.axes)
    placed, _ = split_placed(shown)
    data = maps.layer_geojson(placed, "en", offsets=offsets)
    points = {f["properties"]["id"]: f for f in data["features"]}
    assert points["air-alpha"]["geometry"]["coordinates"] == points["obj-alpha"]["geometry"]["coordinates"]
    assert points["air-alpha"]["properties"]["shift"] == list(offsets["air-alpha"])
    assert "shift" not in points["start-beta"]["properties"]


def test_a_shared_estimate_draws_one_accuracy_circle(features, tmp_path):
    import copy

    from tests.conftest import write_package

    twin = copy.deepcopy(features[1])  # start-beta is estimated, ±50 km
    twin["properties"].update(id="start-gamma")
    atlas = load_atlas(write_package(tmp_path, [*features, twin]))
    placed, _ = split_placed(on_date(atlas.layers["offensive"].frame, dt.date(1945, 8, 20), atlas.axes))
    rings = [f["properties"].get("ring", 0) for f in maps.layer_geojson(placed, "en")["features"]
             if f["properties"]["id"] in {"start-beta", "start-gamma"}]
    assert sorted(rings) == [0, 50_000]


def test_mercator_bearing_points_the_right_way():
    assert mercator_bearing((120.0, 45.0), (120.0, 46.0)) == pytest.approx(0)
    assert mercator_bearing((120.0, 45.0), (121.0, 45.0)) == pytest.approx(90)
    assert mercator_bearing((120.0, 45.0), (119.0, 45.0)) == pytest.approx(270)
    # one degree east and one north at 45°N is steeper than 45° on a Mercator map
    assert mercator_bearing((120.0, 45.0), (121.0, 46.0)) < 45


def test_popup_catalog_covers_every_feature_and_axis(loaded):
    frame, sources, axes = loaded
    catalog = maps.popup_catalog(frame, "es", sources, axes)
    assert set(catalog) == set(frame["id"]) | {"axis-ax1"}
    assert "Alfa" in catalog["obj-alpha"]["popup"] and "J. Doe" in catalog["obj-alpha"]["popup"]
    assert "Primer Ejército" in catalog["axis-ax1"]["popup"] and "A. Nobody" in catalog["axis-ax1"]["popup"]
    assert "Primer Ejército" in catalog["wp-one"]["popup"]  # a waypoint names its army
    assert "fecha desconocida" in catalog["wp-two"]["tooltip"]


def test_base_map_is_identical_across_reruns_small_and_independent_of_the_day(loaded):
    frame, sources, axes = loaded
    en = maps.map_catalog(frame, "en", sources, axes, "offensive")
    first, second = maps.base_map("en", en), maps.base_map("en", en)
    assert _get_map_string(first) == _get_map_string(second)
    assert _get_map_string(maps.base_map("es", maps.map_catalog(frame, "es", sources, axes, "offensive"))) != \
        _get_map_string(first)  # another language names another catalog
    # It is resent with every step, so it stays small; it carries the drawing code (atlasApply and
    # the step table's reader), the layer only ids and keys, or just the date.
    assert len(_get_map_string(first)) < 10_000


def test_base_map_loads_only_leaflet_and_reads_its_catalog(loaded):
    frame, sources, axes = loaded
    catalog = maps.map_catalog(frame, "en", sources, axes, "offensive")
    m = maps.base_map("en", catalog)
    assert m.default_js == [("leaflet", maps.LEAFLET_JS)]
    html = m.get_root().render()
    assert "OpenStreetMap" in html and "Esri" in html  # tile attributions
    assert f"atlas-catalog-{catalog.id}" in html and "window.atlasCatalog" in html and "atlas-legend" in html
    assert "Transbaikal Front" in catalog.payload["legend"]
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 2 and all(t.options.get("attribution") for t in tiles)


def test_feature_group_js_is_small_and_self_contained(loaded):
    frame, sources, axes = loaded
    catalog = maps.map_catalog(frame, "en", sources, axes, "offensive")
    m = maps.base_map("en", catalog)
    placed, _ = split_placed(on_date(frame, dt.date(1945, 9, 1), axes))
    js = _get_feature_group_string(maps.feature_layer(placed, dt.date(1945, 9, 1), "en", icons=catalog.icons), m)
    assert "L.geoJson" in js and "atlasCatalog" in js
    assert "Alpha text." not in js and "<svg" not in js  # popups and icons are in the catalog, not re-sent


def test_marker_svg_shapes():
    for shape, tag in (("circle", "<circle"), ("square", "<rect"), ("triangle", "<polygon"), ("diamond", "<polygon"),
                       ("star", "<polygon"), ("fort", "<path"), ("anchor", "<path"), ("parachute", "<path")):
        svg = maps.marker_svg(shape, "#000000", True, 16)
        assert svg.startswith("<svg") and tag in svg


def test_catalog_cannot_close_the_script_tag_in_a_standalone_page(loaded):
    frame, sources, axes = loaded
    catalog = maps.make_catalog({"x": {"popup": "</script><b>x</b>", "tooltip": "", "title": ""}}, {}, "")
    html = maps.standalone_html(maps.base_map("en", catalog), folium.FeatureGroup(), "T", catalog)
    assert "</script><b>x</b>" not in html and "\\u003c/script\\u003e" in html


def test_standalone_html_holds_the_map_the_layer_and_the_catalog(loaded):
    frame, sources, axes = loaded
    catalog = maps.map_catalog(frame, "en", sources, axes, "offensive")
    shown = on_date(frame, dt.date(1945, 8, 20), axes)
    placed, _ = split_placed(shown)
    html = maps.standalone_html(maps.base_map("en", catalog),
                                maps.feature_layer(placed, dt.date(1945, 8, 20), "en", icons=catalog.icons),
                                "Test map", catalog)
    assert html.startswith("<!DOCTYPE html>") and "<title>Test map</title>" in html
    assert "L.map(" in html and "window.__atlasCatalog = " in html and '"wp-one"' in html
    assert html.index("window.__atlasCatalog = ") < html.index('"wp-one"')  # the catalog comes before the layer


def _canonical(features: list[dict]) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True) for f in features)


@pytest.mark.parametrize("page_name", ["offensive", "dongning", "captivity"])
def test_packed_layer_unpacks_to_the_same_features_on_every_date_and_is_smaller(page_name):
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    settings = scene.SCENES[page_name]
    frame = atlas.layers[settings.layer].frame
    catalog = maps.map_catalog(frame, "en", atlas.sources, atlas.axes, settings.legend)
    days = sorted({d for d in frame["earliest"].dropna()} | {d for d in frame["latest"].dropna()})
    packed_markers = 0
    for day in days:
        shown = on_date(frame, day, atlas.axes)
        placed, _ = split_placed(shown)
        segments, heads = axis_geometry(shown, frame, atlas.axes)
        data = maps.layer_geojson(placed, "en", segments, heads, maps.fan_offsets(frame),
                                  maps.proportional_scale(frame), catalog.icons)
        packed = maps.pack_layer(data, catalog.places)
        assert _canonical(maps.unpack_layer(packed, catalog.places)) == _canonical(data["features"]), day
        packed_markers += len(packed["m"])
        if len(data["features"]) > 20:
            assert len(json.dumps(packed)) < 0.6 * len(json.dumps(data)), day
    assert packed_markers > 0  # the compact form is actually used


@pytest.mark.parametrize("page_name", ["offensive", "captivity"])
def test_step_table_gives_back_every_date_exactly_and_stores_shared_rows_once(page_name):
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    settings = scene.SCENES[page_name]
    frame = atlas.layers[settings.layer].frame
    catalog = maps.map_catalog(frame, "en", atlas.sources, atlas.axes, settings.legend)
    days = sorted({d for d in frame["earliest"].dropna()} | {d for d in frame["latest"].dropna()})[:40]
    layers = []
    for day in days:
        (packed,) = [child.packed for child in scene.scene_layer(atlas, page_name, day, "en", catalog)._children.values()]
        layers.append((day.isoformat(), {key: packed[key] for key in maps.PACKED_GROUPS}))
    table = maps.step_table("day", layers)
    for code, packed in layers:
        assert maps.step_layer(table, code) == {**packed, "d": code}, code
    assert table["key"] == "day" and table["days"] == [code for code, _ in layers]
    total = sum(len(packed[key]) for _, packed in layers for key in maps.PACKED_GROUPS)
    assert sum(len(step) for step in table["steps"]) == total
    assert len(table["rows"]) < total / 3  # most rows last from one date to the next
    assert maps.step_layer(table, "1944-01-01") is None


def test_step_table_keeps_duplicate_rows_and_group_order():
    layers = [("1945-08-09", {"l": [["ax", "k", [[1, 2], [3, 4]]]], "a": [], "m": [["x", "i1"], ["x", "i1"]], "f": []}),
              ("1945-08-10", {"l": [], "a": [], "m": [["y", "i2"], ["x", "i1"]], "f": [{"type": "Feature"}]})]
    table = maps.step_table("month", layers)
    assert len(table["rows"]) == 4 and table["steps"][0] == [0, 1, 1]
    assert maps.step_layer(table, "1945-08-10") == {"l": [], "a": [], "m": [["y", "i2"], ["x", "i1"]],
                                                     "f": [{"type": "Feature"}], "d": "1945-08-10"}


def test_steps_element_is_inert_text_and_a_step_by_reference_names_only_the_date(loaded):
    frame, sources, axes = loaded
    catalog = maps.map_catalog(frame, "en", sources, axes, "offensive")
    hostile = {"l": [], "a": [], "m": [], "f": [{"type": "Feature", "properties": {"id": "<script>alert(1)</script>"}}]}
    table = maps.step_table("day", [("1945-08-09", hostile)])
    element = maps.steps_html(catalog, table)
    assert element.startswith(f'<div id="atlas-steps-{catalog.id}" hidden data-steps="')
    inside = element.split('data-steps="', 1)[1].rsplit('"', 1)[0]
    assert "<" not in inside and ">" not in inside and '"' not in inside  # no markup, no way out of the attribute
    import html as html_module
    assert json.loads(html_module.unescape(inside)) == table
    script = _get_feature_group_string(maps.step_ref(dt.date(1945, 8, 20)), maps.base_map("en", catalog))
    assert 'window.atlasApply(map_div, {"d": "1945-08-20", "r": 1})' in script
    base = _get_map_string(maps.base_map("en", catalog))
    assert maps.steps_element_id(catalog) in base and "atlasFollowSlider" in base  # the map knows where to look


def test_a_marker_whose_place_differs_from_the_catalog_is_sent_whole():
    places = {"x": {"c": [120.0, 45.0], "kind": "camp"}}
    moved = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.0, 45.0]},
             "properties": {"id": "x", "kind": "camp", "icon": "i1"}}
    same = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.0, 45.0]},
            "properties": {"id": "x", "kind": "camp", "icon": "i1", "ring": 5000, "color": "#000"}}
    packed = maps.pack_layer({"features": [moved, same]}, places)
    assert packed["f"] == [moved] and packed["m"] == [["x", "i1", 5000, "#000"]]
    assert _canonical(maps.unpack_layer(packed, places)) == _canonical([moved, same])
