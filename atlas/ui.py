"""The only atlas module that imports Streamlit: caching, shared widgets, error display, the map."""

from __future__ import annotations

import datetime as dt
import html
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import streamlit as st
import streamlit_folium
from streamlit_folium import st_folium

from atlas import dayview, export, maps, params, scene, summary, timeline
from atlas.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    long_date,
    long_month,
    month_label,
    normalize_language,
    short_date,
    t,
)
from atlas.load import Atlas, DataError, Layer, load_atlas
from atlas.paths import geodata_dir
from atlas.timeline import months
from atlas.validate import Problem

MAP_HEIGHT = 540


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    """A cache key that changes whenever a data file changes."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return tuple((str(p), p.stat().st_mtime_ns) for p in files)


EMPTY_ATLAS = Atlas({}, {}, {}, (), ())


@dataclass(frozen=True)
class Loaded:
    """The loaded package, the fatal error if it could not be read, and the cache key it came from."""

    atlas: Atlas
    fatal: str
    folder: str
    stamp: tuple[tuple[str, int], ...]


@st.cache_data(show_spinner=False)
def _load(folder: str, stamp: tuple[tuple[str, int], ...]) -> tuple[Atlas, str]:
    try:
        return load_atlas(Path(folder)), ""
    except DataError as exc:
        return EMPTY_ATLAS, str(exc)


def load() -> Loaded:
    """The data package (cached until a file in the data folder changes)."""
    folder = geodata_dir()
    stamp = _stamp(folder)
    atlas, fatal = _load(str(folder), stamp)
    return Loaded(atlas, fatal, str(folder), stamp)


@st.cache_data(show_spinner=False)
def _catalog(folder: str, stamp: tuple[tuple[str, int], ...], layer: str, lang: str, legend: str) -> maps.MapCatalog:
    atlas, _ = _load(folder, stamp)
    frame = atlas.layers[layer].frame if layer in atlas.layers else timeline.empty_frame()
    return maps.map_catalog(frame, lang, atlas.sources, atlas.axes, legend)


def map_catalog(loaded: Loaded, layer: str, lang: str, legend: str) -> maps.MapCatalog:
    """A page's popups, icons and legend (cached until a data file changes), shown on the page
    with :func:`show_catalog`."""
    return _catalog(loaded.folder, loaded.stamp, layer, lang, legend)


def page_catalog(loaded: Loaded, page: str, lang: str) -> maps.MapCatalog:
    """A map page's catalog (see :data:`atlas.scene.SCENES`). Show it with :func:`show_catalog`
    outside the page's date fragment and after it: it never changes with the date, and the map
    waits for it while the text above the map does not."""
    settings = scene.SCENES[page]
    return map_catalog(loaded, settings.layer, lang, settings.legend)


_CATALOG_HTML: dict[str, str] = {}  # catalog id -> its element; ids follow content, so never stale


def show_catalog(catalog: maps.MapCatalog) -> None:
    """Put the catalog in the page once, hidden. Its content never changes between reruns, so
    Streamlit caches the message and a slider step does not send it again."""
    if catalog.id not in _CATALOG_HTML:
        if len(_CATALOG_HTML) > 32:
            _CATALOG_HTML.clear()
        _CATALOG_HTML[catalog.id] = maps.catalog_html(catalog)
    st.html(_CATALOG_HTML[catalog.id])


def language() -> str:
    """The language chosen in the sidebar, seeded from and written back to ``?lang=`` in the URL.

    Bound by hand: Streamlit's ``bind="query-params"`` would put the display label ("Español")
    in the URL instead of the code.
    """
    if "lang" not in st.session_state:
        raw = st.query_params.get("lang")
        code, reason = params.parse_language(raw)
        st.session_state["lang"] = code or DEFAULT_LANGUAGE
        if raw is not None and reason:
            notice("notice_bad_language")
    current = normalize_language(st.session_state["lang"])
    # Two choices side by side: one click to switch, and a radio's code is a fraction of a select
    # box's, which the browser would otherwise fetch before drawing any page (about 0.3 s here).
    choice = normalize_language(st.sidebar.radio(
        t("language", current), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__, key="lang",
        horizontal=True,
    ))
    if choice == DEFAULT_LANGUAGE:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = choice
    return choice


def notice(key: str, **values: object) -> None:
    """A short, non-blocking notice about input that was ignored (shown once, as a toast)."""
    st.toast(t(key, normalize_language(st.session_state.get("lang")), **values), icon=":material/info:")


def page_start(title_key: str, intro_key: str, layer: str | None = None) -> tuple[str, Loaded]:
    """A page's language, title and introduction, then the data package with its problems shown
    (those of ``layer`` too, on a map page): what every page begins with. A map page (``layer``
    given) also gets the watchdog for a map that cannot load, in the sidebar."""
    lang = normalize_language(st.session_state.get("lang"))
    if layer:
        # The map watchdog first, in the sidebar (where its 1-px frame takes no room): the browser
        # fetches Streamlit's frame code with the page's first elements, not after everything else.
        with st.sidebar:
            map_watchdog(lang)
    st.title(t(title_key, lang))
    st.write(t(intro_key, lang))
    loaded = load()
    atlas = loaded.atlas
    show_problems(atlas.layers.get(layer) if layer else None, list(atlas.problems), loaded.fatal, lang)
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


def show_map(m: folium.Map, layer: folium.FeatureGroup, key: str, height: int = MAP_HEIGHT) -> Any:
    """Draw the map; only ``layer`` changes between reruns, so the iframe and the view are kept.

    A watchdog beside it replaces a blank box with a message if the map's scripts cannot load.
    """
    drawn = st_folium(
        m, key=key, feature_group_to_add=layer, returned_objects=[],
        use_container_width=True, height=height,
    )
    map_watchdog(normalize_language(st.session_state.get("lang")))
    return drawn


def _bound_select_slider(kind: str, lang: str, codes: list[str], default: str, key: str,
                         parse: Callable[[str], tuple[str | None, str]], default_text: str,
                         label: Callable[[str], str]) -> str:
    """A select-slider over ``codes`` bound to ``?key=code`` by hand: seeded from the URL once (a bad
    value gets a notice naming ``default_text``), written back on every run. Streamlit's own
    ``bind`` would put the localized label in the URL instead of the code."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        value, reason = parse(raw) if raw is not None else (None, "")
        if reason:
            notice(f"notice_{kind}_{reason}", date=default_text)
        st.session_state[key] = codes[codes.index(default)] if value is None else value
    texts = "month_slider" if kind == "month" else "date_slider"  # label and help strings
    choice = st.select_slider(t(texts, lang), options=codes, key=key, format_func=label, help=t(f"{texts}_help", lang))
    st.query_params[key] = choice
    return choice


def date_slider(lang: str, first: dt.date, last: dt.date, default: dt.date, key: str = "day") -> dt.date:
    """A day-step slider whose thumb reads in the page's language ('20 ago 1945'), bound to ``?day=``."""
    def parse(raw: str) -> tuple[str | None, str]:
        day, reason = params.parse_day(raw, first, last)
        return (day.isoformat() if day else None), reason

    choice = _bound_select_slider("day", lang, day_codes(first, last), default.isoformat(), key, parse,
                                  long_date(default, lang), lambda code: short_date(dt.date.fromisoformat(code), lang))
    return dt.date.fromisoformat(choice)


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


def markdown_block(lines: list[str] | tuple[str, ...], empty: str) -> None:
    """Pre-escaped markdown lines as paragraphs of one element (a slider step sends one message, not
    one per line), or ``empty`` when there are none."""
    st.markdown("\n\n".join(lines) if lines else empty)


def month_slider(lang: str, first: dt.date, last: dt.date, default: dt.date, key: str = "month") -> dt.date:
    """A month-step slider ('Dec 1945' / 'dic 1945'), bound to ``?month=YYYY-MM``."""
    def parse(raw: str) -> tuple[str | None, str]:
        month, reason = params.parse_month(raw, first, last)
        return (month.strftime("%Y-%m") if month else None), reason

    choice = _bound_select_slider("month", lang, month_codes(first, last), default.strftime("%Y-%m"), key, parse,
                                  long_month(default, lang),
                                  lambda code: month_label(dt.date.fromisoformat(code + "-01"), lang))
    return dt.date.fromisoformat(choice + "-01")


@st.cache_data(show_spinner=False)
def cached_layer_csv(path: str, stamp: tuple[tuple[str, int], ...]) -> bytes:
    """A layer's CSV download, rebuilt only when a data file changes."""
    return export.layer_csv(Path(path).read_text(encoding="utf-8"))


@st.cache_data(show_spinner=False)
def cached_package_zip(folder: str, stamp: tuple[tuple[str, int], ...]) -> bytes:
    """The whole data package as a zip, rebuilt only when a data file changes."""
    return export.package_zip(Path(folder))


def focus_bounds(frame: Any, default: Any, page: str, pad_deg: float) -> Any:
    """The map's first view: around ``?focus=<feature id>`` if that feature is on this page's map.

    Kept per page in the session, so reruns build the same base map (the map is not reloaded);
    a new ``focus`` in the URL (another link followed) replaces it. An unknown id gets a notice.
    """
    raw = st.query_params.get("focus")
    key = f"focus_{page}"
    if raw is None:
        return st.session_state.get(key, (None, default))[1]
    if st.session_state.get(key, (None, None))[0] != raw:
        bounds = maps.bounds_around(frame, raw, pad_deg) if isinstance(raw, str) and len(raw) < 80 else None
        if bounds is None:
            notice("notice_focus_invalid")
        st.session_state[key] = (raw, bounds or default)
    return st.session_state[key][1]


def escape_html(text: str) -> str:
    """Data text made safe for the few places that write HTML (story captions)."""
    return html.escape(text)


def citation_text(citations: str, sources: dict[str, Any]) -> str:
    return summary.md_escape(summary.citation_text(citations, sources))


def story_step(total: int, key: str = "step") -> int:
    """The current story step, seeded from ``?step=`` and written back to the URL."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        number, reason = params.parse_step(raw, total) if raw is not None else (None, "")
        if reason:
            notice("notice_step_invalid")
        st.session_state[key] = number or 1
    st.session_state[key] = min(max(int(st.session_state[key]), 1), total)
    st.query_params[key] = str(st.session_state[key])
    return st.session_state[key]


def set_story_step(number: int) -> None:
    st.session_state["step"] = number
    st.session_state.pop("story_select", None)


def go_to_selected_step() -> None:
    st.session_state["step"] = st.session_state["story_select"]


def large_type() -> None:
    """Projector-friendly type for the story page (bigger captions and headings)."""
    st.markdown(
        "<style>[data-testid='stMarkdownContainer'] p.atlas-story-caption{font-size:1.45rem!important;"
        "line-height:1.5;max-width:60rem}"
        "[data-testid='stMain'] h2{font-size:2.3rem}</style>",
        unsafe_allow_html=True,
    )


PLAY_SPEEDS = (0.5, 1.0, 2.0, 3.0)  # seconds per step


def play_controls(steps: list[str], key: str, lang: str) -> None:
    """Play/pause and speed for the slider ``key`` over ``steps`` (its option codes).

    Call it above the page's date fragment, outside it: a slider step then does not resend it
    (its ticks rerun the whole page).

    A fragment re-runs every ``speed`` seconds and moves the slider one step, then reruns the page;
    the map takes the new layer in place (same base map), so it does not reload.
    """
    play_column, speed_column = st.columns([1, 2], vertical_alignment="center")
    playing = play_column.toggle(t("play", lang), key=f"{key}_playing", help=t("play_help", lang))
    speed = speed_column.select_slider(t("play_speed", lang), options=list(PLAY_SPEEDS), value=1.0,
                                       key=f"{key}_speed", format_func=lambda s: t("play_speed_label", lang, s=f"{s:g}"))
    # The ticking fragment is always there (idle when paused), so starting play adds no element
    # before the map: Streamlit would otherwise see the map at a new position and remount it.
    _tick(steps, key, float(speed) if playing else None, lang)


def _tick(steps: list[str], key: str, speed: float | None, lang: str) -> None:
    @st.fragment(run_every=speed)
    def tick() -> None:
        if speed is None:
            st.session_state.pop(f"{key}_last_tick", None)
            return
        now, last = time.monotonic(), st.session_state.get(f"{key}_last_tick")
        if last is None or now - last < speed * 0.8:  # the page's own run: wait for the next tick
            st.session_state[f"{key}_last_tick"] = last or now
            return
        st.session_state[f"{key}_last_tick"] = now
        position = steps.index(st.session_state[key]) if st.session_state.get(key) in steps else len(steps) - 1
        if position + 1 >= len(steps):
            st.session_state[f"{key}_playing"] = False
            st.toast(t("play_finished", lang))
        else:
            st.session_state[key] = steps[position + 1]
        st.rerun()

    tick()


def day_codes(first: dt.date, last: dt.date) -> list[str]:
    """ISO dates of every day from ``first`` to ``last``: the day slider's options."""
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def month_codes(first: dt.date, last: dt.date) -> list[str]:
    """``YYYY-MM`` of every month from ``first`` to ``last``: the month slider's options."""
    return [m.strftime("%Y-%m") for m in months(first, last)]


def map_download(make_map: Callable[[], folium.Map], make_layer: Callable[[], folium.FeatureGroup], name: str,
                 title: str, lang: str, catalog: maps.MapCatalog, key: str) -> None:
    """'Download this map (HTML)': built only when clicked (deferred data), so reruns stay fast.
    ``key`` stays the same from date to date (the file ``name`` does not), so a slider step updates
    the button instead of replacing it."""
    st.download_button(
        t("download_map", lang),
        data=lambda: maps.standalone_html(make_map(), make_layer(), title, catalog).encode("utf-8"),
        file_name=f"{name}.html", mime="text/html", icon=":material/download:", help=t("download_map_help", lang),
        key=key, on_click="ignore",
    )


PAGE_CSS = (
    "<style>@media print{[data-testid='stSidebar'],[data-testid='stHeader'],[data-testid='stToolbar'],"
    "[data-testid='stSlider'],[data-testid='stCheckbox'],[data-testid='stButton'],[data-testid='stDownloadButton'],"
    "[data-testid='stPageLink']{display:none!important}"
    "iframe{break-inside:avoid}[data-testid='stMain']{padding:0}}"
    # A wide markdown table (the forces tables) scrolls inside itself on a phone, not the whole page.
    "@media screen{[data-testid='stMarkdownContainer'] table{display:block;max-width:100%;overflow-x:auto}}</style>"
)


def page_styles() -> None:
    """The app's own CSS: controls and sidebar left out when a page is printed (browser Print /
    Ctrl+P); wide tables scroll inside themselves on a narrow screen."""
    st.html(PAGE_CSS)  # style only: takes no room; and the page loads st.html's code early (the catalog uses it)


@st.cache_data(show_spinner=False, max_entries=1024)
def _shown(folder: str, stamp: tuple[tuple[str, int], ...], layer: str, day: dt.date) -> Any:
    atlas, _ = _load(folder, stamp)
    frame = atlas.layers[layer].frame if layer in atlas.layers else timeline.empty_frame()
    return timeline.on_date(frame, day, atlas.axes)


def shown_on(loaded: Loaded, layer: str, day: dt.date) -> Any:
    """The features of ``layer`` on the map on ``day``, with their phase (cached per day: a class
    stepping through the same dates computes each day once)."""
    return _shown(loaded.folder, loaded.stamp, layer, day)


@st.cache_data(show_spinner=False, max_entries=1024)
def _day_view(folder: str, stamp: tuple[tuple[str, int], ...], page: str, day: dt.date, lang: str) -> dayview.DayView:
    atlas, _ = _load(folder, stamp)
    layer = scene.SCENES[page].layer
    frame = atlas.layers[layer].frame if layer in atlas.layers else timeline.empty_frame()
    return dayview.day_view(page, frame, _shown(folder, stamp, layer, day), day, lang, atlas.axes)


def day_view(loaded: Loaded, page: str, day: dt.date, lang: str) -> dayview.DayView:
    """The caption, side panel and table of a map page on ``day`` (cached per page, day and
    language: a slider step that another session already took costs a cache read)."""
    return _day_view(loaded.folder, loaded.stamp, page, day, lang)


@st.cache_data(show_spinner=False, max_entries=1024)
def _layer_data(folder: str, stamp: tuple[tuple[str, int], ...], layer: str, day: dt.date, lang: str,
                legend: str) -> dict[str, Any]:
    atlas, _ = _load(folder, stamp)
    frame = atlas.layers[layer].frame if layer in atlas.layers else timeline.empty_frame()
    shown = _shown(folder, stamp, layer, day)
    placed, _ = timeline.split_placed(shown)
    segments, heads = timeline.axis_geometry(shown, frame, atlas.axes)
    catalog = _catalog(folder, stamp, layer, lang, legend)
    return maps.layer_geojson(placed, lang, segments, heads, maps.fan_offsets(frame), maps.proportional_scale(frame),
                              catalog.icons)


def _day_layer(folder: str, stamp: tuple[tuple[str, int], ...], layer: str, day: dt.date, lang: str,
               legend: str) -> folium.FeatureGroup:
    places = _catalog(folder, stamp, layer, lang, legend).places
    return maps.layer_from_data(_layer_data(folder, stamp, layer, day, lang, legend), day, places)


def day_layer(loaded: Loaded, layer: str, day: dt.date, lang: str, legend: str) -> folium.FeatureGroup:
    """The map layer of ``day``, packed for the page's catalog (its GeoJSON cached per day and language)."""
    return _day_layer(loaded.folder, loaded.stamp, layer, day, lang, legend)


def map_watchdog(lang: str) -> None:
    """Beside the page's maps: writes a message into a map box whose scripts could not load."""
    st.iframe(maps.map_watchdog_html(t("map_unavailable", lang)), height=1)  # our own constant script


# st_folium turns the map into a script on every call (folium renders its Jinja templates each
# time, ~70 ms per slider step here). Everything it sends depends only on the page, language, first
# view and day, so :func:`_map_args` records the component's arguments once and later steps send the
# recorded ones. The recorder wraps the component function that st_folium calls by name; outside a
# recording it passes every call straight through, so st_folium's behaviour is unchanged.
_recording = threading.local()
_draw_component = getattr(streamlit_folium, "_atlas_component", streamlit_folium._component_func)


def _record_or_draw(**kwargs: Any) -> Any:
    box = getattr(_recording, "box", None)
    if box is None:
        return _draw_component(**kwargs)
    box.update(kwargs)
    return None


streamlit_folium._atlas_component = _draw_component
streamlit_folium._component_func = _record_or_draw


@st.cache_resource(show_spinner=False, max_entries=512)
def _map_args(folder: str, stamp: tuple[tuple[str, int], ...], page: str, lang: str,
              view: tuple[tuple[float, ...], ...], day: dt.date, key: str, height: int,
              by_reference: bool) -> dict[str, Any]:
    settings = scene.SCENES[page]
    catalog = _catalog(folder, stamp, settings.layer, lang, settings.legend)
    base = scene.scene_map(page, lang, catalog, [list(corner) for corner in view])
    if by_reference:  # the page carries the step table: the map draws the day from it
        layer = maps.step_ref(day)
    else:
        layer = _day_layer(folder, stamp, settings.layer, day, lang, settings.legend)
    _recording.box = {}
    try:
        st_folium(base, key=key, feature_group_to_add=layer, returned_objects=[], use_container_width=True,
                  height=height)
        args = dict(_recording.box)
    finally:
        _recording.box = None
    args["on_change"] = None  # st_folium's copies the map's state into session_state[key]; unused here
    return args


_prewarmed: set[tuple[Any, ...]] = set()
_prewarm_lock = threading.Lock()
# (folder, stamp, page, language, the slider's days) -> the step table's element; built by prewarm.
_STEPS: dict[tuple[Any, ...], str] = {}


def slider_key(page: str) -> str:
    """The widget key of a map page's date slider (``?day=`` or ``?month=``)."""
    return "month" if scene.SCENES[page].monthly else "day"


def step_table(loaded: Loaded, page: str, lang: str, days: list[dt.date]) -> dict[str, Any]:
    """Every date of a page's slider as a packed layer (see :func:`atlas.maps.step_table`)."""
    settings = scene.SCENES[page]
    places = _catalog(loaded.folder, loaded.stamp, settings.layer, lang, settings.legend).places
    return maps.step_table(slider_key(page), [
        (day.isoformat(), maps.pack_layer(_layer_data(loaded.folder, loaded.stamp, settings.layer, day, lang,
                                                      settings.legend), places))
        for day in days])


def steps_element(loaded: Loaded, page: str, lang: str, days: list[dt.date]) -> str | None:
    """The page's step table as a hidden element, once :func:`prewarm` has built it (None before)."""
    return _STEPS.get((loaded.folder, loaded.stamp, page, lang, tuple(days)))


def prewarm(loaded: Loaded, page: str, lang: str, view: tuple[tuple[float, ...], ...], days: list[dt.date],
            start: dt.date) -> None:
    """Prepare every date of a page, language and view once, in the background.

    Started by the first visitor of a page. First the step table (every date's layer, see
    :func:`step_table`): from then on the page carries it and the map switches dates in the browser
    the moment the slider moves. Then each date's map arguments (which name the date only) and text,
    the dates after ``start`` first (the way a class steps). Afterwards a slider step by anyone is a
    cache read (see docs/benchmarks.md).
    """
    if os.environ.get("ATLAS_PREWARM", "1") == "0":  # off: every date is computed when first asked for
        return
    key = (loaded.folder, loaded.stamp, page, lang, view)
    with _prewarm_lock:
        if key in _prewarmed or not days:
            return
        if len(_prewarmed) > 64:
            _prewarmed.clear()
        _prewarmed.add(key)
    settings = scene.SCENES[page]
    ordered = [d for d in days if d > start] + [d for d in reversed(days) if d < start] + [d for d in days if d == start]

    def work() -> None:
        try:
            steps_key = (loaded.folder, loaded.stamp, page, lang, tuple(days))
            if steps_key not in _STEPS:
                catalog = _catalog(loaded.folder, loaded.stamp, settings.layer, lang, settings.legend)
                element = maps.steps_html(catalog, step_table(loaded, page, lang, days))
                with _prewarm_lock:
                    if len(_STEPS) > 64:
                        _STEPS.clear()
                    _STEPS[steps_key] = element
            for day in ordered:
                _map_args(loaded.folder, loaded.stamp, page, lang, view, day, f"{settings.layer}_map", MAP_HEIGHT, True)
                _day_view(loaded.folder, loaded.stamp, page, day, lang)
                time.sleep(0.01)  # let a running page take the interpreter first
        except Exception:  # noqa: BLE001 - an optimisation only: the page computes what it needs itself
            return

    threading.Thread(target=work, name=f"atlas-prewarm-{page}-{lang}", daemon=True).start()


def map_with_panel(loaded: Loaded, page: str, day: dt.date, lang: str, catalog: maps.MapCatalog,
                   days: list[dt.date], view: dayview.DayView, panel: tuple[str, str], title_key: str,
                   widths: tuple[int, int] = (5, 3)) -> None:
    """A map page's dated part under its slider: the caption, the map (:func:`map_section`) and
    beside it the side panel of ``view`` (``panel``: its heading and help line)."""
    st.caption(view.caption)
    map_column, panel_column = st.columns(list(widths), gap="medium")
    with map_column:
        map_section(loaded, page, day, lang, title_key, catalog, days)
    with panel_column:
        st.subheader(panel[0])
        with st.container(height=MAP_HEIGHT - 60, border=False):
            markdown_block(view.lines, t("day_none", lang))
        st.caption(panel[1])


def map_section(loaded: Loaded, page: str, day: dt.date, lang: str, title_key: str,
                catalog: maps.MapCatalog, days: list[dt.date] | None = None) -> None:
    """A map page's map: first view (``?focus=`` or the page's default), the map with the day's
    layer, the help line and the HTML download. Settings come from :data:`atlas.scene.SCENES`;
    ``catalog`` is the page's, from :func:`page_catalog`; ``days`` (the slider's dates) are
    prepared in the background (:func:`prewarm`)."""
    settings = scene.SCENES[page]
    layer = loaded.atlas.layers.get(settings.layer)
    frame = layer.frame if layer is not None else timeline.empty_frame()
    view = focus_bounds(frame, settings.bounds, page, pad_deg=settings.focus_pad_deg)

    def base() -> folium.Map:
        return scene.scene_map(page, lang, catalog, view)

    def day_map_layer() -> folium.FeatureGroup:
        return day_layer(loaded, settings.layer, day, lang, settings.legend)

    view_key = tuple(tuple(corner) for corner in view)
    steps = steps_element(loaded, page, lang, days) if days and day in days else None
    args = _map_args(loaded.folder, loaded.stamp, page, lang, view_key, day, f"{settings.layer}_map", MAP_HEIGHT,
                     steps is not None)
    _draw_component(**args)
    if days:
        prewarm(loaded, page, lang, view_key, days, day)
    st.caption(t("map_help", lang))
    map_download(base, day_map_layer, f"{page}-{day.isoformat()}", t(title_key, lang), lang, catalog,
                 key=f"download_map_{page}")
    if steps is not None:
        # After the map, so its place on the page never moves; the same content every step, which
        # Streamlit does not send twice.
        st.html(steps)
