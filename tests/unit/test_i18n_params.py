import datetime as dt
import json

import pytest

from atlas.i18n import MESSAGES, long_date, normalize_language, plural, t
from atlas.params import parse_day, parse_language
from tests.conftest import SCHEMA

PROPS = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["props"]["properties"]


def test_every_string_exists_in_both_languages():
    assert set(MESSAGES["en"]) == set(MESSAGES["es"])
    assert all(v.strip() for table in MESSAGES.values() for v in table.values())


@pytest.mark.parametrize(("field", "prefix"), [
    ("kind", "kind_"), ("front", "front_"), ("date_certainty", "certainty_"),
    ("location_precision", "precision_"), ("coord_method", "placed_"),
])
def test_every_vocabulary_value_has_a_label(field, prefix):
    for value in PROPS[field]["enum"]:
        assert f"{prefix}{value}" in MESSAGES["en"], value


def test_fallbacks_and_plurals():
    assert normalize_language("fr") == "en" and normalize_language(None) == "en" and normalize_language("es") == "es"
    assert plural("caption_places", 1, "en", date="x") == "1 place on the map up to x"
    assert plural("caption_places", 3, "es", date="x") == "3 lugares en el mapa hasta el x"
    assert t("language", "xx") == "Language"


def test_long_dates():
    assert long_date(dt.date(1945, 8, 15), "en") == "15 August 1945"
    assert long_date(dt.date(1945, 8, 15), "es") == "15 de agosto de 1945"


FIRST, LAST = dt.date(1945, 8, 8), dt.date(1945, 9, 2)


@pytest.mark.parametrize(("raw", "expected"), [
    ("1945-08-15", (dt.date(1945, 8, 15), "")),
    ("1945-09-03", (None, "out_of_range")),
    ("1812-06-24", (None, "out_of_range")),
    ("1945-02-30", (None, "invalid")),
    ("<script>alert(1)</script>", (None, "invalid")),
    ("", (None, "invalid")),
    ("9" * 10_000, (None, "invalid")),
    ("１９４５-08-15", (None, "invalid")),
    (None, (None, "invalid")),
])
def test_parse_day(raw, expected):
    assert parse_day(raw, FIRST, LAST) == expected


def test_parse_language():
    assert parse_language("es") == ("es", "")
    assert parse_language("Español") == (None, "invalid")
    assert parse_language("<b>") == (None, "invalid")


@pytest.mark.parametrize(("raw", "expected"), [
    ("1945-09", (dt.date(1945, 9, 1), "")),
    ("1956-12", (dt.date(1956, 12, 1), "")),
    ("1957-01", (None, "out_of_range")),
    ("1945-07", (None, "out_of_range")),
    ("1945-13", (None, "invalid")),
    ("1945-9", (None, "invalid")),
    ("1945-09-01", (None, "invalid")),
    ("<b>x</b>", (None, "invalid")),
    (None, (None, "invalid")),
])
def test_parse_month(raw, expected):
    from atlas.params import parse_month

    assert parse_month(raw, dt.date(1945, 8, 1), dt.date(1956, 12, 1)) == expected


def test_month_labels_are_localized():
    from atlas.i18n import long_month, month_label

    assert month_label(dt.date(1945, 9, 1), "en") == "Sept 1945"  # CLDR's abbreviation (babel is pinned)
    assert month_label(dt.date(1945, 9, 1), "es") == "sept 1945"
    assert long_month(dt.date(1945, 9, 1), "en") == "September 1945"
    assert long_month(dt.date(1945, 9, 1), "es") == "septiembre de 1945"


@pytest.mark.parametrize(("raw", "expected"), [
    ("1", (1, "")), ("18", (18, "")), ("19", (None, "out_of_range")), ("0", (None, "out_of_range")),
    ("-1", (None, "invalid")), ("3.5", (None, "invalid")), ("", (None, "invalid")), ("9" * 50, (None, "invalid")),
    ("<script>", (None, "invalid")), ("٣", (None, "invalid")),
])
def test_parse_step(raw, expected):
    from atlas.params import parse_step

    assert parse_step(raw, 18) == expected


def test_short_dates_for_the_slider_thumb_are_localized():
    from atlas.i18n import short_date

    assert short_date(dt.date(1945, 8, 20), "en") == "20 Aug 1945"
    assert short_date(dt.date(1945, 8, 20), "es") == "20 ago 1945"


def test_oversized_query_values_are_named():
    from atlas.params import MAX_VALUE_CHARS, oversized

    query = {"day": "1945-08-11", "junk": "x" * (MAX_VALUE_CHARS + 1), "y" * (MAX_VALUE_CHARS + 1): "1",
             "ok": "x" * MAX_VALUE_CHARS}
    assert oversized(query) == ["junk", "y" * (MAX_VALUE_CHARS + 1)]
