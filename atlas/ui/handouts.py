"""The handout buttons: the story, or a map page on a date, as a printable PDF (atlas/handout/).

Built only when clicked (deferred data), then cached per language, date and data version, so a
class that downloads the same handout costs the server one build.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from atlas.i18n import t
from atlas.ui import cache


def base_url() -> str:
    """The app's own address, which the printed links and QR codes point under."""
    try:
        parts = urlsplit(st.context.url or "")
    except Exception:  # noqa: BLE001 - no browser context (AppTest): a neutral default
        parts = urlsplit("")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "http://localhost:8501"


@st.cache_data(show_spinner=False, max_entries=8)
def _story_pdf(folder: str, stamp: cache.Stamp, lang: str, url: str) -> bytes:
    from atlas import handout  # matplotlib and the fonts load on the first handout, not with every page

    atlas, _ = cache._load(folder, stamp)
    return handout.story_pdf(atlas, lang, url, geodata=Path(folder))


def _map_pdf(folder: str, stamp: cache.Stamp, page: str, day: dt.date, compare: dt.date | None, lang: str,
             url: str) -> bytes:
    def make() -> bytes:
        from atlas import handout

        atlas, _ = cache._load(folder, stamp)
        return handout.map_pdf(atlas, page, day, lang, url, compare=compare, geodata=Path(folder))
    return cache.HANDOUTS.get_or_make((folder, stamp, page, day, compare, lang, url), make)  # bounded in bytes


def story_button(loaded: cache.Loaded, lang: str) -> None:
    """'Download the story as a PDF handout'."""
    url = base_url()
    st.download_button(t("handout_download_story", lang), data=lambda: _story_pdf(loaded.folder, loaded.stamp, lang, url),
                       file_name=f"atlas-1945-story-{lang}.pdf", mime="application/pdf", icon=":material/picture_as_pdf:",
                       help=t("handout_download_story_help", lang), key="handout_story", on_click="ignore")


def map_button(loaded: cache.Loaded, page: str, day: dt.date, compare: dt.date | None, lang: str) -> None:
    """'Download this map as a PDF handout' (the page, the date, and the compared date if any)."""
    url = base_url()
    st.download_button(t("handout_download_map", lang),
                       data=lambda: _map_pdf(loaded.folder, loaded.stamp, page, day, compare, lang, url),
                       file_name=f"{page}-{day.isoformat()}-{lang}.pdf", mime="application/pdf",
                       icon=":material/picture_as_pdf:", help=t("handout_download_map_help", lang),
                       key=f"handout_map_{page}", on_click="ignore")
