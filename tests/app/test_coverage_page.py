"""AppTest: the Captivity page's "Camp districts on the map" section, in English and Spanish, states
the counts of geodata/camp_districts.csv and lists every district."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from atlas.coverage import REFERENCE_DISTRICTS, coverage_of, read_districts
from atlas.paths import DEFAULT_GEODATA_DIR
from tests.conftest import REPO

HEADINGS = {"en": "Camp districts on the map", "es": "Los distritos de campos en el mapa"}
COLUMNS = {"en": ("On the map", "yes", "no", "Why it is not on the map", "Name"),
           "es": ("En el mapa", "sí", "no", "Por qué no está en el mapa", "Nombre")}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_section_states_the_tables_counts(lang):
    at = AppTest.from_file(str(REPO / "atlas_app.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/camps.py").run()
    assert not at.exception
    (section,) = [e for e in at.expander if e.label == HEADINGS[lang]]
    districts, problems = read_districts(DEFAULT_GEODATA_DIR)
    assert problems == []
    counts = coverage_of(districts)
    csv = pd.read_csv(DEFAULT_GEODATA_DIR / "camp_districts.csv", dtype=str, keep_default_na=False)
    text = "\n".join(m.value for m in section.markdown)
    first = (f"**{counts.numbered_on_map} of {REFERENCE_DISTRICTS} districts on the map**" if lang == "en" else
             f"**{counts.numbered_on_map} de {REFERENCE_DISTRICTS} distritos en el mapa**")
    assert first in text
    assert f"**{REFERENCE_DISTRICTS - counts.numbered_ussr} " in text and f"**{counts.candidates} " in text
    on_map, yes, no, why, name = COLUMNS[lang]
    (table,) = [d.value for d in section.dataframe]
    assert len(table) == len(csv)  # every district, none left out
    placed = csv["feature_ids"] != ""
    assert (table[on_map] == yes).sum() == placed.sum() == counts.placed
    assert (table[on_map] == no).sum() == (~placed).sum() == len(counts.not_on_map)
    reasons = csv["not_placed_reason" if lang == "en" else "not_placed_reason_es"]
    assert table[why].tolist() == reasons.tolist()
    assert table[name].tolist() == csv[f"name_{lang}"].tolist()
    # the reasons in full, as text (escaped for Markdown: undo the escapes to compare)
    shown = re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")
    for reason in reasons[reasons != ""]:
        assert reason in shown
