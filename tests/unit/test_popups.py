from atlas.citations import cited_keys, parse_citations
from atlas.model import Source
from atlas.popups import popup_html, text, tooltip_html

SOURCES = {"doe-1990": Source("doe-1990", "J. Doe <b>bold</b> & co", "https://example.org/?a=1&b=2", "Facts only.")}

HOSTILE = {
    "id": "obj-x", "kind": "objective", "date_start": "1945-08-19", "date_end": "1945-08-20",
    "date_certainty": "disputed",
    "name_en": '<script>alert("x")</script>', "name_es": "Equis",
    "name_zh": "<img src=x onerror=alert(1)>",
    "description_en": "A & B <img src=x onerror=alert(2)>", "description_es": "Texto",
    "units_en": "<i>unit</i>", "date_note_en": "note <b>", "location_precision": "estimated",
    "accuracy_km": 50, "coord_method": "estimated", "coord_ref": "<u>near</u> ±50 km",
    "sources": "doe-1990: p. <12>; unknown-key: s. 3",
}


def test_every_data_string_is_escaped():
    html = popup_html(HOSTILE, "en", SOURCES)
    assert "<script" not in html and "<img" not in html and "<i>unit" not in html and "<u>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "J. Doe &lt;b&gt;bold&lt;/b&gt; &amp; co" in html
    assert 'href="https://example.org/?a=1&amp;b=2"' in html
    assert "p. &lt;12&gt;" in html
    tip = tooltip_html(HOSTILE, "en")
    assert "<script" not in tip and "&lt;script&gt;" in tip


def test_popup_shows_dates_certainty_place_and_sources():
    props = dict(HOSTILE, name_en="Changchun", description_en="Text.")
    html = popup_html(props, "en", SOURCES)
    assert "19–20 August 1945" in html
    assert "disputed: sources disagree" in html
    assert "estimated, ±50 km" in html
    assert "unknown-key" in html  # an unresolved key is still shown, as text
    es = popup_html(props, "es", SOURCES)
    assert "19–20 de agosto de 1945" in es and "Equis" in es and "Fuentes" in es


def test_other_names_are_tagged_with_their_language():
    html = popup_html(dict(HOSTILE, name_zh="长春", name_ja="新京"), "en", SOURCES)
    assert '<span lang="zh">长春</span>' in html and '<span lang="ja">新京</span>' in html


def test_non_http_urls_are_not_linked():
    sources = {"doe-1990": Source("doe-1990", "Doe", "javascript:alert(1)", "Facts only.")}
    assert "javascript:" not in popup_html(HOSTILE, "en", sources)


def test_text_falls_back_to_english():
    assert text({"name_en": "Harbin"}, "name", "es") == "Harbin"
    assert text({"name_en": "Harbin", "name_es": "Harbín"}, "name", "es") == "Harbín"
    assert text({}, "name", "es") == ""


def test_parse_citations():
    assert parse_citations("a: p. 1; b-2: ch. 3") == [("a", "p. 1"), ("b-2", "ch. 3")]
    assert cited_keys("a: p. 1;  ; b: x") == ["a", "b"] and cited_keys(None) == []


def test_date_ranges_are_localized():
    from atlas.i18n import date_range

    assert date_range("1945-08-19", "1945-08-20", "en") == "19–20 August 1945"
    assert date_range("1945-08-19", "1945-08-20", "es") == "19–20 de agosto de 1945"
    assert date_range("1945-08-19", "1945-09-02", "en") == "19 August – 2 September 1945"
    assert date_range("1945-08-19", "1945-09-02", "es") == "19 de agosto – 2 de septiembre de 1945"
    assert date_range("1945-08", None, "en") == "August 1945"
    assert date_range("1945-08", None, "es") == "agosto de 1945"
    assert date_range("1945", "1956", "en") == "1945 – 1956"
