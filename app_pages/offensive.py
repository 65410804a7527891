"""The offensive of 9 August - 2 September 1945, army by army, growing with the date."""

import streamlit as st

from atlas import summary, timeline
from atlas.i18n import t
from atlas.pages import OFFENSIVE as PAGE
from atlas.ui import cache, layout, mapview, widgets

lang, loaded = layout.page_start(PAGE)
atlas = loaded.atlas
catalog = cache.page_catalog(loaded, PAGE.name, lang)
widgets.play_controls(PAGE, lang)


@st.fragment
def dated_part() -> None:
    """Everything that follows the date: a slider step reruns only this, not the whole page."""
    day, _ = mapview.dated_map(loaded, PAGE, lang, catalog)
    # The full tables are the long text alternative; they are shown on request so that a slider step
    # (or Play) does not resend them every time. The day's events beside the map are always there.
    if st.toggle(t("show_tables", lang), key="show_tables", help=t("show_tables_help", lang)):
        placed, unplaced = timeline.split_placed(cache.shown_on(loaded, PAGE.name, day))
        for heading, rows in (("no_place_heading", unplaced), ("table_heading", placed)):
            if len(rows):
                st.subheader(t(heading, lang))
                st.dataframe(summary.feature_table(rows, lang, atlas.axes), hide_index=True, width="stretch")


dated_part()

with st.container(key="atlas_below"):  # what the presenter view leaves out
    st.header(t("forces_heading", lang))
    st.write(t("forces_intro", lang))
    layout.show_figures(summary.figures_of(atlas.figures, "campaign"), lang)

mapview.show_catalog(catalog)  # last: the text above does not wait for it
