"""Text that accompanies the map: the caption, the day's events, the table that serves as the map's
text alternative, and the forces-and-losses tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import geopandas as gpd
import pandas as pd
from babel.numbers import format_decimal

from atlas.entries import Entry
from atlas.escape import html_attribute, html_text  # every data string goes through atlas.escape
from atlas.escape import markdown as md_escape
from atlas.i18n import long_date, plural, t
from atlas.popups import clean_properties, dates_text, text

_NUMBER_LOCALE = {"en": "en_GB", "es": "es_ES"}


def html_table(table: pd.DataFrame, label: str) -> str:
    """A table as HTML for ``st.html``: every header and cell escaped as data text, missing values
    empty cells, inside a box named ``label`` that scrolls sideways on a narrow screen (a keyboard
    can reach it to scroll it).

    Not a Markdown table: Streamlit parses every Markdown element in the browser, and the two forces
    tables cost a first visit about 0.4 s before its map was drawn (``docs/benchmarks.md``)."""
    def cell(tag: str, value: Any) -> str:
        return f"<{tag}>{'' if pd.isna(value) else html_text(value)}</{tag}>"

    head = "".join(cell("th", c) for c in table.columns)
    rows = "".join("<tr>" + "".join(cell("td", v) for v in row) + "</tr>" for row in table.itertuples(index=False))
    return (f'<div class="atlas-table" role="region" tabindex="0" aria-label="{html_attribute(label)}"><table>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def caption(placed: gpd.GeoDataFrame, unplaced: gpd.GeoDataFrame, day: dt.date, lang: str, axes: int = 0) -> str:
    """'64 places on the map on 20 August 1945 · 15 armies' axes · 3 dated events without a place'."""
    when = long_date(day, lang)
    parts = [plural("caption_places", len(placed), lang, date=when) if len(placed) else t("caption_none", lang, date=when)]
    if axes:
        parts.append(plural("caption_axes", axes, lang))
    if len(unplaced):
        parts.append(plural("caption_events", len(unplaced), lang))
    return " · ".join(parts)


def axes_under_way(shown: gpd.GeoDataFrame) -> int:
    """How many armies' axes are drawn on the map (those with at least one waypoint shown)."""
    if shown.empty or "axis" not in shown:
        return 0
    return int(shown.loc[shown["kind"] == "waypoint", "axis"].nunique())


def phase_text(phase: Any, lang: str) -> str:
    return t(f"phase_{phase}", lang) if isinstance(phase, str) and phase else ""


def feature_table(frame: gpd.GeoDataFrame, lang: str, axes: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """One row per feature: date, name, kind, army or front, state, certainty, sources (plain text)."""
    axes = axes or {}
    records = []
    for _, row in frame.iterrows():
        props = clean_properties(row)
        front = props.get("front")
        axis = axes.get(props.get("axis"))
        who = getattr(axis, f"army_{lang}", "") if axis else (t(f"front_{front}", lang) if front else "")
        records.append({
            t("col_date", lang): dates_text(props, lang),
            t("col_name", lang): text(props, "name", lang),
            t("col_kind", lang): t(f"kind_{props['kind']}", lang),
            t("col_army", lang): who,
            t("col_state", lang): phase_text(row.get("phase"), lang),
            t("col_certainty", lang): t(f"certainty_{props['date_certainty']}", lang) if props.get("date_certainty") else "",
            t("col_sources", lang): props.get("sources", ""),
        })
    columns = ["col_date", "col_name", "col_kind", "col_army", "col_state", "col_certainty", "col_sources"]
    return pd.DataFrame(records, columns=[t(c, lang) for c in columns])


def day_entries(frame: gpd.GeoDataFrame, lang: str) -> list[Entry]:
    """The entries of 'what happened on this date' (from :func:`atlas.timeline.happening_on`): the
    name, then its kind, dates, phase, date certainty and whether it has a place; its description."""
    entries = []
    for _, row in frame.iterrows():
        props = clean_properties(row)
        details = [t(f"kind_{props['kind']}", lang), dates_text(props, lang)]
        if row.get("phase") == "under_way":
            details.append(t("phase_under_way", lang))
        if props.get("date_certainty") not in {"verified", "recalled", None}:
            details.append(t(f"certainty_{props['date_certainty']}", lang))
        if row.geometry is None or row.geometry.is_empty:
            details.append(t("no_place", lang))
        entries.append(Entry((text(props, "name", lang),), " · ".join(details), text(props, "description", lang)))
    return entries


def number(value: int, lang: str) -> str:
    """83,737 / 83.737 (Babel, so each language groups digits its own way)."""
    return format_decimal(value, locale=_NUMBER_LOCALE.get(lang, "en_GB"))


def figure_value(low: int, high: int | None, lang: str) -> str:
    return number(low, lang) if high is None else f"{number(low, lang)}–{number(high, lang)}"


def figures_table(figures: Iterable[Any], sides: Iterable[str], lang: str) -> pd.DataFrame:
    """Figures of the given sides, competing figures for the same question on adjacent rows.

    Topics keep the order in which ``figures.csv`` first names them; within a topic, file order.
    """
    chosen = [f for f in figures if f.side in set(sides)]
    order: dict[str, int] = {}
    for f in chosen:
        order.setdefault(f.topic, len(order))
    chosen.sort(key=lambda f: order[f.topic])
    records = [{
        t("col_topic", lang): getattr(f, f"topic_{lang}", f.topic_en),
        t("col_figure", lang): figure_value(f.value_low, f.value_high, lang),
        t("col_according_to", lang): getattr(f, f"according_to_{lang}", f.according_to_en),
        t("col_scope", lang): getattr(f, f"scope_{lang}", f.scope_en),
        t("col_certainty_short", lang): t(f"certainty_{f.certainty}", lang),
        t("col_sources", lang): f.sources,
    } for f in chosen]
    columns = ["col_topic", "col_figure", "col_according_to", "col_scope", "col_certainty_short", "col_sources"]
    return pd.DataFrame(records, columns=[t(c, lang) for c in columns])


def competing_topics(figures: Iterable[Any]) -> list[str]:
    """Topics answered by more than one figure (shown with a note that they disagree)."""
    counts: dict[str, int] = {}
    for f in figures:
        counts[f.topic] = counts.get(f.topic, 0) + 1
    return [topic for topic, n in counts.items() if n > 1]


CHRONOLOGY_MARK = {"done": "●", "under_way": "▶", None: "○"}


def citation_text(citations: str, sources: Mapping[str, Any]) -> str:
    """'Full citation — locator; …' for a ``sources`` string (plain text, not escaped)."""
    from atlas.citations import parse_citations

    parts = []
    for key, locator in parse_citations(citations):
        citation = getattr(sources.get(key), "citation", key)
        parts.append(f"{citation} — {locator}" if locator else citation)
    return "; ".join(parts)


def chronology(frame: gpd.GeoDataFrame, day: dt.date, lang: str, kinds: Iterable[str] = ("event", "attack"),
               newest_first: bool = False, mark_day: bool = False) -> list[Entry]:
    """An entry for every dated event of a layer, marked done / under way / to come on ``day``.

    ``newest_first`` puts what is under way and what last happened at the top, the steps still to
    come after them (for a long time scale, where the current phase would otherwise be far down).
    ``mark_day`` marks what happened on ``day`` itself (▶, and the words "on this day").
    """
    from atlas.timeline import dated_phase

    rows = frame[frame["kind"].isin(list(kinds)) & frame["earliest"].notna()] if not frame.empty else frame
    entries = []
    for _, row in rows.sort_values(["earliest", "id"], kind="stable").iterrows():
        props = clean_properties(row)
        mark, label = CHRONOLOGY_MARK[dated_phase(row["earliest"], row["latest"], day)], ""
        if mark_day and row["earliest"] <= day <= row["latest"]:
            mark, label = CHRONOLOGY_MARK["under_way"], t("on_this_day", lang)
        entries.append(Entry((dates_text(props, lang), text(props, "name", lang)), body=text(props, "description", lang),
                             note=text(props, "date_note", lang), mark=mark, label=label))
    if newest_first:
        past = [e for e in entries if e.mark != CHRONOLOGY_MARK[None]]
        return past[::-1] + [e for e in entries if e.mark == CHRONOLOGY_MARK[None]]
    return entries


def phase_counts(shown: gpd.GeoDataFrame, kinds: Iterable[str]) -> dict[str, int]:
    """How many features of ``kinds`` are in each phase (holding, falling, fallen, fate_unknown)."""
    counts = {"holding": 0, "falling": 0, "fallen": 0, "fate_unknown": 0}
    if shown.empty:
        return counts
    for phase in shown.loc[shown["kind"].isin(list(kinds)), "phase"]:
        counts[phase] = counts.get(phase, 0) + 1
    return counts


def claim_blocks(claims: Iterable[Any], subject: str, lang: str, sources: Mapping[str, Any]) -> list[str]:
    """Markdown for each claim about ``subject``: the claim, where it comes from, the verdict, the record."""
    blocks = []
    for claim in claims:
        if claim.subject != subject:
            continue
        blocks.append(
            f"**{md_escape(t('claim_label', lang))}** ({md_escape(t(f'claim_from_seed_{claim.seed}', lang))}): "
            f"{md_escape(getattr(claim, f'claim_{lang}', claim.claim_en))}  \n"
            f"**{md_escape(t(f'verdict_{claim.verdict}', lang).capitalize())}.** "
            f"{md_escape(getattr(claim, f'record_{lang}', claim.record_en))}  \n"
            f"*{md_escape(t('sources_label', lang))}: {md_escape(citation_text(claim.sources, sources))}*"
        )
    return blocks


def history_lines(history: Iterable[Any], subject: str, lang: str, sources: Mapping[str, Any]) -> list[str]:
    """Markdown for each dated background line about ``subject``, with its sources."""
    from atlas.i18n import date_range

    lines = []
    for entry in history:
        if entry.subject != subject:
            continue
        when = date_range(entry.date_start, entry.date_end or None, lang)
        sure = "" if entry.certainty in {"verified", "recalled"} else f" ({t(f'certainty_{entry.certainty}', lang)})"
        lines.append(
            f"**{md_escape(when)}**{md_escape(sure)} — {md_escape(getattr(entry, f'text_{lang}', entry.text_en))}  \n"
            f"*{md_escape(t('sources_label', lang))}: {md_escape(citation_text(entry.sources, sources))}*"
        )
    return lines


def figures_of(figures: Iterable[Any], subject: str) -> list[Any]:
    return [f for f in figures if getattr(f, "subject", "campaign") == subject]


def camps_table(frame: gpd.GeoDataFrame, lang: str) -> pd.DataFrame:
    """Camps as text: name, number, region, type, work, period, prisoners, deaths, location class, sources."""
    records = []
    for _, row in frame[frame["kind"] == "camp"].iterrows() if not frame.empty else []:
        props = clean_properties(row)
        records.append({
            t("col_name", lang): text(props, "name", lang),
            t("col_number", lang): props.get("camp_number", ""),
            t("col_region", lang): text(props, "region", lang),
            t("col_type", lang): t(f"camp_type_{props['camp_type']}", lang),
            t("col_labour", lang): text(props, "labour", lang),
            t("col_date", lang): dates_text(props, lang),
            t("col_prisoners", lang): text(props, "prisoners", lang),
            t("col_deaths", lang): text(props, "deaths", lang),
            t("col_precision", lang): t(f"precision_{props['location_precision']}", lang),
            t("col_sources", lang): props.get("sources", ""),
        })
    columns = ["col_name", "col_number", "col_region", "col_type", "col_labour", "col_date", "col_prisoners",
               "col_deaths", "col_precision", "col_sources"]
    return pd.DataFrame(records, columns=[t(c, lang) for c in columns])


VERDICT_COLOR = {"correct": "green", "partly_correct": "orange", "wrong": "red", "unverified": "gray", "myth": "violet"}
MAP_PATHS = {"offensive": ("offensive", "day"), "dongning": ("dongning", "day"), "captivity": ("captivity", "month")}


def claim_map_link(claim: Any, lang: str) -> tuple[str, dict[str, str]] | None:
    """(page url path, query params) that open the map at the claim's place and date, or None."""
    if claim.map_page not in MAP_PATHS or not claim.map_date:
        return None
    path, param = MAP_PATHS[claim.map_page]
    query = {param: claim.map_date}
    if claim.map_feature:
        query["focus"] = claim.map_feature
    if lang != "en":
        query["lang"] = lang
    return path, query


def claim_card(claim: Any, lang: str, sources: Mapping[str, Any]) -> dict[str, str]:
    """The parts of one claim's card as escaped markdown: quote, claim, verdict, record, sources."""
    quote_lang = "es" if claim.seed == "es" else "en"
    return {
        "quote": f"> {md_escape(claim.quote)}" if claim.quote else "",
        "quote_label": md_escape(t("claim_quote", lang) + f" ({t(f'claim_from_seed_{claim.seed}', lang)}, {quote_lang})"),
        "claim": md_escape(getattr(claim, f"claim_{lang}", claim.claim_en)),
        "verdict": t(f"verdict_{claim.verdict}", lang).capitalize(),
        "verdict_color": VERDICT_COLOR.get(claim.verdict, "gray"),
        "record": md_escape(getattr(claim, f"record_{lang}", claim.record_en)),
        "sources": f"*{md_escape(t('sources_label', lang))}: {md_escape(citation_text(claim.sources, sources))}*",
    }
