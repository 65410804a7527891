"""A static map of one page's layer on one date: what the web map draws, as a PNG image.

The features are chosen exactly as the web map chooses them (:func:`day_features`: the same
``timeline.on_date`` + ``split_placed`` + ``axis_geometry``) and drawn in its symbols (through
:mod:`atlas.handout.style`), in Web Mercator, over the offline basemap when there is one. No
browser and no tiles: matplotlib's Agg renderer, on a figure that never touches pyplot's state,
one map at a time (see ``DRAWING``).
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image

from atlas import scene, timeline
from atlas.handout import draw, furniture, legend, style
from atlas.handout.basemap import basemap_dir, load_basemap
from atlas.handout.view import fit_view, project
from atlas.pages import MAP_PAGES
from atlas.paths import geodata_dir
from atlas.popups import clean_properties, text

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
DEFAULT_SIZE_MM = (180.0, 112.0)
DEFAULT_DPI = 150  # enough for print at this size; the PNG stays around 150-300 kB
PT_PER_PX = 0.55  # one web-map pixel in printed points: a 1000-px-wide web map fits 180 mm
PNG_COMPRESSION = 6  # zlib level: 9 saves 6 % of the bytes for 7x the time (measured on 5 story maps)
MIN_MAP_SHARE = 0.55  # the legend band never takes more than 45 % of the image
PALETTE_COLORS = 256  # a palette PNG: flat map colours survive, the file is 3.1x smaller than RGB (5 story maps)
LABEL_KINDS = frozenset({"place", "port"})  # named on the printed map (the web map names them on hover)
# matplotlib's settings and caches are process-wide and Streamlit serves sessions in threads: one
# map is drawn at a time (a story's maps are drawn once per language and data version anyway).
DRAWING = threading.Lock()
RC = {"lines.scale_dashes": False,  # Leaflet's dash lengths are pixels, not multiples of the line width
      "font.family": "DejaVu Sans", "path.simplify": True}


@dataclass(frozen=True)
class DayFeatures:
    """What the web map draws for a page on a date (see :func:`atlas.scene.scene_layer`)."""

    frame: gpd.GeoDataFrame  # the whole layer
    placed: gpd.GeoDataFrame  # the day's features that have a place, in draw order
    segments: list[timeline.Segment]
    heads: list[timeline.Head]


@dataclass(frozen=True)
class StaticMap:
    """A rendered map: the PNG, the ids of the features drawn on it, and how it was made."""

    png: bytes
    drawn_ids: frozenset[str]
    width_px: int
    height_px: int
    basemap: bool  # False: the basemap files were missing and the map has a plain background
    scale_km: float  # the length of the scale bar


def day_features(atlas: Any, page: str, day: dt.date) -> DayFeatures:
    """The web map's selection for ``page`` on ``day``, step for step as ``scene.scene_layer``."""
    frame = scene.page_frame(atlas, page)
    shown = timeline.on_date(frame, day, atlas.axes)
    placed, _ = timeline.split_placed(shown)
    segments, heads = timeline.axis_geometry(shown, frame, atlas.axes)
    return DayFeatures(frame, placed, segments, heads)


def _split(placed: gpd.GeoDataFrame) -> tuple[list[tuple[dict[str, Any], str, float, float]],
                                             list[tuple[dict[str, Any], str, Any]]]:
    """(points as (props, phase, lon, lat), lines as (props, phase, geometry)), in frame order."""
    points, lines = [], []
    for row in placed.to_dict("records"):
        props = clean_properties(row)
        phase = str(row.get("phase") or "done")
        geometry = row["geometry"]
        if geometry.geom_type == "Point":
            points.append((props, phase, float(geometry.x), float(geometry.y)))
        else:
            lines.append((props, phase, geometry))
    return points, lines


def _labels(points: Sequence[tuple[dict[str, Any], str, float, float]], focus: str,
            lang: str) -> list[tuple[str, float, float, bool]]:
    out = []
    for props, _, lon, lat in points:
        if props["id"] == focus or props.get("kind") in LABEL_KINDS:
            name = text(props, "name", lang)
            if name:
                out.append((name, lon, lat, props["id"] == focus))
    return out


Seen = Callable[[Sequence[Sequence[float]]], bool]


def _inside(extent: Sequence[float]) -> Seen:
    """A test of whether a point or line (as (lon, lat) pairs) may show in a Web Mercator extent:
    its bounding box overlaps the extent (a line crossing the view counts)."""
    x0, y0, x1, y1 = extent

    def seen(coords: Sequence[Sequence[float]]) -> bool:
        xs, ys = project([c[0] for c in coords], [c[1] for c in coords])
        return bool(xs.min() <= x1 and xs.max() >= x0 and ys.min() <= y1 and ys.max() >= y0)

    return seen


def _visible(bounds: Sequence[Sequence[float]], width_pt: float, height_pt: float) -> Seen:
    """A test of whether a (lon, lat) can be on the map, for any legend band up to 45 % of the height.

    The fitted view only grows in one direction as the map gets lower, so the union of the views at
    the full height and at 55 % of it holds every view in between.
    """
    extents = [fit_view(bounds, width_pt, height_pt * share, PT_PER_PX).extent for share in (1.0, MIN_MAP_SHARE)]
    return _inside((min(e[0] for e in extents), min(e[1] for e in extents),
                    max(e[2] for e in extents), max(e[3] for e in extents)))


def _legend(features: DayFeatures, points: Sequence[tuple[dict[str, Any], str, float, float]],
            lines: Sequence[tuple[dict[str, Any], str, Any]], page: str, lang: str,
            seen: Seen) -> list[Any]:
    """Legend entries for what ``seen`` accepts: axes, line features and markers in the view."""
    fronts = list(dict.fromkeys(seg.front for seg in features.segments if seen((seg.start, seg.end))))
    return legend.legend_entries(
        MAP_PAGES[page].legend, lang, [(p, phase) for p, phase, lon, lat in points if seen(((lon, lat),))],
        [p for p, _, geometry in lines if seen(shapely.get_coordinates(geometry).tolist())], fronts,
        fit_view([[0, 0], [1, 1]], 1, 1, PT_PER_PX))


def _png(figure: Figure) -> tuple[bytes, tuple[int, int]]:
    """The figure as a palette PNG (drawn once to the Agg buffer; no intermediate PNG)."""
    canvas = figure.canvas
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    packed = io.BytesIO()
    image.convert("RGB").quantize(PALETTE_COLORS, method=Image.Quantize.FASTOCTREE).save(
        packed, format="PNG", compress_level=PNG_COMPRESSION)
    return packed.getvalue(), image.size


def render_map(atlas: Any, page: str, day: dt.date, lang: str, *, focus: str = "",
               bounds: Sequence[Sequence[float]] | None = None, geodata: Path | None = None,
               size_mm: tuple[float, float] = DEFAULT_SIZE_MM, dpi: int = DEFAULT_DPI,
               with_legend: bool = True) -> StaticMap:
    """The map of ``page`` on ``day``: the web map's features and view, scale bar, north arrow, legend.

    ``bounds`` ([[south, west], [north, east]]) defaults to the page's first view around ``focus``
    (as the story shows it); ``geodata`` is the data folder whose ``basemap/`` is drawn underneath.
    """
    features = day_features(atlas, page, day)
    width_pt, height_pt = (v / MM_PER_INCH * PT_PER_INCH for v in size_mm)
    points, lines = _split(features.placed)
    bounds = bounds or scene.view_bounds(atlas, page, focus)
    # The legend names what can be seen in the view, whatever height its band leaves the map; once
    # the view is known, it is redrawn (in the same band) if fewer things are in sight.
    entries = _legend(features, points, lines, page, lang, _visible(bounds, width_pt, height_pt)) \
        if with_legend else []
    largest = style.proportional_scale(features.frame)
    with DRAWING, rc_context(RC):
        figure = Figure(figsize=(size_mm[0] / MM_PER_INCH, size_mm[1] / MM_PER_INCH), dpi=dpi)
        FigureCanvasAgg(figure)
        figure.set_facecolor("#ffffff")
        band_pt, band = legend.draw_band(figure, entries, width_pt, height_pt) if entries else (0.0, None)
        band_pt = min(band_pt, height_pt * (1 - MIN_MAP_SHARE))
        map_pt = height_pt - band_pt
        view = fit_view(bounds, width_pt, map_pt, PT_PER_PX)
        if band is not None:
            final = _legend(features, points, lines, page, lang, _inside(view.extent))
            if [label for _, label in final] != [label for _, label in entries]:
                band.remove()
                legend.draw_band(figure, final, width_pt, height_pt)
        pixel_m = (view.extent[2] - view.extent[0]) / (size_mm[0] / MM_PER_INCH * dpi)
        basemap = load_basemap(basemap_dir(geodata or geodata_dir()), view.extent, pixel_m)
        ax = figure.add_axes((0, band_pt / height_pt, 1, map_pt / height_pt))
        ax.set_autoscale_on(False)
        furniture.draw_basemap(ax, basemap)
        ax.add_patch(Rectangle((0, 0), 1, 1, transform=ax.transAxes, facecolor=ax.get_facecolor(),
                               edgecolor="none", zorder=-1))
        x0, y0, x1, y1 = view.extent
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("auto")
        ax.set_axis_off()
        furniture.draw_graticule(ax, view)
        draw.draw_axes(ax, features.segments, view)
        drawn = draw.draw_lines(ax, lines, view)
        draw.draw_heads(ax, features.heads, view)
        drawn += draw.draw_points(ax, points, view, style.fan_offsets(features.frame), largest)
        furniture.draw_labels(ax, _labels(points, focus, lang), view)
        scale_km = furniture.draw_scale_bar(ax, view)
        furniture.draw_north_arrow(ax, view)
        ax.add_patch(Rectangle((0, 0), 1, 1, transform=ax.transAxes, facecolor="none", edgecolor="#444444",
                               linewidth=0.6, zorder=furniture.Z_FURNITURE, clip_on=False))
        ax.set_xlim(x0, x1)  # geopandas may have touched the limits
        ax.set_ylim(y0, y1)
        png, (width_px, height_px) = _png(figure)
    return StaticMap(png, frozenset(drawn), width_px, height_px, not basemap.empty, scale_km)
