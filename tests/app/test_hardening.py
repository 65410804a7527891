"""AppTest: the URL and the data package against careless and hostile input (issue 15)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

APP = str(REPO / "atlas_app.py")


def run(params: dict[str, str], page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(f"app_pages/{page}.py").run() if page else at


def test_a_bad_focus_leaves_the_url_after_its_notice():
    at = run({"day": "1945-08-11", "focus": "no-such-place"})
    assert not at.exception
    assert any("not on this map" in toast.value for toast in at.toast)
    assert "focus" not in at.query_params
    assert at.query_params["day"] == ["1945-08-11"] or at.query_params["day"] == "1945-08-11"


def test_an_oversized_query_value_gets_a_notice_and_is_ignored():
    at = run({"junk": "x" * 5_000, "day": "1945-08-11"})
    assert not at.exception
    assert any("longer than 2,000 characters" in toast.value for toast in at.toast)
    assert "junk" not in at.query_params
    assert "day" in at.query_params  # the rest of the link still counts


def test_an_oversized_value_of_a_known_parameter_gets_one_notice():
    at = run({"step": "1" * 3_000})
    notices = [toast.value for toast in at.toast]  # the first page run gives the notice
    at.switch_page("app_pages/story.py").run()
    assert not at.exception
    notices += [toast.value for toast in at.toast]
    assert len(notices) == 1 and "longer than 2,000 characters" in notices[0]
    assert "step" not in at.query_params or at.query_params["step"] in ("1", ["1"])


def test_a_package_over_its_limits_is_refused_with_the_file_named(tmp_path, monkeypatch):
    """Finding 2: a file over x-atlas.max_bytes is never loaded (nor cached per date): every page
    says which file and which limit."""
    import json

    from tests.conftest import write_package

    folder = write_package(tmp_path / "geodata")
    doc = json.loads((folder / "datapackage.json").read_text("utf-8"))
    doc["resources"][0]["x-atlas"]["max_bytes"] = 1_000
    (folder / "datapackage.json").write_text(json.dumps(doc), "utf-8")
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    for page in (None, "story", "sources", "claims"):
        at = run({}, page)
        assert not at.exception, page
        assert at.error, page
        assert "offensive.geojson" in at.code[0].value and "over the limit of 1,000 bytes" in at.code[0].value


def test_with_dongning_missing_the_story_page_names_it_first(tmp_path, monkeypatch):
    """Finding 13: the Story page shows the package's problems, and the cause leads them."""
    import shutil

    from atlas.paths import DEFAULT_GEODATA_DIR

    folder = tmp_path / "geodata"
    shutil.copytree(DEFAULT_GEODATA_DIR, folder)
    (folder / "dongning.geojson").unlink()
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    at = run({}, "story")
    assert not at.exception
    assert "dongning.geojson could not be used" in at.error[0].value
    lines = at.code[0].value.splitlines()
    assert lines[0] == "dongning.geojson: -: file is missing"
    assert "follow-on problem" in lines[1] and len(lines) <= 3, lines


def test_story_steps_keep_their_own_numbers_when_a_row_is_left_out(tmp_path, monkeypatch):
    """Finding 12: a step the validator leaves out shifts none of the others: ?step=6 is step 6, and
    ?step=5 (the row left out) gets a notice."""
    import csv
    import html
    import shutil

    from atlas.paths import DEFAULT_GEODATA_DIR

    folder = tmp_path / "geodata"
    shutil.copytree(DEFAULT_GEODATA_DIR, folder)
    path = folder / "story.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    step_6 = next(row for row in rows if row["step"] == "6")
    last = rows[-1]["step"]
    for row in rows:
        if row["step"] == "5":
            row["page"] = "nowhere"  # an unknown page: the row is left out
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    at = run({"step": "6"}, "story")
    assert not at.exception
    assert at.selectbox(key="story_select").value == 6
    assert at.caption[0].value.startswith(f"Step 6 of {last} · ")
    (title,) = [m.value for m in at.markdown if 'class="atlas-data-heading"' in m.value]
    assert step_6["title_en"] in html.unescape(title)
    at.button(key="story_previous").click().run()
    assert at.selectbox(key="story_select").value == 4  # over the step left out
    at = run({"step": "5"}, "story")
    assert [toast.value for toast in at.toast] and at.selectbox(key="story_select").value == 1
