"""Popup text out of the page's catalog: shard files served by the app, fetched when a popup opens
(atlas/map/popup_files.py; the client's side is static/map/popups.js)."""

import html
import json
import os
from pathlib import Path

import pytest

from atlas.load import load_atlas
from atlas.map import catalog, popup_files


@pytest.fixture
def page_catalog(package):
    atlas = load_atlas(package)
    return catalog.map_catalog(atlas.layers["offensive"].frame, "en", atlas.sources, atlas.axes, "offensive")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "popups"  # tmp_path holds the test's data package too
    folder.mkdir()
    return folder


def element_payload(element: str) -> dict:
    return json.loads(html.unescape(element.split('data-json="', 1)[1].split('"', 1)[0]))


def test_shard_of_is_stable_and_matches_the_client():
    # FNV-1a (32 bits) of the id's UTF-8 bytes, mod k: the same numbers static/map/popups.js computes
    # (tests/js/popups.test.js checks these three).
    values = {"": 0x811C9DC5, "a": 0xE40C292C, "axis-6gta": 0x2BD24EF7, "Ω-ü": 0x113299B8}
    assert {key: popup_files.fnv1a(key) for key in values} == values
    assert all(0 <= popup_files.shard_of(f"id-{n}", 7) < 7 for n in range(100))
    assert popup_files.shard_of("Ω-ü", 1) == 0


def test_shard_count_grows_with_the_popups():
    assert popup_files.shard_count(0) == 1
    assert popup_files.shard_count(10_000) == 1
    small, large = popup_files.shard_count(460_000), popup_files.shard_count(4_300_000)
    assert 4 <= small < large and 4_300_000 / large <= 100_000 and 4_300_000 / large >= 20_000


def test_the_page_catalog_carries_no_popup_text_and_the_shards_hold_each_once(page_catalog, root: Path):
    lazy = popup_files.publish(page_catalog, root)
    assert lazy is not None
    element = catalog.catalog_html(page_catalog, lazy)
    payload = element_payload(element)
    assert all("popup" not in entry for entry in payload["popups"].values())
    # tooltips and titles stay: the map shows them on hover and a11y.js names the places list with them
    full = page_catalog.payload["popups"]
    assert {key: {k: v for k, v in entry.items() if k != "popup"} for key, entry in full.items()} == payload["popups"]
    files = payload["popupFiles"]
    assert files["url"] == f"{popup_files.SERVED_FROM}{page_catalog.id}/en-" and files["k"] >= 1
    folder = root / page_catalog.id
    shards = {int(p.stem.split("-")[1]): json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("en-*.json")}
    assert set(shards) == set(range(files["k"]))
    seen = [key for shard in shards.values() for key in shard]
    assert sorted(seen) == sorted(full)  # every popup exactly once
    for number, shard in shards.items():
        for key, text in shard.items():
            assert popup_files.shard_of(key, files["k"]) == number
            assert text == full[key]["popup"]  # the same server-escaped HTML as inline
    assert not list(folder.glob("*.tmp*"))
    assert page_catalog.payload["popups"] == full and "popup" in next(iter(full.values()))  # the catalog itself is whole


def test_publishing_twice_writes_nothing_new(page_catalog, root: Path):
    popup_files.publish(page_catalog, root)
    shard = next((root / page_catalog.id).glob("*.json"))
    before = shard.stat().st_mtime_ns
    os.utime(shard, ns=(before - 10**9, before - 10**9))
    assert popup_files.publish(page_catalog, root) is not None
    assert shard.stat().st_mtime_ns == before - 10**9


def test_a_read_only_folder_keeps_the_popups_inline(page_catalog, root: Path):
    blocked = root / "file"
    blocked.write_text("not a folder")  # nothing can be written under a file, whoever runs the test
    assert popup_files.publish(page_catalog, blocked / "popups") is None
    payload = element_payload(catalog.catalog_html(page_catalog, None))
    assert payload == page_catalog.payload and "popupFiles" not in payload


def test_old_catalog_folders_are_removed_beyond_a_bound(page_catalog, root: Path):
    for n in range(popup_files.FOLDERS_KEPT + 5):
        old = root / f"{n:012x}"
        old.mkdir()
        (old / "en-0.json").write_text("{}")
        os.utime(old, ns=(n * 10**9, n * 10**9))
    (root / "stray.txt").write_text("not a catalog folder")
    popup_files.publish(page_catalog, root)
    folders = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert len(folders) == popup_files.FOLDERS_KEPT and page_catalog.id in folders
    assert f"{popup_files.FOLDERS_KEPT + 4:012x}" in folders and f"{0:012x}" not in folders  # the newest kept
    assert (root / "stray.txt").exists()


def test_a_catalog_in_use_is_never_removed(page_catalog, root: Path):
    popup_files.publish(page_catalog, root)
    os.utime(root / page_catalog.id, ns=(0, 0))  # the oldest of all
    for n in range(popup_files.FOLDERS_KEPT + 3):
        newer = root / f"{n + 1:012x}"
        newer.mkdir()
        popup_files.prune(root)
    assert (root / page_catalog.id).is_dir()


def test_the_standalone_page_keeps_its_popups_inline(page_catalog, root: Path):
    from atlas.map import elements

    popup_files.publish(page_catalog, root)
    page = elements.base_map("en", page_catalog, embedded=True).get_root().render()
    assert '"popupFiles"' not in page and page.count('"popup": ') == len(page_catalog.payload["popups"])
