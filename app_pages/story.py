"""Story mode: a guided tour, one step at a time, in large type for a projector."""

import streamlit as st

from atlas import escape, scene
from atlas.i18n import t
from atlas.pages import MAP_PAGES
from atlas.pages import STORY as PAGE
from atlas.ui import handouts, layout, mapview, widgets

STORY_MAP_HEIGHT = 600

lang, loaded = layout.page_start(PAGE)
atlas = loaded.atlas
steps = atlas.story
if not steps:
    st.info(t("table_missing", lang))
    st.stop()

step = widgets.story_step(len(steps))
current = steps[step - 1]
layout.large_type()

st.caption(t("story_step", lang, n=step, total=len(steps)) + " · " + t("story_help", lang))
# A presentation clicker sends PageUp / PageDown; Home and End jump to the ends (shortcuts work
# wherever the focus is but a text field).
first_column, previous_column, next_column, last_column, go_column = st.columns([1, 3, 3, 1, 4],
                                                                                vertical_alignment="bottom")
first_column.button("", icon=":material/first_page:", disabled=step == 1, on_click=widgets.set_story_step, args=(1,),
                    key="story_first", shortcut="Home", help=t("story_first", lang), width="stretch")
previous_column.button(t("story_previous", lang), icon=":material/arrow_back:", disabled=step == 1,
                       on_click=widgets.set_story_step, args=(step - 1,), key="story_previous", width="stretch",
                       shortcut="PageUp")
next_column.button(t("story_next", lang), icon=":material/arrow_forward:", disabled=step == len(steps),
                   on_click=widgets.set_story_step, args=(step + 1,), key="story_next", width="stretch",
                   shortcut="PageDown")  # secondary: a primary button's shortcut hint is too faint (axe, contrast)
last_column.button("", icon=":material/last_page:", disabled=step == len(steps), on_click=widgets.set_story_step,
                   args=(len(steps),), key="story_last", shortcut="End", help=t("story_last", lang), width="stretch")
# The arrow keys step too (a clicker may send them): one shortcut per button, so a second pair,
# kept out of sight and out of the tab order (static/app.css, .st-key-story_arrow_keys).
with st.container(key="story_arrow_keys"):
    st.button(t("story_previous", lang), key="story_previous_arrow", shortcut="Left", disabled=step == 1,
              on_click=widgets.set_story_step, args=(step - 1,))
    st.button(t("story_next", lang), key="story_next_arrow", shortcut="Right", disabled=step == len(steps),
              on_click=widgets.set_story_step, args=(step + 1,))
go_column.selectbox(t("story_go_to", lang), options=list(range(1, len(steps) + 1)), index=step - 1,
                    format_func=lambda n: f"{n}. {escape.one_line(getattr(steps[n - 1], f'title_{lang}'))}", key="story_select",
                    on_change=widgets.go_to_selected_step)

layout.data_heading(getattr(current, f"title_{lang}"))
layout.html_paragraph(getattr(current, f"caption_{lang}"), "atlas-story-caption")

page = MAP_PAGES[current.page]
mapview.show_story_map(loaded, page.name, scene.parse_date(page.name, current.date),
                       lang, scene.view_bounds(atlas, page.name, current.focus), f"story_map_{step}", STORY_MAP_HEIGHT)

query = {page.slider_key: current.date, **({"focus": current.focus} if current.focus else {}),
         **({"lang": lang} if lang != "en" else {})}
layout.map_link(page, query, "🗺 " + t("story_open_page", lang))
st.caption(f"{t('story_sources', lang)}: " + layout.citation_text(current.sources, atlas.sources))
handouts.story_button(loaded, lang)
