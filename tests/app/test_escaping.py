"""AppTest: data text reaches every page as text, never as Markdown or HTML (issue 15, findings 5-6)."""

from __future__ import annotations

import csv
import io
import re

from streamlit.testing.v1 import AppTest

from tests.conftest import FIGURES_CSV, REPO, STORY_CSV, write_package
from tests.support.entries import read_entries

APP = str(REPO / "atlas_app.py")
IMAGE = "![tracker](https://example.org/pixel.png)"
LINK = "[live](https://example.org/x)"


def replace_cell(table: str, row_id: str, column: str, value: str) -> str:
    """``table`` (CSV text) with one cell of the row whose first field is ``row_id`` replaced."""
    rows = list(csv.DictReader(io.StringIO(table)))
    for row in rows:
        if next(iter(row.values())) == row_id:
            row[column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def run_page(page: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    return at if page == "offensive" else at.switch_page(f"app_pages/{page}.py").run()


def bodies(at: AppTest) -> list[str]:
    """The Markdown source of every element Streamlit renders as Markdown."""
    return [e.value for kind in ("markdown", "caption", "header", "subheader", "title") for e in at.get(kind)]


def panel_bodies(at: AppTest) -> list[str]:
    """The side panel's HTML (atlas.entries.html_list; st.html, never read as Markdown)."""
    return [e.proto.body for e in at.get("html") if 'class="atlas-entries"' in e.proto.body]


def only_our_tags(body: str) -> bool:
    """HTML with no element but the ones atlas.entries writes, and no link."""
    return set(re.findall(r"<\s*/?\s*([A-Za-z][\w-]*)", body)) <= {"div", "p", "strong", "em", "br"} and "href" not in body


def unescaped_markup(body: str) -> list[str]:
    """Markup a Markdown body would render, once backslash escapes are taken into account."""
    plain = re.sub(r"\\.", "", body)  # what is escaped is text
    found = [m for m in ("](", "![", "<script", "<img", "\r", "\u2028") if m in plain]
    found += ["heading"] if re.search(r"(^|\n)#{1,6} |\n(=+|-+)\s*(\n|$)", plain) else []
    found += ["blank line in HTML"] if body.lstrip().startswith("<") and "\n\n" in body else []
    unescape = re.sub(r"\\(.)", r"\1", body)
    found += ["autolink"] if re.search(r"(?i)https?://|www\.", unescape) else []
    return found


def test_story_title_and_caption_are_text(tmp_path, monkeypatch):
    story = replace_cell(STORY_CSV, "1", "title_en", f"{IMAGE} {LINK}")
    story = replace_cell(story, "1", "caption_en", f"First paragraph.\n\n{IMAGE}\r===\nsee https://example.org")
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(write_package(tmp_path / "geodata", story=story)))
    at = run_page("story")
    assert not at.exception
    (title,) = [m.value for m in at.markdown if 'class="atlas-data-heading"' in m.value]  # a heading with no id
    assert "example" in title and not at.header
    for body in bodies(at):
        assert not unescaped_markup(body), (body, unescaped_markup(body))


def test_figure_topics_in_the_caption_are_text(tmp_path, monkeypatch):
    figures = FIGURES_CSV.replace("Killed,Muertos", f"Killed {LINK} {IMAGE},Muertos")
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(write_package(tmp_path / "geodata", figures=figures)))
    at = run_page("offensive")
    assert not at.exception
    assert any("example" in c.value for c in at.caption)
    for body in bodies(at):
        assert not unescaped_markup(body), (body, unescaped_markup(body))


def test_carriage_returns_and_autolinks_in_descriptions_are_text(tmp_path, monkeypatch, features):
    gamma = next(f for f in features if f["properties"]["id"] == "evt-gamma")
    gamma["properties"]["description_en"] = "Gamma\r===\r# Forged\u2028---\rsee www.example.org and https://example.org"
    history = ("id,subject,date_start,date_end,certainty,text_en,text_es,sources\n"
               '"h-built",dongning,1934,1937,verified,"Built\r===\rhttps://example.org/x",Construida.,doe-1990: p. 12\n')
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(write_package(tmp_path / "geodata", features, history=history)))
    at = run_page("offensive", {"day": "1945-08-10"})
    assert not at.exception
    (panel,) = panel_bodies(at)  # the day's entries: HTML, where a line ending or a URL is only text
    assert any("Forged" in entry and "https://example.org" in entry for entry in read_entries(panel))
    assert only_our_tags(panel), panel
    for body in bodies(at):
        assert not unescaped_markup(body), (body, unescaped_markup(body))
    at = run_page("dongning")
    assert not at.exception
    assert any("Built" in body for body in bodies(at))
    for body in bodies(at):
        assert not unescaped_markup(body), (body, unescaped_markup(body))


def test_sources_page_survives_a_layer_it_has_no_message_for(tmp_path, monkeypatch):
    """Finding 9: a resource the app has no message for is named by its own title, not a KeyError."""
    import json

    folder = write_package(tmp_path / "geodata")
    doc = json.loads((folder / "datapackage.json").read_text("utf-8"))
    doc["resources"][0].update(name="newlayer", path="newlayer.geojson", title="A **new** layer")
    (folder / "offensive.geojson").rename(folder / "newlayer.geojson")
    (folder / "datapackage.json").write_text(json.dumps(doc), "utf-8")
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    at = run_page("sources")
    assert not at.exception
    assert any("A \\*\\*new\\*\\* layer" in m.value for m in at.markdown)
