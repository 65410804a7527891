"""A date's layer, its packed form and the step table: what the server produces for the map client.

The map client's reader (static/map/atlas-map.js) is tested under Node against the same example,
tests/fixtures/client_formats.json, which this module checks is exactly what the producer writes
(``ATLAS_WRITE_FIXTURES=1 pytest tests/unit/test_map_packing.py`` rewrites it after a format change).
"""

import copy
import datetime as dt
import json
import math
import os
from pathlib import Path

import pytest

from atlas import scene
from atlas.load import load_atlas
from atlas.map import catalog, packing
from atlas.pages import MAP_PAGES
from atlas.paths import DEFAULT_GEODATA_DIR
from atlas.timeline import on_date, split_placed
from tests.conftest import write_package
from tests.unit.map_support import layer_on, markers

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "client_formats.json"
FIXTURE_DAYS = [dt.date(1945, 8, d) for d in (16, 18, 20, 21, 22)]


@pytest.fixture
def loaded(package):
    atlas = load_atlas(package)
    assert atlas.problems == ()
    return atlas.layers["offensive"].frame, atlas.sources, atlas.axes


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
        return ([f for f in data["features"] if f["properties"]["kind"] == "axis"],
                [f for f in data["features"] if f["properties"]["kind"] == "arrow"])

    assert lines(dt.date(1945, 8, 16)) == ([], [])  # nothing reached yet
    segs, arrows = lines(dt.date(1945, 8, 18))
    # start-beta -> wp-one reached (solid), wp-one -> wp-two undated (dots)
    assert [s["properties"]["state"] for s in segs] == ["reached", "date_unknown"]
    assert segs[0]["geometry"]["coordinates"] == [[120.0, 47.0], [121.0, 46.0]]
    assert segs[1]["properties"]["style"]["dashArray"] == "1 7"
    assert [a["geometry"]["coordinates"] for a in arrows] == [[122.0, 45.5]]
    segs, arrows = lines(dt.date(1945, 8, 21))
    assert [s["properties"]["state"] for s in segs] == ["reached", "date_unknown", "under_way"]
    assert segs[2]["properties"]["style"]["opacity"] < segs[0]["properties"]["style"]["opacity"]
    segs, arrows = lines(dt.date(1945, 8, 22))
    # once wp-three is reached, the undated stop before it was certainly passed: all solid, one line
    assert [s["properties"]["state"] for s in segs] == ["reached"]
    assert segs[0]["geometry"]["coordinates"] == [[120.0, 47.0], [121.0, 46.0], [122.0, 45.5], [123.0, 45.0]]
    assert arrows[0]["geometry"]["coordinates"] == [123.0, 45.0]


def test_layer_sends_no_popup_text_and_with_a_catalog_no_svg(loaded):
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    for day in (dt.date(1945, 8, 16), dt.date(1945, 8, 21), dt.date(1945, 9, 1)):
        data = layer_on(frame, axes, day, icons=page_catalog.icons)
        allowed = {"axis": {"id", "kind", "line"}, "arrow": {"id", "kind", "size", "icon", "turn"}}
        for f in data["features"]:
            keys = set(f["properties"]) - {"shift", "ring", "color"}
            assert keys == allowed.get(f["properties"]["kind"], {"id", "kind", "icon"}), f["properties"]
            assert "<" not in str(f["properties"])  # no markup at all: icons and popups are in the catalog
            if "icon" in f["properties"]:
                assert f["properties"]["icon"] in page_catalog.icons
            if "line" in f["properties"]:
                assert f["properties"]["line"] in page_catalog.payload["lines"]


def test_markers_sharing_a_place_are_fanned_out_not_moved(features, tmp_path):
    twin = copy.deepcopy(features[0])
    twin["properties"].update(id="air-alpha", kind="landing_air")
    atlas = load_atlas(write_package(tmp_path, [*features, twin]))
    frame = atlas.layers["offensive"].frame
    offsets = packing.fan_offsets(frame)
    assert set(offsets) == {"obj-alpha", "air-alpha"}  # only the two at the same place
    (ax, ay), (bx, by) = offsets["obj-alpha"], offsets["air-alpha"]
    assert math.hypot(ax - bx, ay - by) >= packing.FAN_SPACING_PX - 1  # far enough apart to click each
    placed, _ = split_placed(on_date(frame, dt.date(1945, 8, 20), atlas.axes))
    points = {f["properties"]["id"]: f for f in packing.layer_geojson(placed, "en", offsets=offsets)["features"]}
    assert points["air-alpha"]["geometry"]["coordinates"] == points["obj-alpha"]["geometry"]["coordinates"]
    assert points["air-alpha"]["properties"]["shift"] == list(offsets["air-alpha"])
    assert "shift" not in points["start-beta"]["properties"]


def test_a_shared_estimate_draws_one_accuracy_circle(features, tmp_path):
    twin = copy.deepcopy(features[1])  # start-beta is estimated, ±50 km
    twin["properties"].update(id="start-gamma")
    atlas = load_atlas(write_package(tmp_path, [*features, twin]))
    placed, _ = split_placed(on_date(atlas.layers["offensive"].frame, dt.date(1945, 8, 20), atlas.axes))
    rings = [f["properties"].get("ring", 0) for f in packing.layer_geojson(placed, "en")["features"]
             if f["properties"]["id"] in {"start-beta", "start-gamma"}]
    assert sorted(rings) == [0, 50_000]


@pytest.mark.parametrize("page_name", ["offensive", "dongning", "captivity"])
def test_packed_layer_is_at_most_six_tenths_of_the_geojson_and_uses_the_catalog(page_name):
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    page = MAP_PAGES[page_name]
    frame = scene.page_frame(atlas, page_name)
    page_catalog = catalog.map_catalog(frame, "en", atlas.sources, atlas.axes, page.legend)
    packed_markers = 0
    for day in page.days():
        data = scene.layer_data(atlas, page_name, day, "en", page_catalog.icons)
        packed = packing.pack_layer(data, page_catalog.places)
        assert sum(len(packed[g]) for g in packing.PACKED_GROUPS) == len(data["features"]), day
        assert packed["f"] == [f for f in data["features"] if f["properties"]["kind"] not in
                               {"axis", "arrow"} and f["properties"]["id"] not in page_catalog.places], day
        packed_markers += len(packed["m"])
        if len(data["features"]) > 20:
            assert len(json.dumps(packed)) < 0.6 * len(json.dumps(data)), day
    assert packed_markers > 0  # the compact form is actually used


def test_step_table_stores_shared_rows_once_and_keeps_duplicates_and_group_order():
    layers = [("1945-08-09", {"l": [["ax", "k", [[1, 2], [3, 4]]]], "a": [], "m": [["x", "i1"], ["x", "i1"]], "f": []}),
              ("1945-08-10", {"l": [], "a": [], "m": [["y", "i2"], ["x", "i1"]], "f": [{"type": "Feature"}]})]
    table = packing.step_table("month", layers)
    assert table == {"key": "month", "days": ["1945-08-09", "1945-08-10"],
                     "rows": [["l", ["ax", "k", [[1, 2], [3, 4]]]], ["m", ["x", "i1"]], ["m", ["y", "i2"]],
                              ["f", {"type": "Feature"}]],
                     "steps": [[0, 1, 1], [2, 1, 3]]}


def test_a_marker_whose_place_differs_from_the_catalog_is_sent_whole():
    places = {"x": {"c": [120.0, 45.0], "kind": "camp"}}
    moved = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.0, 45.0]},
             "properties": {"id": "x", "kind": "camp", "icon": "i1"}}
    same = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.0, 45.0]},
            "properties": {"id": "x", "kind": "camp", "icon": "i1", "ring": 5000, "color": "#000"}}
    packed = packing.pack_layer({"features": [moved, same]}, places)
    assert packed == {"l": [], "a": [], "m": [["x", "i1", 5000, "#000"]], "f": [moved]}


def client_formats(package) -> dict:
    """The example of every format the map client reads, from the synthetic package."""
    atlas = load_atlas(package)
    frame = atlas.layers["offensive"].frame
    page_catalog = catalog.map_catalog(frame, "en", atlas.sources, atlas.axes, "offensive")
    layers = []
    for day in FIXTURE_DAYS:
        data = layer_on(frame, atlas.axes, day, icons=page_catalog.icons)
        layers.append({"day": day.isoformat(), "features": data["features"],
                       "packed": packing.pack_layer(data, page_catalog.places)})
    table = packing.step_table("day", [(layer["day"], layer["packed"]) for layer in layers])
    return {"arrowSize": packing.ARROW_SIZE, "places": page_catalog.places, "layers": layers, "table": table}


def test_client_fixture_is_what_the_producer_writes(package):
    """The example the JavaScript tests read (tests/js/) is the Python producer's current output."""
    produced = json.loads(json.dumps(client_formats(package)))
    if os.environ.get("ATLAS_WRITE_FIXTURES") == "1":
        FIXTURE.write_text(json.dumps(produced, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert json.loads(FIXTURE.read_text(encoding="utf-8")) == produced
    assert any(layer["packed"]["m"] for layer in produced["layers"])  # markers by place
    assert any(layer["packed"]["l"] and layer["packed"]["a"] for layer in produced["layers"])  # lines and arrows
