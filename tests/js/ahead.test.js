// Unit tests of the steps worked out ahead (static/map/ahead.js) and of the client using them
// (static/map/atlas-map.js), under Node's test runner.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { mapWindow } = require('./map-window.js');

const AtlasAhead = require('../../static/map/ahead.js');
const AtlasMap = require('../../static/map/atlas-map.js');
const formats = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'client_formats.json'), 'utf8'));

test('the neighbours of a day are the steps just after and just before it, where they exist', () => {
  assert.deepEqual(AtlasAhead.neighbours(['a', 'b', 'c'], 'b'), ['c', 'a']);
  assert.deepEqual(AtlasAhead.neighbours(['a', 'b', 'c'], 'a'), ['b']);
  assert.deepEqual(AtlasAhead.neighbours(['a', 'b', 'c'], 'c'), ['b']);
  assert.deepEqual(AtlasAhead.neighbours(['a', 'b', 'c'], 'x'), []);
});

// A plan like atlas-map.js's: two features to add, one of them a reused marker (`from`).
function fakePlan(day) {
  return { next: [], count: 0, change: { keep: [], remove: [], add: [
    { key: day + ':new', feature: { day: day } }, { key: day + ':moved', feature: { day: day }, from: 'old' }] } };
}

test('steps ahead build the layers a neighbour adds (not the reused ones) once the page is idle', () => {
  const tasks = [];
  const built = [];
  const drawn = {};
  const ahead = AtlasAhead.ahead((task) => tasks.push(task), fakePlan, (feature) => {
    built.push(feature.day);
    return { options: {}, built: feature.day };
  });
  ahead.schedule(['a', 'b', 'c'], 'b', 1, drawn);
  assert.deepEqual(built, [], 'nothing before the page is idle');
  tasks.shift()();
  assert.deepEqual(built.sort(), ['a', 'c']);
  assert.equal(ahead.take('c', 1, drawn).change.add[0].key, 'c:new', 'the plan for the next step');
  assert.equal(ahead.layer('c:new').built, 'c');
  assert.equal(ahead.layer('c:new'), undefined, 'a layer is given once');
  assert.equal(ahead.layer('c:moved'), undefined, 'a reused marker is not built');
});

test('a plan worked out ahead is used only for the same table and the same layers drawn, and once', () => {
  const tasks = [];
  const drawn = {};
  const ahead = AtlasAhead.ahead((task) => tasks.push(task), fakePlan, () => ({ options: {} }));
  ahead.schedule(['a', 'b'], 'a', 1, drawn);
  tasks.shift()();
  assert.equal(ahead.take('b', 2, drawn), null, 'another step table');
  ahead.schedule(['a', 'b'], 'a', 1, drawn);
  tasks.shift()();
  assert.equal(ahead.take('b', 1, {}), null, 'other layers drawn since');
  ahead.schedule(['a', 'b'], 'a', 1, drawn);
  tasks.shift()();
  assert.equal(ahead.take('a', 1, drawn), null, 'not a neighbour');
  assert.equal(ahead.take('b', 1, drawn), null, 'taken (or passed over) once');
});

test('an icon made ahead is the element the marker shows; made once', () => {
  const { L, box } = mapWindow();
  const map = L.map(box, { center: [45, 125], zoom: 5 });
  const Icon = require('../../static/map/paint.js').iconClass(L);
  const icon = new Icon({ html: '<b>x</b>', className: 'atlas-icon' });
  const marker = L.marker([45, 125], { icon: icon });
  AtlasAhead.prepareIcons(marker);
  const ready = icon._atlasReady;
  assert.ok(ready && ready.innerHTML === '<b>x</b>');
  marker.addTo(map);
  assert.equal(marker.getElement(), ready, 'the element made ahead');
  assert.equal(icon._atlasReady, null);
});

// The client over a step table, with the page's idle work run when the test says.
function steppingClient() {
  const { dom, L } = mapWindow();
  const map = L.map(dom.window.document.getElementById('map'), { center: [45, 125], zoom: 5 });
  const catalog = { ...AtlasMap.EMPTY_CATALOG, places: formats.places };
  let sliderDay = formats.table.days[0];
  let moved = null;
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => ({ table: formats.table, version: 1 }),
    sliderDay: () => sliderDay, followSlider: (callback) => { moved = callback; } }, { arrowSize: formats.arrowSize });
  client.apply({ d: sliderDay, r: 1 });
  return { client, map, L, step: (day) => { sliderDay = day; moved(); } };
}

function drawnFeatures(client) {
  return Object.keys(client.state.drawn).sort();
}

const idle = () => new Promise((resolve) => setTimeout(resolve, 80)); // jsdom: a frame, then a task

test('stepping with the steps worked out ahead draws exactly what drawing each date afresh draws', async () => {
  const ahead = steppingClient();
  const days = formats.table.days;
  for (const day of days.slice(1).concat(days.slice(0, -1).reverse())) {
    await idle();
    ahead.step(day);
    const fresh = steppingClient();
    fresh.step(day);
    assert.equal(ahead.client.state.day, day);
    assert.deepEqual(drawnFeatures(ahead.client), drawnFeatures(fresh.client), day);
    const onMap = Object.values(ahead.client.state.drawn).filter((layer) => ahead.map.hasLayer(layer)).length;
    assert.equal(onMap, Object.keys(ahead.client.state.drawn).length, 'every layer drawn is on the map');
  }
});

test('a step worked out ahead builds no layer on the key press; one not worked out ahead does', async () => {
  const { client, L, step } = steppingClient();
  const days = formats.table.days;
  const made = [];
  const geometryToLayer = L.GeoJSON.geometryToLayer;
  L.GeoJSON.geometryToLayer = function (...args) { made.push(args[0]); return geometryToLayer.apply(this, args); };
  await idle();
  const ahead = made.length;
  assert.ok(ahead > 0, 'the neighbours\' layers are built while the page is idle');
  step(days[1]);
  assert.equal(made.length, ahead, 'the key press builds nothing');
  const before = new Set(Object.keys(client.state.drawn));
  step(days[2]); // at once: no idle moment in between
  const added = Object.keys(client.state.drawn).filter((key) => !before.has(key)).length;
  assert.ok(added > 0 && made.length > ahead, 'worked out on the key press, as before');
  L.GeoJSON.geometryToLayer = geometryToLayer;
});

// What the map shows: the layers drawn, in the page; every other layer on it waits, out of the page.
function shown(map, client) {
  const drawn = new Set(Object.values(client.state.drawn));
  const out = { drawnHidden: 0, extraShown: 0, waiting: 0 };
  client.state.group.eachLayer((layer) => {
    const hidden = AtlasAhead.waiting(layer);
    const elements = (layer.getLayers ? layer.getLayers() : [layer]).map((part) => part.getElement());
    assert.ok(elements.every((el) => el && el.isConnected === !hidden), 'in the page unless waiting');
    if (drawn.has(layer) && hidden) { out.drawnHidden += 1; }
    if (!drawn.has(layer) && !hidden) { out.extraShown += 1; }
    if (hidden) { out.waiting += 1; }
  });
  return out;
}

test('layers built ahead wait on the map out of the page; the map shows exactly the date drawn, and lets the others go', async () => {
  const { client, map, step } = steppingClient();
  const days = formats.table.days;
  let waited = 0;
  for (const day of days.slice(1).concat(days.slice(0, -1).reverse())) {
    await idle();
    const before = shown(map, client);
    assert.equal(before.drawnHidden + before.extraShown, 0);
    waited = Math.max(waited, before.waiting);
    step(day);
    const after = shown(map, client);
    assert.equal(after.drawnHidden, 0, day + ': nothing drawn is hidden');
    assert.equal(after.extraShown, 0, day + ': nothing shows that the date does not draw');
  }
  assert.ok(waited > 0, 'some layers waited');
  const { client: fresh } = steppingClient();
  await idle();
  const neighbours = AtlasAhead.neighbours(days, days[0]).length;
  assert.ok(shown(map, fresh).waiting <= waited * neighbours, 'only the neighbours\' layers wait');
});

test('a key press worked out ahead puts nothing on the map and takes nothing off: it shows and hides', async () => {
  const { client, map, L, step } = steppingClient();
  const days = formats.table.days;
  const calls = { add: 0, remove: 0 };
  const add = L.Map.prototype.addLayer;
  const remove = L.Map.prototype.removeLayer;
  L.Map.prototype.addLayer = function (...args) { calls.add += 1; return add.apply(this, args); };
  L.Map.prototype.removeLayer = function (...args) { calls.remove += 1; return remove.apply(this, args); };
  try {
    await idle();
    calls.add = calls.remove = 0;
    step(days[1]);
    assert.deepEqual(calls, { add: 0, remove: 0 }, 'forward');
    step(days[0]); // back at once, before the page is idle: the layers taken off wait for it
    assert.deepEqual(calls, { add: 0, remove: 0 }, 'and back');
    await idle();
    assert.equal(shown(map, client).extraShown, 0);
  } finally {
    L.Map.prototype.addLayer = add;
    L.Map.prototype.removeLayer = remove;
  }
});

test('a layer that waits has its popup closed, as one taken off the map would', async () => {
  const { client, step } = steppingClient();
  const days = formats.table.days;
  await idle();
  step(days[1]);
  await idle();
  const before = client.state.drawn;
  step(days[0]);
  const now = new Set(Object.values(client.state.drawn)); // (a marker whose icon changed is the same layer)
  const gone = Object.values(before).filter((layer) => !now.has(layer));
  assert.ok(gone.length > 0, 'the step back takes layers off');
  gone.forEach((layer) => assert.ok(AtlasAhead.waiting(layer)));
  const layer = gone.find((l) => l.getPopup && l.getPopup());
  assert.ok(layer, 'one of them has a popup');
  step(days[1]);
  assert.ok(!AtlasAhead.waiting(layer), 'shown again');
  layer.openPopup();
  assert.ok(layer.isPopupOpen());
  step(days[0]);
  assert.ok(AtlasAhead.waiting(layer) && !layer.isPopupOpen(), 'hidden with its popup closed');
});
