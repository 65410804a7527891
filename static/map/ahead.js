/*
 * Steps worked out ahead (issue 21, scale): once a date is drawn and the page is idle, the map client
 * works out what one step back and one step forward would change (the diff against what is drawn)
 * and builds the layers those steps would add (markers with their icon's element, lines, popups and
 * tooltips bound), so that a key press only puts them on the map. A step that was not worked out
 * ahead (a jump, a new step table, a key pressed before the page was idle) is worked out as before.
 * Those layers (but places that a date draws in clusters) also wait on the map: Leaflet has added
 * them, their elements are kept out of the page, and the key press only puts the elements back. A
 * layer a step takes off waits so too, for the step back. Layers no neighbour needs are taken off the
 * map once the page is idle again.
 * Nothing here draws what a date does not show: the map looks the same either way, only sooner.
 * In the browser this file defines window.AtlasAhead; under Node it is a CommonJS module
 * (tests/js/ahead.test.js). It loads after paint.js and before atlas-map.js (atlas/map/client.py).
 */
(function (root, factory) {
  'use strict';
  const node = typeof module === 'object' && module.exports;
  const api = node ? factory(require('./paint.js')) : factory(root.AtlasPaint);
  if (node) {
    module.exports = api;
  } else {
    root.AtlasAhead = api;
  }
})(typeof self !== 'undefined' ? self : this, function (paint) {
  'use strict';

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
      const key = paint.keyOf(f);
      if (seen.has(key)) { return; }
      seen.add(key);
      if (drawn.has(key)) { keep.push(key); } else { add.push({ key: key, feature: f }); }
    });
    const remove = drawnKeys.filter(function (key) { return !seen.has(key); });
    return { keep: keep, add: add, remove: remove };
  }

  /** The days one step before and after `day` in a step table's days (those that exist). */
  function neighbours(days, day) {
    const at = days.indexOf(day);
    if (at < 0) { return []; }
    return [days[at + 1], days[at - 1]].filter(function (d) { return d !== undefined; });
  }

  /** Have a marker's icon make its element now (a marker, or the marker of a marker and its ring). */
  function prepareIcons(layer) {
    (layer.getLayers ? layer.getLayers() : [layer]).forEach(function (part) {
      const icon = part.options && part.options.icon;
      if (icon && icon.prepare) { icon.prepare(); }
    });
  }

  const HOME = new WeakMap(); // element of a waiting layer -> where it goes back (its pane, or the lines' SVG group)

  /** The elements of a layer (a marker, a line, or a marker and its ring) on the map. */
  function elements(layer) {
    return (layer.getLayers ? layer.getLayers() : [layer]).map(function (part) {
      return part.getElement ? part.getElement() : null;
    }).filter(Boolean);
  }

  /** Put a layer on the map in `group` (if it is not there already) and take its elements out of the
   * page until it is shown: Leaflet's work is done, and nothing the date does not show is in the
   * page (for the pointer, Tab, a screen reader or a test). Its popup and tooltip close, as they
   * would if it were taken off. */
  function wait(group, layer) {
    if (!group.hasLayer(layer)) { group.addLayer(layer); }
    if (layer.isPopupOpen && layer.isPopupOpen()) { layer.closePopup(); }
    if (layer.closeTooltip) { layer.closeTooltip(); }
    elements(layer).forEach(function (el) {
      if (el.parentNode) {
        HOME.set(el, el.parentNode);
        el.remove();
      }
    });
    layer.atlasWaiting = true;
  }

  /** Whether a layer is on the map (for Leaflet), waiting out of the page to be shown. */
  function waiting(layer) { return !!layer && layer.atlasWaiting === true; }

  /** Show a waiting layer: its elements go back where Leaflet had put them (last, as a new one would). */
  function show(layer) {
    elements(layer).forEach(function (el) {
      const home = HOME.get(el);
      if (home && !el.parentNode) { home.appendChild(el); }
    });
    layer.atlasWaiting = false;
  }

  /** Take a layer off the map (from `group`), waiting or not. */
  function drop(group, layer) {
    group.removeLayer(layer);
    layer.atlasWaiting = false;
  }

  /**
   * The steps ahead of one map. `later(task)`: runs work once the page is idle (paint.afterPaint);
   * `plan(day, drawn)`: the plan of drawing `day` over the layers `drawn` (key -> layer), or null
   * (atlas-map.js: {next, count, change}); `build(feature)`: a new layer for a feature; `group`
   * (optional): where layers wait on the map, with `waits(plan, feature)`: whether a feature's layer
   * may (not a place that will be drawn in clusters).
   * Returns {schedule(days, day, version, drawn), take(day, version, drawn), layer(key), leave(key, layer)}.
   */
  function ahead(later, plan, build, group, waits) {
    let plans = new Map(); // day -> {version, drawn, plan}
    let built = new Map(); // feature key -> layer built ahead (or taken off by a step), not drawn

    /** Work out the neighbours of `day` (in `days`, a step table's of `version`) over `drawn`. */
    function schedule(days, day, version, drawn) {
      later(function () {
        const nextPlans = new Map();
        const nextBuilt = new Map();
        neighbours(days, day).forEach(function (d) {
          const p = plan(d, drawn);
          if (!p) { return; }
          nextPlans.set(d, { version: version, drawn: drawn, plan: p });
          p.change.add.forEach(function (item) {
            if (item.from !== undefined || nextBuilt.has(item.key)) { return; }
            let layer = built.get(item.key);
            if (!layer) {
              layer = build(item.feature);
              prepareIcons(layer);
            }
            if (group && waits(p, item.feature) && !waiting(layer)) { wait(group, layer); }
            nextBuilt.set(item.key, layer);
          });
        });
        built.forEach(function (layer, key) { // layers no neighbour needs are let go
          if (waiting(layer) && nextBuilt.get(key) !== layer) { drop(group, layer); }
        });
        plans = nextPlans;
        built = nextBuilt;
      });
    }

    /** A drawn layer a step takes off (`key`, in `group`): out of the page, kept for the step back. */
    function leave(key, layer) {
      wait(group, layer);
      built.set(key, layer);
    }

    /** The plan worked out for `day` if it still holds (the same table, the same layers drawn). */
    function take(day, version, drawn) {
      const found = plans.get(day);
      plans = new Map();
      return found && found.version === version && found.drawn === drawn ? found.plan : null;
    }

    /** The layer built ahead for a feature's key (once), or undefined. */
    function layer(key) {
      const found = built.get(key);
      if (found) { built.delete(key); }
      return found;
    }

    return { schedule: schedule, take: take, layer: layer, leave: leave };
  }

  return { diff: diff, neighbours: neighbours, prepareIcons: prepareIcons, ahead: ahead, waiting: waiting, show: show,
    drop: drop };
});
