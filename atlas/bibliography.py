"""Who cites what: for every source, the features and table rows that cite it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from atlas.citations import cited_keys
from atlas.i18n import t

GAZETTEER_KEY = "geonames"


def citing_index(atlas: Any) -> dict[str, list[str]]:
    """Source key -> ids of the features and table rows citing it (file order, no repeats)."""
    index: dict[str, list[str]] = {}

    def add(key: str, label: str) -> None:
        labels = index.setdefault(key, [])
        if label not in labels:
            labels.append(label)

    for layer in atlas.layers.values():
        frame = layer.frame
        if frame.empty:
            continue
        for fid, sources, method in zip(frame["id"], frame["sources"], frame.get("coord_method", [None] * len(frame)),
                                         strict=True):
            for key in cited_keys(sources):
                add(key, fid)
            if method == GAZETTEER_KEY:
                add(GAZETTEER_KEY, fid)
    for axis in atlas.axes.values():
        for key in cited_keys(axis.sources):
            add(key, f"axes.csv: {axis.axis}")
    for name, rows in (("figures.csv", atlas.figures), ("claims.csv", atlas.claims), ("history.csv", atlas.history)):
        for row in rows:
            for key in cited_keys(row.sources):
                add(key, f"{name}: {row.id}")
    for district in getattr(atlas, "districts", ()):
        for key in cited_keys(district.sources):
            add(key, f"camp_districts.csv: {district.district_id}")
    return index


def bibliography_table(sources: Mapping[str, Any], index: Mapping[str, list[str]], lang: str) -> pd.DataFrame:
    """One row per source: key, citation, link, rights, how many features and rows cite it, and which."""
    records = [{
        t("col_key", lang): key,
        t("col_citation", lang): source.citation,
        t("col_link", lang): source.url,
        t("col_rights", lang): source.rights,
        t("col_cited_count", lang): len(index.get(key, [])),
        t("col_cited_by", lang): ", ".join(index.get(key, [])),
    } for key, source in sorted(sources.items())]
    columns = ["col_key", "col_citation", "col_link", "col_rights", "col_cited_count", "col_cited_by"]
    return pd.DataFrame(records, columns=[t(c, lang) for c in columns])
