"""compare() on two aligned columns and the status index per group, in pandas and polars."""

from __future__ import annotations

import math
from typing import Any

import pytest

import srank

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")
srank_pandas = pytest.importorskip("srank.pandas")
srank_polars = pytest.importorskip("srank.polars")

OLD = ["G3", "S2B,S4N", "SH", None, "G1G4", "SNR", "s2", "G3", "G5T3", "", "S2B,S2B", "S2B,S3B"]
NEW = ["G2", "S2B", "SX", "S3", "G2", "SNR", "S2", "G2", "G3", None, "S2B", "S3B"]
EXPECTED = [
    # kind, rounded_changed, old, new, old_rounded, new_rounded, message
    ("uplisted", True, "G3", "G2", "G3", "G2", "G3 → G2, uplisted (more imperiled)"),
    ("removed", True, "S2B,S4N", "S2B", "S2B,S4N", "S2B", "Nonbreeding: S4N removed"),
    ("uplisted", True, "SH", "SX", "SH", "SX", "SH → SX, uplisted (more imperiled)"),
    ("added", True, None, "S3", None, "S3", "S3 added"),
    (
        None,
        None,
        None,
        "G2",
        None,
        "G2",
        "The old code cannot be read: error[range-too-wide]: Range 1-4 is too wide: a range may skip at most one rank;"
        " hint: NatureServe writes U (unrankable) when the rank is this uncertain, as in GU",
    ),
    ("same", False, "SNR", "SNR", "SNR", "SNR", "SNR unchanged"),
    ("notation", False, "S2", "S2", "S2", "S2", "s2 → S2, the same rank written differently"),
    ("uplisted", True, "G3", "G2", "G3", "G2", "G3 → G2, uplisted (more imperiled)"),
    ("level", True, "G5T3", "G3", "T3", "G3", "G5T3 → G3, level changed (Infraspecific to Global); not compared"),
    ("same", False, None, None, None, None, "No rank before or now"),
    ("notation", False, "S2B,S2B", "S2B", "S2B,S2B", "S2B", "S2B,S2B → S2B, the same rank written differently"),
    ("removed", True, "S2B,S3B", "S3B", "S2B,S3B", "S3B", "Breeding: S2B removed"),
]


def _plain(value: Any) -> Any:
    return None if value is pd.NA or value is None or (isinstance(value, float) and math.isnan(value)) else value


# -- pandas ------------------------------------------------------------------------------


def test_pandas_compare_gives_one_row_per_row() -> None:
    index = [f"taxon{at}" for at in range(len(OLD))]
    old, new = pd.Series(OLD, index=index, dtype=object), pd.Series(NEW, index=index, dtype=object)
    frame = srank_pandas.compare(old, new, lenient=True)
    assert list(frame.columns) == list(srank_pandas.CHANGE_COLUMNS)
    assert frame.index.equals(old.index)
    assert [tuple(_plain(value) for value in row) for row in frame.itertuples(index=False)] == EXPECTED
    assert str(frame["kind"].dtype) == "category"
    assert list(frame["kind"].cat.categories) == srank_pandas.KINDS
    assert str(frame["rounded_changed"].dtype) == "boolean"
    assert str(frame["message"].dtype) == "string"
    assert frame.equals(old.srank.compare(new, lenient=True))


def test_pandas_compare_reads_strictly_by_default_and_speaks_other_languages() -> None:
    frame = srank_pandas.compare(pd.Series(["s2", "G3"]), pd.Series(["S2", "G2"]), lang="fr")
    assert _plain(frame["kind"][0]) is None
    assert frame["message"][0] == (
        "L'ancien code ne peut pas être lu\N{NO-BREAK SPACE}: erreur[syntax]\N{NO-BREAK SPACE}:"
        " Attendu\N{NO-BREAK SPACE}: une lettre de niveau"
        " (G, N, S ou T)\N{NARROW NO-BREAK SPACE}; trouvé\N{NO-BREAK SPACE}: «\N{NO-BREAK SPACE}s\N{NO-BREAK SPACE}»"
        "\N{NARROW NO-BREAK SPACE}; conseil\N{NO-BREAK SPACE}: la lecture tolérante lit ceci comme"
        " «\N{NO-BREAK SPACE}S2\N{NO-BREAK SPACE}» (lenient=True)"
    )
    assert frame["message"][1] == "G3 → G2, plus en péril"


def test_pandas_compare_needs_aligned_series() -> None:
    # Two exports read with read_csv have indexes 0..n: aligning them would pair rows, not taxa.
    with pytest.raises(ValueError, match="must have the same index; for two exports, merge them on their key column"):
        srank_pandas.compare(pd.Series(["G3"], index=[1]), pd.Series(["G2"], index=[2]))
    with pytest.raises(TypeError, match="takes two pandas Series; new is list"):
        srank_pandas.compare(pd.Series(["G3"]), ["G2"])
    with pytest.raises(ValueError, match="Unknown lang 'de'"):
        srank_pandas.compare(pd.Series(["G3"]), pd.Series(["G2"]), lang="de")


def test_pandas_compare_of_empty_series() -> None:
    frame = srank_pandas.compare(pd.Series([], dtype=object), pd.Series([], dtype=object))
    assert frame.shape == (0, len(srank_pandas.CHANGE_COLUMNS))


RANKS = pd.DataFrame(
    {
        "group": ["birds", "birds", "birds", "birds", "plants", "plants", "plants", "mosses"],
        "year": [2020, 2020, 2021, 2021, 2020, 2021, 2021, 2021],
        "rank": ["S2", "S4", "S1", "SH", "S5", "S3S5", "SNR", "SU"],
    }
)


def test_pandas_status_index_per_group() -> None:
    frame = srank_pandas.status_index(RANKS.groupby(["group", "year"])["rank"])
    assert list(frame.columns) == ["value", "counted", "left_out"]
    rows = {key: tuple(map(_plain, row)) for key, row in zip(frame.index, frame.itertuples(index=False), strict=True)}
    assert rows == {
        ("birds", 2020): (pytest.approx(0.6), 2, 0),
        ("birds", 2021): (pytest.approx(0.15), 2, 0),  # S1 and SH (0.5)
        ("mosses", 2021): (None, 0, 1),
        ("plants", 2020): (1.0, 1, 0),
        ("plants", 2021): (0.8, 1, 1),  # S3S5 is {3, 4, 5}, median 4
    }
    assert [str(dtype) for dtype in frame.dtypes] == ["Float64", "Int64", "Int64"]


def test_pandas_status_index_options_and_errors() -> None:
    by_year = RANKS.groupby("year")["rank"]
    low = srank_pandas.status_index(by_year, uncertain="min")
    assert low.loc[2021, "value"] == pytest.approx((1 + 0 + 3) / 15)
    bad = pd.Series(["S2", "G1G4"], index=["a", "b"]).groupby(["x", "y"])
    with pytest.raises(srank.InvalidRankError) as caught:
        srank_pandas.status_index(bad)
    assert caught.value.message == (
        "index label 'b' (group 'y'): Range 1-4 is too wide: a range may skip at most one rank"
    )
    # A Series names the first row of the code, by its label, as most_imperiled does.
    with pytest.raises(srank.InvalidRankError) as caught:
        srank_pandas.status_index(pd.Series(["S2", "bogus", "S3", "bogus"], index=[10, 20, 30, 40]))
    assert caught.value.message == "index label 20: Expected a level letter (G, N, S or T), found 'b'"
    for dtype in ("string", "object"):  # a missing value before it (pandas.NA refuses comparison) is passed over
        with pytest.raises(srank.InvalidRankError) as caught:
            srank_pandas.status_index(pd.Series(["S3", None, "S9"], dtype=dtype))
        assert (
            caught.value.message == "index label 2: Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9'"
        )
    skipped = srank_pandas.status_index(bad, errors="skip")
    assert _plain(skipped.loc["y", "value"]) is None
    with pytest.raises(ValueError, match="uncertain must be one of"):
        srank_pandas.status_index(by_year, uncertain="mean")
    with pytest.raises(TypeError, match="takes a pandas Series or a SeriesGroupBy"):
        srank_pandas.status_index(RANKS)


def test_pandas_status_index_of_a_series() -> None:
    index = RANKS["rank"].srank.status_index()
    assert isinstance(index, srank.StatusIndex)
    assert index.value == pytest.approx((2 + 4 + 1 + 0.5 + 5 + 4) / 30)
    assert (index.counted, index.left_out) == (6, 2)
    assert srank_pandas.status_index(pd.Series(["S2B,S4N"]), season="N").value == 0.8


def test_an_index_of_nothing_that_counts_says_so_alike_in_pandas_and_polars() -> None:
    said = (
        "counted no code (3 left out): the index needs at least one X, H or numeric rank of the season asked for;"
        " U, NR, NA and missing values are left out"
    )
    with pytest.raises(ValueError, match="counted no code") as pandas_error:
        srank_pandas.status_index(pd.Series(["SNR", "SU", None]))
    assert str(pandas_error.value) == f"srank.pandas.status_index() {said}"
    with pytest.raises(ValueError, match="counted no code") as polars_error:
        srank_polars.status_index(pl.Series(["SNR", "SU", None]))
    assert str(polars_error.value) == f"srank.polars.status_index() {said}"


# -- polars ------------------------------------------------------------------------------


def test_polars_compare_on_series_and_expressions() -> None:
    old, new = pl.Series("old", OLD), pl.Series("new", NEW)
    result = srank_polars.compare(old, new, lenient=True)
    assert result.dtype == srank_polars.CHANGE
    rows = [tuple(row.values()) for row in result.to_list()]
    assert rows == EXPECTED
    frame = pl.DataFrame({"old": OLD, "new": NEW})
    via_expr = frame.select(pl.col("old").srank.compare(pl.col("new"), lenient=True).alias("change")).unnest("change")
    assert [tuple(row) for row in via_expr.iter_rows()] == EXPECTED
    assert via_expr.schema["kind"] == srank_polars.KINDS
    assert old.srank.compare(new, lenient=True).equals(result)


def test_polars_expressions_of_many_fields_are_named_after_their_input_column() -> None:
    # A Struct is named after its first field: these were named 'old' and 'value'.
    frame = pl.DataFrame({"S Rank": ["S2", "S3", "S1"], "Rounded S": ["S1", "S3", "S1"], "year": [1, 1, 2]})
    change = frame.select(pl.col("S Rank").srank.compare(pl.col("Rounded S")))
    assert change.columns == ["S Rank"]
    assert change.unnest("S Rank").row(0) == (
        "uplisted",
        True,
        "S2",
        "S1",
        "S2",
        "S1",
        "S2 → S1, uplisted (more imperiled)",
    )
    same_column = frame.select(pl.col("S Rank").shift().srank.compare(pl.col("S Rank")))
    assert same_column.columns == ["S Rank"]
    assert same_column["S Rank"].struct.field("kind").to_list() == ["added", "downlisted", "uplisted"]
    renamed = frame.select(pl.col("S Rank").alias("before").srank.compare(pl.col("Rounded S")))
    assert renamed.columns == ["before"]
    index = frame.group_by("year", maintain_order=True).agg(pl.col("S Rank").srank.status_index())
    assert index.columns == ["year", "S Rank"]
    assert index.rows() == [
        (1, {"value": 0.5, "counted": 2, "left_out": 0}),
        (2, {"value": 0.2, "counted": 1, "left_out": 0}),
    ]
    assert frame.lazy().select(pl.col("S Rank").srank.status_index()).collect_schema() == pl.Schema(
        {"S Rank": srank_polars.INDEX}
    )


def test_polars_compare_checks_its_input() -> None:
    with pytest.raises(ValueError, match=r"the same length \(1 and 2\); for two exports, join them on their key"):
        srank_polars.compare(pl.Series(["G3"]), pl.Series(["G2", "G1"]))
    with pytest.raises(TypeError, match="two polars Series or two expressions"):
        srank_polars.compare(pl.Series(["G3"]), pl.col("x"))


def test_polars_status_index_per_group() -> None:
    frame = pl.from_pandas(RANKS)
    result = (
        frame.group_by("group", "year")
        .agg(pl.col("rank").srank.status_index().alias("index"))
        .unnest("index")
        .sort("group", "year")
    )
    assert result.rows() == [
        ("birds", 2020, pytest.approx(0.6), 2, 0),
        ("birds", 2021, pytest.approx(0.15), 2, 0),
        ("mosses", 2021, None, 0, 1),
        ("plants", 2020, 1.0, 1, 0),
        ("plants", 2021, 0.8, 1, 1),
    ]
    assert result.schema["value"] == pl.Float64


def test_polars_status_index_of_a_series_and_errors() -> None:
    index = srank_polars.status_index(pl.Series(RANKS["rank"].tolist()))
    assert isinstance(index, srank.StatusIndex)
    assert index.value == pytest.approx((2 + 4 + 1 + 0.5 + 5 + 4) / 30)
    assert (index.counted, index.left_out) == (6, 2)
    with pytest.raises(srank_polars.CellError) as caught:
        pl.DataFrame({"rank": ["S2", "G1G4"]}).select(pl.col("rank").srank.status_index())
    assert (caught.value.message, caught.value.code) == (
        "row 2 of 'rank': Range 1-4 is too wide: a range may skip at most one rank",
        "range-too-wide",
    )
    with pytest.raises(srank_polars.CellError) as caught:
        pl.Series("S Rank", ["S2", "S3", "G1G4"]).srank.status_index()
    assert str(caught.value) == (
        "row 3 of 'S Rank': Range 1-4 is too wide: a range may skip at most one rank\n    G1G4\n    ^^^^\n"
        "Hint: NatureServe writes U (unrankable) when the rank is this uncertain, as in GU;"
        " or pass errors='skip' to leave unreadable cells out"
    )
    skipped = pl.DataFrame({"rank": ["S2", "G1G4"]}).select(pl.col("rank").srank.status_index(errors="skip"))
    assert skipped.item() == {"value": 0.4, "counted": 1, "left_out": 1}
    with pytest.raises(ValueError, match="season must be"):
        srank_polars.status_index(pl.col("rank"), season="W")


def test_an_unreadable_side_is_named_in_the_language_asked() -> None:
    frame = srank.pandas.compare(pd.Series(["G9", "G5"]), pd.Series(["G5", "X1"]), lang="fr")
    assert frame["message"].tolist() == [
        "L'ancien code ne peut pas être lu\u00a0: erreur[syntax]\u00a0: Après «\u00a0G\u00a0»,"
        " attendu\u00a0: une valeur de rang (1-5, X, H, U, NR ou NA)\u202f; trouvé\u00a0: «\u00a09\u00a0»\u202f;"
        " conseil\u00a0: les chiffres des rangs vont de 1 (gravement en péril) à 5 (en sécurité)",
        "Le nouveau code ne peut pas être lu\u00a0: erreur[syntax]\u00a0: Attendu\u00a0: une lettre de niveau"
        " (G, N, S ou T)\u202f; trouvé\u00a0: «\u00a0X\u00a0»\u202f; conseil\u00a0: un code de rang ressemble à G3,"
        " G3G4, G5T2, S2B ou S2B,S4N",
    ]
