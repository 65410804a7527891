"""A map page's dated part: the caption, the map with the day's layer, the side panel, the catalog,
the watchdog and the HTML download."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from atlas import dayview, scene
from atlas.i18n import t
from atlas.map import catalog as catalogs
from atlas.map import elements
from atlas.pages import MAP_PAGES, MapPage
from atlas.ui import background, cache, component, handouts, widgets

MAP_HEIGHT = 540
View = tuple[tuple[float, ...], ...]


def show_catalog(catalog: catalogs.MapCatalog) -> None:
    """Put the catalog in the page once, hidden. Its content never changes between reruns, so
    Streamlit caches the message and a slider step does not send it again."""
    st.html(cache.catalog_element(catalog))


def map_watchdog(lang: str) -> None:
    """Beside the page's maps: writes a message into a map box whose scripts could not load."""
    st.iframe(elements.map_watchdog_html(t("map_unavailable", lang), lang=lang), height=1)  # our own constant script


def focus(frame: Any, page: MapPage, default: list[list[float]]) -> tuple[str | None, list[list[float]]]:
    """The place named by ``?focus=<feature id>`` if it is on this page's map, and the map's first
    view: around it, or ``default``.

    Kept per page in the session, so reruns build the same base map (the map is not reloaded);
    a new ``focus`` in the URL (another link followed) replaces it. An unknown id gets a notice and
    leaves the URL.
    """
    raw = st.query_params.get("focus")
    key = f"focus_{page.name}"
    if raw is None:
        return st.session_state.get(key, (None, None, default))[1:]
    if st.session_state.get(key, (None, None, None))[0] != raw:
        bounds = elements.bounds_around(frame, raw, page.focus_pad_deg) if isinstance(raw, str) and len(raw) < 80 else None
        if bounds is None:
            widgets.notice("notice_focus_invalid")
            st.query_params.pop("focus", None)
            st.session_state[key] = (None, None, default)
            return None, default
        st.session_state[key] = (raw, raw, bounds)
    return st.session_state[key][1:]


def _map_args(folder: str, stamp: cache.Stamp, page: str, lang: str, view: View, day: dt.date,
              by_reference: bool, focused: str | None = None, compare: dt.date | None = None) -> dict[str, Any]:
    """The map component's arguments (cached in :data:`atlas.ui.cache.MAP_ARGS`, bounded in bytes)."""
    key = (folder, stamp, page, lang, view, day, by_reference, focused, compare)
    return cache.MAP_ARGS.get_or_make(key, lambda: _make_map_args(folder, stamp, page, lang, view, day, by_reference,
                                                                  focused, compare))


def _make_map_args(folder: str, stamp: cache.Stamp, page: str, lang: str, view: View, day: dt.date,
                   by_reference: bool, focused: str | None, compare: dt.date | None) -> dict[str, Any]:
    loaded = cache.Loaded(cache._load(folder, stamp)[0], "", folder, stamp)
    catalog = cache.page_catalog(loaded, page, lang)
    base = scene.scene_map(page, lang, catalog, [list(corner) for corner in view], focus=focused)
    if by_reference:
        layer = elements.step_ref(day, compare)
    else:
        ghost = cache.packed_layer(loaded, page, compare, lang) if compare else None
        layer = elements.layer_from_data(cache.layer_data(loaded, page, day, lang), day, catalog.places, compare, ghost)
    return component.record(base, layer, f"{MAP_PAGES[page].layer}_map", MAP_HEIGHT)


def _prepare_day(loaded: cache.Loaded, page: str, lang: str, day: dt.date) -> None:
    """The background worker's work for one date: the map's arguments for the default view."""
    _map_args(loaded.folder, loaded.stamp, page, lang, cache.default_view(loaded, page), day, True)


def map_download(make_html: Callable[[], str], name: str, lang: str, key: str) -> None:
    """'Download this map (HTML)': built only when clicked (deferred data), so reruns stay fast.
    ``key`` stays the same from date to date (the file ``name`` does not), so a slider step updates
    the button instead of replacing it."""
    st.download_button(
        t("download_map", lang), data=lambda: make_html().encode("utf-8"), file_name=f"{name}.html", mime="text/html",
        icon=":material/download:", help=t("download_map_help", lang), key=key, on_click="ignore",
    )


def map_section(loaded: cache.Loaded, page: MapPage, day: dt.date, lang: str, catalog: catalogs.MapCatalog,
                place: tuple[str | None, list[list[float]]], compare: dt.date | None) -> None:
    """A map page's map: first view (around ``place``, the ``?focus=`` feature, or the page's
    default), the map with the day's layer (and the compared date's, faint), the help line and the
    HTML download; the page's dates are prepared in the background."""
    focused, view = place
    view_key = tuple(tuple(corner) for corner in view)
    steps = background.steps_element(loaded, page.name, lang) if day in page.days() else None
    component.draw_component(**_map_args(loaded.folder, loaded.stamp, page.name, lang, view_key, day,
                                         steps is not None, focused, compare))
    background.submit(loaded, page.name, lang, day, _prepare_day)

    def standalone() -> str:
        base = scene.scene_map(page.name, lang, catalog, view, embedded=True, focus=focused)
        return elements.standalone_html(base, cache.day_layer(loaded, page.name, day, lang), t(page.title_key, lang))

    st.caption(t("map_help", lang))
    with st.container(horizontal=True, gap="small"):
        map_download(standalone, f"{page.name}-{day.isoformat()}", lang, key=f"download_map_{page.name}")
        handouts.map_button(loaded, page.name, day, compare, lang)
    if steps is not None:
        # After the map, so its place on the page never moves; the same content every step, which
        # Streamlit does not send twice.
        st.html(steps)


def dated_map(loaded: cache.Loaded, page: MapPage, lang: str, catalog: catalogs.MapCatalog) -> tuple[dt.date, Any]:
    """Everything on a map page that follows the date: the slider, the caption, the map and beside
    it the side panel, then the compared date. Returns the date and the day's view (for what a page
    shows below)."""
    frame = cache.page_frame(loaded, page.name)
    place = focus(frame, page, [list(corner) for corner in cache.default_view(loaded, page.name)])
    day = widgets.date_control(page, lang, scene.first_code(frame, page, place[0], loaded.atlas.axes))
    view = cache.day_view(loaded, page.name, day, lang)
    st.caption(view.caption)
    compare_code = widgets.seed_compare(page)  # before the map: the first map of a link shows it
    compare = page.day_of(compare_code) if compare_code else None
    map_column, panel_column = st.columns(list(page.widths), gap="medium")
    with map_column, st.container(key="atlas_map"):
        map_section(loaded, page, day, lang, catalog, place, compare)
    with panel_column, st.container(key="atlas_panel"):
        heading, help_line = page.panel_keys
        st.subheader(t(heading, lang))
        with st.container(height=MAP_HEIGHT - 60, border=False):
            st.html(dayview.panel_html(view, lang))  # HTML, not Markdown: atlas/entries.py
        st.caption(t(help_line, lang))
        widgets.compare_control(page, lang)
    return day, view


def show_story_map(loaded: cache.Loaded, page: str, day: dt.date, lang: str, bounds: list[list[float]], key: str,
                   height: int) -> None:
    """A story step's map: the page's scene on the step's date (sent whole: the step jumps between
    pages and dates, so a step table would not help)."""
    catalog = cache.page_catalog(loaded, page, lang)
    show_catalog(catalog)
    component.show(scene.scene_map(page, lang, catalog, bounds), cache.day_layer(loaded, page, day, lang), key, height)
    map_watchdog(lang)

