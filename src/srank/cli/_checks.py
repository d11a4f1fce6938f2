"""Checks: what a table command judges in each row, and the caches that judge each distinct key once.

A check reads some cells of a row (its key) and gives a verdict: the cells of
its named output columns, one set per output row (one for ``check``, one per
place for ``distribution``), plus what the summary counts. Real files repeat a
few hundred distinct keys, so each verdict is rendered once and kept in a
bounded cache per check (``Cache``), and the whole appended text once per
distinct combination of checked cells (``RowCache``); a row then costs one
lookup. Memory stays bounded however many distinct cells a file holds: each
cache drops its oldest key at its size, folding that key's row count into the
totals as it goes, and a key longer than 256 characters is never kept.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from itertools import product
from operator import itemgetter
from typing import Any

import attrs

from .._errors import SrankError
from .._languages import ENGLISH
from .._messages import in_language, say, say_count

__all__ = [
    "CACHE_SIZE",
    "Cache",
    "Cells",
    "Check",
    "Long",
    "RowCache",
    "RunMemory",
    "StackedRows",
    "Verdict",
    "example",
    "free_suffix",
    "size",
]

CACHE_SIZE = 8192
CACHE_CHARS = 8 << 20  # characters of rendered text a cache holds: a cell with 40 findings renders kilobytes
_KEPT_TEXT = 64 << 10  # characters: a longer rendering (one cell's hundreds of findings) is made each time
_KEPT = 256  # characters: a longer key (a 1 MB cell) is judged each time it is met, never kept whole
_EXAMPLES = 64  # distinct cells remembered per problem code, for the summary's examples
_DISTINCT = 1 << 16  # distinct keys counted exactly; past this the summary says "more than"
_FLAGGED_KINDS = frozenset(("invalid", "warning", "error"))
Cells = Mapping[str, Any]
"""One output row of a check: a value per column name (None, a bool or text)."""


@attrs.frozen
class Verdict:
    """A key's output rows, its kind for the summary, and the code of its first problem."""

    rows: tuple[Cells, ...]  # one per output row: a value for each of the check's columns, by name
    kind: str  # what the summary counts: valid, invalid, missing (columns); ok, warning, error, skipped ...
    problem: str = ""
    lenient_reads: bool = False  # strict mode: the cell does not read, but --lenient would read it
    warned: bool = False  # a value that reads but has a warning (a valid code with a finding)
    about: str = ""  # what the summary shows among the problem's examples when not the key: a distribution's place

    @property
    def flagged(self) -> bool:
        """Whether the row is one of the problems (--problems-only): an invalid or warned value."""
        return self.warned or self.kind in _FLAGGED_KINDS


class Check:
    """One check: the row cells it reads, its named output columns, how it judges a key, what it counts.

    ``columns`` are the names its verdicts use; ``names`` are the columns as
    written, with the command's prefix and the run's suffix (set by the skeleton).
    """

    title: str
    columns: tuple[str, ...]
    prefix = ""  # before each column name: several rank columns write "S Rank.srank_valid"
    primary = True  # the summary's main counts (a rank or distribution column), not a cross-column check
    lang = ENGLISH  # the language of its cells' messages and of its counts: the run's, set by the skeleton
    lenient = False  # whether it reads codes as --lenient does

    def __init__(self, indexes: Sequence[int]) -> None:
        self.indexes = tuple(indexes)
        self.key: Callable[[list[str]], Any] = itemgetter(*indexes)
        self.names: tuple[str, ...] = ()
        self.kinds: dict[str, int] = {}  # rows per kind
        self.problems: dict[str, dict[Any, int]] = {}  # problem code -> example key -> rows
        self.problem_rows: dict[str, int] = {}
        self.problem_keys: dict[str, set[int]] = {}  # problem code -> the hashes of its examples (up to _DISTINCT)
        self.problem_more: set[str] = set()  # problem codes with more distinct keys than that
        self.first_lines: dict[str, int] = {}
        self.lenient_rows = 0
        self.warned = 0  # valid rows with a warning (SX,S1; a code read leniently)
        self.distinct: set[Any] = set()
        self.more_distinct = False

    def judge(self, key: Any) -> Verdict:
        raise NotImplementedError

    def keeps(self, key: Any) -> bool:
        """Whether a key is worth keeping in the caches: not when judging it again costs no more than a lookup."""
        return True

    @property
    def identity(self) -> tuple[Any, ...]:
        """What makes two checks of one run judge alike: a later file's check takes the verdicts of an earlier one's."""
        return (type(self), self.title, self.names)

    def unread(self, message: str) -> Cells:
        """The output cells of a row whose cells could not be read."""
        return {}

    def example_of(self, key: Any) -> Any:
        """How the summary shows a key among a problem's examples: its cells, a long one by its start."""
        return example(key)

    def counts(self, unread: int) -> str:
        """The summary's counts for this check; ``unread`` rows could not be read at all."""
        kinds = self.kinds
        flagged, errors = kinds.get("warning", 0) + kinds.get("error", 0), kinds.get("error", 0)
        parts = [
            say_count("cli.counts.rows-with-findings", flagged),
            say("cli.counts.with-errors", count=errors) if errors and errors != flagged else "",
            say_count("cli.counts.consistent", kinds.get("ok", 0)),
            say_count("cli.counts.not-compared", kinds.get("skipped", 0)),
            say_count("cli.counts.malformed", unread) if unread else "",
        ]
        return self.listed(parts)

    def listed(self, parts: Sequence[str]) -> str:
        """Counts said in the check's language, one after another, separated by commas."""
        return ", ".join(in_language(part, self.lang) for part in parts if part)

    def say(self, text: str) -> str:
        """``text`` (a message) in the check's language."""
        return in_language(text, self.lang)

    def failed(self) -> bool:
        """Whether what this check found makes the exit status 1."""
        return self.kinds.get("error", 0) > 0 or self.kinds.get("invalid", 0) > 0

    def ordered(self, cells: Cells) -> tuple[Any, ...]:
        """A row's values in the order of ``columns``; a verdict that names other columns is a bug, said so."""
        if cells.keys() != self._column_set:
            raise SrankError(
                f"srank's {self.title} gave the columns {sorted(cells)}, not {list(self.columns)}; please report it"
            )
        return tuple(map(cells.__getitem__, self.columns))

    @functools.cached_property
    def _column_set(self) -> frozenset[str]:
        return frozenset(self.columns)

    def add(self, key: Any, rows: int, verdict: Verdict) -> None:
        """Fold the rows of one key into the summary's totals."""
        if not rows:
            return
        self.count_kinds(key, rows, verdict)
        if verdict.problem:
            self.add_problem(key, rows, verdict.problem, verdict.about)
        if verdict.lenient_reads:
            self.lenient_rows += rows

    def add_problem(self, key: Any, rows: int, problem: str, about: str = "") -> None:
        """Fold ``rows`` rows of ``key`` into a problem's count and examples; ``about`` is shown instead of the key."""
        self.problem_rows[problem] = self.problem_rows.get(problem, 0) + rows
        examples = self.problems.setdefault(problem, {})
        shown = about or self.example_of(key)
        if shown in examples or len(examples) < _EXAMPLES:
            examples[shown] = examples.get(shown, 0) + rows
        if problem not in self.problem_more:  # once past the count, no key changes what is said
            # Distinct examples, not keys: keys that show alike ('AB (S9)' beside G1 and beside G2) are one.
            keys = self.problem_keys.setdefault(problem, set())
            hashed = hash(shown)
            if len(keys) < _DISTINCT:
                keys.add(hashed)
            elif hashed not in keys:
                self.problem_more.add(problem)

    def reserve(self, key: Any, verdict: Verdict) -> None:
        """Hold a key's place among its problem's examples when it is met and counted later (a cached key), so that
        the examples are the keys met first, whether counted at once or when they leave a cache."""
        if verdict.problem:
            examples = self.problems.setdefault(verdict.problem, {})
            if len(examples) < _EXAMPLES:
                examples.setdefault(verdict.about or self.example_of(key), 0)

    def count_kinds(self, key: Any, rows: int, verdict: Verdict) -> None:
        """Count the rows of one key by kind (valid ones with a warning too), and the key among the distinct ones.

        A run of many files comes here for each distinct key of each file, so this is kept to a few lookups.
        """
        kind = verdict.kind
        self.kinds[kind] = self.kinds.get(kind, 0) + rows
        if verdict.warned and kind == "valid":
            self.warned += rows
        if kind != "missing" and not self.more_distinct:  # once past the count, no key changes it
            seen = key if (len(key) if type(key) is str else size(key)) <= _KEPT else hash(key)
            if len(self.distinct) < _DISTINCT:
                self.distinct.add(seen)
            elif seen not in self.distinct:
                self.more_distinct = True


class Long(str):
    """The start of a long cell, as the summary keeps it, with the whole cell's length."""

    length: int


def example(key: Any) -> Any:
    """A key as the summary keeps it: a long cell only by its start (a ``Long``), so memory stays small."""
    if not isinstance(key, str):
        return tuple(map(example, key))
    if len(key) <= _KEPT:
        return key
    shown = Long(key[:_KEPT])
    shown.length = len(key)
    return shown


def free_suffix(header: Sequence[str], names: Sequence[str]) -> str:
    """ "" when none of ``names`` is a column of ``header``, else the first suffix (.2, .3, ...) that frees them all."""
    taken = set(header)
    suffix, number = "", 1
    while any(name + suffix in taken for name in names):
        number += 1
        suffix = f".{number}"
    return suffix


Render = Callable[[tuple[str, ...], tuple[Any, ...]], str]
Prepared = dict[Any, tuple[tuple[str, ...], Verdict]]
"""Keys' renderings and verdicts, shared by the caches of one check in the several files of a run."""


class Cache(OrderedDict[Any, tuple[str, ...]]):
    """A check's output text per key (one fragment per output row), computed on first sight.

    At most CACHE_SIZE keys are kept; the oldest goes first, and its row count
    is folded into the check's totals as it goes, so memory stays bounded and
    nothing is judged twice to be counted. Equal output rows share one rendering.
    With ``shared``, a key judged and rendered in an earlier file of the run is
    not judged or rendered again (at most CACHE_SIZE keys are kept there too).
    """

    def __init__(self, check: Check, render: Render, line: Callable[[], int], shared: Prepared | None = None) -> None:
        super().__init__()
        self.check = check
        self.render = render
        self.line = line
        self.shared = shared
        self.counts: dict[Any, int] = {}
        self._verdicts: dict[Any, Verdict] = {}
        self.last: Verdict | None = None  # the verdict judged last, for a key too long to keep
        self._last_known: tuple[tuple[str, ...], Verdict] | None = None  # and its rendering
        self.chars = 0  # characters of the fragments held
        self._rendered: dict[tuple[Any, ...], str] = {}

    def prepare(self, key: Any) -> tuple[tuple[str, ...], Verdict]:
        """A key's verdict and its rendering, without keeping the key."""
        shared = self.shared
        known = shared.get(key) if shared is not None else None
        if known is None:
            verdict = self.check.judge(key)
            if verdict is self.last and self._last_known is not None:  # one verdict for many keys (every id
                known = self._last_known  # starting with 4 is one syntax error): rendered once
            else:
                known = tuple(map(self.fragment, verdict.rows)), verdict
            if shared is not None and size(key) <= _KEPT and _weight(known[0]) <= _KEPT_TEXT and self.check.keeps(key):
                if len(shared) >= CACHE_SIZE:
                    shared.clear()
                shared[key] = known
        verdict = self.last = known[1]
        self._last_known = known
        if verdict.problem and verdict.problem not in self.check.first_lines:
            self.check.first_lines[verdict.problem] = self.line()
        return known

    def fragment(self, cells: Cells) -> str:
        """One output row's cells as text to append to the input row."""
        values = self.check.ordered(cells)
        text = self._rendered.get(values)
        if text is None:
            text = self.render(self.check.names, values)
            if len(text) > _KEPT_TEXT:  # long text is rendered each time, not kept
                return text
            if len(self._rendered) >= CACHE_SIZE:
                self._rendered.clear()
            self._rendered[values] = text
        return text

    def __missing__(self, key: Any) -> tuple[str, ...]:
        fragments, verdict = self.prepare(key)
        if size(key) > _KEPT:
            # Not kept: the rows counted so far are folded in now; count() judges it again for later ones.
            self.check.add(key, self.counts.pop(key, 0), verdict)
            return fragments
        weight = _weight(fragments)
        while self and (len(self) >= CACHE_SIZE or self.chars + weight > CACHE_CHARS):
            # OrderedDict drops its oldest key in constant time; a dict's first key after many
            # deletions takes a scan over the deleted slots.
            oldest, dropped = self.popitem(last=False)
            self.chars -= _weight(dropped)
            self.check.add(oldest, self.counts.pop(oldest, 0), self._verdicts.pop(oldest))
        self[key] = fragments
        self.chars += weight
        self._verdicts[key] = verdict
        return fragments

    def flagged(self, key: Any) -> bool:
        """Whether the verdict of ``key``, just looked up, flags its row."""
        verdict = self._verdicts.get(key, self.last)
        return verdict is not None and verdict.flagged

    def count(self, key: Any, rows: int) -> None:
        """Count ``rows`` more rows of ``key``; a key the cache has dropped meanwhile is judged again."""
        if key in self:
            self.counts[key] = self.counts.get(key, 0) + rows
        else:
            known = self.shared.get(key) if self.shared is not None else None
            self.check.add(key, rows, known[1] if known is not None else self.check.judge(key))

    def finish(self) -> None:
        """Fold the counts of the keys still held into the check's totals."""
        for key, rows in self.counts.items():
            self.check.add(key, rows, self._verdicts[key])
        self.counts.clear()


ROW_CACHE_SIZE = 1 << 16  # output rows held (one per key for check; one per place for distribution)


class RowCache(OrderedDict[Any, Any]):
    """What a row gets appended, per distinct combination of the cells the checks read.

    An entry is ``[fragments, rows, verdict, flagged]``: the text of each output
    row, the rows counted so far, the verdict of a lone check, and whether the
    row is one of the problems (``--problems-only``). A row then costs one key and one lookup,
    however many checks there are. With several checks, each output row joins
    one fragment of each (only one check may give several). Each entry's
    count reaches the checks' caches when it leaves (the entries held give at
    most ROW_CACHE_SIZE output rows in all) or at the end.
    """

    def __init__(self, caches: Sequence[Cache]) -> None:
        super().__init__()
        self.caches = caches
        self.held = 0  # output rows of the entries held
        self.chars = 0  # and their characters
        self.met: list[Any] = []  # keys met in this file, in order, when the cache goes on to the run's next file
        columns = sorted({index for cache in caches for index in cache.check.indexes})
        self.key: Callable[[list[str]], Any] = itemgetter(*columns)
        at = {column: position for position, column in enumerate(columns)}
        self.parts = [
            (cache, itemgetter(*[at[index] for index in cache.check.indexes]) if len(columns) > 1 else _same)
            for cache in caches
        ]

    def __missing__(self, key: Any) -> list[Any]:
        entry: list[Any]
        if len(self.parts) == 1:  # one check: keep its verdict here, not twice
            cache, part = self.parts[0]
            fragments, verdict = cache.prepare(part(key))
            entry = [fragments, 0, verdict, verdict.flagged]
        else:
            each = []
            flagged = False
            for cache, part in self.parts:
                each.append(cache[part(key)])
                flagged = flagged or cache.flagged(part(key))
            entry = [tuple(map("".join, product(*each))), 0, None, flagged]
        check, part = self.parts[0][0].check, self.parts[0][1]
        if size(key) > _KEPT or (entry[2] is not None and not check.keeps(part(key))):
            self._fold(key, 1, entry[2])  # counted now and not kept (judged again when met again)
            entry[1] = 1  # already counted: the caller's count goes to this throwaway entry, and it is not "seen"
            return entry
        if entry[2] is not None:
            check.reserve(part(key), entry[2])  # counted when it leaves, but shown in the order keys are met
        fragments = entry[0]
        self.held += len(fragments)
        self.chars += _weight(fragments)
        while (self.held > ROW_CACHE_SIZE or self.chars > CACHE_CHARS) and self:  # the oldest leave first
            oldest, (fragments, rows, verdict, _flagged) = self.popitem(last=False)
            self.held -= len(fragments)
            self.chars -= _weight(fragments)
            self._fold(oldest, rows, verdict)
        self[key] = entry
        return entry

    def unread(self, message: str) -> str:
        """The appended text of a row whose cells could not be read: each check's cells for it, joined."""
        return "".join(cache.fragment(cache.check.unread(message)) for cache in self.caches)

    def seen(self, key: Any, entry: list[Any]) -> None:
        """An entry met for the first time in this file: its problem's first line, if the check has none yet.

        Called for each distinct key of each file of a run, so the line is asked only when it is needed.
        """
        self.met.append(key)
        verdict = entry[2]
        if verdict is not None and verdict.problem:
            cache, part = self.parts[0]
            check = cache.check
            if verdict.problem not in check.first_lines:
                check.first_lines[verdict.problem] = cache.line()
            check.reserve(part(key), verdict)

    def rebind(self, caches: Sequence[Cache]) -> None:
        """Count the next file's rows into its own checks (the same checks of the run, reading the same columns)."""
        self.caches = caches
        self.parts = [(cache, part) for cache, (_, part) in zip(caches, self.parts, strict=True)]

    def settle(self) -> None:
        """Fold this file's counts into its checks, and keep the entries, at zero rows, for the run's next file.

        Only a lone check's cache is kept across files, so each entry holds its verdict.
        """
        cache, part = self.parts[0]
        add, entries = cache.check.add, self.get
        for key in self.met:  # in the order this file met them, as finish() folds a file's own entries
            entry = entries(key)
            if entry is not None and entry[1]:
                add(part(key), entry[1], entry[2])
                entry[1] = 0
        self.met.clear()
        for cache in self.caches:
            cache.finish()

    def _fold(self, key: Any, rows: int, verdict: Verdict | None) -> None:
        if verdict is not None:
            cache, part = self.parts[0]
            cache.check.add(part(key), rows, verdict)
            return
        for cache, part in self.parts:
            cache.count(part(key), rows)

    def finish(self) -> None:
        for key, (_, rows, verdict, _flagged) in self.items():
            self._fold(key, rows, verdict)
        self.clear()
        self.held = self.chars = 0
        for cache in self.caches:
            cache.finish()


@attrs.define
class RunMemory:
    """What the files of one run share: each check's renderings and verdicts, and a lone check's row cache.

    A code is judged and rendered once for the whole run, not once per file;
    with one check, the cache of appended texts itself goes on from file to
    file, so a file costs only its rows. Only formats that render alike
    share (``Format.rendering``), and a row cache only between files whose
    checked cells are the same columns.
    """

    prepared: dict[Any, Prepared] = attrs.field(factory=dict)
    rows: dict[Any, RowCache] = attrs.field(factory=dict)


class StackedRows:
    """What a row gets in the long layout: each check's output rows in turn, under the columns they share.

    Each check has its own ``RowCache`` keyed by its own cells: the checks of a
    long table read different cells of a row (one rank column each), whose
    combinations are far more varied than any one column's cells. Looked up as
    a ``RowCache`` is (``self[self.key(row)]``), with the row as the key.
    """

    def __init__(self, caches: Sequence[Cache]) -> None:
        self.each = [(rows, rows.key) for rows in (RowCache([cache]) for cache in caches)]

    @staticmethod
    def key(row: list[str]) -> list[str]:
        return row

    def __getitem__(self, row: list[str]) -> list[Any]:
        fragments: tuple[str, ...] = ()
        flagged = False
        for rows, key in self.each:
            entry = rows[key(row)]
            entry[1] += 1
            fragments += entry[0]
            flagged = flagged or entry[3]
        return [fragments, 0, None, flagged]  # counted above, in each check's cache

    def unread(self, message: str) -> str:
        raise AssertionError("a long table's source gives only well-formed rows, and names the others itself")

    def finish(self) -> None:
        for rows, _ in self.each:
            rows.finish()


def _weight(fragments: Sequence[str]) -> int:
    return sum(map(len, fragments))


def _same(key: Any) -> Any:
    return key


def size(key: Any) -> int:
    """A key's length in characters: a cell's, or the sum of its cells'."""
    return len(key) if isinstance(key, str) else sum(map(len, key))
