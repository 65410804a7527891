"""The text that follows a map page's slider: caption, the side panel's lines and the day's table.

Pure and deterministic (no Streamlit), so the app can compute it once per page, day and language
and every session stepping through the same dates reuses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd

from atlas import entries, summary, timeline
from atlas.entries import Entry
from atlas.i18n import long_date, long_month, t

POSITION_KINDS = ("position",)
# The side panel lists at most this many entries (today's busiest date has 27). At ten times the data
# a date had 200 (81 kB of text): the browser spent a third of a second laying them out on every
# load and step, and no reader scrolls them in a 480-px box; the rest is named and counted instead.
PANEL_MOST = 40


@dataclass(frozen=True)
class DayView:
    """What a map page writes around its map for one date: the caption (escaped) and the side
    panel's entries (parts, escaped where they are written: :mod:`atlas.entries`)."""

    caption: str
    entries: tuple[Entry, ...]
    table: pd.DataFrame | None = field(default=None, compare=False)


def _offensive(frame: gpd.GeoDataFrame, shown: gpd.GeoDataFrame, day: dt.date, lang: str,
               axes: Mapping[str, Any]) -> DayView:
    placed, unplaced = timeline.split_placed(shown)
    caption = summary.caption(placed, unplaced, day, lang, axes=summary.axes_under_way(shown))
    return DayView(caption, tuple(summary.day_entries(timeline.happening_on(frame, day), lang)))


def _dongning(frame: gpd.GeoDataFrame, shown: gpd.GeoDataFrame, day: dt.date, lang: str,
              axes: Mapping[str, Any]) -> DayView:
    placed, _ = timeline.split_placed(shown)
    counts = summary.phase_counts(shown, POSITION_KINDS)
    caption = t("dongning_caption", lang, date=long_date(day, lang), holding=counts["holding"],
                falling=counts["falling"], fallen=counts["fallen"], unknown=counts["fate_unknown"])
    # the chosen day's entries marked, and what has happened so far at the top (newest first)
    chronology = summary.chronology(frame, day, lang, newest_first=True, mark_day=True)
    return DayView(caption, tuple(chronology), summary.feature_table(placed, lang))


def _captivity(frame: gpd.GeoDataFrame, shown: gpd.GeoDataFrame, day: dt.date, lang: str,
               axes: Mapping[str, Any]) -> DayView:
    month = day.replace(day=1)
    phases = shown["phase"].value_counts() if len(shown) else {}
    caption = t("camps_caption", lang, month=long_month(month, lang), active=int(phases.get("active", 0)),
                closed=int(phases.get("closed", 0)))
    open_now = shown[shown["phase"] == "active"] if len(shown) else shown
    chronology = summary.chronology(frame, day, lang, kinds=("event", "route"), newest_first=True)
    return DayView(caption, tuple(chronology), summary.camps_table(open_now, lang))


def panel_entries(shown: tuple[Entry, ...], lang: str, most: int = PANEL_MOST) -> tuple[tuple[Entry, ...], str]:
    """The side panel's entries: the first ``most`` of ``shown``, and a closing line saying how many
    more there are and where they all are ("" when none are left out)."""
    if len(shown) <= most:
        return shown, ""
    return shown[:most], t("panel_more", lang, n=len(shown) - most, page=t("page_sources", lang))


def panel_html(view: DayView, lang: str, most: int = PANEL_MOST) -> str:
    """The side panel as HTML for ``st.html``: at most ``most`` entries, or the words for a day with
    none."""
    kept, closing = panel_entries(view.entries, lang, most)
    return entries.html_list(kept, closing, empty=t("day_none", lang))


BUILDERS = {"offensive": _offensive, "dongning": _dongning, "captivity": _captivity}


def day_view(page: str, frame: gpd.GeoDataFrame, shown: gpd.GeoDataFrame, day: dt.date, lang: str,
             axes: Mapping[str, Any] | None = None) -> DayView:
    """The caption, panel lines and table of map page ``page`` on ``day``.

    ``frame`` is the page's whole layer, ``shown`` what :func:`atlas.timeline.on_date` keeps of it
    on ``day``. For the captivity page ``day`` is the last day of the month shown.
    """
    if page not in BUILDERS:
        raise KeyError(f"no day view for page {page!r}; known: {', '.join(BUILDERS)}")
    return BUILDERS[page](frame, shown, day, lang, axes or {})
