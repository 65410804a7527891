"""A map page's scene on a date: its base map, its first view and the layer it draws.

The map pages and story mode share these, so a story step shows exactly what the page it points
to would show on that date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import folium
import geopandas as gpd
import pandas as pd

from atlas import timeline
from atlas.map import elements, packing
from atlas.map.catalog import MapCatalog
from atlas.pages import MAP_PAGES


def parse_date(page: str, text: str) -> dt.date:
    """The date a page shows for a stored date (``YYYY-MM-DD``, or ``YYYY-MM``: the month's end)."""
    return MAP_PAGES[page].day_of(text)


def page_frame(atlas: Any, page: str) -> Any:
    """Every feature a page's map can draw: its own layer's, and those of its extra layers whose
    start date falls in the page's window for them (e.g. the civilians of August on the offensive
    page, of the winter and the repatriation on the captivity page). A ``layer`` column says which."""
    spec = MAP_PAGES[page]
    frames = []
    for name, first, last, rule in ((spec.layer, "", "", ""), *spec.extra_layers):
        layer = atlas.layers.get(name)
        if layer is None or layer.frame.empty:
            continue
        frame = layer.frame
        if (first or last) and "date_start" in frame:
            keep = frame["date_start"].fillna("").map(lambda text, a=first, b=last: _starts_within(text, a, b))
            if rule.startswith("+"):
                keep = keep | (frame["kind"] == rule[1:])
            frame = frame[keep]
        if rule.startswith("-"):
            frame = frame[frame["kind"] != rule[1:]]
        frames.append(frame.assign(layer=name))
    if not frames:
        return timeline.empty_frame()
    return frames[0] if len(frames) == 1 else gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)


def _starts_within(start: str, first: str, last: str) -> bool:
    """Whether a truncated ISO date lies in [first, last] (ISO prefixes; "" leaves that end open)."""
    return bool(start) and (not first or start >= first) and (not last or start[:len(last)] <= last)


def view_bounds(atlas: Any, page: str, focus: str) -> list[list[float]]:
    """The first view of a page's map: around ``focus`` if it is placed on that map, else the default."""
    spec = MAP_PAGES[page]
    around = elements.bounds_around(page_frame(atlas, page), focus, spec.focus_pad_deg) if focus else None
    return around or [list(corner) for corner in spec.bounds]


def layer_data(atlas: Any, page: str, day: dt.date, lang: str, icons: Any = None, shown: Any = None) -> dict[str, Any]:
    """The FeatureCollection a page's map draws on ``day`` (axes, arrowheads, markers); with the
    catalog's ``icons`` it names icons by key. ``shown``: the layer's features on that day, if
    already computed (:func:`atlas.timeline.on_date`)."""
    frame = page_frame(atlas, page)
    if shown is None:
        shown = timeline.on_date(frame, day, atlas.axes)
    placed, _ = timeline.split_placed(shown)
    segments, heads = timeline.axis_geometry(shown, frame, atlas.axes)
    return packing.layer_geojson(placed, lang, segments, heads, packing.fan_offsets(frame),
                                 packing.proportional_scale(frame), icons)


def scene_layer(atlas: Any, page: str, day: dt.date, lang: str,
                catalog: MapCatalog | None = None) -> folium.FeatureGroup:
    """The date-dependent layer a page's map shows on ``day``, packed for the page's ``catalog``."""
    data = layer_data(atlas, page, day, lang, catalog.icons if catalog else None)
    return elements.layer_from_data(data, day, catalog.places if catalog else None)


def scene_map(page: str, lang: str, catalog: MapCatalog, bounds: list[list[float]],
              embedded: bool = False, focus: str | None = None) -> elements.AtlasMap:
    """The base map of a page's scene (constant for a given language, catalog, view and focus)."""
    return elements.base_map(lang, catalog, bounds=bounds, max_zoom=MAP_PAGES[page].max_zoom, embedded=embedded,
                             focus=focus)


def default_view(atlas: Any, page: str, pad: float = 0.06) -> list[list[float]]:
    """The page's first view: around every feature its map draws on its default date (a margin of
    ``pad`` of the span on each side), or the registry's box if it draws none."""
    spec = MAP_PAGES[page]
    placed, _ = timeline.split_placed(_shown(atlas, page, spec.default))
    if placed.empty:
        return [list(corner) for corner in spec.bounds]
    west, south, east, north = (float(v) for v in placed.total_bounds)
    dx, dy = max(east - west, 0.2) * pad, max(north - south, 0.2) * pad
    return [[round(south - dy, 3), round(west - dx, 3)], [round(north + dy, 3), round(east + dx, 3)]]


def first_code(frame: Any, page: Any, feature_id: str | None, axes: Any = None) -> str | None:
    """The first slider option on which ``feature_id`` is drawn (None: no such feature, or it is
    drawn from the first option on, or never)."""
    if not feature_id or frame.empty or "id" not in frame:
        return None
    rows = frame[frame["id"] == feature_id]
    if rows.empty:
        return None
    for index, (code, day) in enumerate(zip(page.codes(), page.days(), strict=True)):
        if feature_id in set(timeline.on_date(rows, day, axes or {})["id"]):
            return code if index else None
    return None


def _shown(atlas: Any, page: str, day: dt.date) -> Any:
    return timeline.on_date(page_frame(atlas, page), day, atlas.axes)
