"""The captivity page in a real browser: the camps map draws and changes with the month slider."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.support.browser import MAP_IFRAME, map_frame, open_app, settled_map, shown_on


def kind_count(day: str, kind: str) -> int:
    """How many features of ``kind`` the captivity map places on ``day``, according to the core."""
    placed, _, _ = shown_on("captivity", day)
    return int((placed["kind"] == kind).sum())


def test_camps_map_draws_and_changes_with_the_month(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/captivity?month=1945-12")
    frame = page.frame_locator(MAP_IFRAME)
    camps = frame.locator(".atlas-camp")
    expect(camps).to_have_count(kind_count("1945-12-31", "camp"), timeout=30_000)
    inner = settled_map(page)
    inner.evaluate("() => { window.__probe = 'kept'; }")
    slider = page.locator('input[type="range"][aria-label="Month"]')
    slider.focus()
    for _ in range(12):  # December 1945 -> December 1946: the first ship home
        slider.press("ArrowRight")
    expect(page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first).to_contain_text(
        "December 1946", timeout=30_000)
    expect(frame.locator(".atlas-port")).to_have_count(kind_count("1946-12-31", "port"))  # Nakhodka, Maizuru, Huludao…
    expect(camps).to_have_count(kind_count("1946-12-31", "camp"))
    assert map_frame(page).evaluate("() => window.__probe") == "kept"  # same map, updated in place
    routes = map_frame(page).evaluate(
        "() => { let n = 0; window.map.eachLayer(l => { if (l.feature && !l.atlasWaiting && l.feature.properties.kind === 'route') n++; }); return n; }")
    assert routes == kind_count("1946-12-31", "route")
