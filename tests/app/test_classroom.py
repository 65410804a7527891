"""The classroom's state logic: the date follows the user between map pages, a link's place opens on
the first date it is drawn, a compared date comes from the URL, Play can skip the months where
nothing changes."""

from __future__ import annotations

import datetime as dt
import json

from streamlit.testing.v1 import AppTest

from atlas import scene
from atlas.load import load_atlas
from atlas.pages import CAPTIVITY, DONGNING, MAP_PAGES
from atlas.paths import DEFAULT_GEODATA_DIR
from atlas.ui import cache, widgets
from tests.conftest import REPO

APP = str(REPO / "atlas_app.py")


def run(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def test_a_chosen_date_follows_the_user_to_the_other_map_pages():
    at = run()
    at.select_slider(key="day").set_value("1945-08-20").run()
    at.switch_page(DONGNING.file).run()
    assert not at.exception
    assert at.select_slider(key="day").value == "1945-08-20"  # the same day on the Dongning map
    at.switch_page(CAPTIVITY.file).run()
    assert at.select_slider(key="month").value == "1945-08"  # its month on the captivity map


def test_the_opening_date_of_a_page_is_not_carried():
    at = run()  # the offensive page opens on its default date, which the user did not choose
    at.switch_page(CAPTIVITY.file).run()
    assert at.select_slider(key="month").value == CAPTIVITY.default_code


def test_a_place_named_before_it_appears_opens_on_its_first_date_with_a_notice():
    # the Kwantung Army's combat headquarters at Tonghua opened on 12 August or later: a link for 11 August
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    frame = scene.page_frame(atlas, "offensive")
    first = scene.first_code(frame, MAP_PAGES["offensive"], "hq-kwantung-army-tonghua")
    assert first is not None and first > "1945-08-11"
    at = run({"day": "1945-08-11", "focus": "hq-kwantung-army-tonghua"})
    assert not at.exception
    assert at.select_slider(key="day").value == first
    assert [toast.value for toast in at.toast] == [
        f"The place in the link is drawn from {dt.date.fromisoformat(first).strftime('%-d %b %Y')} on; "
        "the map opens on that date."]


def test_a_compared_date_comes_from_the_link_and_a_bad_one_is_dropped_with_a_notice():
    at = run({"day": "1945-08-20", "compare": "1945-08-12"})
    assert not at.exception
    assert at.select_slider(key="compare").value == "1945-08-12"
    # the very first map of the link draws it (it was read only after the map, so it showed from the
    # second run on)
    (map_element,) = at.get("component_instance")
    script = json.loads(map_element.proto.json_args)["feature_group"]
    assert '"c": "1945-08-12"' in script
    at = run({"day": "1945-08-20", "compare": "1944-01-01"})
    assert at.select_slider(key="compare").value is None
    assert "compare" not in at.query_params


def test_play_to_the_next_change_skips_the_months_where_nothing_changes():
    loaded = cache.load()
    changes = cache.change_codes(loaded, "captivity")
    codes = CAPTIVITY.codes()
    assert changes[0] == codes[0] and set(changes) < set(codes) and changes == sorted(changes)
    for before, after in zip(codes, codes[1:], strict=False):
        same = cache.shown_on(loaded, "captivity", CAPTIVITY.day_of(before))[["id", "phase"]].values.tolist() == \
            cache.shown_on(loaded, "captivity", CAPTIVITY.day_of(after))[["id", "phase"]].values.tolist()
        assert (after in changes) == (not same), after


def test_story_steps_by_clicker_keys_and_go_to_step_follows():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["step"] = "10"
    at.run()
    at.switch_page("app_pages/story.py").run()
    shortcuts = {button.key: button.proto.shortcut for button in at.button if button.key and button.key.startswith("story_")}
    assert shortcuts == {"story_first": "home", "story_previous": "pageup", "story_next": "pagedown", "story_last": "end",
                         "story_previous_arrow": "left", "story_next_arrow": "right"}
    before = at.selectbox(key="story_select").value
    at.button(key="story_next").click().run()
    assert at.selectbox(key="story_select").value == before + 1
    assert at.query_params["step"] in (str(before + 1), [str(before + 1)])
    at.button(key="story_last").click().run()
    total = len(load_atlas(DEFAULT_GEODATA_DIR).story)
    assert at.selectbox(key="story_select").value == total
    at.button(key="story_first").click().run()
    assert at.selectbox(key="story_select").value == 1


def back(at: AppTest, monkeypatch, key: str, value: str) -> None:
    """What the browser's Back does: the previous address, then a run that Streamlit marks as a
    history navigation (AppTest cannot mark it, so the atlas's question is answered here)."""
    at.query_params[key] = value
    monkeypatch.setattr(widgets, "history_navigation", lambda: True)
    at.run()
    monkeypatch.setattr(widgets, "history_navigation", lambda: False)


def test_the_browsers_back_button_goes_back_a_story_step(monkeypatch):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["step"] = "4"
    at.run()
    at.switch_page("app_pages/story.py").run()
    at.button(key="story_next_arrow").click().run()
    assert at.selectbox(key="story_select").value == 5
    at.query_params["step"] = "4"  # an address that lags behind (quick presses) is not a Back
    at.run()
    assert at.selectbox(key="story_select").value == 5
    back(at, monkeypatch, "step", "4")
    assert at.selectbox(key="story_select").value == 4
    assert at.query_params["step"] in ("4", ["4"])
    assert not at.warning and not at.exception


def test_the_browsers_back_button_brings_back_the_date_of_the_address(monkeypatch):
    at = run({"day": "1945-08-12"})
    at.button(key="day_step_next").click().run()
    assert at.select_slider(key="day").value == "1945-08-13"
    at.query_params["day"] = "1945-08-12"  # an address that lags behind (quick presses) is not a Back
    at.run()
    assert at.select_slider(key="day").value == "1945-08-13"
    back(at, monkeypatch, "day", "1945-08-12")
    assert at.select_slider(key="day").value == "1945-08-12"
    back(at, monkeypatch, "day", "1945-13-45")  # a bad address keeps the date shown
    assert at.select_slider(key="day").value == "1945-08-12" and not at.exception
