"""Several replicas behind HAProxy (scripts/replicas.py): new visitors are spread over the replicas,
and each browser's page, steps and websocket reconnections stay on its own replica.

Skipped unless Debian's haproxy is installed (scripts/test.sh installs it). Every process the test
starts (HAProxy and the replicas) is stopped by the fixture, whatever happens.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.support.browser import REPO, caption, open_app, route_offline

SPEC = importlib.util.spec_from_file_location("replicas_script", REPO / "scripts" / "replicas.py")
replicas = sys.modules[SPEC.name] = importlib.util.module_from_spec(SPEC)  # dataclasses look it up
SPEC.loader.exec_module(replicas)

pytestmark = pytest.mark.skipif(replicas.haproxy_binary() is None, reason="haproxy is not installed (scripts/test.sh installs it)")
LINE = re.compile(r"^(\S+) (\S+) (\S+) cookie=\{(\w*)\}$")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    running = replicas.start(2)
    try:
        yield running
    finally:
        running.stop()
        assert running.proxy.poll() is not None and all(p.poll() is not None for p, _ in running.replicas)


def requests(cluster) -> list[tuple[str, str, str, str]]:
    """(replica, method, path, cookie) of every request HAProxy has logged so far."""
    lines = cluster.log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [m.groups() for m in map(LINE.match, lines) if m]


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.1)  # polls a log file written by another process, not the page


def visit(browser: Browser, cluster) -> tuple[BrowserContext, object, str]:
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    route_offline(context, cluster.url)
    page = context.new_page()
    with page.expect_response(lambda r: r.url.startswith(cluster.url + "/?")) as first:
        open_app(page, f"{cluster.url}/?day=1945-08-09")
    return context, page, first.value.headers["x-replica"]


def test_new_visitors_are_spread_over_the_replicas(browser: Browser, cluster):
    visits = [visit(browser, cluster) for _ in range(3)]
    try:
        assert {replica for _, _, replica in visits} == {"r1", "r2"}
        for context, page, replica in visits:  # the cookie names the replica the page came from
            assert {c["value"] for c in context.cookies() if c["name"] == replicas.COOKIE} == {replica}
            expect(caption(page)).to_contain_text("9 August 1945", timeout=60_000)
    finally:
        for context, _, _ in visits:
            context.close()


def test_a_step_and_a_reconnect_stay_on_the_same_replica(browser: Browser, cluster):
    context, page, replica = visit(browser, cluster)
    try:
        mine = lambda: [r for r in requests(cluster) if r[3] == replica]  # noqa: E731
        streams = lambda: [r for r in mine() if r[2].startswith("/_stcore/stream")]  # noqa: E731
        wait_until(lambda: len(streams()) >= 1)
        expect(caption(page)).to_contain_text("9 August 1945", timeout=60_000)
        page.locator('input[type="range"][aria-label="Date"]').press("ArrowRight")
        expect(caption(page)).to_contain_text("10 August 1945", timeout=60_000)
        before = len(streams())
        cluster.drop_connections(replica)  # a network glitch: the page's websocket closes and reconnects
        wait_until(lambda: len(streams()) > before)
        page.locator('input[type="range"][aria-label="Date"]').press("ArrowRight")
        expect(caption(page)).to_contain_text("11 August 1945", timeout=60_000)
        assert {r[0] for r in mine()} == {replica}  # page, scripts, steps and both websockets
        assert page.evaluate("() => fetch('/_stcore/health').then(r => r.headers.get('X-Replica'))") == replica
    finally:
        context.close()
