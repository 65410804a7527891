"""Map furniture of a static map: basemap, graticule, scale bar, north arrow, legend and labels."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch, Polygon, Rectangle
from matplotlib.path import Path

from atlas.handout.basemap import Basemap
from atlas.handout.view import View, graticule_step, ground_distance_m, nice_length_km, project, unproject

SEA_COLOR = "#d6dde1"  # close to the web's light grey canvas
LAND_COLOR = "#f4f4f1"
WATER_LINE = "#9fb3c2"
PLAIN_BACKGROUND = "#fbfbfa"  # no basemap: a plain sheet
GRID_COLOR = "#8a8a8a"
BORDER_COLOR = "#9a9a9a"
INK = "#1a1a1a"
Z_BASE, Z_GRID, Z_LABEL, Z_FURNITURE = 0, 1, 20, 30
HALO = [patheffects.withStroke(linewidth=2.2, foreground="#ffffff")]


def _polygons_path(series: gpd.GeoSeries) -> Path:
    """All polygons of a layer as one compound path (holes wound the other way, so they stay empty)."""
    parts = shapely.get_parts(shapely.orient_polygons(series.values))
    rings = shapely.get_rings(parts)
    return _rings_path(rings, closed=True)


def _lines_path(geometries: np.ndarray) -> Path:
    """All lines of a layer (or polygon outlines) as one compound path."""
    return _rings_path(shapely.get_parts(geometries), closed=False)


def _rings_path(rings: np.ndarray, closed: bool) -> Path:
    coords, index = shapely.get_coordinates(rings, return_index=True)
    if len(coords) == 0:
        return Path(np.zeros((0, 2)))
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]])
    codes[starts] = Path.MOVETO
    if closed:
        codes[np.r_[starts[1:], len(coords)] - 1] = Path.CLOSEPOLY
    return Path(coords, codes)


def draw_basemap(ax: Axes, basemap: Basemap) -> None:
    """Land on a sea-coloured background, then lakes, rivers and today's borders; a plain sheet when
    there is none. Each layer is one compound path: geopandas' ``plot`` made an artist per
    polygon and cost about 0.2 s a layer; ``add_artist`` (not ``add_patch``) because the view is
    fixed and measuring these paths' data limits cost a quarter of a map's time."""
    ax.set_facecolor(SEA_COLOR if "land" in basemap.layers else PLAIN_BACKGROUND)
    for name, series in basemap.layers.items():
        polygons = series[series.geom_type.isin(["Polygon", "MultiPolygon"])]
        if name == "land" and not polygons.empty:
            ax.add_artist(PathPatch(_polygons_path(polygons), facecolor=LAND_COLOR, edgecolor="#b9c2c7",
                                   linewidth=0.3, zorder=Z_BASE))
        elif name == "lakes" and not polygons.empty:
            ax.add_artist(PathPatch(_polygons_path(polygons), facecolor=SEA_COLOR, edgecolor=WATER_LINE,
                                   linewidth=0.3, zorder=Z_BASE + 0.1))
        elif name == "rivers":
            ax.add_artist(PathPatch(_lines_path(series.values), facecolor="none", edgecolor=WATER_LINE,
                                   linewidth=0.5, zorder=Z_BASE + 0.2))
        elif name == "admin0" and not polygons.empty:  # today's borders, for orientation only (as the web's)
            ax.add_artist(PathPatch(_lines_path(shapely.boundary(polygons.values)), facecolor="none",
                                   edgecolor=BORDER_COLOR, linewidth=0.45, linestyle=(0, (4, 1.5)),
                                   zorder=Z_BASE + 0.3))


def draw_graticule(ax: Axes, view: View) -> None:
    """Parallels and meridians, labelled in degrees inside the frame's left and bottom edges."""
    x0, y0, x1, y1 = view.extent
    west, south = unproject(x0, y0)
    east, north = unproject(x1, y1)
    step = graticule_step(max(east - west, north - south))
    for lon in np.arange(np.ceil(west / step) * step, east, step):
        x, _ = project([lon], [south])
        ax.axvline(float(x[0]), color=GRID_COLOR, linewidth=0.25, alpha=0.6, zorder=Z_GRID)
        ax.annotate(f"{round(float(lon), 2):g}°E", (float(x[0]), y0), xytext=(2, 2), textcoords="offset points",
                    fontsize=5, color="#555555", zorder=Z_GRID)
    for lat in np.arange(np.ceil(south / step) * step, north, step):
        _, y = project([west], [lat])
        ax.axhline(float(y[0]), color=GRID_COLOR, linewidth=0.25, alpha=0.6, zorder=Z_GRID)
        ax.annotate(f"{round(float(lat), 2):g}°N", (x0, float(y[0])), xytext=(2, 2), textcoords="offset points",
                    fontsize=5, color="#555555", zorder=Z_GRID)


def draw_scale_bar(ax: Axes, view: View) -> float:
    """A two-part scale bar at the bottom left, true along its own parallel; returns its length in km."""
    x0, y0, x1, y1 = view.extent
    pad = 10 * view.units_per_pt
    bx, by = x0 + pad, y0 + pad + 4 * view.units_per_pt
    _, lat = unproject(bx, by)
    span_x = (x1 - x0) * 0.22
    lon_a, _ = unproject(bx, by)
    lon_b, _ = unproject(bx + span_x, by)
    km = nice_length_km(ground_distance_m(lon_a, lon_b, lat) / 1000)
    per_km = span_x / (ground_distance_m(lon_a, lon_b, lat) / 1000)
    length, height = km * per_km, 3 * view.units_per_pt
    ax.add_patch(Rectangle((bx - 3 * view.units_per_pt, by - 4 * view.units_per_pt),
                           length + 6 * view.units_per_pt, 16 * view.units_per_pt, facecolor="#ffffff",
                           alpha=0.8, edgecolor="none", zorder=Z_FURNITURE - 0.1))
    for i in range(2):
        ax.add_patch(Rectangle((bx + i * length / 2, by), length / 2, height, facecolor=INK if i == 0 else "#ffffff",
                               edgecolor=INK, linewidth=0.5, zorder=Z_FURNITURE))
    label = f"{km:g} km"
    ax.text(bx, by + height + 1.5 * view.units_per_pt, "0", fontsize=6, color=INK, zorder=Z_FURNITURE)
    ax.text(bx + length, by + height + 1.5 * view.units_per_pt, label, fontsize=6, color=INK, ha="right",
            zorder=Z_FURNITURE)
    return km


def draw_north_arrow(ax: Axes, view: View) -> None:
    """North is up on a Web Mercator map everywhere: an arrow and an N at the top left."""
    x0, _, _, y1 = view.extent
    u = view.units_per_pt
    cx, top = x0 + 16 * u, y1 - 8 * u
    ax.add_patch(Polygon([(cx, top), (cx + 5 * u, top - 16 * u), (cx, top - 12 * u), (cx - 5 * u, top - 16 * u)],
                         closed=True, facecolor=INK, edgecolor="#ffffff", linewidth=0.6, zorder=Z_FURNITURE))
    ax.text(cx, top - 25 * u, "N", ha="center", va="bottom", fontsize=8, fontweight="bold", color=INK,
            path_effects=HALO, zorder=Z_FURNITURE)


LABEL_OFFSETS = ((7, 5), (7, -11), (-7, 5), (-7, -11))  # points: right above, right below, left…
LABEL_WRAP = 30  # characters per line of a long name


def _label_box(px: float, py: float, dx: float, dy: float, width: float, height: float) -> tuple[float, ...]:
    left = px + dx if dx > 0 else px + dx - width
    bottom = py + dy if dy > 0 else py + dy - height + 8
    return (left, bottom, left + width, bottom + height)


def draw_labels(ax: Axes, labels: Sequence[tuple[str, float, float, bool]], view: View) -> None:
    """Names beside a few points (``(text, lon, lat, emphasised)``, emphasised first), with a white halo.

    Each label takes the first of four places beside its point that stays inside the map and
    overlaps no label already set; a plain label with no such place is left out, the emphasised
    one never is. Long names wrap.
    """
    if not labels:
        return
    ordered = sorted(labels, key=lambda lab: not lab[3])
    xs, ys = project([lab[1] for lab in ordered], [lab[2] for lab in ordered])
    taken: list[tuple[float, ...]] = []
    for (name, _, _, strong), x, y in zip(ordered, xs, ys, strict=True):
        text = textwrap.fill(name, LABEL_WRAP)
        lines = text.split("\n")
        size = 7.0 if strong else 6.0
        width = max(len(line) for line in lines) * size * (0.62 if strong else 0.56)
        height = len(lines) * size * 1.2
        px, py = (x - view.extent[0]) / view.units_per_pt, (y - view.extent[1]) / view.units_per_pt
        choice = None
        for dx, dy in LABEL_OFFSETS:
            box = _label_box(px, py, dx, dy, width, height)
            inside = box[0] >= 0 and box[2] <= view.width_pt and box[1] >= 0 and box[3] <= view.height_pt
            free = not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken)
            if inside and free:
                choice = (dx, dy, box)
                break
        if choice is None:
            if not strong:
                continue
            dx, dy = LABEL_OFFSETS[0] if px + width + 7 <= view.width_pt else LABEL_OFFSETS[2]
            choice = (dx, dy, _label_box(px, py, dx, dy, width, height))
        dx, dy, box = choice
        taken.append(box)
        ax.annotate(text, (float(x), float(y)), xytext=(dx, dy), textcoords="offset points", fontsize=size,
                    ha="left" if dx > 0 else "right", va="bottom" if dy > 0 else "top",
                    fontweight="bold" if strong else "normal", color=INK, path_effects=HALO, zorder=Z_LABEL,
                    annotation_clip=True)
