"""The fast paths of a slider step: per-day work prepared once, and the recorded map arguments."""

from __future__ import annotations

import datetime as dt
import html
import json
import threading

from streamlit.testing.v1 import AppTest

from atlas import dayview, maps, scene, ui
from atlas.timeline import on_date
from tests.conftest import REPO

APP = str(REPO / "app.py")
DAYS = [dt.date(1945, 8, 8) + dt.timedelta(days=i) for i in range(26)]


def core_caption(loaded, page: str, layer: str, day: dt.date, lang: str = "en") -> str:
    """The caption the core computes for ``page`` on ``day``, without the app's caches."""
    frame = loaded.atlas.layers[layer].frame
    return dayview.day_view(page, frame, on_date(frame, day, loaded.atlas.axes), day, lang,
                            loaded.atlas.axes).caption


def test_first_visit_prepares_the_step_table_and_every_date_of_the_page_in_the_background(monkeypatch):
    monkeypatch.setenv("ATLAS_PREWARM", "1")  # the app tests' default is off (see conftest)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    for thread in [t for t in threading.enumerate() if t.name == "atlas-prewarm-offensive-en"]:
        thread.join(180)
    loaded = ui.load()
    view = tuple(tuple(corner) for corner in scene.SCENES["offensive"].bounds)
    captions = {day: core_caption(loaded, "offensive", "offensive", day) for day in DAYS}

    def computed_again(*args, **kwargs):
        raise AssertionError("a prepared date was computed again")

    monkeypatch.setattr(scene, "scene_map", computed_again)  # any cache miss would call it
    monkeypatch.setattr(ui.dayview, "day_view", computed_again)
    for day in DAYS:
        by_reference = ui._map_args(loaded.folder, loaded.stamp, "offensive", "en", view, day, "offensive_map",
                                    ui.MAP_HEIGHT, True)["feature_group"]
        assert f'window.atlasApply(map_div, {{"d": "{day.isoformat()}", "r": 1}})' in by_reference  # the date only
        assert ui.day_view(loaded, "offensive", day, "en").caption == captions[day]
    # ... after the step table, which holds every date's layer
    element = ui.steps_element(loaded, "offensive", "en", DAYS)
    assert element is not None and element.startswith('<div id="atlas-steps-')
    text = html.unescape(element.split('data-steps="', 1)[1].rsplit('"', 1)[0])
    table = json.loads(text)
    assert table["key"] == "day" and table["days"] == [day.isoformat() for day in DAYS]
    assert ui.steps_element(loaded, "offensive", "en", DAYS[1:]) is None  # another slider: not this table
    assert ui.steps_element(loaded, "offensive", "es", DAYS) is None  # each language gets its own


def test_a_page_with_its_step_table_sends_each_date_by_reference(monkeypatch):
    """Once the step table is ready, the page carries it after the map and a step sends only the date."""
    loaded = ui.load()
    element = maps.steps_html(ui.page_catalog(loaded, "offensive", "en"), ui.step_table(loaded, "offensive", "en", DAYS))
    monkeypatch.setitem(ui._STEPS, (loaded.folder, loaded.stamp, "offensive", "en", tuple(DAYS)), element)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any(e.proto.body == element for e in at.get("html"))
    (component,) = at.get("component_instance")
    assert '{"d": "1945-08-09", "r": 1}' in json.loads(component.proto.json_args)["feature_group"]
    at.select_slider(key="day").set_value("1945-08-20").run()
    (component,) = at.get("component_instance")
    assert '{"d": "1945-08-20", "r": 1}' in json.loads(component.proto.json_args)["feature_group"]
    assert at.caption[0].value == core_caption(loaded, "offensive", "offensive", dt.date(1945, 8, 20))


def test_recorded_arguments_are_what_st_folium_sends_and_calls_outside_a_recording_pass_through(monkeypatch):
    loaded = ui.load()
    view = tuple(tuple(corner) for corner in scene.SCENES["dongning"].bounds)
    day = dt.date(1945, 8, 20)
    args = ui._map_args(loaded.folder, loaded.stamp, "dongning", "es", view, day, "dongning_map", ui.MAP_HEIGHT, False)
    assert {"script", "header", "html", "feature_group", "key", "height", "css_links", "js_links"} <= set(args)
    assert args["on_change"] is None
    assert f'"atlas-catalog-{ui.page_catalog(loaded, "dongning", "es").id}"' in args["script"]  # the page's catalog
    assert ui._recording.box is None  # the recorder is off again: st_folium elsewhere draws as usual
    calls = []
    monkeypatch.setattr(ui, "_draw_component", lambda **kwargs: calls.append(kwargs))
    ui._record_or_draw(x=1)
    assert calls == [{"x": 1}]
