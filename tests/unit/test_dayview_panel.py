"""The side panel lists at most PANEL_MOST entries and counts the rest (issue 21: at 10x the data a
date had 200 entries, a third of a second of the browser's time on every load and step)."""

from __future__ import annotations

from atlas import dayview


def test_a_long_day_is_cut_and_the_rest_counted_in_both_languages():
    lines = tuple(f"entry {i}" for i in range(dayview.PANEL_MOST + 7))
    for lang, words in (("en", "and 7 more"), ("es", "y 7 más")):
        shown = dayview.panel_lines(lines, lang)
        assert shown[:-1] == list(lines[: dayview.PANEL_MOST])
        assert words in shown[-1] and len(shown) == dayview.PANEL_MOST + 1
    assert dayview.panel_lines(lines[: dayview.PANEL_MOST], "en") == list(lines[: dayview.PANEL_MOST])
    assert dayview.panel_lines((), "en") == []
