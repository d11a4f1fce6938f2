"""The sentence of a change (``str(change)``, ``change.describe(lang=...)``), in the words of the description table.

A change of one part is one line: the two codes and what happened ("G3 → G2,
uplisted (more imperiled)"), with the rounded ranks added when they moved and
differ from the codes ("S2S3 → S1, uplisted (more imperiled) (rounded S2 → S1)").
A multi-season code gives one line per season that changed, each named by its
season, joined by the table's separator; a code added, removed, kept or merely
rewritten as a whole is one line. X and H read in the level's wording: extinct
for G and T, extirpated for N and S.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ._change_kinds import WHOLE_KINDS, ChangeKind
from ._changes import RankChange, taxon_level
from ._describe import text_table, value_key
from ._description_tables import Table
from ._text_options import LanguageTag

if TYPE_CHECKING:
    from ._place_changes import PlaceChange

__all__ = ["describe_change", "describe_place_change"]

_LABELLED = frozenset({ChangeKind.EXTIRPATED, ChangeKind.UNRANKED, ChangeKind.STATUS})
_NO_ROUNDING_NOTE = frozenset({ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.LEVEL})


def _table(lang: str) -> Table:
    return text_table(style="short", lang=lang)


@functools.lru_cache(maxsize=8192)
def describe_change(change: RankChange, lang: LanguageTag = "en") -> str:
    """The change as a line of text in ``lang``; memoised, since a column repeats a few thousand changes."""
    table = _table(lang)
    parts = change.parts
    if parts[0] is change or change.kind in WHOLE_KINDS or change.old is None or change.new is None:
        return _line(change, table, whole=True)
    lines: list[str] = []
    for part in parts:
        if part.kind is ChangeKind.SAME:
            continue
        text = _line(part, table, whole=False)
        if part.season is not None:
            entry = "season_item" if lines else "season"
            text = table.fill("change", entry, season=table.text("season", part.season.value, "label"), text=text)
        lines.append(text)
    return table.text("change", "separator").join(lines)


def describe_place_change(change: PlaceChange, lang: LanguageTag = "en") -> str:
    """A place's change, named by the place in ``lang``: "Maryland: S2 → S1, uplisted (more imperiled)"."""
    return _table(lang).fill(
        "change", "place", place=change.place_name(lang), text=describe_change(change.change, lang)
    )


def _written(change: RankChange, side: str, whole: bool) -> str:
    text = getattr(change, f"{side}_text") if whole else None
    rank = getattr(change, side)
    return text.strip() if text is not None else "" if rank is None else str(rank)  # " s3/s4 " in a sentence


def _line(change: RankChange, table: Table, *, whole: bool) -> str:
    old, new = change.old, change.new
    if old is None and new is None:
        return table.text("change", "absent")
    fields = {"old": _written(change, "old", whole), "new": _written(change, "new", whole)}
    if change.kind in _LABELLED and new is not None:
        taxon = new.parts[0]
        grade = (taxon.infraspecific.value if taxon.infraspecific is not None else taxon.value).low
        level = taxon_level(new)
        fields["label"] = table.text(*value_key(level, grade), "label")
    if change.kind is ChangeKind.LEVEL and old is not None and new is not None:
        fields["old_level"] = table.text("level", taxon_level(old).value, "label")
        fields["new_level"] = table.text("level", taxon_level(new).value, "label")
    text = table.fill("change", "kind", change.kind.value, **fields)
    if change.species_only:
        text = table.fill("change", "species", text=text)
    rounded_old, rounded_new = change.old_rounded, change.new_rounded
    if (
        change.kind not in _NO_ROUNDING_NOTE
        and rounded_old is not None
        and rounded_new is not None
        and change.rounded_changed  # not rounded_old != rounded_new: S2B,S2B and S2B round alike, part by part
        and (str(rounded_old), str(rounded_new)) != (fields["old"], fields["new"])
    ):
        text = table.fill("change", "rounded", text=text, old_rounded=str(rounded_old), new_rounded=str(rounded_new))
    return text
