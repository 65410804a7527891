"""The offensive of 9 August - 2 September 1945, army by army, growing with the date."""

import datetime as dt

import streamlit as st

from atlas import maps, summary, timeline, ui
from atlas.i18n import normalize_language, t

FIRST_DAY, LAST_DAY, DEFAULT_DAY = dt.date(1945, 8, 8), dt.date(1945, 9, 2), dt.date(1945, 8, 9)
LAYER = "offensive"

lang = normalize_language(st.session_state.get("lang"))
st.title(t("page_offensive", lang))
st.write(t("offensive_intro", lang))

loaded = ui.load()
atlas = loaded.atlas
layer = atlas.layers.get(LAYER)
ui.show_problems(layer, list(atlas.problems), loaded.fatal, lang)

day = ui.date_slider(lang, FIRST_DAY, LAST_DAY, DEFAULT_DAY)
ui.play_controls(ui.day_codes(FIRST_DAY, LAST_DAY), "day", lang)
frame = layer.frame if layer else timeline.empty_frame()
shown = ui.shown_on(loaded, LAYER, day)
placed, unplaced = timeline.split_placed(shown)

st.caption(summary.caption(placed, unplaced, day, lang, axes=summary.axes_under_way(shown)))

catalog = ui.map_catalog(loaded, LAYER, lang, "offensive")
ui.show_catalog(catalog)
map_column, day_column = st.columns([5, 2], gap="medium")
with map_column:
    view = ui.focus_bounds(frame, maps.VIEW_BOUNDS, "offensive", pad_deg=1.5)
    ui.show_map(maps.base_map(lang, catalog, bounds=view), ui.day_layer(loaded, LAYER, day, lang, "offensive"),
                key="offensive_map")
    st.caption(t("map_help", lang))
    ui.map_download(lambda: maps.base_map(lang, catalog, bounds=view),
                    lambda: ui.day_layer(loaded, LAYER, day, lang, "offensive"),
                    f"offensive-{day.isoformat()}", t("page_offensive", lang), lang, catalog)
with day_column:
    st.subheader(t("day_heading", lang))
    with st.container(height=ui.MAP_HEIGHT - 60, border=False):
        entries = summary.day_entries(timeline.happening_on(frame, day), lang)
        for entry in entries or [t("day_none", lang)]:
            st.markdown(entry)
    st.caption(t("day_help", lang))

# The full tables are the long text alternative; they are shown on request so that a slider step
# (or Play) does not resend them every time. The day's events beside the map are always there.
if st.toggle(t("show_tables", lang), key="show_tables", help=t("show_tables_help", lang)):
    if len(unplaced):
        st.subheader(t("no_place_heading", lang))
        st.dataframe(summary.feature_table(unplaced, lang, atlas.axes), hide_index=True, width="stretch")
    if len(placed):
        st.subheader(t("table_heading", lang))
        st.dataframe(summary.feature_table(placed, lang, atlas.axes), hide_index=True, width="stretch")

st.header(t("forces_heading", lang))
st.write(t("forces_intro", lang))
ui.show_figures(summary.figures_of(atlas.figures, "campaign"), lang)
