/*
 * Every contact of the map client with the Streamlit page around it, in one place.
 *
 * The map runs inside streamlit-folium's component frame, which has the same origin as the page.
 * It reads from the parent page (the contract; docs/streamlit-contract.md explains each point and
 * names the browser test that checks it):
 *  1. the page's data elements, written by atlas/map/catalog.py through st.html:
 *     <div hidden data-atlas-catalog="ID" data-json="..."> and <div hidden data-atlas-steps="ID" ...>,
 *     found by attribute (no heading or data text can produce a data-atlas-* attribute) and used
 *     only if exactly one element matches;
 *  2. the date slider: Streamlit gives a widget with key K the class "st-key-K"; its thumb is an
 *     input[type=range] whose value is the option's index, and whose aria-valuetext changes on
 *     every move (observed with a MutationObserver).
 * And it writes to the parent page (docs/streamlit-contract.md, points 6 and 7; static/map/a11y.js
 * asks for these):
 *  6. the page's <html lang> (the chosen language), and on the map's frame element (`frameElement`)
 *     an aria-label (the map and its date) and aria-describedby (the day's text beside the map);
 *  7. the side panel's scrolling container (inside the widget with key "atlas_panel", the one
 *     element there whose overflow scrolls) gets tabindex=0, role=region, a name and an id, so a
 *     keyboard can reach and scroll it.
 * If Streamlit changes any of these, this file (and its tests) is the one place to mend.
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.AtlasStreamlit = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** The page around the map's frame, or null (a standalone page, or another origin). */
  function parentDocument(win) {
    try {
      const doc = win.parent && win.parent.document;
      return doc && doc !== win.document ? doc : null;
    } catch {
      return null;
    }
  }

  /** The one element carrying `attribute`="id", or null if there is none or more than one. */
  function dataElement(doc, attribute, id) {
    if (!doc || !id) { return null; }
    const found = doc.querySelectorAll('[' + attribute + '="' + String(id).replace(/["\\]/g, '') + '"]');
    return found.length === 1 ? found[0] : null;
  }

  /** The slider thumb of the widget with key `key`. */
  function sliderInput(doc, key) {
    return doc ? doc.querySelector('.st-key-' + key + ' input[type="range"]') : null;
  }

  /**
   * The map's data source on a Streamlit page: the catalog and step table elements named by
   * `ids` ({catalog, steps}) and the page's date slider.
   */
  function source(win, ids) {
    const cache = { stepsText: null, steps: null, version: 0 };
    function doc() { return parentDocument(win); }
    return {
      catalog: function () {
        const el = dataElement(doc(), 'data-atlas-catalog', ids.catalog);
        try { return el ? JSON.parse(el.getAttribute('data-json')) : null; } catch { return null; }
      },
      // Read again when the page brings a new table (a data file changed on the server).
      steps: function () {
        const el = dataElement(doc(), 'data-atlas-steps', ids.steps);
        const text = el ? el.getAttribute('data-json') : null;
        if (text && text !== cache.stepsText) {
          try {
            cache.steps = JSON.parse(text);
            cache.stepsText = text;
            cache.version += 1;
          } catch { return null; }
        }
        return cache.steps ? { table: cache.steps, version: cache.version } : null;
      },
      // The date the slider points at now (its thumb moves before the server hears of it).
      sliderDay: function (table) {
        const input = table ? sliderInput(doc(), table.key) : null;
        return (input && table.days[parseInt(input.value, 10)]) || null;
      },
      followSlider: function (callback) {
        const page = doc();
        if (!page || !win.MutationObserver) { return; }
        const observer = new win.MutationObserver(callback);
        observer.observe(page.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuetext'] });
        win.addEventListener('pagehide', function () { observer.disconnect(); });
      }
    };
  }

  /** True for a key press meant for a text field (or with a modifier): the page's keys leave it alone. */
  function typing(event) {
    const el = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return true; }
    return !!el && (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' ||
      (el.tagName === 'INPUT' && el.type !== 'range' && el.type !== 'checkbox'));
  }

  /**
   * The presenter view: the page fills the screen (browser fullscreen) with only the map, the big
   * date, the date control and the day's caption (static/app.css, body.atlas-presenting). The key F
   * or the map's button turns it on and off; Esc, or leaving fullscreen, turns it off. Set up once
   * per page, whichever map frame asks first.
   */
  function presenter(win) {
    const doc = parentDocument(win) || win.document;
    if (doc.__atlasPresenter) { return doc.__atlasPresenter; }
    function active() { return doc.body.classList.contains('atlas-presenting'); }
    function set(on) {
      doc.body.classList.toggle('atlas-presenting', on);
      const root = doc.documentElement;
      if (on && !doc.fullscreenElement && root.requestFullscreen) {
        root.requestFullscreen().catch(function () { /* refused (no user gesture): the view still applies */ });
      }
      if (!on && doc.fullscreenElement && doc.exitFullscreen) { doc.exitFullscreen().catch(function () {}); }
      doc.defaultView.dispatchEvent(new doc.defaultView.Event('resize'));
    }
    function onKey(event) {
      if (typing(event)) { return; }
      if (event.key === 'f' || event.key === 'F') { set(!active()); event.preventDefault(); }
      if (event.key === 'Escape' && active()) { set(false); }
    }
    doc.addEventListener('keydown', onKey);
    doc.addEventListener('fullscreenchange', function () {
      if (!doc.fullscreenElement && active()) { doc.body.classList.remove('atlas-presenting'); }
    });
    doc.__atlasPresenter = { toggle: function () { set(!active()); }, active: active, onKey: onKey };
    return doc.__atlasPresenter;
  }

  /** The page's language: <html lang> of the page around the frame (Streamlit writes "en" and never
   * changes it). Returns whether there was a page to set it on. */
  function setPageLanguage(win, lang) {
    const doc = parentDocument(win);
    if (!doc || !lang) { return false; }
    if (doc.documentElement.lang !== lang) { doc.documentElement.lang = lang; }
    return true;
  }

  /**
   * The side panel's scrolling container, made reachable by keyboard: inside the element with the
   * class st-key-`key`, the first element whose overflow-y scrolls gets tabindex=0, role=region,
   * the panel's heading (or `fallback`) as its name and an id, which it returns (null if none).
   */
  function panelRegion(win, key, fallback) {
    const doc = parentDocument(win);
    const panel = doc ? doc.querySelector('.st-key-' + key) : null;
    if (!panel) { return null; }
    const view = doc.defaultView;
    const scroller = Array.prototype.find.call(panel.querySelectorAll('div'), function (el) {
      const style = view.getComputedStyle(el);
      return /^(auto|scroll)$/.test(style.overflowY || style.overflow);
    });
    if (!scroller) { return null; }
    const heading = panel.querySelector('h1, h2, h3, h4, h5, h6');
    const name = (heading ? heading.textContent.trim() : '') || fallback;
    const id = scroller.id || 'atlas-panel-' + key;
    const wanted = { id: id, tabindex: '0', role: 'region', 'aria-label': name };
    Object.keys(wanted).forEach(function (attribute) {
      if (wanted[attribute] && scroller.getAttribute(attribute) !== wanted[attribute]) {
        scroller.setAttribute(attribute, wanted[attribute]);
      }
    });
    return id;
  }

  /** Name the map's frame element on the page (`label`) and point it at its text alternative (the
   * element with id `describedBy`, if any). */
  function describeFrame(win, label, describedBy) {
    if (!parentDocument(win)) { return false; }
    let frame;
    try { frame = win.frameElement; } catch { return false; }
    if (!frame) { return false; }
    if (label) { frame.setAttribute('aria-label', label); }
    if (describedBy && frame.ownerDocument.getElementById(describedBy)) {
      frame.setAttribute('aria-describedby', describedBy);
    }
    return true;
  }

  return { parentDocument: parentDocument, dataElement: dataElement, sliderInput: sliderInput, source: source,
    typing: typing, presenter: presenter, setPageLanguage: setPageLanguage, panelRegion: panelRegion,
    describeFrame: describeFrame };
});
