"""Real-browser fixtures: a Streamlit server on loopback and Debian chromium driven by Playwright.

Nothing here touches the network: Leaflet is served from the npm package installed by
scripts/test.sh (tests/browser/node_modules), map tiles get a blank image, and every other
outside request is refused.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# A 1x1 transparent PNG stands in for every map tile.
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
LOCAL_FILES = {
    "leaflet.js": (NODE_MODULES / "leaflet/dist/leaflet.js", "application/javascript"),
    "leaflet.css": (NODE_MODULES / "leaflet/dist/leaflet.css", "text/css"),
}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _browser_prerequisites():
    missing = [str(p) for p in [Path(CHROMIUM), *(f for f, _ in LOCAL_FILES.values())] if not p.exists()]
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict[str, str] | None = None, script: Path = REPO / "app.py") -> tuple[subprocess.Popen, str]:
    """Start `streamlit run <script>` (the atlas by default) on a free loopback port; wait until healthy."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless=true",
         f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],
        cwd=script.parent, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy within 60 s")


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    proc, url = start_server()
    yield url
    proc.terminate()
    proc.wait(10)


def outside(app_url: str) -> re.Pattern:
    """Every URL that is not the app's. Routing only these leaves the app's own requests (Streamlit
    loads some 60 script chunks lazily) untouched: a route handler in Python costs each request a
    round trip to this process, which made the map page load about a second slower than it is."""
    return re.compile("^(?!" + re.escape(app_url.rstrip("/")) + "/)")


def route_offline(context, app_url: str) -> None:
    """Serve Leaflet locally, blank tiles, and refuse everything else outside the app."""

    def handler(route):
        url = route.request.url
        for name, (path, content_type) in LOCAL_FILES.items():
            if url.split("?")[0].endswith("/" + name):
                return route.fulfill(path=str(path), content_type=content_type)
        if url.endswith(".png") or "/tile/" in url:
            return route.fulfill(body=BLANK_PNG, content_type="image/png")
        return route.abort()

    context.route(outside(app_url), handler)


@pytest.fixture
def offline_page(page, app_url):
    route_offline(page.context, app_url)
    return page


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Tall enough that the whole map is in view: clicking a partly hidden iframe first scrolls the
    # page, and the browser then drops the click (seen in chromium; a real user would re-click).
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1200}}
