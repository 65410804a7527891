// The map for keyboard and screen-reader users (static/map/a11y.js), in jsdom: a page made like
// Streamlit's (the map in a same-origin frame, the side panel beside it) with the client attached.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { JSDOM } = require('jsdom');

const AtlasMap = require('../../static/map/atlas-map.js');
const AtlasA11y = require('../../static/map/a11y.js');
const AtlasStreamlit = require('../../static/map/streamlit-adapter.js');
const AtlasKeyboard = require('../../static/map/keyboard.js');
const { mapWindow } = require('./map-window.js');
const formats = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'client_formats.json'), 'utf8'));

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function catalogFor(lang) {
  const es = lang === 'es';
  const dates = {};
  formats.layers.forEach((layer) => { dates[layer.day] = (es ? 'día ' : 'day ') + layer.day; });
  const popups = {};
  formats.layers.forEach((layer) => layer.features.forEach((f) => {
    popups[f.properties.id] = { popup: '<p>' + f.properties.id + '</p>', tooltip: '<b>' + f.properties.id + '</b>' };
  }));
  return { popups, icons: {}, sizes: {}, lines: {}, legend: '', places: formats.places, dates,
    ui: { lang, map_name: es ? 'Mapa de la ofensiva' : 'Map of the offensive',
      live_places_one: es ? '{date} — {n} lugar' : '{date} — {n} place',
      live_places_other: es ? '{date} — {n} lugares' : '{date} — {n} places',
      places_button: es ? 'Lugares en esta fecha' : 'Places on this date' } };
}

// A Streamlit-like page: <html lang="en">, the side panel (a scrolling container under a heading)
// and the map's frame; Leaflet, the client and a11y.js run in the frame.
function streamlitPage(lang) {
  const dom = new JSDOM('<!DOCTYPE html><html lang="en"><body>' +
    '<div class="st-key-atlas_panel"><h3>On this day</h3><div style="overflow: auto; height: 100px"><p>text</p></div></div>' +
    '<iframe title="streamlit_folium.st_folium"></iframe></body></html>', { pretendToBeVisual: true });
  const frame = dom.window.document.querySelector('iframe').contentWindow;
  frame.document.body.innerHTML = '<div id="map" style="width:800px;height:600px"></div>';
  Object.assign(global, { window: frame, document: frame.document, navigator: frame.navigator,
    Element: frame.Element, HTMLElement: frame.HTMLElement, requestAnimationFrame: frame.requestAnimationFrame });
  delete require.cache[require.resolve('leaflet')];
  const L = require('leaflet');
  const map = L.map(frame.document.getElementById('map'), { center: [45, 125], zoom: 5 });
  const catalog = catalogFor(lang);
  const client = AtlasMap.attach(L, map, { catalog: () => catalog, steps: () => null, sliderDay: () => null,
    followSlider: () => {} }, { arrowSize: formats.arrowSize });
  AtlasA11y.attach(L, map, client, AtlasStreamlit, frame);
  return { dom, page: dom.window.document, frame, doc: frame.document, client, map, L };
}

async function until(condition, what) {
  for (let waited = 0; !condition(); waited += 20) {
    assert.ok(waited < 5000, what);
    await wait(20);
  }
}

// Draw a day and wait until the live region says it (a moment after the last date drawn).
async function drawn(client, layer) {
  client.apply({ ...layer.packed, d: layer.day });
  const doc = client.state.group._map.getContainer().ownerDocument;
  await until(() => (doc.querySelector('.atlas-live') || {}).textContent?.includes(layer.day), 'the live region spoke');
}

for (const lang of ['en', 'es']) {
  test(`the frame's title and language, and the page's, follow the language (${lang}) and the date`, async () => {
    const { page, doc, client, frame } = streamlitPage(lang);
    const [first, second] = [formats.layers[1], formats.layers[2]];
    await drawn(client, first);
    const name = lang === 'es' ? 'Mapa de la ofensiva' : 'Map of the offensive';
    const day = (d) => (lang === 'es' ? 'día ' : 'day ') + d;
    assert.equal(doc.documentElement.lang, lang);
    assert.equal(page.documentElement.lang, lang);
    assert.equal(doc.title, `${name} — ${day(first.day)}`);
    assert.equal(frame.frameElement.getAttribute('aria-label'), doc.title);
    assert.equal(frame.frameElement.getAttribute('title'), 'streamlit_folium.st_folium'); // the contract's, kept
    await drawn(client, second);
    assert.equal(doc.title, `${name} — ${day(second.day)}`);
    assert.equal(frame.frameElement.getAttribute('aria-label'), doc.title);
  });
}

test('the live region says the date and how many places are drawn; the big date is shown, not announced', async () => {
  const { doc, client } = streamlitPage('en');
  const layer = formats.layers[2];
  await drawn(client, layer);
  const places = layer.features.filter((f) => !['axis', 'arrow'].includes(f.properties.kind)).length;
  const live = doc.querySelector('.atlas-live');
  assert.equal(live.getAttribute('aria-live'), 'polite');
  assert.equal(live.textContent, `day ${layer.day} — ${places} place${places === 1 ? '' : 's'}`);
  assert.equal(doc.querySelector('.atlas-date').getAttribute('aria-live'), 'off');
  assert.equal(doc.querySelector('.atlas-date').textContent, `day ${layer.day}`);
  // several dates in quick succession (a held key, Play): only where it stops is said
  client.apply({ ...formats.layers[3].packed, d: formats.layers[3].day });
  await drawn(client, formats.layers[4]);
  assert.match(live.textContent, new RegExp('^day ' + formats.layers[4].day));
});

test('the side panel\'s scrolling container is reachable by keyboard, named, and describes the map frame', async () => {
  const { page, client, frame } = streamlitPage('en');
  await drawn(client, formats.layers[1]);
  const region = page.querySelector('.st-key-atlas_panel div');
  assert.equal(region.getAttribute('tabindex'), '0');
  assert.equal(region.getAttribute('role'), 'region');
  assert.equal(region.getAttribute('aria-label'), 'On this day');
  assert.equal(frame.frameElement.getAttribute('aria-describedby'), region.id);
});

test('"Places on this date" lists every feature drawn with a popup (lines too), each opening it', async () => {
  const { doc, client, map } = streamlitPage('en');
  const layer = formats.layers[2];
  await drawn(client, layer);
  const expected = new Set(layer.features.filter((f) => f.properties.kind !== 'arrow').map((f) => f.properties.id));
  const toggle = doc.querySelector('.atlas-places-toggle');
  assert.equal(toggle.getAttribute('aria-expanded'), 'false');
  assert.match(toggle.textContent, new RegExp(`^Places on this date \\(${expected.size}\\)$`));
  toggle.click();
  assert.equal(toggle.getAttribute('aria-expanded'), 'true');
  const buttons = [...doc.querySelectorAll('.atlas-places-item')];
  assert.deepEqual(new Set(buttons.map((b) => b.textContent)), expected); // names from the tooltips here
  const line = doc.querySelector('.atlas-places-line');
  assert.ok(line, 'an axis line is in the list');
  line.focus();
  line.click();
  assert.ok(map.hasLayer(Object.values(map._layers).find((l) => l instanceof require('leaflet').Popup)));
  assert.match(doc.querySelector('.leaflet-popup-content').innerHTML, new RegExp(line.textContent));
  assert.equal(doc.activeElement, doc.querySelector('.leaflet-popup-content')); // read at once
  doc.activeElement.dispatchEvent(new doc.defaultView.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  assert.equal(doc.querySelector('.leaflet-popup'), null);
  assert.equal(doc.activeElement, line); // back where it was
});

test('under prefers-reduced-motion, Leaflet animates nothing', () => {
  const { map } = streamlitPage('en');
  assert.equal(AtlasA11y.reduceMotion(map, { matchMedia: () => ({ matches: false }) }), false);
  assert.equal(AtlasA11y.reduceMotion(map, { matchMedia: () => ({ matches: true }) }), true);
  assert.equal(map.options.zoomAnimation, false);
  assert.equal(map.options.fadeAnimation, false);
  assert.equal(map._zoomAnimated, false);
});

test('folium\'s viewport tag that forbids zooming the page is relaxed', () => {
  const dom = new JSDOM('<!DOCTYPE html><head><meta name="viewport" content="width=device-width, ' +
    'initial-scale=1.0, maximum-scale=1.0, user-scalable=no"></head>');
  AtlasA11y.allowZoom(dom.window.document);
  assert.equal(dom.window.document.querySelector('meta').getAttribute('content'), 'width=device-width, initial-scale=1.0');
});

test('with no page around it (the HTML export) the frame still gets its title and language', async () => {
  const dom = new JSDOM('<!DOCTYPE html><html><body><div id="map" style="width:800px;height:600px"></div></body></html>',
    { pretendToBeVisual: true });
  Object.assign(global, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator,
    Element: dom.window.Element, HTMLElement: dom.window.HTMLElement, requestAnimationFrame: dom.window.requestAnimationFrame });
  delete require.cache[require.resolve('leaflet')];
  const L = require('leaflet');
  const map = L.map(dom.window.document.getElementById('map'), { center: [45, 125], zoom: 5 });
  const catalog = catalogFor('es');
  const client = AtlasMap.attach(L, map, AtlasMap.embeddedSource(catalog), { arrowSize: formats.arrowSize });
  AtlasA11y.attach(L, map, client, AtlasStreamlit, dom.window);
  await drawn(client, formats.layers[0]);
  assert.equal(dom.window.document.documentElement.lang, 'es');
  assert.equal(dom.window.document.title, `Mapa de la ofensiva — día ${formats.layers[0].day}`);
});

test('every page sets its language from the sidebar\'s mark (static/page-lang.js), a script the sanitizer keeps', () => {
  const source = fs.readFileSync(path.join(__dirname, '..', '..', 'static', 'page-lang.js'), 'utf8');
  assert.doesNotMatch(source, /</); // DOMPurify drops a script whose text has "<" before a letter or "/"
  const dom = new JSDOM('<!DOCTYPE html><html lang="en"><body><div hidden data-atlas-lang="es"></div></body></html>',
    { runScripts: 'outside-only' });
  dom.window.eval(source);
  assert.equal(dom.window.document.documentElement.lang, 'es');
});

test('keyboard lines: each line named once, not again on every date it stays drawn', () => {
  const { dom, L } = mapWindow();
  const doc = dom.window.document;
  const map = L.map(doc.getElementById('map'), { center: [45, 125], zoom: 5 });
  const refresh = AtlasKeyboard.keyboardLines(L, map, doc);
  const axis = L.polyline([[45, 125], [46, 126]]).bindPopup('p').bindTooltip('<b>1st Far Eastern Front</b>').addTo(map);
  refresh();
  const element = axis.getElement();
  assert.equal(element.getAttribute('aria-label'), '1st Far Eastern Front');
  assert.equal(element.getAttribute('role'), 'button');
  assert.equal(element.getAttribute('tabindex'), '0');
  let set = 0;
  const original = element.setAttribute.bind(element);
  element.setAttribute = (...args) => { set += 1; original(...args); };
  const route = L.polyline([[44, 124], [45, 124]]).bindPopup('p').bindTooltip('Route').addTo(map);
  refresh();
  assert.equal(set, 0, 'the line drawn before is not named again');
  assert.equal(route.getElement().getAttribute('aria-label'), 'Route', 'a new line is');
  map.removeLayer(axis);
  refresh();
  map.addLayer(axis);
  refresh();
  assert.equal(axis.getElement().getAttribute('aria-label'), '1st Far Eastern Front', 'drawn again, named again');
});
