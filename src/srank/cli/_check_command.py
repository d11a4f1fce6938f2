"""``srank check``: each rank column's validity, canonical and rounded codes, label and message; levels; rounding.

Five columns per rank column (prefixed with its name when there are several),
``srank_levels`` when two level columns are named, and ``srank_rounded_check``
per ``--rounded RAW=ROUNDED``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from .._batch import validity_of
from .._cross_level import check_row
from .._describe import describe
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError
from .._findings import Severity, joined, separator
from .._messages import in_language, say, say_count
from .._model import AnyRank, Level
from .._parse import lenient_reading, parse
from .._rounded_check import raw_unread_finding, rounded_finding
from .._rules import expected_level_rule
from ._arguments import (
    ColumnSpec,
    UsageError,
    column_option,
    files_argument,
    label_options,
    lenient_option,
    repeatable,
    rounded_option,
)
from ._cells import read_cell
from ._checks import Cells, Check, Verdict
from ._codes import check_label_options
from ._command import TableCommand
from ._hints import cli_message_of
from ._summary import Tally
from ._table import Table

__all__ = ["COLUMNS", "COMMAND", "CheckCommand", "ColumnCheck", "LevelsCheck", "RoundedCheck"]

COLUMNS = ("srank_valid", "srank_canonical", "srank_rounded", "srank_label", "srank_message")
_SHORT = 200  # characters: longer texts get a "too long" verdict that names their length
_LEVEL_OPTIONS = {
    "global_column": Level.GLOBAL,
    "national_column": Level.NATIONAL,
    "subnational_column": Level.SUBNATIONAL,
}


class CheckCommand(TableCommand[Table]):
    name = "check"
    columns = COLUMNS
    each_file = True

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        files_argument(parser)
        repeatable(
            parser, "--column", "-c", read=column_option, metavar="NAME[:LEVEL]", help=say("cli.check.help-column")
        )
        parser.add_argument("--global-column", metavar="NAME", help=say("cli.check.help-global"))
        parser.add_argument("--national-column", metavar="NAME", help=say("cli.check.help-national"))
        parser.add_argument("--subnational-column", metavar="NAME", help=say("cli.check.help-subnational"))
        repeatable(parser, "--rounded", read=rounded_option, metavar="RAW=ROUNDED", help=say("cli.check.help-rounded"))
        lenient_option(parser)
        label_options(parser)

    def prepare(self, args: argparse.Namespace) -> None:
        args.specs = _column_specs(args)
        if not args.specs and not args.rounded:
            raise UsageError(say("cli.check.no-column"))
        check_label_options(args.style, args.lang)

    def wanted(self, args: argparse.Namespace) -> list[str]:
        return [spec.name for spec in args.specs] + [column for pair in args.rounded for column in pair]

    def checks(self, args: argparse.Namespace, table: Table) -> list[Check]:
        where = table
        specs = sorted(args.specs, key=lambda spec: where.index(spec.name))  # srank's columns follow the header's
        levels = {spec.level: spec.name for spec in specs if _is_level_column(args, spec)}
        several = len(specs) > 1
        checks: list[Check] = [
            ColumnCheck(spec, where.index(spec.name), args.lenient, args.style, args.lang, prefixed=several)
            for spec in specs
        ]
        if len(levels) >= 2:
            indexes = {level: where.index(column) for level, column in levels.items()}
            checks.append(LevelsCheck(indexes, args.lenient, args.lang))
        elif levels and (args.global_column or args.national_column or args.subnational_column):
            print(f"srank: {in_language(say('cli.check.one-level', name=table.name), args.lang)}", file=sys.stderr)
        for raw, stored in args.rounded:
            pair = (where.index(raw), where.index(stored))
            checks.append(RoundedCheck(raw, stored, pair, args.lenient, args.lang, prefixed=len(args.rounded) > 1))
        return checks

    def headline(self, tally: Tally, checks: Sequence[Check]) -> str:
        return say_count("cli.count-rows", tally.rows)


def _column_specs(args: argparse.Namespace) -> list[ColumnSpec]:
    """The rank columns to check: --column ones, then the level columns, each once."""
    specs: dict[str, ColumnSpec] = {}
    for spec in args.column:
        if spec.name in specs and specs[spec.name] != spec:
            raise UsageError(say("cli.check.twice-levels", name=spec.name))
        specs[spec.name] = spec
    for option, level in _LEVEL_OPTIONS.items():
        column = getattr(args, option)
        if column is None:
            continue
        given = specs.get(column)
        if given is not None and given.level not in (None, level):
            others = [other for other in _LEVEL_OPTIONS if other != option and getattr(args, other) == column]
            written = column + ":" + given.level.value
            earlier = f"--{others[0].replace('_', '-')}" if others else say("cli.check.column-option", text=written)
            raise UsageError(say("cli.check.given-as", column=column, option=option.replace("_", "-"), earlier=earlier))
        specs[column] = ColumnSpec(column, level)
    return list(specs.values())


def _is_level_column(args: argparse.Namespace, spec: ColumnSpec) -> bool:
    return any(getattr(args, option) == spec.name for option in _LEVEL_OPTIONS)


def _by_first_digit(key: str) -> bool:
    """A cell that starts with a digit (an id, a date, a count: a wrong column) is rejected at that digit, and its
    verdict names only the digit: one verdict per digit, not one per distinct id."""
    return key[:1].isdigit() and len(key) <= _SHORT


def _first_error(rank: AnyRank) -> str:
    return next((finding.code for finding in rank.findings if finding.severity is Severity.ERROR), "")


class ColumnCheck(Check):
    """A rank column: valid, canonical, rounded, label and message, as ``srank_*`` columns."""

    columns = COLUMNS

    def __init__(
        self, spec: ColumnSpec, index: int, lenient: bool, style: str, lang: str, *, prefixed: bool = False
    ) -> None:
        super().__init__([index])
        self.spec = spec
        self._by_digit: dict[str, Verdict] = {}
        level = spec.level.value if spec.level else None
        self.title = (
            say("cli.check.column-title-level", name=spec.name, level=level)
            if level
            else say("cli.check.column-title", name=spec.name)
        )
        self.prefix = f"{spec.name}." if prefixed else ""
        self.lenient = lenient
        self.style = style
        self.lang = lang

    def counts(self, unread: int) -> str:
        kinds = self.kinds
        distinct = "cli.counts.more-distinct-codes" if self.more_distinct else "cli.counts.distinct-codes"
        valid: str = say_count("cli.counts.valid", kinds.get("valid", 0))
        if self.warned:
            valid = say("cli.counts.warned", count=valid, warnings=say("cli.counts.with-warnings", count=self.warned))
        said = say(
            "cli.counts.column",
            valid=valid,
            invalid=say_count("cli.counts.invalid", kinds.get("invalid", 0) + unread),
            missing=say_count("cli.counts.missing", kinds.get("missing", 0)),
            distinct=say_count(distinct, len(self.distinct)),
        )
        return self.say(said)

    def judge(self, key: Any) -> Verdict:
        if _by_first_digit(key):
            known = self._by_digit.get(key[0])
            if known is None:
                known = self._by_digit[key[0]] = self.judge_cell(key)
            return known
        return self.judge_cell(key)

    def keeps(self, key: Any) -> bool:
        return not _by_first_digit(key)  # its verdict is its digit's, a lookup away

    def judge_cell(self, key: Any) -> Verdict:
        result = read_cell(parse, key, self.lenient)
        if result is None:
            return Verdict((self._cells(None, "", "", "", ""),), "missing")
        if isinstance(result, InvalidRankError):
            lenient_reads = not self.lenient and lenient_reading(key) is not None
            message = cli_message_of(result, self.lang)
            if _is_distribution(key):
                message += separator(self.lang) + self.say(say("cli.check.is-distribution"))
            return Verdict((self.unread(message),), "invalid", result.code, lenient_reads)
        message = cli_message_of(result, self.lang)
        problem = _first_error(result)
        valid = validity_of(result)
        if self.spec.level is not None and (wrong := expected_level_rule(result, self.spec.level)) is not None:
            valid, problem = False, problem or wrong.code
            message = separator(self.lang).join(filter(None, (wrong.line(hint=True, lang=self.lang), message)))
        label = describe(result, style=self.style, lang=self.lang)
        cells = self._cells(valid, str(result), str(result.rounded()), label, message)
        warned = any(finding.severity is Severity.WARNING for finding in result.findings)
        return Verdict((cells,), "valid" if valid else "invalid", problem, warned=warned)

    def unread(self, message: str) -> Cells:
        return self._cells(False, "", "", "", message)

    @staticmethod
    def _cells(valid: bool | None, canonical: str, rounded: str, label: str, message: str) -> Cells:
        return {
            "srank_valid": valid,
            "srank_canonical": canonical,
            "srank_rounded": rounded,
            "srank_label": label,
            "srank_message": message,
        }


class LevelsCheck(Check):
    """One taxon's G, N and S ranks in a row, checked together: ``srank_levels``."""

    columns = ("srank_levels",)
    primary = False

    def __init__(self, indexes: dict[Level, int], lenient: bool, lang: str = "en") -> None:
        self.levels = list(indexes)
        super().__init__(list(indexes.values()))
        self.title = say("cli.check.levels-title", levels=", ".join(level.value for level in self.levels))
        self.lenient = lenient
        self.lang = lang

    def judge(self, key: Any) -> Verdict:
        findings = check_row(
            {level: read_cell(parse, cell, self.lenient) for level, cell in zip(self.levels, key, strict=True)}
        )
        if findings is None:
            return Verdict(({"srank_levels": ""},), "skipped")
        if not findings:
            return Verdict(({"srank_levels": ""},), "ok")
        severe = [finding for finding in findings if finding.severity is Severity.ERROR]
        text = joined(findings, lang=self.lang)
        return Verdict(({"srank_levels": text},), "error" if severe else "warning", (severe or findings)[0].code)

    def unread(self, message: str) -> Cells:
        return {"srank_levels": ""}


class RoundedCheck(Check):
    """A stored rounded column against srank's rounding of its raw column: ``srank_rounded_check``."""

    columns = ("srank_rounded_check",)
    primary = False

    def __init__(
        self, raw: str, stored: str, indexes: tuple[int, int], lenient: bool, lang: str = "en", *, prefixed: bool
    ) -> None:
        super().__init__(list(indexes))
        self.lang = lang
        self.title = say("cli.check.rounded-title", stored=stored, raw=raw)
        self.prefix = f"{stored}." if prefixed else ""
        self.raw_name, self.stored_name = raw, stored
        self.lenient = lenient

    def counts(self, unread: int) -> str:
        parts = [
            say_count("cli.counts.differ", self.kinds.get("error", 0)),
            say_count("cli.counts.agree", self.kinds.get("ok", 0)),
            say_count("cli.counts.not-compared", self.kinds.get("skipped", 0)),
            say_count("cli.counts.malformed", unread) if unread else "",
        ]
        return self.listed(parts)

    def judge(self, key: Any) -> Verdict:
        raw_cell, stored_cell = key
        raw = read_cell(parse, raw_cell, self.lenient)
        if isinstance(raw, InvalidRankError):  # named, so that no row's problem goes unsaid
            note = raw_unread_finding(raw_cell, raw)
            return Verdict(({"srank_rounded_check": note.line(lang=self.lang)},), "skipped", note.code)
        if raw is None:
            return Verdict(({"srank_rounded_check": ""},), "skipped")
        finding = rounded_finding(raw, stored_cell, read_cell(parse, stored_cell, self.lenient))
        if finding is None:
            return Verdict(({"srank_rounded_check": ""},), "ok")
        return Verdict(({"srank_rounded_check": finding.line(lang=self.lang)},), "error", finding.code)

    def unread(self, message: str) -> Cells:
        return {"srank_rounded_check": ""}


def _is_distribution(text: str) -> bool:
    """True for a cell that reads as a distribution string (the wrong command for it, not a bad rank)."""
    if "(" not in text or len(text) > 1 << 16:
        return False
    try:
        return bool(parse_distribution(text).records)
    except InvalidRankError:
        return False


COMMAND = CheckCommand()
