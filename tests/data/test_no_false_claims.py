"""No false claim from the seed articles appears anywhere in the app's text or data as fact.

The claims themselves live in geodata/claims.csv, where each is flagged with a verdict; everything
else (feature text, tables, interface strings) is scanned for them here.
"""

from __future__ import annotations

import csv
import json
import re

import pytest

from atlas.i18n import MESSAGES
from atlas.paths import DEFAULT_GEODATA_DIR as GEODATA

FALSE_CLAIMS = {
    "atomic bombs on 15 August": r"atomic bomb\w*[^.]{0,80}\b15 August|\b15 August[^.]{0,80}atomic bomb"
                                 r"|bombas? at[oó]micas?[^.]{0,80}15 de agosto|15 de agosto[^.]{0,80}bombas? at[oó]micas?",
    "Yalta in July": r"yalta[^.]{0,80}\bjuly\b|yalta[^.]{0,80}\bjulio\b",
    "300 airfields": r"\b300 (airfields|aer[oó]dromos)",
    "the gasoline story": r"gasoline|gasolina|petrol\b|burned alive|quemados? vivos?",
    "more than 1,000 Soviet losses": r"(soviet|sovi[eé]tic)[^.]{0,60}(more than|over|m[aá]s de) 1[,.]000\b",
    "100,000 Kwantung Army dead": r"\b100[,.]000\b[^.]{0,40}(killed|dead|muertos)",
    "100,000 or 200,000 prisoner deaths": r"\b(nearly|almost|casi|cerca de)? ?(100|200)[,.]000\b[^.]{0,60}(died|deaths|murieron|muertes)",
}


def texts():
    """(where, text) for every piece of text the app shows as fact."""
    for path in sorted(GEODATA.glob("*.geojson")):
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            for key, value in feature["properties"].items():
                if isinstance(value, str):
                    yield f"{path.name}:{feature['properties']['id']}:{key}", value
    for name in ("history.csv", "axes.csv", "figures.csv"):
        with (GEODATA / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                label = row.get("id") or row.get("axis")
                if name == "figures.csv" and ("estimate" in row["according_to_en"].lower()):
                    continue  # a labelled private estimate (e.g. Shimura), shown as such, not as fact
                for key, value in row.items():
                    if name == "figures.csv" and row["subject"] == "hutou" and key.startswith("scope"):
                        continue  # "over 1,000 Soviet casualties" is the Hutou figure, correctly scoped
                    yield f"{name}:{label}:{key}", value
    for lang, table in MESSAGES.items():
        for key, value in table.items():
            yield f"i18n:{lang}:{key}", value


@pytest.mark.parametrize("claim", sorted(FALSE_CLAIMS))
def test_false_claim_appears_nowhere_as_fact(claim):
    pattern = re.compile(FALSE_CLAIMS[claim], re.IGNORECASE)
    hits = [f"{where}: …{m.group(0)}…" for where, text in texts() for m in [pattern.search(text)] if m]
    assert hits == [], f"'{claim}' stated as fact in: {hits}"


@pytest.mark.parametrize("claim", sorted(FALSE_CLAIMS))
def test_the_scan_would_catch_the_claim(claim):
    """Each pattern matches the seed wording it guards against, so the scan above can fail."""
    samples = {
        "atomic bombs on 15 August": "On August 15, 1945, the United States dropped two atomic bombs"
                                     .replace("On August 15, 1945", "On 15 August 1945"),
        "Yalta in July": "the Yalta Conference on 13 July 1945",
        "300 airfields": "contains more than 300 airfields",
        "the gasoline story": "poured a large amount of gasoline from the vent",
        "more than 1,000 Soviet losses": "the Soviet army, after paying the price of more than 1,000 people",
        "100,000 Kwantung Army dead": "wiped out nearly 100,000 Kwantung Army dead",
        "100,000 or 200,000 prisoner deaths": "nearly 100,000 died in five years",
    }
    assert re.search(FALSE_CLAIMS[claim], samples[claim], re.IGNORECASE)


def test_every_claim_has_a_verdict_and_resolving_sources():
    from atlas.citations import cited_keys
    from atlas.load import load_atlas

    atlas = load_atlas(GEODATA)
    assert len(atlas.claims) >= 25
    for claim in atlas.claims:
        assert claim.verdict in {"correct", "partly_correct", "wrong", "unverified", "myth"}, claim.id
        keys = cited_keys(claim.sources)
        assert keys and set(keys) <= set(atlas.sources), claim.id
