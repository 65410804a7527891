// Shared by the map client's tests (not a test file itself): a jsdom window made the global one, and
// a fresh Leaflet loaded into it (Leaflet reads the window when it loads).
'use strict';
const { JSDOM } = require('jsdom');

const MAP_PAGE = '<!DOCTYPE html><div id="map" style="width:800px;height:600px"></div>';

/** A jsdom window (`html`: a page with a #map box by default) as the global one, and Leaflet in it. */
function leafletInDom(html) {
  const dom = new JSDOM(html || MAP_PAGE, { pretendToBeVisual: true });
  Object.assign(global, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator,
    requestAnimationFrame: dom.window.requestAnimationFrame, Element: dom.window.Element,
    HTMLElement: dom.window.HTMLElement });
  delete require.cache[require.resolve('leaflet')];
  const L = require('leaflet');
  return { dom, L, box: dom.window.document.getElementById('map') };
}

module.exports = { leafletInDom, MAP_PAGE };
