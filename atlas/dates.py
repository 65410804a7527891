"""Truncated ISO-8601 dates ("1945", "1945-08", "1945-08-09") and the interval each one covers."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateFormatError(ValueError):
    """A date string that is not a valid truncated ISO-8601 date."""


@dataclass(frozen=True)
class PartialDate:
    """A date known to a given precision; ``earliest``..``latest`` is the interval it covers."""

    text: str
    precision: Precision
    earliest: dt.date
    latest: dt.date


def parse_partial(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise :class:`DateFormatError` otherwise.

    >>> parse_partial("1945-08").latest
    datetime.date(1945, 8, 31)
    """
    match = _PARTIAL.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise DateFormatError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return PartialDate(text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        if day is None:
            return PartialDate(text, "month", dt.date(year, month, 1), dt.date(year, month, last))
        exact = dt.date(year, month, day)
    except ValueError as exc:
        raise DateFormatError(f"{text!r} is not a real calendar date ({exc})") from None
    return PartialDate(text, "day", exact, exact)


@dataclass(frozen=True)
class Span:
    """The time a feature covers: from the earliest start to the latest end."""

    start: PartialDate
    end: PartialDate

    @property
    def earliest(self) -> dt.date:
        return self.start.earliest

    @property
    def latest(self) -> dt.date:
        return self.end.latest


def span_of(start: str, end: str | None) -> Span:
    """The span of a feature. A missing ``end`` means the interval that ``start`` describes."""
    first = parse_partial(start)
    last = parse_partial(end) if end else first
    if last.latest < first.earliest:
        raise DateFormatError(f"end {end!r} is before start {start!r}")
    return Span(first, last)

