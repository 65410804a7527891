"""atlas.summary.markdown_table: a table as markdown whose cells stay data."""

from __future__ import annotations

import re

import pandas as pd

from atlas.summary import markdown_table


def cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]


def test_header_rule_and_rows_line_up():
    text = markdown_table(pd.DataFrame({"Topic": ["Troops", "Tanks"], "Figure": ["1,577,225", "5,556"]}))
    lines = text.splitlines()
    assert len(lines) == 4
    assert cells(lines[0]) == ["Topic", "Figure"]
    assert set(lines[1]) <= set("| -") and lines[1].count("---") == 2
    assert [cells(line) for line in lines[2:]] == [["Troops", "1,577,225"], ["Tanks", "5,556"]]


def test_cells_are_escaped_as_data():
    hostile = "a | b <script>alert(1)</script> *x* [l](http://e) \n second line"
    text = markdown_table(pd.DataFrame({"Note": [hostile]}))
    row = text.splitlines()[2]
    assert len(cells(row)) == 1  # the pipe in the data did not open a second column
    assert "\n" not in row.strip("|") and "<script>" not in text and "](" not in text
    assert "\\<script\\>" in row and "\\*x\\*" in row


def test_missing_values_are_empty_cells():
    text = markdown_table(pd.DataFrame({"A": ["x", None], "B": [1.5, float("nan")]}))
    assert cells(text.splitlines()[3]) == ["", ""]
    assert cells(text.splitlines()[2]) == ["x", "1\\.5"]


def test_an_empty_table_keeps_its_header():
    text = markdown_table(pd.DataFrame(columns=["A", "B"]))
    assert text.splitlines()[0] == "| A | B |" and len(text.splitlines()) == 2
