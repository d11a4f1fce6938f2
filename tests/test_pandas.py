"""srank.pandas: the .srank accessor, unique-value decoding and the imperilment-ordered categorical."""

from __future__ import annotations

import math
import subprocess
import sys
from typing import Any

import pytest

import srank
from srank import InvalidRankError

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")
srank_pandas = pytest.importorskip("srank.pandas")

CODES = ["G5", "S1", None, float("nan"), "", "G3G2", "s2b", "G2G3", "GX", "S2B,S4N", "G5", "G1G2", "SNR"]


@pytest.fixture
def series() -> Any:
    return pd.Series(CODES, name="rank", index=[f"row{at}" for at in range(len(CODES))], dtype=object)


def _rank_or_none(code: object, lenient: bool = False) -> srank.Rank | srank.MultiSeasonRank | None:
    if not isinstance(code, str) or not code.strip():
        return None
    try:
        return srank.parse(code, lenient=lenient)
    except InvalidRankError:
        return None


def test_import_srank_never_imports_pandas_or_the_interfaces() -> None:
    heavy = ("pandas", "numpy", "csv", "json", "argparse", "srank._cli", "srank.pandas")
    code = f"import sys, srank; srank.parse_many(['G5']); print(sorted(set({heavy!r}) & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_valid_is_nullable_boolean(series: Any) -> None:
    result = series.srank.valid()
    assert str(result.dtype) == "boolean"
    assert result.index.equals(series.index)
    assert result.name == "rank"
    expected = [None if _missing(code) else _rank_or_none(code) is not None for code in CODES]
    assert [None if value is pd.NA else bool(value) for value in result] == expected


def _missing(code: object) -> bool:
    return code is None or (isinstance(code, float) and math.isnan(code)) or code == ""


def test_canonical_label_and_message(series: Any) -> None:
    canonical = series.srank.canonical(lenient=True)
    label = series.srank.label(lenient=True)
    message = series.srank.message()
    for code, got_canonical, got_label, got_message in zip(CODES, canonical, label, message, strict=True):
        rank = _rank_or_none(code, lenient=True)
        assert (got_canonical is pd.NA) == (rank is None)
        if rank is not None:
            assert got_canonical == str(rank)
            assert got_label == srank.describe(rank, style="short")
        if code == "G3G2":
            assert got_message.startswith("error[range-reversed]: Range 3-2 is reversed; hint: ")
    assert srank_pandas.canonical(series).tolist() == canonical.where(series != "s2b").tolist()


def test_warnings_and_parse(series: Any) -> None:
    warnings = series.srank.findings(lenient=True)
    assert [finding.code for finding in warnings["row6"]] == ["normalised-case"]
    assert warnings["row0"] == ()
    parsed = series.srank.parse()
    assert parsed["row0"] == srank.parse("G5")
    assert parsed["row2"] is None
    assert parsed["row3"] is None
    assert isinstance(parsed["row5"], InvalidRankError)


def test_pandas_missing_values() -> None:
    values = pd.Series(["G5", pd.NA, None, np.nan, "  "], dtype=object)
    assert values.srank.valid().isna().tolist() == [False, True, True, True, True]
    strings = pd.Series(["G5", None], dtype="string")
    assert strings.srank.canonical().tolist() == ["G5", pd.NA]


def test_rounded_is_an_ordered_categorical_in_imperilment_order(series: Any) -> None:
    rounded = series.srank.rounded()
    assert isinstance(rounded.dtype, pd.CategoricalDtype)
    assert rounded.cat.ordered
    ranks = {_rank_or_none(code) for code in CODES} - {None}
    expected_order = sorted({rank.rounded() for rank in ranks if rank is not None}, key=lambda rank: rank.sort_key())
    assert list(rounded.cat.categories) == [str(rank) for rank in expected_order]
    for code, value in zip(CODES, rounded, strict=True):
        rank = _rank_or_none(code)
        assert (value is np.nan or pd.isna(value)) == (rank is None)
        if rank is not None:
            assert value == str(rank.rounded())


def test_sort_values_follows_imperilment(series: Any) -> None:
    ordered = series.sort_values(key=lambda column: column.srank.rounded())
    keys = [srank.parse(code).rounded().sort_key() for code in ordered if _rank_or_none(code) is not None]
    assert keys == sorted(keys)
    assert len(ordered) == len(series)


def test_only_unique_values_are_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[object]] = []
    real = srank_pandas.parse_many

    def recording(values: list[object], *, lenient: bool = False) -> list[object]:
        seen.append(list(values))
        return real(values, lenient=lenient)  # type: ignore[no-any-return]

    monkeypatch.setattr(srank_pandas, "parse_many", recording)
    big = pd.Series(["G5", "S1", None, "G3G2", "G5", np.nan] * 5000)
    assert big.srank.valid().sum() == 15000  # G5 twice and S1 once in every six
    assert len(seen) == 1
    assert sorted(map(str, seen[0])) == ["G3G2", "G5", "S1"]


def test_parse_many_reads_pandas_and_numpy_missing_values_as_missing() -> None:
    assert srank.parse_many([pd.NA, np.nan, np.float32("nan"), pd.NaT]) == [None] * 4
    (error,) = srank.parse_many([np.array([1, 2])])
    assert isinstance(error, InvalidRankError)


def test_empty_series() -> None:
    empty = pd.Series([], dtype=object)
    assert len(empty.srank.rounded()) == 0
    assert len(empty.srank.valid()) == 0


def test_unhashable_cells_are_errors_not_crashes() -> None:
    odd = pd.Series([["G5"], "G5"], dtype=object)
    assert odd.srank.valid().tolist() == [False, True]


def test_valid_in_a_column_of_one_level() -> None:
    cells = pd.Series(["G5", "T2", "G5T2", "S2B,S4N", "N3", "G5Q", None], index=list("abcdefg"), dtype=object)
    assert cells.srank.valid(level="G").tolist() == [True, True, True, False, False, False, pd.NA]
    assert srank_pandas.valid(cells, level=srank.Level.SUBNATIONAL).tolist() == [
        False,
        False,
        False,
        True,
        False,
        False,
        pd.NA,
    ]
    with pytest.raises(ValueError, match=r"srank.pandas.valid\(\) takes a level letter G, N, S or T"):
        cells.srank.valid(level="Z")


def test_a_column_of_parsed_ranks_reads_as_its_codes() -> None:
    # What .srank.parse() gives can be given back: the docstrings say "text, rank objects or missing values".
    parsed = pd.Series(["S1", "G3G4", None]).srank.parse()
    assert parsed.srank.valid().tolist() == [True, True, pd.NA]
    assert parsed.srank.rounded().tolist()[:2] == ["S1", "G3"]
    assert parsed.srank.message().isna().tolist() == [True, True, True]  # no problem to name
    assert repr(srank.pandas.most_imperiled(parsed)) == "<Rank 'S1'>"
    assert srank.parse_many([srank.parse("G5"), "S2"]) == [srank.parse("G5"), srank.parse("S2")]


def test_a_value_that_is_not_a_series_is_refused_by_srank_not_by_pandas() -> None:
    for given in (["S1"], pd.DataFrame({"rank": ["S1"]})):
        for function in (srank.pandas.valid, srank.pandas.rounded, srank.pandas.label, srank.pandas.is_imperiled):
            with pytest.raises(TypeError, match=r"^srank.pandas takes a pandas Series of codes \(a column"):
                function(given)
