"""Record vs. myth: every checkable claim of the seed articles, with a verdict, the record and a map link."""

import datetime as dt

import streamlit as st

from atlas import summary
from atlas.i18n import long_date, long_month, t
from atlas.pages import MAP_PAGES
from atlas.pages import RECORD as PAGE
from atlas.tables import SUBJECTS, VERDICTS
from atlas.ui import layout

lang, loaded = layout.page_start(PAGE)
atlas = loaded.atlas

filters = st.columns(2)
verdicts = filters[0].multiselect(t("claims_filter_verdict", lang), options=list(VERDICTS), default=list(VERDICTS),
                                  format_func=lambda v: t(f"verdict_{v}", lang), key="claims_verdicts")
subjects = filters[1].multiselect(t("claims_filter_subject", lang), options=list(SUBJECTS), default=list(SUBJECTS),
                                  format_func=lambda s: t(f"subject_{s}", lang), key="claims_subjects")
chosen = [c for c in atlas.claims if c.verdict in verdicts and c.subject in subjects]
st.caption(t("claims_count", lang, n=len(chosen)))

for claim in chosen:
    card = summary.claim_card(claim, lang, atlas.sources)
    with st.container(border=True):
        st.badge(card["verdict"], color=card["verdict_color"])
        if card["quote"]:
            st.caption(card["quote_label"])
            st.markdown(card["quote"])
        st.markdown(f"**{card['claim']}**")
        st.markdown(card["record"])
        st.markdown(card["sources"])
        link = summary.claim_map_link(claim, lang)
        if link:
            _, query = link
            when = (long_month(dt.date.fromisoformat(claim.map_date + "-01"), lang) if len(claim.map_date) == 7
                    else long_date(dt.date.fromisoformat(claim.map_date), lang))
            layout.map_link(MAP_PAGES[claim.map_page], query, "🗺 " + t("open_map", lang, date=when))
