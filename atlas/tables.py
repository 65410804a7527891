"""The package's CSV tables besides the bibliography: armies' axes, forces and losses, claims,
background history and the story. Reading never raises: each problem names the file and the row."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from atlas.citations import cited_keys
from atlas.csvfile import read_rows
from atlas.dates import DateFormatError, span_of
from atlas.model import Axis, Claim, Figure, HistoryEntry, Label, Problem, StoryStep, quote
from atlas.pages import MAP_PAGES

AXIS_COLUMNS = ("axis", "front", "army_en", "army_es", "commander", "start",
                "description_en", "description_es", "sources")
FIGURE_COLUMNS = ("id", "subject", "topic", "topic_en", "topic_es", "side", "scope_en", "scope_es", "value_low",
                  "value_high", "according_to_en", "according_to_es", "certainty", "sources")
CLAIM_COLUMNS = ("id", "subject", "claim_en", "claim_es", "quote", "seed", "verdict", "record_en", "record_es",
                 "certainty", "sources", "map_page", "map_date", "map_feature")
STORY_COLUMNS = ("step", "page", "date", "focus", "title_en", "title_es", "caption_en", "caption_es", "sources")
LABEL_COLUMNS = ("id", "pages", "name_en", "name_es", "name_local", "lat", "lon", "geonames_id", "rank")
HISTORY_COLUMNS = ("id", "subject", "date_start", "date_end", "certainty", "text_en", "text_es", "sources")
FRONTS = ("transbaikal", "far_eastern_1", "far_eastern_2", "pacific_fleet")
SUBJECTS = ("campaign", "dongning", "hutou", "captivity")
SEEDS = ("en", "es", "both", "none")
VERDICTS = ("correct", "partly_correct", "wrong", "unverified", "myth")
SIDES = ("soviet", "japanese", "mongolian")
CERTAINTIES = ("verified", "recalled", "uncertain", "disputed")


def _vocabulary(row: Mapping[str, str], field: str, allowed: Collection[str]) -> list[str]:
    return [] if row[field] in allowed else [f"{field}: {quote(row[field])} is not one of {', '.join(allowed)}"]


def _empty(row: Mapping[str, str], fields: Collection[str]) -> list[str]:
    return [f"{c}: is empty" for c in fields if not row[c]]


def _unknown_keys(file: str, label: str, citation: str, source_keys: Collection[str]) -> list[Problem]:
    keys = cited_keys(citation)
    if not keys:
        return [Problem(file, label, "sources: at least one citation `key: locator` is required")]
    return [Problem(file, label, f"sources: unknown source key {quote(k)} (not in sources.csv)")
            for k in keys if k not in source_keys]


def read_axes(folder: Path, source_keys: Collection[str]) -> tuple[dict[str, Axis], list[Problem]]:
    """Axes by id. Rows with a problem are left out and named."""
    file = "axes.csv"
    rows, problems = read_rows(folder / file, AXIS_COLUMNS)
    axes: dict[str, Axis] = {}
    for row in rows:
        line = row["_line"]
        label = row.get("axis") or f"line {line}"
        errors = []
        if not row["axis"]:
            errors.append("axis: empty id")
        elif row["axis"] in axes:
            errors.append("axis: duplicate id")
        errors += _vocabulary(row, "front", FRONTS)
        errors += _empty(row, ("army_en", "army_es", "start", "description_en", "description_es"))
        found = [Problem(file, label, e) for e in errors] + _unknown_keys(file, label, row["sources"], source_keys)
        problems += found
        if not found:
            axes[row["axis"]] = Axis(**{c: row[c] for c in AXIS_COLUMNS})
    return axes, problems


def _integer(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() else None


def read_figures(folder: Path, source_keys: Collection[str]) -> tuple[list[Figure], list[Problem]]:
    """Forces and losses in file order. Rows with a problem are left out and named."""
    file = "figures.csv"
    rows, problems = read_rows(folder / file, FIGURE_COLUMNS)
    figures: list[Figure] = []
    seen: set[str] = set()
    for row in rows:
        line = row["_line"]
        label = row.get("id") or f"line {line}"
        errors = []
        if not row["id"] or row["id"] in seen:
            errors.append("id: empty" if not row["id"] else "id: duplicate")
        seen.add(row["id"])
        low, high = _integer(row["value_low"]), _integer(row["value_high"])
        if low is None:
            errors.append(f"value_low: {quote(row['value_low'])} is not a whole number (no separators)")
        if row["value_high"] and high is None:
            errors.append(f"value_high: {quote(row['value_high'])} is not a whole number (no separators)")
        if low is not None and high is not None and high < low:
            errors.append(f"value_high: {high} is below value_low {low}")
        errors += _vocabulary(row, "side", SIDES) + _vocabulary(row, "certainty", CERTAINTIES)
        errors += _vocabulary(row, "subject", SUBJECTS)
        errors += _empty(row, ("topic", "topic_en", "topic_es", "according_to_en", "according_to_es"))
        found = [Problem(file, label, e) for e in errors] + _unknown_keys(file, label, row["sources"], source_keys)
        problems += found
        if not found:
            values = {c: row[c] for c in FIGURE_COLUMNS}
            values.update(value_low=low, value_high=high)
            figures.append(Figure(**values))
    return figures, problems


def _read_simple(folder: Path, file: str, columns: tuple[str, ...], source_keys: Collection[str],
                 check: Callable[[dict[str, str]], list[str]]) -> tuple[list[dict[str, str]], list[Problem]]:
    """Rows of a table keyed by ``id`` that pass ``check`` and cite known sources; problems for the rest."""
    rows, problems = read_rows(folder / file, columns)
    good: list[dict[str, str]] = []
    seen: set[str] = set()
    for row in rows:
        line = row["_line"]
        label = row.get("id") or f"line {line}"
        errors = ["id: empty" if not row["id"] else "id: duplicate"] if not row["id"] or row["id"] in seen else []
        seen.add(row["id"])
        found = [Problem(file, label, e) for e in errors + check(row)]
        found += _unknown_keys(file, label, row["sources"], source_keys)
        problems += found
        if not found:
            good.append({c: row[c] for c in columns})
    return good, problems


def read_claims(folder: Path, source_keys: Collection[str]) -> tuple[list[Claim], list[Problem]]:
    """The seed claims checked against the record (``claims.csv``)."""
    def check(row: dict[str, str]) -> list[str]:
        errors = (_vocabulary(row, "subject", SUBJECTS) + _vocabulary(row, "seed", SEEDS)
                  + _vocabulary(row, "verdict", VERDICTS) + _vocabulary(row, "certainty", CERTAINTIES)
                  + _empty(row, ("claim_en", "claim_es", "record_en", "record_es")))
        if row["seed"] in {"en", "es", "both"} and not row["quote"]:
            errors.append("quote: a claim from a seed article quotes it")
        if row["map_page"]:
            errors += [f"map_{e}" for e in _map_date_problems(row["map_page"], row["map_date"])]
        return errors

    rows, problems = _read_simple(folder, "claims.csv", CLAIM_COLUMNS, source_keys, check)
    return [Claim(**r) for r in rows], problems


def read_history(folder: Path, source_keys: Collection[str]) -> tuple[list[HistoryEntry], list[Problem]]:
    """Dated background lines (``history.csv``), in file order."""
    def check(row: dict[str, str]) -> list[str]:
        errors = _vocabulary(row, "subject", SUBJECTS) + _vocabulary(row, "certainty", CERTAINTIES)
        errors += _empty(row, ("text_en", "text_es"))
        try:
            span_of(row["date_start"], row["date_end"] or None)
        except DateFormatError as exc:
            errors.append(f"dates: {exc}")
        return errors

    rows, problems = _read_simple(folder, "history.csv", HISTORY_COLUMNS, source_keys, check)
    return [HistoryEntry(**r) for r in rows], problems


def _map_date_problems(page: str, date: str) -> list[str]:
    """A map page must be known and its date one of that page's slider options."""
    if page not in MAP_PAGES:
        return [f"page: {quote(page)} is not one of {', '.join(MAP_PAGES)}"]
    if date not in MAP_PAGES[page].codes():
        return [f"date: {quote(date)} is not a valid date for the {page} map"]
    return []


def read_story(folder: Path, source_keys: Collection[str]) -> tuple[list[StoryStep], list[Problem]]:
    """The guided tour (``story.csv``), numbered 1..n in order."""
    file = "story.csv"
    rows, problems = read_rows(folder / file, STORY_COLUMNS)
    steps: list[StoryStep] = []
    previous = 0
    for row in rows:
        line = row["_line"]
        label = f"step {row['step']}" if row["step"] else f"line {line}"
        number = int(row["step"]) if row["step"].isascii() and row["step"].isdigit() else 0
        errors = [] if number > previous else [f"step: {quote(row['step'])} is not a whole number above the step before it"]
        previous = max(previous, number)
        errors += _map_date_problems(row["page"], row["date"])
        errors += _empty(row, ("title_en", "title_es", "caption_en", "caption_es"))
        found = [Problem(file, label, e) for e in errors] + _unknown_keys(file, label, row["sources"], source_keys)
        problems += found
        if not found:
            steps.append(StoryStep(**{**{c: row[c] for c in STORY_COLUMNS}, "step": int(row["step"])}))
    return steps, problems


def read_labels(folder: Path, gazetteer: Mapping[int, tuple[float, float]] | None = None
                ) -> tuple[list[Label], list[Problem]]:
    """The places named on the maps (``labels.csv``): known pages, a GeoNames id whose entry the point
    matches within 1 km (when the gazetteer is given), a rank of 1, 2 or 3."""
    from atlas.rules import distance_km

    file = "labels.csv"
    rows, problems = read_rows(folder / file, LABEL_COLUMNS)
    labels: list[Label] = []
    for row in rows:
        label = row["id"] or f"line {row['_line']}"
        errors = [f"pages: {quote(p)} is not a map page" for p in row["pages"].split(";") if p not in MAP_PAGES]
        errors += _empty(row, ("id", "name_en", "name_es"))
        try:
            lat, lon, geonames_id, rank = float(row["lat"]), float(row["lon"]), int(row["geonames_id"]), int(row["rank"])
        except ValueError:
            errors.append("lat, lon, geonames_id and rank must be numbers")
        else:
            if rank not in (1, 2, 3):
                errors.append(f"rank: {rank} is not 1, 2 or 3")
            if not (math.isfinite(lat) and math.isfinite(lon)):
                errors.append("lat/lon: NaN or infinite is not a coordinate")
            elif not (-90 <= lat <= 90 and -180 <= lon <= 180):
                errors.append("lat/lon out of range")
            elif gazetteer is not None:
                entry = gazetteer.get(geonames_id)
                if entry is None:
                    errors.append(f"geonames_id: {geonames_id} is not in the gazetteer")
                elif distance_km(lat, lon, *entry) > 1:
                    errors.append(f"point is {distance_km(lat, lon, *entry):.1f} km from GeoNames {geonames_id}")
        problems += [Problem(file, label, e) for e in errors]
        if not errors:
            labels.append(Label(row["id"], tuple(row["pages"].split(";")), row["name_en"], row["name_es"],
                                row["name_local"], lat, lon, geonames_id, rank))
    return labels, problems
