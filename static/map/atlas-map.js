/*
 * The atlas's map client: draws a day's packed layer into a Leaflet map.
 *
 * The server (atlas/map/packing.py) produces the formats read here:
 *  - a packed layer {l: axis lines, a: arrowheads, m: markers, f: other features, d: ISO day}
 *    whose markers name their place in the page's catalog (see atlas/map/catalog.py);
 *  - a step table {key, days, rows, steps}: every date of the page's slider, rows shared by
 *    several dates stored once.
 * tests/fixtures/client_formats.json holds one example of each, written by the Python producer;
 * tests/js/atlas-map.test.js reads it back here.
 *
 * Popup text comes through popups.js: inline in the catalog, or fetched when the popup opens.
 * Nothing in this file knows Streamlit's page: that is streamlit-adapter.js's job. In the browser
 * this file defines window.AtlasMap; under Node it is a CommonJS module (for the unit tests).
 */
(function (root, factory) {
  'use strict';
  const node = typeof module === 'object' && module.exports;
  // popups.js and paint.js are loaded before this file (atlas/map/client.py, SCRIPTS)
  const api = node ? factory(require('./popups.js'), require('./paint.js')) : factory(root.AtlasPopups, root.AtlasPaint);
  if (node) {
    module.exports = api;
  } else {
    root.AtlasMap = api;
  }
})(typeof self !== 'undefined' ? self : this, function (AtlasPopups, paint) {
  'use strict';

  const GROUPS = ['l', 'a', 'm', 'f'];
  const EMPTY_CATALOG = { popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: {}, labels: [] };

  /** The GeoJSON features of a packed layer (markers are placed from the catalog's places). */
  function features(packed, places, arrowSize) {
    const out = [];
    (packed.l || []).forEach(function (r) {
      out.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: r[2] },
        properties: { id: r[0], kind: 'axis', line: r[1] } });
    });
    (packed.a || []).forEach(function (r) {
      out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [r[1], r[2]] },
        properties: { id: r[0], kind: 'arrow', size: arrowSize, turn: r[3], icon: r[4] } });
    });
    (packed.m || []).forEach(function (r) {
      const place = places[r[0]];
      if (!place) { return; } // not in this catalog: nothing to place it with
      const p = { id: r[0], kind: place.kind, icon: r[1] };
      if (place.shift) { p.shift = place.shift; }
      if (r.length > 2) { p.ring = r[2]; p.color = r[3]; }
      out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: place.c }, properties: p });
    });
    return out.concat(packed.f || []);
  }

  /** The packed layer of one ISO day from a step table, or null if the day is not one of its steps. */
  function stepLayer(table, day) {
    const at = table ? table.days.indexOf(day) : -1;
    if (at < 0) { return null; }
    const packed = { l: [], a: [], m: [], f: [], d: day };
    table.steps[at].forEach(function (n) {
      const row = table.rows[n];
      packed[row[0]].push(row[1]);
    });
    return packed;
  }

  /**
   * What to keep, add and remove to go from the features drawn (keyed by their JSON) to `next`.
   * A feature drawn exactly so is kept, so an open popup stays open across dates.
   */
  function diff(drawnKeys, next) {
    const drawn = new Set(drawnKeys);
    const seen = new Set();
    const keep = [];
    const add = [];
    next.forEach(function (f) {
      const key = JSON.stringify(f);
      if (seen.has(key)) { return; }
      seen.add(key);
      if (drawn.has(key)) { keep.push(key); } else { add.push({ key: key, feature: f }); }
    });
    const remove = drawnKeys.filter(function (key) { return !seen.has(key); });
    return { keep: keep, add: add, remove: remove };
  }

  /** The neighbouring index of `position` in a list of `count` steps (for keys and Play). */
  function stepIndex(position, count, move) {
    if (count <= 0) { return -1; }
    if (move === 'first') { return 0; }
    if (move === 'last') { return count - 1; }
    return Math.min(count - 1, Math.max(0, position + move));
  }

  /**
   * A Leaflet marker (with its accuracy ring) for a point feature, drawn from the catalog. `look`:
   * {focus: the id of the place named in the link (ringed), ghost: true for the compared date}.
   */
  function pointToLayer(L, catalogOf, look) {
    const seen = look || {};
    const Icon = paint.iconClass(L); // L.divIcon's, its markup parsed once per icon
    const Marker = paint.markerClass(L); // L.marker's, placed without a layer of its own
    function iconOf(feature) { // also draw's, for a marker that keeps its element (setIcon)
      const p = feature.properties;
      const shift = p.shift || [0, 0]; // pixels, so markers sharing a place stay clickable
      const catalog = catalogOf();
      let svg = catalog.icons[p.icon] || p.svg || '';
      const size = catalog.sizes[p.icon] || p.size || 16;
      if (p.turn) { svg = '<div style="transform:rotate(' + Number(p.turn) + 'deg)">' + svg + '</div>'; }
      const focused = seen.focus && p.id === seen.focus ? ' atlas-focus' : '';
      return new Icon({ html: svg, className: 'atlas-icon atlas-' + p.kind + focused + (seen.ghost ? ' atlas-ghost' : ''),
        iconSize: [size, size], iconAnchor: [size / 2 - shift[0], size / 2 - shift[1]] });
    }
    function toLayer(feature, latlng) {
      const p = feature.properties;
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
    toLayer.icon = iconOf;
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

  /** The text of the big date: the catalog's label for the day, or the day itself. */
  function dateText(catalog, day) {
    return (catalog.dates && catalog.dates[day]) || day || '';
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

  function now() { return performance.timeOrigin + performance.now(); }

  /**
   * Attach the client to a Leaflet map. `source` supplies the page's data:
   *   catalog() -> the catalog or null while it has not arrived,
   *   steps() -> {table, version} or null, sliderDay(table) -> ISO day the slider shows or null,
   *   followSlider(callback) -> calls back when the page's slider moves.
   * Returns {apply(packed), whenCatalog(callback)}; window.atlasApplied says which day was drawn
   * last, when, and when the frame that shows it was painted (the benchmark's "map updated").
   */
  function attach(L, map, source, options) {
    const arrowSize = options.arrowSize;
    let catalog = null;
    function catalogOf() {
      if (!catalog) { catalog = source.catalog(); }
      return catalog || EMPTY_CATALOG;
    }
    const layerOptions = { pointToLayer: pointToLayer(L, catalogOf, { focus: options.focus }), style: lineStyle(catalogOf) };
    const ghostOptions = { pointToLayer: pointToLayer(L, catalogOf, { ghost: true }), style: lineStyle(catalogOf, true),
      interactive: false };
    const popups = AtlasPopups.loader(options.fetchJson);
    const onEach = bindPopup(catalogOf, popups);
    const ghost = L.geoJson(null, ghostOptions).addTo(map); // the compared date, under the main one
    const state = { group: L.geoJson(null, layerOptions).addTo(map), drawn: {}, day: null, version: null,
      compare: null, compareVersion: null, listeners: [] };
    const bigDate = addDateControl(L, map);

    function when(ready, callback) {
      let tries = 0;
      function wait() {
        if (ready()) { callback(); } else if (++tries < 600) { setTimeout(wait, 50); }
      }
      setTimeout(wait, 0); // never inside the map's own script, which must run to its end
    }
    function whenCatalog(callback) { when(function () { catalogOf(); return !!catalog; }, callback); }

    function draw(packed, version) {
      const next = features(packed, catalogOf().places || {}, arrowSize);
      const change = paint.reuse(diff(Object.keys(state.drawn), next),
        function (key) { return state.drawn[key].feature; });
      const drawn = {};
      change.keep.forEach(function (key) { drawn[key] = state.drawn[key]; });
      change.remove.forEach(function (key) { state.group.removeLayer(state.drawn[key]); });
      change.add.forEach(function (item) {
        if (item.from !== undefined) { // only its icon changed: the same element, refilled
          const marker = drawn[item.key] = state.drawn[item.from];
          marker.feature = item.feature;
          marker.setIcon(layerOptions.pointToLayer.icon(item.feature));
          const element = marker.getElement();
          if (element && element.parentNode) { element.parentNode.appendChild(element); } // last, as if added anew
          return;
        }
        const layer = L.GeoJSON.geometryToLayer(item.feature, layerOptions);
        layer.feature = item.feature;
        layer.defaultOptions = layer.options;
        state.group.resetStyle(layer);
        onEach(item.feature, layer);
        state.group.addLayer(layer);
        drawn[item.key] = layer;
      });
      state.drawn = drawn;
      state.day = packed.d || '';
      state.version = version;
      bigDate.textContent = dateText(catalogOf(), state.day); // in the same frame as the layer
      state.listeners.forEach(function (listener) { listener(state.day); });
      const count = window.atlasApplied ? window.atlasApplied.count : 0;
      const applied = window.atlasApplied = { day: state.day, count: count + 1, at: now() };
      requestAnimationFrame(function () { setTimeout(function () { applied.painted = now(); }, 0); });
      if (options.onDraw) { options.onDraw(state.day); }
    }

    // The compared date (?compare=): drawn faint under the main layer, from the step table when the
    // page has it, else from the packed layer the server sent with the day ("g").
    function drawGhost(packed) {
      const steps = packed.c ? source.steps() : null;
      const layer = packed.g || (steps ? stepLayer(steps.table, packed.c) : null);
      const key = packed.c ? packed.c + '@' + (packed.g ? 'sent' : steps ? steps.version : '') : null;
      if (key === state.compare) { return; }
      ghost.clearLayers();
      state.compare = key;
      if (!layer) { return; }
      features(layer, catalogOf().places || {}, arrowSize).forEach(function (f) {
        if (f.properties.kind !== 'arrow') { ghost.addData(f); }
      });
    }

    function apply(packed) {
      state.pending = packed;
      function ready() { return !!catalogOf() && !!catalog && (!state.pending.r || !!source.steps()); }
      if (!ready()) { // the catalog (or the step table) has not arrived: draw the latest day when it has
        if (!state.waiting) {
          state.waiting = true;
          when(ready, function () { state.waiting = false; apply(state.pending); });
        }
        return state.group;
      }
      if (packed.r) {
        // A date named by the server: if keys were pressed quickly, the slider already points
        // further on, and that is the date to show (its own step is on its way).
        const steps = source.steps();
        const day = source.sliderDay(steps.table) || packed.d;
        drawGhost(packed);
        if (day === state.day && steps.version === state.version) { return state.group; } // drawn already
        const layer = stepLayer(steps.table, day) || stepLayer(steps.table, packed.d);
        if (layer) { draw(layer, steps.version); }
        return state.group;
      }
      draw(packed, null);
      drawGhost(packed);
      return state.group;
    }

    // Redraw the moment the slider moves (keys, dragging, Play), from the step table: the
    // server's step that follows names the same date and finds it drawn.
    source.followSlider(function () {
      if (!state.day) { return; }
      const steps = source.steps();
      const day = steps ? source.sliderDay(steps.table) : null;
      if (day && day !== state.day) { apply({ d: day, r: 1 }); }
    });

    /** Call `listener(day)` whenever a day is drawn (now, if one is drawn already). */
    function onDay(listener) {
      state.listeners.push(listener);
      if (state.day) { listener(state.day); }
    }

    return { apply: apply, whenCatalog: whenCatalog, catalog: catalogOf, state: state, onDay: onDay, popups: popups };
  }

  /** The big date on the map, readable from the back of a classroom; a polite live region, so a
   * screen reader hears each new date. */
  function addDateControl(L, map) {
    const control = L.control({ position: 'topleft' });
    const box = L.DomUtil.create('div', 'atlas-date');
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    control.onAdd = function () { return box; };
    control.addTo(map);
    return box;
  }

  /** Names of the key places, always shown, thinned by zoom: a label of rank r shows from zoom
   * `rankZoom[r]` on, so the map never piles names up. */
  function addLabels(L, map, client) {
    const rankZoom = { 1: 0, 2: 5, 3: 6 };
    const group = L.layerGroup().addTo(map);
    function show() {
      group.clearLayers();
      const zoom = map.getZoom();
      (client.catalog().labels || []).forEach(function (label) {
        if (zoom < (label.r in rankZoom ? rankZoom[label.r] : 7)) { return; }
        const icon = L.divIcon({ className: 'atlas-label', html: '', iconSize: null, iconAnchor: [-6, 14] });
        const marker = L.marker([label.c[1], label.c[0]], { icon: icon, interactive: false, keyboard: false,
          zIndexOffset: -1000 });
        marker.on('add', function () { marker.getElement().textContent = label.n; });
        group.addLayer(marker);
      });
    }
    client.whenCatalog(function () { show(); map.on('zoomend', show); });
  }

  /** A button on the map that turns the presenter view on and off (`presenter` from the adapter);
   * the key F does the same, also when the map itself has the focus. */
  function addPresenterButton(L, map, presenter, client) {
    const control = L.control({ position: 'topright' });
    control.onAdd = function () {
      const button = L.DomUtil.create('button', 'atlas-present');
      button.type = 'button';
      button.innerHTML = '<svg viewBox="0 0 20 20" aria-hidden="true"><path d="M2 7V2h5M13 2h5v5M18 13v5h-5M7 18H2v-5" ' +
        'fill="none" stroke="currentColor" stroke-width="2.2"/></svg>';
      L.DomEvent.disableClickPropagation(button);
      L.DomEvent.on(button, 'click', function () { presenter.toggle(); });
      client.whenCatalog(function () {
        const text = (client.catalog().ui || {}).present || 'Presenter view (F)';
        button.title = text;
        button.setAttribute('aria-label', text);
      });
      return button;
    };
    control.addTo(map);
    map.getContainer().ownerDocument.addEventListener('keydown', presenter.onKey);
  }

  /** Whether an overlay shows on `day`: from its first to its last day ("" = open). */
  function overlayShown(item, day) {
    return (!item.s || item.s <= day) && (!item.e || day <= item.e);
  }

  // the same colours as atlas/map/overlays.py's POLITY_FILL (the legend's)
  const POLITY_FILL = { japan: '#CC79A7', soviet: '#56B4E9', us: '#009E73', china: '#F0E442', other: '#999999' };

  /**
   * The static overlays of the catalog, under the dated layer: the polities of 1945 (filled, with
   * their names, each only on its own days), their boundary segments (dashed where reconstructed
   * from a description) and the railways (dashed while being built). Switched on and off in a layer
   * control of their own.
   */
  function addOverlays(L, map, client) {
    client.whenCatalog(function () {
      const items = client.catalog().overlays || [];
      if (!items.length) { return; }
      map.createPane('atlas-polities').style.zIndex = 250;
      map.createPane('atlas-lines').style.zIndex = 390;
      const borders = L.layerGroup();
      const railways = L.layerGroup();
      const drawn = items.map(function (item) {
        let layer;
        if (item.k === 'polity') {
          layer = L.layerGroup([
            L.geoJSON(item.g, { pane: 'atlas-polities', interactive: false,
              style: { stroke: false, fillColor: POLITY_FILL[item.c] || '#999999', fillOpacity: 0.14 } }),
            L.marker([item.p[1], item.p[0]], { pane: 'atlas-polities', interactive: false, keyboard: false,
              icon: L.divIcon({ className: 'atlas-polity-name', html: '', iconSize: null }) })
              .on('add', function (event) { event.target.getElement().textContent = item.n; })
          ]);
          borders.addLayer(layer);
        } else {
          const railway = item.k === 'railway';
          layer = L.geoJSON(item.g, { pane: 'atlas-lines', style: { color: railway ? '#1a1a1a' : '#555555',
            weight: railway ? 2.5 : 1.8, opacity: 0.8, dashArray: item.c === 'described' ? '7 5' : null } });
          bindPopup(client.catalog, client.popups)({ properties: { id: item.id }, geometry: { type: 'LineString' } }, layer);
          (railway ? railways : borders).addLayer(layer);
        }
        return { item: item, layer: layer, group: item.k === 'railway' ? railways : borders };
      });
      function update(day) {
        drawn.forEach(function (entry) {
          const show = entry.item.k !== 'polity' || overlayShown(entry.item, day);
          if (show && !entry.group.hasLayer(entry.layer)) { entry.group.addLayer(entry.layer); }
          if (!show && entry.group.hasLayer(entry.layer)) { entry.group.removeLayer(entry.layer); }
          const dash = entry.item.e && day < entry.item.e ? '2 6' : null;
          if (entry.item.k === 'railway' && entry.dash !== dash) { // dashed while it was being built
            entry.dash = dash;
            entry.layer.setStyle({ dashArray: dash });
          }
        });
      }
      // The polities' names only from zoom 5 on: at the first view of the whole theatre they would
      // cover the markers (the colours and the legend name them there).
      function names() {
        map.getContainer().classList.toggle('atlas-polity-names-hidden', map.getZoom() < 5);
      }
      map.on('zoomend', names);
      names();
      borders.addTo(map);
      railways.addTo(map);
      const ui = client.catalog().ui || {};
      const named = {};
      if (drawn.some(function (entry) { return entry.group === borders; })) { named[ui.overlay_borders || '1945'] = borders; }
      if (drawn.some(function (entry) { return entry.group === railways; })) { named[ui.overlay_railways || 'Railways'] = railways; }
      L.control.layers(null, named, { collapsed: true, position: 'topright' }).addTo(map);
      client.onDay(update);
    });
  }

  /**
   * The map's own basemap (Natural Earth land, lakes and rivers, public domain): under the tiles
   * when they load, alone when they do not or when "Offline (no tiles)" is chosen. Read from the
   * app (`basemapUrl`, cached by the browser, never resent by a step) or from the page itself
   * (`basemapData`, a standalone page).
   */
  function addBasemap(L, map, options) {
    const pane = map.createPane('atlas-basemap');
    pane.style.zIndex = 150; // under the tiles (200)
    pane.style.pointerEvents = 'none';
    const styles = {
      'land.geojson': { stroke: true, color: '#b9b4a8', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
      'lakes.geojson': { stroke: false, fillColor: '#c9dceb', fillOpacity: 1 },
      'rivers.geojson': { color: '#8fb2cf', weight: 1.3, fill: false }
    };
    const order = ['land.geojson', 'lakes.geojson', 'rivers.geojson'];
    const layers = {};
    function draw(name, data) {
      layers[name] = L.geoJSON(data, { pane: 'atlas-basemap', interactive: false, style: styles[name] });
      order.forEach(function (key) { if (layers[key]) { layers[key].remove(); layers[key].addTo(map); } });
    }
    if (options.basemapData) {
      order.forEach(function (name) { if (options.basemapData[name]) { draw(name, options.basemapData[name]); } });
    } else if (options.basemapUrl && window.fetch) {
      (options.basemapFiles || order).forEach(function (name) {
        fetch(options.basemapUrl + name).then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) { if (data) { draw(name, data); } })
          .catch(function () { /* no basemap: the tiles, or the plain sea colour */ });
      });
    }
  }

  /** The data source of a standalone page (the HTML export): the catalog is in the page itself. */
  function embeddedSource(catalog) {
    return { catalog: function () { return catalog; }, steps: function () { return null; },
      sliderDay: function () { return null; }, followSlider: function () {} };
  }

  /** The legend control, added when the catalog (which carries its HTML) has arrived. */
  function addLegend(L, map, client) {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = function () {
      const div = L.DomUtil.create('div', 'atlas-legend');
      div.innerHTML = client.catalog().legend; // our own HTML, built and escaped by atlas/map/legend.py
      // Open on wide maps (projector, desktop); folded on narrow ones so it hides nothing.
      const details = div.querySelector('details');
      if (details) { details.open = map.getSize().x >= 1000; }
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    client.whenCatalog(function () { legend.addTo(map); });
  }

  return { GROUPS: GROUPS, EMPTY_CATALOG: EMPTY_CATALOG, features: features, stepLayer: stepLayer, diff: diff,
    stepIndex: stepIndex, pointToLayer: pointToLayer, lineStyle: lineStyle, bindPopup: bindPopup, attach: attach,
    embeddedSource: embeddedSource, addLegend: addLegend, addLabels: addLabels, dateText: dateText,
    addPresenterButton: addPresenterButton, addOverlays: addOverlays, overlayShown: overlayShown,
    addBasemap: addBasemap };
});
