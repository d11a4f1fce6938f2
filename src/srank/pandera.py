"""pandera checks (the ``pandera`` extra): rank columns validated where a pipeline already validates.

Each function returns a ``pandera.Check`` whose result is per row, so that
pandera's report lists the failing rows and their codes::

    import pandera.pandas as pa
    import srank.pandera as sp

    schema = pa.DataFrameSchema(
        {"grank": pa.Column(str, checks=sp.valid_rank("G")), "srank": pa.Column(str, checks=sp.valid_rank("S"))},
        checks=[sp.levels_consistent(global_column="grank", subnational_column="srank")],
    )

``valid_rank`` goes in a ``Column``. ``rounded_matches`` and ``levels_consistent``
compare columns, so they go in the schema's own ``checks``; pandera reports each
failing row with its cells in those columns. Every distinct value is decoded
once, as in ``srank.pandas``. Missing cells (None, NaN, blank text, NA) pass:
whether a column may have them is pandera's ``nullable``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ._errors import missing_dependency

try:
    import numpy as np  # installed with pandas, which the pandera extra installs
    import pandas as pd
    import pandera.pandas as pa
except ImportError as error:
    raise missing_dependency(
        "srank.pandera", error, "pandera", {"pandera": "pandera>=0.24", "pandas": "pandas>=2.1"}
    ) from error

from ._batch import Result
from ._cross_level import check_row
from ._errors import InvalidRankError, SrankError
from ._findings import Severity
from ._model import Level, MultiSeasonRank, Rank
from ._rounded_check import rounded_finding
from ._vocabulary import as_level
from .pandas import _decoded, valid

__all__ = ["levels_consistent", "rounded_matches", "valid_rank"]


def _call(name: str, *arguments: object, **options: object) -> str:
    """How the check reads in pandera's report: the call that made it, defaults left out."""
    shown = [repr(argument) for argument in arguments]
    shown += [f"{key}={value!r}" for key, value in options.items() if value not in (None, False)]
    return f"srank.{name}({', '.join(shown)})"


def valid_rank(level: Level | str | None = None, *, lenient: bool = False) -> pa.Check:
    """A Column check: each cell is a strictly valid code (``srank.is_valid``), of ``level`` when given.

    ``level`` (a Level or its letter) is the level of the column, as in
    ``srank check --column NAME:LEVEL``: a G column takes T ranks too, the
    rounded global ranks of subspecies. ``lenient=True`` reads messy spellings
    (``s3/s4``) as srank's lenient parsing does.

    Args:
        level: The level of the column: a Level or its letter; None for any level.
        lenient: Read the spellings real files use instead of NatureServe's syntax only.

    Returns:
        A pandera Check; missing cells pass (make the column non-nullable to refuse them).

    Raises:
        ValueError: ``level`` is not a level.

    Examples:
        >>> import pandas as pd
        >>> import pandera.pandas as pa
        >>> import srank.pandera
        >>> schema = pa.DataFrameSchema({"S Rank": pa.Column(str, srank.pandera.valid_rank("S"), nullable=True)})
        >>> try:
        ...     schema.validate(pd.DataFrame({"S Rank": ["S2B,S4N", "G5", None]}))
        ... except pa.errors.SchemaError as error:
        ...     print(error.failure_cases["failure_case"].tolist())
        ['G5']
    """
    chosen = as_level(level, "srank.pandera.valid_rank")

    def check(series: pd.Series[Any]) -> pd.Series[Any]:
        return valid(series, lenient=lenient, level=chosen).fillna(True).astype(bool)

    letter = None if chosen is None else chosen.value
    return pa.Check(check, name=_call("valid_rank", level=letter, lenient=lenient))


def rounded_matches(raw_column: str, rounded_column: str, *, lenient: bool = False) -> pa.Check:
    """A DataFrame check: each stored rounded rank is srank's rounding of the raw rank in its row.

    The comparison is ``srank check --rounded RAW=ROUNDED``'s: the parts of a
    multi-part code may come in any order, a part written twice counts once
    (S2B agrees with S2B,S2B), and a missing or unreadable rounded rank fails
    where the raw rank reads. A row whose raw rank is missing or
    unreadable passes; ``valid_rank`` on the raw column reports it.

    Args:
        raw_column: The column of raw ranks.
        rounded_column: The column of the rounded ranks stored beside them.
        lenient: Read both columns leniently.

    Returns:
        A pandera Check for the DataFrame.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandera
        >>> check = srank.pandera.rounded_matches("S Rank", "Rounded")
        >>> check(pd.DataFrame({"S Rank": ["S2S3", "S1S3"], "Rounded": ["S2", "S1"]})).check_output["Rounded"].tolist()
        [True, False]
    """

    def judge(raw: Result, stored: Result) -> bool:
        if not isinstance(raw, (Rank, MultiSeasonRank)):
            return True
        written = stored.text if isinstance(stored, InvalidRankError) else str(stored or "")
        return rounded_finding(raw, written, stored) is None

    def check(frame: pd.DataFrame) -> pd.DataFrame:
        return _per_row(frame, (raw_column, rounded_column), lenient, judge, "rounded_matches")

    return pa.Check(check, name=_call("rounded_matches", raw_column, rounded_column, lenient=lenient), ignore_na=False)


def levels_consistent(
    *,
    global_column: str | None = None,
    national_column: str | None = None,
    subnational_column: str | None = None,
    lenient: bool = False,
    errors_only: bool = False,
) -> pa.Check:
    """A DataFrame check: each row's global, national and subnational ranks fit together (``srank.check_levels``).

    Give two or three of the columns. A row fails on any finding, as ``srank check``
    counts a row consistent only without one; with ``errors_only=True``, only on
    what NatureServe's data exchange rejects (a subnational rank 3 or more above
    the global or national one, or S2 or above under X or H). Cells that are
    missing, unreadable or of another level are left out of the comparison, as
    ``srank check`` does; a row with fewer than two ranks left passes.

    Args:
        global_column: The column of global (G or T) ranks.
        national_column: The column of national ranks.
        subnational_column: The column of subnational ranks.
        lenient: Read the columns leniently.
        errors_only: Fail a row only on what NatureServe's data exchange rejects, not on warnings.

    Returns:
        A pandera Check for the DataFrame.

    Raises:
        ValueError: Fewer than two columns given.

    Examples:
        >>> import pandas as pd
        >>> import srank.pandera
        >>> frame = pd.DataFrame({"G": ["G1", "G5"], "S": ["S3", "S3"]})
        >>> any_finding = srank.pandera.levels_consistent(global_column="G", subnational_column="S")
        >>> errors_only = srank.pandera.levels_consistent(global_column="G", subnational_column="S", errors_only=True)
        >>> any_finding(frame).check_output["S"].tolist(), errors_only(frame).check_output["S"].tolist()
        ([False, True], [True, True])
    """
    columns = {
        level: name
        for level, name in (
            (Level.GLOBAL, global_column),
            (Level.NATIONAL, national_column),
            (Level.SUBNATIONAL, subnational_column),
        )
        if name is not None
    }
    if len(columns) < 2:
        raise ValueError("srank.pandera.levels_consistent() compares two or three columns: name at least two")
    levels = list(columns)

    def judge(*cells: Result) -> bool:
        findings = check_row(dict(zip(levels, cells, strict=True)))
        if not findings:
            return True
        return errors_only and all(finding.severity is not Severity.ERROR for finding in findings)

    def check(frame: pd.DataFrame) -> pd.DataFrame:
        return _per_row(frame, tuple(columns.values()), lenient, judge, "levels_consistent")

    shown = {f"{level.name.lower()}_column": name for level, name in columns.items()}
    return pa.Check(
        check, name=_call("levels_consistent", **shown, lenient=lenient, errors_only=errors_only), ignore_na=False
    )


def _per_row(
    frame: pd.DataFrame, names: Sequence[str], lenient: bool, judge: Callable[..., bool], caller: str
) -> pd.DataFrame:
    """``judge`` per row of the ``names`` cells, once per distinct combination, as a frame pandera reads per cell.

    The frame has ``frame``'s shape; it is False in the ``names`` columns of a
    failing row only, so that pandera's report names those cells and no others.
    """
    missing = [name for name in names if name not in frame.columns]
    if missing:
        raise SrankError(
            f"srank.pandera.{caller}(): the frame has no column {missing[0]!r};"
            f" its columns are {', '.join(map(repr, frame.columns))}"
        )
    decoded = [_decoded(frame[name], lenient) for name in names]
    # One integer per row names its combination of distinct cells (a missing cell's position -1 becomes 0).
    key = np.zeros(len(frame), dtype=np.int64)
    for codes, results in decoded:
        key = key * len(results) + (codes + 1)
    combinations, inverse = np.unique(key, return_inverse=True)
    verdicts = np.empty(len(combinations), dtype=bool)
    for at, combination in enumerate(combinations.tolist()):
        cells = []
        rest = combination
        for _, results in reversed(decoded):
            rest, position = divmod(rest, len(results))
            cells.append(results[position - 1])
        verdicts[at] = judge(*reversed(cells))
    passed = verdicts[inverse.reshape(-1)]
    result = pd.DataFrame(True, index=frame.index, columns=frame.columns)
    for name in names:
        result[name] = passed
    return result
