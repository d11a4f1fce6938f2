"""The argument parser, and the checks of option values that argparse cannot make."""

from __future__ import annotations

import argparse

import attrs

from .. import __version__
from .._describe import STYLES
from .._model import Level

__all__ = [
    "COLUMNS",
    "DISTRIBUTION_COLUMNS",
    "ColumnSpec",
    "UsageError",
    "build_parser",
    "delimiter_option",
    "output_option",
]

COLUMNS = ("srank_valid", "srank_canonical", "srank_rounded", "srank_label", "srank_message")
DISTRIBUTION_COLUMNS = (
    "srank_nation",
    "srank_subnation",
    "srank_place",
    "srank_rank",
    "srank_rounded",
    "srank_label",
    "srank_message",
)
_LEVELS = {"G": Level.GLOBAL, "N": Level.NATIONAL, "S": Level.SUBNATIONAL, "T": Level.GLOBAL}


class UsageError(Exception):
    """A problem the user can fix; printed as one message, exit status 2."""


@attrs.frozen
class ColumnSpec:
    """A rank column to check, and the level its cells must have (None: any)."""

    name: str
    level: Level | None = None


def column_option(text: str) -> ColumnSpec:
    """``NAME`` or ``NAME:LEVEL``; a colon followed by anything but G, N, S or T is part of the name."""
    name, colon, level = text.rpartition(":")
    if colon and level.strip().upper() in _LEVELS and name:
        return ColumnSpec(name, _LEVELS[level.strip().upper()])
    if not text:
        raise argparse.ArgumentTypeError("the column name is empty")
    return ColumnSpec(text)


def rounded_option(text: str) -> tuple[str, str]:
    """``RAW=ROUNDED``: the column of raw ranks and the column of their stored rounded ranks."""
    raw, equals, rounded = text.partition("=")
    if not equals or not raw or not rounded:
        raise argparse.ArgumentTypeError(f"expected RAW=ROUNDED, two column names, not {text!r}")
    return raw, rounded


def output_option(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError("the output path is empty; name a file, or - for stdout")
    return text


def delimiter_option(value: str | None) -> str | None:
    if value is None:
        return None
    value = {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(value, value)
    if len(value) != 1 or value in "\r\n":
        raise UsageError(f"--delimiter must be one character (\\t for tab), not {value!r}")
    if value == '"':
        raise UsageError("--delimiter cannot be the quote character '\"', which csv uses to quote cells")
    return value


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a row number from 1, not {text!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="srank",
        description="Read NatureServe conservation status ranks (G5T1T3Q, S2B,S4N, GNR).",
        epilog="Exit status: 0 all codes valid, 1 some invalid, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"srank {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    explain = commands.add_parser("explain", help="describe each code", description="Describe each rank code.")
    explain.add_argument("codes", nargs="+", metavar="CODE")
    _label_options(explain)
    explain.add_argument("--json", action="store_true", help="one JSON object per code")
    explain.add_argument("--lenient", action="store_true", help="accept the spellings real data files use")
    explain.set_defaults(command="explain")

    rounded = commands.add_parser("round", help="print the rounded code of each code")
    rounded.add_argument("codes", nargs="+", metavar="CODE")
    rounded.add_argument("--lenient", action="store_true", help="accept the spellings real data files use")
    rounded.set_defaults(command="round")

    check = commands.add_parser(
        "check",
        help="check and decode the rank columns of a CSV, TSV or .xlsx file",
        description="Check and decode rank columns. Every row comes back, in order and as it was, with five"
        " columns appended per rank column: " + ", ".join(COLUMNS) + " (prefixed with the column's name when"
        " there are several). Blank cells, NA and N/A are missing, not errors. A row with the wrong number of"
        " fields is kept, padded, and named by its line number. A summary goes to stderr.",
    )
    check.add_argument("file", metavar="FILE", help="CSV, TSV or .xlsx file, or - for stdin")
    check.add_argument(
        "--column",
        "-c",
        action="append",
        default=[],
        type=column_option,
        metavar="NAME[:LEVEL]",
        help="a rank column; repeat for several. :G, :N or :S says which level its cells must have",
    )
    check.add_argument("--global-column", metavar="NAME", help="the column of each row's global (G or T) rank")
    check.add_argument("--national-column", metavar="NAME", help="the column of each row's national (N) rank")
    check.add_argument("--subnational-column", metavar="NAME", help="the column of each row's subnational rank")
    check.add_argument(
        "--rounded",
        action="append",
        default=[],
        type=rounded_option,
        metavar="RAW=ROUNDED",
        help="check that column ROUNDED holds the rounding of column RAW; repeatable",
    )
    check.add_argument("--lenient", action="store_true", help="accept the spellings real data files use")
    _label_options(check)
    _file_options(check)
    check.set_defaults(command="check")

    distribution = commands.add_parser(
        "distribution",
        help="write a distribution column (Explorer or Biotics) in long form, one row per place",
        description="Read each row's distribution string (NatureServe Explorer's Distribution column, or Biotics'"
        " national ranks) and write one row per place: the input row's cells, then "
        + ", ".join(DISTRIBUTION_COLUMNS)
        + ". A row with an empty or unreadable distribution gives one row with the problem named. A summary"
        " goes to stderr.",
    )
    distribution.add_argument("file", metavar="FILE", help="CSV, TSV or .xlsx file, or - for stdin")
    distribution.add_argument("--column", "-c", required=True, metavar="NAME", help="the distribution column")
    distribution.add_argument(
        "--global-column", metavar="NAME", help="the global rank column: adds cross-level findings (srank_levels)"
    )
    distribution.add_argument("--lenient", action="store_true", help="read what can be read; name the rest")
    _label_options(distribution)
    _file_options(distribution)
    distribution.set_defaults(command="distribution")
    return parser


def _file_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default: csv)")
    command.add_argument("--output", "-o", type=output_option, metavar="FILE", help="write here instead of stdout")
    command.add_argument("--delimiter", "-d", metavar="CHAR", help="field delimiter (default: detected; \\t for tab)")
    command.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8; a BOM is honoured)")
    command.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx workbook (default: the first)")
    command.add_argument(
        "--header-row", type=_positive, metavar="N", help="the row of an .xlsx sheet that names the columns"
    )


def _label_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--style", choices=STYLES, default="short", help="status text style (default: short)")
    command.add_argument("--lang", default="en", help="language of the status text (default: en)")
