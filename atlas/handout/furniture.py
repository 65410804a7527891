"""Map furniture of a static map: basemap, graticule, scale bar, north arrow, legend and labels."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.patches import Polygon, Rectangle

from atlas.handout.basemap import Basemap
from atlas.handout.view import View, graticule_step, ground_distance_m, nice_length_km, project, unproject

SEA_COLOR = "#d6dde1"  # close to the web's light grey canvas
LAND_COLOR = "#f4f4f1"
WATER_LINE = "#9fb3c2"
PLAIN_BACKGROUND = "#fbfbfa"  # no basemap: a plain sheet
GRID_COLOR = "#8a8a8a"
INK = "#1a1a1a"
Z_BASE, Z_GRID, Z_LABEL, Z_FURNITURE = 0, 1, 20, 30
HALO = [patheffects.withStroke(linewidth=2.2, foreground="#ffffff")]


def draw_basemap(ax: Axes, basemap: Basemap) -> None:
    """Land on a sea-coloured background, then lakes and rivers; a plain sheet when there is none."""
    ax.set_facecolor(SEA_COLOR if "land" in basemap.layers else PLAIN_BACKGROUND)
    for name, series in basemap.layers.items():
        if name == "land":
            series.plot(ax=ax, color=LAND_COLOR, edgecolor="#b9c2c7", linewidth=0.3, aspect=None, zorder=Z_BASE)
        elif name == "lakes":
            series.plot(ax=ax, color=SEA_COLOR, edgecolor=WATER_LINE, linewidth=0.3, aspect=None, zorder=Z_BASE + 0.1)
        elif name == "rivers":
            series.plot(ax=ax, color=WATER_LINE, linewidth=0.5, aspect=None, zorder=Z_BASE + 0.2)


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


def draw_labels(ax: Axes, labels: Sequence[tuple[str, float, float, bool]], view: View) -> None:
    """Names beside a few points (``(text, lon, lat, emphasised)``), with a white halo."""
    if not labels:
        return
    xs, ys = project([lab[1] for lab in labels], [lab[2] for lab in labels])
    for (text, _, _, strong), x, y in zip(labels, xs, ys, strict=True):
        ax.annotate(text, (float(x), float(y)), xytext=(7, 5), textcoords="offset points", fontsize=7 if strong else 6,
                    fontweight="bold" if strong else "normal", color=INK, path_effects=HALO, zorder=Z_LABEL,
                    annotation_clip=True)
