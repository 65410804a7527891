"""Bad conditions in a real browser: blocked map scripts, and markup hidden in the data."""

from __future__ import annotations

import json
import shutil

from playwright.sync_api import Page, expect

from tests.support.browser import MAP_IFRAME, REPO, open_app, outside, route_offline, settled_map, start_server


def test_blocked_map_scripts_give_a_message_not_a_blank_box(page: Page, app_url: str):
    page.context.route(outside(app_url), lambda route: route.abort())
    page.context.route("**/app/static/vendor/leaflet/leaflet.js", lambda route: route.abort())  # the app's Leaflet fails
    open_app(page, f"{app_url}/?day=1945-08-20")
    box = page.frame_locator(MAP_IFRAME).locator("#map_div")
    expect(box).to_be_attached(timeout=30_000)
    note = page.frame_locator(MAP_IFRAME).locator("#atlas-no-map")
    expect(note).to_contain_text("The map could not load", timeout=30_000)
    assert note.get_attribute("role") == "alert"
    assert box.evaluate("e => e.classList.contains('leaflet-container')") is False
    shown = page.locator(".atlas-no-map-page")  # and in the page itself, above the map's frame
    expect(shown).to_contain_text("The map could not load")
    assert shown.get_attribute("role") == "alert"
    expect(page.get_by_text("What happened on this date")).to_be_visible()  # the text alternative is still there


HOSTILE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"


def test_markup_in_the_data_is_shown_as_text_and_never_runs(browser, tmp_path):
    folder = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", folder)
    doc = json.loads((folder / "offensive.geojson").read_text("utf-8"))
    for feature in doc["features"]:
        if feature["properties"]["id"] == "wp-6gta-tongliao":
            feature["properties"]["name_en"] = "Tongliao " + HOSTILE
            feature["properties"]["description_en"] = "Seized. " + HOSTILE
    (folder / "offensive.geojson").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    proc, url = start_server({"ATLAS_GEODATA_DIR": str(folder)})
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    route_offline(context, url)
    page = context.new_page()
    try:
        open_app(page, f"{url}/?day=1945-08-15")
        frame = page.frame_locator(MAP_IFRAME)
        marker = frame.locator('.leaflet-marker-icon[title^="Tongliao"]')
        expect(marker).to_have_count(1, timeout=30_000)
        settled_map(page)  # a click while the map still pans lands beside the marker
        marker.click()
        popup = frame.locator(".leaflet-popup-content")
        expect(popup).to_contain_text("<script>window.__pwned = 1</script>")  # visible as text
        assert popup.locator("script, img").count() == 0
        expect(page.get_by_text("onerror", exact=False).first).to_be_visible()  # the day panel shows it as text too
        inner = page.locator(MAP_IFRAME).element_handle().content_frame()
        assert inner.evaluate("() => window.__pwned") is None
        assert page.evaluate("() => window.__pwned") is None
    finally:
        context.close()
        proc.terminate()
        proc.wait(10)
