"""Reading values from the URL: anything malformed falls back to a default, with a reason."""

from __future__ import annotations

import datetime as dt

from atlas.i18n import LANGUAGES


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
