"""The public hypothesis strategies: validity, options, shrinking, registration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TypeVar

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import srank
from srank import Level, MultiSeasonRank, Qualifier, Range, Rank, Season, Single, strategies
from srank.strategies import invalid_codes, multi_season_ranks, rank_codes, ranks

T = TypeVar("T")

# No example database: a stored example from an earlier run must not decide what find() returns.
_FIND = settings(database=None, max_examples=2000)


def _minimal(strategy: st.SearchStrategy[T], condition: Callable[[T], bool] = lambda _: True) -> T:
    return find(strategy, condition, settings=_FIND)


# -- validity ----------------------------------------------------------------


@given(ranks())
def test_ranks_parse_back_to_themselves(rank: Rank) -> None:
    parsed = srank.parse(str(rank))
    assert parsed == rank
    assert isinstance(parsed, Rank)


@given(multi_season_ranks())
def test_multi_season_ranks_parse_back(code: MultiSeasonRank) -> None:
    assert srank.parse(str(code)) == code
    assert 2 <= len(code.parts) <= 3
    assert len({part.season for part in code.parts}) == len(code.parts)


@given(rank_codes())
def test_rank_codes_are_valid_and_canonical(code: str) -> None:
    assert str(srank.parse(code)) == code


@given(rank_codes(multi_season=False))
def test_rank_codes_without_multi_season(code: str) -> None:
    assert "," not in code
    assert isinstance(srank.parse(code), Rank)


@given(invalid_codes())
def test_invalid_codes_fail_strict_parsing(text: str) -> None:
    with pytest.raises(srank.InvalidRankError):
        srank.parse(text)


# -- options -----------------------------------------------------------------


@given(ranks(levels=[Level.SUBNATIONAL, Level.NATIONAL]))
def test_levels_restrict_the_level(rank: Rank) -> None:
    assert rank.level in (Level.SUBNATIONAL, Level.NATIONAL)


@given(ranks(levels=Level.INFRASPECIFIC))
def test_a_single_level_is_accepted(rank: Rank) -> None:
    assert rank.level is Level.INFRASPECIFIC
    assert str(rank).startswith("T")


@given(ranks(qualifiers=False))
def test_no_qualifiers(rank: Rank) -> None:
    assert rank.qualifiers == ()
    assert not any(letter in str(rank) for letter in "?CQ")


@given(ranks(seasons=False))
def test_no_seasons(rank: Rank) -> None:
    assert rank.season is None


@given(ranks(infraspecific=False))
def test_no_infraspecific_part(rank: Rank) -> None:
    assert rank.infraspecific is None


@given(multi_season_ranks(levels=Level.NATIONAL))
def test_multi_season_levels(code: MultiSeasonRank) -> None:
    assert code.level is Level.NATIONAL


@pytest.mark.parametrize("levels", [[], ["G"], [Level.GLOBAL, "S"]])
def test_bad_levels_are_refused(levels: list[object]) -> None:
    with pytest.raises(ValueError, match=r"srank\.Level"):
        ranks(levels=levels)  # type: ignore[arg-type]


def test_multi_season_needs_a_seasonal_level() -> None:
    with pytest.raises(ValueError, match="national or subnational"):
        multi_season_ranks(levels=[Level.GLOBAL, Level.INFRASPECIFIC])


_FEATURES: dict[str, Callable[[Rank], bool]] = {
    "global": lambda r: r.level is Level.GLOBAL,
    "national": lambda r: r.level is Level.NATIONAL,
    "subnational": lambda r: r.level is Level.SUBNATIONAL,
    "infraspecific level": lambda r: r.level is Level.INFRASPECIFIC,
    "range": lambda r: isinstance(r.value, Range),
    "status": lambda r: isinstance(r.value, Single) and r.value.grade.number is None,
    "inexact": lambda r: Qualifier.INEXACT in r.qualifiers,
    "captive": lambda r: r.captive,
    "captive subspecies": lambda r: r.infraspecific is not None and r.infraspecific.captive,
    "questionable": lambda r: r.questionable,
    "T part": lambda r: r.infraspecific is not None,
    "breeding": lambda r: r.season is Season.BREEDING,
    "nonbreeding": lambda r: r.season is Season.NONBREEDING,
    "migrant": lambda r: r.season is Season.MIGRANT,
}


@pytest.mark.parametrize("feature", sorted(_FEATURES))
def test_every_feature_is_drawn(feature: str) -> None:
    # find() raises NoSuchExample if the default strategy never draws the feature.
    assert _FEATURES[feature](_minimal(ranks(), _FEATURES[feature]))


def test_invalid_codes_include_near_misses() -> None:
    known = _minimal(invalid_codes(), lambda text: text == "G3G2")
    assert known == "G3G2"
    near_miss = _minimal(invalid_codes(), lambda text: len(text) >= 6 and "," in text)
    assert not srank.is_valid(near_miss)


# -- shrinking ---------------------------------------------------------------


def test_any_rank_shrinks_to_g5() -> None:
    assert str(_minimal(ranks())) == "G5"


def test_subnational_rank_shrinks_to_s1() -> None:
    assert str(_minimal(ranks(levels=Level.SUBNATIONAL))) == "S1"


def test_codes_shrink_to_g5() -> None:
    assert _minimal(rank_codes()) == "G5"


def test_multi_season_shrinks_to_s1b_s1n() -> None:
    assert str(_minimal(multi_season_ranks())) == "S1B,S1N"
    assert _minimal(rank_codes(), lambda code: "," in code) == "S1B,S1N"


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (lambda r: r.level is Level.NATIONAL, "N1"),
        (lambda r: r.level is Level.INFRASPECIFIC, "T5"),
        (lambda r: r.season is not None, "S1B"),
        # G5Q has a finding: only ranks(findings=True) draws it. Without a T part there is one minimum
        # (with one, the shrinker can stop at G5T1Q as well).
        (lambda r: r.questionable and r.infraspecific is None, "G1Q"),
        (lambda r: r.captive, "GXC"),
        (lambda r: r.infraspecific is not None, "G5T5"),
        (lambda r: r.level is Level.SUBNATIONAL and isinstance(r.value, Range), "S1S2"),
    ],
)
def test_shrinks_to_the_simplest_code_with_a_property(condition: Callable[[Rank], bool], expected: str) -> None:
    assert str(_minimal(ranks(), condition)) == expected


@given(ranks())
def test_default_draws_have_no_findings(rank: Rank) -> None:
    assert rank.findings == ()


@given(ranks(findings=True), multi_season_ranks(findings=True))
def test_draws_with_findings_parse_back_with_the_same_findings(rank: Rank, multi: MultiSeasonRank) -> None:
    for drawn in (rank, multi):
        assert srank.parse(str(drawn)) == drawn
        assert srank.parse(str(drawn)).findings == drawn.findings


def test_findings_draws_reach_the_guidance_forms() -> None:
    assert str(_minimal(ranks(findings=True), lambda r: r.questionable)) == "G5Q"
    assert str(_minimal(ranks(findings=True), lambda r: bool(r.findings) and r.captive)) == "G5C"
    # Single values: GUGH, a range from U to H, also has a U and an H end, and shrinking need not leave it.
    assert str(_minimal(ranks(findings=True), lambda r: r.value.low is r.value.high is srank.Grade.UNRANKABLE)) == "GU"
    possibly_extinct = _minimal(
        ranks(findings=True), lambda r: r.value.low is r.value.high is srank.Grade.POSSIBLY_EXTINCT
    )
    assert str(possibly_extinct) == "GH"
    u_to_h = _minimal(ranks(findings=True), lambda r: r.value.low is not r.value.high and r.value.low.number is None)
    assert (str(u_to_h), [finding.code for finding in u_to_h.findings]) == ("GUGH", ["range-of-statuses"])
    # Multi-part draws reach each guidance form (their shrink target is not unique, so no exact code).
    for code in ("season-missing", "season-repeated", "part-repeated"):

        def has(rank: MultiSeasonRank, code: str = code) -> bool:
            return code in [finding.code for finding in rank.findings]

        assert has(_minimal(multi_season_ranks(findings=True), has))


# -- registration through hypothesis's entry point -----------------------------


def test_entry_point_is_installed() -> None:
    (entry,) = [entry for entry in entry_points(group="hypothesis") if entry.name == "srank"]
    assert entry.value == "srank._hypothesis_plugin:_hypothesis_setup_hook"


@given(st.from_type(Rank), st.from_type(MultiSeasonRank))
def test_from_type_draws_ranks(rank: Rank, code: MultiSeasonRank) -> None:
    assert isinstance(rank, Rank)
    assert isinstance(code, MultiSeasonRank)
    assert srank.parse(str(rank)) == rank


_CHILD = """
import json, sys
import srank
before = "hypothesis" in sys.modules
{first_import}
from hypothesis import find, settings, strategies as st
drawn = find(st.from_type(srank.Rank), lambda rank: True, settings=settings(database=None))
multi = find(st.from_type(srank.MultiSeasonRank), lambda rank: True, settings=settings(database=None))
print(json.dumps({{"before": before, "type": type(drawn).__name__, "code": str(drawn), "multi": str(multi)}}))
"""


@pytest.mark.parametrize(
    "first_import",
    [
        "import hypothesis",
        # srank.strategies imports hypothesis, whose entry point then runs while
        # srank.strategies is half loaded: the hook must cope.
        "import srank.strategies",
        "from srank.strategies import ranks",
    ],
)
def test_import_srank_does_not_import_hypothesis_and_registration_follows_it(first_import: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD.format(first_import=first_import)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"before": False, "type": "Rank", "code": "G5", "multi": "S1B,S1N"}


@settings(max_examples=200, derandomize=True)
@given(strategies.distributions(formats=["biotics"]))
def test_a_biotics_distribution_reads_back_as_itself(dist: srank.Distribution) -> None:
    # The empty Biotics string is the empty text, an Explorer distribution: it is not drawn.
    assert srank.parse_distribution(str(dist)) == dist


def test_wrong_arguments_are_refused_when_the_strategy_is_made_or_drawn() -> None:
    with pytest.raises(TypeError, match=r"levels must be a srank.Level or a non-empty collection"):
        strategies.ranks(levels=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^multi_season must be True or False, not 'yes'$"):
        strategies.rank_codes(multi_season="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"takes 'explorer', 'biotics' or both, not \['csv'\]"):
        find(strategies.distributions(formats=["csv"]), lambda _: True)
