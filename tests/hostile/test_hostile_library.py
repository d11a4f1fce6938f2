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
    ("module", "blocked", "said"),
    [
        (
            "srank.pandas",
            "pandas numpy",
            "srank.pandas needs pandas, which is not installed: pip install 'pandas>=2.1', "
            "or pip install '.[pandas]' inside srank's clone",
        ),
        (
            "srank.pandas",
            "pandas",
            "srank.pandas needs pandas, which is not installed: pip install 'pandas>=2.1', "
            "or pip install '.[pandas]' inside srank's clone",
        ),
        (
            "srank.pandas",
            "numpy",
            "srank.pandas needs pandas; numpy, which pandas needs, is not installed: pip install 'pandas>=2.1', "
            "or pip install '.[pandas]' inside srank's clone",
        ),
        (
            "srank.polars",
            "polars numpy",
            "srank.polars needs polars and numpy, which are not installed: pip install 'polars>=1.0' 'numpy>=1.22', "
            "or pip install '.[polars]' inside srank's clone",
        ),
        (
            "srank.polars",
            "polars",
            "srank.polars needs polars and numpy; polars is not installed: pip install 'polars>=1.0', "
            "or pip install '.[polars]' inside srank's clone",
        ),
        (
            "srank.polars",
            "numpy",
            "srank.polars needs polars and numpy; numpy is not installed: pip install 'numpy>=1.22', "
            "or pip install '.[polars]' inside srank's clone",
        ),
        (
            "srank.pandera",
            "pandera pandas numpy",
            "srank.pandera needs pandera and pandas, which are not installed: "
            "pip install 'pandera>=0.24' 'pandas>=2.1', "
            "or pip install '.[pandera]' inside srank's clone",
        ),
        (
            "srank.pandera",
            "pandera",
            "srank.pandera needs pandera and pandas; pandera is not installed: pip install 'pandera>=0.24', "
            "or pip install '.[pandera]' inside srank's clone",
        ),
        (
            "srank.pandera",
            "numpy",
            "srank.pandera needs pandera and pandas; numpy, which one of them needs, is not installed: "
            "pip install 'pandera>=0.24' 'pandas>=2.1', "
            "or pip install '.[pandera]' inside srank's clone",
        ),
        (
            "srank.strategies",
            "hypothesis",
            "srank.strategies needs hypothesis, which is not installed: pip install 'hypothesis>=6.100', "
            "or pip install '.[hypothesis]' inside srank's clone",
        ),
    ],
)
def test_a_missing_library_is_named_with_all_that_is_missing_and_the_extra_only_from_a_clone(
    module: str, blocked: str, said: str
) -> None:
    # srank is on no package index: a hint to install srank[...] would fetch whatever holds that name there.
    # The first message names the library the module is for, and everything missing, so one install is enough.
    code = f"import sys; sys.modules.update(dict.fromkeys({blocked.split()!r})); import {module}"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"ImportError: {said}"
    assert "srank[" not in result.stderr


def test_a_library_that_is_installed_but_fails_to_import_is_named_with_its_own_error(tmp_path: Path) -> None:
    (tmp_path / "polars").mkdir()
    (tmp_path / "polars" / "__init__.py").write_text('raise ImportError("polars was built for another CPU")\n')
    code = f"import sys; sys.path.insert(0, {str(tmp_path)!r}); import srank.polars"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "ImportError: srank.polars needs polars and numpy, installed here but failing to import: "
        "polars was built for another CPU"
    )


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
