"""Readable text for a rank: structured entries (explain) and styled text (describe).

A rank is first cut into pieces, one per component in reading order, that only
name entries of the description table. ``explain`` turns the pieces into typed
entries; the three ``describe`` styles arrange the same pieces with the words of
the chosen language. No wording lives here: it all comes from the table.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from ._description_tables import AREA_WORDING, PLANTS_LANG, Key, Table, area_fields, load
from ._legacy import LEGACY_CODES
from ._model import Grade, Level, MultiSeasonRank, Range, Rank, Single, Value
from ._rules import is_status_range
from ._styles import STYLES
from ._vocabulary import EXTINCT_GRADES

__all__ = [
    "ECOSYSTEM_WORDING",
    "EXTINCTION_WORDING",
    "STYLES",
    "Component",
    "Explanation",
    "definition_line",
    "describe",
    "explain",
    "text_table",
    "value_key",
]

Component: TypeAlias = Literal["legacy", "level", "value", "range", "qualifier", "season"]

# NatureServe's words for X and H: a taxon is gone from the world or from a jurisdiction.
EXTINCTION_WORDING = {
    Level.GLOBAL: "extinct",
    Level.INFRASPECIFIC: "extinct",
    Level.NATIONAL: "extirpated",
    Level.SUBNATIONAL: "extirpated",
}
ECOSYSTEM_WORDING = "eliminated"
_EXTINCTION_CODES = frozenset(grade.value for grade in EXTINCT_GRADES)


@attrs.frozen
class Explanation:
    """One component of a rank code, with the text that explains it.

    ``component`` is "legacy", "level", "value", "range", "qualifier" or
    "season"; ``code`` is the fragment of the code it explains ("T1T3", "Q").

    Examples:
    >>> entry = srank.explain("G5T1T3Q")[-1]
    >>> entry.component, entry.code, entry.label
    ('qualifier', 'Q', 'Questionable Taxonomy')
    """

    component: Component
    code: str
    label: str
    definition: str


@attrs.frozen
class _Piece:
    """One component, naming its table entry rather than holding text."""

    component: Component
    code: str
    key: Key
    part: int = 0
    infraspecific: bool = False  # the T part of a G (or USDA PLANTS S) rank
    level: Level = Level.GLOBAL
    ends: tuple[Key, Key] | None = None  # a range's two value entries
    modern: str = ""  # what a legacy code is read as


def explain(rank: Rank | MultiSeasonRank, *, lang: str = "en") -> list[Explanation]:
    """Typed entries, one per component of the code, in reading order."""
    table = load(lang)
    return [
        Explanation(piece.component, piece.code, _label(piece, table), _definition(piece, table))
        for piece in _pieces(_as_rank(rank))
    ]


def definition_line(entry: Explanation, lang: str = "en") -> str:
    """An entry of ``explain`` as one line, "label: definition", in the language's own punctuation."""
    return load(lang).fill("short", "definition", label=entry.label, definition=entry.definition)


def text_table(*, style: str, lang: str) -> Table:
    """The description table for ``lang``, once ``style`` and ``lang`` are known to go together.

    Column helpers call it before reading any cell, so a wrong option fails at once.
    """
    if style not in STYLES:
        choices = ", ".join(repr(name) for name in STYLES)
        raise ValueError(f"Unknown style {style!r}; choose one of: {choices}")
    table = load(lang)
    if style == "plants" and table.lang != PLANTS_LANG:
        raise ValueError(
            f"style 'plants' has no {lang!r} text: it reproduces USDA PLANTS status lines, which are English "
            f"by definition; use lang={PLANTS_LANG!r}, or style 'short' or 'long' for {lang!r}"
        )
    return table


def describe(rank: Rank | MultiSeasonRank, *, style: str = "short", lang: str = "en") -> str:
    """Readable status text in one of STYLES: "short", "long" or "plants" (USDA PLANTS)."""
    table = text_table(style=style, lang=lang)
    parsed = _as_rank(rank)
    pieces = _pieces(parsed)
    if style == "short":
        return _short(pieces, table)
    if style == "long":
        return _long(pieces, table)
    return _plants(str(parsed), pieces, table)


def _as_rank(rank: object) -> Rank | MultiSeasonRank:
    if isinstance(rank, (Rank, MultiSeasonRank)):
        return rank
    raise TypeError(f"Expected a srank.Rank or srank.MultiSeasonRank, not {type(rank).__name__}")


# -- cutting a rank into pieces ---------------------------------------------


def _pieces(rank: Rank | MultiSeasonRank) -> list[_Piece]:
    pieces = _legacy_pieces(rank)
    level = rank.level
    pieces.append(_Piece("level", level.value, ("level", level.value), level=level))
    for index, part in enumerate(rank.parts):
        pieces.extend(_part_pieces(part, index))
    return pieces


def _legacy_pieces(rank: Rank | MultiSeasonRank) -> list[_Piece]:
    # The original text is not kept on the rank; the lenient parser's finding
    # carries the legacy code it replaced as its fragment.
    found = [LEGACY_CODES[finding.fragment] for finding in rank.notes if finding.code == "legacy-code"]
    return [
        _Piece("legacy", legacy.code, ("legacy", legacy.code), level=Level(legacy.modern[0]), modern=legacy.modern)
        for legacy in found
    ]


def _part_pieces(part: Rank, index: int) -> list[_Piece]:
    level = part.level
    pieces = _value_pieces(level, part.value, index, infraspecific=False)
    if part.captive:
        pieces.append(_Piece("qualifier", "C", ("qualifier", "C"), index, level=level))
    infra = part.infraspecific
    if infra is not None:
        t_level = Level.INFRASPECIFIC
        pieces.append(_Piece("level", t_level.value, ("level", t_level.value), index, True, t_level))
        pieces.extend(_value_pieces(t_level, infra.value, index, infraspecific=True))
        if infra.captive:
            pieces.append(_Piece("qualifier", "C", ("qualifier", "C"), index, True, t_level))
    if part.questionable:
        pieces.append(_Piece("qualifier", "Q", ("qualifier", "Q"), index, level=level))
    if part.season is not None:
        season = part.season.value
        pieces.append(_Piece("season", season, ("season", season), index, level=level))
    return pieces


def value_key(level: Level, grade: Grade) -> Key:
    """The table entry of a grade at a level: X and H in the level's wording (extinct, extirpated)."""
    if grade in EXTINCT_GRADES:
        return ("value", grade.value, EXTINCTION_WORDING[level])
    return ("value", grade.value)


def _value_pieces(level: Level, value: Value, part: int, *, infraspecific: bool) -> list[_Piece]:
    letter = level.value
    if isinstance(value, Range):
        low, high = value_key(level, value.low), value_key(level, value.high)
        key = ("status_range",) if is_status_range(value) else ("range",)  # GUGH: U or H, nothing between
        return [
            _Piece("range", letter + value.format(letter), key, part, infraspecific, level, ends=(low, high)),
            _Piece("value", letter + value.low.value, low, part, infraspecific, level),
            _Piece("value", letter + value.high.value, high, part, infraspecific, level),
        ]
    assert isinstance(value, Single)
    pieces = [_Piece("value", letter + value.grade.value, value_key(level, value.grade), part, infraspecific, level)]
    if value.inexact:
        pieces.append(_Piece("qualifier", "?", ("qualifier", "?"), part, infraspecific, level))
    return pieces


# -- text of one piece --------------------------------------------------------


def _fields(piece: _Piece, table: Table) -> dict[str, str]:
    fields = {"modern": piece.modern}
    if piece.key[0] == "value" and piece.key[-1] == AREA_WORDING:
        fields.update(area_fields(table, piece.level))
    if piece.ends is not None:
        fields["low"] = table.text(*piece.ends[0], "label")
        fields["high"] = table.text(*piece.ends[1], "label")
    return fields


def _label(piece: _Piece, table: Table) -> str:
    return table.fill(*piece.key, "label", **_fields(piece, table))


def _definition(piece: _Piece, table: Table) -> str:
    return table.fill(*piece.key, "definition", **_fields(piece, table))


# -- styles -------------------------------------------------------------------


def _short(pieces: list[_Piece], table: Table) -> str:
    items: list[str] = []
    for part in sorted({piece.part for piece in pieces if piece.component != "legacy"}):
        mine = [piece for piece in pieces if piece.part == part and piece.component != "legacy"]
        main = _short_value([piece for piece in mine if not piece.infraspecific], table)
        main_level = next(piece.level for piece in mine if piece.component == "value" and not piece.infraspecific)
        if main_level is Level.INFRASPECIFIC:
            main = table.fill("short", "infraspecific_alone", value=main)
        for piece in mine:
            if piece.component == "season":
                main = table.fill("short", "season", value=main, season=_label(piece, table))
        items.append(main)
        infra = [piece for piece in mine if piece.infraspecific]
        if infra:
            items.append(table.fill("short", "infraspecific", value=_short_value(infra, table)))
        if any(piece.code == "Q" for piece in mine):
            items.append(table.text("short", "questionable"))
    for piece in pieces:
        if piece.component == "legacy":
            items.append(table.fill("short", "legacy", code=piece.code, label=_label(piece, table)))
    items[1:] = [table.fill("short", "item", value=item) for item in items[1:]]
    line = table.text("short", "separator").join(items)
    # A language may set every item in lower case (French, Spanish: "…; sous-espèce…");
    # the line itself starts with a capital in every language.
    return line[:1].upper() + line[1:]


def _short_value(pieces: list[_Piece], table: Table) -> str:
    """The value of one level: its label, or its range's, with ? and C."""
    ranges = [piece for piece in pieces if piece.component == "range"]
    value = next(piece for piece in ranges or pieces if piece.component in ("range", "value"))
    text = _label(value, table)
    for piece in pieces:
        if piece.code == "?":
            text = table.fill("short", "inexact", value=text)
        elif piece.code == "C":
            text = table.fill("short", "captive", value=text)
    return text


def _long(pieces: list[_Piece], table: Table) -> str:
    paragraphs = []
    for piece in pieces:
        label, definition = _label(piece, table), _definition(piece, table)
        paragraph = table.fill("long", piece.component, label=label, code=piece.code, definition=definition)
        if _has_ecosystem_wording(piece):
            ecosystem = ("value", piece.key[1], ECOSYSTEM_WORDING)
            note = table.fill(
                "long",
                "ecosystem",
                code=piece.code,
                label=table.text(*ecosystem, "label"),
                definition=table.text(*ecosystem, "definition"),
            )
            paragraph = f"{paragraph} {note}"
        paragraphs.append(paragraph)
    return table.text("long", "paragraph_separator").join(paragraphs)


def _has_ecosystem_wording(piece: _Piece) -> bool:
    """X and H of a G, N or S rank: ecosystems are ranked with the same codes, never with T."""
    return piece.component == "value" and piece.key[1] in _EXTINCTION_CODES and piece.level is not Level.INFRASPECIFIC


def _plants(code: str, pieces: list[_Piece], table: Table) -> str:
    """The USDA PLANTS status line: qualifiers first, then the T part, then the rank itself."""
    text = table.text("plants", "heading").format(code=code)
    if any(piece.component == "range" for piece in pieces):
        text += table.text("plants", "uncertain")
    items: list[str] = []
    for part in sorted({piece.part for piece in pieces}):
        mine = [piece for piece in pieces if piece.part == part]
        for piece in mine:
            if piece.component == "season":
                items.append(table.text("plants", "season", piece.code))
        for piece in mine:
            if piece.component == "qualifier":
                items.append(table.text("plants", "qualifier", piece.code))
        values = [piece for piece in mine if piece.component == "value"]
        for piece in sorted(values, key=lambda piece: not piece.infraspecific):
            label = table.text("plants", *piece.key, "label")
            items.append(
                table.text("plants", "level", piece.level.value).format(
                    label=label,
                    label_lower_first=label[:1].lower() + label[1:],
                    definition=table.text("plants", *piece.key, "definition"),
                )
            )
    item = table.text("plants", "item")
    return text + table.text("plants", "item_separator").join(item.format(text=entry) for entry in items)
