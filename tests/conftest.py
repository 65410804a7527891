"""Shared fixtures: a tiny synthetic geodata package that tests can break one rule at a time."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "geodata" / "schema" / "feature.schema.json"

# Loaded packages' snapshots (atlas/snapshot.py) go to a folder of the test run's own, never the
# user's cache; the servers the browser tests start inherit it.
_SNAPSHOTS = os.environ.setdefault("ATLAS_SNAPSHOT_DIR", tempfile.mkdtemp(prefix="atlas-snapshots-"))


def pytest_sessionstart(session):  # noqa: ARG001 - pytest's hook signature
    """The one-file client written as the app writes it at start-up (atlas/map/client.py), so every map
    built in the run names the same scripts, whichever test happened to start the app first."""
    from atlas.map import client

    with contextlib.suppress(OSError):  # a read-only checkout: the maps name the separate files, consistently
        client.write_bundle()


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001 - pytest's hook signature
    if _SNAPSHOTS.startswith(tempfile.gettempdir()) and "atlas-snapshots-" in _SNAPSHOTS:
        shutil.rmtree(_SNAPSHOTS, ignore_errors=True)

SOURCES_CSV = (
    "key,dossier_key,citation,url,rights,note\n"
    "doe-1990,,\"J. Doe, A Made-up Book (1990).\",https://example.org/doe,Facts only.,\n"
    "roe-2001,,\"R. Roe, Another Made-up Book (2001).\",,Facts only.,\n"
    "geonames,,GeoNames gazetteer.,,CC BY 4.0,\n"
)

# Synthetic features: not real history, only shapes the rules care about.
FEATURES = [
    {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [126.65, 45.75]},
        "properties": {
            "id": "obj-alpha", "kind": "objective", "front": "far_eastern_1",
            "name_en": "Alpha", "name_es": "Alfa", "name_zh": "阿尔法",
            "date_start": "1945-08-10", "date_certainty": "verified",
            "location_precision": "settlement", "accuracy_km": 5,
            "coord_method": "geonames", "coord_ref": "2037013", "location_certainty": "verified",
            "sources": "doe-1990: p. 12", "description_en": "Alpha text.", "description_es": "Texto alfa.",
        },
    },
    {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [120.0, 47.0]},
        "properties": {
            "id": "start-beta", "kind": "start_area", "front": "transbaikal",
            "name_en": "Beta", "name_es": "Beta",
            "date_start": "1945-08-15", "date_end": "1945-08-17", "date_certainty": "disputed",
            "location_precision": "estimated", "accuracy_km": 50,
            "coord_method": "estimated", "coord_ref": "Made up, ±50 km", "location_certainty": "recalled",
            "sources": "roe-2001: ch. 2; doe-1990: p. 3",
            "description_en": "Beta text.", "description_es": "Texto beta.",
        },
    },
    {
        "type": "Feature",
        "geometry": None,
        "properties": {
            "id": "evt-gamma", "kind": "event", "name_en": "Gamma", "name_es": "Gamma",
            "date_start": "1945-08", "date_certainty": "uncertain",
            "sources": "doe-1990: p. 99", "description_en": "Gamma text.", "description_es": "Texto gamma.",
        },
    },
]


def _point(fid: str, kind: str, lon: float, lat: float, **props) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "id": fid, "kind": kind, "name_en": fid.title(), "name_es": fid.title(),
            "location_precision": "settlement", "accuracy_km": 5, "coord_method": "estimated",
            "coord_ref": "Made up, ±5 km", "location_certainty": "verified",
            "sources": "doe-1990: p. 1", "description_en": f"{fid} text.", "description_es": f"Texto {fid}.",
            **props,
        },
    }


# An axis from start-beta: a dated stop, an undated one, then a stop the sources date 20-22 August.
AXIS_FEATURES = [
    _point("wp-one", "waypoint", 121.0, 46.0, axis="ax1", seq=1, front="transbaikal",
           date_start="1945-08-17", date_certainty="verified"),
    _point("wp-two", "waypoint", 122.0, 45.5, axis="ax1", seq=2, front="transbaikal", date_certainty="unknown"),
    _point("wp-three", "waypoint", 123.0, 45.0, axis="ax1", seq=3, front="transbaikal",
           date_start="1945-08-20", date_end="1945-08-22", date_certainty="disputed"),
    _point("fr-delta", "fortified_region", 124.0, 47.0, date_start="1945-08-18", date_certainty="verified"),
    _point("hq-eps", "hq", 125.0, 44.0, active_from="1945-08-12", date_certainty="unknown"),
]
AXES_CSV = (
    "axis,front,army_en,army_es,commander,start,description_en,description_es,sources\n"
    "ax1,transbaikal,First Army,Primer Ejército,A. Nobody,start-beta,Goes east.,Va al este.,doe-1990: p. 5\n"
)
FIGURES_CSV = (
    "id,subject,topic,topic_en,topic_es,side,scope_en,scope_es,value_low,value_high,according_to_en,according_to_es,certainty,sources\n"
    "k-claim,campaign,killed,Killed,Muertos,japanese,All,Todo,1000,,Claim A,Fuente A,verified,doe-1990: p. 7\n"
    "k-record,campaign,killed,Killed,Muertos,japanese,All,Todo,250,300,Records B,Registros B,recalled,roe-2001: p. 8\n"
    "s-troops,campaign,troops,Troops,Tropas,soviet,All,Todo,5000,,Claim C,Fuente C,verified,doe-1990: p. 9\n"
    "g-men,dongning,garrison,Garrison,Guarnición,japanese,Fort,Fuerte,650,,Source D,Fuente D,verified,doe-1990: p. 10\n"
)
CLAIMS_CSV = (
    "id,subject,claim_en,claim_es,quote,seed,verdict,record_en,record_es,certainty,sources,map_page,map_date,map_feature\n"
    "c-fire,dongning,They burned it.,Lo quemaron.,They burned it all,en,myth,They surrendered.,Se rindieron.,verified,"
    "roe-2001: p. 11,offensive,1945-08-10,obj-alpha\n"
)
STORY_CSV = (
    "step,page,date,focus,title_en,title_es,caption_en,caption_es,sources\n"
    "1,offensive,1945-08-10,obj-alpha,Alpha falls,Cae Alfa,Alpha was taken.,Alfa fue tomada.,doe-1990: p. 13\n"
    "2,offensive,1945-08-20,,Later,Después,Later on.,Más tarde.,roe-2001: p. 14\n"
)
HISTORY_CSV = (
    "id,subject,date_start,date_end,certainty,text_en,text_es,sources\n"
    "h-built,dongning,1934,1937,verified,Built.,Construida.,doe-1990: p. 12\n"
)


LABELS_CSV = ("id,pages,name_en,name_es,name_local,lat,lon,geonames_id,rank\n"
              "lbl-alpha,offensive,Alpha town,Pueblo Alfa,阿尔法,45.75,126.65,2037013,1\n")


def write_package(folder: Path, features: list | None = None, sources: str = SOURCES_CSV,
                  raw_geojson: str | None = None, axes: str | None = AXES_CSV,
                  figures: str | None = FIGURES_CSV, claims: str | None = CLAIMS_CSV,
                  history: str | None = HISTORY_CSV, story: str | None = STORY_CSV,
                  labels: str | None = LABELS_CSV) -> Path:
    """Write a geodata package to ``folder`` (the real schema, a one-layer datapackage.json).

    ``features`` defaults to :data:`FEATURES` plus :data:`AXIS_FEATURES`; ``axes``/``figures``
    of None leave that table out.
    """
    (folder / "schema").mkdir(parents=True, exist_ok=True)
    shutil.copy(SCHEMA, folder / "schema" / "feature.schema.json")
    package = {"name": "test", "resources": [
        {"name": "offensive", "path": "offensive.geojson", "format": "geojson",
         "x-atlas": {"bbox": [105.0, 33.0, 160.0, 56.0], "window": ["1945-08-01", "1945-09-05"]}},
        {"name": "sources", "path": "sources.csv", "format": "csv"},
    ]}
    tables = (("axes.csv", axes), ("figures.csv", figures), ("claims.csv", claims), ("history.csv", history),
              ("story.csv", story), ("labels.csv", labels))
    package["resources"] += [{"name": name[:-4], "path": name, "format": "csv"} for name, table in tables
                             if table is not None]
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    (folder / "sources.csv").write_text(sources, encoding="utf-8")
    for name, table in tables:
        if table is not None:
            (folder / name).write_text(table, encoding="utf-8")
    if raw_geojson is None:
        raw_geojson = json.dumps({"type": "FeatureCollection",
                                  "features": FEATURES + AXIS_FEATURES if features is None else features},
                                 ensure_ascii=False)
    (folder / "offensive.geojson").write_text(raw_geojson, encoding="utf-8")
    return folder


@pytest.fixture
def features() -> list:
    """A fresh deep copy of the synthetic features (axis included), safe to mutate."""
    return copy.deepcopy(FEATURES + AXIS_FEATURES)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A valid synthetic package on disk."""
    return write_package(tmp_path / "geodata")
