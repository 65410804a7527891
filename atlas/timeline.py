"""Filtering features by the date on the slider."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd


def empty_frame() -> gpd.GeoDataFrame:
    """A frame with no features but the columns the pages expect."""
    columns = ["id", "kind", "date_start", "date_end", "earliest", "latest", "phase"]
    return gpd.GeoDataFrame({c: [] for c in columns}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))


def on_date(frame: gpd.GeoDataFrame, day: dt.date) -> gpd.GeoDataFrame:
    """Features whose earliest date is on or before ``day``, with a ``phase`` column.

    ``phase`` is ``under_way`` while ``day`` is inside the feature's span (for example between an
    air-landing on 19 August and the main force's arrival on 20 August) and ``done`` after it.
    A feature known only to the month counts from the month's first day (see geodata/README.md).
    """
    if frame.empty:
        return empty_frame()
    shown = frame[frame["earliest"] <= day].copy()
    shown["phase"] = ["under_way" if day < latest else "done" for latest in shown["latest"]]
    return shown.sort_values(["earliest", "id"], kind="stable")


def split_placed(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(features with a geometry, features without one)."""
    if frame.empty:
        return frame, frame
    has_place = frame.geometry.notna() & ~frame.geometry.is_empty
    return frame[has_place], frame[~has_place]
