"""What a reader sees names sources, never the research dossier's internal codes (issue 17)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA

INTERNAL = re.compile(r"\bdossier\b|§|\(S\d+[a-z]?\)|\bS\d+[a-z]?\b(?=[,;)])", re.IGNORECASE)
TABLES = ("figures.csv", "claims.csv", "history.csv", "story.csv", "axes.csv", "camp_districts.csv")


@pytest.mark.parametrize("path", sorted(GEODATA.glob("*.geojson")), ids=lambda p: p.name)
def test_feature_texts_carry_no_dossier_codes(path):
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feature["properties"]
        for key, value in props.items():
            if isinstance(value, str):
                assert not INTERNAL.search(value), f"{props['id']}.{key}: {value[:120]}"


@pytest.mark.parametrize("name", TABLES)
def test_table_texts_carry_no_dossier_codes(name):
    with (GEODATA / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for key, value in row.items():
                assert not INTERNAL.search(value or ""), f"{name} {next(iter(row.values()))}.{key}: {value[:120]}"
