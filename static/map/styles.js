/*
 * The map's stylesheets, from the one-file client (atlas/map/client.py).
 *
 * The one file carries Leaflet's stylesheet and the client's as one string, set as the global
 * ATLAS_STYLES just before this file; this file adds it to the map's frame as a style element,
 * before any map is made. (streamlit-folium adds a map's linked stylesheets only after all its
 * scripts, so the first map used to be drawn unstyled and laid out again.) When the client is
 * loaded file by file instead (a read-only disk), the stylesheets come as links, this file is not
 * loaded, and there is nothing to add. Under Node it is a CommonJS module (tests/js/styles.test.js).
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.AtlasStyles = api;
    if (typeof root.ATLAS_STYLES === 'string' && root.document) { api.add(root.document, root.ATLAS_STYLES); }
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** Add `css` to the head of `doc` as one style element, once; returns it (null if already there). */
  function add(doc, css) {
    if (doc.head.querySelector('style[data-atlas-styles]')) { return null; }
    const style = doc.createElement('style');
    style.setAttribute('data-atlas-styles', '');
    style.textContent = css;
    doc.head.appendChild(style);
    return style;
  }

  return { add: add };
});
