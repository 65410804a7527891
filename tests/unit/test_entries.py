"""An entry of the side panel or a chronology (atlas/entries.py), written as Markdown and as HTML:
our marks and emphasis around data text that stays text in both."""

from __future__ import annotations

import pytest

from atlas import entries
from atlas.entries import Entry
from tests.support.entries import read_entries

FULL = Entry(("20 August 1945", "Harbin"), "Event · 20 August 1945", "Troops landed.", "Date uncertain.", "▶", "on this day:")


def test_markdown_keeps_the_layout_the_pages_always_had():
    assert entries.markdown(Entry(("Harbin",), "Event · 20 August 1945", "Troops landed.")) == (
        "**Harbin** — *Event · 20 August 1945*  \nTroops landed.")
    assert entries.markdown(FULL) == (
        "▶ **on this day:** **20 August 1945** — **Harbin** — *Event · 20 August 1945*  \nTroops landed.  \n"
        "*Date uncertain.*")


def test_html_has_the_same_parts():
    (read,) = read_entries(entries.html_list([FULL]))
    assert read == ("▶ **on this day:** **20 August 1945** — **Harbin** — *Event · 20 August 1945*\n"
                    "Troops landed.\n*Date uncertain.*")
    assert entries.html(Entry(("Harbin",))) == "<p><strong>Harbin</strong></p>"


@pytest.mark.parametrize("hostile", [
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "**bold** [a](javascript:alert(1))",
    "line\r===\rheading", "</p></div><b>out</b>", "&lt;already&gt;", "\u202eevil",
])
def test_data_text_stays_text(hostile):
    entry = Entry((hostile, hostile), hostile, hostile, hostile)
    written = entries.html_list([entry], closing="ours")
    assert "<img" not in written and "<script" not in written and "<b>" not in written and "<a" not in written
    (read, closing) = read_entries(written)
    assert read.count(hostile) == 5 and closing == "*ours*"  # every part reads back exactly as the data was
    assert "[a](" not in entries.markdown(entry) and "\r" not in entries.markdown(entry)
