"""Hutou's competing figures: each says whose figure it is and cites a source that resolves."""

from __future__ import annotations

import pytest

from atlas.citations import cited_keys
from atlas.load import load_atlas
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(GEODATA)


@pytest.mark.parametrize("topic, values", [
    ("soviet_casualties_hutou", {1000, 3462}),  # "over 1,000" (Chinese accounts) and 3,462 (Wikipedia's infobox)
    ("hutou_japanese_dead", {1347, 1387, 2000}),
])
def test_hutou_topics_show_every_claimant(atlas, topic, values):
    figures = [f for f in atlas.figures if f.topic == topic]
    assert values <= {f.value_low for f in figures}
    assert len({f.according_to_en for f in figures}) == len(figures)  # one row per claimant
    for figure in figures:
        assert figure.subject == "hutou" and figure.according_to_es
        keys = cited_keys(figure.sources)
        assert keys and set(keys) <= set(atlas.sources), figure.id


def test_the_infobox_figure_is_not_rated_above_its_basis(atlas):
    infobox = next(f for f in atlas.figures if f.id == "su-casualties-hutou-wp")
    assert infobox.certainty == "uncertain"  # the article shows no source for the number
