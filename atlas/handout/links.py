"""Links back from paper to the atlas: the URL of a story step or a map date, and its QR code."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import urlencode

import segno

from atlas.i18n import DEFAULT_LANGUAGE
from atlas.pages import MAP_PAGES

QR_ERROR = "m"  # 15 % of the code may be smudged on paper and it still reads
QR_SCALE = 4  # pixels per module in the embedded PNG (printed at ~25 mm, 1-bit: about 1 kB)
QR_BORDER = 2  # quiet zone in modules (the page margin around the image adds to it)


def _url(base_url: str, path: str, params: dict[str, str], lang: str) -> str:
    if lang != DEFAULT_LANGUAGE:  # the app keeps ?lang= out of the address for the default language
        params = {**params, "lang": lang}
    return f"{base_url.rstrip('/')}/{path}?{urlencode(params)}"


def story_url(base_url: str, step: int, lang: str) -> str:
    """The address of one story step, e.g. ``https://…/story?step=7&lang=es``."""
    return _url(base_url, "story", {"step": str(step)}, lang)


def map_url(base_url: str, page: str, day: dt.date, lang: str) -> str:
    """The address of a map page on a date (``?day=YYYY-MM-DD``, or ``?month=YYYY-MM`` on the captivity map)."""
    if MAP_PAGES[page].monthly:
        return _url(base_url, page, {"month": day.strftime("%Y-%m")}, lang)
    return _url(base_url, page, {"day": day.isoformat()}, lang)


def qr_matrix(url: str) -> tuple[tuple[int, ...], ...]:
    """The QR code's modules (1 = dark), without the quiet zone: what the printed code encodes."""
    code = segno.make_qr(url, error=QR_ERROR)
    return tuple(tuple(int(bool(m)) for m in row) for row in code.matrix)


def qr_png(url: str) -> bytes:
    """A 1-bit PNG of the QR code of ``url`` (segno, pure Python)."""
    buffer = io.BytesIO()
    segno.make_qr(url, error=QR_ERROR).save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return buffer.getvalue()
