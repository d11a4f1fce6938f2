"""``srank distribution``: a distribution column in long form, one output row per (input row x place).

Each output row repeats the input row's cells as they were, then names the
place and its rank. A row whose distribution is empty or cannot be read still
gives exactly one row, with the problem named, so that no input row is lost.
Distinct distribution strings are read once, and each distinct place is
rendered once (bounded caches, as in ``check``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from .._cross_level import levels_by_record
from .._distribution import UNREAD, Distribution, PlaceRank, read_whole
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError, clipped
from .._findings import Finding, Severity, joined
from .._messages import say, say_count
from .._model import Level
from .._parse import is_missing, parse
from .._place_rows import PLACE_FIELDS, PlaceKey, empty_cell, lone, place_cells, place_key, with_notes
from .._place_rows import Cells as PlaceCells
from .._rules import expected_level_rule
from ._arguments import files_argument, label_options, lenient_option
from ._checks import CACHE_SIZE, Cells, Check, Verdict
from ._codes import check_label_options
from ._command import TableCommand
from ._hints import cli_message_of
from ._summary import Tally
from ._table import Table

__all__ = ["COLUMNS", "COMMAND", "DistributionCheck", "DistributionCommand"]

COLUMNS = tuple(f"srank_{field}" for field in PLACE_FIELDS)
_LEVELS = "srank_levels"
Places = list[list[Finding]]  # each record's cross-level findings, in the distribution's order


class DistributionCommand(TableCommand[Table]):
    name = "distribution"
    columns = COLUMNS
    each_file = True
    reads = "distribution"
    joiner = "; "

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        files_argument(parser)
        parser.add_argument("--column", "-c", required=True, metavar="NAME", help=say("cli.distribution.help-column"))
        parser.add_argument("--global-column", metavar="NAME", help=say("cli.distribution.help-global"))
        lenient_option(parser, partial=True)
        label_options(parser)

    def prepare(self, args: argparse.Namespace) -> None:
        check_label_options(args.style, args.lang)

    def wanted(self, args: argparse.Namespace) -> list[str]:
        return [args.column] + ([args.global_column] if args.global_column else [])

    def checks(self, args: argparse.Namespace, table: Table) -> list[Check]:
        return [DistributionCheck([table.index(column) for column in self.wanted(args)], args)]

    def headline(self, tally: Tally, checks: Sequence[Check]) -> str:
        rows, records = say_count("cli.count-rows", tally.rows), say_count("cli.counts.records", tally.rows_out)
        headline = "cli.distribution.headline" if tally.written else "cli.distribution.headline-not-written"
        return say(headline, rows=rows, records=records)


def _place_with(code: str, dist: Distribution, placed: list[tuple[Cells, tuple[tuple[str, Severity], ...]]]) -> str:
    """The first place whose own finding is ``code``, as the cell writes it ("ZZ (S2)"): the summary's example of a
    place's problem, rather than the whole cell; "" when the problem is the cell's."""
    for record, (_, found) in zip(dist, placed, strict=True):
        if any(each == code for each, _ in found):
            return f"{record.subnation or record.nation} ({record.written})"
    return ""


class _NotGlobal(Exception):
    """The --global-column cell reads as a rank of another level; its argument is the message that says so."""


class DistributionCheck(Check):
    """A distribution cell (and the row's global rank) to the output cells of each of its places."""

    def __init__(self, indexes: list[int], args: argparse.Namespace) -> None:
        super().__init__(indexes)
        self.title = say("cli.check.column-title", name=args.column)
        self.with_levels = args.global_column is not None
        self.columns = (*COLUMNS, *((_LEVELS,) if self.with_levels else ()))
        self.lenient = args.lenient
        self.style = args.style
        self.lang = args.lang
        self.empty = empty_cell(self.lang)
        self._places: dict[PlaceKey, tuple[PlaceCells, Cells, tuple[tuple[str, Severity], ...]]] = {}

    def counts(self, unread: int) -> str:
        kinds = self.kinds
        read, warned = kinds.get("valid", 0) + kinds.get("warning", 0), kinds.get("warning", 0)
        first: str = say_count("cli.counts.read", read)
        if warned:  # as srank check says its warned rows
            first = say("cli.counts.warned", count=first, warnings=say("cli.counts.with-warnings", count=warned))
        errors, empty = kinds.get("invalid", 0) + unread, kinds.get("missing", 0)
        return self.listed([first, say("cli.counts.with-errors", count=errors), say_count("cli.counts.empty", empty)])

    def judge(self, key: Any) -> Verdict:
        cell, global_cell = key if self.with_levels else (key, "")
        if is_missing(cell):
            return Verdict((self._cells(lone(self.empty)),), "missing")
        try:
            dist = parse_distribution(cell, lenient=self.lenient)
        except InvalidRankError as error:
            return Verdict((self._cells(lone(cli_message_of(error, self.lang))),), "invalid", error.code)
        if not dist.records and dist.notes:  # lenient reading found nothing it could read
            notes = joined(dist.notes, place=False, lang=self.lang)
            return Verdict((self._cells(lone(notes)),), "invalid", dist.notes[0].code)
        if not dist.records:
            return Verdict((self._cells(lone(self.empty)),), "missing")
        levels = self._levels(dist, global_cell) if self.with_levels else []
        placed = [self._place(record, dist, at, levels) for at, record in enumerate(dist)]
        problems = [
            *((finding.code, finding.severity) for finding in dist.notes),
            *(problem for _, codes in placed for problem in codes),
            *((finding.code, finding.severity) for found in levels for finding in found),
        ]
        severe = next((code for code, severity in problems if severity is Severity.ERROR), "")
        # A line lenient reading could not parse but read every place of all the same loses nothing: not unread.
        unread = "" if read_whole(dist) else next((code for code, _ in problems if code in UNREAD), "")
        kind = "invalid" if severe or unread else "warning" if problems else "valid"
        first = severe or unread or (problems[0][0] if problems else "")
        return Verdict(tuple(cells for cells, _ in placed), kind, first, about=_place_with(first, dist, placed))

    def _cells(self, place: PlaceCells) -> Cells:
        """A place's output cells ("" for none), with an empty levels cell when asked."""
        cells: dict[str, Any] = {
            column: "" if value is None else value for column, value in zip(COLUMNS, place, strict=True)
        }
        if self.with_levels:
            cells[_LEVELS] = ""
        return cells

    def _levels(self, dist: Distribution, global_cell: str) -> Places:
        """Each place's cross-level findings; without a readable global rank, N and S are still compared."""
        unread: list[Finding] = []
        global_rank = None
        if not is_missing(global_cell):
            try:
                global_rank = parse(global_cell, lenient=self.lenient)
                if expected_level_rule(global_rank, Level.GLOBAL) is not None:
                    raise _NotGlobal(say("cli.distribution.not-global", rank=global_cell))
            except (InvalidRankError, _NotGlobal) as error:
                global_rank = None
                why = error.message if isinstance(error, InvalidRankError) else error.args[0]
                said = say("cli.distribution.global-unread", rank=clipped(global_cell), why=why)
                unread = [Finding("global-rank-unread", Severity.WARNING, said, (0, 0))]
        # One list per record, in order: a cell may hold 50,000 places, and a place written twice has each its own.
        by_record = levels_by_record(global_rank, dist)
        by_record[0] = [*unread, *by_record[0]]
        return by_record

    def _place(
        self, record: PlaceRank, dist: Distribution, at: int, levels: Places
    ) -> tuple[Cells, tuple[tuple[str, Severity], ...]]:
        # Places repeat (SNR in Montana) far more than distributions do: each is made once.
        key = place_key(record)
        known = self._places.get(key)
        if known is None:
            if len(self._places) >= CACHE_SIZE:
                self._places.clear()
            cells, problems = place_cells(record, style=self.style, lang=self.lang)
            known = self._places[key] = (cells, self._cells(cells), problems)
        place = self._cells(with_notes(known[0], dist, self.lang)) if at == 0 and dist.notes else known[1]
        if self.with_levels:
            found = levels[at]
            place = {**place, _LEVELS: joined(found, place=False, lang=self.lang)}
        return place, known[2]

    def unread(self, message: str) -> Cells:
        return self._cells(lone(message))


COMMAND = DistributionCommand()
