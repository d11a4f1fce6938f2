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

from .._findings import colon, separator
from .._languages import ENGLISH
from .._messages import in_language, say, say_count
from ._checks import Check, Long

__all__ = ["Tally", "number", "plural", "problem_lines", "shown_cells", "summarise"]

_SHOWN_LINES = 5


@attrs.define
class Tally:
    """Rows read and written, and the rows whose cells could not be read at all (their first lines kept)."""

    rows: int = 0
    rows_out: int = 0  # the output's rows, written or, under --summary-only, counted only
    written: bool = True  # False under --summary-only: the rows out were counted, not written
    blank_lines: int = 0
    unread: dict[str, list[int]] = attrs.field(factory=dict)  # why -> first lines
    unread_rows: dict[str, int] = attrs.field(factory=dict)

    def add_unread(self, why: str, line: int) -> None:
        self.unread_rows[why] = self.unread_rows.get(why, 0) + 1
        lines = self.unread.setdefault(why, [])
        if len(lines) < _SHOWN_LINES:
            lines.append(line)


def plural(count: int, word: str) -> str:
    """``1 row``, ``2 rows``, with thousands separated (English only: what the summary says is a message)."""
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def number(value: int, lang: str) -> str:
    """A number with the thousands grouped the language's way: ``1,234``, ``1 234``."""
    return in_language(say("cli.summary.number", number=value), lang)


def summarise(
    head: str,
    joiner: str,
    tally: Tally,
    checks: Sequence[Check],
    lenient: bool,
    unit: str = "line",
    notes: Sequence[str] = (),
    lang: str = ENGLISH,
) -> tuple[str, bool]:
    """The summary text under its first line ``head``, and whether anything makes the exit status 1; in ``lang``.

    ``notes`` are the source's own lines (a joined source's rows in, and those not compared), after the checks'.
    """
    unread = sum(tally.unread_rows.values())
    main = [check for check in checks if check.primary]
    lines = [head]
    found = bool(unread)
    joined = {": ": colon(lang), "; ": separator(lang)}.get(joiner, joiner)
    for check in checks:
        found |= check.failed()
        alone = check.primary and len(main) == 1
        if alone:
            lines[0] += joined + check.counts(unread)
        else:
            lines.append(f"  {in_language(check.title, lang)}{colon(lang)}{check.counts(unread)}")
        indent = "  " if alone else "    "
        lines += problem_lines(check, indent, unit, lang)
        if check.lenient_rows and not lenient:
            invalid = check.kinds.get("invalid", 0) + unread
            said = say_count("cli.summary.lenient-would-read", invalid, rows=check.lenient_rows)
            lines.append(indent + in_language(said, lang))
    lines += notes
    if tally.blank_lines:
        lines.append("  " + in_language(say_count("cli.summary.blank-lines", tally.blank_lines), lang))
    if tally.unread_rows:
        lines.append("  " + in_language(say("cli.summary.unread-rows"), lang))
    for why, rows in tally.unread_rows.items():
        shown = ", ".join(number(line, lang) for line in tally.unread[why])
        shown += " ..." if rows > len(tally.unread[why]) else ""
        where = say_count(f"cli.summary.{unit}s", rows, numbers=shown)
        lines.append("  " + in_language(say("cli.summary.malformed", rows=rows, why=why, where=where), lang))
    return "\n".join(lines), found


def problem_lines(check: Check, indent: str, unit: str = "line", lang: str = ENGLISH) -> list[str]:
    ranked = sorted(check.problem_rows.items(), key=lambda item: -item[1])
    lines = [indent + in_language(say("cli.summary.most-common"), lang)] if ranked else []
    for code, rows in ranked[:10]:
        examples = sorted(check.problems[code].items(), key=lambda item: -item[1])
        shown = ", ".join(
            in_language(say("cli.summary.example", cells=shown_cells(key, lang), times=times), lang)
            for key, times in examples[:3]
        )
        others = len(check.problem_keys.get(code, ())) - len(examples[:3])
        more_text: str = ""
        if code in check.problem_more:
            more_text = say("cli.summary.and-more-than", others=others)
        elif others > 0:
            more_text = say_count("cli.summary.and-more", others)
        first = check.first_lines.get(code)
        where = say(f"cli.summary.first-on-{unit}", first=first) if first else ""
        said = say("cli.summary.problem", rows=rows, code=code, examples=shown, more=more_text, where=where)
        lines.append(indent + in_language(said, lang))
    return lines


def shown_cells(key: Any, lang: str, limit: int = 40) -> str:
    """A cell (or cells) for the summary: quoted, and shortened when long, with the cell's own length."""
    if isinstance(key, tuple):
        return " / ".join(shown_cells(cell, lang, limit // 2) for cell in key)
    length = key.length if isinstance(key, Long) else len(key)
    shown = in_language(say("cli.summary.cell", cell=str(key)), lang)
    if len(shown) <= limit and length == len(key):
        return shown
    # Cut inside the quotes, so that each language closes its own: 'Mexico (N2): SON…', « Mexico (N2) : SON… ».
    cut = max(1, limit - (len(shown) - len(str(key))))  # the quotes, and the cell up to the limit
    start = in_language(say("cli.summary.cell", cell=str(key)[:cut] + "…"), lang)
    return in_language(say("cli.summary.clipped", start=start, length=length), lang)
