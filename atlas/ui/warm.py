"""A fresh server's start, done before its first visitor: the ASGI entry's start-up hook.

On a freshly started server the first visit waits for what every later one finds done: importing the
app's modules (folium, streamlit-folium, geopandas, ...), reading the data package (its snapshot, or
loading and validating it) and building the default page's catalog (about 1.3 s of the first map's
4 s at today's size; docs/benchmarks.md, "Cold first visit"). A plain script runs nothing before the
first session, so the entry points (``app.py``, ``strict_app.py``) are Streamlit's ASGI app, whose
``st.App`` calls :func:`lifespan` when the server starts: the work runs in a thread of its own, so
the server answers at once, and a visitor who comes before it has finished waits for the same
cached results (``st.cache_resource`` computes each once).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from atlas.i18n import DEFAULT_LANGUAGE


def warm() -> None:
    """Import most of what the pages import, put the static files in place, load the data package and
    build the default map page's catalog and its first date's view, text and layer, as the first visit
    would. Errors are left to that visit, which shows them (a broken package gets its message there,
    not a failed start-up)."""
    try:
        # Not atlas.ui.component (streamlit-folium): Streamlit registers a component declared outside a
        # script run nowhere, and a module is imported once, so its map frame would answer 404 for good
        # (seen: tests/browser/test_csp.py). The cache brings folium, geopandas and the core.
        from atlas.pages import DEFAULT_PAGE, MAP_PAGES
        from atlas.ui import cache

        cache.install_static()
        loaded = cache.load()
        if not loaded.fatal and DEFAULT_PAGE.name in MAP_PAGES:
            name, day = DEFAULT_PAGE.name, DEFAULT_PAGE.default
            cache.page_catalog(loaded, name, DEFAULT_LANGUAGE)
            # and what its first date needs besides the map's frame: the first view, the text, the layer
            cache.default_view(loaded, name)
            cache.day_view(loaded, name, day, DEFAULT_LANGUAGE)
            cache.layer_data(loaded, name, day, DEFAULT_LANGUAGE)
        # last (the data first): folium's plugins, most of streamlit-folium's import and no component
        import folium.plugins  # noqa: F401
    except Exception:  # noqa: BLE001 - only a head start: the first visit does the same and reports
        pass


def start() -> threading.Thread:
    thread = threading.Thread(target=warm, name="atlas-warm", daemon=True)
    thread.start()
    return thread


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """``st.App``'s lifespan: start warming, then serve (nothing to undo when the server stops)."""
    start()
    yield
