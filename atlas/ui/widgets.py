"""The shared widgets: language, the date control bound to the URL, Play, and the story's step."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from atlas import params
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
from atlas.pages import MapPage


def history_navigation() -> bool:
    """True when the browser's Back or Forward started this run. Streamlit tells each run
    (``ScriptRunContext.is_history_navigation``; docs/streamlit-contract.md, point 10) and uses it
    for widgets bound with ``bind="query-params"``; the atlas binds its URL by hand, so it asks."""
    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))


def current_language() -> str:
    """The language chosen for this session (the sidebar's choice)."""
    return normalize_language(st.session_state.get("lang"))


def language() -> str:
    """The language chosen in the sidebar, seeded from and written back to ``?lang=`` in the URL.

    Bound by hand: Streamlit's ``bind="query-params"`` would put the display label ("Español")
    in the URL instead of the code.
    """
    drop_oversized_parameters()
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


def drop_oversized_parameters() -> None:
    """A link's parameter too long for anything this app reads is ignored and leaves the URL, with a
    notice (before any page reads it, so it gets no second notice)."""
    query = {key: "".join(st.query_params.get_all(key)) for key in st.query_params}
    too_long = params.oversized(query)
    for key in too_long:
        st.query_params.pop(key, None)
    if too_long:
        notice("notice_param_too_long", limit=f"{params.MAX_VALUE_CHARS:,}")


def notice(key: str, **values: object) -> None:
    """A short, non-blocking notice about input that was ignored (shown once, as a toast)."""
    st.toast(t(key, current_language(), **values), icon=":material/info:")


def _seed(key: str, parse: Callable[[str], tuple[str | None, str]], default: str, kind: str, default_text: str) -> None:
    """Seed widget ``key`` from ``?key=`` once; a bad value gets a notice naming the default."""
    if key in st.session_state:
        return
    raw = st.query_params.get(key)
    value, reason = parse(raw) if raw is not None else (None, "")
    if reason:
        notice(f"notice_{kind}_{reason}", date=default_text)
    st.session_state[key] = default if value is None else value


CARRIED = "atlas_when"  # the last date shown on any map page (ISO day), carried to the next one


def carried_code(page: MapPage) -> str | None:
    """The option of ``page``'s slider nearest the date the user last looked at on another map page
    (the same day, or its month on a monthly slider), if that date is inside the page's window."""
    carried = st.session_state.get(CARRIED)
    if not carried:
        return None
    day = dt.date.fromisoformat(carried)
    return page.code_of(day) if page.first <= day <= page.last else None


def _shift(key: str, codes: list[str], move: int | str) -> None:
    """Move the slider ``key`` one option (``move`` = ±1) or to the first/last (a button's callback)."""
    position = codes.index(st.session_state[key]) if st.session_state.get(key) in codes else 0
    target = {"first": 0, "last": len(codes) - 1}.get(move) if isinstance(move, str) else position + move
    st.session_state[key] = codes[min(max(target, 0), len(codes) - 1)]


STEP_BUTTONS = (("first", "Home", ":material/first_page:", "step_first"),
                (-1, "Left", ":material/chevron_left:", "step_previous"),
                (1, "Right", ":material/chevron_right:", "step_next"),
                ("last", "End", ":material/last_page:", "step_last"))


def date_control(page: MapPage, lang: str, first_shown: str | None = None) -> dt.date:
    """The page's date slider (days '20 ago 1945', or months 'dic 1945') with buttons to step it by
    key (← → Home End, wherever the focus is but a text field), bound to ``?day=`` or ``?month=`` by
    hand (Streamlit's own ``bind`` would put the localized label in the URL instead of the code).

    The first date shown: the URL's, else the one carried from the previous map page, else the
    page's default; never before ``first_shown`` (the first date the place named by ``?focus=`` is
    drawn), which the notice then says. Returns the date the chosen option shows.
    """
    key, codes = page.slider_key, page.codes()
    if page.monthly:
        def parse(raw: str) -> tuple[str | None, str]:
            month, reason = params.parse_month(raw, page.first, page.last)
            return (month.strftime("%Y-%m") if month else None), reason

        default_text, texts = long_month(page.default, lang), "month_slider"
        label: Callable[[str], str] = lambda code: month_label(dt.date.fromisoformat(code + "-01"), lang)  # noqa: E731
    else:
        def parse(raw: str) -> tuple[str | None, str]:
            day, reason = params.parse_day(raw, page.first, page.last)
            return (day.isoformat() if day else None), reason

        default_text, texts = long_date(page.default, lang), "date_slider"
        label = lambda code: short_date(dt.date.fromisoformat(code), lang)  # noqa: E731
    # A slider of another page with the same key left its value behind, which Streamlit would not
    # honour for this page's slider (it opened on the first option, 8 August): seed it afresh.
    if st.session_state.get(f"{key}_page") != page.name:
        st.session_state.pop(key, None)
        st.session_state[f"{key}_page"] = page.name
    _seed(key, parse, carried_code(page) or page.default_code, key, default_text)
    # The browser's Back and Forward bring back an earlier address (each date written to the URL is
    # an entry in its history) and rerun the page: then the address's date is the one to show.
    raw = st.query_params.get(key)
    if raw is not None and history_navigation():
        st.session_state[key] = parse(raw)[0] or st.session_state[key]
    if first_shown and codes.index(st.session_state[key]) < codes.index(first_shown):
        st.session_state[key] = first_shown
        notice("notice_focus_later", date=label(first_shown))
    slider_column, buttons_column = st.columns([3, 2], vertical_alignment="bottom")
    choice = slider_column.select_slider(t(texts, lang), options=codes, key=key, format_func=label,
                                         help=t(f"{texts}_help", lang) + " " + t("keys_help", lang))
    with buttons_column, st.container(horizontal=True, gap="small"):
        for move, shortcut, icon, text in STEP_BUTTONS:
            st.button("", icon=icon, key=f"{key}_{text}", shortcut=shortcut, on_click=_shift,
                      args=(key, codes, move), help=t(text, lang))
    st.query_params[key] = choice
    if choice != page.default_code:  # a date the user chose, not the page's opening one
        st.session_state[CARRIED] = page.day_of(choice).isoformat()
    return page.day_of(choice)


def seed_compare(page: MapPage) -> str | None:
    """The compared date from ``?compare=``, read once per session (a bad value gets a notice). Called
    before the map is drawn, so the first map already shows it, and again by the control."""
    codes, key = page.codes(), "compare"
    if key not in st.session_state:
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw in codes else None
        if raw is not None and raw not in codes:
            notice("notice_compare_invalid")
    return st.session_state[key] if st.session_state[key] in codes else None


def compare_control(page: MapPage, lang: str) -> str | None:
    """'Compare with another date': a second option of the page's slider, drawn faint under the
    first, bound to ``?compare=`` (a bad value gets a notice and is dropped)."""
    codes, key = page.codes(), "compare"
    seed_compare(page)
    show = (lambda code: month_label(dt.date.fromisoformat(code + "-01"), lang)) if page.monthly else \
        (lambda code: short_date(dt.date.fromisoformat(code), lang))
    # A slider, not a select box: a select box's code is some 13 script files that a first visit
    # fetches before the page is drawn (about 0.2 s here); the date slider's code is already there.
    choice = st.select_slider(t("compare", lang), options=[None, *codes], key=key, help=t("compare_help", lang),
                              format_func=lambda code: t("compare_none", lang) if code is None else show(code))
    if choice is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = choice
    return choice


def story_step(numbers: list[int], key: str = "step") -> int:
    """The current story step's own number (``numbers``: the steps' numbers, in order), seeded from
    ``?step=`` and written back to the URL. A step is named by its number, never by its position: a
    row the validator left out does not shift the steps after it.

    Each step written to the URL is a new entry in the browser's history (Streamlit pushes one
    whenever the app changes its query), so the browser's Back button brings back the previous
    step's address and reruns the page, telling the run it is a history navigation: then the
    address's step wins over the session's.
    """
    raw = st.query_params.get(key)
    if key not in st.session_state or (raw is not None and history_navigation()):
        number, reason = params.parse_step(raw, max(numbers)) if raw is not None else (None, "")
        if number is not None and number not in numbers:
            number, reason = None, "missing"
        if reason:
            notice("notice_step_invalid")
        st.session_state[key] = number or st.session_state.get(key) or numbers[0]
    if st.session_state[key] not in numbers:
        st.session_state[key] = numbers[0]
    st.session_state["story_select"] = st.session_state[key]
    st.query_params[key] = str(st.session_state[key])
    return st.session_state[key]


def set_story_step(number: int) -> None:
    """Go to story step ``number``; "go to step" follows (it showed the old step before)."""
    st.session_state["step"] = number
    st.session_state["story_select"] = number


def go_to_selected_step() -> None:
    st.session_state["step"] = st.session_state["story_select"]


PLAY_SPEEDS = (0.5, 1.0, 2.0, 3.0)  # seconds per step


def play_controls(page: MapPage, lang: str, changes: Callable[[], list[str]] | None = None) -> None:
    """Play/pause and speed for the page's date slider.

    Call it above the page's date fragment, outside it: a slider step then does not resend it
    (its ticks rerun the whole page). A fragment re-runs every ``speed`` seconds and moves the
    slider one step, then reruns the page; the map takes the new layer in place (same base map),
    so it does not reload. ``changes`` (on a long slider): the options on which the map changes,
    for a "to the next change" mode that skips the steps where nothing happens.
    """
    key = page.slider_key
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        playing_now = bool(st.session_state.get(f"{key}_playing"))  # the icon says what a press will do
        st.button(t("play", lang), icon=":material/pause:" if playing_now else ":material/play_arrow:",
                  key=f"{key}_play_button", shortcut="Space",
                  on_click=_toggle_play, args=(f"{key}_playing",), help=t("play_help", lang))
        # One click per speed, and no select box's code to fetch (the language's radio loaded it)
        speed = st.radio(t("play_speed", lang), options=list(PLAY_SPEEDS), index=1, key=f"{key}_speed",
                         horizontal=True, format_func=lambda s: t("play_speed_label", lang, s=f"{s:g}"))
        loop = st.toggle(t("play_loop", lang), key=f"{key}_loop", help=t("play_loop_help", lang))
        jump = changes is not None and st.toggle(t("play_changes", lang), key=f"{key}_changes",
                                                 help=t("play_changes_help", lang))
    playing = bool(st.session_state.get(f"{key}_playing"))
    # The ticking fragment is always there (idle when paused), so starting play adds no element
    # before the map: Streamlit would otherwise see the map at a new position and remount it.
    steps = changes() if jump and changes is not None else page.codes()
    _tick(steps, key, float(speed) if playing else None, lang, loop)


def _toggle_play(key: str) -> None:
    st.session_state[key] = not st.session_state.get(key, False)


def _tick(steps: list[str], key: str, speed: float | None, lang: str, loop: bool = False) -> None:
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
        current = st.session_state.get(key)
        later = [code for code in steps if current is None or code > current]  # codes are ISO: they sort
        if later:
            st.session_state[key] = later[0]
        elif loop:  # at the end: start again from the first date
            st.session_state[key] = steps[0]
        else:
            st.session_state[f"{key}_playing"] = False
            st.toast(t("play_finished", lang))
        st.rerun()

    tick()
