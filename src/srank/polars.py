"""polars support (needs polars and numpy installed): decode a column of rank codes.

Importing this module registers an ``srank`` namespace on polars Series and
expressions::

    import srank.polars
    df.with_columns(pl.col("rank").srank.is_imperiled().alias("at_risk"))
    df.sort(pl.col("rank").srank.sort_key(), nulls_last=True)  # most imperiled first
    df.group_by("species").agg(pl.col("rank").srank.most_imperiled())

Every method decodes the column's distinct values once and maps them back with
``replace_strict`` and a gather, never a Python call per row; the texts seen by
earlier calls are kept, so a column of known codes costs one pass. An expression
runs the same code on each batch polars hands it (``map_batches``), so it works
in lazy queries and in ``group_by``. The plain functions (``srank.polars.valid(x)``
for a Series or an expression) are the same thing for static type checkers.

Dtypes are polars' own: Boolean, String, Enum, Struct, List. ``rounded()`` on
a Series is an ``Enum`` whose categories are the rounded codes present, in
imperilment order, so sorting by it follows imperilment. An expression must
declare its dtype before it sees any data, so ``rounded()`` on an expression is
String; sort by ``sort_key()`` (a Struct that orders exactly as
``rank.sort_key()``), or by ``.srank.rounded().srank.sort_key()`` for the
rounded order. Missing cells (null, blank text) and unreadable cells give null,
except in ``valid()``, which says False for an unreadable cell.
``import srank`` never imports this module, so it never imports polars.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, NoReturn, TypeVar, overload

from ._errors import missing_dependency

try:
    import numpy as np
    import polars as pl
except ImportError as error:
    raise missing_dependency("srank.polars", error, {"polars": "polars>=1.0", "numpy": "numpy>=1.22"}) from error

from ._batch import Result, cell_error, message_of, parse_many, validity_of
from ._describe import describe, text_table
from ._errors import InvalidRankError
from ._json_form import finding_form
from ._model import Level, MultiSeasonRank, Rank, check_threshold
from ._ordering import least_imperiled_of, most_imperiled_of
from ._place_rows import PLACE_FIELDS, CellRows
from ._polars_codes import distinct_positions, positions

__all__ = [
    "BOUNDS",
    "FINDINGS",
    "LEVELS",
    "PLACES",
    "SORT_KEY",
    "SrankExprNamespace",
    "SrankSeriesNamespace",
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
    "rounded",
    "sort_key",
    "valid",
]

AnyRank = Rank | MultiSeasonRank
Data = TypeVar("Data", pl.Series, pl.Expr)
Errors = Literal["skip", "raise"]

LEVELS = pl.Enum([level.value for level in Level])
"""The dtype of ``level()``: an Enum of G, N, S, T."""

BOUNDS = pl.Struct({"low": pl.Int8, "high": pl.Int8})
"""The dtype of ``bounds()``: ``rank.bounds()``; both fields null off the 1-5 scale."""

_SORT_FIELDS = ("place", "low", "high", "inexact", "code")
SORT_KEY = pl.Struct({name: pl.String if name == "code" else pl.UInt8 for name in _SORT_FIELDS})
"""The dtype of ``sort_key()``: ``rank.sort_key()`` field by field; structs sort field by field too."""

FINDINGS = pl.List(
    pl.Struct(
        {
            "code": pl.String,
            "severity": pl.String,
            "message": pl.String,
            "span": pl.Array(pl.Int64, 2),
            "fragment": pl.String,
            "hint": pl.String,
        }
    )
)
"""The dtype of ``findings()``: the keys of ``warnings`` in ``rank.to_dict()``."""

PLACES = pl.List(pl.Struct(dict.fromkeys(PLACE_FIELDS, pl.String)))
"""The dtype of ``distributions()``: a Struct per place, with the columns ``srank distribution`` writes."""


# -- decoding a Series ----------------------------------------------------------


def _text(series: pl.Series) -> pl.Series:
    """Categorical, Enum and all-null columns as String, so their values are looked up as text."""
    if isinstance(series.dtype, (pl.Categorical, pl.Enum)) or series.dtype == pl.Null:
        return series.cast(pl.String)
    return series


def _map(
    series: pl.Series, lenient: bool, convert: Callable[[Result], object], dtype: Any, strict: bool = False
) -> pl.Series:
    """``convert`` of each distinct value, gathered onto the rows; null rows get ``convert(None)``.

    ``strict`` raises for the first unreadable cell instead, named by its row.
    """
    column = _text(series)
    at, results = positions(column, lenient)
    if strict:
        _raise_first_unreadable(at, results, series.name)
    mapped = pl.Series(series.name, [convert(result) for result in results], dtype=dtype).gather(at)
    missing = convert(None)
    if missing is not None and column.null_count():
        mapped = mapped.fill_null(pl.lit(missing, dtype=dtype))
    return mapped


def _rank(result: Result) -> AnyRank | None:
    return result if isinstance(result, (Rank, MultiSeasonRank)) else None


def _asking(ask: Callable[[AnyRank], object]) -> Callable[[Result], object]:
    def convert(result: Result) -> object:
        rank = _rank(result)
        return None if rank is None else ask(rank)

    return convert


def _valid(result: Result) -> object:
    return validity_of(result)


def _message(result: Result) -> object:
    return message_of(result) or None


def _findings(result: Result) -> object:
    rank = _rank(result)
    return [] if rank is None else [finding_form(finding) for finding in rank.findings]


def _bounds(rank: AnyRank) -> object:
    span = rank.bounds()
    return {"low": None, "high": None} if span is None else {"low": span[0], "high": span[1]}


def _sort_key(rank: AnyRank) -> object:
    return dict(zip(_SORT_FIELDS, rank.sort_key(), strict=True))


def _rounded_enum(series: pl.Series, lenient: bool) -> pl.Series:
    """Rounded codes as an Enum of the rounded codes present, in imperilment order."""
    at, results = positions(_text(series), lenient)
    present = np.flatnonzero(np.bincount(at.drop_nulls().to_numpy(), minlength=len(results)))
    picked: list[AnyRank | None] = [None] * len(results)
    for index in present.tolist():
        rank = _rank(results[index])
        picked[index] = None if rank is None else rank.rounded()
    order = sorted({rank for rank in picked if rank is not None}, key=lambda rank: rank.sort_key())
    dtype = pl.Enum([str(rank) for rank in order])
    codes = pl.Series(series.name, [None if rank is None else str(rank) for rank in picked], dtype=dtype)
    return codes.gather(at)


class _CellError(InvalidRankError):
    """An InvalidRankError that polars can rebuild from its text alone.

    polars re-raises an error from inside an expression as ``type(error)(text)``,
    with the whole rendered message as the text; this class accepts that.
    """

    def __init__(
        self,
        message: str,
        *,
        text: str = "",
        span: tuple[int, int] = (0, 0),
        expected: tuple[str, ...] = (),
        hint: str | None = None,
        code: str = "syntax",
    ) -> None:
        super().__init__(message, text=text, span=span, expected=expected, hint=hint, code=code)

    def __str__(self) -> str:
        return super().__str__() if self.text else self.message


def _raise_unreadable(result: InvalidRankError, row: int, column: str) -> NoReturn:
    where = f"row {row} of {column!r}" if column else f"row {row}"
    located = cell_error(result, where)
    raise _CellError(
        located.message,
        text=located.text,
        span=located.span,
        expected=located.expected,
        hint=located.hint,
        code=located.code,
    ) from None


def _choose(series: pl.Series, choose: Callable[[list[AnyRank]], AnyRank], strict: bool, lenient: bool) -> str | None:
    ranks: list[AnyRank] = []
    for row, result in enumerate(parse_many(_text(series).to_list(), lenient=lenient)):
        if isinstance(result, InvalidRankError):
            if strict:
                _raise_unreadable(result, row, series.name)
        elif result is not None:
            ranks.append(result)
    return str(choose(ranks)) if ranks else None


def _raise_first_unreadable(at: pl.Series, results: list[Result], column: str) -> None:
    unreadable = [index for index, result in enumerate(results) if isinstance(result, InvalidRankError)]
    if not unreadable:
        return
    rows = at.is_in(unreadable).arg_true()  # the vocabulary may hold unreadable texts this column lacks
    if len(rows):
        error = results[at[rows[0]]]
        assert isinstance(error, InvalidRankError)
        _raise_unreadable(error, rows[0], column)


# -- one entry point for a Series or an expression ------------------------------


def _apply(data: Data, run: Callable[[pl.Series], pl.Series], dtype: Any, name: str) -> Data:
    if isinstance(data, pl.Series):
        return run(data)
    if isinstance(data, pl.Expr):
        return data.map_batches(run, return_dtype=dtype, is_elementwise=True)
    raise TypeError(f"srank.polars.{name}() takes a polars Series or expression, not {type(data).__name__}")


def valid(data: Data, *, lenient: bool = False) -> Data:
    """srank_valid per cell (Boolean): read with no error finding; null where the cell is missing."""
    return _apply(data, lambda series: _map(series, lenient, _valid, pl.Boolean), pl.Boolean, "valid")


def canonical(data: Data, *, lenient: bool = False) -> Data:
    """The canonical code per cell (String); null when missing or unreadable."""
    return _apply(data, lambda series: _map(series, lenient, _asking(str), pl.String), pl.String, "canonical")


def label(data: Data, *, lenient: bool = False, style: str = "short", lang: str = "en") -> Data:
    """Readable status text per cell (``rank.describe``, String); null when missing or unreadable."""
    text_table(style=style, lang=lang)  # a wrong style or lang fails before any cell is read
    convert = _asking(lambda rank: describe(rank, style=style, lang=lang))
    return _apply(data, lambda series: _map(series, lenient, convert, pl.String), pl.String, "label")


def message(data: Data, *, lenient: bool = False) -> Data:
    """What ``srank check`` writes in srank_message (String): the error and hint, or the warnings; else null."""
    return _apply(data, lambda series: _map(series, lenient, _message, pl.String), pl.String, "message")


def findings(data: Data, *, lenient: bool = False) -> Data:
    """The findings per cell as a List of Struct (``FINDINGS``); an empty list when missing or unreadable."""
    return _apply(data, lambda series: _map(series, lenient, _findings, FINDINGS), FINDINGS, "findings")


@overload
def rounded(data: pl.Series, *, lenient: bool = ...) -> pl.Series: ...
@overload
def rounded(data: pl.Expr, *, lenient: bool = ...) -> pl.Expr: ...
def rounded(data: pl.Series | pl.Expr, *, lenient: bool = False) -> pl.Series | pl.Expr:
    """NatureServe's rounded rank per cell; null when missing or unreadable.

    On a Series: an Enum of the rounded codes present, most imperiled first, so
    sorting follows imperilment. On an expression: String (see the module notes).
    """
    if isinstance(data, pl.Series):
        return _rounded_enum(data, lenient)
    convert = _asking(lambda rank: str(rank.rounded()))
    return _apply(data, lambda series: _map(series, lenient, convert, pl.String), pl.String, "rounded")


def sort_key(data: Data, *, lenient: bool = False) -> Data:
    """``rank.sort_key()`` per cell as a Struct (``SORT_KEY``); sorting by it puts the most imperiled first.

    Missing and unreadable cells are null: pass ``nulls_last=True`` to ``sort``.
    """
    convert = _asking(_sort_key)
    return _apply(data, lambda series: _map(series, lenient, convert, SORT_KEY), SORT_KEY, "sort_key")


def level(data: Data, *, lenient: bool = False) -> Data:
    """The level letter of the code as written (Enum ``LEVELS``: G, N, S, T); G5T2 is G though it rounds to T2."""
    convert = _asking(lambda rank: rank.level.value)
    return _apply(data, lambda series: _map(series, lenient, convert, LEVELS), LEVELS, "level")


def bounds(data: Data, *, lenient: bool = False) -> Data:
    """``rank.bounds()`` per cell as a Struct of ``low`` and ``high`` (``BOUNDS``); ``.struct.unnest()`` splits it."""
    convert = _asking(_bounds)
    return _apply(data, lambda series: _map(series, lenient, convert, BOUNDS), BOUNDS, "bounds")


def is_imperiled(data: Data, threshold: int = 3, *, lenient: bool = False) -> Data:
    """``rank.is_imperiled(threshold)`` per cell (Boolean); null when missing or unreadable."""
    check_threshold(threshold)
    convert = _asking(lambda rank: rank.is_imperiled(threshold))
    return _apply(data, lambda series: _map(series, lenient, convert, pl.Boolean), pl.Boolean, "is_imperiled")


def is_extinct(data: Data, *, lenient: bool = False) -> Data:
    """``rank.is_extinct()`` per cell (Boolean): rounded X; null when missing or unreadable."""
    convert = _asking(lambda rank: rank.is_extinct())
    return _apply(data, lambda series: _map(series, lenient, convert, pl.Boolean), pl.Boolean, "is_extinct")


def is_possibly_extinct(data: Data, *, lenient: bool = False) -> Data:
    """``rank.is_possibly_extinct()`` per cell (Boolean): rounded H; null when missing or unreadable."""
    convert = _asking(lambda rank: rank.is_possibly_extinct())
    return _apply(data, lambda series: _map(series, lenient, convert, pl.Boolean), pl.Boolean, "is_possibly_extinct")


def is_ranked(data: Data, *, lenient: bool = False) -> Data:
    """``rank.is_ranked()`` per cell (Boolean): False for U, NR and NA; null when missing or unreadable."""
    convert = _asking(lambda rank: rank.is_ranked())
    return _apply(data, lambda series: _map(series, lenient, convert, pl.Boolean), pl.Boolean, "is_ranked")


def distributions(data: Data, *, lenient: bool = False, style: str = "short", lang: str = "en") -> Data:
    """The places of each distribution string (Explorer or Biotics) as a List of Struct (``PLACES``).

    Fields: nation, subnation, place, rank, rounded, label, message. A cell that
    gives no place (missing, empty or unreadable) gives one Struct with only its
    message, so ``.explode()`` then ``.struct.unnest()`` loses no row. Each
    distinct string is read once.
    """
    text_table(style=style, lang=lang)  # a wrong style or lang fails before any cell is read

    def run(series: pl.Series) -> pl.Series:
        rows_of = CellRows(lenient=lenient, style=style, lang=lang)  # per batch: a long query's memory stays bounded
        at, values = distinct_positions(_text(series))
        places = [[dict(zip(PLACE_FIELDS, cells, strict=True)) for cells in rows_of(value)] for value in values]
        places.append([dict(zip(PLACE_FIELDS, cells, strict=True)) for cells in rows_of(None)])  # the null rows
        return pl.Series(series.name, places, dtype=PLACES).gather(at.fill_null(len(values)))

    return _apply(data, run, PLACES, "distributions")


@overload
def most_imperiled(data: pl.Series, *, errors: Errors = ..., lenient: bool = ...) -> str | None: ...
@overload
def most_imperiled(data: pl.Expr, *, errors: Errors = ..., lenient: bool = ...) -> pl.Expr: ...
def most_imperiled(
    data: pl.Series | pl.Expr, *, errors: Errors = "skip", lenient: bool = False
) -> str | pl.Expr | None:
    """The canonical code of the most imperiled rank, as ``srank.most_imperiled``; an aggregation on an expression.

    ``df.group_by("species").agg(pl.col("rank").srank.most_imperiled())`` gives
    one String per group, null where nothing is readable. Unreadable cells are
    skipped with ``errors="skip"`` and raise InvalidRankError with ``errors="raise"``.
    """
    return _aggregate(data, True, errors, lenient, "most_imperiled")


@overload
def least_imperiled(data: pl.Series, *, errors: Errors = ..., lenient: bool = ...) -> str | None: ...
@overload
def least_imperiled(data: pl.Expr, *, errors: Errors = ..., lenient: bool = ...) -> pl.Expr: ...
def least_imperiled(
    data: pl.Series | pl.Expr, *, errors: Errors = "skip", lenient: bool = False
) -> str | pl.Expr | None:
    """The canonical code of the least imperiled rank, among ranked values; see most_imperiled."""
    return _aggregate(data, False, errors, lenient, "least_imperiled")


def _aggregate(
    data: pl.Series | pl.Expr,
    most: bool,
    errors: str,
    lenient: bool,
    name: str,
) -> str | pl.Expr | None:
    if errors not in ("skip", "raise"):
        raise ValueError(f"srank.polars.{name}(): errors must be 'skip' or 'raise', not {errors!r}")
    strict = errors == "raise"
    if isinstance(data, pl.Series):
        return _choose(data, most_imperiled_of if most else least_imperiled_of, strict, lenient)
    if isinstance(data, pl.Expr):
        # Native per group: the keys are decoded once for the whole column, then each group sorts
        # its own. Ranked values sort before U, NR and NA, so the smallest key is the most imperiled
        # (as srank.most_imperiled); the least imperiled is the largest ranked key, or the largest
        # key when nothing in the group is ranked.
        convert = _asking(_sort_key)
        key = data.map_batches(
            lambda series: _map(series, lenient, convert, SORT_KEY, strict), return_dtype=SORT_KEY, is_elementwise=True
        )
        if most:
            chosen = key.sort(nulls_last=True).first()
        else:
            chosen = key.sort_by([is_ranked(data, lenient=lenient), key], descending=True, nulls_last=True).first()
        return chosen.struct.field("code")
    raise TypeError(f"srank.polars.{name}() takes a polars Series or expression, not {type(data).__name__}")


# -- the namespaces ---------------------------------------------------------------


class _Methods:
    """The shared body of both namespaces: each method is the module function of the same name."""

    _data: Any

    def valid(self, *, lenient: bool = False) -> Any:
        return valid(self._data, lenient=lenient)

    def canonical(self, *, lenient: bool = False) -> Any:
        return canonical(self._data, lenient=lenient)

    def rounded(self, *, lenient: bool = False) -> Any:
        return rounded(self._data, lenient=lenient)

    def sort_key(self, *, lenient: bool = False) -> Any:
        return sort_key(self._data, lenient=lenient)

    def level(self, *, lenient: bool = False) -> Any:
        return level(self._data, lenient=lenient)

    def bounds(self, *, lenient: bool = False) -> Any:
        return bounds(self._data, lenient=lenient)

    def is_imperiled(self, threshold: int = 3, *, lenient: bool = False) -> Any:
        return is_imperiled(self._data, threshold, lenient=lenient)

    def is_extinct(self, *, lenient: bool = False) -> Any:
        return is_extinct(self._data, lenient=lenient)

    def is_possibly_extinct(self, *, lenient: bool = False) -> Any:
        return is_possibly_extinct(self._data, lenient=lenient)

    def is_ranked(self, *, lenient: bool = False) -> Any:
        return is_ranked(self._data, lenient=lenient)

    def label(self, *, lenient: bool = False, style: str = "short", lang: str = "en") -> Any:
        return label(self._data, lenient=lenient, style=style, lang=lang)

    def message(self, *, lenient: bool = False) -> Any:
        return message(self._data, lenient=lenient)

    def findings(self, *, lenient: bool = False) -> Any:
        return findings(self._data, lenient=lenient)

    def distributions(self, *, lenient: bool = False, style: str = "short", lang: str = "en") -> Any:
        return distributions(self._data, lenient=lenient, style=style, lang=lang)

    def most_imperiled(self, *, errors: Errors = "skip", lenient: bool = False) -> Any:
        return most_imperiled(self._data, errors=errors, lenient=lenient)

    def least_imperiled(self, *, errors: Errors = "skip", lenient: bool = False) -> Any:
        return least_imperiled(self._data, errors=errors, lenient=lenient)


@pl.api.register_series_namespace("srank")
class SrankSeriesNamespace(_Methods):
    """``series.srank.valid()`` and friends on a polars Series."""

    def __init__(self, series: pl.Series) -> None:
        self._data = series


@pl.api.register_expr_namespace("srank")
class SrankExprNamespace(_Methods):
    """``pl.col("rank").srank.valid()`` and friends on a polars expression."""

    def __init__(self, expr: pl.Expr) -> None:
        self._data = expr
