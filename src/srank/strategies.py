"""Hypothesis strategies for rank objects and codes (install ``srank[hypothesis]``).

Draws shrink towards the simplest codes (G5, then S1), so a failing example
in your own tests is as short as it can be.
"""

from __future__ import annotations

from collections.abc import Collection

from hypothesis import strategies as st

from ._model import Grade, Infraspecific, Level, MultiSeasonRank, Range, Rank, Season, Single, Value
from ._parse import is_valid

__all__ = ["invalid_codes", "multi_season_ranks", "rank_codes", "ranks"]

_NUMBERS = [5, 1, 2, 3, 4]  # first element = where shrinking ends up
_STATUSES = [Grade.PRESUMED_EXTINCT, Grade.POSSIBLY_EXTINCT, Grade.UNRANKABLE, Grade.NOT_RANKED, Grade.NOT_APPLICABLE]
_RANGES = [(low, high) for low in range(1, 5) for high in (low + 1, low + 2) if high <= 5]


@st.composite
def _values(draw: st.DrawFn, *, inexact: bool, number_first: int) -> Value:
    numbers = [number_first] + [n for n in _NUMBERS if n != number_first]
    kind = draw(st.sampled_from(["number", "status", "range"]))
    if kind == "number":
        number = draw(st.sampled_from(numbers))
        return Single(Grade.from_number(number), inexact=inexact and draw(st.booleans()))
    if kind == "status":
        return Single(draw(st.sampled_from(_STATUSES)))
    low, high = draw(st.sampled_from(_RANGES))
    return Range(Grade.from_number(low), Grade.from_number(high))


def _is_extinct(value: Value) -> bool:
    return isinstance(value, Single) and value.grade in (Grade.PRESUMED_EXTINCT, Grade.POSSIBLY_EXTINCT)


def _not_more_secure(species: Value, infra: Value) -> bool:
    species_high, infra_low = species.high.number, infra.low.number
    return species_high is None or infra_low is None or infra_low <= species_high


@st.composite
def _single_ranks(
    draw: st.DrawFn, levels: tuple[Level, ...], qualifiers: bool, seasons: bool, infraspecific: bool
) -> Rank:
    level = draw(st.sampled_from(levels))
    number_first = 5 if level in (Level.GLOBAL, Level.INFRASPECIFIC) else 1
    value = draw(_values(inexact=qualifiers, number_first=number_first))
    if level in (Level.NATIONAL, Level.SUBNATIONAL):
        season = draw(st.none() | st.sampled_from(list(Season))) if seasons else None
        return Rank(level, value, season=season)
    captive = qualifiers and _is_extinct(value) and draw(st.booleans())
    infra = None
    if level is Level.GLOBAL and infraspecific and draw(st.booleans()):
        infra_value = draw(_values(inexact=qualifiers, number_first=5).filter(lambda v: _not_more_secure(value, v)))
        infra_captive = qualifiers and _is_extinct(infra_value) and draw(st.booleans())
        infra = Infraspecific(infra_value, captive=infra_captive)
    questionable = qualifiers and draw(st.booleans())
    return Rank(level, value, captive=captive, infraspecific=infra, questionable=questionable)


def ranks(
    *,
    levels: Collection[Level] | None = None,
    qualifiers: bool = True,
    seasons: bool = True,
    infraspecific: bool = True,
) -> st.SearchStrategy[Rank]:
    """Valid single-season ranks in NatureServe's official syntax.

    ``levels`` limits the levels drawn; ``qualifiers=False`` leaves out ?, C and Q;
    ``seasons=False`` leaves out B, N and M; ``infraspecific=False`` leaves out
    G+T codes.
    """
    chosen = (
        tuple(levels) if levels is not None else (Level.GLOBAL, Level.SUBNATIONAL, Level.NATIONAL, Level.INFRASPECIFIC)
    )
    if not chosen or not all(isinstance(level, Level) for level in chosen):
        raise ValueError("levels must be a non-empty collection of srank.Level")
    return _single_ranks(chosen, qualifiers, seasons, infraspecific)


@st.composite
def multi_season_ranks(draw: st.DrawFn, *, levels: Collection[Level] | None = None) -> MultiSeasonRank:
    """Valid multi-season codes such as S2B,S4N: two or three parts, distinct seasons."""
    allowed = [
        lvl for lvl in (levels or (Level.SUBNATIONAL, Level.NATIONAL)) if lvl in (Level.NATIONAL, Level.SUBNATIONAL)
    ]
    if not allowed:
        raise ValueError("multi-season codes are national or subnational")
    level = draw(st.sampled_from(allowed))
    seasons = draw(st.permutations(list(Season)))[: draw(st.integers(2, 3))]
    parts = tuple(Rank(level, draw(_values(inexact=True, number_first=1)), season=season) for season in seasons)
    return MultiSeasonRank(parts)


def rank_codes(*, multi_season: bool = True) -> st.SearchStrategy[str]:
    """Valid code strings, as strict parsing accepts them."""
    single = ranks().map(str)
    return st.one_of(single, multi_season_ranks().map(str)) if multi_season else single


_NOISE = "GNSTXHUQCBMRA?,0123456789 -/abgnsq\n"
_KNOWN_BAD = [
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
    "S1,S4",
    "S2B,S3B",
    "G2T4",
    "G1C",
    "S3C",
    "N4N5?",
    "G5T",
    "S2B,",
    ",S2B",
]


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
    """Strings that strict parsing rejects: near misses of valid codes and common mistakes."""
    return st.one_of(st.sampled_from(_KNOWN_BAD), _mutated()).filter(lambda text: not is_valid(text))


def _hypothesis_setup_hook() -> None:
    """Entry point: hypothesis calls this on import, so st.from_type(srank.Rank) works."""
    st.register_type_strategy(Rank, ranks())
    st.register_type_strategy(MultiSeasonRank, multi_season_ranks())
