"""Folium objects: a constant base map that loads the map client, and the date-dependent layer.

The base map must be identical on every rerun for a given language, catalog and view, so that
streamlit-folium keeps the same iframe and the user's zoom; everything that depends on the date
goes into the layer (passed as ``feature_group_to_add``). The JavaScript lives in static/map/;
the templates here are only the glue that hands it the map and the page's data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.map import FitBounds
from folium.template import Template

from atlas.i18n import t
from atlas.map import client
from atlas.map.catalog import MapCatalog, element_id, steps_element_id
from atlas.map.packing import layer_geojson, pack_layer
from atlas.map.symbology import ARROW_SIZE
from atlas.timeline import Head, Segment

# Tile providers that need no API key; the attribution comes with each provider (xyzservices).
BASEMAPS = (("Esri.WorldGrayCanvas", "Light grey (Esri)"), ("OpenStreetMap.Mapnik", "OpenStreetMap"))
VIEW_BOUNDS = [[38.5, 113.0], [53.5, 135.5]]  # south-west, north-east (lat, lon): Manchuria and northern Korea


class AtlasMap(folium.Map):
    """A folium Map that loads only Leaflet, from the app itself: no jQuery, Bootstrap or icon fonts
    (and not even Leaflet on its own once the one-file client, which carries it, is written)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default_js, self.default_css = client.leaflet_urls()


class MapClient(JSCSSMixin, MacroElement):
    """Loads the map client (static/map/) and attaches it to the map as ``window.atlas``.

    On a page of the app the client reads the page's catalog and step table through the Streamlit
    adapter; in a standalone page (``embedded``) the catalog is written into the page itself.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.atlas = AtlasMap.attach(L, {{ this._parent.get_name() }}, {{ this.source }}, {{ this.options }});
        AtlasMap.addLegend(L, {{ this._parent.get_name() }}, window.atlas);
        AtlasMap.addBasemap(L, {{ this._parent.get_name() }}, {{ this.options }});
        AtlasMap.addOverlays(L, {{ this._parent.get_name() }}, window.atlas, {{ this.layers }});
        AtlasMap.addLabels(L, {{ this._parent.get_name() }}, window.atlas);
        AtlasA11y.attach(L, {{ this._parent.get_name() }}, window.atlas, AtlasStreamlit, window);
        {% if this.presenter %}AtlasMap.addPresenterButton(L, {{ this._parent.get_name() }}, AtlasStreamlit.presenter(window), window.atlas);{% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, catalog_id: str, steps_id: str, embedded: dict[str, Any] | None = None,
                 focus: str | None = None, dense: bool = False, *, layers: str) -> None:
        super().__init__()
        self._name = "MapClient"
        self.layers = layers  # the script name of the map's layer control: the overlays join it
        basemap = ({"basemapData": client.basemap_data()} if embedded is not None else  # a standalone page never clusters
                   {"basemapUrl": client.BASEMAP_SERVED, "basemapFiles": list(client.BASEMAP_FILES),
                    **client.cluster_options(), **({"clusterFirst": True} if dense else {})})
        self.options = _script_json({"arrowSize": ARROW_SIZE, **({"focus": focus} if focus else {}), **basemap})
        self.presenter = embedded is None
        if embedded is None:
            self.source = f"AtlasStreamlit.source(window, {json.dumps({'catalog': catalog_id, 'steps': steps_id})})"
            # A page with enough places to cluster loads the plugin with the client (in the one-file
            # client made with it: one request in place of two after each other) and draws every date
            # in clusters, from its first (clusterFirst): it never switches from one way of drawing to
            # the other on a step (static/map/cluster.js).
            self.default_js = client.script_urls(dense)
            self.default_css = client.style_urls(dense)
        else:
            self.source = f"AtlasMap.embeddedSource({_script_json(embedded)})"
            self.default_js, self.default_css = [], []


def _script_json(payload: Any) -> str:
    """JSON for a script: no "<", ">" or "&" in it, so data cannot close the script element."""
    return (json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


class PackedLayer(MacroElement):
    """A day's features in packed form (see :func:`atlas.map.packing.pack_layer`), handed to the map
    client, which keeps what is already drawn and only adds and removes the differences."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = window.atlas.apply({{ this.packed|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, packed: dict[str, Any]) -> None:
        super().__init__()
        self._name = "PackedLayer"
        self.packed = packed


def _day_group(day: dt.date) -> folium.FeatureGroup:
    """The group a day's layer is sent in (not a layer to switch off)."""
    return folium.FeatureGroup(name=f"atlas-{day.isoformat()}", control=False)


def layer_from_data(data: dict[str, Any], day: dt.date, places: Mapping[str, Mapping[str, Any]] | None = None,
                    compare: dt.date | None = None, ghost: Mapping[str, Any] | None = None) -> folium.FeatureGroup:
    """The date-dependent layer from a ready FeatureCollection (see :func:`layer_geojson`), packed:
    markers whose place is in ``places`` (the page catalog's) by id, the others whole. ``compare``
    and ``ghost``: a second date and its packed layer, drawn faint under the first."""
    group = _day_group(day)
    extra = {"c": compare.isoformat(), "g": dict(ghost)} if compare and ghost is not None else {}
    PackedLayer({**pack_layer(data, places or {}), "d": day.isoformat(), **extra}).add_to(group)
    return group


def feature_layer(frame: gpd.GeoDataFrame, day: dt.date, lang: str, segments: Sequence[Segment] = (),
                  heads: Sequence[Head] = (), offsets: Mapping[str, tuple[int, int]] | None = None,
                  scale: Mapping[str, float] | None = None, icons: Mapping[str, str] | None = None,
                  places: Mapping[str, Mapping[str, Any]] | None = None) -> folium.FeatureGroup:
    """The date-dependent layer: the axes and features visible on ``day``."""
    return layer_from_data(layer_geojson(frame, lang, segments, heads, offsets, scale, icons), day, places)


def step_ref(day: dt.date, compare: dt.date | None = None) -> folium.FeatureGroup:
    """A day's layer named, not sent: the map draws it (and the ``compare`` date's, faint) from the
    page's step table, which a slider step then does not carry again."""
    group = _day_group(day)
    PackedLayer({"d": day.isoformat(), "r": 1, **({"c": compare.isoformat()} if compare else {})}).add_to(group)
    return group


def base_map(lang: str, catalog: MapCatalog | None = None,
             bounds: Sequence[Sequence[float]] = VIEW_BOUNDS, max_zoom: int = 12,
             embedded: bool = False, focus: str | None = None) -> AtlasMap:
    """The base map for a language. Same inputs, same JS: never depends on the date.

    ``catalog`` (popups, icons and legend of the page) is only named here; the page shows it once
    (see :func:`atlas.map.catalog.catalog_html`), or, ``embedded``, it is written into the map for
    a standalone page. ``bounds`` is the first view ([[south, west], [north, east]]); ``focus`` the id
    of a feature the link names, ringed whenever it is drawn.
    """
    (south, west), (north, east) = bounds
    m = AtlasMap(location=[(south + north) / 2, (west + east) / 2], zoom_start=5, tiles=None, control_scale=True,
                 min_zoom=3, max_zoom=max_zoom)
    for index, (provider, label) in enumerate(BASEMAPS):
        folium.TileLayer(provider, name=label, show=index == 0).add_to(m)
    # No tiles at all: the map's own basemap (Natural Earth coast, rivers, lakes, drawn by the client
    # under the tiles) is then all there is; also what shows when the tiles cannot load.
    folium.FeatureGroup(name=t("basemap_offline", lang), overlay=False, show=False).add_to(m)
    layers = folium.LayerControl(position="topright", collapsed=True).add_to(m)  # the overlays join it (MapClient)
    # Not animated: the map opens on its first view directly. Animated (folium's default), the first
    # view was a zoom from the map's starting zoom, and Leaflet's tile layer forces a layout of the
    # whole frame during it, after the first markers are in: 125 ms at ten times the data.
    fit = FitBounds([list(bounds[0]), list(bounds[1])])
    fit.options["animate"] = False
    m.add_child(fit)
    if embedded:  # everything inside the page: it opens from a USB stick with no network
        m.default_js, m.default_css = [], []
        scripts = (f"<script>{client.inline_script(client.leaflet_source('leaflet.js'))}</script>"
                   + "".join(f"<script>{client.inline_script(client.source(name))}</script>" for name in client.SCRIPTS))
        styles = f"<style>{client.leaflet_source('leaflet.css')}</style>" + "".join(
            f"<style>{client.source(name)}</style>" for name in client.STYLES)
        m.get_root().header.add_child(Element(styles + scripts))
        m.add_child(MapClient("", "", embedded=catalog.payload if catalog else {}, focus=focus, layers=layers.get_name()))
    else:
        m.add_child(MapClient(element_id(catalog) if catalog else "none",
                              steps_element_id(catalog) if catalog else "none", focus=focus,
                              dense=client.is_dense(len(catalog.places) if catalog else 0), layers=layers.get_name()))
    return m


def map_watchdog_html(message: str, timeout_ms: int = 8000, lang: str = "en") -> str:
    """A tiny page that checks, next to the map, whether the map's scripts loaded (static/map/watchdog.js,
    loaded by its address: the frame inherits the page's Content-Security-Policy, which runs no inline
    script); a whole document with its language and a title (axe: html-has-lang, document-title)."""
    settings = _script_json({"message": message, "timeout": int(timeout_ms)})
    return (f'<!DOCTYPE html><html lang="{escape(lang, quote=True)}"><head><meta charset="utf-8">'
            f"<title>{escape(t('watchdog_title', lang))}</title></head><body>"
            f'<script type="application/json" id="atlas-watchdog-settings">{settings}</script>'
            f'<script src="{client.WATCHDOG_SRC}"></script></body></html>')


def bounds_around(frame: gpd.GeoDataFrame, feature_id: str, pad_deg: float) -> list[list[float]] | None:
    """[[south, west], [north, east]] around one placed feature of ``frame`` (None if it is not there)."""
    if frame.empty or "id" not in frame:
        return None
    rows = frame[frame["id"] == feature_id]
    if rows.empty or rows.geometry.iloc[0] is None or rows.geometry.iloc[0].is_empty:
        return None
    west, south, east, north = rows.geometry.iloc[0].bounds
    return [[round(south - pad_deg, 4), round(west - pad_deg, 4)], [round(north + pad_deg, 4), round(east + pad_deg, 4)]]


def standalone_html(base: folium.Map, layer: folium.FeatureGroup, title: str) -> str:
    """One self-contained HTML page of a map as it is now: a base map built with ``embedded=True``
    (client and catalog inside it) with the day's layer in it.

    The page still loads Leaflet and the tiles from the internet when opened; everything else
    (features, popups, icons, legend) is inside the file.
    """
    base.add_child(layer)
    base.get_root().title = title
    return base.get_root().render()
