/*
 * The map's controls and static layers, each added once the page's catalog has arrived: the
 * names of key places (thinned by zoom), the presenter button, the overlays of 1945 (polities by
 * date, boundaries, railways; in the map's one layer control, with the basemaps), the map's own
 * basemap and the legend.
 * In the browser this file defines window.AtlasControls; under Node it is a CommonJS module;
 * atlas-map.js re-exports it (tests/js/atlas-map.test.js).
 */
(function (root, factory) {
  'use strict';
  const node = typeof module === 'object' && module.exports;
  // popups.js, paint.js and symbols.js are loaded before this file (atlas/map/client.py, SCRIPTS)
  const api = node ? factory(require('./popups.js'), require('./paint.js'), require('./symbols.js'))
    : factory(root.AtlasPopups, root.AtlasPaint, root.AtlasSymbols);
  if (node) {
    module.exports = api;
  } else {
    root.AtlasControls = api;
  }
})(typeof self !== 'undefined' ? self : this, function (popups, paint, symbols) {
  'use strict';

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

  /** Whether an overlay shows on `day`: from its first to its last day ("" = open). */
  function overlayShown(item, day) {
    return (!item.s || item.s <= day) && (!item.e || day <= item.e);
  }

  // the same colours as atlas/map/overlays.py's POLITY_FILL (the legend's)
  const POLITY_FILL = { japan: '#CC79A7', soviet: '#56B4E9', us: '#009E73', china: '#F0E442', other: '#999999' };

  /**
   * The static overlays of the catalog, under the dated layer: the polities of 1945 (filled, with
   * their names, each only on its own days), their boundary segments (dashed where reconstructed
   * from a description) and the railways (dashed while being built). Switched on and off in the
   * map's layer control `layers` (the page's one, with the basemaps: one button, not two), or in one
   * of their own when there is none.
   */
  function addOverlays(L, map, client, layers) {
    const win = map.getContainer().ownerDocument.defaultView;
    client.whenCatalog(function () {
      const file = client.catalog().overlayFile; // on the app's pages, a file of its own (atlas/map/json_files.py)
      let items = file ? null : client.catalog().overlays || [];
      if (!file && !items.length) { return; }
      // Built once the first date's places are painted, in a task of its own: at ten times the data
      // the overlays took a fifth of a second, and the day's places are what a first look is for.
      // Their file is fetched meanwhile (again on the next date shown, if it did not come).
      let asking = false;
      let started = false;
      let painted = false;
      let built = false;
      function go() {
        if (items && painted && !built) {
          built = true;
          if (items.length) { build(items); }
        }
      }
      function ask() {
        if (items || asking) { return; }
        asking = true;
        (client.fetchJson || popups.fetchJson)(file).then(function (got) {
          asking = false;
          items = Array.isArray(got) ? got : [];
          go();
        }, function () { asking = false; });
      }
      ask();
      const later = paint.afterPaint(win, null);
      client.onDay(function () {
        ask();
        if (started) { return; }
        started = true;
        later(function () { painted = true; go(); });
      });
    });

    function build(items) {
      map.createPane('atlas-polities').style.zIndex = 250;
      map.createPane('atlas-lines').style.zIndex = 390;
      const borders = L.layerGroup();
      const railways = L.layerGroup();
      const drawn = items.map(function (item) {
        const entry = { item: item, group: item.k === 'railway' ? railways : borders, shown: false };
        if (item.k === 'polity') {
          entry.layer = L.layerGroup([
            L.geoJSON(item.g, { pane: 'atlas-polities', interactive: false,
              style: { stroke: false, fillColor: POLITY_FILL[item.c] || '#999999', fillOpacity: 0.14 } }),
            L.marker([item.p[1], item.p[0]], { pane: 'atlas-polities', interactive: false, keyboard: false,
              icon: L.divIcon({ className: 'atlas-polity-name', html: '', iconSize: null }) })
              .on('add', function (event) { event.target.getElement().textContent = item.n; })
          ]).on('add', function () { hide(entry, !entry.shown); }); // (again when the overlay is switched back on)
        } else {
          const railway = item.k === 'railway';
          entry.layer = L.geoJSON(item.g, { pane: 'atlas-lines', style: { color: railway ? '#1a1a1a' : '#555555',
            weight: railway ? 2.5 : 1.8, opacity: 0.8, dashArray: item.c === 'described' ? '7 5' : null } });
          symbols.bindPopup(client.catalog, client.popups)({ properties: { id: item.id }, geometry: { type: 'LineString' } }, entry.layer);
          entry.group.addLayer(entry.layer);
        }
        return entry;
      });
      // A polity is drawn on its first day, or hidden once the page is idle, and then hidden and shown
      // by a class: drawing its areas on a key press cost a step about two milliseconds at ten times the
      // data, where a class costs nothing that shows.
      function hide(entry, off) {
        entry.layer.eachLayer(function (part) {
          (part.getLayers ? part.getLayers() : [part]).forEach(function (piece) {
            const el = piece.getElement && piece.getElement();
            if (el) { el.classList.toggle('atlas-off', off); }
          });
        });
      }
      function update(day) {
        drawn.forEach(function (entry) {
          if (entry.item.k === 'polity') {
            const show = overlayShown(entry.item, day);
            if (show === entry.shown) { return; }
            entry.shown = show;
            if (entry.group.hasLayer(entry.layer)) { hide(entry, !show); } else if (show) { entry.group.addLayer(entry.layer); }
            return;
          }
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
      const control = layers || L.control.layers(null, {}, { collapsed: true, position: 'topright' }).addTo(map);
      Object.keys(named).forEach(function (name) { control.addOverlay(named[name], name); });
      client.onDay(update); // the date drawn now, then every date after it
      paint.afterPaint(map.getContainer().ownerDocument.defaultView)(function () {
        drawn.forEach(function (entry) {
          if (entry.item.k === 'polity' && !entry.group.hasLayer(entry.layer)) { entry.group.addLayer(entry.layer); }
        });
      });
    }
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

  return { addDateControl: addDateControl, addLabels: addLabels, addPresenterButton: addPresenterButton, overlayShown: overlayShown,
    addOverlays: addOverlays, addBasemap: addBasemap, addLegend: addLegend };
});
