"""The web map, one concern per module.

- ``symbology``: colours, shapes and line patterns (inline SVG, Leaflet path options);
- ``packing``: a date's layer as the browser draws it, and the compact forms a step sends;
- ``catalog``: what never changes with the date (popups, icons, places, legend), sent once;
- ``legend``: the legend's HTML;
- ``elements``: the Folium objects (base map, the day's layer, the map client's glue);
- ``client``: the map client's files in static/map/ (JavaScript and CSS, with their own tests).
"""
