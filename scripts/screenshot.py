"""Take docs/screenshot.png of the offensive page (offline: tiles are blanked, Leaflet served locally).

Usage: .venv/bin/python scripts/screenshot.py [YYYY-MM-DD [page-path [file-name]]]   (after `bash scripts/test.sh` set-up)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, MAP_IFRAME, route_offline, settled_map, start_server  # noqa: E402


def main(day: str = "1945-08-20", path: str = "", out: str = "screenshot.png") -> None:
    proc, url = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            route_offline(context, url)
            page = context.new_page()
            param = "month" if len(day) == 7 else "day"  # YYYY-MM for the captivity page
            page.goto(f"{url}/{path}?{param}={day}")
            page.frame_locator(MAP_IFRAME).locator(".atlas-icon").first.wait_for()
            settled_map(page)  # the map has its final size and has stopped moving
            page.screenshot(path=str(ROOT / "docs" / out))
            browser.close()
    finally:
        proc.terminate()


if __name__ == "__main__":
    main(*sys.argv[1:])
