"""Folium objects: a constant base map (with legend) and the date-dependent feature layer.

The base map must be identical on every rerun for a given language, so that streamlit-folium keeps
the same iframe and the user's zoom; everything that depends on the date goes into the layer
built by :func:`feature_layer` (passed as ``feature_group_to_add``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape
from typing import Any

import folium
import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode

from atlas.i18n import t
from atlas.popups import clean_properties, popup_html, text, tooltip_html
from atlas.timeline import split_placed

LEAFLET_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"

# Okabe-Ito colour-blind-safe palette; each front also has its own marker shape (greyscale-safe).
FRONT_STYLE: dict[str, tuple[str, str]] = {
    "transbaikal": ("#E69F00", "circle"),
    "far_eastern_1": ("#0072B2", "square"),
    "far_eastern_2": ("#009E73", "triangle"),
}
NEUTRAL_STYLE = ("#555555", "diamond")
KIND_SIZE = {"start_area": 16, "objective": 22, "event": 16}
HOLLOW_CERTAINTIES = frozenset({"uncertain", "disputed"})
RING_PRECISIONS = frozenset({"region", "estimated"})
# Tile providers that need no API key; the attribution comes with each provider (xyzservices).
BASEMAPS = (("Esri.WorldGrayCanvas", "Light grey (Esri)"), ("OpenStreetMap.Mapnik", "OpenStreetMap"))
VIEW_BOUNDS = [[37.5, 112.0], [53.5, 136.0]]  # south-west, north-east (lat, lon): Manchuria and its borders

POINT_TO_LAYER = JsCode(
    """function(feature, latlng) {
    var p = feature.properties;
    var icon = L.divIcon({html: p.icon, className: 'atlas-icon atlas-' + p.kind,
                          iconSize: [p.size, p.size], iconAnchor: [p.size / 2, p.size / 2]});
    var marker = L.marker(latlng, {icon: icon, title: p.title, alt: p.title, riseOnHover: true});
    if (!p.ring) { return marker; }
    var ring = L.circle(latlng, {radius: p.ring, color: p.color, weight: 1.5, dashArray: '6 6',
                                 fillOpacity: 0.06, interactive: false, className: 'atlas-ring'});
    return L.featureGroup([ring, marker]);
}"""
)
# Popups live in the base map (window.atlasPopups, one entry per feature id), so a slider step
# only sends ids and styles, not every popup again.
ON_EACH_FEATURE = JsCode(
    """function(feature, layer) {
    var entry = (window.atlasPopups || {})[feature.properties.id];
    if (!entry) { return; }
    layer.bindPopup(entry.popup, {maxWidth: 340});
    layer.bindTooltip(entry.tooltip, {direction: 'top', offset: [0, -8]});
}"""
)


class AtlasMap(folium.Map):
    """A folium Map that loads only Leaflet: no jQuery, Bootstrap or icon fonts are used."""

    default_js = [("leaflet", LEAFLET_JS)]
    default_css = [("leaflet_css", LEAFLET_CSS)]


def marker_svg(shape: str, color: str, filled: bool, size: int, under_way: bool = False) -> str:
    """An inline SVG marker. Only vocabulary values and numbers go in here, never data text."""
    fill = color if filled else "#ffffff"
    opacity = "0.55" if under_way else "1"
    s, m = size, size / 2
    body = {
        "circle": f'<circle cx="{m}" cy="{m}" r="{m - 2}"/>',
        "square": f'<rect x="2" y="2" width="{s - 4}" height="{s - 4}"/>',
        "triangle": f'<polygon points="{m},2 {s - 2},{s - 2} 2,{s - 2}"/>',
        "diamond": f'<polygon points="{m},1 {s - 1},{m} {m},{s - 1} 1,{m}"/>',
    }[shape]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{s}" height="{s}" viewBox="0 0 {s} {s}" '
        f'aria-hidden="true"><g fill="{fill}" fill-opacity="{opacity}" stroke="{color}" '
        f'stroke-width="2.5">{body}</g></svg>'
    )


def feature_style(props: Mapping[str, Any], phase: str) -> dict[str, Any]:
    """Colour, shape, fill and uncertainty ring of one feature on one date."""
    color, shape = FRONT_STYLE.get(str(props.get("front")), NEUTRAL_STYLE)
    size = KIND_SIZE.get(str(props.get("kind")), 16)
    filled = props.get("date_certainty") not in HOLLOW_CERTAINTIES
    ring_km = props.get("accuracy_km") if props.get("location_precision") in RING_PRECISIONS else None
    return {
        "color": color,
        "size": size,
        "icon": marker_svg(shape, color, filled, size, under_way=phase == "under_way"),
        "ring": round(float(ring_km) * 1000) if ring_km else 0,
    }


def popup_catalog(frame: gpd.GeoDataFrame, lang: str, sources: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Escaped popup and tooltip HTML for every feature of a frame, keyed by id."""
    return {
        str(row["id"]): {"popup": popup_html(props, lang, sources), "tooltip": tooltip_html(props, lang)}
        for _, row in frame.iterrows()
        for props in [clean_properties(row)]
    }


def layer_geojson(frame: gpd.GeoDataFrame, lang: str) -> dict[str, Any]:
    """The visible features as a slim FeatureCollection: geometry plus what the browser draws."""
    placed, _ = split_placed(frame)
    features = []
    for _, row in placed.iterrows():
        props = clean_properties(row)
        name = text(props, "name", lang)
        features.append({
            "type": "Feature",
            "geometry": row.geometry.__geo_interface__,
            "properties": {
                "id": props["id"],
                "kind": props["kind"],
                "title": name,
                **feature_style(props, str(row.get("phase", "done"))),
            },
        })
    return {"type": "FeatureCollection", "features": features}


def feature_layer(frame: gpd.GeoDataFrame, day: dt.date, lang: str) -> folium.FeatureGroup:
    """The date-dependent layer: one GeoJson of the features visible on ``day``."""
    group = folium.FeatureGroup(name=f"atlas-{day.isoformat()}")
    folium.GeoJson(
        layer_geojson(frame, lang),
        name="features",
        on_each_feature=ON_EACH_FEATURE,
        pointToLayer=POINT_TO_LAYER,
    ).add_to(group)
    return group


class PopupCatalog(MacroElement):
    """Defines ``window.atlasPopups`` in the map's iframe (read by :data:`ON_EACH_FEATURE`)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        window.atlasPopups = {{ this.catalog|tojson }};
        {% endmacro %}
        """
    )

    def __init__(self, catalog: dict[str, dict[str, str]]) -> None:
        super().__init__()
        self._name = "PopupCatalog"
        self.catalog = catalog


class Legend(MacroElement):
    """A static legend control (bottom-right) holding pre-escaped HTML."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: 'bottomright'});
            legend.onAdd = function() {
                var div = L.DomUtil.create('div', 'atlas-legend');
                div.innerHTML = {{ this.html|tojson }};
                // Open on wide maps (projector, desktop); folded on narrow ones so it hides nothing.
                div.querySelector('details').open = {{ this._parent.get_name() }}.getSize().x >= 1000;
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = html


LEGEND_CSS = """<style>
.atlas-legend{background:rgba(255,255,255,.94);padding:6px 10px;border-radius:6px;font:13px/1.35 system-ui,sans-serif;
 color:#1a1a1a;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:250px}
.atlas-legend summary{font-weight:600;cursor:pointer}
.atlas-legend ul{list-style:none;margin:4px 0;padding:0}.atlas-legend li{display:flex;gap:6px;align-items:center;margin:2px 0}
.atlas-legend h5{margin:6px 0 2px;font-size:12px}.atlas-legend small{color:#444}
.atlas-icon{background:none;border:none}.atlas-icon svg{pointer-events:none;display:block}
.atlas-popup h4{margin:0 0 4px;font-size:15px}.atlas-popup table{border-collapse:collapse;font-size:12px}
.atlas-popup th{text-align:left;padding:2px 6px 2px 0;vertical-align:top;color:#333}.atlas-popup td{padding:2px 0}
.atlas-popup ul{padding-left:16px;margin:2px 0;font-size:12px}.atlas-other-names{color:#333;margin:0 0 4px}
</style>"""


def legend_html(lang: str) -> str:
    """The legend's HTML: fronts by colour and shape, kinds, fill and ring conventions."""
    def item(svg: str, label: str) -> str:
        return f"<li>{svg}<span>{escape(label)}</span></li>"

    fronts = "".join(item(marker_svg(shape, color, True, 16), t(f"front_{name}", lang))
                     for name, (color, shape) in FRONT_STYLE.items())
    grey, shape = NEUTRAL_STYLE[0], FRONT_STYLE["transbaikal"][1]
    kinds = "".join([
        item(marker_svg(shape, grey, True, KIND_SIZE["start_area"]), t("kind_start_area", lang)),
        item(marker_svg(shape, grey, True, KIND_SIZE["objective"]), t("kind_objective", lang)),
        item(marker_svg(shape, grey, True, 16), t("legend_filled", lang)),
        item(marker_svg(shape, grey, False, 16), t("legend_hollow", lang)),
        item('<svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" '
             'stroke="#555" stroke-dasharray="3 2"/></svg>', t("legend_ring", lang)),
    ])
    return (
        f'<details><summary>{escape(t("legend_title", lang))}</summary>'
        f'<h5>{escape(t("legend_fronts", lang))}</h5><ul>{fronts}</ul>'
        f'<h5>{escape(t("legend_kinds", lang))}</h5><ul>{kinds}</ul>'
        f'<small>{escape(t("legend_basemap", lang))}</small></details>'
    )


def base_map(lang: str, catalog: dict[str, dict[str, str]] | None = None) -> AtlasMap:
    """The base map for a language. Same inputs, same JS: never depends on the date.

    ``catalog`` is :func:`popup_catalog` of all features (not only the visible ones).
    """
    m = AtlasMap(location=[46.0, 124.0], zoom_start=5, tiles=None, control_scale=True, min_zoom=3, max_zoom=12)
    for index, (provider, label) in enumerate(BASEMAPS):
        folium.TileLayer(provider, name=label, show=index == 0).add_to(m)
    folium.LayerControl(position="topright", collapsed=True).add_to(m)
    m.fit_bounds(VIEW_BOUNDS)
    m.get_root().header.add_child(folium.Element(LEGEND_CSS))
    m.add_child(Legend(legend_html(lang)))
    m.add_child(PopupCatalog(catalog or {}))
    return m
