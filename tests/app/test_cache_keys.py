"""The data caches are keyed by the content of the files the package declares (a stray file starts
nothing new) and the ones that grow with the dates are bounded in bytes (issue 15, findings 2, 11)."""

from __future__ import annotations

import gc
import json
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest

from atlas import lru
from atlas.pages import MAP_PAGES
from atlas.ui import cache, mapview
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


def test_the_key_follows_content_not_the_time_a_file_was_saved(tmp_path):
    """Saving a declared file unchanged (an editor's save, a checkout) starts nothing new; any
    table the loader reads by name counts, declared or not."""
    folder = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", folder)
    before = cache._stamp(folder)
    story = folder / "story.csv"
    text = story.read_bytes()
    story.write_bytes(text)
    os.utime(story, ns=(story.stat().st_atime_ns, story.stat().st_mtime_ns + 5_000_000_000))
    assert cache._stamp(folder) == before
    story.write_bytes(text.replace(b"Soviet", b"Sovjet", 1))
    assert cache._stamp(folder) != before
    story.write_bytes(text)
    assert cache._stamp(folder) == before  # back as it was: the same key, the same cache entries
    doc = json.loads((folder / "datapackage.json").read_text("utf-8"))
    doc["resources"] = [r for r in doc["resources"] if r["path"] != "labels.csv"]
    (folder / "datapackage.json").write_text(json.dumps(doc), "utf-8")
    undeclared = cache._stamp(folder)
    (folder / "labels.csv").write_text("changed", "utf-8")  # the loader still reads it by name
    assert cache._stamp(folder) != undeclared


def long_text_package(folder: Path) -> Path:
    """The shipped package with 4,000 characters in six text fields of every placed feature of the
    offensive (its size limit raised to allow them): about 1.5 MB of text on a busy date."""
    shutil.copytree(REPO / "geodata", folder)
    doc = json.loads((folder / "offensive.geojson").read_text("utf-8"))
    for i, feature in enumerate(doc["features"]):
        if feature["geometry"]:
            for field in ("description_en", "description_es", "date_note_en", "date_note_es", "units_en", "units_es"):
                feature["properties"][field] = (f"{i} {field} " + "long text " * 400)[:4_000]
    (folder / "offensive.geojson").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    for resource in package["resources"]:
        if resource["path"] == "offensive.geojson":
            resource["x-atlas"]["max_bytes"] = 5_000_000
    (folder / "datapackage.json").write_text(json.dumps(package), "utf-8")
    return folder


@pytest.fixture
def small_budget():
    cache.BUDGET.clear()
    cache.BUDGET.set_total(BUDGET)
    yield
    cache.BUDGET.set_total(lru.total_budget())
    cache.BUDGET.clear()


BUDGET = 2_000_000


def test_memory_of_every_date_stays_within_the_cache_budget(tmp_path, monkeypatch, small_budget):
    """Finding 2: the per-date caches kept a full copy for every date, bounded by count only. With
    long texts each of the offensive's 26 days costs about 1.5 MB in them; visiting the second half
    of the dates (after the first half) must not add more than the caches' budget (estimates of
    live objects: twice it, as measured)."""
    folder = long_text_package(tmp_path / "geodata")
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    loaded = cache.load()
    assert not loaded.fatal and not loaded.atlas.layers["offensive"].problems
    days = MAP_PAGES["offensive"].days()
    view = cache.default_view(loaded, "offensive")

    def visit(day):
        cache.shown_on(loaded, "offensive", day)
        cache.day_view(loaded, "offensive", day, "en")
        mapview._map_args(loaded.folder, loaded.stamp, "offensive", "en", view, day, False)

    visit(days[0])
    gc.collect()
    tracemalloc.start()
    try:
        for day in days[: len(days) // 2]:
            visit(day)
        gc.collect()
        half = tracemalloc.get_traced_memory()[0]
        for day in days[len(days) // 2:] + days[:6]:  # the second half, then the first dates again
            visit(day)
            assert cache.BUDGET.nbytes() <= BUDGET
        gc.collect()
        growth = tracemalloc.get_traced_memory()[0] - half
    finally:
        tracemalloc.stop()
    assert growth <= 2 * BUDGET, f"{growth:,} bytes more after the second half of the dates"
    for made, share in cache.BUDGET.caches:
        assert made.nbytes <= int(BUDGET * share), made.name


def test_a_data_change_drops_what_was_built_from_the_old_data(tmp_path, monkeypatch):
    """Finding 11: forty edits must not leave forty versions in the caches."""
    folder = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", folder)
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    day = MAP_PAGES["dongning"].days()[3]
    loaded = cache.load()
    cache.day_view(loaded, "dongning", day, "en")
    assert any(key[:2] == (str(folder), loaded.stamp) for key in cache.DAY_VIEWS._items)
    story = folder / "story.csv"
    story.write_text(story.read_text("utf-8") + "\n", "utf-8")
    newer = cache.load()
    assert newer.stamp != loaded.stamp
    assert not any(key[:2] == (str(folder), loaded.stamp) for made, _ in cache.BUDGET.caches for key in made._items)


def test_a_package_loaded_once_is_read_back_not_validated_again(tmp_path, monkeypatch):
    """The server's load goes through the snapshot: once saved, a new process (here: the cache
    cleared) reads it back and never runs the loader; a changed file loads and validates again."""
    folder = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", folder)
    monkeypatch.setenv("ATLAS_SNAPSHOT_DIR", str(tmp_path / "snapshots"))
    calls = []
    real = cache.load_atlas
    monkeypatch.setattr(cache, "load_atlas", lambda path: calls.append(path) or real(path))
    first, _ = cache._load(str(folder), cache._stamp(folder))
    assert len(calls) == 1 and first.layers
    cache._load.clear()
    again, fatal = cache._load(str(folder), cache._stamp(folder))
    assert len(calls) == 1 and not fatal
    assert set(again.layers) == set(first.layers)
    (folder / "story.csv").write_text((folder / "story.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cache._load(str(folder), cache._stamp(folder))
    assert len(calls) == 2


def test_every_session_shares_one_package_and_one_catalog_not_a_copy_each():
    """A copy per call (st.cache_data unpickles one) was kept by each session's page fragment: the
    server grew by about 23 MB per session at 10x the data (1,209 MB for 30; docs/benchmarks.md)."""
    first, second = cache.load(), cache.load()
    assert first.atlas is second.atlas
    assert cache.page_frame(first, "offensive") is cache.page_frame(second, "offensive")
    assert cache.page_catalog(first, "offensive", "en") is cache.page_catalog(second, "offensive", "en")
