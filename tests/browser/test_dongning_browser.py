"""The Dongning page in a real browser: its map shows the fortress positions, and a deep link works
on a fresh server (no legacy pages/ routing that would skip atlas_app.py)."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from atlas.paths import DEFAULT_GEODATA_DIR
from tests.support.browser import MAP_IFRAME, open_app, route_offline, settled_map, start_server

POSITIONS = [f["properties"] for f in json.loads((DEFAULT_GEODATA_DIR / "dongning.geojson").read_text("utf-8"))["features"]
             if f["properties"]["kind"] == "position"]


def test_dongning_map_shows_the_positions(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/dongning?day=1945-08-20")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-position")).to_have_count(len(POSITIONS), timeout=30_000)
    inner = settled_map(page)
    expect(frame.locator('.atlas-position[title^="Shenghongshan"]')).to_have_count(1)
    # the estimated positions are drawn with their accuracy circles: one for each marker that asks for one
    rings = inner.evaluate(
        "() => { let n = 0; window.map.eachLayer(l => { if (l.feature && !l.atlasWaiting && l.feature.properties.ring) n++; }); return n; }")
    assert rings > 0
    expect(frame.locator("path.atlas-ring")).to_have_count(rings)
    frame.locator('.atlas-position[title^="Shenghongshan"]').click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("勝鬨山")
    radius = next(p["accuracy_km"] for p in POSITIONS if p["id"] == "pos-shenghongshan")
    expect(popup).to_contain_text(f"estimated, ±{radius:g} km")  # its accuracy, as the data gives it


def test_deep_link_to_dongning_on_a_fresh_server_runs_the_app_frame(context):
    proc, url = start_server()
    try:
        route_offline(context, url)
        page = context.new_page()
        open_app(page, f"{url}/dongning?lang=es")
        expect(page.get_by_role("heading", name="La fortaleza de Dongning")).to_be_visible(timeout=30_000)
        expect(page.get_by_test_id("stSidebar")).to_contain_text("Idioma")  # atlas_app.py's sidebar ran
        expect(page.get_by_test_id("stSidebarNav")).to_contain_text("La ofensiva")  # named pages, not file names
    finally:
        proc.terminate()
        proc.wait(10)
