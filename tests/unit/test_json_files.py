"""A map page's overlays of 1945 as a file the app serves (atlas/map/json_files.py; the client's side
is static/map/controls.js, addOverlays)."""

import json
import os
import re
from pathlib import Path

import pytest

from atlas.map import json_files

TABLE = [{"id": "<script>alert(1)</script>", "k": "polity", "n": "Маньчжоу-го 満洲国", "g": {"type": "Point", "coordinates": [1, 2]}}]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "data"  # made by publish


def test_a_table_is_written_once_under_the_digest_of_its_content(root: Path):
    url = json_files.publish(TABLE, root)
    assert url is not None and url.startswith(json_files.SERVED_FROM)
    name = url[len(json_files.SERVED_FROM):]
    assert re.fullmatch(r"[0-9a-f]{20}\.json", name)
    path = root / name
    assert json.loads(path.read_text(encoding="utf-8")) == TABLE
    os.utime(path, ns=(10**9, 10**9))
    assert json_files.publish(list(TABLE), root) == url  # the same content: the same file, not written again
    assert path.stat().st_mtime_ns > 10**9  # only touched (the newest, not pruned)
    assert [p.name for p in root.iterdir()] == [name]  # no temporary file left
    other = json_files.publish([*TABLE, {"id": "other"}], root)
    assert other is not None and other != url


def test_a_disk_that_cannot_be_written_gives_none(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    assert json_files.publish(TABLE, blocked / "data") is None


def test_old_files_are_removed_beyond_a_bound_and_one_in_use_never(root: Path):
    url = json_files.publish(TABLE, root)
    mine = root / url.rsplit("/", 1)[1]
    os.utime(mine, ns=(0, 0))  # the oldest of all, but published by this process
    for n in range(json_files.FILES_KEPT + 5):
        old = root / f"{n + 1:020x}.json"
        old.write_text("{}")
        os.utime(old, ns=((n + 1) * 10**9, (n + 1) * 10**9))
    (root / "stray.txt").write_text("not an overlay file")
    json_files.prune(root)
    tables = sorted(p.name for p in root.iterdir() if p.suffix == ".json")
    assert mine.exists() and len(tables) == json_files.FILES_KEPT + 1  # the bound, and the one in use
    assert f"{json_files.FILES_KEPT + 5:020x}.json" in tables and f"{1:020x}.json" not in tables  # the newest kept
    assert (root / "stray.txt").exists()


def test_the_page_s_catalog_names_the_overlays_file_and_keeps_them_inline_if_it_cannot_be_written(monkeypatch, root):
    from atlas.map import catalog
    from atlas.ui import cache

    page_catalog = catalog.make_catalog({"a": {"popup": "<p>text</p>", "title": "A"}}, {}, "", overlays=TABLE)
    sent = cache.sent_catalog(page_catalog, root.parent / "popups", root)
    assert sent["overlays"] == [] and sent["overlayFile"].startswith(json_files.SERVED_FROM)
    assert json.loads((root / sent["overlayFile"].rsplit("/", 1)[1]).read_text(encoding="utf-8")) == TABLE
    assert "popup" not in sent["popups"]["a"] and sent["popupFiles"]  # the popup text in files, as before
    monkeypatch.setattr(cache.json_files, "publish", lambda payload, root: None)  # a disk that cannot be written
    inline = cache.sent_catalog(page_catalog, root.parent / "popups", root)
    assert inline["overlays"] == TABLE and "overlayFile" not in inline
    monkeypatch.setattr(cache.popup_files, "publish", lambda payload, root: None)
    assert cache.sent_catalog(page_catalog, root.parent / "popups", root) is None  # the whole catalog inline, as before
