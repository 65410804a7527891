"""The step table: the map draws the slider's new date in the browser, before the server answers."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import route_offline
from tests.browser.test_map_browser import MAP_IFRAME, caption, expected_markers, open_app, settled_map

NOT_RUNNING = "[data-testid='stApp'][data-test-script-state='notRunning']"


class HeldServer:
    """Stands between the page and Streamlit's websocket; while ``holding``, what the server sends
    is kept back (the page's own messages still go through)."""

    def __init__(self) -> None:
        self.holding = False
        self.held: list[str | bytes] = []
        self.page_side = None

    def route(self, ws) -> None:
        server = ws.connect_to_server()
        self.page_side = ws
        ws.on_message(server.send)
        server.on_message(self._from_server)

    def _from_server(self, message) -> None:
        if self.holding:
            self.held.append(message)
        else:
            self.page_side.send(message)

    def release(self) -> None:
        self.holding = False
        for message in self.held:
            self.page_side.send(message)
        self.held.clear()


def open_with_step_table(page: Page, url: str) -> None:
    """Open ``url`` until the page carries its step table: the server builds it in the background
    after the page's first visit (atlas.ui.prewarm), and only visits after that get it."""
    deadline = time.monotonic() + 180
    while True:
        open_app(page, url)
        if page.locator("[data-atlas-steps]").count():
            return
        assert time.monotonic() < deadline, "the page never got its step table"
        page.wait_for_timeout(2000)


@pytest.mark.parametrize(("path", "key", "before", "after"), [
    ("/?day=1945-08-20", "day", "1945-08-20", "1945-08-21"),
    ("/captivity?month=1945-12", "month", "1945-12-31", "1946-01-31"),
])
def test_the_map_draws_the_next_date_before_the_server_answers(browser, app_url: str, path, key, before, after):
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    route_offline(context, app_url)
    server = HeldServer()
    context.route_web_socket(re.compile(r"/_stcore/stream"), server.route)
    page = context.new_page()
    try:
        open_with_step_table(page, app_url + path)
        inner = settled_map(page)
        inner.wait_for_function(f"() => window.atlasApplied && window.atlasApplied.day === '{before}'", timeout=30_000)
        text_before = caption(page).inner_text()
        slider = page.locator(f'.st-key-{key} input[type="range"]')
        slider.focus()

        server.holding = True
        slider.press("ArrowRight")
        inner.wait_for_function(f"() => window.atlasApplied.day === '{after}'", timeout=10_000)
        if path.startswith("/?day"):
            expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon")).to_have_count(expected_markers(after))
        drawn = inner.evaluate("() => window.atlasApplied.count")
        page.wait_for_timeout(300)
        assert caption(page).inner_text() == text_before  # nothing from the server has arrived

        server.release()
        expect(caption(page)).not_to_have_text(text_before, timeout=30_000)
        page.locator(NOT_RUNNING).wait_for(state="attached", timeout=30_000)
        page.wait_for_timeout(300)
        # The server's step named the same date, found it drawn, and drew nothing again.
        assert inner.evaluate("() => [window.atlasApplied.day, window.atlasApplied.count]") == [after, drawn]
    finally:
        context.close()


def test_quick_presses_leave_map_caption_and_slider_on_the_same_date(offline_page: Page, app_url: str):
    """Five presses in a row: whatever order the server's steps arrive in, everything ends on the 25th."""
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-20")
    inner = settled_map(page)
    slider = page.locator('input[type="range"][aria-label="Date"]')
    slider.focus()
    for _ in range(5):
        slider.press("ArrowRight")
    expect(caption(page)).to_contain_text("up to 25 August 1945", timeout=30_000)
    page.locator(NOT_RUNNING).wait_for(state="attached", timeout=30_000)
    page.wait_for_timeout(500)
    assert inner.evaluate("() => window.atlasApplied.day") == "1945-08-25"
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon")).to_have_count(expected_markers("1945-08-25"))
    expect(page).to_have_url(re.compile(r"day=1945-08-25"))
