"""Dense dates drawn in clusters (static/map/cluster.js; issue 21).

Today's data never reaches the threshold, so a server started with ``ATLAS_CLUSTER_AT=100`` clusters
the offensive map's places (more than 100 in all, and on its busiest dates; about 50 on 9 August);
the shared server (the default threshold) must not cluster, nor load the plugin. A page dense enough
to cluster draws every date in clusters, its first too, so it never switches on a step. What is
checked on the clustered map: every place is still counted once (each cluster's count plus the
symbols drawn alone make the day's markers), the plugin comes from the app itself, a slider step
redraws it, a cluster is a named button that zooms in by keyboard, and "Places on this date" opens
a place hidden in a cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import (
    MAP_IFRAME,
    expected_markers,
    open_app,
    route_offline,
    settled_map,
    start_server,
)

PLUGIN = "leaflet.markercluster"
THRESHOLD = "100"

# Each cluster's count, and the symbols drawn alone (places and arrowheads), on the frame's map.
SHOWN_JS = """() => ({
  clusters: [...document.querySelectorAll('.atlas-cluster')].map(el => Number(el.textContent)),
  alone: document.querySelectorAll('.atlas-icon').length,
  day: window.atlas.state.day,
})"""


@pytest.fixture(scope="module")
def clustered_url() -> Iterator[str]:
    proc, url = start_server(env={"ATLAS_CLUSTER_AT": THRESHOLD})
    yield url
    proc.terminate()
    proc.wait(10)


def shown(inner) -> dict:
    return inner.evaluate(SHOWN_JS)


def open_clustered(page: Page, url: str, lang: str, day: str):
    """Open the offensive map on ``day`` (no network but the app) and wait for its first cluster and
    a still map; returns the map's frame locator and its frame."""
    route_offline(page.context, url)
    open_app(page, f"{url}/?lang={lang}&day={day}")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(".atlas-cluster").first).to_be_visible(timeout=30_000)
    return frame, settled_map(page)


def test_the_default_threshold_draws_today_s_data_as_before_and_loads_no_plugin(page: Page, app_url: str):
    route_offline(page.context, app_url)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    open_app(page, f"{app_url}/?lang=en&day=1945-08-20")
    inner = settled_map(page)
    expect(page.frame_locator(MAP_IFRAME).locator(".atlas-icon")).to_have_count(expected_markers("1945-08-20"),
                                                                                 timeout=30_000)
    assert shown(inner)["clusters"] == []
    assert not [url for url in asked if PLUGIN in url]


def test_a_dense_map_clusters_its_places_and_counts_each_once(page: Page, clustered_url: str):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    _, inner = open_clustered(page, clustered_url, "en", "1945-08-20")
    now = shown(inner)
    assert now["day"] == "1945-08-20"
    assert sum(now["clusters"]) + now["alone"] == expected_markers("1945-08-20")
    assert now["alone"] < expected_markers("1945-08-20")  # fewer symbols drawn than places
    # a page with that many places loads the plugin in the map's one file, after Leaflet (which it
    # needs), served by the app itself: its first map is drawn in clusters already, and no request of
    # the plugin's own follows the client's
    scripts = [url for url in asked if url.endswith(".js") and ("/atlas-client" in url or PLUGIN in url)]
    assert len(scripts) == 1 and "/atlas-client-clusters-" in scripts[0] and scripts[0].startswith(clustered_url)
    assert not [url for url in asked if PLUGIN in url]
    # A slider step redraws the clusters for the next date, every place still counted once.
    page.locator(".st-key-day input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    inner.wait_for_function("() => window.atlas.state.day === '1945-08-21'", timeout=30_000)
    inner.wait_for_function(f"() => ({SHOWN_JS})().clusters.reduce((a, b) => a + b, 0) + ({SHOWN_JS})().alone"
                            f" === {expected_markers('1945-08-21')}", timeout=30_000)


def test_a_dense_page_draws_a_date_below_the_threshold_in_clusters_too(page: Page, clustered_url: str):
    _, inner = open_clustered(page, clustered_url, "en", "1945-08-09")
    now = shown(inner)
    assert now["day"] == "1945-08-09"
    assert expected_markers("1945-08-09") < int(THRESHOLD)  # the date alone would not cluster
    assert sum(now["clusters"]) + now["alone"] == expected_markers("1945-08-09")
    # and its next date is drawn in the same clusters: the page never switches on a step
    group = inner.evaluate("() => { const g = Object.values(window.atlas.state.drawn).map(l => l.atlasIn)"
                           ".filter(Boolean)[0]; window.__group = g; return !!g; }")
    assert group
    page.locator(".st-key-day input[type='range']").focus()
    page.keyboard.press("ArrowRight")
    inner.wait_for_function("() => window.atlas.state.day === '1945-08-10'", timeout=30_000)
    assert inner.evaluate("() => Object.values(window.atlas.state.drawn).filter(l => l.atlasIn)"
                          ".every(l => l.atlasIn === window.__group)")


def test_a_cluster_is_a_named_button_that_zooms_in_by_keyboard(page: Page, clustered_url: str):
    frame, inner = open_clustered(page, clustered_url, "es", "1945-08-20")
    cluster = frame.locator(".atlas-cluster").first
    expect(cluster).to_have_attribute("aria-label", re.compile(r"^\d+ lugares aquí: pulse para acercar$"))
    zoom = inner.evaluate("() => window.map.getZoom()")
    cluster.focus()
    page.keyboard.press("Enter")
    inner.wait_for_function("zoom => window.map.getZoom() > zoom", arg=zoom, timeout=30_000)


def test_places_on_this_date_opens_a_place_hidden_in_a_cluster(page: Page, clustered_url: str):
    frame, inner = open_clustered(page, clustered_url, "en", "1945-08-20")
    hidden = inner.evaluate("""() => AtlasA11y.drawnItems(window.atlas.state, window.atlas.catalog(), document)
        .filter(item => !item.line && !item.layer._map && item.layer.atlasIn).map(item => item.name)""")
    assert hidden, "no place is inside a cluster"
    frame.locator(".atlas-places-toggle").click()
    frame.locator(".atlas-places-item", has_text=re.compile("^" + re.escape(hidden[0]) + "$")).first.click()
    expect(frame.locator(".leaflet-popup")).to_have_count(1, timeout=30_000)
