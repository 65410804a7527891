"""A strict Content-Security-Policy for the atlas, and an ASGI middleware that sends it.

Streamlit sends no Content-Security-Policy. ``strict_app.py`` serves the atlas through Streamlit's
own ASGI app (``st.App``) with :class:`ContentSecurityPolicy` in front of it, which adds the header
to every HTML answer; a reverse proxy can send the same header instead (:func:`page_policy`,
:func:`frame_policy`). What each source list is for, and whose need every exception is, is in
docs/streamlit-contract.md ("Content-Security-Policy"); tests/browser/test_csp.py checks it.

The page's scripts come only from the app's origin: the exceptions there are Streamlit's (a hash of
the one inline script in its index.html, and ``'wasm-unsafe-eval'`` for the WebAssembly its
frontend compiles). streamlit-folium's map frame (a document of its own, served from
``/component/streamlit_folium.st_folium/``) also needs ``'unsafe-inline'`` and ``'unsafe-eval'``:
it runs folium's map script as an inline script element and each layer with ``eval``. None of the
exceptions is the atlas's own: its scripts are files under ``static/``.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import xyzservices.providers as providers

from atlas.map.elements import BASEMAPS

FRAME_PATH = "/component/streamlit_folium.st_folium/"  # streamlit-folium's frame (contract point 3)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


@cache
def streamlit_inline_hashes() -> tuple[str, ...]:
    """``'sha256-…'`` of each inline script in the installed Streamlit's index.html (one in 1.67:
    ``window.prerenderReady = false``). Read from the installed package, so an upgrade that changes
    the script changes the hash with it."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        return ()
    index = Path(spec.origin).parent / "static" / "index.html"
    if not index.is_file():
        return ()
    return tuple(f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode('ascii')}'"
                 for body in _INLINE_SCRIPT.findall(index.read_text(encoding="utf-8")))


@cache
def tile_origins() -> tuple[str, ...]:
    """The origins of the tile layers the maps offer (``elements.BASEMAPS``): images only."""
    origins = []
    for name, _label in BASEMAPS:
        provider = providers.query_name(name)
        parts = urlsplit(provider.build_url(subdomain="a"))
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return tuple(dict.fromkeys(origins))


def _policy(script_src: tuple[str, ...], tiles: bool) -> str:
    directives = {
        "default-src": ("'self'",),
        "script-src": ("'self'", *script_src),
        "style-src": ("'self'", "'unsafe-inline'"),  # Streamlit's and Leaflet's style attributes and elements
        "img-src": ("'self'", "data:", "blob:", *(tile_origins() if tiles else ())),
        "font-src": ("'self'", "data:"),  # Streamlit's stylesheet carries a font as a data: URL
        "connect-src": ("'self'",),  # Streamlit's websocket: 'self' matches ws: and wss: on the same host
        "frame-src": ("'self'",),
        "worker-src": ("'self'", "blob:"),
        "object-src": ("'none'",),
        "base-uri": ("'none'",),
        "form-action": ("'self'",),
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def page_policy(tiles: bool = True) -> str:
    """The policy of the app's page (and of the frames it writes with ``srcdoc``, which inherit it)."""
    return _policy(("'wasm-unsafe-eval'", *streamlit_inline_hashes()), tiles)


def frame_policy(tiles: bool = True) -> str:
    """The policy of streamlit-folium's map frame: it runs folium's script inline and each layer with eval."""
    return _policy(("'unsafe-inline'", "'unsafe-eval'"), tiles)


def policy_for(path: str, tiles: bool = True) -> str:
    """The policy for an HTML answer to a request for ``path`` (the URL's path, under any base path)."""
    return frame_policy(tiles) if FRAME_PATH in path else page_policy(tiles)


class ContentSecurityPolicy:
    """ASGI middleware: adds a Content-Security-Policy header to every HTML answer (the page and the
    component frames); other answers, the websocket and lifespan events pass through untouched."""

    def __init__(self, app: ASGIApp, tiles: bool = True) -> None:
        self.app = app
        self.tiles = tiles

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        policy = policy_for(scope.get("path", ""), self.tiles).encode("latin-1")

        async def send_with_policy(message: Message) -> None:
            if message.get("type") == "http.response.start":
                headers = list(message.get("headers", []))
                content_type = next((value for key, value in headers if key.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html"):
                    headers.append((b"content-security-policy", policy))
                    message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_policy)
