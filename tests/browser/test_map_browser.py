"""Playwright in Debian chromium: the map draws, and the slider updates it in place."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from atlas.ui import MAP_HEIGHT

MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached", timeout=60_000)


def caption(page: Page):
    """The caption under the slider that says what is on the map."""
    return page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first


def map_frame(page: Page):
    return page.locator(MAP_IFRAME).element_handle(timeout=30_000).content_frame()


# Resolves once the Leaflet map has gone 400 ms without moving, zooming or resizing. The map
# settles for a moment after Streamlit gives the iframe its height; a click aimed at a marker
# during that pan lands beside it.
MAP_IDLE_JS = """() => new Promise(resolve => {
  const map = window.map;
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { map.off('move zoom resize', arm); resolve(true); }, 400);
  };
  map.on('move zoom resize', arm);
  arm();
})"""


def settled_map(page: Page):
    """The map's frame once the iframe has its final height and the map has stopped moving."""
    expect(page.locator(MAP_IFRAME)).to_have_attribute("height", str(MAP_HEIGHT), timeout=30_000)
    inner = map_frame(page)
    assert inner.evaluate(MAP_IDLE_JS)
    return inner


def test_slider_updates_the_map_in_place(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, app_url)
    icons = page.frame_locator(MAP_IFRAME).locator(".atlas-icon")
    expect(icons).to_have_count(10, timeout=30_000)  # 9 August: the ten start areas
    expect(caption(page)).to_contain_text("10 places on the map up to 9 August 1945")

    inner = settled_map(page)
    inner.evaluate("() => { window.__probe = 'same-document'; window.map.setView([45.75, 126.65], 7); }")

    slider = page.get_by_test_id("stSlider").locator('input[type="range"]')
    slider.focus()
    for _ in range(11):  # 9 -> 20 August, one day per key press
        slider.press("ArrowRight")
    expect(caption(page)).to_contain_text("up to 20 August 1945", timeout=30_000)
    expect(icons).to_have_count(19, timeout=30_000)

    inner = map_frame(page)
    assert inner.evaluate("() => window.__probe") == "same-document"  # the iframe was not reloaded
    assert inner.evaluate("() => window.map.getZoom()") == 7  # the user's zoom survived
    center = inner.evaluate("() => window.map.getCenter()")
    assert abs(center["lat"] - 45.75) < 0.01 and abs(center["lng"] - 126.65) < 0.01
    assert "day=1945-08-20" in page.url  # the date is in the shareable URL


def test_popup_shows_sources_and_escaped_text(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-20&lang=es")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-icon")).to_have_count(19, timeout=30_000)
    settled_map(page)
    frame.locator('.leaflet-marker-icon[title="Harbin"]').click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("18–20 de agosto de 1945")
    expect(popup).to_contain_text("Fuentes")
    expect(popup).to_contain_text("Neizbezhnost")
    expect(popup.locator('span[lang="zh"]')).to_have_text("哈尔滨")
    legend = frame.locator(".atlas-legend details")
    expect(legend).not_to_have_attribute("open", "")  # folded on a map narrower than 1000 px
    legend.locator("summary").click()
    expect(legend.locator("li").first).to_be_visible()
    expect(legend).to_contain_text("Frente de Transbaikalia")
