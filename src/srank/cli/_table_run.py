"""The one skeleton of every table command: open, name the columns, the row loop, the writer, the summary.

The rows come from the command's source: one file, or for ``srank diff`` the
joined rows of two. Rows in equal rows out, in order. A row gives one output row per row of its
verdict (one, or one per place), each its own cells followed by the checks'
cells. A row of the wrong width, or one whose quoting cannot be read, is kept
(padded, its extra cells after srank's) with its problem named in each
check's cells. Output goes out in chunks of rows; one row's many output rows
go out as they reach a bound in characters, so a row with 50,000 places
does not pile up in memory.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ._checks import Cache, Check, RowCache, StackedRows, free_suffix
from ._command import TableCommand
from ._formats import Format
from ._output import Sink, output
from ._records import Unread
from ._summary import Tally, summarise
from ._table import Rows

__all__ = ["run_table"]

_CHUNK_ROWS = 4096
_CHUNK_CHARS = 1 << 20


def run_table(command: TableCommand[Any], args: argparse.Namespace) -> int:
    command.prepare(args)
    long = command.layout == "long"
    with command.open(args) as table:
        checks = command.checks(args, table)
        added = _name_columns(table.name, table.header, checks, long)
        fmt = table.output_format(args.format, added)
        tally = Tally()
        with output(args.output) as sink:
            sink.write(fmt.header(table.header, table.header_raw, added))
            _write_rows(table.records, fmt, checks, table.width, sink, tally, command.reads, long)
    head = f"{command.title}: {table.name}: {command.headline(tally, checks)}"
    lenient = getattr(args, "lenient", False)
    text, found = summarise(head, command.joiner, tally, checks, lenient, table.records.unit, table.notes)
    print(text, file=sys.stderr)
    return command.exit_status(found, checks)


def _name_columns(source: str, header: Sequence[str], checks: Sequence[Check], long: bool) -> list[str]:
    """Each check's output names: its prefix and columns, and one suffix (.2, .3 ...) if the input has them already.

    Returns the columns srank adds: every check's, or in the long layout the one set they share.
    """
    plain = [check.prefix + column for check in checks for column in check.columns]
    suffix = free_suffix(header, plain)
    for check in checks:
        check.names = tuple(check.prefix + column + suffix for column in check.columns)
    if suffix:  # checked output checked again
        print(f"srank: {source} already has srank's column names; the new columns end in {suffix}", file=sys.stderr)
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
    reads: str,
    long: bool,
) -> None:
    """The one writer loop: each row's own cells, then the prepared text of each of its output rows."""
    caches = [Cache(check, fmt.values, lambda: records.line) for check in checks]
    prepared = StackedRows(caches) if long else RowCache(caches)
    key_of = prepared.key
    blank = [""] * width
    row_text = fmt.row
    chunk: list[str] = []
    add = chunk.append
    rows = extra = 0  # rows read; output rows beyond one per row read
    for row, raw in records:
        rows += 1
        if len(row) == width and type(row) is list:
            entry = prepared[key_of(row)]
            entry[1] += 1
            fragments = entry[0]
            if len(fragments) == 1:  # most rows: one output row
                add(row_text(row, raw, fragments[0]))
            else:
                extra += len(fragments) - 1
                _expand(row, raw, fragments, fmt, chunk, sink)
        elif not row:  # a blank line: kept as a row whose checked cells are empty
            tally.blank_lines += 1
            entry = prepared[key_of(blank)]
            entry[1] += 1
            extra += len(entry[0]) - 1
            for fragment in entry[0]:
                add(fmt.unread(blank, raw, width, fragment))
        else:
            if isinstance(row, Unread):
                why, kind = row.problem, row.problem
            else:
                why, kind = f"has {len(row)} fields, the header has {width}", "wrong number of fields"
            tally.add_unread(kind, records.line)
            message = f"error[malformed-row]: {records.unit} {records.line} {why}; the {reads} was not read"
            add(fmt.unread(row, raw, width, prepared.unread(message)))
        if len(chunk) >= _CHUNK_ROWS:
            sink.writelines(chunk)
            chunk.clear()
    sink.writelines(chunk)
    prepared.finish()
    tally.rows, tally.rows_out = rows, rows + extra


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
