"""Rank semantics: NatureServe rounding, bounds, the imperilment order and predicates.

Documented rules (the model's methods delegate here):

Rounding (``rounded``) follows NatureServe Explorer's roundedGRank/roundedSRank:
``?``, Q and C are dropped; a range of two adjacent numbers rounds to the more
imperiled one (G3G4 -> G3) and a range skipping one to the middle (G1G3 -> G2);
a G+T code rounds to its T part alone (G5T1T3Q -> T2); X, H, U, NR and NA stay;
seasons stay; a multi-season code rounds each part in order. The USDA PLANTS
form S5T1T3 rounds like G+T, to its T part (T2): the page is about the
subspecies or variety, and PLANTS flags such a page as a rare plant, so a
filter for at-risk taxa must keep it.

Bounds (``bounds``) are the most and least imperiled number the rank allows,
read from the taxon the code is about (the T part of G+T and of the PLANTS
form); None for X, H, U, NR and NA. A multi-season code spans all its
numeric parts, or is None when none is numeric.

Order (``sort_key``, smaller = more imperiled) compares, in turn:
1. the rounded rank's place on X < H < 1 < 2 < 3 < 4 < 5 < U < NR < NA;
2. the bounds, low end then high end (G1G3 before G2 before G2G3);
3. exact before inexact (G3 before G3?);
4. the canonical code, so the key is total and equal only for equal ranks.
A multi-season code sorts by its most imperiled part, then by its code.

Predicates read the rounded rank, so G+T codes answer for their T part. A
multi-season code answers True when any of its parts does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from ._model import Grade, Level, MultiSeasonRank, Rank, Single, Value
from ._parse import is_missing, parse

__all__ = [
    "bounds",
    "is_extinct",
    "is_imperiled",
    "is_possibly_extinct",
    "is_ranked",
    "least_imperiled",
    "most_imperiled",
    "rounded",
    "sort_key",
]

AnyRank = Rank | MultiSeasonRank
SortKey = tuple[int, int, int, int, str]

# Place of each rounded grade on the imperilment scale; off-scale statuses last.
_PLACE = {
    Grade.PRESUMED_EXTINCT: 0,
    Grade.POSSIBLY_EXTINCT: 1,
    Grade.CRITICALLY_IMPERILED: 2,
    Grade.IMPERILED: 3,
    Grade.VULNERABLE: 4,
    Grade.APPARENTLY_SECURE: 5,
    Grade.SECURE: 6,
    Grade.UNRANKABLE: 7,
    Grade.NOT_RANKED: 8,
    Grade.NOT_APPLICABLE: 9,
}
_UNRANKED = frozenset({Grade.UNRANKABLE, Grade.NOT_RANKED, Grade.NOT_APPLICABLE})


def _round_value(value: Value) -> Single:
    if isinstance(value, Single):
        return value if not value.inexact else Single(value.grade)
    low, high = int(value.low.value), int(value.high.value)  # a Range holds numbers only
    # Adjacent: the more imperiled end. Skipping one: the middle.
    return Single(Grade.from_number(low if high - low == 1 else low + 1))


def _taxon_value(rank: Rank) -> Value:
    """The value the code speaks for: the T part when there is one, else the rank's own."""
    if rank.infraspecific is not None:
        return rank.infraspecific.value
    return rank.value


def _rounded_single(rank: Rank) -> Rank:
    if rank.infraspecific is not None:
        return Rank(Level.INFRASPECIFIC, _round_value(rank.infraspecific.value))
    return Rank(rank.level, _round_value(rank.value), season=rank.season)


def _single_bounds(rank: Rank) -> tuple[int, int] | None:
    value = _taxon_value(rank)
    low, high = value.low.number, value.high.number
    if low is None or high is None:
        return None
    return low, high


def _part_key(rank: Rank) -> tuple[int, int, int, int]:
    value = _round_value(_taxon_value(rank))
    place = _PLACE[value.grade]
    span = _single_bounds(rank)
    low, high = (place, place) if span is None else (_PLACE[Grade.from_number(n)] for n in span)
    return place, low, high, int(_taxon_value(rank).inexact)


@attrs.frozen
class _Facts:
    """Everything semantic about one code, computed once per distinct code."""

    rounded: AnyRank
    bounds: tuple[int, int] | None
    sort_key: SortKey
    grades: frozenset[Grade]  # the rounded grades of all parts


_FACTS: dict[str, _Facts] = {}
_FACTS_LIMIT = 65536  # distinct codes in real data number in the hundreds


def _facts(rank: object, name: str) -> _Facts:
    # Keyed by the canonical code: equal ranks share it, and str hashes are cached.
    if not isinstance(rank, (Rank, MultiSeasonRank)):
        raise TypeError(f"{name}() takes a srank.Rank or srank.MultiSeasonRank, not {type(rank).__name__}")
    code = str(rank)
    facts = _FACTS.get(code)
    if facts is None:
        facts = _compute(rank)
        if len(_FACTS) >= _FACTS_LIMIT:
            _FACTS.clear()
        _FACTS[code] = facts
    return facts


def _compute(rank: AnyRank) -> _Facts:
    parts = tuple(_rounded_single(part) for part in rank.parts)
    result: AnyRank = MultiSeasonRank(parts) if isinstance(rank, MultiSeasonRank) else parts[0]
    spans = [span for span in map(_single_bounds, rank.parts) if span is not None]
    span = (min(low for low, _ in spans), max(high for _, high in spans)) if spans else None
    key = (*min(map(_part_key, rank.parts)), str(rank))
    # Rounded values are always Single, so each part has exactly one grade.
    return _Facts(result, span, key, frozenset(part.value.low for part in parts))


def rounded(rank: AnyRank) -> AnyRank:
    """NatureServe's rounded rank (rules in the module docstring)."""
    return _facts(rank, "rounded").rounded


def bounds(rank: AnyRank) -> tuple[int, int] | None:
    """The most and least imperiled number allowed; None off the 1-5 scale."""
    return _facts(rank, "bounds").bounds


def sort_key(rank: AnyRank) -> SortKey:
    """The imperilment sort key (module docstring): total and consistent with ==."""
    return _facts(rank, "sort_key").sort_key


def is_imperiled(rank: AnyRank, threshold: int = 3) -> bool:
    """Rounded number 1..threshold. X and H are not counted: see is_extinct, is_possibly_extinct."""
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise TypeError(f"threshold must be an int from 1 to 5, not {type(threshold).__name__}")
    if not 1 <= threshold <= 5:
        raise ValueError(f"threshold must be from 1 to 5, not {threshold}")
    grades = _facts(rank, "is_imperiled").grades
    return any(grade.number is not None and grade.number <= threshold for grade in grades)


def is_extinct(rank: AnyRank) -> bool:
    """Rounded rank X: presumed extinct (G, T), presumed extirpated (N, S)."""
    return Grade.PRESUMED_EXTINCT in _facts(rank, "is_extinct").grades


def is_possibly_extinct(rank: AnyRank) -> bool:
    """Rounded rank H: possibly extinct (G, T), possibly extirpated (N, S)."""
    return Grade.POSSIBLY_EXTINCT in _facts(rank, "is_possibly_extinct").grades


def is_ranked(rank: AnyRank) -> bool:
    """False for U, NR and NA, which carry no status; True for X, H and 1-5."""
    return not _facts(rank, "is_ranked").grades <= _UNRANKED


def _pick(name: str, codes: Iterable[object], lenient: bool, choose: Callable[..., AnyRank]) -> AnyRank:
    if isinstance(codes, (str, Rank, MultiSeasonRank)):
        raise TypeError(f"{name}() takes an iterable of codes, not a single {type(codes).__name__}")
    found: list[AnyRank] = []
    for code in codes:
        if is_missing(code):  # None, NaN, blank text: a gap in the column, as in parse_many
            continue
        if isinstance(code, str):
            found.append(parse(code, lenient=lenient))
        elif isinstance(code, (Rank, MultiSeasonRank)):
            found.append(code)
        else:
            raise TypeError(f"{name}() takes rank codes (str or srank rank objects), not {type(code).__name__}")
    if not found:
        raise ValueError(f"{name}() got no rank codes (the input was empty or all missing)")
    return choose(found, key=sort_key)


def most_imperiled(codes: Iterable[object], *, lenient: bool = False) -> AnyRank:
    """The most imperiled of ``codes`` by the sort key: min() over rank objects.

    Strings are parsed (strictly unless ``lenient=True``); missing values (None,
    NaN, blank text, as in parse_many) are skipped, so a column with gaps can be
    passed as is. Raises ValueError when nothing is left.
    """
    return _pick("most_imperiled", codes, lenient, min)


def least_imperiled(codes: Iterable[object], *, lenient: bool = False) -> AnyRank:
    """The least imperiled of ``codes``: max() over rank objects; see most_imperiled."""
    return _pick("least_imperiled", codes, lenient, max)
