/*
 * Keeping a slider step within one frame (issue 21, scale): what atlas-map.js and a11y.js use so
 * that a key press reaches the painted map with as little work as possible in between.
 *  - afterPaint: work that need not be in the key press's frame ("Places on this date", the
 *    keyboard lines, the live region) runs once the frame is painted, and once for several quick
 *    steps;
 *  - iconClass: a divIcon whose markup is parsed once per icon and cloned for every marker;
 *  - markerClass: a marker placed with a 2D transform (not a compositor layer of its own);
 *  - reuse, refill: markers that only change their icon, arrowheads that move with their axis and
 *    axes that grow keep their element (setIcon, setLatLng, setLatLngs) instead of being removed
 *    and made again;
 *  - keyOf: a feature's key for the diff (its JSON), worked out once per feature object.
 * In the browser this file defines window.AtlasPaint; under Node it is a CommonJS module
 * (tests/js/paint.test.js). It loads before atlas-map.js and a11y.js (atlas/map/client.py).
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.AtlasPaint = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /**
   * A scheduler for work after the next paint: `later(task)` runs `task` after the frame that is
   * being prepared has been painted (requestAnimationFrame, then a task: the frame's rendering
   * comes between them), and when the page is idle if it can tell (requestIdleCallback, at most
   * `idleTimeout` ms later; `null`: at once, without waiting for an idle moment). Calls made before
   * it ran replace its task: quick steps run it once, for the last. `win` supplies
   * requestAnimationFrame, setTimeout and requestIdleCallback.
   */
  function afterPaint(win, idleTimeout) {
    let pending = null;
    let scheduled = false;
    function run() {
      scheduled = false;
      const task = pending;
      pending = null;
      if (task) { task(); }
    }
    function afterFrame() {
      if (idleTimeout === null) {
        run();
      } else if (win.requestIdleCallback) {
        win.requestIdleCallback(run, { timeout: idleTimeout === undefined ? 200 : idleTimeout });
      } else {
        win.setTimeout(run, 0);
      }
    }
    return function later(task) {
      pending = task;
      if (scheduled) { return; }
      scheduled = true;
      if (win.requestAnimationFrame) {
        win.requestAnimationFrame(function () { win.setTimeout(afterFrame, 0); });
      } else {
        win.setTimeout(afterFrame, 0);
      }
    };
  }

  const TEMPLATE_LIMIT = 1000; // distinct icons kept parsed; beyond it, start over

  /**
   * L.DivIcon whose html (a string) is parsed once into a template and cloned for each marker:
   * the same markup in the same element as L.divIcon's, without parsing the SVG again. Option
   * `turn` (degrees) puts the markup in a turned box (an arrowhead). An existing element (setIcon)
   * is refilled only if its markup changed: an arrowhead that turns keeps its children and only
   * its box turns, so the browser styles no new elements. One class per Leaflet.
   */
  function iconClass(L) {
    if (L.__atlasIcon) { return L.__atlasIcon; }
    const templates = new Map();
    function template(doc, html) {
      let box = templates.get(html);
      if (!box || box.ownerDocument !== doc) {
        if (templates.size >= TEMPLATE_LIMIT) { templates.clear(); }
        box = doc.createElement('div');
        box.innerHTML = html; // our own icons' markup (the catalog's), exactly as L.divIcon sets it
        templates.set(html, box);
      }
      return box;
    }
    const FILLED = new WeakMap(); // element -> the markup it holds (and whether in a turned box)
    L.__atlasIcon = L.DivIcon.extend({
      /** Make the element now (while the page is idle, ahead.js); the marker's first createIcon takes it. */
      prepare: function () {
        if (!this._atlasReady) { this._atlasReady = this.createIcon(); }
        return this;
      },
      createIcon: function (oldIcon) {
        if (!oldIcon && this._atlasReady) {
          const ready = this._atlasReady;
          this._atlasReady = null;
          return ready;
        }
        const reuse = oldIcon && oldIcon.tagName === 'DIV';
        const doc = reuse ? oldIcon.ownerDocument : document;
        const div = reuse ? oldIcon : doc.createElement('div');
        const html = this.options.html;
        if (typeof html !== 'string' || !html) {
          FILLED.delete(div);
          return L.DivIcon.prototype.createIcon.call(this, oldIcon);
        }
        const turned = this.options.turn !== undefined && this.options.turn !== null;
        const filled = (turned ? 'turned:' : 'plain:') + html;
        if (FILLED.get(div) !== filled) {
          div.textContent = '';
          const into = turned ? div.appendChild(doc.createElement('div')) : div;
          const box = template(doc, html);
          for (let child = box.firstChild; child; child = child.nextSibling) {
            into.appendChild(child.cloneNode(true));
          }
          FILLED.set(div, filled);
        }
        if (turned) { div.firstChild.style.transform = 'rotate(' + Number(this.options.turn) + 'deg)'; }
        this._setIconStyles(div, 'icon');
        return div;
      }
    });
    return L.__atlasIcon;
  }

  /**
   * L.Marker placed with a 2D translate instead of Leaflet's translate3d: the same position, but
   * a 3D transform makes every marker a compositor layer of its own, and thousands of them cost
   * the browser more than drawing them (Layerize) in every frame that adds one. Still a transform,
   * so zoom animations (a CSS transition on it) move markers with the map. One class per Leaflet.
   */
  function markerClass(L) {
    if (L.__atlasMarker) { return L.__atlasMarker; }
    function place(el, pos) {
      el._leaflet_pos = pos; // L.DomUtil.getPosition's
      el.style.transform = 'translate(' + pos.x + 'px,' + pos.y + 'px)';
    }
    L.__atlasMarker = L.Marker.extend({
      _setPos: function (pos) {
        if (this._icon) { place(this._icon, pos); }
        if (this._shadow) { place(this._shadow, pos); }
        this._zIndex = pos.y + this.options.zIndexOffset;
        this._resetZIndex();
      }
    });
    return L.__atlasMarker;
  }

  /** The properties of two point features, `[a, b]`, if both are points of the same id; else null. */
  function samePoint(from, to) {
    if (!from || !to || !from.geometry || !to.geometry) { return null; }
    if (from.geometry.type !== 'Point' || to.geometry.type !== 'Point') { return null; }
    const a = from.properties || {};
    const b = to.properties || {};
    return a.id !== undefined && a.id === b.id ? [a, b] : null;
  }

  /** Whether a drawn feature `from` can become `to` by changing its icon alone: the same place
   * (id, kind, title, position), a point marker, and no accuracy ring on either (a ring is a layer
   * too). */
  function sameMarker(from, to) {
    const both = samePoint(from, to);
    if (!both) { return false; }
    const [a, b] = both;
    if (a.kind !== b.kind || a.title !== b.title || a.ring || b.ring) { return false; }
    const p = from.geometry.coordinates;
    const q = to.geometry.coordinates;
    return p[0] === q[0] && p[1] === q[1];
  }

  /** Whether a drawn arrowhead `from` can become `to` by moving and turning: the same axis's head
   * (id), both arrowheads. */
  function sameArrow(from, to) {
    const both = samePoint(from, to);
    return !!both && both[0].kind === 'arrow' && both[1].kind === 'arrow';
  }

  /** Whether a drawn line `from` can become `to` by taking its new coordinates (an axis that grew):
   * both lines, the same id and the same properties (so the same style, popup and tooltip). */
  function sameLine(from, to) {
    if (!from || !to || !from.geometry || !to.geometry) { return false; }
    if (from.geometry.type !== 'LineString' || to.geometry.type !== 'LineString') { return false; }
    const a = from.properties || {};
    const b = to.properties || {};
    return a.id !== undefined && a.id === b.id && JSON.stringify(a) === JSON.stringify(b);
  }

  /**
   * Make a drawn layer draw `feature` (an item of reuse's with `from`): a line takes the new
   * coordinates (its path element stays, and so does its place among the keyboard's lines); a
   * marker moves and takes its new icon (`symbols.icon(feature)`); an arrowhead drawn as a path
   * moves and takes its new shape (`symbols.shape(feature)`). `symbols` is symbols.js's point
   * maker, which carries both. A marker in the Tab order goes last in its pane, where a new one
   * would be; an arrowhead (not in the Tab order, stacked by its z-index) stays where it is, so the
   * browser need not style it again.
   */
  // The classes Leaflet gives a marker's element besides its icon's (kept when the icon is refilled).
  const LEAFLET_CLASSES = ['leaflet-zoom-animated', 'leaflet-zoom-hide', 'leaflet-interactive'];

  function refill(L, layer, feature, symbols) {
    const before = layer.feature;
    layer.feature = feature;
    if (sameLine(before, feature)) {
      layer.setLatLngs(L.GeoJSON.coordsToLatLngs(feature.geometry.coordinates));
      return layer;
    }
    const at = feature.geometry.coordinates;
    if (layer.atlasArrow) { // an arrowhead drawn as a path (symbols.js): its path moves and turns
      const shape = symbols.shape(feature);
      if (shape) { layer.setLatLng([at[1], at[0]]).reshape(shape, feature.properties.turn); }
      return layer;
    }
    if (!sameMarker(before, feature)) { layer.setLatLng([at[1], at[0]]); } // an arrowhead moved
    const icon = symbols.icon(feature);
    const element = layer.getElement();
    if (!element || !element.parentNode) {
      layer.setIcon(icon); // not on the map (in a cluster): Leaflet makes the element when it shows
      return layer;
    }
    // On the map: the element is refilled in place (the same title, events and popup; Leaflet's
    // setIcon would set all of them up again for every marker that changes on a step).
    const kept = LEAFLET_CLASSES.filter(function (name) { return element.classList.contains(name); });
    layer.options.icon = icon;
    icon.createIcon(element);
    kept.forEach(function (name) { element.classList.add(name); });
    if (layer.options.keyboard !== false) { element.parentNode.appendChild(element); }
    return layer;
  }

  const KEYS = new WeakMap();
  /** A feature's key (its JSON), kept with the feature: a step drawn from the step table meets the
   * same feature objects again (AtlasMap.features' memo), and turning hundreds of axis lines into
   * JSON on every key press was a sixth of a step's script at ten times the data. */
  function keyOf(feature) {
    let key = KEYS.get(feature);
    if (key === undefined) {
      key = JSON.stringify(feature);
      KEYS.set(feature, key);
    }
    return key;
  }

  /**
   * Mark, in a diff (AtlasMap.diff: {keep, add: [{key, feature}], remove: [key]}), the markers to
   * reuse: an added item that a drawn layer can become (a marker's icon changed, an arrowhead moved,
   * a line grew) gets `from` (that layer's key), which
   * leaves `remove`. The order of `add` is kept (the order markers reach the page). `featureOf(key)`
   * is the feature drawn under a key. Each drawn marker is reused once at most.
   */
  function reuse(change, featureOf) {
    const byId = new Map();
    change.remove.forEach(function (key) {
      const feature = featureOf(key);
      const id = feature && feature.properties ? feature.properties.id : undefined;
      if (id === undefined) { return; }
      if (!byId.has(id)) { byId.set(id, []); }
      byId.get(id).push(key);
    });
    const used = new Set();
    const add = change.add.map(function (item) {
      const candidates = byId.get((item.feature.properties || {}).id) || [];
      const from = candidates.find(function (key) {
        const drawn = featureOf(key);
        return !used.has(key) && (sameMarker(drawn, item.feature) || sameArrow(drawn, item.feature) || sameLine(drawn, item.feature));
      });
      if (from === undefined) { return item; }
      used.add(from);
      return { key: item.key, feature: item.feature, from: from };
    });
    return { keep: change.keep, add: add, remove: change.remove.filter(function (key) { return !used.has(key); }) };
  }

  return { afterPaint: afterPaint, iconClass: iconClass, markerClass: markerClass, sameMarker: sameMarker, sameArrow: sameArrow,
    sameLine: sameLine, refill: refill, keyOf: keyOf, reuse: reuse };
});
