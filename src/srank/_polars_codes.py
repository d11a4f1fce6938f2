"""Where each row of a polars column sits among the distinct codes, and what each code decodes to.

Finding a column's distinct values costs a full pass over the rows, as much as
mapping them back. Real columns share one small vocabulary (a few hundred codes),
so the texts seen by earlier calls are kept, and a column whose texts are all
known is mapped in one pass; the first unknown text sends it down the per-call
path, which also learns the new texts. Both paths give the same result.
"""

from __future__ import annotations

import attrs
import polars as pl

from ._batch import Result, parse_many

__all__ = ["forget", "positions"]

_LIMIT = 8192  # distinct texts kept; real columns hold a few hundred
_SMALL = 4  # a column shorter than this many times the vocabulary takes the per-call path


@attrs.frozen
class _Known:
    """An immutable snapshot of the texts seen so far; replaced whole, so threads never see half an update."""

    texts: tuple[str, ...]
    series: pl.Series = attrs.field(init=False)
    at: pl.Series = attrs.field(init=False)
    results: dict[bool, list[Result]] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "series", pl.Series(self.texts, dtype=pl.String))
        object.__setattr__(self, "at", pl.int_range(len(self.texts), dtype=pl.UInt32, eager=True))

    def decoded(self, lenient: bool) -> list[Result]:
        found = self.results.get(lenient)
        if found is None:
            found = self.results[lenient] = parse_many(self.texts, lenient=lenient)
        return found


_known = _Known(())


def _learn(texts: list[str]) -> _Known | None:
    """The vocabulary with ``texts`` added, or None when it would pass the limit."""
    global _known
    known = _known
    seen = set(known.texts)
    new = [text for text in texts if text not in seen]
    if not new:
        return known
    if len(known.texts) + len(new) > _LIMIT:
        return None
    known = _known = _Known(known.texts + tuple(new))
    return known


def forget() -> None:
    """Drop every known text, so the next call starts cold (for benchmarks and tests)."""
    global _known
    _known = _Known(())


def positions(column: pl.Series, lenient: bool) -> tuple[pl.Series, list[Result]]:
    """Each row's position (UInt32, null where the cell is null) in a list of decoded distinct values."""
    known = _known
    if column.dtype == pl.String and known.texts and len(column) >= _SMALL * len(known.texts):
        at = column.replace_strict(known.series, known.at, default=None, return_dtype=pl.UInt32)
        if at.null_count() == column.null_count():
            return at, known.decoded(lenient)
    if column.dtype == pl.Object or column.dtype.is_nested():  # never rank codes: decode row by row
        values = column.to_list()
        return pl.int_range(len(values), dtype=pl.UInt32, eager=True), parse_many(values, lenient=lenient)
    distinct = column.unique(maintain_order=True).drop_nulls()
    texts = distinct.to_list()
    if column.dtype == pl.String:
        learned = _learn(texts)
        if learned is not None and len(column) >= _SMALL * len(learned.texts):
            at = column.replace_strict(learned.series, learned.at, default=None, return_dtype=pl.UInt32)
            return at, learned.decoded(lenient)
    local = pl.int_range(len(texts), dtype=pl.UInt32, eager=True)
    return column.replace_strict(distinct, local, default=None, return_dtype=pl.UInt32), parse_many(
        texts, lenient=lenient
    )
