"""Popup text out of the page's catalog, into a few JSON files the app serves itself.

A map page's catalog (:mod:`atlas.map.catalog`) is sent whole with the page; about two thirds of it
is popup HTML that nobody reads until a marker is clicked. :func:`publish` writes that HTML into
``static/generated/popups/<catalog id>/<lang>-<n>.json`` (served at ``/app/static/``, the way the
map client is), one shard ``n`` per ``fnv1a(id) % k``, and gives the catalog to send instead: the
same, with each popup's ``tooltip`` and ``title`` but not its ``popup``, and ``popupFiles``
(``{"url": <prefix>, "k": k}``) saying where static/map/popups.js fetches a shard when a popup opens.

The folder is named by the catalog's id, which follows its content, so a file is never stale and is
written once (each file atomically). Only the newest :data:`FOLDERS_KEPT` folders stay, and the
ones this process published last, so the disk does not grow with data edits. If nothing can be
written (a read-only disk), :func:`publish` returns None and the page sends its popups inline, as a
standalone page (the HTML download) always does.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
from collections import deque
from pathlib import Path
from typing import Any

from atlas.map.catalog import MapCatalog
from atlas.map.client import STATIC_DIR
from atlas.map.json_files import prune_newest, write_atomic

ROOT = STATIC_DIR / "generated" / "popups"  # gitignored
SERVED_FROM = "../../app/static/generated/popups/"  # relative to streamlit-folium's frame, like the client
SHARD_BYTES = 50_000  # a shard's size aimed at: one popup's fetch stays small, a page needs few files
MAX_SHARDS = 512
FOLDERS_KEPT = 24  # three map pages, two languages, four data versions
_FOLDER = re.compile(r"^[0-9a-f]{12}$")  # a catalog id (see atlas.map.catalog.make_catalog)
_published: deque[tuple[str, str]] = deque(maxlen=FOLDERS_KEPT)  # (root, id): kept whatever their age


def fnv1a(text: str) -> int:
    """FNV-1a (32 bits) of ``text``'s UTF-8 bytes: stable across processes (unlike ``hash``) and
    the same in static/map/popups.js."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def shard_of(feature_id: str, k: int) -> int:
    return fnv1a(feature_id) % k


def shard_count(total_bytes: int) -> int:
    """How many shards for this much popup HTML: about :data:`SHARD_BYTES` each."""
    return max(1, min(MAX_SHARDS, math.ceil(total_bytes / SHARD_BYTES)))


def prune(root: Path) -> None:
    """Remove catalog folders beyond the newest :data:`FOLDERS_KEPT` (never one published lately)."""
    prune_newest(root, lambda path: _FOLDER.match(path.name) and path.is_dir(), FOLDERS_KEPT, _published,
                 lambda folder: shutil.rmtree(folder, ignore_errors=True))


def publish(catalog: MapCatalog, root: Path | None = None) -> dict[str, Any] | None:
    """Write the catalog's popup HTML into shard files under ``root`` (once per catalog) and return
    the payload to send in the page instead; None if the files cannot be written."""
    root = Path(root) if root is not None else ROOT
    payload = catalog.payload
    lang = str(payload.get("ui", {}).get("lang") or "xx")
    texts = {key: entry["popup"] for key, entry in payload["popups"].items() if "popup" in entry}
    k = shard_count(sum(len(text.encode("utf-8")) for text in texts.values()))
    folder = root / catalog.id
    try:
        if not all((folder / f"{lang}-{n}.json").is_file() for n in range(k)):
            shards: list[dict[str, str]] = [{} for _ in range(k)]
            for key, text in texts.items():
                shards[shard_of(key, k)][key] = text
            folder.mkdir(parents=True, exist_ok=True)
            for n, shard in enumerate(shards):
                write_atomic(folder / f"{lang}-{n}.json", json.dumps(shard, ensure_ascii=False, separators=(",", ":")))
    except OSError:
        return None
    _published.append((str(root), catalog.id))
    with contextlib.suppress(OSError):  # complete but read-only: served as it is
        os.utime(folder)  # the newest: a folder in use is not the one pruned
    prune(root)
    popups = {key: {name: value for name, value in entry.items() if name != "popup"}
              for key, entry in payload["popups"].items()}
    return {**payload, "popups": popups, "popupFiles": {"url": f"{SERVED_FROM}{catalog.id}/{lang}-", "k": k}}
