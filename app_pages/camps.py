"""Captivity 1945-1956: the camps, the transfers and the way home, month by month."""

import streamlit as st

from atlas import summary
from atlas.i18n import long_month, t
from atlas.pages import CAPTIVITY as PAGE
from atlas.ui import cache, districts, layout, mapview, widgets

lang, loaded = layout.page_start(PAGE)
atlas = loaded.atlas
catalog = cache.page_catalog(loaded, PAGE.name, lang)
widgets.play_controls(PAGE, lang, changes=lambda: cache.change_codes(loaded, PAGE.name))


@st.fragment
def dated_part() -> None:
    """Everything that follows the month: a slider step reruns only this, not the whole page."""
    day, view = mapview.dated_map(loaded, PAGE, lang, catalog)  # a month shows what had happened by its end
    st.subheader(t("camps_list_heading", lang, month=long_month(day, lang)))
    if view.table is not None and len(view.table):
        st.dataframe(view.table, hide_index=True, width="stretch")
    else:
        st.info(t("camps_none", lang))


dated_part()

with st.container(key="atlas_below"):  # what the presenter view leaves out
    st.header(t("numbers_heading", lang))
    st.write(t("numbers_intro", lang))
    layout.show_figures(summary.figures_of(atlas.figures, "captivity"), lang,
                        sides=(("forces_japanese", ("japanese",)), ("forces_soviet", ("soviet", "mongolian"))))

    st.header(t("camps_claims_heading", lang))
    layout.markdown_list(summary.claim_blocks(atlas.claims, "captivity", lang, atlas.sources), t("table_missing", lang))

    districts.camp_districts(atlas.districts, lang)  # how much of the camp map is drawn

mapview.show_catalog(catalog)  # last: the text above does not wait for it
