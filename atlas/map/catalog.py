"""A map page's catalog: what never changes with the date (popups, icons, places, legend), sent
to the browser once in a hidden element of the page, and the step table's element beside it."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

import geopandas as gpd

from atlas.i18n import t
from atlas.map.legend import legend_html
from atlas.map.packing import fan_offsets, proportional_scale
from atlas.map.symbology import (
    ARROW_GAPS,
    CIVILIAN_COLOR,
    FRONT_COLOR,
    NEUTRAL_COLOR,
    PHASES_BY_KIND,
    ROUTE_STYLE,
    arrow_svg,
    icon_key,
    line_table,
    marker_icon,
)
from atlas.popups import axis_popup_html, axis_tooltip_html, clean_properties, popup_html, text, tooltip_html
from atlas.timeline import split_placed

MAP_NAMES = {"offensive": "map_name_offensive", "fortress": "map_name_fortress", "captivity": "map_name_captivity"}


def popup_catalog(frame: gpd.GeoDataFrame, lang: str, sources: Mapping[str, Any],
                  axes: Mapping[str, Any] | None = None) -> dict[str, dict[str, str]]:
    """Escaped popup and tooltip HTML for every feature of a frame and every axis, keyed by id."""
    axes = axes or {}
    catalog = {
        str(row["id"]): {"popup": popup_html(props, lang, sources, axes), "tooltip": tooltip_html(props, lang),
                         "title": text(props, "name", lang)}
        for _, row in frame.iterrows()
        for props in [clean_properties(row)]
    }
    for axis in axes.values():
        catalog[f"axis-{axis.axis}"] = {"popup": axis_popup_html(axis, lang, sources), "tooltip": axis_tooltip_html(axis, lang)}
    return catalog


def icon_table(frame: gpd.GeoDataFrame) -> dict[str, str]:
    """Every icon any feature of a layer can take on any date, and every arrowhead: key -> SVG."""
    icons: dict[str, str] = {}
    largest = proportional_scale(frame)
    placed, _ = split_placed(frame) if not frame.empty else (frame, frame)
    for _, row in placed.iterrows():
        props = clean_properties(row)
        for phase in PHASES_BY_KIND.get(str(props.get("kind")), ("done", "under_way", "date_unknown")):
            _, svg = marker_icon(props, phase, largest)
            icons[icon_key(svg)] = svg
    colors = {*FRONT_COLOR.values(), NEUTRAL_COLOR, CIVILIAN_COLOR, *(c for c, _ in ROUTE_STYLE.values())}
    for color in colors:
        for faded in (False, True):
            for gap in ARROW_GAPS:
                svg = arrow_svg(color, 0, faded, gap=gap)
                icons[icon_key(svg)] = svg
    return icons


def place_table(frame: gpd.GeoDataFrame, offsets: Mapping[str, tuple[int, int]] | None = None) -> dict[str, dict[str, Any]]:
    """What never changes about each placed point of a layer: coordinates, kind and fan offset.

    Sent once in the catalog, so a slider step names a marker by id and icon key only.
    """
    places: dict[str, dict[str, Any]] = {}
    if frame.empty or "id" not in frame:
        return places
    for fid, kind, geom in zip(frame["id"], frame["kind"], frame.geometry, strict=True):
        if geom is None or geom.is_empty or geom.geom_type != "Point":
            continue
        place: dict[str, Any] = {"c": list(geom.__geo_interface__["coordinates"]), "kind": str(kind)}
        if offsets and str(fid) in offsets:
            place["shift"] = list(offsets[str(fid)])
        places[str(fid)] = place
    return places


@dataclass(frozen=True)
class MapCatalog:
    """Everything constant about a map page in one language: popups, icons and legend.

    It is sent to the browser once, outside the map (a hidden element of the page, which Streamlit
    caches by content and does not resend on reruns); the map's script reads it from there by
    ``id``. So the base map stays small, and a slider step carries no popup text and no SVG.
    """

    id: str
    payload: dict[str, Any]

    @property
    def icons(self) -> dict[str, str]:
        return self.payload["icons"]

    @property
    def places(self) -> dict[str, dict[str, Any]]:
        return self.payload["places"]


def make_catalog(popups: dict[str, dict[str, str]], icons: dict[str, str], legend: str,
                 places: dict[str, dict[str, Any]] | None = None, dates: dict[str, str] | None = None,
                 labels: list[dict[str, Any]] | None = None, ui: dict[str, str] | None = None,
                 overlays: list[dict[str, Any]] | None = None) -> MapCatalog:
    """``dates``: the text of the big date for each ISO day of the page's slider; ``labels``: the
    names shown on the map (``{"n": name, "c": [lon, lat], "r": rank}``)."""
    sizes = {key: int(float(re.search(r'width="([0-9.]+)"', svg).group(1))) for key, svg in icons.items()}
    payload = {"popups": popups, "icons": icons, "sizes": sizes, "lines": line_table(), "legend": legend,
               "places": places or {}, "dates": dates or {}, "labels": labels or [], "ui": ui or {},
               "overlays": overlays or []}
    digest = hashlib.sha1(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()[:12]
    return MapCatalog(digest, payload)


def element_id(catalog: MapCatalog) -> str:
    """The value of the ``data-atlas-catalog`` attribute the map client looks its catalog up by."""
    return catalog.id


def steps_element_id(catalog: MapCatalog) -> str:
    """The value of ``data-atlas-steps`` for a page's step table (one per catalog: its rows name the
    catalog's icons and places)."""
    return catalog.id


def _data_element(attribute: str, name: str, payload: Any) -> str:
    """A hidden element carrying ``payload`` as JSON in an escaped attribute, found by the map client
    through ``attribute`` (a data-atlas-* attribute that no heading or data text can produce)."""
    # "<", ">" and "&" become JSON escapes, so the attribute holds no markup at all for an HTML
    # sanitizer to object to (data with "<script" in it was dropped otherwise); quotes are escaped.
    text = (json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    return f'<div hidden {attribute}="{escape(name, quote=True)}" data-json="{escape(text, quote=True)}"></div>'


def catalog_html(catalog: MapCatalog, payload: dict[str, Any] | None = None) -> str:
    """The hidden element that carries a page's catalog: ``payload`` if given (the catalog without its
    popup text, see :func:`atlas.map.popup_files.publish`), else the whole catalog."""
    return _data_element("data-atlas-catalog", element_id(catalog), catalog.payload if payload is None else payload)


def steps_html(catalog: MapCatalog, table: Mapping[str, Any]) -> str:
    """The hidden element that carries a page's step table (see :func:`atlas.map.packing.step_table`)."""
    return _data_element("data-atlas-steps", steps_element_id(catalog), table)


def map_catalog(frame: gpd.GeoDataFrame, lang: str, sources: Mapping[str, Any], axes: Mapping[str, Any] | None,
                legend: str, dates: dict[str, str] | None = None, labels: list[dict[str, Any]] | None = None,
                overlays: list[dict[str, Any]] | None = None,
                overlay_popups: dict[str, dict[str, str]] | None = None) -> MapCatalog:
    """A page's catalog: popups for every feature and axis (and the overlays' lines), every icon any
    feature can take on any date, the legend, the big date's texts, the place names and the static
    overlays (the map of 1945, railways)."""
    ui = {key: t(key, lang) for key in ("present", "overlay_borders", "overlay_railways", "places_button", "places_empty",
                                         "live_places_one", "live_places_other", "panel_region", "popup_loading",
                                         "popup_error", "cluster_label")}
    ui |= {"lang": lang, "map_name": t(MAP_NAMES.get(legend, "map_name"), lang)}  # static/map/a11y.js
    return make_catalog({**popup_catalog(frame, lang, sources, axes), **(overlay_popups or {})}, icon_table(frame),
                        legend_html(lang, legend), place_table(frame, fan_offsets(frame)), dates, labels, ui, overlays)


def label_table(labels: Any, page: str, lang: str) -> list[dict[str, Any]]:
    """The names a page shows on its map, in its language (see ``labels.csv``)."""
    return [{"n": getattr(label, f"name_{lang}"), "c": [label.lon, label.lat], "r": label.rank}
            for label in labels if page in label.pages]
