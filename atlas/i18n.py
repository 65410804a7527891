"""Interface strings in English and Spanish, and localized dates (via Babel)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_skeleton

from atlas.dates import PartialDate, parse_partial

LANGUAGES = {"en": "English", "es": "Español"}
DEFAULT_LANGUAGE = "en"
_BABEL_LOCALE = {"en": "en_GB", "es": "es_ES"}
_DAY_MONTH = {"en": "d MMMM", "es": "d 'de' MMMM"}

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "app_title": "Atlas of August 1945",
        "app_subtitle": "The Soviet–Japanese War and the captivity that followed",
        "page_offensive": "The offensive",
        "language": "Language",
        "date_slider": "Date",
        "date_slider_help": "Move the slider (or use the arrow keys) to see what had happened by that day.",
        "caption_places_one": "{n} place on the map up to {date}",
        "caption_places_other": "{n} places on the map up to {date}",
        "caption_none": "Nothing on the map yet on {date}",
        "caption_events_one": "{n} dated event without a place",
        "caption_events_other": "{n} dated events without a place",
        "offensive_intro": (
            "On 9 August 1945 three Soviet fronts attacked Manchuria from the west, the north and the "
            "east. The map shows where each army started and the main objectives it reached, day by day "
            "until the surrender was signed on 2 September."
        ),
        "no_place_heading": "Events without a place on this map",
        "table_heading": "What the map shows on this date",
        "col_date": "Date",
        "col_name": "Name",
        "col_kind": "Kind",
        "col_front": "Front",
        "col_certainty": "Date certainty",
        "col_sources": "Sources",
        "legend_title": "Legend",
        "legend_fronts": "Soviet fronts (colour and shape)",
        "legend_kinds": "What is marked",
        "legend_filled": "Filled: date verified or recalled",
        "legend_hollow": "Hollow: date uncertain or disputed",
        "legend_ring": "Dashed ring: position estimated or region-wide (radius = uncertainty)",
        "legend_basemap": "Basemap shows today's borders and names, for orientation only.",
        "popup_date": "Date",
        "popup_units": "Units",
        "popup_certainty": "Certainty",
        "popup_location": "Location",
        "popup_placed": "How placed",
        "popup_sources": "Sources",
        "popup_other_names": "Other names",
        "data_error_file": "The data file {file} could not be used, so its features are not shown.",
        "data_error_features": "{n} feature(s) in {file} failed validation and are left off the map.",
        "data_error_package": "The data folder could not be read: the map is shown without data.",
        "map_help": "Click a marker for its dates, units and sources. Panning and zooming never reset the date.",
        "footer": "Every feature carries its sources and how certain its date and place are.",
        "kind_start_area": "Start area of an army (9 Aug)",
        "kind_objective": "Objective reached",
        "kind_event": "Event",
        "front_transbaikal": "Transbaikal Front",
        "front_far_eastern_1": "1st Far Eastern Front",
        "front_far_eastern_2": "2nd Far Eastern Front",
        "certainty_verified": "verified in a source read",
        "certainty_recalled": "recalled, not re-checked",
        "certainty_uncertain": "uncertain",
        "certainty_disputed": "disputed: sources disagree",
        "precision_site": "exact site",
        "precision_settlement": "town or village",
        "precision_region": "region only",
        "precision_estimated": "estimated",
        "placed_geonames": "GeoNames entry {ref}",
        "placed_source": "coordinate given by {ref}",
        "placed_estimated": "estimated: {ref}",
        "accuracy": "±{km} km",
        "under_way": "under way on this date",
        "notice_bad_language": "The language in the link is not available; showing English.",
        "notice_day_invalid": "The date in the link is not a valid date; showing {date}.",
        "notice_day_out_of_range": "The date in the link is outside this map's period; showing {date}.",
    },
    "es": {
        "app_title": "Atlas de agosto de 1945",
        "app_subtitle": "La guerra soviético-japonesa y el cautiverio posterior",
        "page_offensive": "La ofensiva",
        "language": "Idioma",
        "date_slider": "Fecha",
        "date_slider_help": "Mueva el control (o use las flechas del teclado) para ver lo ocurrido hasta ese día.",
        "caption_places_one": "{n} lugar en el mapa hasta el {date}",
        "caption_places_other": "{n} lugares en el mapa hasta el {date}",
        "caption_none": "Todavía nada en el mapa el {date}",
        "caption_events_one": "{n} hecho fechado sin lugar",
        "caption_events_other": "{n} hechos fechados sin lugar",
        "offensive_intro": (
            "El 9 de agosto de 1945 tres frentes soviéticos atacaron Manchuria desde el oeste, el norte "
            "y el este. El mapa muestra dónde partió cada ejército y los principales objetivos que "
            "alcanzó, día a día, hasta la firma de la rendición el 2 de septiembre."
        ),
        "no_place_heading": "Hechos sin lugar en este mapa",
        "table_heading": "Lo que muestra el mapa en esta fecha",
        "col_date": "Fecha",
        "col_name": "Nombre",
        "col_kind": "Tipo",
        "col_front": "Frente",
        "col_certainty": "Certeza de la fecha",
        "col_sources": "Fuentes",
        "legend_title": "Leyenda",
        "legend_fronts": "Frentes soviéticos (color y forma)",
        "legend_kinds": "Qué se marca",
        "legend_filled": "Relleno: fecha verificada o recordada",
        "legend_hollow": "Hueco: fecha incierta o discutida",
        "legend_ring": "Anillo discontinuo: posición estimada o de toda una región (radio = incertidumbre)",
        "legend_basemap": "El mapa base muestra fronteras y nombres actuales, solo como orientación.",
        "popup_date": "Fecha",
        "popup_units": "Unidades",
        "popup_certainty": "Certeza",
        "popup_location": "Ubicación",
        "popup_placed": "Cómo se situó",
        "popup_sources": "Fuentes",
        "popup_other_names": "Otros nombres",
        "data_error_file": "No se pudo usar el archivo de datos {file}; sus elementos no se muestran.",
        "data_error_features": "{n} elemento(s) de {file} no superaron la validación y no se muestran.",
        "data_error_package": "No se pudo leer la carpeta de datos: el mapa se muestra sin datos.",
        "map_help": "Pulse un marcador para ver fechas, unidades y fuentes. Mover o ampliar el mapa no cambia la fecha.",
        "footer": "Cada elemento indica sus fuentes y la certeza de su fecha y de su lugar.",
        "kind_start_area": "Zona de partida de un ejército (9 ago.)",
        "kind_objective": "Objetivo alcanzado",
        "kind_event": "Hecho",
        "front_transbaikal": "Frente de Transbaikalia",
        "front_far_eastern_1": "1.er Frente del Lejano Oriente",
        "front_far_eastern_2": "2.º Frente del Lejano Oriente",
        "certainty_verified": "verificada en una fuente leída",
        "certainty_recalled": "recordada, sin volver a comprobar",
        "certainty_uncertain": "incierta",
        "certainty_disputed": "discutida: las fuentes discrepan",
        "precision_site": "lugar exacto",
        "precision_settlement": "ciudad o pueblo",
        "precision_region": "solo la región",
        "precision_estimated": "estimada",
        "placed_geonames": "entrada de GeoNames {ref}",
        "placed_source": "coordenada dada por {ref}",
        "placed_estimated": "estimada: {ref}",
        "accuracy": "±{km} km",
        "under_way": "en curso en esta fecha",
        "notice_bad_language": "El idioma del enlace no está disponible; se muestra en inglés.",
        "notice_day_invalid": "La fecha del enlace no es válida; se muestra el {date}.",
        "notice_day_out_of_range": "La fecha del enlace está fuera del periodo de este mapa; se muestra el {date}.",
    },
}


def normalize_language(value: object) -> str:
    """A supported language code; anything else falls back to the default."""
    return value if isinstance(value, str) and value in MESSAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` (English if missing), with ``values`` filled in."""
    table = MESSAGES.get(lang, MESSAGES[DEFAULT_LANGUAGE])
    text = table.get(key, MESSAGES[DEFAULT_LANGUAGE][key])
    return text.format(**values) if values else text


def plural(key: str, n: int, lang: str, **values: object) -> str:
    """``key_one`` or ``key_other`` depending on ``n`` (enough for English and Spanish)."""
    return t(f"{key}_{'one' if n == 1 else 'other'}", lang, n=n, **values)


def long_date(day: dt.date, lang: str) -> str:
    """'15 August 1945' / '15 de agosto de 1945'."""
    return format_date(day, format="long", locale=_BABEL_LOCALE[normalize_language(lang)])


def partial_date(value: PartialDate, lang: str) -> str:
    """A truncated date at its own precision: '1945', 'August 1945', '9 August 1945'."""
    locale = _BABEL_LOCALE[normalize_language(lang)]
    if value.precision == "year":
        return value.text
    if value.precision == "month":
        return format_skeleton("yMMMM", value.earliest, locale=locale)
    return format_date(value.earliest, format="long", locale=locale)


def date_range(start: str, end: str | None, lang: str) -> str:
    """A feature's dates, localized: '19–20 August 1945' or a single date."""
    first = parse_partial(start)
    if not end or end == start:
        return partial_date(first, lang)
    last = parse_partial(end)
    a, b = first.earliest, last.earliest
    if first.precision == last.precision == "day" and a.year == b.year:
        if a.month == b.month:
            return f"{a.day}–{long_date(b, lang)}"
        locale = _BABEL_LOCALE[normalize_language(lang)]
        return f"{format_date(a, _DAY_MONTH[normalize_language(lang)], locale=locale)} – {long_date(b, lang)}"
    return f"{partial_date(first, lang)} – {partial_date(last, lang)}"
