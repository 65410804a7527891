// Shared by the map client's tests (not a test file itself, and project code, not a copy of any
// library): a jsdom window made the global one, with a fresh Leaflet (installed from npm by
// scripts/test.sh) loaded into it, since Leaflet reads the window when it loads.
'use strict';
const { JSDOM } = require('jsdom');

/** A page with an 800×600 #map box in a jsdom window made the global one, and Leaflet in it. */
function mapWindow() {
  const dom = new JSDOM('<!DOCTYPE html><div id="map" style="width:800px;height:600px"></div>', { pretendToBeVisual: true });
  Object.assign(global, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator,
    requestAnimationFrame: dom.window.requestAnimationFrame, Element: dom.window.Element,
    HTMLElement: dom.window.HTMLElement });
  delete require.cache[require.resolve('leaflet')];
  const L = require('leaflet');
  return { dom, L, box: dom.window.document.getElementById('map') };
}

module.exports = { mapWindow };
