import datetime as dt
import re

import pytest

from atlas import dayview
from atlas.entries import Entry
from atlas.load import load_atlas
from atlas.paths import DEFAULT_GEODATA_DIR
from atlas.timeline import month_end, on_date, split_placed


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(DEFAULT_GEODATA_DIR)


def view(atlas, page, layer, day, lang="en"):
    frame = atlas.layers[layer].frame
    return dayview.day_view(page, frame, on_date(frame, day, atlas.axes), day, lang, atlas.axes)


def test_offensive_view_counts_places_and_lists_the_days_events(atlas):
    before, during = view(atlas, "offensive", "offensive", dt.date(1945, 8, 8)), \
        view(atlas, "offensive", "offensive", dt.date(1945, 8, 15))
    frame = atlas.layers["offensive"].frame
    for shown, day in ((before, dt.date(1945, 8, 8)), (during, dt.date(1945, 8, 15))):
        placed, _ = split_placed(on_date(frame, day, atlas.axes))
        assert shown.caption.startswith(f"{len(placed)} places on the map up to {day.day} August 1945 · ")
    assert "axes" not in before.caption and "axes" in during.caption  # no army had moved on the 8th
    assert during.entries and all(isinstance(entry, Entry) for entry in during.entries)
    assert during.table is None


def test_dongning_view_counts_positions_by_phase_and_has_the_positions_table(atlas):
    early, late = view(atlas, "dongning", "dongning", dt.date(1945, 8, 9)), \
        view(atlas, "dongning", "dongning", dt.date(1945, 9, 2))
    frame = atlas.layers["dongning"].frame
    positions = int((frame["kind"] == "position").sum())
    pattern = (r"On {} 1945: (\d+) positions holding · (\d+) falling · (\d+) fallen · "
               r"(\d+) with no known date of fall")
    counts = {}
    for view_, day in ((early, "9 August"), (late, "2 September")):
        found = re.fullmatch(pattern.format(day), view_.caption)
        assert found, view_.caption
        counts[day] = [int(n) for n in found.groups()]
        assert sum(counts[day]) == positions  # every position is in exactly one phase
    assert counts["2 September"][2] > counts["9 August"][2]  # positions fell in between
    assert len(late.table) >= len(early.table) > 0
    assert early.entries == view(atlas, "dongning", "dongning", dt.date(1945, 8, 9)).entries  # deterministic


def test_captivity_view_names_the_month_and_lists_open_camps(atlas):
    december = view(atlas, "captivity", "camps", month_end(dt.date(1945, 12, 1)), "es")
    found = re.fullmatch(r"diciembre de 1945: (\d+) campos abiertos en el mapa · (\d+) ya cerrados", december.caption)
    assert found, december.caption
    assert len(december.table) == int(found.group(1)) > 0  # the list holds the camps the caption counts


def test_unknown_page_is_a_clear_error(atlas):
    with pytest.raises(KeyError, match="no day view for page 'story'"):
        view(atlas, "story", "offensive", dt.date(1945, 8, 9))
