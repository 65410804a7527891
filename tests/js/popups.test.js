// Unit tests of the popup loader (static/map/popups.js): popup text fetched from the app's shard
// files when a popup opens (atlas/map/popup_files.py writes them), or read inline from the catalog.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { mapWindow } = require('./map-window.js');

const AtlasPopups = require('../../static/map/popups.js');
const AtlasMap = require('../../static/map/atlas-map.js');

const UI = { popup_loading: 'Cargando…', popup_error: 'No se pudo <cargar>' };
const FILES = { url: '../../app/static/generated/popups/abc/es-', k: 7 };

function lazyCatalog(ids) {
  const popups = {};
  ids.forEach((id) => { popups[id] = { tooltip: '<b>' + id + '</b>', title: id }; });
  return { popups, popupFiles: FILES, ui: UI };
}

/** A fetcher that answers from `shards` (url -> object), counting requests; `fail` rejects them. */
function fakeFetch(shards, fail) {
  const calls = [];
  return {
    calls,
    get(url) {
      calls.push(url);
      if (fail) { return Promise.reject(new Error('blocked')); }
      return Promise.resolve(shards[url]);
    },
  };
}

function shardsFor(ids) {
  const shards = {};
  ids.forEach((id) => {
    const url = AtlasPopups.shardUrl(FILES, id);
    shards[url] = shards[url] || {};
    shards[url][id] = '<div class="atlas-popup"><h4>' + id + '</h4></div>';
  });
  return shards;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('fnv1a gives the numbers atlas/map/popup_files.py gives', () => {
  // the same values as tests/unit/test_popup_files.py
  assert.equal(AtlasPopups.fnv1a(''), 0x811c9dc5);
  assert.equal(AtlasPopups.fnv1a('a'), 0xe40c292c);
  assert.equal(AtlasPopups.fnv1a('axis-6gta'), 0x2bd24ef7);
  assert.equal(AtlasPopups.fnv1a('Ω-ü'), 0x113299b8);
  assert.equal(AtlasPopups.shardUrl(FILES, 'a'), FILES.url + (0xe40c292c % 7) + '.json');
});

test('an inline popup is used as it is, and nothing is fetched', () => {
  const fetcher = fakeFetch({});
  const texts = AtlasPopups.loader(fetcher.get);
  const catalog = { popups: { x: { popup: '<p>inline</p>', tooltip: 't' } }, popupFiles: FILES, ui: UI };
  assert.equal(texts.content(catalog, 'x'), '<p>inline</p>');
  assert.deepEqual(fetcher.calls, []);
});

test('a popup not loaded says "Loading…", fetches its shard once, then gives the text', async () => {
  const ids = ['obj-a', 'obj-b', 'obj-c', 'wp-d', 'axis-e'];
  const shards = shardsFor(ids);
  const fetcher = fakeFetch(shards);
  const texts = AtlasPopups.loader(fetcher.get);
  const catalog = lazyCatalog(ids);
  let ready = 0;
  const first = texts.content(catalog, 'obj-a', () => { ready += 1; });
  assert.match(first, /Cargando…/);
  assert.match(first, /role="status"/);
  texts.content(catalog, 'obj-a'); // opened again before it arrived: no second request
  await settle();
  assert.equal(ready, 1);
  assert.equal(fetcher.calls.length, 1);
  assert.equal(texts.content(catalog, 'obj-a'), shards[AtlasPopups.shardUrl(FILES, 'obj-a')]['obj-a']);
  ids.forEach((id) => texts.content(catalog, id));
  await settle();
  ids.forEach((id) => assert.equal(texts.content(catalog, id), shards[AtlasPopups.shardUrl(FILES, id)][id]));
  assert.equal(fetcher.calls.length, new Set(ids.map((id) => AtlasPopups.shardUrl(FILES, id))).size); // once per shard
});

test('a shard that cannot be fetched gives a clear, escaped message, and is asked for again next time', async () => {
  const fetcher = fakeFetch({}, true);
  const texts = AtlasPopups.loader(fetcher.get);
  const catalog = lazyCatalog(['obj-a']);
  let ready = 0;
  texts.content(catalog, 'obj-a', () => { ready += 1; });
  await settle();
  assert.equal(ready, 1);
  const shown = texts.content(catalog, 'obj-a');
  assert.equal(shown, '<p class="atlas-popup-status atlas-popup-error" role="alert">No se pudo &lt;cargar&gt;</p>');
  assert.match(texts.content(catalog, 'obj-a'), /Cargando…/); // a new try
  assert.equal(fetcher.calls.length, 2);
});

test('a shard that is not JSON, or lacks the id, gives the message, never a blank popup', async () => {
  const texts = AtlasPopups.loader(() => Promise.resolve(null));
  const catalog = lazyCatalog(['obj-a']);
  texts.content(catalog, 'obj-a');
  await settle();
  assert.match(texts.content(catalog, 'obj-a'), /atlas-popup-error/);
  assert.equal(texts.content(catalog, 'arrow-1'), ''); // not in the catalog at all: no popup, nothing fetched
  const other = AtlasPopups.loader(() => Promise.resolve({ 'obj-z': '<p>z</p>' }));
  other.content(catalog, 'obj-a');
  await settle();
  assert.match(other.content(catalog, 'obj-a'), /atlas-popup-error/);
});

test('on the map: the open popup shows "Loading…", then its text, and keeps the focus', async () => {
  const { dom, L } = mapWindow();
  const map = L.map(dom.window.document.getElementById('map'), { center: [45, 125], zoom: 5 });
  const catalog = { ...lazyCatalog(['p1']), icons: {}, sizes: {}, lines: {}, legend: '', places: { p1: { c: [125, 45], kind: 'city' } } };
  let release;
  const shard = { p1: '<div class="atlas-popup"><h4>Harbin &lt;b&gt;</h4></div>' };
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => null, sliderDay: () => null,
    followSlider: () => {} }, { arrowSize: 20, fetchJson: () => new Promise((resolve) => { release = () => resolve(shard); }) });
  client.apply({ m: [['p1', 'i1']], d: '1945-08-09' });
  const [layer] = Object.values(client.state.drawn);
  layer.openPopup();
  const content = dom.window.document.querySelector('.leaflet-popup-content');
  assert.equal(content.textContent, 'Cargando…');
  content.setAttribute('tabindex', '0');
  content.focus(); // as static/map/a11y.js does when a popup opens
  release();
  await settle();
  await settle();
  assert.equal(dom.window.document.querySelector('.leaflet-popup-content'), content); // the same element
  assert.equal(content.querySelector('h4').textContent, 'Harbin <b>'); // the server's escaped HTML, as text
  assert.equal(dom.window.document.activeElement, content);
});
