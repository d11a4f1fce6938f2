"""CSV records with the text each came from, read strictly, with recovery from a stray quote.

A strict csv reader fails on a quote that opens a field and never closes,
instead of swallowing the rest of the file into one cell. On any failure the
record's first line is read on its own and the lines after it are read again,
so each still comes out as a row. A record may span at most MAX_RECORD_LINES
lines and MAX_RECORD_CHARS characters; beyond that its quote is taken as
unclosed, so one stray quote holds a bounded amount of text in memory.

One line may hold at most MAX_LINE_CHARS characters. A longer line (a file
with no line ending at all, /dev/zero) cannot come back as a row without
holding it whole, so reading stops there with LineTooLong, which names the
line; ``lines_of`` reads a text stream in pieces so that such a line is never
held whole either.
"""

from __future__ import annotations

import csv
import functools
from collections import deque
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .._messages import say

__all__ = [
    "MAX_LINE_CHARS",
    "MAX_RECORD_CHARS",
    "MAX_RECORD_LINES",
    "LineTooLong",
    "Records",
    "Unread",
    "detect_delimiter",
    "lines_of",
    "split_ending",
    "too_long",
]

MAX_RECORD_LINES = 10_000
MAX_RECORD_CHARS = 4 << 20  # with MAX_LINE_CHARS, what keeps a run within its memory bound
MAX_LINE_CHARS = MAX_RECORD_CHARS  # a line's characters, its ending left out
_DELIMITERS = "\t,;|"  # on a tie the first wins: a tab is rarely part of a column name, a comma often is


class Unread(list[str]):
    """The cells of a record whose rank cells cannot be trusted, and why (a quote left open, a NUL byte): a message."""

    def __init__(self, cells: Iterable[str], problem: str) -> None:
        super().__init__(cells)
        self.problem = problem


class _RecordTooLong(Exception):
    pass


class _LineTooLong(Exception):
    pass


class _SameCourse(Exception):
    """A line read again after a failed record opens a quote that would fail the same way."""

    def __init__(self, line: str) -> None:
        super().__init__()
        self.line = line


class LineTooLong(Exception):
    """A line longer than MAX_LINE_CHARS: reading cannot go on without holding it whole."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line

    def __str__(self) -> str:
        return say("cli.records.line-too-long", line=self.line, limit=MAX_LINE_CHARS)


def too_long(line: str) -> bool:
    """True for a line (or a piece of one) longer than MAX_LINE_CHARS, its ending left out."""
    return len(line) > MAX_LINE_CHARS and len(line.rstrip("\r\n")) > MAX_LINE_CHARS


def lines_of(text: IO[str]) -> Iterator[str]:
    """The lines of ``text``, each read in one piece of at most MAX_LINE_CHARS characters and its ending.

    A longer line comes as pieces without a line ending, which the reader refuses
    (LineTooLong) before any is held together.
    """
    return iter(functools.partial(text.readline, MAX_LINE_CHARS + 2), "")


class Records:
    """Iterate ``(row, raw)``: the cells of each record and its text, line endings included.

    ``row`` is a plain list, or an ``Unread`` list for a record whose cells are
    only approximate. ``line`` is the number of the current record's first line.
    """

    unit = "line"  # what a record's number counts, for messages

    def __init__(self, lines: Iterator[str], delimiter: str, sniffed: bool = False) -> None:
        self.delimiter = delimiter
        self.sniffed = sniffed  # the delimiter was found from the header, not given with --delimiter
        self._span = 1  # lines of the current record
        self.unclosed: list[int] = []  # lines that open a quote that never closes
        self._lines = lines
        self._taken: list[str] = []  # the text lines of the record being read
        self._before = 0  # lines read by the readers that came before the current one
        self._queued: deque[str] = deque()  # lines to read again, ahead of the rest of the input
        self._reader = self._read(lines)

    def _read(self, lines: Iterable[str]) -> Any:  # csv's reader type is private
        return csv.reader(_bounded(lines, self._taken), delimiter=self.delimiter, strict=True)

    def shift(self, lines: int) -> None:
        """Number the records ``lines`` further on: the lines above the header that were skipped (--header-row)."""
        self._before += lines

    @property
    def line(self) -> int:
        """The number of the current record's first line."""
        return self._before + int(self._reader.line_num) - self._span + 1

    def __iter__(self) -> Iterator[tuple[list[str], str]]:
        taken = self._taken
        pop = taken.pop
        while True:
            reader = self._reader
            try:
                for row in reader:
                    if len(taken) == 1:  # the common case, kept cheap: one line, one record
                        if self._span != 1:
                            self._span = 1
                        yield row, pop()
                    else:
                        self._span = len(taken)
                        raw = "".join(taken)
                        taken.clear()
                        yield row, raw
                return
            except csv.Error:
                yield self._recover(unread_lines=0)
            except _RecordTooLong:
                yield self._recover(unread_lines=1)  # the line that broke the limit never reached csv
            except _LineTooLong:
                raise LineTooLong(self._before + int(self._reader.line_num) + 1) from None
            except _SameCourse as known:
                yield self._skip(known.line)

    def _recover(self, unread_lines: int) -> tuple[list[str], str]:
        first = self._taken[0]
        self._before = self._before + self._reader.line_num - (len(self._taken) - unread_lines) + 1
        self._span = 1
        self._queued.extendleft(reversed(self._taken[1:]))
        self._taken.clear()
        self._reader = self._read(self._queued_then_input())
        return read_alone(first, self.delimiter), first

    def _skip(self, line: str) -> tuple[list[str], str]:
        """``line`` as a record on its own, without reading further; reading goes on after it."""
        self._before = self._before + self._reader.line_num + 1
        self._span = 1
        self._reader = self._read(self._queued_then_input())
        return read_alone(line, self.delimiter), line

    def _queued_then_input(self) -> Iterator[str]:
        queued = self._queued
        while queued:
            line = queued.popleft()
            # The queued lines but the last were read inside a failed record's quote, which stayed open at
            # the end of each. A record that starts at one of them and leaves a quote open at its end is in
            # the same state there, so it runs the same course to the same failure (or past the same limit):
            # it is taken as unclosed at once. Each line is then read again once, not once per stray quote.
            if queued and not self._taken and '"' in line and _open_quote_at(line, self.delimiter) is not None:
                raise _SameCourse(line)
            yield line
        # A plain loop, not "yield from": when a later recovery drops this
        # generator, closing it must not close the input it reads from.
        for line in self._lines:
            yield line


def _bounded(lines: Iterable[str], taken: list[str]) -> Iterator[str]:
    keep = taken.append
    size = 0
    for line in lines:
        if len(line) > MAX_LINE_CHARS and too_long(line):  # the length alone first: this loop sees every line
            raise _LineTooLong
        keep(line)
        if len(taken) > 64:  # a long record: its size is kept from here on, one line at a time
            size = sum(map(len, taken)) if len(taken) == 65 else size + len(line)
            if len(taken) > MAX_RECORD_LINES or size > MAX_RECORD_CHARS:
                raise _RecordTooLong
        yield line


def read_alone(line: str, delimiter: str) -> list[str]:
    """The cells of one line that strict csv could not read as a record."""
    opened = _open_quote_at(line, delimiter)
    if opened is not None:
        # Fields before the quote read as csv; from the quote on, the text is split as it stands, so
        # each cell keeps its characters, the stray quote included.
        before = next(csv.reader([line[:opened]], delimiter=delimiter), [""])[:-1] if opened else []
        rest = line[opened:].rstrip("\r\n").split(delimiter)
        return Unread([*before, *rest], say("cli.records.unclosed-quote"))
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        pass
    if "\0" in line:
        # csv refuses NUL; the cells are read with NUL shown as U+FFFD, which no rank holds.
        try:
            cells = next(csv.reader([line.replace("\0", "\ufffd")], delimiter=delimiter), [])
            return Unread(cells, say("cli.records.nul-byte"))
        except csv.Error:
            pass
    return Unread(line.rstrip("\r\n").split(delimiter), say("cli.records.too-long", limit=MAX_RECORD_CHARS))


def _open_quote_at(line: str, delimiter: str) -> int | None:
    """Where a quote opens that is still open at the end of ``line``, or None."""
    quoted, field_start, opened = False, True, 0
    at = 0
    while at < len(line):
        char = line[at]
        if quoted:
            if char == '"':
                if line.startswith('"', at + 1):
                    at += 1  # "" is a quote inside the field
                else:
                    quoted = False
        elif char == '"' and field_start:
            quoted, opened = True, at
        field_start = not quoted and char == delimiter
        at += 1
    return opened if quoted else None


def split_ending(raw: str, newline: str) -> tuple[str, str]:
    """A record's text and its line ending (``newline`` when the last line of the input has none)."""
    body = raw.rstrip("\r\n")
    return body, raw[len(body) :] or newline


def detect_delimiter(lines: Iterable[str]) -> str:
    """The candidate that splits the header into the most fields; tab, then comma, on a tie.

    Only the header (the first record of ``lines``) is consulted: it holds no
    data that could contain a delimiter by chance, and quoted names are honoured.
    """
    best, most = ",", 1  # a one-column file: comma, so quoted cells still read right
    for candidate in _DELIMITERS:
        try:
            header = next(csv.reader(lines, delimiter=candidate), [])
        except csv.Error:
            continue
        if len(header) > most:
            best, most = candidate, len(header)
    return best
