"""``srank diff``: what changed between two exports, paired by key, in long form.

The two files are joined on their key (``_join``), and each compared column
is a check whose output rows follow the others' (the skeleton's long layout):
one row per key and column, or per season when a multi-season code changed
part by part, or per place and season for a distribution column. A row that
could not be compared (an unreadable code, a blank or repeated key, a malformed
row) is written with its problem named. Exit status as ``diff`` has it: 0 when
no rank changed (``notation`` is no change), 1 when one did, 2 on trouble,
including rows that could not be compared.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, TypeVar

import attrs

from .._change_kinds import WHOLE_KINDS, ChangeKind
from .._changes import RankChange, compare_ranks
from .._distribution import read_whole
from .._distribution_text import parse_distribution
from .._errors import InvalidRankError
from .._findings import joined, separator
from .._messages import in_language, say, say_count
from .._model import AnyRank
from .._parse import parse
from .._place_changes import PLACE_MAYBE_SKIPPED, PlaceChange, compare_distributions
from ._arguments import UsageError, lang_option, lenient_option, renamed_option, repeatable, row_number
from ._cells import read_cell
from ._checks import Check, Verdict
from ._codes import check_label_options
from ._command import TableCommand
from ._hints import cli_message_of
from ._join import ONLY_NEW, ONLY_OLD, Join, JoinedTable, Pair, open_join
from ._status import EXIT_FOUND, EXIT_OK, EXIT_USAGE
from ._summary import Tally

__all__ = ["COLUMNS", "COMMAND", "ColumnDiff", "DiffCommand", "DistributionDiff"]

COLUMNS = (
    "srank_column",
    "srank_place",
    "srank_season",
    "srank_old",
    "srank_new",
    "srank_old_rounded",
    "srank_new_rounded",
    "srank_change",
    "srank_rounded_changed",
    "srank_message",
)
DATES = ("srank_old_date", "srank_new_date")
INVALID = "invalid"  # a code that could not be read: the summary's kind, not a change
NOT_COMPARED = "not compared"  # a row the join could not pair (blank or repeated key, malformed row)
UNCHANGED = frozenset({ChangeKind.SAME, ChangeKind.NOTATION})  # no rank changed: exit status 0
_MOVED = frozenset({ChangeKind.UPLISTED, ChangeKind.DOWNLISTED})
_GONE = {ONLY_OLD: ChangeKind.REMOVED, ONLY_NEW: ChangeKind.ADDED}  # a key in one file only
_CHANGES = frozenset(ChangeKind) - UNCHANGED
_RENAMED = "COLUMN[=NEWNAME]"  # an option naming a column, and its new name if NEW renamed it
_SUMMARY_ORDER = [*ChangeKind, INVALID, NOT_COMPARED]


class DiffCommand(TableCommand[JoinedTable]):
    name = "diff"
    columns = COLUMNS
    joiner = "; "
    layout = "long"
    numbered = False  # a joined row comes from two files: it has no one line number for --problems-only

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("old", metavar="OLD", help=say("cli.diff.help-old"))
        parser.add_argument("new", metavar="NEW", help=say("cli.diff.help-new"))
        repeatable(parser, "--key", "-k", read=renamed_option, metavar=_RENAMED, help=say("cli.diff.help-key"))
        repeatable(parser, "--column", "-c", read=renamed_option, metavar=_RENAMED, help=say("cli.diff.help-column"))
        repeatable(
            parser,
            "--distribution-column",
            read=renamed_option,
            metavar=_RENAMED,
            help=say("cli.diff.help-distribution"),
        )
        parser.add_argument("--changes-only", action="store_true", help=say("cli.diff.help-changes-only"))
        parser.add_argument("--old-date", metavar="COLUMN", help=say("cli.diff.help-old-date"))
        parser.add_argument("--new-date", metavar="COLUMN", help=say("cli.diff.help-new-date"))
        lenient_option(parser)
        lang_option(parser)
        parser.add_argument("--old-encoding", metavar="ENCODING", help=say("cli.diff.help-old-encoding"))
        parser.add_argument("--new-encoding", metavar="ENCODING", help=say("cli.diff.help-new-encoding"))
        parser.add_argument("--old-sheet", metavar="NAME", help=say("cli.diff.help-old-sheet"))
        parser.add_argument("--new-sheet", metavar="NAME", help=say("cli.diff.help-new-sheet"))
        parser.add_argument("--old-header-row", type=row_number, metavar="N", help=say("cli.diff.help-old-header-row"))
        parser.add_argument("--new-header-row", type=row_number, metavar="N", help=say("cli.diff.help-new-header-row"))

    def prepare(self, args: argparse.Namespace) -> None:
        if not args.key:
            raise UsageError(say("cli.diff.no-key"))
        if not args.column and not args.distribution_column:
            raise UsageError(say("cli.diff.no-column"))
        compared = [*args.column, *args.distribution_column]
        for twice, pairs in (("cli.diff.twice-key", args.key), ("cli.diff.twice-compared", compared)):
            seen = [old for old, _ in pairs]
            repeated = sorted({name for name in seen if seen.count(name) > 1})
            if repeated:
                raise UsageError(say(twice, name=repeated[0]))
        keys = [{pair[side] for pair in args.key} for side in (0, 1)]  # OLD's key columns, NEW's
        for option, pairs in (("-c", args.column), ("--distribution-column", args.distribution_column)):
            both = next((pair[side] for pair in pairs for side in (0, 1) if pair[side] in keys[side]), None)
            if both is not None:  # -k ID -c ID: every row would pair with itself and compare its own id as a rank
                raise UsageError(say("cli.diff.key-compared", name=both, option=option))
        check_label_options("short", args.lang)

    def open(self, args: argparse.Namespace) -> AbstractContextManager[JoinedTable]:
        columns = [Pair(*pair) for pair in (*args.column, *args.distribution_column)]
        old_extra = [args.old_date] if args.old_date else []
        new_extra = [args.new_date] if args.new_date else []
        return open_join(args, Join([Pair(*pair) for pair in args.key], columns, old_extra, new_extra))

    def checks(self, args: argparse.Namespace, table: JoinedTable) -> list[Check]:
        layout = Layout(
            places=bool(args.distribution_column),
            old_date=args.old_date is not None,
            new_date=args.new_date is not None,
            lenient=args.lenient,
            lang=args.lang,
            changes_only=args.changes_only,
            old_name=table.records.old.name,
            new_name=table.records.new.name,
        )
        checks: list[Check] = []
        for at, (old, new) in enumerate((*args.column, *args.distribution_column)):
            kind = ColumnDiff if at < len(args.column) else DistributionDiff
            checks.append(kind(Pair(old, new), _indexes(table, at, layout), layout))
        return checks

    def headline(self, tally: Tally, checks: Sequence[Check]) -> str:
        lang = checks[0].lang if checks else "en"
        headline = "cli.diff.headline" if tally.written else "cli.diff.headline-not-written"
        out = in_language(say(headline, rows=say_count("cli.count-rows", tally.rows_out)), lang)
        if checks and isinstance(checks[0], ColumnDiff) and checks[0].layout.changes_only:
            same = sum(check.kinds.get(ChangeKind.SAME, 0) for check in checks)
            out += in_language(say_count("cli.diff.same-left-out", same), lang)
        return out

    def exit_status(self, found: bool, checks: Sequence[Check]) -> int:
        if any(check.kinds.get(INVALID) or check.kinds.get(NOT_COMPARED) for check in checks):
            return EXIT_USAGE
        return EXIT_FOUND if found else EXIT_OK


@attrs.frozen
class Layout:
    """What every compared column's rows hold, and how they are written."""

    places: bool
    old_date: bool
    new_date: bool
    lenient: bool
    lang: str
    changes_only: bool
    old_name: str
    new_name: str

    @property
    def columns(self) -> tuple[str, ...]:
        dates = tuple(name for name, given in zip(DATES, (self.old_date, self.new_date), strict=True) if given)
        return tuple(column for column in COLUMNS if column != "srank_place" or self.places) + dates


def _indexes(table: JoinedTable, at: int, layout: Layout) -> list[int]:
    """The cells a column's check reads in a joined row: OLD's and NEW's cell, the dates, the row's status."""
    dates = [table.old_at(table.compared)] if layout.old_date else []  # each file's date follows its columns
    dates += [table.new_at(table.compared)] if layout.new_date else []
    return [table.old_at(at), table.new_at(at), *dates, table.status_at]


@attrs.frozen
class DiffVerdict(Verdict):
    """A verdict that counts each of its output rows by its kind, those left out by --changes-only included."""

    counted: tuple[str, ...] = ()
    reviewed: int = 0  # rows "reviewed but unchanged"
    species_only: int = 0  # rows uplisted or downlisted in a species' G part alone, the T rank unchanged
    places: tuple[tuple[str, str], ...] = ()  # each place row not compared after the first: its code and place


class ColumnDiff(Check):
    """A rank column of both files: the change of each key's code, whole or season by season."""

    def __init__(self, pair: Pair, indexes: list[int], layout: Layout) -> None:
        super().__init__(indexes)
        self.pair = pair
        self.layout = layout
        self.columns = layout.columns
        self.lang = layout.lang
        self.title = (
            say("cli.diff.title-renamed", old=pair.old, new=pair.new, file=layout.new_name)
            if pair.new != pair.old
            else say("cli.check.column-title", name=pair.old)
        )
        self.reviewed = 0
        self.species_only = 0

    # -- the summary

    def add(self, key: Any, rows: int, verdict: Verdict) -> None:
        super().add(key[:2], rows, verdict)  # examples of problems show the two codes
        if isinstance(verdict, DiffVerdict) and rows:
            self.reviewed += verdict.reviewed * rows
            self.species_only += verdict.species_only * rows
            for code, place in verdict.places:  # a distribution's other places not compared count as well
                self.add_problem(key[:2], rows, code, place)

    def reserve(self, key: Any, verdict: Verdict) -> None:
        super().reserve(key[:2], verdict)  # the place of the example add() will count

    def count_kinds(self, key: Any, rows: int, verdict: Verdict) -> None:
        counted = verdict.counted if isinstance(verdict, DiffVerdict) else (verdict.kind,)
        for kind in counted:
            self.kinds[kind] = self.kinds.get(kind, 0) + rows

    def counts(self, unread: int) -> str:
        kinds = self.kinds
        present = [kind for kind in _SUMMARY_ORDER if kinds.get(kind)]
        shown = [_kind_count(kind, kinds[kind]) for kind in present]
        if self.species_only:  # G5T2 -> G4T2: uplisted, though the subspecies' own rank (its rounded rank) stayed
            after = max(at for at, kind in enumerate(present) if kind in _MOVED)  # right after what it counts part of
            shown.insert(after + 1, say_count("cli.diff.species-only", self.species_only))
        if self.reviewed:
            shown.append(say_count("cli.diff.reviewed", self.reviewed))
        return self.listed(shown) or self.say(say("cli.diff.no-rows"))

    def failed(self) -> bool:
        return any(count and kind in _CHANGES for kind, count in self.kinds.items())

    # -- one key

    def judge(self, key: Any) -> Verdict:
        old, new, status = key[0], key[1], key[-1]
        dates = self._dates(key[2:-1])
        if status not in ("", ONLY_OLD, ONLY_NEW):
            row = {**self._cells(old=old.strip(), new=new.strip(), message=status), **dates}
            return DiffVerdict((row,), NOT_COMPARED, counted=(NOT_COMPARED,))
        rows, problem, lenient_reads, unread_codes = self.compare(old, new, status)
        cells = [{**row, **dates} for row in rows]
        if problem:  # the cells could not be read: one row
            return DiffVerdict((cells[0],), INVALID, problem, lenient_reads, counted=(INVALID,))
        reviewed = 0
        if _moved(dates):
            before = dates["srank_old_date"] or say("cli.diff.no-date")
            note = self.say(say("cli.diff.reviewed-note", before=before, after=dates["srank_new_date"]))
            for row in cells:
                if row["srank_change"] in UNCHANGED:
                    row["srank_message"] = f"{row['srank_message']}{separator(self.lang)}{note}"
                    reviewed += 1
        counted = tuple(row["srank_change"] or NOT_COMPARED for row in cells)  # no change: a place not compared
        # An uplisting or downlisting that leaves the rounded rank where it was is one in a species' G part alone.
        species_only = sum(row["srank_change"] in _MOVED and row["srank_rounded_changed"] is False for row in cells)
        kept = tuple(row for row in cells if row["srank_change"] != ChangeKind.SAME or not self.layout.changes_only)
        kind = counted[0] if counted else ChangeKind.SAME
        unread = [
            (code, row.get("srank_place", ""))
            for code, row in zip(unread_codes, (r for r in cells if not r["srank_change"]), strict=True)
        ]
        problem, about = unread[0] if unread else ("", "")  # about: US-VT
        return DiffVerdict(
            kept,
            kind,
            problem,
            about=about,
            counted=counted,
            reviewed=reviewed,
            species_only=species_only,
            places=tuple(unread[1:]),
        )

    def compare(self, old: str, new: str, status: str) -> Compared:
        """The rows of a key's two cells; or one row naming why they could not be read, its code, and whether
        --lenient would read them; last, the code of each place row not compared (a distribution's)."""
        ranks: tuple[AnyRank | None, AnyRank | None]
        ranks, unread = _both(old, new, parse, self.layout.lenient, self.lang)
        old_rank, new_rank = ranks
        if unread is not None:
            message, code, lenient_reads = unread
            # An unread cell as written, its spaces too: the message may be about them ("found ' '").
            written = [cell if rank is None else str(rank) for cell, rank in ((old, old_rank), (new, new_rank))]
            rounded = ["" if rank is None else str(rank.rounded()) for rank in (old_rank, new_rank)]
            # A key in one file only was added or removed, whether or not its one cell reads.
            gone = _GONE.get(status, "")
            row = self._cells(
                old=written[0], new=written[1], old_rounded=rounded[0], new_rounded=rounded[1], change=gone
            )
            return [{**row, "srank_message": self._said_alone(message, status)}], code, lenient_reads, ()
        change = compare_ranks(old_rank, new_rank, old, new)
        lang = self.layout.lang
        if change.parts[0] is change or change.kind in WHOLE_KINDS:
            parts = [(change, change.describe(lang=lang))]
        else:
            parts = [(part, part.describe(lang=lang)) for part in change.parts]
        return [self._change_cells(part, message, status) for part, message in parts], "", False, ()

    def _change_cells(self, change: RankChange, message: str, status: str, place: str = "") -> dict[str, Any]:
        kind = change.kind
        if status and kind is ChangeKind.SAME:  # a blank cell of a key in one file only: the row was added or removed
            kind = _GONE[status]
        message = self._said_alone(message, status)
        return self._cells(
            place=place,
            season=change.season.value if change.season is not None else "",
            old=_code(change.old),
            new=_code(change.new),
            old_rounded=_code(change.old_rounded),
            new_rounded=_code(change.new_rounded),
            change=kind,
            rounded_changed=change.rounded_changed,
            message=message,
        )

    def _said_alone(self, message: str, status: str) -> str:
        """``message``, and for a key in one file only (``status``), the file it is not in."""
        if status not in _GONE:
            return message
        other = self.layout.new_name if status == ONLY_OLD else self.layout.old_name
        return f"{message}{separator(self.lang)}{self.say(say('cli.diff.key-not-in', file=other))}"

    def _cells(
        self,
        *,
        place: str = "",
        season: str = "",
        old: str = "",
        new: str = "",
        old_rounded: str = "",
        new_rounded: str = "",
        change: str = "",
        rounded_changed: bool | None = None,
        message: str = "",
    ) -> dict[str, Any]:
        cells = {
            "srank_column": self.pair.old,
            "srank_season": season,
            "srank_old": old,
            "srank_new": new,
            "srank_old_rounded": old_rounded,
            "srank_new_rounded": new_rounded,
            "srank_change": str(change),
            "srank_rounded_changed": rounded_changed,
            "srank_message": message,
        }
        if self.layout.places:
            cells["srank_place"] = place
        return cells

    def _dates(self, cells: tuple[str, ...]) -> dict[str, str]:
        given = [name for name, on in zip(DATES, (self.layout.old_date, self.layout.new_date), strict=True) if on]
        return {name: cell.strip() for name, cell in zip(given, cells, strict=True)}


class DistributionDiff(ColumnDiff):
    """A distribution column of both files: one row per place and season, as ``srank.compare_distributions``."""

    def __init__(self, pair: Pair, indexes: list[int], layout: Layout) -> None:
        super().__init__(pair, indexes, layout)
        self.title = say("cli.diff.distribution-title", title=self.title)

    def compare(self, old: str, new: str, status: str) -> Compared:
        (old_dist, new_dist), unread = _both(old, new, parse_distribution, self.layout.lenient, self.lang, read_whole)
        if unread is not None:
            message, code, lenient_reads = unread
            return [self._cells(message=message)], code, lenient_reads, ()
        lang = self.layout.lang
        nothing_read = [
            (side, dist)
            for side, dist in (("old", old_dist), ("new", new_dist))
            if dist is not None and dist.notes and not dist.records
        ]
        if nothing_read:  # lenient reading kept no place of a cell: not compared, as a cell that cannot be read is not
            said = separator(lang).join(
                _side(side, joined(dist.notes, place=False, lang=lang), lang) for side, dist in nothing_read
            )
            return [self._cells(message=said)], nothing_read[0][1].notes[0].code, False, ()
        places = compare_distributions(old_dist, new_dist)
        if not places:  # no place on either side: still one row
            nothing = compare_ranks(None, None)
            return [self._change_cells(nothing, nothing.describe(lang=lang), status)], "", False, ()
        rows = [self._place_cells(place, status) for place in places]
        notes = separator(lang).join(
            _side(side, joined(dist.notes, place=False, lang=lang), lang)
            for side, dist in (("old", old_dist), ("new", new_dist))
            if dist is not None and dist.notes
        )
        if notes:
            rows[0]["srank_message"] = f"{rows[0]['srank_message']}{separator(lang)}{notes}"
        return rows, "", False, tuple(code for place in places if (code := _not_compared(place)))

    def _place_cells(self, place: PlaceChange, status: str) -> dict[str, Any]:
        """A place's row. A place whose rank lenient reading could not read, on either side, is not compared (as a
        code that cannot be read is not): its row names the place, the side that reads, and the reader's warning."""
        lang = self.layout.lang
        if not _not_compared(place):
            return self._change_cells(place.change, _place_message(place, lang), status, _place(place))
        notes = joined(place.notes, place=False, lang=lang)
        message = in_language(say("cli.diff.place-not-compared", place=place.place_name(lang), notes=notes), lang)
        change = place.change  # a rank that could not be read keeps its text, as a code in a column does
        old, new = _code(change.old) or place.old_written or "", _code(change.new) or place.new_written or ""
        return self._cells(place=_place(place), old=old, new=new, message=message)


Read = TypeVar("Read")
Compared = tuple[list[dict[str, Any]], str, bool, tuple[str, ...]]


def _both(
    old: str,
    new: str,
    read: Callable[..., Read],
    lenient: bool,
    lang: str = "en",
    whole: Callable[[Read], bool] = lambda _: True,
) -> tuple[tuple[Read | None, Read | None], tuple[str, str, bool] | None]:
    """Both cells read; and when one cannot be, the message naming each side's error, the first code, and
    whether --lenient would read them (``whole``: all of each, not only the parts it can read)."""
    (old_value, old_error), (new_value, new_error) = _read(read, old, lenient), _read(read, new, lenient)
    errors = [(side, cell, error) for side, cell, error in (("old", old, old_error), ("new", new, new_error)) if error]
    if not errors:
        return (old_value, new_value), None
    message = separator(lang).join(_side(side, cli_message_of(error, lang), lang) for side, _, error in errors)
    leniently = [_read(read, cell, True)[0] for _, cell, _ in errors]
    lenient_reads = not lenient and all(value is not None and whole(value) for value in leniently)
    return (old_value, new_value), (message, errors[0][2].code, lenient_reads)


def _read(read: Callable[..., Read], cell: str, lenient: bool) -> tuple[Read | None, InvalidRankError | None]:
    """A cell's value and its error, one of them None (both, for a missing value)."""
    value = read_cell(read, cell, lenient)
    return (None, value) if isinstance(value, InvalidRankError) else (value, None)


def _code(rank: AnyRank | None) -> str:
    return "" if rank is None else str(rank)


_UNREADABLE = "unreadable-rank"


def _not_compared(place: PlaceChange) -> str:
    """Why a place is not compared, as a finding's code ("" when it is): lenient reading could not read its rank on
    one side (the place is there, its rank unknown), or text it skipped on the side that lacks the place names it."""
    return next((note.code for note in place.notes if note.code in (_UNREADABLE, PLACE_MAYBE_SKIPPED)), "")


def _place(change: PlaceChange) -> str:
    """A place as a code: the nation ("US"), or the nation and subnation ("US-MD")."""
    return change.nation if change.subnation is None else f"{change.nation}-{change.subnation}"


def _place_message(change: PlaceChange, lang: str) -> str:
    notes = joined(change.notes, place=False, lang=lang)
    return f"{change.describe(lang=lang)}{separator(lang)}{notes}" if notes else change.describe(lang=lang)


def _side(side: str, problem: str, lang: str) -> str:
    """What one file's cell says: ``old: ...`` or ``new: ...``, in ``lang``."""
    return in_language(say("cli.diff.side", side=say(f"cli.diff.{side}"), problem=problem), lang)


def _kind_count(kind: str, count: int) -> str:
    """A kind's count in the summary, in words: in English a change kind's own code (as srank_change writes it)."""
    if kind == INVALID:
        return say_count("cli.counts.invalid", count)
    if kind == NOT_COMPARED:
        return say_count("cli.counts.not-compared", count)
    return say_count(f"cli.diff.kind.{ChangeKind(kind).value}", count)


# 5/2/2019, 2.5.2019, 2019/05/02, 5/2/19, with a time after it as a spreadsheet may write one (5/2/2019 0:00).
_SLASHED = re.compile(r"(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


def _days(text: str) -> tuple[bool, frozenset[datetime.date]] | None:
    """The days a date cell may name, and whether its form is ambiguous: one day for 2024-03-01 (ISO, with or
    without a time) or 2019/05/02; one or two for 5/2/2019, the 2nd of May as a US spreadsheet writes it and the
    5th of February as a Canadian one may; None when it is no date, and is compared as text."""
    try:
        return False, frozenset({datetime.datetime.fromisoformat(text.strip()).date()})
    except ValueError:
        pass
    found = _SLASHED.fullmatch(text.strip())
    if found is None:
        return None
    first, second, third = (int(part) for part in found.groups())
    if len(found[1]) == 4:
        orders, ambiguous = [(first, second, third)], False
    else:
        year = _year(third, found[3])
        orders, ambiguous = [(year, first, second), (year, second, first)], True
    days = set()
    for year, month, day in orders:
        with contextlib.suppress(ValueError):
            days.add(datetime.date(year, month, day))
    return (ambiguous, frozenset(days)) if days else None


def _moved(dates: dict[str, str]) -> bool:
    """True when NEW's date is given and differs from OLD's: the rank was reviewed again.

    Two dates written the same way are read the same way (5/2/2019 and 2/5/2019 are two days); a date written
    5/2/2019 against one written 2019-05-02 is the same day when either reading of it makes it so.
    """
    new = dates.get("srank_new_date", "")
    if "srank_old_date" not in dates or not new:
        return False
    old = dates["srank_old_date"]
    before, after = _days(old), _days(new)
    if before is None or after is None:
        return old.strip() != new.strip()
    if before[0] and after[0]:  # both written day and month first, or both month first: one reading for both
        return _numbers(old) != _numbers(new)
    return not before[1] & after[1]


def _numbers(text: str) -> tuple[int, ...]:
    """The numbers of a slashed date, the year in four digits: 05/02/2019 and 5/2/19 are (5, 2, 2019)."""
    found = _SLASHED.fullmatch(text.strip())
    assert found is not None  # only a date _days read as ambiguous comes here
    first, second, year = (int(part) for part in found.groups())
    return first, second, _year(year, found[3])


def _year(number: int, written: str) -> int:
    """A year written with two digits is of this century up to 49, else of the last (5/2/19 is 2019)."""
    return number + (2000 if number < 50 else 1900) if len(written) <= 2 else number


COMMAND = DiffCommand()
