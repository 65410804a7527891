"""Read back the side panel's entries (atlas.entries.html_list) as text, with ``**`` around what is
bold, ``*`` around what is in italics and a line break for ``<br>``."""

from __future__ import annotations

from html.parser import HTMLParser

_MARKS = {"strong": "**", "em": "*"}


class _Entries(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: list[str] = []
        self._depth = 0  # inside a box of entries
        self._entry: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("class", "atlas-entries") in attrs:
            self._depth += 1
        elif self._depth and tag == "p":
            self._entry = []
        elif self._entry is not None:
            self._entry.append(_MARKS.get(tag, "\n" if tag == "br" else ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._depth:
            self._depth -= 1
        elif tag == "p" and self._entry is not None:
            self.entries.append("".join(self._entry))
            self._entry = None
        elif self._entry is not None:
            self._entry.append(_MARKS.get(tag, ""))

    def handle_data(self, data: str) -> None:
        if self._entry is not None:
            self._entry.append(data)


def read_entries(body: str) -> list[str]:
    """The entries of every ``atlas-entries`` box in ``body``, in order."""
    parser = _Entries()
    parser.feed(body)
    parser.close()
    return parser.entries
