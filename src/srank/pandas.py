"""pandas support (``pip install srank[pandas]``): decode a Series of rank codes.

Each function decodes the Series' unique values once (``pandas.factorize``) and
spreads the results back with one array take, so a million-row column costs a
few hundred parses. Importing this module registers the ``.srank`` Series
accessor::

    import srank.pandas
    df["rank"].srank.valid()
    df.sort_values("rank", key=lambda s: s.srank.sort_key())  # most imperiled first
    srank.pandas.most_imperiled(df.groupby("species")["rank"])
    srank.pandas.status_index(df.groupby(["group", "year"])["rank"])  # a status index per group
    df["rank_2023"].srank.compare(df["rank_2024"])  # what changed, row by row

Missing values (None, NaN, pandas.NA, blank text) give NA, never an error.
The predicates and ``level``/``bounds`` also give NA for a cell that cannot be
read; ``valid`` is the one that says False for it.
``import srank`` never imports this module, so it never imports pandas.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

try:
    import numpy as np
    import pandas as pd
    from pandas.api.typing import SeriesGroupBy  # public since pandas 2.1
except ImportError as error:
    raise ImportError(f"srank.pandas needs pandas: pip install 'srank[pandas]' ({error})") from error

from ._batch import Result, cell_error, message_of, parse_many, shared_decoder
from ._changes import ChangeKind, compare_ranks
from ._cross_level import column_validity
from ._describe import describe, text_table
from ._errors import InvalidRankError
from ._findings import Finding
from ._model import AnyRank, Level, MultiSeasonRank, Rank, check_threshold
from ._ordering import least_imperiled_of, most_imperiled_of
from ._status_index import StatusIndex, Uncertain, check_options, decoded_counts, index_of, tally
from ._text_options import Language, Style
from ._vocabulary import Season, as_level

if TYPE_CHECKING:
    from ._explorer import Taxon

__all__ = [
    "CHANGE_COLUMNS",
    "KINDS",
    "LEVELS",
    "SrankAccessor",
    "bounds",
    "canonical",
    "compare",
    "distributions",
    "explorer_frame",
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
    "status_index",
    "valid",
]

Errors = Literal["skip", "raise"]

LEVELS = [level.value for level in Level]
"""The categories of ``level()``: G, N, S, T (global, national, subnational, infraspecific)."""

KINDS = [kind.value for kind in ChangeKind]
"""The categories of the ``kind`` column of ``compare()``: srank.ChangeKind's values, most significant first."""

CHANGE_COLUMNS = ("kind", "rounded_changed", "old", "new", "old_rounded", "new_rounded", "message")
"""The columns of ``compare()``."""


def _distinct(series: pd.Series[Any]) -> tuple[np.ndarray[Any, Any], list[object]]:
    """Row positions into the unique cells; the last entry (position -1, pandas' missing value) is None."""
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists): each row is its own value
        return np.arange(len(series)), [*series.tolist(), None]
    return codes, [*uniques, None]


def _decoded(series: pd.Series[Any], lenient: bool) -> tuple[np.ndarray[Any, Any], list[Result]]:
    """Row positions into the results of the unique values; the last result (position -1) is None, for missing."""
    codes, values = _distinct(series)
    return codes, [*parse_many(values[:-1], lenient=lenient), None]


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


def valid(series: pd.Series[Any], *, lenient: bool = False, level: Level | str | None = None) -> pd.Series[bool]:
    """srank_valid per cell: read with no error finding; NA where the cell is missing (nullable "boolean").

    With ``level`` (a Level or its letter), a rank of another level is not valid,
    as in ``srank check --column NAME:LEVEL``: a G column takes T ranks too.
    """
    chosen = as_level(level, "srank.pandas.valid")

    def convert(result: Result) -> object:
        validity = column_validity(result, chosen)
        return pd.NA if validity is None else validity

    return _column(series, lenient, convert, "boolean")


def canonical(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[str]:
    """The canonical code per cell ("string" dtype); NA when missing or invalid."""

    def convert(result: Result) -> object:
        rank = _rank(result)
        return pd.NA if rank is None else str(rank)

    return _column(series, lenient, convert, "string")


def label(
    series: pd.Series[Any], *, lenient: bool = False, style: Style = "short", lang: Language = "en"
) -> pd.Series[str]:
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


def message(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[str]:
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


def is_imperiled(series: pd.Series[Any], threshold: int = 3, *, lenient: bool = False) -> pd.Series[bool]:
    """``rank.is_imperiled(threshold)`` per cell (nullable "boolean"); NA when missing or unreadable."""
    check_threshold(threshold)
    return _predicate(series, lenient, lambda rank: rank.is_imperiled(threshold))


def is_extinct(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[bool]:
    """``rank.is_extinct()`` per cell (nullable "boolean"): rounded X; NA when missing or unreadable."""
    return _predicate(series, lenient, lambda rank: rank.is_extinct())


def is_possibly_extinct(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[bool]:
    """``rank.is_possibly_extinct()`` per cell (nullable "boolean"): rounded H; NA when missing or unreadable."""
    return _predicate(series, lenient, lambda rank: rank.is_possibly_extinct())


def is_ranked(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[bool]:
    """``rank.is_ranked()`` per cell (nullable "boolean"): False for U, NR, NA; NA when missing or unreadable."""
    return _predicate(series, lenient, lambda rank: rank.is_ranked())


# -- one rank per column or per group ------------------------------------------


@overload
def most_imperiled(data: pd.Series[Any], *, errors: Errors = ..., lenient: bool = ...) -> AnyRank | None: ...
@overload
def most_imperiled(data: SeriesGroupBy[Any, Any], *, errors: Errors = ..., lenient: bool = ...) -> pd.Series[Any]: ...
def most_imperiled(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any], *, errors: Errors = "skip", lenient: bool = False
) -> AnyRank | pd.Series[Any] | None:
    """The most imperiled rank of a Series, or of each group of ``df.groupby(...)["rank"]``.

    As ``srank.most_imperiled``: ranked values (X, H, 1-5) first, U/NR/NA only
    when nothing in the group is ranked. Missing cells are skipped. A cell that
    cannot be read is skipped with ``errors="skip"`` and raises InvalidRankError,
    naming the cell, with ``errors="raise"``. A Series gives one rank (None if
    nothing is readable); a SeriesGroupBy gives an object Series of ranks indexed
    by group, None where a group has nothing readable.
    """
    return _per_group(data, most_imperiled_of, "most_imperiled", errors, lenient)


@overload
def least_imperiled(data: pd.Series[Any], *, errors: Errors = ..., lenient: bool = ...) -> AnyRank | None: ...
@overload
def least_imperiled(data: SeriesGroupBy[Any, Any], *, errors: Errors = ..., lenient: bool = ...) -> pd.Series[Any]: ...
def least_imperiled(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any], *, errors: Errors = "skip", lenient: bool = False
) -> AnyRank | pd.Series[Any] | None:
    """The least imperiled rank of a Series or of each group, among ranked values; see most_imperiled."""
    return _per_group(data, least_imperiled_of, "least_imperiled", errors, lenient)


def _per_group(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any],
    choose: Callable[[list[AnyRank]], AnyRank],
    name: str,
    errors: str,
    lenient: bool,
) -> AnyRank | pd.Series[Any] | None:
    if errors not in ("skip", "raise"):
        raise ValueError(f"srank.pandas.{name}(): errors must be 'skip' or 'raise', not {errors!r}")
    decode = shared_decoder(lenient)  # each distinct value is decoded once, whichever group it is in
    if isinstance(data, pd.Series):
        return _choose(data, choose, errors == "raise", decode, None)
    if isinstance(data, SeriesGroupBy):
        # apply() hands each group over with its key as .name; exceptions pass through unchanged.
        chosen = data.apply(lambda group: _choose(group, choose, errors == "raise", decode, (group.name,)))
        per_group: pd.Series[Any] = chosen.astype(object)
        return per_group
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
    series: pd.Series[Any], *, lenient: bool = False, style: Style = "short", lang: Language = "en"
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


# -- changes and the status index ----------------------------------------------------


def compare(old: pd.Series[Any], new: pd.Series[Any], *, lenient: bool = False, lang: Language = "en") -> pd.DataFrame:
    """What changed from ``old`` to ``new``, two Series on the same index: one row per row, as ``srank.compare``.

    Columns (``CHANGE_COLUMNS``): kind (a categorical of ``KINDS``),
    rounded_changed (nullable boolean), old, new, old_rounded, new_rounded (the
    canonical codes) and message (the change's sentence in ``lang``). A missing
    cell is an absent rank. A cell that cannot be read gives NA in kind and
    rounded_changed, and its error in message. Each distinct pair is compared once.
    """
    for side, series in (("old", old), ("new", new)):
        if not isinstance(series, pd.Series):
            raise TypeError(f"srank.pandas.compare() takes two pandas Series; {side} is {type(series).__name__}")
    if not old.index.equals(new.index):
        raise ValueError(
            "srank.pandas.compare() compares row by row: the two Series must have the same index;"
            " align them first (old, new = old.align(new)) or compare two columns of one DataFrame"
        )
    text_table(style="short", lang=lang)  # a wrong lang fails before any cell is read
    old_at, old_values = _distinct(old)
    new_at, new_values = _distinct(new)
    old_results = [*parse_many(old_values[:-1], lenient=lenient), None]
    new_results = [*parse_many(new_values[:-1], lenient=lenient), None]
    width = len(new_results)
    pairs = np.where(old_at < 0, len(old_results) - 1, old_at) * width + np.where(new_at < 0, width - 1, new_at)
    at, distinct = pd.factorize(pairs)
    rows = []
    for pair in distinct.tolist():
        first, second = divmod(int(pair), width)
        rows.append(_change_row(old_results[first], new_results[second], old_values[first], new_values[second], lang))
    frame = pd.DataFrame(rows, columns=list(CHANGE_COLUMNS)).take(at)
    frame.index = old.index
    return frame.astype(
        {
            "kind": pd.CategoricalDtype(KINDS),
            "rounded_changed": "boolean",
            **dict.fromkeys(CHANGE_COLUMNS[2:], "string"),
        }
    )


def _change_row(old: Result, new: Result, old_cell: object, new_cell: object, lang: Language) -> tuple[object, ...]:
    problems = [
        f"{side}: {message_of(result)}"
        for side, result in (("old", old), ("new", new))
        if isinstance(result, InvalidRankError)
    ]
    if problems:
        rounded = [None if (rank := _rank(result)) is None else rank.rounded() for result in (old, new)]
        return (pd.NA, pd.NA, _code(old), _code(new), *map(_code, rounded), "; ".join(problems))
    assert not isinstance(old, InvalidRankError)
    assert not isinstance(new, InvalidRankError)
    change = compare_ranks(
        old, new, old_cell if isinstance(old_cell, str) else None, new_cell if isinstance(new_cell, str) else None
    )
    return (
        change.kind.value,
        change.rounded_changed,
        _code(change.old),
        _code(change.new),
        _code(change.old_rounded),
        _code(change.new_rounded),
        change.describe(lang=lang),
    )


def _code(result: Result) -> object:
    rank = _rank(result)
    return pd.NA if rank is None else str(rank)


@overload
def status_index(
    data: pd.Series[Any],
    *,
    season: str | Season = ...,
    uncertain: Uncertain = ...,
    errors: Errors = ...,
    lenient: bool = ...,
) -> StatusIndex: ...
@overload
def status_index(
    data: SeriesGroupBy[Any, Any],
    *,
    season: str | Season = ...,
    uncertain: Uncertain = ...,
    errors: Errors = ...,
    lenient: bool = ...,
) -> pd.DataFrame: ...
def status_index(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any],
    *,
    season: str | Season = "B",
    uncertain: Uncertain = "median",
    errors: Errors = "raise",
    lenient: bool = False,
) -> StatusIndex | pd.DataFrame:
    """The status index of a Series (a ``srank.StatusIndex``), or of each group of ``df.groupby(...)["rank"]``.

    As ``srank.status_index``: 0 when every taxon is extinct, 1 when every one
    is secure; U, NR, NA and missing cells are left out. For groups, a DataFrame
    indexed by group with columns value (nullable float; NA where nothing in the
    group counts), counted and left_out (nullable integers). An unreadable cell
    raises InvalidRankError naming its group, unless ``errors="skip"``.
    """
    chosen = check_options("srank.pandas.status_index", season, uncertain, errors)
    if isinstance(data, pd.Series):
        counts = tally(decoded_counts(data.tolist(), lenient, "status_index"), chosen, errors, "status_index()")
        return index_of(counts, uncertain, "srank.pandas.status_index")
    if not isinstance(data, SeriesGroupBy):
        raise TypeError(
            "srank.pandas.status_index() takes a pandas Series or a SeriesGroupBy (df.groupby(key)[column]),"
            f" not {type(data).__name__}"
        )

    def per_group(group: pd.Series[Any]) -> pd.Series[Any]:
        caller = f"srank.pandas.status_index(), group {group.name!r}"
        counts = tally(decoded_counts(group.tolist(), lenient, "status_index"), chosen, errors, caller)
        value = index_of(counts, uncertain, caller).value if counts.counted else np.nan
        return pd.Series([value, counts.counted, counts.left_out], index=["value", "counted", "left_out"])

    frame = data.apply(per_group).unstack()
    return frame.astype({"value": "Float64", "counted": "Int64", "left_out": "Int64"})


def explorer_frame(taxa: Taxon | Iterable[Taxon], *, style: Style = "short", lang: Language = "en") -> pd.DataFrame:
    """NatureServe Explorer taxa (``srank.explorer``) in long form: one row per taxon x place.

    The columns are ``srank.explorer.FIELDS``: the taxon's identifiers, names,
    global ranks and dates, then each place's nation, subnation, name, rank,
    srank's rounding, NatureServe's published rounding and whether they agree,
    its label, native and exotic flags and findings. ``element_global_id`` is a
    nullable integer, every other column nullable text. A taxon with no place
    still gives one row.
    """
    from ._explorer_rows import FIELDS, rows

    frame = pd.DataFrame(list(rows(taxa, style=style, lang=lang)), columns=list(FIELDS)).astype("string")
    frame["element_global_id"] = frame["element_global_id"].astype("Int64")
    return frame


@pd.api.extensions.register_series_accessor("srank")
class SrankAccessor:
    """``series.srank.valid()`` and friends: the module's functions as Series methods."""

    def __init__(self, series: pd.Series[Any]) -> None:
        self._series = series

    def parse(self, *, lenient: bool = False) -> pd.Series[Any]:
        return parse(self._series, lenient=lenient)

    def valid(self, *, lenient: bool = False, level: Level | str | None = None) -> pd.Series[bool]:
        return valid(self._series, lenient=lenient, level=level)

    def canonical(self, *, lenient: bool = False) -> pd.Series[str]:
        return canonical(self._series, lenient=lenient)

    def rounded(self, *, lenient: bool = False) -> pd.Series[Any]:
        return rounded(self._series, lenient=lenient)

    def sort_key(self, *, lenient: bool = False) -> pd.Series[Any]:
        return sort_key(self._series, lenient=lenient)

    def level(self, *, lenient: bool = False) -> pd.Series[Any]:
        return level(self._series, lenient=lenient)

    def bounds(self, *, lenient: bool = False) -> pd.DataFrame:
        return bounds(self._series, lenient=lenient)

    def is_imperiled(self, threshold: int = 3, *, lenient: bool = False) -> pd.Series[bool]:
        return is_imperiled(self._series, threshold, lenient=lenient)

    def is_extinct(self, *, lenient: bool = False) -> pd.Series[bool]:
        return is_extinct(self._series, lenient=lenient)

    def is_possibly_extinct(self, *, lenient: bool = False) -> pd.Series[bool]:
        return is_possibly_extinct(self._series, lenient=lenient)

    def is_ranked(self, *, lenient: bool = False) -> pd.Series[bool]:
        return is_ranked(self._series, lenient=lenient)

    def label(self, *, lenient: bool = False, style: Style = "short", lang: Language = "en") -> pd.Series[str]:
        return label(self._series, lenient=lenient, style=style, lang=lang)

    def findings(self, *, lenient: bool = False) -> pd.Series[Any]:
        return findings(self._series, lenient=lenient)

    def message(self, *, lenient: bool = False) -> pd.Series[str]:
        return message(self._series, lenient=lenient)

    def most_imperiled(self, *, errors: Errors = "skip", lenient: bool = False) -> AnyRank | None:
        return most_imperiled(self._series, errors=errors, lenient=lenient)

    def least_imperiled(self, *, errors: Errors = "skip", lenient: bool = False) -> AnyRank | None:
        return least_imperiled(self._series, errors=errors, lenient=lenient)

    def distributions(self, *, lenient: bool = False, style: Style = "short", lang: Language = "en") -> pd.DataFrame:
        return distributions(self._series, lenient=lenient, style=style, lang=lang)

    def compare(self, new: pd.Series[Any], *, lenient: bool = False, lang: Language = "en") -> pd.DataFrame:
        """What changed from this Series to ``new``, row by row: see ``srank.pandas.compare``."""
        return compare(self._series, new, lenient=lenient, lang=lang)

    def status_index(
        self,
        *,
        season: str | Season = "B",
        uncertain: Uncertain = "median",
        errors: Errors = "raise",
        lenient: bool = False,
    ) -> StatusIndex:
        return status_index(self._series, season=season, uncertain=uncertain, errors=errors, lenient=lenient)
