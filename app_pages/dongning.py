"""The Dongning fortified region: its positions, its three weeks in August 1945, and its myth."""

import datetime as dt

import streamlit as st

from atlas import summary, timeline, ui
from atlas.i18n import t

FIRST_DAY, LAST_DAY, DEFAULT_DAY = dt.date(1945, 8, 8), dt.date(1945, 9, 2), dt.date(1945, 8, 9)
LAYER = "dongning"
CODES = ui.day_codes(FIRST_DAY, LAST_DAY)
DAYS = [dt.date.fromisoformat(code) for code in CODES]

lang, loaded = ui.page_start("page_dongning", "dongning_intro", LAYER)
atlas = loaded.atlas

catalog = ui.page_catalog(loaded, "dongning", lang)

ui.play_controls(CODES, "day", lang)


@st.fragment
def dated_part() -> None:
    """Everything that follows the date: a slider step reruns only this, not the whole page."""
    day = ui.date_slider(lang, FIRST_DAY, LAST_DAY, DEFAULT_DAY, key="day")
    view = ui.day_view(loaded, "dongning", day, lang)
    ui.map_with_panel(loaded, "dongning", day, lang, catalog, DAYS, view,
                      (t("chronology_heading", lang), t("chronology_help", lang)), "page_dongning")

    st.subheader(t("positions_heading", lang))
    st.dataframe(view.table, hide_index=True, width="stretch")


dated_part()

st.header(t("garrison_heading", lang))
ui.show_figures(summary.figures_of(atlas.figures, "dongning"), lang)

st.header(t("history_heading", lang))
ui.markdown_list(summary.history_lines(atlas.history, "dongning", lang, atlas.sources), t("table_missing", lang))

st.header(t("myth_heading", lang))
st.write(t("myth_intro", lang))
ui.markdown_list(summary.claim_blocks(atlas.claims, "dongning", lang, atlas.sources), t("table_missing", lang))

st.header(t("last_battle_heading", lang))
st.write(t("last_battle_intro", lang))
fortresses = atlas.layers["offensive"].frame if "offensive" in atlas.layers else timeline.empty_frame()
dongning_column, hutou_column = st.columns(2, gap="medium")
for column, subject in ((dongning_column, "dongning"), (hutou_column, "hutou")):
    with column:
        st.subheader(t(f"subject_{subject}", lang))
        ui.markdown_list(summary.day_entries(fortresses[fortresses["id"] == f"fr-{subject}"], lang))
        table = summary.figures_table(summary.figures_of(atlas.figures, subject), ("japanese", "soviet"), lang)
        if len(table):
            st.dataframe(table, hide_index=True, width="stretch")
        if subject == "hutou":
            ui.markdown_list(summary.claim_blocks(atlas.claims, "hutou", lang, atlas.sources))

ui.show_catalog(catalog)  # last: the text above does not wait for it
