"""The only module that imports lark.

It loads ``ranks.lark`` (package data in a wheel, ``grammar/`` in a source
checkout), builds the LALR parser on first use with the transformer built in so
no parse tree is made, and turns every Lark exception into InvalidRankError.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from typing import TYPE_CHECKING, Any, cast

from ._errors import InvalidRankError, SrankError, show_char
from ._model import Grade, Infraspecific, Level, MultiSeasonRank, Range, Rank, Season, Single, range_hint

if TYPE_CHECKING:
    from lark import Lark, Token

__all__ = ["grammar_text", "parse_code"]

GRAMMAR_NAME = "ranks.lark"


def grammar_text() -> str:
    """The grammar's text, from the installed package or the source tree."""
    from importlib import resources  # not at import time: it costs more than srank itself

    packaged = resources.files("srank").joinpath(GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # In a source checkout (editable install, tests) the grammar sits in grammar/
    # at the top of the project; hatchling's force-include copies it into wheels only.
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, "grammar", GRAMMAR_NAME)
    if os.path.isfile(source):
        with open(source, encoding="utf-8") as handle:
            return handle.read()
    raise SrankError(f"srank's grammar file {GRAMMAR_NAME} is missing: the installation is broken; reinstall srank")


class _Located(Exception):
    """A model error raised inside the transformer, with its span in the input.

    The span is None when the tokens carry no positions (the fast driver's
    plain strings); the caller then re-parses with Lark to locate the error.
    """

    def __init__(self, error: InvalidRankError, span: tuple[int, int] | None) -> None:
        super().__init__(error.message)
        self.error = error
        self.span = span


def _parts(children: list[Any]) -> tuple[bool, Infraspecific | None, bool, Season | None]:
    captive = questionable = False
    infraspecific = None
    season = None
    for child in children:
        if isinstance(child, Infraspecific):
            infraspecific = child
        elif child == "C":
            captive = True
        elif child == "Q":
            questionable = True
        else:
            season = _SEASONS[child]
    return captive, infraspecific, questionable, season


def _build_rank(level: Level, children: list[Any]) -> Rank:
    """One rank from [level letter, value, optional C / T part / Q / season...]."""
    try:
        if len(children) == 2:
            return Rank(level, children[1])
        captive, infraspecific, questionable, season = _parts(children[2:])
        return Rank(
            level,
            children[1],
            captive=captive,
            infraspecific=infraspecific,
            questionable=questionable,
            season=season,
        )
    except InvalidRankError as error:
        offset: int | None = getattr(children[0], "start_pos", None)
        span = None if offset is None else (offset + error.span[0], offset + error.span[1])
        raise _Located(error, span) from None


class _ToModel:
    """Lark callbacks, one per grammar rule, building model objects directly."""

    # partial objects do not bind to the instance: each is called with the children only.
    global_rank = functools.partial(_build_rank, Level.GLOBAL)
    infraspecific_rank = functools.partial(_build_rank, Level.INFRASPECIFIC)
    national_rank = functools.partial(_build_rank, Level.NATIONAL)
    subnational_rank = functools.partial(_build_rank, Level.SUBNATIONAL)
    plants_rank = functools.partial(_build_rank, Level.SUBNATIONAL)

    def infraspecific(self, children: list[Any]) -> Infraspecific:
        # Values are interned, so their identity is a safe key.
        key = (id(children[1]), len(children) > 2)
        known = _INFRASPECIFIC.get(key)
        if known is None:
            known = _INFRASPECIFIC[key] = Infraspecific(children[1], captive=key[1])
        return known

    def single(self, children: list[Token]) -> Single:
        return _SINGLES[children[0], len(children) > 1]

    def status(self, children: list[Token]) -> Single:
        return _SINGLES[children[0], False]

    def range(self, children: list[Token]) -> Range:
        low, high = children
        known = _RANGES.get((low, high[1]))
        if known is not None:
            return known
        try:
            return Range(_GRADES[low], _GRADES[high[1]])
        except InvalidRankError as error:
            error.hint = range_hint(error.code, high[0])  # the Range does not know its level
            start, end = getattr(low, "start_pos", None), getattr(high, "end_pos", None)
            span = None if start is None or end is None else (start - 1, end)
            raise _Located(error, span) from None

    def start(self, children: list[Any]) -> Rank | MultiSeasonRank:
        if len(children) == 1:
            return children[0]  # type: ignore[no-any-return]
        try:
            return MultiSeasonRank(tuple(children[::2]))
        except InvalidRankError as error:
            raise _Located(error, error.span) from None


_GRADES = {grade.value: grade for grade in Grade}
_SEASONS = {season.value: season for season in Season}
# Values are immutable, so every parse shares one object per distinct value.
# Filled when the parser is built, so that import srank does not pay for it.
_SINGLES: dict[tuple[str, bool], Single] = {}
_RANGES: dict[tuple[str, str], Range] = {}
_INFRASPECIFIC: dict[tuple[int, bool], Infraspecific] = {}


def _intern_values() -> None:
    for grade in Grade:
        _SINGLES[grade.value, False] = Single(grade)
        if grade.number is not None:
            _SINGLES[grade.value, True] = Single(grade, inexact=True)
    for low in range(1, 6):
        for high in (low + 1, low + 2):
            if high <= 5:
                _RANGES[str(low), str(high)] = Range(Grade.from_number(low), Grade.from_number(high))


_parser: Lark | None = None
_parser_lock = threading.Lock()


def _get_parser() -> Lark:
    global _parser
    if _parser is None:
        with _parser_lock:
            if _parser is None:
                from lark import Lark

                _intern_values()
                _parser = Lark(grammar_text(), parser="lalr", lexer="contextual", transformer=_ToModel())
    return _parser


def parse_code(text: str) -> Rank | MultiSeasonRank:
    """Parse official syntax. Every failure is an InvalidRankError located in ``text``."""
    return _parse_with_errors(_parser if _parser is not None else _get_parser(), text)


def _parse_with_errors(parser: Lark, text: str) -> Rank | MultiSeasonRank:
    from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    try:
        return cast("Rank | MultiSeasonRank", parser.parse(text))
    except _Located as located:
        raise _located_error(text, located) from None
    except UnexpectedCharacters as error:
        position = error.pos_in_stream if error.pos_in_stream is not None else len(text)
        raise _syntax_error(text, position, None, error.allowed) from None
    except UnexpectedToken as error:
        token = error.token
        at_end = token.type == "$END"
        position = len(text) if at_end or token.start_pos is None else token.start_pos
        raise _syntax_error(text, position, None if at_end else str(token), error.expected) from None
    except UnexpectedInput:
        raise _syntax_error(text, len(text), None, set()) from None
    except LarkError as error:  # pragma: no cover - defensive: no other Lark error is known to reach here
        raise InvalidRankError(f"Could not read the code: {error}", text=text, span=(0, len(text))) from None


def _located_error(text: str, located: _Located) -> InvalidRankError:
    error, span = located.error, located.span
    return InvalidRankError(error.message, text=text, span=span or (0, len(text)), hint=error.hint, code=error.code)


# ----------------------------------------------------------------------------
# Syntax errors in human words
# ----------------------------------------------------------------------------

_LEVELS = {"GLOBAL": "G", "NATIONAL": "N", "SUBNATIONAL": "S", "INFRASPECIFIC": "T"}
_SIMPLE_WORDS = {
    "INEXACT": "'?'",
    "CAPTIVE": "'C'",
    "QUESTIONABLE": "'Q'",
    "SEASON": "a season letter (B, N or M)",
    "COMMA": "','",
    "$END": "the end of the code",
}
# Order in which expected items are listed.
_ORDER = ["LEVEL", "VALUE", "HIGH", "INEXACT", "CAPTIVE", "INFRASPECIFIC", "QUESTIONABLE", "SEASON", "COMMA", "$END"]


def expected_words(terminals: set[str] | frozenset[str]) -> list[str]:
    """Lark terminal names as the words a reader understands, in a stable order."""
    words: dict[str, str] = {}
    levels = [_LEVELS[name] for name in _LEVELS if name in terminals]
    if len(levels) > 1:
        words["LEVEL"] = "a level letter (" + _join(levels) + ")"
    elif levels == ["T"]:
        words["INFRASPECIFIC"] = "an infraspecific part (T1-T5, TX, TH, TU, TNR or TNA)"
    if "NUMBER" in terminals and "STATUS" in terminals:
        words["VALUE"] = "a rank value (1-5, X, H, U, NR or NA)"
    elif "NUMBER" in terminals:
        words["VALUE"] = "a number 1-5"
    for name in terminals:
        if name.endswith("_HIGH"):
            letter = name[0]
            words["HIGH"] = f"the end of a range ({letter}1-{letter}5)"
        elif name in _SIMPLE_WORDS:
            words[name] = _SIMPLE_WORDS[name]
    return [words[key] for key in _ORDER if key in words]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


_RANGE_BEFORE = re.compile(r"[GNST][1-5][GNST][1-5]$")
_STATUS_BEFORE = re.compile(r"(?:NR|NA|X|H|U)$")
_VALUE_BEFORE = re.compile(r"(?:[1-5]\??|NR|NA|X|H|U)$")


def _syntax_error(
    text: str, position: int, token: str | None, terminals: set[str] | frozenset[str]
) -> InvalidRankError:
    expected = expected_words(set(terminals))
    if position >= len(text):
        found = "the end of the code" if text else "an empty code"
        span = (len(text), len(text))
    else:
        found_text = token if token is not None else text[position]
        found = "'" + "".join(show_char(char) for char in found_text) + "'"
        span = (position, position + len(found_text))
    before = text[:position]
    part = before.rsplit(",", 1)[-1]
    level = part[:1]
    char = text[position] if position < len(text) else ""

    code, message, hint = "syntax", f"Expected {_join(expected)}, found {found}", None
    if before:
        message = f"Expected {_join(expected)} after {before!r}, found {found}"
    if char == "?" and _RANGE_BEFORE.search(part):
        code, message = "inexact-on-range", f"'?' cannot qualify the range {part!r}"
        hint = f"'?' goes on a single number only; write {part} or {part[:2]}?"
    elif char == "?" and _STATUS_BEFORE.search(part):
        code, message = "inexact-on-status", f"'?' cannot qualify {part!r}"
        hint = "'?' marks an inexact number; it only goes on 1-5, as in G3?"
    elif char == "Q" and level in ("N", "S"):
        code, message = "questionable-not-global", f"Q cannot qualify the {_LEVEL_WORDS[level]} rank {part!r}"
        hint = "Q (questionable taxonomy) belongs to global ranks, as in G3Q or G5T3Q"
    elif char == "C" and level in ("N", "S"):
        code, message = "captive-not-global", f"C cannot qualify the {_LEVEL_WORDS[level]} rank {part!r}"
        hint = "C (captive or cultivated only) belongs to global ranks: GXC or GHC"
    elif char in ("B", "N", "M") and level in ("G", "T") and _VALUE_BEFORE.search(part):
        article = "An" if level == "T" else "A"
        code, message = "season-not-allowed", f"{article} {_LEVEL_WORDS[level]} rank cannot have a season ({char})"
        hint = "seasons (B breeding, N nonbreeding, M migrant) apply to N and S ranks only, as in S2B"
    elif char == "T" and part.endswith("Q"):
        hint = f"Q goes at the very end, after the T part, as in {part[:-1]}{text[position : position + 2]}Q"
    elif char in "06789" and char:
        hint = "rank numbers run from 1 (critically imperiled) to 5 (secure)"
    elif char in "GNST" and char and re.search(r"[1-5]$", part) and level in "GNST" and char != level and level:
        hint = f"in a range the level letter repeats, as in {level}2{level}3"
    return InvalidRankError(message, text=text, span=span, expected=expected, hint=hint, code=code)


_LEVEL_WORDS = {"G": "global", "N": "national", "S": "subnational", "T": "infraspecific"}
