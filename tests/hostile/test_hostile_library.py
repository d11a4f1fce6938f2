"""Library inputs found by fuzzing (issue 28, item 10): each once broke a promise of docs/reliability.md."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import pytest

import srank

TOOLS = Path(__file__).resolve().parents[2] / "tools"


def test_a_lenient_reading_that_would_outgrow_the_length_limit_is_too_long() -> None:
    # SR reads as SNR: 60 parts were 179 characters as written and 239 as read, which strict parse refuses.
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse(",".join(["SR"] * 60), lenient=True)
    assert caught.value.code == "too-long"
    assert caught.value.message == "The text reads as a code 239 characters long; no rank code is longer than 200"


def test_a_lenient_reading_within_the_limit_reads_back_strictly() -> None:
    value = srank.parse(",".join(["SR"] * 50), lenient=True)
    assert len(str(value)) == 199
    assert srank.parse(str(value)) == value


def test_a_nation_written_twice_keeps_both_of_its_own_ranks() -> None:
    dist = srank.parse_distribution("Canada (G5): AB (S1)\nCanada (N4): BC (S2)")
    assert str(dist) == "Canada (G5): AB (S1)\nCanada (N4): BC (S2)"
    assert dist.to_api() == [
        {"nationCode": "CA", "roundedNRank": "G5", "subnations": [{"subnationCode": "AB", "roundedSRank": "S1"}]},
        {"nationCode": "CA", "roundedNRank": "N4", "subnations": [{"subnationCode": "BC", "roundedSRank": "S2"}]},
    ]
    assert srank.parse_distribution(str(dist)).records == dist.records


def test_places_of_one_nation_on_separate_lines_still_make_one_line() -> None:
    dist = srank.parse_distribution("US(N5), CA(N4)")
    assert str(dist) == "US(N5), CA(N4)"
    explorer = srank.Distribution((*srank.parse_distribution("Canada (N4): AB (S1)").records,), "explorer")
    assert str(explorer) == "Canada (N4): AB (S1)"


@pytest.mark.parametrize(
    "text",
    ["Canada (N9)", "US(N9)", "Canada (N5): AB (S9)", "US(Q)", "Canada (N5): ZZZ", "Narnia (N5)", "US(N5)x"],
)
def test_distribution_errors_keep_no_context(text: str) -> None:
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse_distribution(text)
    assert caught.value.__context__ is None


def test_api_errors_keep_no_context() -> None:
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.Distribution.from_api([{"nationCode": "US", "roundedNRank": "N9"}])
    assert caught.value.__context__ is None


SLOW_STRAY_QUOTES = base64.b64decode(  # found by atheris: srank check on 512 copies took 17 s (the limit is 10)
    "Xf9dAiIsLCJdCgpuNCIsLCJdCgsAAAAAABoTGxsbGxsbGxtuNCIsAiIsLCJdCgsAAAAAAAAAYgpuNCIsLCJdCgsAAAAAAAAAGxsbGxtOGxsb"
    "GxsbGxsbGxsbGxsbGxsbGzMiLCwiXQoLAAAAAAAAAGIKbjQsZXh0aXJwGxsbGxsbNE4bGxsbGxsbAiIsLCJdCgsAAAAAAAAAYgpuNCIsLCJd"
    "CgssADQAAAAAADo="
)


@pytest.mark.parametrize(
    "data", [b"\x02Narnia (G1)", b"\x02 Narnia (G1): XX (S1)", b"\x02\x0bCanada (N5)", SLOW_STRAY_QUOTES]
)
def test_the_fuzz_target_holds_on_inputs_it_once_failed(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(TOOLS))
    import fuzz

    fuzz.one_input(data)  # raises AssertionError when a property fails


@pytest.mark.parametrize(
    ("module", "missing", "said"),
    [
        ("srank.pandas", "pandas", "srank.pandas needs pandas: pip install 'pandas>=2.1'"),
        ("srank.pandas", "numpy", "srank.pandas needs numpy: pip install 'numpy'"),
        ("srank.polars", "polars", "srank.polars needs polars: pip install 'polars>=1.0'"),
        ("srank.polars", "numpy", "srank.polars needs numpy: pip install 'numpy>=1.22'"),
        ("srank.strategies", "hypothesis", "srank.strategies needs hypothesis: pip install 'hypothesis>=6.100'"),
    ],
)
def test_a_missing_library_is_named_and_no_srank_extra_is(module: str, missing: str, said: str) -> None:
    # srank is on no package index: a hint to install srank[...] would fetch whatever holds that name there.
    code = f"import sys; sys.modules[{missing!r}] = None; import {module}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    last = result.stderr.splitlines()[-1]
    assert last == f"ImportError: {said} (import of {missing} halted; None in sys.modules)"
    assert "srank[" not in result.stderr


def test_the_parse_cache_keeps_only_short_texts() -> None:
    # 16,384 distinct codes of 45 parts, each with its 42 findings, held about 200 MB in the cache.
    from srank._parse import _parse_cached

    long_code = ",".join(["S1B", "S2N", "S3M"] * 15)
    _parse_cached.cache_clear()
    value = srank.parse(long_code)
    assert len(value.findings) == 42
    assert srank.parse(long_code) == value
    assert _parse_cached.cache_info().currsize == 0
    srank.parse("S2B,S4N")
    assert _parse_cached.cache_info().currsize == 1
