"""The rank palette: a fill and a text colour per rounded rank class, read from ``palette.toml``.

The colours are data (srank's own: NatureServe publishes none), loaded on first
use; ``tests/test_palette.py`` checks them for colour-blind safety and contrast.
A rank's class is its rounded value: X, H, 1-5, U, NR or NA. A multi-part rank
(S2B,S4N) takes the class of its most imperiled part, by the rule of
``srank.most_imperiled`` (U, NR and NA only when no part is ranked), so that a
single badge colour never hides the season at most risk.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ._findings import Severity
from ._model import MultiSeasonRank, Rank
from ._ordering import most_imperiled_of

__all__ = ["CLASSES", "Palette", "Swatch", "colour", "palette", "part_classes", "rank_class", "severity_swatch"]

CLASSES = ("X", "H", "1", "2", "3", "4", "5", "U", "NR", "NA")
"""The rounded rank classes, most imperiled first, as the palette lists them."""


@attrs.frozen
class Swatch:
    """The colours of one rank class: ``fill`` behind, ``text`` on top, both "#RRGGBB".

    ``target`` is False for NA, which is not a conservation target.

    Examples:
    >>> srank.palette()["NA"]
    Swatch(name='NA', fill='#D0D0D0', text='#000000', target=False)
    """

    name: str
    fill: str
    text: str
    target: bool = True


@attrs.frozen
class Palette(Mapping[str, Swatch]):
    """Rank class ("X", "H", "1" ... "5", "U", "NR", "NA") to its Swatch, most imperiled first.

    ``not_present`` is the colour of a place with no record, on a map.

    Examples:
    >>> palette = srank.palette()
    >>> palette["X"].name, len(palette) > 5, palette.not_present.fill.startswith("#")
    ('X', True, True)
    """

    classes: Mapping[str, Swatch]
    not_present: Swatch

    def __getitem__(self, key: str) -> Swatch:
        return self.classes[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.classes)

    def __len__(self) -> int:
        return len(self.classes)


@functools.cache
def _table() -> dict[str, Any]:
    import tomllib
    from importlib import resources

    with resources.files("srank").joinpath("palette.toml").open("rb") as handle:
        return tomllib.load(handle)


def _swatch(name: str, entry: Mapping[str, Any]) -> Swatch:
    return Swatch(name, entry["fill"], entry["text"], entry.get("target", True))


@functools.cache
def palette() -> Palette:
    """srank's rank palette: rank class to a Swatch with ``.fill`` and ``.text`` colours.

    NatureServe publishes no colour values; these are srank's own, safe for
    colour-blind readers (see the "Seeing ranks" page of the docs).

    Returns:
        The Palette: a mapping from rank class (X, H, 1-5, U, NR, NA ...) to Swatch.

    Examples:
        >>> swatch = srank.palette()["2"]
        >>> swatch.fill, swatch.text
        ('#F57C00', '#000000')
        >>> list(srank.palette())[:5]
        ['X', 'H', '1', '2', '3']
    """
    classes = _table()["classes"]
    return Palette({name: _swatch(name, classes[name]) for name in CLASSES}, _swatch("", _table()["not_present"]))


def severity_swatch(severity: Severity) -> Swatch:
    """The colours that mark a finding of ``severity`` (error, warning)."""
    return _swatch(severity.value, _table()["severity"][severity.value])


def part_classes(rank: Rank | MultiSeasonRank) -> list[str]:
    """The class of each rounded part, in the order written: S2B,S4N gives ["2", "4"]."""
    return [part.value.low.value for part in rank.rounded().parts]


def rank_class(rank: Rank | MultiSeasonRank) -> str:
    """The class of a rank's rounded value; a multi-part rank's most imperiled part (module docstring)."""
    part = most_imperiled_of(rank.rounded().parts)
    assert isinstance(part, Rank)  # a part is always a Rank
    return part.value.low.value


def colour(rank: Rank | MultiSeasonRank) -> Swatch:
    """The Swatch of ``rank_class(rank)``."""
    return palette()[rank_class(rank)]
