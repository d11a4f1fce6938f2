"""An input table of the table commands: its header, its records, its columns; and what a row source is.

Every table command reads files through this one module: encodings and
workbooks (``_sources``, ``_workbook``), the header and delimiter, and the
records with stray-quote recovery (``_records``). Errors met while reading
become one message: a decoding error names its line and byte offset.

A ``Source`` is what the skeleton (``_table_run``) writes rows from: one
``Table``, or the joined rows of two (``_join``, for ``srank diff``).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import IO, Any, Protocol

import attrs

from .._findings import separator
from .._messages import Message, in_language, one_of, quoted, say, say_count
from ._arguments import UsageError, delimiter_option, spoken
from ._formats import CsvFormat, Format, JsonlFormat, MadeJsonlFormat
from ._option_names import ONE_FILE, OptionNames
from ._output import feeds_back
from ._reasons import os_reason
from ._records import (
    MAX_LINE_CHARS,
    MAX_RECORD_CHARS,
    LineTooLong,
    Records,
    Unread,
    detect_delimiter,
    lines_of,
    too_long,
)
from ._sources import decode_error_message, open_input
from ._workbook import read_sheet

__all__ = ["Rows", "SheetRecords", "Source", "Table", "made_table", "open_table"]

_SAMPLE = 1 << 12  # characters read to choose the delimiter and line ending (the first line is always read whole)
_LOOK = 200  # rows after the header searched for a column it lacks (an export's notes may fill dozens of lines)


class SheetRecords:
    """Rows as records without text, numbered as a sheet numbers them: a workbook's, or rows a command made."""

    unit = "row"

    def __init__(self, rows: Iterator[list[str]], header_row: int) -> None:
        self.rows = rows
        self.line = header_row

    def __iter__(self) -> Iterator[tuple[list[str], str | None]]:
        for row in self.rows:
            self.line += 1
            yield row, None


class Rows(Protocol):
    """Records to iterate as ``(row, raw)``: a row's cells, and its text when it has one (None for a workbook)."""

    @property
    def unit(self) -> str:
        """What ``line`` counts, for messages: "line", "row"."""

    @property
    def line(self) -> int:
        """The number of the current record (0 where no one number says where it came from)."""

    def __iter__(self) -> Iterator[tuple[list[str], str | None]]: ...


class Source(Protocol):
    """Where a table command's rows come from; the skeleton writes ``header`` and each row's cells up to it.

    A row of ``width`` cells is well formed; its cells past the header's are
    read by the checks but not written (the compared cells of a joined row).
    A row's ``raw`` text, when given, is what CSV output writes for its cells.
    """

    @property
    def name(self) -> str: ...
    @property
    def header(self) -> list[str]: ...
    @property
    def header_raw(self) -> str | None: ...
    @property
    def records(self) -> Rows: ...
    @property
    def width(self) -> int: ...
    @property
    def notes(self) -> Sequence[str]:
        """Lines for the summary after the checks' (a joined source: its rows in and those not compared)."""

    def output_format(self, name: str, added: Sequence[str]) -> Format: ...


@attrs.define
class Table:
    name: str
    header: list[str]
    header_raw: str | None  # the header's own text (None for a workbook)
    records: Records | SheetRecords
    delimiter: str
    newline: str
    sheets: Sequence[str] = ()  # a workbook's sheets, for messages
    made: bool = False  # rows srank made, not read: an empty cell is null in JSON lines
    notes: Sequence[str] = ()
    lang: str = "en"  # the language of the command line's own sentences
    wanted: Sequence[str] = ()  # the columns the command reads: a later line holding them all may be the header
    naming: Callable[[Sequence[str]], list[str]] | None = None  # a workbook's other sheets that name columns
    # srank diff's NEW: "did you mean", said with how to name a column the file renamed (column, close -> text)
    renamed: Callable[[str, str], Message] | None = None
    options: OptionNames = ONE_FILE  # how its messages name the options that set how it is read

    @property
    def width(self) -> int:
        return len(self.header)

    def index(self, column: str) -> int:
        positions = [at for at, title in enumerate(self.header) if title == column]
        if len(positions) == 1:
            return positions[0]
        if positions:
            raise UsageError(say("cli.table.column-twice", name=self.name, column=column, count=len(positions)))
        named = [title for title in self.header if title]  # a sheet's unnamed columns (its used area) say nothing
        shown = quoted(named[:50], self.lang) + (" ..." if len(named) > 50 else "")
        message = in_language(say("cli.table.no-column", name=self.name, column=column, columns=shown), self.lang)
        from ._headers import close_names  # a column that is not there: the run stops with a message

        close = close_names(column, self.header)
        if close:
            meant = (
                say("cli.table.did-you-mean", close=close[0])
                if self.renamed is None
                else self.renamed(column, close[0])
            )
            message += in_language(meant, self.lang)
        name, colon, level = column.rpartition(":")
        if colon and name in self.header:
            message += in_language(say("cli.table.not-a-level", level=level, name=name), self.lang)
        wanted = [column, *(name for name in self.wanted if name != column)]
        later, fuller = _line_holding(self.records, wanted, column, filled=sum(1 for title in self.header if title))
        if later is not None:
            message += separator(self.lang) + later.hint(column, bool(self.sheets), self.lang, self.options.header_row)
        elif (
            self.options.header_row_shared is not None and not close and not any(n in self.header for n in self.wanted)
        ):
            # no column asked for is on the row --header-row named for both files: this file's header is elsewhere
            message += separator(self.lang) + in_language(self.options.header_row_shared, self.lang)
        elif fuller is not None and not close:  # no line names the column: the header may be a fuller one
            message += separator(self.lang) + fuller.hint(bool(self.sheets), self.lang, self.options.header_row)
        elsewhere = self.naming([column]) if self.naming is not None and len(self.sheets) > 1 else []
        if elsewhere:  # a workbook whose first sheet is a note or a title page
            sheets = say("cli.table.sheet-names", sheet=elsewhere[0], option=self.options.sheet)
            message += separator(self.lang) + in_language(sheets, self.lang)
        elif len(self.sheets) > 1:
            sheets = say("cli.table.sheets", sheets=quoted(self.sheets, self.lang), option=self.options.sheet)
            message += separator(self.lang) + in_language(sheets, self.lang)
        raise UsageError(message)

    def output_format(self, name: str, added: Sequence[str]) -> Format:
        if name == "jsonl":
            return (MadeJsonlFormat if self.made else JsonlFormat)(self.header, added)
        return CsvFormat(self.delimiter, self.newline)


def made_table(name: str, header: Sequence[str], rows: Iterator[list[str]]) -> Table:
    """A table of rows a command made (``srank explorer``), under ``header``; numbered from 2, as a sheet's are."""
    return Table(name, list(header), None, SheetRecords(rows, 1), ",", "\n", made=True)


@contextlib.contextmanager
def open_table(args: argparse.Namespace, wanted: Sequence[str]) -> Iterator[Table]:
    """Open ``args.file`` (CSV, TSV, a workbook or stdin) for reading; ``wanted`` columns help find a sheet's header."""
    if feeds_back(args.file, args.output):  # srank check - -o in.csv < in.csv, srank check in.csv >> in.csv
        if args.output not in (None, "-"):
            raise UsageError(say("cli.table.output-is-input", output=args.output))
        if args.file == "-":
            raise UsageError(say("cli.table.stdout-is-stdin"))
        raise UsageError(say("cli.table.stdout-is-input", file=args.file))
    delimiter = delimiter_option(args.delimiter)
    lang = spoken(args)
    options = OptionNames.of(args)
    source = open_input(args.file, args.encoding)
    if source.binary is not None:
        with source.binary:
            try:
                sheet = read_sheet(
                    *(source.binary, source.name, args.sheet, args.header_row, wanted, args.command, lang),
                    options=options,
                )
                records = SheetRecords(sheet.rows, sheet.header_row)
                yield Table(
                    *(source.name, sheet.header, None, records, ",", "\n", sheet.sheets),
                    lang=lang,
                    wanted=wanted,
                    naming=sheet.naming,
                    notes=sheet.notes,
                    options=options,
                )
            finally:
                if sys.stderr.isatty():
                    sys.stderr.write("\r\033[K")  # the progress line, if one was shown
        return
    assert source.text is not None
    if args.sheet is not None:
        print("srank: " + in_language(say("cli.sheet-ignored", name=source.name), lang), file=sys.stderr)
    table: Table | None = None
    text = source.text
    try:
        given = options.header_row_given
        skipped = _skip_lines(text, args.header_row - 1, source.name, lang, given) if args.header_row else 0
        table = _read_header(text, source.name, delimiter, args.command, lang, skipped, wanted, options)
        table.lang, table.options = lang, options
        yield table
    except UnicodeDecodeError as error:
        line = table.records.line if table is not None else 0
        option = options.encoding
        said = decode_error_message(source.name, args.file, source.encoding, error, line, lang, option)
        raise UsageError(said) from None
    except LineTooLong as error:
        raise UsageError(say("cli.table.at", name=source.name, problem=str(error))) from None
    except UnicodeError as error:  # a codec that fails in its own way ("undefined", "punycode")
        raise UsageError(
            say("cli.table.codec-failed", name=source.name, encoding=source.encoding, error=str(error))
        ) from None
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        raise UsageError(
            say("cli.table.os-error", name=error.filename or source.name, reason=os_reason(error))
        ) from None
    finally:
        if sys.stderr.isatty():
            sys.stderr.write("\r\033[K")  # the progress line, if one was shown
        if args.file == "-":
            buffered: Any = text.detach()  # the caller's stdin stays open
            if buffered is not sys.stdin.buffer:
                buffered.detach()  # and so does a stdin srank had to buffer itself
        else:
            text.close()


def _skip_lines(text: IO[str], count: int, name: str, lang: str, given: str) -> int:
    """Read past the ``count`` lines above the header (--header-row), each in bounded pieces; returns ``count``."""
    for at in range(count):
        line = text.readline(MAX_RECORD_CHARS)
        if not line:
            said = say("cli.header-row-past-end", name=name, row=count + 1, last=at, option=given)
            raise UsageError(in_language(said, lang))
        while not line.endswith(("\n", "\r")) and line:  # the rest of a long line
            line = text.readline(MAX_RECORD_CHARS)
    return count


def _empty_header(
    name: str, records: Records, skipped: int, wanted: Sequence[str], lang: str, options: OptionNames
) -> str:
    """The header line is empty: which line it is (the first, or --header-row's), and where a wanted column is."""
    if skipped:
        said = in_language(
            say("cli.table.header-line-empty", name=name, line=skipped + 1, option=options.header_row_given), lang
        )
    else:
        said = in_language(say("cli.table.first-line-empty", name=name), lang)
    found, fuller = _line_holding(records, wanted)
    if found is not None:
        said += separator(lang) + found.hint(next(iter(found.written)), False, lang, options.header_row)
    elif fuller is not None:
        said += separator(lang) + fuller.hint(False, lang, options.header_row)
    return said


def _read_header(
    text: IO[str],
    name: str,
    delimiter: str | None,
    command: str,
    lang: str,
    skipped: int,
    wanted: Sequence[str],
    options: OptionNames = ONE_FILE,
) -> Table:
    lines = lines_of(text)
    head: list[str] = []  # the first whole lines, about _SAMPLE characters: they choose the delimiter and ending
    size = 0
    for line in lines:
        if len(line) > MAX_LINE_CHARS and too_long(line):  # the length alone first: each file of a run comes here
            raise LineTooLong(len(head) + 1)  # before any reading of it: a 1 GiB header, /dev/zero
        head.append(line)
        size += len(line)
        if size >= _SAMPLE:
            break
    if not head and skipped:  # --header-row names the line after the last
        raise UsageError(
            say("cli.header-row-past-end", name=name, row=skipped + 1, last=skipped, option=options.header_row_given)
        )
    if not head:
        raise UsageError(say("cli.table.empty", name=name))
    sniffed = delimiter is None
    if delimiter is None:
        delimiter = detect_delimiter(head)
    newline = _newline(head)
    read: Iterator[str] = chain(_drained(head), lines)
    if sys.stderr.isatty():
        from ._progress import with_progress

        read = with_progress(read, text, command, lang)
    records = Records(read, delimiter, sniffed)
    records.shift(skipped)
    first = next(iter(records), None)
    if first is None or not first[0]:
        raise UsageError(_empty_header(name, records, skipped, wanted, lang, options))
    header, raw = first
    if isinstance(header, Unread):
        raise UsageError(say("cli.table.header-unread", name=name, problem=header.problem))
    return Table(name, header, raw, records, delimiter, newline, wanted=wanted)


@attrs.frozen
class _Holding:
    """A line (a sheet's row) that holds some of the columns asked for: the header may be there."""

    line: int
    written: dict[str, str]  # each column asked for that the line holds, as the line writes it ("s rank")
    lacking: tuple[str, ...]  # the columns asked for that it does not hold

    def hint(self, column: str, sheet: bool, lang: str, option: str = "--header-row") -> str:
        """Where ``column`` is, and how to make that line the header with ``option``, in ``lang``."""
        place = "row" if sheet else "line"
        written = self.written[column]
        if written == column:
            said = say(f"cli.column-on-{place}", column=column, line=self.line, option=option)
        else:  # found regardless of case and spaces: --header-row alone would not find it there
            said = say(f"cli.column-on-{place}-written", column=column, written=written, line=self.line, option=option)
        text = in_language(said, lang)
        if self.lacking:
            lacking = one_of(say("text.quoted", text=name) for name in self.lacking)
            text += separator(lang) + in_language(say(f"cli.{place}-lacks", line=self.line, columns=lacking), lang)
        return text


@attrs.frozen
class _Fuller:
    """A line (a sheet's row) with more filled cells than the header: when no line names the column asked
    for, the header may be there and the name mistyped."""

    line: int
    cells: tuple[str, ...]

    def hint(self, sheet: bool, lang: str, option: str = "--header-row") -> str:
        shown = quoted(self.cells[:8], lang)
        shown += " ..." if len(self.cells) > 8 else ""
        place = "row" if sheet else "line"
        said = say_count(f"cli.fuller-{place}", len(self.cells), line=self.line, cells=shown, option=option)
        return in_language(said, lang)


def _line_holding(
    records: Rows, columns: Sequence[str], must: str | None = None, filled: int = 0
) -> tuple[_Holding | None, _Fuller | None]:
    """Among the next few records, the first that holds the most of ``columns`` (``must`` among them, if given),
    and the first of those that look like a header (``looks_like_header``: no number, no rank code) with the
    most filled cells, if more than ``filled``, the header's.

    Names match regardless of case and surrounding spaces. Only asked when the run stops for want of a
    header, so the rows read here are not needed again.
    """
    from ._headers import looks_like_header  # only when the run stops for want of a column

    keys = {column.strip().casefold(): column for column in columns}
    best: _Holding | None = None
    fuller: _Fuller | None = None
    try:
        for _, (read, raw) in zip(range(_LOOK), iter(records), strict=False):
            row = _as_header(read, raw, records)
            cells = tuple(cell for cell in row if cell.strip())
            if len(cells) > (len(fuller.cells) if fuller else filled) and looks_like_header(cells):
                fuller = _Fuller(records.line, cells)
            written: dict[str, str] = {}
            for cell in row:
                column = keys.get(cell.strip().casefold())
                if column is not None and (column not in written or cell == column):
                    written[column] = cell
            if not written or (must is not None and must not in written):
                continue
            if best is None or len(written) > len(best.written):
                best = _Holding(records.line, written, tuple(name for name in columns if name not in written))
                if not best.lacking:
                    break
    except Exception:  # a row that cannot be read (bad bytes): what was found before it stands
        return best, fuller
    return best, fuller


def _as_header(row: list[str], raw: str | None, records: Rows) -> list[str]:
    """A line's cells as ``--header-row`` would read them there: split by the delimiter its own cells suggest, when
    the file's was found from a line above (a title "Rare species, Maryland" above "ELCODE;S Rank")."""
    if raw is None or not (isinstance(records, Records) and records.sniffed):
        return row
    own = detect_delimiter([raw])
    if own == records.delimiter:
        return row
    try:
        return next(csv.reader([raw.rstrip("\r\n")], delimiter=own), row)
    except csv.Error:  # a record of several lines: read as the file's delimiter read it
        return row


def _newline(head: list[str]) -> str:
    """The file's line ending, as its first lines write it."""
    text = "".join(head)  # a few KiB: searched whole, not line by line
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"


def _drained(head: list[str]) -> Iterator[str]:
    """The lines of ``head``, each let go as it is read."""
    head.reverse()
    while head:
        yield head.pop()
