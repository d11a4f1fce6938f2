"""The status index: hand-computed values, ranktrends' own examples, its probability key, and bad input."""

from __future__ import annotations

import math
import tomllib
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from srank._status_index import index_numbers, probabilities, read_probabilities
from srank.strategies import multi_season_ranks, ranks

TABLE = Path(srank.__file__).parent / "status_index" / "probabilities.toml"


# -- ranktrends' own examples (bcgov/ranktrends tests/testthat and roxygen examples) ------------


def test_rli_test_case() -> None:
    # test-index_r.R: expect_equal(rli(c(0,2,3,3)), 0.6), where w = 5 - numeric rank.
    assert srank.status_index(["S5", "S3", "S2", "S2"]).value == 0.6


def test_rli_roxygen_example() -> None:
    # index_r.R: rli(c(0,2,5,2)) = (20 - 9) / 20.
    assert srank.status_index(["S5", "S3", "SX", "S3"]).value == 0.55


@pytest.mark.parametrize(
    ("uncertain", "numbers"),
    [
        # test-rank_conversion.R, "test the simplify function works"
        ("median", [1, 0, 3, 0.5, 2]),
        ("min", [1, 0, 2, 0, 1]),
        ("max", [1, 0, 4, 1, 3]),
    ],
)
def test_simplify_examples(uncertain: str, numbers: list[float]) -> None:
    index = srank.status_index(["S1", "SX", "S2S4", "SH", "S2?"], uncertain=uncertain)  # type: ignore[arg-type]
    assert index.value == pytest.approx(sum(numbers) / 25, abs=1e-15)
    assert (index.counted, index.left_out) == (5, 0)


def test_keep_examples() -> None:
    # test-rank_conversion.R, "the keep function works": S3B,S2N is 3 with keep = "B" and 2 with keep = "N".
    codes = ["S1", "SX", "S2S4", "SH", "S2?", "S3B,S2N"]
    assert srank.status_index(codes).value == pytest.approx((1 + 0 + 3 + 0.5 + 2 + 3) / 30, abs=1e-15)
    assert srank.status_index(codes, season="N").value == pytest.approx((1 + 0 + 3 + 0.5 + 2 + 2) / 30, abs=1e-15)


# -- what each code stands for --------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "numbers"),
    [
        ("SX", (0,)),
        ("SH", (0, 1)),
        ("S1", (1,)),
        ("S5", (5,)),
        ("S2S4", (2, 3, 4)),
        ("S1S2", (1, 2)),
        ("S2?", (1, 2, 3)),
        ("S1?", (1, 2)),
        ("S5?", (4, 5)),
        ("G3G5", (3, 4, 5)),
        ("G5T2?", (1, 2, 3)),
        ("G3G4T1T3", (1, 2, 3)),
        ("GXC", (0,)),
        ("GHQ", (0, 1)),
        ("SU", None),
        ("GNR", None),
        ("NNA", None),
        ("G5TNR", None),
    ],
)
def test_each_code_stands_for_a_set_of_whole_ranks(code: str, numbers: tuple[int, ...] | None) -> None:
    rank = srank.parse(code)
    assert isinstance(rank, srank.Rank)
    assert index_numbers(rank.infraspecific.value if rank.infraspecific else rank.value) == numbers


@pytest.mark.parametrize(
    ("codes", "uncertain", "value"),
    [
        (["SH"], "min", 0.0),
        (["SH"], "median", 0.1),
        (["SH"], "max", 0.2),
        (["S5?"], "median", 0.9),  # {4, 5}
        (["S1?"], "median", 0.3),  # {1, 2}
        (["G5T2", "G5T4"], "median", 0.6),  # the T parts
        (["GXC", "G5"], "median", 0.5),  # extinct in the wild counts as X, as IUCN counts EW with EX
        (["N2N4", "N3"], "min", 0.5),
        (["N2N4", "N3"], "max", 0.7),
        (["S5"] * 7, "median", 1.0),
        (["GX", "G1TX", "TX"], "median", 0.0),
    ],
)
def test_hand_computed_indices(codes: list[str], uncertain: str, value: float) -> None:
    assert srank.status_index(codes, uncertain=uncertain).value == pytest.approx(value, abs=1e-15)  # type: ignore[arg-type]


def test_unranked_and_missing_codes_are_left_out_and_counted() -> None:
    index = srank.status_index(["S2", "SU", "SNR", "SNA", None, "", "  ", float("nan"), "NA", "S4"])
    assert (index.value, index.counted, index.left_out) == (0.6, 2, 8)
    assert float(index) == 0.6


def test_seasons_follow_ranktrends_keep() -> None:
    codes = ["S2B,S4N", "S3N", "S1", "S5M", "SX,S1", "S1N,S5N"]
    breeding = srank.status_index(codes)
    assert breeding.value == pytest.approx(0.3)  # S2B, S1
    assert (breeding.counted, breeding.left_out) == (2, 4)
    nonbreeding = srank.status_index(codes, season=srank.Season.NONBREEDING)
    # S4N, S3N, S1 and the first N part of S1N,S5N
    assert nonbreeding.value == pytest.approx((4 + 3 + 1 + 1) / 20)
    assert nonbreeding.counted == 4
    assert srank.status_index(codes, season="M").counted == 2  # S5M, S1


def test_rank_objects_and_generators_are_read() -> None:
    ranks_given = [srank.parse("S2"), "S4", srank.parse("S3B,S5N")]
    assert srank.status_index(iter(ranks_given)).value == pytest.approx(0.6)


def test_lenient_reading() -> None:
    assert srank.status_index(["s2/s3", "S4"], lenient=True).value == pytest.approx((2.5 + 4) / 10)
    with pytest.raises(srank.InvalidRankError, match="code 's2/s3'"):
        srank.status_index(["s2/s3", "S4"])


def test_unreadable_codes_raise_unless_skipped() -> None:
    with pytest.raises(srank.InvalidRankError, match=r"status_index\(\): code 'S1S4': Range 1-4 is too wide") as caught:
        srank.status_index(["S2", "S1S4", "S1S4"])
    assert caught.value.hint is not None
    assert "errors='skip'" in caught.value.hint
    skipped = srank.status_index(["S2", "S1S4", "S1S4", "SH?", 12], errors="skip")
    assert (skipped.value, skipped.counted, skipped.left_out) == (0.4, 1, 4)


def test_nothing_counted_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"counted no code \(3 left out\)"):
        srank.status_index(["SNR", None, "S3N"])
    with pytest.raises(ValueError, match=r"counted no code \(0 left out\)"):
        srank.status_index([])


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"season": "W"}, ValueError, "season must be 'B', 'N', 'M' or a srank.Season, not 'W'"),
        ({"uncertain": "mean"}, ValueError, "uncertain must be one of 'min', 'median', 'max', not 'mean'"),
        ({"errors": "ignore"}, ValueError, "errors must be one of 'raise', 'skip', not 'ignore'"),
    ],
)
def test_bad_options_are_named(options: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        srank.status_index(["S2"], **options)  # type: ignore[arg-type]


def test_a_single_code_is_not_an_iterable_of_codes() -> None:
    with pytest.raises(TypeError, match="takes an iterable of codes, not a single str"):
        srank.status_index("S2")
    with pytest.raises(TypeError, match="not a single Rank"):
        srank.status_index(srank.parse("S2"))  # type: ignore[arg-type]


def test_unhashable_values_are_unreadable_not_a_crash() -> None:
    index = srank.status_index(["S4", ["S2"]], errors="skip")
    assert (index.value, index.counted, index.left_out) == (0.8, 1, 1)


@pytest.mark.filterwarnings("ignore:status_index\\(\\) counted codes of several scales:UserWarning")  # drawn at random
@given(
    st.lists(st.one_of(ranks(), multi_season_ranks(), st.none()), min_size=1, max_size=30),
    st.sampled_from(["B", "N", "M"]),
)
def test_index_always_lies_between_0_and_1(codes: list[srank.Rank | srank.MultiSeasonRank | None], season: str) -> None:
    found = []
    for uncertain in ("min", "median", "max"):
        try:
            index = srank.status_index(codes, season=season, uncertain=uncertain)
        except ValueError:
            assert uncertain == "min"  # nothing counted: the same for every choice
            return
        assert 0 <= index.value <= 1
        assert index.counted + index.left_out == len(codes)
        found.append(index.value)
    assert found[0] <= found[1] <= found[2]


# -- the probability table and the interval ------------------------------------------------


def test_probability_table_is_ranktrends_key() -> None:
    # bcgov/ranktrends data-raw/ranks_prob_key.csv, p_0 .. p_5 of the S codes
    table = probabilities()
    assert table["1-3"] == (0, 0.2, 0.6, 0.2, 0, 0)
    assert table["2?"] == (0, 0.1, 0.8, 0.1, 0, 0)
    assert table["1?"] == (0, 0.8, 0.2, 0, 0, 0)
    assert table["5?"] == (0, 0, 0, 0, 0.2, 0.8)
    assert table["H"] == (0.5, 0.5, 0, 0, 0, 0)
    assert table["X"] == (1, 0, 0, 0, 0, 0)
    assert table["1-2"] == (0, 0.5, 0.5, 0, 0, 0)
    assert len(table) == 19


def _table_text() -> str:
    return TABLE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"H" = [0.5, 0.5, 0, 0, 0, 0]\n', "", r"entries missing \['H'\]"),
        ('"X" = [1, 0, 0, 0, 0, 0]\n', '"X" = [1, 0, 0, 0, 0, 0]\n"6" = [0, 0, 0, 0, 0, 1]\n', r"never uses \['6'\]"),
        ('"1-3" = [0, 0.2, 0.6, 0.2, 0, 0]', '"1-3" = [0, 0.2, 0.6, 0.3, 0, 0]', r"'1-3' sum to 1.1"),
        ('"1-3" = [0, 0.2, 0.6, 0.2, 0, 0]', '"1-3" = [0, 0.2, 0.8, 0, 0, 0]', r"'1-3' gives ranks \[1, 2\] a chance"),
        ('"2" = [0, 0, 1, 0, 0, 0]', '"2" = [0, 0, 1, 0, 0]', r"'2' must list 6 probabilities"),
        ('"2" = [0, 0, 1, 0, 0, 0]', '"2" = [0, 0, 1, 0, 0, "0"]', r"'2' must list 6 probabilities"),
    ],
)
def test_a_broken_probability_table_is_rejected(old: str, new: str, message: str) -> None:
    text = _table_text()
    assert old in text
    with pytest.raises(srank.SrankError, match=message):
        read_probabilities(tomllib.loads(text.replace(old, new, 1)), "probabilities.toml")


def test_interval_of_certain_codes_has_no_width() -> None:
    interval = srank.status_index_interval(["S5", "S3", "S2", "S2", "SNR"])
    assert (interval.value, interval.low, interval.high) == (0.6, 0.6, 0.6)
    assert (interval.counted, interval.left_out, interval.samples, interval.level) == (4, 1, 1000, 0.95)
    assert float(interval) == 0.6


def test_interval_follows_the_probability_table() -> None:
    # 200 codes S1?: each is 1 (p 0.8) or 2 (p 0.2), so the index has mean 1.2 / 5 = 0.24 and, over the
    # 200 codes, a standard deviation of sqrt(0.16 / 200) / 5 = 0.00566; the 95% interval is about +-0.0111.
    interval = srank.status_index_interval(["S1?"] * 200, samples=2000, seed=7)
    assert interval.value == pytest.approx(0.24, abs=0.001)
    assert interval.low == pytest.approx(0.24 - 0.0111, abs=0.002)
    assert interval.high == pytest.approx(0.24 + 0.0111, abs=0.002)
    narrower = srank.status_index_interval(["S1?"] * 200, samples=2000, seed=7, level=0.5)
    assert interval.low < narrower.low < narrower.high < interval.high


def test_interval_is_repeatable_by_seed() -> None:
    codes = ["S2S4", "SH", "S1S3", "S3?", "S5"] * 10
    first = srank.status_index_interval(codes, samples=200, seed=3)
    assert srank.status_index_interval(codes, samples=200, seed=3) == first
    assert srank.status_index_interval(codes, samples=200, seed=4) != first
    assert first.low <= first.value <= first.high
    assert 0 <= first.low <= first.high <= 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"samples": 0}, "samples must be a whole number of 1 or more, not 0"),
        ({"samples": 2.5}, "samples must be a whole number"),
        ({"level": 1}, "level must be between 0 and 1"),
        ({"level": 0}, "level must be between 0 and 1"),
    ],
)
def test_bad_interval_options_are_named(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        srank.status_index_interval(["S2"], **options)  # type: ignore[arg-type]


def test_interval_seed_must_be_a_whole_number() -> None:
    with pytest.raises(TypeError, match="seed must be an int or None, not str"):
        srank.status_index_interval(["S2"], seed="1")  # type: ignore[arg-type]
    assert math.isclose(srank.status_index_interval(["S2"], seed=None).value, 0.4)


# -- the same input through ranktrends (tools/ranktrends_comparison.R; R is not needed here) -------

SHARED = [
    *("S1", "S1S2", "S2", "S2S3", "S2?", "S3", "S3S4", "S3?", "S4", "S4S5", "S5", "S5?", "SH", "SX"),
    *("S1S3", "S2S4", "S3S5", "S1?", "S4?", "SNR", "SU", "SNA", "S3B,S4N", "S2N,S4B"),
]


@pytest.mark.parametrize(
    ("options", "ranktrends"),
    [
        # rli(5 - ranks_to_numeric(codes, simplify = TRUE, round_fun = ...)) without its NA values, n = 21
        ({"uncertain": "min"}, 0.466666666666667),
        ({"uncertain": "median"}, 0.557142857142857),
        ({"uncertain": "max"}, 0.647619047619048),
        ({"season": "N"}, 0.547619047619048),  # keep = "N"
    ],
)
def test_the_shared_input_gives_ranktrends_numbers(options: dict[str, str], ranktrends: float) -> None:
    index = srank.status_index(SHARED, **options)  # type: ignore[arg-type]
    assert index.value == pytest.approx(ranktrends, abs=1e-14)
    assert (index.counted, index.left_out) == (21, 3)


def test_the_shared_input_interval_is_narrower_than_ranktrends_sampled_index() -> None:
    # ranktrends' sampled_index on the same codes (list weights, set.seed(0), 1000 reps): mean 0.6085, 2.5%
    # 0.5524, 97.5% 0.6667. It draws uniformly within each set with R's sample(), which draws a single
    # weight w >= 1 from 1..w: certain ranks move too, and the mean rises above every point index.
    # srank draws from ranktrends' probability key and leaves certain ranks where they are.
    interval = srank.status_index_interval(SHARED)
    assert interval.value == pytest.approx(0.557, abs=0.002)  # the median index is 0.5571
    assert interval.low < interval.value < interval.high
    assert interval.high - interval.low < 0.6667 - 0.5524
    assert interval.value < 0.6085


def test_an_index_of_codes_of_several_scales_warns() -> None:
    import pandas as pd
    import polars as pl

    import srank.pandas
    import srank.polars

    said = (
        "status_index() counted codes of several scales (G, S): an index compares ranks of one scale, a taxon's"
        " global ranks or a state's subnational ranks; count one column of one level"
    )
    with pytest.warns(UserWarning, match="several scales") as caught:
        assert srank.status_index(["G5", "S1"]).value == 0.6
    assert [str(warning.message) for warning in caught] == [said]
    with pytest.warns(UserWarning, match=r"srank.pandas.status_index\(\) counted codes of several scales \(G, N\)"):
        srank.pandas.status_index(pd.Series(["G5", "N1"]))
    with pytest.warns(UserWarning, match=r"srank.polars.status_index\(\) counted codes of several scales \(G, S\)"):
        srank.polars.status_index(pl.Series(["S1", "G5"]))
    with pytest.warns(UserWarning, match="several scales"):
        srank.status_index_interval(["G5", "S1"], samples=10)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # One scale: G and G+T codes together, and U, NR and NA of another scale (left out, not counted).
        assert srank.status_index(["G5", "G5T2", "T3", "SNR"]).counted == 3
        # pandas per group, each group its own scale
        frame = pd.DataFrame({"level": ["G", "G", "S"], "rank": ["G5", "G3", "S1"]})
        assert srank.pandas.status_index(frame.groupby("level")["rank"])["value"].round(2).tolist() == [0.8, 0.2]
