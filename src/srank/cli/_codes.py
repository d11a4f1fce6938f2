"""What ``srank explain`` and ``srank round`` share: reading the codes given, and checking --style and --lang.

Codes come from the command line, and from stdin (``-``) or a file
(``--file``), one per line. A blank line of a file or of stdin is kept as a
missing code, so that ``srank round`` writes one line per line read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .._describe import text_table
from .._errors import InvalidRankError, SrankError
from .._model import AnyRank
from .._parse import parse
from ._arguments import UsageError, lenient_option
from ._command import Command

__all__ = ["CodesCommand", "check_label_options", "codes_of", "read_codes"]


class CodesCommand(Command):
    """A command that answers for each code given on the command line, on stdin or in a file."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("codes", nargs="*", metavar="CODE", help="rank codes; - reads one code per line from stdin")
        parser.add_argument("--file", "-f", metavar="PATH", help="read one code per line from this file")
        self.add_options(parser)
        lenient_option(parser)

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """This command's own options."""


def codes_of(args: argparse.Namespace) -> Iterator[str | None]:
    """The codes to answer for, in order: the arguments (``-`` for stdin's lines), then the file's lines.

    A blank line read from stdin or a file is None: a missing code, not an error.
    """
    if not args.codes and args.file is None:
        raise UsageError("give the codes to read: as arguments, - for stdin, or --file PATH")
    for code in args.codes:
        if code == "-":
            yield from _lines(sys.stdin.buffer, "stdin")
        else:
            yield code
    if args.file is not None:
        try:
            handle = open(args.file, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            raise UsageError(f"cannot read {args.file}: {error.strerror or error}") from None
        with handle:
            yield from _lines(handle, args.file)


_MAX_LINE = 1 << 16  # bytes: far longer than any code, short enough that /dev/zero is refused at once


def _lines(stream: BinaryIO, name: str) -> Iterator[str | None]:
    """Each line decoded on its own, so that a line that is not UTF-8 is named by its number."""
    number = 0
    try:
        while line := stream.readline(_MAX_LINE + 1):
            number += 1
            if len(line) > _MAX_LINE:
                raise UsageError(f"{name} line {number} is longer than {_MAX_LINE:,} bytes; expected one code a line")
            try:
                code = line.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
            except UnicodeDecodeError as error:
                raise UsageError(f"{name} line {number} is not UTF-8 text ({error.reason}); save it as UTF-8") from None
            yield code if code.strip() else None
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror or error}") from None


def check_label_options(style: str, lang: str) -> None:
    """Fail before any reading when --lang is unknown, or --style and --lang cannot go together."""
    try:
        text_table(style="short", lang=lang)
    except (SrankError, ValueError, LookupError) as error:
        raise UsageError(f"--lang {lang}: {error}") from None
    try:
        text_table(style=style, lang=lang)
    except (SrankError, ValueError, LookupError) as error:
        raise UsageError(f"--style {style} --lang {lang}: {error}") from None


def read_codes(
    codes: Iterable[str | None], lenient: bool
) -> Iterator[tuple[str | None, AnyRank | None, InvalidRankError | None]]:
    """Each code with its rank or its error (None and None for a blank line); errors go to stderr with their caret."""
    for text in codes:
        if text is None:
            yield None, None, None
            continue
        try:
            yield text, parse(text, lenient=lenient), None
        except InvalidRankError as error:
            print(f"srank: {error}", file=sys.stderr)
            yield text, None, error
