"""Which languages srank speaks, and the one reading of a ``lang`` argument.

A language is a description table, ``descriptions/<code>.toml``; every language
but English also has a message catalogue, ``messages/<code>.toml`` (English
is the source text, in ``_english.py``). The files are the list: adding a
language adds its two files and nothing else.

Every ``lang=`` of srank (describe, explain, labels, messages, the dataframe
helpers, the command line's ``--lang``) goes through ``language()``, which
takes BCP 47 and POSIX spellings alike (``fr``, ``fr-CA``, ``fr_CA.UTF-8``,
``FR``, ``es-MX``) and gives the closest language srank has: the whole tag if
a file has that name, else its first subtag. ``environment_language()`` picks
the language of the environment (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) for the
command line; the library itself always defaults to English.
"""

from __future__ import annotations

import functools
import os

TYPE_CHECKING = False  # srank --help reads the language: typing itself would cost more than this module

if TYPE_CHECKING:
    from ._text_options import Language

__all__ = ["ENGLISH", "available_languages", "environment_language", "language", "language_file"]

ENGLISH = "en"
"""The language of srank's source text, and the default of every ``lang=``."""

_HERE = os.path.dirname(os.path.abspath(__file__))
_TAG = r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*"  # BCP 47's shape: a language, then subtags
_NOT_A_LOCALE = frozenset({"C", "POSIX"})


def language_file(folder: str, code: str) -> str:
    """The path of ``<folder>/<code>.toml`` beside this module (``folder``: descriptions or messages)."""
    return os.path.join(_HERE, folder, f"{code}.toml")


@functools.cache
def available_languages() -> tuple[Language, ...]:
    """The ``lang`` codes srank accepts, sorted: one per table in ``srank/descriptions``.

    Every one of them has labels (``describe``, ``explain``) and messages
    (findings, errors, hints); the "plants" style of ``describe`` is English only.
    ``lang=`` also reads tags of these languages (``fr-CA``, ``fr_CA.UTF-8``).

    Returns:
        The language codes, sorted.

    Examples:
        >>> srank.available_languages()
        ('en', 'es', 'fr')
    """
    folder = os.path.join(_HERE, "descriptions")
    found = sorted(name.removesuffix(".toml") for name in os.listdir(folder) if name.endswith(".toml"))
    listed: tuple[Language, ...] = tuple(found)  # type: ignore[arg-type]  # a test holds the files equal to Language
    return listed


def language(lang: str) -> str:
    """The available language closest to the tag ``lang``; ValueError listing the choices if there is none.

    Case, ``_`` for ``-``, an encoding (``.UTF-8``) and a modifier (``@euro``)
    do not matter; a region or script srank has no file for falls back to
    the language itself, so ``fr-CA`` and ``fr_CA.UTF-8`` read as ``fr``. The
    locales ``C`` and ``POSIX`` (``C.UTF-8``) name no language: English, as for
    the command line.
    """
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str, not {type(lang).__name__}")
    return _closest(lang)


@functools.lru_cache(maxsize=256)
def _closest(lang: str) -> str:
    import re  # not at import: the first parse in English never reads a tag

    tag = lang.strip().split("@", 1)[0].split(".", 1)[0].replace("_", "-")
    if tag.upper() in _NOT_A_LOCALE:  # a locale with no language (lang=os.environ["LANG"] in a container)
        return ENGLISH
    if re.fullmatch(_TAG, tag):
        known = {name.lower(): name for name in available_languages()}
        subtags = tag.lower().split("-")
        for length in range(len(subtags), 0, -1):
            found = known.get("-".join(subtags[:length]))
            if found is not None:
                return found
    choices = ", ".join(repr(name) for name in available_languages())
    raise ValueError(f"Unknown lang {lang!r}; choose one of: {choices}")


def environment_language(environ: dict[str, str] | None = None) -> str:
    """The language of the environment's locale, as gettext finds it; English when it names none srank has.

    The first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set decides;
    ``C`` and ``POSIX`` mean English. Where that locale is not C, GNU's
    ``LANGUAGE`` list (``fr_CA:fr:en``) is tried first, as gettext does.

    >>> from srank._languages import environment_language
    >>> environment_language({"LANG": "fr_CA.UTF-8"})
    'fr'
    >>> environment_language({"LC_ALL": "C", "LANG": "es_MX.UTF-8"})
    'en'
    """
    env = os.environ if environ is None else environ
    locale = next((env[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(name)), "")
    base = locale.split(".", 1)[0].split("@", 1)[0]
    if not locale or base in _NOT_A_LOCALE:
        return ENGLISH
    for tag in [*env.get("LANGUAGE", "").split(":"), locale]:
        if tag:
            try:
                return language(tag)
            except ValueError:
                continue
    return ENGLISH
