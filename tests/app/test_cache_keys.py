"""The data caches are keyed by the files the package declares: a stray file starts nothing new."""

from __future__ import annotations

import shutil

from atlas.ui import cache
from tests.conftest import REPO


def test_a_stray_file_in_the_data_folder_does_not_change_the_cache_key(tmp_path):
    folder = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", folder)
    before = cache._stamp(folder)
    (folder / ".offensive.geojson.swp").write_text("x", encoding="utf-8")  # an editor's swap file
    (folder / "notes.txt").write_text("y", encoding="utf-8")
    assert cache._stamp(folder) == before
    (folder / "story.csv").write_text((folder / "story.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache._stamp(folder) != before  # a declared file did change
