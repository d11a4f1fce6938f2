"""``srank check``: read the records, append each check's cells, write every row, summarise.

Rows in equal rows out, in order. A row of the wrong width, or one whose
quoting cannot be read, is kept (padded, extra cells after srank's) with its
problem named in each rank column's message.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .._model import Level
from ._arguments import ColumnSpec, UsageError
from ._checks import Cache, Check, ColumnCheck, LevelsCheck, RoundedCheck, RowCache, output_names, say_if_renamed
from ._codes import check_label_options
from ._formats import Format
from ._output import Sink, output
from ._records import Records, Unread
from ._summary import Tally, summarise
from ._table import SheetRecords, Table, open_table

__all__ = ["run_check"]

EXIT_OK, EXIT_INVALID = 0, 1
_CHUNK = 4096  # rows per write


def run_check(args: argparse.Namespace) -> int:
    specs = _column_specs(args)
    if not specs and not args.rounded:
        raise UsageError("name a rank column: --column NAME (or --global-column, --national-column, ...)")
    check_label_options(args.style, args.lang)
    wanted = [spec.name for spec in specs] + [column for pair in args.rounded for column in pair]
    with open_table(args, wanted) as table:
        return _check(args, specs, table)


def _column_specs(args: argparse.Namespace) -> list[ColumnSpec]:
    """The rank columns to check: --column ones, then the level columns, each once."""
    specs: dict[str, ColumnSpec] = {}
    for spec in args.column:
        if spec.name in specs and specs[spec.name] != spec:
            raise UsageError(f"--column {spec.name!r} is given twice with different levels")
        specs[spec.name] = spec
    for option, level in _LEVEL_OPTIONS.items():
        column = getattr(args, option)
        if column is None:
            continue
        given = specs.get(column)
        if given is not None and given.level not in (None, level):
            earlier = next(
                (f"--{other.replace('_', '-')}" for other in _LEVEL_OPTIONS if getattr(args, other) == column),
                f"--column {column}:{given.level.value}",
            )
            raise UsageError(f"{column!r} is given as --{option.replace('_', '-')} and as {earlier}; choose one")
        specs[column] = ColumnSpec(column, level)
    return list(specs.values())


_LEVEL_OPTIONS = {
    "global_column": Level.GLOBAL,
    "national_column": Level.NATIONAL,
    "subnational_column": Level.SUBNATIONAL,
}


def _check(args: argparse.Namespace, specs: Sequence[ColumnSpec], table: Table) -> int:
    where, header, name = table, table.header, table.name
    specs = sorted(specs, key=lambda spec: where.index(spec.name))  # srank's columns follow the header's order
    levels = {spec.level: spec.name for spec in specs if _is_level_column(args, spec)}
    column_names, level_names, rounded_names, suffix = output_names(header, specs, len(levels) >= 2, args.rounded)
    checks: list[Check] = [
        ColumnCheck(spec, where.index(spec.name), names, args.lenient, args.style, args.lang)
        for spec, names in zip(specs, column_names, strict=True)
    ]
    if len(levels) >= 2:
        checks.append(
            LevelsCheck(
                {level: where.index(column) for level, column in levels.items() if level}, level_names, args.lenient
            )
        )
    elif levels and (args.global_column or args.national_column or args.subnational_column):
        print(
            f"srank: {name}: cross-level checks need two of --global-column, --national-column and"
            " --subnational-column; with one, its column is only checked for its level",
            file=sys.stderr,
        )
    for (raw, stored), names in zip(args.rounded, rounded_names, strict=True):
        checks.append(RoundedCheck(raw, stored, (where.index(raw), where.index(stored)), names, args.lenient))
    added = [column for check in checks for column in check.names]
    fmt = table.output_format(args.format, added)
    say_if_renamed(name, suffix)
    tally = Tally()
    with output(args.output) as sink:
        sink.write(fmt.header(header, table.header_raw, added))
        _write_rows(table.records, fmt, checks, len(header), sink, tally)
    text, invalid = summarise(tally, checks, name, args.lenient, table.records.unit)
    print(text, file=sys.stderr)
    return EXIT_INVALID if invalid else EXIT_OK


def _is_level_column(args: argparse.Namespace, spec: ColumnSpec) -> bool:
    return any(getattr(args, option) == spec.name for option in _LEVEL_OPTIONS)


def _write_rows(
    records: Records | SheetRecords, fmt: Format, checks: Sequence[Check], width: int, sink: Sink, tally: Tally
) -> None:
    """The one writer loop: each row's own cells, then the prepared text for its combination of checked cells."""
    line: Callable[[], int] = lambda: records.line  # noqa: E731
    prepared = RowCache([Cache(check, fmt.values, line) for check in checks])
    key_of = prepared.key
    blank = [""] * width
    row_text = fmt.row
    chunk: list[str] = []
    add = chunk.append
    rows = 0
    for row, raw in records:
        rows += 1
        if len(row) == width and type(row) is list:
            entry = prepared[key_of(row)]
            entry[1] += 1
            add(row_text(row, raw, entry[0]))
        elif not row:  # a blank line: kept as a row with no rank
            tally.blank_lines += 1
            entry = prepared[key_of(blank)]
            entry[1] += 1
            add(fmt.unread(blank, raw, width, entry[0]))
        else:
            if isinstance(row, Unread):
                why, kind = row.problem, row.problem
            else:
                why, kind = f"has {len(row)} fields, the header has {width}", "wrong number of fields"
            tally.add_unread(kind, records.line)
            message = f"error[malformed-row]: {records.unit} {records.line} {why}; the rank was not read"
            add(
                fmt.unread(row, raw, width, "".join(fmt.values(check.names, check.unread(message)) for check in checks))
            )
        if len(chunk) >= _CHUNK:
            sink.writelines(chunk)
            chunk.clear()
    sink.writelines(chunk)
    prepared.finish()
    tally.rows = rows
