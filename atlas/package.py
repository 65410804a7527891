"""The package description (``datapackage.json``): which files belong to the package, and where.

A resource's path is confined to the package folder: relative, no ``..``, no link on the way, so a
description can never make the app read or publish a file outside it. The published package is the
declared resources, the basemap files of ``x-basemap``, the schema folder's JSON files, README.md
and LICENSE.md: never a link, never an editor's swap file or anything else lying in the folder.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from atlas.model import DataError

DEFAULT_MAX_BYTES = 1_000_000  # a file whose resource declares no x-atlas.max_bytes
DESCRIPTION = "datapackage.json"
DOCUMENTS = ("README.md", "LICENSE.md")
SCHEMA_DIR = "schema"


def read_description(folder: Path) -> dict[str, Any]:
    """The parsed ``datapackage.json``; :class:`DataError` if it cannot be read."""
    try:
        doc = json.loads((folder / DESCRIPTION).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{folder}: cannot read {DESCRIPTION}: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("resources"), list):
        raise DataError(f"{folder}: {DESCRIPTION} has no list of resources")
    return doc


def confined(folder: Path, relative: object) -> Path | None:
    """``folder / relative`` if ``relative`` is a plain relative path inside the folder with no
    symbolic link on the way (the file itself included), else None. The file need not exist."""
    if not isinstance(relative, str) or not relative or "\\" in relative or "\0" in relative:
        return None
    parts = PurePosixPath(relative).parts
    if PurePosixPath(relative).is_absolute() or any(p in {"..", "."} for p in parts) or not parts:
        return None
    path = folder
    for part in parts:
        path = path / part
        if path.is_symlink():
            return None
    return path


def published_files(folder: Path) -> list[tuple[Path, str]]:
    """(file, its path in the package) for every file the package publishes, in a stable order."""
    doc = read_description(folder)
    declared = [DESCRIPTION, *DOCUMENTS]
    declared += [r.get("path") for r in doc["resources"] if isinstance(r, dict)]
    basemap = doc.get("x-basemap")
    declared += [b.get("path") for b in basemap if isinstance(b, dict)] if isinstance(basemap, list) else []
    schema = confined(folder, SCHEMA_DIR)
    if schema is not None and schema.is_dir():
        declared += [f"{SCHEMA_DIR}/{p.name}" for p in sorted(schema.glob("*.json")) if not p.name.startswith(".")]
    files: dict[str, Path] = {}
    for relative in declared:
        path = confined(folder, relative)
        if path is not None and path.is_file() and relative not in files:
            files[str(relative)] = path
    return [(path, relative) for relative, path in sorted(files.items())]


def check_limits(folder: Path, doc: dict[str, Any], undeclared: tuple[str, ...] = ()) -> None:
    """Refuse a package with a file over its size limit (``x-atlas.max_bytes`` of its resource or
    ``x-basemap`` entry, else :data:`DEFAULT_MAX_BYTES`; ``undeclared`` files the loader reads by
    name get the default): :class:`DataError` naming the file, before anything is read."""
    entries = [e for e in [*doc["resources"], *(doc.get("x-basemap") or [])] if isinstance(e, dict)]
    limits: dict[str, object] = {name: DEFAULT_MAX_BYTES for name in undeclared}
    for entry in entries:
        extra = entry.get("x-atlas")
        limit = extra.get("max_bytes", DEFAULT_MAX_BYTES) if isinstance(extra, dict) else DEFAULT_MAX_BYTES
        if isinstance(entry.get("path"), str):
            limits[entry["path"]] = limit
    for relative, limit in limits.items():
        path = confined(folder, relative)
        if path is None or not path.is_file():
            continue  # named by the loader (outside the folder, or missing)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
            raise DataError(f"{DESCRIPTION}: {relative}: x-atlas.max_bytes must be a whole number of bytes")
        size = path.stat().st_size
        if size > limit:
            raise DataError(f"{relative}: {size:,} bytes, over the limit of {limit:,} bytes set in {DESCRIPTION} "
                            "(x-atlas.max_bytes): the app does not load a package over its limits. Shorten the "
                            "file, or raise the limit if the file is right (see geodata/README.md, Limits).")
