"""Folium objects: a constant base map (with legend) and the date-dependent feature layer.

The base map must be identical on every rerun for a given language, so that streamlit-folium keeps
the same iframe and the user's zoom; everything that depends on the date goes into the layer
built by :func:`feature_layer` (passed as ``feature_group_to_add``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode

from atlas.i18n import t
from atlas.popups import axis_popup_html, axis_tooltip_html, clean_properties, popup_html, text, tooltip_html
from atlas.timeline import Head, Segment, mercator_bearing, split_placed

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"

# Okabe-Ito colour-blind-safe palette: one colour per Soviet front (and the Pacific Fleet), one for
# the Japanese side. Fronts also differ by line pattern and kinds by shape, so the map still reads
# in greyscale.
FRONT_COLOR: dict[str, str] = {
    "transbaikal": "#E69F00",
    "far_eastern_1": "#0072B2",
    "far_eastern_2": "#009E73",
    "pacific_fleet": "#56B4E9",
}
JAPANESE_COLOR = "#CC79A7"
NEUTRAL_COLOR = "#555555"
FRONT_DASH: dict[str, str | None] = {
    "transbaikal": None,  # solid
    "far_eastern_1": "12 6",  # dashed
    "far_eastern_2": "14 5 3 5",  # dash-dot
    "pacific_fleet": "12 6",
}
UNKNOWN_DASH = "1 7"  # dots: the route is known but not when it was covered
KIND_SHAPE = {
    "start_area": "square", "waypoint": "circle", "objective": "circle", "landing_sea": "anchor",
    "landing_air": "parachute", "hq": "star", "fortified_region": "fort", "event": "diamond",
    "position": "triangle", "place": "circle", "camp": "square", "collection_point": "diamond",
    "port": "anchor", "region_figure": "circle",
}
KIND_SIZE = {"start_area": 16, "waypoint": 14, "objective": 18, "landing_sea": 22, "landing_air": 22,
             "hq": 20, "fortified_region": 20, "event": 16, "position": 20, "place": 10, "camp": 14,
             "collection_point": 14, "port": 22, "region_figure": 20}
# Captivity: a restrained palette; camp types differ by colour and, for transit camps, by shape.
CAMP_COLOR = {"labour": "#0072B2", "officers": "#CC79A7", "generals": "#CC79A7", "transit": "#009E73",
              "hospital": "#E69F00", "convict": "#1a1a1a"}
CAMP_SHAPE = {"transit": "triangle", "officers": "diamond", "generals": "diamond"}
FIGURE_COLOR = {"dead": "#555555", "held": "#56B4E9"}
ROUTE_STYLE = {"transfer": ("#8C6D46", "10 6"), "repatriation": ("#0072B2", None)}
PROPORTIONAL_MAX_PX, PROPORTIONAL_MIN_PX = 64, 10
JAPANESE_KINDS = frozenset({"hq", "fortified_region", "position"})
HOLLOW_CERTAINTIES = frozenset({"uncertain", "disputed", "unknown"})
RING_PRECISIONS = frozenset({"region", "estimated"})
# Tile providers that need no API key; the attribution comes with each provider (xyzservices).
BASEMAPS = (("Esri.WorldGrayCanvas", "Light grey (Esri)"), ("OpenStreetMap.Mapnik", "OpenStreetMap"))
VIEW_BOUNDS = [[38.5, 113.0], [53.5, 135.5]]  # south-west, north-east (lat, lon): Manchuria and northern Korea

POINT_TO_LAYER = JsCode(
    """function(feature, latlng) {
    var p = feature.properties;
    var shift = p.shift || [0, 0];  // pixels, so markers sharing a place stay clickable
    var catalog = window.atlasCatalog();
    var svg = catalog.icons[p.icon] || p.svg || '';  // icons are sent once, in the catalog
    var size = catalog.sizes[p.icon] || p.size || 16;
    var title = p.title || (catalog.popups[p.id] || {}).title || '';
    if (p.turn) { svg = '<div style="transform:rotate(' + p.turn + 'deg)">' + svg + '</div>'; }
    var icon = L.divIcon({html: svg, className: 'atlas-icon atlas-' + p.kind,
                          iconSize: [size, size], iconAnchor: [size / 2 - shift[0], size / 2 - shift[1]]});
    if (p.kind === 'arrow') {
        return L.marker(latlng, {icon: icon, interactive: false, keyboard: false, zIndexOffset: -500});
    }
    var marker = L.marker(latlng, {icon: icon, title: title, alt: title, riseOnHover: true});
    if (!p.ring) { return marker; }
    var ring = L.circle(latlng, {radius: p.ring, color: p.color, weight: 1.5, dashArray: '6 6',
                                 fillOpacity: 0.06, interactive: false, className: 'atlas-ring'});
    return L.featureGroup([ring, marker]);
}"""
)
# Lines carry their Leaflet path style in their properties (see :func:`segment_style`).
LINE_STYLE = JsCode(
    "function(feature) { var p = feature.properties; return p.style || window.atlasCatalog().lines[p.line] || {}; }"
)
# Popups, icons and the legend live in the map catalog (see :class:`MapCatalog`), sent once per
# page; a slider step only sends ids, icon keys and coordinates.
ON_EACH_FEATURE = JsCode(
    """function(feature, layer) {
    var id = feature.properties.id;
    // Looked up when opened, not when drawn: the text is always the page's catalog's.
    layer.bindPopup(function() { return (window.atlasCatalog().popups[id] || {}).popup || ''; },
                    {maxWidth: 340, maxHeight: 380});
    layer.bindTooltip(function() { return (window.atlasCatalog().popups[id] || {}).tooltip || ''; },
                      feature.geometry.type === 'Point' ? {direction: 'top', offset: [0, -8]} : {sticky: true});
}"""
)


class AtlasMap(folium.Map):
    """A folium Map that loads only Leaflet: no jQuery, Bootstrap or icon fonts are used."""

    default_js = [("leaflet", LEAFLET_JS)]
    default_css = [("leaflet_css", LEAFLET_CSS)]


def _glyph(shape: str, s: float, fill: str, color: str) -> str:
    """SVG body of a marker shape in an ``s``-pixel box."""
    m = s / 2
    if shape == "circle":
        return f'<circle cx="{m}" cy="{m}" r="{m - 2}"/>'
    if shape == "square":
        return f'<rect x="2" y="2" width="{s - 4}" height="{s - 4}"/>'
    if shape == "triangle":
        return f'<polygon points="{m},2 {s - 2},{s - 2} 2,{s - 2}"/>'
    if shape == "diamond":
        return f'<polygon points="{m},1 {s - 1},{m} {m},{s - 1} 1,{m}"/>'
    if shape == "star":
        points = []
        for i in range(10):
            r = (m - 1) if i % 2 == 0 else (m - 1) * 0.45
            angle = math.pi / 5 * i - math.pi / 2
            points.append(f"{m + r * math.cos(angle):.1f},{m + r * math.sin(angle):.1f}")
        return f'<polygon points="{" ".join(points)}"/>'
    if shape == "fort":  # a crenellated wall
        k = s / 22
        return (f'<path d="M{3*k} {19*k} V{8*k} H{6*k} V{4*k} H{9*k} V{8*k} H{13*k} V{4*k} H{16*k} V{8*k} '
                f'H{19*k} V{19*k} Z"/>')
    ink = "#ffffff" if fill != "#ffffff" else color  # the glyph drawn on the disc
    disc = f'<circle cx="{m}" cy="{m}" r="{m - 1.5}"/>'
    k = s / 22
    if shape == "anchor":
        body = (f'<circle cx="{11*k}" cy="{5*k}" r="{1.8*k}"/><path d="M{11*k} {7*k} V{18*k} M{7*k} {9.5*k} H{15*k} '
                f'M{5.5*k} {13*k} Q{11*k} {21*k} {16.5*k} {13*k}"/>')
    else:  # parachute
        body = (f'<path d="M{4*k} {10*k} A{7*k} {6*k} 0 0 1 {18*k} {10*k} Z"/><path d="M{4*k} {10*k} L{11*k} {17*k} '
                f'L{18*k} {10*k} M{11*k} {10*k} V{17*k}"/><rect x="{9.5*k}" y="{16.5*k}" width="{3*k}" height="{3*k}"/>')
    return f'{disc}<g fill="none" stroke="{ink}" stroke-width="1.6" stroke-linecap="round">{body}</g>'


def marker_svg(shape: str, color: str, filled: bool, size: int, faded: bool = False,
               dashed: bool = False, crossed: bool = False) -> str:
    """An inline SVG marker. Only vocabulary values and numbers go in here, never data text.

    ``filled``: the date is verified or recalled (hollow otherwise); ``faded``: under way or
    fallen; ``dashed``: the date is unknown; ``crossed``: a fortified region that fell or an HQ
    that ceased.
    """
    fill = color if filled else "#ffffff"
    s = size
    dash = ' stroke-dasharray="3 2"' if dashed else ""
    cross = (f'<path d="M3 3 L{s - 3} {s - 3} M{s - 3} 3 L3 {s - 3}" stroke="#1a1a1a" stroke-width="2.2" '
             f'stroke-linecap="round"/>' if crossed else "")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{s}" height="{s}" viewBox="0 0 {s} {s}" '
        f'aria-hidden="true"><g opacity="{0.5 if faded else 1}"><g fill="{fill}" stroke="{color}" '
        f'stroke-width="2.2"{dash}>{_glyph(shape, s, fill, color)}</g>{cross}</g></svg>'
    )


def arrow_svg(color: str, bearing: float, faded: bool, size: int = 44, gap: float = 8) -> str:
    """An arrowhead pointing ``bearing`` degrees clockwise from north, its tip ``gap`` px short of the
    centre so it sits just behind the waypoint marker at the head of the axis instead of under it."""
    m = size / 2
    tip, base = m + gap, m + gap + 13
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        f'aria-hidden="true"><polygon points="{m},{tip} {m + 7},{base} {m},{base - 4} {m - 7},{base}" '
        f'fill="{color}" stroke="#ffffff" stroke-width="1" opacity="{0.5 if faded else 1}" '
        f'transform="rotate({bearing:.1f} {m} {m}) rotate(180 {m} {m + gap + 6.5})"/></svg>'
    )


def proportional_size(value: float, largest: float) -> int:
    """Diameter in px of a proportional symbol: area proportional to ``value`` (Flannery-free, plain sqrt)."""
    if largest <= 0 or value <= 0:
        return PROPORTIONAL_MIN_PX
    return max(PROPORTIONAL_MIN_PX, round(PROPORTIONAL_MAX_PX * math.sqrt(value / largest)))


def figure_kind(props: Mapping[str, Any]) -> str:
    """'dead' or 'held', read from what a regional figure counts."""
    label = str(props.get("value_label_en", "")).lower()
    return "dead" if any(w in label for w in ("dead", "death", "died", "buried", "names")) else "held"


def proportional_svg(color: str, size: int) -> str:
    m = size / 2
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
            f'aria-hidden="true"><circle cx="{m}" cy="{m}" r="{m - 1}" fill="{color}" fill-opacity="0.35" '
            f'stroke="{color}" stroke-width="1.5"/></svg>')


def feature_color(props: Mapping[str, Any]) -> str:
    if props.get("kind") == "camp":
        return CAMP_COLOR.get(str(props.get("camp_type")), NEUTRAL_COLOR)
    if props.get("kind") == "region_figure":
        return FIGURE_COLOR[figure_kind(props)]
    if props.get("kind") in JAPANESE_KINDS:
        return JAPANESE_COLOR
    if props.get("kind") == "place":
        return NEUTRAL_COLOR
    return FRONT_COLOR.get(str(props.get("front")), NEUTRAL_COLOR)


def feature_style(props: Mapping[str, Any], phase: str) -> dict[str, Any]:
    """Colour, shape, fill and uncertainty ring of one feature on one date."""
    kind = str(props.get("kind"))
    color = feature_color(props)
    size = KIND_SIZE.get(kind, 16)
    certainty = props.get("date_certainty")
    ring_km = props.get("accuracy_km") if props.get("location_precision") in RING_PRECISIONS else None
    shape = CAMP_SHAPE.get(str(props.get("camp_type")), "square") if kind == "camp" else KIND_SHAPE.get(kind, "diamond")
    icon = marker_svg(
        shape, color, certainty not in HOLLOW_CERTAINTIES, size,
        faded=phase in {"under_way", "fallen", "closed"},
        dashed=phase in {"date_unknown", "fate_unknown"},
        crossed=phase == "fallen",
    )
    return {"color": color, "size": size, "icon": icon, "ring": round(float(ring_km) * 1000) if ring_km else 0}


def route_kind(props: Mapping[str, Any]) -> str:
    """'repatriation' or 'transfer', read from the route's id (``route-repatriation-…``)."""
    return "repatriation" if "repatriation" in str(props.get("id", "")) else "transfer"


def line_style(props: Mapping[str, Any], phase: str) -> dict[str, Any]:
    """Path options of a drawn line that is a feature in its own right (attack direction, route)."""
    if props.get("kind") == "route":
        color, dash = ROUTE_STYLE[route_kind(props)]
        return {"color": color, "weight": 3, "opacity": 0.5 if phase == "under_way" else 0.85, "dashArray": dash}
    return segment_style(str(props.get("front", "")), "under_way" if phase == "under_way" else "reached")


def segment_style(front: str, state: str) -> dict[str, Any]:
    """Leaflet path options for a stretch of an axis: front colour and pattern, state as weight/opacity."""
    color = FRONT_COLOR.get(front, NEUTRAL_COLOR)
    if state == "date_unknown":
        return {"color": color, "weight": 3, "opacity": 0.9, "dashArray": UNKNOWN_DASH, "lineCap": "round"}
    return {"color": color, "weight": 4, "opacity": 0.45 if state == "under_way" else 0.9,
            "dashArray": FRONT_DASH.get(front), "lineCap": "butt"}


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


FAN_SPACING_PX = 24  # centre-to-centre distance between fanned markers: more than the largest marker
FAN_GRID_DEG = 0.05  # markers within about 5 km of each other are fanned out


def fan_offsets(frame: gpd.GeoDataFrame) -> dict[str, tuple[int, int]]:
    """Pixel offsets that fan out markers sharing a place (a town that is a waypoint, an air-landing
    and a fortified region), so each stays visible and clickable; the true point is unchanged.

    Computed over the whole layer, not one date's features, so a marker never jumps when another
    appears beside it.
    """
    groups: dict[tuple[int, int], list[str]] = {}
    if frame.empty or "id" not in frame:
        return {}
    for fid, geom in zip(frame["id"], frame.geometry, strict=True):
        if geom is None or geom.is_empty or geom.geom_type != "Point":
            continue
        cell = (round(geom.x / FAN_GRID_DEG), round(geom.y / FAN_GRID_DEG))
        groups.setdefault(cell, []).append(str(fid))
    offsets: dict[str, tuple[int, int]] = {}
    for ids in groups.values():
        if len(ids) < 2:
            continue
        radius = FAN_SPACING_PX / 2 / math.sin(math.pi / len(ids))  # neighbours on the circle are SPACING apart
        for index, fid in enumerate(sorted(ids)):
            angle = 2 * math.pi * index / len(ids) - math.pi / 2
            offsets[fid] = (round(radius * math.cos(angle)), round(radius * math.sin(angle)))
    return offsets


def proportional_scale(frame: gpd.GeoDataFrame) -> dict[str, float]:
    """The largest regional figure of each kind (dead, held) in a whole layer, which gets the
    largest symbol. Computed over the layer, not one date, so a symbol never shrinks when a larger
    figure appears."""
    largest: dict[str, float] = {}
    if frame.empty or "value" not in frame:
        return largest
    for _, row in frame[frame["kind"] == "region_figure"].iterrows():
        props = clean_properties(row)
        kind = figure_kind(props)
        largest[kind] = max(largest.get(kind, 0.0), float(props.get("value", 0)))
    return largest


LINE_STATES = ("reached", "under_way", "date_unknown")


def line_key(front: str, state: str) -> str:
    return f"{front or 'none'}.{state}"


def line_table() -> dict[str, dict[str, Any]]:
    """Path options of every axis stretch (front x state), sent once in the catalog."""
    return {line_key(front, state): segment_style(front, state)
            for front in [*FRONT_COLOR, ""] for state in LINE_STATES}


def icon_key(svg: str) -> str:
    """A short, stable key for an icon's SVG (the catalog maps keys to SVG)."""
    return "i" + hashlib.sha1(svg.encode("utf-8")).hexdigest()[:8]


PHASES_BY_KIND = {
    "waypoint": ("done", "under_way", "date_unknown"),
    "hq": ("holding", "falling", "fallen", "fate_unknown"),
    "fortified_region": ("holding", "falling", "fallen", "fate_unknown"),
    "position": ("holding", "falling", "fallen", "fate_unknown"),
    "camp": ("active", "closed"),
    "place": ("reference",),
}
ARROW_GAPS = (8, -6)  # behind a head marker (axes) or at the tip of a line (attack, route)
ARROW_SIZE = 44


def _marker_icon(props: Mapping[str, Any], phase: str, largest: Mapping[str, float]) -> tuple[dict[str, Any], str]:
    """(style without the SVG, the SVG) of one feature in one phase."""
    style = feature_style(props, phase)
    if props.get("kind") == "region_figure":
        size = proportional_size(float(props.get("value", 0)), largest.get(figure_kind(props), 0))
        style.update(size=size, icon=proportional_svg(style["color"], size), ring=0)
    return style, style.pop("icon")


def icon_table(frame: gpd.GeoDataFrame) -> dict[str, str]:
    """Every icon any feature of a layer can take on any date, and every arrowhead: key -> SVG."""
    icons: dict[str, str] = {}
    largest = proportional_scale(frame)
    placed, _ = split_placed(frame) if not frame.empty else (frame, frame)
    for _, row in placed.iterrows():
        props = clean_properties(row)
        for phase in PHASES_BY_KIND.get(str(props.get("kind")), ("done", "under_way", "date_unknown")):
            _, svg = _marker_icon(props, phase, largest)
            icons[icon_key(svg)] = svg
    colors = {*FRONT_COLOR.values(), NEUTRAL_COLOR, *(c for c, _ in ROUTE_STYLE.values())}
    for color in colors:
        for faded in (False, True):
            for gap in ARROW_GAPS:
                svg = arrow_svg(color, 0, faded, gap=gap)
                icons[icon_key(svg)] = svg
    return icons


def _icon_props(svg: str, icons: Mapping[str, str] | None) -> dict[str, str]:
    """The icon as a catalog key when the catalog has it, else inline (standalone use, tests)."""
    key = icon_key(svg)
    return {"icon": key} if icons is not None and key in icons else {"icon": key, "svg": svg}


def _arrow(point: Sequence[float], feature_id: str, color: str, bearing: float, faded: bool, gap: int,
           icons: Mapping[str, str] | None) -> dict[str, Any]:
    svg = arrow_svg(color, 0, faded, size=ARROW_SIZE, gap=gap)
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(point[0], 5), round(point[1], 5)]},
        "properties": {"id": f"arrow-{feature_id}", "kind": "arrow", "size": ARROW_SIZE, "turn": round(bearing, 1),
                       **_icon_props(svg, icons)},
    }


def merge_segments(segments: Sequence[Segment]) -> list[tuple[str, str, str, list[list[float]]]]:
    """Consecutive stretches of one axis in one state, joined into one line: (axis, front, state, coords)."""
    merged: list[tuple[str, str, str, list[list[float]]]] = []
    for seg in segments:
        last = merged[-1] if merged else None
        if last and last[0] == seg.axis and last[2] == seg.state and last[3][-1] == list(seg.start):
            last[3].append(list(seg.end))
        else:
            merged.append((seg.axis, seg.front, seg.state, [list(seg.start), list(seg.end)]))
    return merged


def layer_geojson(frame: gpd.GeoDataFrame, lang: str, segments: Sequence[Segment] = (),
                  heads: Sequence[Head] = (), offsets: Mapping[str, tuple[int, int]] | None = None,
                  scale: Mapping[str, float] | None = None, icons: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The visible features as a slim FeatureCollection: what the browser draws, nothing more.

    Axis segments come first (drawn under the markers), then arrowheads, then the markers. Icons
    are sent as keys of ``icons`` (the page's catalog) when it has them.
    """
    features: list[dict[str, Any]] = []
    for axis, front, state, coords in merge_segments(segments):
        features.append({
            "type": "Feature",
            "geometry": {"type": "LineString", "coordinates": coords},
            "properties": {"id": f"axis-{axis}", "kind": "axis",
                           **({"line": line_key(front, state)} if icons is not None else
                              {"state": state, "style": segment_style(front, state)})},
        })
    for head in heads:
        features.append(_arrow(head.point, head.axis, FRONT_COLOR.get(head.front, NEUTRAL_COLOR), head.bearing,
                               head.state == "under_way", ARROW_GAPS[0], icons))
    placed, _ = split_placed(frame)
    lines = placed[placed.geometry.geom_type != "Point"]
    for _, row in lines.iterrows():  # attack directions and routes (schematic): a line and its arrowhead
        props = clean_properties(row)
        coords = list(row.geometry.coords) if row.geometry.geom_type == "LineString" else []
        style = line_style(props, str(row.get("phase", "done")))
        features.append({
            "type": "Feature",
            "geometry": row.geometry.__geo_interface__,
            "properties": {"id": props["id"], "kind": props["kind"], "state": str(row.get("phase", "done")),
                           "style": style},
        })
        if len(coords) >= 2:
            features.append(_arrow(coords[-1], props["id"], style["color"], mercator_bearing(coords[-2], coords[-1]),
                                   False, ARROW_GAPS[1], icons))
    rings_drawn: set[tuple[float, float, int]] = set()
    largest = scale if scale is not None else proportional_scale(placed)
    points = placed[placed.geometry.geom_type == "Point"]
    for row in points.to_dict("records"):  # dicts, not row Series: several times faster here
        props = clean_properties(row)
        style, svg = _marker_icon(props, str(row.get("phase", "done")), largest)
        ring = (row["geometry"].x, row["geometry"].y, style["ring"])
        if style["ring"] and ring in rings_drawn:
            style["ring"] = 0  # several features sharing one estimate: draw its circle once
        rings_drawn.add(ring)
        if not style["ring"]:
            style.pop("color")  # only the accuracy circle needs the colour in the browser
            style.pop("ring")
        slim = icons is not None and icon_key(svg) in icons
        if slim:
            style.pop("size")  # the catalog knows each icon's size and each feature's title
        features.append({
            "type": "Feature",
            "geometry": row["geometry"].__geo_interface__,
            "properties": {
                "id": props["id"],
                "kind": props["kind"],
                **({} if slim else {"title": text(props, "name", lang)}),
                **style,
                **_icon_props(svg, icons),
                **({"shift": list(offsets[props["id"]])} if offsets and props["id"] in offsets else {}),
            },
        })
    return {"type": "FeatureCollection", "features": features}


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


_MARKER_KEYS = frozenset({"id", "kind", "icon", "shift", "ring", "color"})


def _packs_as_marker(feature: Mapping[str, Any], places: Mapping[str, Mapping[str, Any]]) -> bool:
    props, geom = feature["properties"], feature["geometry"]
    place = places.get(props.get("id"))
    return (geom["type"] == "Point" and place is not None and set(props) <= _MARKER_KEYS and "icon" in props
            and list(geom["coordinates"]) == place["c"] and props["kind"] == place["kind"]
            and props.get("shift") == place.get("shift") and ("ring" in props) == ("color" in props))


PACKED_GROUPS = ("l", "a", "m", "f")  # axis lines, arrowheads, markers, other features: the order they are drawn


def pack_layer(data: Mapping[str, Any], places: Mapping[str, Mapping[str, Any]]) -> dict[str, list[Any]]:
    """A day's FeatureCollection in the compact form a slider step sends (about a third of the size).

    ``m``: markers whose place is in the catalog, as ``[id, icon]`` or ``[id, icon, ring, colour]``;
    ``a``: arrowheads ``[id, lon, lat, turn, icon]``; ``l``: axis lines ``[id, line key, coords]``;
    ``f``: every other feature unchanged. :func:`unpack_layer` (and the map's ``atlasFeatures`` in
    the browser) turn it back into the same features.
    """
    packed: dict[str, list[Any]] = {group: [] for group in PACKED_GROUPS}
    for feature in data["features"]:
        props, geom = feature["properties"], feature["geometry"]
        if _packs_as_marker(feature, places):
            packed["m"].append([props["id"], props["icon"], *([props["ring"], props["color"]] if "ring" in props else [])])
        elif props.get("kind") == "arrow" and set(props) == {"id", "kind", "size", "turn", "icon"} \
                and props["size"] == ARROW_SIZE:
            packed["a"].append([props["id"], *geom["coordinates"], props["turn"], props["icon"]])
        elif props.get("kind") == "axis" and set(props) == {"id", "kind", "line"} and geom["type"] == "LineString":
            packed["l"].append([props["id"], props["line"], geom["coordinates"]])
        else:
            packed["f"].append(feature)
    return packed


def unpack_layer(packed: Mapping[str, list[Any]], places: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The features of a packed layer (the Python twin of the browser's ``atlasFeatures``)."""
    features: list[dict[str, Any]] = []
    for fid, line, coords in packed.get("l", []):
        features.append({"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
                         "properties": {"id": fid, "kind": "axis", "line": line}})
    for fid, lon, lat, turn, icon in packed.get("a", []):
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                         "properties": {"id": fid, "kind": "arrow", "size": ARROW_SIZE, "turn": turn, "icon": icon}})
    for row in packed.get("m", []):
        place = places[row[0]]
        props: dict[str, Any] = {"id": row[0], "kind": place["kind"], "icon": row[1]}
        if "shift" in place:
            props["shift"] = place["shift"]
        if len(row) > 2:
            props.update(ring=row[2], color=row[3])
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": place["c"]},
                         "properties": props})
    return features + list(packed.get("f", []))


class PackedLayer(MacroElement):
    """A day's features in packed form (see :func:`pack_layer`), handed to the base map's
    ``atlasApply``, which keeps what is already drawn and only adds and removes the differences.

    Must sit in a FeatureGroup that is in the map (its script names the map as the group's parent).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = window.atlasApply({{ this._parent._parent.get_name() }}, {{ this.packed|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, packed: dict[str, list[Any]]) -> None:
        super().__init__()
        self._name = "PackedLayer"
        self.packed = packed


def _day_group(day: dt.date) -> folium.FeatureGroup:
    """The group a day's layer is sent in (not a layer to switch off)."""
    return folium.FeatureGroup(name=f"atlas-{day.isoformat()}", control=False)


def layer_from_data(data: dict[str, Any], day: dt.date,
                    places: Mapping[str, Mapping[str, Any]] | None = None) -> folium.FeatureGroup:
    """The date-dependent layer from a ready FeatureCollection (see :func:`layer_geojson`).

    With ``places`` (the page catalog's) it is sent packed (:func:`pack_layer`); without, as plain
    GeoJSON.
    """
    group = _day_group(day)
    if places is not None:
        PackedLayer({**pack_layer(data, places), "d": day.isoformat()}).add_to(group)
        return group
    folium.GeoJson(data, name="features", on_each_feature=ON_EACH_FEATURE, pointToLayer=POINT_TO_LAYER,
                   style=LINE_STYLE).add_to(group)
    return group


def feature_layer(frame: gpd.GeoDataFrame, day: dt.date, lang: str, segments: Sequence[Segment] = (),
                  heads: Sequence[Head] = (), offsets: Mapping[str, tuple[int, int]] | None = None,
                  scale: Mapping[str, float] | None = None, icons: Mapping[str, str] | None = None,
                  places: Mapping[str, Mapping[str, Any]] | None = None) -> folium.FeatureGroup:
    """The date-dependent layer: the axes and features visible on ``day`` (packed with ``places``)."""
    return layer_from_data(layer_geojson(frame, lang, segments, heads, offsets, scale, icons), day, places)


def step_table(key: str, layers: Sequence[tuple[str, Mapping[str, list[Any]]]]) -> dict[str, Any]:
    """Every step of a page's slider as a packed layer (:func:`pack_layer`), for the map to switch
    dates in the browser the moment the slider moves.

    ``layers`` is ``(ISO day, packed layer)`` for each of the slider's options, in order; ``key`` is
    the slider's widget key. A row that several dates share is stored once: ``rows`` holds each
    distinct ``[group, row]`` and ``steps`` the row numbers of each date (the offensive's 26 days
    take 3,206 rows, 254 of them distinct). :func:`step_layer` (and the map's ``atlasStepLayer``)
    read one date back.
    """
    rows: list[list[Any]] = []
    numbers: dict[str, int] = {}
    steps: list[list[int]] = []
    for _, packed in layers:
        mine = []
        for group in PACKED_GROUPS:
            for row in packed.get(group, []):
                text = json.dumps([group, row], sort_keys=True, separators=(",", ":"))
                if text not in numbers:
                    numbers[text] = len(rows)
                    rows.append([group, row])
                mine.append(numbers[text])
        steps.append(mine)
    return {"key": key, "days": [day for day, _ in layers], "rows": rows, "steps": steps}


def step_layer(table: Mapping[str, Any], day: str) -> dict[str, Any] | None:
    """The packed layer of ``day`` (ISO) from a :func:`step_table`, or None if it is not one of its steps."""
    if day not in table["days"]:
        return None
    packed: dict[str, Any] = {group: [] for group in PACKED_GROUPS}
    for number in table["steps"][table["days"].index(day)]:
        group, row = table["rows"][number]
        packed[group].append(row)
    return {**packed, "d": day}


def step_ref(day: dt.date) -> folium.FeatureGroup:
    """A day's layer named, not sent: the map draws it from the page's step table
    (:func:`steps_html`), which a slider step then does not carry again."""
    group = _day_group(day)
    PackedLayer({"d": day.isoformat(), "r": 1}).add_to(group)
    return group


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
                 places: dict[str, dict[str, Any]] | None = None) -> MapCatalog:
    sizes = {key: int(float(re.search(r'width="([0-9.]+)"', svg).group(1))) for key, svg in icons.items()}
    payload = {"popups": popups, "icons": icons, "sizes": sizes, "lines": line_table(), "legend": legend,
               "places": places or {}}
    digest = hashlib.sha1(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()[:12]
    return MapCatalog(digest, payload)


def element_id(catalog: MapCatalog) -> str:
    return f"atlas-catalog-{catalog.id}"


def steps_element_id(catalog: MapCatalog) -> str:
    """Where a page's step table is (one per catalog: the rows name the catalog's icons and places)."""
    return f"atlas-steps-{catalog.id}"


def compact_js(code: JsCode | str) -> str:
    """Leading spaces and whole-line ``//`` comments dropped (our own functions: no multi-line strings)."""
    lines = (line.strip() for line in str(code).splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


class CatalogReader(MacroElement):
    """Defines ``window.atlasCatalog()`` in the map's iframe and adds the legend control.

    The catalog is read from the hidden element of the parent page (same origin), or from
    ``window.__atlasCatalog`` when the map is saved as a standalone page.
    """

    _template = Template(compact_js(
        """
        {% macro script(this, kwargs) %}
        window.atlasCatalog = function() {
            if (window.__atlasCatalog) { return window.__atlasCatalog; }
            var found = null;
            try {
                var el = window.parent.document.getElementById({{ this.element_id|tojson }});
                if (el) { found = JSON.parse(el.getAttribute('data-catalog')); }
            } catch (e) { found = null; }
            if (found) { window.__atlasCatalog = found; }
            return found || {popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: {}};
        };
        // The catalog element comes after the map in the page (so the page's text is not held up by
        // it); whatever needs it waits for it, up to 30 s. Always called back later, never inside
        // the map's own script, which must run to its end for the map to exist.
        window.atlasWhen = function(ready, callback) {
            var tries = 0;
            function wait() {
                if (ready()) { callback(); } else if (++tries < 600) { setTimeout(wait, 50); }
            }
            setTimeout(wait, 0);
        };
        window.atlasWhenCatalog = function(callback) {
            window.atlasWhen(function() { window.atlasCatalog(); return !!window.__atlasCatalog; }, callback);
        };
        // The page's step table (every date of its slider, see maps.step_table), read like the
        // catalog; read again if the page brings a new one (a data file changed on the server).
        window.atlasSteps = function() {
            try {
                var el = window.parent.document.getElementById({{ this.steps_id|tojson }});
                var text = el ? el.getAttribute('data-steps') : null;
                if (text && text !== window.__atlasStepsText) {
                    window.__atlasSteps = JSON.parse(text);
                    window.__atlasStepsText = text;
                    window.__atlasStepsVersion = (window.__atlasStepsVersion || 0) + 1;
                }
            } catch (e) { return window.__atlasSteps || null; }
            return window.__atlasSteps || null;
        };
        window.atlasStepLayer = function(day) {
            var table = window.atlasSteps(), at = table ? table.days.indexOf(day) : -1;
            if (at < 0) { return null; }
            var packed = {l: [], a: [], m: [], f: [], d: day};
            table.steps[at].forEach(function(n) { var row = table.rows[n]; packed[row[0]].push(row[1]); });
            return packed;
        };
        // The date the page's slider points at now (its thumb moves before the server hears of it).
        window.atlasSliderDay = function() {
            var table = window.atlasSteps();
            if (!table) { return null; }
            try {
                var input = window.parent.document.querySelector('.st-key-' + table.key + ' input[type="range"]');
                return (input && table.days[parseInt(input.value, 10)]) || null;
            } catch (e) { return null; }
        };
        // Redraw the moment the slider moves (arrow keys, dragging, Play), from the step table: the
        // server's step that follows names the same date and finds it drawn.
        window.atlasFollowSlider = function(map) {
            var doc;
            try { doc = window.parent.document; } catch (e) { return; }
            if (!doc || doc === document || !window.MutationObserver) { return; }
            var observer = new MutationObserver(function() {
                var state = map.__atlasLayer, day = state && state.day ? window.atlasSliderDay() : null;
                if (day && day !== state.day) { window.atlasApply(map, {d: day, r: 1}); }
            });
            observer.observe(doc.body, {subtree: true, attributes: true, attributeFilter: ['aria-valuetext']});
            window.addEventListener('pagehide', function() { observer.disconnect(); });
        };
        // How a day's layer is drawn; the layer itself (PackedLayer) only carries ids and keys.
        window.atlasPointToLayer = {{ this.point_to_layer }};
        window.atlasOnEachFeature = {{ this.on_each_feature }};
        window.atlasLineStyle = {{ this.line_style }};
        window.atlasFeatures = function(packed) {
            var places = window.atlasCatalog().places || {}, out = [];
            (packed.l || []).forEach(function(r) {
                out.push({type: 'Feature', geometry: {type: 'LineString', coordinates: r[2]},
                          properties: {id: r[0], kind: 'axis', line: r[1]}});
            });
            (packed.a || []).forEach(function(r) {
                out.push({type: 'Feature', geometry: {type: 'Point', coordinates: [r[1], r[2]]},
                          properties: {id: r[0], kind: 'arrow', size: {{ this.arrow_size }}, turn: r[3], icon: r[4]}});
            });
            (packed.m || []).forEach(function(r) {
                var place = places[r[0]];
                if (!place) { return; }  // no catalog: nothing to place it with
                var p = {id: r[0], kind: place.kind, icon: r[1]};
                if (place.shift) { p.shift = place.shift; }
                if (r.length > 2) { p.ring = r[2]; p.color = r[3]; }
                out.push({type: 'Feature', geometry: {type: 'Point', coordinates: place.c}, properties: p});
            });
            return out.concat(packed.f || []);
        };
        // Draw a day's features into one layer that stays on the map from step to step: features
        // already drawn exactly so are kept (an open popup stays open), the others are added or
        // removed. window.atlasApplied says which day was drawn last, when, and when it was painted.
        window.atlasApply = function(map, packed) {
            var options = {pointToLayer: window.atlasPointToLayer, style: window.atlasLineStyle};
            var state = map.__atlasLayer;
            if (!state) { state = map.__atlasLayer = {group: L.geoJson(null, options).addTo(map), drawn: {}}; }
            state.pending = packed;
            function ready() {
                window.atlasCatalog();
                return !!window.__atlasCatalog && (!state.pending.r || !!window.atlasSteps());
            }
            if (!ready()) {  // the catalog (or step table) has not arrived yet: draw the latest day when it has
                if (!state.waiting) {
                    state.waiting = true;
                    window.atlasWhen(ready, function() { state.waiting = false; window.atlasApply(map, state.pending); });
                }
                return state.group;
            }
            var version = null;
            if (packed.r) {
                // A date named by the server: if keys were pressed quickly, the slider already points
                // further on, and that is the date to show (its own step is on its way).
                var day = window.atlasSliderDay() || packed.d;
                version = window.__atlasStepsVersion;
                if (day === state.day && version === state.version) { return state.group; }  // drawn already
                packed = window.atlasStepLayer(day) || window.atlasStepLayer(packed.d);
                if (!packed) { return state.group; }
            }
            var next = {};
            window.atlasFeatures(packed).forEach(function(f) {
                var key = JSON.stringify(f);
                if (next[key]) { return; }
                if (state.drawn[key]) { next[key] = state.drawn[key]; delete state.drawn[key]; return; }
                var layer = L.GeoJSON.geometryToLayer(f, options);
                layer.feature = f;
                layer.defaultOptions = layer.options;
                state.group.resetStyle(layer);
                window.atlasOnEachFeature(f, layer);
                state.group.addLayer(layer);
                next[key] = layer;
            });
            Object.keys(state.drawn).forEach(function(key) { state.group.removeLayer(state.drawn[key]); });
            state.drawn = next;
            state.day = packed.d || '';
            state.version = version;
            var count = window.atlasApplied ? window.atlasApplied.count : 0;
            var applied = window.atlasApplied = {day: packed.d || '', count: count + 1, at: performance.timeOrigin + performance.now()};
            // and when the frame that shows it has been painted (the benchmark's "map updated")
            requestAnimationFrame(function() { setTimeout(function() { applied.painted = performance.timeOrigin + performance.now(); }, 0); });
            return state.group;
        };
        (function() {
            var legend = L.control({position: 'bottomright'});
            legend.onAdd = function() {
                var div = L.DomUtil.create('div', 'atlas-legend');
                div.innerHTML = window.atlasCatalog().legend;
                // Open on wide maps (projector, desktop); folded on narrow ones so it hides nothing.
                var details = div.querySelector('details');
                if (details) { details.open = {{ this._parent.get_name() }}.getSize().x >= 1000; }
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            window.atlasWhenCatalog(function() { legend.addTo({{ this._parent.get_name() }}); });
            window.atlasFollowSlider({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    ))

    def __init__(self, element_id: str, steps_id: str = "atlas-steps-none") -> None:
        super().__init__()
        self._name = "CatalogReader"
        self.element_id = element_id
        self.steps_id = steps_id
        self.arrow_size = ARROW_SIZE
        # The base map is resent with every step (streamlit-folium sends all its arguments), so its
        # functions go without indentation and comments.
        self.point_to_layer, self.on_each_feature, self.line_style = (
            compact_js(code) for code in (POINT_TO_LAYER, ON_EACH_FEATURE, LINE_STYLE))


class EmbeddedCatalog(MacroElement):
    """The catalog written into the page itself (for a standalone HTML export)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.__atlasCatalog = {{ this.payload_js }};
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()
        self._name = "EmbeddedCatalog"
        # Escaped by hand: no "<", ">" or "&" can reach the script tag, so data cannot close it.
        self.payload_js = (json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
                           .replace("&", "\\u0026"))


LEGEND_CSS = """<style>
.atlas-legend{background:rgba(255,255,255,.94);padding:6px 10px;border-radius:6px;font:13px/1.35 system-ui,sans-serif;
 color:#1a1a1a;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:250px}
.atlas-legend summary{font-weight:600;cursor:pointer}
.atlas-legend details[open]{max-height:420px;overflow-y:auto}
.atlas-legend ul{list-style:none;margin:4px 0;padding:0}.atlas-legend li{display:flex;gap:6px;align-items:center;margin:2px 0}
.atlas-legend h5{margin:6px 0 2px;font-size:12px}.atlas-legend small{color:#444}
.atlas-icon{background:none;border:none}.atlas-icon svg{pointer-events:none;display:block}
.atlas-popup h4{margin:0 0 4px;font-size:15px}.atlas-popup p{font-size:13px;margin:6px 0}.atlas-popup table{border-collapse:collapse;font-size:12px}
.atlas-popup th{text-align:left;padding:2px 6px 2px 0;vertical-align:top;color:#333}.atlas-popup td{padding:2px 0}
.atlas-popup ul{padding-left:16px;margin:2px 0;font-size:12px}.atlas-other-names{color:#333;margin:0 0 4px}
</style>"""


def _line_svg(color: str, dash: str | None, faded: bool = False, width: int = 4) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    cap = "round" if dash == UNKNOWN_DASH else "butt"
    return (f'<svg width="34" height="12" aria-hidden="true"><line x1="2" y1="6" x2="32" y2="6" stroke="{color}" '
            f'stroke-width="{width}" stroke-linecap="{cap}" opacity="{0.45 if faded else 0.9}"{dash_attr}/></svg>')


def legend_html(lang: str, variant: str = "offensive") -> str:
    """The legend's HTML: who (colour and line pattern), what (shape), how sure (fill, dots, rings).

    ``variant`` is ``offensive`` (fronts, armies' axes, landings) or ``fortress`` (one fortified
    region: positions, reference places, attack directions).
    """
    def item(svg: str, label: str) -> str:
        return f"<li>{svg}<span>{escape(label)}</span></li>"

    def section(title: str, items: list[str]) -> str:
        return f"<h5>{escape(t(title, lang))}</h5><ul>{''.join(items)}</ul>"

    grey = NEUTRAL_COLOR
    if variant == "captivity":
        camps = [item(marker_svg(CAMP_SHAPE.get(kind, "square"), CAMP_COLOR[kind], True, 14), t(f"camp_type_{kind}", lang))
                 for kind in ("labour", "officers", "transit", "hospital", "convict")]
        figures = [item(proportional_svg(FIGURE_COLOR[kind], 18), t(f"legend_figure_{kind}", lang)) for kind in ("dead", "held")]
        routes = [item(_line_svg(color, dash, width=3), t(f"legend_route_{kind}", lang))
                  for kind, (color, dash) in ROUTE_STYLE.items()]
        others = [item(marker_svg(KIND_SHAPE[k], grey, True, 16), t(f"kind_{k}", lang)) for k in ("collection_point", "port")]
        body = (section("legend_camp_types", camps) + section("legend_figures", figures)
                + section("legend_routes", routes + others))
        certainty = [
            item(marker_svg("square", grey, True, 14), t("legend_filled", lang)),
            item(marker_svg("square", grey, False, 14), t("legend_hollow", lang)),
            item(marker_svg("square", grey, True, 14, faded=True), t("phase_closed", lang)),
            item('<svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" '
                 'stroke="#555" stroke-dasharray="3 2"/></svg>', t("legend_ring", lang)),
        ]
        return (f'<details><summary>{escape(t("legend_title", lang))}</summary>{body}'
                + section("legend_certainty", certainty)
                + f'<small>{escape(t("legend_basemap", lang))}</small></details>')
    if variant == "fortress":
        fronts = [item(_line_svg(FRONT_COLOR["far_eastern_1"], FRONT_DASH["far_eastern_1"]), t("legend_attack", lang))]
        shown_kinds = ("position", "place", "event")
    else:
        fronts = [item(_line_svg(color, FRONT_DASH[name]), t(f"front_{name}", lang)) for name, color in FRONT_COLOR.items()]
        shown_kinds = ("start_area", "waypoint", "landing_sea", "landing_air", "hq", "fortified_region")
    fronts.append(item(marker_svg("fort", JAPANESE_COLOR, True, 16), t("legend_japanese", lang)))
    kinds = [item(marker_svg(KIND_SHAPE[k], grey, True, 18 if KIND_SIZE[k] >= 20 else 14), t(f"kind_{k}", lang))
             for k in shown_kinds]
    axes = [
        item(_line_svg(grey, None), t("legend_axis_reached", lang)),
        item(_line_svg(grey, None, faded=True), t("legend_axis_under_way", lang)),
        item(_line_svg(grey, UNKNOWN_DASH, width=3), t("legend_axis_unknown", lang)),
        item(arrow_svg(grey, 90, False, size=24, gap=-6), t("legend_axis_head", lang)),
    ]
    certainty = [
        item(marker_svg("circle", grey, True, 16), t("legend_filled", lang)),
        item(marker_svg("circle", grey, False, 16), t("legend_hollow", lang)),
        item(marker_svg("circle", grey, False, 16, dashed=True), t("legend_unknown", lang)),
        item(marker_svg("fort", JAPANESE_COLOR, True, 16, faded=True, crossed=True), t("legend_fallen", lang)),
        item('<svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" '
             'stroke="#555" stroke-dasharray="3 2"/></svg>', t("legend_ring", lang)),
    ]
    body = section("legend_fronts", fronts) + section("legend_kinds", kinds)
    if variant != "fortress":
        body += section("legend_axes", axes)
    return (
        f'<details><summary>{escape(t("legend_title", lang))}</summary>{body}'
        + section("legend_certainty", certainty)
        + f'<small>{escape(t("legend_basemap", lang))}</small></details>'
    )


def base_map(lang: str, catalog: MapCatalog | None = None,
             bounds: Sequence[Sequence[float]] = VIEW_BOUNDS, max_zoom: int = 12) -> AtlasMap:
    """The base map for a language. Same inputs, same JS: never depends on the date.

    ``catalog`` (popups, icons and legend of the page, see :func:`map_catalog`) is only named here;
    the page shows it once with :func:`catalog_html`. ``bounds`` is the first view
    ([[south, west], [north, east]]).
    """
    (south, west), (north, east) = bounds
    m = AtlasMap(location=[(south + north) / 2, (west + east) / 2], zoom_start=5, tiles=None, control_scale=True,
                 min_zoom=3, max_zoom=max_zoom)
    for index, (provider, label) in enumerate(BASEMAPS):
        folium.TileLayer(provider, name=label, show=index == 0).add_to(m)
    folium.LayerControl(position="topright", collapsed=True).add_to(m)
    m.fit_bounds([list(bounds[0]), list(bounds[1])])
    m.get_root().header.add_child(folium.Element(LEGEND_CSS))
    m.add_child(CatalogReader(element_id(catalog) if catalog else "atlas-catalog-none",
                              steps_element_id(catalog) if catalog else "atlas-steps-none"))
    return m


def map_watchdog_html(message: str, timeout_ms: int = 8000) -> str:
    """A tiny page that checks, next to the map, whether the map's scripts loaded.

    If Leaflet (from the CDN) is blocked or the reader is offline, streamlit-folium leaves an empty
    box; after ``timeout_ms`` this writes ``message`` into that box instead (same-origin frames).
    Runs in its own frame, so it works exactly when the CDN does not.
    """
    return (
        "<script>(function(){var started=Date.now();function check(){"
        "var frames=window.parent.document.querySelectorAll('iframe[title=\"streamlit_folium.st_folium\"]');"
        "var waiting=false;frames.forEach(function(f){try{var d=f.contentDocument,box=d&&d.getElementById('map_div');"
        "if(!box){waiting=true;return;}var old=d.getElementById('atlas-no-map');"
        "if(box.classList.contains('leaflet-container')){if(old)old.remove();return;}if(old)return;"
        f"if(Date.now()-started<{int(timeout_ms)}){{waiting=true;return;}}"
        "var note=d.createElement('div');note.id='atlas-no-map';note.setAttribute('role','alert');"
        f"note.textContent={json.dumps(message)};"
        "note.style.cssText='padding:2em;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f3f3f3;"
        "border:1px dashed #888';box.appendChild(note);}catch(e){}});"
        "if(waiting||Date.now()-started<60000)setTimeout(check,1000);}setTimeout(check,1000);})();</script>"
    )


def _data_element(element: str, attribute: str, payload: Any) -> str:
    """A hidden element carrying ``payload`` as JSON in an escaped attribute."""
    # "<", ">" and "&" become JSON escapes, so the attribute holds no markup at all for an HTML
    # sanitizer to object to (data with "<script" in it was dropped otherwise); quotes are escaped.
    text = (json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    return f'<div id="{element}" hidden {attribute}="{escape(text, quote=True)}"></div>'


def catalog_html(catalog: MapCatalog) -> str:
    """The hidden element that carries a page's catalog (JSON in an escaped attribute)."""
    return _data_element(element_id(catalog), "data-catalog", catalog.payload)


def steps_html(catalog: MapCatalog, table: Mapping[str, Any]) -> str:
    """The hidden element that carries a page's step table (see :func:`step_table`)."""
    return _data_element(steps_element_id(catalog), "data-steps", table)


def map_catalog(frame: gpd.GeoDataFrame, lang: str, sources: Mapping[str, Any], axes: Mapping[str, Any] | None,
                legend: str) -> MapCatalog:
    """A page's catalog: popups for every feature and axis, every icon any feature can take on any
    date, and the legend."""
    return make_catalog(popup_catalog(frame, lang, sources, axes), icon_table(frame), legend_html(lang, legend),
                        place_table(frame, fan_offsets(frame)))


def bounds_around(frame: gpd.GeoDataFrame, feature_id: str, pad_deg: float) -> list[list[float]] | None:
    """[[south, west], [north, east]] around one placed feature of ``frame`` (None if it is not there)."""
    if frame.empty or "id" not in frame:
        return None
    rows = frame[frame["id"] == feature_id]
    if rows.empty or rows.geometry.iloc[0] is None or rows.geometry.iloc[0].is_empty:
        return None
    west, south, east, north = rows.geometry.iloc[0].bounds
    return [[round(south - pad_deg, 4), round(west - pad_deg, 4)], [round(north + pad_deg, 4), round(east + pad_deg, 4)]]


def standalone_html(base: folium.Map, layer: folium.FeatureGroup, title: str, catalog: MapCatalog) -> str:
    """One self-contained HTML page of a map as it is now: the base map with the day's layer in it.

    The page still loads Leaflet and the tiles from the internet when opened; everything else
    (features, popups, icons, legend) is inside the file.
    """
    base.add_child(EmbeddedCatalog(catalog.payload))  # before the layer, whose script reads it
    base.add_child(layer)
    base.get_root().title = title
    return base.get_root().render()
