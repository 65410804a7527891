"""The atlas's Streamlit script, run for every visit: page config, shared sidebar, navigation.

Served by app.py (`streamlit run app.py`), which warms a fresh server before its first visitor;
`streamlit run atlas_app.py` serves the same pages without that head start."""

import streamlit as st

from atlas.i18n import t
from atlas.pages import DEFAULT_PAGE, PAGES
from atlas.ui import background, cache, layout, memory, widgets

# An emoji icon: Streamlit draws it as a data: URL. A ":material/…:" icon is fetched from fonts.gstatic.com,
# a request outside the app (and blocked by a strict Content-Security-Policy, atlas/csp.py).
st.set_page_config(page_title="Atlas of August 1945", page_icon="🗺️", layout="wide")
cache.install_static()  # Leaflet and the basemap, served by the app itself (static/, once per process)
memory.tune_allocator()  # large buffers (each session's catalog) go back to the system (once per process)

lang = widgets.language()
layout.page_styles()
st.sidebar.markdown(f"**{t('app_title', lang)}**  \n{t('app_subtitle', lang)}")
st.sidebar.caption(t("footer", lang))
layout.page_language(lang)  # <html lang> follows the choice on every page

with background.visitor_run():  # the background worker waits while a page runs, and just after
    st.navigation([
        st.Page(page.file, title=t(page.title_key, lang), icon=page.icon, url_path=page.url_path,
                default=page is DEFAULT_PAGE)
        for page in PAGES
    ]).run()
