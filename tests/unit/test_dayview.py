import datetime as dt

import pytest

from atlas import dayview
from atlas.load import load_atlas
from atlas.paths import DEFAULT_GEODATA_DIR
from atlas.timeline import month_end, on_date


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(DEFAULT_GEODATA_DIR)


def view(atlas, page, layer, day, lang="en"):
    frame = atlas.layers[layer].frame
    return dayview.day_view(page, frame, on_date(frame, day, atlas.axes), day, lang, atlas.axes)


def test_offensive_view_counts_places_and_lists_the_days_events(atlas):
    before, during = view(atlas, "offensive", "offensive", dt.date(1945, 8, 8)), \
        view(atlas, "offensive", "offensive", dt.date(1945, 8, 15))
    assert "8 August 1945" in before.caption and "15 August 1945" in during.caption
    assert "axes" not in before.caption and "axes" in during.caption  # no army had moved on the 8th
    assert during.lines and all(isinstance(line, str) for line in during.lines)
    assert during.table is None


def test_dongning_view_counts_positions_by_phase_and_has_the_positions_table(atlas):
    early, late = view(atlas, "dongning", "dongning", dt.date(1945, 8, 9)), \
        view(atlas, "dongning", "dongning", dt.date(1945, 9, 2))
    assert early.caption != late.caption and len(late.table) >= len(early.table) > 0
    assert early.lines == view(atlas, "dongning", "dongning", dt.date(1945, 8, 9)).lines  # deterministic


def test_captivity_view_names_the_month_and_lists_open_camps(atlas):
    december = view(atlas, "captivity", "camps", month_end(dt.date(1945, 12, 1)), "es")
    assert "diciembre de 1945" in december.caption and len(december.table) > 0


def test_unknown_page_is_a_clear_error(atlas):
    with pytest.raises(KeyError, match="no day view for page 'story'"):
        view(atlas, "story", "offensive", dt.date(1945, 8, 9))
