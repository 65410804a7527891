"""Record vs. myth and story mode in a real browser: a link to a map state is a real address, which
opens that page, date and place when clicked, and also when opened in a new tab (not clicked)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from playwright.sync_api import Page, expect

from atlas import scene
from atlas.load import load_atlas
from atlas.pages import MAP_PAGES
from atlas.paths import DEFAULT_GEODATA_DIR
from tests.support.browser import MAP_IFRAME, caption, open_app, route_offline, settled_map

TONGHUA = "hq-kwantung-army-tonghua"


def first_shown(feature_id: str) -> dt.date:
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    page = MAP_PAGES["offensive"]
    code = scene.first_code(scene.page_frame(atlas, "offensive"), page, feature_id, atlas.axes)
    return page.day_of(code) if code else page.first


def test_claim_link_opened_in_a_new_tab_lands_on_the_map_at_its_place(offline_page: Page, app_url: str, context):
    page = offline_page
    open_app(page, f"{app_url}/record")
    link = page.locator(f"a.atlas-map-link[href*='focus={TONGHUA}']").first
    href = link.get_attribute("href")
    assert href.startswith("./?day=1945-08-") and href.endswith(f"&focus={TONGHUA}")
    # opened as a new page from its address, as a new tab or a copied link would
    other = context.new_page()
    route_offline(context, app_url)
    open_app(other, urljoin(f"{app_url}/record", href))
    day = first_shown(TONGHUA)  # the headquarters is drawn from this date: the link opens there
    expect(caption(other)).to_contain_text(f"up to {day.day} August 1945", timeout=30_000)
    inner = settled_map(other)
    center = inner.evaluate("() => window.map.getCenter()")
    assert abs(center["lat"] - 41.72) < 0.1 and abs(center["lng"] - 125.93) < 0.1  # centred on Tonghua
    expect(other.frame_locator(MAP_IFRAME).locator(".atlas-focus")).to_have_count(1)  # and ringed


def test_story_link_opens_the_page_at_the_steps_date_when_clicked(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/story?step=4")
    link = page.locator("a.atlas-map-link").first
    assert link.get_attribute("href") == "./dongning?day=1945-08-10&focus=pos-shenghongshan"
    link.click()
    expect(page).to_have_url(f"{app_url}/dongning?day=1945-08-10&focus=pos-shenghongshan", timeout=30_000)
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-focus")).to_have_count(1, timeout=30_000)
