"""The Streamlit edge: the only part of atlas/ that imports Streamlit, one concern per module.

- ``cache``: the data package and everything computed from it per page, date and language;
- ``widgets``: the language choice, the date control bound to the URL, Play, story steps;
- ``component``: the one contact with streamlit-folium's internals (see docs/streamlit-contract.md);
- ``background``: the one background worker that prepares every date of a page;
- ``warm``: the ASGI entry's start-up hook, a fresh server's first visit done before it comes;
- ``mapview``: a map page's map, side panel, catalog, watchdog and download;
- ``layout``: page start, data problems, styles, tables and text blocks.
"""
