"""Explorer taxa in long form: one row per taxon x place, as ``srank explorer`` and ``explorer_frame`` write them.

A row is the taxon's identifiers and global ranks, then the place's columns of
``srank distribution`` (``_place_rows.PLACE_FIELDS``) with NatureServe's own
rounded rank and the rounding check beside srank's rounding. What concerns the
taxon as a whole (its global rank, a date, places it could not read) goes in the
message of its first row. A taxon with no place still gives one row.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping

from ._describe import text_table
from ._distribution import PlaceRank
from ._errors import problem_line
from ._explorer import Taxon
from ._findings import joined, separator
from ._messages import say
from ._model import MultiSeasonRank, Rank
from ._place_rows import Cells, place_cells
from ._rounded_check import rounding_agrees
from ._safe_cells import safe_cell
from ._text_options import LanguageTag, Style

__all__ = ["FIELDS", "rows"]

FIELDS = (
    "element_global_id",
    "unique_id",
    "elcode",
    "scientific_name",
    "primary_common_name",
    "record_type",
    "global_rank",
    "rounded_global_rank",
    "global_rounding",
    "review_date",
    "change_date",
    "nation",
    "subnation",
    "place",
    "rank",
    "rounded",
    "published_rounded",
    "rounding",
    "label",
    "native",
    "exotic",
    "message",
)
"""The long form's columns, in order.

``rank`` is the place's rank as published (raw in taxon records, rounded in
search results); ``rounded`` is srank's rounding of it and ``published_rounded``
NatureServe's. ``rounding`` and ``global_rounding`` say "agrees" or "differs"
where NatureServe publishes a raw and a rounded rank, and are empty elsewhere.
``native`` and ``exotic`` are "true" or "false" where the record says.
"""


def rows(taxa: Taxon | Iterable[Taxon], *, style: Style = "short", lang: LanguageTag = "en") -> Iterator[Cells]:
    """The long form of ``taxa`` (one ``Taxon`` or many): one tuple of text cells per taxon x place, as ``FIELDS``.

    ``style`` and ``lang`` choose the ``label`` text, as for ``srank.describe``.
    An empty cell is None.

    Args:
        taxa: One Taxon, or any iterable of them.
        style: The style of the label cells: "short", "long" or "plants".
        lang: The language of the label and place cells.

    Yields:
        One tuple per taxon and place, in the order of ``FIELDS``; a taxon with no place gives one row.

    Raises:
        ValueError: An unknown style or language, before any row is written.
        TypeError: ``taxa`` holds something other than taxa (a path or JSON: ``read`` it first).

    Examples:
        >>> import srank.explorer
        >>> lynx = {"uniqueId": "ELEMENT_GLOBAL.2.100", "scientificName": "Lynx canadensis", "roundedGRank": "G5"}
        >>> row = next(srank.explorer.rows(srank.explorer.read_taxon(lynx)))
        >>> dict(zip(srank.explorer.FIELDS, row))["scientific_name"]
        'Lynx canadensis'
    """
    text_table(style=style, lang=lang)  # a wrong style or lang fails before any taxon is written
    if isinstance(taxa, (str, bytes, Mapping, os.PathLike)):  # a saved answer, not yet read: its characters or keys
        raise TypeError(f"rows() takes taxa, not {type(taxa).__name__}: read it first, srank.explorer.read(...)")
    for taxon in [taxa] if isinstance(taxa, Taxon) else taxa:
        if not isinstance(taxon, Taxon):
            raise TypeError(f"rows() takes taxa, not {type(taxon).__name__}: read it first, srank.explorer.read(...)")
        yield from _taxon_rows(taxon, style, lang)


def _taxon_rows(taxon: Taxon, style: Style, lang: LanguageTag) -> Iterator[Cells]:
    head = _taxon_cells(taxon)
    first = joined(taxon.record_findings, place=False, lang=lang) or None
    if not taxon.distribution.records:
        no_place = problem_line("warning", "empty-distribution", say("explorer.no-place"), lang=lang)
        yield (*head, *(None,) * 10, first or no_place)
        return
    for at, record in enumerate(taxon.distribution):
        (nation, subnation, place, rank, rounded, label, message), _ = place_cells(record, style=style, lang=lang)
        published, check = _published(record, taxon)
        if at == 0 and first:
            message = f"{first}{separator(lang)}{message}" if message else first
        flags = (None if flag is None else str(flag).lower() for flag in (record.native, record.exotic))
        yield (*head, nation, subnation, place, rank, rounded, published, check, label, *flags, message)


def _taxon_cells(taxon: Taxon) -> Cells:
    agrees = taxon.global_rounding_agrees
    return (
        None if taxon.element_global_id is None else str(taxon.element_global_id),
        # Text as the record gives it: inert in a spreadsheet (OWASP), like every cell srank composes.
        _safe(taxon.unique_id),
        _safe(taxon.elcode),
        _safe(taxon.scientific_name),
        _safe(taxon.primary_common_name),
        _safe(taxon.record_type),
        _code(taxon.global_rank),
        _code(taxon.rounded_global_rank),
        None if agrees is None else "agrees" if agrees else "differs",
        None if taxon.review_date is None else taxon.review_date.isoformat(),
        None if taxon.change_date is None else taxon.change_date.isoformat(),
    )


def _safe(text: str | None) -> str | None:
    return None if text is None else safe_cell(text)


def _published(record: PlaceRank, taxon: Taxon) -> tuple[str | None, str | None]:
    """NatureServe's rounded rank of the place, and the check of srank's rounding against it."""
    if record.published_rounded is not None and record.rank is not None:
        agrees = rounding_agrees(record.rank, record.published_rounded)
        return str(record.published_rounded), "agrees" if agrees else "differs"
    if taxon.source == "search":  # a search publishes only the rounded rank: the record's rank is it
        return _code(record.rank) or _safe(record.unread) or None, None
    return _code(record.published_rounded), None


def _code(rank: Rank | MultiSeasonRank | None) -> str | None:
    return None if rank is None else str(rank)
