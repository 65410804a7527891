"""Entries of the side panel and the chronologies, kept as parts and written two ways: as Markdown
(the Dongning page's last battle) and as escaped HTML (the map pages' side panel).

The side panel is HTML because Streamlit parses every Markdown element in the browser, on every
load and step; as Markdown it was the largest element of a map page's first screen
(``docs/benchmarks.md``). Every data string is escaped for the context it goes to; the marks, the
bold and the italics are ours. Pure: no Streamlit here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from atlas.escape import html_text
from atlas.escape import markdown as md_escape

DASH = " — "


@dataclass(frozen=True)
class Entry:
    """One entry: ``mark`` and ``label`` (ours: a symbol, then bold words such as "on this day:"),
    ``heads`` (data, each bold, joined by a dash), ``details`` (data, in italics after them), then
    ``body`` and ``note`` (data; the note in italics) on lines of their own."""

    heads: tuple[str, ...]
    details: str = ""
    body: str = ""
    note: str = ""
    mark: str = ""
    label: str = ""


def markdown(entry: Entry) -> str:
    """The entry as Streamlit Markdown (lines kept apart by a hard break)."""
    first = [f"**{md_escape(head)}**" for head in entry.heads]
    if entry.details:
        first.append(f"*{md_escape(entry.details)}*")
    lead = " ".join(part for part in (entry.mark, f"**{entry.label}**" if entry.label else "") if part)
    lines = [" ".join(part for part in (lead, DASH.join(first)) if part)]
    lines += [md_escape(entry.body)] if entry.body else []
    lines += [f"*{md_escape(entry.note)}*"] if entry.note else []
    return "  \n".join(lines)


def html(entry: Entry) -> str:
    """The entry as one HTML paragraph."""
    first = [f"<strong>{html_text(head)}</strong>" for head in entry.heads]
    if entry.details:
        first.append(f"<em>{html_text(entry.details)}</em>")
    lead = " ".join(part for part in (html_text(entry.mark),
                                      f"<strong>{html_text(entry.label)}</strong>" if entry.label else "") if part)
    lines = [" ".join(part for part in (lead, DASH.join(first)) if part)]
    lines += [html_text(entry.body)] if entry.body else []
    lines += [f"<em>{html_text(entry.note)}</em>"] if entry.note else []
    return "<p>" + "<br>".join(lines) + "</p>"


def html_list(entries: Iterable[Entry], closing: str = "", empty: str = "") -> str:
    """Entries as HTML for ``st.html`` in one box (class ``atlas-entries``), then ``closing`` (our
    words, in italics) if any; ``empty`` (our words) stands in for no entries."""
    paragraphs = "".join(html(entry) for entry in entries) or (f"<p>{html_text(empty)}</p>" if empty else "")
    tail = f'<p class="atlas-entries-closing"><em>{html_text(closing)}</em></p>' if closing else ""
    return f'<div class="atlas-entries">{paragraphs}{tail}</div>'
