"""What every page shares: its start (title, introduction, data problems), the app's CSS, the
figures tables and pre-escaped text blocks."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import streamlit as st

from atlas import summary
from atlas.i18n import t
from atlas.load import Layer
from atlas.model import Problem
from atlas.pages import MapPage, Page
from atlas.ui import cache, mapview, widgets


def page_start(page: Page) -> tuple[str, cache.Loaded]:
    """A page's language, title and introduction, then the data package with its problems shown
    (those of the page's layer too, on a map page): what every page begins with. A map page also
    gets the watchdog for a map that cannot load, in the sidebar."""
    lang = widgets.current_language()
    is_map = isinstance(page, MapPage)
    if is_map:
        # The map watchdog first, in the sidebar (where its 1-px frame takes no room): the browser
        # fetches Streamlit's frame code with the page's first elements, not after everything else.
        with st.sidebar:
            mapview.map_watchdog(lang)
    st.title(t(page.title_key, lang))
    if is_map and page.intro_key:  # folded: the date control and the map come first on a projector
        with st.expander(t("about_map", lang), icon=":material/info:"):
            st.write(t(page.intro_key, lang))
    elif page.intro_key:
        st.write(t(page.intro_key, lang))
    loaded = cache.load()
    atlas = loaded.atlas
    show_problems(atlas.layers.get(page.layer) if is_map else None, list(atlas.problems), loaded.fatal, lang)
    return lang, loaded


def show_problems(layer: Layer | None, package_problems: list[Problem], fatal: str, lang: str) -> None:
    """Clear messages, never a traceback: what is wrong, in which file and feature."""
    if fatal:
        st.error(t("data_error_package", lang))
        st.code(fatal, language=None)
        return
    problems = list(package_problems) + (list(layer.problems) if layer else [])
    if not problems:
        return
    file_level = [p for p in problems if p.feature == "-"]
    if layer is not None and layer.frame.empty and file_level:
        st.error(t("data_error_file", lang, file=file_level[0].file))
    else:
        files = ", ".join(sorted({p.file for p in problems}))
        st.warning(t("data_error_features", lang, n=len({(p.file, p.feature) for p in problems}), file=files))
    st.code("\n".join(str(p) for p in problems), language=None)


def show_figures(figures: list[Any], lang: str, sides: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("forces_soviet", ("soviet", "mongolian")), ("forces_japanese", ("japanese",)))) -> None:
    """Strength and loss figures, one table per side, naming the questions with competing figures."""
    if not figures:
        st.info(t("forces_missing", lang))
        return
    competing = [next(getattr(f, f"topic_{lang}") for f in figures if f.topic == topic)
                 for topic in summary.competing_topics(figures)]
    if competing:
        st.caption(t("forces_competing", lang, topics="; ".join(competing)))
    for title, chosen in sides:
        table = summary.figures_table(figures, chosen, lang)
        if len(table):
            st.subheader(t(title, lang))
            # A markdown table, not st.dataframe: long cells wrap instead of being cut, it prints,
            # and it costs a slider step nothing (a data grid redraws on every step, ~25 ms here).
            st.markdown(summary.markdown_table(table))


def markdown_list(lines: list[str], empty: str = "") -> None:
    """Pre-escaped markdown lines (from atlas.summary), or ``empty`` (if any) when there are none."""
    for line in lines or ([empty] if empty else []):
        st.markdown(line)


def citation_text(citations: str, sources: dict[str, Any]) -> str:
    return summary.md_escape(summary.citation_text(citations, sources))


STATIC = Path(__file__).resolve().parents[2] / "static"


def page_styles() -> None:
    """The app's own CSS (static/app.css): controls and sidebar left out when a page is printed
    (Ctrl+P); wide tables scroll inside themselves on a narrow screen."""
    st.html(STATIC / "app.css")  # style only: takes no room; and the page loads st.html's code early


def page_language(lang: str) -> None:
    """The page's ``<html lang>`` is the chosen language on every page, also those with no map
    (static/page-lang.js; docs/accessibility.md). In the sidebar, last: it takes no room there."""
    mark = f'<div hidden data-atlas-lang="{html.escape(lang, quote=True)}"></div>'
    st.sidebar.html(mark + "<script>" + (STATIC / "page-lang.js").read_text(encoding="utf-8") + "</script>",
                    unsafe_allow_javascript=True)


def large_type() -> None:
    """Projector-friendly type for the story page (static/story.css)."""
    st.html(STATIC / "story.css")


def escape_html(text: str) -> str:
    """Data text made safe for the few places that write HTML (story captions)."""
    return html.escape(text)
