// The map client's one contact with Streamlit's page (static/map/streamlit-adapter.js), on a page
// made like Streamlit's: the map in a same-origin frame, data elements and a slider in the parent.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { JSDOM } = require('jsdom');

const AtlasStreamlit = require('../../static/map/streamlit-adapter.js');

function page(body) {
  const dom = new JSDOM(`<!DOCTYPE html><body>${body}<iframe id="map"></iframe></body>`);
  const frame = dom.window.document.getElementById('map').contentWindow;
  return { dom, doc: dom.window.document, frame };
}

const escapeAttr = (value) => JSON.stringify(value).replace(/"/g, '&quot;');

test('the map finds its data by a data-atlas-* attribute, and only if exactly one element carries it', () => {
  const { frame } = page(
    `<div hidden data-atlas-catalog="c1" data-json="${escapeAttr({ legend: 'L1' })}"></div>` +
    '<h2 id="c1">A heading whose id equals the catalog id</h2>' +
    `<div hidden data-atlas-catalog="c2" data-json="${escapeAttr({ legend: 'a' })}"></div>` +
    `<div hidden data-atlas-catalog="c2" data-json="${escapeAttr({ legend: 'b' })}"></div>`);
  assert.deepEqual(AtlasStreamlit.source(frame, { catalog: 'c1' }).catalog(), { legend: 'L1' });
  assert.equal(AtlasStreamlit.source(frame, { catalog: 'c2' }).catalog(), null); // forged twin: refused
  assert.equal(AtlasStreamlit.source(frame, { catalog: 'c3' }).catalog(), null);
});

test('a standalone page (no parent page) has no Streamlit source', () => {
  const dom = new JSDOM('<!DOCTYPE html><body></body>');
  assert.equal(AtlasStreamlit.parentDocument(dom.window), null);
  assert.equal(AtlasStreamlit.source(dom.window, { catalog: 'x' }).catalog(), null);
});

test('the step table is read again only when the page brings a new one', () => {
  const table = { key: 'day', days: ['1945-08-09', '1945-08-10'], rows: [], steps: [[], []] };
  const { doc, frame } = page(`<div hidden data-atlas-steps="s" data-json="${escapeAttr(table)}"></div>`);
  const source = AtlasStreamlit.source(frame, { steps: 's' });
  assert.deepEqual(source.steps(), { table, version: 1 });
  assert.equal(source.steps().version, 1);
  doc.querySelector('[data-atlas-steps]').setAttribute('data-json', JSON.stringify({ ...table, key: 'month' }));
  assert.equal(source.steps().version, 2);
  assert.equal(source.steps().table.key, 'month');
});

test('the slider day is the option at the thumb index of the widget with the table key', () => {
  const table = { key: 'day', days: ['1945-08-09', '1945-08-10', '1945-08-11'] };
  const { doc, frame } = page('<div class="st-key-day"><input type="range" value="2" aria-valuetext="11 Aug"></div>');
  const source = AtlasStreamlit.source(frame, {});
  assert.equal(source.sliderDay(table), '1945-08-11');
  doc.querySelector('input').value = '0';
  assert.equal(source.sliderDay(table), '1945-08-09');
  assert.equal(source.sliderDay({ ...table, key: 'month' }), null); // no such widget
});

test('a move of the slider (its aria-valuetext) calls back', async () => {
  const { doc, frame } = page('<div class="st-key-day"><input type="range" value="0" aria-valuetext="9 Aug"></div>');
  let calls = 0;
  AtlasStreamlit.source(frame, {}).followSlider(() => { calls += 1; });
  doc.querySelector('input').setAttribute('aria-valuetext', '10 Aug');
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(calls, 1);
});
