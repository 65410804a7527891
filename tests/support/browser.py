"""What the browser tests and the scripts that drive a browser share: a Streamlit server on loopback,
offline routing (Leaflet from npm, blank tiles, nothing else outside the app), and the way to find
the atlas's map and its caption on a page and to wait until they are ready.

The browser tests (tests/browser), scripts/benchmark.py and scripts/screenshot.py import from here;
nothing here is a test or a fixture (those are in tests/browser/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Frame, Locator, Page, expect

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# A 1x1 transparent PNG stands in for every map tile.
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)

# The page's markup the tests rely on (Streamlit's and streamlit-folium's, not the atlas's own).
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
# The map's code: Leaflet and the client in one file (atlas/map/client.py), what a blocked or slow network
# keeps from the map's frame.
MAP_CODE = "**/app/static/generated/map/atlas-client-*.js"
NOT_RUNNING = "[data-testid='stApp'][data-test-script-state='notRunning']"  # the script run has ended


# --- the server -------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def spawn_server(script: Path, port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`streamlit run <script>` on loopback ``port``, not waited for."""
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"],
        # the file watcher is off in .streamlit/config.toml (as deployed), so it is not set here
        cwd=script.parent, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def start_server(env: dict[str, str] | None = None, script: Path = REPO / "app.py") -> tuple[subprocess.Popen, str]:
    """Start `streamlit run <script>` (the atlas by default) on a free loopback port; wait until healthy."""
    port = free_port()
    proc = spawn_server(script, port, env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.2)  # the server is not listening yet: ask again
    proc.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


# --- offline routing --------------------------------------------------------------------------------

def outside(app_url: str) -> re.Pattern:
    """Every URL that is not the app's. Routing only these leaves the app's own requests (Streamlit
    loads some 60 script chunks lazily) untouched: a route handler in Python costs each request a
    round trip to this process, which made the map page load about a second slower than it is."""
    return re.compile("^(?!" + re.escape(app_url.rstrip("/")) + "/)")


def offline_answer(url: str) -> dict | None:
    """How an outside request is answered offline: keyword arguments for ``route.fulfill`` (a blank
    image for a tile), or None to refuse it. Leaflet and the map client come from the app itself."""
    if url.endswith(".png") or "/tile/" in url:
        return {"body": BLANK_PNG, "content_type": "image/png"}
    return None


def route_offline(context, app_url: str) -> None:
    """Blank tiles, and refuse everything else outside the app."""

    def handler(route):
        answer = offline_answer(route.request.url)
        return route.fulfill(**answer) if answer else route.abort()

    context.route(outside(app_url), handler)


# --- the page ---------------------------------------------------------------------------------------

def open_app(page: Page, url: str) -> None:
    """Go to ``url`` and wait until the app's script run has ended."""
    page.goto(url)
    page.locator(NOT_RUNNING).wait_for(state="attached", timeout=60_000)


def caption(page: Page) -> Locator:
    """The caption under the slider that says what is on the map."""
    return page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first


def map_frame(page: Page) -> Frame:
    """The map's iframe as it is now (looked up afresh: a remounted iframe is followed)."""
    return page.locator(MAP_IFRAME).element_handle(timeout=30_000).content_frame()


def query_param(page: Page, key: str) -> list[str]:
    """The values of ``key`` in the page's address (an empty list if it is not there)."""
    return parse_qs(urlsplit(page.url).query).get(key, [])


def url_with(key: str, value: str) -> re.Pattern:
    """An address whose query has ``key`` set to exactly ``value``, for ``expect(page).to_have_url``."""
    return re.compile(rf"[?&]{re.escape(key)}={re.escape(value)}(&|#|$)")


# Installed in the page before an action: notes when the app's script leaves the "not running" state
# (a run was asked for or started). Records are read with their old value, so a run that starts and
# ends between two callbacks is still seen.
WATCH_RUNS_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (window.__atlasRunWatch) { window.__atlasRunWatch.disconnect(); }
  window.__atlasRunSeen = false;
  window.__atlasRunWatch = new MutationObserver(records => {
    const now = app.getAttribute('data-test-script-state');
    if (now !== 'notRunning' || records.some(r => r.oldValue !== 'notRunning')) { window.__atlasRunSeen = true; }
  });
  window.__atlasRunWatch.observe(app, {attributes: true, attributeOldValue: true,
                                       attributeFilter: ['data-test-script-state']});
}"""


def after_run(page: Page, action, timeout: float = 30_000) -> None:
    """Do ``action`` (a click, a key press) and wait until the script run it causes has ended."""
    page.evaluate(WATCH_RUNS_JS)
    action()
    page.wait_for_function("sel => window.__atlasRunSeen && document.querySelector(sel) !== null",
                           arg=NOT_RUNNING, timeout=timeout)


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

# True once the map iframe's script has run to its end (streamlit-folium then sets window.map). The
# iframe is served from the app's own origin, so the page can look into it.
MAP_EXISTS_JS = """sel => {
  const frame = document.querySelector(sel);
  return !!(frame && frame.contentWindow && frame.contentWindow.map);
}"""


def settled_map(page: Page) -> Frame:
    """The map's frame once the iframe has its final height and the map has stopped moving."""
    from atlas.ui.mapview import MAP_HEIGHT  # imported here: merely importing this module does not load the app

    expect(page.locator(MAP_IFRAME)).to_have_attribute("height", str(MAP_HEIGHT), timeout=30_000)
    page.wait_for_function(MAP_EXISTS_JS, arg=MAP_IFRAME, timeout=30_000)
    inner = map_frame(page)
    assert inner.evaluate(MAP_IDLE_JS)
    return inner


# Installed in the map's iframe: records the date each layer the server sends names, once the
# component has handled it. streamlit-folium receives its arguments in Streamlit's component message
# ("streamlit:render") and runs the layer's script (window.atlas.apply) while handling it; this
# listener is added after streamlit-folium's, so it runs after it for the same message.
RECORD_RENDERS_JS = """() => {
  if (window.__atlasRenders) { return; }
  window.__atlasRenders = [];
  window.addEventListener('message', e => {
    const args = e.data && e.data.type === 'streamlit:render' && e.data.args;
    if (!args || typeof args.feature_group !== 'string') { return; }
    const named = [...args.feature_group.matchAll(/"d": "([0-9-]+)"/g)];  // the layer's date is its last key
    window.__atlasRenders.push(named.length ? named[named.length - 1][1] : '');
  });
}"""


def record_renders(inner: Frame) -> None:
    """Start recording, in the map's iframe, the date of each layer the server sends (see
    :func:`wait_for_render`)."""
    inner.evaluate(RECORD_RENDERS_JS)


def wait_for_render(inner: Frame, day: str, timeout: float = 30_000) -> None:
    """Wait until the last layer the map received from the server (since :func:`record_renders`)
    names ``day`` and has been handled: the map has processed the server's answer for that date."""
    inner.wait_for_function(
        "day => { const r = window.__atlasRenders; return !!r && r.length > 0 && r[r.length - 1] === day; }",
        arg=day, timeout=timeout)


def wait_until(page: Page, condition, what: str, timeout_s: float = 30, every_ms: int = 50) -> None:
    """Wait until ``condition()`` (a test of this process's own state, such as what a websocket route
    has seen) is true, asking again every ``every_ms``; fail with ``what`` after ``timeout_s``.
    The pause is Playwright's, so its event handlers (routes, websockets) keep running meanwhile."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"{what} (not within {timeout_s:g} s)"
        page.wait_for_timeout(every_ms)


# --- what the core says should be on the map -------------------------------------------------------

@functools.cache
def _atlas():
    from atlas.load import load_atlas
    from atlas.paths import DEFAULT_GEODATA_DIR

    return load_atlas(DEFAULT_GEODATA_DIR)


def shown_on(page: str, day: str):
    """(placed features, axis segments, arrowheads) of map page ``page`` on ``day`` (ISO date), from the
    core (every layer the page draws: its own and, e.g., the civilians)."""
    from atlas.scene import page_frame
    from atlas.timeline import axis_geometry, on_date, split_placed

    atlas = _atlas()
    frame = page_frame(atlas, page)
    shown = on_date(frame, dt.date.fromisoformat(day), atlas.axes)
    placed, _ = split_placed(shown)
    segments, heads = axis_geometry(shown, frame, atlas.axes)
    return placed, segments, heads


def expected_markers(day: str) -> int:
    """How many icons the offensive map shows on ``day``: every marker and arrowhead is one .atlas-icon."""
    placed, _, heads = shown_on("offensive", day)
    return len(placed) + len(heads)


def open_map(page: Page, url: str, day: str) -> tuple:
    """Open the app at ``url`` and wait until the offensive map shows every marker of ``day`` and is still."""
    open_app(page, url)
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-icon")).to_have_count(expected_markers(day), timeout=30_000)
    return frame, settled_map(page)
