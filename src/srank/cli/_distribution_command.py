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

from .._cross_level import check_distribution_levels
from .._describe import describe
from .._distribution import Distribution, PlaceRank
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError
from .._findings import Finding, Severity
from .._parse import is_missing, parse
from ._arguments import DISTRIBUTION_COLUMNS
from ._checks import CACHE_SIZE, Cache, Check, Values, Verdict, unclaimed
from ._codes import check_label_options
from ._output import output
from ._records import Unread
from ._summary import problem_lines
from ._table import open_table

__all__ = ["run_distribution"]

EXIT_OK, EXIT_INVALID = 0, 1
_CHUNK = 4096


def _plain(finding: Finding) -> str:
    """A finding without its place: the row already names the place."""
    return f"{finding.severity.value}[{finding.code}]: {finding.message}"


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
        self._places: dict[PlaceRank, tuple[Values, tuple[tuple[str, Severity], ...]]] = {}

    def judge(self, key: Any) -> Verdict:
        cell, global_cell = key if self.with_levels else (key, "")
        if is_missing(cell):
            return Verdict((self._alone("warning[empty-distribution]: the cell holds no distribution"),), "missing")
        try:
            dist = parse_distribution(cell, lenient=self.lenient)
        except InvalidRankError as error:
            message = f"error[{error.code}]: {error.message}" + (f"; hint: {error.hint}" if error.hint else "")
            return Verdict((self._alone(" ".join(message.split())),), "invalid", error.code)
        if not dist.records:
            return Verdict((self._alone("warning[empty-distribution]: the cell holds no distribution"),), "missing")
        levels = self._levels(dist, global_cell) if self.with_levels else {}
        values = tuple(self._place(record, dist, at, levels) for at, record in enumerate(dist))
        problems = [
            *((finding.code, finding.severity) for finding in dist.notes),
            *(problem for record in dist for problem in self._places[record][1]),
            *((finding.code, finding.severity) for found in levels.values() for finding in found),
        ]
        severe = next((code for code, severity in problems if severity is Severity.ERROR), "")
        unread = next((code for code, _ in problems if code in ("unreadable-rank", "distribution-syntax")), "")
        kind = "invalid" if severe or unread else "valid"
        return Verdict(values, kind, severe or unread or (problems[0][0] if problems else ""))

    def _alone(self, message: str) -> Values:
        return ("", "", "", "", "", "", message, *(("",) if self.with_levels else ()))

    def _levels(self, dist: Distribution, global_cell: str) -> dict[tuple[str, str | None], list[Finding]]:
        if is_missing(global_cell):
            return {}
        try:
            global_rank = parse(global_cell, lenient=self.lenient)
            findings = check_distribution_levels(global_rank, dist)
        except (InvalidRankError, ValueError):
            return {}
        by_place: dict[tuple[str, str | None], list[Finding]] = {}
        for record in dist:
            by_place[(record.nation, record.subnation)] = [f for f in findings if f.place == record.label]
        return by_place

    def _place(
        self, record: PlaceRank, dist: Distribution, at: int, levels: dict[tuple[str, str | None], list[Finding]]
    ) -> Values:
        known = self._places.get(record)
        if known is None:
            if len(self._places) >= CACHE_SIZE:
                self._places.clear()
            known = self._places[record] = self._record_values(record)
        values = known[0]
        if at == 0 and dist.notes:
            values = (*values[:6], "; ".join(filter(None, ("; ".join(map(_plain, dist.notes)), values[6]))))
        if self.with_levels:
            values += ("; ".join(map(_plain, levels.get((record.nation, record.subnation), []))),)
        return values

    def _record_values(self, record: PlaceRank) -> tuple[Values, tuple[tuple[str, Severity], ...]]:
        """A place's own cells and its findings' codes; places (SNR in Montana) repeat far more than
        distributions do."""
        rank = record.rank
        notes = [*record.notes, *(rank.findings if rank is not None else ())]
        cells = (
            record.nation,
            record.subnation or "",
            record.place_name(self.lang),
            record.written,
            str(rank.rounded()) if rank is not None else "",
            describe(rank, style=self.style, lang=self.lang) if rank is not None else "",
            "; ".join(map(_plain, notes)),
        )
        return cells, tuple((finding.code, finding.severity) for finding in notes)

    def unread(self, message: str) -> Values:
        return self._alone(message)


def run_distribution(args: argparse.Namespace) -> int:
    check_label_options(args.style, args.lang)
    wanted = [args.column] + ([args.global_column] if args.global_column else [])
    with open_table(args, wanted) as table:
        indexes = [table.index(column) for column in wanted]
        names = unclaimed(table.header, (*DISTRIBUTION_COLUMNS, *(("srank_levels",) if args.global_column else ())))
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
                elif not row:
                    add(fmt.unread(blank, raw, width, fmt.values(names, check.unread(""))))
                    records_out += 1
                else:
                    unread_rows += 1
                    why = row.problem if isinstance(row, Unread) else f"has {len(row)} fields, the header has {width}"
                    message = f"error[malformed-row]: line {table.records.line} {why}; the distribution was not read"
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
    lines += problem_lines(check, "  ")
    if unread_rows:
        lines.append(f"  {unread_rows:>10,}  malformed-row: rows whose cells could not be read")
    print("\n".join(lines), file=sys.stderr)
    return EXIT_INVALID if kinds.get("invalid", 0) or unread_rows else EXIT_OK
