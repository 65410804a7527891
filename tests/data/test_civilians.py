"""The civilians layer (civilians.geojson) and the civilian figures: dated, sourced, placed honestly."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import shapely.geometry

from atlas.citations import cited_keys
from atlas.load import load_atlas
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA

PATH = GEODATA / "civilians.geojson"
FEATURES = json.loads(PATH.read_text(encoding="utf-8"))["features"]
PACKAGE = json.loads((GEODATA / "datapackage.json").read_text(encoding="utf-8"))
RULES = next(r for r in PACKAGE["resources"] if r["name"] == "civilians")["x-atlas"]


def props(fid: str) -> dict:
    return next(f["properties"] for f in FEATURES if f["properties"]["id"] == fid)


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(GEODATA)


def test_the_layer_is_declared_loaded_and_valid(atlas):
    assert RULES["window"] == ["1945-08-01", "1948-12-31"]
    layer = atlas.layers["civilians"]
    assert layer.problems == ()
    assert len(layer.frame) == len(FEATURES) >= 30


def test_ids_are_unique_across_the_package():
    ids = [f["properties"]["id"] for path in GEODATA.glob("*.geojson")
           for f in json.loads(path.read_text(encoding="utf-8"))["features"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("feature", FEATURES, ids=lambda f: f["properties"]["id"])
def test_every_feature_is_dated_and_sourced(feature, atlas):
    p = feature["properties"]
    assert p["date_certainty"] in ("verified", "recalled", "uncertain", "disputed", "unknown")
    if p["date_certainty"] == "unknown":
        assert "date_start" not in p and "date_end" not in p  # an unknown date is never filled in
    else:
        assert re.fullmatch(r"1945(-\d\d(-\d\d)?)?|194[6-8](-\d\d(-\d\d)?)?", p["date_start"])
    keys = cited_keys(p["sources"])
    assert keys and set(keys) <= set(atlas.sources)
    for lang in ("en", "es"):
        assert p[f"name_{lang}"].strip() and p[f"description_{lang}"].strip()
    assert ("deaths_en" in p) == ("deaths_es" in p)


@pytest.mark.parametrize("feature", [f for f in FEATURES if f["geometry"]], ids=lambda f: f["properties"]["id"])
def test_placed_features_sit_inside_the_box_and_say_how_they_were_placed(feature):
    west, south, east, north = RULES["bbox"]
    shape = shapely.geometry.shape(feature["geometry"])
    assert shape.is_valid and shapely.geometry.box(west, south, east, north).contains(shape)
    p = feature["properties"]
    assert p["coord_method"] in ("geonames", "source", "estimated")
    if feature["geometry"]["type"] == "Point":  # routes cross borders and declare no country
        assert p["country"] in ("CHN", "RUS", "JPN", "PRK")
    if p["coord_method"] == "estimated":
        radius = re.search(r"±(\d+) ?km", p["coord_ref"])
        assert radius and int(radius.group(1)) == int(p["accuracy_km"]), p["id"]


def test_the_dates_fit_the_two_pages():
    """August–September 1945 on the offensive page; the winter and 1946–48 on the captivity page."""
    offensive = {"evt-mashan": "1945-08-12", "evt-gegenmiao": "1945-08-14", "evt-three-ships": "1945-08-22",
                 "evt-sado-settlement-site": "1945-08-27"}
    for fid, day in offensive.items():
        assert props(fid)["date_start"] == day
    assert props("port-huludao")["date_start"] == "1946-05-07"
    assert dt.date.fromisoformat(props("refugee-pupyeong")["date_start"]) == dt.date(1945, 12, 2)


def test_competing_counts_are_named_side_by_side():
    mashan = props("evt-mashan")["deaths_en"]
    assert "421" in mashan and "Nakamura" in mashan
    gegenmiao = props("evt-gegenmiao")["deaths_en"]
    assert "1,800" in gegenmiao and "1,200" in gegenmiao
    assert props("evt-sado-settlement-site")["date_certainty"] == "disputed"


def test_unsourced_places_are_not_drawn():
    assert props("evt-mizuho-village")["kind"] == "event"
    assert next(f for f in FEATURES if f["properties"]["id"] == "evt-mizuho-village")["geometry"] is None


CIVILIAN_FIGURES = "civ-"


def test_every_civilian_figure_names_its_claimant_and_source(atlas):
    rows = [f for f in atlas.figures if f.id.startswith(CIVILIAN_FIGURES)]
    assert len(rows) >= 25
    for row in rows:
        assert row.according_to_en.strip() and row.according_to_es.strip(), row.id
        assert set(cited_keys(row.sources)) <= set(atlas.sources), row.id
        assert row.side == "japanese" and row.subject in ("campaign", "captivity")


def test_the_manchurian_dead_are_shown_with_every_claimant(atlas):
    dead = [f for f in atlas.figures if f.topic == "civ_dead_manchuria"]
    assert {f.value_low for f in dead} >= {245000, 200000, 180694, 174022}
    assert len({f.according_to_en for f in dead}) == len(dead)
    ministry = next(f for f in dead if f.value_low == 245000)
    assert "soldiers and civilians together" in ministry.scope_en  # not a civilians-only count
    korea = [f for f in atlas.figures if f.topic == "civ_dead_north_korea"]
    assert {f.value_low for f in korea} == {34600, 25000}


def test_the_story_tells_of_the_civilians_on_both_pages(atlas):
    civilian_keys = {"jawp-mashan", "wp-gegenmiao", "jawp-three-ships", "kikokusha-shusenji", "jawp-huludao"}
    steps = [s for s in atlas.story if civilian_keys & set(cited_keys(s.sources))]
    assert {s.page for s in steps} == {"offensive", "captivity"}
    assert [s.step for s in atlas.story] == list(range(1, len(atlas.story) + 1))
