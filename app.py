"""Entry point: page config, shared sidebar, navigation. Run with `streamlit run app.py`."""

import streamlit as st

from atlas import ui
from atlas.i18n import t

st.set_page_config(page_title="Atlas of August 1945", page_icon=":material/map:", layout="wide")

lang = ui.language()
ui.page_styles()
st.sidebar.markdown(f"**{t('app_title', lang)}**  \n{t('app_subtitle', lang)}")
st.sidebar.caption(t("footer", lang))

pages = [
    st.Page("app_pages/offensive.py", title=t("page_offensive", lang), icon=":material/map:",
            url_path="offensive", default=True),
    st.Page("app_pages/dongning.py", title=t("page_dongning", lang), icon=":material/fort:", url_path="dongning"),
    st.Page("app_pages/camps.py", title=t("page_camps", lang), icon=":material/train:", url_path="captivity"),
    st.Page("app_pages/story.py", title=t("page_story", lang), icon=":material/slideshow:", url_path="story"),
    st.Page("app_pages/claims.py", title=t("page_claims", lang), icon=":material/fact_check:", url_path="record"),
    st.Page("app_pages/sources.py", title=t("page_sources", lang), icon=":material/menu_book:", url_path="sources"),
]
st.navigation(pages).run()
