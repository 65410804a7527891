"""Static maps for the handouts: the same features, symbols and view as the web map, never failing."""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from atlas import scene
from atlas.handout import style
from atlas.handout.basemap import load_basemap
from atlas.handout.staticmap import render_map
from atlas.handout.view import fit_view, graticule_step, nice_length_km, project
from atlas.load import load_atlas
from atlas.map import symbology as maps
from atlas.pages import MAP_PAGES
from atlas.paths import DEFAULT_GEODATA_DIR
from atlas.popups import clean_properties
from atlas.timeline import on_date, split_placed

HANDOUT = Path(__file__).resolve().parents[2] / "atlas" / "handout"


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(DEFAULT_GEODATA_DIR)


def web_ids(atlas, page: str, day: dt.date) -> set[str]:
    """Ids of the features the web map's layer holds on ``day`` (axis lines and arrowheads aside)."""
    data = scene.layer_data(atlas, page, day, "en")
    return {f["properties"]["id"] for f in data["features"] if f["properties"]["kind"] not in {"axis", "arrow"}}


def selected_ids(atlas, page: str, day: dt.date) -> set[str]:
    frame = scene.page_frame(atlas, page)
    placed, _ = split_placed(on_date(frame, day, atlas.axes))
    return set(placed["id"])


def test_the_map_of_each_story_step_draws_exactly_the_web_maps_features(atlas, tmp_path):
    assert atlas.story
    for step in atlas.story:
        day = scene.parse_date(step.page, step.date)
        drawn = render_map(atlas, step.page, day, "en", focus=step.focus, geodata=tmp_path, dpi=60)
        assert drawn.drawn_ids == selected_ids(atlas, step.page, day) == web_ids(atlas, step.page, day), step.step
        assert drawn.drawn_ids, step.step  # every step shows something


def test_the_map_of_any_date_matches_the_web_map(atlas, tmp_path):
    for page, day in (("offensive", dt.date(1945, 8, 9)), ("dongning", dt.date(1945, 8, 15)),
                      ("captivity", dt.date(1953, 3, 31))):
        drawn = render_map(atlas, page, day, "es", geodata=tmp_path, dpi=60)
        assert drawn.drawn_ids == web_ids(atlas, page, day)


def test_marker_states_are_the_web_markers_states(atlas):
    """Colour, fill, fading, dashes and crosses read from the web's own SVG for every feature and phase."""
    checked = 0
    for layer in atlas.layers.values():
        placed, _ = split_placed(layer.frame)
        for row in placed[placed.geometry.geom_type == "Point"].to_dict("records"):
            props = clean_properties(row)
            if props["kind"] == "region_figure":
                continue
            for phase in maps.PHASES_BY_KIND.get(props["kind"], ("done", "under_way", "date_unknown")):
                svg = maps.feature_style(props, phase)["icon"]
                look = style.marker_look(props, phase, {})
                assert f'stroke="{look.color}"' in svg
                assert (f'fill="{look.color}"' in svg) == look.filled or look.color == style.HOLLOW_FILL
                assert ('opacity="0.5"' in svg) == look.faded
                assert ('stroke-dasharray="3 2"' in svg) == look.dashed
                assert ('<path d="M3 3 L' in svg) == look.crossed
                checked += 1
    assert checked > 500


def test_the_png_has_the_requested_size_and_stays_small(atlas, tmp_path):
    drawn = render_map(atlas, "offensive", dt.date(1945, 9, 2), "en", geodata=tmp_path, size_mm=(180, 120), dpi=150)
    image = Image.open(io.BytesIO(drawn.png))
    assert image.format == "PNG" and image.size == (drawn.width_px, drawn.height_px)
    assert abs(drawn.width_px - 1063) <= 1 and abs(drawn.height_px - 709) <= 1  # 180 x 120 mm at 150 dpi
    assert len(drawn.png) < 400_000
    assert drawn.scale_km > 0 and not drawn.basemap


def write_basemap(folder: Path) -> None:
    (folder / "basemap").mkdir()
    land = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {
        "type": "Polygon", "coordinates": [[[110, 35], [140, 35], [140, 55], [110, 55], [110, 35]]]}}]}
    river = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {
        "type": "LineString", "coordinates": [[120, 50], [125, 46], [131, 47]]}}]}
    (folder / "basemap" / "land.geojson").write_text(json.dumps(land), encoding="utf-8")
    (folder / "basemap" / "rivers.geojson").write_text(json.dumps(river), encoding="utf-8")


def test_a_basemap_is_drawn_when_present_and_clipped_to_the_view(atlas, tmp_path):
    write_basemap(tmp_path)
    drawn = render_map(atlas, "offensive", dt.date(1945, 8, 9), "en", geodata=tmp_path, dpi=60)
    assert drawn.basemap
    view = fit_view([list(c) for c in MAP_PAGES["offensive"].bounds], 500, 300, 0.5)
    base = load_basemap(tmp_path / "basemap", view.extent)
    assert set(base.layers) == {"land", "rivers"}
    west, south, east, north = base.layers["land"].total_bounds
    assert west >= view.extent[0] - 1 and east <= view.extent[2] + 1 and north <= view.extent[3] + 1


def test_a_broken_or_missing_basemap_never_stops_a_map(atlas, tmp_path):
    (tmp_path / "basemap").mkdir()
    (tmp_path / "basemap" / "land.geojson").write_text("{not json", encoding="utf-8")
    drawn = render_map(atlas, "dongning", dt.date(1945, 8, 20), "en", geodata=tmp_path, dpi=60)
    assert not drawn.basemap and drawn.drawn_ids


def test_the_view_holds_the_bounds_at_the_frames_shape():
    bounds = [[38.5, 113.0], [53.5, 135.5]]
    view = fit_view(bounds, 510, 300, 0.55)
    x0, y0, x1, y1 = view.extent
    xs, ys = project([113.0, 135.5], [38.5, 53.5])
    assert x0 <= xs[0] and xs[1] <= x1 and y0 <= ys[0] + 1e-6 and ys[1] <= y1 + 1e-6
    assert (x1 - x0) / (y1 - y0) == pytest.approx(510 / 300)


@pytest.mark.parametrize(("limit", "length"), [(730, 500), (1999, 1000), (240, 200), (9.5, 5), (0.3, 0.2)])
def test_scale_bar_lengths_are_round(limit, length):
    assert nice_length_km(limit) == pytest.approx(length)


def test_graticule_has_a_few_lines():
    assert graticule_step(22.5) == 5 and graticule_step(0.55) == 0.1 and graticule_step(120) == 20


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(HANDOUT.glob("*.py")), ids=lambda p: p.name)
def test_handout_modules_are_pure_core_and_take_symbols_from_one_place(path):
    found = imports(path)
    assert not {m for m in found if m.split(".")[0] in {"streamlit", "streamlit_folium"}}
    assert any(m.startswith("atlas.map.") for m in found) == (path.name == "style.py")
    assert len(path.read_text(encoding="utf-8").splitlines()) < 300
