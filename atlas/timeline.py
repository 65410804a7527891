"""What the map shows on the slider's day: which features, in which phase, and how far each army's
axis of advance has grown.

Phases (the ``phase`` column):

- ``done`` / ``under_way``: a dated feature whose span has ended, or that is still inside its span
  (an air-landing on the 19th, the main force on the 20th; or sources that disagree).
- ``date_unknown``: a waypoint the sources name without a date. It is drawn once the army has
  reached the waypoint before it, and never given a date of its own.
- ``holding`` / ``falling`` / ``fallen`` / ``fate_unknown``: Japanese headquarters, fortified
  regions and fortress positions, which are on the map from the start and change state when they
  fall or cease.
- ``reference``: towns and rivers drawn for orientation; they carry no date.
- ``active`` / ``closed``: camps, on the map while their period runs and faded after it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import geopandas as gpd

PERSISTENT_KINDS = frozenset({"hq", "fortified_region", "position"})
REFERENCE_KINDS = frozenset({"place"})  # towns and rivers for orientation: always shown, never dated
PERIOD_KINDS = frozenset({"camp"})  # shown while open (``active``), faded once closed (``closed``)
# What a segment of an axis is drawn as, from the phase of the waypoint it leads to.
SEGMENT_STATE = {"done": "reached", "under_way": "under_way", "date_unknown": "date_unknown"}


def empty_frame() -> gpd.GeoDataFrame:
    """A frame with no features but the columns the pages expect."""
    columns = ["id", "kind", "axis", "seq", "date_start", "date_end", "earliest", "latest", "active", "phase"]
    return gpd.GeoDataFrame({c: [] for c in columns}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))


def dated_phase(earliest: dt.date | None, latest: dt.date | None, day: dt.date) -> str | None:
    """``done``, ``under_way``, or None (not yet) for a dated claim; ``date_unknown`` if undated."""
    if earliest is None:
        return "date_unknown"
    if day < earliest:
        return None
    return "under_way" if day < latest else "done"


def persistent_phase(earliest: dt.date | None, latest: dt.date | None, day: dt.date) -> str:
    """State of an HQ or fortified region whose fall (or end) is dated ``earliest``..``latest``."""
    if earliest is None:
        return "fate_unknown"
    if day < earliest:
        return "holding"
    return "falling" if day < latest else "fallen"


def period_phase(earliest: dt.date | None, latest: dt.date | None, day: dt.date) -> str | None:
    """``active`` while ``day`` is inside a camp's period, ``closed`` after it, None before it."""
    if earliest is None or day < earliest:
        return None
    return "active" if day <= latest else "closed"


def month_end(month: dt.date) -> dt.date:
    """The last day of ``month``'s month: a month step shows what had happened by then."""
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def months(first: dt.date, last: dt.date) -> list[dt.date]:
    """First days of every month from ``first``'s month to ``last``'s month, inclusive."""
    out, current = [], first.replace(day=1)
    while current <= last:
        out.append(current)
        current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return out


def axis_progress(stops: Sequence[tuple[str, dt.date | None, dt.date | None]], day: dt.date,
                  started: dt.date | None = None) -> list[tuple[str, str]]:
    """How far along an axis an army is on ``day``: ``[(waypoint id, phase), ...]`` in order.

    ``stops`` are the axis' waypoints in ``seq`` order as ``(id, earliest, latest)``; a waypoint
    with no date has ``earliest = latest = None``. ``started`` is the day the attack from the
    start area began: before it nothing is drawn. Every waypoint before the last one certainly
    reached counts as reached (``done``), dated or not: the army passed it to get further. After
    that, undated waypoints are drawn as ``date_unknown`` up to the next dated one, which is drawn
    ``under_way`` if ``day`` is inside its span; the axis stops there.
    """
    if started is not None and day < started:
        return []
    reached = -1
    for index, (_, _, latest) in enumerate(stops):
        if latest is not None and latest <= day:
            reached = index
    out = [(stop_id, "done") for stop_id, _, _ in stops[: reached + 1]]
    for stop_id, earliest, latest in stops[reached + 1:]:
        phase = dated_phase(earliest, latest, day)
        if phase is None:
            break
        out.append((stop_id, phase))
        if phase == "under_way":
            break
    return out


def _waypoint_phases(frame: gpd.GeoDataFrame, day: dt.date, axes: Mapping[str, Any]) -> dict[str, str]:
    """Phase of every waypoint on the map on ``day`` (those not yet reached are absent).

    An axis missing from ``axes`` (or whose start area is not in ``frame``) draws nothing: its
    undated waypoints would otherwise appear before its attack began.
    """
    starts = dict(zip(frame["id"], frame["earliest"], strict=True))
    by_axis: dict[str, list[tuple[float, str, dt.date | None, dt.date | None]]] = {}
    for fid, kind, axis, seq, earliest, latest in zip(frame["id"], frame["kind"], frame["axis"], frame["seq"],
                                                      frame["earliest"], frame["latest"], strict=True):
        if kind == "waypoint":  # plain tuples: grouping with pandas cost most of this function
            by_axis.setdefault(axis, []).append((seq, fid, earliest, latest))
    phases: dict[str, str] = {}
    for name in sorted(by_axis):
        axis = axes.get(name)
        started = starts.get(axis.start) if axis is not None else None
        if not isinstance(started, dt.date):
            continue
        stops = [(fid, earliest, latest) for _, fid, earliest, latest in sorted(by_axis[name], key=lambda s: s[0])]
        phases.update(axis_progress(stops, day, started))
    return phases


def on_date(frame: gpd.GeoDataFrame, day: dt.date, axes: Mapping[str, Any] | None = None) -> gpd.GeoDataFrame:
    """The features on the map on ``day``, with a ``phase`` column (see the module docstring).

    A dated feature is shown once ``day`` reaches its earliest possible date; a feature known only
    to the month counts from the month's first day (see geodata/README.md). Waypoints are drawn
    along their axis, from ``axes`` (axis id -> :class:`atlas.tables.Axis`); without it, none.
    """
    if frame.empty:
        return empty_frame()
    waypoint_phases = _waypoint_phases(frame, day, axes or {}) if "axis" in frame else {}
    phases: list[str | None] = []
    actives = frame["active"] if "active" in frame else [None] * len(frame)
    for fid, kind, earliest, latest, active in zip(frame["id"], frame["kind"], frame["earliest"], frame["latest"],
                                                   actives, strict=True):  # plain columns: no row objects
        if kind == "waypoint":
            phases.append(waypoint_phases.get(fid))
        elif kind in REFERENCE_KINDS:
            phases.append("reference")
        elif kind in PERIOD_KINDS:
            phases.append(period_phase(earliest, latest, day))
        elif kind in PERSISTENT_KINDS:
            opened = not isinstance(active, dt.date) or active <= day
            phases.append(persistent_phase(earliest, latest, day) if opened else None)
        else:
            phases.append(dated_phase(earliest, latest, day))
    shown = frame.assign(phase=phases)
    shown = shown[shown["phase"].notna()].copy()
    order = [(e if isinstance(e, dt.date) else dt.date.max, i) for e, i in zip(shown["earliest"], shown["id"], strict=True)]
    shown["_order"] = order
    return shown.sort_values("_order", kind="stable").drop(columns="_order")


def happening_on(frame: gpd.GeoDataFrame, day: dt.date) -> gpd.GeoDataFrame:
    """Dated features whose span contains ``day``: what happened on this date, in date order."""
    if frame.empty:
        return empty_frame()
    mask = [isinstance(first, dt.date) and isinstance(last, dt.date) and first <= day <= last
            for first, last in zip(frame["earliest"], frame["latest"], strict=True)]
    hits = frame[mask].copy()
    hits["phase"] = ["done" if day >= last else "under_way" for last in hits["latest"]]
    return hits.sort_values(["earliest", "id"], kind="stable")


def split_placed(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(features with a geometry, features without one)."""
    if frame.empty:
        return frame, frame
    has_place = frame.geometry.notna() & ~frame.geometry.is_empty
    return frame[has_place], frame[~has_place]


@dataclass(frozen=True)
class Segment:
    """A stretch of an axis between two stops, drawn according to ``state``."""

    axis: str
    front: str
    start: tuple[float, float]  # lon, lat
    end: tuple[float, float]
    state: str  # reached | under_way | date_unknown


@dataclass(frozen=True)
class Head:
    """The arrowhead at the far end of an axis on a date."""

    axis: str
    front: str
    point: tuple[float, float]  # lon, lat
    bearing: float  # degrees clockwise from north, as drawn on a Web-Mercator map
    state: str


def mercator_bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Screen direction from ``a`` to ``b`` (lon, lat) on a Web-Mercator map, degrees from north.

    Leaflet draws a two-point line straight in Web Mercator, so an arrowhead must follow that
    direction, not the great-circle bearing.
    """
    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    dx = math.radians(b[0] - a[0])
    dy = y(b[1]) - y(a[1])
    return math.degrees(math.atan2(dx, dy)) % 360


def axis_geometry(shown: gpd.GeoDataFrame, frame: gpd.GeoDataFrame,
                  axes: Mapping[str, Any]) -> tuple[list[Segment], list[Head]]:
    """Segments and arrowheads of every axis, from the waypoints in ``shown`` (one date's frame).

    ``frame`` is the whole layer (for the start areas); ``axes`` maps axis id to an object with
    ``front`` and ``start`` attributes (see :class:`atlas.tables.Axis`).
    """
    if shown.empty or "axis" not in shown:
        return [], []
    points = {i: (g.x, g.y) for i, g in zip(frame["id"], frame.geometry, strict=True) if g is not None and not g.is_empty and g.geom_type == "Point"}
    segments: list[Segment] = []
    heads: list[Head] = []
    by_axis: dict[str, list[tuple[float, str, str]]] = {}
    for fid, kind, axis_id, seq, phase in zip(shown["id"], shown["kind"], shown["axis"], shown["seq"], shown["phase"],
                                              strict=True):
        if kind == "waypoint":
            by_axis.setdefault(axis_id, []).append((seq, fid, phase))
    for name in sorted(by_axis):
        axis = axes.get(name)
        if axis is None or axis.start not in points:
            continue
        previous = points[axis.start]
        for _, stop_id, phase in sorted(by_axis[name], key=lambda stop: stop[0]):
            here = points.get(stop_id)
            if here is None:
                continue
            segments.append(Segment(name, axis.front, previous, here, SEGMENT_STATE[phase]))
            previous = here
        if segments and segments[-1].axis == name:
            last = segments[-1]
            heads.append(Head(name, axis.front, last.end, mercator_bearing(last.start, last.end), last.state))
    return segments, heads
