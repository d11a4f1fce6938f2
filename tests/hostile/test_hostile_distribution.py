"""``srank distribution`` on one cell listing thousands of places (issue 28, items 5 and 8).

Both are fixed in the table skeleton: a row's many output rows go out as they
pile up, and the cross-level findings of a cell are grouped by place once.
"""

from __future__ import annotations

import itertools
import resource
import string
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run
from srank._distribution import PlaceRank

CODES = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)]
PEAK = """
import sys
from srank.cli import main
status = main(sys.argv[1:])
peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(status, peak[0] if peak else __import__("resource").getrusage(0).ru_maxrss, file=sys.stderr)
"""


def one_cell(places: int, nation: str = "N5", rank: str = "S1") -> str:
    return f"United States ({nation}): " + ", ".join(f"{CODES[at % len(CODES)]} ({rank})" for at in range(places))


def _at_most_two_gib() -> None:  # so that the code before the fix fails with MemoryError, not the machine
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def test_one_cell_of_20000_places_stays_within_the_memory_bound(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f'id,d\n1,"{one_cell(20_000)}"\n2,US(N4)\n')  # 200 KB; 20,000 records of 200 KB each out
    result = subprocess.run(
        [sys.executable, "-c", PEAK, "distribution", str(source), "-c", "d", "-o", "/dev/null"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        preexec_fn=_at_most_two_gib,
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    status, peak_kib = result.stderr.splitlines()[-1].split()
    assert status == "0"  # unknown two-letter codes are warnings
    assert int(peak_kib) < 150 * 1024


def test_the_global_column_costs_linear_work_in_the_places_of_a_cell(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    labels = 0
    label = PlaceRank.label

    def counted(record: PlaceRank) -> str:
        nonlocal labels
        labels += 1
        return label.fget(record)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setattr(PlaceRank, "label", property(counted))
    source = tmp_path / "in.csv"
    source.write_text(f'g,d\nG1,"{one_cell(500, "N1", "S5")}"\n')  # every S5 under N1 and G1 is a finding
    status, out, _ = srank_cli("distribution", source, "-c", "d", "--global-column", "g")
    assert status == 1
    assert len(out.splitlines()) == 502
    assert labels <= 6 * 500  # 1,004,000 before: each place's label once for every finding of the cell
