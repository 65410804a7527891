// Unit tests of the map client (static/map/atlas-map.js) under Node's test runner. The formats come
// from tests/fixtures/client_formats.json, written by the Python producer (tests/unit/test_map_packing.py).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { mapWindow } = require('./map-window.js');

const AtlasMap = require('../../static/map/atlas-map.js');
const formats = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'client_formats.json'), 'utf8'));

function canonical(features) {
  const sortKeys = (value) => {
    if (Array.isArray(value)) { return value.map(sortKeys); }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
    }
    return value;
  };
  return features.map((f) => JSON.stringify(sortKeys(f))).sort();
}

test('a packed layer reads back to exactly the features the server drew, on every date', () => {
  for (const layer of formats.layers) {
    const features = AtlasMap.features(layer.packed, formats.places, formats.arrowSize);
    assert.deepEqual(canonical(features), canonical(layer.features), layer.day);
  }
});

test('a marker whose place is not in the catalog is left out, not drawn at 0,0', () => {
  const features = AtlasMap.features({ m: [['nowhere', 'i1']] }, formats.places, formats.arrowSize);
  assert.deepEqual(features, []);
});

test('the step table gives back every date exactly, and null for a date it does not hold', () => {
  for (const layer of formats.layers) {
    assert.deepEqual(AtlasMap.stepLayer(formats.table, layer.day), { ...layer.packed, d: layer.day });
  }
  assert.equal(AtlasMap.stepLayer(formats.table, '1944-01-01'), null);
  assert.equal(AtlasMap.stepLayer(null, formats.layers[0].day), null);
});

test('diff keeps what is drawn exactly so, adds the rest once and removes what is gone', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };
  const change = AtlasMap.diff([JSON.stringify(a), JSON.stringify(b)], [b, c, c]);
  assert.deepEqual(change.keep, [JSON.stringify(b)]);
  assert.deepEqual(change.add, [{ key: JSON.stringify(c), feature: c }]);
  assert.deepEqual(change.remove, [JSON.stringify(a)]);
});

test('stepIndex moves within the list and jumps to either end', () => {
  assert.equal(AtlasMap.stepIndex(3, 10, 1), 4);
  assert.equal(AtlasMap.stepIndex(9, 10, 1), 9);
  assert.equal(AtlasMap.stepIndex(0, 10, -1), 0);
  assert.equal(AtlasMap.stepIndex(5, 10, 'first'), 0);
  assert.equal(AtlasMap.stepIndex(5, 10, 'last'), 9);
  assert.equal(AtlasMap.stepIndex(0, 0, 1), -1);
});

// A Leaflet map in jsdom, with the client attached to a source we control.
function mapWithClient(source) {
  const { dom, L } = mapWindow();
  const map = L.map(dom.window.document.getElementById('map'), { center: [45, 125], zoom: 5 });
  const catalog = { popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: formats.places };
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => null, sliderDay: () => null,
    followSlider: () => {}, ...source }, { arrowSize: formats.arrowSize });
  return { L, map, client, dom };
}

function drawnIds(client) {
  return Object.values(client.state.drawn).map((layer) => layer.feature.properties.id).sort();
}

test('apply draws a day, then only the differences, keeping unchanged layers (an open popup stays)', async () => {
  const { client } = mapWithClient({});
  const [first, second] = [formats.layers[1], formats.layers[2]];
  client.apply({ ...first.packed, d: first.day });
  assert.deepEqual(drawnIds(client), first.features.map((f) => f.properties.id).sort());
  const before = { ...client.state.drawn };
  client.apply({ ...second.packed, d: second.day });
  assert.deepEqual(drawnIds(client), second.features.map((f) => f.properties.id).sort());
  const kept = Object.keys(before).filter((key) => key in client.state.drawn);
  assert.ok(kept.length > 0);
  for (const key of kept) { assert.equal(client.state.drawn[key], before[key]); } // the same Leaflet layer
  assert.equal(global.window.atlasApplied.day, second.day);
});

test('a date named by the server is drawn from the step table, at the date the slider shows now', () => {
  let sliderDay = formats.layers[3].day;
  const { client } = mapWithClient({ steps: () => ({ table: formats.table, version: 1 }), sliderDay: () => sliderDay });
  client.apply({ d: formats.layers[0].day, r: 1 });
  assert.equal(client.state.day, formats.layers[3].day); // keys were pressed faster than the server answered
  assert.deepEqual(drawnIds(client), formats.layers[3].features.map((f) => f.properties.id).sort());
  const count = global.window.atlasApplied.count;
  client.apply({ d: formats.layers[3].day, r: 1 });
  assert.equal(global.window.atlasApplied.count, count); // drawn already: nothing is redrawn
  sliderDay = null;
  client.apply({ d: formats.layers[4].day, r: 1 });
  assert.equal(client.state.day, formats.layers[4].day);
});

test('the slider moving redraws the map at once from the step table', () => {
  let moved = null;
  let sliderDay = formats.layers[0].day;
  const { client } = mapWithClient({ steps: () => ({ table: formats.table, version: 1 }), sliderDay: () => sliderDay,
    followSlider: (callback) => { moved = callback; } });
  client.apply({ d: sliderDay, r: 1 });
  sliderDay = formats.layers[2].day;
  moved();
  assert.equal(client.state.day, formats.layers[2].day);
});

test('the big date shows the catalog label of the day drawn, in the same call that draws the layer', () => {
  const { client, dom } = mapWithClient({});
  client.catalog().dates = { [formats.layers[2].day]: '20 de agosto de 1945' };
  client.apply({ ...formats.layers[2].packed, d: formats.layers[2].day });
  assert.equal(dom.window.document.querySelector('.atlas-date').textContent, '20 de agosto de 1945');
  assert.equal(dom.window.document.querySelector('.atlas-date').getAttribute('aria-live'), 'polite');
  client.apply({ ...formats.layers[3].packed, d: formats.layers[3].day });
  assert.equal(dom.window.document.querySelector('.atlas-date').textContent, formats.layers[3].day); // no label: ISO
});

test('the place named in the link is ringed, and a compared date is drawn faint and not clickable', () => {
  const layer = formats.layers[2];
  const focusId = layer.packed.m[0][0];
  const { dom, L } = mapWindow();
  const map = L.map(dom.window.document.getElementById('map'), { center: [46, 121], zoom: 6 });
  const catalog = { popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: formats.places };
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => ({ table: formats.table, version: 1 }),
    sliderDay: () => null, followSlider: () => {} }, { arrowSize: formats.arrowSize, focus: focusId });
  client.apply({ d: layer.day, r: 1, c: formats.layers[0].day });
  assert.equal(dom.window.document.querySelectorAll('.atlas-focus').length, 1);
  const ghosts = dom.window.document.querySelectorAll('.leaflet-marker-icon.atlas-ghost');
  assert.equal(ghosts.length, formats.layers[0].features.filter((f) => f.geometry.type === 'Point' &&
    f.properties.kind !== 'arrow').length);
  ghosts.forEach((el) => assert.ok(!el.classList.contains('leaflet-interactive')));
  client.apply({ d: layer.day, r: 1 }); // comparison switched off
  assert.equal(dom.window.document.querySelectorAll('.atlas-ghost').length, 0);
});

test('place names show by rank as the map zooms in, never all at once', async () => {
  const { L, map, client, dom } = mapWithClient({});
  client.catalog().labels = [{ n: 'Harbin', c: [126.6, 45.7], r: 1 }, { n: 'Jilin', c: [126.5, 43.8], r: 3 }];
  AtlasMap.addLabels(L, map, client);
  const names = () => [...dom.window.document.querySelectorAll('.atlas-label')].map((el) => el.textContent).sort();
  await new Promise((resolve) => setTimeout(resolve, 20));
  map.setZoom(4, { animate: false });
  assert.deepEqual(names(), ['Harbin']);
  map.setZoom(7, { animate: false });
  assert.deepEqual(names(), ['Harbin', 'Jilin']);
});
