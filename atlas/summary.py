"""Text that accompanies the map: the caption and the table that serves as its text alternative."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd

from atlas.i18n import date_range, long_date, plural, t
from atlas.popups import clean_properties, text


def caption(placed: gpd.GeoDataFrame, unplaced: gpd.GeoDataFrame, day: dt.date, lang: str) -> str:
    """'19 places on the map up to 20 August 1945 · 2 dated events without a place'."""
    when = long_date(day, lang)
    parts = [plural("caption_places", len(placed), lang, date=when) if len(placed) else t("caption_none", lang, date=when)]
    if len(unplaced):
        parts.append(plural("caption_events", len(unplaced), lang))
    return " · ".join(parts)


def feature_table(frame: gpd.GeoDataFrame, lang: str) -> pd.DataFrame:
    """One row per feature: date, name, kind, front, date certainty, source keys (all plain text)."""
    records = []
    for _, row in frame.iterrows():
        props = clean_properties(row)
        front = props.get("front")
        records.append({
            t("col_date", lang): date_range(props["date_start"], props.get("date_end"), lang),
            t("col_name", lang): text(props, "name", lang),
            t("col_kind", lang): t(f"kind_{props['kind']}", lang),
            t("col_front", lang): t(f"front_{front}", lang) if front else "",
            t("col_certainty", lang): t(f"certainty_{props['date_certainty']}", lang),
            t("col_sources", lang): props.get("sources", ""),
        })
    columns = ["col_date", "col_name", "col_kind", "col_front", "col_certainty", "col_sources"]
    return pd.DataFrame(records, columns=[t(c, lang) for c in columns])
