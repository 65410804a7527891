"""The fast paths of a slider step: per-day work prepared once, and the recorded map arguments."""

from __future__ import annotations

import datetime as dt
import threading

from streamlit.testing.v1 import AppTest

from atlas import scene, ui
from tests.conftest import REPO

APP = str(REPO / "app.py")
DAYS = [dt.date(1945, 8, 8) + dt.timedelta(days=i) for i in range(26)]


def test_first_visit_prepares_every_date_of_the_page_in_the_background(monkeypatch):
    monkeypatch.setenv("ATLAS_PREWARM", "1")  # the app tests' default is off (see conftest)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    for thread in [t for t in threading.enumerate() if t.name == "atlas-prewarm-offensive-en"]:
        thread.join(180)
    loaded = ui.load()
    view = tuple(tuple(corner) for corner in scene.SCENES["offensive"].bounds)

    def computed_again(*args, **kwargs):
        raise AssertionError("a prepared date was computed again")

    monkeypatch.setattr(scene, "scene_map", computed_again)  # any cache miss would call it
    monkeypatch.setattr(ui.dayview, "day_view", computed_again)
    for day in DAYS:
        args = ui._map_args(loaded.folder, loaded.stamp, "offensive", "en", view, day, "offensive_map", ui.MAP_HEIGHT)
        assert "window.atlasApply(map_div, " in args["feature_group"] and f'"d": "{day.isoformat()}"' in args["feature_group"]
        assert day.strftime("%Y") in ui.day_view(loaded, "offensive", day, "en").caption


def test_recorded_arguments_are_what_st_folium_sends_and_calls_outside_a_recording_pass_through(monkeypatch):
    loaded = ui.load()
    view = tuple(tuple(corner) for corner in scene.SCENES["dongning"].bounds)
    day = dt.date(1945, 8, 20)
    args = ui._map_args(loaded.folder, loaded.stamp, "dongning", "es", view, day, "dongning_map", ui.MAP_HEIGHT)
    assert {"script", "header", "html", "feature_group", "key", "height", "css_links", "js_links"} <= set(args)
    assert args["on_change"] is None and "atlas-catalog-" in args["script"]
    assert ui._recording.box is None  # the recorder is off again: st_folium elsewhere draws as usual
    calls = []
    monkeypatch.setattr(ui, "_draw_component", lambda **kwargs: calls.append(kwargs))
    ui._record_or_draw(x=1)
    assert calls == [{"x": 1}]
