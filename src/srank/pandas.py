"""pandas support (needs pandas installed): decode a Series of rank codes.

Each function decodes the Series' unique values once (``pandas.factorize``) and
spreads the results back with one array take, so a million-row column costs a
few hundred parses. Importing this module registers the ``.srank`` Series
accessor::

    import srank.pandas
    df["rank"].srank.valid()
    df.sort_values("rank", key=lambda s: s.srank.sort_key())  # most imperiled first
    srank.pandas.most_imperiled(df.groupby("species")["rank"])

Missing values (None, NaN, pandas.NA, blank text) give NA, never an error.
The predicates and ``level``/``bounds`` also give NA for a cell that cannot be
read; ``valid`` is the one that says False for it.
``import srank`` never imports this module, so it never imports pandas.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any, Literal

from ._errors import missing_dependency

try:
    import numpy as np
    import pandas as pd
    from pandas.api.typing import SeriesGroupBy  # public since pandas 2.1
except ImportError as error:
    raise missing_dependency("srank.pandas", error, {"pandas": "pandas>=2.1", "numpy": "numpy"}) from error

from ._batch import Result, cell_error, message_of, parse_many, shared_decoder, validity_of
from ._describe import describe, text_table
from ._errors import InvalidRankError
from ._findings import Finding
from ._model import Level, MultiSeasonRank, Rank, check_threshold
from ._ordering import least_imperiled_of, most_imperiled_of

__all__ = [
    "LEVELS",
    "SrankAccessor",
    "bounds",
    "canonical",
    "distributions",
    "findings",
    "is_extinct",
    "is_imperiled",
    "is_possibly_extinct",
    "is_ranked",
    "label",
    "least_imperiled",
    "level",
    "message",
    "most_imperiled",
    "parse",
    "rounded",
    "sort_key",
    "valid",
]

AnyRank = Rank | MultiSeasonRank
Errors = Literal["skip", "raise"]

LEVELS = [level.value for level in Level]
"""The categories of ``level()``: G, N, S, T (global, national, subnational, infraspecific)."""


def _decoded(series: pd.Series[Any], lenient: bool) -> tuple[np.ndarray[Any, Any], list[Result]]:
    """Row positions into the results of the unique values; the last result (position -1) is None, for missing."""
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists): decode row by row
        results = parse_many(series.tolist(), lenient=lenient)
        return np.arange(len(results)), [*results, None]
    results = parse_many(list(uniques), lenient=lenient)
    results.append(None)  # code -1, pandas' missing value, takes the last entry
    return codes, results


def _spread(series: pd.Series[Any], lenient: bool, convert: Callable[[Result], object]) -> np.ndarray[Any, Any]:
    """``convert(result)`` for every row as an object array, computed once per unique value."""
    codes, results = _decoded(series, lenient)
    spread: np.ndarray[Any, Any] = _objects([convert(result) for result in results])[codes]
    return spread


def _column(series: pd.Series[Any], lenient: bool, convert: Callable[[Result], object], dtype: Any) -> pd.Series[Any]:
    """``convert(result)`` for every row in a typed column: one take from the per-unique array."""
    codes, results = _decoded(series, lenient)
    values = pd.array([convert(result) for result in results], dtype=dtype).take(codes)
    return pd.Series(values, index=series.index, name=series.name)


def _objects(values: list[object]) -> np.ndarray[Any, Any]:
    array = np.empty(len(values), dtype=object)
    for at, value in enumerate(values):  # item by item: tuples must stay whole objects
        array[at] = value
    return array


def _rank(result: Result) -> AnyRank | None:
    return result if isinstance(result, (Rank, MultiSeasonRank)) else None


def _predicate(series: pd.Series[Any], lenient: bool, ask: Callable[[AnyRank], bool]) -> pd.Series[Any]:
    def convert(result: Result) -> object:
        rank = _rank(result)
        return pd.NA if rank is None else ask(rank)

    return _column(series, lenient, convert, "boolean")


def parse(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """Each cell's rank, InvalidRankError (returned, not raised) or None when missing."""
    return pd.Series(_spread(series, lenient, lambda result: result), index=series.index, name=series.name)


def valid(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """srank_valid per cell: read with no error finding; NA where the cell is missing (nullable "boolean")."""

    def convert(result: Result) -> object:
        validity = validity_of(result)
        return pd.NA if validity is None else validity

    return _column(series, lenient, convert, "boolean")


def canonical(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """The canonical code per cell ("string" dtype); NA when missing or invalid."""

    def convert(result: Result) -> object:
        rank = _rank(result)
        return pd.NA if rank is None else str(rank)

    return _column(series, lenient, convert, "string")


def label(series: pd.Series[Any], *, lenient: bool = False, style: str = "short", lang: str = "en") -> pd.Series[Any]:
    """Readable status text per cell (``rank.describe``); NA when missing or invalid."""
    text_table(style=style, lang=lang)  # a wrong style or lang fails before any cell is read

    def convert(result: Result) -> object:
        rank = _rank(result)
        return pd.NA if rank is None else describe(rank, style=style, lang=lang)

    return _column(series, lenient, convert, "string")


def findings(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """The tuple of Findings per valid cell; an empty tuple when missing or invalid."""

    def convert(result: Result) -> tuple[Finding, ...]:
        rank = _rank(result)
        return () if rank is None else rank.findings

    return pd.Series(_spread(series, lenient, convert), index=series.index, name=series.name, dtype=object)


def message(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """What ``srank check`` writes in srank_message: the error with its hint, or the warnings; NA if none."""

    def convert(result: Result) -> object:
        return message_of(result) or pd.NA

    return _column(series, lenient, convert, "string")


def _ordered(series: pd.Series[Any], lenient: bool, pick: Callable[[AnyRank], AnyRank]) -> pd.Series[Any]:
    """An ordered categorical of ``pick(rank)``; categories are the values present, by ``sort_key()``."""
    codes, results = _decoded(series, lenient)
    picked = [None if (rank := _rank(result)) is None else pick(rank) for result in results]
    order = sorted({rank for rank in picked if rank is not None}, key=lambda rank: rank.sort_key())
    position = {rank: at for at, rank in enumerate(order)}
    per_unique = np.array([-1 if rank is None else position[rank] for rank in picked], dtype=np.int64)
    categorical = pd.Categorical.from_codes(
        per_unique[codes], categories=pd.Index([str(rank) for rank in order], dtype=object), ordered=True
    )
    return pd.Series(categorical, index=series.index, name=series.name)


def rounded(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """Rounded codes as an ordered categorical, most imperiled first, so sorting follows imperilment.

    The categories are the rounded ranks present, ordered by ``rank.sort_key()``;
    missing and invalid cells are NA. G3G4 and G3 both round to G3, so they tie.
    """
    return _ordered(series, lenient, lambda rank: rank.rounded())


def sort_key(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """Canonical codes as an ordered categorical in the full ``rank.sort_key()`` order: a key for sort_values.

    Unlike ``rounded``, nothing ties but equal ranks: G1G3 < G2 < G2G3 < G2?.
    The categories are the codes present; missing and invalid cells are NA (sorted last).
    """
    return _ordered(series, lenient, lambda rank: rank)


def level(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """The level letter per cell as a categorical with categories ``LEVELS`` (G, N, S, T); NA when unreadable.

    This is the level of the code as written: G5T2 is G, though it rounds to T2.
    """
    codes, results = _decoded(series, lenient)
    at = {letter: index for index, letter in enumerate(LEVELS)}
    per_unique = np.array(
        [-1 if (rank := _rank(result)) is None else at[rank.level.value] for result in results], dtype=np.int64
    )
    categorical = pd.Categorical.from_codes(per_unique[codes], categories=pd.Index(LEVELS, dtype=object))
    return pd.Series(categorical, index=series.index, name=series.name)


def bounds(series: pd.Series[Any], *, lenient: bool = False) -> pd.DataFrame:
    """``rank.bounds()`` per cell as a DataFrame of two nullable "Int64" columns, ``low`` and ``high``.

    Both are NA for X, H, U, NR and NA ranks and for missing or unreadable cells.
    """
    codes, results = _decoded(series, lenient)
    spans = [None if (rank := _rank(result)) is None else rank.bounds() for result in results]
    columns = {
        name: pd.array([pd.NA if span is None else span[end] for span in spans], dtype="Int64").take(codes)
        for end, name in enumerate(("low", "high"))
    }
    return pd.DataFrame(columns, index=series.index)


def is_imperiled(series: pd.Series[Any], threshold: int = 3, *, lenient: bool = False) -> pd.Series[Any]:
    """``rank.is_imperiled(threshold)`` per cell (nullable "boolean"); NA when missing or unreadable."""
    check_threshold(threshold)
    return _predicate(series, lenient, lambda rank: rank.is_imperiled(threshold))


def is_extinct(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """``rank.is_extinct()`` per cell (nullable "boolean"): rounded X; NA when missing or unreadable."""
    return _predicate(series, lenient, lambda rank: rank.is_extinct())


def is_possibly_extinct(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """``rank.is_possibly_extinct()`` per cell (nullable "boolean"): rounded H; NA when missing or unreadable."""
    return _predicate(series, lenient, lambda rank: rank.is_possibly_extinct())


def is_ranked(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """``rank.is_ranked()`` per cell (nullable "boolean"): False for U, NR, NA; NA when missing or unreadable."""
    return _predicate(series, lenient, lambda rank: rank.is_ranked())


# -- one rank per column or per group ------------------------------------------


def most_imperiled(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any], *, errors: Errors = "skip", lenient: bool = False
) -> Any:
    """The most imperiled rank of a Series, or of each group of ``df.groupby(...)["rank"]``.

    As ``srank.most_imperiled``: ranked values (X, H, 1-5) first, U/NR/NA only
    when nothing in the group is ranked. Missing cells are skipped. A cell that
    cannot be read is skipped with ``errors="skip"`` and raises InvalidRankError,
    naming the cell, with ``errors="raise"``. A Series gives one rank (None if
    nothing is readable); a SeriesGroupBy gives an object Series of ranks indexed
    by group, None where a group has nothing readable.
    """
    return _per_group(data, most_imperiled_of, "most_imperiled", errors, lenient)


def least_imperiled(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any], *, errors: Errors = "skip", lenient: bool = False
) -> Any:
    """The least imperiled rank of a Series or of each group, among ranked values; see most_imperiled."""
    return _per_group(data, least_imperiled_of, "least_imperiled", errors, lenient)


def _per_group(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any],
    choose: Callable[[list[AnyRank]], AnyRank],
    name: str,
    errors: str,
    lenient: bool,
) -> Any:
    if errors not in ("skip", "raise"):
        raise ValueError(f"srank.pandas.{name}(): errors must be 'skip' or 'raise', not {errors!r}")
    decode = shared_decoder(lenient)  # each distinct value is decoded once, whichever group it is in
    if isinstance(data, pd.Series):
        return _choose(data, choose, errors == "raise", decode, None)
    if isinstance(data, SeriesGroupBy):
        # apply() hands each group over with its key as .name; exceptions pass through unchanged.
        chosen = data.apply(lambda group: _choose(group, choose, errors == "raise", decode, (group.name,)))
        return chosen.astype(object)
    raise TypeError(
        f"srank.pandas.{name}() takes a pandas Series or a SeriesGroupBy (df.groupby(key)[column]),"
        f" not {type(data).__name__}"
    )


def _choose(
    values: pd.Series[Any],
    choose: Callable[[list[AnyRank]], AnyRank],
    strict: bool,
    decode: Callable[[Sequence[object]], list[Result]],
    group: tuple[Hashable] | None,
) -> AnyRank | None:
    ranks: list[AnyRank] = []
    for row, result in zip(values.index, decode(values.tolist()), strict=True):
        if isinstance(result, InvalidRankError):
            if strict:
                where = f"row {row!r}" + ("" if group is None else f" (group {group[0]!r})")
                raise cell_error(result, where) from None
        elif result is not None:
            ranks.append(result)
    return choose(ranks) if ranks else None


def distributions(
    series: pd.Series[Any], *, lenient: bool = False, style: str = "short", lang: str = "en"
) -> pd.DataFrame:
    """Distribution strings (Explorer or Biotics) in long form: one row per place, keyed by the Series index.

    Columns: nation, subnation, place, rank, rounded, label, message (all
    nullable strings). A cell that gives no place (missing, empty or unreadable)
    still gives one row, with only its message, so no input row is lost. Each
    distinct string is read once, and each distinct place rendered once.
    """
    from ._place_rows import PLACE_FIELDS, CellRows, Cells

    rows_of = CellRows(lenient=lenient, style=style, lang=lang)
    index: list[object] = []
    rows: list[Cells] = []
    for key, cell in series.items():
        found = rows_of(cell)
        index += [key] * len(found)
        rows += found
    frame = pd.DataFrame(rows, columns=list(PLACE_FIELDS), index=pd.Index(index, name=series.index.name))
    return frame.astype("string")


@pd.api.extensions.register_series_accessor("srank")
class SrankAccessor:
    """``series.srank.valid()`` and friends: the module's functions as Series methods."""

    def __init__(self, series: pd.Series[Any]) -> None:
        self._series = series

    def parse(self, *, lenient: bool = False) -> pd.Series[Any]:
        return parse(self._series, lenient=lenient)

    def valid(self, *, lenient: bool = False) -> pd.Series[Any]:
        return valid(self._series, lenient=lenient)

    def canonical(self, *, lenient: bool = False) -> pd.Series[Any]:
        return canonical(self._series, lenient=lenient)

    def rounded(self, *, lenient: bool = False) -> pd.Series[Any]:
        return rounded(self._series, lenient=lenient)

    def sort_key(self, *, lenient: bool = False) -> pd.Series[Any]:
        return sort_key(self._series, lenient=lenient)

    def level(self, *, lenient: bool = False) -> pd.Series[Any]:
        return level(self._series, lenient=lenient)

    def bounds(self, *, lenient: bool = False) -> pd.DataFrame:
        return bounds(self._series, lenient=lenient)

    def is_imperiled(self, threshold: int = 3, *, lenient: bool = False) -> pd.Series[Any]:
        return is_imperiled(self._series, threshold, lenient=lenient)

    def is_extinct(self, *, lenient: bool = False) -> pd.Series[Any]:
        return is_extinct(self._series, lenient=lenient)

    def is_possibly_extinct(self, *, lenient: bool = False) -> pd.Series[Any]:
        return is_possibly_extinct(self._series, lenient=lenient)

    def is_ranked(self, *, lenient: bool = False) -> pd.Series[Any]:
        return is_ranked(self._series, lenient=lenient)

    def label(self, *, lenient: bool = False, style: str = "short", lang: str = "en") -> pd.Series[Any]:
        return label(self._series, lenient=lenient, style=style, lang=lang)

    def findings(self, *, lenient: bool = False) -> pd.Series[Any]:
        return findings(self._series, lenient=lenient)

    def message(self, *, lenient: bool = False) -> pd.Series[Any]:
        return message(self._series, lenient=lenient)

    def most_imperiled(self, *, errors: Errors = "skip", lenient: bool = False) -> AnyRank | None:
        result: AnyRank | None = most_imperiled(self._series, errors=errors, lenient=lenient)
        return result

    def least_imperiled(self, *, errors: Errors = "skip", lenient: bool = False) -> AnyRank | None:
        result: AnyRank | None = least_imperiled(self._series, errors=errors, lenient=lenient)
        return result

    def distributions(self, *, lenient: bool = False, style: str = "short", lang: str = "en") -> pd.DataFrame:
        return distributions(self._series, lenient=lenient, style=style, lang=lang)
