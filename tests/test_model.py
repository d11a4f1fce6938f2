from __future__ import annotations

import pickle
from collections.abc import Callable

import attrs
import pytest

import srank
from srank import Grade, Infraspecific, Level, MultiSeasonRank, Qualifier, Range, Rank, Season, Single


def test_parse_builds_typed_objects() -> None:
    rank = srank.parse("G5T1T3Q")
    assert isinstance(rank, Rank)
    assert rank.level is Level.GLOBAL
    assert rank.value == Single(Grade.SECURE)
    assert rank.infraspecific == Infraspecific(Range(Grade.CRITICALLY_IMPERILED, Grade.VULNERABLE))
    assert rank.questionable
    assert rank.season is None
    assert rank.qualifiers == (Qualifier.QUESTIONABLE_TAXONOMY,)


def test_multi_season_keeps_order() -> None:
    code = srank.parse("S4N,S5B")
    assert isinstance(code, MultiSeasonRank)
    assert [part.season for part in code.parts] == [Season.NONBREEDING, Season.BREEDING]
    assert code.level is Level.SUBNATIONAL
    assert repr(code) == "<MultiSeasonRank 'S4N,S5B'>"


def test_n_is_level_and_season() -> None:
    rank = srank.parse("NNRN")
    assert isinstance(rank, Rank)
    assert (rank.level, rank.value.grade if isinstance(rank.value, Single) else None, rank.season) == (
        Level.NATIONAL,
        Grade.NOT_RANKED,
        Season.NONBREEDING,
    )
    assert srank.parse("N4N5B") == Rank(
        Level.NATIONAL, Range(Grade.APPARENTLY_SECURE, Grade.SECURE), season=Season.BREEDING
    )


def test_repr_and_str() -> None:
    rank = srank.parse("G5T1T3Q")
    assert repr(rank) == "<Rank 'G5T1T3Q'>"
    assert str(rank) == "G5T1T3Q"


def test_built_by_hand_equals_parsed() -> None:
    built = Rank(Level.SUBNATIONAL, Single(Grade.VULNERABLE, inexact=True), season=Season.BREEDING)
    assert str(built) == "S3?B"
    assert built == srank.parse("S3?B")
    assert hash(built) == hash(srank.parse("S3?B"))


def test_warnings_do_not_change_equality() -> None:
    lenient = srank.parse(" s3 ", lenient=True)
    assert lenient.findings
    assert lenient == srank.parse("S3")
    assert hash(lenient) == hash(srank.parse("S3"))
    assert len({lenient, srank.parse("S3")}) == 1


def test_objects_are_frozen() -> None:
    rank = Rank(Level.GLOBAL, Single(Grade.VULNERABLE))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rank.level = Level.NATIONAL  # type: ignore[misc]


def test_no_field_order_comparison() -> None:
    # Imperilment order is a separate, documented key; field order must not leak in.
    with pytest.raises(TypeError):
        _ = Range(Grade.IMPERILED, Grade.VULNERABLE) < Range(Grade.IMPERILED, Grade.APPARENTLY_SECURE)  # type: ignore[operator]


def test_rank_is_not_equal_to_its_string() -> None:
    assert srank.parse("G3").__eq__("G3") is NotImplemented


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: Single(Grade.NOT_RANKED, inexact=True), "inexact-on-status"),
        (lambda: Range(Grade.VULNERABLE, Grade.IMPERILED), "range-reversed"),
        (lambda: Range(Grade.CRITICALLY_IMPERILED, Grade.APPARENTLY_SECURE), "range-too-wide"),
        (lambda: Range(Grade.PRESUMED_EXTINCT, Grade.VULNERABLE), "range-not-numeric"),
        (lambda: Rank(Level.GLOBAL, Single(Grade.VULNERABLE), season=Season.BREEDING), "season-not-allowed"),
        (lambda: Rank(Level.SUBNATIONAL, Single(Grade.VULNERABLE), questionable=True), "questionable-not-global"),
        (lambda: Rank(Level.NATIONAL, Single(Grade.PRESUMED_EXTINCT), captive=True), "captive-not-global"),
        (
            lambda: Rank(
                Level.NATIONAL, Single(Grade.IMPERILED), infraspecific=Infraspecific(Single(Grade.APPARENTLY_SECURE))
            ),
            "infraspecific-not-global",
        ),
        (
            lambda: MultiSeasonRank((Rank(Level.SUBNATIONAL, Single(Grade.VULNERABLE), season=Season.BREEDING),)),
            "multi-too-few-parts",
        ),
        (
            lambda: MultiSeasonRank(
                (Rank(Level.SUBNATIONAL, Single(Grade.VULNERABLE)), Rank(Level.GLOBAL, Single(Grade.SECURE)))
            ),
            "multi-not-seasonal",
        ),
    ],
)
def test_direct_construction_applies_the_same_rules(build: object, code: str) -> None:
    with pytest.raises(srank.InvalidRankError) as caught:
        build()  # type: ignore[operator]
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("build", "finding"),
    [
        (lambda: Rank(Level.GLOBAL, Single(Grade.VULNERABLE), captive=True), "captive-not-extinct"),
        (
            lambda: Rank(
                Level.GLOBAL, Single(Grade.IMPERILED), infraspecific=Infraspecific(Single(Grade.APPARENTLY_SECURE))
            ),
            "infraspecific-more-secure",
        ),
    ],
)
def test_hand_built_values_get_the_same_findings_as_parsed_ones(build: object, finding: str) -> None:
    rank = build()  # type: ignore[operator]
    assert [found.code for found in rank.findings] == [finding]
    assert rank.findings == srank.parse(str(rank)).findings


_U_TO_H = Range(Grade.UNRANKABLE, Grade.POSSIBLY_EXTINCT)


def test_u_to_h_is_the_value_of_a_global_rank_only() -> None:
    assert (repr(_U_TO_H), _U_TO_H.format("G")) == ("<Range 'U-H'>", "UGH")
    built = Rank(Level.GLOBAL, _U_TO_H, captive=True, questionable=True)
    assert (str(built), built) == ("GUGHCQ", srank.parse("GUGHCQ"))
    assert [finding.code for finding in built.findings] == ["range-of-statuses"]  # C fits its H end
    cases: list[tuple[Callable[[], Rank], str, tuple[int, int], str]] = [
        (lambda: Rank(Level.SUBNATIONAL, _U_TO_H), "'SUSH'", (0, 4), "S2S3"),
        (lambda: Rank(Level.INFRASPECIFIC, _U_TO_H, captive=True), "'TUTH'", (0, 4), "T2T3"),
        (
            lambda: Rank(Level.GLOBAL, Single(Grade.SECURE), infraspecific=Infraspecific(_U_TO_H)),
            "'TUTH'",
            (2, 6),
            "T2T3",
        ),
    ]
    for build, written, span, example in cases:
        with pytest.raises(srank.InvalidRankError) as caught:
            build()
        assert (caught.value.code, caught.value.message, caught.value.span, caught.value.hint) == (
            "range-not-numeric",
            f"A range holds numbers only, not {written}; only a global rank's own value can be U to H (GUGH)",
            span,
            f"ranges are written with two numbers, as in {example}",
        )
    with pytest.raises(srank.InvalidRankError, match="A range holds numbers only, not 'H-U'"):
        Range(Grade.POSSIBLY_EXTINCT, Grade.UNRANKABLE)


def test_evolve_and_pickle_round_trip_exactly() -> None:
    rank = srank.parse("s5t1t3q", lenient=True)
    assert [finding.code for finding in rank.findings] == ["nonstandard-plants-form", "normalised-case"]
    evolved = attrs.evolve(attrs.evolve(rank))
    assert evolved.findings == rank.findings
    copy = pickle.loads(pickle.dumps(rank))
    assert (copy, copy.findings, copy.notes) == (rank, rank.findings, rank.notes)
    multi = srank.parse("SX,S1")
    assert attrs.evolve(multi).findings == multi.findings
    assert pickle.loads(pickle.dumps(multi)).findings == multi.findings


def test_wrong_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match=r"level must be a srank\.Level"):
        Rank("G", Single(Grade.SECURE))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"grade must be a srank\.Grade"):
        Single("5")  # type: ignore[arg-type]


def test_grade_numbers() -> None:
    assert [grade.number for grade in Grade] == [1, 2, 3, 4, 5, None, None, None, None, None]
    assert Grade.from_number(3) is Grade.VULNERABLE


def test_seed_form_is_accepted_with_a_warning() -> None:
    rank = srank.parse("S5T1T3Q")
    assert [finding.code for finding in rank.findings] == ["nonstandard-plants-form"]
    assert rank.findings[0].severity is srank.Severity.WARNING
    assert rank.findings[0].span == (2, 6)


@pytest.mark.parametrize(
    ("fields", "error", "said"),
    [
        ({"code": ""}, ValueError, "a Finding's code is a non-empty str (such as 'range-reversed'), not ''"),
        ({"code": None}, TypeError, "a Finding's code is a str (such as 'range-reversed'), not NoneType"),
        (
            {"severity": "error"},
            TypeError,
            "a Finding's severity is a srank.Severity (Severity.ERROR, Severity.WARNING), not 'error'",
        ),
        (
            {"span": (5, 2)},
            ValueError,
            "a Finding's span is (start, end) with 0 <= start <= end, as in (0, 4), not (5, 2)",
        ),
        ({"span": [0, 1]}, TypeError, "a Finding's span is a tuple of two int, (start, end) as in (0, 4), not [0, 1]"),
        ({"message": None}, TypeError, "a Finding's message is a str, not NoneType"),
    ],
)
def test_a_finding_is_checked_when_built(fields: dict[str, object], error: type[Exception], said: str) -> None:
    good: dict[str, object] = {
        "code": "range-reversed",
        "severity": srank.Severity.ERROR,
        "message": "m",
        "span": (0, 4),
    }
    with pytest.raises(error) as raised:
        srank.Finding(**{**good, **fields})  # type: ignore[arg-type]
    assert str(raised.value.args[0]) == said


def test_is_valid_answers_for_a_rank_object_as_for_its_code() -> None:
    assert (srank.is_valid(srank.parse("S2")), srank.is_valid(srank.parse("G5Q"))) == (True, False)
    with pytest.raises(TypeError, match=r"srank.parse\(\) takes a str, not Rank: a rank object is read already"):
        srank.parse(srank.parse("S2"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not int$"):
        srank.is_valid(3)  # type: ignore[arg-type]
