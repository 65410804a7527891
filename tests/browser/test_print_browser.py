"""Ctrl+P of a map page (issue 19): the printed pages carry the title, the map as drawn with its big
date and place names, the date's caption and the whole side panel, and none of the controls.

Chromium prints to PDF as its print dialog would (print media, A4); the PDF's text is read back
with pypdf. The map's frame prints as it shows, so its big date and names are text in the PDF."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from tests.support.browser import MAP_IFRAME, open_app, settled_map


def printed_text(page: Page) -> str:
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="screen")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))  # NFKC: the PDF's "ﬀ" ligature is "ff"


@pytest.mark.parametrize(("path", "title", "label"), [
    ("/?day=1945-08-20", "The offensive", "Harbin"),
    ("/captivity?month=1946-12&lang=es", "Cautiverio", "Maizuru"),
])
def test_a_printed_map_page_has_its_map_date_caption_and_whole_side_panel(
        offline_page: Page, app_url: str, path: str, title: str, label: str):
    page = offline_page
    page.set_viewport_size({"width": 1366, "height": 768})
    open_app(page, app_url + path)
    settled_map(page)
    big_date = page.frame_locator(MAP_IFRAME).locator(".atlas-date").inner_text()
    panel = page.locator(".st-key-atlas_panel")
    # the panel's scrolling box (contract point 7): on screen its last entry is out of sight
    hidden, last_entry = panel.evaluate(
        "e => { const box = [...e.querySelectorAll('*')].find(x => getComputedStyle(x).overflowY === 'auto');"
        " const entries = box.querySelectorAll('p');"
        " return [box.scrollHeight > box.clientHeight, entries[entries.length - 1].innerText]; }")
    assert hidden
    speed = page.get_by_text(re.compile(r"^(Speed|Velocidad) \(")).first.inner_text()
    text = printed_text(page)
    assert title in text
    assert big_date in text  # the map printed, with its big date…
    assert label in text  # …and its place names
    assert " ".join(last_entry.split()[:8]) in text  # the side panel printed whole, to its last entry
    assert speed not in text  # the controls are left out
