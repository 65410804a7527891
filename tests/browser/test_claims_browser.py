"""Record vs. myth in a real browser: a claim's link opens the map at its date and place."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.support.browser import MAP_IFRAME, caption, open_app, settled_map


def test_claim_link_opens_the_map_at_the_date_and_place(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/record")
    page.locator("[data-testid='stPageLink-NavLink'][href*='focus=hq-kwantung-army-tonghua']").first.click()
    # the offensive page is the default page, so its address is the root
    expect(page).to_have_url(re.compile(r"/(offensive)?\?day=1945-08-11&focus=hq-kwantung-army-tonghua$"),
                             timeout=30_000)
    expect(caption(page)).to_contain_text("up to 11 August 1945", timeout=30_000)
    inner = settled_map(page)
    center = inner.evaluate("() => window.map.getCenter()")
    assert abs(center["lat"] - 41.72) < 0.1 and abs(center["lng"] - 125.93) < 0.1  # centred on Tonghua
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-hq").first).to_be_visible()
