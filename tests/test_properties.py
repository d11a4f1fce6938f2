"""Properties over generated input: round-trip, totality, idempotence."""

from __future__ import annotations

import threading

from hypothesis import given
from hypothesis import strategies as st

import srank
from srank._lenient import normalise
from srank._parse import _parse_cached
from srank.strategies import invalid_codes, multi_season_ranks, rank_codes, ranks


@given(st.one_of(ranks(), multi_season_ranks()))
def test_round_trip(rank: srank.Rank | srank.MultiSeasonRank) -> None:
    assert srank.parse(str(rank)) == rank
    assert str(srank.parse(str(rank))) == str(rank)


@given(rank_codes())
def test_valid_codes_are_canonical(code: str) -> None:
    assert str(srank.parse(code)) == code


@given(invalid_codes())
def test_invalid_codes_are_rejected(text: str) -> None:
    assert not srank.is_valid(text)


def _outcome(text: str, lenient: bool) -> srank.Rank | srank.MultiSeasonRank | srank.InvalidRankError:
    try:
        return srank.parse(text, lenient=lenient)
    except srank.InvalidRankError as error:
        return error


_ALPHABET = st.sampled_from("GNSTXHUQCBMRA?,/-0123456789 \t\nabgnst\u2013\x00")


@given(st.one_of(st.text(), st.text(alphabet=_ALPHABET, max_size=20)))
def test_parse_is_total(text: str) -> None:
    for lenient in (False, True):
        outcome = _outcome(text, lenient)
        if isinstance(outcome, srank.InvalidRankError):
            assert 0 <= outcome.span[0] <= outcome.span[1] <= len(outcome.text)
            assert str(outcome)
        else:
            assert srank.parse(str(outcome), lenient=lenient) == outcome


@given(st.text(alphabet=_ALPHABET, max_size=20))
def test_lenient_normalisation_is_idempotent(text: str) -> None:
    once, _ = normalise(text)
    twice, changes = normalise(once)
    assert twice == once
    assert changes == ()


@given(st.text(alphabet=_ALPHABET, max_size=20))
def test_lenient_parse_is_idempotent(text: str) -> None:
    try:
        rank = srank.parse(text, lenient=True)
    except srank.InvalidRankError:
        return
    again = srank.parse(str(rank), lenient=True)
    assert again == rank
    assert str(again) == str(rank)


def test_parse_from_many_threads() -> None:
    codes = ["G5T1T3Q", "S2B,S4N", "G3G4", "GNR", "SX", "N5B", "N4N", "NNRN", "G4?T3?", "S1S3B"] * 20
    _parse_cached.cache_clear()
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append([str(srank.parse(code)) for code in codes])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert results == [codes] * 8
