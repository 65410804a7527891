"""The Dongning fortified region: its positions, its three weeks in August 1945, and its myth."""

import streamlit as st

from atlas import entries, summary, timeline
from atlas.i18n import t
from atlas.pages import DONGNING as PAGE
from atlas.ui import cache, layout, mapview, widgets

lang, loaded = layout.page_start(PAGE)
atlas = loaded.atlas
catalog = cache.page_catalog(loaded, PAGE.name, lang)
widgets.play_controls(PAGE, lang)


@st.fragment
def dated_part() -> None:
    """Everything that follows the date: a slider step reruns only this, not the whole page."""
    _, view = mapview.dated_map(loaded, PAGE, lang, catalog)
    st.subheader(t("positions_heading", lang))
    st.dataframe(view.table, hide_index=True, width="stretch")


dated_part()

with st.container(key="atlas_below"):  # what the presenter view leaves out
    st.header(t("garrison_heading", lang))
    layout.show_figures(summary.figures_of(atlas.figures, "dongning"), lang)

    st.header(t("history_heading", lang))
    layout.markdown_list(summary.history_lines(atlas.history, "dongning", lang, atlas.sources), t("table_missing", lang))

    st.header(t("myth_heading", lang))
    st.write(t("myth_intro", lang))
    layout.markdown_list(summary.claim_blocks(atlas.claims, "dongning", lang, atlas.sources), t("table_missing", lang))

    st.header(t("last_battle_heading", lang))
    st.write(t("last_battle_intro", lang))
    fortresses = atlas.layers["offensive"].frame if "offensive" in atlas.layers else timeline.empty_frame()
    dongning_column, hutou_column = st.columns(2, gap="medium")
    for column, subject in ((dongning_column, "dongning"), (hutou_column, "hutou")):
        with column:
            st.subheader(t(f"subject_{subject}", lang))
            battle = summary.day_entries(fortresses[fortresses["id"] == f"fr-{subject}"], lang)
            layout.markdown_list([entries.markdown(entry) for entry in battle])
            table = summary.figures_table(summary.figures_of(atlas.figures, subject), ("japanese", "soviet"), lang)
            if len(table):
                st.dataframe(table, hide_index=True, width="stretch")
            if subject == "hutou":
                layout.markdown_list(summary.claim_blocks(atlas.claims, "hutou", lang, atlas.sources))

mapview.show_catalog(catalog)  # last: the text above does not wait for it
