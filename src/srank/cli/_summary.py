"""The summary ``srank check`` writes to stderr, and the exit status it implies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ._checks import Check, ColumnCheck

__all__ = ["Tally", "problem_lines", "summarise"]

_SHOWN_LINES = 5


@attrs.define
class Tally:
    """Rows read, and the rows whose cells could not be read at all (their first lines kept)."""

    rows: int = 0
    blank_lines: int = 0
    unread: dict[str, list[int]] = attrs.field(factory=dict)  # why -> first lines
    unread_rows: dict[str, int] = attrs.field(factory=dict)

    def add_unread(self, why: str, line: int) -> None:
        self.unread_rows[why] = self.unread_rows.get(why, 0) + 1
        lines = self.unread.setdefault(why, [])
        if len(lines) < _SHOWN_LINES:
            lines.append(line)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def summarise(tally: Tally, checks: Sequence[Check], name: str, lenient: bool, unit: str = "line") -> tuple[str, bool]:
    """The summary text, and whether anything invalid was found."""
    unread = sum(tally.unread_rows.values())
    columns = [check for check in checks if isinstance(check, ColumnCheck)]
    lines = [f"srank check: {name}: {_plural(tally.rows, 'row')}"]
    invalid_found = bool(unread)
    for check in columns:
        kinds = check.kinds
        invalid = kinds.get("invalid", 0) + unread
        invalid_found |= invalid > 0
        distinct = len(check.distinct)
        more = "more than " if check.more_distinct else ""
        counts = (
            f"{kinds.get('valid', 0):,} valid, {invalid:,} invalid, {kinds.get('missing', 0):,} missing;"
            f" {more}{_plural(distinct, 'distinct code')}"
        )
        if len(columns) == 1:
            lines[0] += f": {counts}"
        else:
            lines.append(f"  {check.title}: {counts}")
        lines += problem_lines(check, "    " if len(columns) > 1 else "  ", unit)
        if check.lenient_rows and not lenient:
            lines.append(
                f"{'    ' if len(columns) > 1 else '  '}--lenient would read {check.lenient_rows:,}"
                f" of the {invalid:,} invalid rows"
            )
    for other in checks:
        if isinstance(other, ColumnCheck):
            continue
        kinds = other.kinds
        invalid_found |= kinds.get("error", 0) > 0
        not_read = f", {unread:,} malformed" if unread else ""
        lines.append(f"  {other.title}: {other.outcome()}{not_read}")
        lines += problem_lines(other, "    ", unit)
    if tally.blank_lines:
        blank = "1 blank line was" if tally.blank_lines == 1 else f"{tally.blank_lines:,} blank lines were"
        lines.append(f"  {blank} kept as a row with no rank")
    if tally.unread_rows:
        lines.append("  rows whose cells could not be read (kept, padded, and named in their messages):")
    for why, rows in tally.unread_rows.items():
        shown = ", ".join(f"{line:,}" for line in tally.unread[why]) + (" ..." if rows > len(tally.unread[why]) else "")
        lines.append(f"  {rows:>10,}  malformed-row ({why}), {unit if rows == 1 else unit + 's'} {shown}")
    return "\n".join(lines), invalid_found


def problem_lines(check: Check, indent: str, unit: str = "line") -> list[str]:
    ranked = sorted(check.problem_rows.items(), key=lambda item: -item[1])
    lines = [f"{indent}most common problems:"] if ranked else []
    for code, rows in ranked[:10]:
        examples = sorted(check.problems[code].items(), key=lambda item: -item[1])
        shown = ", ".join(f"{_clip(key)} ({times:,})" for key, times in examples[:3])
        more = f" and {len(examples) - 3:,} more" if len(examples) > 3 else ""
        first = check.first_lines.get(code)
        where = f"; first on {unit} {first:,}" if first else ""
        lines.append(f"{indent}{rows:>10,}  {code}: {shown}{more}{where}")
    return lines


def _clip(key: Any, limit: int = 40) -> str:
    """A cell (or cells) for the summary: quoted, and shortened when long."""
    if isinstance(key, tuple):
        return " / ".join(_clip(cell, limit // 2) for cell in key)
    shown = repr(key)
    return shown if len(shown) <= limit else f"{shown[: limit - 1]}…' ({len(key):,} characters)"
