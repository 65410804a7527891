"""A page's catalog and step table elements: hidden, inert, found by a data-atlas-* attribute."""

import html
import json

import pytest

from atlas.load import load_atlas
from atlas.map import catalog, packing


@pytest.fixture
def loaded(package):
    atlas = load_atlas(package)
    return atlas.layers["offensive"].frame, atlas.sources, atlas.axes


def attribute(element: str, name: str) -> str:
    return element.split(f'{name}="', 1)[1].split('"', 1)[0]


def test_catalog_is_one_hidden_element_and_its_id_follows_its_content(loaded):
    frame, sources, axes = loaded
    en = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    es = catalog.map_catalog(frame, "es", sources, axes, "offensive")
    assert en.id != es.id and en.id == catalog.map_catalog(frame, "en", sources, axes, "offensive").id
    element = catalog.catalog_html(en)
    assert element.startswith(f'<div hidden data-atlas-catalog="{en.id}" data-json="') and element.count("<") == 2
    assert "id=" not in element  # nothing a heading's id could collide with
    inside = attribute(element, "data-json")
    assert "\\u003cdiv" in inside and "<" not in inside  # popup markup travels as JSON escapes
    assert json.loads(html.unescape(inside)) == en.payload
    assert set(en.payload) == {"popups", "icons", "sizes", "lines", "legend", "places", "dates", "labels", "ui", "overlays"}


def test_popup_catalog_covers_every_feature_and_axis(loaded):
    frame, sources, axes = loaded
    popups = catalog.popup_catalog(frame, "es", sources, axes)
    assert set(popups) == set(frame["id"]) | {"axis-ax1"}
    assert "Alfa" in popups["obj-alpha"]["popup"] and "J. Doe" in popups["obj-alpha"]["popup"]
    assert "Primer Ejército" in popups["axis-ax1"]["popup"] and "A. Nobody" in popups["axis-ax1"]["popup"]
    assert "Primer Ejército" in popups["wp-one"]["popup"]  # a waypoint names its army
    assert "fecha desconocida" in popups["wp-two"]["tooltip"]


def test_steps_element_is_inert_text(loaded):
    frame, sources, axes = loaded
    page_catalog = catalog.map_catalog(frame, "en", sources, axes, "offensive")
    hostile = {"l": [], "a": [], "m": [], "f": [{"type": "Feature", "properties": {"id": "<script>alert(1)</script>"}}]}
    table = packing.step_table("day", [("1945-08-09", hostile)])
    element = catalog.steps_html(page_catalog, table)
    assert element.startswith(f'<div hidden data-atlas-steps="{page_catalog.id}" data-json="')
    inside = attribute(element, "data-json")
    assert "<" not in inside and ">" not in inside and '"' not in inside  # no markup, no way out of the attribute
    assert json.loads(html.unescape(inside)) == table
