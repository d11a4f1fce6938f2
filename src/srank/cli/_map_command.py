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

from .._distribution import Distribution
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError, clipped
from .._findings import Finding, colon, joined, separator
from .._messages import Message, in_language, say, say_count
from .._parse import is_missing
from .._svg import map_svg, off_the_map
from ._arguments import UsageError, input_options, lang_option, lenient_option, output_option
from ._codes import check_label_options
from ._command import Command
from ._hints import cli_message_of
from ._output import Outputs, feeds_back, many_outputs, output
from ._reasons import os_reason
from ._records import Unread
from ._sources import decode_error_message, open_input
from ._status import EXIT_FOUND, EXIT_OK
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

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "source",
            metavar="TEXT_OR_FILE",
            help=say("cli.map.help-source"),
        )
        parser.add_argument(
            "--output",
            "-o",
            type=output_option,
            metavar="PATH",
            help=say("cli.map.help-output"),
        )
        parser.add_argument("--column", "-c", metavar="NAME", help=say("cli.map.help-column"))
        parser.add_argument("--key", "-k", metavar="NAME", help=say("cli.map.help-key"))
        parser.add_argument("--season", type=str.upper, choices=("B", "N", "M"), help=say("cli.map.help-season"))
        lang_option(parser)
        parser.add_argument("--title", metavar="TEXT", help=say("cli.map.help-title", field="{key}"))
        lenient_option(parser, partial=True)
        input_options(parser)

    def run(self, args: argparse.Namespace) -> int:
        check_label_options("short", args.lang)
        if args.column is None:
            if args.key is not None:
                raise UsageError(say("cli.map.key-without-column"))
            return _one_map(args)
        return _map_per_row(args)


def _one_map(args: argparse.Namespace) -> int:
    text, where = _distribution_text(args)
    lang = args.lang
    head = f"srank map{colon(lang)}"
    try:
        dist = parse_distribution(text, lenient=args.lenient)
    except InvalidRankError as error:
        hint: str = ""
        if isinstance(where, Message):  # the text itself
            hint = say("cli.map.hint-no-file", name=clipped(text)) if "(" not in text else ""
        elif "\n" in text:
            hint = say("cli.map.hint-table")
        said = in_language(say("cli.map.no-map", where=where, problem=cli_message_of(error, lang), hint=hint), lang)
        if not args.lenient and _lenient_draws(text):
            said += in_language(say("cli.map.lenient-would-draw"), lang)
        print(head + said, file=sys.stderr)
        return EXIT_FOUND
    if not dist.records:
        print(
            head + in_language(say("cli.map.no-map", where=where, problem=_nothing(dist, lang), hint=""), lang),
            file=sys.stderr,
        )
        return EXIT_FOUND
    svg = map_svg(dist, season=args.season, lang=args.lang, title=args.title)
    with output(args.output) as sink:
        sink.write(svg)
    written = "stdout" if args.output in (None, "-") else args.output
    off = len(off_the_map(dist))
    findings = _drawing_findings(dist)
    notes = in_language(say_count("cli.map.off-the-map", off), lang) if off else ""
    notes += separator(lang) + joined(findings, lang=lang) if findings else ""
    said = say_count("cli.map.drawn", len(dist.records), where=where, written=written, notes=notes)
    print(head + in_language(said, lang), file=sys.stderr)
    return EXIT_OK


def _distribution_text(args: argparse.Namespace) -> tuple[str, str]:
    """The distribution and where it came from: stdin, a file's text, or the argument itself (a message)."""
    source = args.source
    if source != "-" and os.path.isdir(source):
        raise UsageError(say("cli.map.folder-source", source=source))
    if source != "-" and not os.path.isfile(source):
        return source, say("cli.map.the-text")
    if feeds_back(source, args.output):
        if args.output not in (None, "-"):
            raise UsageError(say("cli.table.output-is-input", output=args.output))
        raise UsageError(say("cli.table.stdout-is-input", file=source))
    opened = open_input(source, args.encoding)
    if opened.binary is not None:
        opened.binary.close()
        raise UsageError(say("cli.map.workbook-source", name=opened.name))
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


def _lenient_draws(text: str) -> bool:
    """Whether --lenient would draw a map of ``text``, which strict reading refused: the hint a run then gives."""
    try:
        return bool(parse_distribution(text, lenient=True).records)
    except InvalidRankError:
        return False


def _drawing_findings(dist: Distribution) -> tuple[Finding, ...]:
    """What the map cannot show as the distribution says it: text lenient reading skipped, and each place's
    findings (a place srank does not know has no tile, and is listed off the map; a rank that could not be read
    shows as "?")."""
    return (*dist.notes, *(finding for record in dist.records for finding in record.notes))


def _nothing(dist: Distribution, lang: str) -> str:
    return joined(dist.notes, place=False, lang=lang) if dist.notes else in_language(say("cli.map.empty"), lang)


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
    lang: str = "en"

    def say(self, text: str) -> str:
        """``text`` (a message) in the run's language."""
        return in_language(text, self.lang)

    def entry(self, where: str, what: str) -> str:
        """One line of the summary: where, then what happened, in the run's language."""
        return f"{where}{colon(self.lang)}{self.say(what)}"

    def file_for(self, key: str) -> tuple[str, str]:
        """The file name for ``key`` ("" if it gives none), and, when another row's key took the name it would
        have had, that file's name as written ("Hydrastis_canadensis.svg" for "hydrastis_CANADENSIS.svg").

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
        return name, self.taken[first.casefold()] if name != first else ""


def _map_per_row(args: argparse.Namespace) -> int:
    if args.key is None:
        raise UsageError(say("cli.map.need-key"))
    if args.output in (None, "-"):
        raise UsageError(say("cli.map.need-folder"))
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(say("cli.map.output-is-file", output=args.output))
    if not folder.exists() and folder.suffix.lower() in (".svg", ".html", ".htm"):  # meant one map, not a folder
        named = say(
            "cli.map.output-named-file", output=args.output, suffix=folder.suffix, folder=folder.with_suffix("")
        )
        raise UsageError(named)
    args.file = args.source
    with open_table(args, [args.column, args.key]) as table, many_outputs() as outputs:
        column, key_column = table.index(args.column), table.index(args.key)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UsageError(say("cli.cannot-make-folder", path=args.output, reason=os_reason(error))) from None
        run = _Run(folder, lang=args.lang)
        width, unit, records = len(table.header), table.records.unit, table.records
        for row, _ in records:
            run.rows += 1
            where = run.say(say(f"cli.map.where-{unit}", number=records.line))
            if isinstance(row, Unread):
                run.not_drawn.append(run.entry(where, row.problem))
            elif not row:
                run.not_drawn.append(run.entry(where, say("cli.map.blank-line")))
            elif len(row) != width:
                run.not_drawn.append(run.entry(where, say_count("cli.table.wrong-width", len(row), width=width)))
            else:
                _draw(args, run, where, row[key_column].strip(), row[column])
                _stop_if_unplaced(outputs, run.lang)
    _stop_if_unplaced(outputs, run.lang)  # the last maps, put in place as the block ends
    return _summary(args, table.name, run)


def _stop_if_unplaced(outputs: Outputs, lang: str) -> None:
    """Maps written whose sync failed: each named, and the run stopped, as a failed write stops it."""
    if not outputs.unplaced:
        return
    *before, (_, last) = outputs.unplaced
    for _, error in before:
        print(f"srank: {in_language(error.said, lang)}", file=sys.stderr)
    raise last


def _draw(args: argparse.Namespace, run: _Run, where: str, key: str, cell: str) -> None:
    shown = run.say(say("cli.map.where-key", where=where, key=clipped(key))) if key else where
    if is_missing(cell):
        run.not_drawn.append(run.entry(shown, say("cli.map.empty")))
        return
    try:
        dist = parse_distribution(cell, lenient=args.lenient)
    except InvalidRankError as error:
        said = cli_message_of(error, run.lang)
        if not args.lenient and _lenient_draws(cell):
            said += run.say(say("cli.map.lenient-would-draw"))
        run.not_drawn.append(run.entry(shown, said))
        return
    if not dist.records:
        run.not_drawn.append(run.entry(shown, _nothing(dist, run.lang)))
        return
    name, numbered = run.file_for(key)
    if not name:
        run.not_drawn.append(run.entry(shown, say("cli.map.key-empty" if not key else "cli.map.key-no-name")))
        return
    path = run.folder / name
    if _not_a_file(path):
        run.not_drawn.append(run.entry(shown, say("cli.map.not-a-file", path=str(path))))
        return
    title = key if args.title is None else args.title.replace("{key}", key)
    svg = map_svg(dist, season=args.season, lang=args.lang, title=title)
    with output(str(path)) as sink:
        sink.write(svg)
    run.written += 1
    if numbered:
        run.numbered.append(run.entry(shown, say("cli.map.numbered-as", name=name, numbered=numbered)))
    findings = _drawing_findings(dist)
    if findings:
        run.noted.append(run.entry(shown, joined(findings, lang=run.lang)))  # each place named


def _not_a_file(path: Path) -> bool:
    """A symlink (which could lead out of the folder) or anything else that is not a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _summary(args: argparse.Namespace, name: str, run: _Run) -> int:
    said = colon(run.lang)
    counts = [say_count("cli.count-rows", run.rows), say_count("cli.map.maps-written", run.written, output=args.output)]
    if run.not_drawn:
        counts.append(say_count("cli.map.not-drawn-count", len(run.not_drawn)))
    lines = [f"srank map{said}{name}{said}" + ", ".join(map(run.say, counts))]
    for heading, entries in (
        ("cli.map.heading-not-drawn", run.not_drawn),
        ("cli.map.heading-numbered", run.numbered),
        ("cli.map.heading-noted", run.noted),
    ):
        if entries:
            lines.append(f"  {run.say(say(heading))}{said.rstrip()}")
            lines += [f"    {entry}" for entry in entries]
    print("\n".join(lines), file=sys.stderr)
    return EXIT_FOUND if run.not_drawn else EXIT_OK


COMMAND = MapCommand()
