"""With the network outside the app blocked (a school filter, a strict policy): the maps draw their
markers and their own basemap, and the downloaded HTML map opens from a file with no network."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from atlas import scene
from atlas.load import load_atlas
from atlas.map import catalog, elements
from atlas.paths import DEFAULT_GEODATA_DIR
from tests.support.browser import MAP_IFRAME, open_app, outside


@pytest.mark.parametrize(("path", "query"), [("", "?day=1945-08-20"), ("dongning", "?day=1945-08-20"),
                                             ("captivity", "?month=1946-12")])
def test_every_request_outside_the_app_refused_and_the_map_still_draws(context, app_url: str, path: str, query: str):
    refused = []
    context.route(outside(app_url), lambda route: (refused.append(route.request.url), route.abort()))
    page = context.new_page()
    open_app(page, f"{app_url}/{path}{query}")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-icon").first).to_be_visible(timeout=60_000)
    # the map's own basemap (land, lakes, rivers) is drawn in its pane, from the app
    expect(frame.locator(".leaflet-atlas-basemap-pane path").first).to_be_attached(timeout=30_000)
    assert not [url for url in refused if "leaflet" in url.lower()]  # Leaflet never asked for outside the app
    page.close()


def test_downloaded_map_opens_from_a_file_with_no_network(context, tmp_path):
    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    page_catalog = catalog.map_catalog(scene.page_frame(atlas, "offensive"), "es", atlas.sources, atlas.axes,
                                       "offensive", dates={"1945-08-20": "20 de agosto de 1945"})
    html = elements.standalone_html(
        scene.scene_map("offensive", "es", page_catalog, elements.VIEW_BOUNDS, embedded=True),
        scene.scene_layer(atlas, "offensive", dt.date(1945, 8, 20), "es", page_catalog), "Mapa de la ofensiva")
    target = tmp_path / "map.html"
    target.write_text(html, encoding="utf-8")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page = context.new_page()
    page.goto(target.as_uri())
    # the map names itself and its date, in its language (static/map/a11y.js)
    expect(page).to_have_title("Mapa de la ofensiva soviética en Manchuria — 20 de agosto de 1945")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator(".atlas-icon").first).to_be_visible(timeout=30_000)
    expect(page.locator(".atlas-date")).to_have_text("20 de agosto de 1945")
    expect(page.locator(".atlas-legend")).to_contain_text("Leyenda")
    expect(page.locator(".leaflet-atlas-basemap-pane path").first).to_be_attached()
