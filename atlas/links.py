"""Checks across files: story steps, claims and axes must point at features that exist."""

from __future__ import annotations

from collections.abc import Mapping

from atlas.dates import span_of
from atlas.model import Axis, Claim, Problem, StoryStep, quote
from atlas.pages import MAP_PAGES


def check_story_links(steps: list[StoryStep], features_by_layer: Mapping[str, set[str]]) -> list[Problem]:
    """A story step's ``focus`` must be a feature of the layer its page shows."""
    return [Problem("story.csv", f"step {s.step}", f"focus: {quote(s.focus)} is not on the {s.page} map "
                    f"({', '.join(f'{name}.geojson' for name in MAP_PAGES[s.page].layers)})")
            for s in steps if s.focus and not any(s.focus in features_by_layer.get(name, set())
                                                  for name in MAP_PAGES[s.page].layers)]


def check_claim_links(claims: list[Claim], features_by_layer: Mapping[str, set[str]]) -> list[Problem]:
    """A claim's ``map_feature`` must be a feature of the layer its ``map_page`` shows."""
    problems = []
    for claim in claims:
        if claim.map_feature and claim.map_page in MAP_PAGES:
            layer = MAP_PAGES[claim.map_page].layer
            if claim.map_feature not in features_by_layer.get(layer, set()):
                problems.append(Problem("claims.csv", claim.id, f"map_feature: {quote(claim.map_feature)} is not in {layer}.geojson"))
    return problems


def check_axis_links(axes: Mapping[str, Axis], features: list[dict]) -> list[Problem]:
    """Axes and waypoints must point at each other, in order.

    Each axis starts at a ``start_area`` feature and has waypoints numbered 1, 2, 3…; each
    waypoint names an axis that exists; dated waypoints never go back in time along the axis.
    """
    props = [f["properties"] for f in features]
    by_id = {p["id"]: p for p in props}
    problems: list[Problem] = []
    for axis in axes.values():
        start = by_id.get(axis.start)
        if start is None or start.get("kind") != "start_area":
            problems.append(Problem("axes.csv", axis.axis, f"start: {quote(axis.start)} is not a start_area feature"))
    by_axis: dict[str, list[dict]] = {}
    for p in props:
        if p.get("kind") != "waypoint":
            continue
        if p.get("axis") not in axes:
            problems.append(Problem("offensive.geojson", p["id"], f"axis: {quote(p.get('axis'))} is not in axes.csv"))
            continue
        by_axis.setdefault(p["axis"], []).append(p)
    for name, axis in axes.items():
        stops = sorted(by_axis.get(name, []), key=lambda p: p["seq"])
        if not stops:
            problems.append(Problem("axes.csv", name, "has no waypoints"))
            continue
        seqs = [p["seq"] for p in stops]
        if seqs != list(range(1, len(stops) + 1)):
            problems.append(Problem("axes.csv", name, f"waypoint seq must run 1..{len(stops)} without gaps or repeats, got {seqs}"))
        start = by_id.get(axis.start)
        previous = ("start", span_of(start["date_start"], start.get("date_end"))) if start and start.get("date_start") else None
        for p in stops:
            if not p.get("date_start"):
                continue  # date unknown: it only has to sit between its neighbours, which it does by seq
            span = span_of(p["date_start"], p.get("date_end"))
            if previous and (span.earliest < previous[1].earliest or span.latest < previous[1].latest):
                problems.append(Problem("offensive.geojson", p["id"],
                                        f"dates go back in time along axis {name}: before {previous[0]}"))
            previous = (p["id"], span)
    return problems
