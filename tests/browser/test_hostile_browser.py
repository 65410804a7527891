"""Bad conditions in a real browser: blocked map scripts, and markup hidden in the data (issue 15)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from urllib.parse import urlsplit

import pytest
import xyzservices.providers
from playwright.sync_api import Page, expect

from atlas.map.elements import BASEMAPS
from atlas.pages import PAGES
from tests.support.browser import (
    MAP_CODE,
    MAP_IDLE_JS,
    MAP_IFRAME,
    REPO,
    map_frame,
    open_app,
    outside,
    route_offline,
    settled_map,
    start_server,
)
from tests.support.hostile import cycling, hostile_package, short_corpus


def test_blocked_map_scripts_give_a_message_not_a_blank_box(page: Page, app_url: str):
    page.context.route(outside(app_url), lambda route: route.abort())
    page.context.route(MAP_CODE, lambda route: route.abort())  # the app's map code fails
    open_app(page, f"{app_url}/?day=1945-08-20")
    box = page.frame_locator(MAP_IFRAME).locator("#map_div")
    expect(box).to_be_attached(timeout=30_000)
    note = page.frame_locator(MAP_IFRAME).locator("#atlas-no-map")
    expect(note).to_contain_text("The map could not load", timeout=30_000)
    assert note.get_attribute("role") == "alert"
    assert box.evaluate("e => e.classList.contains('leaflet-container')") is False
    shown = page.locator(".atlas-no-map-page")  # and in the page itself, above the map's frame
    expect(shown).to_contain_text("The map could not load")
    assert shown.get_attribute("role") == "alert"
    expect(page.get_by_text("What happened on this date")).to_be_visible()  # the text alternative is still there


HOSTILE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"


def test_markup_in_the_data_is_shown_as_text_and_never_runs(browser, tmp_path):
    folder = tmp_path / "geodata"
    shutil.copytree(REPO / "geodata", folder)
    doc = json.loads((folder / "offensive.geojson").read_text("utf-8"))
    for feature in doc["features"]:
        if feature["properties"]["id"] == "wp-6gta-tongliao":
            feature["properties"]["name_en"] = "Tongliao " + HOSTILE
            feature["properties"]["description_en"] = "Seized. " + HOSTILE
    (folder / "offensive.geojson").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    proc, url = start_server({"ATLAS_GEODATA_DIR": str(folder)})
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    route_offline(context, url)
    page = context.new_page()
    try:
        open_app(page, f"{url}/?day=1945-08-15")
        frame = page.frame_locator(MAP_IFRAME)
        marker = frame.locator('.leaflet-marker-icon[title^="Tongliao"]')
        expect(marker).to_have_count(1, timeout=30_000)
        settled_map(page)  # a click while the map still pans lands beside the marker
        marker.click()
        popup = frame.locator(".leaflet-popup-content")
        expect(popup).to_contain_text("<script>window.__pwned = 1</script>")  # visible as text
        assert popup.locator("script, img").count() == 0
        expect(page.get_by_text("onerror", exact=False).first).to_be_visible()  # the day panel shows it as text too
        inner = page.locator(MAP_IFRAME).element_handle().content_frame()
        assert inner.evaluate("() => window.__pwned") is None
        assert page.evaluate("() => window.__pwned") is None
    finally:
        context.close()
        proc.terminate()
        proc.wait(10)


# --- the hostile-input corpus on every page: what the browser fetches and which elements it creates ---

RECORD_NODES_JS = REPO / "tests" / "support" / "record_nodes.js"
HOSTILE_PAGES = ["/?day=1945-08-20", "/?day=1945-08-10&focus=obj-alpha", "/dongning", "/captivity", "/story?step=1",
                 "/story?step=2", "/record", "/sources"]
PICKERS = {"every string in every field": lambda values: lambda: "\n".join(values),
           "one string per field, in turn": cycling}
# What a string of the corpus would become if it were read as Markdown: a heading with this text.
FORGED_HEADINGS = {"Forged heading", "Forged", "heading after LS", "map_div", "para", "ref"}
# The app's own elements whose ids the corpus copies: each may exist once in its document, never twice.
OWN_IDS = {"map_div", "atlas-watchdog-settings"}
OWN_LINKS = {"https://leafletjs.com", "https://www.openstreetmap.org/copyright"}  # the map's attribution


# The map's frame has drawn its map and the element recorder has run in it (the frame can be replaced
# once after the page's run: its first document is empty).
MAP_RECORDED_JS = """sel => {
  const frame = document.querySelector(sel);
  const inner = frame && frame.contentWindow;
  return !!(inner && inner.map && inner.__atlasNodes && inner.__atlasNodes.length > 0);
}"""


def own_icons() -> re.Pattern:
    """Streamlit's request for the favicon of a :material/...: page icon (the app's own icons, not
    data; Streamlit fetches it from Google's font server, a known exception to the hermetic rule)."""
    names = {page.icon.split("/")[1].strip(":") for page in PAGES} | {"map"}
    return re.compile(r"^https://fonts\.gstatic\.com/s/i/short-term/release/materialsymbolsrounded/("
                      + "|".join(sorted(names)) + r")/default/24px\.svg$")


def tile_hosts() -> re.Pattern:
    """The hosts of the map's tile providers (the one thing the map fetches from outside, by design;
    routed to a blank image here)."""
    hosts = {urlsplit(xyzservices.providers.query_name(name).url).netloc for name, _ in BASEMAPS}
    return re.compile("^(" + "|".join(re.escape(h).replace(r"\{s\}", "[a-z0-9]+") for h in hosts) + ")$")


@pytest.fixture(scope="module", params=list(PICKERS))
def hostile_app(request, tmp_path_factory):
    """A server on the synthetic package with the corpus (every string the validator lets through) in
    every text field of every data file; the package's own links (sources.csv urls) beside it."""
    values = [v for _, v in short_corpus()]
    folder = hostile_package(tmp_path_factory.mktemp("hostile") / "geodata", PICKERS[request.param](values))
    links = {row["url"] for row in csv.DictReader(io.StringIO((folder / "sources.csv").read_text("utf-8")))}
    proc, url = start_server({"ATLAS_GEODATA_DIR": str(folder)})
    yield url, values, links - {""}
    proc.terminate()
    proc.wait(10)


def inject_recorder(route) -> None:
    response = route.fetch()
    script = f"<script>{RECORD_NODES_JS.read_text(encoding='utf-8')}</script>"
    route.fulfill(response=response, body=response.text().replace("<head>", "<head>" + script, 1))


def data_strings(values: list[str]) -> set[str]:
    """Every string of the corpus, each of its lines and words, and their slugs (Streamlit's heading ids)."""
    parts = set(values)
    for value in values:
        parts |= {line.strip() for line in re.split(r"[\r\n\u2028\u2029]+", value)} | set(value.split())
    parts |= {re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in list(parts)}
    return {p for p in parts if p}


def judge(record: dict, origin: str, links: set[str], strings: set[str], tiles: re.Pattern,
          icons: re.Pattern) -> str | None:
    """What is wrong with an element the page created, or None."""
    if record["handlers"]:
        return f"event handler attribute(s) {record['handlers']}"
    if record["id"] and record["id"] in strings and record["id"] not in OWN_IDS:
        return f"id {record['id']!r} equals a data string"
    tag = record["tag"]
    if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        text = record["text"].strip()
        if text in FORGED_HEADINGS or ("Forged heading" in text and "# Forged heading" not in text):
            return f"<{tag}> made from data: {text[:80]!r}"
    for attribute in ("href", "src", "action"):
        address = record[attribute].strip()
        if not address or address.startswith("#"):
            continue
        parts = urlsplit(address)
        scheme = parts.scheme.lower()
        if scheme == "javascript" or (scheme == "data" and not address.startswith("data:image/")):
            return f"<{tag} {attribute}={address[:80]!r}>"
        if scheme in {"http", "https"} and f"{scheme}://{parts.netloc}" != origin:
            if tag == "a" and (address in links or address in OWN_LINKS):
                continue  # a source's URL, a link by design (http/https only, checked by the validator)
            if (tag == "img" and tiles.match(parts.netloc)) or (tag == "link" and icons.match(address)):
                continue
            return f"<{tag} {attribute}={address[:80]!r}> outside the app"
        if scheme not in {"", "http", "https", "data", "blob", "about"}:
            return f"<{tag} {attribute}={address[:80]!r}>"
    return None


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_data_fetches_nothing_outside_and_makes_no_element(browser, hostile_app, path: str):
    """Issue 15: the corpus in every text field; every request of the page and its frames stays in
    the app (the map's tiles aside), and no element the page or a frame creates comes from the data:
    no image, script or link to javascript:, data: or another host, no heading, no handler, no id."""
    url, values, links = hostile_app
    tiles, icons = tile_hosts(), own_icons()
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    route_offline(context, url)  # outside requests are still seen (and refused)
    context.add_init_script(path=RECORD_NODES_JS)  # in the page and every frame
    # ...but chromium gives a component's frame the window of its first, empty document, and the init
    # script does not run again for the document it then loads: put the recorder first in its head.
    context.route(re.compile(re.escape(url) + r"/component/[^?]*/index\.html"), inject_recorder)
    requests: list[tuple[str, str, str]] = []
    context.on("request", lambda r: requests.append((r.url, r.resource_type, r.frame.url)))  # every page and frame
    page = context.new_page()
    try:
        open_app(page, f"{url}{path}")
        expect(page.get_by_test_id("stMain")).to_be_visible()
        if not path.startswith(("/record", "/sources")):  # a map page: wait until its map has drawn
            expect(page.locator(MAP_IFRAME)).to_have_count(1, timeout=60_000)
            page.wait_for_function(MAP_RECORDED_JS, arg=MAP_IFRAME, timeout=60_000)
            assert map_frame(page).evaluate(MAP_IDLE_JS)
        frames = page.frames
        records = {f"frame {i}: {frame.url[:80]}": frame.evaluate("() => window.__atlasNodes || null")
                   for i, frame in enumerate(frames)}
        assert all(records.values()), [where for where, found in records.items() if not found]  # each recorded
        outside_requests = [(u, kind) for u, kind, _ in requests
                            if not u.startswith(url + "/") and not u.startswith(("data:image/", "blob:"))
                            and not (kind == "image" and tiles.match(urlsplit(u).netloc)) and not icons.match(u)]
        assert outside_requests == []
        strings = data_strings(values)
        wrong = [(where, judge(r, url, links, strings, tiles, icons), r) for where, found in records.items()
                 for r in found or [] if judge(r, url, links, strings, tiles, icons)]
        assert [(where, why) for where, why, _ in wrong] == [], "\n".join(f"{w}: {y}" for w, y, _ in wrong)
        for where, found in records.items():  # the app's own ids: one element each, not a second from data
            for own in OWN_IDS:
                assert len({r["n"] for r in found or [] if r["id"] == own}) <= 1, (where, own)
        assert all(frame.evaluate("() => window.__pwned") is None for frame in frames)
    finally:
        context.close()
