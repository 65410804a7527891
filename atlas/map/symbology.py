"""How features look: colours, shapes and line patterns, as inline SVG and Leaflet path options.

Only vocabulary values and numbers go into the SVG here, never data text.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

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
CIVILIAN_COLOR = "#D55E00"  # vermilion: the civilians (the layer civilians.geojson) on every page
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
    "port": "anchor", "region_figure": "circle", "settlement": "house", "refugee_camp": "triangle",
    "burial_site": "circle",
}
KIND_SIZE = {"start_area": 16, "waypoint": 14, "objective": 18, "landing_sea": 22, "landing_air": 22,
             "hq": 20, "fortified_region": 20, "event": 16, "position": 20, "place": 10, "camp": 14,
             "collection_point": 14, "port": 22, "region_figure": 20, "settlement": 16, "refugee_camp": 16,
             "burial_site": 16}
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
    if shape == "house":  # a settlers' village
        return f'<polygon points="{m},2 {s - 2},{m} {s - 2},{s - 2} 2,{s - 2} 2,{m}"/>'
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
    # Faded: the whole drawing at half opacity, set on the <svg> itself (one element fewer per marker than
    # a group around it: a thousand markers at ten times the data are a thousand elements to style).
    opacity = ' opacity="0.5"' if faded else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{s}" height="{s}" viewBox="0 0 {s} {s}" '
        f'aria-hidden="true"{opacity}><g fill="{fill}" stroke="{color}" '
        f'stroke-width="2.2"{dash}>{_glyph(shape, s, fill, color)}</g>{cross}</svg>'
    )


def arrow_svg(color: str, bearing: float, faded: bool, size: int = 44, gap: float = 8) -> str:
    """An arrowhead pointing ``bearing`` degrees clockwise from north, its tip ``gap`` px short of the
    centre so it sits just behind the waypoint marker at the head of the axis instead of under it.

    Drawn pointing north (tip above its base) behind the centre, then turned about the centre: a
    flip that once followed the turn made every arrow point back along its axis (tests check the
    direction)."""
    m = size / 2
    tip, base = m + gap, m + gap + 13
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        f'aria-hidden="true"><polygon points="{m},{tip} {m + 7},{base} {m},{base - 4} {m - 7},{base}" '
        f'fill="{color}" stroke="#ffffff" stroke-width="1" opacity="{0.5 if faded else 1}" '
        f'transform="rotate({bearing:.1f} {m} {m})"/></svg>'
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
    if props.get("layer") == "civilians":
        return CIVILIAN_COLOR
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
        if props.get("layer") == "civilians":
            color = CIVILIAN_COLOR
        return {"color": color, "weight": 3, "opacity": 0.5 if phase == "under_way" else 0.85, "dashArray": dash}
    return segment_style(str(props.get("front", "")), "under_way" if phase == "under_way" else "reached")


def segment_style(front: str, state: str) -> dict[str, Any]:
    """Leaflet path options for a stretch of an axis: front colour and pattern, state as weight/opacity."""
    color = FRONT_COLOR.get(front, NEUTRAL_COLOR)
    if state == "date_unknown":
        return {"color": color, "weight": 3, "opacity": 0.9, "dashArray": UNKNOWN_DASH, "lineCap": "round"}
    return {"color": color, "weight": 4, "opacity": 0.45 if state == "under_way" else 0.9,
            "dashArray": FRONT_DASH.get(front), "lineCap": "butt"}


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


def marker_icon(props: Mapping[str, Any], phase: str, largest: Mapping[str, float]) -> tuple[dict[str, Any], str]:
    """(style without the SVG, the SVG) of one feature in one phase."""
    style = feature_style(props, phase)
    if props.get("kind") == "region_figure":
        size = proportional_size(float(props.get("value", 0)), largest.get(figure_kind(props), 0))
        style.update(size=size, icon=proportional_svg(style["color"], size), ring=0)
    elif props.get("kind") == "burial_site":
        size = proportional_size(float(props.get("value", 0)), largest.get("burial", 0))
        style.update(size=size, icon=burial_svg(size), ring=0)
    return style, style.pop("icon")


BURIAL_COLOR = "#1a1a1a"


def burial_svg(size: int) -> str:
    """A burial count: a proportional disc with a cross, so it never reads as a camp or a figure."""
    m = size / 2
    arm = max(3.0, size / 5)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
            f'aria-hidden="true"><circle cx="{m}" cy="{m}" r="{m - 1}" fill="#ffffff" fill-opacity="0.55" '
            f'stroke="{BURIAL_COLOR}" stroke-width="1.5" stroke-dasharray="4 2"/><path d="M{m} {m - arm} V{m + arm} '
            f'M{m - arm * 0.7} {m - arm * 0.35} H{m + arm * 0.7}" stroke="{BURIAL_COLOR}" stroke-width="1.6"/></svg>')
