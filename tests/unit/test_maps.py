import datetime as dt

import folium
import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string

from atlas import maps
from atlas.load import load_layers
from atlas.timeline import on_date, split_placed


@pytest.fixture
def loaded(package):
    layers, sources, problems = load_layers(package)
    assert problems == []
    return layers["offensive"].frame, sources


def geojson_of(group: folium.FeatureGroup) -> dict:
    (layer,) = [c for c in group._children.values() if isinstance(c, folium.GeoJson)]
    return layer.data


def test_layer_holds_exactly_the_placed_features_of_the_day(loaded):
    frame, _ = loaded
    placed, _ = split_placed(on_date(frame, dt.date(1945, 8, 12)))
    data = geojson_of(maps.feature_layer(placed, dt.date(1945, 8, 12), "en"))
    assert [f["properties"]["id"] for f in data["features"]] == ["obj-alpha"]
    placed, _ = split_placed(on_date(frame, dt.date(1945, 8, 20)))
    data = geojson_of(maps.feature_layer(placed, dt.date(1945, 8, 20), "en"))
    assert sorted(f["properties"]["id"] for f in data["features"]) == ["obj-alpha", "start-beta"]


def test_styles_encode_front_certainty_and_estimated_position(loaded):
    frame, _ = loaded
    placed, _ = split_placed(on_date(frame, dt.date(1945, 8, 16)))
    props = {f["properties"]["id"]: f["properties"] for f in geojson_of(maps.feature_layer(placed, dt.date(1945, 8, 16), "en"))["features"]}
    alpha, beta = props["obj-alpha"], props["start-beta"]
    assert alpha["color"] == maps.FRONT_STYLE["far_eastern_1"][0] and "<rect" in alpha["icon"]
    assert beta["color"] == maps.FRONT_STYLE["transbaikal"][0] and "<circle" in beta["icon"]
    assert 'fill="#ffffff"' in beta["icon"]  # disputed date -> hollow
    assert 'fill-opacity="0.55"' in beta["icon"]  # under way on 16 Aug
    assert beta["ring"] == 50_000 and alpha["ring"] == 0  # estimated -> ring of its accuracy


def test_layer_sends_no_popup_text(loaded):
    frame, _ = loaded
    placed, _ = split_placed(on_date(frame, dt.date(1945, 9, 1)))
    data = geojson_of(maps.feature_layer(placed, dt.date(1945, 9, 1), "en"))
    assert all(set(f["properties"]) == {"id", "kind", "title", "color", "size", "icon", "ring"} for f in data["features"])


def test_popup_catalog_covers_every_feature(loaded):
    frame, sources = loaded
    catalog = maps.popup_catalog(frame, "es", sources)
    assert set(catalog) == {"obj-alpha", "start-beta", "evt-gamma"}
    assert "Alfa" in catalog["obj-alpha"]["popup"] and "J. Doe" in catalog["obj-alpha"]["popup"]


def test_base_map_is_identical_across_reruns_and_independent_of_the_day(loaded):
    frame, sources = loaded
    catalog = maps.popup_catalog(frame, "en", sources)
    first, second = maps.base_map("en", catalog), maps.base_map("en", catalog)
    assert _get_map_string(first) == _get_map_string(second)
    assert _get_map_string(maps.base_map("es", catalog)) != _get_map_string(first)


def test_base_map_loads_only_leaflet_and_has_legend_and_attribution(loaded):
    frame, sources = loaded
    m = maps.base_map("en", maps.popup_catalog(frame, "en", sources))
    assert m.default_js == [("leaflet", maps.LEAFLET_JS)]
    html = m.get_root().render()
    assert "atlas-legend" in html and "Transbaikal Front" in html
    assert "OpenStreetMap" in html and "Esri" in html  # tile attributions
    assert "window.atlasPopups" in html
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 2 and all(t.options.get("attribution") for t in tiles)


def test_feature_group_js_is_small_and_self_contained(loaded):
    frame, sources = loaded
    m = maps.base_map("en", maps.popup_catalog(frame, "en", sources))
    placed, _ = split_placed(on_date(frame, dt.date(1945, 9, 1)))
    js = _get_feature_group_string(maps.feature_layer(placed, dt.date(1945, 9, 1), "en"), m)
    assert "L.geoJson" in js and "atlasPopups" in js
    assert "Alpha text." not in js  # popups are in the base map, not re-sent per step


def test_marker_svg_shapes():
    for shape, tag in (("circle", "<circle"), ("square", "<rect"), ("triangle", "<polygon"), ("diamond", "<polygon")):
        svg = maps.marker_svg(shape, "#000000", True, 16)
        assert svg.startswith("<svg") and tag in svg


def test_legend_html_cannot_close_the_script_tag():
    m = folium.Map(tiles=None)
    m.add_child(maps.Legend("</script><b>x</b>"))
    html = m.get_root().render()
    assert "\\u003c/script\\u003e" in html and "</script><b>x</b>" not in html
