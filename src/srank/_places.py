"""Names of the nations and subnations NatureServe ranks, from ``places/places.toml`` (data, not code)."""

from __future__ import annotations

import functools
import os
from typing import Any

__all__ = ["nation_code", "nation_name", "subnation_name"]


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    import tomllib

    # Plain open() beside this module: importlib.resources costs more to import than the table to read.
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "places", "places.toml"), "rb") as handle:
        return tomllib.load(handle)


def nation_name(code: str, lang: str = "en") -> str | None:
    names = _table()["nations"].get(code)
    return None if names is None else names.get(lang) or names["en"]


def subnation_name(nation: str, code: str, lang: str = "en") -> str | None:
    names = _table()["subnations"].get(nation, {}).get(code)
    return None if names is None else names.get(lang) or names["en"]


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
