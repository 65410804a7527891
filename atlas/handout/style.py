"""The web map's symbology, seen from the handouts: the ONE place that imports from the map module.

Everything the static maps draw (colours, shapes, sizes, line patterns, which markers are hollow,
faded, dashed or crossed) comes from :mod:`atlas.map.symbology` (and the layer-wide layout of :mod:`atlas.map.packing`) through this module, so a printed map reads
like the web map, and moving the symbology elsewhere means changing the import below only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from atlas.map.packing import fan_offsets, merge_segments, proportional_scale  # the single import point
from atlas.map.symbology import (  # for the symbology (see the module docstring)
    CAMP_COLOR,
    CAMP_SHAPE,
    FIGURE_COLOR,
    FRONT_COLOR,
    FRONT_DASH,
    HOLLOW_CERTAINTIES,
    JAPANESE_COLOR,
    KIND_SHAPE,
    NEUTRAL_COLOR,
    ROUTE_STYLE,
    UNKNOWN_DASH,
    feature_style,
    figure_kind,
    line_style,
    proportional_size,
    segment_style,
)

__all__ = [
    "CAMP_COLOR", "CAMP_SHAPE", "FIGURE_COLOR", "FRONT_COLOR", "FRONT_DASH", "JAPANESE_COLOR", "KIND_SHAPE", "NEUTRAL_COLOR",
    "ROUTE_STYLE", "UNKNOWN_DASH", "MarkerLook", "dash_pattern", "fan_offsets", "line_style", "marker_look",
    "merge_segments", "proportional_scale", "segment_style",
]

# The marker states of :func:`atlas.map.symbology.feature_style` (its call of ``marker_svg``), by phase.
FADED_PHASES = frozenset({"under_way", "fallen", "closed"})
DASHED_PHASES = frozenset({"date_unknown", "fate_unknown"})
CROSSED_PHASES = frozenset({"fallen"})
HOLLOW_FILL = "#ffffff"
CROSS_COLOR = "#1a1a1a"
FADED_ALPHA = 0.5
FIGURE_FILL_ALPHA = 0.35  # proportional circles are translucent on the web map too


@dataclass(frozen=True)
class MarkerLook:
    """How one point feature looks on one date: the web map's marker, in numbers."""

    shape: str  # circle | square | triangle | diamond | star | fort | anchor | parachute | figure
    color: str
    size_px: float  # the web marker's box, in screen pixels
    filled: bool  # False: hollow (date uncertain, disputed or unknown)
    faded: bool  # under way, fallen or closed
    dashed: bool  # date (or date of the fall) not known
    crossed: bool  # a fortified region that fell, an HQ that ceased
    ring_m: float  # radius of the dashed uncertainty ring in metres (0: none)


def marker_look(props: Mapping[str, Any], phase: str, largest: Mapping[str, float]) -> MarkerLook:
    """The look of a point feature in ``phase``; ``largest`` scales regional figures over the layer."""
    style = feature_style(props, phase)
    kind = str(props.get("kind"))
    if kind == "region_figure":
        size = proportional_size(float(props.get("value", 0)), largest.get(figure_kind(props), 0))
        return MarkerLook("figure", style["color"], size, True, False, False, False, 0.0)
    shape = KIND_SHAPE.get(kind, "diamond")
    if kind == "camp":
        shape = CAMP_SHAPE.get(str(props.get("camp_type")), "square")
    return MarkerLook(
        shape=shape,
        color=style["color"],
        size_px=float(style["size"]),
        filled=props.get("date_certainty") not in HOLLOW_CERTAINTIES,
        faded=phase in FADED_PHASES,
        dashed=phase in DASHED_PHASES,
        crossed=phase in CROSSED_PHASES,
        ring_m=float(style["ring"]),
    )


def dash_pattern(dash: str | None) -> tuple[float, ...] | None:
    """A Leaflet ``dashArray`` ('12 6') as on/off lengths in web pixels; None for a solid line."""
    if not dash:
        return None
    return tuple(float(part) for part in dash.replace(",", " ").split())
