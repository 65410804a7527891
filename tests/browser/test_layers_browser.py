"""The layers added this round draw in a real browser: the map of 1945 (polities by date, boundary
segments), the railways, the civilians, and the burial counts on the captivity map."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from atlas.paths import DEFAULT_GEODATA_DIR
from tests.support.browser import MAP_IFRAME, open_app, settled_map


def polities_on(day: str) -> int:
    doc = json.loads((DEFAULT_GEODATA_DIR / "borders1945.geojson").read_text(encoding="utf-8"))
    return sum(1 for f in doc["features"] if f["properties"]["date_start"] <= day <= f["properties"]["date_end"])


def test_the_map_of_1945_changes_with_the_date_and_the_railways_draw(offline_page: Page, app_url: str):
    page = offline_page
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url) if "/generated/data/" in request.url else None)
    open_app(page, f"{app_url}/?day=1945-08-09")
    inner = settled_map(page)
    frame = page.frame_locator(MAP_IFRAME)
    polities = frame.locator(".leaflet-atlas-polities-pane path:not(.atlas-off)")  # others hidden by date
    expect(polities).to_have_count(polities_on("1945-08-09"), timeout=30_000)
    # they came from a file of the app's, not inside the page (atlas/map/json_files.py)
    catalog = page.evaluate("""() => JSON.parse(document.querySelector('[data-atlas-catalog]').getAttribute('data-json'))""")
    assert catalog["overlays"] == [] and catalog["overlayFile"].startswith("../../app/static/generated/data/")
    assert [url.rsplit("/", 1)[1] for url in fetched] == [catalog["overlayFile"].rsplit("/", 1)[1]]
    assert inner.evaluate("() => document.querySelectorAll('.leaflet-atlas-lines-pane path').length") > 10
    slider = page.locator('input[type="range"]').first
    slider.focus()
    for _ in range(10):  # to 19 August: Manchukuo has ended, Korea is two zones
        slider.press("ArrowRight")
    expect(frame.locator(".atlas-date")).to_have_text("19 August 1945", timeout=30_000)
    expect(polities).to_have_count(polities_on("1945-08-19"))


def test_civilians_and_burial_counts_draw_with_their_own_symbols(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-20")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-settlement").first).to_be_attached(timeout=30_000)  # settlers' villages
    open_app(page, f"{app_url}/captivity?month=1946-12")
    expect(frame.locator(".atlas-burial_site").first).to_be_attached(timeout=30_000)
    expect(frame.locator(".atlas-refugee_camp").first).to_be_attached()
