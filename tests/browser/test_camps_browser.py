"""The captivity page in a real browser: the camps map draws and changes with the month slider."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.test_map_browser import MAP_IFRAME, map_frame, open_app, settled_map


def test_camps_map_draws_and_changes_with_the_month(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/captivity?month=1945-12")
    frame = page.frame_locator(MAP_IFRAME)
    camps = frame.locator(".atlas-camp")
    expect(camps.first).to_be_visible(timeout=30_000)
    inner = settled_map(page)
    inner.evaluate("() => { window.__probe = 'kept'; }")
    count_1945 = camps.count()
    assert count_1945 >= 40
    slider = page.locator('input[type="range"][aria-label="Month"]')
    slider.focus()
    for _ in range(12):  # December 1945 -> December 1946: the first ship home
        slider.press("ArrowRight")
    expect(page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first).to_contain_text(
        "December 1946", timeout=30_000)
    expect(frame.locator(".atlas-port")).to_have_count(2)  # Nakhodka and Maizuru
    assert map_frame(page).evaluate("() => window.__probe") == "kept"  # same map, updated in place
    routes = map_frame(page).evaluate(
        "() => { let n = 0; window.map.eachLayer(l => { if (l.feature && l.feature.properties.kind === 'route') n++; }); return n; }")
    assert routes >= 2
