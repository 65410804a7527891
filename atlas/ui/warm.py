"""A fresh server's start: the entry's start-up hook, and what the server says of itself meanwhile.

On a freshly started server the first visit would otherwise wait for what every later one finds
done: importing the app's modules (folium, streamlit-folium, geopandas, ...), reading the data
package (its snapshot, or loading and validating it), building the default page's catalog and first
date, and then, while the browser draws that first map, the default page's step table (built by the
background worker beside it: about 2 s of the server's CPU at today's size; docs/benchmarks.md,
"Cold first visit"). A plain script runs nothing before the first session, so the entry points
(``app.py``, ``strict_app.py``) are Streamlit's ASGI app, whose ``st.App`` calls :func:`lifespan`
when the server starts: the work runs in a thread of its own and the server serves at once (a
visitor who comes meanwhile waits for the same cached results: ``st.cache_resource`` computes each
once).

Until that work is done, or :data:`READY_WITHIN_S` have passed, :class:`ReadinessCheck` answers a
health check from outside a browser (a load balancer, an orchestrator, the tests' and benchmark's
harness) with 503 "warming up", so that a proxy sends visitors to a replica only once it can draw a
map at once. The page's own check passes whatever happens (a browser's request says where it comes
from in ``Sec-Fetch-Site``): a visitor already waiting connects at once, as before.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from atlas.i18n import DEFAULT_LANGUAGE

READY_WITHIN_S = 60.0  # the longest the health check waits for the warm-up (a huge or broken package)
HEALTH_PATHS = ("/_stcore/health", "/healthz")  # Streamlit's health check (under any base URL path)
_warming: dict[str, Any] = {"thread": None, "since": 0.0}


def warm() -> None:
    """Import most of what the pages import, put the static files in place, load the data package and
    build the default map page's catalog (its element and popup files), its first date's view, text
    and layer, and its step table, as the first visit and the background worker would. Errors are left
    to that visit, which shows them (a broken package gets its message there, not a failed start-up)."""
    try:
        # Not atlas.ui.component (streamlit-folium): Streamlit registers a component declared outside a
        # script run nowhere, and a module is imported once, so its map frame would answer 404 for good
        # (seen: tests/browser/test_csp.py). The cache brings folium, geopandas and the core.
        from atlas.pages import DEFAULT_PAGE, MAP_PAGES
        from atlas.ui import background, cache

        cache.install_static()
        loaded = cache.load()
        has_map = not loaded.fatal and DEFAULT_PAGE.name in MAP_PAGES
        name, day = DEFAULT_PAGE.name, DEFAULT_PAGE.default
        if has_map:
            cache.catalog_element(cache.page_catalog(loaded, name, DEFAULT_LANGUAGE))  # and its popup files
            # and what its first date needs besides the map's frame: the first view, the text, the layer
            cache.default_view(loaded, name)
            cache.day_view(loaded, name, day, DEFAULT_LANGUAGE)
            cache.layer_data(loaded, name, day, DEFAULT_LANGUAGE)
        # then folium's plugins (most of streamlit-folium's import, and no component)
        import folium.plugins  # noqa: F401

        # last: the step table, which the worker would build while the browser draws the first map; like
        # the worker, after a visitor's page (and QUIET_S after it: their browser is drawing the map)
        if has_map and background.enabled():
            background.wait_quiet()
            background.build_steps(loaded, name, DEFAULT_LANGUAGE)
    except Exception:  # noqa: BLE001 - only a head start: the first visit does the same and reports
        pass


def start() -> threading.Thread:
    thread = threading.Thread(target=warm, name="atlas-warm", daemon=True)
    _warming.update(thread=thread, since=time.monotonic())
    thread.start()
    return thread


def ready() -> bool:
    """True once the warm-up has ended (or never started, or has taken over :data:`READY_WITHIN_S`)."""
    thread = _warming["thread"]
    return thread is None or not thread.is_alive() or time.monotonic() - _warming["since"] > READY_WITHIN_S


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """``st.App``'s lifespan: start warming, then serve (nothing to undo when the server stops)."""
    start()
    yield


class ReadinessCheck:
    """ASGI middleware: while the server warms up, a health check that does not come from a browser's
    page hears 503 "warming up" (with ``Retry-After: 1``); everything else passes to the app."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (scope.get("type") == "http" and str(scope.get("path", "")).endswith(HEALTH_PATHS) and not ready()
                and not any(name.lower() == b"sec-fetch-site" for name, _ in scope.get("headers", ()))):
            await send({"type": "http.response.start", "status": 503,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-cache"),
                                    (b"retry-after", b"1")]})
            await send({"type": "http.response.body", "body": b"warming up"})
            return
        await self.app(scope, receive, send)
