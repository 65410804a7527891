"""Classroom use in a real browser: story mode, play, and a phone-width screen."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from atlas import scene
from atlas.load import load_atlas
from atlas.pages import MAP_PAGES
from atlas.paths import DEFAULT_GEODATA_DIR
from tests.support.browser import (
    MAP_CODE,
    MAP_IFRAME,
    NOT_RUNNING,
    after_run,
    caption,
    expected_markers,
    map_frame,
    open_app,
    route_offline,
    settled_map,
    shown_on,
    url_with,
)

PLAY_STEP_MS = 1_000  # the play speed the page starts with: one date per second (atlas.ui.widgets.PLAY_SPEEDS)


def test_story_mode_steps_forward_and_back(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/story?step=2")
    expect(page.get_by_role("heading", name="Three fronts attack at once")).to_be_visible(timeout=30_000)
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon").first).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Tanks across the Greater Khingan")).to_be_visible(timeout=30_000)
    expect(page).to_have_url(url_with("step", "3"))
    caption_text = page.locator(".atlas-story-caption")
    expect(caption_text).to_contain_text("forward detachment")
    size = caption_text.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 22  # large type for a projector
    page.get_by_role("button", name="Previous").click()
    expect(page.get_by_role("heading", name="Three fronts attack at once")).to_be_visible(timeout=30_000)


def test_story_mode_follows_clicker_and_arrow_keys_and_the_back_button(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/story?step=2")
    expect(page.get_by_role("heading", name="Three fronts attack at once")).to_be_visible(timeout=30_000)
    go_to = page.get_by_role("combobox", name="Go to step")
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon").first).to_be_visible(timeout=30_000)
    page.locator(NOT_RUNNING).wait_for(state="attached", timeout=30_000)  # the page's run has ended
    page.locator("body").focus()
    for key, step in (("PageDown", "3"), ("ArrowRight", "4"), ("ArrowLeft", "3"), ("PageUp", "2"),
                      ("ArrowRight", "3"), ("PageDown", "4")):
        page.keyboard.press(key)
        expect(page).to_have_url(url_with("step", step), timeout=30_000)
        page.locator(NOT_RUNNING).wait_for(state="attached", timeout=30_000)
        expect(go_to).to_have_value(re.compile(rf"^{step}\. "), timeout=30_000)  # "go to step" follows
    page.go_back()  # the browser's Back: the previous step, its heading and its "go to step"
    expect(page).to_have_url(url_with("step", "3"), timeout=30_000)
    expect(page.get_by_role("heading", name="Tanks across the Greater Khingan")).to_be_visible(timeout=30_000)
    expect(go_to).to_have_value(re.compile(r"^3\. "), timeout=30_000)


def play_button(page: Page):
    """The Play/pause button (its accessible name also carries its shortcut)."""
    return page.get_by_role("button", name=re.compile(r"^Play"))


def test_play_moves_the_date_and_the_map_updates_in_place(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-09")
    expect(caption(page)).to_contain_text("up to 9 August 1945", timeout=30_000)
    inner = settled_map(page)
    inner.evaluate("() => { window.__probe = 'kept'; }")
    play_button(page).click()
    expect(caption(page)).to_contain_text("up to 12 August 1945", timeout=30_000)  # at least three steps
    # pause, and wait until the server has run the page with play off (a step already on its way
    # when the button was pressed lands before that run ends)
    after_run(page, lambda: play_button(page).click())
    paused_at = caption(page).inner_text()
    # It stays paused: for three play steps the caption must not change. (Playwright gives up waiting
    # for a change after the timeout, which is the outcome wanted here.)
    with pytest.raises(AssertionError):
        expect(caption(page)).not_to_have_text(paused_at, timeout=3 * PLAY_STEP_MS)
    assert map_frame(page).evaluate("() => window.__probe") == "kept"  # never reloaded
    shown = dt.datetime.strptime(re.search(r"up to (\d+ \w+ \d{4})", paused_at).group(1), "%d %B %Y").date()
    assert shown >= dt.date(1945, 8, 12)
    expect(page).to_have_url(url_with("day", shown.isoformat()))  # the link names the date the play stopped at
    label = inner.evaluate(f"() => window.atlas.catalog().dates['{shown.isoformat()}']")
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-date")).to_have_text(label)  # the big date too


def test_usable_on_a_phone_width_screen(browser, app_url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    route_offline(context, app_url)
    page = context.new_page()
    try:
        open_app(page, f"{app_url}/?day=1945-08-20")
        expect(page.get_by_role("heading", name="The offensive")).to_be_visible(timeout=30_000)
        frame = page.frame_locator(MAP_IFRAME)
        expect(frame.locator(".atlas-icon").first).to_be_attached(timeout=30_000)
        box = page.locator(MAP_IFRAME).bounding_box()
        assert box and box["width"] <= 390 and box["width"] > 300  # the map fills the width, no more
        overflow = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth - window.innerWidth")
        assert overflow <= 1  # no sideways scrolling
        slider = page.locator('input[type="range"][aria-label="Date"]')
        slider.focus()
        slider.press("ArrowRight")  # still keyboard-operable
        expect(caption(page)).to_contain_text("21 August 1945", timeout=30_000)
    finally:
        context.close()


def test_downloaded_map_page_draws_its_markers_legend_and_popups(browser, app_url: str):
    """The 'Download this map (HTML)' file opens on its own: markers, legend and popups all work."""
    import datetime as dt

    from atlas import scene
    from atlas.load import load_atlas
    from atlas.map import catalog, elements
    from atlas.paths import DEFAULT_GEODATA_DIR

    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    page_catalog = catalog.map_catalog(atlas.layers["offensive"].frame, "es", atlas.sources, atlas.axes, "offensive")
    html = elements.standalone_html(
        scene.scene_map("offensive", "es", page_catalog, elements.VIEW_BOUNDS, embedded=True),
        scene.scene_layer(atlas, "offensive", dt.date(1945, 8, 20), "es", page_catalog), "Mapa")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    route_offline(context, app_url)
    page = context.new_page()
    try:
        page.set_content(html, wait_until="load")  # as if opened from disk; Leaflet served locally
        expect(page.locator(".atlas-icon").first).to_be_visible(timeout=30_000)
        expect(page.locator(".atlas-icon")).to_have_count(expected_markers("1945-08-20"))
        expect(page.locator(".atlas-legend")).to_contain_text("Leyenda")
        page.locator('.leaflet-marker-icon[title="Tongliao"]').click()
        expect(page.locator(".leaflet-popup-content")).to_contain_text("15–16 de agosto de 1945")
    finally:
        context.close()


def test_language_switch_in_the_sidebar_keeps_the_date(offline_page: Page, app_url: str):
    """One click on 'Español' translates the page and the map, keeps the date, and the link says so."""
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-20")
    expect(caption(page)).to_contain_text("20 August 1945", timeout=30_000)
    page.get_by_test_id("stSidebar").get_by_text("Español", exact=True).click()
    expect(page.get_by_role("heading", name="La ofensiva")).to_be_visible(timeout=30_000)
    expect(caption(page)).to_contain_text("20 de agosto de 1945", timeout=30_000)
    expect(page).to_have_url(re.compile(r"lang=es"))
    expect(page).to_have_url(re.compile(r"day=1945-08-20"))
    # While the run goes on, the faded English map and the new Spanish one can both be on the page, and the
    # Spanish one may not exist yet when the caption changes; so wait for the end state as a whole: exactly
    # one map, and its legend in Spanish.
    page.wait_for_function(
        """sel => {
            const maps = [...document.querySelectorAll(sel)];
            if (maps.length !== 1) return false;
            const legend = maps[0].contentDocument && maps[0].contentDocument.querySelector('.atlas-legend');
            return !!legend && legend.textContent.includes('Frente');
        }""",
        arg=MAP_IFRAME,
        timeout=30_000,
    )
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-legend")).not_to_contain_text("Transbaikal Front")


def test_the_story_handout_downloads_as_a_pdf_with_a_page_per_step(offline_page: Page, app_url: str):
    from pypdf import PdfReader

    from atlas.load import load_atlas
    from atlas.paths import DEFAULT_GEODATA_DIR

    page = offline_page
    open_app(page, f"{app_url}/story?step=1")
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=re.compile(r"^Download the story as a PDF handout")).click()
    data = info.value.path().read_bytes()
    assert data.startswith(b"%PDF-")
    steps = len(load_atlas(DEFAULT_GEODATA_DIR).story)
    pages = PdfReader(info.value.path()).pages
    # the title page, a page per step, then the sources and licence (one or two pages)
    assert len(pages) in (steps + 2, steps + 3)
    assert f"Step {steps} of {steps}" in pages[steps].extract_text()


@pytest.mark.parametrize(("path", "query"), [("", "?day=1945-08-20"), ("dongning", "?day=1945-08-20"),
                                             ("captivity", "?month=1946-12")])
def test_projector_screen_shows_the_date_control_and_half_the_map_and_the_big_date_follows(
        browser, app_url: str, path: str, query: str):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    route_offline(context, app_url)
    page = context.new_page()
    try:
        open_app(page, f"{app_url}/{path}{query}")
        inner = settled_map(page)
        thumb = page.locator('input[type="range"]').first  # the date slider (the first slider of a map page)
        box = thumb.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 768  # the thumb, unscrolled
        frame = page.locator(MAP_IFRAME).bounding_box()
        visible = min(frame["y"] + frame["height"], 768) - max(frame["y"], 0)
        assert visible >= 0.5 * frame["height"] and visible >= 384  # half the map, half the screen
        big = page.frame_locator(MAP_IFRAME).locator(".atlas-date")
        font = big.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert font >= 28
        key, first = query[1:].split("=")
        slider = page.locator('input[type="range"]').first
        slider.focus()
        slider.press("ArrowRight")
        following = (dt.date.fromisoformat(first) + dt.timedelta(days=1)).isoformat() if key == "day" else "1947-01"
        expect(page).to_have_url(re.compile(rf"[?&]{key}={following}(&|$)"), timeout=30_000)  # the slider's new date
        day = following if key == "day" else "1947-01-31"
        label = inner.evaluate(f"() => window.atlas.catalog().dates['{day}']")
        expect(big).to_have_text(label, timeout=30_000)  # the big date names it
    finally:
        context.close()


def test_on_a_phone_an_opened_popup_lies_inside_the_map_and_closes(browser, app_url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    route_offline(context, app_url)
    page = context.new_page()
    try:
        open_app(page, f"{app_url}/?day=1945-08-20")
        settled_map(page)
        frame = page.frame_locator(MAP_IFRAME)
        frame.locator(".atlas-icon.atlas-waypoint").first.dispatch_event("click")
        popup = frame.locator(".leaflet-popup")
        expect(popup).to_be_visible(timeout=30_000)
        outer = page.locator(MAP_IFRAME).bounding_box()
        inner = popup.bounding_box()  # in the page's coordinates, like the frame's
        assert outer["x"] <= inner["x"] and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
        frame.locator(".leaflet-popup-close-button").click()  # nothing covers its close button
        expect(popup).to_have_count(0)
    finally:
        context.close()


def test_on_a_phone_the_sidebar_closes_after_a_page_is_chosen(playwright, browser, app_url: str):
    """Streamlit closes its sidebar after a page is chosen on a phone (it asks the user agent)."""
    context = browser.new_context(**playwright.devices["Pixel 7"])
    route_offline(context, app_url)
    page = context.new_page()
    try:
        open_app(page, f"{app_url}/?day=1945-08-20")
        settled_map(page)
        sidebar = page.get_by_test_id("stSidebar")
        page.get_by_test_id("stExpandSidebarButton").click()
        expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=30_000)
        sidebar.get_by_role("link", name="Dongning fortress").click()
        expect(page).to_have_url(re.compile(r"/dongning"), timeout=30_000)
        expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=30_000)
    finally:
        context.close()


def test_a_place_named_before_it_appears_opens_on_its_first_date_ringed(offline_page: Page, app_url: str):
    """?focus= for a date before the place is drawn: the map opens on its first date (the notice that
    says so is checked in tests/app/test_classroom.py), and the place's marker carries the ring the
    legend explains."""
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-11&focus=hq-kwantung-army-tonghua")
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    first = scene.first_code(scene.page_frame(atlas, "offensive"), MAP_PAGES["offensive"], "hq-kwantung-army-tonghua")
    expect(page).to_have_url(url_with("day", first), timeout=30_000)
    inner = settled_map(page)
    ringed = inner.locator(".leaflet-marker-icon.atlas-focus")
    expect(ringed).to_have_count(1, timeout=30_000)
    ringed.dispatch_event("click")
    expect(inner.locator(".leaflet-popup")).to_contain_text("Tonghua", timeout=30_000)


def test_a_compared_date_is_drawn_faint_under_the_main_one_and_survives_a_reload(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-20&compare=1945-08-10")
    inner = settled_map(page)
    ghosts = inner.locator(".leaflet-marker-icon.atlas-ghost")
    expect(ghosts.first).to_be_attached(timeout=30_000)
    count = ghosts.count()
    placed, _, _ = shown_on("offensive", "1945-08-10")
    assert count == len(placed)  # every marker of the compared date (not its arrowheads), as a ghost…
    main = inner.locator(".atlas-icon:not(.atlas-ghost)")  # markers, and arrowheads (paths)
    assert main.count() >= expected_markers("1945-08-20")  # …under all of the main date's
    opacity = float(ghosts.first.evaluate("e => getComputedStyle(e).opacity"))
    assert opacity < 0.5 and float(main.first.evaluate("e => getComputedStyle(e).opacity")) == 1  # told apart
    page.reload()
    expect(page).to_have_url(url_with("compare", "1945-08-10"), timeout=30_000)
    inner = settled_map(page)
    expect(inner.locator(".leaflet-marker-icon.atlas-ghost")).to_have_count(count, timeout=30_000)


def test_a_slow_map_that_comes_after_all_takes_its_failure_message_away(page: Page, app_url: str):
    """The map's code (Leaflet and the client) held back past the watchdog's time (a slow school
    network): the message shows, and goes again once the map has drawn (it used to stay above a
    working map)."""
    held = []
    route_offline(page.context, app_url)
    page.context.route(MAP_CODE, lambda route: held.append(route))
    open_app(page, f"{app_url}/?day=1945-08-20")
    shown = page.locator(".atlas-no-map-page")
    expect(shown).to_contain_text("The map could not load", timeout=60_000)
    for route in held:
        route.continue_()
    page.context.unroute(MAP_CODE)
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon").first).to_be_attached(timeout=30_000)
    expect(shown).to_have_count(0, timeout=30_000)
    expect(page.frame_locator(MAP_IFRAME).locator("#atlas-no-map")).to_have_count(0)


def test_the_browsers_back_button_brings_back_the_previous_date(offline_page: Page, app_url: str):
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-20")
    settled_map(page)
    slider = page.locator('input[type="range"]').first
    slider.focus()
    slider.press("ArrowRight")
    expect(page).to_have_url(url_with("day", "1945-08-21"), timeout=30_000)
    expect(caption(page)).to_contain_text("up to 21 August 1945", timeout=30_000)
    page.go_back()
    expect(page).to_have_url(url_with("day", "1945-08-20"), timeout=30_000)
    expect(caption(page)).to_contain_text("up to 20 August 1945", timeout=30_000)
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-date")).to_have_text("20 August 1945", timeout=30_000)
