"""Real-browser fixtures: a Streamlit server on loopback and Debian chromium driven by Playwright.

Nothing here touches the network: Leaflet is served from the npm package installed by
scripts/test.sh (tests/browser/node_modules), map tiles get a blank image, and every other
outside request is refused. The helpers (server, routing, map and caption) are in
tests/support/browser.py, which the scripts use too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, route_offline, start_server


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _browser_prerequisites():
    missing = [str(p) for p in [Path(CHROMIUM)] if not p.exists()]
    if missing:
        pytest.fail("browser tests need " + ", ".join(missing) + ": run `bash scripts/test.sh`, which installs them")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    proc, url = start_server()
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture
def offline_page(page, app_url):
    route_offline(page.context, app_url)
    return page


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Tall enough that the whole map is in view: clicking a partly hidden iframe first scrolls the
    # page, and the browser then drops the click (seen in chromium; a real user would re-click).
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1200}}
