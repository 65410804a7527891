// The map's static overlays (static/map/controls.js, addOverlays): the polities of 1945 each on its
// own days: the date's own drawn once the first date's places are painted, the others drawn hidden
// once the page is idle after that, and each then shown and hidden by a class on a step.
// Leaflet in jsdom.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { mapWindow } = require('./map-window.js');

const AtlasControls = require('../../static/map/controls.js');
const AtlasPopups = require('../../static/map/popups.js');

const square = (x) => ({ type: 'Polygon', coordinates: [[[x, 40], [x + 2, 40], [x + 2, 42], [x, 42], [x, 40]]] });

test('the overlays come after the first date is painted; a polity only on its own days', async () => {
  const { dom, L } = mapWindow();
  const doc = dom.window.document;
  const map = L.map(doc.getElementById('map'), { center: [45, 125], zoom: 4 });
  const catalog = { ui: {}, popups: {}, overlays: [
    { id: 'manchukuo', k: 'polity', n: 'Manchukuo', s: '1945-08-09', e: '1945-08-19', c: 'japan', g: square(120), p: [121, 41] },
    { id: 'after', k: 'polity', n: 'After', s: '1945-08-20', e: null, c: 'china', g: square(124), p: [125, 41] },
    { id: 'line', k: 'railway', n: 'Railway', s: null, e: null, c: 'exact', g: { type: 'LineString', coordinates: [[120, 40], [126, 44]] } },
  ] };
  const listeners = [];
  let drawnDay = null; // as AtlasMap's client: a listener hears the date drawn now, if any, then every new one
  const client = { catalog: () => catalog, popups: AtlasPopups.loader(), whenCatalog: (callback) => callback(),
    onDay: (listener) => { listeners.push(listener); if (drawnDay) { listener(drawnDay); } } };
  const draw = (day) => { drawnDay = day; listeners.slice().forEach((listener) => listener(day)); };
  const added = [];
  map.on('layeradd', (event) => { if (event.layer.options.pane === 'atlas-polities' && event.layer.feature) { added.push(event.layer); } });
  AtlasControls.addOverlays(L, map, client);
  const polities = () => doc.querySelectorAll('.leaflet-atlas-polities-pane path:not(.atlas-off)').length;
  const names = () => [...doc.querySelectorAll('.atlas-polity-name:not(.atlas-off)')].map((el) => el.textContent);
  const railways = () => doc.querySelectorAll('.leaflet-atlas-lines-pane path').length;
  assert.equal(polities() + railways(), 0, 'nothing before a date is drawn');
  draw('1945-08-10');
  assert.equal(polities() + railways(), 0, 'nor in the frame that draws the first date');
  await new Promise((resolve) => setTimeout(resolve, 100)); // a frame, then a task
  assert.equal(railways(), 1, 'the railway, on every date');
  assert.equal(polities(), 1);
  assert.deepEqual(names(), ['Manchukuo']);
  assert.equal(added.length, 2, 'the polity of another date drawn too once the page is idle, hidden');
  assert.equal(added[0].feature.geometry.coordinates[0][0][0], 120, 'the date\'s own polity first');
  draw('1945-08-25');
  assert.equal(polities(), 1);
  assert.deepEqual(names(), ['After']);
  assert.equal(added.length, 2, 'nothing drawn on a step');
  const manchukuo = added[0].getElement();
  draw('1945-08-12'); // back: the first polity shows again in the element it had, the second is hidden
  assert.deepEqual(names(), ['Manchukuo']);
  assert.equal(added[0].getElement(), manchukuo);
  assert.equal(added.length, 2, 'nothing drawn again');
  assert.equal(doc.querySelectorAll('.leaflet-atlas-polities-pane path').length, 2, 'the other one hidden, not removed');
});

test('a polity hidden by its date stays hidden when the overlays are switched off and on again', async () => {
  const { dom, L } = mapWindow();
  const doc = dom.window.document;
  const map = L.map(doc.getElementById('map'), { center: [45, 125], zoom: 4 });
  const catalog = { ui: { overlay_borders: '1945' }, popups: {}, overlays: [
    { id: 'manchukuo', k: 'polity', n: 'Manchukuo', s: '1945-08-09', e: '1945-08-19', c: 'japan', g: square(120), p: [121, 41] },
  ] };
  const listeners = [];
  let drawnDay = null;
  const client = { catalog: () => catalog, popups: AtlasPopups.loader(), whenCatalog: (callback) => callback(),
    onDay: (listener) => { listeners.push(listener); if (drawnDay) { listener(drawnDay); } } };
  const draw = (day) => { drawnDay = day; listeners.slice().forEach((listener) => listener(day)); };
  AtlasControls.addOverlays(L, map, client);
  draw('1945-08-10');
  await new Promise((resolve) => setTimeout(resolve, 100));
  // the overlay group of the layer control (the one holding the polity)
  let borders = null;
  map.eachLayer((layer) => { if (!borders && layer.getLayers && layer.getLayers().some((l) => l.getLayers && !l.feature && l.getLayers().length === 2)) { borders = layer; } });
  assert.ok(borders);
  const shown = () => doc.querySelectorAll('.leaflet-atlas-polities-pane path:not(.atlas-off)').length;
  assert.equal(shown(), 1);
  draw('1945-08-25');
  assert.equal(shown(), 0);
  map.removeLayer(borders);
  map.addLayer(borders); // drawn anew (new elements), still hidden on this date
  assert.equal(doc.querySelectorAll('.leaflet-atlas-polities-pane path').length, 1);
  assert.equal(shown(), 0);
  draw('1945-08-11');
  assert.equal(shown(), 1);
});

test('the overlays join the map\'s layer control when it has one (one button), else get their own', async () => {
  for (const given of [true, false]) {
    const { dom, L } = mapWindow();
    const doc = dom.window.document;
    const map = L.map(doc.getElementById('map'), { center: [45, 125], zoom: 4 });
    const layers = given ? L.control.layers({ Tiles: L.layerGroup() }, {}, { collapsed: true }).addTo(map) : undefined;
    const catalog = { ui: { overlay_borders: '1945', overlay_railways: 'Railways' }, popups: {}, overlays: [
      { id: 'manchukuo', k: 'polity', n: 'Manchukuo', s: '1945-08-09', e: '1945-08-19', c: 'japan', g: square(120), p: [121, 41] },
      { id: 'line', k: 'railway', n: 'Railway', s: null, e: null, c: 'exact', g: { type: 'LineString', coordinates: [[120, 40], [126, 44]] } },
    ] };
    const listeners = [];
    const client = { catalog: () => catalog, popups: AtlasPopups.loader(), whenCatalog: (callback) => callback(),
      onDay: (listener) => { listeners.push(listener); } };
    AtlasControls.addOverlays(L, map, client, layers);
    listeners.slice().forEach((listener) => listener('1945-08-10'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(doc.querySelectorAll('.leaflet-control-layers').length, 1);
    const overlays = [...doc.querySelectorAll('.leaflet-control-layers-overlays label')].map((el) => el.textContent.trim());
    assert.deepEqual(overlays, ['1945', 'Railways']);
    assert.equal(doc.querySelectorAll('.leaflet-control-layers-base label').length, given ? 1 : 0);
  }
});

test('on the app\'s pages the overlays come from a file, fetched while the first date is drawn, again if it failed', async () => {
  const { dom, L } = mapWindow();
  const doc = dom.window.document;
  const map = L.map(doc.getElementById('map'), { center: [45, 125], zoom: 4 });
  const url = '../../app/static/generated/data/0123.json';
  const items = [{ id: 'line', k: 'railway', n: 'Railway', s: null, e: null, c: 'exact',
    g: { type: 'LineString', coordinates: [[120, 40], [126, 44]] } }];
  const catalog = { ui: {}, popups: {}, overlays: [], overlayFile: url };
  const asked = [];
  let answer = () => Promise.reject(new Error('offline'));
  const listeners = [];
  const client = { catalog: () => catalog, popups: AtlasPopups.loader(), whenCatalog: (callback) => callback(),
    onDay: (listener) => { listeners.push(listener); },
    fetchJson: (address) => { asked.push(address); return answer(); } };
  const draw = (day) => listeners.slice().forEach((listener) => listener(day));
  const railways = () => doc.querySelectorAll('.leaflet-atlas-lines-pane path').length;
  AtlasControls.addOverlays(L, map, client);
  assert.deepEqual(asked, [url], 'asked for as soon as the catalog is there, before any date is drawn');
  await new Promise((resolve) => setTimeout(resolve, 0)); // (it failed)
  draw('1945-08-10');
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(railways(), 0, 'the file did not come: nothing drawn');
  assert.equal(asked.length, 2, 'asked for again with the date drawn');
  answer = () => Promise.resolve(items);
  draw('1945-08-11');
  assert.equal(asked.length, 3);
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(railways(), 1, 'drawn once it came (the first date painted already)');
  draw('1945-08-12');
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(asked.length, 3, 'never fetched again once it came');
  assert.equal(railways(), 1, 'nor drawn twice');
});
