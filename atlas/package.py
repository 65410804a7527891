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
