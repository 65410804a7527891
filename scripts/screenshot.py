"""Screenshots of the pages (offline: tiles are blanked, Leaflet served locally), for the docs and for
looking at a change: every map page at a projector's 1366×768 and a phone's 390×844, in English
and Spanish, and the presenter view.

Usage: .venv/bin/python scripts/screenshot.py [out-dir]   (after `bash scripts/test.sh` set-up)
Writes <out-dir>/<page>-<width>x<height>-<lang>.png (default out-dir: docs/screens).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.browser import CHROMIUM, route_offline, start_server  # noqa: E402

SHOTS = (("", "?day=1945-08-20"), ("dongning", "?day=1945-08-20"), ("captivity", "?month=1946-12"),
         ("story", "?step=4"))
SIZES = ((1366, 768), (390, 844))


def settled(page) -> None:
    """Wait until the map has drawn its markers and its big date."""
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    frame.locator(".atlas-icon").first.wait_for(timeout=60_000)
    frame.locator(".atlas-date").filter(has_text="19").first.wait_for(timeout=60_000)
    # and the map's own CSS has arrived (the big date is styled), so a shot never shows a half-styled map
    inner = next(f for f in page.frames if "streamlit_folium" in f.url)
    inner.wait_for_function("() => parseFloat(getComputedStyle(document.querySelector('.atlas-date')).fontSize) >= 22",
                            timeout=60_000)
    # and the overlays of 1945, which come a frame after the first date's places (static/map/controls.js)
    inner.wait_for_function("() => !((window.atlas.catalog().overlays || []).length)"
                            " || !!document.querySelector('.leaflet-atlas-lines-pane path, .leaflet-atlas-polities-pane path')",
                            timeout=60_000)


def main(out: str = "docs/screens") -> None:
    folder = ROOT / out
    folder.mkdir(parents=True, exist_ok=True)
    proc, url = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for width, height in SIZES:
                for lang in ("en", "es"):
                    context = browser.new_context(viewport={"width": width, "height": height})
                    route_offline(context, url)
                    page = context.new_page()
                    for name, query in SHOTS:
                        page.goto(f"{url}/{name}{query}&lang={lang}")
                        settled(page)
                        page.screenshot(path=str(folder / f"{name or 'offensive'}-{width}x{height}-{lang}.png"))
                    if width > 1000:
                        page.goto(f"{url}/?day=1945-08-20&lang={lang}")
                        settled(page)
                        # the map grows with the view: the shot waits for Leaflet's resize and the moveend
                        # after it (200 ms later), on which the basemap and the lines are drawn anew
                        inner = next(f for f in page.frames if "streamlit_folium" in f.url)
                        inner.evaluate("() => { window.__resized = false; window.map.once('resize', () =>"
                                       " window.map.once('moveend', () => { window.__resized = true; })); }")
                        page.keyboard.press("f")
                        page.locator("body.atlas-presenting").wait_for(state="attached")
                        page.wait_for_function("() => !document.querySelector('[data-testid=stSidebar]')"
                                               " || getComputedStyle(document.querySelector('[data-testid=stSidebar]'))"
                                               ".display === 'none'")
                        inner.wait_for_function("() => window.__resized", timeout=30_000)
                        inner.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
                        page.screenshot(path=str(folder / f"presenter-{width}x{height}-{lang}.png"))
                    context.close()
            browser.close()
    finally:
        proc.terminate()


if __name__ == "__main__":
    main(*sys.argv[1:])
