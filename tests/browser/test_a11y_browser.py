"""Accessibility in a real browser (docs/accessibility.md): axe-core's WCAG 2.1 A/AA rules on every page
in both languages, in the page and inside the map's frame; the keyboard path through the map; the live
region that says the date and how many places the map shows.

axe-core is the npm package pinned in package.json (node_modules/axe-core/axe.min.js, installed by
scripts/test.sh), injected with Playwright into the page and into each of its frames. One server and
one browser context serve the whole module.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Frame, Page, expect

from tests.support.browser import MAP_IFRAME, REPO, caption, open_app, route_offline, settled_map

AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = {"critical", "serious"}
# Rules that fail because of Streamlit's own markup, which the app cannot change: rule id -> why.
# Empty today: every finding of axe-core 4.14 on these pages was the atlas's own and is fixed. An entry
# goes here only with its reason, and only for markup Streamlit (or streamlit-folium) writes itself.
ALLOWED: dict[str, str] = {}
PAGES = ["/", "/dongning", "/captivity", "/story", "/record", "/sources"]
MAP_PAGES = {"/", "/dongning", "/captivity", "/story"}
VIEWPORT = {"width": 1366, "height": 768}

RUN_AXE_JS = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes: false,
                                           resultTypes: ['violations']})
  .then(result => result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary.split('\\n').slice(1).join(' '))})))"""

# The map frame once its client has drawn a day and named the frame after it.
MAP_READY_JS = """sel => {
  const frame = document.querySelector(sel);
  const win = frame && frame.contentWindow;
  return !!(win && win.atlas && win.atlas.state.day && win.document.title.includes(' — '));
}"""


@pytest.fixture(scope="module")
def a11y_page(browser, app_url):
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (scripts/test.sh does)")
    context = browser.new_context(viewport=VIEWPORT)
    route_offline(context, app_url)
    page = context.new_page()
    yield page
    context.close()


def wait_for_map(page: Page) -> Frame:
    page.wait_for_function(MAP_READY_JS, arg=MAP_IFRAME, timeout=60_000)
    return page.locator(MAP_IFRAME).element_handle().content_frame()


def axe_violations(frame: Frame, where: str) -> list[str]:
    """What axe finds in one document that is critical or serious and not allowed, as readable lines."""
    if not frame.evaluate("() => typeof window.axe !== 'undefined'"):
        frame.evaluate(AXE_JS.read_text(encoding="utf-8"))
    found = frame.evaluate(RUN_AXE_JS, WCAG_TAGS)
    return [f"[{where}] {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
            for v in found if v["impact"] in FAILING and v["id"] not in ALLOWED]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_nothing_serious_in_the_page_or_the_map(a11y_page: Page, app_url: str, path: str, lang: str):
    page = a11y_page
    open_app(page, f"{app_url}{path}?lang={lang}")
    problems = []
    # the page's language is the chosen one on every page (static/page-lang.js, and the map's frame)
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang, timeout=10_000)
    if path in MAP_PAGES:
        inner = wait_for_map(page)
        assert page.evaluate("() => document.documentElement.lang") == lang
        assert inner.evaluate("() => document.documentElement.lang") == lang
        # the places list open and a popup showing, so their text is checked too
        inner.locator(".atlas-places-toggle").click()
        inner.locator(".atlas-places-item").first.click()
        expect(inner.locator(".leaflet-popup-content")).to_be_visible()
    problems += axe_violations(page.main_frame, f"{lang} {path} page")
    for frame in page.frames[1:]:
        name = "map" if frame.url.find("streamlit_folium") >= 0 else (frame.url or frame.name)[:40]
        problems += axe_violations(frame, f"{lang} {path} {name}")
    assert not problems, "\n".join(problems)


FOCUSED_JS = """() => { const el = document.activeElement;
  return {tag: el.tagName.toLowerCase(), name: el.getAttribute('aria-label') || el.getAttribute('title') || '',
          role: el.getAttribute('role') || '', line: el.classList.contains('atlas-places-line')}; }"""


def enter_then_esc(page: Page, inner: Frame) -> None:
    """Enter on what has the focus opens a popup, which takes the focus; Esc closes it and gives the
    focus back to the same element."""
    inner.evaluate("() => { window.__opener = document.activeElement; }")
    page.keyboard.press("Enter")
    popup = inner.locator(".leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(popup).to_be_focused()
    page.keyboard.press("Escape")
    expect(inner.locator(".leaflet-popup")).to_have_count(0)
    inner.wait_for_function("() => document.activeElement === window.__opener")


def test_every_place_and_line_opens_by_keyboard_and_esc_gives_the_focus_back(a11y_page: Page, app_url: str):
    page = a11y_page
    open_app(page, f"{app_url}/?lang=en&day=1945-08-12")
    inner = wait_for_map(page)
    settled_map(page)
    # Tab from the map: the first stop is a line or a place, named, and Enter opens its popup.
    inner.locator(".leaflet-container").focus()
    page.keyboard.press("Tab")
    first = inner.evaluate(FOCUSED_JS)
    assert first["name"] and (first["role"] == "button" or first["tag"] == "div"), first
    enter_then_esc(page, inner)
    # An axis line of the day, by Tab: it is a named button.
    axis = inner.locator("path[role='button']").first
    axis.focus()
    assert inner.evaluate(FOCUSED_JS)["name"]
    enter_then_esc(page, inner)
    # A marker.
    inner.locator(".leaflet-marker-icon.leaflet-interactive").first.focus()
    enter_then_esc(page, inner)
    # "Places on this date": the button opens the list, an item opens its popup.
    toggle = inner.locator(".atlas-places-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    assert inner.evaluate(FOCUSED_JS)["tag"] == "button"
    inner.locator(".atlas-places-line").first.focus()
    enter_then_esc(page, inner)
    # The focus can be seen: an outline on the focused item.
    outline = inner.locator(".atlas-places-line:focus").evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("", "none")


def test_the_live_region_says_the_new_date_and_how_many_places_after_a_slider_step(a11y_page: Page, app_url: str):
    page = a11y_page
    open_app(page, f"{app_url}/?lang=en&day=1945-08-20")
    inner = wait_for_map(page)
    live = inner.locator(".atlas-live")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text(re.compile(r"^20 August 1945 — \d+ places on the map$"))
    page.locator(".st-key-day input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    expect(live).to_have_text(re.compile(r"^21 August 1945 — \d+ places on the map$"), timeout=30_000)
    # the same count as the caption under the slider once the server has answered
    expect(caption(page)).to_contain_text("21 August 1945", timeout=30_000)
    said = re.search(r"— (\d+) places", live.text_content()).group(1)
    expect(caption(page)).to_contain_text(f"{said} places on the map")
    assert "21 August 1945" in inner.evaluate("() => document.title")


def test_under_reduced_motion_the_map_does_not_animate(browser, app_url: str):
    context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")
    route_offline(context, app_url)
    page = context.new_page()
    open_app(page, f"{app_url}/dongning?lang=en")
    inner = wait_for_map(page)
    options = inner.evaluate("""() => ({zoom: window.map._zoomAnimated, fade: window.map.options.fadeAnimation,
                                         markers: window.map.options.markerZoomAnimation})""")
    assert options == {"zoom": False, "fade": False, "markers": False}
    # and Play has not started by itself: the page is idle, on its default date
    expect(page.locator(".st-key-day input[type='range']")).to_have_attribute("aria-valuetext", re.compile("^9 Aug 1945$"))
    context.close()


# Once quick steps have settled: the list (rebuilt after the map is painted, once for the last date)
# names exactly what the map draws on the date it shows, and the live region says that date.
SETTLED_JS = """before => {
  const live = document.querySelector('.atlas-live');
  const big = document.querySelector('.atlas-date');
  return window.atlas.state.day > before && !!live && !!big && live.textContent.startsWith(big.textContent + ' —');
}"""


def test_the_places_list_is_complete_once_quick_steps_settle(a11y_page: Page, app_url: str):
    page = a11y_page
    open_app(page, f"{app_url}/?lang=en&day=1945-08-12")
    inner = wait_for_map(page)
    settled_map(page)
    slider = page.locator(".st-key-day input[type='range']")
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(slider).to_have_attribute("aria-valuetext", re.compile("^15 Aug 1945$"))
    inner.wait_for_function(SETTLED_JS, arg="1945-08-14", timeout=30_000)
    assert inner.evaluate("() => window.atlas.state.day") == "1945-08-15"
    expected = inner.evaluate("() => AtlasA11y.drawnItems(window.atlas.state, window.atlas.catalog(), document)"
                              ".map(item => item.name)")
    assert len(expected) > 10
    assert inner.locator(".atlas-places-item").all_text_contents() == expected
    expect(inner.locator(".atlas-places-toggle")).to_have_text(f"Places on this date ({len(expected)})")
