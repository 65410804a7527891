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
 * The symbols (markers, line styles, popups) are symbols.js's, the controls and static layers
 * (labels, presenter button, overlays, basemap, legend) controls.js's; AtlasMap re-exports both.
 * Nothing in this file knows Streamlit's page: that is streamlit-adapter.js's job. In the browser
 * this file defines window.AtlasMap; under Node it is a CommonJS module (for the unit tests).
 */
(function (root, factory) {
  'use strict';
  const node = typeof module === 'object' && module.exports;
  // popups.js, paint.js, symbols.js, controls.js, cluster.js and ahead.js are loaded before this file (atlas/map/client.py, SCRIPTS)
  const api = node ? factory(require('./popups.js'), require('./paint.js'), require('./symbols.js'), require('./controls.js'),
    require('./cluster.js'), require('./ahead.js')) : factory(root.AtlasPopups, root.AtlasPaint, root.AtlasSymbols,
    root.AtlasControls, root.AtlasCluster, root.AtlasAhead);
  if (node) {
    module.exports = api;
  } else {
    root.AtlasMap = api;
  }
})(typeof self !== 'undefined' ? self : this, function (AtlasPopups, paint, symbols, controls, cluster, AtlasAhead) {
  'use strict';

  const GROUPS = ['l', 'a', 'm', 'f'];
  const EMPTY_CATALOG = { popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: {}, labels: [] };

  /** The GeoJSON features of a packed layer (markers are placed from the catalog's places). With
   * `memo` (a WeakMap), a row met again (a step table's rows are shared by its dates) gives the same
   * feature object, so its key is not worked out again (paint.keyOf). */
  function features(packed, places, arrowSize, memo) {
    const out = [];
    function add(r, build) {
      let f = memo ? memo.get(r) : undefined;
      if (f === undefined) {
        f = build(r);
        if (memo) { memo.set(r, f); }
      }
      if (f) { out.push(f); }
    }
    (packed.l || []).forEach(function (row) {
      add(row, function (r) {
        return { type: 'Feature', geometry: { type: 'LineString', coordinates: r[2] }, properties: { id: r[0], kind: 'axis', line: r[1] } };
      });
    });
    (packed.a || []).forEach(function (row) {
      add(row, function (r) {
        return { type: 'Feature', geometry: { type: 'Point', coordinates: [r[1], r[2]] },
          properties: { id: r[0], kind: 'arrow', size: arrowSize, turn: r[3], icon: r[4] } };
      });
    });
    (packed.m || []).forEach(function (row) {
      add(row, function (r) {
        const place = places[r[0]];
        if (!place) { return null; } // not in this catalog: nothing to place it with
        const p = { id: r[0], kind: place.kind, icon: r[1] };
        if (place.shift) { p.shift = place.shift; }
        if (r.length > 2) { p.ring = r[2]; p.color = r[3]; }
        return { type: 'Feature', geometry: { type: 'Point', coordinates: place.c }, properties: p };
      });
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

  const diff = AtlasAhead.diff;

  /** The neighbouring index of `position` in a list of `count` steps (for keys and Play). */
  function stepIndex(position, count, move) {
    if (count <= 0) { return -1; }
    if (move === 'first') { return 0; }
    if (move === 'last') { return count - 1; }
    return Math.min(count - 1, Math.max(0, position + move));
  }

  const pointToLayer = symbols.pointToLayer;
  const lineStyle = symbols.lineStyle;
  const bindPopup = symbols.bindPopup;
  const dateText = symbols.dateText;

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
    const memo = new WeakMap(); // row -> feature (features): one catalog per map, so a row's feature never changes
    const bigDate = controls.addDateControl(L, map);
    if (!map.getPane(symbols.ARROW_PANE)) { map.createPane(symbols.ARROW_PANE).style.zIndex = 450; }
    // Dense dates: places drawn in clusters (cluster.js). A date that wants them waits for their script
    // (state.deferred); if it does not come, places drawn one by one move into clusters when it does.
    const clusters = cluster.clusters(L, map, options, function () { return catalogOf().ui || {}; },
      function () { return map.options.zoomAnimation === false; }, function (into) {
        if (into) { // (null: the script did not come)
          const moving = Object.keys(state.drawn).map(function (key) { return state.drawn[key]; })
            .filter(function (layer) { return layer.atlasIn !== into && cluster.clusterable(layer.feature); });
          moving.forEach(function (layer) { state.group.removeLayer(layer); });
          into.addLayers(moving.map(clusters.enter));
        }
        const deferred = state.deferred;
        state.deferred = null;
        if (deferred) { draw(deferred.packed, deferred.version); }
      });

    function when(ready, callback) {
      let tries = 0;
      function wait() {
        if (ready()) { callback(); } else if (++tries < 600) { setTimeout(wait, 50); }
      }
      setTimeout(wait, 0); // never inside the map's own script, which must run to its end
    }
    function whenCatalog(callback) { when(function () { catalogOf(); return !!catalog; }, callback); }

    // What drawing a day over the layers `drawn` changes: worked out here on a key press, or ahead
    // of it while the page is idle (ahead.js), with the layers the step would add built then.
    function plan(packed, drawn) {
      const next = features(packed, catalogOf().places || {}, arrowSize, memo);
      return { next: next, count: cluster.countClusterable(next),
        change: paint.reuse(diff(Object.keys(drawn), next), function (key) { return drawn[key].feature; }) };
    }
    function build(feature) {
      const layer = L.GeoJSON.geometryToLayer(feature, layerOptions);
      layer.feature = feature;
      layer.defaultOptions = layer.options;
      state.group.resetStyle(layer);
      onEach(feature, layer);
      return layer;
    }
    const ahead = AtlasAhead.ahead(paint.afterPaint(map.getContainer().ownerDocument.defaultView), function (day, drawn) {
      const table = (source.steps() || {}).table;
      const layer = stepLayer(table, day);
      return layer ? plan(layer, drawn) : null;
    }, build, state.group, function (p, feature) { // not a place for the clusters (once in, every date has them)
      return !cluster.clusterable(feature) || !clusters.group();
    });

    function draw(packed, version) {
      const planned = (version !== null && ahead.take(packed.d, version, state.drawn)) || plan(packed, state.drawn);
      const clustered = clusters.wanted(planned.count) ? clusters.group() : null;
      state.deferred = !clustered && clusters.pending() ? { packed: packed, version: version } : null;
      if (state.deferred) { return; } // drawn when the clusters' script is in (a file of the app's)
      const change = planned.change;
      const drawn = {};
      const leaving = [];
      const joining = [];
      change.keep.forEach(function (key) { drawn[key] = state.drawn[key]; });
      change.remove.forEach(function (key) { // (a layer the step takes off waits, out of the page, for the step back)
        const layer = state.drawn[key];
        if (layer.atlasIn && layer.atlasIn === clustered) { leaving.push(clusters.leave(layer)); } else if (layer.atlasIn || version === null) {
          state.group.removeLayer(layer);
        } else { ahead.leave(key, layer); }
      });
      if (leaving.length) { clustered.removeLayers(leaving); } // at once: the clusters are counted again once
      change.add.forEach(function (item) {
        if (item.from !== undefined) { // a marker's icon changed, an arrowhead moved or an axis grew: the same element
          drawn[item.key] = paint.refill(L, state.drawn[item.from], item.feature, layerOptions.pointToLayer);
          return;
        }
        const layer = ahead.layer(item.key) || build(item.feature); // built ahead: maybe waiting on the map, out of the page
        if (clustered && cluster.clusterable(item.feature)) {
          if (AtlasAhead.waiting(layer)) { AtlasAhead.drop(state.group, layer); }
          joining.push(clusters.enter(layer));
        } else if (AtlasAhead.waiting(layer)) { AtlasAhead.show(layer); } else { state.group.addLayer(layer); }
        drawn[item.key] = layer;
      });
      if (joining.length) { clustered.addLayers(joining); }
      state.drawn = drawn;
      state.day = packed.d || '';
      state.version = version;
      bigDate.textContent = dateText(catalogOf(), state.day); // in the same frame as the layer
      state.listeners.forEach(function (listener) { listener(state.day); });
      const count = window.atlasApplied ? window.atlasApplied.count : 0;
      const applied = window.atlasApplied = { day: state.day, count: count + 1, at: now() };
      requestAnimationFrame(function () { setTimeout(function () { applied.painted = now(); }, 0); });
      if (options.onDraw) { options.onDraw(state.day); }
      const table = version !== null ? (source.steps() || {}).table : null;
      if (table) { ahead.schedule(table.days, state.day, version, drawn); }
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

  /** The data source of a standalone page (the HTML export): the catalog is in the page itself. */
  function embeddedSource(catalog) {
    return { catalog: function () { return catalog; }, steps: function () { return null; },
      sliderDay: function () { return null; }, followSlider: function () {} };
  }

  return Object.assign({ GROUPS: GROUPS, EMPTY_CATALOG: EMPTY_CATALOG, features: features, stepLayer: stepLayer,
    diff: diff, stepIndex: stepIndex, attach: attach, embeddedSource: embeddedSource }, symbols, controls);
});
