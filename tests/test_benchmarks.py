"""The benchmark script runs: its options parse, and an unknown group is named (no timing here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[1] / "benchmarks" / "bench.py"


def test_the_benchmark_names_its_groups() -> None:
    done = subprocess.run([sys.executable, BENCH, "--only", "nothing"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "no group nothing; the groups are startup, parse, bulk, import, check" in done.stderr
