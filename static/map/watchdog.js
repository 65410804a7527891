/*
 * Runs in its own small frame beside the page's maps: if a map's scripts could not load (Leaflet
 * blocked, reader offline), streamlit-folium leaves an empty box; after the time given this
 * writes the message into that box instead. It works exactly when the map's scripts do not.
 * Contract with streamlit-folium (docs/streamlit-contract.md, point 3): its frame's title is
 * "streamlit_folium.st_folium" and the map's box has the id "map_div".
 */
(function () {
  'use strict';
  const settings = JSON.parse(document.getElementById('atlas-watchdog-settings').textContent);
  const started = Date.now();
  function check() {
    let waiting = false;
    const frames = window.parent.document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]');
    frames.forEach(function (frame) {
      try {
        const doc = frame.contentDocument;
        const box = doc && doc.getElementById('map_div');
        if (!box) { waiting = true; return; }
        const old = doc.getElementById('atlas-no-map');
        const shownBefore = frame.previousElementSibling;
        if (box.classList.contains('leaflet-container')) { // the map came after all (a slow first load)
          if (old) { old.remove(); }
          if (shownBefore && shownBefore.className === 'atlas-no-map-page') { shownBefore.remove(); }
          return;
        }
        if (old) { return; }
        if (Date.now() - started < settings.timeout) { waiting = true; return; }
        const note = doc.createElement('div');
        note.id = 'atlas-no-map';
        note.setAttribute('role', 'alert');
        note.textContent = settings.message;
        note.style.cssText = 'padding:2em;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f3f3f3;' +
          'border:1px dashed #888';
        box.appendChild(note);
        // and in the page itself, above the map's frame, where it is seen even if the frame has no height
        const page = window.parent.document;
        if (!frame.previousElementSibling || frame.previousElementSibling.className !== 'atlas-no-map-page') {
          const shown = page.createElement('div');
          shown.className = 'atlas-no-map-page';
          shown.setAttribute('role', 'alert');
          shown.textContent = settings.message;
          shown.style.cssText = 'padding:1em;margin:0 0 .5em;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;' +
            'background:#fff4e5;border:1px solid #b36b00;border-radius:6px';
          frame.parentNode.insertBefore(shown, frame);
        }
      } catch { /* a frame of another origin: not ours */ }
    });
    if (waiting || Date.now() - started < 60000 || window.parent.document.querySelector('.atlas-no-map-page')) {
      setTimeout(check, 1000);
    }
  }
  setTimeout(check, 1000);
})();
