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
            "east, closing a double envelopment on the Kwantung Army. Move the date: each army's axis "
            "grows from its start area through the places it reached, landings from the sea and the air "
            "appear on their dates, and the Japanese fortified regions and headquarters are crossed out "
            "as they fall, until the surrender was signed on 2 September."
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
        "legend_fronts": "Who (colour and line pattern)",
        "legend_kinds": "What (shape)",
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
        "kind_objective": "Place taken (off the main axes)",
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
        "caption_axes_one": "{n} army's axis",
        "caption_axes_other": "{n} armies' axes",
        "col_army": "Army or front",
        "col_state": "State on this date",
        "col_topic": "Question",
        "col_figure": "Figure",
        "col_according_to": "According to",
        "col_scope": "What it covers",
        "col_certainty_short": "Certainty",
        "kind_waypoint": "Step on an army's axis",
        "kind_landing_sea": "Landing from the sea",
        "kind_landing_air": "Air-landing",
        "kind_hq": "Japanese headquarters",
        "kind_fortified_region": "Japanese fortified region",
        "front_pacific_fleet": "Pacific Fleet",
        "certainty_unknown": "date unknown",
        "date_unknown": "date unknown",
        "phase_done": "done",
        "phase_under_way": "under way (within the span the sources give)",
        "phase_date_unknown": "on the route; date not known",
        "phase_holding": "holding",
        "phase_falling": "falling (within the span the sources give)",
        "phase_fallen": "fallen or ceased",
        "phase_fate_unknown": "date of its fall not known",
        "no_place": "no place on the map",
        "popup_axis": "Army's axis",
        "popup_active_from": "Here from",
        "popup_fell": "Fell",
        "popup_ceased": "Ceased here",
        "popup_front": "Front",
        "popup_commander": "Commander",
        "popup_location_certainty": "location {value}",
        "axis_help": "The line joins the places the army reached, in order; it grows with the date. Dots: the route is known but not when.",
        "legend_japanese": "Japanese side",
        "legend_axes": "Armies' axes",
        "legend_axis_reached": "Reached by this date",
        "legend_axis_under_way": "Being reached (sources give a span)",
        "legend_axis_unknown": "Route known, date not known",
        "legend_axis_head": "Head of the advance",
        "legend_certainty": "How sure",
        "legend_unknown": "Dashed outline: date not known",
        "legend_fallen": "Crossed: fallen or ceased",
        "day_heading": "What happened on this date",
        "day_none": "No dated event falls on this day; the map shows where things stood.",
        "day_help": "This list is also the map's text alternative: every dated event of the day, with or without a place.",
        "forces_heading": "Forces and losses",
        "forces_intro": (
            "Figures for the same question often disagree: they count different things, come from "
            "different sides, or were never checked. Every figure is shown with whose figure it is and "
            "its source; none is preferred."
        ),
        "forces_soviet": "Soviet and Mongolian side",
        "forces_japanese": "Japanese side",
        "forces_competing": "Questions with competing figures: {topics}.",
        "forces_missing": "The figures table could not be read, so this section is empty.",
        "page_dongning": "The Dongning fortress",
        "table_missing": "This part of the data could not be read, so nothing is shown here.",
        "dongning_intro": (
            "The Dongning fortified region on the Suifen River, built by forced labour in 1934–37, was "
            "the southern anchor of the Kwantung Army's eastern border defences. The Soviet 25th Army "
            "broke into it on 9 August 1945 and took Dongning town on the 10th, but the garrison of the "
            "Shenghongshan core held out until the end of August. Move the date to see which positions "
            "held and which had fallen."
        ),
        "dongning_caption": "On {date}: {holding} positions holding · {falling} falling · {fallen} fallen · {unknown} with no known date of fall",
        "chronology_heading": "Chronology, 9–30 August",
        "chronology_help": "● happened by the chosen day · ▶ under way on it · ○ still to come. Dates and sources as the records give them.",
        "garrison_heading": "Garrison and attackers",
        "history_heading": "The fortress before and after",
        "myth_heading": "The myth, answered",
        "myth_intro": (
            "Popular articles, including the ones this atlas started from, tell stories about Dongning "
            "that the record does not bear out. Each claim below is set against what the sources say."
        ),
        "last_battle_heading": "Dongning and Hutou: which was the last battle?",
        "last_battle_intro": (
            "Both fortresses are called the \"Eastern Maginot Line\" and the \"last battlefield of the Second "
            "World War\". The popular date of 26 August belongs to Hutou; Dongning's garrison came out on 28 "
            "or 30 August, depending on the source."
        ),
        "claim_label": "Claim",
        "record_label": "What the record says",
        "claim_from_seed_en": "made in the English seed article",
        "claim_from_seed_es": "made in the Spanish seed article",
        "claim_from_seed_both": "made in both seed articles",
        "claim_from_seed_none": "circulating online, not in the seed articles",
        "verdict_correct": "correct",
        "verdict_partly_correct": "partly correct",
        "verdict_wrong": "wrong",
        "verdict_unverified": "unverified",
        "verdict_myth": "unverified, probably a myth",
        "sources_label": "Sources",
        "fell_label": "Fell",
        "subject_dongning": "Dongning",
        "subject_hutou": "Hutou",
        "positions_heading": "Positions and places on this map",
        "kind_position": "Fortress position",
        "kind_place": "Town or river (for orientation)",
        "kind_attack": "Attack direction (schematic)",
        "phase_reference": "for orientation",
        "legend_attack": "Soviet 25th Army, attack direction (schematic)",
        "page_camps": "Captivity 1945–1956",
        "camps_intro": (
            "About 575,000 Japanese soldiers and civilians were held in the Soviet Union and Mongolia after "
            "August 1945, by the Japanese Health Ministry's count, and about 55,000 of them died there. "
            "Move the month to follow the transfers into the USSR, the camps where they worked, and the "
            "way home through Nakhodka to Maizuru, until the last ship in December 1956."
        ),
        "month_slider": "Month",
        "month_slider_help": "Move the slider (or use the arrow keys) one month at a time, from August 1945 to December 1956.",
        "camps_caption": "{month}: {active} camps open on the map · {closed} closed earlier",
        "phase_heading": "Where we are in the story",
        "camps_list_heading": "Camps open in {month}",
        "camps_none": "No camp is open on the map this month.",
        "numbers_heading": "The numbers, honestly",
        "numbers_intro": (
            "How many were taken, held, died and came home depends on who counted, when, and what they "
            "counted. Every figure is shown with its source; higher private estimates are labelled as such."
        ),
        "camps_claims_heading": "What the seed articles say",
        "kind_camp": "Camp",
        "kind_collection_point": "Disarmament or collection point",
        "kind_route": "Route (schematic)",
        "kind_port": "Port",
        "kind_region_figure": "Regional figure (area shows the number)",
        "camp_type_labour": "labour camp",
        "camp_type_officers": "officers' camp",
        "camp_type_generals": "generals' camp",
        "camp_type_transit": "transit camp",
        "camp_type_hospital": "hospital",
        "camp_type_convict": "camp for convicts",
        "phase_active": "open",
        "phase_closed": "closed",
        "popup_camp_number": "Camp No.",
        "popup_region": "Region",
        "popup_labour": "Work",
        "popup_prisoners": "Prisoners",
        "popup_deaths": "Deaths",
        "popup_value": "Figure",
        "popup_period": "Period",
        "col_number": "No.",
        "col_region": "Region",
        "col_type": "Type",
        "col_labour": "Work",
        "col_prisoners": "Prisoners",
        "col_deaths": "Deaths",
        "col_precision": "Location",
        "legend_camp_types": "Camps (colour and shape)",
        "legend_figures": "Regional figures",
        "legend_figure_dead": "Deaths counted (area ∝ number)",
        "legend_figure_held": "Prisoners held (area ∝ number)",
        "legend_routes": "Routes (schematic)",
        "legend_route_transfer": "Transfer into the USSR",
        "legend_route_repatriation": "The way home: Nakhodka → Maizuru",
        "notice_month_invalid": "The month in the link is not a valid month (YYYY-MM); showing {date}.",
        "notice_month_out_of_range": "The month in the link is outside 1945–1956; showing {date}.",
        "page_sources": "Sources and open data",
        "sources_intro": (
            "Every feature, figure and claim in this atlas cites its sources with a page or passage, and says "
            "how certain its date and place are. The data is open: download any layer or table below."
        ),
        "certainty_heading": "How sure is each fact?",
        "certainty_explained": (
            "**verified**: read in the cited source during research. **recalled**: a standard fact from the "
            "literature, not re-read; probably right. **uncertain**: unverified, from a low-reliability source, "
            "or derived by reasoning; the note says why. **disputed**: the sources disagree; the dates cover all "
            "of them and the note lists each. **date unknown**: the sources name the place but give no date; "
            "none is filled in. Places are marked as an exact site, a town, a region only, or an estimate with "
            "its radius, and say how the coordinate was obtained (a GeoNames entry, a source, or an estimate)."
        ),
        "bibliography_heading": "Bibliography",
        "bibliography_caption": "{n} sources. \"Cited by\" lists the features (by id) and table rows that cite each one.",
        "col_key": "Key",
        "col_citation": "Citation",
        "col_link": "Link",
        "col_rights": "What may be reused",
        "col_cited_count": "Cited",
        "col_cited_by": "Cited by",
        "open_data_heading": "Open data",
        "open_data_intro": (
            "Each map layer as GeoJSON (the published file) and as CSV (one row per feature, every property "
            "including its sources, plus longitude, latitude and the geometry as WKT), every table as CSV, and "
            "the whole package with its data dictionary, schema and datapackage.json as a zip."
        ),
        "download_geojson": "{layer}.geojson",
        "download_csv": "{layer}.csv",
        "download_table": "{table}",
        "download_package": "Whole data package (zip)",
        "licence_heading": "Licences and how to cite",
        "licence_text": (
            "Data (`geodata/`): our selection, wording, coordinates and certainty tags are released under "
            "CC BY 4.0; GeoNames coordinates are CC BY 4.0 © GeoNames. The sources themselves are cited for "
            "facts only (see \"What may be reused\"). Code: MIT licence. To cite the atlas, use CITATION.cff in "
            "the repository: \"Atlas of August 1945 contributors\"."
        ),
        "layer_offensive": "The offensive",
        "layer_dongning": "Dongning fortress",
        "layer_camps": "Captivity",
        "page_claims": "Record vs. myth",
        "claims_intro": (
            "The two popular articles this atlas started from are how many readers meet this history, and they "
            "are wrong in many places. Each card quotes a claim in its own language, gives a verdict, says what "
            "the sources record, and opens the map at the place and date concerned."
        ),
        "claims_filter_verdict": "Verdict",
        "claims_filter_subject": "About",
        "claims_count": "{n} claims shown",
        "claim_quote": "As the article puts it",
        "open_map": "Open the map at {date}",
        "subject_campaign": "The campaign",
        "subject_captivity": "Captivity",
        "notice_focus_invalid": "The place in the link is not on this map; showing the usual view.",
        "page_story": "Story mode",
        "map_unavailable": "The map could not load: its scripts (Leaflet, from the jsDelivr CDN) are blocked or you are offline. Everything on the map is also listed beside and below it.",
        "show_tables": "Show everything on the map as tables",
        "show_tables_help": "Every place and dated event on the map on this date, with its state, certainty and sources.",
        "story_step": "Step {n} of {total}",
        "story_previous": "Previous",
        "story_next": "Next",
        "story_go_to": "Go to step",
        "story_open_page": "Explore this date on the full map",
        "story_sources": "Sources",
        "story_help": "For the classroom: large type, one step at a time. Use Previous and Next (or Tab and Enter); the address bar keeps the step, so a link opens the same step.",
        "notice_step_invalid": "The story step in the link does not exist; starting at step 1.",
        "play": "Play",
        "play_help": "Move the date forward by itself; switch off to pause. The map updates in place.",
        "play_speed": "Speed",
        "play_speed_label": "{s} s per step",
        "play_finished": "Reached the last date.",
        "download_map": "Download this map (HTML)",
        "download_map_help": "A standalone web page of the map as it is now (date, layers, popups). It loads the map library and tiles from the internet when opened.",
        "print_help": "To print, use your browser's Print command: the sidebar and controls are left out of the printout.",
        "notice_bad_language": "The language in the link is not available; showing English.",
        "notice_day_invalid": "The date in the link is not a valid date; showing {date}.",
        "notice_day_out_of_range": "The date in the link is outside this map's period; showing {date}.",
        "handout_story_title": "The story, step by step",
        "handout_story_intro": "A printed companion to the atlas's story mode: one page per step, each with the map of that day as the web map draws it, what happened, the sources in full, and a link and QR code that open the same step online. Filled symbols: date verified or recalled; hollow: uncertain or disputed; dashed outline: date not known.",
        "handout_contents": "Contents",
        "handout_open_step": "Open this step online",
        "handout_open_map": "Open this map online",
        "handout_open_story": "Open the story online",
        "handout_sources_heading": "Sources of the story",
        "handout_map_sources": "Sources of everything on this map",
        "handout_map_sources_note": "Each feature's exact page or passage is given in its popup on the web map.",
        "handout_licence_heading": "Licence and how to cite",
        "handout_licence": "Data (geodata/): our selection, wording, coordinates and certainty tags are released under CC BY 4.0; GeoNames coordinates are CC BY 4.0 © GeoNames. The sources are cited for facts only. Code: MIT licence. This handout may be copied and shared for teaching, with this page. Cite as: Atlas of August 1945 contributors.",
        "handout_basemap_credit": "Basemap: Natural Earth (public domain), with today's borders for orientation only. North is up; the scale bar is true along its own parallel.",
        "handout_no_basemap": "No basemap was available: the features are drawn over a grid of parallels and meridians.",
        "handout_latin_note": "No font for Chinese, Japanese or Korean script was available when this handout was made, so such characters are shown as […]; the web atlas shows them in full.",
        "handout_compared_with": "compared with {date}",
        "handout_page_footer": "{title} · page {n} of {total}",
        "handout_download_story": "Download the story as a PDF handout",
        "handout_download_story_help": "One printable page per step, with its map, date, caption, sources and a QR code back to the step. Made on the server; takes a few seconds the first time.",
        "handout_download_map": "Download this map as a PDF handout",
        "handout_download_map_help": "One printable page: this map on this date, with a scale bar, legend, sources and a QR code back to this view.",
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
            "y el este y cerraron un doble envolvimiento sobre el Ejército de Kwantung. Mueva la fecha: "
            "el eje de cada ejército crece desde su zona de partida por los lugares que alcanzó, los "
            "desembarcos por mar y aire aparecen en su fecha y las regiones fortificadas y cuarteles "
            "japoneses se tachan al caer, hasta la firma de la rendición el 2 de septiembre."
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
        "legend_fronts": "Quién (color y trazo)",
        "legend_kinds": "Qué (forma)",
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
        "kind_objective": "Lugar tomado (fuera de los ejes principales)",
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
        "caption_axes_one": "{n} eje de ejército",
        "caption_axes_other": "{n} ejes de ejércitos",
        "col_army": "Ejército o frente",
        "col_state": "Estado en esta fecha",
        "col_topic": "Pregunta",
        "col_figure": "Cifra",
        "col_according_to": "Según",
        "col_scope": "Qué abarca",
        "col_certainty_short": "Certeza",
        "kind_waypoint": "Etapa del eje de un ejército",
        "kind_landing_sea": "Desembarco desde el mar",
        "kind_landing_air": "Desembarco aéreo",
        "kind_hq": "Cuartel general japonés",
        "kind_fortified_region": "Región fortificada japonesa",
        "front_pacific_fleet": "Flota del Pacífico",
        "certainty_unknown": "fecha desconocida",
        "date_unknown": "fecha desconocida",
        "phase_done": "hecho",
        "phase_under_way": "en curso (dentro del intervalo que dan las fuentes)",
        "phase_date_unknown": "en la ruta; fecha desconocida",
        "phase_holding": "resiste",
        "phase_falling": "cayendo (dentro del intervalo que dan las fuentes)",
        "phase_fallen": "caída o disuelta",
        "phase_fate_unknown": "fecha de su caída desconocida",
        "no_place": "sin lugar en el mapa",
        "popup_axis": "Eje del ejército",
        "popup_active_from": "Aquí desde",
        "popup_fell": "Cayó",
        "popup_ceased": "Dejó de funcionar aquí",
        "popup_front": "Frente",
        "popup_commander": "Comandante",
        "popup_location_certainty": "ubicación {value}",
        "axis_help": "La línea une, en orden, los lugares que alcanzó el ejército; crece con la fecha. Puntos: se conoce la ruta, no la fecha.",
        "legend_japanese": "Bando japonés",
        "legend_axes": "Ejes de los ejércitos",
        "legend_axis_reached": "Alcanzado en esta fecha",
        "legend_axis_under_way": "Alcanzándose (las fuentes dan un intervalo)",
        "legend_axis_unknown": "Ruta conocida, fecha desconocida",
        "legend_axis_head": "Cabeza del avance",
        "legend_certainty": "Grado de certeza",
        "legend_unknown": "Contorno discontinuo: fecha desconocida",
        "legend_fallen": "Tachado: caído o disuelto",
        "day_heading": "Qué pasó en esta fecha",
        "day_none": "Ningún hecho fechado cae en este día; el mapa muestra la situación alcanzada.",
        "day_help": "Esta lista es también la alternativa textual al mapa: todos los hechos fechados del día, tengan o no lugar.",
        "forces_heading": "Fuerzas y pérdidas",
        "forces_intro": (
            "Las cifras para una misma pregunta a menudo discrepan: cuentan cosas distintas, proceden "
            "de bandos distintos o nunca se comprobaron. Cada cifra se muestra con su autoría y su "
            "fuente; ninguna se da por buena sobre las demás."
        ),
        "forces_soviet": "Bando soviético y mongol",
        "forces_japanese": "Bando japonés",
        "forces_competing": "Preguntas con cifras en competencia: {topics}.",
        "forces_missing": "No se pudo leer la tabla de cifras; esta sección queda vacía.",
        "page_dongning": "La fortaleza de Dongning",
        "table_missing": "Esta parte de los datos no se pudo leer; aquí no se muestra nada.",
        "dongning_intro": (
            "La región fortificada de Dongning, junto al río Suifen, construida con trabajo forzado en "
            "1934-37, era el ancla sur de las defensas fronterizas orientales del Ejército de Kwantung. "
            "El 25.º Ejército soviético penetró en ella el 9 de agosto de 1945 y tomó la ciudad de Dongning "
            "el día 10, pero la guarnición del núcleo de Shenghongshan resistió hasta finales de agosto. "
            "Mueva la fecha para ver qué posiciones resistían y cuáles habían caído."
        ),
        "dongning_caption": "El {date}: {holding} posiciones resisten · {falling} cayendo · {fallen} caídas · {unknown} sin fecha de caída conocida",
        "chronology_heading": "Cronología, 9-30 de agosto",
        "chronology_help": "● ocurrido hasta el día elegido · ▶ en curso ese día · ○ todavía por llegar. Fechas y fuentes tal como las dan los registros.",
        "garrison_heading": "Guarnición y atacantes",
        "history_heading": "La fortaleza antes y después",
        "myth_heading": "El mito, respondido",
        "myth_intro": (
            "Artículos populares, entre ellos los que dieron origen a este atlas, cuentan historias sobre "
            "Dongning que los registros no sostienen. Cada afirmación se contrasta abajo con lo que dicen "
            "las fuentes."
        ),
        "last_battle_heading": "Dongning y Hutou: ¿cuál fue la última batalla?",
        "last_battle_intro": (
            "A ambas fortalezas se las llama «Línea Maginot del Este» y «último campo de batalla de la Segunda "
            "Guerra Mundial». La fecha popular del 26 de agosto es la de Hutou; la guarnición de Dongning salió "
            "el 28 o el 30 de agosto, según la fuente."
        ),
        "claim_label": "Afirmación",
        "record_label": "Lo que dicen los registros",
        "claim_from_seed_en": "hecha en el artículo de partida en inglés",
        "claim_from_seed_es": "hecha en el artículo de partida en español",
        "claim_from_seed_both": "hecha en los dos artículos de partida",
        "claim_from_seed_none": "circula en internet, no en los artículos de partida",
        "verdict_correct": "correcta",
        "verdict_partly_correct": "parcialmente correcta",
        "verdict_wrong": "falsa",
        "verdict_unverified": "sin verificar",
        "verdict_myth": "sin verificar, probablemente un mito",
        "sources_label": "Fuentes",
        "fell_label": "Cayó",
        "subject_dongning": "Dongning",
        "subject_hutou": "Hutou",
        "positions_heading": "Posiciones y lugares de este mapa",
        "kind_position": "Posición de la fortaleza",
        "kind_place": "Ciudad o río (como orientación)",
        "kind_attack": "Dirección de ataque (esquemática)",
        "phase_reference": "como orientación",
        "legend_attack": "25.º Ejército soviético, dirección de ataque (esquemática)",
        "page_camps": "Cautiverio 1945-1956",
        "camps_intro": (
            "Unos 575 000 soldados y civiles japoneses estuvieron retenidos en la Unión Soviética y Mongolia "
            "después de agosto de 1945, según el Ministerio de Sanidad japonés, y unos 55 000 murieron allí. "
            "Mueva el mes para seguir los traslados a la URSS, los campos donde trabajaron y el camino de "
            "vuelta por Najodka hasta Maizuru, hasta el último barco en diciembre de 1956."
        ),
        "month_slider": "Mes",
        "month_slider_help": "Mueva el control (o use las flechas) mes a mes, de agosto de 1945 a diciembre de 1956.",
        "camps_caption": "{month}: {active} campos abiertos en el mapa · {closed} ya cerrados",
        "phase_heading": "En qué punto de la historia estamos",
        "camps_list_heading": "Campos abiertos en {month}",
        "camps_none": "Ningún campo del mapa está abierto este mes.",
        "numbers_heading": "Las cifras, con honestidad",
        "numbers_intro": (
            "Cuántos fueron capturados, retenidos, muertos y repatriados depende de quién contó, cuándo y "
            "qué contó. Cada cifra se muestra con su fuente; las estimaciones privadas más altas se señalan como tales."
        ),
        "camps_claims_heading": "Lo que dicen los artículos de partida",
        "kind_camp": "Campo",
        "kind_collection_point": "Punto de desarme o concentración",
        "kind_route": "Ruta (esquemática)",
        "kind_port": "Puerto",
        "kind_region_figure": "Cifra regional (el área muestra el número)",
        "camp_type_labour": "campo de trabajo",
        "camp_type_officers": "campo de oficiales",
        "camp_type_generals": "campo de generales",
        "camp_type_transit": "campo de tránsito",
        "camp_type_hospital": "hospital",
        "camp_type_convict": "campo de condenados",
        "phase_active": "abierto",
        "phase_closed": "cerrado",
        "popup_camp_number": "Campo n.º",
        "popup_region": "Región",
        "popup_labour": "Trabajo",
        "popup_prisoners": "Prisioneros",
        "popup_deaths": "Muertes",
        "popup_value": "Cifra",
        "popup_period": "Periodo",
        "col_number": "N.º",
        "col_region": "Región",
        "col_type": "Tipo",
        "col_labour": "Trabajo",
        "col_prisoners": "Prisioneros",
        "col_deaths": "Muertes",
        "col_precision": "Ubicación",
        "legend_camp_types": "Campos (color y forma)",
        "legend_figures": "Cifras regionales",
        "legend_figure_dead": "Muertes contadas (área ∝ número)",
        "legend_figure_held": "Prisioneros retenidos (área ∝ número)",
        "legend_routes": "Rutas (esquemáticas)",
        "legend_route_transfer": "Traslado a la URSS",
        "legend_route_repatriation": "El camino de vuelta: Najodka → Maizuru",
        "notice_month_invalid": "El mes del enlace no es válido (AAAA-MM); se muestra {date}.",
        "notice_month_out_of_range": "El mes del enlace está fuera de 1945-1956; se muestra {date}.",
        "page_sources": "Fuentes y datos abiertos",
        "sources_intro": (
            "Cada elemento, cifra y afirmación de este atlas cita sus fuentes con página o pasaje e indica la "
            "certeza de su fecha y su lugar. Los datos son abiertos: descargue cualquier capa o tabla abajo."
        ),
        "certainty_heading": "¿Qué certeza tiene cada dato?",
        "certainty_explained": (
            "**verificada**: leída en la fuente citada durante la investigación. **recordada**: un dato estándar "
            "de la bibliografía, no releído; probablemente correcto. **incierta**: sin verificar, de una fuente poco "
            "fiable o deducida; la nota explica por qué. **discutida**: las fuentes discrepan; las fechas abarcan "
            "todas y la nota las enumera. **fecha desconocida**: las fuentes nombran el lugar pero no dan fecha; no "
            "se rellena ninguna. Los lugares se marcan como sitio exacto, ciudad, solo región o estimación con su "
            "radio, e indican cómo se obtuvo la coordenada (una entrada de GeoNames, una fuente o una estimación)."
        ),
        "bibliography_heading": "Bibliografía",
        "bibliography_caption": "{n} fuentes. «Citada por» enumera los elementos (por id) y filas de tablas que citan cada una.",
        "col_key": "Clave",
        "col_citation": "Cita",
        "col_link": "Enlace",
        "col_rights": "Qué se puede reutilizar",
        "col_cited_count": "Citas",
        "col_cited_by": "Citada por",
        "open_data_heading": "Datos abiertos",
        "open_data_intro": (
            "Cada capa del mapa en GeoJSON (el archivo publicado) y en CSV (una fila por elemento, todas las "
            "propiedades incluidas sus fuentes, más longitud, latitud y la geometría en WKT), cada tabla en CSV y "
            "el paquete completo con su diccionario de datos, esquema y datapackage.json en un zip."
        ),
        "download_geojson": "{layer}.geojson",
        "download_csv": "{layer}.csv",
        "download_table": "{table}",
        "download_package": "Paquete de datos completo (zip)",
        "licence_heading": "Licencias y cómo citar",
        "licence_text": (
            "Datos (`geodata/`): nuestra selección, redacción, coordenadas y etiquetas de certeza se publican "
            "bajo CC BY 4.0; las coordenadas de GeoNames son CC BY 4.0 © GeoNames. Las fuentes se citan solo por "
            "sus datos (véase «Qué se puede reutilizar»). Código: licencia MIT. Para citar el atlas, use "
            "CITATION.cff del repositorio: «Atlas of August 1945 contributors»."
        ),
        "layer_offensive": "La ofensiva",
        "layer_dongning": "Fortaleza de Dongning",
        "layer_camps": "Cautiverio",
        "page_claims": "Registro frente a mito",
        "claims_intro": (
            "Los dos artículos populares de los que partió este atlas son la vía por la que muchos lectores "
            "conocen esta historia, y se equivocan en muchos puntos. Cada ficha cita una afirmación en su "
            "idioma, da un veredicto, resume lo que registran las fuentes y abre el mapa en el lugar y la fecha."
        ),
        "claims_filter_verdict": "Veredicto",
        "claims_filter_subject": "Tema",
        "claims_count": "{n} afirmaciones mostradas",
        "claim_quote": "Como lo dice el artículo",
        "open_map": "Abrir el mapa en {date}",
        "subject_campaign": "La campaña",
        "subject_captivity": "Cautiverio",
        "notice_focus_invalid": "El lugar del enlace no está en este mapa; se muestra la vista habitual.",
        "page_story": "Modo relato",
        "map_unavailable": "No se pudo cargar el mapa: sus scripts (Leaflet, desde la CDN jsDelivr) están bloqueados o no hay conexión. Todo lo del mapa aparece también junto a él y debajo.",
        "show_tables": "Mostrar todo lo del mapa como tablas",
        "show_tables_help": "Todos los lugares y hechos fechados del mapa en esta fecha, con su estado, certeza y fuentes.",
        "story_step": "Paso {n} de {total}",
        "story_previous": "Anterior",
        "story_next": "Siguiente",
        "story_go_to": "Ir al paso",
        "story_open_page": "Explorar esta fecha en el mapa completo",
        "story_sources": "Fuentes",
        "story_help": "Para el aula: letra grande, un paso cada vez. Use Anterior y Siguiente (o Tab e Intro); la barra de direcciones guarda el paso, así que un enlace abre el mismo paso.",
        "notice_step_invalid": "El paso del relato del enlace no existe; se empieza en el paso 1.",
        "play": "Reproducir",
        "play_help": "Avanza la fecha sola; desactívelo para pausar. El mapa se actualiza sin recargarse.",
        "play_speed": "Velocidad",
        "play_speed_label": "{s} s por paso",
        "play_finished": "Se llegó a la última fecha.",
        "download_map": "Descargar este mapa (HTML)",
        "download_map_help": "Una página web independiente del mapa tal como está (fecha, capas, ventanas). Al abrirla carga la biblioteca del mapa y los mosaicos desde internet.",
        "print_help": "Para imprimir, use la orden Imprimir del navegador: la barra lateral y los controles no se imprimen.",
        "notice_bad_language": "El idioma del enlace no está disponible; se muestra en inglés.",
        "notice_day_invalid": "La fecha del enlace no es válida; se muestra el {date}.",
        "notice_day_out_of_range": "La fecha del enlace está fuera del periodo de este mapa; se muestra el {date}.",
        "handout_story_title": "El relato, paso a paso",
        "handout_story_intro": "Un complemento impreso del modo relato del atlas: una página por paso, cada una con el mapa de ese día tal como lo dibuja el mapa web, lo que ocurrió, las fuentes completas y un enlace y un código QR que abren el mismo paso en línea. Símbolos rellenos: fecha verificada o recordada; huecos: incierta o discutida; contorno discontinuo: fecha desconocida.",
        "handout_contents": "Contenido",
        "handout_open_step": "Abrir este paso en línea",
        "handout_open_map": "Abrir este mapa en línea",
        "handout_open_story": "Abrir el relato en línea",
        "handout_sources_heading": "Fuentes del relato",
        "handout_map_sources": "Fuentes de todo lo que muestra este mapa",
        "handout_map_sources_note": "La página o el pasaje exacto de cada elemento figura en su ventana emergente del mapa web.",
        "handout_licence_heading": "Licencia y cómo citar",
        "handout_licence": "Datos (geodata/): nuestra selección, redacción, coordenadas y etiquetas de certeza se publican con licencia CC BY 4.0; las coordenadas de GeoNames son CC BY 4.0 © GeoNames. Las fuentes se citan solo por los hechos. Código: licencia MIT. Este folleto puede copiarse y compartirse para la enseñanza, con esta página. Cítese como: colaboradores del Atlas de agosto de 1945.",
        "handout_basemap_credit": "Mapa base: Natural Earth (dominio público), con las fronteras actuales solo como orientación. El norte está arriba; la barra de escala es exacta a lo largo de su propio paralelo.",
        "handout_no_basemap": "No había mapa base disponible: los elementos se dibujan sobre una cuadrícula de paralelos y meridianos.",
        "handout_latin_note": "Al hacer este folleto no había ninguna fuente tipográfica para la escritura china, japonesa o coreana, así que esos caracteres se muestran como […]; el atlas web los muestra completos.",
        "handout_compared_with": "comparado con el {date}",
        "handout_page_footer": "{title} · página {n} de {total}",
        "handout_download_story": "Descargar el relato como folleto PDF",
        "handout_download_story_help": "Una página imprimible por paso, con su mapa, fecha, texto, fuentes y un código QR que vuelve al paso. Se hace en el servidor; la primera vez tarda unos segundos.",
        "handout_download_map": "Descargar este mapa como folleto PDF",
        "handout_download_map_help": "Una página imprimible: este mapa en esta fecha, con barra de escala, leyenda, fuentes y un código QR que vuelve a esta vista.",
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


def short_date(day: dt.date, lang: str) -> str:
    """'20 Aug 1945' / '20 ago 1945' (Babel), short enough for a slider's thumb."""
    return format_date(day, format="medium", locale=_BABEL_LOCALE[normalize_language(lang)])


def month_label(month: dt.date, lang: str) -> str:
    """'Sep 1945' / 'sept 1945' (Babel)."""
    return format_skeleton("yMMM", month, locale=_BABEL_LOCALE[normalize_language(lang)])


def long_month(month: dt.date, lang: str) -> str:
    """'September 1945' / 'septiembre de 1945' (Babel)."""
    return format_skeleton("yMMMM", month, locale=_BABEL_LOCALE[normalize_language(lang)])


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
