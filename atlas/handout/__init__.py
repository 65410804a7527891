"""Handouts: printable PDFs of the story and of any map page on any date.

Pure functions returning bytes (no Streamlit); the pages cache them by language and data version:

- :func:`story_pdf` (``atlas, lang, base_url``): title page, one page per story step, sources page.
- :func:`map_pdf` (``atlas, page, day, lang, base_url, compare=None``): one map page on one date.
- :func:`render_map`: the static map alone (a PNG and the ids of the features drawn on it).

Symbology comes from :mod:`atlas.map.symbology` through :mod:`atlas.handout.style` only.
"""

from atlas.handout.mappage import map_pdf
from atlas.handout.staticmap import render_map
from atlas.handout.story import story_pdf

__all__ = ["map_pdf", "render_map", "story_pdf"]
