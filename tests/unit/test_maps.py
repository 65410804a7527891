import datetime as dt
import math

import folium
import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string

from atlas import maps
from atlas.load import load_atlas
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
    # once wp-three is reached, the undated stop before it was certainly passed: all solid
    assert [s["properties"]["state"] for s in segs] == ["reached", "reached", "reached"]
    assert arrows[0]["geometry"]["coordinates"] == [123.0, 45.0]


def test_styles_encode_front_kind_certainty_and_estimated_position(loaded):
    frame, _, axes = loaded
    props = markers(layer_on(frame, axes, dt.date(1945, 8, 16)))
    alpha, beta = props["obj-alpha"], props["start-beta"]
    assert alpha["color"] == maps.FRONT_COLOR["far_eastern_1"] and "<circle" in alpha["icon"]
    assert beta["color"] == maps.FRONT_COLOR["transbaikal"] and "<rect" in beta["icon"]
    assert 'fill="#ffffff"' in beta["icon"]  # disputed date -> hollow
    assert 'opacity="0.5"' in beta["icon"]  # under way on 16 Aug
    assert beta["ring"] == 50_000 and alpha["ring"] == 0  # estimated -> ring of its accuracy
    assert props["fr-delta"]["color"] == maps.JAPANESE_COLOR and "stroke-dasharray" not in props["fr-delta"]["icon"]
    assert "stroke-dasharray" in props["hq-eps"]["icon"]  # fate unknown -> dashed outline
    fallen = markers(layer_on(frame, axes, dt.date(1945, 8, 19)))["fr-delta"]["icon"]
    assert 'stroke="#1a1a1a"' in fallen and 'opacity="0.5"' in fallen  # crossed out and faded


def test_layer_sends_no_popup_text(loaded):
    frame, _, axes = loaded
    data = layer_on(frame, axes, dt.date(1945, 9, 1))
    allowed = {"axis": {"id", "kind", "state", "style"}, "arrow": {"id", "kind", "size", "icon"}}
    default = {"id", "kind", "title", "color", "size", "icon", "ring"}
    assert all(set(f["properties"]) - {"shift"} == allowed.get(f["properties"]["kind"], default) for f in data["features"])


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
    rings = [f["properties"]["ring"] for f in maps.layer_geojson(placed, "en")["features"]
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


def test_base_map_is_identical_across_reruns_and_independent_of_the_day(loaded):
    frame, sources, _ = loaded
    catalog = maps.popup_catalog(frame, "en", sources)
    first, second = maps.base_map("en", catalog), maps.base_map("en", catalog)
    assert _get_map_string(first) == _get_map_string(second)
    assert _get_map_string(maps.base_map("es", catalog)) != _get_map_string(first)


def test_base_map_loads_only_leaflet_and_has_legend_and_attribution(loaded):
    frame, sources, _ = loaded
    m = maps.base_map("en", maps.popup_catalog(frame, "en", sources))
    assert m.default_js == [("leaflet", maps.LEAFLET_JS)]
    html = m.get_root().render()
    assert "atlas-legend" in html and "Transbaikal Front" in html
    assert "OpenStreetMap" in html and "Esri" in html  # tile attributions
    assert "window.atlasPopups" in html
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 2 and all(t.options.get("attribution") for t in tiles)


def test_feature_group_js_is_small_and_self_contained(loaded):
    frame, sources, axes = loaded
    m = maps.base_map("en", maps.popup_catalog(frame, "en", sources))
    placed, _ = split_placed(on_date(frame, dt.date(1945, 9, 1), axes))
    js = _get_feature_group_string(maps.feature_layer(placed, dt.date(1945, 9, 1), "en"), m)
    assert "L.geoJson" in js and "atlasPopups" in js
    assert "Alpha text." not in js  # popups are in the base map, not re-sent per step


def test_marker_svg_shapes():
    for shape, tag in (("circle", "<circle"), ("square", "<rect"), ("triangle", "<polygon"), ("diamond", "<polygon"),
                       ("star", "<polygon"), ("fort", "<path"), ("anchor", "<path"), ("parachute", "<path")):
        svg = maps.marker_svg(shape, "#000000", True, 16)
        assert svg.startswith("<svg") and tag in svg


def test_legend_html_cannot_close_the_script_tag():
    m = folium.Map(tiles=None)
    m.add_child(maps.Legend("</script><b>x</b>"))
    html = m.get_root().render()
    assert "\\u003c/script\\u003e" in html and "</script><b>x</b>" not in html


def test_standalone_html_holds_the_map_the_layer_and_the_popups(loaded):
    frame, sources, axes = loaded
    shown = on_date(frame, dt.date(1945, 8, 20), axes)
    placed, _ = split_placed(shown)
    html = maps.standalone_html(maps.base_map("en", maps.popup_catalog(frame, "en", sources, axes)),
                                maps.feature_layer(placed, dt.date(1945, 8, 20), "en"), "Test map")
    assert html.startswith("<!DOCTYPE html>") and "<title>Test map</title>" in html
    assert "L.map(" in html and "window.atlasPopups" in html and '"wp-one"' in html
    assert html.index("window.atlasPopups") < html.index('"wp-one"')  # popups defined before the layer uses them
