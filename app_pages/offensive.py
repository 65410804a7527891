"""The offensive of 9 August - 2 September 1945, army by army, growing with the date."""

import datetime as dt

import streamlit as st

from atlas import summary, timeline, ui
from atlas.i18n import t

FIRST_DAY, LAST_DAY, DEFAULT_DAY = dt.date(1945, 8, 8), dt.date(1945, 9, 2), dt.date(1945, 8, 9)
LAYER = "offensive"
CODES = ui.day_codes(FIRST_DAY, LAST_DAY)
DAYS = [dt.date.fromisoformat(code) for code in CODES]

lang, loaded = ui.page_start("page_offensive", "offensive_intro", LAYER)
atlas = loaded.atlas

catalog = ui.page_catalog(loaded, "offensive", lang)

ui.play_controls(CODES, "day", lang)


@st.fragment
def dated_part() -> None:
    """Everything that follows the date: a slider step reruns only this, not the whole page."""
    day = ui.date_slider(lang, FIRST_DAY, LAST_DAY, DEFAULT_DAY)
    view = ui.day_view(loaded, "offensive", day, lang)
    ui.map_with_panel(loaded, "offensive", day, lang, catalog, DAYS, view,
                      (t("day_heading", lang), t("day_help", lang)), "page_offensive", widths=(5, 2))

    # The full tables are the long text alternative; they are shown on request so that a slider step
    # (or Play) does not resend them every time. The day's events beside the map are always there.
    if st.toggle(t("show_tables", lang), key="show_tables", help=t("show_tables_help", lang)):
        placed, unplaced = timeline.split_placed(ui.shown_on(loaded, LAYER, day))
        if len(unplaced):
            st.subheader(t("no_place_heading", lang))
            st.dataframe(summary.feature_table(unplaced, lang, atlas.axes), hide_index=True, width="stretch")
        if len(placed):
            st.subheader(t("table_heading", lang))
            st.dataframe(summary.feature_table(placed, lang, atlas.axes), hide_index=True, width="stretch")


dated_part()

st.header(t("forces_heading", lang))
st.write(t("forces_intro", lang))
ui.show_figures(summary.figures_of(atlas.figures, "campaign"), lang)

ui.show_catalog(catalog)  # last: the text above does not wait for it
