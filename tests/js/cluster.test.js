// Dense dates (static/map/cluster.js): from `clusterAt` places on, the places are drawn in clusters
// (Leaflet.markercluster, the very file the app serves: scripts/test.sh copies it under static/vendor/
// before these tests); below it nothing changes. Under Node's test runner, Leaflet in jsdom.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { mapWindow } = require('./map-window.js');

const AtlasCluster = require('../../static/map/cluster.js');
const AtlasMap = require('../../static/map/atlas-map.js');
const AtlasA11y = require('../../static/map/a11y.js');
const formats = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'client_formats.json'), 'utf8'));
const SERVED = path.join(__dirname, '..', '..', 'static', 'vendor', 'leaflet.markercluster', 'leaflet.markercluster.js');

function point(id, extra) {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [125, 45] }, properties: { id, kind: 'camp', ...extra } };
}

test('places cluster (with or without an accuracy ring), not arrowheads or lines', () => {
  assert.equal(AtlasCluster.clusterable(point('a')), true);
  assert.equal(AtlasCluster.clusterable(point('a', { kind: 'arrow' })), false);
  assert.equal(AtlasCluster.clusterable(point('a', { ring: 25000 })), true);
  assert.equal(AtlasCluster.clusterable({ type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: {} }), false);
  assert.equal(AtlasCluster.clusterable(null), false);
  assert.equal(AtlasCluster.countClusterable([point('a'), point('b', { kind: 'arrow' }), point('c')]), 2);
});

test("a cluster's name is the catalog's text with its count, or an English default", () => {
  assert.equal(AtlasCluster.clusterName({ cluster_label: '{n} lugares: acercar' }, 12), '12 lugares: acercar');
  assert.equal(AtlasCluster.clusterName({}, 3), '3 places: zoom in');
});

// A Leaflet map in jsdom with Leaflet.markercluster, and the client attached with `clusterAt`.
function clusteredMap(clusterAt, more = {}) {
  const { L, box } = mapWindow();
  global.L = L; // the plugin adds itself to the global Leaflet
  delete require.cache[SERVED];
  require(SERVED);
  Object.defineProperty(box, 'clientWidth', { value: 800 }); // jsdom lays nothing out: the map's size, for
  Object.defineProperty(box, 'clientHeight', { value: 600 }); // the clusters' view bounds
  const map = L.map(box, { center: [45, 125], zoom: 5, maxZoom: 12, zoomAnimation: false }); // no animation: clusters change at once
  const catalog = { popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: formats.places, ui: {} };
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => null, sliderDay: () => null,
    followSlider: () => {} }, { arrowSize: formats.arrowSize, clusterAt, clusterUrl: 'vendor/', ...more });
  return { L, map, client };
}

function places(client) {
  return Object.values(client.state.drawn).filter((layer) => AtlasCluster.clusterable(layer.feature));
}

const served = fs.existsSync(SERVED) ? false : 'Leaflet.markercluster is not under static/vendor (scripts/test.sh copies it)';

test('below the threshold the places are drawn one by one, as before', { skip: served }, () => {
  const { client, map } = clusteredMap(1000);
  const layer = formats.layers[2];
  client.apply({ ...layer.packed, d: layer.day });
  assert.ok(places(client).length > 0);
  for (const marker of places(client)) {
    assert.equal(marker.atlasIn, undefined);
    assert.ok(map.hasLayer(marker));
  }
});

test('from the threshold on the places go into clusters, and leave them when a date no longer has them', { skip: served }, () => {
  const { client } = clusteredMap(3);
  const [first, second] = [formats.layers[2], formats.layers[0]];
  client.apply({ ...first.packed, d: first.day });
  const group = places(client)[0].atlasIn;
  assert.ok(group && group.getLayers);
  assert.equal(group.getLayers().length, places(client).length);
  for (const layer of Object.values(client.state.drawn)) { // arrowheads and lines stay with the lines
    if (!AtlasCluster.clusterable(layer.feature)) { assert.notEqual(layer.atlasIn, group); }
  }
  client.apply({ ...second.packed, d: second.day }); // fewer places: still clusters (no switching back)
  assert.deepEqual(group.getLayers().map((m) => m.feature.properties.id).sort(),
    places(client).map((m) => m.feature.properties.id).sort());
  assert.equal(places(client).every((marker) => marker.atlasIn === group), true);
});

test('a page dense in all (clusterFirst) draws its first date in clusters, below the threshold too', { skip: served }, () => {
  const { client, map } = clusteredMap(1000, { clusterFirst: true });
  const [first, second] = [formats.layers[2], formats.layers[0]];
  client.apply({ ...first.packed, d: first.day });
  assert.ok(places(client).length > 0 && places(client).length < 1000);
  const group = places(client)[0].atlasIn;
  assert.ok(group && group.getLayers && map.hasLayer(group));
  assert.equal(places(client).every((marker) => marker.atlasIn === group), true);
  client.apply({ ...second.packed, d: second.day }); // the next date: the same clusters, never a switch
  assert.equal(places(client).every((marker) => marker.atlasIn === group), true);
  const other = clusteredMap(1000, { clusterFirst: 'yes' }).client; // only `true` says so
  other.apply({ ...first.packed, d: first.day });
  assert.equal(places(other).every((marker) => marker.atlasIn === undefined), true);
});

test('a cluster whose count changes keeps its element, with the new count and name', { skip: served }, () => {
  const { L, client } = clusteredMap(3);
  const layer = formats.layers[2];
  client.apply({ ...layer.packed, d: layer.day });
  const group = places(client)[0].atlasIn;
  const cluster = group._featureGroup.getLayers().filter((l) => l instanceof L.MarkerCluster)[0];
  assert.ok(cluster && cluster._icon);
  const element = cluster._icon;
  const before = cluster.getChildCount();
  group.addLayer(L.marker(cluster.getLatLng(), { icon: L.divIcon({ className: 'atlas-icon' }) }));
  assert.equal(cluster.getChildCount(), before + 1);
  assert.equal(cluster._icon, element); // the same element: not taken off the map and made again
  assert.equal(element.textContent, String(before + 1));
  assert.equal(element.getAttribute('aria-label'), AtlasCluster.clusterName({}, before + 1));
  assert.equal(element.getAttribute('role'), 'button');
  assert.ok(element.classList.contains('atlas-cluster') && element.classList.contains('leaflet-interactive'));
  assert.equal(element.parentNode !== null, true);
});

test('"Places on this date" opens a place inside a cluster by zooming to it first', { skip: served }, () => {
  const { client } = clusteredMap(3);
  const layer = formats.layers[2];
  client.apply({ ...layer.packed, d: layer.day });
  const marker = places(client)[0];
  const shown = [];
  marker.atlasIn.zoomToShowLayer = (target, then) => { shown.push(target); then(); };
  let opened = false;
  marker.openPopup = () => { opened = true; };
  marker._map = null; // inside a cluster: not on the map itself
  AtlasA11y.openItem({ layer: marker, line: false });
  assert.deepEqual(shown, [marker]);
  assert.equal(opened, true);
});

test('without the plugin (a standalone page, or its script not loaded yet) nothing clusters', () => {
  const { dom, L } = mapWindow();
  const map = L.map(dom.window.document.getElementById('map'), { center: [45, 125], zoom: 5 });
  const clusters = AtlasCluster.clusters(L, map, { clusterAt: 2 }, () => ({}), () => false, () => {});
  assert.equal(clusters.wanted(10), false); // no script to load: never
  const loading = AtlasCluster.clusters(L, map, { clusterAt: 2, clusterUrl: 'x/' }, () => ({}),
    () => false, () => {});
  assert.equal(loading.wanted(1), false);
  assert.equal(dom.window.document.querySelectorAll('script[src="x/leaflet.markercluster.js"]').length, 0); // under the threshold: nothing loaded
  assert.equal(loading.wanted(5), false); // wanted, loading: drawn alone meanwhile
  assert.equal(dom.window.document.querySelectorAll('script[src="x/leaflet.markercluster.js"]').length, 1);
  assert.equal(dom.window.document.querySelectorAll('link[href="x/MarkerCluster.css"]').length, 1);
  loading.wanted(9);
  assert.equal(dom.window.document.querySelectorAll('script[src="x/leaflet.markercluster.js"]').length, 1); // once
});

test("a place's accuracy ring is drawn while its marker is, not while the place is in a cluster", { skip: served }, () => {
  const { client, map } = clusteredMap(3);
  const layer = formats.layers[2];
  client.apply({ ...layer.packed, d: layer.day });
  const ringed = places(client).filter((drawn) => drawn.feature.properties.ring);
  assert.ok(ringed.length > 0, 'the fixture has a place with a ring');
  const ringOf = (drawn) => drawn.getLayers().find((part) => !(part.options && part.options.icon));
  const markerOf = (drawn) => drawn.getLayers().find((part) => part.options && part.options.icon);
  for (const drawn of ringed) {
    assert.equal(map.hasLayer(ringOf(drawn)), map.hasLayer(markerOf(drawn)));
  }
  const first = markerOf(ringed[0]);
  map.setView(first.getLatLng(), AtlasCluster.CLUSTER_OFF_AT + 1, { animate: false }); // every place alone
  assert.equal(map.hasLayer(first), true);
  for (const drawn of ringed) { // (those out of view are not drawn at all)
    assert.equal(map.hasLayer(ringOf(drawn)), map.hasLayer(markerOf(drawn)));
  }
  map.setView(first.getLatLng(), 3, { animate: false }); // all together again
  const hidden = ringed.filter((drawn) => !map.hasLayer(markerOf(drawn)));
  assert.ok(hidden.length > 0);
  for (const drawn of hidden) { assert.equal(map.hasLayer(ringOf(drawn)), false); }
});

test('the first dense date waits for the clusters\' script instead of drawing every place alone first', { skip: served }, () => {
  const { L, box, dom } = mapWindow();
  Object.defineProperty(box, 'clientWidth', { value: 800 });
  Object.defineProperty(box, 'clientHeight', { value: 600 });
  const map = L.map(box, { center: [45, 125], zoom: 5, maxZoom: 12, zoomAnimation: false });
  const catalog = { popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: formats.places, ui: {} };
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => null, sliderDay: () => null,
    followSlider: () => {} }, { arrowSize: formats.arrowSize, clusterAt: 3, clusterUrl: 'vendor/' });
  const layer = formats.layers[2];
  client.apply({ ...layer.packed, d: layer.day });
  assert.deepEqual(Object.keys(client.state.drawn), []); // nothing drawn alone meanwhile
  const script = dom.window.document.querySelector('script[src="vendor/leaflet.markercluster.js"]');
  assert.ok(script);
  global.L = L; // the script arrives: the plugin adds itself to Leaflet
  delete require.cache[SERVED];
  require(SERVED);
  script.onload();
  assert.equal(client.state.day, layer.day); // drawn now, every place inside the clusters
  assert.ok(places(client).length > 0);
  assert.equal(places(client).every((marker) => marker.atlasIn && marker.atlasIn.getLayers), true);
});

test('if the clusters\' script does not come, the places are drawn one by one', () => {
  const { L, box, dom } = mapWindow();
  const map = L.map(box, { center: [45, 125], zoom: 5, zoomAnimation: false });
  const catalog = { popups: {}, icons: {}, sizes: {}, lines: {}, legend: '', places: formats.places, ui: {} };
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => null, sliderDay: () => null,
    followSlider: () => {} }, { arrowSize: formats.arrowSize, clusterAt: 3, clusterUrl: 'blocked/' });
  const layer = formats.layers[2];
  client.apply({ ...layer.packed, d: layer.day });
  assert.equal(client.state.day, null);
  dom.window.document.querySelector('script[src="blocked/leaflet.markercluster.js"]').onerror();
  assert.equal(client.state.day, layer.day);
  assert.ok(places(client).length > 0);
  assert.equal(places(client).every((marker) => marker.atlasIn === undefined && map.hasLayer(marker)), true);
});
