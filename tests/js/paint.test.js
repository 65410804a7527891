// A slider step within one frame (static/map/paint.js): work after the paint, coalesced; icons parsed
// once and cloned; markers placed without a layer of their own; markers that only change their icon
// keep their element. Under Node's test runner, Leaflet in jsdom.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { mapWindow } = require('./map-window.js');

const AtlasPaint = require('../../static/map/paint.js');
const AtlasMap = require('../../static/map/atlas-map.js');
const formats = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'client_formats.json'), 'utf8'));

// A window whose frames and tasks run only when the test says so.
function fakeWindow(idle) {
  const frames = [];
  const tasks = [];
  const win = {
    requestAnimationFrame: (callback) => frames.push(callback),
    setTimeout: (callback) => tasks.push(callback),
    frame() { frames.splice(0).forEach((callback) => callback()); },
    tasks() { tasks.splice(0).forEach((callback) => callback()); },
    pending: () => frames.length + tasks.length,
  };
  if (idle) { win.idle = []; win.requestIdleCallback = (callback, options) => win.idle.push([callback, options]); }
  return win;
}

test('afterPaint runs its task after the next frame is painted, not in the frame itself', () => {
  const win = fakeWindow(false);
  const later = AtlasPaint.afterPaint(win);
  const ran = [];
  later(() => ran.push('a'));
  assert.deepEqual(ran, []);
  win.frame(); // the frame is being rendered: still not
  assert.deepEqual(ran, []);
  win.tasks(); // the task queued from the frame (the paint came between)
  win.tasks(); // and the one that runs the work
  assert.deepEqual(ran, ['a']);
  assert.equal(win.pending(), 0);
});

test('afterPaint runs once for several quick steps, with the last task; then again for the next', () => {
  const win = fakeWindow(false);
  const later = AtlasPaint.afterPaint(win);
  const ran = [];
  later(() => ran.push(1));
  later(() => ran.push(2));
  win.frame();
  later(() => ran.push(3)); // a step drawn after the frame, before the work ran
  win.tasks();
  win.tasks();
  assert.deepEqual(ran, [3]);
  assert.equal(win.pending(), 0, 'nothing else scheduled');
  later(() => ran.push(4));
  win.frame();
  win.tasks();
  win.tasks();
  assert.deepEqual(ran, [3, 4]);
});

test('afterPaint waits for an idle moment when the browser can tell, at most a bounded time', () => {
  const win = fakeWindow(true);
  const later = AtlasPaint.afterPaint(win, 150);
  const ran = [];
  later(() => ran.push('x'));
  win.frame();
  win.tasks();
  assert.deepEqual(ran, []);
  assert.equal(win.idle.length, 1);
  assert.deepEqual(win.idle[0][1], { timeout: 150 });
  win.idle[0][0]();
  assert.deepEqual(ran, ['x']);
});

test('afterPaint with no idle timeout runs in the task after the frame, idle or not', () => {
  const win = fakeWindow(true);
  const later = AtlasPaint.afterPaint(win, null);
  const ran = [];
  later(() => ran.push('x'));
  assert.deepEqual(ran, []);
  win.frame();
  assert.deepEqual(ran, [], 'not in the frame itself');
  win.tasks();
  assert.deepEqual(ran, ['x']);
  assert.equal(win.idle.length, 0, 'no idle wait');
});

const point = (id, xy, extra) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: xy },
  properties: { id, kind: 'town', icon: 'a', ...extra } });

test('sameMarker: the same place changing its icon only, never a ring, a line, another place or position', () => {
  assert.equal(AtlasPaint.sameMarker(point('p', [1, 2]), point('p', [1, 2], { icon: 'b' })), true);
  assert.equal(AtlasPaint.sameMarker(point('p', [1, 2]), point('q', [1, 2], { icon: 'b' })), false);
  assert.equal(AtlasPaint.sameMarker(point('p', [1, 2]), point('p', [1, 3], { icon: 'b' })), false);
  assert.equal(AtlasPaint.sameMarker(point('p', [1, 2]), point('p', [1, 2], { kind: 'hq' })), false);
  assert.equal(AtlasPaint.sameMarker(point('p', [1, 2]), point('p', [1, 2], { title: 'other' })), false);
  assert.equal(AtlasPaint.sameMarker(point('p', [1, 2]), point('p', [1, 2], { ring: 5000, color: '#000' })), false);
  assert.equal(AtlasPaint.sameMarker(point('p', [1, 2], { ring: 5000 }), point('p', [1, 2])), false);
  const line = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] }, properties: { id: 'p' } };
  assert.equal(AtlasPaint.sameMarker(line, line), false);
});

test('reuse marks each removed marker for at most one added one, in order, and leaves the rest to remove', () => {
  const drawn = { k1: point('p', [1, 2]), k2: point('q', [3, 4]), k3: point('r', [5, 6], { ring: 1 }) };
  const change = { keep: ['k0'], remove: ['k1', 'k2', 'k3'], add: [
    { key: 'n1', feature: point('p', [1, 2], { icon: 'b' }) },
    { key: 'n2', feature: point('p', [1, 2], { icon: 'c' }) }, // the same place twice: one reuses it
    { key: 'n3', feature: point('r', [5, 6], { icon: 'b', ring: 1 }) },
    { key: 'n4', feature: point('s', [7, 8]) },
  ] };
  const out = AtlasPaint.reuse(change, (key) => drawn[key]);
  assert.deepEqual(out.keep, ['k0']);
  assert.deepEqual(out.add.map((item) => [item.key, item.from]),
    [['n1', 'k1'], ['n2', undefined], ['n3', undefined], ['n4', undefined]], 'in their order, n1 reusing k1');
  assert.equal(out.add[0].feature, change.add[0].feature);
  assert.deepEqual(out.remove, ['k2', 'k3']);
});

// Leaflet in jsdom, with the client attached (as tests/js/atlas-map.test.js does).
function mapWithClient(catalog) {
  const { dom, L } = mapWindow();
  const map = L.map(dom.window.document.getElementById('map'), { center: [45, 125], zoom: 5 });
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => null, sliderDay: () => null,
    followSlider: () => {} }, { arrowSize: formats.arrowSize });
  return { L, map, client, doc: dom.window.document };
}

const SVG_A = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">' +
  '<circle cx="8" cy="8" r="6" fill="#D55E00"/></svg>';
const SVG_B = SVG_A.replace('#D55E00', '#0072B2');

test('an icon is the same markup L.divIcon makes, parsed once and cloned for each marker', () => {
  const { L, doc } = mapWithClient({ ...AtlasMap.EMPTY_CATALOG });
  const Icon = AtlasPaint.iconClass(L);
  assert.equal(AtlasPaint.iconClass(L), Icon, 'one class per Leaflet');
  const options = { html: SVG_A, className: 'atlas-icon atlas-town', iconSize: [16, 16], iconAnchor: [8, 8] };
  const plain = L.divIcon(options).createIcon();
  const first = new Icon(options).createIcon();
  const second = new Icon(options).createIcon();
  assert.equal(first.outerHTML, plain.outerHTML);
  assert.equal(second.outerHTML, plain.outerHTML);
  assert.notEqual(first.querySelector('svg'), second.querySelector('svg'), 'each marker its own element');
  assert.equal(first.ownerDocument, doc);
  // setIcon: the element is refilled with the new icon, not replaced
  const refilled = new Icon({ ...options, html: SVG_B, className: 'atlas-icon atlas-hq' }).createIcon(first);
  assert.equal(refilled, first);
  assert.equal(refilled.outerHTML, L.divIcon({ ...options, html: SVG_B, className: 'atlas-icon atlas-hq' }).createIcon().outerHTML);
});

test('markers are placed with a 2D translate at Leaflet\'s own position (no layer of their own)', () => {
  const { L, map } = mapWithClient({ ...AtlasMap.EMPTY_CATALOG });
  const Marker = AtlasPaint.markerClass(L);
  const ours = new Marker([45, 125], { icon: L.divIcon({ html: '' }) }).addTo(map);
  const theirs = L.marker([45, 125], { icon: L.divIcon({ html: '' }) }).addTo(map);
  assert.match(ours.getElement().style.transform, /^translate\(-?\d+px, ?-?\d+px\)$/);
  assert.deepEqual(L.DomUtil.getPosition(ours.getElement()), L.DomUtil.getPosition(theirs.getElement()));
  assert.equal(ours.getElement().style.zIndex, theirs.getElement().style.zIndex);
  assert.doesNotMatch(ours.getElement().style.transform, /3d/);
});

test('a marker that only changes its icon between dates keeps its element, moved on top as if added anew', () => {
  const place = Object.keys(formats.places).find((id) => !formats.places[id].shift);
  const catalog = { ...AtlasMap.EMPTY_CATALOG, places: formats.places, icons: { a: SVG_A, b: SVG_B }, sizes: { a: 16, b: 16 },
    popups: { [place]: { title: 'Somewhere', popup: '<p>p</p>', tooltip: 't' } } };
  const other = Object.keys(formats.places).find((id) => id !== place);
  const { client, doc } = mapWithClient(catalog);
  client.apply({ m: [[place, 'a'], [other, 'a']], d: '1945-08-09' });
  const element = doc.querySelector('.leaflet-marker-icon[title="Somewhere"]');
  assert.ok(element.innerHTML.includes('#D55E00'));
  client.apply({ m: [[place, 'b'], [other, 'a']], d: '1945-08-10' });
  const after = doc.querySelector('.leaflet-marker-icon[title="Somewhere"]');
  assert.equal(after, element, 'the same element');
  assert.ok(after.innerHTML.includes('#0072B2') && !after.innerHTML.includes('#D55E00'), 'with the new icon');
  assert.equal(after.parentNode.lastElementChild, after, 'last in its pane, where a new marker would be');
  assert.ok(after.classList.contains('leaflet-interactive') && after.classList.contains('atlas-icon'), after.className);
  assert.equal(after.getAttribute('title'), 'Somewhere', 'its name kept');
  assert.equal(after.getAttribute('tabindex'), '0', 'still in the Tab order');
  const layers = Object.values(client.state.drawn);
  assert.equal(layers.length, 2);
  const layer = layers.find((l) => l.feature.properties.id === place);
  assert.equal(layer.feature.properties.icon, 'b', 'the layer carries the feature it now draws');
  assert.equal(layer.getElement(), after);
});

// atlas/map/symbology.py's arrow_svg('#E69F00', 0, False) and (…, True): pointing north, behind the centre
const ARROW = '<svg xmlns="http://www.w3.org/2000/svg" width="44" height="44" viewBox="0 0 44 44" aria-hidden="true">' +
  '<polygon points="22.0,30.0 29.0,43.0 22.0,39.0 15.0,43.0" fill="#E69F00" stroke="#ffffff" stroke-width="1" ' +
  'opacity="1" transform="rotate(0.0 22.0 22.0)"/></svg>';
const FADED_ARROW = ARROW.replace('opacity="1"', 'opacity="0.5"');

test('an arrowhead is one path in its own pane\'s SVG, turned, and keeps it when it moves with its axis', () => {
  const catalog = { ...AtlasMap.EMPTY_CATALOG, icons: { h: ARROW, f: FADED_ARROW }, sizes: { h: 44, f: 44 } };
  const { L, client, doc, map } = mapWithClient(catalog);
  map.getSize = () => L.point(800, 600); // (jsdom lays nothing out: the map would have no size, and its SVG no view)
  client.apply({ a: [['arrow-ax1', 125, 45, 0, 'h']], d: '1945-08-09' });
  assert.equal(doc.querySelectorAll('.leaflet-marker-icon').length, 0, 'no marker of its own');
  const paths = doc.querySelectorAll('.leaflet-atlas-arrows-pane path.atlas-arrow');
  assert.equal(paths.length, 1);
  const path = paths[0];
  assert.equal(path.getAttribute('fill'), '#E69F00');
  const [layer] = Object.values(client.state.drawn);
  const at = map.latLngToLayerPoint([45, 125]);
  const corners = (d) => d.replace(/Z$/, '').split(/[ML]/).filter(Boolean).map((xy) => xy.split(' ').map(Number));
  const tip = (d) => corners(d)[0];
  const near = (a, b) => Math.abs(a - b) < 0.11;
  assert.ok(near(tip(path.getAttribute('d'))[0], at.x) && near(tip(path.getAttribute('d'))[1], at.y + 8),
    'pointing north: the tip 8 px behind the head, on its axis');
  client.apply({ a: [['arrow-ax1', 126, 46, 90, 'f']], d: '1945-08-10' }); // moved, turned east, faded
  assert.equal(doc.querySelectorAll('path.atlas-arrow').length, 1);
  assert.equal(doc.querySelector('path.atlas-arrow'), path, 'the same element');
  const moved = map.latLngToLayerPoint([46, 126]);
  const [x, y] = tip(path.getAttribute('d'));
  assert.ok(near(x, moved.x - 8) && near(y, moved.y), 'turned clockwise to point east: the tip 8 px west of the head');
  assert.ok(corners(path.getAttribute('d'))[2][0] < x, 'the notch behind the tip');
  assert.equal(path.getAttribute('fill-opacity'), '0.5', 'faded');
  assert.equal(Object.values(client.state.drawn)[0], layer);
  assert.deepEqual([layer.getLatLng().lat, layer.getLatLng().lng], [46, 126]);
});

test('an arrowhead whose markup is not an arrowhead polygon is drawn as a marker', () => {
  const catalog = { ...AtlasMap.EMPTY_CATALOG, icons: { h: SVG_A }, sizes: { h: 16 } };
  const { client, doc, map } = mapWithClient(catalog);
  client.apply({ a: [['arrow-ax1', 125, 45, 10, 'h']], d: '1945-08-09' });
  const element = doc.querySelector('.atlas-arrow');
  const before = element.style.transform;
  client.apply({ a: [['arrow-ax1', 126, 46, 40, 'h']], d: '1945-08-10' });
  assert.equal(doc.querySelectorAll('.atlas-arrow').length, 1);
  assert.equal(doc.querySelector('.atlas-arrow'), element, 'the same element');
  assert.notEqual(element.style.transform, before, 'moved');
  assert.ok(element.innerHTML.includes('rotate(40deg)'), 'turned');
  const [layer] = Object.values(client.state.drawn);
  assert.deepEqual([layer.getLatLng().lat, layer.getLatLng().lng], [46, 126]);
  assert.ok(map.hasLayer(layer));
});

test('sameArrow pairs the heads of one axis only; keyOf works a feature out once', () => {
  const head = (id, at) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { id, kind: 'arrow' } });
  assert.ok(AtlasPaint.sameArrow(head('arrow-a', [1, 2]), head('arrow-a', [3, 4])));
  assert.ok(!AtlasPaint.sameArrow(head('arrow-a', [1, 2]), head('arrow-b', [1, 2])));
  assert.ok(!AtlasPaint.sameArrow(point('p', [1, 2]), point('p', [3, 4])), 'a place never moves');
  const feature = head('arrow-a', [1, 2]);
  assert.equal(AtlasPaint.keyOf(feature), JSON.stringify(feature));
  feature.properties.id = 'changed'; // features are never changed once drawn: the key is the first one's
  assert.equal(AtlasPaint.keyOf(feature), JSON.stringify(head('arrow-a', [1, 2])));
});

test('features: a row met again gives the same feature object with a memo, a new one without', () => {
  const row = ['ax1', 'done', [[125, 45], [126, 46]]];
  const memo = new WeakMap();
  const [first] = AtlasMap.features({ l: [row] }, {}, formats.arrowSize, memo);
  const [again] = AtlasMap.features({ l: [row] }, {}, formats.arrowSize, memo);
  const [fresh] = AtlasMap.features({ l: [row] }, {}, formats.arrowSize);
  assert.equal(again, first);
  assert.notEqual(fresh, first);
  assert.deepEqual(fresh, first);
  assert.deepEqual(AtlasMap.features({ m: [['nowhere', 'i']] }, {}, formats.arrowSize, memo), [], 'an unknown place, memo or not');
});

test('an axis that grows keeps its path element and takes its new course; another line does not', () => {
  const catalog = { ...AtlasMap.EMPTY_CATALOG, lines: { done: { color: '#000', weight: 3 } } };
  const { client, doc } = mapWithClient(catalog);
  client.apply({ l: [['ax1', 'done', [[125, 45], [126, 46]]]], d: '1945-08-09' });
  const element = doc.querySelector('path.leaflet-interactive');
  client.apply({ l: [['ax1', 'done', [[125, 45], [126, 46], [127, 46]]]], d: '1945-08-10' });
  assert.equal(doc.querySelectorAll('path.leaflet-interactive').length, 1);
  assert.equal(doc.querySelector('path.leaflet-interactive'), element, 'the same element');
  const [layer] = Object.values(client.state.drawn);
  assert.deepEqual(layer.getLatLngs().map((at) => [at.lng, at.lat]), [[125, 45], [126, 46], [127, 46]], 'its new course');
  assert.equal(layer.feature.geometry.coordinates.length, 3, 'the layer carries the feature it now draws');
  client.apply({ l: [['ax1', 'other', [[125, 45], [127, 47]]]], d: '1945-08-11' });
  assert.notEqual(doc.querySelector('path.leaflet-interactive'), element, 'another style: drawn anew');
  assert.ok(AtlasPaint.sameLine(layer.feature, Object.values(client.state.drawn)[0].feature) === false);
});

test('a turned icon keeps its children when only its turn changes, and is refilled when its markup does', () => {
  const { L } = mapWithClient({ ...AtlasMap.EMPTY_CATALOG });
  const Icon = AtlasPaint.iconClass(L);
  const options = { html: SVG_A, className: 'atlas-icon atlas-arrow', iconSize: [16, 16], iconAnchor: [8, 8] };
  const element = new Icon({ ...options, turn: 10 }).createIcon();
  const svg = element.querySelector('svg');
  assert.equal(element.firstChild.style.transform, 'rotate(10deg)');
  assert.equal(element.firstChild.firstChild, svg, 'the markup in a turned box');
  assert.equal(new Icon({ ...options, turn: 40 }).createIcon(element), element);
  assert.equal(element.querySelector('svg'), svg, 'the same children');
  assert.equal(element.firstChild.style.transform, 'rotate(40deg)');
  new Icon({ ...options, html: SVG_B, turn: 40 }).createIcon(element);
  assert.notEqual(element.querySelector('svg'), svg, 'new markup, new children');
  assert.ok(element.innerHTML.includes('#0072B2'));
  new Icon(options).createIcon(element);
  assert.equal(element.firstChild.tagName.toLowerCase(), 'svg', 'not turned: no box');
});
