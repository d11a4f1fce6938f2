"""``srank round``: NatureServe's rounded rank of each code given on the command line."""

from __future__ import annotations

import argparse
import json

from .._batch import validity_of
from .._json_form import error_form, finding_form
from .._messages import say
from ._arguments import lang_option
from ._codes import CodesCommand, codes_of, read_codes
from ._status import EXIT_FOUND, EXIT_OK

__all__ = ["COMMAND", "RoundCommand"]


class RoundCommand(CodesCommand):
    name = "round"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help=say("cli.codes.help-json"))
        lang_option(parser)

    def run(self, args: argparse.Namespace) -> int:
        status = EXIT_OK
        for text, rank, error, _ in read_codes(codes_of(args), args.lenient, args.lang, error_findings=True):
            valid = validity_of(error or rank)  # None for a missing code (a blank line, N/A)
            if valid is False:  # unreadable, or an error finding (G5Q)
                status = EXIT_FOUND
            rounded = None if rank is None else str(rank.rounded())
            if args.json:
                form = {
                    "input": text,
                    "rounded": rounded,
                    "valid": valid,
                    "warnings": [] if rank is None else [finding_form(finding, args.lang) for finding in rank.findings],
                    "error": None if error is None else error_form(error, args.lang),
                }
                print(json.dumps(form, ensure_ascii=False))
            else:
                # One line per code, so output lines up with the input; an error's text is on stderr.
                print(rounded or "")
        return status


COMMAND = RoundCommand()
