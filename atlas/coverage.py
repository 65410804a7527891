"""How much of the captivity's camp map the atlas covers (``camp_districts.csv``).

The standard Japanese reference (Nagase Ryōji) counts 68 internment districts in the USSR. The
table lists every camp district or place of captivity the sources read identify, with the ``camp``
features that draw it or the reason it is not drawn. This module counts it (what the Captivity
page and the README state) and turns it into a table in the page's language. Reading never raises:
a missing or broken file comes back as problems, and a row without a reason for being off the map
is one of them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from atlas.citations import cited_keys
from atlas.csvfile import read_rows
from atlas.i18n import t
from atlas.model import Problem
from atlas.package import confined

FILE = "camp_districts.csv"
REFERENCE_DISTRICTS = 68  # internment districts (収容地区) in Nagase Ryōji's reference
COLUMNS = ("district_id", "basis", "status", "scope", "camp_numbers", "name_en", "name_es", "name_ja", "name_ru",
           "region_en", "region_es", "feature_ids", "not_placed_reason", "not_placed_reason_es", "sources")
BASES = ("numbered", "named")
STATUSES = ("confirmed", "candidate")
SCOPES = ("ussr", "mongolia", "abroad")


@dataclass(frozen=True)
class District:
    """One row of the coverage table."""

    district_id: str
    basis: str  # numbered (known by its GUPVI camp number) or named
    status: str  # confirmed (a source says it held Japanese) or candidate
    scope: str  # ussr, mongolia or abroad (transit camps in China and Korea)
    camp_numbers: str
    name_en: str
    name_es: str
    region_en: str
    region_es: str
    feature_ids: tuple[str, ...]
    reason_en: str
    reason_es: str
    sources: str

    @property
    def placed(self) -> bool:
        return bool(self.feature_ids)


@dataclass(frozen=True)
class Coverage:
    """The counts the page and the README state."""

    rows: int  # every row of the table
    placed: int  # rows drawn on the map
    numbered_ussr: int  # confirmed numbered districts in the USSR: matched against the reference's 68
    numbered_on_map: int
    unidentified: int  # of the reference's 68, not identified by number in the sources read
    abroad: int  # numbered transit camps outside the USSR (not among the 68)
    candidates: int  # numbered camps whose Japanese prisoners no source read confirms
    named: int  # places named without a camp number
    named_on_map: int
    not_on_map: tuple[District, ...]


def read_districts(folder: Path) -> tuple[list[District], list[Problem]]:
    """The table's rows in file order and the problems of those left out."""
    path = confined(folder, FILE)
    if path is None:
        return [], [Problem(FILE, "-", "is a symbolic link (or on a path through one): not read")]
    rows, problems = read_rows(path, COLUMNS)
    districts: list[District] = []
    seen: set[str] = set()
    for row in rows:
        label = row["district_id"] or f"line {row['_line']}"
        errors = [f"{field}: {row[field]!r} is not one of {', '.join(allowed)}"
                  for field, allowed in (("basis", BASES), ("status", STATUSES), ("scope", SCOPES))
                  if row[field] not in allowed]
        errors += [f"{field}: is empty" for field in ("district_id", "name_en", "name_es", "region_en", "region_es")
                   if not row[field]]
        if row["district_id"] in seen:
            errors.append("district_id: duplicate id")
        ids = tuple(row["feature_ids"].split())
        if not ids and not (row["not_placed_reason"] and row["not_placed_reason_es"]):
            errors.append("not on the map and no reason given in both languages (not_placed_reason, _es)")
        if ids and (row["not_placed_reason"] or row["not_placed_reason_es"]):
            errors.append("on the map, yet a reason for not being on it is given")
        if errors:
            problems += [Problem(FILE, label, e) for e in errors]
            continue
        seen.add(row["district_id"])
        districts.append(District(row["district_id"], row["basis"], row["status"], row["scope"], row["camp_numbers"],
                                  row["name_en"], row["name_es"], row["region_en"], row["region_es"], ids,
                                  row["not_placed_reason"], row["not_placed_reason_es"], row["sources"]))
    return districts, problems


def check_districts(folder: Path, source_keys: Collection[str],
                    camp_ids: Collection[str]) -> tuple[list[District], list[Problem]]:
    """The loader's reading of the table, when the package has one: its rows, and its problems (bad
    rows, unknown source keys, features that are not placed camps of ``camps.geojson``). A package
    without the table (a curator's small package) has nothing to check."""
    path = confined(folder, FILE)
    if path is None or not path.exists():
        return [], []
    districts, problems = read_districts(folder)
    for district in districts:
        keys = cited_keys(district.sources)
        if not keys:
            problems.append(Problem(FILE, district.district_id, "sources: at least one citation `key: locator` is required"))
        problems += [Problem(FILE, district.district_id, f"sources: unknown source key {k!r} (not in sources.csv)")
                     for k in keys if k not in source_keys]
        problems += [Problem(FILE, district.district_id, f"feature_ids: {f!r} is not a placed camp in camps.geojson")
                     for f in district.feature_ids if f not in camp_ids]
    return districts, problems


def coverage_of(districts: Sequence[District]) -> Coverage:
    """The counts of the coverage table: how many of the reference's districts are on the map."""
    numbered = [d for d in districts if d.basis == "numbered" and d.status == "confirmed"]
    in_ussr = [d for d in numbered if d.scope == "ussr"]
    named = [d for d in districts if d.basis == "named"]
    return Coverage(
        rows=len(districts),
        placed=sum(d.placed for d in districts),
        numbered_ussr=len(in_ussr),
        numbered_on_map=sum(d.placed for d in in_ussr),
        unidentified=max(REFERENCE_DISTRICTS - len(in_ussr), 0),
        abroad=sum(d.scope == "abroad" for d in numbered),
        candidates=sum(d.status == "candidate" for d in districts),
        named=len(named),
        named_on_map=sum(d.placed for d in named),
        not_on_map=tuple(d for d in districts if not d.placed),
    )


def label_of(district: District, lang: str) -> str:
    """A district as one line of text: its camp number(s), if any, and its name (plain text)."""
    name = district.name_es if lang == "es" else district.name_en
    return f"{t('col_camp_numbers', lang)} {district.camp_numbers}, {name}" if district.camp_numbers else name


def coverage_table(districts: Sequence[District], lang: str) -> pd.DataFrame:
    """Every district as the page shows it: number(s), name, region, on the map or not, and why not."""
    es = lang == "es"
    yes, no = t("coverage_yes", lang), t("coverage_no", lang)
    return pd.DataFrame(
        [(d.camp_numbers, d.name_es if es else d.name_en, d.region_es if es else d.region_en,
          yes if d.placed else no, (d.reason_es if es else d.reason_en) if not d.placed else "")
         for d in districts],
        columns=[t(k, lang) for k in ("col_camp_numbers", "col_name", "col_region", "col_on_map", "col_not_placed")],
    )
