"""``srank map``: a distribution as an SVG tile map; or, from a table, one map per row into a folder.

A distribution given as text, or in a file, gives one SVG (``-o FILE`` or
stdout). A CSV, TSV or workbook with ``--column`` and ``--key`` gives one SVG
per row, named from the row's key cell: made safe as a file name (no folder
part, no hidden or reserved name), and numbered when two keys give the same
name. Every row either gets its map or is named in the summary with the reason
it has none. Tables are read by ``open_table``, as for ``srank check``; each
file is written atomically, as ``-o`` is.
"""

from __future__ import annotations

import argparse
import os
import re
import stat
import sys
import unicodedata
from pathlib import Path

import attrs

from .._batch import message_of
from .._distribution import Distribution
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError, clipped
from .._findings import joined
from .._parse import is_missing
from .._svg import map_svg
from ._arguments import UsageError, input_options, lenient_option, output_option
from ._codes import check_label_options
from ._command import Command
from ._output import output, same_file
from ._records import Unread
from ._sources import decode_error_message, open_input
from ._status import EXIT_FOUND, EXIT_OK
from ._summary import plural
from ._table import open_table

__all__ = ["COMMAND", "MapCommand", "safe_name"]

_NAME_BYTES = 150  # a file name's stem at most, in UTF-8, leaving room for "-2.svg" under every filesystem's 255
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}


def safe_name(key: str) -> str:
    """A file name's stem from a key cell: letters, digits, ``-``, ``_`` and ``.``; "" when nothing is left.

    Anything else (``/``, ``\\``, spaces, control characters) becomes ``_``; a
    leading dot, dash or underscore goes, so no name is hidden, an option, or
    ``..``; Windows' reserved names (``CON``, ``NUL``, ``COM1`` ...) get a ``_``.
    """
    text = unicodedata.normalize("NFC", key)
    name = "".join(char if char.isalnum() or char in "-_." else "_" for char in text)
    name = re.sub(r"\.{2,}", ".", re.sub(r"_{2,}", "_", name)).strip("._-")
    while len(name.encode("utf-8")) > _NAME_BYTES:
        name = name[:-1].rstrip("._-")
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    return name


class MapCommand(Command):
    name = "map"
    description = (
        "Draw a distribution (Explorer or Biotics format) as an SVG tile map: a square per state, province and"
        " territory coloured by its rounded rank, the national ranks and a legend beside it, and the places"
        " without a tile listed under it. With --column and --key, draw one map per row of a CSV, TSV or .xlsx"
        " file into the folder -o DIR, each named from its row's key; rows that cannot be drawn are named in the"
        " summary (exit status 1)."
    )
    examples = (
        ("srank map 'United States (N5): MD (S3), VA (S4)' -o map.svg", "one map, from the text"),
        ("srank map distribution.txt --season B --lang fr -o map.svg", "the breeding ranks, in French"),
        (
            "srank map export.csv --column Distribution --key 'Scientific Name' -o maps/",
            "one map per row: maps/Hydrastis_canadensis.svg ...",
        ),
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "source",
            metavar="TEXT_OR_FILE",
            help="a distribution, a file holding one, or with --column a CSV, TSV or .xlsx file; - for stdin",
        )
        parser.add_argument(
            "--output",
            "-o",
            type=output_option,
            metavar="PATH",
            help="the SVG file (default: stdout); with --column, the folder of the maps",
        )
        parser.add_argument("--column", "-c", metavar="NAME", help="the distribution column: one map per row")
        parser.add_argument("--key", "-k", metavar="NAME", help="with --column: the column that names each map")
        parser.add_argument(
            "--season", choices=("B", "N", "M"), help="show that season's rank (default: each part of a tile)"
        )
        parser.add_argument("--lang", default="en", help="language of the map's words (default: en)")
        parser.add_argument(
            "--title", metavar="TEXT", help="the map's title; with --column, {key} stands for the key (default: it)"
        )
        lenient_option(parser, partial=True)
        input_options(parser)

    def run(self, args: argparse.Namespace) -> int:
        check_label_options("short", args.lang)
        if args.column is None:
            if args.key is not None:
                raise UsageError("--key names the maps of a table's rows: give the distribution column with --column")
            return _one_map(args)
        return _map_per_row(args)


def _one_map(args: argparse.Namespace) -> int:
    text, where = _distribution_text(args)
    try:
        dist = parse_distribution(text, lenient=args.lenient)
    except InvalidRankError as error:
        if where != "the text":
            hint = " (for a table, give --column and --key)" if "\n" in text else ""
        else:
            hint = f" (and there is no file {clipped(text)!r})" if "(" not in text else ""
        print(f"srank map: {where}: no map: {message_of(error)}{hint}", file=sys.stderr)
        return EXIT_FOUND
    if not dist.records:
        print(f"srank map: {where}: no map: {_nothing(dist)}", file=sys.stderr)
        return EXIT_FOUND
    svg = map_svg(dist, season=args.season, lang=args.lang, title=args.title)
    with output(args.output) as sink:
        sink.write(svg)
    written = "stdout" if args.output in (None, "-") else args.output
    notes = f"; {joined(dist.notes)}" if dist.notes else ""
    print(f"srank map: {where}: {plural(len(dist.records), 'place')} drawn to {written}{notes}", file=sys.stderr)
    return EXIT_OK


def _distribution_text(args: argparse.Namespace) -> tuple[str, str]:
    """The distribution and where it came from: stdin, a file's text, or the argument itself."""
    source = args.source
    if source != "-" and os.path.isdir(source):
        raise UsageError(f"{source} is a folder: give a distribution, or a file holding one")
    if source != "-" and not os.path.isfile(source):
        return source, "the text"
    if source != "-" and args.output not in (None, "-") and same_file(source, args.output):
        raise UsageError(f"--output {args.output} is the input file; srank never modifies its input")
    opened = open_input(source, args.encoding)
    if opened.binary is not None:
        opened.binary.close()
        raise UsageError(f"{opened.name} is a workbook: give --column and --key to draw one map per row")
    assert opened.text is not None
    try:
        text = opened.text.read()
    except UnicodeDecodeError as error:
        raise UsageError(decode_error_message(opened.name, source, opened.encoding, error, 0)) from None
    finally:
        if source == "-":
            opened.text.detach()
        else:
            opened.text.close()
    return text.strip(), opened.name


def _nothing(dist: Distribution) -> str:
    return joined(dist.notes, place=False) if dist.notes else "the distribution is empty"


@attrs.define
class _Run:
    """What a table's maps came to, for the summary."""

    folder: Path
    rows: int = 0
    written: int = 0
    taken: dict[str, str] = attrs.field(factory=dict)  # a name, case-folded -> the file name given
    not_drawn: list[str] = attrs.field(factory=list)
    numbered: list[str] = attrs.field(factory=list)
    noted: list[str] = attrs.field(factory=list)

    def file_for(self, key: str) -> tuple[str, str]:
        """The file name for ``key`` ("" if it gives none), and the name it would have had if that was taken.

        Names are compared case-folded, as a Windows or macOS folder would.
        """
        stem = safe_name(key)
        if not stem:
            return "", ""
        first = name = f"{stem}.svg"
        number = 1
        while name.casefold() in self.taken:
            number += 1
            name = f"{stem}-{number}.svg"
        self.taken[name.casefold()] = name
        return name, first if name != first else ""


def _map_per_row(args: argparse.Namespace) -> int:
    if args.key is None:
        raise UsageError("--column draws one map per row: name the column that names each map with --key")
    if args.output in (None, "-"):
        raise UsageError("--column draws one map per row: name the folder to write them in with -o DIR")
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--output {args.output} is a file; with --column, name a folder")
    args.file = args.source
    with open_table(args, [args.column, args.key]) as table:
        column, key_column = table.index(args.column), table.index(args.key)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(f"cannot make the folder {args.output}: {error.strerror or error}") from None
        run = _Run(folder)
        width, unit, records = len(table.header), table.records.unit, table.records
        for row, _ in records:
            run.rows += 1
            where = f"{unit} {records.line:,}"
            if isinstance(row, Unread):
                run.not_drawn.append(f"{where}: {row.problem}")
            elif not row:
                run.not_drawn.append(f"{where}: a blank line")
            elif len(row) != width:
                run.not_drawn.append(f"{where}: has {len(row)} fields, the header has {width}")
            else:
                _draw(args, run, where, row[key_column].strip(), row[column])
    return _summary(args, table.name, run)


def _draw(args: argparse.Namespace, run: _Run, where: str, key: str, cell: str) -> None:
    shown = f"{where} ({clipped(key)!r})" if key else where
    if is_missing(cell):
        run.not_drawn.append(f"{shown}: the distribution is empty")
        return
    try:
        dist = parse_distribution(cell, lenient=args.lenient)
    except InvalidRankError as error:
        run.not_drawn.append(f"{shown}: {message_of(error)}")
        return
    if not dist.records:
        run.not_drawn.append(f"{shown}: {_nothing(dist)}")
        return
    name, numbered = run.file_for(key)
    if not name:
        why = "the key is empty" if not key else "the key gives no file name (it has no letter or digit)"
        run.not_drawn.append(f"{shown}: {why}")
        return
    path = run.folder / name
    if _not_a_file(path):
        run.not_drawn.append(f"{shown}: {path} exists and is not a regular file; it is left alone")
        return
    title = key if args.title is None else args.title.replace("{key}", key)
    svg = map_svg(dist, season=args.season, lang=args.lang, title=title)
    with output(str(path)) as sink:
        sink.write(svg)
    run.written += 1
    if numbered:
        run.numbered.append(f"{shown}: written as {name}, as another row's key gave {numbered}")
    if dist.notes:
        run.noted.append(f"{shown}: {joined(dist.notes, place=False)}")


def _not_a_file(path: Path) -> bool:
    """A symlink (which could lead out of the folder) or anything else that is not a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _summary(args: argparse.Namespace, name: str, run: _Run) -> int:
    lines = [
        f"srank map: {name}: {plural(run.rows, 'row')}, {plural(run.written, 'map')} written to {args.output}"
        + (f", {len(run.not_drawn):,} not drawn" if run.not_drawn else "")
    ]
    for heading, entries in (
        ("not drawn", run.not_drawn),
        ("numbered", run.numbered),
        ("drawn without what could not be read", run.noted),
    ):
        if entries:
            lines.append(f"  {heading}:")
            lines += [f"    {entry}" for entry in entries]
    print("\n".join(lines), file=sys.stderr)
    return EXIT_FOUND if run.not_drawn else EXIT_OK


COMMAND = MapCommand()
