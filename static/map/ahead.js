/*
 * Steps worked out ahead (issue 21, scale): once a date is drawn and the page is idle, the map client
 * works out what one step back and one step forward would change (the diff against what is drawn)
 * and builds the layers those steps would add (markers with their icon's element, lines, popups and
 * tooltips bound), so that a key press only puts them on the map. A step that was not worked out
 * ahead (a jump, a new step table, a key pressed before the page was idle) is worked out as before.
 * Nothing here draws: the map looks the same either way, only sooner.
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

  /**
   * The steps ahead of one map. `later(task)`: runs work once the page is idle (paint.afterPaint);
   * `plan(day, drawn)`: the plan of drawing `day` over the layers `drawn` (key -> layer), or null
   * (atlas-map.js: {next, count, change}); `build(feature)`: a new layer for a feature.
   * Returns {schedule(days, day, version, drawn), take(day, version, drawn), layer(key)}.
   */
  function ahead(later, plan, build) {
    let plans = new Map(); // day -> {version, drawn, plan}
    let built = new Map(); // feature key -> layer built ahead, not on the map yet

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
            nextBuilt.set(item.key, layer);
          });
        });
        plans = nextPlans;
        built = nextBuilt; // layers no neighbour needs are let go
      });
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

    return { schedule: schedule, take: take, layer: layer };
  }

  return { diff: diff, neighbours: neighbours, prepareIcons: prepareIcons, ahead: ahead };
});
