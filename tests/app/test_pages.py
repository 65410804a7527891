"""AppTest: every page runs without an exception, and the slider drives the caption and the map."""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from atlas import dayview, scene
from atlas.load import load_atlas
from atlas.pages import DONGNING
from atlas.paths import DEFAULT_GEODATA_DIR
from atlas.timeline import axis_geometry, month_end, on_date, split_placed
from tests.conftest import REPO, write_package
from tests.support.entries import read_entries
from tests.support.tables import read_tables

APP = str(REPO / "atlas_app.py")


def run_app(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


def folium_args(at: AppTest) -> tuple[str, dict]:
    (component,) = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    return component.proto.id, json.loads(component.proto.json_args)


def html_tables(at: AppTest) -> list[pd.DataFrame]:
    """The HTML tables of the page (atlas.summary.html_table), read back into frames."""
    return [table for element in at.get("html") for table in read_tables(element.proto.body)]


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def query_value(at: AppTest, key: str) -> str:
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


def plain(markdown: str) -> str:
    """Markdown text with its backslash escapes and word joiners removed (atlas.escape.markdown undone)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


@functools.cache
def real_atlas():
    return load_atlas(DEFAULT_GEODATA_DIR)


LAYERS = {"offensive": "offensive", "dongning": "dongning", "captivity": "camps"}


def core_view(page: str, day: dt.date, lang: str = "en") -> dayview.DayView:
    """What the core says page ``page`` shows on ``day``: its caption, panel lines and table."""
    atlas = real_atlas()
    frame = scene.page_frame(atlas, page)
    return dayview.day_view(page, frame, on_date(frame, day, atlas.axes), day, lang, atlas.axes)


def feature(layer: str, fid: str) -> pd.Series:
    return real_atlas().layers[layer].frame.set_index("id").loc[fid]


def fit_bounds_centre(script: str) -> tuple[float, float]:
    """(lat, lon) of the middle of the box the base map is fitted to."""
    (south, west), (north, east) = json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", script).group(1))
    return (south + north) / 2, (west + east) / 2


def feature_ids(args: dict) -> set[str]:
    """Feature ids in the layer JS that streamlit-folium sends to the iframe (packed form, see
    atlas.packing.pack_layer: markers, arrowheads and axis lines lead with their id)."""
    script = args["feature_group"]
    start = script.index("{", script.index("window.atlas.apply("))
    packed, _ = json.JSONDecoder().raw_decode(script[start:])
    ids = {row[0] for key in ("m", "a", "l") for row in packed[key]}
    return ids | {feature["properties"]["id"] for feature in packed["f"]}


@functools.cache
def expected_ids(day: dt.date) -> frozenset[str]:
    """What the core says should be drawn on ``day`` (markers, axis lines, arrowheads)."""
    atlas = real_atlas()
    frame = scene.page_frame(atlas, "offensive")  # the offensive and the civilians of August
    shown = on_date(frame, day, atlas.axes)
    placed, _ = split_placed(shown)
    segments, heads = axis_geometry(shown, frame, atlas.axes)
    lines = placed[placed.geometry.geom_type == "LineString"]  # routes and attacks end in an arrowhead
    return (frozenset(placed["id"]) | {f"axis-{s.axis}" for s in segments} | {f"arrow-{h.axis}" for h in heads}
            | {f"arrow-{i}" for i in lines["id"]})


def markers(ids: set[str]) -> set[str]:
    return {i for i in ids if not i.startswith(("axis-", "arrow-"))}


def test_offensive_page_runs_and_describes_the_default_day():
    at = run_app()
    assert not at.exception
    assert at.title[0].value == "The offensive"
    _, args = folium_args(at)
    assert args["returned_objects"] == []
    assert feature_ids(args) == expected_ids(dt.date(1945, 8, 9))
    n = len(markers(feature_ids(args)))
    assert captions(at)[0] == core_view("offensive", dt.date(1945, 8, 9)).caption
    assert captions(at)[0].startswith(f"{n} places on the map up to 9 August 1945 · ")
    assert "start-tamsag-bulag" in feature_ids(args) and "fr-hutou" in feature_ids(args)


def test_slider_changes_caption_and_layer_but_not_the_base_map():
    at = run_app()
    first_id, first = folium_args(at)
    at.select_slider(key="day").set_value("1945-08-20").run()
    assert not at.exception
    second_id, second = folium_args(at)
    assert captions(at)[0] == core_view("offensive", dt.date(1945, 8, 20)).caption
    assert second_id == first_id  # same component identity: the iframe is not remounted
    assert second["script"] == first["script"]  # base map unchanged
    assert feature_ids(second) == expected_ids(dt.date(1945, 8, 20))
    assert {"wp-6gta-changchun", "air-harbin", "axis-6gta", "arrow-6gta"} <= feature_ids(second) - feature_ids(first)


def test_6th_guards_tank_army_reaches_changchun_on_the_20th_not_the_19th():
    at = run_app({"day": "1945-08-19"})
    assert "wp-6gta-changchun" not in feature_ids(folium_args(at)[1])
    at.select_slider(key="day").set_value("1945-08-20").run()
    assert "wp-6gta-changchun" in feature_ids(folium_args(at)[1])


def test_before_the_offensive_only_the_japanese_defences_are_placed():
    at = run_app({"day": "1945-08-08"})
    assert not at.exception
    ids = markers(feature_ids(folium_args(at)[1]))
    # the Japanese defences, and the settlers' villages already there before the attack
    assert ids and all(i.startswith(("fr-", "hq-", "settle-")) for i in ids)
    assert any(i.startswith("fr-") for i in ids)
    assert captions(at)[0] == core_view("offensive", dt.date(1945, 8, 8)).caption
    assert captions(at)[0].endswith(" · 1 dated event without a place")


def panel_bodies(at: AppTest) -> list[str]:
    """The side panel's HTML (atlas.entries.html_list)."""
    return [element.proto.body for element in at.get("html") if 'class="atlas-entries"' in element.proto.body]


def day_panel(at: AppTest) -> str:
    """The side panel's entries as text, bold in ``**`` and italics in ``*`` (tests/support/entries.py)."""
    return "\n".join(entry for body in panel_bodies(at) for entry in read_entries(body))


def test_day_panel_lists_events_with_and_without_a_place():
    at = run_app({"day": "1945-08-15"})
    assert not at.exception
    assert any(h.value == "What happened on this date" for h in at.subheader)
    broadcast = feature("offensive", "evt-surrender-broadcast")["name_en"]
    assert f"**{broadcast}** — *Event · 15 August 1945 · no place on the map*" in day_panel(at)
    at.select_slider(key="day").set_value("1945-08-23").run()
    decree = feature("offensive", "evt-gko-decree-9898")["name_en"]
    assert f"**{decree}** — *Event · 23 August 1945 · no place on the map*" in day_panel(at)


def test_forces_and_losses_show_competing_figures_with_their_sources():
    at = run_app()
    assert any(h.value == "Forces and losses" for h in at.header)
    tables = html_tables(at)
    japanese = next(t for t in tables if "Figure" in t and (t["Figure"] == "83,737").any())
    rows = japanese.set_index("Figure")
    assert "21,389" in rows.index
    assert rows.loc["83,737", "According to"] != rows.loc["21,389", "According to"]
    assert rows.loc["83,737", "Sources"] and rows.loc["21,389", "Sources"]


def test_spanish_figures_use_spanish_digit_grouping():
    at = run_app({"lang": "es"})
    tables = html_tables(at)
    assert any((t["Cifra"] == "83.737").any() for t in tables if "Cifra" in t)


def test_language_switch_translates_the_page():
    at = run_app()
    language = at.radio(key="lang")
    language.set_value("es").run()
    assert not at.exception
    assert at.title[0].value == "La ofensiva"
    assert captions(at)[0] == core_view("offensive", dt.date(1945, 8, 9), "es").caption
    assert " lugares en el mapa hasta el 9 de agosto de 1945 · " in captions(at)[0]
    assert any(h.value == "Qué pasó en esta fecha" for h in at.subheader)


def test_url_parameters_seed_the_state():
    at = run_app({"lang": "es", "day": "1945-08-16"})
    assert not at.exception
    assert captions(at)[0] == core_view("offensive", dt.date(1945, 8, 16), "es").caption
    assert at.select_slider(key="day").value == "1945-08-16"


@pytest.mark.parametrize("params", [
    {"day": "<script>alert(1)</script>"}, {"day": "1945-13-45"}, {"day": "2045-08-15"},
    {"day": ""}, {"lang": "xx"}, {"lang": "<img src=x onerror=alert(1)>"}, {"day": "9" * 5000},
])
def test_bad_url_parameters_fall_back_with_a_notice(params):
    at = run_app(params)
    assert not at.exception
    assert captions(at)[0] == core_view("offensive", dt.date(1945, 8, 9)).caption
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
    ids = feature_ids(folium_args(at)[1])
    assert "obj-alpha" not in ids and {"start-beta", "wp-three", "axis-ax1"} <= ids


def test_unreadable_package_shows_an_error(tmp_path, monkeypatch):
    folder = write_package(tmp_path)
    (folder / "datapackage.json").write_text("nope", encoding="utf-8")
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    at = run_app()
    assert not at.exception
    assert "could not be read" in at.error[0].value


def test_day_panel_escapes_markdown_and_html_in_data(tmp_path, monkeypatch, features):
    features[2]["properties"]["name_en"] = "**Bold** [link](javascript:alert(1)) <b>x</b>"
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(write_package(tmp_path, features)))
    at = run_app({"day": "1945-08-10"})
    assert not at.exception
    (panel,) = panel_bodies(at)
    assert "**Bold** [link](javascript:alert(1)) &lt;b&gt;x&lt;/b&gt;" in panel  # inert in HTML: text, no tag
    assert "<b>" not in panel and "<a" not in panel
    assert "**Bold** [link](javascript:alert(1)) <b>x</b>" in day_panel(at)  # the reader sees the data as it was


def run_dongning(params: dict[str, str] | None = None) -> AppTest:
    at = run_app(params)
    return at.switch_page("app_pages/dongning.py").run()


def chronology_marks(at: AppTest) -> dict[str, int]:
    text = day_panel(at)
    return {mark: text.count(mark) for mark in ("●", "▶", "○")}


def test_dongning_page_runs_and_the_slider_changes_the_chronology():
    at = run_dongning()
    assert not at.exception
    assert at.title[0].value == "The Dongning fortress"
    early = chronology_marks(at)
    assert captions(at)[0] == core_view("dongning", DONGNING.default).caption  # its own opening date
    at.select_slider(key="day").set_value("1945-08-31").run()
    assert not at.exception
    late = chronology_marks(at)
    assert late["●"] > early["●"] and late["○"] < early["○"]
    assert late["○"] == 0  # by 31 August every dated step of the chronology has happened
    assert captions(at)[0] == core_view("dongning", dt.date(1945, 8, 31)).caption
    assert captions(at)[0].startswith("On 31 August 1945: 0 positions holding · 0 falling · ")


def test_dongning_positions_fall_on_their_dates():
    # (not run_dongning({"day": ...}): AppTest's switch_page drops the query, and the page would show its default date)
    at = run_dongning()
    at.select_slider(key="day").set_value("1945-08-27").run()
    ids_27 = feature_ids(folium_args(at)[1])
    assert "pos-shenghongshan" in ids_27
    assert captions(at)[0] == core_view("dongning", dt.date(1945, 8, 27)).caption
    assert re.match(r"On 27 August 1945: [1-9]\d* positions holding · ", captions(at)[0])  # the core still holds
    at.select_slider(key="day").set_value("1945-08-30").run()
    assert captions(at)[0] == core_view("dongning", dt.date(1945, 8, 30)).caption
    assert captions(at)[0].startswith("On 30 August 1945: 0 positions holding · ")


def test_dongning_page_answers_the_myth_with_sources():
    at = run_dongning()
    text = "\n".join(m.value for m in at.markdown)
    assert "gasoline" in text.lower()
    assert "probably a myth" in text.lower()
    for fid, date in (("evt-dn-0828-white-flags", "28 August 1945"), ("evt-dn-0830-arms-laid-down", "30 August 1945")):
        name = feature("dongning", fid)["name_en"]
        assert f"○ **{date}** — **{name}**" in day_panel(at)  # both surrender dates, each with its version
    assert any(h.value.startswith("Dongning and Hutou") for h in at.header)


def test_dongning_page_in_spanish():
    at = run_dongning({"lang": "es"})
    assert not at.exception
    assert at.title[0].value == "La fortaleza de Dongning"
    text = "\n".join(m.value for m in at.markdown)
    assert "gasolina" in text.lower()


def run_camps(params: dict[str, str] | None = None) -> AppTest:
    at = run_app(params)
    return at.switch_page("app_pages/camps.py").run()


def listed_camps(at: AppTest) -> set[str]:
    tables = [d.value for d in at.dataframe if "Region" in d.value.columns and "Work" in d.value.columns]
    return set(tables[0]["Name"]) if tables else set()


def test_camps_page_runs_and_the_month_changes_what_is_listed():
    at = run_camps()
    assert not at.exception
    assert at.title[0].value == "Captivity 1945–1956"
    december_1945 = listed_camps(at)
    assert december_1945 == set(core_view("captivity", dt.date(1945, 12, 31)).table["Name"])
    at.select_slider(key="month").set_value("1955-06").run()
    assert not at.exception
    june_1955 = listed_camps(at)
    # after mass repatriation only the convict camps and the Nakhodka transit camp are still open
    assert len(june_1955) < len(december_1945)
    assert {"Transit camp No. 380, Nakhodka", "Camp No. 16 for convicted prisoners, Khabarovsk"} <= june_1955
    assert june_1955 == set(core_view("captivity", dt.date(1955, 6, 30)).table["Name"])
    assert captions(at)[0] == core_view("captivity", dt.date(1955, 6, 30)).caption
    at.select_slider(key="month").set_value("1945-08").run()
    assert listed_camps(at) == set()


def test_camps_month_comes_from_the_url_and_bad_values_fall_back():
    at = run_camps({"month": "1950-04"})
    assert captions(at)[0] == core_view("captivity", month_end(dt.date(1950, 4, 1))).caption
    at = run_camps({"month": "1970-01"})
    assert not at.exception
    assert captions(at)[0] == core_view("captivity", dt.date(1945, 12, 31)).caption
    assert at.toast


def test_seed_death_claims_appear_only_as_claims():
    at = run_camps()
    blocks = [plain(m.value) for m in at.markdown]
    claims = {c.id: c for c in real_atlas().claims}
    for fid, seed in (("cap-100000-died", "English"), ("cap-200000-died", "Spanish")):  # the seeds' death figures
        claim = claims[fid]
        block = f"**Claim** (made in the {seed} seed article): {claim.claim_en}  \n**Wrong.** {claim.record_en}  \n"
        assert any(b.startswith(block) for b in blocks), fid
    figures = [t for t in html_tables(at) if "Figure" in t.columns]
    assert figures and not any((t["Figure"].str.contains("100,000")).any() for t in figures)


def test_sources_page_lists_the_bibliography_and_offers_every_download():
    at = run_app()
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception
    assert at.title[0].value == "Sources and open data"
    bibliography = next(d.value for d in at.dataframe if "Cited by" in d.value.columns)
    assert sorted(bibliography["Key"]) == sorted(real_atlas().sources)
    assert (bibliography["Cited"] > 0).all()  # every source is cited somewhere
    labels = {b.label for b in at.get("download_button")}
    for name in ("offensive", "dongning", "camps"):
        assert f"{name}.geojson" in labels and f"{name}.csv" in labels
    assert {"sources.csv", "figures.csv", "claims.csv", "Whole data package (zip)"} <= labels


def test_record_vs_myth_page_shows_cards_with_verdicts_and_map_links():
    at = run_app()
    at.switch_page("app_pages/claims.py").run()
    assert not at.exception
    assert at.title[0].value == "Record vs. myth"
    def badges(at):  # st.badge renders as markdown ":color-badge[label]"
        return [m.group(1) for md in at.markdown for m in [re.match(r":\w+-badge\[(.*)\]$", md.value)] if m]

    claims = real_atlas().claims
    assert len(badges(at)) == len(claims)  # one verdict badge per claim
    assert {"Wrong", "Correct"} <= set(badges(at))
    # a claim with a map date opens that map at its date, and at its place if it names one
    links = [tuple(html.unescape(m.group(1)).removeprefix("./").split("?", 1)) for element in at.get("html")
             for m in [re.match(r'<a class="atlas-map-link" href="([^"]+)">', element.proto.body)] if m]
    paths = {"offensive": ("", "day"), "dongning": ("dongning", "day"), "captivity": ("captivity", "month")}
    expected = [(paths[c.map_page][0], f"{paths[c.map_page][1]}={c.map_date}" + (f"&focus={c.map_feature}" if c.map_feature else ""))
                for c in claims if c.map_page and c.map_date]
    assert sorted(links) == sorted(expected)
    at.multiselect(key="claims_verdicts").set_value(["wrong"]).run()
    assert set(badges(at)) == {"Wrong"}


def test_focus_link_opens_the_map_around_the_feature():
    at = run_app({"day": "1945-08-11", "focus": "hq-kwantung-army-tonghua"})
    assert not at.exception
    _, args = folium_args(at)
    tonghua = feature("offensive", "hq-kwantung-army-tonghua").geometry
    assert fit_bounds_centre(args["script"]) == pytest.approx((tonghua.y, tonghua.x), abs=1e-4)  # centred on it
    at = run_app({"focus": "<script>"})
    assert not at.exception and at.toast


def run_story(params: dict[str, str] | None = None) -> AppTest:
    at = run_app(params)
    return at.switch_page("app_pages/story.py").run()


def test_story_has_at_least_twelve_steps_from_the_declaration_to_the_last_ship():
    from atlas.load import load_atlas as load

    steps = load(DEFAULT_GEODATA_DIR).story
    assert len(steps) >= 12
    assert steps[0].date == "1945-08-08" and steps[-1].date == "1956-12"
    assert {s.page for s in steps} == {"offensive", "dongning", "captivity"}


def story_title(at: AppTest) -> str:
    """The story step's title as shown (atlas.ui.layout.data_heading: a heading element with no id)."""
    (title,) = [m.value for m in at.markdown if 'class="atlas-data-heading"' in m.value]
    return html.unescape(re.sub(r"<[^>]+>", "", title))


def test_story_navigation_moves_between_steps_and_keeps_the_step_in_the_url():
    at = run_story()
    assert not at.exception
    story = real_atlas().story
    assert story_title(at) == story[0].title_en
    assert query_value(at, "step") == "1"
    at.button(key="story_next").click().run()
    assert story_title(at) == story[1].title_en
    assert query_value(at, "step") == "2"
    at.button(key="story_previous").click().run()
    assert story_title(at) == story[0].title_en
    at.selectbox(key="story_select").set_value(len(story)).run()
    assert not at.exception
    assert query_value(at, "step") == str(len(story))
    assert at.button(key="story_next").disabled  # the last step


def test_story_step_sets_page_date_and_view():
    step = next(s.step for s in real_atlas().story if s.focus == "fig-khabarovsk-krai-named-dead")
    at = run_story({"step": str(step)})  # the first winter, on the captivity map, centred on Khabarovsk krai
    assert not at.exception
    _, args = folium_args(at)
    assert "fig-khabarovsk-krai-named-dead" in feature_ids(args)
    khabarovsk = feature("camps", "fig-khabarovsk-krai-named-dead").geometry
    assert fit_bounds_centre(args["script"]) == pytest.approx((khabarovsk.y, khabarovsk.x), abs=1e-4)
    at = run_story({"step": "99"})
    assert not at.exception and at.toast
    assert query_value(at, "step") == "1"


def test_url_round_trip_state_to_url_to_state():
    at = run_app()
    language = at.radio(key="lang")
    language.set_value("es").run()
    at.select_slider(key="day").set_value("1945-08-19").run()
    url = {k: query_value(at, k) for k in ("day", "lang")}
    assert url == {"day": "1945-08-19", "lang": "es"}
    again = run_app(url)  # a student opens the shared link
    assert again.select_slider(key="day").value == "1945-08-19"
    assert again.title[0].value == "La ofensiva"
    assert feature_ids(folium_args(again)[1]) == feature_ids(folium_args(at)[1])


def test_month_and_step_round_trip():
    at = run_camps()
    at.select_slider(key="month").set_value("1949-12").run()
    assert query_value(at, "month") == "1949-12"
    assert run_camps({"month": "1949-12"}).select_slider(key="month").value == "1949-12"
    story = run_story({"step": "7"})
    assert query_value(story, "step") == "7"


def test_slider_thumb_labels_are_localized():
    at = run_app({"lang": "es"})
    slider = at.select_slider(key="day")
    assert slider.format_func("1945-08-20") == "20 ago 1945"


def test_play_controls_are_on_every_map_page():
    for page_path in ("app_pages/offensive.py", "app_pages/dongning.py", "app_pages/camps.py"):
        at = run_app()
        at.switch_page(page_path).run()
        assert not at.exception
        assert any(button.label == "Play" for button in at.button)
        assert any(b.label == "Download this map (HTML)" for b in at.get("download_button"))


HOSTILE_VALUES = [  # markup, script, huge, empty, out of range, wrong type, unicode
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "", "9" * 10_000, "-1", "99999", "1945-02-30",
    "2045-08-15", "١٩٤٥-٠٨-٢٠", "\u202e1945-08-20", "[]", "../../etc/passwd",
]
PAGES_AND_PARAMS = [
    ("app_pages/offensive.py", "day"), ("app_pages/offensive.py", "focus"), ("app_pages/offensive.py", "lang"),
    ("app_pages/dongning.py", "day"), ("app_pages/dongning.py", "focus"),
    ("app_pages/camps.py", "month"), ("app_pages/camps.py", "focus"),
    ("app_pages/story.py", "step"),
]


@pytest.mark.parametrize(("page_path", "param"), PAGES_AND_PARAMS)
def test_every_parameter_shrugs_off_hostile_values(page_path, param):
    for value in HOSTILE_VALUES:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params[param] = value
        at.run()
        notices = [t.value for t in at.toast]  # the first page that reads the parameter gives the notice
        assert not at.exception, (param, value)
        at.switch_page(page_path).run()
        notices += [t.value for t in at.toast]
        assert not at.exception, (param, value)
        shown = " ".join([*(c.value for c in at.caption), *(m.value for m in at.markdown), *notices])
        assert "<script>" not in shown and "onerror=alert" not in shown, (param, value)
        assert notices, (param, value)  # a short notice says the value was ignored


def _feature(features, fid):
    return next(f for f in features if f["properties"]["id"] == fid)


MALFORMED = {  # kind of breakage -> (how to break the synthetic package, what the message names)
    "bad JSON": (dict(raw_geojson='{"type": "FeatureCollection", "features": ['), "not valid JSON"),
    "empty file": (dict(raw_geojson=""), "not valid JSON"),
    "missing id": (lambda f: _feature(f, "obj-alpha")["properties"].pop("id"), "feature #1 (no id)"),
    "duplicate id": (lambda f: f.append(json.loads(json.dumps(f[0]))), "duplicate id"),
    "bad date": (lambda f: _feature(f, "obj-alpha")["properties"].update(date_start="1945-02-30"), "obj-alpha: date_start"),
    "end before start": (lambda f: _feature(f, "start-beta")["properties"].update(date_end="1945-08-01"), "start-beta"),
    "swapped coordinates": (lambda f: _feature(f, "obj-alpha").update(geometry={"type": "Point", "coordinates": [45.75, 126.65]}),
                            "looks swapped"),
    "out of region": (lambda f: _feature(f, "obj-alpha").update(geometry={"type": "Point", "coordinates": [10.0, 45.0]}),
                      "outside the region"),
    "invalid geometry": (lambda f: _feature(f, "obj-alpha").update(
        geometry={"type": "Polygon", "coordinates": [[[120, 40], [121, 41], [121, 40], [120, 41], [120, 40]]]}),
        "invalid Polygon"),
    "unknown source key": (lambda f: _feature(f, "obj-alpha")["properties"].update(sources="nobody: p. 1"),
                           "unknown source key"),
    "wrong types": (lambda f: _feature(f, "obj-alpha")["properties"].update(accuracy_km="five", seq="x"),
                    "obj-alpha: accuracy_km"),
    "not a FeatureCollection": (dict(raw_geojson="[1, 2, 3]"), "not a GeoJSON FeatureCollection"),
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_data_is_named_and_the_app_keeps_going(kind, tmp_path, monkeypatch, features):
    breakage, fragment = MALFORMED[kind]
    if isinstance(breakage, dict):
        folder = write_package(tmp_path, **breakage)
    else:
        breakage(features)
        folder = write_package(tmp_path, features)
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    at = run_app({"day": "1945-09-01"})
    assert not at.exception
    message = (at.error or at.warning)[0].value
    assert "offensive.geojson" in message  # the file is named in plain words
    assert fragment in at.code[0].value  # and the problem, by file and feature, in the list below
    assert captions(at)  # the page still renders its caption and map
