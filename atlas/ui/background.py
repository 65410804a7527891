"""One background worker per process that prepares every date of a page once.

A page's first visit in a language queues one job, keyed only by what the server defines (the data
version, the page and the language; never by a value from the URL). The job builds the page's step
table (every date's layer: from then on the map switches dates in the browser the moment the slider
moves), then each date's map arguments for the page's default view and each date's text, the dates
after the visitor's first date first. The queue is bounded, a job is never queued twice, and a job
stops as soon as the data changes. ``ATLAS_PREWARM=0`` turns it off.

The worker gives way to visitors: it starts a job, and each date of it, only once no page has been
running for :data:`QUIET_S` (a visitor's page and the browser drawing its map come first; on a
fresh server the first map was drawn while the worker built the step table beside it), waiting at
most :data:`MOST_WAIT_S` so that a busy classroom still gets its dates prepared.
"""

from __future__ import annotations

import datetime as dt
import os
import queue
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from atlas.map import catalog as catalogs
from atlas.map import packing
from atlas.pages import MAP_PAGES
from atlas.ui import cache

QUEUE_SIZE = 16
TABLES_KEPT = 16  # step tables' elements: a page and language each (about 20 kB apiece), bounded in bytes too

_jobs: queue.Queue[tuple[Any, ...]] = queue.Queue(maxsize=QUEUE_SIZE)
_seen: set[tuple[Any, ...]] = set()
_lock = threading.Lock()
_latest: dict[str, cache.Stamp] = {}  # data folder -> the newest stamp a page has run with
_steps = cache.STEP_TABLES  # (folder, stamp, page, lang) -> element
_steps.max_entries = TABLES_KEPT
_worker: threading.Thread | None = None
_building = threading.Lock()  # build_steps: the worker and the start-up hook never build a table twice
QUIET_S = 1.0  # seconds without a page running before the worker takes the next date
MOST_WAIT_S = 5.0  # the longest the worker waits for that
_running = 0  # pages running now
_last_end = 0.0  # time.monotonic() when the last one ended


@contextmanager
def visitor_run() -> Iterator[None]:
    """Wrap a page's run: while it runs, and :data:`QUIET_S` after, the worker waits."""
    global _running, _last_end
    with _lock:
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            _last_end = time.monotonic()


def wait_quiet(quiet_s: float | None = None, most_s: float | None = None) -> float:
    """Wait until no page has run for ``quiet_s`` (at most ``most_s``); the seconds waited."""
    quiet_s = QUIET_S if quiet_s is None else quiet_s
    most_s = MOST_WAIT_S if most_s is None else most_s
    started = time.monotonic()
    while time.monotonic() - started < most_s:
        with _lock:
            busy = _running > 0 or time.monotonic() - _last_end < quiet_s
        if not busy:
            break
        time.sleep(0.05)
    return time.monotonic() - started


def step_table(loaded: cache.Loaded, page: str, lang: str) -> dict[str, Any]:
    """Every date of a page's slider as a packed layer (see :func:`atlas.map.packing.step_table`)."""
    spec = MAP_PAGES[page]
    places = cache.page_catalog(loaded, page, lang).places
    return packing.step_table(spec.slider_key, [
        (day.isoformat(), packing.pack_layer(cache.layer_data(loaded, page, day, lang), places)) for day in spec.days()])


def steps_element(loaded: cache.Loaded, page: str, lang: str) -> str | None:
    """The page's step table as a hidden element, once the worker has built it (None before)."""
    return _steps.get((loaded.folder, loaded.stamp, page, lang))


def build_steps(loaded: cache.Loaded, page: str, lang: str) -> str:
    """Build the page's step table element unless it is built already (the worker's first task; the
    start-up hook's, atlas/ui/warm.py, for the default page). One build at a time: a second caller
    waits for the first one's table instead of building it again beside it."""
    key = (loaded.folder, loaded.stamp, page, lang)
    with _building:
        element = _steps.get(key)
        if element is None:
            element = catalogs.steps_html(cache.page_catalog(loaded, page, lang), step_table(loaded, page, lang))
            _steps.put(key, element)
    return element


def enabled() -> bool:
    """False when ``ATLAS_PREWARM=0``: nothing prepared ahead, every page computes what it needs."""
    return os.environ.get("ATLAS_PREWARM", "1") != "0"


def submit(loaded: cache.Loaded, page: str, lang: str, start: dt.date, prepare_day: Any) -> bool:
    """Queue the preparation of a page in a language (once per data version); False if it was
    already queued or done, or the queue is full (the page then computes what it needs itself).
    ``prepare_day(loaded, page, lang, day)`` prepares one date's map arguments."""
    if not enabled():
        return False
    key = (loaded.folder, loaded.stamp, page, lang)
    with _lock:
        _latest[loaded.folder] = loaded.stamp
        if key in _seen:
            return False
        try:
            _jobs.put_nowait((loaded, page, lang, start, prepare_day))
        except queue.Full:
            return False
        _seen.add(key)
        _seen.difference_update({k for k in _seen if k[0] == loaded.folder and k[1] != loaded.stamp})
        _start_worker()
    return True


def _start_worker() -> None:
    global _worker
    if _worker is None or not _worker.is_alive():
        _worker = threading.Thread(target=_run, name="atlas-prepare", daemon=True)
        _worker.start()


def _current(loaded: cache.Loaded) -> bool:
    with _lock:
        return _latest.get(loaded.folder) == loaded.stamp


def _run() -> None:
    while True:
        loaded, page, lang, start, prepare_day = _jobs.get()
        try:
            _prepare(loaded, page, lang, start, prepare_day)
        except Exception:  # noqa: BLE001 - an optimisation only: the page computes what it needs itself
            pass
        finally:
            _jobs.task_done()


def _prepare(loaded: cache.Loaded, page: str, lang: str, start: dt.date, prepare_day: Any) -> None:
    wait_quiet()
    if not _current(loaded):
        return
    build_steps(loaded, page, lang)
    days = MAP_PAGES[page].days()
    ordered = [d for d in days if d > start] + [d for d in reversed(days) if d < start] + [d for d in days if d == start]
    for day in ordered:
        if not _current(loaded):  # the data changed: this work is stale
            return
        wait_quiet()
        prepare_day(loaded, page, lang, day)
        cache.day_view(loaded, page, day, lang)


def wait_idle(timeout: float = 120.0) -> bool:
    """Wait until every queued job is done (for tests and the benchmark); False on time-out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _jobs.unfinished_tasks == 0:
            return True
        time.sleep(0.05)
    return False
