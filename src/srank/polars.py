"""polars support (needs polars and numpy installed): decode a column of rank codes.

Importing this module registers an ``srank`` namespace on polars Series and
expressions::

    import srank.polars
    df.with_columns(pl.col("rank").srank.is_imperiled().alias("at_risk"))
    df.sort(pl.col("rank").srank.sort_key(), nulls_last=True)  # most imperiled first
    df.group_by("species").agg(pl.col("rank").srank.most_imperiled())
    df.group_by("group", "year").agg(pl.col("rank").srank.status_index())  # a Struct per group
    df.select(pl.col("rank_2023").srank.compare(pl.col("rank_2024")))  # what changed, row by row

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

import functools
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate, Generic, NoReturn, ParamSpec, Protocol, TypeVar, cast, overload

from ._errors import missing_dependency

try:
    import numpy as np  # the polars extra installs it: polars itself does not need it
    import polars as pl
except ImportError as error:
    raise missing_dependency(
        "srank.polars", error, "polars", {"polars": "polars>=1.0", "numpy": "numpy>=1.22"}
    ) from error

from ._batch import Errors, Result, cell_error, message_of, parse_many, validity_of
from ._change_kinds import ChangeKind
from ._changes import compare_ranks
from ._cross_level import column_validity
from ._describe import describe, text_table
from ._errors import InvalidRankError
from ._findings import separator
from ._json_form import finding_form
from ._languages import language
from ._messages import in_language, say
from ._model import AnyRank, Level, MultiSeasonRank, Rank, check_threshold
from ._namespace_methods import delegate, documented
from ._ordering import least_imperiled_of, most_imperiled_of
from ._per_group import extreme
from ._place_rows import PLACE_FIELDS, CellRows
from ._polars_codes import distinct_positions, positions
from ._status_index import StatusIndex, Uncertain, check_options, index_number, nothing_counted, scale_of, warn_mixed
from ._text_options import LanguageTag, Style
from ._vocabulary import Season, as_level

if TYPE_CHECKING:
    from ._per_group import ExtremeOf, IndexOf

    _Extreme = ExtremeOf[pl.Series, str | None, pl.Expr, pl.Expr]
    _Index = IndexOf[pl.Series, pl.Expr, pl.Expr]

__all__ = [
    "BOUNDS",
    "CHANGE",
    "FINDINGS",
    "INDEX",
    "KINDS",
    "LEVELS",
    "PLACES",
    "SORT_KEY",
    "CellError",
    "SrankExprNamespace",
    "SrankSeriesNamespace",
    "bounds",
    "canonical",
    "compare",
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
    "status_index",
    "valid",
]

Data = TypeVar("Data", pl.Series, pl.Expr)

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

KINDS = pl.Enum([kind.value for kind in ChangeKind])
"""The dtype of the ``kind`` field of ``compare()``: srank.ChangeKind's values, most significant first."""

CHANGE = pl.Struct(
    {
        "kind": KINDS,
        "rounded_changed": pl.Boolean,
        **dict.fromkeys(("old", "new", "old_rounded", "new_rounded", "message"), pl.String),
    }
)
"""The dtype of ``compare()``: the change of each row, as ``srank.compare`` gives it."""

INDEX = pl.Struct({"value": pl.Float64, "counted": pl.UInt32, "left_out": pl.UInt32})
"""The dtype of ``status_index()`` on an expression: the fields of ``srank.StatusIndex``."""

# A Struct is named after its first field: these suffixes keep its other fields' names from being the same.
# Real column names hold no NUL.
_SECOND, _THIRD = "\0srank-2", "\0srank-3"

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


def _message(result: Result, lang: str = "en") -> object:
    return message_of(result, lang) or None


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


class CellError(InvalidRankError):
    """An unreadable cell of a polars column, with ``errors="raise"``: an InvalidRankError that names its row.

    Rows are counted from 1, in the column (a polars column has no index labels, which
    the pandas helpers name instead). polars raises an error from inside an expression
    again as ``type(error)(text)``, with the whole rendered error and the expression as
    the text: made so, this class finds the error it was rendered from, among the last
    few raised, and has its fields again (``code``, ``span``, ``hint``, ``message_in``).

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> try:
        ...     pl.Series("rank", ["S2", "S3", "G1G4"]).srank.most_imperiled(errors="raise")
        ... except srank.polars.CellError as error:
        ...     print(error.message)
        row 3 of 'rank': Range 1-4 is too wide: a range may skip at most one rank
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
        raised = None if text else next((e for e in reversed(_RAISED) if message.startswith(str(e))), None)
        if raised is not None:  # polars' type(error)(text): the fields of the error that text renders
            message, text, span, expected = raised.message, raised.text, raised.span, raised.expected
            hint, code = raised.hint, raised.code
        super().__init__(message, text=text, span=span, expected=expected, hint=hint, code=code)

    def __str__(self) -> str:
        return super().__str__() if self.text else self.message


def _raise_unreadable(result: InvalidRankError, position: int, column: str) -> NoReturn:
    row = position + 1  # counted from 1, as people count rows
    where = say("dataframe.row-of-column", row=row, column=column) if column else say("dataframe.row", row=row)
    error = cell_error(result, where).evolve(into=CellError)
    _RAISED.append(error.evolve())  # for polars' raising it again from its text; a copy, never raised, holds no frame
    raise error from None


_RAISED: deque[InvalidRankError] = deque(maxlen=16)  # the last errors raised from inside an expression


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


def _per_cell(data: Data, lenient: bool, convert: Callable[[Result], object], dtype: Any, name: str) -> Data:
    """``convert`` of each cell's result (see ``_map``), for a Series or an expression."""
    return _apply(data, lambda series: _map(series, lenient, convert, dtype), dtype, name)


def valid(data: Data, *, lenient: bool = False, level: Level | str | None = None) -> Data:
    """Whether each cell is a valid code: read with no error finding, as ``srank_valid``.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.
        level: A Level or its letter (G, N, S or T): a rank of another level is not valid, as in
            ``srank check --column NAME:LEVEL``. A G column takes T ranks too.

    Returns:
        Boolean: null where the cell is missing, False where it cannot be read.

    Raises:
        ValueError: ``level`` is not a level.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> codes = pl.Series("rank", ["G5T1T3Q", "S2B,S4N", "G3G2", None])
        >>> codes.srank.valid().to_list()
        [True, True, False, None]
        >>> codes.srank.valid(level="S").to_list()
        [False, True, False, None]
        >>> pl.DataFrame({"rank": ["S1", "S9"]}).select(pl.col("rank").srank.valid()).to_series().to_list()
        [True, False]
    """
    chosen = as_level(level, "srank.polars.valid")
    if chosen is None:
        return _per_cell(data, lenient, _valid, pl.Boolean, "valid")
    return _per_cell(data, lenient, lambda result: column_validity(result, chosen), pl.Boolean, "valid")


def canonical(data: Data, *, lenient: bool = False) -> Data:
    """The canonical code of each cell, so that equal ranks compare equal as text.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        String: null where the cell is missing or cannot be read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.Series([" s3/s4 ", "G3G2"]).srank.canonical(lenient=True).to_list()
        ['S3S4', None]
    """
    return _per_cell(data, lenient, _asking(str), pl.String, "canonical")


def label(data: Data, *, lenient: bool = False, style: Style = "short", lang: LanguageTag = "en") -> Data:
    """Readable status text for each cell, as ``srank.describe`` writes it.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        style: "short", "long" or "plants" (USDA PLANTS, English only).
        lang: A language srank has ("en", "es", "fr"), or a tag of one ("fr-CA").
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        String: null where the cell is missing or cannot be read.

    Raises:
        ValueError: An unknown style or language, before any cell is read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> frame = pl.DataFrame({"rank": ["G3", "S2B,S4N"]})
        >>> frame.select(pl.col("rank").srank.label(lang="es")).to_series().to_list()
        ['Vulnerable', 'Población reproductora: amenazada; población no reproductora: aparentemente segura']
    """
    text_table(style=style, lang=lang)  # a wrong style or lang fails before any cell is read
    return _per_cell(data, lenient, _asking(lambda rank: describe(rank, style=style, lang=lang)), pl.String, "label")


def message(data: Data, *, lenient: bool = False, lang: LanguageTag = "en") -> Data:
    """What ``srank check`` writes in ``srank_message``: the error and its hint, or the warnings.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.
        lang: The language of the messages (a tag such as ``"fr"`` or ``"fr_CA.UTF-8"``); English by default.

    Returns:
        String: null where there is nothing to say.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.Series(["G3G2"]).srank.message()[0]
        'error[range-reversed]: Range 3-2 is reversed; hint: write the lower (more imperiled) number first, as in G2G3'
    """
    lang = language(lang)  # a wrong lang fails before any cell is read
    return _per_cell(data, lenient, functools.partial(_message, lang=lang), pl.String, "message")


def findings(data: Data, *, lenient: bool = False) -> Data:
    """The findings of each cell, as the keys of ``warnings`` in ``rank.to_dict()``.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A List of Struct (``FINDINGS``): empty where the cell is missing or cannot be read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> [finding["code"] for finding in pl.Series(["G4T5"]).srank.findings()[0]]
        ['infraspecific-more-secure']
    """
    return _per_cell(data, lenient, _findings, FINDINGS, "findings")


@overload
def rounded(data: pl.Series, *, lenient: bool = ...) -> pl.Series: ...
@overload
def rounded(data: pl.Expr, *, lenient: bool = ...) -> pl.Expr: ...
def rounded(data: pl.Series | pl.Expr, *, lenient: bool = False) -> pl.Series | pl.Expr:
    """NatureServe's rounded rank of each cell.

    On a Series, an Enum of the rounded codes present, most imperiled first, so
    sorting follows imperilment. An expression must declare its dtype before it
    sees any data, so on an expression it is String: sort by ``sort_key()`` there.

    Args:
        data: A polars Series of codes, or an expression.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        An Enum Series, or a String expression: null where the cell is missing or cannot be read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> rounded = pl.Series(["S3", "G5T1T3Q", "SNR", "S1S2"]).srank.rounded()
        >>> rounded.to_list(), rounded.sort().to_list()
        (['S3', 'T2', 'SNR', 'S1'], ['S1', 'T2', 'S3', 'SNR'])
    """
    if isinstance(data, pl.Series):
        return _rounded_enum(data, lenient)
    return _per_cell(data, lenient, _asking(lambda rank: str(rank.rounded())), pl.String, "rounded")


def sort_key(data: Data, *, lenient: bool = False) -> Data:
    """``rank.sort_key()`` of each cell as a Struct: sorting by it puts the most imperiled first.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A Struct (``SORT_KEY``): null where the cell is missing or unreadable (sort with ``nulls_last=True``).

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> frame = pl.DataFrame({"rank": ["S3", "G2?", "S1S2", "G2G3"]})
        >>> frame.sort(pl.col("rank").srank.sort_key())["rank"].to_list()
        ['S1S2', 'G2?', 'G2G3', 'S3']
    """
    return _per_cell(data, lenient, _asking(_sort_key), SORT_KEY, "sort_key")


def level(data: Data, *, lenient: bool = False) -> Data:
    """The level letter of each code as written: G5T2 is G, though it rounds to T2.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        An Enum (``LEVELS``: G, N, S, T): null where the cell is missing or cannot be read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.Series(["G5T2", "N4B", "S1", "G3G2"]).srank.level().to_list()
        ['G', 'N', 'S', None]
    """
    return _per_cell(data, lenient, _asking(lambda rank: rank.level.value), LEVELS, "level")


def bounds(data: Data, *, lenient: bool = False) -> Data:
    """The most and least imperiled number each rank allows (``rank.bounds()``).

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A Struct of ``low`` and ``high`` (``BOUNDS``), both null off the 1-5 scale; ``.struct.unnest()`` splits it.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.Series(["G5T1T3Q", "S2B,S4N", "SX"]).srank.bounds().struct.unnest().rows()
        [(1, 3), (2, 4), (None, None)]
    """
    return _per_cell(data, lenient, _asking(_bounds), BOUNDS, "bounds")


def is_imperiled(data: Data, threshold: int = 3, *, lenient: bool = False) -> Data:
    """Whether each rank is imperiled: its rounded number is 1 to ``threshold``.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        threshold: The highest rounded number that counts (1 to 5); 3 takes in Vulnerable.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        Boolean: null where the cell is missing or cannot be read.

    Raises:
        ValueError: ``threshold`` is not 1 to 5.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> frame = pl.DataFrame({"rank": ["S3", "S1S2", "S5"]})
        >>> frame.with_columns(pl.col("rank").srank.is_imperiled().alias("at_risk"))["at_risk"].to_list()
        [True, True, False]
    """
    check_threshold(threshold)
    return _per_cell(data, lenient, _asking(lambda rank: rank.is_imperiled(threshold)), pl.Boolean, "is_imperiled")


def is_extinct(data: Data, *, lenient: bool = False) -> Data:
    """Whether each rank rounds to X: presumed extinct, or extirpated from the place ranked.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        Boolean: True where any part rounds to X; null where the cell is missing or cannot be read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> frame = pl.DataFrame({"species": ["a", "b", "c"], "rank": ["SX", "GXC", "S2"]})  # GXC rounds to GH
        >>> frame.filter(pl.col("rank").srank.is_extinct())["species"].to_list()
        ['a']
    """
    return _per_cell(data, lenient, _asking(lambda rank: rank.is_extinct()), pl.Boolean, "is_extinct")


def is_possibly_extinct(data: Data, *, lenient: bool = False) -> Data:
    """Whether each rank rounds to H: possibly extinct, known only from historical records.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        Boolean: True where any part rounds to H, as GXC does; null where the cell is missing or cannot be read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> srank.polars.is_possibly_extinct(pl.Series(["SH", "GXC", "SX"])).to_list()
        [True, True, False]
    """
    return _per_cell(data, lenient, _asking(lambda rank: rank.is_possibly_extinct()), pl.Boolean, "is_possibly_extinct")


def is_ranked(data: Data, *, lenient: bool = False) -> Data:
    """Whether each rank carries a status: False for U, NR and NA, which are not on the scale.

    Args:
        data: A polars Series of codes, or an expression (``pl.col("rank")``): the result is of the same kind.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        Boolean: True where any part is X, H or a number; null where the cell is missing or cannot be read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.Series(["SNR", "SU", "SNA,S2B", "S2"]).srank.is_ranked().to_list()
        [False, False, True, True]
    """
    return _per_cell(data, lenient, _asking(lambda rank: rank.is_ranked()), pl.Boolean, "is_ranked")


def distributions(data: Data, *, lenient: bool = False, style: Style = "short", lang: LanguageTag = "en") -> Data:
    """The places of each distribution string (Explorer or Biotics), as a List of Struct per cell.

    A cell that gives no place (missing, empty or unreadable) gives one Struct
    with only its message, so ``.explode()`` then ``.struct.unnest()`` loses no
    row. Each distinct string is read once.

    Args:
        data: A polars Series of distribution strings, or an expression.
        lenient: Read the spellings real files use instead of the published syntax only.
        style: The style of the ``label`` field, as for ``srank.describe``.
        lang: The language of the ``label`` and ``place`` fields.

    Returns:
        A List of Struct (``PLACES``: nation, subnation, place, rank, rounded, label, message).

    Raises:
        ValueError: An unknown style or language, before any cell is read.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> places = pl.Series(["United States (N5B): CA (S4)"]).srank.distributions()
        >>> [(place["subnation"], place["rank"]) for place in places[0]]
        [(None, 'N5B'), ('CA', 'S4')]
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
def compare(old: pl.Series, new: pl.Series, *, lenient: bool = ..., lang: LanguageTag = ...) -> pl.Series: ...
@overload
def compare(old: pl.Expr, new: pl.Expr, *, lenient: bool = ..., lang: LanguageTag = ...) -> pl.Expr: ...
def compare(
    old: pl.Series | pl.Expr, new: pl.Series | pl.Expr, *, lenient: bool = False, lang: LanguageTag = "en"
) -> pl.Series | pl.Expr:
    """What changed from ``old`` to ``new``, row by row, as ``srank.compare``: a Struct per row.

    A null cell is an absent rank; a cell that cannot be read gives a null kind
    and its error in message. Each distinct pair is compared once.

    Args:
        old: The earlier codes: a Series, or an expression.
        new: The later codes, of the same kind (and length, for Series).
        lenient: Read the spellings real files use instead of NatureServe's syntax only.
        lang: The language of the message field.

    Returns:
        A Struct (``CHANGE``): kind (Enum ``KINDS``), rounded_changed, old, new,
        old_rounded, new_rounded and message; ``.struct.unnest()`` splits it. It is
        named after ``old``, as every srank expression is named after its input:
        ``.alias()`` gives it a name of its own.

    Raises:
        TypeError: ``old`` and ``new`` are not two Series or two expressions.
        ValueError: Two Series of different lengths, or an unknown language.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> changes = srank.polars.compare(pl.Series(["G3", "S2", None]), pl.Series(["G2", "S2", "S1"]))
        >>> changes.struct.field("kind").to_list()
        ['uplisted', 'same', 'added']
        >>> frame = pl.DataFrame({"S Rank": ["S2", "S3"], "Rounded S": ["S1", "S3"]})
        >>> frame.select(pl.col("S Rank").srank.compare(pl.col("Rounded S"))).unnest("S Rank")["kind"].to_list()
        ['uplisted', 'same']
    """
    text_table(style="short", lang=lang)  # a wrong lang fails before any cell is read
    if isinstance(old, pl.Series) and isinstance(new, pl.Series):
        if len(old) != len(new):
            raise ValueError(
                f"srank.polars.compare() compares row by row: the two Series must have the same length"
                f" ({len(old)} and {len(new)}); for two exports, join them on their key column first and compare"
                " the two columns of the joined DataFrame (old_df.join(new_df, on='ELEMENT_CODE', how='full',"
                " suffix='_new'))"
            )
        return _compare_series(old, new, lenient, lang)
    if isinstance(old, pl.Expr) and isinstance(new, pl.Expr):
        # A Struct is named after its first field: old as it comes, so that the change is named after the old
        # column, as every srank expression is named after its input. new only needs a name old cannot have.
        pair = pl.struct(old, new.name.suffix(_SECOND))
        return pair.map_batches(
            lambda both: _compare_series(both.struct[0], both.struct[1], lenient, lang),
            return_dtype=CHANGE,
            is_elementwise=True,
        )
    raise TypeError(
        f"srank.polars.compare() takes two polars Series or two expressions, not {type(old).__name__}"
        f" and {type(new).__name__}"
    )


def _compare_series(old: pl.Series, new: pl.Series, lenient: bool, lang: LanguageTag) -> pl.Series:
    old_at, old_values = distinct_positions(_text(old))
    new_at, new_values = distinct_positions(_text(new))
    old_values.append(None)  # null rows take the last entry
    new_values.append(None)
    old_results, new_results = parse_many(old_values, lenient=lenient), parse_many(new_values, lenient=lenient)
    width = len(new_values)
    old_position = old_at.fill_null(len(old_values) - 1).cast(pl.UInt64)
    pairs = old_position * width + new_at.fill_null(width - 1).cast(pl.UInt64)
    at, distinct = distinct_positions(pairs)
    rows = []
    for pair in distinct:
        assert isinstance(pair, int)
        first, second = divmod(pair, width)
        rows.append(_change_row(old_results[first], new_results[second], old_values[first], new_values[second], lang))
    return pl.Series(old.name, rows, dtype=CHANGE).gather(at)


def _change_row(old: Result, new: Result, old_cell: object, new_cell: object, lang: LanguageTag) -> dict[str, object]:
    unread = [(side, result) for side, result in (("old", old), ("new", new)) if isinstance(result, InvalidRankError)]
    old_rank, new_rank = _rank(old), _rank(new)
    if unread:
        return {
            "kind": None,
            "rounded_changed": None,
            "old": None if old_rank is None else str(old_rank),
            "new": None if new_rank is None else str(new_rank),
            "old_rounded": None if old_rank is None else str(old_rank.rounded()),
            "new_rounded": None if new_rank is None else str(new_rank.rounded()),
            "message": separator(lang).join(
                in_language(say(f"change.{side}-unreadable", problem=message_of(result, lang)), lang)
                for side, result in unread
            ),
        }
    change = compare_ranks(
        old_rank,
        new_rank,
        old_cell if isinstance(old_cell, str) else None,
        new_cell if isinstance(new_cell, str) else None,
    )
    return {
        "kind": change.kind.value,
        "rounded_changed": change.rounded_changed,
        "old": None if change.old is None else str(change.old),
        "new": None if change.new is None else str(change.new),
        "old_rounded": None if change.old_rounded is None else str(change.old_rounded),
        "new_rounded": None if change.new_rounded is None else str(change.new_rounded),
        "message": change.describe(lang=lang),
    }


def _index_of(function: Callable[..., StatusIndex | pl.Expr]) -> _Index:
    """``status_index`` as a type checker sees it: a StatusIndex of a Series, an aggregation of an expression."""
    return cast("_Index", function)


@_index_of
def status_index(
    data: pl.Series | pl.Expr,
    *,
    season: str | Season = "B",
    uncertain: Uncertain = "median",
    errors: Errors = "raise",
    lenient: bool = False,
) -> StatusIndex | pl.Expr:
    """The status index, as ``srank.status_index``: a number on a Series, an aggregation on an expression.

    Args:
        data: A polars Series of codes, or an expression (for ``group_by().agg()``).
        season: The part of a multi-season code that counts: "B", "N", "M" or a srank.Season.
        uncertain: Which number a range or ``?`` counts as: "min", "median" or "max".
        errors: "raise" for an unreadable cell, or "skip" to leave it out.
        lenient: Read the spellings real files use instead of NatureServe's syntax only.

    Returns:
        A srank.StatusIndex for a Series; for an expression, a Struct (the dtype ``srank.polars.INDEX``: value,
        counted, left_out) per group, value null where nothing in the group counts,
        named after the column, as every srank expression is named after its input.

    Raises:
        CellError: An unreadable cell, naming its row (counted from 1), unless ``errors="skip"``.
        ValueError: A bad option, or (for a Series) nothing that counts.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.Series(["S5", "S3", "S2", "S2"]).srank.status_index()
        StatusIndex(value=0.6, counted=4, left_out=0)
        >>> frame = pl.DataFrame({"group": ["bees", "bees", "birds"], "rank": ["S1", "S3", "S5"]})
        >>> frame.group_by("group", maintain_order=True).agg(pl.col("rank").srank.status_index()).rows()
        [('bees', {'value': 0.4, 'counted': 2, 'left_out': 0}), ('birds', {'value': 1.0, 'counted': 1, 'left_out': 0})]
    """
    chosen = check_options("srank.polars.status_index", season, uncertain, errors)
    strict = errors == "raise"

    scales: set[str] = set()  # of the codes counted

    def convert(result: Result) -> object:
        rank = _rank(result)
        number = None if rank is None else index_number(rank, chosen, uncertain)
        if number is not None and rank is not None:
            scales.add(scale_of(rank))
        return number

    def numbers(series: pl.Series) -> pl.Series:
        return _map(series, lenient, convert, pl.Float64, strict)

    if isinstance(data, pl.Series):
        found = numbers(data)
        counted = len(found) - found.null_count()
        if not counted:
            raise ValueError(nothing_counted("srank.polars.status_index", len(found)))
        # A Series is one index; an expression's column is read whole, and each of its groups may be of its own level.
        warn_mixed(scales, "srank.polars.status_index")
        return StatusIndex(float(found.sum()) / (5 * counted), counted, found.null_count())
    if isinstance(data, pl.Expr):
        number = data.map_batches(numbers, return_dtype=pl.Float64, is_elementwise=True)
        # Named after its first field, so after the column, as every srank expression is; then the fields' names.
        return pl.struct(
            number.mean() / 5,
            number.count().cast(pl.UInt32).name.suffix(_SECOND),
            number.null_count().cast(pl.UInt32).name.suffix(_THIRD),
        ).struct.rename_fields([field.name for field in INDEX.fields])
    raise TypeError(f"srank.polars.status_index() takes a polars Series or expression, not {type(data).__name__}")


def _aggregate(data: pl.Series | pl.Expr, most: bool, errors: Errors, lenient: bool) -> str | pl.Expr | None:
    name = "most_imperiled" if most else "least_imperiled"
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
        return chosen.struct.field("code").name.keep()  # named after the input column, as every other method
    raise TypeError(f"srank.polars.{name}() takes a polars Series or expression, not {type(data).__name__}")


most_imperiled: _Extreme = extreme(
    __name__,
    True,
    _aggregate,
    """The canonical code of the most imperiled rank, as ``srank.most_imperiled``; an aggregation on an expression.

    In ``group_by().agg()`` the result is named after the input column, as every other method's.

    Args:
        data: A polars Series of codes, or an expression.
        errors: "raise" (the default, as ``srank.most_imperiled``) raises for a cell that cannot be
            read; "skip" leaves it out.
        lenient: Read the spellings real files use instead of NatureServe's syntax only.

    Returns:
        For a Series, the code (None when nothing is readable); for an expression, one
        String per group, null where nothing is readable.

    Raises:
        CellError: With ``errors="raise"``, for the first unreadable cell, naming its row (counted from 1).
        ValueError: ``errors`` is neither "skip" nor "raise".

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> frame = pl.DataFrame({"species": ["Lynx", "Lynx", "Salix"], "rank": ["S3", "S1S2", "S5"]})
        >>> frame.group_by("species", maintain_order=True).agg(pl.col("rank").srank.most_imperiled()).rows()
        [('Lynx', 'S1S2'), ('Salix', 'S5')]
        >>> srank.polars.most_imperiled(frame["rank"])
        'S1S2'
    """,
)
least_imperiled: _Extreme = extreme(
    __name__,
    False,
    _aggregate,
    """The canonical code of the least imperiled rank, among ranked values; see ``most_imperiled``.

    Args:
        data: A polars Series of codes, or an expression.
        errors: "raise" (the default) or "skip" an unreadable cell, as for ``most_imperiled``.
        lenient: Read the spellings real files use, as ``most_imperiled`` does.

    Returns:
        For a Series, the code or None; for an expression, one String per group.

    Raises:
        CellError: With ``errors="raise"``, for the first unreadable cell, as for ``most_imperiled``.
        ValueError: A bad ``errors``.

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> srank.polars.least_imperiled(pl.Series(["S3", "S1S2", "SNR"]))  # SNR counts only where nothing is ranked
        'S3'
    """,
)


# -- the namespaces ---------------------------------------------------------------


_P = ParamSpec("_P")
_R = TypeVar("_R")
_R_co = TypeVar("_R_co", covariant=True)


class _Same(Protocol[_P]):
    """What a type checker sees of a method that gives back the namespace's own kind: a Series or an expression."""

    @overload
    def __get__(self, instance: None, owner: type[Any], /) -> _Same[_P]: ...
    @overload
    def __get__(self, instance: _Methods[Data], owner: type[Any], /) -> Callable[_P, Data]: ...


class _Summary(Protocol[_P, _R_co]):
    """What a type checker sees of a method that sums a Series up (a value), or an expression (an expression)."""

    @overload
    def __get__(self, instance: None, owner: type[Any], /) -> _Summary[_P, _R_co]: ...
    @overload
    def __get__(self, instance: SrankSeriesNamespace, owner: type[Any], /) -> Callable[_P, _R_co]: ...
    @overload
    def __get__(self, instance: SrankExprNamespace, owner: type[Any], /) -> Callable[_P, pl.Expr]: ...


def _same(function: Callable[Concatenate[pl.Series, _P], pl.Series]) -> _Same[_P]:
    """``function`` as a method of both namespaces, with its parameters and help (one signature, the function's)."""
    method: _Same[_P] = delegate(function)
    return method


def _summary(function: Callable[Concatenate[pl.Series, _P], _R]) -> _Summary[_P, _R]:
    """``function``, which sums a Series up, as a method of both namespaces."""
    method: _Summary[_P, _R] = delegate(function)
    return method


class _Methods(Generic[Data]):
    """The shared body of both namespaces: each method is the module function of the same name."""

    _data: Data

    valid = _same(valid)
    canonical = _same(canonical)
    rounded = _same(rounded)
    sort_key = _same(sort_key)
    level = _same(level)
    bounds = _same(bounds)
    is_imperiled = _same(is_imperiled)
    is_extinct = _same(is_extinct)
    is_possibly_extinct = _same(is_possibly_extinct)
    is_ranked = _same(is_ranked)
    label = _same(label)
    message = _same(message)
    findings = _same(findings)
    distributions = _same(distributions)
    status_index = _summary(status_index)
    most_imperiled = _summary(most_imperiled)
    least_imperiled = _summary(least_imperiled)

    @documented(compare)
    def compare(self, new: Data, *, lenient: bool = False, lang: LanguageTag = "en") -> Data:
        return compare(self._data, new, lenient=lenient, lang=lang)


@pl.api.register_series_namespace("srank")
class SrankSeriesNamespace(_Methods[pl.Series]):
    """The ``srank`` namespace on polars Series: ``series.srank.valid()`` and the other functions of ``srank.polars``.

    ``import srank.polars`` registers it. A type checker does not see namespaces
    registered at run time: the module functions are the typed route.

    Args:
        series: The Series the namespace hangs on (polars passes it).

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.Series(["S1", "S9"]).srank.valid().to_list()
        [True, False]
    """

    def __init__(self, series: pl.Series) -> None:
        self._data = series


@pl.api.register_expr_namespace("srank")
class SrankExprNamespace(_Methods[pl.Expr]):
    """The ``srank`` namespace on polars expressions: ``pl.col("rank").srank.valid()`` and the rest.

    ``import srank.polars`` registers it; it works in lazy queries and in
    ``group_by``. A type checker does not see it: the module functions are typed.

    Args:
        expr: The expression the namespace hangs on (polars passes it).

    Examples:
        >>> import polars as pl
        >>> import srank.polars
        >>> pl.DataFrame({"rank": ["S1", "S9"]}).select(pl.col("rank").srank.valid()).to_series().to_list()
        [True, False]
    """

    def __init__(self, expr: pl.Expr) -> None:
        self._data = expr
