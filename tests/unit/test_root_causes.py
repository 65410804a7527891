"""Root causes first (issue 15, finding 13): a feature file that cannot be read is the first problem
listed, and what it causes in other files is one line under it, not dozens."""

from __future__ import annotations

import shutil

import pytest

from atlas.load import load_atlas, validate_package
from atlas.paths import DEFAULT_GEODATA_DIR
from tests.conftest import write_package


@pytest.mark.parametrize("raw", ['{"type": "FeatureCollection", "features": [', "", "[1, 2]"])
def test_an_unreadable_feature_file_comes_first_with_its_follow_ons_grouped(raw, tmp_path):
    problems = [str(p) for p in validate_package(write_package(tmp_path, raw_geojson=raw))]
    assert problems[0].startswith("offensive.geojson: -: ")
    assert problems[1].startswith("offensive.geojson: -: ") and "follow-on problem" in problems[1]
    for file in ("axes.csv", "claims.csv", "story.csv"):
        assert file in problems[1]
    assert not any(p.startswith(("axes.csv", "claims.csv", "story.csv")) for p in problems), problems


def test_a_missing_feature_file_comes_first(tmp_path):
    folder = write_package(tmp_path)
    (folder / "offensive.geojson").unlink()
    problems = [str(p) for p in validate_package(folder)]
    assert problems[0] == "offensive.geojson: -: file is missing"
    assert "follow-on" in problems[1]


def test_the_package_problems_name_the_unreadable_file_first(tmp_path):
    """Pages that show no layer (the story, the claims) list the package's problems: the cause is there."""
    folder = write_package(tmp_path, raw_geojson="{")
    atlas = load_atlas(folder)
    assert str(atlas.problems[0]).startswith("offensive.geojson: -: not valid JSON")


def test_a_truncated_real_offensive_file_is_one_cause_and_one_line_of_consequences(tmp_path):
    folder = tmp_path / "geodata"
    shutil.copytree(DEFAULT_GEODATA_DIR, folder)
    text = (folder / "offensive.geojson").read_text("utf-8")
    (folder / "offensive.geojson").write_text(text[: len(text) // 2], "utf-8")
    problems = [str(p) for p in validate_package(folder, use_gazetteer=False)]
    assert problems[0].startswith("offensive.geojson: -: not valid JSON")
    assert "follow-on problem" in problems[1] and "axes.csv" in problems[1]
    assert len(problems) <= 3, problems
