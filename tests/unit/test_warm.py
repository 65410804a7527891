"""The ASGI entry's start-up hook (atlas/ui/warm.py): it does what a fresh server's first visit
would (the package, the default page's catalog and first date), in a thread, and never fails the
start-up."""

from __future__ import annotations

from atlas.i18n import DEFAULT_LANGUAGE
from atlas.pages import DEFAULT_PAGE
from atlas.ui import cache, warm


def test_warm_loads_the_package_and_the_default_page_s_catalog(monkeypatch):
    calls = []
    loaded = cache.Loaded(object(), "", "geodata", ())
    monkeypatch.setattr(cache, "install_static", lambda: calls.append("static"))
    monkeypatch.setattr(cache, "load", lambda: calls.append("load") or loaded)
    monkeypatch.setattr(cache, "page_catalog", lambda got, page, lang: calls.append((got is loaded, page, lang)))
    monkeypatch.setattr(cache, "default_view", lambda got, page: calls.append(("view", page)))
    monkeypatch.setattr(cache, "day_view", lambda got, page, day, lang: calls.append(("text", page, day, lang)))
    monkeypatch.setattr(cache, "layer_data", lambda got, page, day, lang: calls.append(("layer", page, day, lang)))
    warm.warm()
    first = (DEFAULT_PAGE.name, DEFAULT_PAGE.default, DEFAULT_LANGUAGE)
    assert calls == ["static", "load", (True, DEFAULT_PAGE.name, DEFAULT_LANGUAGE), ("view", DEFAULT_PAGE.name),
                     ("text", *first), ("layer", *first)]  # the default page's catalog, then its first date


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
    started = []
    monkeypatch.setattr(warm, "start", lambda: started.append(True))

    def step(awaitable):  # the hook awaits nothing: run each half by hand (the browser tests' loop may be running)
        try:
            awaitable.send(None)
        except StopIteration:
            return
        raise AssertionError("the start-up hook waited for something")

    hook = warm.lifespan(None)
    step(hook.__aenter__())
    assert started == [True]  # started, and the server goes on serving
    step(hook.__aexit__(None, None, None))
