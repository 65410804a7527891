"""The frame of a static map: Web Mercator (as the web map), the view fitted to the image's shape,
and the conversions between degrees, metres on the map and printed points."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pyproj import Geod, Transformer

EARTH_RADIUS_M = 6378137.0  # the Web Mercator sphere
GEOD = Geod(ellps="WGS84")


@lru_cache(maxsize=1)
def _to_mercator() -> Transformer:
    return Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)


@lru_cache(maxsize=1)
def _to_lonlat() -> Transformer:
    return Transformer.from_crs("EPSG:3857", "EPSG:4326", always_xy=True)


def project(lon: Sequence[float] | np.ndarray, lat: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes -> Web Mercator x, y (metres)."""
    x, y = _to_mercator().transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.asarray(x), np.asarray(y)


def unproject(x: float, y: float) -> tuple[float, float]:
    """Web Mercator x, y -> (lon, lat)."""
    lon, lat = _to_lonlat().transform(x, y)
    return float(lon), float(lat)


@dataclass(frozen=True)
class View:
    """What a static map shows and at what scale.

    ``extent`` is (west, south, east, north) in Web Mercator metres, already widened to the image's
    shape; ``width_pt`` the printed width of the map; ``pt_per_px`` how many printed points stand for
    one pixel of the web map (marker sizes, line widths, fan offsets).
    """

    extent: tuple[float, float, float, float]
    width_pt: float
    height_pt: float
    pt_per_px: float

    @property
    def units_per_pt(self) -> float:
        """Map metres per printed point (the same across and down: the view keeps the aspect)."""
        return (self.extent[2] - self.extent[0]) / self.width_pt

    def px(self, pixels: float) -> float:
        """A web-map length in pixels as printed points."""
        return pixels * self.pt_per_px

    def shift(self, x: float, y: float, dx_px: float, dy_px: float) -> tuple[float, float]:
        """A point moved by a web-map pixel offset (x right, y DOWN, as the browser's)."""
        k = self.units_per_pt * self.pt_per_px
        return x + dx_px * k, y - dy_px * k

    def mercator_radius(self, metres: float, lat: float) -> float:
        """A ground radius at ``lat`` in map units (Web Mercator stretches by 1/cos(lat), as Leaflet's circles)."""
        return metres / max(math.cos(math.radians(lat)), 1e-6)


def fit_view(bounds: Sequence[Sequence[float]], width_pt: float, height_pt: float, pt_per_px: float) -> View:
    """The view of ``bounds`` ([[south, west], [north, east]], degrees), widened in one direction so
    the map fills a ``width_pt`` x ``height_pt`` frame without distortion (as Leaflet's fitBounds)."""
    (south, west), (north, east) = bounds
    xs, ys = project([west, east], [south, north])
    x0, x1 = float(min(xs)), float(max(xs))
    y0, y1 = float(min(ys)), float(max(ys))
    want = width_pt / height_pt
    w, h = x1 - x0, y1 - y0
    if w / h < want:  # too tall: widen
        grow = (h * want - w) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:  # too wide: heighten
        grow = (w / want - h) / 2
        y0, y1 = y0 - grow, y1 + grow
    return View((x0, y0, x1, y1), width_pt, height_pt, pt_per_px)


def ground_distance_m(lon0: float, lon1: float, lat: float) -> float:
    """Distance along the ground between two longitudes on one parallel (for the scale bar)."""
    _, _, dist = GEOD.inv(lon0, lat, lon1, lat)
    return float(dist)


def nice_length_km(max_km: float) -> float:
    """The longest 1, 2 or 5 x 10^n km not above ``max_km`` (a scale bar's length)."""
    if max_km <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(max_km))
    for step in (5, 2, 1):
        if step * power <= max_km:
            return float(step * power)
    return float(power)


def graticule_step(span_deg: float) -> float:
    """Degrees between graticule lines, so a view shows about three to eight of them."""
    for step in (0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20):
        if span_deg / step <= 8:
            return float(step)
    return 30.0
