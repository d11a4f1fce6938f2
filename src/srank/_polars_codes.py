"""Where each row of a polars column sits among the distinct codes, and what each code decodes to.

Finding a column's distinct values costs a full pass over the rows, as much as
mapping them back. Real columns share one small vocabulary (a few hundred codes),
so the texts seen by earlier calls are kept with their decoded results. A long
text column is mapped against them in one pass, and the rows whose codes are not
known yet are looked up on their own and patched in. The first column, with
nothing known, learns its common codes from a random sample of its rows first, a
small fraction of a full pass, so that only rare codes need patching. Short
columns, columns that are not text, columns that would take the vocabulary
past its limit, and columns holding a text longer than any code (a notes column
given by mistake) are decoded on their own, so the vocabulary never keeps long
texts alive after their column is gone. All paths give the same result.
"""

from __future__ import annotations

import attrs
import polars as pl

from ._batch import Result, parse_many
from ._parse import MAX_LENGTH

__all__ = ["distinct_positions", "forget", "positions"]

_LIMIT = 8192  # distinct texts kept; real columns hold a few hundred
_SMALL = 4  # a column shorter than this many times the vocabulary is decoded on its own
_SAMPLE = 32_768  # rows of a long column looked at to learn its common codes


@attrs.frozen(eq=False)  # one snapshot is one vocabulary: compared by identity, never hashed by content
class _Known:
    """An immutable vocabulary of texts and their results; grown by copying, so threads never see half an update."""

    texts: tuple[str, ...]
    results: dict[bool, list[Result]] = attrs.field(factory=dict)  # by leniency, decoded on first use
    series: pl.Series = attrs.field(init=False)
    at: pl.Series = attrs.field(init=False)
    seen: frozenset[str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "series", pl.Series(self.texts, dtype=pl.String))
        object.__setattr__(self, "at", pl.int_range(len(self.texts), dtype=pl.UInt32, eager=True))
        object.__setattr__(self, "seen", frozenset(self.texts))

    def decoded(self, lenient: bool) -> list[Result]:
        found = self.results.get(lenient)
        if found is None:
            found = self.results[lenient] = parse_many(self.texts, lenient=lenient)
        return found

    def grown(self, texts: list[str]) -> _Known | None:
        """This vocabulary with the new ones among ``texts`` added (only those decoded), or None past a limit.

        The limits: _LIMIT texts, each no longer than a code can be (MAX_LENGTH).
        """
        new = [text for text in dict.fromkeys(texts) if text not in self.seen]
        if not new:
            return self
        if len(self.texts) + len(new) > _LIMIT or any(len(text) > MAX_LENGTH for text in new):
            return None
        # A copy: another thread's decoded() may add a leniency to this snapshot meanwhile.
        decoded = list(self.results.items())
        results = {lenient: found + parse_many(new, lenient=lenient) for lenient, found in decoded}
        return _Known(self.texts + tuple(new), results)

    def lookup(self, column: pl.Series) -> pl.Series:
        """Each row's position in ``texts``; null for a null row and for a text not in the vocabulary."""
        return column.replace_strict(self.series, self.at, default=None, return_dtype=pl.UInt32)


_known = _Known(())


def forget() -> None:
    """Drop every known text, so the next call starts cold (for benchmarks and tests)."""
    global _known
    _known = _Known(())


def _sample(column: pl.Series) -> pl.Series:
    """At most _SAMPLE rows, drawn at random (with a fixed seed): a stride could keep in step with sorted data."""
    return column if len(column) <= _SAMPLE else column.sample(_SAMPLE, seed=0)


def _through_vocabulary(column: pl.Series) -> tuple[pl.Series, _Known] | None:
    """Positions of a text column in the shared vocabulary, or None when it is better decoded alone.

    The vocabulary grown here extends the one read at the start, which the
    positions refer to, and is kept for later calls only when the column is done:
    a column decoded alone teaches nothing, and a text another thread learned
    meanwhile is simply learned again later.
    """
    global _known
    start = _known
    if len(column) < _SMALL * len(start.texts):
        return None
    known: _Known | None = start
    if not start.texts:  # nothing to map against yet: learn the common codes first, rather than patch every row
        known = start.grown(_sample(column).drop_nulls().unique(maintain_order=True).to_list())
    if known is None or len(column) < _SMALL * len(known.texts):
        return None
    at = known.lookup(column)
    if at.null_count() != column.null_count():
        missed_rows = (at.is_null() & column.is_not_null()).arg_true()
        missed = column.gather(missed_rows)
        known = known.grown(missed.unique(maintain_order=True).to_list())
        if known is None:
            return None
        at = at.scatter(missed_rows, known.lookup(missed))
    if known is not start:
        _known = known
    return at, known


def positions(column: pl.Series, lenient: bool) -> tuple[pl.Series, list[Result]]:
    """Each row's position (UInt32, null where the cell is null) in a list of decoded distinct values."""
    if column.dtype == pl.String:
        shared = _through_vocabulary(column)
        if shared is not None:
            at, known = shared
            return at, known.decoded(lenient)
    at, values = distinct_positions(column)
    return at, parse_many(values, lenient=lenient)


def distinct_positions(column: pl.Series) -> tuple[pl.Series, list[object]]:
    """Each row's position (UInt32, null where the cell is null) among the column's own distinct values."""
    if column.dtype == pl.Object or column.dtype.is_nested():  # never rank codes: taken row by row
        return pl.int_range(len(column), dtype=pl.UInt32, eager=True), column.to_list()
    distinct = column.unique(maintain_order=True).drop_nulls()
    local = pl.int_range(len(distinct), dtype=pl.UInt32, eager=True)
    return column.replace_strict(distinct, local, default=None, return_dtype=pl.UInt32), distinct.to_list()
