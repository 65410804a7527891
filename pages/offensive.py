"""The offensive of 9 August - 2 September 1945: start areas and objectives, filtered by date."""

import datetime as dt

import streamlit as st

from atlas import maps, summary, timeline, ui
from atlas.i18n import normalize_language, t

FIRST_DAY, LAST_DAY, DEFAULT_DAY = dt.date(1945, 8, 8), dt.date(1945, 9, 2), dt.date(1945, 8, 9)
LAYER = "offensive"

lang = normalize_language(st.session_state.get("lang"))
st.title(t("page_offensive", lang))
st.write(t("offensive_intro", lang))

layers, sources, package_problems, fatal = ui.load_atlas()
layer = layers.get(LAYER)
ui.show_problems(layer, package_problems, fatal, lang)

day = ui.date_slider(lang, FIRST_DAY, LAST_DAY, DEFAULT_DAY)
shown = timeline.on_date(layer.frame, day) if layer else timeline.empty_frame()
placed, unplaced = timeline.split_placed(shown)

st.caption(summary.caption(placed, unplaced, day, lang))

ui.show_map(maps.base_map(lang, ui.popup_catalog(LAYER, lang)), maps.feature_layer(placed, day, lang), key="offensive_map")
st.caption(t("map_help", lang))


if len(unplaced):
    st.subheader(t("no_place_heading", lang))
    st.dataframe(summary.feature_table(unplaced, lang), hide_index=True, width="stretch")
if len(placed):
    st.subheader(t("table_heading", lang))
    st.dataframe(summary.feature_table(placed, lang), hide_index=True, width="stretch")
