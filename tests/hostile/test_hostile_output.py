"""What srank writes under attack (issue 28, items 6 and 8): inert composed cells, linear work on hostile input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import srank
import srank._distribution_text as distribution_text
import srank.pandas
from conftest import Run
from srank.cli._formats import _unique_keys

INJECTIONS = (
    "id,dist\n1,Canada (=2+5)\n2,Canada (N5): AB (+1)\n3,US(-1)\n4,US(@SUM A1)\n5,\"Canada (=cmd|' /C calc'!A0)\"\n"
)


def test_composed_cells_never_start_a_formula_in_csv(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(INJECTIONS)
    status, out, _ = srank_cli("distribution", source, "-c", "dist", "--lenient")
    assert status == 1  # every rank but one is unreadable
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert [row[5] for row in rows[1:]] == ["'=2+5", "N5", "'+1", "'-1", "'@SUM A1", "'=cmd|' /C calc'!A0"]
    assert out.splitlines()[1].startswith("1,Canada (=2+5),CA,,Canada,'=2+5,,,")  # the input's cells as they were


def test_composed_cells_never_start_a_formula_in_jsonl(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(INJECTIONS)
    status, out, _ = srank_cli("distribution", source, "-c", "dist", "--lenient", "--format", "jsonl")
    assert status == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [record["srank_rank"] for record in records] == [
        "'=2+5",
        "N5",
        "'+1",
        "'-1",
        "'@SUM A1",
        "'=cmd|' /C calc'!A0",
    ]
    assert records[0]["dist"] == "Canada (=2+5)"


def test_composed_cells_from_the_api_and_in_pandas_are_inert() -> None:
    dist = srank.Distribution.from_api(
        [
            {
                "nationCode": "=HYPERLINK(1)",
                "roundedNRank": "-N4",
                "subnations": [{"subnationCode": "@x", "srank": "+1"}],
            }
        ],
        lenient=True,
    )
    from srank._place_rows import place_cells

    assert [place_cells(record, style="short", lang="en")[0][:4] for record in dist] == [
        ("'=HYPERLINK(1)", None, "'=HYPERLINK(1)", "'-N4"),
        ("'=HYPERLINK(1)", "'@x", "'@x", "'+1"),
    ]
    frame = srank.pandas.distributions(pd.Series(["Canada (=2+5)", "Canada (\tN5 x)"]), lenient=True)
    assert frame["rank"].tolist() == ["'=2+5", "'\tN5 x"]


@pytest.mark.parametrize(
    ("text", "shown"),
    [("=1", "'=1"), ("+1", "'+1"), ("-1", "'-1"), ("@1", "'@1"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("'=1", "'=1")],
)
def test_safe_cell(text: str, shown: str) -> None:
    from srank._safe_cells import safe_cell

    assert safe_cell(text) == shown


def test_jsonl_keys_for_repeated_header_names_are_found_in_linear_work() -> None:
    class Counted(str):
        formatted = 0

        def __format__(self, spec: str) -> str:
            Counted.formatted += 1
            return str.__format__(self, spec)

    header = [Counted("a")] * 2000 + ["a_3", "b", "b"]
    keys = _unique_keys(list(header))
    assert keys[:4] == ["a", "a_2", "a_3", "a_4"]
    assert keys[-3:] == ["a_3_2", "b", "b_2"]
    assert len(set(keys)) == 2003
    assert Counted.formatted == 1999  # one candidate name per repeat; it was 1,999,000 (quadratic)


def test_lenient_biotics_reading_reads_each_skipped_entry_once(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[int] = []
    from srank._lark_adapter import distribution_error as locate

    def counted(text: str, start: str) -> srank.InvalidRankError | None:
        given.append(len(text))
        return locate(text, start)

    monkeypatch.setattr(distribution_text, "distribution_error", counted)
    dist = srank.parse_distribution("US(N5), " + ", ".join(["XX"] * 2000), lenient=True)
    assert len(dist.records) == 1
    assert len(dist.notes) == 2000
    assert sum(given) == 1999 * 4 + 2  # each 'XX, ' once; it was the whole rest of the text each time
    assert dist.notes[0].message == "Expected '(', found ', '; 'XX' does not read as a whole: it was skipped"


def test_a_message_quotes_a_long_token_clipped() -> None:
    dist = srank.parse_distribution("Canada (N5): " + ", ".join(["XX"] * 20_000), lenient=True)
    assert [len(note.message) for note in dist.notes] == [248]
