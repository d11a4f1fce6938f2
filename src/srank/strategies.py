"""Hypothesis strategies for rank objects and codes (needs hypothesis installed).

Use them to test your own code with valid and invalid rank codes::

    from hypothesis import given
    from srank.strategies import invalid_codes, ranks

    @given(ranks(levels=srank.Level.SUBNATIONAL, seasons=False))
    def test_my_report_accepts_every_state_rank(rank): ...

    @given(invalid_codes())
    def test_my_loader_rejects_bad_codes(text): ...

Draws shrink towards the simplest codes: ``G5`` for any rank, ``S1`` for a
subnational one. Every draw makes the same number of choices whatever it picks,
and each choice lists the simplest option first, which is what lets
hypothesis's shrinker (fewest, then smallest choices first) end on those codes.

Once hypothesis is imported, ``st.from_type(srank.Rank)`` and
``st.from_type(srank.MultiSeasonRank)`` use these strategies: hypothesis finds
them through its ``hypothesis`` entry point, so ``import srank`` alone never
imports hypothesis.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from typing import TYPE_CHECKING

from ._errors import missing_dependency

try:
    from hypothesis import strategies as st
except ImportError as error:
    raise missing_dependency("srank.strategies", error, "hypothesis", {"hypothesis": "hypothesis>=6.100"}) from error

from ._model import Grade, Infraspecific, Level, MultiSeasonRank, Range, Rank, Season, Single, Value
from ._parse import reads
from ._rules import STATUS_RANGE, captive_fits, more_secure, questionable_fits, range_rule

if TYPE_CHECKING:
    from ._distribution import Distribution

__all__ = ["distributions", "invalid_codes", "multi_season_ranks", "rank_codes", "ranks"]

_ALL_LEVELS = (Level.GLOBAL, Level.SUBNATIONAL, Level.NATIONAL, Level.INFRASPECIFIC)
_SEASONAL = (Level.NATIONAL, Level.SUBNATIONAL)
_STATUSES = tuple(grade for grade in Grade if grade.number is None)  # X, H, U, NR, NA
# Ranges NatureServe allows (G1G3, not G1G4), by the model's own rule.
_NUMBERS = tuple(Grade.from_number(number) for number in range(1, 6))
_RANGES = tuple((low, high) for low in _NUMBERS for high in _NUMBERS if range_rule(low, high) is None)


@functools.cache
def _value_menu(*, inexact: bool, secure_first: bool, status_range: bool = False) -> tuple[Value, ...]:
    """Every value a rank can hold, simplest first: numbers, inexact numbers, statuses, ranges.

    Global and infraspecific menus start at 5 (G5, the commonest global rank),
    national and subnational ones at 1 (S1). ``status_range`` adds U to H last
    (a global rank's own value only, always with a finding).
    """
    numbers = (5, 1, 2, 3, 4) if secure_first else (1, 2, 3, 4, 5)
    menu: list[Value] = [Single(Grade.from_number(number)) for number in numbers]
    if inexact:
        menu += [Single(Grade.from_number(number), inexact=True) for number in numbers]
    menu += [Single(status) for status in _STATUSES]
    menu += [Range(low, high) for low, high in _RANGES]
    if status_range:
        menu.append(Range(*STATUS_RANGE))
    return tuple(menu)


def _normalise_levels(levels: Level | Collection[Level] | None) -> tuple[Level, ...]:
    if levels is None:
        return _ALL_LEVELS
    if not isinstance(levels, (Level, Collection)):
        raise TypeError(f"levels must be a srank.Level or a non-empty collection of srank.Level, not {levels!r}")
    chosen = (levels,) if isinstance(levels, Level) else tuple(levels)
    if not chosen or not all(isinstance(level, Level) for level in chosen):
        raise ValueError("levels must be a srank.Level or a non-empty collection of srank.Level")
    # Keep the canonical order so that shrinking prefers G, then S, N and T.
    return tuple(level for level in _ALL_LEVELS if level in chosen)


@st.composite
def _single_ranks(
    draw: st.DrawFn, levels: tuple[Level, ...], qualifiers: bool, seasons: bool, infraspecific: bool, findings: bool
) -> Rank:
    # Every branch draws the same choices in the same order (unused ones are
    # ignored), so the shrinker compares draws choice by choice. Without
    # findings, the model's own guidance rules decide what may be combined.
    level = draw(st.sampled_from(levels))
    secure_first = level in (Level.GLOBAL, Level.INFRASPECIFIC)
    status_range = findings and level is Level.GLOBAL
    value = draw(st.sampled_from(_value_menu(inexact=qualifiers, secure_first=secure_first, status_range=status_range)))
    season = draw(st.sampled_from((None, *Season))) if seasons else None
    captive = qualifiers and draw(st.booleans())
    with_infra = infraspecific and draw(st.booleans())
    infra_menu = [
        v for v in _value_menu(inexact=qualifiers, secure_first=True) if findings or not more_secure(v, value)
    ]
    infra_value = draw(st.sampled_from(infra_menu)) if infraspecific else None
    infra_captive = qualifiers and infraspecific and draw(st.booleans())
    questionable = qualifiers and draw(st.booleans())

    if level in _SEASONAL:
        return Rank(level, value, season=season)
    infra = None
    if level is Level.GLOBAL and with_infra and infra_value is not None:
        infra = Infraspecific(infra_value, captive=infra_captive and (findings or captive_fits(infra_value)))
    taxon = infra.value if infra is not None else value
    return Rank(
        level,
        value,
        captive=captive and (findings or captive_fits(value)),
        infraspecific=infra,
        questionable=questionable and (findings or questionable_fits(taxon)),
    )


def ranks(
    *,
    levels: Level | Collection[Level] | None = None,
    qualifiers: bool = True,
    seasons: bool = True,
    infraspecific: bool = True,
    findings: bool = False,
) -> st.SearchStrategy[Rank]:
    """Single-season ranks in NatureServe's official syntax.

    Every rank drawn parses back to itself: ``srank.parse(str(rank)) == rank``.
    Shrinks towards ``G5`` (``S1`` when only subnational ranks are drawn).

    Args:
        levels: The levels to draw from (one Level or several); all four by default.
        qualifiers: False leaves out ``?`` (inexact), ``C`` (captive) and ``Q`` (questionable taxonomy).
        seasons: False leaves out the season letters B, N and M of national and subnational ranks.
        infraspecific: False leaves out global ranks with a T part (``G5T2``).
        findings: True also draws ranks that NatureServe's guidance has findings about
            (G2T4, G1C, G5Q, GUGHQ); by default every rank drawn has none.

    Returns:
        A hypothesis strategy of Rank.

    Examples:
        >>> from hypothesis import find, settings
        >>> import srank
        >>> from srank.strategies import ranks
        >>> find(ranks(), lambda rank: True, settings=settings(derandomize=True))
        <Rank 'G5'>
        >>> subnational = ranks(levels=srank.Level.SUBNATIONAL)
        >>> find(subnational, lambda rank: rank.is_imperiled(), settings=settings(derandomize=True))
        <Rank 'S1'>
    """
    chosen = _normalise_levels(levels)
    return _single_ranks(chosen, bool(qualifiers), bool(seasons), bool(infraspecific), bool(findings))


@st.composite
def _multi_season_ranks(draw: st.DrawFn, levels: tuple[Level, ...], findings: bool) -> MultiSeasonRank:
    level = draw(st.sampled_from(levels))
    order = draw(st.permutations(list(Season)))
    count = draw(st.integers(2, 3))
    menu = _value_menu(inexact=True, secure_first=False)
    values = [draw(st.sampled_from(menu)) for _ in range(3)][:count]
    # With findings, a part may lack its season or repeat another's (SX,S1 and S1N,S2N are on Explorer).
    odd = [draw(st.sampled_from((None, *Season))) for _ in range(3)][:count] if findings else [None] * count
    seasons = [drawn if findings and drawn is not None else season for drawn, season in zip(odd, order, strict=False)]
    if findings and draw(st.booleans()):
        seasons[-1] = None
    return MultiSeasonRank(
        tuple(Rank(level, value, season=season) for value, season in zip(values, seasons[:count], strict=True))
    )


def multi_season_ranks(
    *, levels: Level | Collection[Level] | None = None, findings: bool = False
) -> st.SearchStrategy[MultiSeasonRank]:
    """Multi-part codes such as ``S2B,S4N``: two or three parts of one level.

    Shrinks towards ``S1B,S1N``.

    Args:
        levels: ``Level.SUBNATIONAL``, ``Level.NATIONAL`` or both (the default); other levels have no seasons.
        findings: True also draws parts without a season or with a season named twice
            (``SX,S1``, ``S1N,S2N``); by default each season appears once.

    Returns:
        A hypothesis strategy of MultiSeasonRank.

    Examples:
        >>> from hypothesis import find, settings
        >>> from srank.strategies import multi_season_ranks
        >>> find(multi_season_ranks(), lambda rank: len(rank.parts) == 3, settings=settings(derandomize=True))
        <MultiSeasonRank 'S1B,S1N,S1M'>
    """
    chosen = tuple(level for level in _normalise_levels(levels or _SEASONAL) if level in _SEASONAL)
    if not chosen:
        raise ValueError("multi-season codes are national or subnational: levels must include one of them")
    return _multi_season_ranks(chosen, bool(findings))


def rank_codes(*, multi_season: bool = True) -> st.SearchStrategy[str]:
    """Valid code strings in canonical form, as strict parsing accepts them.

    Shrinks towards ``"G5"``.

    Args:
        multi_season: False leaves out multi-season codes (``S2B,S4N``).

    Returns:
        A hypothesis strategy of str.

    Examples:
        >>> from hypothesis import find, settings
        >>> from srank.strategies import rank_codes
        >>> find(rank_codes(), lambda code: "," in code, settings=settings(derandomize=True))
        'S1B,S1N'
    """
    if not isinstance(multi_season, bool):
        raise TypeError(f"multi_season must be True or False, not {multi_season!r}")
    if not multi_season:
        return ranks().map(str)
    return _rank_codes(ranks(), multi_season_ranks())


@st.composite
def _rank_codes(draw: st.DrawFn, singles: st.SearchStrategy[Rank], multis: st.SearchStrategy[MultiSeasonRank]) -> str:
    # Both are drawn, one is used: with st.one_of a multi-season draw makes
    # fewer choices than a single one and the shrinker would prefer it to G5.
    single = draw(singles)
    multi = draw(multis)
    return str(multi if draw(st.booleans()) else single)


_NOISE = "GNSTXHUQCBMRA?,0123456789 -/abgnsq\n"
# Common mistakes, each rejected by strict parsing for a different reason.
_KNOWN_BAD = (
    "",
    "G",
    "G6",
    "G0",
    "G3G2",
    "G1G4",
    "G2G2",
    "G3B",
    "S3Q",
    "G2G3?",
    "GX?",
    "SA",
    "S?",
    "HYB",
    "LC",
    "VU",
    "s3",
    "S3C",
    "N4N5?",
    "G5T",
    "S2B,",
    ",S2B",
)


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    code = draw(rank_codes())
    position = draw(st.integers(0, len(code)))
    action = draw(st.sampled_from(["insert", "delete", "replace"]))
    noise = draw(st.sampled_from(_NOISE))
    if action == "insert":
        return code[:position] + noise + code[position:]
    if action == "delete":
        return code[:position] + code[position + 1 :]
    return code[:position] + noise + code[position + 1 :]


def invalid_codes() -> st.SearchStrategy[str]:
    """Strings that strict parsing cannot read: common mistakes and near misses of valid codes.

    Near misses are valid codes with one character inserted, deleted or
    replaced; those that happen to stay valid are left out. Shrinks towards ``""``.

    Returns:
        A hypothesis strategy of str.

    Examples:
        >>> from hypothesis import find, settings
        >>> from srank.strategies import invalid_codes
        >>> find(invalid_codes(), lambda text: len(text) > 3, settings=settings(derandomize=True))
        'G3G2'
    """
    return st.one_of(st.sampled_from(_KNOWN_BAD), _mutated()).filter(lambda text: not reads(text))


_NATIONS = ("CA", "US", "MX")
_SUBNATIONS = {"CA": ("AB", "BC", "LB", "NF", "QC"), "US": ("CA", "MD", "NN", "DC", "VA"), "MX": ()}


@st.composite
def _place_rank(draw: st.DrawFn, level: Level) -> Rank | MultiSeasonRank:
    if draw(st.booleans()):
        return draw(multi_season_ranks(levels=level, findings=True))
    return draw(ranks(levels=level, findings=True))


@st.composite
def distributions(draw: st.DrawFn, *, formats: Collection[str] = ("explorer", "biotics")) -> Distribution:
    """Distributions as an Explorer export or Biotics writes them; ``str()`` reads back to an equal value.

    Explorer lines hold Canada or the United States with some of their
    subnations (California is ``CA`` under ``US``); Biotics strings hold
    national ranks only, raw ones included.

    Args:
        formats: The formats to draw: "explorer", "biotics" or both.

    Returns:
        A hypothesis strategy of Distribution.

    Examples:
        >>> from hypothesis import find, settings
        >>> from srank.strategies import distributions
        >>> find(distributions(formats=["explorer"]), lambda dist: len(dist) > 1, settings=settings(derandomize=True))
        <Distribution explorer: 2 records>
    """
    from ._distribution import Distribution, PlaceRank

    unknown = sorted(set(formats) - {"explorer", "biotics"})
    if unknown or not formats:
        raise ValueError(f"distributions(formats=...) takes 'explorer', 'biotics' or both, not {unknown or formats!r}")
    chosen = draw(st.sampled_from(sorted(formats)))
    # An empty Biotics string is the empty text, which reads back as an (empty) Explorer distribution.
    minimum = 1 if chosen == "biotics" else 0
    nations = draw(
        st.lists(st.sampled_from(_NATIONS[:2] if chosen == "explorer" else _NATIONS), unique=True, min_size=minimum)
    )
    records: list[PlaceRank] = []
    for nation in nations:
        records.append(PlaceRank(nation, None, draw(_place_rank(Level.NATIONAL))))
        if chosen == "explorer":
            for code in draw(st.lists(st.sampled_from(_SUBNATIONS[nation]), unique=True, max_size=3)):
                records.append(PlaceRank(nation, code, draw(_place_rank(Level.SUBNATIONAL))))
    return Distribution(tuple(records), chosen)  # type: ignore[arg-type]
