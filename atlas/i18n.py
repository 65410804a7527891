"""Interface strings in English and Spanish (atlas/locales/*.toml), and localized dates (via Babel)."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from babel.dates import format_date, format_skeleton

from atlas.dates import PartialDate, parse_partial

LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT_LANGUAGE = "en"
_BABEL_LOCALE = {"en": "en_GB", "es": "es_ES"}
_DAY_MONTH = {"en": "d MMMM", "es": "d 'de' MMMM"}

LOCALES_DIR = Path(__file__).resolve().parent / "locales"


def _read_messages() -> dict[str, dict[str, str]]:
    """Each language's strings from its file (atlas/locales/<code>.toml), which a translator edits
    without touching Python."""
    return {code: tomllib.loads((LOCALES_DIR / f"{code}.toml").read_text(encoding="utf-8")) for code in LANGUAGES}


MESSAGES: dict[str, dict[str, str]] = _read_messages()


def normalize_language(value: object) -> str:
    """A supported language code; anything else falls back to the default."""
    return value if isinstance(value, str) and value in MESSAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (English if missing), with ``values`` filled in."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANGUAGE])
    text = table.get(key, MESSAGES[DEFAULT_LANGUAGE][key])
    return text.format(**values) if values else text


def t_default(key: str, lang: str, default: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (English if missing), or ``default`` when no language has it
    (a layer the app has no message for is named by its own title in datapackage.json)."""
    if key not in MESSAGES.get(lang, {}) and key not in MESSAGES[DEFAULT_LANGUAGE]:
        return default
    return t(key, lang, **values)


def plural(key: str, n: int, lang: str, **values: object) -> str:
    """``key_one`` or ``key_other`` depending on ``n`` (enough for English and Spanish)."""
    return t(f"{key}_{'one' if n == 1 else 'other'}", lang, n=n, **values)


def long_date(day: dt.date, lang: str) -> str:
    """'15 August 1945' / '15 de agosto de 1945'."""
    return format_date(day, format="long", locale=_BABEL_LOCALE[normalize_language(lang)])


def partial_date(value: PartialDate, lang: str) -> str:
    """A truncated date at its own precision: '1945', 'August 1945', '9 August 1945'."""
    locale = _BABEL_LOCALE[normalize_language(lang)]
    if value.precision == "year":
        return value.text
    if value.precision == "month":
        return format_skeleton("yMMMM", value.earliest, locale=locale)
    return format_date(value.earliest, format="long", locale=locale)


def short_date(day: dt.date, lang: str) -> str:
    """'20 Aug 1945' / '20 ago 1945' (Babel), short enough for a slider's thumb."""
    return format_date(day, format="medium", locale=_BABEL_LOCALE[normalize_language(lang)])


def month_label(month: dt.date, lang: str) -> str:
    """'Sep 1945' / 'sept 1945' (Babel)."""
    return format_skeleton("yMMM", month, locale=_BABEL_LOCALE[normalize_language(lang)])


def long_month(month: dt.date, lang: str) -> str:
    """'September 1945' / 'septiembre de 1945' (Babel)."""
    return format_skeleton("yMMMM", month, locale=_BABEL_LOCALE[normalize_language(lang)])


def date_range(start: str, end: str | None, lang: str) -> str:
    """A feature's dates, localized: '19–20 August 1945' or a single date."""
    first = parse_partial(start)
    if not end or end == start:
        return partial_date(first, lang)
    last = parse_partial(end)
    a, b = first.earliest, last.earliest
    if first.precision == last.precision == "day" and a.year == b.year:
        if a.month == b.month:
            return f"{a.day}–{long_date(b, lang)}"
        locale = _BABEL_LOCALE[normalize_language(lang)]
        return f"{format_date(a, _DAY_MONTH[normalize_language(lang)], locale=locale)} – {long_date(b, lang)}"
    return f"{partial_date(first, lang)} – {partial_date(last, lang)}"
