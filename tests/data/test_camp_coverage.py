"""The coverage table of camp districts: every row is on the map or says why not, and the README states the counts."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from atlas.citations import cited_keys
from atlas.coverage import REFERENCE_DISTRICTS, coverage_of, read_districts
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA

REFERENCE_COUNT = REFERENCE_DISTRICTS  # internment districts in the standard Japanese reference (Nagase Ryōji)
TABLE = GEODATA / "camp_districts.csv"
README = (GEODATA / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def districts() -> pd.DataFrame:
    return pd.read_csv(TABLE, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def camps() -> dict[str, dict]:
    doc = json.loads((GEODATA / "camps.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["id"]: f for f in doc["features"]}


def summary(districts: pd.DataFrame) -> dict[str, int]:
    """The counts as the app computes them (atlas.coverage), from the table as pandas reads it."""
    rows, problems = read_districts(GEODATA)
    assert not problems and len(rows) == len(districts)
    counts = coverage_of(rows)
    return {"numbered_ussr": counts.numbered_ussr, "numbered_on_map": counts.numbered_on_map,
            "unidentified": counts.unidentified, "abroad": counts.abroad, "candidates": counts.candidates,
            "named": counts.named, "named_on_map": counts.named_on_map}


def test_columns_and_keys(districts):
    assert districts["district_id"].is_unique
    assert districts["district_id"].str.fullmatch(r"(gupvi|place)-[a-z0-9-]+").all()
    assert set(districts["basis"]) <= {"numbered", "named"}
    assert set(districts["status"]) <= {"confirmed", "candidate"}
    assert set(districts["scope"]) <= {"ussr", "mongolia", "abroad"}
    for column in ("name_en", "name_es", "region_en", "region_es"):
        assert (districts[column] != "").all(), column


def test_columns_match_the_package(districts):
    package = json.loads((GEODATA / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "camp_districts")
    assert [f["name"] for f in resource["schema"]["fields"]] == list(districts.columns)


def test_every_row_is_on_the_map_or_says_why_not(districts, camps):
    for _, row in districts.iterrows():
        ids = row["feature_ids"].split()
        if not ids:
            assert row["not_placed_reason"].strip(), f"{row['district_id']}: no feature and no reason"
            assert row["not_placed_reason_es"].strip(), f"{row['district_id']}: no reason in Spanish"
            continue
        assert not row["not_placed_reason"] and not row["not_placed_reason_es"], \
            f"{row['district_id']}: placed rows carry no reason"
        for fid in ids:
            assert fid in camps, f"{row['district_id']}: {fid} is not in camps.geojson"
            props = camps[fid]["properties"]
            assert props["kind"] == "camp" and camps[fid]["geometry"] is not None, fid


def test_numbered_rows_match_their_features(districts, camps):
    for _, row in districts[(districts["basis"] == "numbered") & (districts["feature_ids"] != "")].iterrows():
        numbers = set(row["camp_numbers"].split("/"))
        first = camps[row["feature_ids"].split()[0]]["properties"]
        assert numbers & set(str(first.get("camp_number", "")).split("/")), row["district_id"]


def test_candidates_are_not_on_the_map(districts):
    candidates = districts[districts["status"] == "candidate"]
    assert (candidates["feature_ids"] == "").all()


def test_every_source_resolves(districts):
    keys = set(pd.read_csv(GEODATA / "sources.csv")["key"])
    for _, row in districts.iterrows():
        cited = cited_keys(row["sources"])
        assert cited and set(cited) <= keys, row["district_id"]


def test_readme_states_the_counts(districts):
    counts = summary(districts)
    print("camp districts:", counts)
    assert f"{counts['numbered_on_map']} of {REFERENCE_COUNT} districts on the map" in README
    assert f"{counts['unidentified']} of the {REFERENCE_COUNT} remain unidentified" in README
    assert f"{counts['named_on_map']} further places" in README
    assert f"{counts['candidates']} candidate" in README
    assert re.search(rf"{counts['abroad']} transit camps? outside the USSR", README)


def test_regions_are_those_of_the_features(districts, camps):
    for _, row in districts[districts["feature_ids"] != ""].iterrows():
        first = camps[row["feature_ids"].split()[0]]["properties"]
        assert (first["region_en"], first["region_es"]) == (row["region_en"], row["region_es"]), row["district_id"]
