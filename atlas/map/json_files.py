"""A map page's overlays of 1945 as a JSON file the app serves, instead of text inside the page.

A map page's catalog (:mod:`atlas.map.catalog`) travels inside the page, in the ``data-json``
attribute of a hidden element written with ``st.html``, and the browser pays for every byte of it
before the first map is drawn: Streamlit sanitizes an ``st.html`` body (DOMPurify parses it) and React
puts it in the page, on the page's only thread. The overlays of 1945 (the polities' areas, the
boundaries and the railways) are drawn only once the first date is painted (static/map/controls.js),
yet at ten times today's data they were 0.8 MB of the catalog's 1.3 MB. :func:`publish` writes them to
``static/generated/data/<digest>.json`` (served at ``/app/static/``, as the map client is); the
catalog names the file (``overlayFile``) and the client fetches it while the first date is drawn.

Moving the step table and the whole catalog out the same way was measured and left out
(docs/benchmarks.md, run 15): the page got lighter by as much as the map then waited for its files.

A file is named by the digest of its content, so it is never stale and is written once (atomically).
Only the newest :data:`FILES_KEPT` files stay, and the ones this process published last, so the disk
does not grow with data edits. If nothing can be written (a read-only disk), :func:`publish`
returns None and the page carries the overlays itself, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from atlas.map.client import STATIC_DIR

ROOT = STATIC_DIR / "generated" / "data"  # gitignored
SERVED_FROM = "../../app/static/generated/data/"  # relative to streamlit-folium's frame, like the client
FILES_KEPT = 24  # three map pages, two languages, four data versions
_NAME = re.compile(r"^[0-9a-f]{20}\.json$")
_published: deque[tuple[str, str]] = deque(maxlen=FILES_KEPT)  # (root, name): kept whatever their age


def write_atomic(path: Path, text: str) -> None:
    """Write atomically: a reader sees the whole file or none (temporary file, then os.replace)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def age(path: Path) -> int:
    """When ``path`` was last written or touched (0 if it is gone)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:  # removed meanwhile (another session or process pruning)
        return 0


def prune_newest(root: Path, chosen: Callable[[Path], object], kept: int, published: Iterable[tuple[str, str]],
                 remove: Callable[[Path], None]) -> None:
    """Remove the ``chosen`` entries of ``root`` beyond the newest ``kept`` with ``remove``, never one
    ``published`` lately (given as (root, name) pairs). Never fails: what cannot be removed now is
    removed another time. Used for these files and for the popup files' folders (popup_files)."""
    keep = {entry for where, entry in published if where == str(root)}
    try:
        entries = [p for p in root.iterdir() if chosen(p)]
    except OSError:
        return
    entries.sort(key=age, reverse=True)
    for path in entries[kept:]:
        if path.name not in keep:
            with contextlib.suppress(OSError):
                remove(path)


def prune(root: Path) -> None:
    """Remove files beyond the newest :data:`FILES_KEPT` (never one published lately)."""
    prune_newest(root, lambda path: _NAME.match(path.name), FILES_KEPT, _published, Path.unlink)


def publish(payload: Any, root: Path | None = None) -> str | None:
    """Write ``payload`` as JSON under ``root`` (once per content) and return its address relative to
    the map's frame; None if the file cannot be written."""
    root = Path(root) if root is not None else ROOT
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    name = hashlib.sha1(text.encode("utf-8")).hexdigest()[:20] + ".json"
    path = root / name
    try:
        if not path.is_file():
            root.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
    except OSError:
        return None
    _published.append((str(root), name))
    with contextlib.suppress(OSError):  # complete but read-only: served as it is
        os.utime(path)  # the newest: a file in use is not the one pruned
    prune(root)
    return SERVED_FROM + name
