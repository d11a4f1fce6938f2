"""The one skeleton of every table command: open, name the columns, the row loop, the writer, the summary.

The rows come from the command's source: one file, or for ``srank diff`` the
joined rows of two. Rows in equal rows out, in order. A row gives one output row per row of its
verdict (one, or one per place), each its own cells followed by the checks'
cells. A row of the wrong width, or one whose quoting cannot be read, is kept
(padded, its extra cells after srank's) with its problem named in each
check's cells. Output goes out in chunks of rows; one row's many output rows
go out as they reach a bound in characters, so a row with 50,000 places
does not pile up in memory.

A command that reads files (``FILE [FILE ...]``) reads each in turn: one
summary per file, then a total, and the worst exit status of them. A file
that cannot be read is named and the others are still read. With
``--problems-only`` only the rows with an invalid or warned value are
written, each with its line number in ``srank_line``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import attrs

from .._errors import InvalidRankError, problem_line
from .._findings import colon
from .._messages import in_language, say, say_count
from .._model import MultiSeasonRank
from ._arguments import UsageError, spoken
from ._checks import Cache, Check, Prepared, RowCache, RunMemory, StackedRows, free_suffix
from ._command import TableCommand
from ._formats import Format
from ._output import Outputs, Sink, UnwrittenError, many_outputs
from ._records import Unread
from ._status import EXIT_OK, EXIT_USAGE
from ._summary import Tally, summarise
from ._table import Rows
from ._writing import Writing, output_paths, row_format, rows_sink

__all__ = ["run_table"]

_CHUNK_ROWS = 4096
_CHUNK_CHARS = 1 << 20


_LINE = "srank_line"


def run_table(command: TableCommand[Any], args: argparse.Namespace) -> int:
    command.prepare(args)
    lang = spoken(args)
    writing = Writing.of(args, lang)
    if writing.problems_only and not command.numbered:
        raise UsageError(in_language(say("cli.problems-only-unnumbered", command=command.title), lang))
    files: list[str] | None = args.files if command.each_file else None
    if files is None:  # rows from the command's own source: srank diff, srank explorer
        with _silenced(writing.quiet):
            return _run_one(command, args, writing, args.output).status
    targets = output_paths(files, writing, args.output)
    if len(files) == 1:
        args.file = files[0]
        with _silenced(writing.quiet):
            return _run_one(command, args, writing, targets[0]).status
    runs: list[Run] = []
    memory = RunMemory()  # what the files share: a code is judged and rendered once
    outputs = Outputs(None)
    try:
        with many_outputs() as outputs:
            for path, target in zip(files, targets, strict=True):
                args.file = path
                try:
                    with _silenced(writing.quiet):
                        runs.append(_run_one(command, args, writing, target, memory))
                except UsageError as error:  # this file cannot be read, or its output written: named, and the next
                    _say_error(error, lang)
                    unwritten = isinstance(error, UnwrittenError)
                    runs.append(Run(EXIT_USAGE, 0, written=False) if unwritten else Run(EXIT_USAGE, 0, read=False))
                _unplaced(outputs, targets, runs, lang)
    finally:
        _unplaced(outputs, targets, runs, lang)  # those put in place as the run ends, even when it is stopped
    if not writing.quiet:
        print(total_line(command.title, runs, lang), file=sys.stderr)
    return max(run.status for run in runs)


def _say_error(error: UsageError, lang: str) -> None:
    print(f"srank: {in_language(error.said, lang)}", file=sys.stderr)


def _unplaced(outputs: Outputs, targets: Sequence[str | None], runs: list[Run], lang: str) -> None:
    """Say each output that was written but could not be put in place (its sync failed), and count its file as
    one whose output failed: not written, and none of its rows in the total, as when a write fails."""
    for name, error in outputs.unplaced:
        _say_error(error, lang)
        at = targets.index(name)
        if at < len(runs):
            runs[at] = attrs.evolve(runs[at], status=EXIT_USAGE, rows=0, written=False)
    outputs.unplaced.clear()


@attrs.frozen
class Run:
    """What one input gave: its exit status and its rows."""

    status: int
    rows: int
    read: bool = True
    written: bool = True


def total_line(title: str, runs: Sequence[Run], lang: str) -> str:
    """The last line of a run over several files: the files and rows, and how many passed, failed, were not read."""
    counts = (
        ("cli.files-passed", sum(run.read and run.written and run.status == EXIT_OK for run in runs)),
        ("cli.files-failed", sum(run.read and run.written and run.status != EXIT_OK for run in runs)),
        ("cli.files-unread", sum(not run.read for run in runs)),
        ("cli.files-unwritten", sum(not run.written for run in runs)),
    )
    parts = [say_count(key, count) for key, count in counts if count]
    said = say(
        "cli.total",
        command=title,
        files=say_count("cli.count-files", len(runs)),
        rows=say_count("cli.count-rows", sum(run.rows for run in runs)),
        verdicts=say("list.separator").join(in_language(part, lang) for part in parts),
    )
    return in_language(said, lang)


@contextlib.contextmanager
def _silenced(quiet: bool) -> Iterator[None]:
    """-q: nothing on stderr but an error that stops a file (raised, and said by the caller)."""
    if not quiet:
        yield
        return
    with contextlib.redirect_stderr(io.StringIO()):
        yield


def _run_one(
    command: TableCommand[Any],
    args: argparse.Namespace,
    writing: Writing,
    target: str | None,
    memory: RunMemory | None = None,
) -> Run:
    long = command.layout == "long"
    args.output = target
    lang = spoken(args)
    with command.open(args) as table:
        checks = command.checks(args, table)
        for check in checks:
            check.lang = lang
        added = _name_columns(table.name, table.header, checks, long, lang, said=writing.rows)
        line: Callable[[int], str] | None = None
        if writing.problems_only:
            name = _LINE + free_suffix(table.header, [_LINE, *added])
            added = [name, *added]
        fmt = row_format(table.output_format(writing.format, added), writing, table.header, target)
        if writing.problems_only:
            line = _line_cell(fmt, name)
        tally = Tally(written=writing.rows)
        with rows_sink(target, writing) as sink:
            sink.write(fmt.header(table.header, table.header_raw, added))
            reads = (command.reads, lang)
            _write_rows(table.records, fmt, checks, table.width, sink, tally, reads, long, line, memory)
    said = colon(lang)
    head = f"{command.title}{said}{table.name}{said}{in_language(command.headline(tally, checks), lang)}"
    lenient = getattr(args, "lenient", False)
    notes = [*table.notes, *fmt.notes(tally.rows_out, writing.lang)]
    text, found = summarise(head, command.joiner, tally, checks, lenient, table.records.unit, notes, lang)
    print(text, file=sys.stderr)
    return Run(command.exit_status(found, checks), tally.rows)


def _line_cell(fmt: Format, name: str) -> Callable[[int], str]:
    names = (name,)
    return lambda line: fmt.values(names, (line,))


def _name_columns(
    source: str, header: Sequence[str], checks: Sequence[Check], long: bool, lang: str = "en", *, said: bool = True
) -> list[str]:
    """Each check's output names: its prefix and columns, and one suffix (.2, .3 ...) if the input has them already.

    Returns the columns srank adds: every check's, or in the long layout the one set they share. The suffix is
    ``said`` on stderr when rows are written (not under --summary-only or -q, which write no column).
    """
    plain = [check.prefix + column for check in checks for column in check.columns]
    suffix = free_suffix(header, plain)
    for check in checks:
        check.names = tuple(check.prefix + column + suffix for column in check.columns)
    if suffix and said:  # checked output checked again
        print(f"srank: {in_language(say('cli.table.new-suffix', source=source, suffix=suffix), lang)}", file=sys.stderr)
    if not long:
        return [name for check in checks for name in check.names]
    if any(check.names != checks[0].names for check in checks):
        raise AssertionError("the checks of a long table must share their columns")
    return list(checks[0].names)


def _write_rows(
    records: Rows,
    fmt: Format,
    checks: Sequence[Check],
    width: int,
    sink: Sink,
    tally: Tally,
    reads: tuple[str, str],
    long: bool,
    line: Callable[[int], str] | None = None,
    memory: RunMemory | None = None,
) -> None:
    """The one writer loop: each row's own cells, then the prepared text of each of its output rows.

    With ``line`` (``--problems-only``), only the rows a verdict flags are
    written, each with ``line(its number)`` before srank's cells.
    """
    caches = [Cache(check, fmt.values, lambda: records.line, _shared(memory, check, fmt)) for check in checks]
    prepared, kept = _row_cache(caches, long, memory, fmt)
    every = line is None
    number = line or _no_number
    key_of = prepared.key
    blank = [""] * width
    row_text = fmt.row
    chunk: list[str] = []
    add = chunk.append
    rows = extra = flagged = 0  # rows read; output rows beyond one per row read; rows written by --problems-only
    for row, raw in records:
        rows += 1
        if len(row) == width and type(row) is list:
            key = key_of(row)
            entry = prepared[key]
            if not entry[1] and kept:  # met for the first time in this file
                prepared.seen(key, entry)
            entry[1] += 1
            fragments = entry[0]
            if not every:
                if entry[3]:
                    shown = number(records.line)
                    chunk += fmt.rows(row, raw, [shown + fragment for fragment in fragments])
                    flagged += len(fragments)
            elif len(fragments) == 1:  # most rows: one output row
                add(row_text(row, raw, fragments[0]))
            else:
                extra += len(fragments) - 1
                _expand(row, raw, fragments, fmt, chunk, sink)
        elif not row:  # a blank line: kept as a row whose checked cells are empty, never a problem of its own
            tally.blank_lines += 1
            fragments = _count(prepared, key_of(blank), kept)[0]
            if every:
                extra += len(fragments) - 1
                chunk += (fmt.unread(blank, raw, width, fragment) for fragment in fragments)
        else:
            message = prepared.unread(_malformed(row, width, records, reads, tally, checks))
            add(fmt.unread(row, raw, width, number(records.line) + message))
            flagged += 1
        if len(chunk) >= _CHUNK_ROWS:
            sink.writelines(chunk)
            chunk.clear()
    sink.writelines(chunk)
    prepared.settle() if kept else prepared.finish()
    tally.rows, tally.rows_out = rows, (rows + extra if every else flagged)


def _no_number(line: int) -> str:
    return ""


def _count(prepared: Any, key: Any, kept: bool) -> Any:
    """The cache entry of a row's key, counted once more (and its first line noted, for a cache kept across files)."""
    entry = prepared[key]
    if not entry[1] and kept:
        prepared.seen(key, entry)
    entry[1] += 1
    return entry


def _shared(memory: RunMemory | None, check: Check, fmt: Format) -> Prepared | None:
    return None if memory is None else memory.prepared.setdefault((check.identity, fmt.rendering), {})


def _row_cache(caches: Sequence[Cache], long: bool, memory: RunMemory | None, fmt: Format) -> tuple[Any, bool]:
    """The row cache of this file, and whether it goes on to the run's next file (one check, the same column)."""
    if long:
        return StackedRows(caches), False
    if memory is None or len(caches) != 1:
        return RowCache(caches), False
    check = caches[0].check
    rows = memory.rows.get((check.identity, fmt.rendering, check.indexes))
    if rows is None:
        rows = memory.rows[(check.identity, fmt.rendering, check.indexes)] = RowCache(caches)
    else:
        rows.rebind(caches)
    return rows, True


def _malformed(
    row: list[str], width: int, records: Rows, reads: tuple[str, str], tally: Tally, checks: Sequence[Check]
) -> str:
    """A row whose cells could not be read: counted, and the message srank's cells give it, in the run's language.

    ``reads`` is what a row's checked cells hold ("rank", "distribution", "taxon") and the language.
    """
    what, lang = reads
    if isinstance(row, Unread):
        why, kind = row.problem, row.problem
    else:
        why, kind = say_count("cli.table.wrong-width", len(row), width=width), say("cli.table.wrong-number-of-fields")
    tally.add_unread(kind, records.line)
    where = say(f"cli.unit.{records.unit}", number=records.line)
    said = say(f"cli.table.malformed-{what}", where=where, why=why)
    delimiter = getattr(records, "delimiter", "")
    if what == "rank" and not isinstance(row, Unread) and delimiter in (",", ";"):
        split = _split_code(row, width, [(at, check.lenient) for check in checks for at in check.indexes], delimiter)
        if split is not None:
            said = say("cli.table.comma-in-code", said=said, code=split)
    return problem_line("error", "malformed-row", said, lang=lang)


def _split_code(row: list[str], width: int, columns: Sequence[tuple[int, bool]], delimiter: str) -> str | None:
    """A multi-season code that a row too long holds unquoted in a rank column, split at the file's delimiter (S2B |
    S4N), when joining its parts gives the row the header's width: the code as the file writes it; or None. Each
    column is read as its check reads (lenient or not); the parts are read joined by a comma, as a code joins them."""
    from .._parse import parse  # a malformed row only: the run's judging has usually loaded it already

    extra = len(row) - width
    for at, lenient in columns:
        cells = [cell.strip() for cell in row[at : at + extra + 1]]
        if extra < 1 or len(cells) != extra + 1 or not all(cells) or sum(map(len, cells)) > 40:
            continue
        joined = ",".join(cells)
        try:
            rank = parse(joined, lenient=lenient)
        except InvalidRankError:
            continue
        # S2B,S4N (s2b,s4n when lenient: its only findings are the notes of reading it so); not S2,S2 (two cells).
        if isinstance(rank, MultiSeasonRank) and all(finding in rank.notes for finding in rank.findings):
            return delimiter.join(cells)
    return None


def _expand(
    row: list[str], raw: str | None, fragments: Sequence[str], fmt: Format, chunk: list[str], sink: Sink
) -> None:
    """One row's many output rows (a distribution's places), written out as they pile up, not all at the end."""
    if raw is not None and len(raw) * len(fragments) < _CHUNK_CHARS:  # a few short rows: all at once
        chunk += fmt.rows(row, raw, fragments)
        return
    chars = 0
    for fragment in fragments:
        text = fmt.row(row, raw, fragment)
        chunk.append(text)
        chars += len(text)
        if chars >= _CHUNK_CHARS:
            sink.writelines(chunk)
            chunk.clear()
            chars = 0
