/*
 * The map by keyboard, and without motion (docs/accessibility.md): lines with a popup become named
 * buttons in the Tab order (Enter or Space opens the popup at the line's middle); a popup takes the
 * focus when it opens and gives it back when it closes (Esc closes it); under prefers-reduced-motion
 * the map does not animate; and the page may be zoomed. Used by a11y.js, which re-exports it. In the
 * browser this file defines window.AtlasKeyboard; under Node it is a CommonJS module.
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.AtlasKeyboard = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** Text of a bit of our own (already escaped) HTML, for a name. */
  function plainText(doc, html) {
    const box = doc.createElement('div');
    box.innerHTML = html || '';
    return (box.textContent || '').replace(/\s+/g, ' ').trim();
  }

  /** Under prefers-reduced-motion: no animated zoom, tile fade, marker zoom or pan (popups pan
   * into view at once). Leaflet reads zoomAnimation when the map is made, so its flag is set too. */
  function reduceMotion(map, win) {
    const query = win.matchMedia ? win.matchMedia('(prefers-reduced-motion: reduce)') : null;
    if (!query || !query.matches) { return false; }
    Object.assign(map.options, { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false,
      inertia: false });
    map._zoomAnimated = false;
    const panBy = map.panBy;
    map.panBy = function (offset, options) { return panBy.call(map, offset, Object.assign({}, options, { animate: false })); };
    return true;
  }

  /** folium's page forbids zooming the page (maximum-scale=1, user-scalable=no): allow it. */
  function allowZoom(doc) {
    doc.querySelectorAll('meta[name="viewport"]').forEach(function (meta) {
      meta.setAttribute('content', 'width=device-width, initial-scale=1.0');
    });
  }

  /**
   * Lines with a popup (the day's axes, the overlays' railways and boundaries) as keyboard targets:
   * each path becomes a named button in the Tab order (Chrome already stops on it, unnamed, for its
   * tooltip), and Enter or Space opens its popup at the line's middle. Returns the refresh to call
   * when what is drawn changes.
   */
  function keyboardLines(L, map, doc) {
    let paths = new Map();
    function name(layer) {
      const tooltip = layer.getTooltip && layer.getTooltip();
      const content = tooltip ? tooltip.getContent() : '';
      return plainText(doc, typeof content === 'function' ? content(layer) : content);
    }
    function refresh() {
      const next = new Map();
      map.eachLayer(function (layer) {
        if (!layer.getPopup || !layer.getPopup()) { return; }
        const lines = layer instanceof L.Path ? [layer] : [];
        if (!lines.length && layer.eachLayer) {
          layer.eachLayer(function (child) {
            if (child instanceof L.Path && child.options.interactive !== false) { lines.push(child); }
          });
        }
        if (!lines.length) { return; } // a marker (its ring is not a target): named by its own title
        let label = null; // worked out once per layer, and only for a line not named before
        lines.forEach(function (line) {
          const el = line.getElement && line.getElement();
          if (!el || line.options.interactive === false) { return; }
          const known = paths.get(el);
          if (known && known.line === line && known.owner === layer) { next.set(el, known); return; } // named already
          if (label === null) { label = name(layer); }
          if (!label) { return; }
          next.set(el, { line: line, owner: layer });
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'button');
          el.setAttribute('aria-label', label);
        });
      });
      paths = next;
    }
    L.DomEvent.on(map.getContainer(), 'keydown', function (event) {
      const hit = paths.get(event.target);
      if (!hit || (event.key !== 'Enter' && event.key !== ' ')) { return; }
      let at;
      try { at = hit.line.getCenter(); } catch { at = map.getCenter(); }
      hit.owner.openPopup(at);
      L.DomEvent.preventDefault(event);
    });
    return refresh;
  }

  /**
   * Popups and focus: when a popup opens, the focus goes into it (a screen reader reads it) and
   * comes back, on Esc or when it closes, to the element that had it (a marker, a list item).
   */
  function followPopups(L, map, doc) {
    let opener = null;
    map.on('popupopen', function (event) {
      map.__atlasPopupOpen = true;
      const active = doc.activeElement;
      opener = active && active !== doc.body && !map.getPane('popupPane').contains(active) ? active : opener;
      const content = event.popup.getElement() && event.popup.getElement().querySelector('.leaflet-popup-content');
      if (!content) { return; }
      content.setAttribute('tabindex', '0'); // a long popup scrolls: the keyboard must reach it
      if (opener) { content.focus({ preventScroll: true }); }
    });
    map.on('popupclose', function () {
      map.__atlasPopupOpen = false;
      const back = opener;
      opener = null;
      const active = doc.activeElement;
      if (back && back.isConnected && (!active || active === doc.body || map.getPane('popupPane').contains(active))) {
        back.focus({ preventScroll: true });
      }
    });
    doc.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && map.__atlasPopupOpen) {
        map.closePopup();
        event.stopPropagation();
      }
    }, true);
  }

  return { plainText: plainText, reduceMotion: reduceMotion, allowZoom: allowZoom, keyboardLines: keyboardLines,
    followPopups: followPopups };
});
