"""Playwright in Debian chromium: the map draws, and the slider updates it in place."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.support.browser import (
    MAP_IFRAME,
    NOT_RUNNING,
    caption,
    expected_markers,
    map_frame,
    open_app,
    open_map,
    query_param,
    settled_map,
    shown_on,
)

# Total length (km) of the axis lines on the map and the ids they carry, read from Leaflet's own layers
# (not those waiting on the map, out of the page, for the next step: static/map/ahead.js).
AXES_JS = """() => {
  let km = 0, ids = new Set();
  window.map.eachLayer(l => {
    if (l.feature && !l.atlasWaiting && l.feature.properties.kind === 'axis' && l.getLatLngs) {
      const ll = l.getLatLngs();
      for (let i = 1; i < ll.length; i++) { km += ll[i - 1].distanceTo(ll[i]) / 1000; }
      ids.add(l.feature.properties.id);
    }
  });
  return {km: km, ids: [...ids].sort()};
}"""


def axis_ids(day: str) -> list[str]:
    """The axis lines the core draws on ``day`` (one id per army that has moved)."""
    return sorted({f"axis-{segment.axis}" for segment in shown_on("offensive", day)[1]})


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
    assert before["ids"] == axis_ids("1945-08-09") and after["ids"] == axis_ids("1945-08-20")
    assert after["km"] > before["km"] + 2000  # the armies covered thousands of km between 9 and 20 August
    assert inner.evaluate("() => window.__probe") == "same-document"  # the iframe was not reloaded
    assert inner.evaluate("() => window.map.getZoom()") == 6  # the user's zoom survived
    center = inner.evaluate("() => window.map.getCenter()")
    assert abs(center["lat"] - 45.75) < 0.01 and abs(center["lng"] - 126.65) < 0.01
    assert query_param(page, "day") == ["1945-08-20"]  # the date is in the shareable URL


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
    # open the 6th Guards Tank Army line's popup the way a click would, then read it (once its text,
    # fetched from the app's popup files, has arrived)
    assert inner.evaluate("""() => {
      let found = false;
      window.map.eachLayer(l => {
        if (!found && l.feature && !l.atlasWaiting && l.feature.properties.id === 'axis-6gta' && l.getPopup()) { l.openPopup(); found = true; }
      });
      return found;
    }""")
    popup = inner.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("6th Guards Tank Army")
    expect(popup).to_contain_text("A. G. Kravchenko")


# The popup text lies in the app's popup files (atlas/map/popup_files.py), not in the page's catalog.
SHARDS = "**/app/static/generated/popups/**"


def test_a_popup_text_arrives_from_the_popup_files(offline_page: Page, app_url: str):
    page = offline_page
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url) if "/generated/popups/" in request.url else None)
    frame, inner = open_map(page, f"{app_url}/?day=1945-08-20", "1945-08-20")
    catalog = page.evaluate("""() => JSON.parse(document.querySelector('[data-atlas-catalog]').getAttribute('data-json'))""")
    assert catalog["popupFiles"]["k"] >= 1 and not any("popup" in entry for entry in catalog["popups"].values())
    assert catalog["popups"]["wp-6gta-tongliao"]["title"] == "Tongliao"  # titles and tooltips stay in the catalog
    assert fetched == []  # nothing fetched before a popup opens
    marker = frame.locator('.leaflet-marker-icon[title="Tongliao"]')
    marker.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("15–16 August 1945")
    expect(popup).to_be_focused()  # a11y.js's focus, kept when the text came
    assert len(fetched) == 1 and fetched[0].endswith(".json")
    popup.press("Escape")
    expect(popup).to_have_count(0)
    expect(marker).to_be_focused()  # Esc gives the focus back


def test_a_blocked_popup_file_shows_a_message_in_the_popup(offline_page: Page, app_url: str):
    page = offline_page
    page.route(SHARDS, lambda route: route.abort())
    frame, _ = open_map(page, f"{app_url}/?day=1945-08-20&lang=es", "1945-08-20")
    frame.locator('.leaflet-marker-icon[title="Tongliao"]').click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup.locator('[role="alert"]')).to_have_text(
        "No se pudo cargar este texto. Cierre la ventana y vuelva a abrirla, o recargue la página.")
    page.unroute(SHARDS)
    frame.locator(".leaflet-container").press("Escape")
    frame.locator('.leaflet-marker-icon[title="Tongliao"]').click()  # opened again: asked again, and it comes
    expect(popup).to_contain_text("15–16 de agosto de 1945")


def test_markers_sharing_a_place_can_each_be_clicked(offline_page: Page, app_url: str):
    # Hailar is both a waypoint of the 36th Army and a fortified region: both must open.
    frame, inner = open_map(offline_page, f"{app_url}/?day=1945-08-20", "1945-08-20")
    inner.evaluate("() => window.map.setView([49.2, 119.7], 8, {animate: false})")
    popup = frame.locator(".leaflet-popup-content")
    frame.locator('.atlas-waypoint[title="Hailar"]').click()
    expect(popup).to_contain_text("36th Army")
    frame.locator(".leaflet-container").press("Escape")  # Leaflet's keyboard handler closes the popup
    expect(popup).to_have_count(0)
    # The first popup panned the map to fit (autoPan), which can leave the place under a control: back to it.
    inner.evaluate("() => window.map.setView([49.2, 119.7], 8, {animate: false})")
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
    page.locator(NOT_RUNNING).wait_for(state="attached", timeout=30_000)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download this map (HTML)").click()
    download = info.value
    assert download.suggested_filename == "offensive-1945-08-21.html"
    html = download.path().read_text(encoding="utf-8")
    assert '"d": "1945-08-21"' in html and '"d": "1945-08-20"' not in html  # the packed layer's date
