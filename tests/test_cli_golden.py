"""srank check and srank distribution, byte for byte, on fixed fixtures.

The expected files in ``tests/data/cli_golden/`` were written by the commands
before they moved onto the table-command skeleton; the move must not change a
byte of them. A deliberate change of output rewrites the file and says why in
its commit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from srank.cli import main

GOLDEN = Path(__file__).parent / "data" / "cli_golden"

CASES = {
    "check_s": ["check", "heritage.csv", "-c", "S Rank"],
    "check_s_jsonl": ["check", "heritage.csv", "-c", "S Rank", "--format", "jsonl"],
    "check_all": [
        *("check", "heritage.csv", "-c", "G Rank", "-c", "S Rank:S", "--global-column", "G Rank"),
        *("--national-column", "N Rank", "--subnational-column", "S Rank", "--rounded", "S Rank=Rounded S"),
    ],
    "check_all_jsonl": [
        *("check", "heritage.csv", "-c", "G Rank", "-c", "S Rank:S", "--global-column", "G Rank"),
        *("--national-column", "N Rank", "--subnational-column", "S Rank", "--rounded", "S Rank=Rounded S"),
        *("--format", "jsonl"),
    ],
    "check_lenient_fr_long": ["check", "heritage.csv", "-c", "S Rank", "--lenient", "--style", "long", "--lang", "fr"],
    "check_plants": ["check", "heritage.csv", "-c", "S Rank", "--style", "plants"],
    "check_tsv": ["check", "heritage_crlf.tsv", "-c", "S Rank", "-c", "N Rank:N"],
    "distribution": ["distribution", "heritage.csv", "-c", "Distribution"],
    "distribution_levels_lenient_jsonl": [
        *("distribution", "heritage.csv", "-c", "Distribution", "--global-column", "G Rank"),
        *("--lenient", "--format", "jsonl"),
    ],
    "distribution_levels_es": [
        *("distribution", "heritage.csv", "-c", "Distribution", "--global-column", "G Rank", "--lang", "es"),
    ],
    "distribution_tsv": ["distribution", "heritage_crlf.tsv", "-c", "Distribution", "--lenient"],
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_output_is_unchanged_byte_for_byte(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("heritage.csv", "heritage_crlf.tsv"):
        shutil.copy(GOLDEN / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    status = main([*CASES[case], "-o", "out"])
    assert "Traceback" not in capsys.readouterr().err
    assert status == 1  # every fixture holds invalid rows
    assert (tmp_path / "out").read_bytes() == (GOLDEN / f"{case}.out").read_bytes()
