"""The atlas under a strict Content-Security-Policy (atlas/csp.py, served by strict_app.py): each map
page draws its markers and its basemap with no violation report at all, in the page, in the watchdog's
srcdoc frame (which inherits the page's policy) or in the map's frame; the page's language and the
"map could not load" message still work. docs/streamlit-contract.md, "Content-Security-Policy".

Reports are read two ways: a ``securitypolicyviolation`` listener installed in every frame before its
own scripts run (Playwright's init script), and the browser's console messages. A canary in each frame
(an inline script where the policy forbids one, an image from outside where it does not) shows that
the policy is in force there and that its reports are seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import BrowserContext, Frame, Page, expect

from atlas import csp
from tests.support.browser import MAP_CODE, MAP_IFRAME, REPO, open_app, outside, route_offline, start_server

RECORD_JS = """(() => {
  window.__cspReports = [];
  window.addEventListener('securitypolicyviolation', e => window.__cspReports.push({
    directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber,
    sample: e.sample}), true);
})();"""
# An inline script: blocked where the policy has no 'unsafe-inline' (then window.__cspCanary stays unset).
INLINE_CANARY_JS = """() => { const s = document.createElement('script'); s.textContent = 'window.__cspCanary = 1;';
  document.head.appendChild(s); return window.__cspCanary === 1; }"""
IMAGE_CANARY_JS = "() => { new Image().src = 'https://csp-canary.invalid/x.png'; }"
CANARY = "csp-canary.invalid"
CSP_CONSOLE = re.compile(r"Content Security Policy|Refused to|violates the following", re.IGNORECASE)


OPEN_POPUP_JS = """() => {
  const layer = Object.values(window.atlas.state.drawn)
    .find(l => l.getPopup && l.getPopup() && l.feature.properties.id in window.atlas.catalog().popups);
  layer.openPopup();
}"""


@pytest.fixture(scope="module")
def strict_url() -> Iterator[str]:
    proc, url = start_server(script=REPO / "strict_app.py")
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def strict_context(browser, strict_url) -> Iterator[tuple[BrowserContext, list[str]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    route_offline(context, strict_url)  # blank tiles (the policy allows their hosts), nothing else outside
    context.add_init_script(RECORD_JS)
    console: list[str] = []
    context.on("console", lambda message: console.append(message.text) if CSP_CONSOLE.search(message.text) else None)
    yield context, console
    context.close()


def reports(frame: Frame) -> list[dict]:
    return frame.evaluate("window.__cspReports || []")


def watchdog_frame(page: Page) -> Frame:
    return next(f for f in page.frames if f.url == "about:srcdoc")


def script_sources(policy: str) -> list[str]:
    return next(d.split()[1:] for d in policy.split(";") if d.split() and d.split()[0] == "script-src")


@pytest.mark.parametrize(("path", "query"), [("", "?day=1945-08-20"), ("dongning", "?day=1945-08-20"),
                                             ("captivity", "?month=1946-12")])
def test_each_map_page_draws_under_the_strict_policy_with_no_violation(strict_context, strict_url, path, query):
    context, console = strict_context
    page = context.new_page()
    response = page.goto(f"{strict_url}/{path}{query}")
    # the page's own policy: scripts from the app only (Streamlit's one inline script by its hash)
    page_policy = response.headers["content-security-policy"]
    assert page_policy == csp.page_policy()
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:"} & set(script_sources(page_policy))
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached",
                                                                                        timeout=60_000)
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-icon").first).to_be_visible(timeout=60_000)
    expect(frame.locator(".leaflet-atlas-basemap-pane path").first).to_be_attached(timeout=30_000)

    inner = page.locator(MAP_IFRAME).element_handle().content_frame()
    # a popup's text is fetched from the app's popup files (connect-src 'self') when it opens
    inner.evaluate(OPEN_POPUP_JS)
    expect(frame.locator(".leaflet-popup-content .atlas-popup")).to_be_visible(timeout=30_000)
    frames = {"page": page.main_frame, "watchdog": watchdog_frame(page), "map": inner}
    found = {where: reports(frame_) for where, frame_ in frames.items()}
    assert not any(found.values()), f"violations under the strict policy: {found}"
    assert not console, console  # the console agrees

    # Canaries: an inline script is refused in the page and in the watchdog's srcdoc frame (it inherits
    # the page's policy); the map's frame (streamlit-folium's, whose policy allows inline scripts)
    # refuses an image from outside. Each is reported in its own frame: the listener is there.
    assert frames["page"].evaluate(INLINE_CANARY_JS) is False
    assert frames["watchdog"].evaluate(INLINE_CANARY_JS) is False
    frames["map"].evaluate(IMAGE_CANARY_JS)
    for where, frame_ in frames.items():
        frame_.wait_for_function("() => window.__cspReports.length > 0", timeout=10_000)
        assert len(reports(frame_)) == 1, where
    assert CANARY in reports(frames["map"])[0]["blocked"]
    page.close()


def test_the_page_language_script_runs_under_the_strict_policy(strict_context, strict_url):
    """A page with no map: only static/page-lang.js (loaded by its address from the sidebar) sets <html lang>."""
    context, console = strict_context
    page = context.new_page()
    open_app(page, f"{strict_url}/sources?lang=es")
    expect(page.locator("html")).to_have_attribute("lang", "es", timeout=30_000)
    assert reports(page.main_frame) == [] and console == []
    page.close()


def test_the_map_could_not_load_message_appears_under_the_strict_policy(strict_context, strict_url):
    """The watchdog (static/map/watchdog.js, loaded by address in its srcdoc frame) still runs: with the
    app's map code (Leaflet and the client) failing, the visible message appears in the page."""
    context, console = strict_context
    context.route(outside(strict_url), lambda route: route.abort())
    context.route(MAP_CODE, lambda route: route.abort())
    page = context.new_page()
    open_app(page, f"{strict_url}/?day=1945-08-20")
    expect(page.locator(".atlas-no-map-page")).to_contain_text("The map could not load", timeout=30_000)
    assert reports(page.main_frame) == [] and reports(watchdog_frame(page)) == []
    page.close()
