/* global window, document, MutationObserver */
// Installed by tests/browser/test_hostile_browser.py with Playwright's add_init_script, so it runs in
// the page and in every frame before any of their own scripts: records each element added to the
// document (and each later change of its id, href or src) that a test of hostile data must judge.
// Records are read back from window.__atlasNodes.
(() => {
  // A frame's first (about:blank) document and the one it then loads share one window: the guard is
  // on the document, the records on the window.
  if (document.__atlasRecorded) {
    return;
  }
  document.__atlasRecorded = true;
  const records = window.__atlasNodes || [];
  window.__atlasNodes = records;
  const numbers = new WeakMap(); // element -> its number, so an element recorded twice is known as one
  let counted = 0;
  const numberOf = (el) => {
    if (!numbers.has(el)) {
      counted += 1;
      numbers.set(el, counted);
    }
    return numbers.get(el);
  };
  const WATCHED = new Set(['a', 'img', 'image', 'script', 'iframe', 'frame', 'object', 'embed', 'link', 'style',
    'video', 'audio', 'source', 'form', 'base', 'meta', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
  const note = (el) => {
    const tag = el.localName;
    const handlers = [...el.attributes].map((a) => a.name).filter((name) => name.startsWith('on'));
    if (!WATCHED.has(tag) && !el.id && handlers.length === 0) {
      return;
    }
    records.push({
      n: numberOf(el),
      tag,
      id: el.id || '',
      href: el.getAttribute('href') || el.getAttribute('xlink:href') || '',
      src: el.getAttribute('src') || '',
      action: el.getAttribute('action') || '',
      handlers,
      text: /^h[1-6]$/.test(tag) ? (el.textContent || '').slice(0, 300) : '',
    });
  };
  const walk = (node) => {
    if (node.nodeType !== 1) {
      return;
    }
    note(node);
    for (const child of node.querySelectorAll('*')) {
      note(child);
    }
  };
  if (document.documentElement) {
    walk(document.documentElement);
  }
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'attributes') {
        note(m.target);
      }
      for (const added of m.addedNodes) {
        walk(added);
      }
    }
  }).observe(document, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'href', 'src', 'action'],
  });
})();
