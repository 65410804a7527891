/*
 * The map's symbols, drawn from the page's catalog: a point feature's marker (its icon, and its
 * accuracy ring), an axis's arrowhead (a path), a line's style, the big date's text, and the popup
 * and tooltip bound to each (their text looked up when opened, through popups.js). Used by atlas-map.js (the dated layer)
 * and controls.js (the overlays' lines). In the browser this file defines window.AtlasSymbols;
 * under Node it is a CommonJS module; atlas-map.js re-exports it (tests/js/atlas-map.test.js).
 */
(function (root, factory) {
  'use strict';
  const node = typeof module === 'object' && module.exports;
  // popups.js and paint.js are loaded before this file (atlas/map/client.py, SCRIPTS)
  const api = node ? factory(require('./popups.js'), require('./paint.js')) : factory(root.AtlasPopups, root.AtlasPaint);
  if (node) {
    module.exports = api;
  } else {
    root.AtlasSymbols = api;
  }
})(typeof self !== 'undefined' ? self : this, function (AtlasPopups, paint) {
  'use strict';

  const ARROW_PANE = 'atlas-arrows'; // above the axes (overlayPane, 400), under the places (markerPane, 600)
  const SHAPES = new Map(); // an arrowhead icon's markup -> its shape

  /**
   * The shape of an arrowhead icon (atlas/map/symbology.py's arrow_svg: one polygon in a square
   * box, pointing north, turned about the box's centre): its corners in pixels from the centre, its
   * colour and opacity; null for markup of another form.
   */
  function arrowShape(svg) {
    if (SHAPES.has(svg)) { return SHAPES.get(svg); }
    const read = function (name) { const m = new RegExp('\\s' + name + '="([^"]*)"').exec(svg); return m ? m[1] : null; };
    const box = Number(read('width'));
    const corners = (read('points') || '').trim().split(/\s+/).map(function (pair) { return pair.split(',').map(Number); });
    const ok = box > 0 && corners.length >= 3 && corners.every(function (c) { return c.length === 2 && c.every(isFinite); });
    const shape = ok ? { corners: corners.map(function (c) { return [c[0] - box / 2, c[1] - box / 2]; }),
      color: read('fill') || '#555555', opacity: Number(read('opacity') || 1), radius: box / 2 } : null;
    SHAPES.set(svg, shape);
    return shape;
  }

  /**
   * An arrowhead drawn as one path in its pane's SVG, turned by `turn` degrees clockwise. Measured
   * at ten times the data: as a marker of its own (an element holding an <svg>), the 150 arrowheads
   * that move on each step took 4-9 ms of a 24-27 ms step (docs/benchmarks.md, runs 15 and 16).
   * One class per Leaflet.
   */
  function arrowClass(L) {
    if (L.__atlasArrow) { return L.__atlasArrow; }
    L.__atlasArrow = L.CircleMarker.extend({
      atlasArrow: true,
      /** Take a new shape and turn (an arrowhead that moved with its axis). */
      reshape: function (shape, turn) {
        this.atlasShape = shape;
        this.atlasTurn = turn;
        this.setStyle({ fillColor: shape.color, fillOpacity: shape.opacity, opacity: shape.opacity });
        return this.redraw();
      },
      _updatePath: function () {
        const shape = this.atlasShape;
        if (!this._renderer._setPath || this._empty()) { return L.CircleMarker.prototype._updatePath.call(this); }
        const angle = (Number(this.atlasTurn) || 0) * Math.PI / 180;
        const cos = Math.cos(angle);
        const sin = Math.sin(angle);
        const p = this._point;
        this._renderer._setPath(this, shape.corners.map(function (c, i) {
          return (i ? 'L' : 'M') + (p.x + c[0] * cos - c[1] * sin).toFixed(1) + ' ' + (p.y + c[0] * sin + c[1] * cos).toFixed(1);
        }).join('') + 'Z');
      }
    });
    return L.__atlasArrow;
  }

  /**
   * A Leaflet marker (with its accuracy ring) for a point feature, drawn from the catalog. `look`:
   * {focus: the id of the place named in the link (ringed), ghost: true for the compared date}.
   */
  function pointToLayer(L, catalogOf, look) {
    const seen = look || {};
    const Icon = paint.iconClass(L); // L.divIcon's, its markup parsed once per icon
    const Marker = paint.markerClass(L); // L.marker's, placed without a layer of its own
    const Arrow = arrowClass(L);
    function iconOf(feature) { // also draw's, for a marker that keeps its element (setIcon)
      const p = feature.properties;
      const shift = p.shift || [0, 0]; // pixels, so markers sharing a place stay clickable
      const catalog = catalogOf();
      const svg = catalog.icons[p.icon] || p.svg || '';
      const size = catalog.sizes[p.icon] || p.size || 16;
      const focused = seen.focus && p.id === seen.focus ? ' atlas-focus' : '';
      return new Icon({ html: svg, turn: p.turn || undefined, className: 'atlas-icon atlas-' + p.kind + focused + (seen.ghost ? ' atlas-ghost' : ''),
        iconSize: [size, size], iconAnchor: [size / 2 - shift[0], size / 2 - shift[1]] });
    }
    function shapeOf(feature) { // an arrowhead's (refill's too), or null
      const p = feature.properties;
      return arrowShape(catalogOf().icons[p.icon] || p.svg || '');
    }
    function toLayer(feature, latlng) {
      const p = feature.properties;
      const shape = p.kind === 'arrow' && !seen.ghost ? shapeOf(feature) : null;
      if (shape) {
        return new Arrow(latlng, { pane: ARROW_PANE, radius: shape.radius, color: '#ffffff', weight: 1, fill: true,
          interactive: false, className: 'atlas-icon atlas-arrow' }).reshape(shape, p.turn); // (.atlas-icon: a symbol of the day)
      }
      const title = p.title || (catalogOf().popups[p.id] || {}).title || '';
      const icon = iconOf(feature);
      if (p.kind === 'arrow' || seen.ghost) {
        return new Marker(latlng, { icon: icon, interactive: false, keyboard: false, zIndexOffset: -500 });
      }
      const marker = new Marker(latlng, { icon: icon, title: title, alt: title, riseOnHover: true });
      if (!p.ring) { return marker; }
      const ring = L.circle(latlng, { radius: p.ring, color: p.color, weight: 1.5, dashArray: '6 6',
        fillOpacity: 0.06, interactive: false, className: 'atlas-ring' });
      return L.featureGroup([ring, marker]);
    }
    toLayer.icon = iconOf; // for paint.refill: a kept marker's new icon
    toLayer.shape = shapeOf; // and a kept arrowhead's new shape
    return toLayer;
  }

  /** Path options of a line: its own style, or its line key's style in the catalog (faint and
   * dashed for the compared date). */
  function lineStyle(catalogOf, ghost) {
    return function (feature) {
      const p = feature.properties;
      const style = p.style || catalogOf().lines[p.line] || {};
      return ghost ? Object.assign({}, style, { opacity: 0.35, dashArray: '2 6', interactive: false,
        className: 'atlas-ghost' }) : style;
    };
  }

  /** The text of the big date (and of the frame's title and the announcement, a11y.js): the
   * catalog's label for the day, or the day itself. */
  function dateText(catalog, day) {
    return ((catalog && catalog.dates) || {})[day] || day || '';
  }

  /** Popup and tooltip, looked up when opened: the text is always the page's catalog's (its popup
   * text through `popups`, an AtlasPopups.loader: inline, or fetched, then shown). */
  function bindPopup(catalogOf, popups) {
    const texts = popups || AtlasPopups.loader();
    return function (feature, layer) {
      const id = feature.properties.id;
      // On a phone the map is about 360 px wide: the popup fits inside it, clear of the zoom buttons
      // (top left) and the switchers and presenter button (top right, to about 160 px) when it pans.
      const width = (typeof window !== 'undefined' && window.innerWidth) || 800;
      const height = (typeof window !== 'undefined' && window.innerHeight) || 600;
      layer.bindPopup(function () {
        return texts.content(catalogOf(), id, function () { AtlasPopups.refresh(layer.getPopup()); });
      },
        { maxWidth: Math.min(340, width - 120), minWidth: Math.min(200, width - 120),
          maxHeight: Math.min(380, height - 220), autoPanPaddingTopLeft: [10, 165], autoPanPaddingBottomRight: [10, 20],
          className: 'atlas-popup-frame' });
      layer.bindTooltip(function () { return (catalogOf().popups[id] || {}).tooltip || ''; },
        feature.geometry.type === 'Point' ? { direction: 'top', offset: [0, -8] } : { sticky: true });
    };
  }

  return { pointToLayer: pointToLayer, lineStyle: lineStyle, dateText: dateText, bindPopup: bindPopup, ARROW_PANE: ARROW_PANE };
});
