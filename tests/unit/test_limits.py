"""Limits on the size of each file and each text field (issue 15, finding 2): a package over them
is refused with the file named, instead of being loaded into every per-date cache."""

from __future__ import annotations

import json

import pytest

from atlas import csvfile, package
from atlas.load import load_atlas, validate_package
from atlas.model import DataError
from atlas.paths import DEFAULT_GEODATA_DIR
from tests.conftest import SCHEMA, STORY_CSV, write_package


def rewrite(folder, change):
    doc = json.loads((folder / "datapackage.json").read_text("utf-8"))
    change(doc)
    (folder / "datapackage.json").write_text(json.dumps(doc), "utf-8")


def test_a_file_over_its_declared_limit_refuses_the_package(package_dir):
    rewrite(package_dir, lambda doc: doc["resources"][0].setdefault("x-atlas", {}).update(max_bytes=1_000))
    with pytest.raises(DataError, match=r"offensive\.geojson: [\d,]+ bytes, over the limit of 1,000"):
        load_atlas(package_dir)
    (problem,) = validate_package(package_dir)
    assert "offensive.geojson" in problem.message and "max_bytes" in problem.message


def test_a_table_over_its_declared_limit_refuses_the_package(package_dir):
    rewrite(package_dir, lambda doc: next(r for r in doc["resources"] if r["name"] == "story").update(
        {"x-atlas": {"max_bytes": 100}}))
    with pytest.raises(DataError, match=r"story\.csv: [\d,]+ bytes, over the limit of 100 "):
        load_atlas(package_dir)


def test_an_undeclared_limit_is_the_default(package_dir):
    doc = json.loads((package_dir / "offensive.geojson").read_text("utf-8"))
    padded = json.dumps(doc) + " " * package.DEFAULT_MAX_BYTES  # valid JSON, one byte per space
    (package_dir / "offensive.geojson").write_text(padded, "utf-8")
    with pytest.raises(DataError, match=r"offensive\.geojson: .* over the limit"):
        load_atlas(package_dir)


def test_a_text_field_over_the_schema_limit_is_named(features, tmp_path):
    limit = json.loads(SCHEMA.read_text("utf-8"))["$defs"]["text"]["maxLength"]
    features[0]["properties"]["description_en"] = "x" * (limit + 1)
    problems = validate_package(write_package(tmp_path, features))
    (problem,) = [p for p in problems if p.feature == "obj-alpha"]
    assert problem.message == f"description_en: {limit + 1:,} characters, over the limit of {limit:,}"
    assert len(problem.message) < 300


def test_a_csv_field_over_the_limit_is_named_by_line_and_column(tmp_path):
    story = STORY_CSV.replace("Alpha was taken.", "y" * (csvfile.MAX_FIELD_CHARS + 1))
    problems = [str(p) for p in validate_package(write_package(tmp_path, story=story))]
    assert (f"story.csv: line 2: caption_en: {csvfile.MAX_FIELD_CHARS + 1:,} characters, over the limit of "
            f"{csvfile.MAX_FIELD_CHARS:,}") in problems


def test_the_csv_limit_is_the_schema_text_limit():
    assert json.loads(SCHEMA.read_text("utf-8"))["$defs"]["text"]["maxLength"] == csvfile.MAX_FIELD_CHARS


def test_every_real_resource_declares_a_limit_it_is_well_under():
    doc = json.loads((DEFAULT_GEODATA_DIR / "datapackage.json").read_text("utf-8"))
    for entry in [*doc["resources"], *doc["x-basemap"]]:
        limit = entry["x-atlas"]["max_bytes"]
        size = (DEFAULT_GEODATA_DIR / entry["path"]).stat().st_size
        assert size * 2 <= limit, (entry["path"], size, limit)  # room to grow, and a limit that still bites


@pytest.fixture
def package_dir(tmp_path):
    return write_package(tmp_path / "geodata")


def test_a_huge_sources_value_is_refused_quickly_not_matched(features, tmp_path):
    """The schema's pattern for ``sources`` backtracks: 40 kB took a minute. Length comes first."""
    import time

    features[0]["properties"]["sources"] = "doe-1990: " + "x " * 200_000 + ";"
    started = time.monotonic()
    problems = [str(p) for p in validate_package(write_package(tmp_path, features))]
    assert time.monotonic() - started < 10
    assert any(p.startswith("offensive.geojson: obj-alpha: sources: 400,011 characters, over the limit of 4,000")
               for p in problems), problems
