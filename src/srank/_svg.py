"""The tile-grid map of a distribution: one square per state, province or territory, as SVG text.

Each tile is coloured by the rounded S rank of its place (palette.toml); the
layout is data in places.toml. A multi-part rank is shown for the chosen season,
or split into one band per part, top to bottom in the order written, when no
season is chosen; for a chosen season, a part without a season letter stands
for every season. The national ranks sit beside the grid above a legend of the
classes drawn, and every record that has no tile (an unknown code, a second
record for the same place, a rank that could not be read) is listed under the
grid, so nothing is dropped silently. A place without a record is "not
present", except in a nation the distribution ranks only as a whole
(``United States (N4)``): its tiles are hatched, "no subnational rank given",
since a national rank says the taxon is there (unless it is X or H, or has no
part for the season shown).

The SVG is self-contained: no scripts, links or fonts from outside (the generic
``sans-serif`` family), and it is also valid as HTML, so a notebook shows it
inline. Each tile carries a ``<title>`` (the place, its rank and the rank's
short description) that a browser shows on hover; ``data-place`` and
``data-class`` name the tile and the classes it shows, for tests and scripts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._describe import describe, explain
from ._description_tables import Table, load
from ._findings import colon, separator
from ._markup import escape
from ._messages import quoted
from ._model import AnyRank, Grade, Level, Rank, Season, Single
from ._palette import CLASSES, Swatch, palette
from ._places import map_layout, nation_name, subnation_name

if TYPE_CHECKING:
    from ._distribution import Distribution, PlaceRank

__all__ = ["class_label", "distribution_svg", "map_svg", "off_the_map", "rank_title", "season_of", "unread_text"]


MARGIN = 10
CELL = 40  # grid pitch
TILE = 36  # tile side; the rest is the gap
PANEL_GAP = 18
PANEL_WIDTH = 260
LINE = 20
NOT_PRESENT = "not-present"
NATIONAL_ONLY = "national-only"  # a tile of a nation the distribution ranks only as a whole
_HATCH = "srank-national-only"
_GONE = {"X", "H"}  # presumed and possibly extirpated: a nation ranked so has its places drawn not present

_TITLES: dict[tuple[AnyRank, object, str], str] = {}
_TITLES_LIMIT = 4096


def season_of(season: object) -> Season | None:
    """``season`` as a Season: None, a srank.Season, or its letter "B", "N" or "M"."""
    if season is None or isinstance(season, Season):
        return season
    if isinstance(season, str):
        for member in Season:
            if member.value == season.strip().upper():  # "b" as "B", as codes are read in any case
                return member
    raise ValueError(f"season must be 'B', 'N', 'M', a srank.Season or None, not {season!r}")


def class_label(name: str, table: Table) -> str:
    """The label of a rank class on a map of subnations ("Presumed Extirpated" for X)."""
    rank = Rank(Level.SUBNATIONAL, Single(Grade(name)))
    return next(entry.label for entry in explain(rank, lang=table.lang) if entry.component == "value")


def rank_title(rank: AnyRank, lang: str) -> str:
    """ "S2B,S4N – Breeding: Imperiled; …": the code and its short description, cached per code and notes."""
    key = (rank, rank.notes, lang)
    title = _TITLES.get(key)
    if title is None:
        title = f"{rank} – {describe(rank, lang=lang)}"
        if len(_TITLES) >= _TITLES_LIMIT:
            _TITLES.clear()
        _TITLES[key] = title
    return title


@attrs.frozen
class _Shown:
    """What one mark shows of a record: the classes of its bands, and its hover text."""

    classes: tuple[str, ...]
    title: str


def _shown(record: PlaceRank | None, season: Season | None, table: Table, lang: str) -> _Shown:
    if record is None:
        return _Shown((), table.text("picture", "not_present"))
    rank = record.rank
    if rank is None:
        return _Shown((), unread_text(record, table))
    rounded = rank.rounded().parts
    if season is None:
        return _Shown(tuple(part.value.low.value for part in rounded), rank_title(rank, lang))
    at = next((i for i, part in enumerate(rank.parts) if part.season is season), None)
    if at is None:
        at = next((i for i, part in enumerate(rank.parts) if part.season is None), None)
    if at is None:
        season_label = table.text("season", season.value, "label")
        return _Shown((), f"{rank} – {table.fill('picture', 'no_season', season=season_label)}")
    part = rank.parts[at]
    title = rank_title(part, lang) if part is rank else f"{rank_title(part, lang)} ({rank})"
    return _Shown((rounded[at].value.low.value,), title)


def unread_text(record: PlaceRank, table: Table) -> str:
    """ "'S9' could not be read", the text in the quotes of the table's language (« S9 » in French)."""
    return table.fill("picture", "unread", text=quoted([record.unread or ""], table.lang))


def _bands(x: int, y: int, width: int, height: int, classes: tuple[str, ...]) -> str:
    """Rectangles filling the box, one horizontal band per class, top to bottom; not-present when empty."""
    colours = palette()
    if not classes:
        return f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{colours.not_present.fill}"/>'
    out = []
    for index, name in enumerate(classes):
        top = y + height * index // len(classes)
        bottom = y + height * (index + 1) // len(classes)
        out.append(f'<rect x="{x}" y="{top}" width="{width}" height="{bottom - top}" fill="{colours[name].fill}"/>')
    return "".join(out)


def _present(classes: tuple[str, ...]) -> bool:
    """Whether a national rank's classes say the taxon is in the nation: some, and not all of them X or H."""
    return bool(classes) and not set(classes) <= _GONE


def _hatch(x: int, y: int) -> str:
    return f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" fill="url(#{_HATCH})"/>'


def _hatch_pattern() -> str:
    """The not-present colour with grey diagonal stripes: a place that may hold the taxon, with no rank of its own."""
    return (
        f'<defs><pattern id="{_HATCH}" width="6" height="6" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><rect width="6" height="6" fill="{palette().not_present.fill}"/>'
        '<rect width="2" height="6" fill="#C4C4C4"/></pattern></defs>'
    )


def _text_colour(classes: tuple[str, ...]) -> str:
    colours = palette()
    return colours[classes[0]].text if classes else colours.not_present.text


def _placed(dist: Distribution) -> tuple[list[PlaceRank], dict[tuple[str, str], PlaceRank], list[PlaceRank]]:
    """Where each record goes: the nations' panel, a tile (the first record of each), or the list below the grid."""
    tiles = map_layout().tiles
    nations: list[PlaceRank] = []
    on_tiles: dict[tuple[str, str], PlaceRank] = {}
    off_grid: list[PlaceRank] = []
    for record in dist.records:
        if record.subnation is None:
            nations.append(record)
        elif (record.nation, record.subnation) in tiles and (record.nation, record.subnation) not in on_tiles:
            on_tiles[(record.nation, record.subnation)] = record
        else:
            off_grid.append(record)
    return nations, on_tiles, off_grid


def off_the_map(dist: Distribution) -> list[PlaceRank]:
    """The places that get no tile and are listed below the grid: a place srank does not know, a place of a nation
    without tiles, a place given twice."""
    return _placed(dist)[2]


def distribution_svg(dist: Distribution, season: object = None, lang: str = "en", title: str | None = None) -> str:
    """The tile-grid map of ``dist`` as SVG text (module docstring)."""
    chosen = season_of(season)
    table = load(lang)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a str or None, not {type(title).__name__}")
    if title is not None and not title.strip():  # a blank title would leave the picture without a name
        title = None
    layout = map_layout()
    colours = palette()

    nations, on_tiles, off_grid = _placed(dist)
    with_places = {record.nation for record in [*on_tiles.values(), *off_grid]}
    # A national rank that says the taxon is there, for the season shown: not X or H, not a season it lacks.
    national = [(record, _shown(record, chosen, table, lang)) for record in nations]
    there = {record.nation for record, shown in national if _present(shown.classes)}
    national_only = there - with_places
    drawn_nations = set(layout.shown) | {nation for nation, _ in on_tiles}
    tiles = {place: cell for place, cell in layout.tiles.items() if place[0] in drawn_nations}
    unread_tiles = [record for record in on_tiles.values() if record.rank is None]
    rows = max(row for row, _ in tiles.values())
    columns = max(column for _, column in tiles.values())

    head = MARGIN
    parts: list[str] = []
    if title is not None:
        parts.append(f'<text x="{MARGIN}" y="{head + 15}" font-size="16" font-weight="bold">{escape(title)}</text>')
        head += 24
    if chosen is not None:
        season_label = table.text("season", chosen.value, "label")
        subtitle = table.fill("picture", "season_shown", season=season_label)
        parts.append(f'<text x="{MARGIN}" y="{head + 12}" font-size="13">{escape(subtitle)}</text>')
        head += 20

    present: set[str] = set()
    absent = hatched = False
    described: list[str] = []  # what the map shows, place by place, for a screen reader (it reads no tile's title)
    parts.append('<g font-size="10" text-anchor="middle">')
    for place, (row, column) in sorted(tiles.items(), key=lambda item: item[1]):
        x, y = MARGIN + (column - 1) * CELL, head + (row - 1) * CELL
        tile = on_tiles.get(place)
        name = _place_name(place[0], place[1], lang)
        if tile is None and place[0] in national_only:
            shown, data_class, bands = _Shown((), table.text("picture", "national_only")), NATIONAL_ONLY, _hatch(x, y)
            hatched = True
        else:
            shown = _shown(tile, chosen, table, lang)
            present.update(shown.classes)
            absent = absent or not shown.classes
            data_class, bands = " ".join(shown.classes) or NOT_PRESENT, _bands(x, y, TILE, TILE, shown.classes)
        hover = f"{name} ({place[1]}){colon(lang)}{shown.title}"
        if tile is not None:  # a ranked place; the nation's own line says a nation ranked only as a whole
            described.append(hover)
        parts.append(
            f'<g class="tile" data-place="{escape(place[0])}-{escape(place[1])}" data-class="{data_class}">'
            f"<title>{escape(hover)}</title>{bands}"
            f'<text x="{x + TILE // 2}" y="{y + 12}" fill="{_text_colour(shown.classes)}">{escape(place[1])}</text>'
        )
        if tile is not None and tile.rank is None:
            parts.append(f'<text x="{x + TILE // 2}" y="{y + 32}" fill="{colours.not_present.text}">?</text>')
        parts.append("</g>")
    parts.append("</g>")

    listed = [(record, _shown(record, chosen, table, lang)) for record in off_grid + unread_tiles]
    sections = (("off_grid", listed[: len(off_grid)]), ("unread_tiles", listed[len(off_grid) :]))
    for _, shown in listed:
        present.update(shown.classes)
        absent = absent or not shown.classes

    panel_x = MARGIN + columns * CELL + PANEL_GAP
    panel_y = head
    if nations:
        heading = escape(table.text("picture", "nations"))
        parts.append(f'<text x="{panel_x}" y="{panel_y + 12}" font-size="12" font-weight="bold">{heading}</text>')
        panel_y += LINE
        for record, shown in national:
            present.update(shown.classes)
            absent = absent or not shown.classes
            rank_text = record.written if record.rank is not None else shown.title
            text = f"{_place_name(record.nation, None, lang)}{colon(lang)}{rank_text}"
            parts.append(_line(panel_x, panel_y, shown, text, mark="nation"))
            panel_y += LINE
        panel_y += 10
    heading = escape(table.text("picture", "legend"))
    parts.append(f'<text x="{panel_x}" y="{panel_y + 12}" font-size="12" font-weight="bold">{heading}</text>')
    panel_y += LINE
    for name in CLASSES:
        if name not in present:
            continue
        label = class_label(name, table)
        if not colours[name].target:
            label = table.fill("picture", "not_target", label=label)
        parts.append(_legend_item(panel_x, panel_y, colours[name], name, f"{name} {label}"))
        panel_y += LINE
    if absent:
        parts.append(
            _legend_item(panel_x, panel_y, colours.not_present, NOT_PRESENT, table.text("picture", "not_present"))
        )
        panel_y += LINE
    if hatched:
        parts.insert(0, _hatch_pattern())
        fill = f"url(#{_HATCH})"
        parts.append(
            _legend_item(
                panel_x, panel_y, colours.not_present, NATIONAL_ONLY, table.text("picture", "national_only"), fill
            )
        )
        panel_y += LINE

    # Places without a tile go under the grid, and under the panel when it is the taller.
    bottom = max(head + rows * CELL, panel_y)
    # A tile whose rank could not be read ("?") is listed again with the reader's words, under its own heading.
    for section, records in sections:
        if not records:
            continue
        bottom += 8
        heading = escape(table.text("picture", section))
        parts.append(f'<text x="{MARGIN}" y="{bottom + 12}" font-size="12" font-weight="bold">{heading}</text>')
        bottom += LINE
        for record, shown in records:
            name = _place_name(record.nation, record.subnation, lang)
            line = f"{name} ({record.nation}-{record.subnation}){colon(lang)}"
            parts.append(_line(MARGIN, bottom, shown, line + shown.title))
            bottom += LINE

    width = panel_x + PANEL_WIDTH
    height = bottom + MARGIN
    label = escape(title if title is not None else table.text("picture", "map"))
    said = colon(lang)
    nationally = [f"{_place_name(record.nation, None, lang)}{said}{shown.title}" for record, shown in national]
    elsewhere = [f"{_place_name(rec.nation, rec.subnation, lang)}{said}{shown.title}" for rec, shown in listed]
    desc = escape(separator(lang).join([*nationally, *described, *elsewhere]))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" lang="{table.lang}" xml:lang="{table.lang}" font-family="sans-serif"><title>{label}</title>'
        f"<desc>{desc}</desc>"
        f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>' + "".join(parts) + "</svg>"
    )


def map_svg(
    source: str | Distribution,
    *,
    season: object = None,
    lang: str = "en",
    title: str | None = None,
    lenient: bool = False,
) -> str:
    """The map of a distribution, or of its text (Explorer or Biotics format, read leniently if asked).

    For callers that hold text, such as a command: ``map_svg(cell, lenient=True)``.
    Unreadable text raises InvalidRankError, as ``srank.parse_distribution`` does.
    """
    from ._distribution import Distribution
    from ._distribution_text import parse_distribution

    if not isinstance(source, Distribution):
        source = parse_distribution(source, lenient=lenient)
    return distribution_svg(source, season, lang, title)


def _place_name(nation: str, subnation: str | None, lang: str) -> str:
    if subnation is None:
        return nation_name(nation, lang) or nation
    return subnation_name(nation, subnation, lang) or subnation


def _line(x: int, y: int, shown: _Shown, text: str, mark: str = "listed") -> str:
    """One line of a list beside or under the grid: a small swatch of the record's bands, then its text."""
    data_class = " ".join(shown.classes) or NOT_PRESENT
    return (
        f'<g class="{mark}" data-class="{data_class}"><title>{escape(shown.title)}</title>'
        f"{_bands(x, y + 2, 28, 14, shown.classes)}"
        f'<rect x="{x}" y="{y + 2}" width="28" height="14" fill="none" stroke="#808080" stroke-width="0.5"/>'
        f'<text x="{x + 34}" y="{y + 13}" font-size="11">{escape(text)}</text></g>'
    )


def _legend_item(x: int, y: int, swatch: Swatch, name: str, text: str, fill: str | None = None) -> str:
    return (
        f'<g class="legend-item" data-class="{name}"><rect x="{x}" y="{y + 1}" width="16" height="16"'
        f' fill="{fill or swatch.fill}" stroke="#808080" stroke-width="0.5"/>'
        f'<text x="{x + 22}" y="{y + 13}" font-size="11">{escape(text)}</text></g>'
    )
