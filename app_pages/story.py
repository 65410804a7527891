"""Story mode: a guided tour, one step at a time, in large type for a projector."""

import streamlit as st

from atlas import scene, ui
from atlas.i18n import normalize_language, t

PAGE_FILES = {"offensive": "app_pages/offensive.py", "dongning": "app_pages/dongning.py",
              "captivity": "app_pages/camps.py"}
STORY_MAP_HEIGHT = 600

lang = normalize_language(st.session_state.get("lang"))
loaded = ui.load()
atlas = loaded.atlas
ui.show_problems(None, list(atlas.problems), loaded.fatal, lang)
steps = atlas.story
st.title(t("page_story", lang))
if not steps:
    st.info(t("table_missing", lang))
    st.stop()

step = ui.story_step(len(steps))
current = steps[step - 1]
ui.large_type()

st.caption(t("story_step", lang, n=step, total=len(steps)) + " · " + t("story_help", lang))
previous_column, next_column, go_column = st.columns([1, 1, 3], vertical_alignment="bottom")
previous_column.button(t("story_previous", lang), icon=":material/arrow_back:", disabled=step == 1,
                       on_click=ui.set_story_step, args=(step - 1,), key="story_previous", width="stretch")
next_column.button(t("story_next", lang), icon=":material/arrow_forward:", disabled=step == len(steps),
                   on_click=ui.set_story_step, args=(step + 1,), key="story_next", width="stretch", type="primary")
go_column.selectbox(t("story_go_to", lang), options=list(range(1, len(steps) + 1)), index=step - 1,
                    format_func=lambda n: f"{n}. {getattr(steps[n - 1], f'title_{lang}')}", key="story_select",
                    on_change=ui.go_to_selected_step)

st.header(getattr(current, f"title_{lang}"))
st.markdown(f'<p class="atlas-story-caption">{ui.escape_html(getattr(current, f"caption_{lang}"))}</p>',
            unsafe_allow_html=True)

day = scene.parse_date(current.page, current.date)
bounds = scene.view_bounds(atlas, current.page, current.focus)
settings = scene.SCENES[current.page]
catalog = ui.map_catalog(loaded, settings.layer, lang, settings.legend)
ui.show_catalog(catalog)
ui.show_map(scene.scene_map(current.page, lang, catalog, bounds),
            scene.scene_layer(atlas, current.page, day, lang, catalog), key=f"story_map_{step}",
            height=STORY_MAP_HEIGHT)

date_param = "month" if scene.SCENES[current.page].monthly else "day"
query = {date_param: current.date, **({"focus": current.focus} if current.focus else {}),
         **({"lang": lang} if lang != "en" else {})}
st.page_link(PAGE_FILES[current.page], label=t("story_open_page", lang), icon=":material/map:", query_params=query)
st.caption(f"{t('story_sources', lang)}: " + ui.citation_text(current.sources, atlas.sources))
