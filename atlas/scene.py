"""One map scene: which layer, legend and first view each map page uses, and the layer for a date.

The three map pages and the story mode share these settings, so a story step shows exactly what
the page it points to would show on that date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import folium

from atlas import maps, timeline


@dataclass(frozen=True)
class Scene:
    layer: str
    legend: str
    bounds: list[list[float]]
    focus_pad_deg: float
    max_zoom: int
    monthly: bool  # month steps (captivity) rather than day steps


SCENES: dict[str, Scene] = {
    "offensive": Scene("offensive", "offensive", maps.VIEW_BOUNDS, 1.5, 12, False),
    "dongning": Scene("dongning", "fortress", [[43.78, 130.95], [44.2, 131.5]], 0.12, 15, False),
    "captivity": Scene("camps", "captivity", [[35.0, 35.0], [66.0, 158.0]], 4.0, 12, True),
}


def parse_date(page: str, text: str) -> dt.date:
    """The slider day a page shows for a stored date (``YYYY-MM-DD``, or ``YYYY-MM``: the month's end)."""
    if SCENES[page].monthly:
        return timeline.month_end(dt.date.fromisoformat(text + "-01"))
    return dt.date.fromisoformat(text)


def view_bounds(atlas: Any, page: str, focus: str) -> list[list[float]]:
    """The first view of a page's map: around ``focus`` if it is placed on that map, else the default."""
    scene = SCENES[page]
    layer = atlas.layers.get(scene.layer)
    around = maps.bounds_around(layer.frame, focus, scene.focus_pad_deg) if layer is not None and focus else None
    return around or scene.bounds


def scene_layer(atlas: Any, page: str, day: dt.date, lang: str,
                catalog: maps.MapCatalog | None = None) -> folium.FeatureGroup:
    """The date-dependent layer a page's map shows on ``day`` (axes, arrowheads, markers); with the
    page's ``catalog`` it names icons and places by key (the compact form a map page sends)."""
    scene = SCENES[page]
    layer = atlas.layers.get(scene.layer)
    frame = layer.frame if layer is not None else timeline.empty_frame()
    shown = timeline.on_date(frame, day, atlas.axes)
    placed, _ = timeline.split_placed(shown)
    segments, heads = timeline.axis_geometry(shown, frame, atlas.axes)
    return maps.feature_layer(placed, day, lang, segments, heads, maps.fan_offsets(frame), maps.proportional_scale(frame),
                              catalog.icons if catalog else None, catalog.places if catalog else None)


def scene_map(page: str, lang: str, catalog: maps.MapCatalog, bounds: list[list[float]]) -> maps.AtlasMap:
    """The base map of a page's scene (constant for a given language, catalog and view)."""
    return maps.base_map(lang, catalog, bounds=bounds, max_zoom=SCENES[page].max_zoom)
