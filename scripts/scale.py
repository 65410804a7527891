"""Write a synthetic data package N times larger than geodata/, for scale tests only.

    .venv/bin/python scripts/scale.py --factor 10 --out /tmp/atlas-x10
    ATLAS_GEODATA_DIR=/tmp/atlas-x10 .venv/bin/python -m atlas.validate
    ATLAS_GEODATA_DIR=/tmp/atlas-x10 .venv/bin/streamlit run app.py

The package is geodata/ copied, then every feature file's features copied ``factor - 1`` more
times. Nothing of it is data: it is never written under geodata/ and never shipped.

Every copy is marked synthetic where the schema lets it say so (the schema allows no extra field):
- its id gets the suffix ``-synK`` (K = 1 … factor - 1);
- its names and descriptions (both languages) start with ``[SYNTHETIC K]`` / ``SYNTHETIC scale-test
  copy K of <id> …``;
- its coordinate is no longer the source's: ``coord_method`` becomes ``estimated`` and
  ``coord_ref`` says it is a synthetic copy moved by so many km;
- ``datapackage.json`` says so in its title and description, and carries ``x-synthetic``.
The features of the original stay as they are (they are the real records).

Each copy is moved by a small deterministic offset (a golden-angle spiral, about 3 km for the first
copy and 0.03 deg x sqrt(K) after). A moved copy must still pass the rules of the original: inside
its file's region box, at most 5 decimals, a valid geometry, and inside the present-day country it
declares (atlas/containment.py, with the original's accuracy_km). If the offset breaks any of them,
a third of it is tried, and then the copy stays at the original's point (counted in
``x-synthetic.unmoved``). Waypoints need an axis of their own: axes.csv gets a synthetic copy of
every axis (``<axis>-synK``, starting at the start area's copy K), so each copy's waypoints still
run 1, 2, 3 … along it. Size limits (``x-atlas.max_bytes``) of the feature files are multiplied by
the factor, in the synthetic package only. Dates and the other tables are unchanged.
"""

from __future__ import annotations

import argparse
import copy
import csv
import io
import json
import math
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import shapely.geometry  # noqa: E402

from atlas.containment import feature_problem, load_borders  # noqa: E402
from atlas.package import read_description  # noqa: E402
from atlas.paths import DEFAULT_GEODATA_DIR  # noqa: E402

GOLDEN_ANGLE = math.radians(137.50776)
STEP_DEG = 0.03  # copy K moves by STEP_DEG * sqrt(K) degrees (about 3.3 km for K = 1)
NAME_FIELDS = ("name_en", "name_es")
TEXT_LIMIT = 4000


def offset(k: int) -> tuple[float, float]:
    """(dlon, dlat) of copy ``k``: a golden-angle spiral, so copies never land on each other."""
    radius = STEP_DEG * math.sqrt(k)
    return radius * math.cos(k * GOLDEN_ANGLE), radius * math.sin(k * GOLDEN_ANGLE)


def _moved(coords: Any, dlon: float, dlat: float) -> Any:
    if coords and isinstance(coords[0], (int, float)):
        return [round(coords[0] + dlon, 5), round(coords[1] + dlat, 5)]
    return [_moved(c, dlon, dlat) for c in coords]


def _inside_box(coords: Any, box: list[float]) -> bool:
    if coords and isinstance(coords[0], (int, float)):
        return box[0] <= coords[0] <= box[2] and box[1] <= coords[1] <= box[3]
    return all(_inside_box(c, box) for c in coords)


def place_copy(feature: dict[str, Any], k: int, box: list[float], countries: dict) -> tuple[dict | None, float]:
    """The copy's geometry and how far (km, roughly) it moved: the offset, a third of it, or none."""
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        return geometry, 0.0
    dlon, dlat = offset(k)
    for share in (1.0, 1 / 3):
        moved = {"type": geometry["type"], "coordinates": _moved(geometry["coordinates"], dlon * share, dlat * share)}
        shape = shapely.geometry.shape(moved)
        if not _inside_box(moved["coordinates"], box) or not shape.is_valid or shape.is_empty:
            continue
        if feature_problem({"properties": feature["properties"], "geometry": moved}, countries) is None:
            km = math.hypot(dlon * math.cos(math.radians(shape.centroid.y)), dlat) * share * 111.2
            return moved, km
    return copy.deepcopy(geometry), 0.0


def _prefixed(text: str, prefix: str) -> str:
    return (prefix + text)[:TEXT_LIMIT]


def synthetic_copy(feature: dict[str, Any], k: int, box: list[float], countries: dict) -> tuple[dict, bool]:
    """Copy ``k`` of a feature, marked synthetic; True if it had to stay at the original's point."""
    props = dict(feature["properties"])
    original = props["id"]
    props["id"] = f"{original}-syn{k}"
    if props.get("kind") == "waypoint":
        props["axis"] = f"{props['axis']}-syn{k}"
    for name in NAME_FIELDS:
        if name in props:
            props[name] = _prefixed(props[name], f"[SYNTHETIC {k}] ")
    props["description_en"] = _prefixed(props["description_en"],
                                        f"SYNTHETIC scale-test copy {k} of {original}, not a fact. ")
    props["description_es"] = _prefixed(props["description_es"],
                                        f"Copia SINTÉTICA {k} de {original} para pruebas de escala, no un hecho. ")
    geometry, km = place_copy(feature, k, box, countries)
    if isinstance(geometry, dict):
        accuracy = max(1, math.ceil(float(props.get("accuracy_km") or 1)))
        props["coord_method"] = "estimated"
        props["coord_ref"] = f"synthetic copy of {original} moved {km:.1f} km, not a place; ±{accuracy} km"
    unmoved = isinstance(geometry, dict) and km == 0.0
    return {"type": "Feature", "geometry": geometry, "properties": props}, unmoved


def write_json(path: Path, doc: Any) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def scale_axes(folder: Path, factor: int) -> None:
    """A synthetic copy of every axis for each copy K, so copied waypoints have an axis to follow."""
    path = folder / "axes.csv"
    text = path.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    for k in range(1, factor):
        for row in rows:
            copy_row = dict(row, axis=f"{row['axis']}-syn{k}", start=f"{row['start']}-syn{k}")
            copy_row["army_en"] = f"[SYNTHETIC {k}] {row['army_en']}"
            copy_row["army_es"] = f"[SINTÉTICO {k}] {row['army_es']}"
            copy_row["description_en"] = f"SYNTHETIC scale-test copy {k}, not a fact. {row['description_en']}"
            copy_row["description_es"] = f"Copia SINTÉTICA {k}, no un hecho. {row['description_es']}"
            writer.writerow(copy_row)
    path.write_text(out.getvalue(), encoding="utf-8")


def scale(factor: int, out: Path, source: Path = DEFAULT_GEODATA_DIR) -> dict[str, Any]:
    """Write the synthetic package; returns its ``x-synthetic`` summary."""
    if factor < 1:
        raise ValueError("--factor must be 1 or more")
    out = out.resolve()
    if out == source.resolve() or source.resolve() in out.parents or out == DEFAULT_GEODATA_DIR.resolve():
        raise ValueError(f"refusing to write a synthetic package inside {source}")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)
    description = read_description(out)
    countries = load_borders(out / "basemap" / "admin0.geojson")
    summary: dict[str, Any] = {"factor": factor, "generator": "scripts/scale.py", "features": 0,
                               "original_features": 0, "unmoved": 0}
    for resource in description["resources"]:
        if resource.get("format") != "geojson":
            continue
        path = out / resource["path"]
        doc = json.loads(path.read_text(encoding="utf-8"))
        originals = doc["features"]
        box = resource["x-atlas"]["bbox"]
        copies = []
        for k in range(1, factor):
            for feature in originals:
                made, unmoved = synthetic_copy(feature, k, box, countries)
                copies.append(made)
                summary["unmoved"] += unmoved
        doc["features"] = originals + copies
        write_json(path, doc)
        summary["original_features"] += len(originals)
        summary["features"] += len(doc["features"])
        extra = resource["x-atlas"]
        extra["max_bytes"] = max(int(extra.get("max_bytes", 1_000_000)) * factor, path.stat().st_size + 1)
    scale_axes(out, factor)
    description["name"] = f"{description['name']}-synthetic-x{factor}"
    description["title"] = f"SYNTHETIC x{factor} scale-test package (not data): {description['title']}"
    description["description"] = (
        f"SYNTHETIC package for scale tests, written by scripts/scale.py: geodata/ with every feature copied "
        f"{factor} times in all (copies have ids ending -synK, names starting [SYNTHETIC K], moved coordinates). "
        "Not historical data; never publish it. " + description["description"])
    description["x-synthetic"] = summary
    write_json(out / "datapackage.json", description)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, required=True, help="how many times the features (1 = a plain copy)")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write (replaced); never under geodata/")
    args = parser.parse_args(argv)
    summary = scale(args.factor, args.out)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
