// The map's static overlays (static/map/controls.js, addOverlays): the polities of 1945 each on its
// own days, drawn only then (never all at first and most taken off again), and all of them only once
// the first date's places are painted. Leaflet in jsdom.
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
  const polities = () => doc.querySelectorAll('.leaflet-atlas-polities-pane path').length;
  const names = () => [...doc.querySelectorAll('.atlas-polity-name')].map((el) => el.textContent);
  const railways = () => doc.querySelectorAll('.leaflet-atlas-lines-pane path').length;
  assert.equal(polities() + railways(), 0, 'nothing before a date is drawn');
  draw('1945-08-10');
  assert.equal(polities() + railways(), 0, 'nor in the frame that draws the first date');
  await new Promise((resolve) => setTimeout(resolve, 100)); // a frame, then a task
  assert.equal(railways(), 1, 'the railway, on every date');
  assert.equal(polities(), 1);
  assert.deepEqual(names(), ['Manchukuo']);
  assert.equal(added.length, 1, 'the polity of another date was never drawn');
  draw('1945-08-25');
  assert.equal(polities(), 1);
  assert.deepEqual(names(), ['After']);
});
