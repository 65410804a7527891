"""The real geodata/: every rule holds, the files open without the app, and the docs are complete."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest

from atlas.citations import cited_keys
from atlas.load import load_atlas, validate_package
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA
from tests.conftest import REPO, SCHEMA

PROPS = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["props"]["properties"]
README = (GEODATA / "README.md").read_text(encoding="utf-8")
GEOJSON_FILES = sorted(GEODATA.glob("*.geojson"))


def test_validator_finds_nothing():
    """Every rule over the whole package, run once; a failure lists each problem as `file: feature: rule`."""
    problems = [str(p) for p in validate_package(GEODATA, use_gazetteer=True)]
    assert problems == [], f"{len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("path", GEOJSON_FILES, ids=lambda p: p.name)
def test_file_opens_with_geopandas_as_wgs84(path):
    frame = gpd.read_file(path)
    assert frame.crs.to_epsg() == 4326
    assert {"id", "kind", "name_en", "name_es", "date_start", "date_certainty", "sources"} <= set(frame.columns)
    if path.name == "offensive.geojson":
        assert {"axis", "seq"} <= set(frame.columns)
    assert frame["id"].is_unique


def test_tables_open_with_pandas():
    frame = pd.read_csv(GEODATA / "sources.csv")
    assert frame["key"].is_unique and frame["citation"].notna().all() and frame["rights"].notna().all()
    assert pd.read_csv(GEODATA / "axes.csv")["axis"].is_unique
    assert pd.read_csv(GEODATA / "claims.csv")["id"].is_unique and pd.read_csv(GEODATA / "history.csv")["id"].is_unique
    figures = pd.read_csv(GEODATA / "figures.csv")
    assert figures["id"].is_unique and figures["value_low"].dtype.kind == "i"


def test_geojson_is_canonical():
    run = subprocess.run([sys.executable, "scripts/fmt_geodata.py", "--check"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout


def test_every_schema_field_is_documented():
    for field in PROPS:
        assert f"`{field}`" in README, f"{field} is missing from geodata/README.md"


@pytest.mark.parametrize("field", ["kind", "date_certainty", "location_certainty", "location_precision",
                                   "coord_method", "front"])
def test_every_vocabulary_value_is_documented(field):
    for value in PROPS[field]["enum"]:
        assert re.search(rf"`{re.escape(value)}`", README), f"{field}={value} is not documented"


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(GEODATA)


@pytest.fixture(scope="module")
def offensive(atlas):
    return atlas.layers["offensive"].frame


def test_offensive_covers_the_three_fronts_and_every_kind(offensive):
    placed = offensive[offensive.geometry.notna()]
    for front in ("transbaikal", "far_eastern_1", "far_eastern_2"):
        kinds = set(placed.loc[placed["front"] == front, "kind"])
        assert {"start_area", "waypoint"} <= kinds, front
    used = set().union(*(set(layer.frame["kind"]) for layer in load_atlas(GEODATA).layers.values()))
    assert used == set(PROPS["kind"]["enum"])


def test_at_least_sixty_dated_sourced_features(offensive):
    dated = offensive[offensive["date_start"].notna() & offensive["sources"].str.contains(": ")]
    assert len(dated) >= 60


def test_every_feature_states_its_certainty(offensive):
    assert offensive["date_certainty"].isin(PROPS["date_certainty"]["enum"]).all()
    placed = offensive[offensive.geometry.notna()]
    assert placed["location_certainty"].isin(PROPS["location_certainty"]["enum"]).all()


ISSUE_AXES = ["36a", "39a", "6gta", "17a", "kmg-duolun", "kmg-kalgan", "35a", "5a", "1rba", "25a", "25a-korea",
              "2rba", "15a", "5src", "16a"]


@pytest.mark.parametrize("axis", ISSUE_AXES)
def test_axis_waypoints_are_in_date_order_inside_the_campaign(axis, atlas, offensive):
    assert axis in atlas.axes
    stops = offensive[offensive["axis"] == axis].sort_values("seq")
    assert len(stops) >= 1
    assert list(stops["seq"].astype(int)) == list(range(1, len(stops) + 1))
    dated = stops[stops["earliest"].notna()]
    lo, hi = dt.date(1945, 8, 8), dt.date(1945, 9, 5)
    assert all(lo <= d <= hi for d in [*dated["earliest"], *dated["latest"]])
    assert list(dated["earliest"]) == sorted(dated["earliest"]), "earliest dates go back in time"
    assert list(dated["latest"]) == sorted(dated["latest"]), "latest dates go back in time"
    start = offensive.set_index("id").loc[atlas.axes[axis].start]
    assert start["kind"] == "start_area"


def test_every_source_key_resolves(atlas, offensive):
    cited = set()
    for value in [*offensive["sources"], *(a.sources for a in atlas.axes.values()), *(f.sources for f in atlas.figures)]:
        cited |= set(cited_keys(value))
    assert cited <= set(atlas.sources)


def test_issue_landings_and_japanese_side_are_present(offensive):
    ids = set(offensive["id"])
    for fid in ("sea-unggi", "sea-rajin", "sea-chongjin", "sea-wonsan", "sea-maoka", "sea-shumshu",
                "air-harbin", "air-changchun", "air-mukden", "air-jilin", "air-port-arthur", "air-dalian",
                "air-pyongyang", "air-hamhung"):
        assert fid in ids, fid
    assert (offensive["kind"] == "fortified_region").sum() >= 17
    assert (offensive["kind"] == "hq").sum() >= 5


def test_figures_show_competing_japanese_dead(atlas):
    killed = {f.value_low: f for f in atlas.figures if f.topic == "japanese_killed"}
    assert {83737, 21389} <= set(killed)
    assert killed[83737].according_to_en != killed[21389].according_to_en


def test_estimated_points_state_their_radius():
    frame = load_atlas(GEODATA).layers["offensive"].frame
    estimated = frame[frame["coord_method"] == "estimated"]
    for _, row in estimated.iterrows():
        radius = re.search(r"±(\d+) ?km", row["coord_ref"])
        assert radius and int(radius.group(1)) == int(row["accuracy_km"]), row["id"]


@pytest.fixture(scope="module")
def dongning(atlas):
    return atlas.layers["dongning"].frame


def test_dongning_features_are_sourced_dated_and_certain(atlas, dongning):
    assert len(dongning) >= 25
    for _, row in dongning.iterrows():
        assert set(cited_keys(row["sources"])) <= set(atlas.sources), row["id"]
        if row["kind"] == "place":
            assert pd.isna(row["date_certainty"]), row["id"]  # reference places carry no date
            continue
        assert row["date_certainty"] in PROPS["date_certainty"]["enum"], row["id"]
        if row["earliest"] is not None:
            assert dt.date(1945, 8, 8) <= row["earliest"] <= row["latest"] <= dt.date(1945, 9, 5), row["id"]


def test_dongning_positions_have_their_names_and_honest_placement(dongning):
    positions = dongning[dongning["kind"] == "position"].set_index("id")
    for fid in ("pos-shenghongshan", "pos-xunshan"):
        assert positions.loc[fid, "name_zh"] and positions.loc[fid, "name_ja"], fid
    estimated = positions[positions["coord_method"] == "estimated"]
    assert len(estimated) and (estimated["accuracy_km"] >= 5).all()
    # the dossier rejects 43°25'N 130°20'E (a county extreme, ~100 km from the town): never used
    for geom in dongning.geometry.dropna():
        for lon, lat in getattr(geom, "coords", []):
            assert not (abs(lat - 43.4167) < 0.05 and abs(lon - 130.3333) < 0.05)


def test_both_surrender_dates_are_given_with_their_sources(dongning):
    by_id = dongning.set_index("id")
    flags, arms = by_id.loc["evt-dn-0828-white-flags"], by_id.loc["evt-dn-0830-arms-laid-down"]  # the two versions
    assert (flags["kind"], flags["date_start"]) == ("event", "1945-08-28")
    assert (arms["kind"], arms["date_start"]) == ("event", "1945-08-30")
    assert flags["sources"] and arms["sources"] and flags["sources"] != arms["sources"]  # each with its own sources
    core = dongning.set_index("id").loc["pos-shenghongshan"]
    assert (core["date_start"], core["date_end"], core["date_certainty"]) == ("1945-08-28", "1945-08-30", "disputed")


def test_claims_and_history_tables(atlas):
    gasoline = [c for c in atlas.claims if c.subject == "dongning" and "gasoline" in c.claim_en.lower()]
    assert gasoline and all(c.verdict == "myth" for c in gasoline)
    assert any(h.date_start.startswith("1934") for h in atlas.history if h.subject == "dongning")
    assert any(h.date_start == "1999-06-18" for h in atlas.history)  # the museum at Xunshan


@pytest.fixture(scope="module")
def camps(atlas):
    return atlas.layers["camps"].frame


def test_at_least_forty_camps_each_with_a_precision_class_and_region(camps):
    camp_rows = camps[camps["kind"] == "camp"]
    assert len(camp_rows) >= 40
    assert camp_rows["location_precision"].isin(["site", "settlement", "region", "estimated"]).all()
    assert camp_rows["region_en"].notna().all() and camp_rows["region_es"].notna().all()
    regions = " ".join(camp_rows["region_en"]).lower()
    for region in ("khabarovsk", "primorsky", "chita", "irkutsk", "magadan", "kazakh", "uzbek", "tatar", "moscow",
                   "ivanovo", "ukrain", "mongolia"):
        assert region in regions, region


def test_captivity_features_are_sourced_and_dated_inside_1945_1956(atlas, camps):
    for _, row in camps.iterrows():
        assert set(cited_keys(row["sources"])) <= set(atlas.sources), row["id"]
        assert row["date_certainty"] in PROPS["date_certainty"]["enum"], row["id"]
        if row["earliest"] is not None:
            # the captivity ends in December 1956; only dated events (the 1991 lists, the 1993 apology) come later
            last = dt.date(1993, 12, 31) if row["kind"] == "event" else dt.date(1956, 12, 31)
            assert dt.date(1945, 8, 1) <= row["earliest"] <= row["latest"] <= last, row["id"]


def test_regional_figures_say_what_they_count(camps):
    figures = camps[camps["kind"] == "region_figure"]
    assert len(figures) >= 6
    assert (figures["value"] > 0).all() and figures["value_label_en"].str.len().gt(10).all()


def test_the_way_home_and_the_last_ship(camps):
    routes = camps[camps["kind"] == "route"]
    assert any("repatriation" in i for i in routes["id"])
    not_events = camps[camps["kind"] != "event"]
    assert max(d for d in not_events["latest"] if d is not None) == dt.date(1956, 12, 31)
    assert {"port-nakhodka", "port-maizuru"} <= set(camps["id"])


def test_captivity_numbers_keep_competing_figures_and_label_private_estimates(atlas):
    deaths = [f for f in atlas.figures if f.subject == "captivity" and f.topic == "cap_deaths"]
    values = {f.value_low for f in deaths}
    assert {55000, 52165} <= values
    high = [f for f in deaths if f.value_low >= 200000 or (f.value_high or 0) >= 200000]
    assert all("estimate" in f.according_to_en.lower() or "private" in f.according_to_en.lower() for f in high)
