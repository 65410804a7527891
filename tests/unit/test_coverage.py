"""atlas.coverage: the camp districts' counts and the table the Captivity page shows."""

from __future__ import annotations

import csv
import os

import pytest

from atlas import coverage
from atlas.coverage import COLUMNS, REFERENCE_DISTRICTS, coverage_of, coverage_table, read_districts


def row(district_id: str, basis: str = "numbered", status: str = "confirmed", scope: str = "ussr",
        features: str = "camp-x", reason: str = "", reason_es: str = "", numbers: str = "1") -> dict[str, str]:
    return {"district_id": district_id, "basis": basis, "status": status, "scope": scope, "camp_numbers": numbers,
            "name_en": f"{district_id} en", "name_es": f"{district_id} es", "name_ja": "", "name_ru": "",
            "region_en": "Region", "region_es": "Región", "feature_ids": features, "not_placed_reason": reason,
            "not_placed_reason_es": reason_es, "sources": "src: p. 1"}


def write(folder, rows) -> None:
    with (folder / coverage.FILE).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


ROWS = [
    row("gupvi-001"), row("gupvi-002", features="camp-a camp-b"),
    row("gupvi-014", scope="abroad"),
    row("gupvi-503", status="candidate", features="", reason="no source says so", reason_es="ninguna fuente lo dice"),
    row("place-a", basis="named", numbers=""), row("place-b", basis="named", scope="mongolia", numbers=""),
    row("place-c", basis="named", features="", reason="not locatable", reason_es="no se puede situar", numbers=""),
]


def test_counts(tmp_path):
    write(tmp_path, ROWS)
    districts, problems = read_districts(tmp_path)
    assert problems == []
    counts = coverage_of(districts)
    assert (counts.rows, counts.placed) == (7, 5)
    assert (counts.numbered_ussr, counts.numbered_on_map) == (2, 2)
    assert counts.unidentified == REFERENCE_DISTRICTS - 2
    assert (counts.abroad, counts.candidates) == (1, 1)
    assert (counts.named, counts.named_on_map) == (3, 2)
    assert [d.district_id for d in counts.not_on_map] == ["gupvi-503", "place-c"]


@pytest.mark.parametrize("lang, name, reason, yes, no", [
    ("en", "gupvi-503 en", "no source says so", "yes", "no"),
    ("es", "gupvi-503 es", "ninguna fuente lo dice", "sí", "no"),
])
def test_table_in_each_language(tmp_path, lang, name, reason, yes, no):
    write(tmp_path, ROWS)
    table = coverage_table(read_districts(tmp_path)[0], lang)
    assert len(table) == len(ROWS) and len(table.columns) == 5
    numbers, names, regions, on_map, why = (table[c].tolist() for c in table.columns)
    assert names[3] == name and why[3] == reason and on_map[3] == no
    assert on_map[0] == yes and why[0] == ""
    assert regions[0] == ("Región" if lang == "es" else "Region")
    assert numbers[1] == "1"


def test_rows_with_problems_are_left_out_and_named(tmp_path):
    write(tmp_path, [row("gupvi-001"), row("gupvi-001"), row("gupvi-002", features=""),
                     row("gupvi-003", features="", reason="why", reason_es=""),
                     row("gupvi-004", reason="placed yet a reason"), row("gupvi-005", basis="other"),
                     {**row("gupvi-006"), "region_es": ""}])
    districts, problems = read_districts(tmp_path)
    assert [d.district_id for d in districts] == ["gupvi-001"]
    assert [p.feature for p in problems] == ["gupvi-001", "gupvi-002", "gupvi-003", "gupvi-004", "gupvi-005",
                                             "gupvi-006"]


def test_a_missing_file_or_a_link_is_a_problem(tmp_path):
    districts, problems = read_districts(tmp_path)
    assert districts == [] and [p.message for p in problems] == ["file is missing"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write(elsewhere, ROWS)
    os.symlink(elsewhere / coverage.FILE, tmp_path / coverage.FILE)
    districts, problems = read_districts(tmp_path)
    assert districts == [] and "symbolic link" in problems[0].message


def test_the_loaders_check_names_unknown_sources_and_features(tmp_path):
    write(tmp_path, [row("gupvi-001", features="camp-a camp-gone"), {**row("gupvi-002"), "sources": "nowhere: p. 2"},
                     {**row("gupvi-003"), "sources": ""}])
    districts, problems = coverage.check_districts(tmp_path, {"src"}, {"camp-a", "camp-x"})
    assert [d.district_id for d in districts] == ["gupvi-001", "gupvi-002", "gupvi-003"]
    assert [(p.feature, p.message) for p in problems] == [
        ("gupvi-001", "feature_ids: 'camp-gone' is not a placed camp in camps.geojson"),
        ("gupvi-002", "sources: unknown source key 'nowhere' (not in sources.csv)"),
        ("gupvi-003", "sources: at least one citation `key: locator` is required"),
    ]


def test_a_package_without_the_table_has_nothing_to_check(tmp_path):
    assert coverage.check_districts(tmp_path, {"src"}, set()) == ([], [])


@pytest.mark.parametrize("lang, expected", [("en", "Camp No. 1, gupvi-001 en"), ("es", "N.º de campo 1, gupvi-001 es")])
def test_a_district_as_one_line(tmp_path, lang, expected):
    write(tmp_path, ROWS)
    districts = read_districts(tmp_path)[0]
    assert coverage.label_of(districts[0], lang) == expected
    assert coverage.label_of(districts[4], lang) == f"place-a {lang}"  # no number


def test_the_bibliography_counts_the_tables_citations():
    from atlas.bibliography import citing_index
    from atlas.load import load_atlas
    from atlas.paths import DEFAULT_GEODATA_DIR

    atlas = load_atlas(DEFAULT_GEODATA_DIR)
    assert atlas.districts and len(atlas.districts) == len(read_districts(DEFAULT_GEODATA_DIR)[0])
    assert "camp_districts.csv: gupvi-005" in citing_index(atlas)["dzen-komsomolsk-camp5"]
