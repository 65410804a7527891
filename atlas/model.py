"""The data model: what a loaded package is made of, and a problem found in it.

Every other data module (csvfile, rules, tables, links, load) imports from here, and this module
imports none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Line breaks, and the controls and invisible characters of atlas/invisible.py: written as escapes in
# a message, so a value can neither add lines to it nor reorder it (a bidirectional override).
_LINE_BREAKS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e"
                          "\u2060\u2066-\u2069\ufeff]")
QUOTE_LIMIT = 120  # characters of a data value a message quotes
MESSAGE_LIMIT = 600  # characters of a whole message, whatever it quotes


def shorten(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` as one line of text (a line break written as ``\\n``, ``\\u2028``…, a control or
    bidirectional character as its escape), cut to ``limit``
    characters with an ellipsis: a 1 MB value, or one with line breaks, stays one line of a message."""
    text = _LINE_BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(value))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def quote(value: object) -> str:
    """``value`` quoted as in a message (its repr), cut to a readable length."""
    return repr(value if len(repr(value)) <= QUOTE_LIMIT else shorten(value))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located by file and feature id (each cut to a readable length)."""

    file: str
    feature: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", shorten(self.file))
        object.__setattr__(self, "feature", shorten(self.feature))
        object.__setattr__(self, "message", shorten(self.message, MESSAGE_LIMIT))

    def __str__(self) -> str:
        return f"{self.file}: {self.feature}: {self.message}"


class DataError(Exception):
    """The data folder cannot be read at all (no package description, no schema)."""


@dataclass(frozen=True)
class Source:
    """One bibliography entry from ``sources.csv``."""

    key: str
    citation: str
    url: str
    rights: str
    dossier_key: str = ""
    note: str = ""


@dataclass(frozen=True)
class Axis:
    """One army's axis of advance: who, from which start area, and the sources for the route."""

    axis: str
    front: str
    army_en: str
    army_es: str
    commander: str
    start: str
    description_en: str
    description_es: str
    sources: str


@dataclass(frozen=True)
class Figure:
    """One strength or loss figure, with whose figure it is. Figures sharing a topic compete."""

    id: str
    subject: str
    topic: str
    topic_en: str
    topic_es: str
    side: str
    scope_en: str
    scope_es: str
    value_low: int
    value_high: int | None
    according_to_en: str
    according_to_es: str
    certainty: str
    sources: str


@dataclass(frozen=True)
class Claim:
    """A claim from the seed articles (or the click-bait they echo), set against the record."""

    id: str
    subject: str
    claim_en: str
    claim_es: str
    quote: str  # verbatim, in the seed's own language; empty for claims not in the seeds
    seed: str
    verdict: str
    record_en: str
    record_es: str
    certainty: str
    sources: str
    map_page: str  # where the map shows it: offensive | dongning | captivity, or empty
    map_date: str  # YYYY-MM-DD (offensive, dongning) or YYYY-MM (captivity)
    map_feature: str  # a feature id of that page's layer to centre on, or empty


@dataclass(frozen=True)
class HistoryEntry:
    """A dated line of background history (e.g. the fortress's construction), outside the map's window."""

    id: str
    subject: str
    date_start: str
    date_end: str
    certainty: str
    text_en: str
    text_es: str
    sources: str


@dataclass(frozen=True)
class StoryStep:
    """One step of the guided tour: which map, which date, where to look, and what to say."""

    step: int
    page: str
    date: str
    focus: str
    title_en: str
    title_es: str
    caption_en: str
    caption_es: str
    sources: str


@dataclass(frozen=True)
class Label:
    """A place named on a map page for orientation (``labels.csv``); its point is GeoNames'."""

    id: str
    pages: tuple[str, ...]
    name_en: str
    name_es: str
    name_local: str
    lat: float
    lon: float
    geonames_id: int
    rank: int  # 1 shows at every zoom, 2 and 3 only closer in
