"""The summary every table command writes to stderr, and the exit status it implies.

The first line names the command, the file and the command's own headline;
a lone main check's counts follow on that line, several each get a block.
Then each check's most common problems, with examples and the line each was
first met on, and the rows that could not be read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ._checks import Check, Long

__all__ = ["Tally", "problem_lines", "summarise"]

_SHOWN_LINES = 5


@attrs.define
class Tally:
    """Rows read and written, and the rows whose cells could not be read at all (their first lines kept)."""

    rows: int = 0
    rows_out: int = 0
    blank_lines: int = 0
    unread: dict[str, list[int]] = attrs.field(factory=dict)  # why -> first lines
    unread_rows: dict[str, int] = attrs.field(factory=dict)

    def add_unread(self, why: str, line: int) -> None:
        self.unread_rows[why] = self.unread_rows.get(why, 0) + 1
        lines = self.unread.setdefault(why, [])
        if len(lines) < _SHOWN_LINES:
            lines.append(line)


def plural(count: int, word: str) -> str:
    """``1 row``, ``2 rows``, with thousands separated."""
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def summarise(
    head: str,
    joiner: str,
    tally: Tally,
    checks: Sequence[Check],
    lenient: bool,
    unit: str = "line",
    notes: Sequence[str] = (),
) -> tuple[str, bool]:
    """The summary text under its first line ``head``, and whether anything makes the exit status 1.

    ``notes`` are the source's own lines (a joined source's rows in, and those not compared), after the checks'.
    """
    unread = sum(tally.unread_rows.values())
    main = [check for check in checks if check.primary]
    lines = [head]
    found = bool(unread)
    for check in checks:
        found |= check.failed()
        alone = check.primary and len(main) == 1
        if alone:
            lines[0] += joiner + check.counts(unread)
        else:
            lines.append(f"  {check.title}: {check.counts(unread)}")
        indent = "  " if alone else "    "
        lines += problem_lines(check, indent, unit)
        if check.lenient_rows and not lenient:
            invalid = check.kinds.get("invalid", 0) + unread
            lines.append(f"{indent}--lenient would read {check.lenient_rows:,} of the {invalid:,} invalid rows")
    lines += notes
    if tally.blank_lines:
        blank = "1 blank line was" if tally.blank_lines == 1 else f"{tally.blank_lines:,} blank lines were"
        lines.append(f"  {blank} kept as a row with no rank")
    if tally.unread_rows:
        lines.append("  rows whose cells could not be read (kept, padded, and named in their messages):")
    for why, rows in tally.unread_rows.items():
        shown = ", ".join(f"{line:,}" for line in tally.unread[why]) + (" ..." if rows > len(tally.unread[why]) else "")
        lines.append(f"  {rows:>10,}  malformed-row ({why}), {unit if rows == 1 else unit + 's'} {shown}")
    return "\n".join(lines), found


def problem_lines(check: Check, indent: str, unit: str = "line") -> list[str]:
    ranked = sorted(check.problem_rows.items(), key=lambda item: -item[1])
    lines = [f"{indent}most common problems:"] if ranked else []
    for code, rows in ranked[:10]:
        examples = sorted(check.problems[code].items(), key=lambda item: -item[1])
        shown = ", ".join(f"{_clip(key)} ({times:,})" for key, times in examples[:3])
        others = len(check.problem_keys.get(code, ())) - len(examples[:3])
        over = "more than " if code in check.problem_more else ""
        more = f" and {over}{others:,} more" if others > 0 else ""
        first = check.first_lines.get(code)
        where = f"; first on {unit} {first:,}" if first else ""
        lines.append(f"{indent}{rows:>10,}  {code}: {shown}{more}{where}")
    return lines


def _clip(key: Any, limit: int = 40) -> str:
    """A cell (or cells) for the summary: quoted, and shortened when long, with the cell's own length."""
    if isinstance(key, tuple):
        return " / ".join(_clip(cell, limit // 2) for cell in key)
    length = key.length if isinstance(key, Long) else len(key)
    shown = repr(str(key))
    if len(shown) <= limit and length == len(key):
        return shown
    return f"{shown[: limit - 1]}…' ({length:,} characters)"
