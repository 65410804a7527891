"""Undated stops: dating one needs a source read, and a stop once dated stays dated."""

from __future__ import annotations

import json

from atlas.citations import cited_keys
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA

FEATURES = {f["properties"]["id"]: f["properties"]
            for f in json.loads((GEODATA / "offensive.geojson").read_text(encoding="utf-8"))["features"]}


def undated(kind: str) -> set[str]:
    return {i for i, p in FEATURES.items() if p["kind"] == kind and p["date_certainty"] == "unknown"}


def test_undated_stops_only_shrink():
    assert len(undated("waypoint")) <= 16  # 17 of 54 in the audit of issue 17; Duolun dated since
    assert len(undated("fortified_region")) <= 10


def test_undated_stops_say_why_and_claim_no_day():
    for fid in undated("waypoint") | undated("fortified_region"):
        props = FEATURES[fid]
        assert "date_start" not in props and "date_end" not in props, fid


def test_duolun_is_dated_by_the_sources_that_say_so():
    duolun = FEATURES["wp-kmg-duolun-duolun"]
    assert (duolun["date_start"], duolun["date_certainty"]) == ("1945-08-14", "verified")
    assert {"pliev-konets", "litmir-dolonnor"} <= set(cited_keys(duolun["sources"]))
