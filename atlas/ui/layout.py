"""What every page shares: its start (title, introduction, data problems), the app's CSS, the
figures tables and pre-escaped text blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from atlas import escape, summary
from atlas.i18n import t
from atlas.load import Layer
from atlas.model import Problem
from atlas.pages import DEFAULT_PAGE, MapPage, Page
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
    show_problems(atlas.layers.get(page.layer) if is_map else None, list(atlas.problems), loaded.fatal, lang,
                  causes=atlas.root_causes)
    return lang, loaded


def show_problems(layer: Layer | None, package_problems: list[Problem], fatal: str, lang: str,
                  causes: tuple[Problem, ...] = ()) -> None:
    """Clear messages, never a traceback: what is wrong, in which file and feature; a feature file
    that could not be read (one of the package's root ``causes``) is named first, on every page."""
    if fatal:
        st.error(t("data_error_package", lang))
        st.code(fatal, language=None)
        return
    # root causes lead the package's problems; a layer's own are listed once
    problems = list(dict.fromkeys([*package_problems, *(layer.problems if layer else ())]))
    if not problems:
        return
    file_level = [p for p in problems if p.feature == "-"]
    unreadable = [p for p in causes if p.feature == "-"]
    if layer is not None and layer.frame.empty and file_level:
        st.error(t("data_error_file", lang, file=escape.markdown(file_level[0].file)))
    elif unreadable:
        st.error(t("data_error_file", lang, file=escape.markdown(unreadable[0].file)))
    else:
        files = escape.markdown(", ".join(sorted({p.file for p in problems})))
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
        st.caption(t("forces_competing", lang, topics=escape.markdown("; ".join(competing))))
    for title, chosen in sides:
        table = summary.figures_table(figures, chosen, lang)
        if len(table):
            st.subheader(t(title, lang))
            # An HTML table, not st.dataframe: long cells wrap instead of being cut, it prints, and
            # it costs a slider step nothing (a data grid redraws on every step, ~25 ms here).
            st.html(summary.html_table(table, t(title, lang)))


def markdown_list(lines: list[str], empty: str = "") -> None:
    """Pre-escaped markdown lines (from atlas.summary), or ``empty`` (if any) when there are none."""
    for line in lines or ([empty] if empty else []):
        st.markdown(line)


def citation_text(citations: str, sources: dict[str, Any]) -> str:
    """The full citations of a ``sources`` string, escaped for Markdown."""
    return escape.markdown(summary.citation_text(citations, sources))


STATIC = Path(__file__).resolve().parents[2] / "static"


def page_styles() -> None:
    """The app's own CSS (static/app.css): controls and sidebar left out when a page is printed
    (Ctrl+P); wide tables scroll inside themselves on a narrow screen."""
    st.html(STATIC / "app.css")  # style only: takes no room; and the page loads st.html's code early


# Relative to the page's address (``<base>/`` or ``<base>/<page>``): the app's static folder, under any base path.
PAGE_LANG_SRC = "app/static/page-lang.js"


def page_language(lang: str) -> None:
    """The page's ``<html lang>`` is the chosen language on every page, also those with no map
    (static/page-lang.js; docs/accessibility.md). In the sidebar, last: it takes no room there.
    The script is loaded by its address, never inline, so a Content-Security-Policy without
    ``'unsafe-inline'`` lets it run (atlas/csp.py)."""
    mark = f'<div hidden data-atlas-lang="{escape.html_attribute(lang)}"></div>'
    st.sidebar.html(f'{mark}<script src="{PAGE_LANG_SRC}"></script>', unsafe_allow_javascript=True)


def large_type() -> None:
    """Projector-friendly type for the story page (static/story.css)."""
    st.html(STATIC / "story.css")


def data_heading(text: str) -> None:
    """A heading whose text is data (a story step's title): escaped, and with no id. Streamlit gives
    every heading an id made from its text, even with ``anchor=False`` (a title "# map_div" made
    ``<h2 id="map-div">``; found by tests/browser/test_hostile_browser.py), so this is an element of
    our own with the heading role and level (static/story.css sizes it as the h2 it replaces)."""
    st.markdown(f'<p class="atlas-data-heading" role="heading" aria-level="2">{escape.html_in_markdown(text)}</p>',
                unsafe_allow_html=True)


def html_paragraph(text: str, css_class: str) -> None:
    """Data text as one HTML paragraph with our class (story captions): escaped as HTML and kept on
    one line, so the HTML block never ends early and Markdown never resumes inside it."""
    st.markdown(f'<p class="{escape.html_attribute(css_class)}">{escape.html_in_markdown(text)}</p>',
                unsafe_allow_html=True)


def map_link(page: MapPage, query: dict[str, str], label: str) -> None:
    """A link to a map page in a given state, as a real address (``./<page>?day=…&focus=…``): it
    opens the same state when clicked, opened in a new tab, copied or reloaded. (st.page_link's
    address for the default page is only ``?…``, which a new tab resolves against the current page.)"""
    href = f"./{'' if page is DEFAULT_PAGE else page.url_path}?{urlencode(query)}"
    st.html(f'<a class="atlas-map-link" href="{escape.html_attribute(href)}">{escape.html_text(label)}</a>')
