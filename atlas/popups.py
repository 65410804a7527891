"""Popup and tooltip HTML for one feature. Every data string is escaped here, and only here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.numbers import format_decimal

from atlas.citations import parse_citations
from atlas.escape import html_attribute
from atlas.escape import html_text as escape
from atlas.i18n import date_range, t

_NUMBER_LOCALE = {"en": "en_GB", "es": "es_ES"}
HELPER_COLUMNS = frozenset({"geometry", "earliest", "latest", "active", "phase"})
ORIGINAL_SCRIPTS = (("zh", "name_zh"), ("ja", "name_ja"), ("ru", "name_ru"), ("ko", "name_ko"))


def clean_properties(row: Mapping[str, Any]) -> dict[str, Any]:
    """A frame row as a plain dict, without geometry, helper columns or missing (NaN) values."""
    return {
        k: v for k, v in row.items()
        if k not in HELPER_COLUMNS and isinstance(v, (str, int, float)) and v == v
    }


def text(props: Mapping[str, Any], field: str, lang: str) -> str:
    """A per-language field (``name_es``), falling back to English; '' if absent."""
    for key in (f"{field}_{lang}", f"{field}_en"):
        value = props.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _row(label: str, value_html: str) -> str:
    return f'<tr><th scope="row">{escape(label)}</th><td>{value_html}</td></tr>'


def _other_names(props: Mapping[str, Any]) -> str:
    names = []
    for code, field in ORIGINAL_SCRIPTS:
        value = props.get(field)
        if isinstance(value, str) and value.strip():
            names.append(f'<span lang="{code}">{escape(value)}</span>')
    return " · ".join(names)


def _placement(props: Mapping[str, Any], lang: str) -> str:
    precision = props.get("location_precision")
    if not precision:
        return ""
    accuracy = props.get("accuracy_km")
    where = t(f"precision_{precision}", lang)
    if accuracy:
        where += ", " + t("accuracy", lang, km=f"{accuracy:g}")
    return escape(where)


def _sources(props: Mapping[str, Any], sources: Mapping[str, Any], lang: str) -> str:
    items = []
    for key, locator in parse_citations(str(props.get("sources", ""))):
        source = sources.get(key)
        citation = getattr(source, "citation", key)
        url = getattr(source, "url", "")
        cite = escape(citation)
        if url.startswith(("https://", "http://")):
            cite = f'<a href="{html_attribute(url)}" target="_blank" rel="noopener noreferrer">{cite}</a>'
        items.append(f"<li>{cite}{' — ' + escape(locator) if locator else ''}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def dates_text(props: Mapping[str, Any], lang: str) -> str:
    """The feature's date(s) in words, 'date unknown', or '' for an undated reference place."""
    if not props.get("date_certainty"):
        return ""
    if not props.get("date_start"):
        return t("date_unknown", lang)
    return date_range(props["date_start"], props.get("date_end"), lang)


def _date_label(kind: Any, lang: str) -> str:
    labels = {"fortified_region": "popup_fell", "position": "popup_fell", "hq": "popup_ceased", "camp": "popup_period"}
    return t(labels.get(str(kind), "popup_date"), lang)


def _captivity_rows(props: Mapping[str, Any], lang: str) -> list[str]:
    """Camp number and type, region, work, prisoners, deaths, and a regional figure with what it counts."""
    rows = []
    if props.get("camp_number") or props.get("camp_type"):
        kind = t(f"camp_type_{props['camp_type']}", lang) if props.get("camp_type") else ""
        number = f"{props['camp_number']} · " if props.get("camp_number") else ""
        rows.append(_row(t("popup_camp_number", lang), escape(number + kind)))
    for field, label in (("region", "popup_region"), ("labour", "popup_labour"), ("prisoners", "popup_prisoners"),
                         ("deaths", "popup_deaths")):
        value = text(props, field, lang)
        if value:
            rows.append(_row(t(label, lang), escape(value)))
    if props.get("kind") == "region_figure" and props.get("value") is not None:
        rows.append(_row(t("popup_value", lang),
                         escape(f"{format_decimal(int(props['value']), locale=_NUMBER_LOCALE.get(lang, 'en_GB'))} — "
                                f"{text(props, 'value_label', lang)}")))
    return rows


def popup_html(props: Mapping[str, Any], lang: str, sources: Mapping[str, Any],
               axes: Mapping[str, Any] | None = None) -> str:
    """The popup of one feature: name, other names, dates and certainty, units, text, place, sources."""
    certainty = props.get("date_certainty", "")
    note = text(props, "date_note", lang)
    rows = _captivity_rows(props, lang)
    axis = (axes or {}).get(props.get("axis"))
    if axis is not None:
        rows.append(_row(t("popup_axis", lang), escape(getattr(axis, f"army_{lang}", axis.army_en))))
    if props.get("active_from"):
        rows.append(_row(t("popup_active_from", lang), escape(date_range(props["active_from"], None, lang))))
    if certainty:  # reference places carry no date at all
        rows.append(_row(_date_label(props.get("kind"), lang),
                         escape(dates_text(props, lang)) + (f"<br><small>{escape(note)}</small>" if note else "")))
        rows.append(_row(t("popup_certainty", lang), escape(t(f"certainty_{certainty}", lang))))
    units = text(props, "units", lang)
    if units:
        rows.append(_row(t("popup_units", lang), escape(units)))
    place = _placement(props, lang)
    if place:
        where_sure = props.get("location_certainty")
        if where_sure:
            place += "<br><small>" + escape(t("popup_location_certainty", lang, value=t(f"certainty_{where_sure}", lang))) + "</small>"
        rows.append(_row(t("popup_location", lang), place))
        rows.append(_row(t("popup_placed", lang), escape(placed_text(props, lang))))
    others = _other_names(props)
    return (
        f'<div class="atlas-popup" lang="{html_attribute(lang)}">'
        f"<h4>{escape(text(props, 'name', lang))}</h4>"
        + (f'<p class="atlas-other-names">{others}</p>' if others else "")
        + f"<p>{escape(text(props, 'description', lang))}</p>"
        + f"<table>{''.join(rows)}</table>"
        + f"<p><strong>{escape(t('popup_sources', lang))}</strong></p>"
        + _sources(props, sources, lang)
        + "</div>"
    )


def axis_popup_html(axis: Any, lang: str, sources: Mapping[str, Any]) -> str:
    """The popup of an army's axis line: army, commander, front, route summary, sources."""
    army = getattr(axis, f"army_{lang}", axis.army_en)
    rows = [_row(t("popup_front", lang), escape(t(f"front_{axis.front}", lang)))]
    if axis.commander:
        rows.append(_row(t("popup_commander", lang), escape(axis.commander)))
    return (
        f'<div class="atlas-popup" lang="{html_attribute(lang)}"><h4>{escape(army)}</h4>'
        f"<p>{escape(getattr(axis, f'description_{lang}', axis.description_en))}</p>"
        f"<table>{''.join(rows)}</table>"
        f"<p><small>{escape(t('axis_help', lang))}</small></p>"
        f"<p><strong>{escape(t('popup_sources', lang))}</strong></p>"
        + _sources({"sources": axis.sources}, sources, lang)
        + "</div>"
    )


def axis_tooltip_html(axis: Any, lang: str) -> str:
    """Hover label of an axis line: the army."""
    return f"<strong>{escape(getattr(axis, f'army_{lang}', axis.army_en))}</strong>"


def placed_text(props: Mapping[str, Any], lang: str) -> str:
    """How the coordinate was obtained, in words (plain text, not escaped)."""
    method, ref = props.get("coord_method"), props.get("coord_ref", "")
    return t(f"placed_{method}", lang, ref=ref) if method else ""


def tooltip_html(props: Mapping[str, Any], lang: str) -> str:
    """A one-line hover label: name and date."""
    name = escape(text(props, "name", lang))
    if not props.get("date_certainty"):
        return f"<strong>{name}</strong>"
    return f"<strong>{name}</strong><br>{escape(dates_text(props, lang))}"
