"""Read back the HTML tables the pages write (atlas.summary.html_table) as frames."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.labels: list[str | None] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("class", "atlas-table") in attrs:
            self.labels.append(dict(attrs).get("aria-label"))
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _parsed(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    return parser


def read_tables(html: str) -> list[pd.DataFrame]:
    """Every table in ``html``, its first row the header; cells as the text a reader sees."""
    return [pd.DataFrame(rows[1:], columns=rows[0]) for rows in _parsed(html).tables if rows]


def table_labels(html: str) -> list[str | None]:
    """The names (aria-label) of the tables' boxes in ``html``."""
    return _parsed(html).labels
