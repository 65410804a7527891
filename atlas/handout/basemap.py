"""The offline basemap under the static maps: land, rivers and lakes from ``geodata/basemap/``.

The files are optional. A missing, unreadable or empty file is simply not drawn (the map is then
drawn on a plain background with its graticule); reading a basemap never raises.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
from shapely.geometry import box

LOG = logging.getLogger(__name__)
BASEMAP_LAYERS = ("land", "lakes", "rivers", "admin0")  # drawn in this order; admin0: today's borders
WEB_MERCATOR = "EPSG:3857"
MERCATOR_LAT_LIMIT = 85.0  # Web Mercator is undefined at the poles


@dataclass(frozen=True)
class Basemap:
    """The basemap layers inside one view, in Web Mercator (absent layers are not in ``layers``)."""

    layers: dict[str, gpd.GeoSeries]

    @property
    def empty(self) -> bool:
        return not self.layers


def basemap_dir(geodata: Path) -> Path:
    """Where the basemap files live inside a data folder."""
    return geodata / "basemap"


def has_basemap(geodata: Path | None = None) -> bool:
    """Whether a data folder (default: the app's) has basemap land to draw."""
    from atlas.paths import geodata_dir

    return (basemap_dir(geodata or geodata_dir()) / "land.geojson").is_file()


@lru_cache(maxsize=8)
def _read_projected(path: str, mtime: float) -> gpd.GeoSeries | None:
    """One basemap file in Web Mercator (cached per path and modification time), or None."""
    del mtime  # part of the cache key only: a changed file is read again
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # noqa: BLE001 - a broken basemap must never stop a handout
        LOG.warning("basemap %s not drawn: %s", path, exc)
        return None
    if frame.empty:
        return None
    if frame.crs is None:
        frame = frame.set_crs("EPSG:4326")
    frame = frame.to_crs("EPSG:4326")
    geoms = frame.geometry[frame.geometry.notna() & ~frame.geometry.is_empty]
    clipped = geoms.clip(box(-180, -MERCATOR_LAT_LIMIT, 180, MERCATOR_LAT_LIMIT))
    return clipped[~clipped.is_empty].to_crs(WEB_MERCATOR)


def _layer(folder: Path, name: str) -> gpd.GeoSeries | None:
    path = folder / f"{name}.geojson"
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    return _read_projected(str(path), mtime)


@lru_cache(maxsize=32)
def _clipped(folder: str, extent: tuple[float, float, float, float], tolerance: float,
             stamp: tuple[float, ...]) -> Basemap:
    del stamp  # part of the cache key only (the files' modification times)
    window = box(*extent)
    layers: dict[str, gpd.GeoSeries] = {}
    for name in BASEMAP_LAYERS:
        series = _layer(Path(folder), name)
        if series is None:
            continue
        inside = series[series.intersects(window)]
        if inside.empty:
            continue
        clipped = inside.clip(window)
        if tolerance > 0:  # detail finer than a pixel only costs drawing time
            clipped = clipped.simplify(tolerance, preserve_topology=True)
        clipped = clipped[~clipped.is_empty]
        if not clipped.empty:
            layers[name] = clipped
    return Basemap(layers)


def load_basemap(folder: Path, extent: tuple[float, float, float, float], pixel_m: float = 0.0) -> Basemap:
    """The basemap inside ``extent`` (west, south, east, north in Web Mercator metres), simplified to
    half of ``pixel_m`` (the map units one output pixel covers; 0: not simplified).

    Cached per folder, extent, pixel size and file modification times, so the steps of a story that
    share a view clip the files once.
    """
    stamp = []
    for name in BASEMAP_LAYERS:
        try:
            stamp.append((folder / f"{name}.geojson").stat().st_mtime)
        except OSError:
            stamp.append(-1.0)
    rounded = tuple(round(v, 1) for v in extent)
    return _clipped(str(folder), rounded, round(pixel_m / 2, 1), tuple(stamp))  # type: ignore[arg-type]
