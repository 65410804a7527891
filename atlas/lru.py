"""Caches bounded by the bytes they hold as well as by their entries (least recently used out first).

Streamlit's caches bound the number of entries only, so a per-date cache of a layer with 1 MB
descriptions grew with the data: 137 months, each a full copy (issue 15, findings 2 and 11). Here
every cache has a budget in bytes, a share of one total (``ATLAS_CACHE_MB``, 64 MB unless set), and
a value larger than its cache's whole budget is handed back without being kept.

Sizes are estimates, cheap next to building the value: a JSON-like value's length as compact JSON,
a string's length, a table's deep memory usage, a dataclass's fields added up. Thread-safe:
Streamlit serves sessions in threads and the background worker fills the same caches; two threads
asking for the same missing key build it once (the second waits for the first).
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import Any

ENV = "ATLAS_CACHE_MB"
DEFAULT_TOTAL_MB = 64.0
NUMBER_BYTES = 8


def total_budget(environ: Mapping[str, str] | None = None) -> int:
    """The bytes all sized caches may hold together: ``ATLAS_CACHE_MB`` megabytes (a number ≥ 0;
    0 keeps nothing), else 64 MB."""
    raw = (os.environ if environ is None else environ).get(ENV, "")
    try:
        megabytes = float(raw) if raw.strip() else DEFAULT_TOTAL_MB
    except ValueError:
        megabytes = DEFAULT_TOTAL_MB
    if not megabytes >= 0 or megabytes == float("inf"):  # NaN, negative or infinite: the default
        megabytes = DEFAULT_TOTAL_MB
    return int(megabytes * 1_000_000)


def estimate(value: Any) -> int:
    """An estimate of the bytes ``value`` holds (see the module's docstring)."""
    if isinstance(value, str | bytes | bytearray):
        return len(value)
    if value is None or isinstance(value, bool | int | float):
        return NUMBER_BYTES
    usage = getattr(value, "memory_usage", None)
    if callable(usage) and hasattr(value, "columns"):  # a pandas or geopandas table
        return int(usage(deep=True, index=True).sum())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return sum(estimate(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, Mapping | list | tuple):
        try:
            return len(json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False))
        except (TypeError, ValueError, RecursionError):  # not JSON: add the parts up
            items = [*value.keys(), *value.values()] if isinstance(value, Mapping) else list(value)
            return NUMBER_BYTES * len(items) + sum(estimate(item) for item in items)
    return sys.getsizeof(value)


class SizedLRU:
    """A thread-safe mapping bounded by ``budget`` bytes and ``max_entries`` entries."""

    def __init__(self, name: str, budget: int, max_entries: int = 1024,
                 size_of: Callable[[Any], int] = estimate) -> None:
        self.name, self.budget, self.max_entries, self.size_of = name, max(0, int(budget)), max_entries, size_of
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Event] = {}
        self.hits = self.misses = self.evictions = 0

    @property
    def nbytes(self) -> int:
        """The estimated bytes held now (never more than the budget)."""
        with self._lock:
            return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __getitem__(self, key: Hashable) -> Any:
        with self._lock:
            value, _ = self._items[key]
            self._items.move_to_end(key)
            return value

    def get(self, key: Hashable, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __setitem__(self, key: Hashable, value: Any) -> None:
        self.put(key, value)

    def __delitem__(self, key: Hashable) -> None:
        with self._lock:
            _, size = self._items.pop(key)
            self._bytes -= size

    def put(self, key: Hashable, value: Any, size: int | None = None) -> bool:
        """Keep ``value`` under ``key``; False (and nothing kept) if it alone is over the budget."""
        size = self.size_of(value) if size is None else size
        with self._lock:
            if key in self._items:
                self._bytes -= self._items.pop(key)[1]
            if size > self.budget:
                return False
            self._items[key] = (value, size)
            self._bytes += size
            self._shrink()
        return True

    def _shrink(self) -> None:
        while self._items and (self._bytes > self.budget or len(self._items) > self.max_entries):
            _, (_, size) = self._items.popitem(last=False)
            self._bytes -= size
            self.evictions += 1

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept under ``key``, or ``make()``'s, kept if it fits. Two threads missing the
        same key call ``make`` once: the second waits for the first (and makes it itself if the
        first failed or its value was too large to keep)."""
        while True:
            with self._lock:
                if key in self._items:
                    self.hits += 1
                    self._items.move_to_end(key)
                    return self._items[key][0]
                waiting = self._making.get(key)
                if waiting is None:
                    self.misses += 1
                    done = self._making[key] = threading.Event()
                    break
            waiting.wait()
            with self._lock:
                if key not in self._items:  # the other thread failed, or could not keep it
                    self.misses += 1
                    break
        if waiting is not None:
            return make()
        try:
            value = make()
            self.put(key, value)
            return value
        finally:
            with self._lock:
                self._making.pop(key, None)
            done.set()

    def discard(self, stale: Callable[[Hashable], bool]) -> int:
        """Drop every entry whose key ``stale(key)`` says is out of date; how many were dropped."""
        with self._lock:
            keys = [key for key in self._items if stale(key)]
            for key in keys:
                self._bytes -= self._items.pop(key)[1]
        return len(keys)

    def resize(self, budget: int) -> None:
        """A new budget, applied at once (the least recently used entries leave first)."""
        with self._lock:
            self.budget = max(0, int(budget))
            self._shrink()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


class Budget:
    """Caches sharing one total budget, each by its share (shares add up to at most 1)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.caches: list[tuple[SizedLRU, float]] = []

    def cache(self, name: str, share: float, max_entries: int = 1024) -> SizedLRU:
        if sum(s for _, s in self.caches) + share > 1 + 1e-9:
            raise ValueError(f"cache shares over the whole budget with {name}")
        made = SizedLRU(name, int(self.total * share), max_entries)
        self.caches.append((made, share))
        return made

    def set_total(self, total: int) -> None:
        """Change the total (every cache shrinks or grows by its share)."""
        self.total = total
        for made, share in self.caches:
            made.resize(int(total * share))

    def nbytes(self) -> int:
        return sum(made.nbytes for made, _ in self.caches)

    def discard(self, stale: Callable[[Hashable], bool]) -> int:
        return sum(made.discard(stale) for made, _ in self.caches)

    def clear(self) -> None:
        for made, _ in self.caches:
            made.clear()
