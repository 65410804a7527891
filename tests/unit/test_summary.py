"""atlas.summary.html_table: a table as HTML whose cells stay data."""

from __future__ import annotations

import pandas as pd

from atlas.summary import html_table
from tests.support.tables import read_tables, table_labels


def test_header_and_rows_line_up_in_a_named_box():
    text = html_table(pd.DataFrame({"Topic": ["Troops", "Tanks"], "Figure": ["1,577,225", "5,556"]}), "Soviet side")
    (table,) = read_tables(text)
    assert list(table.columns) == ["Topic", "Figure"]
    assert table.values.tolist() == [["Troops", "1,577,225"], ["Tanks", "5,556"]]
    assert table_labels(text) == ["Soviet side"]
    assert text.startswith('<div class="atlas-table" role="region" tabindex="0"')


def test_cells_header_and_label_are_escaped_as_data():
    hostile = "a | b <script>alert(1)</script> <img src=x onerror=alert(1)> *x* [l](http://e) \n second"
    text = html_table(pd.DataFrame({"<b>Note</b>": [hostile]}), 'Say "hi" <i>')
    assert "<script" not in text and "<img" not in text and "<b>" not in text and "<i>" not in text
    (table,) = read_tables(text)
    assert table.columns.tolist() == ["<b>Note</b>"] and table.iloc[0, 0] == hostile  # shown as typed
    assert table_labels(text) == ['Say "hi" <i>']
    assert text.count("<td>") == 1  # the pipe in the data opened no second column


def test_missing_values_are_empty_cells():
    (table,) = read_tables(html_table(pd.DataFrame({"A": ["x", None], "B": [1.5, float("nan")]}), "t"))
    assert table.values.tolist() == [["x", "1.5"], ["", ""]]


def test_an_empty_table_keeps_its_header():
    (table,) = read_tables(html_table(pd.DataFrame(columns=["A", "B"]), "t"))
    assert list(table.columns) == ["A", "B"] and table.empty
