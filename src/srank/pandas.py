"""pandas support (needs pandas installed): decode a Series of rank codes.

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
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Protocol, TypeVar, cast, overload

from ._errors import missing_dependency

try:
    import numpy as np  # installed with pandas
    import pandas as pd
    from pandas.api.typing import SeriesGroupBy  # public since pandas 2.1
except ImportError as error:
    raise missing_dependency("srank.pandas", error, "pandas", {"pandas": "pandas>=2.1"}) from error

from ._batch import Errors, Result, cell_error, message_of, parse_many, shared_decoder
from ._change_kinds import ChangeKind
from ._changes import compare_ranks
from ._cross_level import column_validity
from ._describe import describe, text_table
from ._errors import InvalidRankError
from ._findings import Finding, separator
from ._languages import language
from ._messages import Message, in_language, say
from ._model import AnyRank, Level, MultiSeasonRank, Rank, check_threshold
from ._namespace_methods import delegate
from ._ordering import least_imperiled_of, most_imperiled_of
from ._per_group import extreme
from ._status_index import StatusIndex, Uncertain, check_options, decoded_counts, index_of, tally
from ._text_options import LanguageTag, Style
from ._vocabulary import Season, as_level

if TYPE_CHECKING:
    from ._explorer import Taxon
    from ._per_group import ExtremeOf, IndexOf

    _Extreme = ExtremeOf[pd.Series[Any], AnyRank | None, SeriesGroupBy[Any, Any], pd.Series[Any]]
    _Index = IndexOf[pd.Series[Any], SeriesGroupBy[Any, Any], pd.DataFrame]

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


LEVELS = [level.value for level in Level]
"""The categories of ``level()``: G, N, S, T (global, national, subnational, infraspecific)."""

KINDS = [kind.value for kind in ChangeKind]
"""The categories of the ``kind`` column of ``compare()``: srank.ChangeKind's values, most significant first."""

CHANGE_COLUMNS = ("kind", "rounded_changed", "old", "new", "old_rounded", "new_rounded", "message")
"""The columns of ``compare()``."""


def _distinct(series: pd.Series[Any]) -> tuple[np.ndarray[Any, Any], list[object]]:
    """Row positions into the unique cells; the last entry (position -1, pandas' missing value) is None."""
    if not isinstance(series, pd.Series):  # a list, a DataFrame: said here, not as pandas' AttributeError
        raise TypeError(
            f"srank.pandas takes a pandas Series of codes (a column, df['rank']), not {type(series).__name__}"
        )
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


def _per_rank(series: pd.Series[Any], lenient: bool, ask: Callable[[AnyRank], object], dtype: str) -> pd.Series[Any]:
    """``ask(rank)`` for every row in a typed column; NA where the cell is missing or cannot be read."""

    def convert(result: Result) -> object:
        rank = _rank(result)
        return pd.NA if rank is None else ask(rank)

    return _column(series, lenient, convert, dtype)


def parse(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """Each cell's rank, InvalidRankError (returned, not raised) or None when missing.

    The object column keeps every result for code that needs the objects themselves.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        An object Series on the same index.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> codes = pd.Series(["G5T1T3Q", "S2B,S4N", "G3G2", None])
        >>> codes.srank.parse().tolist()
        [<Rank 'G5T1T3Q'>, <MultiSeasonRank 'S2B,S4N'>, InvalidRankError('Range 3-2 is reversed'), None]
    """
    return pd.Series(_spread(series, lenient, lambda result: result), index=series.index, name=series.name)


def valid(series: pd.Series[Any], *, lenient: bool = False, level: Level | str | None = None) -> pd.Series[bool]:
    """Whether each cell is a valid code: read with no error finding, as ``srank check`` writes ``srank_valid``.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.
        level: A Level or its letter (G, N, S or T): a rank of another level is not valid, as in
            ``srank check --column NAME:LEVEL``. A G column takes T ranks too.

    Returns:
        A nullable "boolean" Series: NA where the cell is missing.

    Raises:
        ValueError: ``level`` is not a level.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> codes = pd.Series(["G5T1T3Q", "S2B,S4N", "G3G2", None])
        >>> codes.srank.valid().tolist()
        [True, True, False, <NA>]
        >>> codes.srank.valid(level="S").tolist()
        [False, True, False, <NA>]
    """
    chosen = as_level(level, "srank.pandas.valid")

    def convert(result: Result) -> object:
        validity = column_validity(result, chosen)
        return pd.NA if validity is None else validity

    return _column(series, lenient, convert, "boolean")


def canonical(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[str]:
    """The canonical code of each cell, so that equal ranks compare equal as text.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A "string" Series: NA where the cell is missing or cannot be read.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> pd.Series([" s3/s4 ", "G3G2", None]).srank.canonical(lenient=True).tolist()
        ['S3S4', <NA>, <NA>]
    """
    return _per_rank(series, lenient, str, "string")


def label(
    series: pd.Series[Any], *, lenient: bool = False, style: Style = "short", lang: LanguageTag = "en"
) -> pd.Series[str]:
    """Readable status text for each cell, as ``srank.describe`` writes it.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.
        style: "short", "long" or "plants" (USDA PLANTS, English only).
        lang: A language srank has ("en", "es", "fr"), or a tag of one ("fr-CA").

    Returns:
        A "string" Series: NA where the cell is missing or cannot be read.

    Raises:
        ValueError: An unknown style or language, before any cell is read.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> pd.Series(["S2B,S4N", "G3G2", None]).srank.label().tolist()
        ['Breeding: Imperiled; Nonbreeding: Apparently Secure', <NA>, <NA>]
    """
    text_table(style=style, lang=lang)  # a wrong style or lang fails before any cell is read
    return _per_rank(series, lenient, lambda rank: describe(rank, style=style, lang=lang), "string")


def findings(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """The findings of each readable cell: what NatureServe's guidance says about the code.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        An object Series of tuples of Finding: empty where the cell is missing or cannot be read.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> [[finding.code for finding in found] for found in pd.Series(["G4T5", "G3", None]).srank.findings()]
        [['infraspecific-more-secure'], [], []]
    """

    def convert(result: Result) -> tuple[Finding, ...]:
        rank = _rank(result)
        return () if rank is None else rank.findings

    return pd.Series(_spread(series, lenient, convert), index=series.index, name=series.name, dtype=object)


def message(series: pd.Series[Any], *, lenient: bool = False, lang: LanguageTag = "en") -> pd.Series[str]:
    """What ``srank check`` writes in ``srank_message``: the error and its hint, or the warnings.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.
        lang: The language of the messages (a tag such as ``"fr"`` or ``"fr_CA.UTF-8"``); English by default.

    Returns:
        A "string" Series: NA where there is nothing to say.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> messages = pd.Series(["G3G2", "S2"]).srank.message()
        >>> messages[1]
        <NA>
        >>> for part in messages[0].split("; "):
        ...     print(part)
        error[range-reversed]: Range 3-2 is reversed
        hint: write the lower (more imperiled) number first, as in G2G3
    """
    lang = language(lang)  # a wrong lang fails before any cell is read

    def convert(result: Result) -> object:
        return message_of(result, lang) or pd.NA

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
    """NatureServe's rounded rank of each cell, as an ordered categorical, so sorting follows imperilment.

    The categories are the rounded ranks present, ordered by ``rank.sort_key()``;
    G3G4 and G3 both round to G3, so they tie.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        An ordered categorical Series: NaN where the cell is missing or cannot be read.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> codes = pd.Series(["S3", "G5T1T3Q", "SNR", "S1S2"])
        >>> codes.srank.rounded().tolist()
        ['S3', 'T2', 'SNR', 'S1']
        >>> codes.sort_values(key=lambda column: column.srank.rounded()).tolist()
        ['S1S2', 'G5T1T3Q', 'S3', 'SNR']
    """
    return _ordered(series, lenient, lambda rank: rank.rounded())


def sort_key(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """The canonical codes as an ordered categorical in the full ``rank.sort_key()`` order: a sort key.

    Unlike ``rounded``, nothing ties but equal ranks: G1G3 < G2 < G2? < G2G3.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        An ordered categorical Series whose categories are the codes present; missing and
        unreadable cells are NaN (sorted last).

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> codes = pd.Series(["G2?", "G2G3", "G1G3", "G2"])
        >>> codes.sort_values(key=lambda column: column.srank.sort_key()).tolist()
        ['G1G3', 'G2', 'G2?', 'G2G3']
    """
    return _ordered(series, lenient, lambda rank: rank)


def level(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[Any]:
    """The level letter of each code as written: G5T2 is G, though it rounds to T2.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A categorical Series with categories ``LEVELS`` (G, N, S, T); NaN where unreadable.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> pd.Series(["G5T2", "N4B", "S1", "G3G2"]).srank.level().tolist()
        ['G', 'N', 'S', nan]
    """
    codes, results = _decoded(series, lenient)
    at = {letter: index for index, letter in enumerate(LEVELS)}
    per_unique = np.array(
        [-1 if (rank := _rank(result)) is None else at[rank.level.value] for result in results], dtype=np.int64
    )
    categorical = pd.Categorical.from_codes(per_unique[codes], categories=pd.Index(LEVELS, dtype=object))
    return pd.Series(categorical, index=series.index, name=series.name)


def bounds(series: pd.Series[Any], *, lenient: bool = False) -> pd.DataFrame:
    """The most and least imperiled number each rank allows (``rank.bounds()``).

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A DataFrame of two nullable "Int64" columns, ``low`` and ``high``, on the Series'
        index; both NA for X, H, U, NR and NA ranks and for missing or unreadable cells.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> bounds = pd.Series(["G5T1T3Q", "S2", "SX"]).srank.bounds()
        >>> bounds["low"].tolist(), bounds["high"].tolist()
        ([1, 2, <NA>], [3, 2, <NA>])
    """
    codes, results = _decoded(series, lenient)
    spans = [None if (rank := _rank(result)) is None else rank.bounds() for result in results]
    columns = {
        name: pd.array([pd.NA if span is None else span[end] for span in spans], dtype="Int64").take(codes)
        for end, name in enumerate(("low", "high"))
    }
    return pd.DataFrame(columns, index=series.index)


def is_imperiled(series: pd.Series[Any], threshold: int = 3, *, lenient: bool = False) -> pd.Series[bool]:
    """Whether each rank is imperiled: its rounded number is 1 to ``threshold``.

    Args:
        series: Rank codes (text, rank objects or missing values).
        threshold: The highest rounded number that counts (1 to 5); 3 takes in Vulnerable.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A nullable "boolean" Series: NA where the cell is missing or cannot be read.

    Raises:
        ValueError: ``threshold`` is not 1 to 5.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> codes = pd.Series(["G5T2", "S3", "S4", None])
        >>> codes.srank.is_imperiled().tolist(), codes.srank.is_imperiled(2).tolist()
        ([True, True, False, <NA>], [True, False, False, <NA>])
    """
    check_threshold(threshold)
    return _per_rank(series, lenient, lambda rank: rank.is_imperiled(threshold), "boolean")


def is_extinct(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[bool]:
    """Whether each rank rounds to X: presumed extinct, or extirpated from the place ranked.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A nullable "boolean" Series: True where any part rounds to X; NA where missing or unreadable.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> frame = pd.DataFrame({"species": ["a", "b", "c"], "rank": ["SX", "GXC", "S2"]})  # GXC rounds to GH
        >>> frame[frame["rank"].srank.is_extinct()]["species"].tolist()
        ['a']
    """
    return _per_rank(series, lenient, lambda rank: rank.is_extinct(), "boolean")


def is_possibly_extinct(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[bool]:
    """Whether each rank rounds to H: possibly extinct, known only from historical records.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A nullable "boolean" Series: True where any part rounds to H, GXC included; NA where missing or unreadable.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> srank.pandas.is_possibly_extinct(pd.Series(["SH", "GXC", "SX", None])).tolist()
        [True, True, False, <NA>]
    """
    return _per_rank(series, lenient, lambda rank: rank.is_possibly_extinct(), "boolean")


def is_ranked(series: pd.Series[Any], *, lenient: bool = False) -> pd.Series[bool]:
    """Whether each rank carries a status: False for U, NR and NA, which are not on the scale.

    A multi-season code is ranked when any of its parts is: SNA,S2B is.

    Args:
        series: Rank codes (text, rank objects or missing values).
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        A nullable "boolean" Series: NA where the cell is missing or cannot be read.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> pd.Series(["SNR", "SU", "SNA,S2B", "S2"]).srank.is_ranked().tolist()
        [False, False, True, True]
    """
    return _per_rank(series, lenient, lambda rank: rank.is_ranked(), "boolean")


# -- one rank per column or per group ------------------------------------------


def _per_group(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any], most: bool, errors: Errors, lenient: bool
) -> AnyRank | pd.Series[Any] | None:
    choose = most_imperiled_of if most else least_imperiled_of
    name = "most_imperiled" if most else "least_imperiled"
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


most_imperiled: _Extreme = extreme(
    __name__,
    True,
    _per_group,
    """The most imperiled rank of a Series, or of each group of ``df.groupby(...)["rank"]``.

    As ``srank.most_imperiled``: ranked values (X, H, 1-5) first, U/NR/NA only
    when nothing in the group is ranked. Missing cells are skipped; each distinct
    code is read once, whichever group it is in.

    Args:
        data: A Series of codes, or a SeriesGroupBy.
        errors: "raise" (the default, as ``srank.most_imperiled``) raises for a cell that cannot be
            read; "skip" leaves it out.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        For a Series, one rank, or None when nothing is readable; for a SeriesGroupBy, an
        object Series of ranks indexed by group, None where a group has nothing readable.

    Raises:
        InvalidRankError: With ``errors="raise"``, for the first unreadable cell, naming its index label and group.
        TypeError: ``data`` is neither a Series nor a SeriesGroupBy.
        ValueError: ``errors`` is neither "skip" nor "raise".

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> frame = pd.DataFrame({"species": ["Lynx", "Lynx", "Salix"], "rank": ["S3", "S1S2", "S5"]})
        >>> srank.pandas.most_imperiled(frame["rank"])
        <Rank 'S1S2'>
        >>> srank.pandas.most_imperiled(frame.groupby("species")["rank"]).to_dict()
        {'Lynx': <Rank 'S1S2'>, 'Salix': <Rank 'S5'>}
    """,
)
least_imperiled: _Extreme = extreme(
    __name__,
    False,
    _per_group,
    """The least imperiled rank of a Series, or of each group, among ranked values; see ``most_imperiled``.

    Args:
        data: A Series of codes, or a SeriesGroupBy.
        errors: "raise" (the default) or "skip" an unreadable cell, as for ``most_imperiled``.
        lenient: Read the spellings real files use, as ``most_imperiled`` does.

    Returns:
        For a Series, one rank or None; for a SeriesGroupBy, an object Series of ranks by group.

    Raises:
        InvalidRankError: With ``errors="raise"``, for the first unreadable cell.
        TypeError: ``data`` is neither a Series nor a SeriesGroupBy.
        ValueError: ``errors`` is neither "skip" nor "raise".

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> pd.Series(["S3", "S1S2", "SNR"]).srank.least_imperiled()  # SNR counts only where nothing is ranked
        <Rank 'S3'>
    """,
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
                where = _located(row, None if group is None else group[0], values.name if group is None else None)
                raise cell_error(result, where) from None
        elif result is not None:
            ranks.append(result)
    return choose(ranks) if ranks else None


def _located(row: Hashable, group: Hashable | None, column: Hashable | None) -> Message:
    """A cell by its index label, which ``loc`` takes (a position would count otherwise): "index label 7 of
    'rank'", or "... (group 'Lynx')" in a groupby, whose column the groups do not carry."""
    if column is not None:  # a Series' name: text, or a number or tuple after a concat or an unstack
        where = say("dataframe.index-label-of", row=row, column=column)
    else:
        where = say("dataframe.index-label", row=row)
    return where if group is None else say("dataframe.in-group", where=where, group=group)


def _first_row(
    index: pd.Index[Any], values: list[object], group: Hashable | None, column: Hashable | None = None
) -> Callable[[object], str]:
    """Where an unreadable code stands, for an error: its first row's label (and its group), as ``_choose`` says it."""

    def same(value: object, code: object) -> bool:
        try:
            return value is code or bool(value == code)
        except (TypeError, ValueError):  # pandas.NA (and an array) refuse bool(): not the code
            return False

    def where(code: object) -> str:
        row = next(label for label, value in zip(index, values, strict=True) if same(value, code))
        return _located(row, group, column)

    return where


def distributions(
    series: pd.Series[Any], *, lenient: bool = False, style: Style = "short", lang: LanguageTag = "en"
) -> pd.DataFrame:
    """Distribution strings (Explorer or Biotics) in long form: one row per place, keyed by the Series index.

    A cell that gives no place (missing, empty or unreadable) still gives one row,
    with only its message, so no input row is lost. Each distinct string is read
    once, and each distinct place rendered once.

    Args:
        series: Distribution strings, such as ``"United States (N5B): CA (S4)"``.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.
        style: The style of the ``label`` column, as for ``srank.describe``.
        lang: The language of the ``label`` and ``place`` columns.

    Returns:
        A DataFrame of nullable strings with columns nation, subnation, place, rank,
        rounded, label and message, indexed by the Series' index.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> places = pd.Series(["United States (N5B): CA (S4), OR (S2)", None]).srank.distributions()
        >>> places.index.tolist(), places["subnation"].tolist(), places["rank"].tolist()
        ([0, 0, 0, 1], [<NA>, 'CA', 'OR', <NA>], ['N5B', 'S4', 'S2', <NA>])
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


def compare(
    old: pd.Series[Any], new: pd.Series[Any], *, lenient: bool = False, lang: LanguageTag = "en"
) -> pd.DataFrame:
    """What changed from ``old`` to ``new``, two Series on the same index, row by row, as ``srank.compare``.

    A missing cell is an absent rank; a cell that cannot be read gives NA in kind
    and rounded_changed, and its error in message. Each distinct pair is compared once.

    Args:
        old: The earlier codes.
        new: The later codes, on the same index.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.
        lang: The language of the message column.

    Returns:
        A DataFrame with the columns ``CHANGE_COLUMNS``: kind (a categorical of ``KINDS``),
        rounded_changed (nullable boolean), old, new, old_rounded, new_rounded and message.

    Raises:
        TypeError: ``old`` or ``new`` is not a Series.
        ValueError: The two indexes differ, or the language is unknown.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> changes = pd.Series(["G3", "S2", None]).srank.compare(pd.Series(["G2", "S2", "S1"]))
        >>> changes["kind"].tolist()
        ['uplisted', 'same', 'added']
        >>> changes["message"].tolist()
        ['G3 → G2, uplisted (more imperiled)', 'S2 unchanged', 'S1 added']
    """
    for side, series in (("old", old), ("new", new)):
        if not isinstance(series, pd.Series):
            raise TypeError(f"srank.pandas.compare() takes two pandas Series; {side} is {type(series).__name__}")
    if not old.index.equals(new.index):
        raise ValueError(
            "srank.pandas.compare() compares row by row: the two Series must have the same index; for two"
            " exports, merge them on their key column first and compare the two columns of the merged DataFrame"
            " (both = old_df.merge(new_df, on='ELEMENT_CODE', how='outer', suffixes=('_old', '_new'))): aligning"
            " two read_csv indexes would pair rows by position, not by taxon"
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


def _change_row(old: Result, new: Result, old_cell: object, new_cell: object, lang: LanguageTag) -> tuple[object, ...]:
    problems = [
        say(f"change.{side}-unreadable", problem=message_of(result, lang))
        for side, result in (("old", old), ("new", new))
        if isinstance(result, InvalidRankError)
    ]
    if problems:
        rounded = [None if (rank := _rank(result)) is None else rank.rounded() for result in (old, new)]
        text = separator(lang).join(in_language(problem, lang) for problem in problems)
        return (pd.NA, pd.NA, _code(old), _code(new), *map(_code, rounded), text)
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


def _index_of(function: Callable[..., StatusIndex | pd.DataFrame]) -> _Index:
    """``status_index`` as a type checker sees it: a StatusIndex of a Series, a DataFrame of groups."""
    return cast("_Index", function)


@_index_of
def status_index(
    data: pd.Series[Any] | SeriesGroupBy[Any, Any],
    *,
    season: str | Season = "B",
    uncertain: Uncertain = "median",
    errors: Errors = "raise",
    lenient: bool = False,
) -> StatusIndex | pd.DataFrame:
    """The status index of a Series, or of each group of ``df.groupby(...)["rank"]``, as ``srank.status_index``.

    0 when every taxon is extinct, 1 when every one is secure; U, NR, NA and
    missing cells are left out.

    Args:
        data: A Series of codes, or a SeriesGroupBy.
        season: The part of a multi-season code that counts: "B", "N", "M" or a srank.Season.
        uncertain: Which number a range or ``?`` counts as: "min", "median" or "max".
        errors: "raise" for an unreadable cell, or "skip" to leave it out.
        lenient: Read the spellings real files use (``s3/s4``, ``S2-S3``) instead of NatureServe's syntax only.

    Returns:
        For a Series, a srank.StatusIndex; for a SeriesGroupBy, a DataFrame indexed by
        group with columns value (nullable float; NA where nothing in the group counts),
        counted and left_out (nullable integers).

    Raises:
        InvalidRankError: An unreadable cell, naming its first index label (and its group), unless ``errors="skip"``.
        ValueError: A bad option, or (for a Series) nothing that counts.
        TypeError: ``data`` is neither a Series nor a SeriesGroupBy.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> srank.pandas.status_index(pd.Series(["S5", "S3", "S2", "S2"]))
        StatusIndex(value=0.6, counted=4, left_out=0)
        >>> frame = pd.DataFrame({"group": ["bees", "bees", "birds"], "rank": ["S1", "S3", "S5"]})
        >>> srank.pandas.status_index(frame.groupby("group")["rank"])["value"].tolist()
        [0.4, 1.0]
    """
    chosen = check_options("srank.pandas.status_index", season, uncertain, errors)
    if isinstance(data, pd.Series):
        values = data.tolist()
        where = _first_row(data.index, values, None, data.name)
        counts = tally(decoded_counts(values, lenient, "status_index"), chosen, errors, "status_index()", where)
        return index_of(counts, uncertain, "srank.pandas.status_index")
    if not isinstance(data, SeriesGroupBy):
        raise TypeError(
            "srank.pandas.status_index() takes a pandas Series or a SeriesGroupBy (df.groupby(key)[column]),"
            f" not {type(data).__name__}"
        )

    def per_group(group: pd.Series[Any]) -> pd.Series[Any]:
        caller = f"srank.pandas.status_index(), group {group.name!r}"
        values = group.tolist()
        where = _first_row(group.index, values, group.name)
        counts = tally(decoded_counts(values, lenient, "status_index"), chosen, errors, caller, where)
        value = index_of(counts, uncertain, caller).value if counts.counted else np.nan
        return pd.Series([value, counts.counted, counts.left_out], index=["value", "counted", "left_out"])

    frame = data.apply(per_group).unstack()
    return frame.astype({"value": "Float64", "counted": "Int64", "left_out": "Int64"})


def explorer_frame(taxa: Taxon | Iterable[Taxon], *, style: Style = "short", lang: LanguageTag = "en") -> pd.DataFrame:
    """NatureServe Explorer taxa (``srank.explorer``) in long form: one row per taxon x place.

    A taxon with no place still gives one row.

    Args:
        taxa: One ``srank.explorer.Taxon`` or many.
        style: The style of the label column, as for ``srank.describe``.
        lang: The language of the label and place columns.

    Returns:
        A DataFrame whose columns are ``srank.explorer.FIELDS``: ``element_global_id`` a
        nullable integer, every other column nullable text.

    Examples:
        >>> import srank.pandas
        >>> list(srank.pandas.explorer_frame([]).columns[:4])
        ['element_global_id', 'unique_id', 'elcode', 'scientific_name']
    """
    from ._explorer_rows import FIELDS, rows

    frame = pd.DataFrame(list(rows(taxa, style=style, lang=lang)), columns=list(FIELDS)).astype("string")
    frame["element_global_id"] = frame["element_global_id"].astype("Int64")
    return frame


# -- the accessor ------------------------------------------------------------------

_P = ParamSpec("_P")
_R = TypeVar("_R")
_R_co = TypeVar("_R_co", covariant=True)


class _Method(Protocol[_P, _R_co]):
    """What a type checker sees of an accessor method: the function's parameters after the Series, its result."""

    @overload
    def __get__(self, instance: None, owner: type[Any], /) -> _Method[_P, _R_co]: ...
    @overload
    def __get__(self, instance: SrankAccessor, owner: type[Any], /) -> Callable[_P, _R_co]: ...


def _method(function: Callable[Concatenate[pd.Series[Any], _P], _R]) -> _Method[_P, _R]:
    """``function`` as a method of the accessor, with its parameters and help (one signature, the function's)."""
    method: _Method[_P, _R] = delegate(function)
    return method


@pd.api.extensions.register_series_accessor("srank")
class SrankAccessor:
    """The ``.srank`` accessor on pandas Series: the functions of ``srank.pandas`` as methods.

    ``import srank.pandas`` registers it. Each method is the module function of the
    same name applied to the Series, and has its help.

    Args:
        series: The Series the accessor hangs on (pandas passes it).

    Examples:
        >>> import pandas as pd
        >>> import srank.pandas
        >>> codes = pd.Series(["G5T1T3Q", "G3G2"])
        >>> codes.srank.valid().equals(srank.pandas.valid(codes))
        True
    """

    def __init__(self, series: pd.Series[Any]) -> None:
        self._data = series

    parse = _method(parse)
    valid = _method(valid)
    canonical = _method(canonical)
    rounded = _method(rounded)
    sort_key = _method(sort_key)
    level = _method(level)
    bounds = _method(bounds)
    is_imperiled = _method(is_imperiled)
    is_extinct = _method(is_extinct)
    is_possibly_extinct = _method(is_possibly_extinct)
    is_ranked = _method(is_ranked)
    label = _method(label)
    findings = _method(findings)
    message = _method(message)
    most_imperiled = _method(most_imperiled)
    least_imperiled = _method(least_imperiled)
    distributions = _method(distributions)
    compare = _method(compare)
    status_index = _method(status_index)
