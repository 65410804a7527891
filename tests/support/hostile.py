"""The hostile-input corpus (tests/fixtures/hostile_strings.json) and a synthetic package with it in
every text field of every data file (issue 15)."""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from atlas.invisible import check_text, is_warning
from tests.conftest import (
    AXES_CSV,
    AXIS_FEATURES,
    CLAIMS_CSV,
    FEATURES,
    FIGURES_CSV,
    HISTORY_CSV,
    LABELS_CSV,
    REPO,
    SOURCES_CSV,
    STORY_CSV,
    write_package,
)

CORPUS_FILE = REPO / "tests" / "fixtures" / "hostile_strings.json"
# Free text: any string is valid there, so the features and rows stay on the pages.
FEATURE_TEXT = tuple(f"{field}_{lang}" for field in ("name", "description", "date_note", "units", "region", "labour",
                                                     "prisoners", "deaths", "value_label") for lang in ("en", "es")
                     ) + ("name_zh", "name_ja", "name_ru", "name_ko")
TABLE_TEXT = {
    "sources": ("citation", "rights", "note"),
    "axes": ("army_en", "army_es", "commander", "description_en", "description_es"),
    "figures": ("topic_en", "topic_es", "scope_en", "scope_es", "according_to_en", "according_to_es"),
    "claims": ("claim_en", "claim_es", "quote", "record_en", "record_es"),
    "history": ("text_en", "text_es"),
    "story": ("title_en", "title_es", "caption_en", "caption_es"),
    "labels": ("name_en", "name_es", "name_local"),
}
TABLES = {"sources": SOURCES_CSV, "axes": AXES_CSV, "figures": FIGURES_CSV, "claims": CLAIMS_CSV,
          "history": HISTORY_CSV, "story": STORY_CSV, "labels": LABELS_CSV}


def corpus() -> list[tuple[str, str]]:
    """(name, string) for every hostile string, the repeated ones expanded."""
    doc = json.loads(CORPUS_FILE.read_text(encoding="utf-8"))
    return [(e["name"], e["value"] if "value" in e else e["repeat"] * e["times"]) for e in doc["strings"]]


def refused(value: str) -> bool:
    """Whether the validator refuses ``value`` in any text field: a bidirectional control or a
    control character (atlas/invisible.py) leaves its feature or row out."""
    return any(not is_warning(message) for message in check_text("f", value))


def short_corpus() -> list[tuple[str, str]]:
    """The corpus the validator lets through to the pages: without the strings longer than a text
    field may be, nor those it refuses in any text field (:func:`refused`)."""
    return [(name, value) for name, value in corpus() if len(value) <= 1_000 and not refused(value)]


def _table(text: str, columns: tuple[str, ...] | None, pick: Callable[[], str]) -> str:
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for column in row:
            if columns is None or column in columns:
                row[column] = pick()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def hostile_package(folder: Path, pick: Callable[[], str], every_field: bool = False) -> Path:
    """The synthetic package with ``pick()`` in every free-text field of every file (features, every
    table); with ``every_field``, in every string field (ids, keys, dates, sources, URLs) as well."""
    features = copy.deepcopy(FEATURES + AXIS_FEATURES)
    for feature in features:
        props = feature["properties"]
        for key, value in props.items():
            if isinstance(value, str) and (every_field or key in FEATURE_TEXT):
                props[key] = pick()
    tables = {name: _table(text, None if every_field else TABLE_TEXT[name], pick) for name, text in TABLES.items()}
    return write_package(folder, features, **tables)


def cycling(values: list[str], start: int = 0) -> Callable[[], str]:
    """A picker that hands out ``values`` in turn from ``start``, round and round."""
    state = {"i": start}

    def pick() -> str:
        value = values[state["i"] % len(values)]
        state["i"] += 1
        return value
    return pick
