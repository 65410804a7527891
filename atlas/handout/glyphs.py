"""The web map's SVG marker shapes as matplotlib marker paths.

Each shape is drawn in the web marker's own box (22 units, y up, centred on the point) from the
same coordinates as :func:`atlas.map.symbology._glyph`, so the printed marker has the web marker's
proportions. matplotlib rescales a custom marker so that its largest coordinate is half the marker
size: :func:`marker_size_pt` gives the size that keeps the web proportions.
"""

from __future__ import annotations

import math
from functools import cache

from matplotlib.path import Path

BOX = 22.0  # the glyphs are defined in a 22-unit box, as the web's anchor and parachute glyphs are
HALF = BOX / 2
KAPPA = 0.5523  # cubic Bezier handle length of a quarter circle


def _pt(x: float, y: float) -> tuple[float, float]:
    """SVG box coordinates (y down, origin top left) -> marker coordinates (y up, centred)."""
    return x - HALF, HALF - y


def _polygon(points: list[tuple[float, float]]) -> Path:
    verts = [_pt(x, y) for x, y in points]
    return Path([*verts, verts[0]], [Path.MOVETO, *[Path.LINETO] * (len(verts) - 1), Path.CLOSEPOLY])


def _circle(cx: float, cy: float, r: float) -> Path:
    x, y = _pt(cx, cy)
    return Path.circle((x, y), r)


@cache
def shape_path(shape: str) -> Path:
    """The outline of a marker shape (circle, square, triangle, diamond, star, fort, disc)."""
    s, m = BOX, HALF
    if shape == "square":
        return _polygon([(2, 2), (s - 2, 2), (s - 2, s - 2), (2, s - 2)])
    if shape == "triangle":
        return _polygon([(m, 2), (s - 2, s - 2), (2, s - 2)])
    if shape == "diamond":
        return _polygon([(m, 1), (s - 1, m), (m, s - 1), (1, m)])
    if shape == "star":
        points = []
        for i in range(10):
            r = (m - 1) if i % 2 == 0 else (m - 1) * 0.45
            angle = math.pi / 5 * i - math.pi / 2
            points.append((m + r * math.cos(angle), m + r * math.sin(angle)))
        return _polygon(points)
    if shape == "fort":  # a crenellated wall
        return _polygon([(3, 19), (3, 8), (6, 8), (6, 4), (9, 4), (9, 8), (13, 8), (13, 4), (16, 4), (16, 8),
                         (19, 8), (19, 19)])
    if shape in ("anchor", "parachute"):
        return _circle(m, m, m - 1.5)  # the disc; the glyph is drawn on it (see :func:`ink_path`)
    return _circle(m, m, m - 2)  # circle and anything unknown


@cache
def ink_path(shape: str) -> Path | None:
    """The white line glyph drawn on the disc of an anchor or parachute marker (None for others)."""
    verts: list[tuple[float, float]] = []
    codes: list[int] = []

    def move(x: float, y: float) -> None:
        verts.append(_pt(x, y))
        codes.append(Path.MOVETO)

    def line(x: float, y: float) -> None:
        verts.append(_pt(x, y))
        codes.append(Path.LINETO)

    def curve(*xy: float) -> None:  # cubic: two handles and the end point
        for i in range(0, len(xy), 2):
            verts.append(_pt(xy[i], xy[i + 1]))
            codes.append(Path.CURVE4)

    if shape == "anchor":
        ring = Path.circle(_pt(11, 5), 1.8)
        move(11, 7), line(11, 18)
        move(7, 9.5), line(15, 9.5)
        move(5.5, 13)
        curve(7.5, 18.5, 14.5, 18.5, 16.5, 13)  # the web's quadratic Q11,21 as a cubic
        return Path.make_compound_path(ring, Path(verts, codes))
    if shape == "parachute":
        move(4, 10)
        curve(4, 10 - 6 * KAPPA, 11 - 7 * KAPPA, 4, 11, 4)
        curve(11 + 7 * KAPPA, 4, 18, 10 - 6 * KAPPA, 18, 10)
        line(4, 10)
        move(4, 10), line(11, 17), line(18, 10)
        move(11, 10), line(11, 17)
        move(9.5, 16.5), line(12.5, 16.5), line(12.5, 19.5), line(9.5, 19.5), line(9.5, 16.5)
        return Path(verts, codes)
    return None


@cache
def cross_path() -> Path:
    """The dark cross over a fallen fortified region or ceased HQ (corner to corner, 3 units in)."""
    a, b = _pt(3, 3), _pt(BOX - 3, BOX - 3)
    c, d = _pt(BOX - 3, 3), _pt(3, BOX - 3)
    return Path([a, b, c, d], [Path.MOVETO, Path.LINETO, Path.MOVETO, Path.LINETO])


@cache
def arrow_path(gap: float) -> Path:
    """An arrowhead pointing north (up), its tip ``gap`` units south of the point (behind a head
    marker), 13 long and 14 wide with a notch, as the web's arrowhead.

    A negative ``gap`` puts the tip beyond the point (the end of an attack line).
    """
    tip = -gap
    base = tip - 13
    verts = [(0.0, tip), (7.0, base), (0.0, base + 4), (-7.0, base), (0.0, tip)]
    # A symmetric dummy extent is not needed: marker_size_pt measures the real extent.
    return Path(verts, [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY])


def extent(path: Path) -> float:
    """The largest absolute coordinate of a path (what matplotlib rescales a marker by)."""
    return float(abs(path.vertices).max())


def marker_size_pt(path: Path, box_px: float, pt_per_px: float) -> float:
    """The matplotlib marker size (points) that draws ``path`` at the scale of a ``box_px`` web marker."""
    return 2 * extent(path) * (box_px / BOX) * pt_per_px
