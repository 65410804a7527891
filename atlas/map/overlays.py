"""The static layers drawn under a page's dated layer: the political map of 1945 (polities and
their boundary segments) and the railways of 1945.

They travel once, in the page's catalog (a slider step never resends them); the map client shows
each polity only on the days it held that shape and status, and draws a railway dashed while it
was being built. Geometries are simplified for drawing (the data keeps the full ones).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import shapely

from atlas.popups import clean_properties, popup_html, text, tooltip_html

SIMPLIFY_DEG = {"polity": 0.02, "boundary": 0.01, "railway": 0.005}  # about 2 km, 1 km, 0.5 km
DECIMALS = 3
POLITY_FILL = {"japan": "#CC79A7", "soviet": "#56B4E9", "us": "#009E73", "china": "#F0E442"}  # the client's too
JAPANESE_HELD = ("pol-manchukuo", "pol-mengjiang", "pol-kwantung", "pol-korea", "pol-karafuto", "pol-kurils-",
                 "pol-japan")


def polity_group(feature_id: str) -> str:
    """Who held a polity, for its fill: japan, soviet (the USSR, the MPR and what they occupied),
    us (Korea south of the 38th parallel) or china."""
    if feature_id.endswith("-occupied") or feature_id in ("pol-korea-north", "pol-manchuria-occupied",
                                                          "pol-mengjiang-former", "pol-ussr", "pol-mpr"):
        return "soviet"
    if feature_id == "pol-korea-south":
        return "us"
    if feature_id == "pol-china":
        return "china"
    return "japan" if feature_id.startswith(JAPANESE_HELD) else "other"


def _rounded(geometry: Any, tolerance: float) -> dict[str, Any]:
    simple = shapely.set_precision(shapely.simplify(geometry, tolerance, preserve_topology=True), 10 ** -DECIMALS)
    return shapely.geometry.mapping(simple)


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None and value == value and hasattr(value, "isoformat") else ""


def overlay_table(layers: Mapping[str, Any], names: Sequence[str], lang: str) -> list[dict[str, Any]]:
    """Every feature of the overlay layers ``names`` as the client draws it: ``id``, ``k`` (kind),
    ``n`` (name), ``s``/``e`` (first and last day shown, ISO, "" when open), ``g`` (geometry),
    ``c`` (the polity's holder, or the boundary's basis)."""
    out: list[dict[str, Any]] = []
    for name in names:
        layer = layers.get(name)
        if layer is None or layer.frame.empty:
            continue
        for row in layer.frame.to_dict("records"):
            geometry = row.get("geometry")
            if geometry is None or geometry.is_empty:
                continue
            props = clean_properties(row)
            kind = str(props.get("kind"))
            group = polity_group(str(props["id"])) if kind == "polity" else str(props.get("basis", ""))
            item = {"id": props["id"], "k": kind, "n": text(props, "name", lang), "s": _iso(row.get("earliest")),
                    "e": _iso(row.get("latest")), "c": group, "g": _rounded(geometry, SIMPLIFY_DEG.get(kind, 0.01))}
            if kind == "polity":  # where its name is written
                point = geometry.representative_point()
                item["p"] = [round(point.x, 2), round(point.y, 2)]
            out.append(item)
    return out


def overlay_popups(layers: Mapping[str, Any], names: Sequence[str], lang: str,
                   sources: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Popups and tooltips of the overlays' boundaries and railways (polities are not clickable: they
    cover the map; their names are written on it)."""
    popups: dict[str, dict[str, str]] = {}
    for name in names:
        layer = layers.get(name)
        if layer is None:
            continue
        for row in layer.frame.to_dict("records"):
            props = clean_properties(row)
            if props.get("kind") in ("boundary", "railway"):
                popups[str(props["id"])] = {"popup": popup_html(props, lang, sources), "tooltip": tooltip_html(props, lang),
                                            "title": text(props, "name", lang)}
    return popups
