"""pandas support (``pip install srank[pandas]``): decode a Series of rank codes.

Each function decodes the Series' unique values once (``pandas.factorize``) and
spreads the results back, so a million-row column costs a few hundred parses.
Importing this module registers the ``.srank`` Series accessor::

    import srank.pandas
    df["rank"].srank.valid()
    df.sort_values("rank", key=lambda s: s.srank.rounded())  # most imperiled first

Missing values (None, NaN, pandas.NA, blank text) give NA, never an error.
``import srank`` never imports this module, so it never imports pandas.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    import numpy as np
    import pandas as pd
except ImportError as error:
    raise ImportError(f"srank.pandas needs pandas: pip install 'srank[pandas]' ({error})") from error

from ._batch import Result, message_of, parse_many, validity_of
from ._describe import describe
from ._findings import Finding
from ._model import MultiSeasonRank, Rank

__all__ = ["SrankAccessor", "canonical", "findings", "label", "message", "parse", "rounded", "valid"]


def _spread(series: pd.Series[Any], lenient: bool, convert: Callable[[Result], object]) -> np.ndarray[Any, Any]:
    """``convert(result)`` for every row, computed once per unique value."""
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists): decode row by row
        return _objects([convert(result) for result in parse_many(series.tolist(), lenient=lenient)])
    per_unique = [convert(result) for result in parse_many(list(uniques), lenient=lenient)]
    per_unique.append(convert(None))  # code -1, pandas' missing value, takes the last entry
    return _objects(per_unique)[codes]


def _objects(values: list[object]) -> np.ndarray[Any, Any]:
    array = np.empty(len(values), dtype=object)
    for at, value in enumerate(values):  # item by item: tuples must stay whole objects
        array[at] = value
    return array


def _rank(result: Result) -> Rank | MultiSeasonRank | None:
    return result if isinstance(result, (Rank, MultiSeasonRank)) else None


def parse(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """Each cell's rank, InvalidRankError (returned, not raised) or None when missing."""
    return pd.Series(_spread(series, lenient, lambda result: result), index=series.index, name=series.name)


def valid(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """srank_valid per cell: read with no error finding; NA where the cell is missing (nullable "boolean")."""

    def convert(result: Result) -> object:
        validity = validity_of(result)
        return pd.NA if validity is None else validity

    return pd.Series(_spread(series, lenient, convert), index=series.index, name=series.name, dtype="boolean")


def canonical(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """The canonical code per cell ("string" dtype); NA when missing or invalid."""

    def convert(result: Result) -> object:
        rank = _rank(result)
        return pd.NA if rank is None else str(rank)

    return pd.Series(_spread(series, lenient, convert), index=series.index, name=series.name, dtype="string")


def label(series: pd.Series[Any], *, lenient: bool = False, style: str = "short", lang: str = "en") -> pd.Series[Any]:
    """Readable status text per cell (``rank.describe``); NA when missing or invalid."""

    def convert(result: Result) -> object:
        rank = _rank(result)
        return pd.NA if rank is None else describe(rank, style=style, lang=lang)

    return pd.Series(_spread(series, lenient, convert), index=series.index, name=series.name, dtype="string")


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

    return pd.Series(_spread(series, lenient, convert), index=series.index, name=series.name, dtype="string")


def rounded(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """Rounded codes as an ordered categorical, most imperiled first, so sorting follows imperilment.

    The categories are the rounded ranks present, ordered by ``rank.sort_key()``;
    missing and invalid cells are NA.
    """
    ranks = _spread(series, lenient, lambda result: None if (rank := _rank(result)) is None else rank.rounded())
    present = {rank for rank in ranks if rank is not None}
    order = sorted(present, key=lambda rank: rank.sort_key())
    position = {rank: at for at, rank in enumerate(order)}
    codes = np.fromiter((-1 if rank is None else position[rank] for rank in ranks), dtype=np.int64, count=len(ranks))
    categorical = pd.Categorical.from_codes(
        codes, categories=pd.Index([str(rank) for rank in order], dtype=object), ordered=True
    )
    return pd.Series(categorical, index=series.index, name=series.name)


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

    def label(self, *, lenient: bool = False, style: str = "short", lang: str = "en") -> pd.Series[Any]:
        return label(self._series, lenient=lenient, style=style, lang=lang)

    def findings(self, *, lenient: bool = False) -> pd.Series[Any]:
        return findings(self._series, lenient=lenient)

    def message(self, *, lenient: bool = False) -> pd.Series[Any]:
        return message(self._series, lenient=lenient)
