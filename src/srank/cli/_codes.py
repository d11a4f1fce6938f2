"""What ``srank explain`` and ``srank round`` share: reading the codes given, and checking --style and --lang."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator

from .._describe import text_table
from .._errors import InvalidRankError, SrankError
from .._model import AnyRank
from .._parse import parse
from ._arguments import UsageError, lenient_option
from ._command import Command

__all__ = ["CodesCommand", "check_label_options", "read_codes"]


class CodesCommand(Command):
    """A command that answers for each code given on the command line."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("codes", nargs="+", metavar="CODE")
        self.add_options(parser)
        lenient_option(parser)

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """This command's own options."""


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


def read_codes(codes: Iterable[str], lenient: bool) -> Iterator[tuple[str, AnyRank | None, InvalidRankError | None]]:
    """Each code with its rank or its error; errors are also printed, with their caret, to stderr."""
    for text in codes:
        try:
            yield text, parse(text, lenient=lenient), None
        except InvalidRankError as error:
            print(f"srank: {error}", file=sys.stderr)
            yield text, None, error
