"""The only module that imports lark.

It loads ``ranks.lark`` (package data in a wheel, ``grammar/`` in a source
checkout), builds the LALR parser on first use through Lark's public API, with
the transformer passed to ``Lark(...)`` so that no parse tree is made, and turns
every Lark exception into InvalidRankError. The words of an error come from
``_rules``, so the parser and the model say the same thing about the same code.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from typing import TYPE_CHECKING, Any, cast

from ._errors import InvalidRankError, SrankError, clipped, show_char
from ._findings import Finding
from ._model import MultiSeasonRank, Rank
from ._rules import (
    captive_level_rule,
    inexact_on_range_rule,
    inexact_rule,
    infraspecific_level_rule,
    mixed_levels_rule,
    multi_not_seasonal_rule,
    questionable_level_rule,
    range_rule,
    season_rule,
)
from ._values import Infraspecific, Range, Single
from ._vocabulary import LEVEL_WORD, Grade, Level, Season

if TYPE_CHECKING:
    from lark import Lark, Token

__all__ = [
    "DISTRIBUTION_GRAMMAR",
    "distribution_error",
    "distribution_patterns",
    "expected_words",
    "grammar_text",
    "parse_code",
]

GRAMMAR_NAME = "ranks.lark"
DISTRIBUTION_GRAMMAR = "distributions.lark"


def grammar_text(name: str = GRAMMAR_NAME) -> str:
    """A grammar's text, from the installed package or the source tree."""
    from importlib import resources  # not at import time: it costs more than srank itself

    packaged = resources.files("srank").joinpath(name)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # In a source checkout (editable install, tests) the grammar sits in grammar/
    # at the top of the project; hatchling's force-include copies it into wheels only.
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, "grammar", name)
    if os.path.isfile(source):
        with open(source, encoding="utf-8") as handle:
            return handle.read()
    raise SrankError(f"srank's grammar file {name} is missing: the installation is broken; reinstall srank")


class _Located(Exception):
    """A structural finding raised inside the transformer, with its span in the input."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


_LEVELS = {"G": Level.GLOBAL, "N": Level.NATIONAL, "S": Level.SUBNATIONAL, "T": Level.INFRASPECIFIC}
_GRADES = {grade.value: grade for grade in Grade}
_SEASONS = {season.value: season for season in Season}


def _build_rank(level: Level, children: list[Any]) -> Rank:
    """One rank from [level letter, value, optional C / T part / Q / season...]."""
    captive = questionable = False
    infraspecific = season = None
    for child in children[2:]:
        if isinstance(child, Infraspecific):
            infraspecific = child
        elif child == "C":
            captive = True
        elif child == "Q":
            questionable = True
        else:
            season = _SEASONS[child]
    return Rank(
        level, children[1], captive=captive, infraspecific=infraspecific, questionable=questionable, season=season
    )


class _ToModel:
    """Lark callbacks, one per grammar rule, building model objects directly.

    The grammar keeps out every structural problem but a broken range, which
    the range callback reports through ``_rules.range_rule``.
    """

    # partial objects do not bind to the instance: each is called with the children only.
    global_rank = functools.partial(_build_rank, Level.GLOBAL)
    infraspecific_rank = functools.partial(_build_rank, Level.INFRASPECIFIC)
    national_rank = functools.partial(_build_rank, Level.NATIONAL)
    subnational_rank = functools.partial(_build_rank, Level.SUBNATIONAL)
    plants_rank = functools.partial(_build_rank, Level.SUBNATIONAL)

    def infraspecific(self, children: list[Any]) -> Infraspecific:
        return Infraspecific(children[1], captive=len(children) > 2)

    def single(self, children: list[Token]) -> Single:
        return Single(_GRADES[children[0]], inexact=len(children) > 1)

    def status(self, children: list[Token]) -> Single:
        return Single(_GRADES[children[0]])

    def range(self, children: list[Token]) -> Range:
        low, high = children
        problem = range_rule(_GRADES[low], _GRADES[high[1]], high[0])
        if problem is not None:
            raise _Located(problem.shifted((low.start_pos or 1) - 1))
        return Range(_GRADES[low], _GRADES[high[1]])

    def start(self, children: list[Any]) -> Rank | MultiSeasonRank:
        if len(children) == 1:
            return children[0]  # type: ignore[no-any-return]
        return MultiSeasonRank(tuple(children[::2]))


_parser: Lark | None = None
_parser_lock = threading.Lock()


def _get_parser() -> Lark:
    global _parser
    if _parser is None:
        with _parser_lock:
            if _parser is None:
                from lark import Lark

                _parser = Lark(grammar_text(), parser="lalr", lexer="contextual", transformer=_ToModel())
    return _parser


@functools.lru_cache(maxsize=1)
def _first_characters() -> tuple[frozenset[str], frozenset[str]]:
    """The characters a code can start with, and their terminals, as the grammar's start state accepts them."""
    parser = _get_parser()
    accepted: set[str] = parser.parse_interactive("").accepts()  # type: ignore[no-untyped-call]
    terminals = frozenset(name for name in accepted if name != "$END")
    characters = set()
    for name in terminals:
        pattern = parser.get_terminal(name).pattern
        if pattern.type != "str":  # pragma: no cover - every first terminal of ranks.lark is a literal letter
            return frozenset(), terminals
        characters.add(pattern.value[0])
    return frozenset(characters), terminals


def parse_code(text: str) -> Rank | MultiSeasonRank:
    """Parse official syntax. Every failure is an InvalidRankError located in ``text``.

    The error is raised outside the ``except`` clause, so that it keeps no
    reference (``__context__``) to Lark's exception and its frames.
    """
    from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    parser = _parser if _parser is not None else _get_parser()
    starts, first_terminals = _first_characters()
    if text and text[0] not in starts:
        # Lark would stop at the first character; the same error without running it keeps a column of
        # distinct non-codes (an id column checked by mistake) cheap.
        raise syntax_error(text, 0, None, first_terminals)
    try:
        return cast("Rank | MultiSeasonRank", parser.parse(text))
    except _Located as located:
        error = InvalidRankError.from_finding(located.finding, text)
    except UnexpectedCharacters as caught:
        position = caught.pos_in_stream if caught.pos_in_stream is not None else len(text)
        error = syntax_error(text, position, None, caught.allowed)
    except UnexpectedToken as caught:
        token = caught.token
        at_end = token.type == "$END"
        position = len(text) if at_end or token.start_pos is None else token.start_pos
        error = syntax_error(text, position, None if at_end else str(token), caught.expected)
    except UnexpectedInput:
        error = syntax_error(text, len(text), None, set())
    except LarkError as caught:  # pragma: no cover - defensive: no other Lark error is known to reach here
        error = InvalidRankError(f"Could not read the code: {caught}", text=text, span=(0, len(text)))
    raise error


# ----------------------------------------------------------------------------
# Syntax errors in human words
# ----------------------------------------------------------------------------

_TERMINAL_LEVELS = {"GLOBAL": "G", "NATIONAL": "N", "SUBNATIONAL": "S", "INFRASPECIFIC": "T"}
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
_STATUSES = "X, H, U, NR or NA"


def expected_words(terminals: set[str] | frozenset[str], before: str = "") -> list[str]:
    """Lark terminal names as the words a reader understands, in a stable order.

    Only what can really follow ``before`` is named: after G3 a range can end
    in G4 or G5, and after G5 it cannot end at all. LALR merges the states of
    a grade in the first part and in later ones, so Lark also offers a T part
    after S1,S1; only the first part of a code can have one.
    """
    if "," in before:
        terminals = terminals - {"INFRASPECIFIC"}
    words: dict[str, str] = {}
    levels = [_TERMINAL_LEVELS[name] for name in _TERMINAL_LEVELS if name in terminals]
    if len(levels) > 1:
        words["LEVEL"] = "a level letter (" + _join(levels) + ")"
    elif levels == ["T"]:
        words["INFRASPECIFIC"] = "an infraspecific part (T1-T5, TX, TH, TU, TNR or TNA)"
    elif levels:
        letter = levels[0]
        word = LEVEL_WORD[_LEVELS[letter]]
        statuses = ", ".join(letter + status for status in ("X", "H", "U", "NR"))
        words["LEVEL"] = f"another {word} part ({letter}1-{letter}5, {statuses} or {letter}NA)"
    if "NUMBER" in terminals and "STATUS" in terminals:
        words["VALUE"] = f"a rank value (1-5, {_STATUSES})"
    elif "NUMBER" in terminals:
        words["VALUE"] = "a number 1-5"
    for name in terminals:
        if name.endswith("_HIGH"):
            ends = _range_ends(name[0], before.rsplit(",", 1)[-1])
            if ends:
                words["HIGH"] = f"the end of a range ({_join(ends)})"
        elif name in _SIMPLE_WORDS:
            words[name] = _SIMPLE_WORDS[name]
    return [words[key] for key in _ORDER if key in words]


def _range_ends(letter: str, before: str) -> list[str]:
    """The range ends that make a valid range after ``before`` (which ends in its low number)."""
    low = before[-1:]
    if not low.isdigit():
        return [f"{letter}1-{letter}5"]
    grade = _GRADES[low]
    return [letter + str(high) for high in range(1, 6) if range_rule(grade, Grade.from_number(high), letter) is None]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


_RANGE_BEFORE = re.compile(r"([GNST])[1-5]\1[1-5]$")
_STATUS_BEFORE = re.compile(r"(?:NR|NA|X|H|U)$")
_VALUE_BEFORE = re.compile(r"(?:[1-5]\??|NR|NA|X|H|U)$")


def _rule_for(text: str, position: int) -> Finding | None:
    """The structural rule that the character at ``position`` breaks, located in ``text``."""
    if position >= len(text):
        return None
    before = text[:position]
    part_start = before.rfind(",") + 1
    part = before[part_start:]
    letter, char = part[:1], text[position]
    level = _LEVELS.get(letter)
    if level is None:
        first = _LEVELS.get(text[:1])
        if part or not part_start or first not in (Level.NATIONAL, Level.SUBNATIONAL) or char not in _LEVELS:
            return None
        if char in "GT":  # a global or infraspecific part after an N or S one
            written = text[position:].split(",", 1)[0]
            return multi_not_seasonal_rule(written, (0, len(written))).shifted(position)
        return mixed_levels_rule(first, (0, 1), char).shifted(position)
    found: Finding | None = None
    broken_range = _RANGE_BEFORE.search(part)
    if broken_range is not None:  # a range just before the error may itself be broken (S1S1 in S1S11)
        written = broken_range.group()
        found = range_rule(_GRADES[written[1]], _GRADES[written[3]], written[0])
        if found is not None:
            return found.shifted(part_start + broken_range.start())
    if char == "?" and broken_range is not None:
        found = inexact_on_range_rule(part)
    elif char == "?" and (status := _STATUS_BEFORE.search(part)) is not None:
        found = inexact_rule(_GRADES[status.group()], part)
    elif char == "Q":
        found = questionable_level_rule(level, part)
    elif char == "C":
        found = captive_level_rule(level, part)
    elif char in "BNM" and _VALUE_BEFORE.search(part):
        found = season_rule(level, char, len(part))
    elif char == "T" and level in (Level.NATIONAL, Level.INFRASPECIFIC) and _VALUE_BEFORE.search(part):
        found = infraspecific_level_rule(level, part + "T", (len(part), len(part) + 1))
    elif char == "," and level in (Level.GLOBAL, Level.INFRASPECIFIC):
        found = multi_not_seasonal_rule(part, (0, len(part)))
        return found.shifted(part_start)
    return found.shifted(part_start) if found is not None else None


def syntax_error(text: str, position: int, token: str | None, terminals: set[str] | frozenset[str]) -> InvalidRankError:
    """The error for a text the grammar rejects at ``position``, in the words of ``_rules`` where one applies."""
    before = text[:position]
    part = before.rsplit(",", 1)[-1]
    expected = expected_words(set(terminals), before) or [_SIMPLE_WORDS["$END"]]
    rule = _rule_for(text, position)
    if rule is not None:  # what could follow is only worth saying where the problem stands
        return InvalidRankError.from_finding(rule, text, expected if rule.span[0] == position else ())
    if position >= len(text):
        found = "the end of the code" if text else "an empty code"
        span = (len(text), len(text))
    else:
        found_text = token if token is not None else text[position]
        found = "'" + "".join(show_char(char) for char in found_text) + "'"
        span = (position, position + len(found_text))
    message = f"Expected {_join(expected)}, found {found}"
    if before:
        message = f"Expected {_join(expected)} after {before!r}, found {found}"
    char = text[position] if position < len(text) else ""
    level = part[:1]
    hint = "a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"
    if char == "T" and part.endswith("Q"):
        hint = f"Q goes at the very end, after the T part, as in {part[:-1]}{text[position : position + 2]}Q"
    elif char and char in "06789":
        hint = "rank numbers run from 1 (critically imperiled) to 5 (secure)"
    elif char and char in "GNST" and level and level in "GNST" and char != level and re.search(r"[1-5]$", part):
        hint = f"in a range the level letter repeats, as in {level}2{level}3"
    return InvalidRankError(message, text=text, span=span, expected=expected, hint=hint, code="syntax")


# ----------------------------------------------------------------------------
# Distribution strings: the grammar gives the reader its patterns and locates errors
# ----------------------------------------------------------------------------

_DISTRIBUTION_WORDS = {
    "NATION_NAME": "a nation's name (United States)",
    "CODE": "a two-letter code (MD)",
    "RANK": "a rank",
    "NEWLINE": "a new line",
    "$END": "the end of the text",
}


@functools.lru_cache(maxsize=1)
def _distribution_parser() -> Lark:
    from lark import Lark

    return Lark(grammar_text(DISTRIBUTION_GRAMMAR), parser="lalr", lexer="contextual", start=["explorer", "biotics"])


def distribution_patterns() -> dict[str, str]:
    """Each terminal of distributions.lark as a regular expression, by name (NATION_NAME, CODE, RANK)."""
    parser = _distribution_parser()
    return {name: parser.get_terminal(name).pattern.to_regexp() for name in ("NATION_NAME", "CODE", "RANK", "NEWLINE")}


def distribution_error(text: str, start: str) -> InvalidRankError | None:
    """Where ``text`` breaks the ``start`` format (explorer or biotics), or None when it does not."""
    from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

    try:
        _distribution_parser().parse(text, start=start)
    except UnexpectedCharacters as caught:
        position = caught.pos_in_stream if caught.pos_in_stream is not None else len(text)
        allowed: set[str] = set(caught.allowed)
        found = show_char(text[position]) if position < len(text) else None
    except UnexpectedToken as caught:
        token = caught.token
        position = len(text) if token.type == "$END" or token.start_pos is None else token.start_pos
        allowed, found = set(caught.expected), None if token.type == "$END" else str(token)
    except UnexpectedInput:
        position, allowed, found = len(text), set(), None
    else:
        return None
    words = sorted({_DISTRIBUTION_WORDS.get(name) or _literal(_distribution_parser(), name) for name in allowed})
    expected = _join(words) if words else "nothing more"
    shown = f"found {clipped(found)!r}" if found else "found the end of the text"  # a token may run on for pages
    return InvalidRankError(
        f"Expected {expected}, {shown}",
        text=text,
        span=(position, min(len(text), position + 1) if found else position),
        expected=words,
        hint="a distribution reads 'United States (N5): MD (S3), VA (S4)' or 'CA(N4), US(N5B,NNRN)'",
        code="distribution-syntax",
    )


def _literal(parser: Lark, name: str) -> str:
    pattern = parser.get_terminal(name).pattern
    return repr(pattern.value) if pattern.type == "str" else name
