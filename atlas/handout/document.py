"""The handout's page elements on an A4 page (fpdf2): header, date, text, map, sources, link and QR.

Every page of both handouts is built from these, so the story and the map handouts look alike.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from atlas.citations import parse_citations
from atlas.handout import fonts, links
from atlas.i18n import long_date, long_month, t
from atlas.pages import MAP_PAGES

PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm
MARGIN = 14.0
TEXT_W = PAGE_W - 2 * MARGIN
QR_MM = 26.0
FOOTER_H = 8.0
INK = (26, 26, 26)
MUTED = (85, 85, 85)
LINK = (0, 84, 147)


@dataclass(frozen=True)
class Cited:
    """One entry of a sources list: the full citation, its locator (may be empty) and its address."""

    key: str
    citation: str
    locator: str
    url: str


def cited(citations: str, sources: Mapping[str, Any]) -> list[Cited]:
    """A ``sources`` string (``key: locator; …``) as full citations, in the order given."""
    out = []
    for key, locator in parse_citations(citations):
        source = sources.get(key)
        out.append(Cited(key, getattr(source, "citation", key), locator, getattr(source, "url", "") or ""))
    return out


def date_label(page: str, day: dt.date, lang: str) -> str:
    """The date as the page's slider shows it: '19 August 1945', or 'October 1945' on the captivity map."""
    return long_month(day, lang) if MAP_PAGES[page].monthly else long_date(day, lang)


class Handout(FPDF):
    """An A4 handout with the atlas's fonts and a footer naming the handout and the page."""

    def __init__(self, title: str, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.handout_title = title
        self.lang = lang
        self.has_cjk = fonts.register(self)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + FOOTER_H)
        self.set_title(title)
        self.set_author("Atlas of August 1945 contributors")
        self.set_lang(lang)
        self.set_text_color(*INK)
        self.alias_nb_pages()

    def clean(self, text: str) -> str:
        """Text as it can be set: unchanged with the CJK font, else CJK characters replaced."""
        return text if self.has_cjk else fonts.latin_only(text)

    def footer(self) -> None:
        self.set_y(-MARGIN - 2)
        self.font(7)
        self.set_text_color(*MUTED)
        self.cell(0, 4, t("handout_page_footer", self.lang, title=self.handout_title, n=self.page_no(),
                          total="{nb}"), align="C")
        self.set_text_color(*INK)

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(fonts.TEXT_FAMILY, "B" if bold else "", size)

    def line_text(self, text: str, size: float, bold: bool = False, color: tuple[int, int, int] = INK,
                  width: float = 0, height: float | None = None, link: str = "") -> None:
        """A paragraph at the current position, then the next line."""
        self.font(size, bold)
        self.set_text_color(*color)
        self.multi_cell(width or TEXT_W, height or size * 0.45, self.clean(text), align="L", link=link or None,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)

    def text_height(self, text: str, size: float, width: float = 0, bold: bool = False) -> float:
        """How tall :meth:`line_text` would set ``text`` (nothing is drawn)."""
        self.font(size, bold)
        return float(self.multi_cell(width or TEXT_W, size * 0.45, self.clean(text), align="L", dry_run=True,
                                     output="HEIGHT"))

    def png(self, data: bytes, x: float, y: float, w: float, h: float = 0, alt: str = "") -> None:
        self.image(io.BytesIO(data), x=x, y=y, w=w, h=h, alt_text=alt or None)

    def qr_block(self, url: str, label: str, x: float, y: float) -> None:
        """The QR code of ``url`` with its label under it (top right of a page)."""
        self.png(links.qr_png(url), x, y, QR_MM, QR_MM, alt=url)
        self.set_xy(x - 4, y + QR_MM)
        self.font(6.5)
        self.set_text_color(*MUTED)
        self.multi_cell(QR_MM + 8, 3, label, align="C")
        self.set_text_color(*INK)

    def url_line(self, label: str, url: str) -> None:
        """'Open this step online: https://…' as a clickable line."""
        self.font(7.5, True)
        self.set_text_color(*MUTED)
        self.write(3.6, f"{label}: ")
        self.font(7.5)
        self.set_text_color(*LINK)
        self.write(3.6, url, link=url)
        self.set_text_color(*INK)
        self.ln(4.5)

    def heading(self, text: str, size: float = 10) -> None:
        self.ln(1)
        self.line_text(text, size, bold=True)
        self.ln(0.8)

    def citations(self, entries: Sequence[Cited], size: float = 7.5, with_url: bool = True,
                  columns: int = 1) -> None:
        """A list of full citations (with locator and address), flowing over columns and pages."""
        self.font(size)
        with self.text_columns(ncols=columns, gutter=5, balance=columns > 1, line_height=1.15,
                               text_align="LEFT") as block:
            for entry in entries:
                paragraph = block.paragraph(text_align="LEFT", bottom_margin=size * 0.18)
                paragraph.write(self.clean(entry.citation))
                if entry.locator:
                    paragraph.write(self.clean(f" — {entry.locator}"))
                if with_url and entry.url:
                    paragraph.write(f" {entry.url}")
                block.end_paragraph()


def sources_height(pdf: Handout, entries: Sequence[Cited], size: float) -> float:
    """An upper estimate of the height of a one-column citations list."""
    total = 0.0
    for entry in entries:
        text = entry.citation + (f" — {entry.locator}" if entry.locator else "") + (f" {entry.url}" if entry.url else "")
        total += pdf.text_height(text, size) * 1.15 + size * 0.18
    return total
