"""The only atlas module that imports Streamlit: caching, shared widgets, error display, the map."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import streamlit as st
from streamlit_folium import st_folium

from atlas import export, maps, params, summary
from atlas.i18n import DEFAULT_LANGUAGE, LANGUAGES, long_date, long_month, month_label, normalize_language, t
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
def _catalog(folder: str, stamp: tuple[tuple[str, int], ...], layer: str, lang: str) -> dict[str, dict[str, str]]:
    atlas, _ = _load(folder, stamp)
    if layer not in atlas.layers:
        return {}
    return maps.popup_catalog(atlas.layers[layer].frame, lang, atlas.sources, atlas.axes)


def popup_catalog(loaded: Loaded, layer: str, lang: str) -> dict[str, dict[str, str]]:
    """Cached popup HTML for every feature and axis of a layer in a language."""
    return _catalog(loaded.folder, loaded.stamp, layer, lang)


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
    choice = normalize_language(st.sidebar.selectbox(
        t("language", current), options=list(LANGUAGES), format_func=LANGUAGES.__getitem__, key="lang",
    ))
    if choice == DEFAULT_LANGUAGE:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = choice
    return choice


def notice(key: str, **values: object) -> None:
    """A short, non-blocking notice about input that was ignored (shown once, as a toast)."""
    st.toast(t(key, normalize_language(st.session_state.get("lang")), **values), icon=":material/info:")


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


def show_map(m: folium.Map, layer: folium.FeatureGroup, key: str) -> Any:
    """Draw the map; only ``layer`` changes between reruns, so the iframe and the view are kept."""
    return st_folium(
        m, key=key, feature_group_to_add=layer, returned_objects=[],
        use_container_width=True, height=MAP_HEIGHT,
    )


def date_slider(lang: str, first: dt.date, last: dt.date, default: dt.date, key: str = "day") -> dt.date:
    """A day-step date slider bound to the URL (``?day=1945-08-15``); a bad value gets a notice."""
    raw = st.query_params.get(key)
    if raw is not None and key not in st.session_state:
        _, reason = params.parse_day(raw, first, last)
        if reason:
            notice(f"notice_day_{reason}", date=long_date(default, lang))
    return st.slider(
        t("date_slider", lang), min_value=first, max_value=last, value=default,
        step=dt.timedelta(days=1), format="YYYY-MM-DD", key=key, bind="query-params",
        help=t("date_slider_help", lang),
    )


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
            st.dataframe(table, hide_index=True, width="stretch")


def markdown_list(lines: list[str], empty: str = "") -> None:
    """Pre-escaped markdown lines (from atlas.summary), or ``empty`` (if any) when there are none."""
    for line in lines or ([empty] if empty else []):
        st.markdown(line)


def month_slider(lang: str, first: dt.date, last: dt.date, default: dt.date, key: str = "month") -> dt.date:
    """A month-step slider bound to ``?month=YYYY-MM`` by hand (the URL keeps the code, not the label)."""
    steps = [m.strftime("%Y-%m") for m in months(first, last)]
    if key not in st.session_state:
        raw = st.query_params.get(key)
        month, reason = params.parse_month(raw, first, last) if raw is not None else (None, "")
        if reason:
            notice(f"notice_month_{reason}", date=long_month(default, lang))
        st.session_state[key] = (month or default).strftime("%Y-%m")
    choice = st.select_slider(
        t("month_slider", lang), options=steps, key=key, help=t("month_slider_help", lang),
        format_func=lambda code: month_label(dt.date.fromisoformat(code + "-01"), lang),
    )
    st.query_params[key] = choice
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
