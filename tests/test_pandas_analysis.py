"""srank.pandas for analysis: predicates, level, bounds, sort key and the grouped most/least imperiled."""

from __future__ import annotations

from typing import Any

import pytest

import srank
from srank import InvalidRankError

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")
pytest.importorskip("pyarrow")
srank_pandas = pytest.importorskip("srank.pandas")

CODES: list[object] = [
    "G5T2", "S1", None, float("nan"), pd.NA, "", "G3G2", "SX", "S2B,S4N", "GH", "SNR", "G1G3", "G2?", "G5T2",
]  # fmt: skip
DTYPES = [object, "string", "category", "string[pyarrow]"]
NA = pd.NA


def _column(dtype: object) -> Any:
    return pd.Series(CODES, dtype=dtype, name="rank", index=[f"r{at}" for at in range(len(CODES))])


def _plain(values: Any) -> list[object]:
    return [None if value is NA or (isinstance(value, float) and np.isnan(value)) else value for value in values]


@pytest.mark.parametrize("dtype", DTYPES)
def test_predicates_are_nullable_booleans(dtype: object) -> None:
    column = _column(dtype)
    missing = [None] * 5
    imperiled = column.srank.is_imperiled()
    assert str(imperiled.dtype) == "boolean"
    assert imperiled.index.equals(column.index)
    assert imperiled.name == "rank"
    assert _plain(imperiled) == [True, True, *missing, False, True, False, False, True, True, True]
    assert _plain(column.srank.is_imperiled(threshold=1)) == [
        False, True, *missing, False, False, False, False, False, False, False,
    ]  # fmt: skip
    assert _plain(column.srank.is_extinct()) == [False, False, *missing, True, False, False, False, False, False, False]
    assert _plain(column.srank.is_possibly_extinct()) == [
        False, False, *missing, False, False, True, False, False, False, False,
    ]  # fmt: skip
    assert _plain(column.srank.is_ranked()) == [True, True, *missing, True, True, True, False, True, True, True]


@pytest.mark.parametrize("dtype", DTYPES)
def test_level_is_a_categorical_of_the_four_letters(dtype: object) -> None:
    level = _column(dtype).srank.level()
    assert isinstance(level.dtype, pd.CategoricalDtype)
    assert list(level.cat.categories) == ["G", "N", "S", "T"]
    assert not level.cat.ordered
    assert _plain(level) == ["G", "S", None, None, None, None, None, "S", "S", "G", "S", "G", "G", "G"]


@pytest.mark.parametrize("dtype", DTYPES)
def test_bounds_are_two_nullable_integer_columns(dtype: object) -> None:
    column = _column(dtype)
    bounds = column.srank.bounds()
    assert list(bounds.columns) == ["low", "high"]
    assert [str(dtype) for dtype in bounds.dtypes] == ["Int64", "Int64"]
    assert bounds.index.equals(column.index)
    missing = [None] * 5
    assert _plain(bounds["low"]) == [2, 1, *missing, None, 2, None, None, 1, 2, 2]
    assert _plain(bounds["high"]) == [2, 1, *missing, None, 4, None, None, 3, 2, 2]


@pytest.mark.parametrize("dtype", DTYPES)
def test_sort_key_orders_every_rank_and_rounded_ties(dtype: object) -> None:
    column = _column(dtype)
    key = column.srank.sort_key()
    assert key.cat.ordered
    assert list(key.cat.categories) == ["SX", "GH", "S1", "G1G3", "G5T2", "S2B,S4N", "G2?", "SNR"]
    assert list(column.srank.rounded().cat.categories) == ["SX", "GH", "S1", "G2", "S2B,S4N", "T2", "SNR"]
    ordered = column.sort_values(key=lambda values: values.srank.sort_key())
    assert _plain(ordered)[:9] == ["SX", "GH", "S1", "G1G3", "G5T2", "G5T2", "S2B,S4N", "G2?", "SNR"]
    assert key.min() == "SX"
    assert key.max() == "SNR"


@pytest.mark.parametrize("dtype", DTYPES)
def test_the_older_methods_on_every_column_kind(dtype: object) -> None:
    column = _column(dtype)
    assert _plain(column.srank.valid()) == [
        True,
        True,
        None,
        None,
        None,
        None,
        False,
        True,
        True,
        True,
        True,
        True,
        True,
        True,
    ]
    assert _plain(column.srank.canonical()) == [
        "G5T2", "S1", None, None, None, None, None, "SX", "S2B,S4N", "GH", "SNR", "G1G3", "G2?", "G5T2",
    ]  # fmt: skip
    assert _plain(column.srank.rounded()) == [
        "T2", "S1", None, None, None, None, None, "SX", "S2B,S4N", "GH", "SNR", "G2", "G2", "T2",
    ]  # fmt: skip
    assert column.srank.message()["r6"].startswith("error[range-reversed]: ")


def test_empty_series_give_empty_typed_results() -> None:
    empty = pd.Series([], dtype=object)
    assert str(empty.srank.is_imperiled().dtype) == "boolean"
    assert len(empty.srank.level()) == 0
    assert list(empty.srank.level().cat.categories) == ["G", "N", "S", "T"]
    bounds = empty.srank.bounds()
    assert (len(bounds), list(bounds.columns)) == (0, ["low", "high"])
    assert len(empty.srank.sort_key()) == 0


def test_threshold_is_checked_before_any_cell() -> None:
    empty = pd.Series([], dtype=object)
    with pytest.raises(ValueError, match="threshold must be from 1 to 5, not 6"):
        empty.srank.is_imperiled(6)
    with pytest.raises(TypeError, match="threshold must be an int from 1 to 5, not str"):
        pd.Series(["G1"]).srank.is_imperiled("3")


def test_new_methods_decode_unique_values_only(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = srank_pandas.parse_many

    def recording(values: list[object], *, lenient: bool = False) -> list[object]:
        seen.append(len(values))
        return real(values, lenient=lenient)  # type: ignore[no-any-return]

    monkeypatch.setattr(srank_pandas, "parse_many", recording)
    big = pd.Series(["G5", "S1", None, "G3G2", "G5T2", np.nan] * 2000)
    big.srank.is_imperiled()
    big.srank.level()
    big.srank.bounds()
    big.srank.sort_key()
    assert seen == [4, 4, 4, 4]


SPECIES = pd.DataFrame(
    {
        "species": ["Lynx canadensis"] * 4 + ["Salix nigra"] * 3 + ["Poa annua"] * 2 + ["Carex lasiocarpa"] * 2,
        "state": ["VT", "NH", "ME", "MA", "VT", "NH", "ME", "VT", "NH", "VT", "ME"],
        "rank": ["S3", "S2B,S4N", "SNR", "S1S2", "SU", "S5", "G3G2", "SNR", None, "S9", float("nan")],
    }
)


def _codes(chosen: Any) -> dict[str, str | None]:
    return {key: None if rank is None else str(rank) for key, rank in chosen.items()}


def test_most_imperiled_per_group_skips_bad_and_missing_cells() -> None:
    chosen = srank_pandas.most_imperiled(SPECIES.groupby("species")["rank"], errors="skip")
    assert chosen.dtype == object
    assert chosen.index.name == "species"
    assert isinstance(chosen["Lynx canadensis"], srank.Rank)
    assert _codes(chosen) == {
        "Carex lasiocarpa": None,  # S9 cannot be read, the other cell is missing
        "Lynx canadensis": "S1S2",
        "Poa annua": "SNR",  # nothing ranked: NR is all there is
        "Salix nigra": "S5",  # SU is not ranked, G3G2 cannot be read
    }
    assert chosen.isna().tolist() == [True, False, False, False]


def test_least_imperiled_per_group() -> None:
    chosen = srank_pandas.least_imperiled(SPECIES.groupby("species")["rank"], errors="skip")
    assert _codes(chosen) == {
        "Carex lasiocarpa": None,
        "Lynx canadensis": "S3",  # S2B,S4N counts by its most imperiled part
        "Poa annua": "SNR",
        "Salix nigra": "S5",
    }


def test_grouped_by_several_keys() -> None:
    chosen = srank_pandas.most_imperiled(SPECIES.groupby(["species", "state"])["rank"], errors="skip")
    assert str(chosen[("Lynx canadensis", "NH")]) == "S2B,S4N"
    assert chosen[("Salix nigra", "ME")] is None


def test_errors_raise_names_the_cell_and_the_group() -> None:
    with pytest.raises(InvalidRankError) as caught:
        srank_pandas.most_imperiled(SPECIES.groupby("species")["rank"], errors="raise")
    error = caught.value
    assert error.message == (
        "index label 9 (group 'Carex lasiocarpa'): Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9'"
    )
    assert (error.text, error.span, error.code) == ("S9", (1, 2), "syntax")
    assert error.hint is not None
    assert error.hint.endswith("; or pass errors='skip' to leave unreadable cells out")


def test_a_plain_series_gives_one_rank() -> None:
    assert str(srank_pandas.most_imperiled(SPECIES["rank"], errors="skip")) == "S1S2"
    assert str(SPECIES["rank"].srank.least_imperiled(errors="skip")) == "S5"
    assert srank_pandas.most_imperiled(pd.Series([None, "G3G2"], dtype=object), errors="skip") is None
    with pytest.raises(InvalidRankError, match=r"^index label 1: Range 3-2 is reversed"):
        pd.Series([None, "G3G2"], dtype=object).srank.most_imperiled(errors="raise")
    assert str(srank_pandas.most_imperiled(pd.Series(["s2", "S4"]), lenient=True)) == "S2"


def test_grouped_input_is_checked() -> None:
    with pytest.raises(ValueError, match="errors must be 'skip' or 'raise', not 'ignore'"):
        srank_pandas.most_imperiled(SPECIES["rank"], errors="ignore")
    with pytest.raises(TypeError, match="takes a pandas Series or a SeriesGroupBy"):
        srank_pandas.least_imperiled(SPECIES)


def test_a_wrong_label_style_fails_even_on_an_empty_column() -> None:
    with pytest.raises(ValueError, match="style"):
        pd.Series([], dtype=object).srank.label(style="poster")


def test_an_arrow_dtype_column() -> None:
    pa = pytest.importorskip("pyarrow")
    column = pd.Series(["G5T2", "S1", None, "", "G3G2"], dtype=pd.ArrowDtype(pa.string()))
    assert _plain(column.srank.valid()) == [True, True, None, None, False]
    assert _plain(column.srank.is_imperiled()) == [True, True, None, None, None]
    assert _plain(column.srank.level()) == ["G", "S", None, None, None]
    assert _plain(column.srank.sort_key()) == ["G5T2", "S1", None, None, None]
    assert _plain(column.srank.bounds()["high"]) == [2, 1, None, None, None]


def test_grouped_choice_decodes_each_distinct_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    batch = pytest.importorskip("srank._batch")
    seen: list[object] = []
    real = batch._decode

    def recording(value: object, lenient: bool) -> object:
        seen.append(value)
        return real(value, lenient)

    monkeypatch.setattr(batch, "_decode", recording)
    frame = pd.DataFrame(
        {"species": ["a", "b", "c", "a", "b", "c"] * 20, "rank": ["S1", "S9", "S3", "S9", "S1", None] * 20}
    )
    chosen = srank_pandas.most_imperiled(frame.groupby("species")["rank"], errors="skip")
    assert _codes(chosen) == {"a": "S1", "b": "S1", "c": "S3"}
    # Each text once, whichever groups hold it; missing cells (NaN here) are recognised on sight, not remembered.
    assert sorted(value for value in seen if isinstance(value, str)) == ["S1", "S3", "S9"]


def test_an_unreadable_cell_raises_by_default_as_in_srank_most_imperiled() -> None:
    # A trial's lower-case s1 was left out in silence, and the group came out S3; now it is named.
    frame = pd.DataFrame({"k": [1, 1, 2], "r": ["S3", "s1", None]})
    for choose in (srank_pandas.most_imperiled, srank_pandas.least_imperiled):
        with pytest.raises(InvalidRankError, match=r"^index label 1 \(group 1\): Expected a level letter"):
            choose(frame.groupby("k")["r"])
    with pytest.raises(InvalidRankError, match=r"^index label 1 of 'r': "):  # loc[1] finds it; polars counts from 1
        frame["r"].srank.most_imperiled()
    assert [str(rank) for rank in srank_pandas.most_imperiled(frame.groupby("k")["r"], lenient=True)] == ["S1", "None"]
