"""Helpers shared by the map tests: the synthetic package's layer on a date."""

from __future__ import annotations

import datetime as dt
import json

from atlas.map import packing
from atlas.timeline import axis_geometry, on_date, split_placed


def layer_on(frame, axes, day: dt.date, icons=None) -> dict:
    """The FeatureCollection the map draws on ``day``."""
    shown = on_date(frame, day, axes)
    placed, _ = split_placed(shown)
    segments, heads = axis_geometry(shown, frame, axes)
    return packing.layer_geojson(placed, "en", segments, heads, icons=icons)


def markers(data: dict) -> dict:
    return {f["properties"]["id"]: f["properties"] for f in data["features"]
            if f["properties"]["kind"] not in {"axis", "arrow"}}


def canonical(features: list[dict]) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True) for f in features)
