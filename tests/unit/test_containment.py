"""The border-containment rule: a feature that declares its country must lie in it, within its radius."""

from __future__ import annotations

import pyproj
import pytest
import shapely
from shapely.geometry import box

from atlas.containment import (
    TOLERANCE_KM,
    Country,
    check_containment,
    distance_outside_km,
    feature_problem,
    load_borders,
)
from atlas.load import validate_package
from tests.conftest import write_package

GEOD = pyproj.Geod(ellps="WGS84")

# 30 km east of the China-Russia border near Dongning (the border follows the Hubutu river at
# about 131.2-131.3 E there), i.e. in Russia's Primorye.
OVER_DONGNING = (131.62, 43.95)


def placed(lon: float, lat: float, country: str | None = "CHN", accuracy_km: float = 5, fid: str = "pos-test",
           geometry: dict | None = None) -> dict:
    props = {"id": fid, "kind": "position", "accuracy_km": accuracy_km}
    if country is not None:
        props["country"] = country
    return {"type": "Feature", "properties": props,
            "geometry": geometry if geometry is not None else {"type": "Point", "coordinates": [lon, lat]}}


@pytest.fixture(scope="module")
def borders():
    return load_borders()


def test_border_layer_has_the_region_countries(borders):
    assert {"CHN", "RUS", "MNG", "PRK", "KOR", "JPN", "KAZ", "UZB", "UKR"} <= set(borders)


def test_point_inside_passes(borders):
    assert feature_problem(placed(126.63, 45.75, "CHN"), borders) is None  # Harbin


def test_the_dongning_test_point_is_about_30_km_over_the_border(borders):
    km = distance_outside_km(*OVER_DONGNING, borders["CHN"])
    assert 25 <= km <= 35
    assert distance_outside_km(*OVER_DONGNING, borders["RUS"]) == 0.0


def test_point_30_km_over_the_dongning_border_with_radius_5_fails(borders):
    message = feature_problem(placed(*OVER_DONGNING, "CHN", accuracy_km=5), borders)
    assert message is not None
    assert "outside the declared country CHN" in message and "km" in message and "RUS" in message


def test_same_point_with_radius_40_passes(borders):
    assert feature_problem(placed(*OVER_DONGNING, "CHN", accuracy_km=40), borders) is None


def test_unknown_country_code_is_a_problem(borders):
    message = feature_problem(placed(126.63, 45.75, "XYZ"), borders)
    assert message is not None and "'XYZ' is not a country of the border layer" in message


def test_feature_without_country_is_skipped(borders):
    assert feature_problem(placed(*OVER_DONGNING, None), borders) is None
    assert check_containment("offensive.geojson", [placed(*OVER_DONGNING, None)]) == []


def test_feature_without_place_is_skipped(borders):
    feature = placed(0, 0, "CHN")
    feature["geometry"] = None
    assert feature_problem(feature, borders) is None


def test_problem_names_file_feature_country_and_distance(borders):
    problems = check_containment("dongning.geojson", [placed(*OVER_DONGNING, "CHN", fid="pos-over")], borders)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.feature) == ("dongning.geojson", "pos-over")
    assert "CHN" in problem.message and "accuracy_km 5" in problem.message
    km = float(problem.message.split(" lies ")[1].split(" km ")[0])
    assert 25 <= km <= 35


def test_a_line_is_judged_by_its_farthest_vertex(borders):
    line = {"type": "LineString", "coordinates": [[126.63, 45.75], list(OVER_DONGNING)]}
    assert feature_problem(placed(0, 0, "CHN", geometry=line), borders) is not None
    assert feature_problem(placed(0, 0, "CHN", accuracy_km=40, geometry=line), borders) is None


def test_tolerance_absorbs_the_border_generalisation():
    square = Country("SQR", "Square", box(10.0, 0.0, 11.0, 1.0))
    shapely.prepare(square.geometry)
    lon = 11.0 + 0.9 / 111.32  # about 0.9 km east of the edge, at the equator
    assert feature_problem(placed(lon, 0.5, "SQR", accuracy_km=0), {"SQR": square}) is None
    assert TOLERANCE_KM == 1.0


@pytest.mark.parametrize("lat", [0.0, 45.0, 70.0])
def test_distance_is_geodesic(lat):
    """The azimuthal-equidistant distance matches the ellipsoidal geodesic to the nearest edge."""
    country = Country("SQR", "Square", box(100.0, lat - 1.0, 101.0, lat + 1.0))
    shapely.prepare(country.geometry)
    lon = 101.5
    expected = GEOD.inv(lon, lat, 101.0, lat)[2] / 1000.0  # along the parallel: close to the nearest point
    km = distance_outside_km(lon, lat, country)
    assert km == pytest.approx(expected, rel=0.01)


def test_far_outside_is_measured_not_infinite(borders):
    km = distance_outside_km(139.69, 35.69, borders["MNG"])  # Tokyo, far from Mongolia
    assert 2000 < km < 4000


def test_validator_reports_a_feature_outside_its_country(tmp_path, features):
    features[0]["properties"]["country"] = "RUS"  # obj-alpha is at Harbin
    problems = validate_package(write_package(tmp_path / "geodata", features))
    mine = [p for p in problems if p.feature == "obj-alpha"]
    assert len(mine) == 1 and "outside the declared country RUS" in mine[0].message


def test_validator_accepts_a_feature_inside_its_country(tmp_path, features):
    features[0]["properties"]["country"] = "CHN"
    assert validate_package(write_package(tmp_path / "geodata", features)) == []


def test_numpy_coordinates_are_measured_like_floats(borders):
    import numpy as np

    lon, lat = OVER_DONGNING
    assert distance_outside_km(np.float64(lon), np.float64(lat), borders["CHN"]) == pytest.approx(
        distance_outside_km(lon, lat, borders["CHN"]))


def test_a_line_is_judged_by_where_it_leads_not_where_it_starts(borders):
    """An attack direction starts across the border by design; its country is that of its target."""
    into_china = {"type": "LineString", "coordinates": [list(OVER_DONGNING), [131.0, 44.05]]}
    into_russia = {"type": "LineString", "coordinates": [[131.0, 44.05], list(OVER_DONGNING)]}
    assert feature_problem(placed(0, 0, geometry=into_china, fid="atk-test"), borders) is None
    problem = feature_problem(placed(0, 0, geometry=into_russia, fid="atk-test"), borders)
    assert problem is not None and problem.startswith(f"country: [{OVER_DONGNING[0]}, {OVER_DONGNING[1]}] lies ")
