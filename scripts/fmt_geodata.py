"""Rewrite geodata/*.geojson in one canonical form, so that every edit is a small diff.

Usage: python scripts/fmt_geodata.py [--check]

Canonical form: 2-space indent, UTF-8 (no escapes), property keys in data-dictionary order,
features in file order. ``--check`` rewrites nothing and exits 1 if a file is not canonical.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "geodata" / "schema" / "feature.schema.json"


def canonical(text: str, order: list[str]) -> str:
    """The canonical text of one GeoJSON document."""
    doc = json.loads(text)
    for feature in doc.get("features", []):
        props = feature.get("properties") or {}
        known = [k for k in order if k in props]
        extra = sorted(k for k in props if k not in order)
        feature["properties"] = {k: props[k] for k in known + extra}
        ordered = {k: feature[k] for k in ("type", "geometry", "properties") if k in feature}
        feature.clear()
        feature.update(ordered)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    order = list(json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["props"]["properties"])
    dirty = []
    for path in sorted((ROOT / "geodata").glob("*.geojson")):
        text = path.read_text(encoding="utf-8")
        new = canonical(text, order)
        if new != text:
            dirty.append(path.name)
            if not check:
                path.write_text(new, encoding="utf-8")
    if check and dirty:
        print("not canonical (run python scripts/fmt_geodata.py):", ", ".join(dirty))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
