"""The handout buttons: on the story and on every map page, and what they build is a PDF."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from atlas.pages import MAP_PAGES
from atlas.ui import cache, handouts
from tests.conftest import REPO

APP = str(REPO / "atlas_app.py")



@pytest.mark.parametrize("page_name", list(MAP_PAGES))
def test_each_map_page_offers_its_handout(page_name):
    at = AppTest.from_file(APP, default_timeout=60).run()
    if page_name != "offensive":
        at.switch_page(MAP_PAGES[page_name].file).run()
    assert not at.exception
    assert f"handout_map_{page_name}" in {element.key for element in at.get("download_button")}


def test_the_story_offers_its_handout_and_it_is_a_pdf_with_a_page_per_step():
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("app_pages/story.py").run()
    assert not at.exception
    assert "handout_story" in {element.key for element in at.get("download_button")}
    loaded = cache.load()
    data = handouts._story_pdf(loaded.folder, loaded.stamp, "es", "http://example.org")
    pages = PdfReader(io.BytesIO(data)).pages
    assert data.startswith(b"%PDF-")
    # the title page, a page per step, and the sources and licence (two pages once the story cites ~60 sources)
    assert len(pages) in (len(loaded.atlas.story) + 2, len(loaded.atlas.story) + 3)
    assert "Paso 1 de" in pages[1].extract_text() and f"Paso {len(loaded.atlas.story)} de" in \
        pages[len(loaded.atlas.story)].extract_text()


def test_a_map_handout_is_a_pdf():
    loaded = cache.load()
    data = handouts._map_pdf(loaded.folder, loaded.stamp, "offensive", dt.date(1945, 8, 20), dt.date(1945, 8, 12),
                             "en", "http://example.org")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
