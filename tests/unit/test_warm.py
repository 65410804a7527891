"""The entry's start-up hook (atlas/ui/warm.py): it does what a fresh server's first visit and the
background worker would (the package, the default page's catalog, first date and step table) before
the server serves, within a bound, and never fails the start-up."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from atlas.i18n import DEFAULT_LANGUAGE
from atlas.pages import DEFAULT_PAGE
from atlas.ui import background, cache, warm


def test_warm_loads_the_package_the_default_page_s_catalog_first_date_and_step_table(monkeypatch):
    calls = []
    loaded = cache.Loaded(object(), "", "geodata", ())
    monkeypatch.setattr(cache, "install_static", lambda: calls.append("static"))
    monkeypatch.setattr(cache, "load", lambda: calls.append("load") or loaded)
    monkeypatch.setattr(cache, "page_catalog", lambda got, page, lang: calls.append((got is loaded, page, lang)) or "catalog")
    monkeypatch.setattr(cache, "catalog_element", lambda catalog: calls.append(("element", catalog)))
    monkeypatch.setattr(cache, "default_view", lambda got, page: calls.append(("view", page)))
    monkeypatch.setattr(cache, "day_view", lambda got, page, day, lang: calls.append(("text", page, day, lang)))
    monkeypatch.setattr(cache, "layer_data", lambda got, page, day, lang: calls.append(("layer", page, day, lang)))
    monkeypatch.setattr(background, "build_steps", lambda got, page, lang: calls.append(("steps", got is loaded, page, lang)))
    monkeypatch.setattr(background, "wait_quiet", lambda: calls.append("quiet"))
    monkeypatch.delenv("ATLAS_PREWARM", raising=False)
    warm.warm()
    first = (DEFAULT_PAGE.name, DEFAULT_PAGE.default, DEFAULT_LANGUAGE)
    assert calls == ["static", "load", (True, DEFAULT_PAGE.name, DEFAULT_LANGUAGE), ("element", "catalog"),
                     ("view", DEFAULT_PAGE.name), ("text", *first), ("layer", *first), "quiet",
                     ("steps", True, DEFAULT_PAGE.name, DEFAULT_LANGUAGE)]  # catalog, first date, then every date
    calls.clear()
    monkeypatch.setenv("ATLAS_PREWARM", "0")  # no worker: no step table ahead either
    warm.warm()
    assert not any(call[0] == "steps" for call in calls if isinstance(call, tuple))


def test_a_broken_package_is_left_to_the_first_visit(monkeypatch):
    calls = []
    monkeypatch.setattr(cache, "install_static", lambda: None)
    monkeypatch.setattr(cache, "load", lambda: cache.Loaded(None, "unreadable", "geodata", ()))
    monkeypatch.setattr(cache, "page_catalog", lambda *args: calls.append(args))
    warm.warm()
    assert calls == []  # nothing built from a package that did not load

    def fails():
        raise OSError("disk gone")

    monkeypatch.setattr(cache, "load", fails)
    warm.warm()  # no exception: the first visit reports it


def test_the_lifespan_starts_warming_in_a_thread_and_serves_at_once(monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(warm, "warm", lambda: release.wait(10))
    events = []

    async def scenario():
        async with warm.lifespan(None):
            events.append(("serving", warm.ready()))

    run_in_thread(asyncio.run, scenario())  # a loop of its own (the browser tests' may run in this thread)
    assert events == [("serving", False)]  # serving while it warms up
    release.set()
    warm._warming["thread"].join(10)
    assert warm.ready()


def health(path="/_stcore/health", headers=()) -> tuple[int, bytes]:
    """Ask the middleware in front of an app that answers 200 "ok" to everything."""
    sent = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "path": path, "headers": list(headers)}
    asyncio.run(warm.ReadinessCheck(app)(scope, receive, send))
    return sent[0]["status"], sent[1]["body"]


@pytest.fixture
def warming(monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(warm, "warm", lambda: release.wait(10))
    monkeypatch.setattr(warm, "_warming", {"thread": None, "since": 0.0})
    warm.start()
    yield release
    release.set()


def run_in_thread(function, *args):
    out = []
    runner = threading.Thread(target=lambda: out.append(function(*args)))
    runner.start()
    runner.join(10)
    return out[0]


def test_a_health_check_hears_warming_up_until_the_warm_up_is_done(warming):
    assert run_in_thread(health) == (503, b"warming up")  # a load balancer sends nobody yet
    assert run_in_thread(health, "/base/_stcore/health") == (503, b"warming up")  # under a base URL path too
    assert run_in_thread(health, "/", ()) == (200, b"ok")  # the page itself is served at once
    browser = [(b"sec-fetch-site", b"same-origin"), (b"sec-fetch-mode", b"cors")]
    assert run_in_thread(health, "/_stcore/health", browser) == (200, b"ok")  # a waiting page connects at once
    warming.set()
    warm._warming["thread"].join(10)
    assert run_in_thread(health) == (200, b"ok")


def test_a_warm_up_that_takes_too_long_is_not_waited_for(warming, monkeypatch):
    monkeypatch.setattr(warm, "READY_WITHIN_S", 0.0)
    time.sleep(0.01)
    assert run_in_thread(health) == (200, b"ok")  # the bound: a huge package is reported by its first visit
