"""The side panel lists at most PANEL_MOST entries and counts the rest (issue 21: at 10x the data a
date had 200 entries, a third of a second of the browser's time on every load and step), as HTML."""

from __future__ import annotations

from atlas import dayview
from atlas.entries import Entry
from tests.support.entries import read_entries


def test_a_long_day_is_cut_and_the_rest_counted_in_both_languages():
    shown = tuple(Entry((f"entry {i}",)) for i in range(dayview.PANEL_MOST + 7))
    for lang, words in (("en", "and 7 more"), ("es", "y 7 más")):
        kept, closing = dayview.panel_entries(shown, lang)
        assert kept == shown[: dayview.PANEL_MOST] and words in closing
        read = read_entries(dayview.panel_html(dayview.DayView("", shown), lang))
        assert len(read) == dayview.PANEL_MOST + 1
        assert read[0] == "**entry 0**" and read[-1].startswith("*…") and words in read[-1]
    assert dayview.panel_entries(shown[: dayview.PANEL_MOST], "en") == (shown[: dayview.PANEL_MOST], "")


def test_a_day_with_nothing_dated_says_so():
    for lang, words in (("en", "No dated event falls on this day"), ("es", "Ningún hecho fechado")):
        (only,) = read_entries(dayview.panel_html(dayview.DayView("", ()), lang))
        assert only.startswith(words)
