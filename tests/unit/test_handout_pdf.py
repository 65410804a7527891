"""The handout PDFs, parsed back with pypdf: pages, text, sources, QR codes, images, fonts, languages."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader

from atlas import scene
from atlas.citations import parse_citations
from atlas.handout import fonts, links
from atlas.handout.document import date_label
from atlas.handout.mappage import map_pdf, map_source_keys
from atlas.handout.story import story_pdf
from atlas.i18n import t
from atlas.load import load_atlas
from atlas.paths import DEFAULT_GEODATA_DIR

BASE = "https://atlas.example.org/app"
IMAGE_BUDGET = 400_000  # bytes per embedded image stream (a map is 15-130 kB, a QR code under 1 kB)
PDF_BUDGET = 10_000_000


@pytest.fixture(scope="module")
def atlas():
    return load_atlas(DEFAULT_GEODATA_DIR)


@pytest.fixture(scope="module", params=["en", "es"])
def story(request, atlas, tmp_path_factory):
    lang = request.param
    data = story_pdf(atlas, lang, BASE, geodata=tmp_path_factory.mktemp("nobasemap"))
    return lang, data, PdfReader(io.BytesIO(data))


def squash(text: str) -> str:
    """Text without any whitespace (PDF extraction breaks lines and spaces CJK characters apart) and
    without the NUL bytes pypdf puts before characters of the fallback CJK font (pdfium does not)."""
    return re.sub(r"[\s\x00]+", "", text)


def embedded_image_sizes(reader: PdfReader) -> list[int]:
    """Bytes of every image stream as stored in the file (pypdf's ``image.data`` is re-encoded)."""
    sizes = {}
    for page in reader.pages:
        for ref in (page["/Resources"].get("/XObject") or {}).values():
            stream = ref.get_object()
            if stream.get("/Subtype") == "/Image":
                sizes[ref.idnum] = len(stream._data)
    return list(sizes.values())


def qr_images(page) -> list[Image.Image]:
    return [image.image for image in page.images if image.image.width < 300]


def decode_qr(image: Image.Image) -> list[str]:
    zxingcpp = pytest.importorskip("zxingcpp")  # pinned in requirements-dev.txt
    return [code.text for code in zxingcpp.read_barcodes(image.convert("L"))]


def matrix_of(image: Image.Image) -> tuple[tuple[int, ...], ...]:
    """The modules of an embedded QR image (scale and quiet zone as links.qr_png writes them)."""
    grey = image.convert("L")
    border, scale = links.QR_BORDER, links.QR_SCALE
    size = grey.width // scale - 2 * border
    return tuple(tuple(int(grey.getpixel(((border + c) * scale + scale // 2, (border + r) * scale + scale // 2)) < 128)
                       for c in range(size)) for r in range(size))


def sources_pages(atlas) -> int:
    """How many pages the story's sources and licence take: one, or two once the list is long (the
    story's 22 steps cite about 60 sources)."""
    keys = {key for step in atlas.story for key, _ in parse_citations(step.sources)}
    return 1 if len(keys) <= 40 else 2


def test_the_story_pdf_is_valid_with_a_page_per_step_and_two_more(story, atlas):
    _, data, reader = story
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    # a title page, exactly one page per step, then the sources and the licence (which may run on)
    headers = [squash(page.extract_text()).split("Openthis")[0] for page in reader.pages]
    steps = [i for i, header in enumerate(headers) if "Step" in header or "Paso" in header]
    assert steps == list(range(1, len(atlas.story) + 1))
    assert len(reader.pages) - 1 - len(atlas.story) == sources_pages(atlas) >= 1
    assert len(data) < PDF_BUDGET


def test_each_step_page_has_its_date_title_caption_sources_and_link(story, atlas):
    lang, _, reader = story
    for step, page in zip(atlas.story, reader.pages[1:len(atlas.story) + 1], strict=True):
        text = squash(page.extract_text())
        day = scene.parse_date(step.page, step.date)
        url = links.story_url(BASE, step.step, lang)
        assert squash(date_label(step.page, day, lang)) in text
        assert squash(getattr(step, f"title_{lang}")) in text
        assert squash(getattr(step, f"caption_{lang}")) in text
        for key, locator in parse_citations(step.sources):
            assert squash(atlas.sources[key].citation) in text, (step.step, key)
            assert squash(locator) in text
        assert squash(url) in text


def test_each_step_qr_code_decodes_to_the_steps_url(story, atlas):
    lang, _, reader = story
    for step, page in zip(atlas.story, reader.pages[1:len(atlas.story) + 1], strict=True):
        url = links.story_url(BASE, step.step, lang)
        (image,) = qr_images(page)
        assert matrix_of(image) == links.qr_matrix(url)  # the printed modules are the URL's code
        assert decode_qr(image) == [url]  # and a real decoder reads it back


def test_title_and_sources_pages(story, atlas):
    lang, _, reader = story
    first = squash(reader.pages[0].extract_text())
    # the sources pages, read as one text without their running footers
    last = "".join(re.sub(r"(AtlasofAugust1945|Atlasdeagostode1945)—[^·]*·(page|página)\d+(of|de)\d+$", "", squash(page.extract_text()))
                   for page in reader.pages[len(atlas.story) + 1:])
    assert squash(t("app_title", lang)) in first and squash(t("handout_story_title", lang)) in first
    for step in atlas.story:
        assert squash(getattr(step, f"title_{lang}")) in first
    assert decode_qr(qr_images(reader.pages[0])[0]) == [links.story_url(BASE, 1, lang)]
    keys = {key for step in atlas.story for key, _ in parse_citations(step.sources)}
    for key in keys:
        assert squash(atlas.sources[key].citation) in last, key
    assert "CCBY4.0" in last and "MIT" in last


def test_every_embedded_image_is_under_budget(story, atlas):
    _, _, reader = story
    sizes = embedded_image_sizes(reader)
    assert len(sizes) == 2 * len(atlas.story)  # a map and a QR code per step (the title page's QR code is step 1's, stored once)
    assert max(sizes) < IMAGE_BUDGET


def test_the_languages_differ_where_they_should(story, atlas):
    lang, _, reader = story
    text = squash(reader.pages[2].extract_text())
    step = atlas.story[1]
    other = "es" if lang == "en" else "en"
    assert squash(getattr(step, f"caption_{lang}")) in text
    assert squash(getattr(step, f"caption_{other}")) not in text
    assert reader.metadata.title.startswith(t("app_title", lang))


def test_cjk_text_is_set_in_an_embedded_cjk_font(story):
    _, data, reader = story
    names = {str(font["/BaseFont"]) for page in reader.pages
             for font in (page["/Resources"].get("/Font") or {}).values()
             for font in [font.get_object()]}
    assert any("NotoSansCJK" in name for name in names)
    assert any("DejaVuSans" in name for name in names)


def test_the_fonts_cover_every_character_of_the_data():
    from fontTools.ttLib import TTFont

    files = fonts.font_files()
    assert files.cjk is not None, "noto-cjk-sans-jp-regular is pinned in requirements.txt"
    covered = set(fonts.text_coverage()) | set(TTFont(str(files.cjk), lazy=True).getBestCmap())
    paths = [*DEFAULT_GEODATA_DIR.glob("*.csv"), *DEFAULT_GEODATA_DIR.glob("*.geojson")]
    text = "".join(path.read_text(encoding="utf-8") for path in paths)
    missing = {c for c in set(text) if ord(c) >= 32 and ord(c) not in covered}
    assert not missing


@pytest.mark.parametrize(("page", "day", "compare", "lang"), [
    ("offensive", dt.date(1945, 8, 19), None, "en"),
    ("dongning", dt.date(1945, 8, 20), dt.date(1945, 8, 12), "es"),
    ("captivity", dt.date(1949, 12, 31), None, "es"),
])
def test_a_map_handout_has_its_date_map_link_qr_and_sources(atlas, page, day, compare, lang, tmp_path):
    data = map_pdf(atlas, page, day, lang, BASE, compare=compare, geodata=tmp_path)
    reader = PdfReader(io.BytesIO(data))
    assert data.startswith(b"%PDF-") and 1 <= len(reader.pages) <= 3
    # each page's text without its footer line: a citation may run on over a page break
    text = squash("".join(re.sub(r"\n[^\n]* · (page|página) \d+ (of|de) \d+\s*$", "", p.extract_text())
                          for p in reader.pages))
    url = links.map_url(BASE, page, day, lang)
    assert squash(date_label(page, day, lang)) in text and squash(url) in text
    if compare is not None:
        assert squash(date_label(page, compare, lang)) in text
        assert len([i for i in reader.pages[0].images if i.image.width >= 300]) == 2
    days = [day] if compare is None else [day, compare]
    for key in map_source_keys(atlas, page, days):
        assert squash(atlas.sources[key].citation) in text, key
    (image,) = qr_images(reader.pages[0])
    assert matrix_of(image) == links.qr_matrix(url) and decode_qr(image) == [url]
    assert max(embedded_image_sizes(reader)) < IMAGE_BUDGET


def test_map_urls_name_the_date_as_the_pages_do():
    assert links.map_url("https://x.org/", "offensive", dt.date(1945, 8, 9), "en") == "https://x.org/offensive?day=1945-08-09"
    assert links.map_url("https://x.org", "captivity", dt.date(1946, 1, 31), "es") == (
        "https://x.org/captivity?month=1946-01&lang=es")
    assert links.story_url("https://x.org", 7, "es") == "https://x.org/story?step=7&lang=es"


def test_without_a_cjk_font_the_handout_still_builds_with_a_note(atlas, monkeypatch, tmp_path):
    files = fonts.font_files()
    monkeypatch.setattr(fonts, "font_files", lambda: fonts.FontFiles(files.regular, files.bold, None))
    assert fonts.latin_only("Dongning 東寧 (Дуннин)") == "Dongning […] (Дуннин)"
    data = map_pdf(atlas, "dongning", dt.date(1945, 8, 30), "en", BASE, geodata=tmp_path)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "[…]" in text and "東" not in text
    assert squash(t("handout_latin_note", "en")) in squash(text)


def test_handouts_of_a_small_package_and_of_a_page_whose_layer_is_missing(package):
    small = load_atlas(package)  # two story steps on the offensive layer; no dongning or camps file
    data = story_pdf(small, "es", BASE, geodata=package)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(small.story) + 2 == 4
    assert squash("Alfa fue tomada.") in squash(reader.pages[1].extract_text())
    empty = map_pdf(small, "captivity", dt.date(1950, 4, 30), "en", BASE, geodata=package)
    assert squash(t("page_camps", "en")) in squash(PdfReader(io.BytesIO(empty)).pages[0].extract_text())
