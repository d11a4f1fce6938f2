"""parse_many: one result per input, in order, each distinct value decoded once."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

import srank
import srank._batch
from srank import InvalidRankError, MultiSeasonRank, Rank

VALUES = ["G5", "S2B,S4N", "G3G2", "", None, float("nan"), "G5", "  ", "XYZ", "G5T1T3Q", "SE"]


def _expected(value: object, lenient: bool = False) -> object:
    """What srank.parse says about one value, in parse_many's terms."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    assert isinstance(value, str)
    if not value.strip():
        return None
    try:
        return srank.parse(value, lenient=lenient)
    except InvalidRankError as error:
        return (error.code, error.message, error.span, error.hint)


def _comparable(result: object) -> object:
    if isinstance(result, InvalidRankError):
        return (result.code, result.message, result.span, result.hint)
    return result


@pytest.mark.parametrize("lenient", [False, True])
def test_one_result_per_value_in_order_matching_parse(lenient: bool) -> None:
    results = srank.parse_many(VALUES, lenient=lenient)
    assert len(results) == len(VALUES)
    assert [_comparable(result) for result in results] == [_expected(value, lenient) for value in VALUES]


def test_result_kinds() -> None:
    results = srank.parse_many(["G5", "S2B,S4N", "G3G2", None])
    assert isinstance(results[0], Rank)
    assert isinstance(results[1], MultiSeasonRank)
    assert isinstance(results[2], InvalidRankError)
    assert results[2].code == "range-reversed"
    assert results[3] is None


def test_missing_values_are_none_not_errors() -> None:
    assert srank.parse_many([None, float("nan"), "", "   ", "\t"]) == [None] * 5


def test_accepts_a_generator() -> None:
    def codes() -> Iterator[str]:
        yield from ["G1", "S3", "G1"]

    assert [str(result) for result in srank.parse_many(codes())] == ["G1", "S3", "G1"]


def test_each_distinct_value_is_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_parse = srank.parse

    def counting_parse(text: str, *, lenient: bool = False) -> Rank | MultiSeasonRank:
        calls.append(text)
        return real_parse(text, lenient=lenient)

    monkeypatch.setattr(srank._batch, "parse", counting_parse)
    values = ["G5", "G3G2", "G5", "S1", "G3G2", "G5", "", None] * 1000
    results = srank.parse_many(values)
    assert len(results) == len(values)
    assert sorted(calls) == ["G3G2", "G5", "S1"]


def test_equal_values_share_one_result() -> None:
    first, second, third, fourth = srank.parse_many(["G5", "G5", "G3G2", "G3G2"])
    assert first is second
    assert third is fourth


def test_lenient_spellings() -> None:
    strict, lenient = srank.parse_many([" s3/s4 "]), srank.parse_many([" s3/s4 "], lenient=True)
    assert isinstance(strict[0], InvalidRankError)
    assert str(lenient[0]) == "S3S4"
    rank = lenient[0]
    assert isinstance(rank, Rank)
    assert rank.findings


def test_values_that_are_not_text_are_named_errors_and_nothing_is_lost() -> None:
    values: list[object] = ["G5", 5, ["G5"], {"rank": "G5"}, True, 1.0, "S1"]
    results = srank.parse_many(values)
    assert len(results) == len(values)
    assert str(results[0]) == "G5"
    assert str(results[-1]) == "S1"
    for value, result in zip(values[1:-1], results[1:-1], strict=True):
        assert isinstance(result, InvalidRankError)
        assert type(value).__name__ in result.message
        assert result.hint


def test_returned_errors_hold_no_traceback() -> None:
    (error,) = srank.parse_many(["G3G2"])
    assert isinstance(error, InvalidRankError)
    assert error.__traceback__ is None


def test_too_long_text_is_an_error_not_a_crash() -> None:
    (error,) = srank.parse_many(["G" * 10_000])
    assert isinstance(error, InvalidRankError)
    assert error.code == "too-long"


def test_str_subclass_is_read_as_text() -> None:
    class Code(str):
        pass

    assert str(srank.parse_many([Code("G2G3")])[0]) == "G2G3"


def test_parse_many_is_exported() -> None:
    assert "parse_many" in srank.__all__


@pytest.mark.parametrize("value", ["G5", b"G5"])
def test_a_single_text_is_refused_rather_than_read_letter_by_letter(value: object) -> None:
    with pytest.raises(TypeError, match=r"srank\.parse\(\)"):
        srank.parse_many(value)  # type: ignore[arg-type]


def test_a_value_that_is_not_iterable_gets_a_message_naming_it() -> None:
    with pytest.raises(TypeError) as caught:
        srank.parse_many(None)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "srank.parse_many() takes an iterable of codes (a list, a column, a generator), not NoneType"
    )


def test_an_iterable_that_fails_keeps_its_own_error() -> None:
    def broken() -> Iterator[str]:
        yield "G5"
        raise TypeError("the source broke")

    with pytest.raises(TypeError, match="the source broke"):
        srank.parse_many(broken())


def test_missing_markers_are_missing_everywhere() -> None:
    values = ["NA", "n/a", " <NA> ", "nan", "None", "", None, float("nan"), "SNA", "G5Q", "G4T5"]
    results = srank.parse_many(values)
    assert results[:8] == [None] * 8
    assert [str(result) for result in results[8:]] == ["SNA", "G5Q", "G4T5"]
    assert [srank._batch.validity_of(result) for result in results[7:]] == [None, True, False, True]
    assert srank.most_imperiled(["NA", "N/A", "S3"]) == srank.parse("S3")
