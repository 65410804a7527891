"""The hostile-input corpus through the validator: clear one-line messages, never a crash (issue 15)."""

from __future__ import annotations

import pytest

from atlas.load import load_atlas, validate_package
from atlas.model import MESSAGE_LIMIT, QUOTE_LIMIT
from tests.support.hostile import corpus, cycling, hostile_package, refused, short_corpus

CORPUS = corpus()


def test_the_corpus_has_what_the_issue_asks_for():
    values = [v for _, v in CORPUS]
    assert len(CORPUS) >= 30
    for needle in ("<script", "onerror=", "javascript:", "data:", "](", "![", "# ", "\r===", "\u2028", "\u202e",
                   "=HYPERLINK", "map_div", "data-atlas-catalog", "https://", "www."):
        assert any(needle in v for v in values), needle
    assert max(len(v) for v in values) >= 1_000_000


def assert_clear(problems):
    for problem in problems:
        text = str(problem)
        assert len(problem.file) <= QUOTE_LIMIT and len(problem.feature) <= QUOTE_LIMIT, text[:300]
        assert len(problem.message) <= MESSAGE_LIMIT, text[:300]
        assert not any(c in text for c in "\n\r\u2028\u2029"), repr(text[:300])  # one line each


@pytest.mark.parametrize(("name", "value"), CORPUS, ids=[n for n, _ in CORPUS])
def test_every_free_text_field_takes_the_string(name, value, tmp_path):
    folder = hostile_package(tmp_path / "geodata", lambda: value)
    problems = validate_package(folder)
    assert_clear(problems)
    if len(value) > 4_000:  # over the limits: named, never loaded whole
        assert problems
    elif refused(value):  # a bidirectional control or a control character: every feature and row named, left out
        atlas = load_atlas(folder)
        assert len(atlas.layers["offensive"].frame) == 0
        assert {p.file for p in problems} >= {"offensive.geojson", "sources.csv", "story.csv", "claims.csv"}
        assert len({p.feature for p in problems if p.file == "offensive.geojson" and " U+" in p.message}) == 8
    elif value.strip():
        atlas = load_atlas(folder)
        assert len(atlas.layers["offensive"].frame) == 8, [str(p) for p in problems][:5]  # text is only text


@pytest.mark.parametrize(("name", "value"), CORPUS, ids=[n for n, _ in CORPUS])
def test_every_field_of_every_file_takes_the_string_without_a_crash(name, value, tmp_path):
    problems = validate_package(hostile_package(tmp_path / "geodata", lambda: value, every_field=True))
    assert problems  # ids, keys, dates and URLs are not free text
    assert_clear(problems)


def test_the_whole_corpus_in_every_field_in_turn(tmp_path):
    values = [v for _, v in short_corpus()]
    for start in range(0, len(values), 7):
        folder = hostile_package(tmp_path / f"geodata-{start}", cycling(values, start), every_field=True)
        assert_clear(validate_package(folder))
