"""``srank distribution``: a distribution column in long form, one output row per (input row x place).

Each output row repeats the input row's cells as they were, then names the
place and its rank. A row whose distribution is empty or cannot be read still
gives exactly one row, with the problem named, so that no input row is lost.
Distinct distribution strings are read once (a bounded cache, as in ``check``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._batch import message_of
from .._cross_level import check_distribution_levels, expected_level_rule
from .._distribution import Distribution, PlaceRank
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError, clipped
from .._findings import Finding, Severity, joined
from .._model import Level
from .._parse import is_missing, parse
from .._place_rows import EMPTY, Cells, PlaceKey, lone, place_cells, place_key, with_notes
from ._arguments import DISTRIBUTION_COLUMNS
from ._checks import CACHE_SIZE, Cache, Check, Values, Verdict, free_suffix, say_if_renamed
from ._codes import check_label_options
from ._output import output
from ._records import Unread
from ._summary import problem_lines
from ._table import open_table

__all__ = ["run_distribution"]

EXIT_OK, EXIT_INVALID = 0, 1
_CHUNK = 4096


class DistributionCheck(Check):
    """A distribution cell (and the row's global rank) to the output values of each of its places."""

    def __init__(self, indexes: list[int], names: tuple[str, ...], args: argparse.Namespace) -> None:
        super().__init__(indexes)
        self.title = f"column {args.column!r}"
        self.names = names
        self.lenient = args.lenient
        self.style = args.style
        self.lang = args.lang
        self.with_levels = args.global_column is not None
        self._places: dict[PlaceKey, tuple[Cells, tuple[tuple[str, Severity], ...]]] = {}

    def judge(self, key: Any) -> Verdict:
        cell, global_cell = key if self.with_levels else (key, "")
        if is_missing(cell):
            return Verdict((self._text(lone(EMPTY)),), "missing")
        try:
            dist = parse_distribution(cell, lenient=self.lenient)
        except InvalidRankError as error:
            return Verdict((self._text(lone(message_of(error))),), "invalid", error.code)
        if not dist.records and dist.notes:  # lenient reading found nothing it could read
            message = joined(dist.notes, place=False)
            return Verdict((self._text(lone(message)),), "invalid", dist.notes[0].code)
        if not dist.records:
            return Verdict((self._text(lone(EMPTY)),), "missing")
        levels = self._levels(dist, global_cell) if self.with_levels else {}
        placed = [self._place(record, dist, at, levels) for at, record in enumerate(dist)]
        values = tuple(cells for cells, _ in placed)
        problems = [
            *((finding.code, finding.severity) for finding in dist.notes),
            *(problem for _, codes in placed for problem in codes),
            *((finding.code, finding.severity) for found in levels.values() for finding in found),
        ]
        severe = next((code for code, severity in problems if severity is Severity.ERROR), "")
        unread = next((code for code, _ in problems if code in ("unreadable-rank", "distribution-syntax")), "")
        kind = "invalid" if severe or unread else "valid"
        return Verdict(values, kind, severe or unread or (problems[0][0] if problems else ""))

    def _text(self, cells: Cells) -> Values:
        """Cells as the CSV and JSONL writers take them ("" for none), with the levels cell when asked."""
        return (*("" if cell is None else cell for cell in cells), *(("",) if self.with_levels else ()))

    def _levels(self, dist: Distribution, global_cell: str) -> dict[tuple[str, str | None], list[Finding]]:
        """Each place's cross-level findings; without a readable global rank, N and S are still compared."""
        unread: list[Finding] = []
        global_rank = None
        if not is_missing(global_cell):
            try:
                global_rank = parse(global_cell, lenient=self.lenient)
                if expected_level_rule(global_rank, Level.GLOBAL) is not None:
                    raise ValueError(f"{global_cell!r} is not a global rank")
            except (InvalidRankError, ValueError) as error:
                global_rank = None
                why = error.message if isinstance(error, InvalidRankError) else str(error)
                unread = [
                    Finding(
                        "global-rank-unread",
                        Severity.WARNING,
                        f"the global rank {clipped(global_cell)!r} could not be read ({why}); only national and"
                        " subnational ranks were compared",
                        (0, 0),
                    )
                ]
        findings = check_distribution_levels(global_rank, dist)
        by_place: dict[tuple[str, str | None], list[Finding]] = {}
        for at, record in enumerate(dist):
            found = [f for f in findings if f.place == record.label]
            by_place[(record.nation, record.subnation)] = [*unread, *found] if at == 0 else found
        return by_place

    def _place(
        self, record: PlaceRank, dist: Distribution, at: int, levels: dict[tuple[str, str | None], list[Finding]]
    ) -> tuple[Values, tuple[tuple[str, Severity], ...]]:
        # Places repeat (SNR in Montana) far more than distributions do: each is rendered once.
        key = place_key(record)
        known = self._places.get(key)
        if known is None:
            if len(self._places) >= CACHE_SIZE:
                self._places.clear()
            known = self._places[key] = place_cells(record, style=self.style, lang=self.lang)
        cells = with_notes(known[0], dist) if at == 0 else known[0]
        values = tuple("" if cell is None else cell for cell in cells)
        if self.with_levels:
            values += (joined(levels.get((record.nation, record.subnation), []), place=False),)
        return values, known[1]

    def unread(self, message: str) -> Values:
        return self._text(lone(message))


def run_distribution(args: argparse.Namespace) -> int:
    check_label_options(args.style, args.lang)
    wanted = [args.column] + ([args.global_column] if args.global_column else [])
    with open_table(args, wanted) as table:
        indexes = [table.index(column) for column in wanted]
        plain = (*DISTRIBUTION_COLUMNS, *(("srank_levels",) if args.global_column else ()))
        suffix = free_suffix(table.header, plain)
        names = tuple(name + suffix for name in plain)
        say_if_renamed(table.name, suffix)
        check = DistributionCheck(indexes, names, args)
        fmt = table.output_format(args.format, names)
        width = len(table.header)

        rendered: dict[Values, str] = {}

        def render(names: tuple[str, ...], places: Values) -> list[str]:
            if len(rendered) >= CACHE_SIZE:
                rendered.clear()
            return [rendered.get(place) or rendered.setdefault(place, fmt.values(names, place)) for place in places]

        cache = Cache(check, render, lambda: table.records.line)
        counts = cache.counts
        key_of = check.key
        rows = records_out = unread_rows = 0
        with output(args.output) as sink:
            sink.write(fmt.header(table.header, table.header_raw, names))
            chunk: list[str] = []
            add = chunk.append
            blank = [""] * width
            for row, raw in table.records:
                rows += 1
                if len(row) == width and type(row) is list:
                    key = key_of(row)
                    counts[key] = counts.get(key, 0) + 1
                    for fragment in cache[key]:
                        add(fmt.row(row, raw, fragment))
                        records_out += 1
                elif not row:  # a blank line: one row, counted as an empty distribution
                    key = key_of(blank)
                    counts[key] = counts.get(key, 0) + 1
                    for fragment in cache[key]:
                        add(fmt.unread(blank, raw, width, fragment))
                        records_out += 1
                else:
                    unread_rows += 1
                    why = row.problem if isinstance(row, Unread) else f"has {len(row)} fields, the header has {width}"
                    where = f"{table.records.unit} {table.records.line}"
                    message = f"error[malformed-row]: {where} {why}; the distribution was not read"
                    add(fmt.unread(row, raw, width, fmt.values(names, check.unread(message))))
                    records_out += 1
                if len(chunk) >= _CHUNK:
                    sink.writelines(chunk)
                    chunk.clear()
            sink.writelines(chunk)
        cache.finish()
    kinds = check.kinds
    lines = [
        f"srank distribution: {table.name}: {rows:,} {'row' if rows == 1 else 'rows'} in,"
        f" {records_out:,} {'record' if records_out == 1 else 'records'} out;"
        f" {kinds.get('valid', 0):,} read, {kinds.get('invalid', 0) + unread_rows:,} with problems,"
        f" {kinds.get('missing', 0):,} empty"
    ]
    lines += problem_lines(check, "  ", table.records.unit)
    if unread_rows:
        lines.append(f"  {unread_rows:>10,}  malformed-row: rows whose cells could not be read")
    print("\n".join(lines), file=sys.stderr)
    return EXIT_INVALID if kinds.get("invalid", 0) or unread_rows else EXIT_OK
