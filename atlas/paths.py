"""Where the data lives, resolved from this file (never from the working directory)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
DEFAULT_GEODATA_DIR = REPO_DIR / "geodata"


def geodata_dir() -> Path:
    """The data folder; ``ATLAS_GEODATA_DIR`` overrides it (used by tests and by curators)."""
    override = os.environ.get("ATLAS_GEODATA_DIR")
    return Path(override) if override else DEFAULT_GEODATA_DIR
