"""Table tests: every row of tests/data/*.csv, read as data."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import pytest

import srank

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


VALID = _rows("valid_codes.csv")
INVALID = _rows("invalid_codes.csv")


def test_tables_are_large_enough() -> None:
    assert len(VALID) >= 150
    assert len(INVALID) >= 60
    assert len({row["text"] for row in VALID if row["mode"] == "strict"}) == sum(
        row["mode"] == "strict" for row in VALID
    )


@pytest.mark.parametrize("row", VALID, ids=[f"{row['mode']}:{row['text']!r}" for row in VALID])
def test_valid_code(row: dict[str, str]) -> None:
    lenient = row["mode"] == "lenient"
    rank = srank.parse(row["text"], lenient=lenient)
    assert str(rank) == row["canonical"]
    assert [finding.code for finding in rank.findings] == row["findings"].split()
    assert srank.is_valid(row["text"], lenient=lenient) is (row["valid"] == "true")
    # The canonical form reads back to an equal object.
    assert srank.parse(str(rank), lenient=lenient) == rank
    if not lenient:
        assert srank.parse(row["text"], lenient=True) == rank


@pytest.mark.parametrize("row", INVALID, ids=[f"{row['mode']}:{row['text'][:20]!r}" for row in INVALID])
def test_invalid_code(row: dict[str, str]) -> None:
    text = codecs.decode(row["text"], "unicode_escape")
    lenient = row["mode"] == "lenient"
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse(text, lenient=lenient)
    assert caught.value.code == row["code"]
    assert caught.value.message == row["message"]
    assert not srank.is_valid(text, lenient=lenient)
