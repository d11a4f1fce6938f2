"""The ``srank`` command: explain, round and check rank codes from the shell.

Standard library only. Every failure a user can cause ends in one message on
stderr and an exit status (0 all valid, 1 some invalid, 2 usage or I/O error),
never a traceback. ``srank check`` keeps every row: rows in equals rows out.
"""

from __future__ import annotations

import argparse
import csv
import enum
import io
import json
import os
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from json.encoder import encode_basestring
from typing import IO, Any

import attrs

from . import __version__
from ._batch import is_missing, message_of, validity_of
from ._describe import describe, explain
from ._errors import InvalidRankError
from ._model import MultiSeasonRank, Rank
from ._parse import parse

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

COLUMNS = ("srank_valid", "srank_canonical", "srank_rounded", "srank_label", "srank_message")

_DELIMITERS = "\t,;|"  # on a tie the first wins: a tab is rarely part of a column name, a comma often is
_SAMPLE = 1 << 16  # characters read to choose the delimiter and line ending
_PROGRESS_EVERY = 1 << 14  # lines between looks at the clock


class UsageError(Exception):
    """A problem the user can fix; printed as one message, exit status 2."""


_FIELD_LIMIT = 2**31 - 1  # csv's own default (131,072) rejects whole files for one long notes cell


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting."""
    # A console that cannot encode the text (cp1252 and the PLANTS "⚘") gets an
    # escape such as \u2698 instead of a traceback.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and argparse's usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        status: int = args.run(args)
    except UsageError as error:
        print(f"srank: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("srank: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (srank check big.csv | head): stop quietly.
        _silence_stdout()
        return EXIT_USAGE
    return status


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="srank",
        description="Read NatureServe conservation status ranks (G5T1T3Q, S2B,S4N, GNR).",
        epilog="Exit status: 0 all codes valid, 1 some invalid, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"srank {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    explain = commands.add_parser("explain", help="describe each code", description="Describe each rank code.")
    explain.add_argument("codes", nargs="+", metavar="CODE")
    explain.add_argument("--style", choices=("short", "long", "plants"), default="short", help="status text style")
    explain.add_argument("--lang", default="en", help="language of the text (default: en)")
    explain.add_argument("--json", action="store_true", help="one JSON object per code")
    explain.add_argument("--lenient", action="store_true", help="accept the spellings real data files use")
    explain.set_defaults(run=_run_explain)

    rounded = commands.add_parser("round", help="print the rounded code of each code")
    rounded.add_argument("codes", nargs="+", metavar="CODE")
    rounded.add_argument("--lenient", action="store_true", help="accept the spellings real data files use")
    rounded.set_defaults(run=_run_round)

    check = commands.add_parser(
        "check",
        help="check and decode the rank column of a CSV or TSV file",
        description="Check and decode a rank column. Every row comes back, in order and as it was, with five"
        " columns appended: " + ", ".join(COLUMNS) + ". Blank cells, NA and N/A are missing, not errors: all five"
        " columns are empty for them. A row with the wrong number of fields is kept, padded, and named by its"
        " line number. A summary goes to stderr.",
    )
    check.add_argument("file", metavar="FILE", help="CSV or TSV file, or - for stdin")
    check.add_argument("--column", "-c", required=True, metavar="NAME", help="header of the rank column")
    check.add_argument("--lenient", action="store_true", help="accept the spellings real data files use")
    check.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default: csv)")
    check.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    check.add_argument("--delimiter", "-d", metavar="CHAR", help="field delimiter (default: detected; \\t for tab)")
    check.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8; a BOM is skipped)")
    check.set_defaults(run=_run_check)
    return parser


# -- explain and round ------------------------------------------------------


def _read_codes(
    codes: Iterable[str], lenient: bool
) -> Iterator[tuple[str, Rank | MultiSeasonRank | None, InvalidRankError | None]]:
    """Each code with its rank or its error; errors are also printed, with their caret, to stderr."""
    for text in codes:
        try:
            yield text, parse(text, lenient=lenient), None
        except InvalidRankError as error:
            print(f"srank: {error}", file=sys.stderr)
            yield text, None, error


def _run_round(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for _, rank, _error in _read_codes(args.codes, args.lenient):
        if rank is None:
            status = EXIT_INVALID
            print()  # one line per code, so output lines up with the arguments; the error is on stderr
        else:
            print(rank.rounded())
    return status


def _run_explain(args: argparse.Namespace) -> int:
    try:
        describe(parse("G5"), style=args.style, lang=args.lang)
    except (ValueError, LookupError) as error:
        raise UsageError(f"--lang {args.lang}: {error}") from None
    status = EXIT_OK
    for text, rank, problem in _read_codes(args.codes, args.lenient):
        if rank is None:
            status = EXIT_INVALID
        if args.json:
            print(json.dumps(_explain_json(text, rank, problem, args), ensure_ascii=False))
        elif rank is not None:
            _print_explanation(rank, args.style, args.lang)
    return status


def _print_explanation(rank: Rank | MultiSeasonRank, style: str, lang: str) -> None:
    text = describe(rank, style=style, lang=lang)
    if style == "plants":
        # Exactly the USDA PLANTS status text (it starts with the code), so it
        # can be compared or pasted as is; warnings go to stderr.
        print(text)
        for finding in rank.findings:
            print(f"srank: {rank}: {finding}", file=sys.stderr)
        return
    if style == "long":
        print(f"{rank}:\n{text}\n")  # the paragraphs already hold every definition
    else:
        print(f"{rank}: {text}")
        for entry in explain(rank, lang=lang):
            print(f"    {entry.code:<8} {entry.label}: {entry.definition}")
    for finding in rank.findings:
        print(f"    {finding}")


def _explain_json(
    text: str, rank: Rank | MultiSeasonRank | None, error: InvalidRankError | None, args: argparse.Namespace
) -> dict[str, Any]:
    """The --json record of one code; the same keys whether it is valid or not."""
    if rank is None:
        assert error is not None
        return {
            "input": text,
            "valid": False,
            "canonical": None,
            "rounded": None,
            "label": None,
            "explanation": [],
            "warnings": [],
            "error": {
                "code": error.code,
                "message": error.message,
                "span": list(error.span),
                "hint": error.hint,
                "expected": list(error.expected),
            },
        }
    return {
        "input": text,
        "valid": True,
        "canonical": str(rank),
        "rounded": str(rank.rounded()),
        "label": describe(rank, style=args.style, lang=args.lang),
        "explanation": [_plain(entry) for entry in explain(rank, lang=args.lang)],
        "warnings": [_plain(finding) for finding in rank.findings],
        "error": None,
    }


def _plain(entry: attrs.AttrsInstance) -> dict[str, Any]:
    """An attrs instance as JSON-ready data: enums by their value."""

    def serialise(_: object, __: object, value: object) -> object:
        return value.value if isinstance(value, enum.Enum) else value

    return attrs.asdict(entry, value_serializer=serialise)


# -- check ------------------------------------------------------------------


class _Verdicts(dict[str, str]):
    """The appended output per distinct cell, as text, computed on first sight.

    Rows repeat a few hundred distinct codes, so a row costs one lookup. For csv
    the text is the delimiter and the five appended cells, quoted as needed; for
    jsonl, the srank members of the JSON object. ``kinds`` keeps what each
    distinct cell was, for the summary.
    """

    def __init__(self, lenient: bool, jsonl: bool, delimiter: str) -> None:
        super().__init__()
        self.lenient = lenient
        self.jsonl = jsonl
        self.delimiter = delimiter
        self.kinds: dict[str, tuple[str, str]] = {}  # cell -> (valid|invalid|missing, problem code)

    def __missing__(self, cell: str) -> str:
        valid: bool | None
        if is_missing(cell):
            valid, canonical, rounded, label, message = None, "", "", "", ""
            self.kinds[cell] = ("missing", "")
        else:
            try:
                rank = parse(cell, lenient=self.lenient)
            except InvalidRankError as error:
                valid, canonical, rounded, label = False, "", "", ""
                message = message_of(error)
                self.kinds[cell] = ("invalid", error.code)
            else:
                # Every code that reads gets its canonical, rounded and label cells; srank_valid
                # says whether NatureServe's guidance finds an error in it (validity_of).
                valid, canonical = validity_of(rank), str(rank)
                rounded, label = str(rank.rounded()), describe(rank, style="short")
                message = message_of(rank)
                errors = [finding.code for finding in rank.findings if finding.severity.value == "error"]
                self.kinds[cell] = ("valid", "") if valid else ("invalid", errors[0])
        verdict = self.render(valid, canonical, rounded, label, message)
        self[cell] = verdict
        return verdict

    def render(self, valid: bool | None, canonical: str, rounded: str, label: str, message: str) -> str:
        fields = (valid, canonical, rounded, label, message)
        if self.jsonl:
            values = [field if field != "" else None for field in fields]
            return json.dumps(dict(zip(COLUMNS, values, strict=True)), ensure_ascii=False)[1:-1]
        cells = ("" if valid is None else "true" if valid else "false", canonical, rounded, label, message)
        return self.delimiter + _csv_line(cells, self.delimiter)


def _csv_line(cells: Sequence[str], delimiter: str) -> str:
    """Cells as one CSV record without its line ending, quoted only where needed."""
    buffer = io.StringIO()
    # The terminator is what makes csv quote a cell holding \r or \n; it is cut off after.
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2]


class _Tally:
    """What the summary reports: counts per distinct cell and the malformed rows."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.rows = 0
        self.blank_lines = 0
        self.malformed: list[int] = []  # lines of rows with the wrong number of fields
        self.unclosed: list[int] = []  # lines that open a quote and do not close it


def _run_check(args: argparse.Namespace) -> int:
    name = "stdin" if args.file == "-" else args.file
    if args.output not in (None, "-") and args.file != "-" and _same_file(args.file, args.output):
        raise UsageError(f"--output {args.output} is the input file; srank check never modifies its input")
    delimiter = _delimiter_option(args.delimiter)
    source = _open_input(args.file, args.encoding)
    try:
        with source:
            sink, finish = _open_output(args.output)
            ok = False
            try:
                tally, verdicts = _check_stream(source, sink, name, args, delimiter)
                ok = True
            except UnicodeDecodeError as error:
                raise UsageError(
                    f"{name} is not {args.encoding} text ({error.reason}, byte 0x{error.object[error.start]:02x});"
                    " if it was saved by Excel on Windows, pass --encoding cp1252"
                ) from None
            finally:
                finish(ok)
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        raise UsageError(f"{error.filename or name}: {error.strerror or error}") from None
    return _summarise(tally, verdicts, name)


def _delimiter_option(value: str | None) -> str | None:
    if value is None:
        return None
    value = {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(value, value)
    if len(value) != 1 or value in "\r\n":
        raise UsageError(f"--delimiter must be one character (\\t for tab), not {value!r}")
    if value == '"':
        raise UsageError("--delimiter cannot be the quote character '\"', which csv uses to quote cells")
    return value


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)


def _open_input(path: str, encoding: str) -> IO[str]:
    encoding = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        if path == "-":
            return io.TextIOWrapper(sys.stdin.buffer, encoding=encoding, newline="")
        return open(path, encoding=encoding, newline="")
    except LookupError:
        raise UsageError(f"unknown --encoding {encoding!r}") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None


def _open_output(path: str | None) -> tuple[IO[str], Callable[[bool], None]]:
    """The output stream and a function that finishes it (keeps it only on success)."""
    if path in (None, "-"):
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)

        def finish_stdout(ok: bool) -> None:
            out.flush()
            out.detach()

        return out, finish_stdout
    assert path is not None
    if os.path.isdir(path):
        raise UsageError(f"--output {path} is a folder; name a file")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        # A temporary file beside the target: a failed run leaves no half-written output.
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - finish() closes it
            "w", encoding="utf-8", newline="", dir=folder, prefix=".srank-", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None

    def finish_file(ok: bool) -> None:
        handle.close()
        try:
            if ok:
                # The temporary file is private (0600); give the output the mode a new file would get.
                os.chmod(handle.name, _new_file_mode(path))
                os.replace(handle.name, path)
        finally:
            if os.path.exists(handle.name):
                os.unlink(handle.name)

    return handle, finish_file


def _new_file_mode(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o7777  # replacing a file: keep its mode
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _check_stream(
    source: IO[str], sink: IO[str], name: str, args: argparse.Namespace, delimiter: str | None
) -> tuple[_Tally, _Verdicts]:
    sample = source.read(_SAMPLE)
    sample += source.readline()  # end on a whole line
    if not sample:
        raise UsageError(f"{name} is empty: expected a header row naming the columns")
    if delimiter is None:
        delimiter = _detect_delimiter(sample)
    newline = "\r\n" if "\r\n" in sample else "\n"
    lines: Iterator[str] = chain(io.StringIO(sample, newline=""), source)
    if sys.stderr.isatty():
        lines = _with_progress(lines, source)
    # A notes column may hold long text; the rank cell's own length is judged by parse().
    csv.field_size_limit(_FIELD_LIMIT)
    records = _Records(lines, delimiter)
    try:
        header = next(records.reader, None)
        header_text = "".join(records.taken)
    except csv.Error:
        header, header_text, _, unclosed = records.recover()
        if unclosed:
            raise UsageError(
                f"{name} line 1: the header opens a quote that is not closed on its line;"
                " the header must name the columns on one line"
            ) from None
    records.taken.clear()
    if not header:
        raise UsageError(f"{name}: the first line is empty; expected a header row naming the columns")
    index = _column_index(header, args.column, name)
    already = [column for column in COLUMNS if column in header]
    if already:
        raise UsageError(
            f"{name} already has the column {already[0]}; was it written by srank check? Check the original file"
        )
    verdicts = _Verdicts(args.lenient, args.format == "jsonl", delimiter)
    tally = _Tally()
    if args.format == "jsonl":
        _write_jsonl(records, sink, header, index, verdicts, tally)
    else:
        _write_csv(records, sink, header, header_text, index, verdicts, tally, newline)
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
    return tally, verdicts


class _Records:
    """csv records, the text lines each came from, and recovery from a stray quote.

    The reader is strict: a quote that opens a field and never closes would
    otherwise swallow every following line into one cell. When strict reading
    fails, ``recover`` reads the record's first line on its own and queues the
    lines after it to be read again, so each of them still comes out as a row.
    """

    def __init__(self, lines: Iterator[str], delimiter: str) -> None:
        self.lines = lines
        self.delimiter = delimiter
        self.taken: list[str] = []  # the text lines of the record just read
        self.before = 0  # lines read by the readers that came before this one
        self.queued: deque[str] = deque()  # lines to read again, ahead of the rest of the input
        self.reader = self._read(lines)

    def _read(self, lines: Iterable[str]) -> Any:  # csv's reader type is private
        return csv.reader(_remembered(lines, self.taken), delimiter=self.delimiter, strict=True)

    def line_now(self) -> int:
        """The number of the last text line read so far."""
        return self.before + int(self.reader.line_num)

    def recover(self) -> tuple[list[str], str, int, bool]:
        """After a csv.Error: the failed record's first line as a row, its text, its number, and
        whether a quote opened on it is left open."""
        first = self.taken[0]
        line = self.line_now() - len(self.taken) + 1
        self.before = line
        self.queued.extendleft(reversed(self.taken[1:]))
        self.taken.clear()
        self.reader = self._read(self._queued_then_input())
        row = next(csv.reader([first], delimiter=self.delimiter), [])
        unclosed = _ends_quoted(first, self.delimiter)
        if unclosed and row:
            row[-1] = row[-1].rstrip("\r\n")
        return row, first, line, unclosed

    def _queued_then_input(self) -> Iterator[str]:
        queued = self.queued
        while queued:
            yield queued.popleft()
        # A plain loop, not "yield from": when a later recovery drops this
        # generator, closing it must not close the input it reads from.
        for line in self.lines:  # noqa: UP028
            yield line


def _ends_quoted(line: str, delimiter: str) -> bool:
    """True when csv would still be inside a quoted field at the end of ``line``."""
    quoted, field_start, at = False, True, 0
    while at < len(line):
        char = line[at]
        if quoted:
            if char == '"':
                if line.startswith('"', at + 1):
                    at += 1  # "" is a quote inside the field
                else:
                    quoted = False
        elif char == '"' and field_start:
            quoted = True
        field_start = not quoted and char == delimiter
        at += 1
    return quoted


def _remembered(lines: Iterable[str], taken: list[str]) -> Iterator[str]:
    keep = taken.append
    for line in lines:
        keep(line)
        yield line


def _detect_delimiter(sample: str) -> str:
    """The candidate that splits the header into the most fields; tab, then comma, on a tie.

    Only the header is consulted: it holds no data that could contain a
    delimiter by chance, and quoted names are honoured.
    """
    best, most = ",", 1  # a one-column file: comma, so quoted cells still read right
    for candidate in _DELIMITERS:
        header = next(csv.reader(io.StringIO(sample, newline=""), delimiter=candidate), [])
        if len(header) > most:
            best, most = candidate, len(header)
    return best


def _column_index(header: list[str], column: str, name: str) -> int:
    positions = [at for at, title in enumerate(header) if title == column]
    if len(positions) == 1:
        return positions[0]
    if positions:
        raise UsageError(f"{name}: the column {column!r} appears {len(positions)} times in the header; rename one")
    available = ", ".join(repr(title) for title in header)
    message = f"{name} has no column {column!r}; the columns are: {available}"
    close = [title for title in header if title.strip().casefold() == column.strip().casefold()]
    if close:
        message += f" (did you mean {close[0]!r}?)"
    raise UsageError(message)


def _write_csv(
    records: _Records,
    sink: IO[str],
    header: list[str],
    header_text: str,
    index: int,
    verdicts: _Verdicts,
    tally: _Tally,
    newline: str,
) -> None:
    """Each record's own text, then the srank cells: the input's quoting and line endings survive as they are."""
    width = len(header)
    counts = tally.counts
    count = counts.get
    chunk: list[str] = []
    add = chunk.append
    taken = records.taken
    body, ending = _split_ending(header_text, newline)
    add(body + verdicts.delimiter + _csv_line(COLUMNS, verdicts.delimiter) + ending)
    rows = 0
    while True:
        reader = records.reader
        try:
            for row in reader:
                rows += 1
                raw = taken[0] if len(taken) == 1 else "".join(taken)
                if len(row) == width:
                    cell = row[index]
                    counts[cell] = count(cell, 0) + 1
                    body = raw.rstrip("\r\n")
                    add(body + verdicts[cell] + (raw[len(body) :] or newline))
                else:
                    line = records.line_now() - len(taken) + 1
                    add(_ragged_csv(row, raw, width, line, verdicts, tally, newline))
                taken.clear()
                if len(chunk) >= 4096:
                    sink.writelines(chunk)
                    chunk.clear()
            break
        except csv.Error:
            rows += 1
            add(_recovered_csv(records.recover(), width, index, verdicts, tally, newline))
    sink.writelines(chunk)
    tally.rows = rows


def _recovered_csv(
    recovered: tuple[list[str], str, int, bool],
    width: int,
    index: int,
    verdicts: _Verdicts,
    tally: _Tally,
    newline: str,
) -> str:
    """A line strict csv could not read.

    One that leaves a quote open is written back with regular quoting, so the
    output reads cleanly; any other (a quote closed mid-cell, as in "S1"x)
    reads the same everywhere and is written back as it came in.
    """
    row, raw, line, unclosed = recovered
    body, ending = _split_ending(raw, newline)
    if unclosed:
        return _unread_csv(row, width, _unclosed_problem(line, tally), verdicts.delimiter) + ending
    if len(row) != width:
        return _ragged_csv(row, raw, width, line, verdicts, tally, newline)
    cell = row[index]
    tally.counts[cell] = tally.counts.get(cell, 0) + 1
    return body + verdicts[cell] + ending


def _unclosed_problem(line: int, tally: _Tally) -> str:
    tally.unclosed.append(line)
    return (
        f"error[malformed-row]: line {line} opens a quote that is not closed on the line;"
        " the line was read as one row and the rank was not read"
    )


def _split_ending(raw: str, newline: str) -> tuple[str, str]:
    body = raw.rstrip("\r\n")
    return body, raw[len(body) :] or newline


def _ragged_problem(row: list[str], width: int, line: int, tally: _Tally) -> str:
    tally.malformed.append(line)
    fields = "1 field" if len(row) == 1 else f"{len(row)} fields"
    return f"error[malformed-row]: line {line} has {fields}, the header has {width}; the rank was not read"


def _ragged_csv(
    row: list[str], raw: str, width: int, line: int, verdicts: _Verdicts, tally: _Tally, newline: str
) -> str:
    """A record of the wrong width, passed through: short rows padded, extra cells kept after the srank cells."""
    _, ending = _split_ending(raw, newline)
    delimiter = verdicts.delimiter
    if not row:  # a blank line: no rank recorded, not a malformed row
        tally.blank_lines += 1
        tally.counts[""] = tally.counts.get("", 0) + 1
        return _csv_line([""] * width, delimiter) + verdicts[""] + ending
    return _unread_csv(row, width, _ragged_problem(row, width, line, tally), delimiter) + ending


def _unread_csv(row: list[str], width: int, message: str, delimiter: str) -> str:
    """A row whose rank was not read: short rows padded, extra cells kept after the srank cells."""
    cells = [*row[:width], *[""] * (width - len(row)), "false", "", "", "", message, *row[width:]]
    return _csv_line(cells, delimiter)


def _write_jsonl(
    records: _Records,
    sink: IO[str],
    header: list[str],
    index: int,
    verdicts: _Verdicts,
    tally: _Tally,
) -> None:
    keys = _unique_keys(header)
    width = len(header)
    counts = tally.counts
    count = counts.get
    dumps = json.dumps
    encode = encode_basestring  # the C encoder json.dumps uses for a str
    # '{"id": ' then ', "name": ' ...: each row only encodes its cells.
    prefixes = [("{" if at == 0 else ", ") + dumps(key, ensure_ascii=False) + ": " for at, key in enumerate(keys)]
    chunk: list[str] = []
    add = chunk.append
    join = "".join
    taken = records.taken
    rows = 0
    while True:
        reader, before = records.reader, records.before
        line = before + reader.line_num
        try:
            for row in reader:
                rows += 1
                if len(row) == width:
                    cell = row[index]
                    counts[cell] = count(cell, 0) + 1
                    add(join(map(str.__add__, prefixes, map(encode, row))) + ", " + verdicts[cell] + "}\n")
                elif not row:
                    tally.blank_lines += 1
                    counts[""] = count("", 0) + 1
                    add(dumps(dict.fromkeys(keys), ensure_ascii=False)[:-1] + ", " + verdicts[""] + "}\n")
                else:
                    add(_ragged_json(row, keys, _ragged_problem(row, width, line + 1, tally)))
                line = before + reader.line_num
                taken.clear()  # the record's text is not needed here; keep memory flat
                if len(chunk) >= 4096:
                    sink.writelines(chunk)
                    chunk.clear()
            break
        except csv.Error:
            rows += 1
            row, _, at, unclosed = records.recover()
            if unclosed:
                add(_ragged_json(row, keys, _unclosed_problem(at, tally)))
            elif len(row) != width:
                add(_ragged_json(row, keys, _ragged_problem(row, width, at, tally)))
            else:
                cell = row[index]
                counts[cell] = count(cell, 0) + 1
                add(join(map(str.__add__, prefixes, map(encode, row))) + ", " + verdicts[cell] + "}\n")
    sink.writelines(chunk)
    tally.rows = rows


def _ragged_json(row: list[str], keys: list[str], message: str) -> str:
    """A record of the wrong width or unreadable quoting: its cells by position, extra ones in srank_extra."""
    record: dict[str, Any] = dict.fromkeys(keys)
    record.update(zip(keys, row, strict=False))
    record.update(dict(zip(COLUMNS, (False, None, None, None, message), strict=True)))
    if len(row) > len(keys):
        record["srank_extra"] = row[len(keys) :]
    return json.dumps(record, ensure_ascii=False) + "\n"


def _unique_keys(header: list[str]) -> list[str]:
    """Header names as JSON keys: a repeated name gets _2, _3, ... so no cell is lost."""
    keys: list[str] = []
    seen: set[str] = set()
    for title in header:
        key, number = title, 1
        while key in seen:
            number += 1
            key = f"{title}_{number}"
        seen.add(key)
        keys.append(key)
    return keys


def _with_progress(lines: Iterable[str], source: IO[str]) -> Iterator[str]:
    """Pass lines through, and after a second show how far the reading is on stderr."""
    try:
        total = os.fstat(source.fileno()).st_size
        position: Callable[[], int] | None = source.buffer.tell  # type: ignore[attr-defined]
        if not total:
            position = None
    except (OSError, AttributeError, io.UnsupportedOperation):
        total, position = 0, None
    started = time.monotonic()
    for number, text in enumerate(lines, 1):
        if not number % _PROGRESS_EVERY and time.monotonic() - started > 1:
            share = ""
            if position is not None:
                try:
                    share = f" ({min(100, 100 * position() // total)}%)"
                except OSError:
                    position = None
            sys.stderr.write(f"\rsrank check: {number:,} lines read{share}")
            sys.stderr.flush()
        yield text


def _summarise(tally: _Tally, verdicts: _Verdicts, name: str) -> int:
    totals = {"valid": 0, "invalid": 0, "missing": 0}
    problems: dict[str, dict[str, int]] = {}
    distinct = 0
    for cell, count in tally.counts.items():
        kind, code = verdicts.kinds[cell]
        totals[kind] += count
        if kind != "missing":
            distinct += 1
        if kind == "invalid":
            problems.setdefault(code, {})[cell] = count
    invalid = totals["invalid"] + len(tally.malformed) + len(tally.unclosed)
    lines = [
        f"srank check: {name}: {tally.rows:,} {'row' if tally.rows == 1 else 'rows'}:"
        f" {totals['valid']:,} valid, {invalid:,} invalid,"
        f" {totals['missing']:,} missing; {distinct:,} distinct {'code' if distinct == 1 else 'codes'}"
    ]
    if tally.blank_lines:
        blank = "1 blank line was" if tally.blank_lines == 1 else f"{tally.blank_lines:,} blank lines were"
        lines.append(f"  {blank} kept as a row with no rank")
    ranked = sorted(((sum(cells.values()), code, cells) for code, cells in problems.items()), key=lambda x: -x[0])
    if ranked or tally.malformed or tally.unclosed:
        lines.append("  most common problems:")
    entries: list[tuple[int, str]] = []
    for count, code, cells in ranked:
        examples = sorted(cells.items(), key=lambda item: -item[1])[:3]
        shown = ", ".join(f"{_clip(cell)} ({times:,})" for cell, times in examples)
        more = f" and {len(cells) - 3:,} more" if len(cells) > 3 else ""
        entries.append((count, f"{code}: {shown}{more}"))
    for lines_of, why in ((tally.malformed, "wrong number of fields"), (tally.unclosed, "a quote left open")):
        if lines_of:
            where = ", ".join(map(str, lines_of[:5])) + (" ..." if len(lines_of) > 5 else "")
            entries.append(
                (len(lines_of), f"malformed-row ({why}), {'line' if len(lines_of) == 1 else 'lines'} {where}")
            )
    for count, text in sorted(entries, key=lambda entry: -entry[0])[:10]:
        lines.append(f"  {count:>10,}  {text}")
    print("\n".join(lines), file=sys.stderr)
    return EXIT_INVALID if invalid else EXIT_OK


def _clip(cell: str, limit: int = 40) -> str:
    """A cell for the summary: quoted, and shortened when it is long."""
    shown = repr(cell)
    return shown if len(shown) <= limit else f"{shown[: limit - 1]}…' ({len(cell):,} characters)"


def _silence_stdout() -> None:
    # Python would otherwise complain about the closed pipe when flushing at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
