/*
 * The map for keyboard and screen-reader users (docs/accessibility.md):
 *  - the frame's document has a language and a title naming the map and its date, the page's
 *    <html lang> follows the chosen language, and the frame's element on the page is named after
 *    the map and described by the day's text beside it (both through streamlit-adapter.js);
 *  - a polite live region says the date and how many places the map shows whenever a date is
 *    drawn (slider, Play, story step);
 *  - "Places on this date": a list of everything drawn with a popup, each a button that opens it
 *    (lines too, which no keyboard reaches otherwise); Esc closes a popup and gives the focus back;
 *  - under prefers-reduced-motion, no animated zoom, fade or pan.
 * Its words come from the catalog's "ui" (atlas/map/catalog.py). The keyboard path through lines and
 * popups and the reduced motion are keyboard.js's (re-exported here). Under Node it is a CommonJS
 * module (tests/js/a11y.test.js); in the browser it defines window.AtlasA11y.
 */
(function (root, factory) {
  'use strict';
  const node = typeof module === 'object' && module.exports;
  // paint.js, symbols.js and keyboard.js are loaded before this file (atlas/map/client.py, SCRIPTS)
  const api = node ? factory(require('./paint.js'), require('./symbols.js'), require('./keyboard.js')) :
    factory(root.AtlasPaint, root.AtlasSymbols, root.AtlasKeyboard);
  if (node) {
    module.exports = api;
  } else {
    root.AtlasA11y = api;
  }
})(typeof self !== 'undefined' ? self : this, function (paint, symbols, keyboard) {
  'use strict';

  const dateText = symbols.dateText; // the big date's text: also the title's and the announcement's

  const plainText = keyboard.plainText;
  const reduceMotion = keyboard.reduceMotion;
  const allowZoom = keyboard.allowZoom;
  const keyboardLines = keyboard.keyboardLines;
  const followPopups = keyboard.followPopups;

  /** The frame's title: "<map name> — <date>". */
  function frameTitle(catalog, day) {
    const ui = (catalog && catalog.ui) || {};
    const name = ui.map_name || 'Map';
    const date = dateText(catalog, day);
    return date ? name + ' — ' + date : name;
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  /** What the live region says: the date and how many places the map shows. */
  function announcement(catalog, day, count) {
    const ui = (catalog && catalog.ui) || {};
    const template = count === 1 ? (ui.live_places_one || '{date} — {n} place') :
      (ui.live_places_other || '{date} — {n} places');
    return fill(template, { date: dateText(catalog, day), n: count });
  }

  /** The layer that carries the popup: a marker, a line, or the marker inside a marker-and-ring group. */
  function popupLayer(layer) {
    if (layer.getPopup && layer.getPopup()) { return layer; }
    let found = null;
    if (layer.eachLayer) {
      layer.eachLayer(function (child) { if (!found && child.getPopup && child.getPopup()) { found = child; } });
    }
    return found;
  }

  /**
   * Everything drawn with a popup, in a stable order (places by name, then lines), from
   * `state.drawn` (key -> Leaflet layer with its `.feature`):
   * [{id, name, line, layer}], where `layer` carries the popup.
   */
  function drawnItems(state, catalog, doc) {
    const popups = (catalog && catalog.popups) || {};
    const items = [];
    const seen = new Set();
    Object.keys(state.drawn || {}).forEach(function (key) {
      const layer = state.drawn[key];
      const p = (layer.feature && layer.feature.properties) || {};
      if (p.kind === 'arrow' || seen.has(p.id)) { return; }
      const target = popupLayer(layer);
      if (!target) { return; }
      const entry = popups[p.id] || {};
      const name = entry.title || plainText(doc, entry.tooltip) || p.title || p.id || '';
      if (!name) { return; }
      seen.add(p.id);
      items.push({ id: p.id, name: name, line: p.kind === 'axis' || !layer.feature.geometry ||
        layer.feature.geometry.type !== 'Point', layer: target });
    });
    return items.sort(function (a, b) {
      return (a.line - b.line) || a.name.localeCompare(b.name);
    });
  }

  /** How many places the map shows: the drawn features that are not axis lines or arrowheads. */
  function placeCount(state) {
    return Object.keys(state.drawn || {}).filter(function (key) {
      const p = ((state.drawn[key].feature || {}).properties) || {};
      return p.kind !== 'arrow' && p.kind !== 'axis';
    }).length;
  }

  /** Open a layer's popup: a point at its place (zooming in first if it is inside a cluster), a line
   * at its middle. */
  function openItem(item) {
    const layer = item.layer;
    if (!layer._map && layer.atlasIn && layer.atlasIn.zoomToShowLayer) {
      layer.atlasIn.zoomToShowLayer(layer, function () { layer.openPopup(); });
      return;
    }
    if (item.line && layer.getCenter) {
      let at;
      try { at = layer.getCenter(); } catch { at = undefined; } // a line not on the map has no centre
      layer.openPopup(at);
    } else {
      layer.openPopup();
    }
  }

  /** The live region: visually hidden, polite; updated a moment after the last date drawn, so
   * holding an arrow key or Play announces where it stops, not every step on the way. */
  function addLiveRegion(doc, delay) {
    const region = doc.createElement('div');
    region.className = 'atlas-sr-only atlas-live';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    doc.body.appendChild(region);
    let timer = null;
    return {
      element: region,
      say: function (text) {
        clearTimeout(timer);
        timer = setTimeout(function () { region.textContent = text; }, delay);
      }
    };
  }

  /**
   * "Places on this date": a button on the map that opens a list of everything drawn with a
   * popup, each item a button that opens that popup. Rebuilt when the date changes.
   */
  function addPlacesControl(L, map, client, doc) {
    const control = L.control({ position: 'topleft' });
    const box = L.DomUtil.create('div', 'atlas-places leaflet-bar');
    const toggle = L.DomUtil.create('button', 'atlas-places-toggle', box);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    const list = L.DomUtil.create('ul', 'atlas-places-list', box);
    list.id = 'atlas-places-list';
    list.hidden = true;
    toggle.setAttribute('aria-controls', list.id);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    let items = [];

    function ui() { return client.catalog().ui || {}; }
    function label() {
      toggle.textContent = (ui().places_button || 'Places on this date') + ' (' + items.length + ')';
    }
    function render() {
      items = drawnItems(client.state, client.catalog(), doc);
      list.textContent = '';
      items.forEach(function (item) {
        const li = L.DomUtil.create('li', '', list);
        const button = L.DomUtil.create('button', 'atlas-places-item' + (item.line ? ' atlas-places-line' : ''), li);
        button.type = 'button';
        button.textContent = item.name;
        L.DomEvent.on(button, 'click', function () { openItem(item); });
      });
      if (!items.length) {
        L.DomUtil.create('li', 'atlas-places-empty', list).textContent = ui().places_empty || '—';
      }
      label();
    }
    function setOpen(open) {
      list.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    L.DomEvent.on(toggle, 'click', function () { setOpen(list.hidden); });
    L.DomEvent.on(box, 'keydown', function (event) {
      if (event.key === 'Escape' && !list.hidden && !map.__atlasPopupOpen) {
        setOpen(false);
        toggle.focus();
        L.DomEvent.stop(event);
      }
    });
    control.onAdd = function () { return box; };
    control.addTo(map);
    return { render: render, toggle: toggle, list: list, setOpen: setOpen };
  }

  /**
   * Attach to a map and its client (AtlasMap.attach's result). `adapter`: streamlit-adapter.js's
   * API (the page around the frame), or null. `win`: the frame's window.
   */
  function attach(L, map, client, adapter, win) {
    const w = win || window;
    const doc = map.getContainer().ownerDocument;
    const motion = reduceMotion(map, w);
    allowZoom(doc);
    const live = addLiveRegion(doc, 300);
    const big = doc.querySelector('.atlas-date');
    if (big) { // shown, not announced: the live region says the date and the count
      big.removeAttribute('role');
      big.setAttribute('aria-live', 'off');
    }
    followPopups(L, map, doc);
    client.whenCatalog(function () {
      const catalog = client.catalog();
      const ui = catalog.ui || {};
      if (ui.lang) {
        doc.documentElement.lang = ui.lang;
        if (adapter && adapter.setPageLanguage) { adapter.setPageLanguage(w, ui.lang); }
      }
      const places = addPlacesControl(L, map, client, doc);
      const lines = keyboardLines(L, map, doc);
      map.on('overlayadd', lines);
      let panel = null;
      // The list, the keyboard lines and the announcement once the map is painted (not in the key
      // press's frame), once for several quick steps: the last date drawn.
      const later = paint.afterPaint(w);
      client.onDay(function (day) {
        const title = frameTitle(catalog, day);
        doc.title = title;
        later(function () {
          places.render();
          lines();
          live.say(announcement(catalog, day, placeCount(client.state)));
          if (adapter && adapter.describeFrame) {
            panel = adapter.panelRegion ? adapter.panelRegion(w, 'atlas_panel', ui.panel_region || '') || panel : panel;
            adapter.describeFrame(w, title, panel);
          }
        });
      });
      if (!client.state.day) { doc.title = frameTitle(catalog, ''); }
    });
    return { reducedMotion: motion, live: live.element };
  }

  return { dateText: dateText, frameTitle: frameTitle, announcement: announcement, drawnItems: drawnItems,
    placeCount: placeCount, openItem: openItem, reduceMotion: reduceMotion, allowZoom: allowZoom, attach: attach };
});
