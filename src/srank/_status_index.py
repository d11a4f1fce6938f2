"""A status index over many ranks: the Red List Index applied to NatureServe ranks, as bcgov/ranktrends does.

Each code becomes a set of whole numbers from 0 (X) to 5, read from the taxon's
value (the T part of a G+T code):

- X is {0}; H is {0, 1}; a number n is {n};
- a range is every whole rank it covers (S2S4 -> {2, 3, 4});
- ``?`` widens a number by one on each side, within 1-5 (S2? -> {1, 2, 3},
  S1? -> {1, 2}, S5? -> {4, 5});
- U, NR and NA have no number: they are left out, and so are missing values.

``uncertain`` picks the min, median or max of each set (SH -> 0, 0.5 or 1), and
the index is the mean of those numbers divided by 5: 1 when every taxon is
secure, 0 when every one is extinct. That is ranktrends' ``rli(w)`` with
w = 5 - number, which is the Red List Index of Butchart et al. (2004, 2007)
with NatureServe's six steps in place of IUCN's.

A multi-season code counts by its part of the chosen ``season`` (the first such
part, as ``rank.breeding`` reads it); a single-season code of another season,
and a multi-part code with no part of that season, are left out; a code
without a season counts for every season. This is ranktrends' ``keep``.

``status_index_interval`` draws each code's number from the probability table
in ``status_index/probabilities.toml`` (ranktrends' own key, applied to every
level) ``samples`` times with a seeded generator, and reports the mean of the
sampled indices and the central ``level`` interval (R's default quantile
definition, type 7), as ranktrends' ``sampled_index`` reports mean_wt, lci and uci.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import random
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Literal

import attrs

from ._batch import ERRORS, Errors, Result, cell_error, codes_given, parse_many
from ._errors import InvalidRankError, SrankError
from ._model import AnyRank, Grade, Range, Rank, Single, Value, season_part
from ._vocabulary import Season

__all__ = [
    "UNCERTAIN",
    "StatusIndex",
    "StatusIndexInterval",
    "Tally",
    "check_options",
    "counted_value",
    "decoded_counts",
    "index_number",
    "index_numbers",
    "index_of",
    "interval_of",
    "nothing_counted",
    "probabilities",
    "read_probabilities",
    "scale_of",
    "status_index",
    "status_index_interval",
    "tally",
    "value_key",
    "warn_mixed",
]

Uncertain = Literal["min", "median", "max"]
UNCERTAIN = ("min", "median", "max")
_TOP = 5  # the number of a secure rank: ranktrends' Wex, the weight of an extinct taxon
_NUMBERS = range(_TOP + 1)


@attrs.frozen
class StatusIndex:
    """A status index: ``value`` from 0 (every taxon extinct) to 1 (every one secure); ``float(index)`` is it.

    ``counted`` codes made the index; ``left_out`` ones did not (U, NR, NA,
    missing values, codes with no part of the season, unreadable codes skipped).

    Examples:
    >>> index = srank.status_index(["S5", "S3", "SNR"])
    >>> index.value, index.counted, index.left_out, float(index)
    (0.8, 2, 1, 0.8)
    """

    value: float
    counted: int
    left_out: int

    def __float__(self) -> float:
        return self.value


@attrs.frozen
class StatusIndexInterval:
    """A status index with a bootstrap interval: ``low`` <= ``value`` <= ``high`` at ``level`` (0.95).

    ``value`` is the mean of the ``samples`` sampled indices, as ranktrends'
    ``mean_wt``; ``float(interval)`` is it.

    Examples:
    >>> interval = srank.status_index_interval(["S1S3", "SH", "S5"], samples=200, seed=0)
    >>> interval.low <= interval.value <= interval.high
    True
    """

    value: float
    low: float
    high: float
    level: float
    samples: int
    counted: int
    left_out: int

    def __float__(self) -> float:
        return self.value


def value_key(value: Value) -> str:
    """How the probability table names a value: "2", "2?", "2-4", "X", "H"."""
    return value.format("-")


def index_numbers(value: Value) -> tuple[int, ...] | None:
    """The whole ranks, 0 (X) to 5, that a value may stand for; None for U, NR and NA."""
    low, high = value.low, value.high
    if low is Grade.PRESUMED_EXTINCT:
        return (0,)
    if low is Grade.POSSIBLY_EXTINCT:
        return (0, 1)
    first, last = low.number, high.number
    if first is None or last is None:
        return None
    if value.inexact:
        first, last = max(1, first - 1), min(_TOP, last + 1)
    return tuple(range(first, last + 1))


def _every_value() -> Iterator[Value]:
    """Every value a readable code can have with numbers: X, H, 1-5, 1?-5? and the ranges."""
    numbers = [Grade.from_number(number) for number in range(1, _TOP + 1)]
    yield Single(Grade.PRESUMED_EXTINCT)
    yield Single(Grade.POSSIBLY_EXTINCT)
    for grade in numbers:
        yield Single(grade)
        yield Single(grade, inexact=True)
    for low in numbers:
        for high in numbers:
            assert low.number is not None
            assert high.number is not None
            if 0 < high.number - low.number <= 2:
                yield Range(low, high)


def probabilities() -> Mapping[str, tuple[float, ...]]:
    """The checked probability table: a value's key -> the probability of each whole rank 0-5."""
    return _probabilities_cached()


@functools.cache
def _probabilities_cached() -> Mapping[str, tuple[float, ...]]:
    import tomllib

    source = "srank/status_index/probabilities.toml"
    # Plain open() beside this module, as for the other tables: importlib.resources costs more to import.
    with open(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "status_index", "probabilities.toml"), "rb"
    ) as file:
        return read_probabilities(tomllib.load(file), source)


def read_probabilities(data: Mapping[str, object], source: str) -> Mapping[str, tuple[float, ...]]:
    """Check a loaded probability table; SrankError names the file and the entry at fault."""
    table = data.get("probabilities")
    if not isinstance(table, Mapping):
        raise SrankError(f"{source} has no [probabilities] table")
    wanted = {value_key(value): index_numbers(value) for value in _every_value()}
    missing, unused = sorted(wanted.keys() - table.keys()), sorted(table.keys() - wanted.keys())
    if missing or unused:
        raise SrankError(f"{source}: entries missing {missing or 'none'}, entries srank never uses {unused or 'none'}")
    checked: dict[str, tuple[float, ...]] = {}
    for key, numbers in wanted.items():
        row = table[key]
        if not (isinstance(row, list) and len(row) == len(_NUMBERS) and all(_is_probability(p) for p in row)):
            raise SrankError(f"{source}: {key!r} must list {len(_NUMBERS)} probabilities (ranks 0 to 5), not {row!r}")
        if not math.isclose(math.fsum(row), 1.0, abs_tol=1e-9):
            raise SrankError(f"{source}: the probabilities of {key!r} sum to {math.fsum(row)}, not 1")
        support = tuple(number for number in _NUMBERS if row[number] > 0)
        if support != numbers:
            counts = list(numbers or ())
            raise SrankError(f"{source}: {key!r} gives ranks {list(support)} a chance; status_index counts {counts}")
        checked[key] = tuple(float(p) for p in row)
    return checked


def _is_probability(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


# -- options -----------------------------------------------------------------------


def check_options(name: str, season: object, uncertain: object = "median", errors: object = "raise") -> Season:
    """The season asked for, once every option is known to be one srank takes; ValueError or TypeError names it."""
    if uncertain not in UNCERTAIN:
        raise ValueError(f"{name}(): uncertain must be one of {', '.join(map(repr, UNCERTAIN))}, not {uncertain!r}")
    if errors not in ERRORS:
        raise ValueError(f"{name}(): errors must be one of {', '.join(map(repr, ERRORS))}, not {errors!r}")
    if isinstance(season, Season):
        return season
    if isinstance(season, str) and season in {member.value for member in Season}:
        return Season(season)
    letters = ", ".join(repr(member.value) for member in Season)
    raise ValueError(f"{name}(): season must be {letters} or a srank.Season, not {season!r}")


# -- counting ------------------------------------------------------------------------


@attrs.frozen
class Tally:
    """What a set of codes adds up to: how many of each value counted, how many were left out."""

    values: Mapping[str, int]  # value key -> codes, in order of first appearance
    numbers: Mapping[str, tuple[int, ...]]  # value key -> the whole ranks it stands for
    counted: int
    left_out: int
    scales: frozenset[str] = frozenset()  # the scales of the codes counted: G (and T), N, S


def decoded_counts(codes: Iterable[object], lenient: bool, name: str) -> list[tuple[object, Result, int]]:
    """Each distinct code of ``codes`` with its result and how often it occurs, in order of first appearance.

    Texts are read once each (``parse_many``); rank objects are taken as they are.
    """
    codes_given(codes, name)
    items: Sequence[object] = codes if isinstance(codes, (list, tuple)) else list(codes)  # a generator: read once
    try:
        counts: Counter[object] = Counter(items)
    except TypeError:  # an unhashable value somewhere: one entry per item
        return [(item, result, 1) for item, result in zip(items, parse_many(items, lenient=lenient), strict=True)]
    distinct = list(counts)
    results = parse_many(distinct, lenient=lenient)
    return [(item, result, counts[item]) for item, result in zip(distinct, results, strict=True)]


def counted_value(rank: AnyRank, season: Season) -> Value | None:
    """The value a code counts with for ``season``: its season's part's taxon value; None when it is left out."""
    part = season_part(rank.parts, season) or _unseasoned(rank)
    value = None if part is None else part._taxon_value()
    return None if value is None or index_numbers(value) is None else value


def index_number(rank: AnyRank, season: Season, uncertain: str) -> float | None:
    """The one number a code counts with (0 to 5), as ``uncertain`` picks it; None when it is left out."""
    value = counted_value(rank, season)
    numbers = None if value is None else index_numbers(value)
    return None if numbers is None else _choose(numbers, uncertain)


def tally(
    counts: Iterable[tuple[object, Result, int]],
    season: Season,
    errors: str,
    caller: str,
    where: Callable[[object], str] | None = None,
) -> Tally:
    """Add up decoded codes for one season; an unreadable code raises, unless skipped, named after ``caller``
    or by ``where(code)`` (a table's helper names the code's first row)."""
    values: dict[str, int] = {}
    numbers: dict[str, tuple[int, ...]] = {}
    scales: set[str] = set()
    counted = left_out = 0
    for item, result, count in counts:
        if isinstance(result, InvalidRankError):
            if errors == "raise":
                raise cell_error(result, where(item) if where else f"{caller}: code {item!r}") from None
            left_out += count
            continue
        value = None if result is None else counted_value(result, season)
        if value is None:
            left_out += count
            continue
        key = value_key(value)
        values[key] = values.get(key, 0) + count
        numbers[key] = index_numbers(value) or ()
        scales.add(scale_of(result))  # type: ignore[arg-type]
        counted += count
    return Tally(values, numbers, counted, left_out, frozenset(scales))


def scale_of(rank: AnyRank) -> str:
    """The scale a code ranks on: G (a species' or its subspecies' range-wide rank, T too), N or S."""
    level = rank.parts[0].level.value
    return "G" if level == "T" else level


def warn_mixed(scales: Iterable[str], name: str) -> None:
    """An index over codes of several scales (G5 beside S1) mixes a taxon's range-wide rank with a state's: warn."""
    found = sorted(set(scales), key="GNS".index)
    if len(found) > 1:
        import warnings

        from ._messages import say

        warnings.warn(say("status-index.mixed-scales", name=name, scales=", ".join(found)), stacklevel=_callers())


def _callers() -> int:
    """The stack level of the first caller outside srank, however many of srank's frames (an accessor, a per-group
    decorator) stand between: where the warning is about."""
    import sys

    frame, level = sys._getframe(1), 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).partition(".")[0] == "srank":
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def _unseasoned(rank: AnyRank) -> Rank | None:
    """A single code without a season counts for every season."""
    return rank if isinstance(rank, Rank) and rank.season is None else None


def _choose(numbers: tuple[int, ...], uncertain: str) -> float:
    if uncertain == "min":
        return numbers[0]
    if uncertain == "max":
        return numbers[-1]
    return statistics.median(numbers)


def index_of(counts: Tally, uncertain: str, name: str) -> StatusIndex:
    """The index of a tally; ValueError when nothing was counted."""
    if not counts.counted:
        raise ValueError(nothing_counted(name, counts.left_out))
    warn_mixed(counts.scales, name)
    total = math.fsum(count * _choose(counts.numbers[key], uncertain) for key, count in counts.values.items())
    return StatusIndex(total / (_TOP * counts.counted), counts.counted, counts.left_out)


def nothing_counted(name: str, left_out: int) -> str:
    """Why an index of ``left_out`` codes, none of which counts, has no value; ``name`` is the function asked."""
    return (
        f"{name}() counted no code ({left_out} left out): the index needs at least one X, H or"
        " numeric rank of the season asked for; U, NR, NA and missing values are left out"
    )


# -- the public functions -------------------------------------------------------------


def status_index(
    codes: Iterable[object],
    *,
    season: str | Season = "B",
    uncertain: Uncertain = "median",
    errors: Errors = "raise",
    lenient: bool = False,
) -> StatusIndex:
    """The status index of ``codes`` (text or rank objects): from 0 (all extinct) to 1 (all secure).

    Each code stands for a set of whole ranks (H is {0, 1}, S2S4 is {2, 3, 4},
    S2? is {1, 2, 3}) and ``uncertain`` ("min", "median" or "max") picks one
    number from it; the index is their mean divided by 5, as bcgov/ranktrends
    computes it. Multi-season codes count by their ``season`` part ("B", "N" or
    "M"). U, NR, NA and missing values are left out and counted in
    ``left_out``; an unreadable code raises InvalidRankError unless
    ``errors="skip"``, which leaves it out too. ValueError when nothing counts.

    Args:
        codes: Codes as text or rank objects; missing values are allowed.
        season: The part of a multi-season code that counts: "B", "N", "M" or a Season.
        uncertain: Which number a range or ``?`` counts as: "min", "median" or "max".
        errors: "raise" for an unreadable code, or "skip" to leave it out.
        lenient: Read the spellings real files use instead of NatureServe's syntax only.

    Returns:
        A StatusIndex: the value, and how many codes were counted and left out.

    Raises:
        InvalidRankError: An unreadable code, unless ``errors="skip"``.
        ValueError: A bad option, or no code that counts.

    Examples:
        >>> srank.status_index(["S5", "S3", "S2", "S2"])
        StatusIndex(value=0.6, counted=4, left_out=0)
        >>> srank.status_index(["S2S4", "SNR"], uncertain="max").value
        0.8
    """
    chosen = check_options("status_index", season, uncertain, errors)
    counts = tally(decoded_counts(codes, lenient, "status_index"), chosen, errors, "status_index()")
    return index_of(counts, uncertain, "status_index")


def status_index_interval(
    codes: Iterable[object],
    *,
    season: str | Season = "B",
    samples: int = 1000,
    seed: int | None = 0,
    level: float = 0.95,
    errors: Errors = "raise",
    lenient: bool = False,
) -> StatusIndexInterval:
    """The status index with a bootstrap interval, as bcgov/ranktrends' ``sampled_index``.

    Each of ``samples`` rounds draws every code's number from the probability
    table (ranktrends' own key: S1S3 is 1, 2 or 3 with 0.2/0.6/0.2; SH 0 or 1
    with 0.5/0.5) and computes the index; the result is their mean and the
    central ``level`` interval. ``seed`` makes it repeatable (None: fresh
    randomness). Codes are read and left out as in ``status_index``.

    Args:
        codes: Codes as text or rank objects; missing values are allowed.
        season: The part of a multi-season code that counts: "B", "N", "M" or a Season.
        samples: How many bootstrap rounds to draw.
        seed: The random seed, so that a run can be repeated; None for fresh randomness.
        level: The share of the rounds the interval holds (0.95: from the 2.5th to the 97.5th percentile).
        errors: "raise" for an unreadable code, or "skip" to leave it out.
        lenient: Read the spellings real files use instead of NatureServe's syntax only.

    Returns:
        A StatusIndexInterval: the mean, ``low`` and ``high``, and the counts.

    Raises:
        InvalidRankError: An unreadable code, unless ``errors="skip"``.
        ValueError: A bad option, or no code that counts.

    Examples:
        >>> srank.status_index_interval(["S1S3", "SH", "S5"], samples=200, seed=0)
        StatusIndexInterval(value=0.504, low=0.4, high=0.6, level=0.95, samples=200, counted=3, left_out=0)
    """
    chosen = check_options("status_index_interval", season, "median", errors)
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        raise ValueError(f"status_index_interval(): samples must be a whole number of 1 or more, not {samples!r}")
    if isinstance(level, bool) or not isinstance(level, (int, float)) or not 0 < level < 1:
        raise ValueError(f"status_index_interval(): level must be between 0 and 1 (0.95), not {level!r}")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise TypeError(f"status_index_interval(): seed must be an int or None, not {type(seed).__name__}")
    decoded = decoded_counts(codes, lenient, "status_index_interval")
    counts = tally(decoded, chosen, errors, "status_index_interval()")
    return interval_of(counts, samples, seed, level, "status_index_interval")


def interval_of(counts: Tally, samples: int, seed: int | None, level: float, name: str) -> StatusIndexInterval:
    """Bootstrap a tally: the certain values add a constant, the uncertain ones are drawn every round."""
    if not counts.counted:
        raise ValueError(nothing_counted(name, counts.left_out))
    warn_mixed(counts.scales, name)
    table = probabilities()
    fixed = 0
    drawn: list[tuple[tuple[int, ...], list[float], int]] = []
    for key, count in counts.values.items():
        numbers = counts.numbers[key]
        if len(numbers) == 1:
            fixed += count * numbers[0]
        else:
            weights = [table[key][number] for number in numbers]
            drawn.append((numbers, list(itertools.accumulate(weights)), count))
    generator = random.Random(seed)
    scale = _TOP * counts.counted
    indices = sorted(
        (fixed + sum(sum(generator.choices(numbers, cum_weights=cum, k=count)) for numbers, cum, count in drawn))
        / scale
        for _ in range(samples)
    )
    tail = (1 - level) / 2
    return StatusIndexInterval(
        statistics.fmean(indices),
        _quantile(indices, tail),
        _quantile(indices, 1 - tail),
        float(level),
        samples,
        counts.counted,
        counts.left_out,
    )


def _quantile(ordered: list[float], probability: float) -> float:
    """R's default quantile (type 7): linear between the order statistics around (n - 1) * p."""
    position = (len(ordered) - 1) * probability
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])
