"""The real geodata/: every rule holds, the files open without the app, and the docs are complete."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest

from atlas.load import load_layers, validate_package
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA
from tests.conftest import REPO, SCHEMA

PROPS = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["props"]["properties"]
README = (GEODATA / "README.md").read_text(encoding="utf-8")
GEOJSON_FILES = sorted(GEODATA.glob("*.geojson"))


@pytest.fixture(scope="module")
def problems():
    return validate_package(GEODATA, use_gazetteer=True)


def all_ids():
    return [f["properties"]["id"] for path in GEOJSON_FILES
            for f in json.loads(path.read_text(encoding="utf-8"))["features"]]


def test_validator_finds_nothing(problems):
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("feature_id", all_ids())
def test_feature_passes_every_rule(feature_id, problems):
    assert [str(p) for p in problems if p.feature == feature_id] == []


@pytest.mark.parametrize("path", GEOJSON_FILES, ids=lambda p: p.name)
def test_file_opens_with_geopandas_as_wgs84(path):
    frame = gpd.read_file(path)
    assert frame.crs.to_epsg() == 4326
    assert {"id", "kind", "name_en", "name_es", "date_start", "date_certainty", "sources"} <= set(frame.columns)
    assert frame["id"].is_unique


def test_sources_open_with_pandas():
    frame = pd.read_csv(GEODATA / "sources.csv")
    assert frame["key"].is_unique and frame["citation"].notna().all() and frame["rights"].notna().all()


def test_geojson_is_canonical():
    run = subprocess.run([sys.executable, "scripts/fmt_geodata.py", "--check"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout


def test_every_schema_field_is_documented():
    for field in PROPS:
        assert f"`{field}`" in README, f"{field} is missing from geodata/README.md"


@pytest.mark.parametrize("field", ["kind", "date_certainty", "location_precision", "coord_method", "front"])
def test_every_vocabulary_value_is_documented(field):
    for value in PROPS[field]["enum"]:
        assert re.search(rf"`{re.escape(value)}`", README), f"{field}={value} is not documented"


def test_offensive_slice_covers_the_three_fronts():
    layers, _, _ = load_layers(GEODATA)
    frame = layers["offensive"].frame
    placed = frame[frame.geometry.notna()]
    assert len(placed) >= 15
    for front in ("transbaikal", "far_eastern_1", "far_eastern_2"):
        kinds = set(placed.loc[placed["front"] == front, "kind"])
        assert {"start_area", "objective"} <= kinds, front


def test_estimated_points_state_their_radius():
    layers, _, _ = load_layers(GEODATA)
    frame = layers["offensive"].frame
    estimated = frame[frame["coord_method"] == "estimated"]
    for _, row in estimated.iterrows():
        radius = re.search(r"±(\d+) ?km", row["coord_ref"])
        assert radius and int(radius.group(1)) == int(row["accuracy_km"]), row["id"]
