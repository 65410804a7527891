/*
 * Dense maps (issue 21, scale): once a date shows `clusterAt` places or more, the places are drawn in
 * clusters (Leaflet.markercluster, a package the app serves itself, loaded only then), so a slider
 * step paints a few hundred symbols however large the data grows. Below that, which is every date of
 * today's data, nothing changes: the client draws each place as before, and this file loads nothing.
 * A page whose places reach `clusterAt` in all (`clusterFirst`, atlas/map/elements.py) draws them in
 * clusters from its first date: its map never switches while a class steps through the dates, and
 * the step that would have switched (about 600 markers taken off the map and clustered in one key
 * press, 80-120 ms at ten times the data) does not happen.
 *  - Only places cluster: arrowheads stay with their lines. A place's accuracy ring is drawn while
 *    its marker is (not while the place is inside a cluster).
 *  - Once a map clusters it keeps clustering (on a date with fewer places too): a class stepping
 *    through the dates does not see the map switch from one way of drawing to the other.
 *  - A cluster is a button (Enter zooms in) named by its count; from zoom `CLUSTER_OFF_AT` on every
 *    place is drawn alone. "Places on this date" still lists every place, and opening one in a
 *    cluster zooms to it first (a11y.js, openItem).
 * In the browser this file defines window.AtlasCluster; under Node it is a CommonJS module
 * (tests/js/cluster.test.js). It loads before atlas-map.js (atlas/map/client.py).
 */
(function (root, factory) {
  'use strict';
  const api = factory();
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.AtlasCluster = api;
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const CLUSTER_OFF_AT = 8; // zoom from which every place is drawn alone (a province's width)
  const RADIUS = 40; // pixels: places closer than this on screen may share a cluster
  const SCRIPT = 'leaflet.markercluster.js';
  const STYLE = 'MarkerCluster.css';
  const GIVE_UP_MS = 3000; // the longest the first dense date waits for the clusters' script

  /** Whether a feature may be drawn inside a cluster: a place (a point), not an arrowhead. */
  function clusterable(feature) {
    if (!feature || !feature.geometry || feature.geometry.type !== 'Point') { return false; }
    return (feature.properties || {}).kind !== 'arrow';
  }

  /** How many of `features` may be drawn in clusters. */
  function countClusterable(features) {
    let n = 0;
    features.forEach(function (f) { if (clusterable(f)) { n += 1; } });
    return n;
  }

  /** The text of a cluster's name ("{n} places: zoom in"), `n` filled in. */
  function clusterName(ui, n) {
    return String((ui && ui.cluster_label) || '{n} places: zoom in').split('{n}').join(String(n));
  }

  /** A cluster whose count changes keeps its element: Leaflet.markercluster asks its icon for a new
   * one, and Leaflet then takes the old element off the map and puts the new one on, with its
   * events, for every cluster a step counts again. Given the old element, the icon (L.DivIcon, below)
   * refills it, and Leaflet keeps it where it is. Once per Leaflet. */
  function keepElements(L) {
    const proto = L.MarkerCluster && L.MarkerCluster.prototype;
    if (!proto || proto.atlasKeepsElement) { return; }
    proto.atlasKeepsElement = true;
    proto.createIcon = function (old) {
      if (this._iconNeedsUpdate) {
        this._iconObj = this._group.options.iconCreateFunction(this);
        this._iconNeedsUpdate = false;
      }
      return this._iconObj.createIcon(old);
    };
  }

  /**
   * The clusters of one map. `options`: {clusterAt: places from which to cluster (0 or missing:
   * never), clusterFirst: cluster on every date, from the first (the page has that many places in
   * all), clusterUrl: the folder Leaflet.markercluster's script and style are served from
   * (atlas/map/client.py, CLUSTER_FILES)},
   * `uiOf()`: the catalog's texts, `reducedMotion()`: whether to animate. `onReady()` is called once
   * the clusters can take markers (the script loaded): the client moves its places into them.
   * Returns {wanted(count), pending(), group(), enter(layer), leave(layer)}: `enter`
   * gives the marker of a drawn layer (a marker, or a marker and its ring) to add to the group, `leave`
   * the one to remove. `onReady(null)` says the script did not come (places drawn alone).
   */
  function clusters(L, map, options, uiOf, reducedMotion, onReady) {
    const at = Number(options.clusterAt) || 0;
    let want = false;
    let group = null;
    let loading = false;
    let failed = false; // the script could not load (or took over GIVE_UP_MS): places are drawn alone
    let rings = null; // the accuracy rings of the places drawn alone

    function showRing(event) { rings.addLayer(event.target.atlasRing); }
    function hideRing(event) { rings.removeLayer(event.target.atlasRing); }

    /** A drawn layer's marker (the layer itself, or the marker of a marker-and-ring group) and ring. */
    function partsOf(layer) {
      const parts = layer.getLayers ? layer.getLayers() : [layer];
      const marker = parts.filter(function (part) { return part.options && part.options.icon; })[0] || layer;
      return { marker: marker, ring: parts.filter(function (part) { return part !== marker; })[0] };
    }

    function enter(layer) {
      const parts = partsOf(layer);
      const marker = parts.marker;
      const ring = parts.ring;
      layer.atlasIn = marker.atlasIn = group;
      marker.feature = layer.feature;
      if (ring && !marker.atlasRing) {
        marker.atlasRing = ring;
        marker.on('add', showRing).on('remove', hideRing);
      }
      return marker;
    }

    function leave(layer) {
      const marker = partsOf(layer).marker;
      if (marker.atlasRing) { rings.removeLayer(marker.atlasRing); }
      return marker;
    }

    function make() {
      keepElements(L);
      group = L.markerClusterGroup({
        maxClusterRadius: RADIUS, disableClusteringAtZoom: CLUSTER_OFF_AT, showCoverageOnHover: false,
        spiderfyOnMaxZoom: false, animate: !reducedMotion(), animateAddingMarkers: false, chunkedLoading: false,
        iconCreateFunction: function (cluster) {
          const n = cluster.getChildCount();
          const size = n < 10 ? 30 : n < 100 ? 36 : 42;
          const icon = L.divIcon({ html: '', className: 'atlas-cluster', iconSize: [size, size] });
          const createIcon = icon.createIcon;
          icon.createIcon = function (old) { // the count; a named button in the Tab order, Enter or Space zooms in
            const div = createIcon.call(icon, old);
            div.textContent = String(n);
            div.setAttribute('aria-label', clusterName(uiOf(), n));
            div.setAttribute('role', 'button');
            div.tabIndex = 0;
            div.atlasCluster = cluster;
            if (!div.atlasKeys) {
              div.atlasKeys = true;
              L.DomEvent.on(div, 'keydown', function (event) {
                if (event.key !== 'Enter' && event.key !== ' ') { return; }
                L.DomEvent.stop(event);
                div.atlasCluster.zoomToBounds();
              });
            }
            return div;
          };
          return icon;
        }
      }).addTo(map);
      rings = L.layerGroup().addTo(map);
      onReady(group);
    }

    function load() {
      if (loading) { return; }
      loading = true;
      if (L.markerClusterGroup) { make(); return; }
      const doc = map.getContainer().ownerDocument;
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = options.clusterUrl + STYLE;
      doc.head.appendChild(link);
      const script = doc.createElement('script');
      script.src = options.clusterUrl + SCRIPT;
      function giveUp() {
        if (group || failed) { return; }
        failed = true;
        onReady(null); // the places are drawn one by one (and go into clusters if the script comes later)
      }
      script.onload = function () { if (L.markerClusterGroup) { make(); } else { giveUp(); } };
      script.onerror = giveUp;
      const timer = setTimeout(giveUp, GIVE_UP_MS);
      if (timer && timer.unref) { timer.unref(); } // (under Node, the tests' process need not wait for it)
      doc.head.appendChild(script);
    }

    /** True while a date wants clusters and their script is on its way: the client waits for it (a
     * file of the app's) rather than drawing every place alone first and moving them all after. */
    function pending() { return want && group === null && !failed; }

    /** Whether the places go into clusters, given a date's `count` of them (loads the script the
     * first time it is wanted; until it has loaded, `pending()` says so). */
    function wanted(count) {
      if (!want && at > 0 && options.clusterUrl && (count >= at || options.clusterFirst === true)) {
        want = true;
        load();
      }
      return want && group !== null;
    }

    return { wanted: wanted, pending: pending, group: function () { return group; },
      enter: enter, leave: leave };
  }

  return { CLUSTER_OFF_AT: CLUSTER_OFF_AT, clusterable: clusterable, countClusterable: countClusterable,
    clusterName: clusterName, clusters: clusters };
});
