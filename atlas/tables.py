"""The package's CSV tables besides the bibliography: armies' axes (``axes.csv``) and forces and
losses (``figures.csv``). Reading never raises: each problem names the file and the row."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from atlas.citations import cited_keys
from atlas.validate import Problem

AXIS_COLUMNS = ("axis", "front", "army_en", "army_es", "commander", "start",
                "description_en", "description_es", "sources")
FIGURE_COLUMNS = ("id", "subject", "topic", "topic_en", "topic_es", "side", "scope_en", "scope_es", "value_low",
                  "value_high", "according_to_en", "according_to_es", "certainty", "sources")
CLAIM_COLUMNS = ("id", "subject", "claim_en", "claim_es", "quote", "seed", "verdict", "record_en", "record_es",
                 "certainty", "sources", "map_page", "map_date", "map_feature")
MAP_PAGES = {"offensive": ("day", "offensive"), "dongning": ("day", "dongning"), "captivity": ("month", "camps")}
STORY_COLUMNS = ("step", "page", "date", "focus", "title_en", "title_es", "caption_en", "caption_es", "sources")
HISTORY_COLUMNS = ("id", "subject", "date_start", "date_end", "certainty", "text_en", "text_es", "sources")
FRONTS = ("transbaikal", "far_eastern_1", "far_eastern_2", "pacific_fleet")
SUBJECTS = ("campaign", "dongning", "hutou", "captivity")
SEEDS = ("en", "es", "both", "none")
VERDICTS = ("correct", "partly_correct", "wrong", "unverified", "myth")
SIDES = ("soviet", "japanese", "mongolian")
CERTAINTIES = ("verified", "recalled", "uncertain", "disputed")


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


def read_rows(path: Path, columns: Collection[str]) -> tuple[list[dict[str, str]], list[Problem]]:
    """Rows of a UTF-8 CSV with the given columns, or the problem that stops it being read."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]
            header = reader.fieldnames or []
    except FileNotFoundError:
        return [], [Problem(path.name, "-", "file is missing")]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        return [], [Problem(path.name, "-", f"cannot read: {exc}")]
    missing = [c for c in columns if c not in header]
    if missing:
        return [], [Problem(path.name, "-", f"missing column(s): {', '.join(missing)}")]
    return rows, []


def _vocabulary(row: Mapping[str, str], field: str, allowed: Collection[str]) -> list[str]:
    return [] if row[field] in allowed else [f"{field}: {row[field]!r} is not one of {', '.join(allowed)}"]


def _empty(row: Mapping[str, str], fields: Collection[str]) -> list[str]:
    return [f"{c}: is empty" for c in fields if not row[c]]


def _unknown_keys(file: str, label: str, citation: str, source_keys: Collection[str]) -> list[Problem]:
    keys = cited_keys(citation)
    if not keys:
        return [Problem(file, label, "sources: at least one citation `key: locator` is required")]
    return [Problem(file, label, f"sources: unknown source key {k!r} (not in sources.csv)")
            for k in keys if k not in source_keys]


def read_axes(folder: Path, source_keys: Collection[str]) -> tuple[dict[str, Axis], list[Problem]]:
    """Axes by id. Rows with a problem are left out and named."""
    file = "axes.csv"
    rows, problems = read_rows(folder / file, AXIS_COLUMNS)
    axes: dict[str, Axis] = {}
    for line, row in enumerate(rows, start=2):
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
    for line, row in enumerate(rows, start=2):
        label = row.get("id") or f"line {line}"
        errors = []
        if not row["id"] or row["id"] in seen:
            errors.append("id: empty" if not row["id"] else "id: duplicate")
        seen.add(row["id"])
        low, high = _integer(row["value_low"]), _integer(row["value_high"])
        if low is None:
            errors.append(f"value_low: {row['value_low']!r} is not a whole number (no separators)")
        if row["value_high"] and high is None:
            errors.append(f"value_high: {row['value_high']!r} is not a whole number (no separators)")
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
    for line, row in enumerate(rows, start=2):
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
        if row["map_page"] and row["map_page"] not in MAP_PAGES:
            errors.append(f"map_page: {row['map_page']!r} is not one of {', '.join(MAP_PAGES)}")
        elif row["map_page"]:
            from atlas.params import parse_day, parse_month

            parse = parse_month if MAP_PAGES[row["map_page"]][0] == "month" else parse_day
            first, last = ((dt.date(1945, 8, 1), dt.date(1956, 12, 1)) if parse is parse_month
                           else (dt.date(1945, 8, 8), dt.date(1945, 9, 2)))
            if parse(row["map_date"], first, last)[1]:
                errors.append(f"map_date: {row['map_date']!r} is not a valid date for the {row['map_page']} map")
        return errors

    rows, problems = _read_simple(folder, "claims.csv", CLAIM_COLUMNS, source_keys, check)
    return [Claim(**r) for r in rows], problems


def read_history(folder: Path, source_keys: Collection[str]) -> tuple[list[HistoryEntry], list[Problem]]:
    """Dated background lines (``history.csv``), in file order."""
    from atlas.dates import DateFormatError, span_of

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
    """A map page must be known and its date valid for that page's slider."""
    if page not in MAP_PAGES:
        return [f"page: {page!r} is not one of {', '.join(MAP_PAGES)}"]
    from atlas.params import parse_day, parse_month

    monthly = MAP_PAGES[page][0] == "month"
    parse = parse_month if monthly else parse_day
    first, last = (dt.date(1945, 8, 1), dt.date(1956, 12, 1)) if monthly else (dt.date(1945, 8, 8), dt.date(1945, 9, 2))
    return [f"date: {date!r} is not a valid date for the {page} map"] if parse(date, first, last)[1] else []


def read_story(folder: Path, source_keys: Collection[str]) -> tuple[list[StoryStep], list[Problem]]:
    """The guided tour (``story.csv``), numbered 1..n in order."""
    file = "story.csv"
    rows, problems = read_rows(folder / file, STORY_COLUMNS)
    steps: list[StoryStep] = []
    for line, row in enumerate(rows, start=2):
        label = f"step {row['step']}" if row["step"] else f"line {line}"
        errors = [] if row["step"] == str(line - 1) else [f"step: expected {line - 1} (steps run 1..n in order)"]
        errors += _map_date_problems(row["page"], row["date"])
        errors += _empty(row, ("title_en", "title_es", "caption_en", "caption_es"))
        found = [Problem(file, label, e) for e in errors] + _unknown_keys(file, label, row["sources"], source_keys)
        problems += found
        if not found:
            steps.append(StoryStep(**{**{c: row[c] for c in STORY_COLUMNS}, "step": int(row["step"])}))
    return steps, problems


def check_story_links(steps: list[StoryStep], features_by_layer: Mapping[str, set[str]]) -> list[Problem]:
    """A story step's ``focus`` must be a feature of the layer its page shows."""
    return [Problem("story.csv", f"step {s.step}", f"focus: {s.focus!r} is not in {MAP_PAGES[s.page][1]}.geojson")
            for s in steps if s.focus and s.focus not in features_by_layer.get(MAP_PAGES[s.page][1], set())]


def check_claim_links(claims: list[Claim], features_by_layer: Mapping[str, set[str]]) -> list[Problem]:
    """A claim's ``map_feature`` must be a feature of the layer its ``map_page`` shows."""
    problems = []
    for claim in claims:
        if claim.map_feature and claim.map_page in MAP_PAGES:
            layer = MAP_PAGES[claim.map_page][1]
            if claim.map_feature not in features_by_layer.get(layer, set()):
                problems.append(Problem("claims.csv", claim.id, f"map_feature: {claim.map_feature!r} is not in {layer}.geojson"))
    return problems


def check_axis_links(axes: Mapping[str, Axis], features: list[dict]) -> list[Problem]:
    """Axes and waypoints must point at each other, in order.

    Each axis starts at a ``start_area`` feature and has waypoints numbered 1, 2, 3…; each
    waypoint names an axis that exists; dated waypoints never go back in time along the axis.
    """
    from atlas.dates import span_of  # local: keeps this module's import list short

    props = [f["properties"] for f in features]
    by_id = {p["id"]: p for p in props}
    problems: list[Problem] = []
    for axis in axes.values():
        start = by_id.get(axis.start)
        if start is None or start.get("kind") != "start_area":
            problems.append(Problem("axes.csv", axis.axis, f"start: {axis.start!r} is not a start_area feature"))
    by_axis: dict[str, list[dict]] = {}
    for p in props:
        if p.get("kind") != "waypoint":
            continue
        if p.get("axis") not in axes:
            problems.append(Problem("offensive.geojson", p["id"], f"axis: {p.get('axis')!r} is not in axes.csv"))
            continue
        by_axis.setdefault(p["axis"], []).append(p)
    for name, axis in axes.items():
        stops = sorted(by_axis.get(name, []), key=lambda p: p["seq"])
        if not stops:
            problems.append(Problem("axes.csv", name, "has no waypoints"))
            continue
        seqs = [p["seq"] for p in stops]
        if seqs != list(range(1, len(stops) + 1)):
            problems.append(Problem("axes.csv", name, f"waypoint seq must run 1..{len(stops)} without gaps or repeats, got {seqs}"))
        start = by_id.get(axis.start)
        previous = ("start", span_of(start["date_start"], start.get("date_end"))) if start and start.get("date_start") else None
        for p in stops:
            if not p.get("date_start"):
                continue  # date unknown: it only has to sit between its neighbours, which it does by seq
            span = span_of(p["date_start"], p.get("date_end"))
            if previous and (span.earliest < previous[1].earliest or span.latest < previous[1].latest):
                problems.append(Problem("offensive.geojson", p["id"],
                                        f"dates go back in time along axis {name}: before {previous[0]}"))
            previous = (p["id"], span)
    return problems
