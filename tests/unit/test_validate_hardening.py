"""The validator against what curators and hostile data really do (issue 15, low findings)."""

from __future__ import annotations

import json

import pytest

from atlas.load import load_atlas, validate_package
from tests.conftest import FIGURES_CSV, SOURCES_CSV, STORY_CSV, write_package


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "JaVaScRiPt:alert(1)", "ftp://example.org/x", "//example.org/x", "example.org",
                                 " javascript:alert(1)", "file:///etc/passwd"])
def test_source_urls_are_http_or_https_only(url, tmp_path):
    sources = SOURCES_CSV.replace("https://example.org/doe", f'"{url}"')
    folder = write_package(tmp_path, sources=sources)
    problems = [str(p) for p in validate_package(folder)]
    assert any(p.startswith("sources.csv: doe-1990: url:") and "http" in p for p in problems), problems
    assert load_atlas(folder).sources["doe-1990"].url == ""  # never offered as a link


def test_http_and_https_urls_and_empty_ones_pass(package):
    assert validate_package(package) == []


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinite_coordinates_are_named_as_such(value, features, tmp_path):
    features[0]["geometry"] = {"type": "Point", "coordinates": ["LON", 45.75]}
    raw = json.dumps({"type": "FeatureCollection", "features": features}).replace('"LON"', value)
    problems = [str(p) for p in validate_package(write_package(tmp_path, raw_geojson=raw))]
    (alpha,) = [p for p in problems if p.startswith("offensive.geojson: obj-alpha: geometry")]
    assert "not a finite number" in alpha and value.lstrip("-") in alpha
    assert "self-intersecting" not in alpha


@pytest.mark.parametrize("table", ["story", "axes", "figures", "claims", "history", "labels", "sources"])
def test_a_table_with_a_header_only_is_flagged(table, tmp_path):
    folder = write_package(tmp_path)
    path = folder / f"{table}.csv"
    path.write_text(path.read_text("utf-8").splitlines()[0] + "\n", "utf-8")
    problems = [str(p) for p in validate_package(folder)]
    assert f"{table}.csv: -: the table has a header but no rows" in problems


@pytest.mark.parametrize("content", ["", "\ufeff", "\n\n"], ids=["no bytes", "a byte-order mark only", "blank lines"])
@pytest.mark.parametrize("table", ["story", "axes", "figures", "claims", "history", "labels", "sources"])
def test_an_empty_table_file_is_flagged(table, content, tmp_path):
    """Low finding: an empty story.csv passed the validator. Whatever 'empty' looks like, it is named."""
    folder = write_package(tmp_path)
    (folder / f"{table}.csv").write_text(content, "utf-8")
    problems = [str(p) for p in validate_package(folder) if p.file == f"{table}.csv"]
    assert problems and problems[0].startswith(f"{table}.csv: -: missing column(s): "), problems


LONG = "x" * 300_000  # under the 1 MB file limit, far over the 4,000-character text limit
LONG_CELL = "x" * 100_000  # Python's csv module refuses a field over 128 KiB (that is a problem of its own)


@pytest.mark.parametrize(("where", "change"), [
    ("feature kind", lambda f, s: f[0]["properties"].update(kind=LONG)),
    ("source key", lambda f, s: f[0]["properties"].update(sources=LONG + ": p. 1")),
    ("date", lambda f, s: f[0]["properties"].update(date_start=LONG)),
    ("coord_ref", lambda f, s: f[0]["properties"].update(coord_ref=LONG)),
    ("story page", lambda f, s: s.update(story=STORY_CSV.replace("1,offensive,", f"1,{LONG_CELL},"))),
    ("story focus", lambda f, s: s.update(story=STORY_CSV.replace("obj-alpha", LONG_CELL))),
    ("story step", lambda f, s: s.update(story=STORY_CSV.replace("\n2,", f"\n{LONG_CELL},"))),
    ("figure value", lambda f, s: s.update(figures=FIGURES_CSV.replace(",1000,", f",{LONG_CELL},"))),
])
def test_long_values_are_truncated_in_messages(where, change, features, tmp_path):
    tables: dict[str, str] = {}
    change(features, tables)
    problems = validate_package(write_package(tmp_path, features, **tables))
    assert problems, where
    for problem in problems:
        assert len(problem.feature) <= 120 and len(problem.message) <= 600, (where, str(problem)[:300])
        assert "x" * 121 not in str(problem), (where, str(problem)[:300])


def test_a_huge_csv_field_is_one_clear_problem(tmp_path):
    huge = "x" * 500_000  # over the csv module's 128 KiB field limit, under the 1 MB file limit
    problems = [str(p) for p in validate_package(write_package(tmp_path, story=STORY_CSV.replace("obj-alpha", huge)))]
    assert any(p.startswith("story.csv: -: ") and "longer than" in p for p in problems), problems


def test_a_label_at_nan_is_named_as_such(tmp_path):
    labels = ("id,pages,name_en,name_es,name_local,lat,lon,geonames_id,rank\n"
              "lbl-alpha,offensive,Alpha town,Pueblo Alfa,阿尔法,nan,126.65,2037013,1\n")
    problems = [str(p) for p in validate_package(write_package(tmp_path, labels=labels))]
    assert "labels.csv: lbl-alpha: lat/lon: NaN or infinite is not a coordinate" in problems
