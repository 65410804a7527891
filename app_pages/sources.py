"""Sources and open data: the bibliography with who cites what, the certainty vocabulary, downloads."""

import streamlit as st

from atlas import bibliography, escape
from atlas.i18n import t, t_default
from atlas.pages import SOURCES as PAGE
from atlas.paths import geodata_dir
from atlas.ui import cache, layout

TABLES = ("sources.csv", "axes.csv", "figures.csv", "claims.csv", "history.csv")

lang, loaded = layout.page_start(PAGE)
atlas = loaded.atlas

st.header(t("certainty_heading", lang))
st.markdown(t("certainty_explained", lang))

st.header(t("bibliography_heading", lang))
table = bibliography.bibliography_table(atlas.sources, bibliography.citing_index(atlas), lang)
st.caption(t("bibliography_caption", lang, n=len(table)))
st.dataframe(table, hide_index=True, width="stretch",
             column_config={t("col_link", lang): st.column_config.LinkColumn(t("col_link", lang))})

st.header(t("open_data_heading", lang))
st.write(t("open_data_intro", lang))
folder = geodata_dir()
for name, layer in atlas.layers.items():
    path = folder / layer.file  # confined to the package folder by the loader
    if not path.is_file():
        continue
    text = path.read_text(encoding="utf-8")
    label, geojson_col, csv_col = st.columns([2, 1, 1], vertical_alignment="center")
    label.markdown(f"**{escape.markdown(t_default(f'layer_{name}', lang, layer.title or name))}**")
    geojson_col.download_button(t("download_geojson", lang, layer=escape.markdown(name)), data=text.encode("utf-8"),
                                file_name=f"{name}.geojson", mime="application/geo+json", key=f"dl-{name}-geojson",
                                icon=":material/download:")
    csv_col.download_button(t("download_csv", lang, layer=escape.markdown(name)), data=cache.layer_csv(str(path), loaded.stamp),
                            file_name=f"{name}.csv", mime="text/csv", key=f"dl-{name}-csv", icon=":material/download:")
columns = st.columns(len(TABLES))
for column, name in zip(columns, TABLES, strict=True):
    path = folder / name
    if path.is_file():
        column.download_button(t("download_table", lang, table=name), data=path.read_bytes(), file_name=name,
                               mime="text/csv", key=f"dl-{name}", icon=":material/table:")
st.download_button(t("download_package", lang), data=cache.package_zip(str(folder), loaded.stamp), file_name="atlas-1945-geodata.zip",
                   mime="application/zip", key="dl-package", icon=":material/folder_zip:")

st.header(t("licence_heading", lang))
st.markdown(t("licence_text", lang))
