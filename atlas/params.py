"""Reading values from the URL: anything malformed falls back to a default, with a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from atlas.i18n import LANGUAGES

MAX_VALUE_CHARS = 2_000  # no value this app reads is longer than a few dozen characters


def oversized(query: Mapping[str, object]) -> list[str]:
    """The query parameters whose name or value is over :data:`MAX_VALUE_CHARS` (ignored, with a notice)."""
    return [key for key, value in query.items() if len(key) > MAX_VALUE_CHARS or len(str(value)) > MAX_VALUE_CHARS]


def parse_day(raw: object, first: dt.date, last: dt.date) -> tuple[dt.date | None, str]:
    """(date, '') if ``raw`` is an ISO date inside first..last, else (None, 'invalid'|'out_of_range')."""
    if not isinstance(raw, str) or len(raw) > 10:
        return None, "invalid"
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return None, "invalid"
    if not first <= day <= last:
        return None, "out_of_range"
    return day, ""


def parse_language(raw: object) -> tuple[str | None, str]:
    """(code, '') for a supported language code, else (None, 'invalid')."""
    return (raw, "") if isinstance(raw, str) and raw in LANGUAGES else (None, "invalid")


def parse_month(raw: object, first: dt.date, last: dt.date) -> tuple[dt.date | None, str]:
    """(first day of the month, '') if ``raw`` is ``YYYY-MM`` inside first..last, else (None, reason)."""
    if not isinstance(raw, str) or len(raw) != 7:
        return None, "invalid"
    try:
        month = dt.date.fromisoformat(raw + "-01")
    except ValueError:
        return None, "invalid"
    if not first.replace(day=1) <= month <= last.replace(day=1):
        return None, "out_of_range"
    return month, ""


def parse_step(raw: object, total: int) -> tuple[int | None, str]:
    """(step, '') for a whole number 1..total, else (None, 'invalid'|'out_of_range')."""
    if not isinstance(raw, str) or not (raw.isascii() and raw.isdigit()) or len(raw) > 4:
        return None, "invalid"
    number = int(raw)
    return (number, "") if 1 <= number <= total else (None, "out_of_range")
