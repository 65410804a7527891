"""A loaded package is saved once and read back by the next process (atlas/snapshot.py): the cold
first visit does not validate again what was validated before (issue 15, the cold first visit)."""

from __future__ import annotations

import os
import shutil

import pytest

from atlas import snapshot
from atlas.load import load_atlas
from tests.conftest import REPO


@pytest.fixture
def store(tmp_path, monkeypatch):
    folder = tmp_path / "snapshots"
    monkeypatch.setenv("ATLAS_SNAPSHOT_DIR", str(folder))
    monkeypatch.delenv("ATLAS_SNAPSHOT", raising=False)
    return folder


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(REPO / "geodata")


def test_a_saved_package_reads_back_the_same(store, atlas):
    name = snapshot.key(snapshot.stamp(REPO / "geodata"))
    assert snapshot.read(name) is None
    assert snapshot.write(name, atlas)
    back = snapshot.read(name)
    assert back is not atlas
    assert set(back.layers) == set(atlas.layers)
    for layer_name, layer in atlas.layers.items():
        assert back.layers[layer_name].frame.equals(layer.frame)
        assert back.layers[layer_name].problems == layer.problems
    assert back.problems == atlas.problems and back.story == atlas.story and back.sources == atlas.sources
    assert oct(store.stat().st_mode & 0o777) == "0o700"
    assert oct((store / f"{name}.pickle").stat().st_mode & 0o777) == "0o600"


def test_the_key_follows_the_data_and_the_code(tmp_path, monkeypatch):
    folder = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", folder)
    before = snapshot.key(snapshot.stamp(folder))
    (folder / "notes.txt").write_text("a stray file", encoding="utf-8")
    assert snapshot.key(snapshot.stamp(folder)) == before
    story = folder / "story.csv"
    story.write_text(story.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert snapshot.key(snapshot.stamp(folder)) != before
    after_data = snapshot.key(snapshot.stamp(folder))
    monkeypatch.setattr(snapshot, "_code_digest", "another version of the code")
    assert snapshot.key(snapshot.stamp(folder)) != after_data
    assert snapshot.key(snapshot.stamp(folder), gazetteer=True) != snapshot.key(snapshot.stamp(folder))


def test_a_damaged_snapshot_is_removed_and_ignored(store, atlas):
    assert snapshot.write("damaged", atlas)
    path = store / "damaged.pickle"
    path.write_bytes(path.read_bytes()[:1000])  # cut short (a full disk, a killed process)
    assert snapshot.read("damaged") is None
    assert not path.exists()
    path.write_bytes(b"not a pickle at all")
    assert snapshot.read("damaged") is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through a read-only folder's permissions")
def test_a_folder_that_cannot_be_written_costs_only_time(store, atlas):
    store.mkdir(mode=0o500)
    assert snapshot.write("any", atlas) is False
    assert snapshot.read("any") is None


def test_a_folder_in_the_way_costs_only_time(tmp_path, monkeypatch, atlas):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("ATLAS_SNAPSHOT_DIR", str(blocker / "snapshots"))
    assert snapshot.write("any", atlas) is False
    assert snapshot.read("any") is None


def test_only_the_newest_are_kept_and_nothing_half_written_stays(store):
    for index in range(snapshot.KEPT + 3):
        assert snapshot.write(f"v{index}", {"version": index})
        os.utime(store / f"v{index}.pickle", (1_000_000 + index, 1_000_000 + index))
    snapshot.write("last", {"version": "last"})
    kept = sorted(path.name for path in store.iterdir())
    assert len(kept) == snapshot.KEPT and "last.pickle" in kept
    assert not [name for name in kept if name.endswith(".tmp")]


def test_turned_off_it_neither_reads_nor_writes(store, monkeypatch):
    assert snapshot.write("on", 1)
    monkeypatch.setenv("ATLAS_SNAPSHOT", "0")
    assert snapshot.read("on") is None
    assert snapshot.write("off", 1) is False
    assert not (store / "off.pickle").exists()


def test_the_validator_saves_what_the_app_loads(store, capsys):
    from atlas import validate

    assert validate.main([str(REPO / "geodata"), "--no-gazetteer", "--snapshot"]) == 0
    assert "snapshot saved" in capsys.readouterr().err
    back = snapshot.read(snapshot.key(snapshot.stamp(REPO / "geodata")))
    assert back is not None and set(back.layers) == set(load_atlas(REPO / "geodata").layers)
