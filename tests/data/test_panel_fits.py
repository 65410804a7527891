"""Today's data fits the side panel on every date: the panel's limit (atlas/dayview.py) changes
nothing at today's size (issue 21)."""

from __future__ import annotations

from atlas import dayview
from atlas.pages import MAP_PAGES
from atlas.ui import cache


def test_today_s_data_is_never_cut():
    """Nothing changes at today's size: every date of every map page fits (if the data grows past
    it, raise PANEL_MOST or accept the cut knowingly)."""
    loaded = cache.load()
    for name, page in MAP_PAGES.items():
        for day in page.days():
            shown = cache.day_view(loaded, name, day, "en").entries
            assert len(shown) <= dayview.PANEL_MOST, (name, day, len(shown))
