"""The data package and everything computed from it, cached for all sessions.

Every cache is keyed by the data folder's stamp (the content of the files the package declares), so
a changed data file is read again and a stray one changes nothing. The caches that grow with the
dates (a page's features, text, layer and map on each date) are bounded in bytes as well as entries
(:mod:`atlas.lru`, ``ATLAS_CACHE_MB``); the others hold one entry per page and language at most, a
few data versions deep.

What never changes for a data version (the loaded package, a page's features, its catalog) is kept
with ``st.cache_resource``: every session gets the same object, read-only by convention like
everything the date caches hold. ``st.cache_data`` would hand each call a fresh copy (unpickled: at
10× the data some 13 MB and up to 0.1 s per page run for the package and catalog alone).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import streamlit as st

from atlas import dayview, export, lru, scene, snapshot, timeline
from atlas.i18n import long_date, long_month
from atlas.load import Atlas, DataError, load_atlas
from atlas.map import catalog as catalogs
from atlas.map import client, elements, json_files, overlays, packing, popup_files
from atlas.pages import MAP_PAGES
from atlas.paths import geodata_dir

Stamp = snapshot.Stamp
VERSIONS_KEPT = 4  # data versions the entry-bounded caches keep (an edit makes a new one)

BUDGET = lru.Budget(lru.total_budget())  # ATLAS_CACHE_MB, shared by the caches that grow with the dates
SHOWN = BUDGET.cache("features on a date", 0.15)
DAY_VIEWS = BUDGET.cache("text on a date", 0.10)
LAYERS = BUDGET.cache("layer on a date", 0.30)
MAP_ARGS = BUDGET.cache("map on a date", 0.25)  # atlas.ui.mapview
CATALOG_HTML = BUDGET.cache("catalog elements", 0.06)  # atlas.ui.mapview
STEP_TABLES = BUDGET.cache("step tables", 0.06)  # atlas.ui.background
HANDOUTS = BUDGET.cache("map handouts", 0.08)  # atlas.ui.handouts
_current: dict[str, Stamp] = {}  # data folder -> the stamp of its last load


EMPTY_ATLAS = Atlas({}, {}, {}, (), ())


@dataclass(frozen=True)
class Loaded:
    """The loaded package, the fatal error if it could not be read, and the cache key it came from."""

    atlas: Atlas
    fatal: str
    folder: str
    stamp: Stamp


@st.cache_resource(show_spinner=False, max_entries=VERSIONS_KEPT)
def _load(folder: str, stamp: Stamp) -> tuple[Atlas, str]:
    """The package, read back from its snapshot if this version was loaded before (by this server
    or an earlier one, or by ``python -m atlas.validate``): see :mod:`atlas.snapshot`."""
    name = snapshot.key(stamp)
    saved = snapshot.read(name)
    if isinstance(saved, Atlas):
        return saved, ""
    try:
        atlas = load_atlas(Path(folder))
    except DataError as exc:
        return EMPTY_ATLAS, str(exc)
    snapshot.write(name, atlas)
    return atlas, ""


@st.cache_resource(show_spinner=False)
def install_static() -> list[str]:
    """Leaflet and the basemap copied under static/ once per process (see :func:`atlas.map.client.install_static`).

    On a read-only disk nothing is copied and the app still runs: the map's watchdog then says in the
    page that the map could not load, and everything is listed beside and below it."""
    try:
        return client.install_static(geodata_dir())
    except OSError:
        return []


_stamp = snapshot.stamp


def load() -> Loaded:
    """The data package (cached until a file in the data folder changes)."""
    folder = geodata_dir()
    stamp = _stamp(folder)
    if _current.get(str(folder)) != stamp:  # the data changed: what was built from the old is garbage
        _current[str(folder)] = stamp
        BUDGET.discard(lambda key: key[0] == str(folder) and key[1] != stamp)
    atlas, fatal = _load(str(folder), stamp)
    return Loaded(atlas, fatal, str(folder), stamp)


@st.cache_resource(show_spinner=False, max_entries=len(MAP_PAGES) * VERSIONS_KEPT)
def _frame(folder: str, stamp: Stamp, page: str) -> Any:
    atlas, _ = _load(folder, stamp)
    return scene.page_frame(atlas, page)


@st.cache_resource(show_spinner=False, max_entries=2 * len(MAP_PAGES) * VERSIONS_KEPT)
def _catalog(folder: str, stamp: Stamp, page: str, lang: str) -> catalogs.MapCatalog:
    atlas, _ = _load(folder, stamp)
    spec = MAP_PAGES[page]
    show = long_month if spec.monthly else long_date
    dates = {day.isoformat(): show(day, lang) for day in spec.days()}
    return catalogs.map_catalog(_frame(folder, stamp, page), lang, atlas.sources, atlas.axes, spec.legend, dates,
                                catalogs.label_table(atlas.labels, page, lang),
                                overlays.overlay_table(atlas.layers, spec.overlays, lang),
                                overlays.overlay_popups(atlas.layers, spec.overlays, lang, atlas.sources))


def page_catalog(loaded: Loaded, page: str, lang: str) -> catalogs.MapCatalog:
    """A map page's popups, icons, places and legend (cached until a data file changes). Show it
    with :func:`atlas.ui.mapview.show_catalog` after the page's dated part: it never changes with
    the date, and the map waits for it while the text above the map does not."""
    return _catalog(loaded.folder, loaded.stamp, page, lang)


def _shown(folder: str, stamp: Stamp, page: str, day: dt.date) -> Any:
    return SHOWN.get_or_make((folder, stamp, page, day), lambda: timeline.on_date(
        _frame(folder, stamp, page), day, _load(folder, stamp)[0].axes))


def shown_on(loaded: Loaded, page: str, day: dt.date) -> Any:
    """The features of a page's map on ``day``, with their phase (cached per day: a class stepping
    through the same dates computes each day once)."""
    return _shown(loaded.folder, loaded.stamp, page, day)


def page_frame(loaded: Loaded, page: str) -> Any:
    """Every feature a page's map can draw (see :func:`atlas.scene.page_frame`)."""
    return _frame(loaded.folder, loaded.stamp, page)


def _day_view(folder: str, stamp: Stamp, page: str, day: dt.date, lang: str) -> dayview.DayView:
    return DAY_VIEWS.get_or_make((folder, stamp, page, day, lang), lambda: dayview.day_view(
        page, _frame(folder, stamp, page), _shown(folder, stamp, page, day), day, lang, _load(folder, stamp)[0].axes))


def day_view(loaded: Loaded, page: str, day: dt.date, lang: str) -> dayview.DayView:
    """The caption, side panel and table of a map page on ``day`` (cached per page, day and language)."""
    return _day_view(loaded.folder, loaded.stamp, page, day, lang)


def _layer_data(folder: str, stamp: Stamp, page: str, day: dt.date, lang: str) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        atlas, _ = _load(folder, stamp)
        shown = _shown(folder, stamp, page, day)
        return scene.layer_data(atlas, page, day, lang, _catalog(folder, stamp, page, lang).icons, shown)
    return LAYERS.get_or_make((folder, stamp, page, day, lang), make)


def layer_data(loaded: Loaded, page: str, day: dt.date, lang: str) -> dict[str, Any]:
    """The FeatureCollection a page's map draws on ``day`` (cached per page, day and language)."""
    return _layer_data(loaded.folder, loaded.stamp, page, day, lang)


def packed_layer(loaded: Loaded, page: str, day: dt.date, lang: str) -> dict[str, Any]:
    """The layer of ``day`` in the packed form a step sends (see :func:`atlas.map.packing.pack_layer`)."""
    return packing.pack_layer(layer_data(loaded, page, day, lang), page_catalog(loaded, page, lang).places)


@st.cache_resource(show_spinner=False, max_entries=len(MAP_PAGES) * VERSIONS_KEPT)
def _default_view(folder: str, stamp: Stamp, page: str) -> tuple[tuple[float, ...], ...]:
    atlas, _ = _load(folder, stamp)
    return tuple(tuple(corner) for corner in scene.default_view(atlas, page))


def default_view(loaded: Loaded, page: str) -> tuple[tuple[float, ...], ...]:
    """The page's first view: around everything its map draws on its default date."""
    return _default_view(loaded.folder, loaded.stamp, page)


def day_layer(loaded: Loaded, page: str, day: dt.date, lang: str) -> folium.FeatureGroup:
    """The map layer of ``day``, packed for the page's catalog."""
    places = page_catalog(loaded, page, lang).places
    return elements.layer_from_data(layer_data(loaded, page, day, lang), day, places)


@st.cache_data(show_spinner=False, max_entries=16 * VERSIONS_KEPT)
def layer_csv(path: str, stamp: Stamp) -> bytes:
    """A layer's CSV download, rebuilt only when a data file changes."""
    return export.layer_csv(Path(path).read_text(encoding="utf-8"))


@st.cache_data(show_spinner=False, max_entries=2)
def package_zip(folder: str, stamp: Stamp) -> bytes:
    """The whole data package as a zip, rebuilt only when a data file changes."""
    return export.package_zip(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=len(MAP_PAGES) * VERSIONS_KEPT)
def _change_codes(folder: str, stamp: Stamp, page: str) -> list[str]:
    spec = MAP_PAGES[page]
    atlas, _ = _load(folder, stamp)
    codes, previous, changes = spec.codes(), None, []
    for code in codes:
        shown = _shown(folder, stamp, page, spec.day_of(code))
        drawn = tuple(sorted(zip(shown["id"], shown["phase"], strict=True))) if len(shown) else ()
        if drawn != previous:
            changes.append(code)
        previous = drawn
    return changes


def change_codes(loaded: Loaded, page: str) -> list[str]:
    """The slider options on which a page's map changes (what is drawn, or its state): Play's
    "to the next change" steps through these only."""
    return _change_codes(loaded.folder, loaded.stamp, page)


def catalog_element(catalog: catalogs.MapCatalog) -> str:
    """The hidden element that carries a page's catalog (``atlas.ui.mapview``). Keyed by the catalog's id,
    which follows its content, so never stale; bounded in bytes. The popup text goes to files the app
    serves, fetched when a popup opens, and the overlays of 1945 to one fetched while the first date
    is drawn (atlas/map/json_files.py); inline if they cannot be written."""
    return CATALOG_HTML.get_or_make(catalog.id, lambda: catalogs.catalog_html(catalog, sent_catalog(catalog)))


def sent_catalog(catalog: catalogs.MapCatalog, popups_root: Path | None = None,
                 data_root: Path | None = None) -> dict[str, Any] | None:
    """The catalog as the page carries it: popup text and overlays in files (written under the given
    roots, or the app's), or None to carry it whole (nothing could be written)."""
    lazy = popup_files.publish(catalog, popups_root)
    url = json_files.publish(lazy["overlays"], data_root) if lazy is not None and lazy.get("overlays") else None
    return {**lazy, "overlays": [], "overlayFile": url} if url is not None else lazy  # (no url without lazy)
