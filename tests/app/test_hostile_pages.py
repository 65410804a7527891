"""The hostile-input corpus on every page (AppTest): no exception, and no element whose Markdown or
HTML carries markup from the data: no script, image, link, heading or autolink (issue 15).

The browser-level check (every network request and DOM node) is tests/browser/test_hostile_browser.py.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.test_escaping import unescaped_markup
from tests.conftest import REPO
from tests.support.hostile import corpus, cycling, hostile_package, short_corpus

APP = str(REPO / "atlas_app.py")
PAGES = [("offensive", {"day": "1945-08-20"}), ("offensive", {"day": "1945-08-10", "focus": "obj-alpha"}),
         ("dongning", {}), ("camps", {}), ("story", {"step": "1"}), ("story", {"step": "2"}), ("claims", {}),
         ("sources", {})]
RAW_MARKUP = ("<script>window.__pwned", "<img src=x", "<svg onload", "<iframe", "<style>body", "<a href=\"javascript",
              "<div data-atlas-catalog=\"forged\"", "<script type=\"application/json\" data-atlas-steps>")
TEXT_KINDS = ("markdown", "caption", "header", "subheader", "title", "warning", "error", "info", "success", "toast")


def run(page: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at if page == "offensive" else at.switch_page(f"app_pages/{page}.py").run()


def check_page(at: AppTest, where: str) -> None:
    assert not at.exception, (where, [e.value for e in at.exception])
    for kind in TEXT_KINDS:
        for element in at.get(kind):
            body = element.value if hasattr(element, "value") else str(element.proto)
            assert not unescaped_markup(body), (where, kind, unescaped_markup(body), body[:300])
            unescaped = re.sub(r"\\.", "", body)  # what a backslash escapes is text
            assert not any(m in unescaped for m in ("<svg", "<iframe", "<style", "<a ", "<div", "<!--")), (
                where, kind, body[:300])
    for element in at.get("html"):  # our own HTML (the catalog, the CSS): data in it is escaped
        body = element.proto.body
        assert not any(m in body for m in RAW_MARKUP), (where, "html", body[:300])
    for element in at.get("component_instance"):  # the map's layer and base map
        assert not any(m in element.proto.json_args for m in RAW_MARKUP), (where, "map")


@pytest.fixture(params=["every string in every field", "one string per field, in turn", "in turn, shifted"])
def hostile_geodata(request, tmp_path, monkeypatch):
    values = [v for _, v in short_corpus()]
    if request.param == "every string in every field":
        def pick() -> str:
            return "\n".join(values)  # each string at the start of a line of every field
    else:
        pick = cycling(values, 0 if request.param == "one string per field, in turn" else len(values) // 2)
    folder = hostile_package(tmp_path / "geodata", pick)
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(folder))
    return request.param


def test_every_page_shows_hostile_data_as_text(hostile_geodata):
    for page, params in PAGES:
        at = run(page, params)
        check_page(at, f"{page} {params}")
        if hostile_geodata.startswith("every") and page in {"offensive", "dongning", "story", "claims"}:
            # the data is there, as text
            shown = " ".join(e.value for kind in TEXT_KINDS for e in at.get(kind) if hasattr(e, "value"))
            assert re.search(r"pwned|Forged|example|map\\?_div|coloured|isolate", shown), (page, shown[:500])


def test_a_one_megabyte_string_is_refused_not_shown(tmp_path, monkeypatch):
    (huge,) = [v for _, v in corpus() if len(v) >= 1_000_000]
    monkeypatch.setenv("ATLAS_GEODATA_DIR", str(hostile_package(tmp_path / "geodata", lambda: huge)))
    for page, params in PAGES[:1] + PAGES[4:]:
        at = run(page, params)
        check_page(at, page)
        assert at.error and "over the limit" in at.code[0].value
