'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { JSDOM } = require('jsdom');
const styles = require('../../static/map/styles.js');

test('the stylesheets are added to the head once', () => {
  const doc = new JSDOM('<!DOCTYPE html><head></head><body></body>').window.document;
  const style = styles.add(doc, '.leaflet-container { overflow: hidden; }');
  assert.equal(style.textContent, '.leaflet-container { overflow: hidden; }');
  assert.equal(styles.add(doc, '.other {}'), null);
  assert.equal(doc.head.querySelectorAll('style').length, 1);
});

test('in a page, the one file\'s stylesheets are added as it loads, and nothing without them', () => {
  const fs = require('node:fs');
  const source = fs.readFileSync(require.resolve('../../static/map/styles.js'), 'utf8');
  const page = new JSDOM('<!DOCTYPE html><head></head><body></body>', { runScripts: 'outside-only' }).window;
  page.eval(source);
  assert.equal(page.document.head.querySelectorAll('style').length, 0);
  page.eval('var ATLAS_STYLES = ".atlas-date { font-weight: 700; }";\n' + source);
  const [style] = page.document.head.querySelectorAll('style');
  assert.equal(style.textContent, '.atlas-date { font-weight: 700; }');
  assert.equal(typeof page.AtlasStyles.add, 'function');
});
