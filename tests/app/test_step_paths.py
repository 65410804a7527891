"""The fast paths of a slider step: per-day work prepared once, and the recorded map arguments."""

from __future__ import annotations

import html
import json
import threading
import time

from streamlit.testing.v1 import AppTest

from atlas import dayview, scene
from atlas.map import catalog, client
from atlas.pages import DONGNING, OFFENSIVE
from atlas.ui import background, cache, component, mapview
from tests.conftest import REPO

APP = str(REPO / "atlas_app.py")
DAYS = OFFENSIVE.days()


def test_first_visit_prepares_the_step_table_and_every_date_of_the_page_in_the_background(monkeypatch):
    monkeypatch.setenv("ATLAS_PREWARM", "1")  # the app tests' default is off (see conftest)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert background.wait_idle(180)
    loaded = cache.load()
    view = cache.default_view(loaded, "offensive")

    def computed_again(*args, **kwargs):
        raise AssertionError("a prepared date was computed again")

    monkeypatch.setattr(scene, "scene_map", computed_again)  # any cache miss would call it
    monkeypatch.setattr(dayview, "day_view", computed_again)
    for day in DAYS:
        by_reference = mapview._map_args(loaded.folder, loaded.stamp, "offensive", "en", view, day, True)
        assert f'window.atlas.apply({{"d": "{day.isoformat()}", "r": 1}})' in by_reference["feature_group"]
        assert f" on the map up to {day.strftime('%-d %B %Y')} · " in cache.day_view(loaded, "offensive", day, "en").caption
    # ... after the step table, which holds every date's layer
    element = background.steps_element(loaded, "offensive", "en")
    assert element is not None and element.startswith('<div hidden data-atlas-steps="')
    table = json.loads(html.unescape(element.split('data-json="', 1)[1].rsplit('"', 1)[0]))
    assert table["key"] == "day" and table["days"] == [day.isoformat() for day in DAYS]
    assert background.steps_element(loaded, "offensive", "es") is None  # each language gets its own


def test_one_worker_prepares_each_page_and_language_once_whatever_the_url(monkeypatch):
    """Distinct ?focus= values (links from the claims' cards) never start more work."""
    monkeypatch.setenv("ATLAS_PREWARM", "1")
    loaded = cache.load()
    calls = []
    assert background.submit(loaded, "dongning", "es", DONGNING.default, lambda *args: calls.append(args))
    for _ in range(60):
        assert not background.submit(loaded, "dongning", "es", DONGNING.default, lambda *args: calls.append(args))
    assert background.wait_idle(180)
    assert len(calls) == len(DONGNING.days())  # one job: every date once
    assert [t.name for t in threading.enumerate()].count("atlas-prepare") == 1


def test_a_page_with_its_step_table_sends_each_date_by_reference(monkeypatch):
    """Once the step table is ready, the page carries it after the map and a step sends only the date."""
    loaded = cache.load()
    element = catalog.steps_html(cache.page_catalog(loaded, "offensive", "en"),
                                 background.step_table(loaded, "offensive", "en"))
    monkeypatch.setitem(background._steps, (loaded.folder, loaded.stamp, "offensive", "en"), element)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any(e.proto.body == element for e in at.get("html"))
    (map_element,) = at.get("component_instance")
    script = json.loads(map_element.proto.json_args)["feature_group"]
    assert script.count("window.atlas.apply(") == 1 and 'window.atlas.apply({"d": "1945-08-09", "r": 1});' in script
    at.select_slider(key="day").set_value("1945-08-20").run()
    (map_element,) = at.get("component_instance")
    script = json.loads(map_element.proto.json_args)["feature_group"]
    assert script.count("window.atlas.apply(") == 1 and 'window.atlas.apply({"d": "1945-08-20", "r": 1});' in script
    assert " places on the map up to 20 August 1945 · " in at.caption[0].value


def test_recorded_arguments_are_what_st_folium_sends_and_calls_outside_a_recording_pass_through(monkeypatch):
    loaded = cache.load()
    view = tuple(tuple(corner) for corner in DONGNING.bounds)
    args = mapview._map_args(loaded.folder, loaded.stamp, "dongning", "es", view, DONGNING.days()[12], False)
    assert {"script", "header", "html", "feature_group", "key", "height", "css_links", "js_links"} <= set(args)
    catalog_id = cache.page_catalog(loaded, "dongning", "es").id
    assert args["on_change"] is None and json.dumps({"catalog": catalog_id, "steps": catalog_id}) in args["script"]
    # Leaflet, then the client: one file once the app has written it, else their files (tests/unit/test_map_elements.py)
    assert args["js_links"] == [url for _, url in client.leaflet_urls()[0] + client.script_urls()]
    assert args["css_links"] == [url for _, url in client.leaflet_urls()[1] + client.style_urls()]
    assert component._recording.box is None  # the recorder is off again: st_folium elsewhere draws as usual
    calls = []
    monkeypatch.setattr(component, "draw_component", lambda **kwargs: calls.append(kwargs))
    component._record_or_draw(x=1)
    assert calls == [{"x": 1}]


def test_the_worker_waits_while_a_page_runs_and_just_after(monkeypatch):
    """A fresh server's first map is drawn before the worker takes the interpreter (the cold first
    visit): no date is prepared while a page runs, nor within QUIET_S after it ended."""
    monkeypatch.setenv("ATLAS_PREWARM", "1")
    monkeypatch.setattr(background, "QUIET_S", 0.3)
    monkeypatch.setattr(background, "MOST_WAIT_S", 30.0)
    loaded = cache.load()
    calls: list[float] = []
    with background.visitor_run():
        assert background.submit(loaded, "dongning", "en", DONGNING.default, lambda *args: calls.append(time.monotonic()))
        time.sleep(0.5)  # the page runs on: nothing may be prepared meanwhile
        assert calls == []
    ended = time.monotonic()
    assert background.wait_idle(180)
    assert len(calls) == len(DONGNING.days())
    assert calls[0] - ended >= 0.3


def test_the_worker_never_waits_longer_than_its_bound(monkeypatch):
    monkeypatch.setattr(background, "QUIET_S", 10.0)
    with background.visitor_run():
        assert 0.2 <= background.wait_quiet(most_s=0.2) < 2.0
