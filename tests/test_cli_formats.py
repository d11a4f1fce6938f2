"""How the table commands write a record: csv_line is what the csv module writes, without its line end."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from srank.cli._formats import csv_line


@pytest.mark.parametrize(
    ("cells", "delimiter", "line"),
    [
        (["1", "Carex lasiocarpa", "S2S3"], ",", "1,Carex lasiocarpa,S2S3"),
        (["S2B,S4N", "x"], ",", '"S2B,S4N",x'),
        (["S2B,S4N", "x"], "\t", "S2B,S4N\tx"),
        (['say "G5"', ""], ",", '"say ""G5""",'),
        (["two\nlines", "a\rb"], ";", '"two\nlines";"a\rb"'),
        ([""], ",", '""'),
        (["", ""], ",", ","),
        ([], ",", ""),
    ],
)
def test_a_record_is_quoted_only_where_needed(cells: list[str], delimiter: str, line: str) -> None:
    assert csv_line(cells, delimiter) == line


@given(
    st.lists(st.text(alphabet=st.sampled_from(list("ab ,;\t|\"\r\n'=é")), max_size=6), max_size=5),
    st.sampled_from([",", ";", "\t", "|", " "]),
)
def test_a_record_is_what_the_csv_module_writes(cells: list[str], delimiter: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
    assert csv_line(cells, delimiter) == buffer.getvalue()[:-2]
