"""The one contact with streamlit-folium's internals (docs/streamlit-contract.md, point 4).

st_folium turns the map into a script on every call (folium renders its Jinja templates each
time, ~70 ms per slider step here). Everything it sends depends only on the page, language, first
view and day, so :func:`map_args` records the component's arguments once and later steps send the
recorded ones. The recorder wraps the component function that st_folium calls by name
(``streamlit_folium._component_func``); outside a recording it passes every call straight
through, so st_folium's behaviour is unchanged. tests/browser/test_contract_browser.py checks it.
"""

from __future__ import annotations

import threading
from typing import Any

import folium
import streamlit_folium
from streamlit_folium import st_folium

_recording = threading.local()
draw_component = getattr(streamlit_folium, "_atlas_component", streamlit_folium._component_func)


def _record_or_draw(**kwargs: Any) -> Any:
    box = getattr(_recording, "box", None)
    if box is None:
        return draw_component(**kwargs)
    box.update(kwargs)
    return None


streamlit_folium._atlas_component = draw_component
streamlit_folium._component_func = _record_or_draw


def record(base: folium.Map, layer: folium.FeatureGroup, key: str, height: int) -> dict[str, Any]:
    """The arguments st_folium would send for ``base`` with ``layer``, without drawing anything."""
    _recording.box = {}
    try:
        st_folium(base, key=key, feature_group_to_add=layer, returned_objects=[], use_container_width=True,
                  height=height)
        args = dict(_recording.box)
    finally:
        _recording.box = None
    args["on_change"] = None  # st_folium's copies the map's state into session_state[key]; unused here
    return args


def show(base: folium.Map, layer: folium.FeatureGroup, key: str, height: int) -> Any:
    """Draw the map; only ``layer`` changes between reruns, so the iframe and the view are kept."""
    return st_folium(base, key=key, feature_group_to_add=layer, returned_objects=[], use_container_width=True,
                     height=height)
