"""Captivity 1945-1956: the camps, the transfers and the way home, month by month."""

import datetime as dt

import streamlit as st

from atlas import summary, timeline, ui
from atlas.i18n import long_month, t

FIRST_MONTH, LAST_MONTH, DEFAULT_MONTH = dt.date(1945, 8, 1), dt.date(1956, 12, 1), dt.date(1945, 12, 1)
LAYER = "camps"
MONTH_ENDS = [timeline.month_end(m) for m in timeline.months(FIRST_MONTH, LAST_MONTH)]

lang, loaded = ui.page_start("page_camps", "camps_intro", LAYER)
atlas = loaded.atlas

catalog = ui.page_catalog(loaded, "captivity", lang)

ui.play_controls(ui.month_codes(FIRST_MONTH, LAST_MONTH), "month", lang)


@st.fragment
def dated_part() -> None:
    """Everything that follows the month: a slider step reruns only this, not the whole page."""
    month = ui.month_slider(lang, FIRST_MONTH, LAST_MONTH, DEFAULT_MONTH)
    day = timeline.month_end(month)  # a month step shows what had happened by the month's end
    view = ui.day_view(loaded, "captivity", day, lang)
    ui.map_with_panel(loaded, "captivity", day, lang, catalog, MONTH_ENDS, view,
                      (t("phase_heading", lang), t("chronology_help", lang)), "page_camps")

    st.subheader(t("camps_list_heading", lang, month=long_month(month, lang)))
    if view.table is not None and len(view.table):
        st.dataframe(view.table, hide_index=True, width="stretch")
    else:
        st.info(t("camps_none", lang))


dated_part()

st.header(t("numbers_heading", lang))
st.write(t("numbers_intro", lang))
ui.show_figures(summary.figures_of(atlas.figures, "captivity"), lang,
                sides=(("forces_japanese", ("japanese",)), ("forces_soviet", ("soviet", "mongolian"))))

st.header(t("camps_claims_heading", lang))
ui.markdown_list(summary.claim_blocks(atlas.claims, "captivity", lang, atlas.sources), t("table_missing", lang))

ui.show_catalog(catalog)  # last: the text above does not wait for it
