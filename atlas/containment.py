"""Border containment: a placed feature that declares its present-day ``country`` must lie in it.

The border layer is ``geodata/basemap/admin0.geojson`` (Natural Earth 1:10m admin-0, built by
``scripts/build_basemap.py``; one polygon per ISO 3166-1 alpha-3 code, property ``iso_a3``). A
feature passes if every vertex of its geometry lies inside the declared country or at most
``accuracy_km`` + :data:`TOLERANCE_KM` from it; the tolerance absorbs the border layer's own
generalisation (1:10m, quantized to ~0.002-0.004 deg, simplified by at most 0.004 deg outside the
Manchuria/Korea/Primorye box).

Distances are geodesic on the WGS84 ellipsoid, computed in an azimuthal equidistant projection
centred on each vertex that lies outside (pyproj): distances from the projection's centre are
true, so the planar distance from the centre to the projected border is the distance to the
border, up to the straight-edge error between the border's vertices (metres).

Pure module: no Streamlit. :func:`check_containment` is what the validator calls.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyproj
import shapely
from shapely.geometry import Point, shape

from atlas.model import Problem, quote
from atlas.paths import DEFAULT_GEODATA_DIR, geodata_dir
from atlas.rules import feature_label

TOLERANCE_KM = 1.0
BORDERS_FILE = Path("basemap") / "admin0.geojson"
_REACH_KM = (25.0, 100.0, 400.0, 1600.0, 6400.0)  # search windows, growing until the border is found


@dataclass(frozen=True)
class Country:
    """One country of the border layer."""

    iso_a3: str
    name: str
    geometry: Any  # shapely (Multi)Polygon, lon/lat, prepared for fast point tests


def borders_path() -> Path:
    """The border layer of the data folder in use, else the repository's own.

    A copy of ``geodata/`` (tests, curators' scratch folders) may leave out ``basemap/``: the
    border layer is reference data, not part of the curated features, so the repository's is used.
    """
    path = geodata_dir() / BORDERS_FILE
    return path if path.is_file() else DEFAULT_GEODATA_DIR / BORDERS_FILE


@lru_cache(maxsize=2)
def _load(path: str, mtime: float) -> dict[str, Country]:
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    out = {}
    for feature in doc["features"]:
        props = feature["properties"]
        geom = shape(feature["geometry"])
        shapely.prepare(geom)
        out[props["iso_a3"]] = Country(props["iso_a3"], props.get("name_en", props["iso_a3"]), geom)
    return out


def load_borders(path: Path | None = None) -> dict[str, Country]:
    """Countries by ISO 3166-1 alpha-3 code, read once (cached until the file changes)."""
    path = path or borders_path()
    return _load(str(path), path.stat().st_mtime)


def _aeqd(lon: float, lat: float) -> pyproj.Transformer:
    """Degrees (lon, lat) to metres in the azimuthal equidistant projection centred on the point."""
    return pyproj.Transformer.from_pipeline(  # a pipeline: ~0.5 ms to set up, against ~30 ms from CRS objects
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
        f"+step +proj=aeqd +lat_0={float(lat):.9f} +lon_0={float(lon):.9f} +ellps=WGS84")


def distance_outside_km(lon: float, lat: float, country: Country) -> float:
    """0 if the point is inside the country (or on its border), else the geodesic km to it."""
    if shapely.contains_xy(country.geometry, lon, lat):
        return 0.0  # a point on the border is measured below, at 0 km
    km = math.inf
    for reach in _REACH_KM:
        # A box that holds the disc of radius `reach` around the point (generously at high latitude).
        dlat = reach / 110.0
        dlon = min(180.0, reach / (111.0 * max(math.cos(math.radians(min(abs(lat) + dlat, 89.0))), 0.01)))
        part = shapely.clip_by_rect(country.geometry, lon - dlon, lat - dlat, lon + dlon, lat + dlat)
        if part.is_empty:
            continue
        transformer = _aeqd(lon, lat)
        projected = shapely.transform(part, lambda xy, t=transformer: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))
        km = shapely.distance(projected, Point(0.0, 0.0)) / 1000.0
        if km <= reach:  # the nearest border point is inside the disc, hence inside the box
            return km
    return km


def _vertices(geometry: Any) -> list[tuple[float, float]]:
    """The points a feature's country is about: every vertex of a point or area; only the end of a
    line (an attack direction or a route says where it leads; it may start across a border)."""
    points = [(float(x), float(y)) for x, y in shapely.get_coordinates(geometry)]
    return points[-1:] if geometry.geom_type in ("LineString", "MultiLineString") else points


def _where(lon: float, lat: float, countries: dict[str, Country]) -> str:
    hits = [c.iso_a3 for c in countries.values() if shapely.contains_xy(c.geometry, lon, lat)]
    return hits[0] if hits else "no country of the border layer (sea, or outside the region)"


def feature_problem(feature: dict[str, Any], countries: dict[str, Country]) -> str | None:
    """The containment problem of one feature, as a message, or None.

    Skipped: features without a geometry (not placed) or without ``country``.
    """
    props = feature.get("properties") or {}
    declared, geometry = props.get("country"), feature.get("geometry")
    if not declared or not isinstance(geometry, dict):
        return None
    if declared not in countries:
        return (f"country: {quote(declared)} is not a country of the border layer ({BORDERS_FILE.as_posix()}: "
                f"present-day ISO 3166-1 alpha-3 codes of the region)")
    country = countries[declared]
    radius = float(props.get("accuracy_km") or 0.0)
    worst, worst_at = 0.0, None
    for lon, lat in _vertices(shape(geometry)):
        km = distance_outside_km(lon, lat, country)
        if km > worst:
            worst, worst_at = km, (lon, lat)
    if worst_at is None or worst <= radius + TOLERANCE_KM:
        return None
    lon, lat = worst_at
    return (f"country: [{lon}, {lat}] lies {worst:.1f} km outside the declared country {declared} "
            f"({country.name}), more than accuracy_km {radius:g} + {TOLERANCE_KM:g} km tolerance; it is in "
            f"{_where(lon, lat, countries)}")


def check_containment(file: str, features: Iterable[dict[str, Any]],
                      countries: dict[str, Country] | None = None) -> list[Problem]:
    """A :class:`Problem` for every placed feature that lies too far outside its declared country.

    The border layer is loaded only if some feature declares a country.
    """
    features = [f for f in features if isinstance(f, dict)]
    if not any((f.get("properties") or {}).get("country") for f in features):
        return []
    if countries is None:
        try:
            countries = load_borders()
        except (OSError, ValueError, KeyError) as exc:
            return [Problem(file, "-", f"country: cannot read the border layer {BORDERS_FILE.as_posix()}: {exc}")]
    problems = []
    for index, feature in enumerate(features):
        message = feature_problem(feature, countries)
        if message:
            problems.append(Problem(file, feature_label(feature, index), message))
    return problems
