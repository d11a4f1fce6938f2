"""A distribution's places as rows of text: what ``srank distribution`` and pandas ``distributions()`` write.

One row per place: nation, subnation, place name, rank, rounded rank, label and
the findings. A cell that holds no distribution, or none that can be read, is
one row with only a message, so that no input row is lost.
"""

from __future__ import annotations

from ._describe import describe
from ._distribution import Distribution, PlaceRank
from ._findings import Finding, Severity

__all__ = ["EMPTY", "PLACE_FIELDS", "Cells", "finding_text", "lone", "place_cells", "with_notes"]

PLACE_FIELDS = ("nation", "subnation", "place", "rank", "rounded", "label", "message")
EMPTY = "warning[empty-distribution]: the cell holds no distribution"

Cells = tuple[str | None, ...]


def finding_text(finding: Finding) -> str:
    """A finding without its place: the row already names the place."""
    return f"{finding.severity.value}[{finding.code}]: {finding.message}"


def lone(message: str) -> Cells:
    """The one row of a cell that gives no place."""
    return (None, None, None, None, None, None, message)


def place_cells(record: PlaceRank, *, style: str, lang: str) -> tuple[Cells, tuple[tuple[str, Severity], ...]]:
    """A place's row, and the code and severity of each of its findings."""
    rank = record.rank
    notes = [*record.notes, *(rank.findings if rank is not None else ())]
    cells: Cells = (
        record.nation,
        record.subnation,
        record.place_name(lang),
        record.written,
        str(rank.rounded()) if rank is not None else None,
        describe(rank, style=style, lang=lang) if rank is not None else None,
        "; ".join(map(finding_text, notes)) or None,
    )
    return cells, tuple((finding.code, finding.severity) for finding in notes)


def with_notes(cells: Cells, dist: Distribution) -> Cells:
    """The first row of a distribution, carrying what reading skipped between its places."""
    if not dist.notes:
        return cells
    message = "; ".join(filter(None, ("; ".join(map(finding_text, dist.notes)), cells[6])))
    return (*cells[:6], message)
