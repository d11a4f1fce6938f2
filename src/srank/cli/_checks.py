"""What ``srank check`` appends to each row: one check per rank column, levels, and rounded columns.

A check turns a key (a cell, or a tuple of cells) into a verdict: the values
of its output columns, plus what the summary needs. Real files repeat a few
hundred distinct keys, so each verdict is rendered once and kept in a bounded
cache per check (``Cache``), and the whole appended text once per distinct
combination of checked cells (``RowCache``); a row then costs one lookup.
Memory stays bounded however many distinct cells a file holds: each cache
drops its oldest key at its size, folding that key's row count into the totals
as it goes, and a key longer than 256 characters is never kept.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

import attrs

from .._batch import message_of, validity_of
from .._cross_level import check_levels, expected_level_rule
from .._describe import describe
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError
from .._findings import Severity
from .._model import AnyRank, Level, MultiSeasonRank, Rank
from .._parse import is_missing, parse
from ._arguments import COLUMNS, ColumnSpec

__all__ = [
    "CACHE_SIZE",
    "Cache",
    "Check",
    "ColumnCheck",
    "LevelsCheck",
    "RoundedCheck",
    "RowCache",
    "Values",
    "Verdict",
    "free_suffix",
    "output_names",
    "say_if_renamed",
]

CACHE_SIZE = 8192
_SHORT = 200  # characters: longer texts get a "too long" verdict that names their length
_KEPT = 256  # characters: a longer key (a 1 MB cell) is judged each time it is met, never kept whole
_EXAMPLES = 64  # distinct cells remembered per problem code, for the summary's examples
_DISTINCT = 1 << 16  # distinct keys counted exactly; past this the summary says "more than"
Values = tuple[Any, ...]


@attrs.frozen
class Verdict:
    """A key's output values, its kind for the summary, and the code of its first problem."""

    values: Values
    kind: str  # valid, invalid, missing (columns); ok, warning, error, skipped (levels, rounded)
    problem: str = ""
    lenient_reads: bool = False  # strict mode: the cell does not read, but --lenient would read it


class Check:
    """One check: how a row gives its key, how a key is judged, and what the summary counts."""

    title: str
    names: tuple[str, ...]

    def __init__(self, indexes: Sequence[int]) -> None:
        self.indexes = tuple(indexes)
        self.key: Callable[[list[str]], Any] = itemgetter(*indexes)
        self.kinds: dict[str, int] = {}  # rows per kind
        self.problems: dict[str, dict[Any, int]] = {}  # problem code -> example key -> rows
        self.problem_rows: dict[str, int] = {}
        self.first_lines: dict[str, int] = {}
        self.lenient_rows = 0
        self.distinct: set[Any] = set()
        self.more_distinct = False

    def judge(self, key: Any) -> Verdict:
        raise NotImplementedError

    def outcome(self) -> str:
        """The summary's counts for this check."""
        kinds = self.kinds
        flagged, errors = kinds.get("warning", 0) + kinds.get("error", 0), kinds.get("error", 0)
        with_errors = f", {errors:,} with errors" if errors and errors != flagged else ""
        return (
            f"{flagged:,} {'row' if flagged == 1 else 'rows'} with findings{with_errors},"
            f" {kinds.get('ok', 0):,} consistent, {kinds.get('skipped', 0):,} not compared"
        )

    def unread(self, message: str) -> Values:
        """The output values for a row whose cells could not be read."""
        return ("",) * len(self.names)

    def add(self, key: Any, rows: int, verdict: Verdict) -> None:
        """Fold the rows of one key into the summary's totals."""
        if not rows:
            return
        self.kinds[verdict.kind] = self.kinds.get(verdict.kind, 0) + rows
        if verdict.kind != "missing":
            seen = key if _size(key) <= _KEPT else hash(key)
            if len(self.distinct) < _DISTINCT:
                self.distinct.add(seen)
            elif seen not in self.distinct:
                self.more_distinct = True
        if verdict.problem:
            self.problem_rows[verdict.problem] = self.problem_rows.get(verdict.problem, 0) + rows
            examples = self.problems.setdefault(verdict.problem, {})
            shown = key if _size(key) <= _KEPT else _shortened(key)
            if shown in examples or len(examples) < _EXAMPLES:
                examples[shown] = examples.get(shown, 0) + rows
        if verdict.lenient_reads:
            self.lenient_rows += rows


def _read(text: str, lenient: bool) -> AnyRank | InvalidRankError | None:
    if is_missing(text):
        return None
    try:
        return parse(text, lenient=lenient)
    except InvalidRankError as error:
        return error


def _first_error(rank: AnyRank) -> str:
    return next((finding.code for finding in rank.findings if finding.severity is Severity.ERROR), "")


class ColumnCheck(Check):
    """A rank column: valid, canonical, rounded, label and message, as ``srank_*`` columns."""

    def __init__(
        self, spec: ColumnSpec, index: int, names: tuple[str, ...], lenient: bool, style: str, lang: str
    ) -> None:
        super().__init__([index])
        self.spec = spec
        self._by_digit: dict[str, Verdict] = {}
        self.title = f"column {spec.name!r}" + (f" ({spec.level.value} ranks)" if spec.level else "")
        self.names = names
        self.lenient = lenient
        self.style = style
        self.lang = lang

    def judge(self, key: Any) -> Verdict:
        # A cell that starts with a digit (an id, a date, a count: a wrong column) is rejected at that
        # digit, and its verdict names only the digit: judge one cell per digit, not every distinct id.
        if key[:1].isdigit() and len(key) <= _SHORT:
            known = self._by_digit.get(key[0])
            if known is None:
                known = self._by_digit[key[0]] = self.judge_cell(key)
            return known
        return self.judge_cell(key)

    def judge_cell(self, key: Any) -> Verdict:
        result = _read(key, self.lenient)
        if result is None:
            return Verdict((None, "", "", "", ""), "missing")
        if isinstance(result, InvalidRankError):
            lenient_reads = not self.lenient and not isinstance(_read(key, True), InvalidRankError)
            message = message_of(result)
            if _is_distribution(key):
                message += "; this cell is a distribution string: read the column with srank distribution"
            return Verdict((False, "", "", "", message), "invalid", result.code, lenient_reads)
        message = message_of(result)
        problem = _first_error(result)
        valid = validity_of(result)
        if self.spec.level is not None and (wrong := expected_level_rule(result, self.spec.level)) is not None:
            valid, problem = False, problem or wrong.code
            message = "; ".join(filter(None, (wrong.line(hint=True), message)))
        label = describe(result, style=self.style, lang=self.lang)
        values = (valid, str(result), str(result.rounded()), label, message)
        return Verdict(values, "valid" if valid else "invalid", problem)

    def unread(self, message: str) -> Values:
        return (False, "", "", "", message)


class LevelsCheck(Check):
    """One taxon's G, N and S ranks in a row, checked together: ``srank_levels``."""

    def __init__(self, indexes: dict[Level, int], names: tuple[str, ...], lenient: bool) -> None:
        self.levels = list(indexes)
        super().__init__(list(indexes.values()))
        self.title = "levels (" + ", ".join(level.value for level in self.levels) + ")"
        self.names = names
        self.lenient = lenient

    def judge(self, key: Any) -> Verdict:
        ranks: dict[str, AnyRank] = {}
        for level, cell in zip(self.levels, key, strict=True):
            result = _read(cell, self.lenient)
            if isinstance(result, (Rank, MultiSeasonRank)) and expected_level_rule(result, level) is None:
                ranks[_ARGUMENT[level]] = result
        if len(ranks) < 2:
            return Verdict(("",), "skipped")
        findings = check_levels(**ranks)
        if not findings:
            return Verdict(("",), "ok")
        severe = [finding for finding in findings if finding.severity is Severity.ERROR]
        text = "; ".join(map(str, findings))
        return Verdict((text,), "error" if severe else "warning", (severe or findings)[0].code)


_ARGUMENT = {Level.GLOBAL: "global_rank", Level.NATIONAL: "national_rank", Level.SUBNATIONAL: "subnational_rank"}


class RoundedCheck(Check):
    """A stored rounded column against srank's rounding of its raw column: ``srank_rounded_check``."""

    def __init__(self, raw: str, stored: str, indexes: tuple[int, int], names: tuple[str, ...], lenient: bool) -> None:
        super().__init__(list(indexes))
        self.title = f"rounded {stored!r} from {raw!r}"
        self.raw_name, self.stored_name = raw, stored
        self.names = names
        self.lenient = lenient

    def outcome(self) -> str:
        differ = self.kinds.get("error", 0)
        return (
            f"{differ:,} {'row differs' if differ == 1 else 'rows differ'}, {self.kinds.get('ok', 0):,} agree,"
            f" {self.kinds.get('skipped', 0):,} not compared"
        )

    def judge(self, key: Any) -> Verdict:
        raw_cell, stored_cell = key
        raw = _read(raw_cell, self.lenient)
        if not isinstance(raw, (Rank, MultiSeasonRank)):
            return Verdict(("",), "skipped")
        expected = raw.rounded()
        stored = _read(stored_cell, self.lenient)
        if stored is None:
            return Verdict(
                (f"error[rounded-missing]: no rounded rank stored; srank rounds {raw} to {expected}",),
                "error",
                "rounded-missing",
            )
        if isinstance(stored, InvalidRankError):
            text = (
                f"error[rounded-unreadable]: the stored rounded rank {stored_cell!r} is not a rank;"
                f" srank rounds {raw} to {expected}"
            )
            return Verdict((text,), "error", "rounded-unreadable")
        if sorted(map(str, stored.parts)) == sorted(map(str, expected.parts)):
            return Verdict(("",), "ok")
        text = f"error[rounded-differs]: the stored rounded rank is {stored}; srank rounds {raw} to {expected}"
        return Verdict((text,), "error", "rounded-differs")


def output_names(
    header: Sequence[str], specs: Sequence[ColumnSpec], levels: bool, rounded: Sequence[tuple[str, str]]
) -> tuple[list[tuple[str, ...]], tuple[str, ...], list[tuple[str, ...]], str]:
    """The appended columns' names, per column check, for levels and per rounded check, and their suffix.

    With one rank column they are srank's plain names; with several, each is
    prefixed with its column's name. If the input already has any of them, all
    take the first free suffix (.2, .3, ...), so the input's own columns never collide.
    """
    several = len(specs) > 1
    columns = [tuple(f"{spec.name}.{name}" if several else name for name in COLUMNS) for spec in specs]
    level_names = ("srank_levels",) if levels else ()
    rounded_names = [
        (f"{stored}.srank_rounded_check" if len(rounded) > 1 else "srank_rounded_check",) for _, stored in rounded
    ]
    suffix = free_suffix(header, [name for group in (*columns, level_names, *rounded_names) for name in group])

    def fix(group: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(name + suffix for name in group)

    return [fix(group) for group in columns], fix(level_names), [fix(group) for group in rounded_names], suffix


def free_suffix(header: Sequence[str], names: Sequence[str]) -> str:
    """ "" when none of ``names`` is a column of ``header``, else the first suffix (.2, .3, ...) that frees them all."""
    taken = set(header)
    suffix, number = "", 1
    while any(name + suffix in taken for name in names):
        number += 1
        suffix = f".{number}"
    return suffix


def say_if_renamed(source: str, suffix: str) -> None:
    """Tell the user when srank's columns had to take a suffix (checked output checked again)."""
    if suffix:
        print(f"srank: {source} already has srank's column names; the new columns end in {suffix}", file=sys.stderr)


class Cache(OrderedDict[Any, Any]):
    """A check's output text per key, computed on first sight, and the rows counted per key.

    At most CACHE_SIZE keys are kept; the oldest goes first, and its row count
    is folded into the check's totals as it goes, so memory stays bounded and
    nothing is judged twice to be counted. A caller that counts rows in
    ``counts`` counts a row before looking its key up, so that a key too long
    to keep has its rows folded in at once. Equal verdicts share one rendering.
    """

    def __init__(self, check: Check, render: Callable[[tuple[str, ...], Values], Any], line: Callable[[], int]) -> None:
        super().__init__()
        self.check = check
        self.render = render
        self.line = line
        self.counts: dict[Any, int] = {}
        self._verdicts: dict[Any, Verdict] = {}
        self._rendered: dict[Values, Any] = {}

    def prepare(self, key: Any) -> tuple[Any, Verdict]:
        """A key's verdict and its rendering, without keeping the key."""
        verdict = self.check.judge(key)
        if verdict.problem and verdict.problem not in self.check.first_lines:
            self.check.first_lines[verdict.problem] = self.line()
        text = self._rendered.get(verdict.values)
        if text is None:
            if len(self._rendered) >= CACHE_SIZE:
                self._rendered.clear()
            text = self._rendered[verdict.values] = self.render(self.check.names, verdict.values)
        return text, verdict

    def __missing__(self, key: Any) -> Any:
        text, verdict = self.prepare(key)
        if _size(key) > _KEPT:
            # Not kept: the rows counted so far are folded in now; count() judges it again for later ones.
            self.check.add(key, self.counts.pop(key, 0), verdict)
            return text
        if len(self) >= CACHE_SIZE:
            # OrderedDict drops its oldest key in constant time; a dict's first key after many
            # deletions takes a scan over the deleted slots.
            oldest, _ = self.popitem(last=False)
            self.check.add(oldest, self.counts.pop(oldest, 0), self._verdicts.pop(oldest))
        self[key] = text
        self._verdicts[key] = verdict
        return text

    def count(self, key: Any, rows: int) -> None:
        """Count ``rows`` more rows of ``key``; a key the cache has dropped meanwhile is judged again."""
        if key in self:
            self.counts[key] = self.counts.get(key, 0) + rows
        else:
            self.check.add(key, rows, self.check.judge(key))

    def finish(self) -> None:
        """Fold the counts of the keys still held into the check's totals."""
        for key, rows in self.counts.items():
            self.check.add(key, rows, self._verdicts[key])
        self.counts.clear()


ROW_CACHE_SIZE = 1 << 16


class RowCache(OrderedDict[Any, list[Any]]):
    """What a row gets appended, per distinct combination of the cells the checks read.

    A row then costs one key and one lookup, however many checks there are. Each
    entry counts its rows; the counts reach each check's cache when the entry
    leaves (at most ROW_CACHE_SIZE are kept) or at the end.
    """

    def __init__(self, caches: Sequence[Cache]) -> None:
        super().__init__()
        self.caches = caches
        columns = sorted({index for cache in caches for index in cache.check.indexes})
        self.key: Callable[[list[str]], Any] = itemgetter(*columns)
        at = {column: position for position, column in enumerate(columns)}
        self.parts = [
            (cache, itemgetter(*[at[index] for index in cache.check.indexes]) if len(columns) > 1 else _same)
            for cache in caches
        ]

    def __missing__(self, key: Any) -> list[Any]:
        if len(self.parts) == 1:  # the row's key is the check's key: keep the verdict here, not twice
            text, verdict = self.caches[0].prepare(key)
            entry = [text, 0, verdict]
        else:
            entry = ["".join([cache[part(key)] for cache, part in self.parts]), 0, None]
        if _size(key) > _KEPT:  # counted now and not kept; the caller's count goes to a throwaway entry
            self._fold(key, 1, entry[2])
            return entry
        if len(self) >= ROW_CACHE_SIZE:
            oldest, (_, rows, verdict) = self.popitem(last=False)
            self._fold(oldest, rows, verdict)
        self[key] = entry
        return entry

    def _fold(self, key: Any, rows: int, verdict: Verdict | None) -> None:
        if verdict is not None:
            self.caches[0].check.add(key, rows, verdict)
            return
        for cache, part in self.parts:
            cache.count(part(key), rows)

    def finish(self) -> None:
        for key, (_, rows, verdict) in self.items():
            self._fold(key, rows, verdict)
        self.clear()
        for cache in self.caches:
            cache.finish()


def _same(key: Any) -> Any:
    return key


def _size(key: Any) -> int:
    return len(key) if isinstance(key, str) else sum(map(len, key))


def _shortened(key: Any) -> Any:
    """A long key as the summary shows it: its start and its length."""
    if isinstance(key, str):
        return f"{key[:_KEPT]}… ({len(key):,} characters)"
    return tuple(_shortened(cell) if len(cell) > _KEPT else cell for cell in key)


def _is_distribution(text: str) -> bool:
    """True for a cell that reads as a distribution string (the wrong command for it, not a bad rank)."""
    if "(" not in text or len(text) > 1 << 16:
        return False
    try:
        return bool(parse_distribution(text).records)
    except InvalidRankError:
        return False
