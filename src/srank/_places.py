"""Names of the nations and subnations NatureServe ranks, and their tiles on the map, from ``places/places.toml``."""

from __future__ import annotations

import functools
import os
from typing import Any, NamedTuple

from ._languages import language

__all__ = [
    "MapLayout",
    "map_layout",
    "nation_code",
    "nation_name",
    "nation_names",
    "nations_with_subnation",
    "subnation_code",
    "subnation_name",
    "subnation_names",
]


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    import tomllib

    # Plain open() beside this module: importlib.resources costs more to import than the table to read.
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "places", "places.toml"), "rb") as handle:
        return tomllib.load(handle)


def nation_names(code: str) -> dict[str, str] | None:
    """A nation's name in each language the table gives ("en" always), or None for a code srank does not know."""
    names: dict[str, str] | None = _table()["nations"].get(code)
    return names


def subnation_names(nation: str, code: str) -> dict[str, str] | None:
    """A subnation's name in each language the table gives ("en" always), or None for a code srank does not know."""
    names: dict[str, str] | None = _table()["subnations"].get(nation, {}).get(code)
    return names


def nation_name(code: str, lang: str = "en") -> str | None:
    """A nation's name in ``lang`` (a language or a tag of one: "fr-CA" reads as "fr"), or None for an unknown code."""
    names = nation_names(code)
    # A language's own code is found at once (the parse path asks in "en" for every record); a tag is read first.
    return None if names is None else names.get(lang) or names.get(language(lang)) or names["en"]


def subnation_name(nation: str, code: str, lang: str = "en") -> str | None:
    """A subnation's name in ``lang``, as ``nation_name``."""
    names = subnation_names(nation, code)
    return None if names is None else names.get(lang) or names.get(language(lang)) or names["en"]


def nations_with_subnation(code: str) -> tuple[str, ...]:
    """The nations that have a subnation with this code: ("US",) for MD, ("CA",) for ON."""
    return tuple(nation for nation, subnations in _table()["subnations"].items() if code in subnations)


@functools.lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    # Any language's name: an Explorer export made in French writes "États-Unis".
    return {name: code for code, names in _table()["nations"].items() for name in names.values()}


@functools.lru_cache(maxsize=1)
def _codes_by_folded_name() -> dict[str, str]:
    return {name.casefold(): code for name, code in _codes_by_name().items()}


def nation_code(name: str, *, any_case: bool = False) -> str | None:
    """The ISO code of a nation's name as an Explorer export spells it (in any case, if asked), or None."""
    if any_case:
        return _codes_by_folded_name().get(name.casefold())
    return _codes_by_name().get(name)


def subnation_code(nation: str, name: str) -> str | None:
    """The code of a subnation of ``nation`` written by its name, in any language the table gives and any case
    ("Maryland", "virginie"), or None: what a hint offers a distribution that spells a place out."""
    return _subnation_codes_by_folded_name().get((nation, name.casefold()))


@functools.lru_cache(maxsize=1)
def _subnation_codes_by_folded_name() -> dict[tuple[str, str], str]:
    return {
        (nation, name.casefold()): code
        for nation, subnations in _table()["subnations"].items()
        for code, names in subnations.items()
        for name in names.values()
    }


class MapLayout(NamedTuple):
    """The tile-grid map: each place's (row, column) from 1, and the nations whose tiles are always drawn."""

    tiles: dict[tuple[str, str], tuple[int, int]]
    shown: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def map_layout() -> MapLayout:
    table = _table()["map"]
    tiles = {
        (nation, code): (cell[0], cell[1]) for nation, places in table["tiles"].items() for code, cell in places.items()
    }
    return MapLayout(tiles, tuple(table["shown"]))
