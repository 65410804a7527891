"""AppTest: every page runs without an exception, and the slider drives the caption and the map."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO, write_package

APP = str(REPO / "app.py")


def run_app(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def folium_args(at: AppTest) -> tuple[str, dict]:
    (component,) = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    return component.proto.id, json.loads(component.proto.json_args)


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def feature_ids(args: dict) -> set[str]:
    """Feature ids in the layer JS that streamlit-folium sends to the iframe."""
    return set(re.findall(r'"id": "([a-z0-9-]+)"', args["feature_group"]))


def test_offensive_page_runs_and_describes_the_default_day():
    at = run_app()
    assert not at.exception
    assert at.title[0].value == "The offensive"
    assert "10 places on the map up to 9 August 1945" in captions(at)[0]
    _, args = folium_args(at)
    assert args["returned_objects"] == []
    assert len(feature_ids(args)) == 10


def test_slider_changes_caption_and_layer_but_not_the_base_map():
    at = run_app()
    first_id, first = folium_args(at)
    at.slider(key="day").set_value(dt.date(1945, 8, 20)).run()
    assert not at.exception
    assert "19 places on the map up to 20 August 1945" in captions(at)[0]
    second_id, second = folium_args(at)
    assert second_id == first_id  # same component identity: the iframe is not remounted
    assert second["script"] == first["script"]  # base map unchanged
    assert {"obj-harbin", "obj-changchun", "obj-mukden"} <= feature_ids(second) - feature_ids(first)


def test_before_the_offensive_nothing_is_placed():
    at = run_app({"day": "1945-08-08"})
    assert not at.exception
    assert captions(at)[0] == "Nothing on the map yet on 8 August 1945 · 1 dated event without a place"


def test_language_switch_translates_the_page():
    at = run_app()
    (language,) = [w for w in at.get("selectbox") if w.key == "lang"]
    language.set_value("es").run()
    assert not at.exception
    assert at.title[0].value == "La ofensiva"
    assert "10 lugares en el mapa hasta el 9 de agosto de 1945" in captions(at)[0]


def test_url_parameters_seed_the_state():
    at = run_app({"lang": "es", "day": "1945-08-16"})
    assert not at.exception
    assert "hasta el 16 de agosto de 1945" in captions(at)[0]
    assert at.slider(key="day").value == dt.date(1945, 8, 16)


@pytest.mark.parametrize("params", [
    {"day": "<script>alert(1)</script>"}, {"day": "1945-13-45"}, {"day": "2045-08-15"},
    {"day": ""}, {"lang": "xx"}, {"lang": "<img src=x onerror=alert(1)>"}, {"day": "9" * 5000},
])
def test_bad_url_parameters_fall_back_with_a_notice(params):
    at = run_app(params)
    assert not at.exception
    assert "up to 9 August 1945" in captions(at)[0]
    assert at.toast, "expected a notice about the ignored parameter"
    assert all("<" not in toast.value for toast in at.toast)


def test_malformed_data_file_is_reported_by_name_without_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(write_package(tmp_path, raw_geojson='{"type": "Feature')))
    at = run_app()
    assert not at.exception
    assert "offensive.geojson could not be used" in at.error[0].value
    assert "offensive.geojson: -: not valid JSON" in at.code[0].value
    assert "Nothing on the map yet" in captions(at)[0]


def test_bad_feature_is_named_and_the_rest_still_shown(tmp_path, monkeypatch, features):
    features[0]["properties"]["date_start"] = "1945-02-30"
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(write_package(tmp_path, features)))
    at = run_app({"day": "1945-09-01"})
    assert not at.exception
    assert "failed validation" in at.warning[0].value
    assert "obj-alpha: date_start: bad date" in at.code[0].value
    assert "1 place on the map up to 1 September 1945" in captions(at)[0]


def test_unreadable_package_shows_an_error(tmp_path, monkeypatch):
    folder = write_package(tmp_path)
    (folder / "datapackage.json").write_text("nope", encoding="utf-8")
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    at = run_app()
    assert not at.exception
    assert "could not be read" in at.error[0].value
