"""Properties of rounding, bounds and the imperilment order over generated ranks."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import srank
from srank import MultiSeasonRank, Rank
from srank.strategies import multi_season_ranks, ranks

any_rank = st.one_of(ranks(), multi_season_ranks())


@given(any_rank)
def test_rounding_is_idempotent(rank: Rank | MultiSeasonRank) -> None:
    once = rank.rounded()
    assert once.rounded() == once
    assert str(once.rounded()) == str(once)


@given(any_rank)
def test_rounded_rank_is_a_valid_code(rank: Rank | MultiSeasonRank) -> None:
    once = rank.rounded()
    assert srank.parse(str(once)) == once
    assert once.level == rank.level or once.level is srank.Level.INFRASPECIFIC
    assert all(part.qualifiers == () for part in once.parts)


@given(any_rank)
def test_rounded_rank_lies_within_bounds(rank: Rank | MultiSeasonRank) -> None:
    span = rank.bounds()
    for part in rank.rounded().parts:
        number = part.value.low.number
        if number is None:
            continue
        assert span is not None
        assert span[0] <= number <= span[1]
    assert rank.rounded().bounds() is None or span is not None


@given(any_rank, any_rank)
def test_order_is_total_and_consistent_with_equality(a: Rank | MultiSeasonRank, b: Rank | MultiSeasonRank) -> None:
    assert (a.sort_key() == b.sort_key()) == (a == b)
    assert sum([a < b, a == b, a > b]) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)


@given(any_rank, any_rank, any_rank)
def test_order_is_transitive(a: Rank | MultiSeasonRank, b: Rank | MultiSeasonRank, c: Rank | MultiSeasonRank) -> None:
    if a <= b <= c:
        assert a <= c


@given(st.lists(st.one_of(any_rank, st.sampled_from([srank.parse("G3"), srank.parse("S2B,S4N")])), max_size=12))
def test_sorting_is_stable_and_deterministic(codes: list[Rank | MultiSeasonRank]) -> None:
    once = sorted(codes)
    assert sorted(codes, key=lambda rank: rank.sort_key()) == once
    assert sorted(once) == once
    assert all(x <= y for x, y in itertools.pairwise(once))
    # Equal codes keep their input order (stable), and only equal codes tie.
    indexed = sorted(enumerate(codes), key=lambda pair: pair[1].sort_key())
    for (i, x), (j, y) in itertools.pairwise(indexed):
        assert x < y or (x == y and i < j)


@given(st.lists(any_rank, min_size=1, max_size=12))
def test_most_and_least_imperiled_agree_with_min_and_max(codes: list[Rank | MultiSeasonRank]) -> None:
    assert srank.most_imperiled(codes) == min(codes)
    assert srank.least_imperiled(codes) == max(codes)
    assert srank.most_imperiled(map(str, codes)) == min(codes)
    assert srank.most_imperiled([None, *codes, None]) == min(codes, key=lambda rank: rank.sort_key())


@given(any_rank)
def test_predicates_follow_the_rounded_rank(rank: Rank | MultiSeasonRank) -> None:
    once = rank.rounded()
    assert rank.is_imperiled() == once.is_imperiled()
    assert rank.is_extinct() == once.is_extinct()
    assert rank.is_possibly_extinct() == once.is_possibly_extinct()
    assert rank.is_ranked() == once.is_ranked()
    assert rank.is_imperiled() == any(part.is_imperiled() for part in rank.parts)
    if rank.is_imperiled(1):
        assert rank.is_imperiled(3)
