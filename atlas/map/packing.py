"""A date's layer as the browser draws it, and the compact forms a slider step sends.

The Python side produces these formats; the map client (static/map/atlas-map.js) reads them.
tests/fixtures/client_formats.json holds an example of each that both sides are tested against.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import geopandas as gpd

from atlas.map.symbology import (
    ARROW_GAPS,
    ARROW_SIZE,
    FRONT_COLOR,
    NEUTRAL_COLOR,
    arrow_svg,
    figure_kind,
    icon_key,
    line_key,
    line_style,
    marker_icon,
    segment_style,
)
from atlas.popups import clean_properties, text
from atlas.timeline import Head, Segment, mercator_bearing, split_placed

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
    """The largest regional figure of each kind (dead, held, and burial counts) in a whole layer, which gets the
    largest symbol. Computed over the layer, not one date, so a symbol never shrinks when a larger
    figure appears."""
    largest: dict[str, float] = {}
    if frame.empty or "value" not in frame:
        return largest
    for _, row in frame[frame["kind"].isin(["region_figure", "burial_site"])].iterrows():
        props = clean_properties(row)
        kind = "burial" if props["kind"] == "burial_site" else figure_kind(props)
        largest[kind] = max(largest.get(kind, 0.0), float(props.get("value", 0)))
    return largest


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
        style, svg = marker_icon(props, str(row.get("phase", "done")), largest)
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
    ``f``: every other feature unchanged. The map client's ``features`` turns it back into the same
    features.
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


def step_table(key: str, layers: Sequence[tuple[str, Mapping[str, list[Any]]]]) -> dict[str, Any]:
    """Every step of a page's slider as a packed layer (:func:`pack_layer`), for the map to switch
    dates in the browser the moment the slider moves.

    ``layers`` is ``(ISO day, packed layer)`` for each of the slider's options, in order; ``key`` is
    the slider's widget key. A row that several dates share is stored once: ``rows`` holds each
    distinct ``[group, row]`` and ``steps`` the row numbers of each date (the offensive's 26 days
    take 3,206 rows, 254 of them distinct). The map client's ``stepLayer`` reads one date back.
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
