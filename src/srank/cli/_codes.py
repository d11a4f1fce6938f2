"""``srank explain`` and ``srank round``: one answer per code given on the command line."""

from __future__ import annotations

import argparse
import enum
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .._describe import definition_line, describe, explain, text_table
from .._errors import InvalidRankError, SrankError
from .._json_form import finding_form
from .._model import MultiSeasonRank, Rank
from .._parse import parse
from ._arguments import UsageError

__all__ = ["check_label_options", "run_explain", "run_round"]

EXIT_OK, EXIT_INVALID = 0, 1


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


def _read_codes(
    codes: Iterable[str], lenient: bool
) -> Iterator[tuple[str, Rank | MultiSeasonRank | None, InvalidRankError | None]]:
    """Each code with its rank or its error; errors are also printed, with their caret, to stderr."""
    for text in codes:
        try:
            yield text, parse(text, lenient=lenient), None
        except InvalidRankError as error:
            print(f"srank: {error}", file=sys.stderr)
            yield text, None, error


def run_round(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for _, rank, _error in _read_codes(args.codes, args.lenient):
        if rank is None:
            status = EXIT_INVALID
            print()  # one line per code, so output lines up with the arguments; the error is on stderr
        else:
            print(rank.rounded())
    return status


def run_explain(args: argparse.Namespace) -> int:
    check_label_options(args.style, args.lang)
    status = EXIT_OK
    for text, rank, problem in _read_codes(args.codes, args.lenient):
        if rank is None:
            status = EXIT_INVALID
        if args.json:
            print(json.dumps(_explain_json(text, rank, problem, args), ensure_ascii=False))
        elif rank is not None:
            _print_explanation(rank, args.style, args.lang)
    return status


def _print_explanation(rank: Rank | MultiSeasonRank, style: str, lang: str) -> None:
    text = describe(rank, style=style, lang=lang)
    if style == "plants":
        # Exactly the USDA PLANTS status text (it starts with the code), so it
        # can be compared or pasted as is; warnings go to stderr.
        print(text)
        for finding in rank.findings:
            print(f"srank: {rank}: {finding}", file=sys.stderr)
        return
    if style == "long":
        print(f"{rank}:\n{text}\n")  # the paragraphs already hold every definition
    else:
        print(f"{rank}: {text}")
        for entry in explain(rank, lang=lang):
            print(f"    {entry.code:<8} {definition_line(entry, lang)}")
    for finding in rank.findings:
        print(f"    {finding}")


def _explain_json(
    text: str, rank: Rank | MultiSeasonRank | None, error: InvalidRankError | None, args: argparse.Namespace
) -> dict[str, Any]:
    """The --json record of one code; the same keys whether it is valid or not."""
    if rank is None:
        assert error is not None
        return {
            "input": text,
            "valid": False,
            "canonical": None,
            "rounded": None,
            "label": None,
            "explanation": [],
            "warnings": [],
            "rank": None,
            "error": {
                "code": error.code,
                "message": error.message,
                "span": list(error.span),
                "hint": error.hint,
                "expected": list(error.expected),
            },
        }
    return {
        "input": text,
        "valid": True,
        "canonical": str(rank),
        "rounded": str(rank.rounded()),
        "label": describe(rank, style=args.style, lang=args.lang),
        "explanation": [_plain(entry) for entry in explain(rank, lang=args.lang)],
        "warnings": [finding_form(finding) for finding in rank.findings],  # as in rank.to_dict()
        "rank": rank.to_dict(),  # the documented JSON form (docs/rank.schema.json)
        "error": None,
    }


def _plain(entry: attrs.AttrsInstance) -> dict[str, Any]:
    """An attrs instance as JSON-ready data: enums by their value."""

    def serialise(_: object, __: object, value: object) -> object:
        return value.value if isinstance(value, enum.Enum) else value

    return attrs.asdict(entry, value_serializer=serialise)
