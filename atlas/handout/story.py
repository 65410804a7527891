"""The story handout: a title page, one page per story step, and a page of sources and licence."""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from atlas import scene
from atlas.handout import document as doc
from atlas.handout import links
from atlas.handout.basemap import has_basemap
from atlas.handout.staticmap import render_map
from atlas.i18n import t

MAP_MIN_MM, MAP_MAX_MM = 80.0, 150.0
SOURCES_PT = 7.5


def _tick(timings: MutableMapping[str, float] | None, phase: str, started: float) -> float:
    now = time.perf_counter()
    if timings is not None:
        timings[phase] = timings.get(phase, 0.0) + now - started
    return now


def _title_page(pdf: doc.Handout, atlas: Any, lang: str, base_url: str) -> None:
    pdf.add_page()
    pdf.set_y(doc.MARGIN + 18)
    pdf.line_text(t("app_title", lang), 30, bold=True, height=13)
    pdf.line_text(t("app_subtitle", lang), 14, height=7)
    pdf.ln(6)
    pdf.line_text(t("handout_story_title", lang), 18, bold=True, height=9)
    pdf.ln(3)
    top = pdf.get_y()
    url = links.story_url(base_url, 1, lang)
    pdf.qr_block(url, t("handout_open_story", lang), doc.PAGE_W - doc.MARGIN - doc.QR_MM, top)
    pdf.set_xy(doc.MARGIN, top)
    pdf.line_text(t("handout_story_intro", lang), 10.5, width=doc.TEXT_W - doc.QR_MM - 8)
    pdf.ln(2)
    pdf.url_line(t("handout_open_story", lang), url)
    pdf.set_y(max(pdf.get_y(), top + doc.QR_MM + 10))
    pdf.heading(t("handout_contents", lang), 12)
    for step in atlas.story:
        day = scene.parse_date(step.page, step.date)
        pdf.line_text(f"{step.step}.  {doc.date_label(step.page, day, lang)} — {getattr(step, f'title_{lang}')}",
                      10, height=5.6)
    if not pdf.has_cjk:
        pdf.ln(3)
        pdf.line_text(t("handout_latin_note", lang), 8, color=doc.MUTED)


def _step_page(pdf: doc.Handout, atlas: Any, step: Any, lang: str, base_url: str, geodata: Path | None,
               timings: MutableMapping[str, float] | None) -> None:
    started = time.perf_counter()
    total = len(atlas.story)
    day = scene.parse_date(step.page, step.date)
    url = links.story_url(base_url, step.step, lang)
    pdf.add_page()
    pdf.line_text(f"{t('app_title', lang)} — {t('handout_story_title', lang)} · "
                  f"{t('story_step', lang, n=step.step, total=total)}", 7.5, color=doc.MUTED)
    top = pdf.get_y() + 1
    pdf.qr_block(url, t("handout_open_step", lang), doc.PAGE_W - doc.MARGIN - doc.QR_MM, top)
    left = doc.TEXT_W - doc.QR_MM - 8
    pdf.set_xy(doc.MARGIN, top)
    pdf.line_text(doc.date_label(step.page, day, lang), 24, bold=True, width=left, height=10.5)
    pdf.line_text(getattr(step, f"title_{lang}"), 14, bold=True, width=left, height=6.5)
    pdf.ln(1.5)
    pdf.url_line(t("handout_open_step", lang), url)
    pdf.set_y(max(pdf.get_y(), top + doc.QR_MM + 8))
    caption = getattr(step, f"caption_{lang}")
    pdf.line_text(caption, 10.5, height=5)
    entries = doc.cited(step.sources, atlas.sources)
    below = 4 + 6 + doc.sources_height(pdf, entries, SOURCES_PT) + 4
    room = doc.PAGE_H - doc.MARGIN - doc.FOOTER_H - pdf.get_y() - 3 - below
    map_h = max(MAP_MIN_MM, min(MAP_MAX_MM, room))
    started = _tick(timings, "layout", started)
    static = render_map(atlas, step.page, day, lang, focus=step.focus, geodata=geodata,
                        size_mm=(doc.TEXT_W, map_h))
    started = _tick(timings, "maps", started)
    y = pdf.get_y() + 2
    pdf.png(static.png, doc.MARGIN, y, doc.TEXT_W, map_h, alt=getattr(step, f"title_{lang}"))
    pdf.set_y(y + map_h + 1)
    pdf.line_text(t("handout_basemap_credit" if static.basemap else "handout_no_basemap", lang), 6.5,
                  color=doc.MUTED)
    pdf.heading(t("story_sources", lang), 9)
    pdf.citations(entries, SOURCES_PT)
    _tick(timings, "layout", started)


def _sources_page(pdf: doc.Handout, atlas: Any, lang: str, geodata: Path | None) -> None:
    pdf.add_page()
    pdf.line_text(t("handout_sources_heading", lang), 16, bold=True, height=8)
    pdf.ln(2)
    seen: dict[str, doc.Cited] = {}
    for step in atlas.story:
        for entry in doc.cited(step.sources, atlas.sources):
            seen.setdefault(entry.key, doc.Cited(entry.key, entry.citation, "", entry.url))
    pdf.citations(sorted(seen.values(), key=lambda e: e.citation.casefold()), 7, columns=2)
    pdf.ln(4)
    pdf.heading(t("handout_licence_heading", lang), 11)
    pdf.line_text(t("handout_licence", lang), 8.5)
    if has_basemap(geodata):
        pdf.ln(1)
        pdf.line_text(t("handout_basemap_credit", lang), 7, color=doc.MUTED)


def story_pdf(atlas: Any, lang: str, base_url: str, *, geodata: Path | None = None,
              timings: MutableMapping[str, float] | None = None) -> bytes:
    """The story handout as PDF bytes: title page, one page per step of ``atlas.story``, sources page.

    ``base_url`` is the app's address (the printed links and QR codes point under it); ``geodata``
    the data folder whose ``basemap/`` is drawn (default: the app's). ``timings``, if given,
    collects seconds per phase (``fonts``, ``maps``, ``layout``, ``output``) for the benchmark.
    """
    started = time.perf_counter()
    pdf = doc.Handout(f"{t('app_title', lang)} — {t('handout_story_title', lang)}", lang)
    started = _tick(timings, "fonts", started)
    _title_page(pdf, atlas, lang, base_url)
    for step in atlas.story:
        _step_page(pdf, atlas, step, lang, base_url, geodata, timings)
    started = time.perf_counter()
    _sources_page(pdf, atlas, lang, geodata)
    started = _tick(timings, "layout", started)
    data = bytes(pdf.output())
    _tick(timings, "output", started)
    return data
