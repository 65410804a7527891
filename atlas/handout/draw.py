"""Drawing one date's features on a matplotlib axes, in the web map's symbols.

Order and z-levels follow the web map: axis lines, then arrowheads and schematic lines, then the
markers in the order the day's frame lists them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Circle
from matplotlib.transforms import Affine2D

from atlas.handout import glyphs, style
from atlas.handout.view import View, project

Z_RING, Z_LINE, Z_ARROW, Z_MARKER = 3, 4, 5, 10
MARKER_EDGE_PX = 2.2  # the web markers' stroke width
INK_PX = 1.6  # the anchor and parachute glyph's stroke
CROSS_PX = 2.2
ARROW_BOX_PX = glyphs.BOX  # arrow paths are in web pixels already
HEAD_GAP_PX = 8  # the web's ARROW_GAPS: behind a head marker, at the tip of a line
LINE_TIP_GAP_PX = -6


def line_kwargs(path_style: Mapping[str, Any], view: View) -> dict[str, Any]:
    """matplotlib line options from a Leaflet path style (colour, weight, opacity, dashArray, lineCap)."""
    width = view.px(float(path_style.get("weight", 3)))
    kwargs: dict[str, Any] = {"color": path_style.get("color", style.NEUTRAL_COLOR), "linewidth": width,
                              "alpha": float(path_style.get("opacity", 1.0))}
    cap = "round" if path_style.get("lineCap") == "round" else "butt"
    dashes = style.dash_pattern(path_style.get("dashArray"))
    if dashes:
        # Leaflet's dash lengths are pixels, not multiples of the width: unscaled (see staticmap's rc).
        kwargs.update(linestyle=(0, tuple(view.px(d) for d in dashes)), dash_capstyle=cap)
    else:
        kwargs.update(linestyle="-", solid_capstyle=cap)
    return kwargs


def draw_axes(ax: Axes, segments: Sequence[Any], view: View) -> None:
    """Each army's axis on the date: merged stretches in the front's colour, pattern and state."""
    for _, front, state, coords in style.merge_segments(segments):
        xs, ys = project([c[0] for c in coords], [c[1] for c in coords])
        ax.plot(xs, ys, zorder=Z_LINE, **line_kwargs(style.segment_style(front, state), view))


def draw_arrow(ax: Axes, lon: float, lat: float, bearing: float, color: str, faded: bool, gap_px: float,
               view: View) -> None:
    """An arrowhead pointing ``bearing`` (degrees clockwise from north, as on the screen)."""
    path = glyphs.arrow_path(gap_px)
    marker = MarkerStyle(path, transform=Affine2D().rotate_deg(-bearing))
    size = glyphs.marker_size_pt(path, ARROW_BOX_PX, view.pt_per_px)
    x, y = project([lon], [lat])
    ax.scatter(x, y, s=size ** 2, marker=marker, c=color, edgecolors="#ffffff", linewidths=view.px(1),
               alpha=0.5 if faded else 1.0, zorder=Z_ARROW)


def draw_heads(ax: Axes, heads: Sequence[Any], view: View) -> None:
    """The arrowhead at the far end of each axis."""
    for head in heads:
        color = style.FRONT_COLOR.get(head.front, style.NEUTRAL_COLOR)
        draw_arrow(ax, head.point[0], head.point[1], head.bearing, color, head.state == "under_way", HEAD_GAP_PX, view)


def draw_lines(ax: Axes, lines: Sequence[tuple[Mapping[str, Any], str, Any]], view: View) -> list[str]:
    """Features that are lines (attack directions, routes): the line and an arrowhead at its end."""
    from atlas.timeline import mercator_bearing

    drawn = []
    for props, phase, geometry in lines:
        path_style = style.line_style(props, phase)
        parts = list(geometry.geoms) if geometry.geom_type.startswith("Multi") else [geometry]
        for part in parts:
            coords = list(part.coords)
            xs, ys = project([c[0] for c in coords], [c[1] for c in coords])
            ax.plot(xs, ys, zorder=Z_LINE, **line_kwargs(path_style, view))
        coords = list(parts[-1].coords)
        if len(coords) >= 2:
            draw_arrow(ax, coords[-1][0], coords[-1][1], mercator_bearing(coords[-2], coords[-1]),
                       path_style["color"], False, LINE_TIP_GAP_PX, view)
        drawn.append(str(props["id"]))
    return drawn


@dataclass
class _Batch:
    """Markers of one shape and size, drawn as one collection (one artist per marker is 10x slower)."""

    path: Any
    size_pt: float
    zorder: float
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)
    faces: list[tuple[float, float, float, float]] = field(default_factory=list)
    edges: list[tuple[float, float, float, float]] = field(default_factory=list)
    styles: list[Any] = field(default_factory=list)

    def add(self, x: float, y: float, face: str, edge: str, alpha: float, line: Any = "solid") -> None:
        self.xs.append(x)
        self.ys.append(y)
        self.faces.append(to_rgba(face, alpha) if face != "none" else (0.0, 0.0, 0.0, 0.0))
        self.edges.append(to_rgba(edge, alpha))
        self.styles.append(line)

    def draw(self, ax: Axes, width_pt: float) -> None:
        ax.scatter(self.xs, self.ys, s=self.size_pt ** 2, marker=MarkerStyle(self.path), facecolors=self.faces,
                   edgecolors=self.edges, linewidths=width_pt, linestyles=self.styles, zorder=self.zorder)


def _marker_batches(looks: Sequence[tuple[style.MarkerLook, float, float]], view: View) -> list[tuple[_Batch, float]]:
    """Outline, glyph and cross batches of every marker: ``(batch, line width in points)``."""
    batches: dict[tuple[str, str, float], tuple[_Batch, float]] = {}

    def batch(kind: str, path: Any, box_px: float, zorder: float, width_px: float) -> _Batch:
        key = (kind, str(id(path)), box_px)
        if key not in batches:
            batches[key] = (_Batch(path, glyphs.marker_size_pt(path, box_px, view.pt_per_px), zorder),
                            view.px(width_px))
        return batches[key][0]

    dashed = (0, (view.px(3), view.px(2)))
    for look, x, y in looks:
        alpha = style.FADED_ALPHA if look.faded else 1.0
        fill = look.color if look.filled else style.HOLLOW_FILL
        path = glyphs.shape_path(look.shape)
        batch("outline", path, look.size_px, Z_MARKER, MARKER_EDGE_PX).add(
            x, y, fill, look.color, alpha, dashed if look.dashed else "solid")
        ink = glyphs.ink_path(look.shape)
        if ink is not None:
            ink_color = "#ffffff" if fill != style.HOLLOW_FILL else look.color
            batch("ink", ink, look.size_px, Z_MARKER + 0.1, INK_PX).add(x, y, "none", ink_color, alpha)
        if look.crossed:
            batch("cross", glyphs.cross_path(), look.size_px, Z_MARKER + 0.2, CROSS_PX).add(
                x, y, "none", style.CROSS_COLOR, alpha)
    return list(batches.values())


def draw_figures(ax: Axes, figures: Sequence[tuple[style.MarkerLook, float, float]], view: View) -> None:
    """Proportional discs of regional figures: translucent fill, solid rim, largest drawn first."""
    if not figures:
        return
    ordered = sorted(figures, key=lambda f: -f[0].size_px)
    sizes = [view.px(f[0].size_px) ** 2 for f in ordered]
    xs, ys = [f[1] for f in ordered], [f[2] for f in ordered]
    faces = [to_rgba(f[0].color, style.FIGURE_FILL_ALPHA) for f in ordered]
    edges = [to_rgba(f[0].color) for f in ordered]
    ax.scatter(xs, ys, s=sizes, marker="o", facecolors=faces, edgecolors=edges, linewidths=view.px(1.5),
               zorder=Z_MARKER - 0.5)


def draw_rings(ax: Axes, rings: Sequence[tuple[style.MarkerLook, float, float, float]], view: View) -> None:
    """Dashed circles of estimated or region-wide positions (radius = uncertainty), one collection."""
    if not rings:
        return
    circles = [Circle((x, y), view.mercator_radius(look.ring_m, lat)) for look, x, y, lat in rings]
    ax.add_collection(PatchCollection(
        circles, facecolors=[to_rgba(look.color, 0.06) for look, *_ in rings],
        edgecolors=[to_rgba(look.color) for look, *_ in rings], linewidths=view.px(1.5),
        linestyles=[(0, (view.px(6), view.px(6)))] * len(rings), zorder=Z_RING), autolim=False)


def draw_points(ax: Axes, points: Sequence[tuple[Mapping[str, Any], str, float, float]], view: View,
                offsets: Mapping[str, tuple[int, int]], largest: Mapping[str, float]) -> list[str]:
    """Every point feature of the date (``(props, phase, lon, lat)`` in draw order); their ids."""
    if not points:
        return []
    xs, ys = project([p[2] for p in points], [p[3] for p in points])
    rings: dict[tuple[float, float, float], tuple[style.MarkerLook, float, float, float]] = {}
    markers: list[tuple[style.MarkerLook, float, float]] = []
    figures: list[tuple[style.MarkerLook, float, float]] = []
    drawn = []
    for (props, phase, _, lat), x, y in zip(points, xs, ys, strict=True):
        look = style.marker_look(props, phase, largest)
        fid = str(props["id"])
        if look.ring_m:  # one circle per shared estimate, as on the web
            rings.setdefault((float(x), float(y), look.ring_m), (look, float(x), float(y), lat))
        dx, dy = offsets.get(fid, (0, 0))
        mx, my = view.shift(float(x), float(y), dx, dy)
        (figures if look.shape == "figure" else markers).append((look, mx, my))
        drawn.append(fid)
    draw_rings(ax, list(rings.values()), view)
    draw_figures(ax, figures, view)
    for batch, width in _marker_batches(markers, view):
        batch.draw(ax, width)
    return drawn
