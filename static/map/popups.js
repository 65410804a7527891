/*
 * Popup text fetched when a popup opens (atlas/map/popup_files.py).
 *
 * On a page of the app the catalog carries each popup's tooltip and title but not its text: that
 * lies in a few JSON shard files the app serves (catalog.popupFiles = {url, k}; the shard of an id
 * is fnv1a(id) % k, computed the same way in Python). A standalone page, or an app whose disk could
 * not be written, has the text inline (catalog.popups[id].popup), and that is used first.
 *
 * The shard's text is the server's escaped HTML, inserted exactly as the inline text is; the
 * "Loading…" and error messages are the catalog's own words ("ui"), escaped here. Under Node it is
 * a CommonJS module (tests/js/popups.test.js); in the browser it defines window.AtlasPopups.
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.AtlasPopups = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** FNV-1a (32 bits) of the UTF-8 bytes of `text` (atlas/map/popup_files.py's fnv1a). */
  function fnv1a(text) {
    const bytes = new TextEncoder().encode(String(text));
    let value = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) {
      value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0;
    }
    return value >>> 0;
  }

  /** The address of the shard that holds the popup of `id`. */
  function shardUrl(files, id) {
    return files.url + (fnv1a(id) % files.k) + '.json';
  }

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  /** A short message in the popup, as text (never markup). */
  function message(text, kind) {
    return '<p class="atlas-popup-status atlas-popup-' + kind + '" role="' + (kind === 'error' ? 'alert' : 'status') +
      '">' + String(text).replace(/[&<>"']/g, function (c) { return ESCAPES[c]; }) + '</p>';
  }

  /** A file's JSON (a popup shard, the overlays: one of the app's files), or a rejection if it did not
   * come (blocked, offline, not found, not JSON). */
  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    });
  }

  /**
   * The popups' text for one map. `fetcher(url)` -> Promise of a shard (default: fetch).
   * content(catalog, id, ready) gives a popup's HTML now: its inline text, its loaded shard's, or
   * "Loading…" while the shard is fetched (once for all the popups it holds); `ready()` is called
   * when the fetch has ended, to show the popup again: with its text, or with the error message
   * (a failed shard is fetched again the next time a popup needs it).
   */
  function loader(fetcher) {
    const get = fetcher || fetchJson;
    const shards = new Map(); // url -> {promise, data, failed}

    function shard(url) {
      let entry = shards.get(url);
      if (!entry) {
        entry = { data: null, failed: false };
        let asked;
        try { asked = Promise.resolve(get(url)); } catch (error) { asked = Promise.reject(error); }
        entry.promise = asked.then(function (data) {
          if (!data || typeof data !== 'object') { throw new Error('not a shard'); }
          entry.data = data;
        }).catch(function () { entry.failed = true; });
        shards.set(url, entry);
      }
      return entry;
    }

    function content(catalog, id, ready) {
      const inline = ((catalog && catalog.popups) || {})[id];
      if (!inline) { return ''; } // no popup for it in the catalog (an arrowhead): nothing to fetch
      if (typeof inline.popup === 'string') { return inline.popup; }
      const files = catalog && catalog.popupFiles;
      if (!files || !files.url || !(files.k > 0)) { return ''; }
      const ui = catalog.ui || {};
      const url = shardUrl(files, id);
      const entry = shard(url);
      if (entry.data) {
        return typeof entry.data[id] === 'string' ? entry.data[id] :
          message(ui.popup_error || 'This text could not be loaded.', 'error');
      }
      if (entry.failed) {
        shards.delete(url); // the next opening asks again
        return message(ui.popup_error || 'This text could not be loaded.', 'error');
      }
      if (ready) { entry.promise.then(ready); }
      return message(ui.popup_loading || 'Loading…', 'loading');
    }

    return { content: content, shards: shards };
  }

  /**
   * Show an open popup again (its content function gives the text now). The content element stays
   * the same, and keeps the focus static/map/a11y.js gave it.
   */
  function refresh(popup) {
    if (!popup || !popup.isOpen || !popup.isOpen()) { return; }
    const box = popup.getElement && popup.getElement();
    const node = box && box.querySelector('.leaflet-popup-content');
    const doc = node && node.ownerDocument;
    const focused = !!(node && doc && doc.activeElement && node.contains(doc.activeElement));
    popup.update();
    if (focused && node.isConnected && !node.contains(doc.activeElement)) { node.focus({ preventScroll: true }); }
  }

  return { fnv1a: fnv1a, shardUrl: shardUrl, message: message, loader: loader, refresh: refresh, fetchJson: fetchJson };
});
