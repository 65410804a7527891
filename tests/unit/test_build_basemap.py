"""scripts/build_basemap.py's own pieces: TopoJSON decoding, the antimeridian, shared-arc simplification."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import REPO

_SPEC = importlib.util.spec_from_file_location("build_basemap", REPO / "scripts" / "build_basemap.py")
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)


def test_unwrap_keeps_a_ring_across_the_antimeridian_continuous():
    ring = [(179.0, 65.0), (-179.0, 65.0), (-179.0, 66.0), (179.0, 66.0), (179.0, 65.0)]
    out = build.unwrap(ring)
    assert [x for x, _ in out] == [179.0, 181.0, 181.0, 179.0, 179.0]


def test_unwrap_brings_a_ring_that_starts_east_of_the_antimeridian_back():
    ring = [(-179.0, 65.0), (179.0, 65.0), (179.0, 66.0), (-179.0, 66.0), (-179.0, 65.0)]
    assert min(x for x, _ in build.unwrap(ring)) >= 179.0


def test_unwrap_leaves_a_polar_ring_alone():
    ring = [(-180.0, -85.0), (0.0, -80.0), (180.0, -85.0)]
    assert build.unwrap(ring) == ring


def topology(tmp_path, arcs, geometries, scale=1.0):
    doc = {"type": "Topology", "transform": {"scale": [scale, scale], "translate": [0.0, 0.0]},
           "arcs": arcs, "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}}}
    path = tmp_path / "topo.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_topojson_polygons_decode_with_delta_arcs_and_reversed_arcs(tmp_path):
    # Two unit squares side by side sharing the arc x=1 (arc 0), delta-encoded.
    arcs = [
        [[1, 0], [0, 1]],                     # (1,0) -> (1,1): the shared border
        [[1, 1], [-1, 0], [0, -1], [1, 0]],   # (1,1) -> (0,1) -> (0,0) -> (1,0): the west square's rest
        [[1, 0], [1, 0], [0, 1], [-1, 0]],    # (1,0) -> (2,0) -> (2,1) -> (1,1): the east square's rest
    ]
    geometries = [{"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "West"}},
                  {"type": "Polygon", "arcs": [[2, ~0]], "id": "002", "properties": {"name": "East"}}]
    (west_props, west), (east_props, east) = build.topo_features(topology(tmp_path, arcs, geometries), "countries")
    assert (west_props["name"], west_props["_id"]) == ("West", "001")
    assert west.area == pytest.approx(1.0) and east.area == pytest.approx(1.0)
    assert west.intersection(east).area == 0 and west.boundary.intersection(east.boundary).length == pytest.approx(1)


def test_shared_arcs_are_simplified_once_so_neighbours_still_meet(tmp_path):
    # A wiggly shared border far outside the detail box, between two countries; quantized to 0.001 deg.
    wiggle = [[30000, 40000]] + [[0, 100] if i % 2 else [1, 100] for i in range(20)]  # to (30.01, 42)
    arcs = [
        wiggle,
        [[30010, 42000], [-2010, 0], [0, -2000], [2000, 0]],  # west part
        [[30000, 40000], [2000, 0], [0, 2000], [-1990, 0]],   # east part
    ]
    geometries = [{"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "W"}},
                  {"type": "Polygon", "arcs": [[2, ~0]], "properties": {"name": "E"}}]
    path = topology(tmp_path, arcs, geometries, scale=0.001)
    (_, west), (_, east) = build.topo_features(path, "countries", simplify_outside=0.01)
    assert west.is_valid and east.is_valid
    assert len(west.exterior.coords) < 10  # the wiggle was simplified away
    assert west.intersection(east).area < 1e-12
    assert west.boundary.intersection(east.boundary).length == pytest.approx(2.0, abs=0.01)
