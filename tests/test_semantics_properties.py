"""Properties of rounding, bounds and the imperilment order over generated ranks."""

from __future__ import annotations

import itertools

import pytest
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
    ranked = [code for code in codes if code.is_ranked()] or codes
    assert srank.most_imperiled(codes) == min(ranked)
    assert srank.least_imperiled(codes) == max(ranked)
    assert srank.most_imperiled(map(str, codes)) == min(ranked)
    assert srank.most_imperiled([None, *codes, None]) == min(ranked, key=lambda rank: rank.sort_key())


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


levels_g = ranks(levels=[srank.Level.GLOBAL, srank.Level.INFRASPECIFIC])
levels_n = st.one_of(ranks(levels=[srank.Level.NATIONAL]), multi_season_ranks(levels=[srank.Level.NATIONAL]))
levels_s = st.one_of(ranks(levels=[srank.Level.SUBNATIONAL]), multi_season_ranks(levels=[srank.Level.SUBNATIONAL]))


@given(st.none() | levels_g, st.none() | levels_n, st.none() | levels_s)
def test_check_levels_findings_point_into_the_lower_rank(
    g: Rank | None, n: Rank | MultiSeasonRank | None, s: Rank | MultiSeasonRank | None
) -> None:
    findings = srank.check_levels(global_rank=g, national_rank=n, subnational_rank=s)
    assert findings == srank.check_levels(
        global_rank=None if g is None else str(g),
        national_rank=None if n is None else str(n),
        subnational_rank=None if s is None else str(s),
    )
    for finding in findings:
        lower = n if finding.code == "national-more-secure" else s
        assert lower is not None
        start, end = finding.span
        assert str(lower)[start:end] in {str(part) for part in lower.parts}
        assert finding.fragment == str(lower)[start:end]


@given(levels_g, levels_s)
def test_no_more_secure_finding_when_the_subnational_rank_is_not_above(g: Rank, s: Rank | MultiSeasonRank) -> None:
    codes = {finding.code for finding in srank.check_levels(global_rank=g, subnational_rank=s)}
    g_bounds, s_bounds = g.bounds(), s.bounds()
    if g_bounds is None or s_bounds is None or s_bounds[1] <= g_bounds[0]:
        assert "subnational-more-secure" not in codes
        assert "subnational-gap-too-wide" not in codes
    if "subnational-gap-too-wide" in codes:
        assert "subnational-more-secure" in codes


def test_semantic_cache_stays_correct_when_it_overflows(monkeypatch: pytest.MonkeyPatch) -> None:
    from srank import _model

    monkeypatch.setattr(_model, "_FACTS", {})
    monkeypatch.setattr(_model, "_FACTS_LIMIT", 2)
    codes = ["G1G3", "S3S4B,S4N", "G5T2?", "GNR", "G1G3"]
    assert [str(srank.parse(code).rounded()) for code in codes] == ["G2", "S3B,S4N", "T2", "GNR", "G2"]
    assert len(_model._FACTS) <= 2


@given(any_rank)
def test_precautionary_is_the_low_end_and_never_less_imperiled_than_rounded(rank: Rank | MultiSeasonRank) -> None:
    careful = rank.precautionary()
    assert careful.precautionary() == careful
    assert careful.rounded() == careful
    assert srank.parse(str(careful)) == careful
    for part, rounded, original in zip(careful.parts, rank.rounded().parts, rank.parts, strict=True):
        assert part.sort_key()[:1] <= rounded.sort_key()[:1]
        span = original.bounds()
        if span is not None:
            assert part.value.low.number == span[0]
        elif original.value.low is not original.value.high:  # U to H (GUGH): its H end
            assert part.value.low is part.value.high is srank.Grade.POSSIBLY_EXTINCT
        else:
            assert part == rounded
