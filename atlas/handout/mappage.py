"""The map handout: one page of any map page on any date (optionally beside a compared date)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from atlas.citations import cited_keys
from atlas.handout import document as doc
from atlas.handout import links
from atlas.handout.staticmap import day_features, render_map
from atlas.i18n import plural, t

GAZETTEER_KEY = "geonames"  # cited through a feature's coordinate, not its sources field
PAGE_TEXT = {"offensive": ("page_offensive", "offensive_intro"), "dongning": ("page_dongning", "dongning_intro"),
             "captivity": ("page_camps", "camps_intro")}
MAP_MM, COMPARE_MAP_MM = 118.0, 84.0
SOURCES_PT = 6.5


def map_source_keys(atlas: Any, page: str, days: list[dt.date]) -> list[str]:
    """Keys of every source cited by what the map draws on ``days``: features, their coordinates
    (GeoNames) and the armies' axes, in first-cited order."""
    keys: dict[str, None] = {}
    for day in days:
        features = day_features(atlas, page, day)
        placed = features.placed
        methods = placed["coord_method"] if "coord_method" in placed else [None] * len(placed)
        for sources, method in zip(placed.get("sources", []), methods, strict=False):
            keys.update(dict.fromkeys(cited_keys(sources)))
            if method == GAZETTEER_KEY:
                keys[GAZETTEER_KEY] = None
        for axis_id in dict.fromkeys(seg.axis for seg in features.segments):
            axis = atlas.axes.get(axis_id)
            if axis is not None:
                keys.update(dict.fromkeys(cited_keys(axis.sources)))
    return [k for k in keys if k in atlas.sources]


def _tick(timings: MutableMapping[str, float] | None, phase: str, started: float) -> float:
    now = time.perf_counter()
    if timings is not None:
        timings[phase] = timings.get(phase, 0.0) + now - started
    return now


def map_pdf(atlas: Any, page: str, day: dt.date, lang: str, base_url: str, *, compare: dt.date | None = None,
            geodata: Path | None = None, timings: MutableMapping[str, float] | None = None) -> bytes:
    """The handout of map ``page`` on ``day`` as PDF bytes: date, text, map with scale bar, north arrow
    and legend, a link and QR code back to the same view, and the sources of everything drawn.

    With ``compare``, the page shows the map on both dates, one above the other. The sources may run
    onto a second page when a late date has many.
    """
    started = time.perf_counter()
    title_key, intro_key = PAGE_TEXT[page]
    page_title = t(title_key, lang)
    pdf = doc.Handout(f"{t('app_title', lang)} — {page_title}", lang)
    started = _tick(timings, "fonts", started)
    url = links.map_url(base_url, page, day, lang)
    pdf.add_page()
    pdf.line_text(f"{t('app_title', lang)} — {page_title}", 7.5, color=doc.MUTED)
    top = pdf.get_y() + 1
    pdf.qr_block(url, t("handout_open_map", lang), doc.PAGE_W - doc.MARGIN - doc.QR_MM, top)
    left = doc.TEXT_W - doc.QR_MM - 8
    pdf.set_xy(doc.MARGIN, top)
    pdf.line_text(doc.date_label(page, day, lang), 24, bold=True, width=left, height=10.5)
    if compare is not None:
        pdf.line_text(t("handout_compared_with", lang, date=doc.date_label(page, compare, lang)), 13, width=left,
                      height=6.5)
    pdf.line_text(page_title, 14, bold=True, width=left, height=6.5)
    pdf.ln(1.5)
    pdf.url_line(t("handout_open_map", lang), url)
    pdf.set_y(max(pdf.get_y(), top + doc.QR_MM + 8))
    pdf.line_text(t(intro_key, lang), 8.5, height=3.9)
    pdf.ln(1)
    days = [day] if compare is None else [day, compare]
    height = MAP_MM if compare is None else COMPARE_MAP_MM
    basemap = False
    for shown in days:
        started = _tick(timings, "layout", started)
        static = render_map(atlas, page, shown, lang, geodata=geodata, size_mm=(doc.TEXT_W, height))
        started = _tick(timings, "maps", started)
        basemap = static.basemap
        label = doc.date_label(page, shown, lang)
        count = len(static.drawn_ids)
        pdf.line_text(f"{label} · {plural('caption_places', count, lang, date=label)}", 8.5, bold=True)
        pdf.png(static.png, doc.MARGIN, pdf.get_y() + 0.5, doc.TEXT_W, height, alt=f"{page_title}, {label}")
        pdf.set_y(pdf.get_y() + height + 1.5)
    pdf.line_text(t("handout_basemap_credit" if basemap else "handout_no_basemap", lang), 6.5, color=doc.MUTED)
    pdf.heading(t("handout_map_sources", lang), 9)
    pdf.line_text(t("handout_map_sources_note", lang), 6.5, color=doc.MUTED)
    pdf.ln(0.5)
    entries = [doc.Cited(k, atlas.sources[k].citation, "", atlas.sources[k].url)
               for k in map_source_keys(atlas, page, days)]
    pdf.citations(sorted(entries, key=lambda e: e.citation.casefold()), SOURCES_PT, columns=2)
    if not pdf.has_cjk:
        pdf.ln(2)
        pdf.line_text(t("handout_latin_note", lang), 7, color=doc.MUTED)
    started = _tick(timings, "layout", started)
    data = bytes(pdf.output())
    _tick(timings, "output", started)
    return data
