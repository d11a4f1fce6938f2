"""Two tables joined on a key, as one source of rows for the table skeleton (``srank diff``).

Both files are read whole first, because a key repeated anywhere in either file
must be named on every one of its rows, the first included, and that is only
known at the end. The join holds what it compares and no more: each row's key,
its compared cells (the rank columns and dates) and its line number, not the
whole row; a cell repeated across rows (a few hundred distinct codes) is held
once. Then it gives NEW's rows in NEW's order, each joined with its key's row
of OLD if it has one, then OLD's rows that paired with none, in OLD's order:
every row of both files is in exactly one joined row, or is a blank line that
the summary counts.

A joined row is the key's cells (what is written), then OLD's compared cells,
then NEW's, then its status: "" (paired), ``ONLY_OLD``, ``ONLY_NEW``, or the
message of the problem that kept it from being compared (a blank or repeated
key, a malformed row).
"""

from __future__ import annotations

import argparse
import contextlib
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from .._errors import problem_line
from .._findings import colon, separator
from .._messages import Message, in_language, say, say_count
from ._arguments import UsageError
from ._formats import CsvFormat, Format, JsonlFormat, csv_line
from ._option_names import OptionNames
from ._records import Unread
from ._summary import number, shown_cells
from ._table import Table, open_table

__all__ = ["ONLY_NEW", "ONLY_OLD", "Join", "JoinedTable", "Pair", "open_join"]

ONLY_OLD = "only-old"
ONLY_NEW = "only-new"
_SHOWN = 5  # lines named per key, and examples per problem in the summary

Key = Any  # one key column's stripped cell, or a tuple of several


class Pair(NamedTuple):
    """A column's name in OLD and in NEW (the same unless renamed: ``OLD=NEW``)."""

    old: str
    new: str


class Join(NamedTuple):
    """What to join on and what to carry: key columns, compared columns, and each file's own extra columns."""

    keys: Sequence[Pair]
    columns: Sequence[Pair]  # compared, in order: each gives one cell per side
    old_extra: Sequence[str] = ()  # carried from OLD only (--old-date)
    new_extra: Sequence[str] = ()  # carried from NEW only (--new-date)


class _Side:
    """One file's rows as the join holds them, in file order: keys, compared cells, lines; where each key is.

    Row ``at`` has the key ``keys[at]``, the compared cells
    ``cells[at * width:(at + 1) * width]`` (one flat list of shared strings) and
    the line ``lines[at]``; ``problems`` names the rows that are not compared
    (malformed, blank key). ``first`` gives each key's first row, ``repeated``
    every row of a key met more than once.
    """

    def __init__(self, name: str, unit: str, width: int, lang: str = "en") -> None:
        self.name = name
        self.lang = lang
        self.unit = unit
        self.width = width
        self.keys: list[Key] = []
        self.cells: list[str] = []
        self.lines = array("q")
        self.problems: dict[int, str] = {}
        self.first: dict[Key, int] = {}
        self.repeated: dict[Key, list[int]] = {}
        self.unread: dict[Key, int] = {}  # the key of a malformed row -> its line, so its partner is not "added"
        self.blank = 0
        self.paired = self.alone = 0
        self.not_compared: dict[str, int] = {}
        self.notes: Sequence[str] = ()  # the file's own summary lines (cells merged down a compared column)

    def row_cells(self, at: int) -> list[str]:
        return self.cells[at * self.width : (at + 1) * self.width]

    def key_lines(self, key: Key) -> list[int]:
        """The lines of every row of ``key``."""
        if key in self.repeated:
            return [self.lines[at] for at in self.repeated[key]]
        return [self.lines[self.first[key]]] if key in self.first else []


def _alike(old: _Side, new: _Side, fold: Callable[[str], str]) -> list[tuple[Key, Key]]:
    """The keys of ``new`` on no row of ``old`` that ``fold`` makes equal to such a key of ``old``, paired with it."""

    def folded(key: Key) -> Key:
        return fold(key) if isinstance(key, str) else tuple(map(fold, key))

    alone = {folded(key): key for key in old.first if key not in new.first}
    return [(alone[folded(key)], key) for key in new.first if key not in old.first and folded(key) in alone]


_WHOLE_NUMBER = re.compile(r"([0-9]+)\.0+")


def _whole(cell: str) -> str:
    """154704.0 as 154704: how pandas writes a column of ids that has a gap, and a spreadsheet a number cell."""
    found = _WHOLE_NUMBER.fullmatch(cell)
    return found[1] if found else cell


# Keys an export wrote otherwise, so that none of them pairs: the ids' case changed (ABNKC10010, abnkc10010), or a
# number written as a decimal (154704.0, 154704). Each is said with its message and an example.
_ALIKE: tuple[tuple[str, Callable[[str], str]], ...] = (("case-only", str.casefold), ("number-form", _whole))


def _renamed_hint(name: str, pairs: Sequence[Pair]) -> Callable[[str, str], Message]:
    """NEW's "did you mean", with the OLD=NEW form that names a column NEW renamed ('S Rank=S_RANK')."""
    old_of = {pair.new: pair.old for pair in pairs}

    def hint(column: str, close: str) -> Message:
        return say(
            "cli.diff.did-you-mean-renamed", close=close, file=name, pair=f"{old_of.get(column, column)}={close}"
        )

    return hint


def _read_side(table: Table, keys: Sequence[str], compared: Sequence[str], lang: str = "en") -> _Side:
    side = _Side(table.name, table.records.unit, len(compared), lang)
    side.notes = table.notes
    key_at = [table.index(name) for name in keys]
    cell_at = [table.index(name) for name in compared]
    key_of: Callable[[list[str]], Any] = itemgetter(*key_at)
    several = len(key_at) > 1
    cells_of = itemgetter(*cell_at) if len(cell_at) > 1 else _one(cell_at[0])
    width = table.width
    held: dict[str, str] = {}  # each distinct cell once: a column repeats a few hundred codes
    hold = held.setdefault
    all_keys, extend, lines, records = side.keys, side.cells.extend, side.lines, table.records
    first = side.first.setdefault
    for row, _ in records:
        if len(row) == width and type(row) is list:
            key = tuple(map(str.strip, key_of(row))) if several else key_of(row).strip()
            if not (any(key) if several else key):
                if not any(row):
                    side.blank += 1
                    continue
                where = say(f"cli.map.where-{side.unit}", number=records.line)
                said = say("cli.join.key-blank", file=side.name, where=where)
                side.problems[len(all_keys)] = problem_line("error", "key-blank", said, lang=lang)
            else:
                at = len(all_keys)
                earlier = first(key, at)
                if earlier != at:
                    side.repeated.setdefault(key, [earlier]).append(at)
            cells = cells_of(row)
        elif not any(row):
            side.blank += 1
            continue
        else:
            why = row.problem if isinstance(row, Unread) else say_count("cli.table.wrong-width", len(row), width=width)
            key = tuple(row[at].strip() if at < len(row) else "" for at in key_at)
            key = key if several else key[0]
            cells = tuple(row[at] if at < len(row) else "" for at in cell_at)
            where = say(f"cli.map.where-{side.unit}", number=records.line)
            message = say("cli.join.malformed", file=side.name, where=where, why=why)
            side.problems[len(all_keys)] = problem_line("error", "malformed-row", message, lang=lang)
            if any(key) if several else key:
                side.unread.setdefault(key, records.line)
        all_keys.append(key)
        extend(map(hold, cells, cells))
        lines.append(records.line)
    return side


def _one(at: int) -> Callable[[list[str]], tuple[str]]:
    return lambda row: (row[at],)


def _lines(side: _Side, lines: list[int]) -> str:
    shown = ", ".join(number(line, side.lang) for line in lines[:_SHOWN]) + (" ..." if len(lines) > _SHOWN else "")
    return f"{side.name} {in_language(say_count(f'cli.summary.{side.unit}s', len(lines), numbers=shown), side.lang)}"


def _where(side: _Side, line: int) -> str:
    """A file's line or row, for the summary: ``old.csv line 12``."""
    return f"{side.name} {in_language(say(f'cli.map.where-{side.unit}', number=line), side.lang)}"


class JoinedRecords:
    """The joined rows, each with its key's text as CSV writes it; counts what it gives, for the summary."""

    unit = "key"
    line = 0  # a joined row comes from two files: its messages name the lines

    def __init__(self, old: _Side, new: _Side, delimiter: str, newline: str, several: bool) -> None:
        self.old, self.new = old, new
        self.several = several
        self.newline = newline
        self.delimiter = delimiter
        self._quoted = re.compile("[" + re.escape(delimiter + '"\r\n') + "]").search
        self._repeated: dict[Key, str] = {}
        self.problems: dict[str, list[str]] = {}  # problem code -> where, for the summary
        self.problem_rows: dict[str, int] = {}

    def _raw(self, key: Key) -> str:
        if not self.several:
            return key + self.newline if not self._quoted(key) else csv_line([key], self.delimiter) + self.newline
        if not any(map(self._quoted, key)):
            return self.delimiter.join(key) + self.newline
        return csv_line(key, self.delimiter) + self.newline

    def _cells(self, key: Key) -> list[str]:
        return list(key) if self.several else [key]

    def __iter__(self) -> Iterator[tuple[list[str], str | None]]:
        old, new = self.old, self.new
        blank_old, blank_new = [""] * old.width, [""] * new.width
        old_cells, old_first, old_repeated, old_width = old.cells, old.first, old.repeated, old.width
        new_cells, new_repeated, new_width = new.cells, new.repeated, new.width
        raw, cells_of, quoted, newline, single = self._raw, self._cells, self._quoted, self.newline, not self.several
        paired = alone = 0
        for at, key in enumerate(new.keys):
            cells = new_cells[at * new_width : (at + 1) * new_width]
            if at in new.problems:
                yield self._problem(key, new, at, [*blank_old, *cells])
            elif key in new_repeated or key in old_repeated:
                yield self._repeat(key, new, at, [*blank_old, *cells])
            elif key in old.unread and key not in old_first:
                yield self._partner_unread(key, new, at, old, [*blank_old, *cells])
            elif (found := old_first.get(key)) is None:
                alone += 1
                yield [*cells_of(key), *blank_old, *cells, ONLY_NEW], raw(key)
            elif single:  # the common case, kept cheap
                paired += 1
                before = old_cells[found * old_width : (found + 1) * old_width]
                yield [key, *before, *cells, ""], key + newline if not quoted(key) else raw(key)
            else:
                paired += 1
                before = old_cells[found * old_width : (found + 1) * old_width]
                yield [*key, *before, *cells, ""], raw(key)
        new.paired, new.alone, old.paired = paired, alone, paired
        alone = 0
        for at, key in enumerate(old.keys):
            if at in old.problems:
                yield self._problem(key, old, at, [*old.row_cells(at), *blank_new])
            elif key in old_repeated or key in new_repeated:
                yield self._repeat(key, old, at, [*old.row_cells(at), *blank_new])
            elif key in new.unread and key not in new.first:
                yield self._partner_unread(key, old, at, new, [*old.row_cells(at), *blank_new])
            elif key not in new.first:
                alone += 1
                yield [*cells_of(key), *old.row_cells(at), *blank_new, ONLY_OLD], raw(key)
        old.alone = alone

    def _problem(self, key: Key, side: _Side, at: int, cells: list[str]) -> tuple[list[str], str]:
        problem = side.problems[at]
        code = problem.split("[", 1)[1].split("]", 1)[0]
        self._count(side, code, _where(side, side.lines[at]))
        return [*self._cells(key), *cells, problem], self._raw(key)

    def _partner_unread(self, key: Key, side: _Side, at: int, other: _Side, cells: list[str]) -> tuple[list[str], str]:
        """A row whose key is on a row of the other file that could not be read: not compared, not added."""
        said = say("cli.join.partner-unread", where=_where(other, other.unread[key]))
        message = problem_line("error", "key-unread", said, lang=side.lang)
        self._count(side, "key-unread", _where(side, side.lines[at]))
        return [*self._cells(key), *cells, message], self._raw(key)

    def _repeat(self, key: Key, side: _Side, at: int, cells: list[str]) -> tuple[list[str], str]:
        message = self._repeated.get(key)
        if message is None:
            lang = self.old.lang
            places = separator(lang).join(
                _lines(each, lines) for each in (self.old, self.new) if (lines := each.key_lines(key))
            )
            text = say("cli.join.repeated", places=places)
            message = self._repeated[key] = problem_line("error", "key-repeated", text, lang=lang)
        self._count(side, "key-repeated", f"{shown_cells(key, side.lang)} ({_where(side, side.lines[at])})")
        return [*self._cells(key), *cells, message], self._raw(key)

    def _count(self, side: _Side, code: str, where: str) -> None:
        side.not_compared[code] = side.not_compared.get(code, 0) + 1
        self.problem_rows[code] = self.problem_rows.get(code, 0) + 1
        shown = self.problems.setdefault(code, [])
        if len(shown) < _SHOWN:
            shown.append(where)


class JoinedTable:
    """Two files joined on their key, as a source for the table skeleton: the key's columns are what is written."""

    def __init__(self, old: _Side, new: _Side, join: Join, delimiter: str, newline: str) -> None:
        self.name = f"{old.name} -> {new.name}"
        self.header = [pair.old for pair in join.keys]
        self.header_raw: str | None = None
        self.delimiter, self.newline = delimiter, newline
        self.compared = len(join.columns)
        self.old_width = len(join.columns) + len(join.old_extra)
        self.new_width = len(join.columns) + len(join.new_extra)
        self.width = len(self.header) + self.old_width + self.new_width + 1
        self.records = JoinedRecords(old, new, delimiter, newline, len(join.keys) > 1)

    def old_at(self, column: int) -> int:
        """Where OLD's ``column``-th compared cell is in a joined row (its extra cells follow the columns)."""
        return len(self.header) + column

    def new_at(self, column: int) -> int:
        """Where NEW's ``column``-th compared cell is in a joined row."""
        return len(self.header) + self.old_width + column

    @property
    def status_at(self) -> int:
        return self.width - 1

    def output_format(self, name: str, added: Sequence[str]) -> Format:
        # A joined row's raw text is its key's cells; JSON lines write the cells up to the header's.
        if name == "jsonl":
            return JsonlFormat(self.header, added)
        return CsvFormat(self.delimiter, self.newline)

    @property
    def notes(self) -> list[str]:
        """Each file's rows: paired, on one side only, not compared; then the rows not compared, by problem."""
        lines = []
        records = self.records
        lang = records.old.lang
        said = colon(lang)
        for side, other in ((records.old, records.new), (records.new, records.old)):
            read = len(side.keys) + side.blank
            parts = [
                say_count("cli.join.paired", side.paired),
                say_count("cli.join.not-in", side.alone, file=other.name),
            ]
            not_compared = sum(side.not_compared.values())
            if not_compared:
                parts.append(say_count("cli.counts.not-compared", not_compared))
            if side.blank:
                parts.append(say_count("cli.join.blank-skipped", side.blank))
            counts = ", ".join(in_language(part, lang) for part in parts)
            lines.append(f"  {side.name}{said}{in_language(say_count('cli.count-rows', read), lang)}{said}{counts}")
            lines += [f"  {side.name}{said}{note.strip()}" for note in side.notes]
            if not read and other.keys:  # a header alone: every key of the other reads as added or removed
                lines.append(f"  {in_language(say('cli.join.no-rows', file=side.name, other=other.name), lang)}")
        for message, fold in _ALIKE:
            alike = _alike(records.old, records.new, fold)
            if alike:
                old_key, new_key = alike[0]
                example = say("cli.join.case-pair", old=shown_cells(old_key, lang), new=shown_cells(new_key, lang))
                said = say_count(f"cli.join.{message}", len(alike), new=records.new.name, old=records.old.name)
                lines.append(f"  {in_language(said, lang)} ({in_language(example, lang)})")
        if records.problem_rows:
            lines.append("  " + in_language(say("cli.join.not-compared-rows"), lang))
        for code, rows in sorted(records.problem_rows.items(), key=lambda item: -item[1]):
            shown = records.problems[code]
            more = " ..." if rows > len(shown) else ""
            problem = say("cli.join.problem", rows=rows, code=code, places=", ".join(shown), more=more)
            lines.append("    " + in_language(problem, lang))
        return lines


@contextlib.contextmanager
def open_join(args: argparse.Namespace, join: Join) -> Iterator[JoinedTable]:
    """Read ``args.old`` and ``args.new`` (each CSV, TSV, .xlsx or stdin) and join them on ``join.keys``."""
    if args.old == "-" and args.new == "-":
        raise UsageError(say("cli.join.both-stdin"))
    sides = []
    for which, path, extra in (("old", args.old, join.old_extra), ("new", args.new, join.new_extra)):
        keys = [getattr(pair, which) for pair in join.keys]
        compared = [*(getattr(pair, which) for pair in join.columns), *extra]
        one = argparse.Namespace(**vars(args))  # this file's own options; the rest (--delimiter ...) as given
        one.file = path
        one.encoding = getattr(args, f"{which}_encoding") or args.encoding
        one.sheet = getattr(args, f"{which}_sheet") or args.sheet
        own = getattr(args, f"{which}_header_row")
        one.header_row = own or args.header_row
        shared = own is None and args.header_row  # --header-row, for both files: this one's header may be elsewhere
        one.option_names = OptionNames(  # the hints name the options that set this file alone
            encoding=f"--{which}-encoding",
            sheet=f"--{which}-sheet",
            header_row=f"--{which}-header-row",
            header_row_given=f"--{which}-header-row" if own else "--header-row",
            header_row_shared=say("cli.diff.header-row-both", row=args.header_row, which=which) if shared else None,
        )
        with open_table(one, [*keys, *compared]) as table:
            if which == "new":
                table.renamed = _renamed_hint(table.name, [*join.keys, *join.columns])
            sides.append(_read_side(table, keys, compared, getattr(args, "lang", "en")))
            delimiter, newline = table.delimiter, table.newline  # the output is written as NEW is
    yield JoinedTable(sides[0], sides[1], join, delimiter, newline)
