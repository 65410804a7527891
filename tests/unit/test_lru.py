"""atlas.lru: caches bounded in bytes as well as entries (issue 15, findings 2 and 11)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pandas as pd
import pytest

from atlas import lru


@pytest.mark.parametrize(("raw", "expected"), [
    (None, 64_000_000), ("", 64_000_000), ("16", 16_000_000), ("0.5", 500_000), ("0", 0),
    ("-3", 64_000_000), ("nan", 64_000_000), ("inf", 64_000_000), ("lots", 64_000_000),
])
def test_the_total_budget_comes_from_atlas_cache_mb(raw, expected):
    assert lru.total_budget({} if raw is None else {lru.ENV: raw}) == expected


@dataclass(frozen=True)
class View:
    caption: str
    lines: tuple[str, ...]


def test_estimates_follow_the_text_a_value_holds():
    assert lru.estimate("x" * 1000) == 1000
    assert lru.estimate(b"12345") == 5
    layer = {"type": "FeatureCollection", "features": [{"id": "a" * 500, "c": [1.5, 2.5]}]}
    assert lru.estimate(layer) == len('{"type":"FeatureCollection","features":[{"id":"","c":[1.5,2.5]}]}') + 500
    assert lru.estimate(View("c" * 100, ("l" * 200, "m" * 300))) == 100 + len('["",""]') + 500
    table = pd.DataFrame({"text": ["t" * 10_000, "u" * 10_000]})
    assert 20_000 < lru.estimate(table) < 21_000
    assert lru.estimate({"not json": {1, 2}}) > 0  # anything else is still given a size


def test_least_recently_used_entries_leave_first_when_the_bytes_run_out():
    cache = lru.SizedLRU("t", budget=1_000)
    for key in "abc":
        assert cache.put(key, "x" * 300)
    assert cache["a"] == "x" * 300  # a is now the most recent
    cache.put("d", "y" * 300)
    assert list(cache._items) == ["c", "a", "d"] and cache.nbytes == 900 and cache.evictions == 1
    cache.put("e", "z" * 900)
    assert list(cache._items) == ["e"] and cache.nbytes == 900


def test_a_value_over_the_whole_budget_is_handed_back_and_not_kept():
    cache = lru.SizedLRU("t", budget=100)
    cache.put("k", "small")
    assert cache.get_or_make("k2", lambda: "x" * 101) == "x" * 101
    assert "k2" not in cache and cache.nbytes == 5
    assert not cache.put("k", "x" * 101)  # replacing an entry with one too large drops the old one
    assert "k" not in cache and cache.nbytes == 0


def test_entries_are_bounded_as_well():
    cache = lru.SizedLRU("t", budget=10**9, max_entries=3)
    for i in range(10):
        cache.put(i, "v")
    assert list(cache._items) == [7, 8, 9]


def test_filling_with_large_layers_keeps_the_cache_under_its_budget():
    cache = lru.SizedLRU("layers", budget=5_000_000)
    layer = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": f"f{i}", "name": "n" * 4_000}, "geometry": None} for i in range(100)]}
    for month in range(137):  # a month a layer, as the captivity map has
        got = cache.get_or_make(("camps", month), lambda: layer)
        assert got is layer
        assert cache.nbytes <= 5_000_000
    assert len(cache) == 5_000_000 // lru.estimate(layer)
    assert cache.misses == 137 and cache.evictions == 137 - len(cache)


def test_two_threads_missing_the_same_key_build_it_once():
    cache = lru.SizedLRU("t", budget=1_000)
    started, release, calls = threading.Event(), threading.Event(), []

    def make():
        calls.append(1)
        started.set()
        release.wait(10)
        return "built"

    results = []
    first = threading.Thread(target=lambda: results.append(cache.get_or_make("k", make)))
    first.start()
    started.wait(10)
    second = threading.Thread(target=lambda: results.append(cache.get_or_make("k", make)))
    second.start()
    release.set()
    first.join(10)
    second.join(10)
    assert results == ["built", "built"] and len(calls) == 1


def test_a_failed_build_is_not_kept_and_a_waiting_thread_builds_it_itself():
    cache = lru.SizedLRU("t", budget=1_000)
    with pytest.raises(RuntimeError):
        cache.get_or_make("k", lambda: (_ for _ in ()).throw(RuntimeError("no")))
    assert "k" not in cache and not cache._making
    assert cache.get_or_make("k", lambda: "ok") == "ok"


def test_stale_entries_can_be_dropped_and_budgets_shared():
    budget = lru.Budget(1_000)
    a, b = budget.cache("a", 0.5), budget.cache("b", 0.5)
    with pytest.raises(ValueError, match="over the whole budget"):
        budget.cache("c", 0.1)
    a.put(("folder", "old", 1), "x" * 100)
    a.put(("folder", "new", 1), "y" * 100)
    b.put(("folder", "old", 2), "z" * 400)
    assert budget.nbytes() == 600
    assert budget.discard(lambda key: key[1] == "old") == 2
    assert budget.nbytes() == 100 and ("folder", "new", 1) in a
    budget.set_total(100)
    assert a.budget == 50 and len(a) == 0
    budget.clear()
    assert budget.nbytes() == 0


def test_mapping_protocol_for_tests_and_callers():
    cache = lru.SizedLRU("t", budget=100)
    cache["k"] = "v"
    assert cache["k"] == "v" and "k" in cache and len(cache) == 1 and cache.get("missing", 3) == 3
    del cache["k"]
    assert cache.nbytes == 0 and len(cache) == 0


def test_many_threads_reading_while_entries_are_evicted_never_fail():
    """Low finding: the catalog elements' store was cleared and read without a lock (a possible
    KeyError under concurrency). It is now a SizedLRU (atlas.ui.cache.CATALOG_HTML): eight threads
    reading and filling a store that holds two entries get every value right."""
    cache = lru.SizedLRU("catalogs", budget=2_000)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(2_000):
                key = (i + offset) % 7
                assert cache.get_or_make(key, lambda key=key: str(key) * 1_000) == str(key) * 1_000
                assert cache.nbytes <= 2_000
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == [] and len(cache) <= 2
