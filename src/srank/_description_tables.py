"""The description table: every word srank shows, read from ``descriptions/<lang>.toml``.

The table is data so that wording can be corrected, and a language added,
without touching code. It is read on first use and cached per language;
``import srank`` never imports tomllib. On load it is checked against the
entries the renderer needs: a missing entry or an unused one is an error,
so a table can neither leave a component without text nor carry dead text.
The USDA PLANTS section exists in English only, as USDA publishes it.

Templates fill ``{name}`` placeholders; ``{name!l}`` puts the first letter of
the filled text in lower case, so that a language can set a label inside a
phrase ("De vulnérable à apparemment en sécurité") without code.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

import attrs

from ._change_kinds import ChangeKind
from ._errors import SrankError
from ._languages import available_languages, language, language_file
from ._legacy import LEGACY_CODES
from ._messages import fill
from ._model import Grade, Level, Qualifier, Season
from ._shipped import SHIPPED_SUFFIX, fingerprint
from ._vocabulary import EXTINCT_GRADES

__all__ = [
    "AREA_LEVELS",
    "AREA_WORDING",
    "EXTINCTION_WORDINGS",
    "PLANTS_EXTINCTION_WORDINGS",
    "PLANTS_LANG",
    "Table",
    "area_fields",
    "available_languages",
    "fill",
    "load",
    "read_table",
    "required_keys",
    "save_table",
    "table_origin",
]

Key = tuple[str, ...]

EXTINCTION_WORDINGS = ("extinct", "extirpated", "eliminated")
"""How X and H read: per species level, and for ecosystems."""
PLANTS_EXTINCTION_WORDINGS = ("extinct", "extirpated")
AREA_LEVELS = (Level.NATIONAL, Level.SUBNATIONAL)
"""Levels ranked within one area (a country; a state or province). Each level entry
names its area twice, ``in_area`` ("au pays") and ``from_area`` ("du pays"), because
languages word "gone from the country" and "known in the country" differently."""
AREA_WORDING = "extirpated"
"""The X and H wording of AREA_LEVELS; its entries may use {in_area} and {from_area}."""
_AREA = ("in_area", "from_area")
PLANTS_LANG = "en"
"""The one language of the USDA PLANTS style: its status lines are published in English."""
_ENTRY = ("label", "definition")
_SHORT = (
    "separator",
    "inexact",
    "captive",
    "infraspecific",
    "infraspecific_alone",
    "questionable",
    "season",
    "legacy",
    "definition",
    "item",
)
_LONG = ("paragraph_separator", "level", "value", "range", "qualifier", "season", "legacy", "ecosystem")
_PLANTS = ("heading", "uncertain", "item", "item_separator")
_CHANGE = ("absent", "rounded", "species", "season", "season_item", "separator", "place")
_PICTURE = (
    "rounded",
    "not_present",
    "national_only",
    "not_target",
    "nations",
    "legend",
    "off_grid",
    "unread_tiles",
    "unread",
    "no_season",
    "season_shown",
    "map",
    "place",
    "rank",
    "status",
    "findings",
)
"""Words of the pictures (badges, maps, notebook tables): srank's own, like the rest."""


def _entries(prefix: Key, names: list[str]) -> Iterator[Key]:
    for name in names:
        for field in _ENTRY:
            yield (*prefix, name, field)


def _value_keys(prefix: Key, wordings: tuple[str, ...]) -> Iterator[Key]:
    for grade in Grade:
        if grade in EXTINCT_GRADES:
            yield from _entries((*prefix, grade.value), list(wordings))
        else:
            yield from _entries(prefix, [grade.value])


def required_keys(*, plants: bool = True) -> frozenset[Key]:
    """Every entry a table must have, and the only ones it may have.

    ``plants=False`` leaves out the USDA PLANTS section, which only the
    PLANTS_LANG table holds.
    """
    keys: set[Key] = set()
    keys.update(_entries(("level",), [level.value for level in Level]))
    keys.update(("level", level.value, name) for level in AREA_LEVELS for name in _AREA)
    keys.update(_value_keys(("value",), EXTINCTION_WORDINGS))
    keys.update((section, field) for section in ("range", "status_range") for field in _ENTRY)
    keys.update(_entries(("qualifier",), [qualifier.value for qualifier in Qualifier]))
    keys.update(_entries(("season",), [season.value for season in Season]))
    keys.update(_entries(("legacy",), list(LEGACY_CODES)))
    keys.update(("short", name) for name in _SHORT)
    keys.update(("long", name) for name in _LONG)
    keys.update(("change", name) for name in _CHANGE)
    keys.update(("change", "kind", kind.value) for kind in ChangeKind)
    keys.update(("picture", name) for name in _PICTURE)
    if not plants:
        return frozenset(keys)
    keys.update(("plants", name) for name in _PLANTS)
    keys.update(("plants", "level", level.value) for level in Level)
    keys.update(("plants", "qualifier", qualifier.value) for qualifier in Qualifier)
    keys.update(("plants", "season", season.value) for season in Season)
    keys.update(_value_keys(("plants", "value"), PLANTS_EXTINCTION_WORDINGS))
    return frozenset(keys)


@attrs.frozen
class Table:
    """One language's texts, addressed by key paths such as ``("value", "1", "label")``."""

    lang: str
    texts: Mapping[Key, str]

    def text(self, *key: str) -> str:
        return self.texts[key]

    def fill(self, *key: str, **fields: str) -> str:
        """The entry at ``key`` with its placeholders filled from ``fields``."""
        return fill(self.text(*key), fields)


_CONVERSIONS = (None, "l")


def area_fields(table: Table, level: Level) -> dict[str, str]:
    """The {in_area} and {from_area} fields of ``level`` (none for G and T)."""
    if level not in AREA_LEVELS:
        return {}
    return {name: table.text("level", level.value, name) for name in _AREA}


def load(lang: str) -> Table:
    """The checked table for ``lang``, a tag ``_languages.language`` reads; ValueError naming the choices if none."""
    return _load_cached(language(lang))


@functools.cache
def _load_cached(lang: str) -> Table:
    path = language_file("descriptions", lang)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    shipped = _shipped_texts(path + SHIPPED_SUFFIX, text)
    _origins[lang] = "shipped" if shipped is not None else "toml"
    if shipped is not None:
        return Table(lang, shipped)
    return read_table(lang, text, f"srank/descriptions/{lang}.toml")


# -- a table shipped ready-checked --------------------------------------------------
#
# Reading and checking a table costs more than the rest of a first describe (tomllib
# alone is a third of it), so a wheel ships each table's checked texts beside its TOML
# file, written at build time (hatch_build.py) by save_table. The file starts with a
# stamp of the TOML text and of srank's version; one that does not match is ignored and
# the TOML is read, so the TOML file stays the one source. The texts are plain dicts,
# tuples and strings, read by an unpickler that refuses every global: loading one can
# run no code.

_origins: dict[str, str] = {}


def _table_stamp(text: str) -> bytes:
    from . import __version__

    return f"srank table: srank {__version__}, {fingerprint(text)}\n".encode()


def save_table(lang: str, text: str, handle: BinaryIO) -> None:
    """Write the checked texts of the table ``text`` (the TOML of ``lang``) with their stamp: what a wheel ships."""
    import pickle

    handle.write(_table_stamp(text))
    pickle.dump(dict(read_table(lang, text, f"srank/descriptions/{lang}.toml").texts), handle, protocol=4)


def _shipped_texts(path: str, text: str) -> dict[Key, str] | None:
    import pickle

    class _Plain(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            raise pickle.UnpicklingError(f"a shipped table holds no {module}.{name}")

    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return None
    with handle:
        if handle.readline() != _table_stamp(text):
            return None
        try:
            texts = _Plain(handle).load()
        except Exception:  # a damaged file: read the TOML instead
            return None
    return texts if isinstance(texts, dict) else None


def table_origin(lang: str) -> str:
    """Where this process's table for ``lang`` came from: "shipped" (the wheel's file) or "toml" (read here)."""
    _load_cached(language(lang))
    return _origins[language(lang)]


def read_table(lang: str, toml_text: str, source: str) -> Table:
    """Parse and check one table; SrankError names the file and the entries at fault."""
    import tomllib

    try:
        data = tomllib.loads(toml_text)
    except tomllib.TOMLDecodeError as error:
        raise SrankError(f"{source} is not valid TOML: {error}") from None
    texts = dict(_flatten(data, (), source))
    required = required_keys(plants=lang == PLANTS_LANG)
    missing = sorted(".".join(key) for key in required - texts.keys())
    unused = sorted(".".join(key) for key in texts.keys() - required)
    if missing:
        raise SrankError(f"{source} lacks entries: {', '.join(missing)}")
    if lang != PLANTS_LANG and any(key[0] == "plants" for key in texts):
        raise SrankError(
            f"{source} has a [plants] section, which srank never uses: the USDA PLANTS style is English "
            f"by definition and lives in {PLANTS_LANG}.toml only; remove the section"
        )
    if unused:
        raise SrankError(f"{source} has entries srank never uses: {', '.join(unused)}")
    for key, text in sorted(texts.items()):
        _check_placeholders(key, text, source)
    return Table(lang, texts)


def allowed_placeholders(key: Key) -> frozenset[str]:
    """The {fields} the renderer fills in the entry at ``key``."""
    section, name = key[0], key[1]
    if section == "value" and len(key) == 4 and key[2] == AREA_WORDING:
        return frozenset(_AREA)
    if section in ("range", "status_range"):
        return frozenset({"low", "high"})
    if section == "legacy":
        return frozenset({"modern"})
    if section == "short":
        return _SHORT_PLACEHOLDERS.get(name, frozenset())
    if section == "long" and name != "paragraph_separator":
        return frozenset({"label", "code", "definition"})
    if section == "plants":
        return _PLANTS_PLACEHOLDERS.get(name, frozenset())
    if section == "change" and name == "kind":
        return _CHANGE_KIND_PLACEHOLDERS.get(key[2], frozenset({"old", "new"}))
    if section == "change":
        return _CHANGE_PLACEHOLDERS.get(name, frozenset())
    if section == "picture":
        return _PICTURE_PLACEHOLDERS.get(name, frozenset())
    return frozenset()


_SHORT_PLACEHOLDERS = {
    "inexact": frozenset({"value"}),
    "captive": frozenset({"value"}),
    "infraspecific": frozenset({"value"}),
    "infraspecific_alone": frozenset({"value"}),
    "season": frozenset({"value", "season"}),
    "legacy": frozenset({"code", "label"}),
    "definition": frozenset({"label", "definition"}),
    "item": frozenset({"value"}),
}
_CHANGE_KIND_PLACEHOLDERS = {
    # {label}: the new value's label; {old_level}, {new_level}: the two levels' labels.
    "extirpated": frozenset({"old", "new", "label"}),
    "unranked": frozenset({"old", "new", "label"}),
    "status": frozenset({"old", "new", "label"}),
    "level": frozenset({"old", "new", "old_level", "new_level"}),
}
_CHANGE_PLACEHOLDERS = {
    "rounded": frozenset({"text", "old_rounded", "new_rounded"}),
    "species": frozenset({"text"}),
    "season": frozenset({"season", "text"}),
    "season_item": frozenset({"season", "text"}),
    "place": frozenset({"place", "text"}),
}
_PICTURE_PLACEHOLDERS = {
    "rounded": frozenset({"code"}),
    "not_target": frozenset({"label"}),
    "unread": frozenset({"text"}),
    "no_season": frozenset({"season"}),
    "season_shown": frozenset({"season"}),
}
_PLANTS_PLACEHOLDERS = {
    "heading": frozenset({"code"}),
    "item": frozenset({"text"}),
    "level": frozenset({"label", "label_lower_first", "definition"}),
}


def _check_placeholders(key: Key, text: str, source: str) -> None:
    where = f"{source}: {'.'.join(key)}"
    try:
        parsed = [(field, conversion) for _, field, _, conversion in _parse_template(text) if field is not None]
    except ValueError as error:
        raise SrankError(f"{where} has a broken {{placeholder}}: {error}") from None
    found = {field for field, _ in parsed}
    for field, conversion in parsed:
        if conversion not in _CONVERSIONS:
            raise SrankError(f"{where}: {{{field}!{conversion}}} is not a conversion srank knows; use {{{field}!l}}")
    allowed = allowed_placeholders(key)
    unknown = sorted(found - allowed)
    if unknown:
        choices = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "none"
        raise SrankError(f"{where} uses unknown placeholders {', '.join(unknown)}; allowed: {choices}")


def _flatten(data: Mapping[str, object], prefix: Key, source: str) -> Iterator[tuple[Key, str]]:
    for name, item in data.items():
        key = (*prefix, name)
        if isinstance(item, Mapping):
            yield from _flatten(item, key, source)
        elif isinstance(item, str):
            yield key, item
        else:
            raise SrankError(f"{source}: {'.'.join(key)} must be text, not {type(item).__name__}")


def _parse_template(text: str) -> Iterator[tuple[str, str | None, str | None, str | None]]:
    import string  # only to check a table read from its TOML; a shipped table is checked already

    return iter(string.Formatter().parse(text))
