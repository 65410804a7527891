"""Playwright in Debian chromium: the map draws, and the slider updates it in place."""

from __future__ import annotations

import time

from playwright.sync_api import Page, expect

from atlas.ui.mapview import MAP_HEIGHT

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
    # The map exists once its script has run to the end (streamlit-folium then sets window.map).
    # The frame is looked up afresh each time, so a remounted iframe is followed, not a stale one.
    deadline = time.monotonic() + 30
    while True:
        inner = map_frame(page)
        if inner.evaluate("() => window.map !== undefined"):
            break
        assert time.monotonic() < deadline, "the map's script did not finish within 30 s"
        page.wait_for_timeout(100)
    assert inner.evaluate(MAP_IDLE_JS)
    return inner


# Total length (km) and number of the axis segments on the map, read from Leaflet's own layers.
AXES_JS = """() => {
  let km = 0, segments = 0;
  window.map.eachLayer(l => {
    if (l.feature && l.feature.properties.kind === 'axis' && l.getLatLngs) {
      const ll = l.getLatLngs();
      for (let i = 1; i < ll.length; i++) { km += ll[i - 1].distanceTo(ll[i]) / 1000; }
      segments += 1;
    }
  });
  return {km: km, segments: segments};
}"""


def expected_markers(day) -> int:
    import datetime as dt

    from atlas.load import load_atlas
    from atlas.paths import DEFAULT_GEODATA_DIR
    from atlas.timeline import axis_geometry, on_date, split_placed

    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    frame = atlas.layers["offensive"].frame
    shown = on_date(frame, dt.date.fromisoformat(day), atlas.axes)
    placed, _ = split_placed(shown)
    _, heads = axis_geometry(shown, frame, atlas.axes)
    return len(placed) + len(heads)  # every marker and arrowhead is one .atlas-icon


def open_map(page: Page, url: str, day: str):
    """Open the app at ``url`` and wait until the map shows every marker of ``day`` and is still."""
    open_app(page, url)
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-icon")).to_have_count(expected_markers(day), timeout=30_000)
    return frame, settled_map(page)


def test_slider_lengthens_the_axes_in_place(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, app_url)
    icons = page.frame_locator(MAP_IFRAME).locator(".atlas-icon")
    expect(icons).to_have_count(expected_markers("1945-08-09"), timeout=30_000)
    expect(caption(page)).to_contain_text("up to 9 August 1945")

    inner = settled_map(page)
    before = inner.evaluate(AXES_JS)
    inner.evaluate("() => { window.__probe = 'same-document'; window.map.setView([45.75, 126.65], 6); }")

    slider = page.locator('input[type="range"][aria-label="Date"]')
    slider.focus()
    for _ in range(11):  # 9 -> 20 August, one day per key press
        slider.press("ArrowRight")
    expect(caption(page)).to_contain_text("up to 20 August 1945", timeout=30_000)
    expect(icons).to_have_count(expected_markers("1945-08-20"), timeout=30_000)

    inner = map_frame(page)
    after = inner.evaluate(AXES_JS)
    assert after["segments"] > before["segments"]
    assert after["km"] > before["km"] + 2000  # the armies covered thousands of km between 9 and 20 August
    assert inner.evaluate("() => window.__probe") == "same-document"  # the iframe was not reloaded
    assert inner.evaluate("() => window.map.getZoom()") == 6  # the user's zoom survived
    center = inner.evaluate("() => window.map.getCenter()")
    assert abs(center["lat"] - 45.75) < 0.01 and abs(center["lng"] - 126.65) < 0.01
    assert "day=1945-08-20" in page.url  # the date is in the shareable URL


def test_popup_shows_sources_and_escaped_text(offline_page: Page, app_url: str):
    page = offline_page
    frame, _ = open_map(page, f"{app_url}/?day=1945-08-20&lang=es", "1945-08-20")
    frame.locator('.leaflet-marker-icon[title="Tongliao"]').click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("15–16 de agosto de 1945")
    expect(popup).to_contain_text("6.º Ejército de Tanques de la Guardia")  # the army's axis
    expect(popup).to_contain_text("Fuentes")
    expect(popup).to_contain_text("Daines")
    expect(popup.locator('span[lang="zh"]')).to_have_text("通辽")
    legend = frame.locator(".atlas-legend details")
    expect(legend).not_to_have_attribute("open", "")  # folded on a map narrower than 1000 px
    legend.locator("summary").click()
    expect(legend.locator("li").first).to_be_visible()
    expect(legend).to_contain_text("Frente de Transbaikalia")
    expect(legend).to_contain_text("Ruta conocida, fecha desconocida")


def test_axis_line_names_its_army(offline_page: Page, app_url: str):
    _, inner = open_map(offline_page, f"{app_url}/?day=1945-08-20", "1945-08-20")
    # open the 6th Guards Tank Army line's popup the way a click would, then read it
    text = inner.evaluate("""() => {
      let out = null;
      window.map.eachLayer(l => {
        if (!out && l.feature && l.feature.properties.id === 'axis-6gta' && l.getPopup()) {
          l.openPopup(); out = document.querySelector('.leaflet-popup-content').textContent;
        }
      });
      return out;
    }""")
    assert text and "6th Guards Tank Army" in text and "A. G. Kravchenko" in text


def test_markers_sharing_a_place_can_each_be_clicked(offline_page: Page, app_url: str):
    # Hailar is both a waypoint of the 36th Army and a fortified region: both must open.
    frame, inner = open_map(offline_page, f"{app_url}/?day=1945-08-20", "1945-08-20")
    inner.evaluate("() => window.map.setView([49.2, 119.7], 8, {animate: false})")
    popup = frame.locator(".leaflet-popup-content")
    frame.locator('.atlas-waypoint[title="Hailar"]').click()
    expect(popup).to_contain_text("36th Army")
    frame.locator(".leaflet-container").press("Escape")  # Leaflet's keyboard handler closes the popup
    expect(popup).to_have_count(0)
    frame.locator('.atlas-fortified_region[title*="Hailar"]').click()
    expect(popup).to_contain_text("119th Division")


def test_a_step_redraws_only_what_changed_and_an_open_popup_stays(offline_page: Page, app_url: str):
    page = offline_page
    frame, inner = open_map(page, f"{app_url}/?day=1945-08-20", "1945-08-20")
    tongliao = frame.locator('.leaflet-marker-icon[title="Tongliao"]')  # reached on 15-16 August: unchanged
    tongliao.click()
    expect(frame.locator(".leaflet-popup-content")).to_contain_text("Tongliao")
    tongliao.evaluate("el => { el.dataset.probe = 'kept'; }")
    drawn_before = inner.evaluate("() => window.atlasApplied.count")

    slider = page.locator('input[type="range"][aria-label="Date"]')
    slider.focus()
    slider.press("ArrowRight")
    expect(caption(page)).to_contain_text("up to 21 August 1945", timeout=30_000)
    inner.wait_for_function("() => window.atlasApplied.day === '1945-08-21'", timeout=30_000)
    assert inner.evaluate("() => window.atlasApplied.count") == drawn_before + 1
    expect(frame.locator(".atlas-icon")).to_have_count(expected_markers("1945-08-21"), timeout=30_000)
    assert tongliao.evaluate("el => el.dataset.probe") == "kept"  # the same marker, not a new one
    expect(frame.locator(".leaflet-popup-content")).to_contain_text("Tongliao")  # still open


def test_map_download_follows_the_slider(offline_page: Page, app_url: str):
    """The download button keeps one identity from date to date; what it hands over is the map of
    the date now on the slider, not the one the page opened with."""
    page = offline_page
    open_map(page, f"{app_url}/?day=1945-08-20", "1945-08-20")
    slider = page.locator('input[type="range"][aria-label="Date"]')
    slider.focus()
    slider.press("ArrowRight")
    expect(caption(page)).to_contain_text("up to 21 August 1945", timeout=30_000)
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached", timeout=30_000)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download this map").click()
    download = info.value
    assert download.suggested_filename == "offensive-1945-08-21.html"
    html = download.path().read_text(encoding="utf-8")
    assert '"d": "1945-08-21"' in html and '"d": "1945-08-20"' not in html  # the packed layer's date
