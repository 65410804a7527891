"""The Captivity page's section on the camp districts: how many of the reference's districts are on
the map, and a table of every district with the reason for those that are not."""

from __future__ import annotations

import streamlit as st

from atlas import coverage, escape
from atlas.i18n import t


def camp_districts(districts: tuple[coverage.District, ...], lang: str) -> None:
    """The expander "Camp districts on the map": the counts, the districts not on the map with their
    reasons (escaped), then every district in a data grid. The table's problems, if any, are among
    the package's, shown at the top of the page."""
    with st.expander(t("coverage_heading", lang), icon=":material/checklist:"):
        if not districts:
            st.info(t("table_missing", lang))
            return
        counts = coverage.coverage_of(districts)
        ref = coverage.REFERENCE_DISTRICTS
        st.write(t("coverage_intro", lang))
        st.markdown("\n".join(f"- {line}" for line in (
            t("coverage_numbered", lang, on_map=counts.numbered_on_map, reference=ref, numbered=counts.numbered_ussr),
            t("coverage_unidentified", lang, n=counts.unidentified, reference=ref),
            t("coverage_named", lang, n=counts.named_on_map),
            t("coverage_abroad", lang, n=counts.abroad, reference=ref),
            t("coverage_candidates", lang, n=counts.candidates),
        )))
        if counts.not_on_map:  # the reasons in full (a grid cuts long text); data escaped for Markdown
            st.markdown(f"**{t('coverage_missing_heading', lang)}**")
            st.markdown("\n".join(
                f"- {escape.markdown(coverage.label_of(d, lang))}: {escape.markdown(d.reason_es if lang == 'es' else d.reason_en)}"
                for d in counts.not_on_map))
        st.caption(t("coverage_table_caption", lang, rows=counts.rows, placed=counts.placed,
                     missing=len(counts.not_on_map)))
        table = coverage.coverage_table(districts, lang)
        st.dataframe(table, hide_index=True, width="stretch", column_config={
            table.columns[0]: st.column_config.TextColumn(width="small"),
            table.columns[3]: st.column_config.TextColumn(width="small"),
            table.columns[4]: st.column_config.TextColumn(width="large")})
