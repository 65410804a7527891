"""The map client's files (static/map/): where the app serves them and their text for a standalone page.

The app serves ``static/`` itself (``server.enableStaticServing``), so the map's frame loads the
client from the app's own origin. streamlit-folium's frame lives at ``<base>/component/<name>/``;
the client's URL is written relative to it, so it works under any base URL path.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
CLIENT_DIR = STATIC_DIR / "map"
SCRIPTS = ("atlas-map.js", "streamlit-adapter.js")  # in load order
STYLES = ("atlas-map.css",)
SERVED_FROM = "../../app/static/map/"  # relative to streamlit-folium's component frame


def script_urls() -> list[tuple[str, str]]:
    """(name, URL) of each client script, for folium's ``default_js``."""
    return [(name.removesuffix(".js"), SERVED_FROM + name) for name in SCRIPTS]


def style_urls() -> list[tuple[str, str]]:
    return [(name.removesuffix(".css"), SERVED_FROM + name) for name in STYLES]


@cache
def source(name: str) -> str:
    """The text of one client file (for a standalone page, which has no app to load it from)."""
    return (CLIENT_DIR / name).read_text(encoding="utf-8")


def inline_script(text: str) -> str:
    """``text`` as the body of a script element: nothing in it can close the element."""
    return text.replace("</", "<\\/")
