"""How features look: front colour, kind shape, certainty fill, phase, accuracy ring."""

import datetime as dt

import pytest

from atlas.load import load_atlas
from atlas.map import symbology
from atlas.timeline import mercator_bearing
from tests.unit.map_support import layer_on, markers


@pytest.fixture
def loaded(package):
    atlas = load_atlas(package)
    assert atlas.problems == ()
    return atlas.layers["offensive"].frame, atlas.axes


def test_styles_encode_front_kind_certainty_and_estimated_position(loaded):
    frame, axes = loaded
    props = markers(layer_on(frame, axes, dt.date(1945, 8, 16)))
    alpha, beta = props["obj-alpha"], props["start-beta"]
    assert symbology.FRONT_COLOR["far_eastern_1"] in alpha["svg"] and "<circle" in alpha["svg"]
    assert beta["color"] == symbology.FRONT_COLOR["transbaikal"] and "<rect" in beta["svg"]
    assert 'fill="#ffffff"' in beta["svg"]  # disputed date -> hollow
    assert 'opacity="0.5"' in beta["svg"]  # under way on 16 Aug
    assert beta["ring"] == 50_000 and "ring" not in alpha  # estimated -> ring of its accuracy
    assert symbology.JAPANESE_COLOR in props["fr-delta"]["svg"] and "stroke-dasharray" not in props["fr-delta"]["svg"]
    assert "stroke-dasharray" in props["hq-eps"]["svg"]  # fate unknown -> dashed outline
    fallen = markers(layer_on(frame, axes, dt.date(1945, 8, 19)))["fr-delta"]["svg"]
    assert 'stroke="#1a1a1a"' in fallen and 'opacity="0.5"' in fallen  # crossed out and faded


@pytest.mark.parametrize(("shape", "tag"), [("circle", "<circle"), ("square", "<rect"), ("triangle", "<polygon"),
                                            ("diamond", "<polygon"), ("star", "<polygon"), ("fort", "<path"),
                                            ("anchor", "<path"), ("parachute", "<path")])
def test_marker_svg_shapes(shape, tag):
    svg = symbology.marker_svg(shape, "#000000", True, 16)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"') and tag in svg


def test_mercator_bearing_points_the_right_way():
    assert mercator_bearing((120.0, 45.0), (120.0, 46.0)) == pytest.approx(0)
    assert mercator_bearing((120.0, 45.0), (121.0, 45.0)) == pytest.approx(90)
    assert mercator_bearing((120.0, 45.0), (119.0, 45.0)) == pytest.approx(270)
    # one degree east and one north at 45°N is steeper than 45° on a Mercator map
    assert mercator_bearing((120.0, 45.0), (121.0, 46.0)) < 45


@pytest.mark.parametrize(("bearing", "direction"), [(0, (0, -1)), (90, (1, 0)), (180, (0, 1)), (270, (-1, 0))])
def test_arrowheads_point_along_their_bearing(bearing, direction):
    """The tip is the polygon's first point; turned about the centre by the bearing, it must lie
    further along the bearing than the base's middle (the notch, its third point)."""
    import math
    import re

    svg = symbology.arrow_svg("#000000", bearing, False, size=44, gap=8)
    (points,) = re.findall(r'points="([^"]+)"', svg)
    (tip_x, tip_y), _, (notch_x, notch_y), _ = [tuple(map(float, p.split(","))) for p in points.split()]
    assert f'transform="rotate({bearing:.1f} 22.0 22.0)"' in svg  # one turn about the centre, nothing else

    def turned(x, y):
        a = math.radians(bearing)
        dx, dy = x - 22, y - 22
        return dx * math.cos(a) - dy * math.sin(a), dx * math.sin(a) + dy * math.cos(a)

    (tx, ty), (nx, ny) = turned(tip_x, tip_y), turned(notch_x, notch_y)
    assert (tx - nx) * direction[0] + (ty - ny) * direction[1] > 0  # the tip leads: screen y grows downwards
