"""``srank explain``: what each code given on the command line means."""

from __future__ import annotations

import argparse
import enum
import sys
from typing import Any

import attrs

from .._batch import validity_of
from .._describe import definition_line, describe, explain
from .._errors import InvalidRankError
from .._findings import colon
from .._json_form import error_form, finding_form
from .._messages import in_language, say
from .._model import AnyRank
from ._arguments import label_options
from ._codes import CodesCommand, check_label_options, codes_of, read_codes
from ._status import EXIT_FOUND, EXIT_OK

__all__ = ["COMMAND", "ExplainCommand"]


class ExplainCommand(CodesCommand):
    name = "explain"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        label_options(parser)
        parser.add_argument("--json", action="store_true", help=say("cli.codes.help-json"))

    def run(self, args: argparse.Namespace) -> int:
        check_label_options(args.style, args.lang)
        status = EXIT_OK
        for text, rank, problem, where in read_codes(codes_of(args), args.lenient, args.lang):
            missing = rank is None and problem is None  # a blank line, or one that says N/A: nothing to explain
            if not missing and not validity_of(rank):  # unreadable, or read with an error finding (G5Q)
                status = EXIT_FOUND
            if args.json:
                import json  # only for --json

                # One object per line read, a missing code's too, so that the output lines up with the input.
                print(json.dumps(_explain_json(text, rank, problem, args), ensure_ascii=False))
            elif rank is not None:
                _print_explanation(rank, args.style, args.lang)
            elif args.style == "plants":
                print()  # a missing or unreadable code (its error on stderr): each status line beside its code
            elif missing:
                _print_missing(text, where, args.lang, long=args.style == "long")
        return status


COMMAND = ExplainCommand()


def _print_explanation(rank: AnyRank, style: str, lang: str) -> None:
    text = describe(rank, style=style, lang=lang)
    if style == "plants":
        # Exactly the USDA PLANTS status text (it starts with the code), so it
        # can be compared or pasted as is; warnings go to stderr.
        print(text)
        for finding in rank.findings:
            print(f"srank: {rank}: {finding.line(lang=lang)}", file=sys.stderr)
        return
    said = colon(lang)  # ": ", or in French a no-break space before the colon
    if style == "long":
        print(f"{rank}{said.rstrip()}\n{text}\n")  # the paragraphs already hold every definition
    else:
        print(f"{rank}{said}{text}")
        for entry in explain(rank, lang=lang):
            print(f"    {entry.code:<8} {definition_line(entry, lang)}")
    for finding in rank.findings:
        print(f"    {finding.line(lang=lang)}")


def _print_missing(text: str | None, where: str | None, lang: str, *, long: bool) -> None:
    """A line of --file or stdin read as missing is said, not skipped: every line read has its answer."""
    if text is None:
        said = say("cli.explain.missing-blank", where=where)
    else:
        said = say("cli.explain.missing-marker", code=text, where=where)
    print(in_language(said, lang) + ("\n" if long else ""))


def _explain_json(
    text: str | None, rank: AnyRank | None, error: InvalidRankError | None, args: argparse.Namespace
) -> dict[str, Any]:
    """The --json record of one code; the same keys whether it is valid, invalid (valid false) or missing
    (valid null, as ``srank round --json`` and ``srank check``'s srank_valid say it)."""
    if rank is None:
        return {
            "input": text,
            "valid": None if error is None else False,
            "canonical": None,
            "rounded": None,
            "label": None,
            "explanation": [],
            "warnings": [],
            "rank": None,
            "error": None if error is None else error_form(error, args.lang),
        }
    return {
        "input": text,
        "valid": validity_of(rank),
        "canonical": str(rank),
        "rounded": str(rank.rounded()),
        "label": describe(rank, style=args.style, lang=args.lang),
        "explanation": [_plain(entry) for entry in explain(rank, lang=args.lang)],
        "warnings": [finding_form(finding, args.lang) for finding in rank.findings],  # as in rank.to_dict()
        "rank": rank.to_dict(),  # the documented JSON form (docs/rank.schema.json)
        "error": None,
    }


def _plain(entry: attrs.AttrsInstance) -> dict[str, Any]:
    """An attrs instance as JSON-ready data: enums by their value."""

    def serialise(_: object, __: object, value: object) -> object:
        return value.value if isinstance(value, enum.Enum) else value

    return attrs.asdict(entry, value_serializer=serialise)
