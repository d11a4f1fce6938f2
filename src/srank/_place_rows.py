"""A distribution's places as rows of text: what ``srank distribution`` and pandas ``distributions()`` write.

One row per place: nation, subnation, place name, rank, rounded rank, label and
the findings. A cell that holds no distribution, or none that can be read, is
one row with only a message, so that no input row is lost.
"""

from __future__ import annotations

from ._batch import message_of
from ._describe import describe, text_table
from ._distribution import Distribution, PlaceRank
from ._distribution_text import parse_distribution
from ._errors import InvalidRankError, problem_line
from ._findings import Finding, Severity, joined, separator
from ._messages import say
from ._parse import is_missing
from ._safe_cells import safe_cell
from ._text_options import LanguageTag, Style

__all__ = [
    "EMPTY",
    "PLACE_FIELDS",
    "CellRows",
    "Cells",
    "PlaceKey",
    "empty_cell",
    "lone",
    "place_cells",
    "place_key",
    "with_notes",
]

PLACE_FIELDS = ("nation", "subnation", "place", "rank", "rounded", "label", "message")


def empty_cell(lang: str = "en") -> str:
    """The message of a cell that holds no distribution, in ``lang``."""
    return problem_line("warning", "empty-distribution", say("distribution.empty-cell"), lang=lang)


EMPTY = empty_cell()
"""``empty_cell()`` in English."""

Cells = tuple[str | None, ...]


def lone(message: str) -> Cells:
    """The one row of a cell that gives no place."""
    return (None, None, None, None, None, None, message)


PlaceKey = tuple[PlaceRank, tuple[Finding, ...]]


def place_key(record: PlaceRank) -> PlaceKey:
    """What a place's cells depend on, for caching them: the record, and the reader's notes on its rank.

    Rank equality leaves the notes out (S-E read as SNA equals SNA), but the
    cells show them, in the message and in the label.
    """
    return record, record.rank.notes if record.rank is not None else ()


def place_cells(
    record: PlaceRank, *, style: Style, lang: LanguageTag
) -> tuple[Cells, tuple[tuple[str, Severity], ...]]:
    """A place's row, and the code and severity of each of its findings."""
    rank = record.rank
    notes = record.findings
    # Nation, subnation, place and rank may be text the reader kept as it was (lenient reading, the API).
    cells: Cells = (
        safe_cell(record.nation),
        safe_cell(record.subnation) if record.subnation is not None else None,
        safe_cell(record.place_name(lang)),
        safe_cell(record.written),
        str(rank.rounded()) if rank is not None else None,
        describe(rank, style=style, lang=lang) if rank is not None else None,
        joined(notes, place=False, lang=lang) or None,
    )
    return cells, tuple((finding.code, finding.severity) for finding in notes)


def with_notes(cells: Cells, dist: Distribution, lang: str = "en") -> Cells:
    """The first row of a distribution, carrying what reading skipped between its places; in ``lang``."""
    if not dist.notes:
        return cells
    message = separator(lang).join(filter(None, (joined(dist.notes, place=False, lang=lang), cells[6])))
    return (*cells[:6], message)


class CellRows:
    """The place rows of each cell of a column, for pandas and polars: each string read once, each place made once."""

    def __init__(self, *, lenient: bool, style: Style, lang: LanguageTag) -> None:
        text_table(style=style, lang=lang)  # a wrong style or lang fails before any cell is read
        self.lenient, self.style, self.lang = lenient, style, lang
        self._strings: dict[str, list[Cells]] = {}
        self._places: dict[PlaceKey, Cells] = {}

    def __call__(self, cell: object) -> list[Cells]:
        if is_missing(cell):
            return [lone(empty_cell(self.lang))]
        if not isinstance(cell, str):
            message = say("distribution.not-text", type=type(cell).__name__)
            return [lone(problem_line("error", "syntax", message, lang=self.lang))]
        found = self._strings.get(cell)
        if found is None:
            found = self._strings[cell] = self._read(cell)
        return found

    def _read(self, text: str) -> list[Cells]:
        try:
            dist = parse_distribution(text, lenient=self.lenient)
        except InvalidRankError as error:
            return [lone(message_of(error, self.lang))]
        if not dist.records:
            return [lone(joined(dist.notes, place=False, lang=self.lang) or empty_cell(self.lang))]
        rows = []
        for record in dist:
            key = place_key(record)
            cells = self._places.get(key)
            if cells is None:
                cells = self._places[key] = place_cells(record, style=self.style, lang=self.lang)[0]
            rows.append(cells)
        return [with_notes(rows[0], dist, self.lang), *rows[1:]]
