"""Rules every feature in ``geodata/`` must obey (the command-line validator is atlas/validate.py)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import shapely.geometry

from atlas.citations import cited_keys
from atlas.dates import DateFormatError, parse_partial, span_of
from atlas.invisible import check_values, is_warning
from atlas.model import Problem, quote

if TYPE_CHECKING:  # imported when a feature is validated: a page served from the snapshot never needs it
    import jsonschema

MAX_DECIMALS = 5
DEFAULT_MAX_TEXT = 4_000  # a text value's limit when the schema gives none ($defs/text maxLength)


@dataclass(frozen=True)
class LayerRules:
    """Per-file rules read from ``datapackage.json``: the region box and the date window."""

    bbox: tuple[float, float, float, float]  # west, south, east, north (degrees)
    window: tuple[str, str]  # ISO dates


@dataclass
class Context:
    """What a feature is checked against: the schema, the known source keys, the file's rules."""

    schema: dict[str, Any]
    source_keys: frozenset[str]
    rules: LayerRules
    gazetteer: dict[int, tuple[float, float]] | None = None  # GeoNames id -> (lat, lon)
    seen_ids: dict[str, str] = field(default_factory=dict)  # id -> file that used it first


@lru_cache(maxsize=4)
def _validator(schema_text: str) -> jsonschema.Draft202012Validator:
    import jsonschema  # here: 50-90 ms of a cold first visit's imports, which a page served from the snapshot never needs

    return jsonschema.Draft202012Validator(json.loads(schema_text))


def feature_label(feature: Any, index: int) -> str:
    """The feature's id if it has a usable one, else its position in the file."""
    props = feature.get("properties") if isinstance(feature, dict) else None
    fid = props.get("id") if isinstance(props, dict) else None
    return fid if isinstance(fid, str) and fid.strip() else f"feature #{index + 1} (no id)"


def check_schema(feature: Any, schema: dict[str, Any]) -> list[str]:
    """JSON-Schema problems, each naming the field it is about."""
    validator = _validator(json.dumps(schema, sort_keys=True))
    out = []
    for err in sorted(validator.iter_errors(feature), key=lambda e: list(e.absolute_path)):
        where = ".".join(str(p) for p in err.absolute_path if p != "properties") or "feature"
        out.append(f"{where}: {_short(err)}")
    return out


def _short(err: jsonschema.ValidationError) -> str:
    """A schema error in a line, any value it quotes cut to a readable length."""
    return _message(err).replace(repr(err.instance), quote(err.instance))


def _message(err: jsonschema.ValidationError) -> str:
    if err.validator == "required":
        return err.message.replace("is a required property", "is required but missing")
    if err.validator == "additionalProperties":
        return err.message + " (not in the data dictionary)"
    if err.validator == "enum":
        return f"{quote(err.instance)} is not one of {', '.join(map(str, err.validator_value))}"
    if err.validator == "not":
        names = _required_names(err.validator_value)
        if names:
            return f"{' / '.join(names)} not allowed here (depends on kind and date_certainty; see geodata/README.md)"
        if isinstance(err.validator_value, dict) and "const" in err.validator_value:
            return f"{quote(err.instance)} is not allowed for this kind (see geodata/README.md)"
    if err.validator == "oneOf" and err.absolute_path and err.absolute_path[-1] == "geometry":
        return "must be null or a GeoJSON geometry with 'type' and 'coordinates'"
    return err.message


def _required_names(schema: Any) -> list[str]:
    """Field names a (sub)schema requires, looking through anyOf/allOf."""
    if not isinstance(schema, dict):
        return []
    names = list(schema.get("required", []))
    for key in ("anyOf", "allOf"):
        for sub in schema.get(key, []):
            names += _required_names(sub)
    return names


def check_dates(props: dict[str, Any], rules: LayerRules) -> list[str]:
    """Real calendar dates, end not before start, and inside the layer's window."""
    out = []
    start, end = props.get("date_start"), props.get("date_end")
    for name, value in (("date_start", start), ("date_end", end), ("active_from", props.get("active_from"))):
        if isinstance(value, str):
            try:
                parse_partial(value)
            except DateFormatError as exc:
                out.append(f"{name}: bad date: {exc}")
    if out or not isinstance(start, str):
        return out
    try:
        span = span_of(start, end if isinstance(end, str) else None)
    except DateFormatError:
        return [f"date_end: {end} ends before date_start {start}"]
    lo, hi = (parse_partial(d).earliest for d in rules.window)
    if span.earliest < lo or span.latest > hi:
        out.append(f"dates {start}..{end or start} fall outside this file's window {lo}..{hi}")
    return out


def check_sources(props: dict[str, Any], source_keys: frozenset[str]) -> list[str]:
    """Every cited key must exist in sources.csv."""
    keys = cited_keys(props.get("sources"))
    return [f"sources: unknown source key {quote(k)} (not in sources.csv)" for k in keys if k not in source_keys]


def _positions(coords: Any) -> Iterator[Sequence[Any]]:
    """Every [lon, lat] position in a GeoJSON coordinates array, however deeply nested."""
    if isinstance(coords, list) and coords and all(isinstance(c, (int, float)) for c in coords):
        yield coords
    elif isinstance(coords, list):
        for item in coords:
            yield from _positions(item)


def check_geometry(geometry: Any, rules: LayerRules) -> list[str]:
    """Valid geometry, [lon, lat] order inside the region box, at most 5 decimals."""
    if not isinstance(geometry, dict):
        return []
    not_finite = sorted({json.dumps(v) for pos in _positions(geometry.get("coordinates")) for v in pos
                         if isinstance(v, float) and not math.isfinite(v)})
    if not_finite:
        return [f"geometry: coordinate {' / '.join(not_finite)} is not a finite number (NaN or infinite)"]
    try:
        shape = shapely.geometry.shape(geometry)
    except Exception as exc:  # shapely raises several types for malformed input
        return [f"geometry: invalid {geometry.get('type')} ({exc})"]
    if shape.is_empty or not shape.is_valid:
        return [f"geometry: invalid {geometry.get('type')} (empty or self-intersecting)"]
    west, south, east, north = rules.bbox
    out: list[str] = []
    for pos in _positions(geometry.get("coordinates")):
        if len(pos) != 2:
            out.append(f"geometry: position {pos} must be [lon, lat]")
            continue
        lon, lat = pos
        if not (west <= lon <= east and south <= lat <= north):
            hint = " - looks swapped, write [lon, lat]" if west <= lat <= east and south <= lon <= north else ""
            out.append(f"geometry: [{lon}, {lat}] is outside the region {rules.bbox}{hint}")
        elif any(_decimals(v) > MAX_DECIMALS for v in pos):
            out.append(f"geometry: [{lon}, {lat}] has more than {MAX_DECIMALS} decimals (false precision)")
    return out


def _decimals(value: float) -> int:
    text = repr(float(value))
    return 0 if "e" in text or "." not in text else len(text.split(".")[1].rstrip("0"))


def check_gazetteer(feature: dict[str, Any], gazetteer: dict[int, tuple[float, float]]) -> list[str]:
    """A GeoNames-placed point must sit on that GeoNames entry (within 1 km)."""
    props, geometry = feature.get("properties") or {}, feature.get("geometry")
    if props.get("coord_method") != "geonames" or not isinstance(geometry, dict):
        return []
    ref = str(props.get("coord_ref", ""))
    if not ref.isdigit() or int(ref) not in gazetteer:
        return [f"coord_ref: GeoNames id {quote(ref)} is not in the gazetteer"]
    if geometry.get("type") != "Point":
        return []
    lat, lon = gazetteer[int(ref)]
    glon, glat = geometry["coordinates"]
    km = distance_km(lat, lon, glat, glon)
    return [] if km <= 1.0 else [f"geometry: {km:.1f} km from GeoNames {ref} ({lat}, {lon})"]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, spherical Earth)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def check_lengths(props: Any, schema: dict[str, Any]) -> list[str]:
    """Text values over the schema's text limit, checked before the schema: its patterns take time
    that grows with the square of a value's length (a 40 kB ``sources`` took a minute)."""
    limit = schema.get("$defs", {}).get("text", {}).get("maxLength", DEFAULT_MAX_TEXT)
    if not isinstance(props, dict):
        return []
    return [f"{k}: {len(v):,} characters, over the limit of {limit:,}" for k, v in props.items()
            if isinstance(v, str) and len(v) > limit]


def check_feature(feature: Any, ctx: Context) -> list[str]:
    """All per-feature problems, as messages without the file/feature prefix."""
    if not isinstance(feature, dict):
        return ["not a GeoJSON Feature object"]
    too_long = check_lengths(feature.get("properties"), ctx.schema)
    if too_long:
        return too_long
    out = check_schema(feature, ctx.schema)
    props = feature.get("properties")
    if isinstance(props, dict):
        out += check_dates(props, ctx.rules)
        out += check_sources(props, ctx.source_keys)
    out += check_geometry(feature.get("geometry"), ctx.rules)
    if ctx.gazetteer is not None and not out:
        out += check_gazetteer(feature, ctx.gazetteer)
    if isinstance(props, dict):
        out += check_values(props)  # bidirectional controls and other invisible characters (atlas/invisible.py)
    return out


def check_collection(file: str, doc: Any, ctx: Context) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Split a parsed GeoJSON document into valid features and problems."""
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        return [], [Problem(file, "-", "not a GeoJSON FeatureCollection")]
    features = doc.get("features")
    if not isinstance(features, list) or not features:
        return [], [Problem(file, "-", "the file has no features")]
    good, problems = [], []
    for index, feature in enumerate(features):
        label = feature_label(feature, index)
        messages = check_feature(feature, ctx)
        if label in ctx.seen_ids and not label.startswith("feature #"):
            messages.append(f"duplicate id (already used in {ctx.seen_ids[label]})")
        else:
            ctx.seen_ids.setdefault(label, file)
        problems += [Problem(file, label, m) for m in messages]
        if all(is_warning(m) for m in messages):
            good.append(feature)
    return good, problems
