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

numbers = [s.step for s in steps]  # each step is named by its own number (a left-out row shifts none)
step = widgets.story_step(numbers)
position = numbers.index(step)
current = steps[position]
first, last = numbers[0], numbers[-1]
previous = numbers[max(position - 1, 0)]
following = numbers[min(position + 1, len(numbers) - 1)]
layout.large_type()

st.caption(t("story_step", lang, n=step, total=last) + " · " + t("story_help", lang))
# A presentation clicker sends PageUp / PageDown; Home and End jump to the ends (shortcuts work
# wherever the focus is but a text field).
first_column, previous_column, next_column, last_column, go_column = st.columns([1, 3, 3, 1, 4],
                                                                                vertical_alignment="bottom")
first_column.button("", icon=":material/first_page:", disabled=step == first, on_click=widgets.set_story_step,
                    args=(first,), key="story_first", shortcut="Home", help=t("story_first", lang), width="stretch")
previous_column.button(t("story_previous", lang), icon=":material/arrow_back:", disabled=step == first,
                       on_click=widgets.set_story_step, args=(previous,), key="story_previous", width="stretch",
                       shortcut="PageUp")
next_column.button(t("story_next", lang), icon=":material/arrow_forward:", disabled=step == last,
                   on_click=widgets.set_story_step, args=(following,), key="story_next", width="stretch",
                   shortcut="PageDown")  # secondary: a primary button's shortcut hint is too faint (axe, contrast)
last_column.button("", icon=":material/last_page:", disabled=step == last, on_click=widgets.set_story_step,
                   args=(last,), key="story_last", shortcut="End", help=t("story_last", lang), width="stretch")
# The arrow keys step too (a clicker may send them): one shortcut per button, so a second pair,
# kept out of sight and out of the tab order (static/app.css, .st-key-story_arrow_keys).
with st.container(key="story_arrow_keys"):
    st.button(t("story_previous", lang), key="story_previous_arrow", shortcut="Left", disabled=step == first,
              on_click=widgets.set_story_step, args=(previous,))
    st.button(t("story_next", lang), key="story_next_arrow", shortcut="Right", disabled=step == last,
              on_click=widgets.set_story_step, args=(following,))
go_column.selectbox(t("story_go_to", lang), options=numbers, key="story_select",
                    format_func=lambda n: f"{n}. {escape.one_line(getattr(steps[numbers.index(n)], f'title_{lang}'))}",
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
