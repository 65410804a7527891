"""A validated package kept on disk, so a server that starts again does not validate it again.

Loading the package runs every rule on every feature (JSON Schema, containment, links): 1–2 s for
today's data and 10–17 s at 10× (docs/benchmarks.md, "Scale"), all of it on the first visit to a
freshly started server. The loaded result is written here once, under a key made of everything it
depends on: the content of every file the package declares (the cache key the app already uses),
the code that reads and checks it, and the versions of Python and the libraries whose objects it
holds. The next process with the same key reads the result back instead (a few hundred ms at 10×).
``python -m atlas.validate`` writes it too, so a package validated when it is published is not
validated again when the server starts.

Files are written atomically, readable by their owner only, in a folder of their own
(``ATLAS_SNAPSHOT_DIR``, else ``$XDG_CACHE_HOME/atlas-1945`` or ``~/.cache/atlas-1945``); only this
module writes there, and only the newest few are kept. A snapshot that cannot be read (cut short,
another version) is removed and the package is loaded as before. A read-only or missing folder
only costs the time saved. ``ATLAS_SNAPSHOT=0`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from atlas import package
from atlas.load import TABLE_FILES

Stamp = tuple[tuple[str, str], ...]
KEPT = 4  # snapshots kept (an edit of the data makes a new one)
LIBRARIES = ("pandas", "geopandas", "shapely", "pyogrio", "numpy", "jsonschema")
_CODE = Path(__file__).resolve().parent
_code_digest: str | None = None
_digests: dict[tuple[str, int, int, int], str] = {}  # (file, size, mtime, inode) -> content digest


def _digest(path: Path) -> str:
    """The content digest of a file, computed again only when its size or modification time changes."""
    try:
        info = path.stat()
        key = (str(path), info.st_size, info.st_mtime_ns, info.st_ino)
        if key not in _digests:
            if len(_digests) > 512:
                _digests.clear()
            _digests[key] = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        return _digests[key]
    except OSError as exc:
        return f"unreadable: {type(exc).__name__}"


def stamp(folder: Path) -> Stamp:
    """A cache key that changes whenever the content of a file the package declares changes
    (datapackage.json, its resources, schema and documents, and the tables the loader reads by
    name). A stray file in the folder (an editor's swap file) does not change it, nor does saving a
    file unchanged, so neither starts new cache entries or background work."""
    try:
        files = {relative: path for path, relative in package.published_files(folder)}
    except Exception:  # noqa: BLE001 - no readable description: the loader names the problem; key on the folder
        files = {p.name: p for p in sorted(folder.glob("*")) if p.is_file()} if folder.is_dir() else {}
    for name in TABLE_FILES:
        path = package.confined(folder, name)
        if name not in files and path is not None and path.is_file():
            files[name] = path
    return tuple((relative, _digest(path)) for relative, path in sorted(files.items()))


def enabled() -> bool:
    return os.environ.get("ATLAS_SNAPSHOT", "1") != "0"


def folder() -> Path:
    """Where snapshots are kept."""
    if os.environ.get("ATLAS_SNAPSHOT_DIR"):
        return Path(os.environ["ATLAS_SNAPSHOT_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "atlas-1945"


def code_digest() -> str:
    """The digest of the code that reads and checks a package (the modules at the top of ``atlas/``
    and its messages; not the pages' and the map's code in ``atlas/ui``, ``atlas/map``) and of the
    versions of Python and the libraries a loaded package is made of: a change to any of them makes
    every snapshot stale."""
    global _code_digest
    if _code_digest is None:
        digest = hashlib.blake2b(digest_size=16)
        for path in sorted([*_CODE.glob("*.py"), *_CODE.glob("locales/*.toml")]):
            digest.update(str(path.relative_to(_CODE)).encode() + b"\0" + path.read_bytes() + b"\0")
        versions = [sys.version]
        for name in LIBRARIES:
            try:
                versions.append(f"{name}={metadata.version(name)}")
            except metadata.PackageNotFoundError:
                versions.append(f"{name}=-")
        digest.update("\n".join(versions).encode())
        _code_digest = digest.hexdigest()
    return _code_digest


def key(stamp: Any, gazetteer: bool = False) -> str:
    """The snapshot's name for a package version (``stamp``: the content digests of its files)."""
    text = repr((stamp, gazetteer, code_digest()))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def read(name: str) -> Any | None:
    """The object saved under ``name``, or None (none saved, unreadable, or turned off)."""
    if not enabled():
        return None
    path = folder() / f"{name}.pickle"
    try:
        with path.open("rb") as file:
            return pickle.load(file)  # noqa: S301 - a file this module wrote, in a folder only its owner can write
    except OSError:  # none saved, or no folder to read
        return None
    except Exception:  # noqa: BLE001 - cut short or from another version: load the package instead
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None


def write(name: str, value: Any) -> bool:
    """Save ``value`` under ``name`` (atomically), keeping the newest :data:`KEPT`; False if the
    folder cannot be written."""
    if not enabled():
        return False
    where = folder()
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=where, prefix=".writing-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, where / f"{name}.pickle")
        finally:
            Path(temp).unlink(missing_ok=True)
        _prune(where)
        return True
    except Exception:  # noqa: BLE001 - read-only disk, full disk, an object that cannot be saved: only time is lost
        return False


def _prune(where: Path) -> None:
    snapshots = sorted(where.glob("*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in snapshots[KEPT:]:
        old.unlink(missing_ok=True)
