"""The step table: the map draws the slider's new date in the browser, before the server answers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.support.browser import (
    MAP_IFRAME,
    NOT_RUNNING,
    caption,
    expected_markers,
    open_app,
    record_renders,
    route_offline,
    settled_map,
    url_with,
    wait_for_render,
    wait_until,
)


class HeldServer:
    """Stands between the page and Streamlit's websocket; while ``holding``, what the server sends
    is kept back (the page's own messages still go through). ``finished`` counts the script runs
    whose end is among the held messages: the server's whole answer is there."""

    def __init__(self) -> None:
        self.holding = False
        self.held: list[str | bytes] = []
        self.finished = 0
        self.page_side = None

    def route(self, ws) -> None:
        server = ws.connect_to_server()
        self.page_side = ws
        ws.on_message(server.send)
        server.on_message(self._from_server)

    def _from_server(self, message) -> None:
        if not self.holding:
            self.page_side.send(message)
            return
        self.held.append(message)
        if isinstance(message, bytes):
            msg = ForwardMsg.FromString(message)
            if (msg.WhichOneof("type") == "script_finished"
                    and msg.script_finished != ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN):
                self.finished += 1

    def release(self) -> None:
        self.holding = False
        for message in self.held:
            self.page_side.send(message)
        self.held.clear()


def open_with_step_table(page: Page, url: str) -> None:
    """Open ``url`` until the page carries its step table: the server builds it in the background
    after the page's first visit (atlas.ui.background), and only visits after that get it. Nothing in
    the page says when the server is done, so the page is opened again every 2 s until it has it."""

    def has_table() -> bool:
        open_app(page, url)
        return page.locator("[data-atlas-steps]").count() > 0

    wait_until(page, has_table, "the page never got its step table", timeout_s=180, every_ms=2_000)


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
        record_renders(inner)
        text_before = caption(page).inner_text()
        slider = page.locator(f'.st-key-{key} input[type="range"]')
        slider.focus()

        server.holding = True
        slider.press("ArrowRight")
        inner.wait_for_function(f"() => window.atlasApplied.day === '{after}'", timeout=10_000)
        if path.startswith("/?day"):
            expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon")).to_have_count(expected_markers(after))
        drawn = inner.evaluate("() => window.atlasApplied.count")
        # The server has answered the step in full, and none of it has reached the page: the map drew
        # the new date from its step table alone.
        wait_until(page, lambda: server.finished > 0, "the server did not answer the step")
        assert caption(page).inner_text() == text_before
        assert inner.evaluate("() => [window.atlasApplied.day, window.atlasApplied.count]") == [after, drawn]

        server.release()
        expect(caption(page)).not_to_have_text(text_before, timeout=30_000)
        wait_for_render(inner, after)  # the map has handled the layer the server sent for the new date
        # The server's step named the same date, found it drawn, and drew nothing again.
        assert inner.evaluate("() => [window.atlasApplied.day, window.atlasApplied.count]") == [after, drawn]
    finally:
        context.close()


def test_quick_presses_leave_map_caption_and_slider_on_the_same_date(offline_page: Page, app_url: str):
    """Five presses in a row: whatever order the server's steps arrive in, everything ends on the 25th."""
    page = offline_page
    open_app(page, f"{app_url}/?day=1945-08-20")
    inner = settled_map(page)
    record_renders(inner)
    slider = page.locator('input[type="range"][aria-label="Date"]')
    slider.focus()
    for _ in range(5):
        slider.press("ArrowRight")
    expect(caption(page)).to_contain_text("up to 25 August 1945", timeout=30_000)
    page.locator(NOT_RUNNING).wait_for(state="attached", timeout=30_000)
    wait_for_render(inner, "1945-08-25")  # the map has handled the server's last step
    assert inner.evaluate("() => window.atlasApplied.day") == "1945-08-25"
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon")).to_have_count(expected_markers("1945-08-25"))
    expect(page).to_have_url(url_with("day", "1945-08-25"))
