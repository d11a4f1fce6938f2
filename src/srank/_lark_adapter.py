"""The only module that imports lark.

It turns ``ranks.lark`` into a parser, and every Lark exception into
InvalidRankError. The words of an error come from ``_rules``, so the parser and
the model say the same thing about the same code.

The parser builds model objects directly: the transformer is part of the Lark
parser, so no parse tree is made. A wheel ships each parser ready-built
(``ranks.lark.pickle`` beside this module, written at build time by
``hatch_build.py`` through ``save_parser``); loading it costs about 2 ms where
building the LALR tables costs 20 ms, or 140 ms when ``interegular`` is
installed and Lark checks the terminals for collisions. The file is used only
when its stamp (lark's version, a hash of the grammar text and of the options)
matches the grammar beside it and the lark that runs; otherwise, and in a source
checkout or editable install, where the grammar may change at any time and no
such file is made, the parser is built from the grammar. The ``.lark`` files
stay the single source of syntax.

A pickle can run code when loaded, so one is only ever read from this module's
own directory, where whoever could write it could already change srank's code;
never from a shared place such as the temporary directory that Lark's own
``cache=True`` uses.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from ._errors import InvalidRankError, SrankError, clipped, show_char, shown
from ._findings import Finding
from ._messages import Message, one_of, say
from ._model import MultiSeasonRank, Rank
from ._rules import (
    STATUS_RANGE,
    captive_level_rule,
    inexact_on_range_rule,
    inexact_rule,
    infraspecific_level_rule,
    level_word,
    mixed_levels_rule,
    multi_not_seasonal_rule,
    questionable_level_rule,
    range_rule,
    season_rule,
)
from ._shipped import SHIPPED_SUFFIX, fingerprint
from ._values import Infraspecific, Range, Single
from ._vocabulary import LEVEL_BY_LETTER, Grade, Level, Season

if TYPE_CHECKING:
    from lark import Lark, Token

__all__ = [
    "DISTRIBUTION_GRAMMAR",
    "GRAMMAR_NAME",
    "build_parser",
    "distribution_error",
    "distribution_patterns",
    "expected_words",
    "grammar_text",
    "parse_code",
    "parser_origin",
    "save_parser",
    "shipped_parser",
]

GRAMMAR_NAME = "ranks.lark"
DISTRIBUTION_GRAMMAR = "distributions.lark"

# Lark's options for each grammar (the ranks parser also gets its transformer). They are part of
# the stamp, so a change here retires a shipped parser as a change to the grammar does.
_OPTIONS: dict[str, dict[str, Any]] = {
    GRAMMAR_NAME: {"parser": "lalr", "lexer": "contextual"},
    DISTRIBUTION_GRAMMAR: {"parser": "lalr", "lexer": "contextual", "start": ["explorer", "biotics"]},
}
_HERE = os.path.dirname(os.path.abspath(__file__))


def grammar_text(name: str = GRAMMAR_NAME) -> str:
    """A grammar's text: beside this module in a wheel, in ``grammar/`` in a source checkout."""
    # Plain open(): importlib.resources costs more to import than reading the file does.
    # hatchling's force-include copies grammar/ into wheels only.
    for path in (os.path.join(_HERE, name), os.path.join(_HERE, os.pardir, os.pardir, "grammar", name)):
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read()
        except FileNotFoundError:
            continue
    raise SrankError(f"srank's grammar file {name} is missing: the installation is broken; reinstall srank")


class _Located(Exception):
    """A structural finding raised inside the transformer, with its span in the input."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


_LEVELS = LEVEL_BY_LETTER
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

    # Plain methods, not functools.partial class attributes: since Python 3.14 a partial binds
    # to the instance like a function does (3.13 warns about it), so it would get self too.
    def global_rank(self, children: list[Any]) -> Rank:
        return _build_rank(Level.GLOBAL, children)

    def infraspecific_rank(self, children: list[Any]) -> Rank:
        return _build_rank(Level.INFRASPECIFIC, children)

    def national_rank(self, children: list[Any]) -> Rank:
        return _build_rank(Level.NATIONAL, children)

    def subnational_rank(self, children: list[Any]) -> Rank:
        return _build_rank(Level.SUBNATIONAL, children)

    def plants_rank(self, children: list[Any]) -> Rank:
        return _build_rank(Level.SUBNATIONAL, children)

    def infraspecific(self, children: list[Any]) -> Infraspecific:
        return Infraspecific(children[1], captive=len(children) > 2)

    def single(self, children: list[Token]) -> Single:
        return Single(_GRADES[children[0]], inexact=len(children) > 1)

    def status(self, children: list[Token]) -> Single:
        return Single(_GRADES[children[0]])

    def status_range(self, children: list[Token]) -> Range:
        return Range(*STATUS_RANGE)

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


def _stamp(name: str, grammar: str) -> bytes:
    """The first line of a shipped parser file: what it was built from (lark's version, grammar, options)."""
    import lark

    built_from = fingerprint(f"{grammar}\n{sorted(_OPTIONS[name].items())!r}")
    return f"srank parser {name}: lark {lark.__version__}, {built_from}\n".encode()


def _transformer(name: str) -> dict[str, Any]:
    return {"transformer": _ToModel()} if name == GRAMMAR_NAME else {}


def build_parser(name: str = GRAMMAR_NAME) -> Lark:
    """A parser built from the grammar's text (the ranks parser with its transformer)."""
    from lark import Lark

    return Lark(grammar_text(name), **_OPTIONS[name], **_transformer(name))


def save_parser(name: str, grammar: str, handle: BinaryIO) -> None:
    """Write the parser of ``grammar`` (the text of ``name``) with its stamp: what a wheel ships.

    ``Lark.save`` keeps the options, the ranks parser's transformer among them,
    by reference to its class; ``Lark.load`` gives it back, so the loaded
    parser builds model objects directly, through Lark's public API only.
    """
    from lark import Lark

    handle.write(_stamp(name, grammar))
    Lark(grammar, **_OPTIONS[name], **_transformer(name)).save(handle)


def shipped_parser(name: str = GRAMMAR_NAME) -> Lark | None:
    """The parser shipped beside this module, or None when there is none or its stamp does not match."""
    from lark import Lark

    try:
        handle = open(os.path.join(_HERE, name + SHIPPED_SUFFIX), "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return None
    with handle:
        if handle.readline() != _stamp(name, grammar_text(name)):
            return None
        try:
            return Lark.load(handle)
        except Exception:  # a damaged file, or a pickle protocol newer than this Python: build instead
            return None


_parsers: dict[str, Lark] = {}
_origins: dict[str, str] = {}
_parser_lock = threading.Lock()


def _get_parser(name: str = GRAMMAR_NAME) -> Lark:
    parser = _parsers.get(name)
    if parser is None:
        with _parser_lock:
            parser = _parsers.get(name)
            if parser is None:
                parser = shipped_parser(name)
                _origins[name] = "shipped" if parser is not None else "grammar"
                if parser is None:
                    parser = build_parser(name)
                _parsers[name] = parser
    return parser


def parser_origin(name: str = GRAMMAR_NAME) -> str:
    """Where this process's parser came from: "shipped" (the wheel's file) or "grammar" (built here)."""
    _get_parser(name)
    return _origins[name]


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

    parser = _parsers.get(GRAMMAR_NAME)
    if parser is None:
        parser = _get_parser()
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
        error = InvalidRankError(say("syntax.unreadable", problem=str(caught)), text=text, span=(0, len(text)))
    raise error


# ----------------------------------------------------------------------------
# Syntax errors in human words
# ----------------------------------------------------------------------------

_TERMINAL_LEVELS = {level.name: level.value for level in Level}  # the grammar names a level's terminal after it
_SIMPLE_WORDS = {
    "INEXACT": ("expected.literal", "?"),
    "CAPTIVE": ("expected.literal", "C"),
    "QUESTIONABLE": ("expected.literal", "Q"),
    "SEASON": ("expected.season", None),
    "COMMA": ("expected.literal", ","),
    "$END": ("expected.end", None),
}
# Order in which expected items are listed.
_ORDER = ["LEVEL", "VALUE", "HIGH", "INEXACT", "CAPTIVE", "INFRASPECIFIC", "QUESTIONABLE", "SEASON", "COMMA", "$END"]
_STATUSES = ("X", "H", "U", "NR", "NA")


def _simple_word(name: str) -> str:
    key, literal = _SIMPLE_WORDS[name]
    return say(key) if literal is None else say(key, text=literal)


def expected_words(terminals: set[str] | frozenset[str], before: str = "") -> list[str]:
    """Lark terminal names as the words a reader understands, in a stable order.

    Only what can really follow ``before`` is named: after G3 a range can end
    in G4 or G5, and after G5 it cannot end at all. LALR merges the states of
    a grade in the first part and in later ones, so Lark also offers a T part
    after S1,S1; only the first part of a code can have one.
    """
    return list(_expected(frozenset(terminals), "," in before, before.rsplit(",", 1)[-1][-1:])[0])


@functools.lru_cache(maxsize=1024)
def _expected(terminals: frozenset[str], later_part: bool, last: str) -> tuple[tuple[str, ...], str]:
    """The words of ``expected_words``, and them as alternatives; by what they depend on, as a column repeats them.

    ``later_part``: the problem is past a comma; ``last``: the character before it in its part.
    """
    if later_part:
        terminals = terminals - {"INFRASPECIFIC"}
    words: dict[str, str] = {}
    levels = [_TERMINAL_LEVELS[name] for name in _TERMINAL_LEVELS if name in terminals]
    if len(levels) > 1:
        words["LEVEL"] = say("expected.level", letters=one_of(levels))
    elif levels == ["T"]:
        words["INFRASPECIFIC"] = say("expected.infraspecific")
    elif levels:
        letter = levels[0]
        codes = one_of([f"{letter}1-{letter}5", *(letter + status for status in _STATUSES)])
        words["LEVEL"] = say("expected.another-part", level=level_word(_LEVELS[letter]), codes=codes)
    if "NUMBER" in terminals and "STATUS" in terminals:
        words["VALUE"] = say("expected.value", values=one_of(["1-5", *_STATUSES]))
    elif "NUMBER" in terminals:
        words["VALUE"] = say("expected.number")
    for name in terminals:
        if name.endswith("_HIGH"):
            ends = _range_ends(name[0], last)
            if ends:
                words["HIGH"] = say("expected.range-end", ends=one_of(ends))
        elif name in _SIMPLE_WORDS:
            words[name] = _simple_word(name)
    found = tuple(words[key] for key in _ORDER if key in words) or (_simple_word("$END"),)
    return found, one_of(found)


def _range_ends(letter: str, low: str) -> list[str]:
    """The range ends that make a valid range after its low number ``low`` (or "" when there is none)."""
    if not low.isdigit():
        return [f"{letter}1-{letter}5"]
    grade = _GRADES[low]
    return [letter + str(high) for high in range(1, 6) if range_rule(grade, Grade.from_number(high), letter) is None]


# Patterns of the error path only: re compiles (and caches) each on its first use, not at import.
_RANGE_BEFORE = r"([GNST])[1-5]\1[1-5]$"
_STATUS_BEFORE = r"(?:NR|NA|X|H|U)$"
_VALUE_BEFORE = r"(?:[1-5]\??|NR|NA|X|H|U)$"


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
    broken_range = re.search(_RANGE_BEFORE, part)
    if broken_range is not None:  # a range just before the error may itself be broken (S1S1 in S1S11)
        written = broken_range.group()
        found = range_rule(_GRADES[written[1]], _GRADES[written[3]], written[0])
        if found is not None:
            return found.shifted(part_start + broken_range.start())
    if char == "?" and broken_range is not None:
        found = inexact_on_range_rule(part)
    elif char == "?" and (status := re.search(_STATUS_BEFORE, part)) is not None:
        found = inexact_rule(_GRADES[status.group()], part)
    elif char == "Q":
        found = questionable_level_rule(level, part)
    elif char == "C":
        found = captive_level_rule(level, part)
    elif char in "BNM" and re.search(_VALUE_BEFORE, part):
        found = season_rule(level, char, len(part))
    elif char == "T" and level in (Level.NATIONAL, Level.INFRASPECIFIC) and re.search(_VALUE_BEFORE, part):
        found = infraspecific_level_rule(level, part + "T", (len(part), len(part) + 1))
    elif char == "," and level in (Level.GLOBAL, Level.INFRASPECIFIC):
        found = multi_not_seasonal_rule(part, (0, len(part)))
        return found.shifted(part_start)
    return found.shifted(part_start) if found is not None else None


def syntax_error(text: str, position: int, token: str | None, terminals: set[str] | frozenset[str]) -> InvalidRankError:
    """The error for a text the grammar rejects at ``position``, in the words of ``_rules`` where one applies."""
    before = text[:position]
    part = before.rsplit(",", 1)[-1]
    words, alternatives = _expected(frozenset(terminals), "," in before, part[-1:])
    expected = list(words)
    rule = _rule_for(text, position)
    if rule is not None:  # what could follow is only worth saying where the problem stands
        return InvalidRankError.from_finding(rule, text, expected if rule.span[0] == position else ())
    if position >= len(text):
        found = say("syntax.found-end") if text else say("syntax.found-empty")
        span = (len(text), len(text))
    else:
        found_text = token if token is not None else text[position]
        found = say("syntax.found-text", text=shown(found_text))
        span = (position, position + len(found_text))
    char = text[position] if position < len(text) else ""
    level = part[:1]
    hint = say("syntax.hint")
    twin = _look_alike(char) if char and not char.isascii() else None
    if twin is not None:  # 'С' is Cyrillic: "found 'С'" where C was expected would read as nonsense
        found, hint = twin
    if before:
        message = say("syntax.expected-after", expected=alternatives, before=before, found=found)
    else:
        message = say("syntax.expected", expected=alternatives, found=found)
    if char == "T" and part.endswith("Q"):
        hint = say("syntax.hint-questionable-last", example=f"{part[:-1]}{text[position : position + 2]}Q")
    elif char and char in "06789":
        hint = say("syntax.hint-numbers")
    elif char and char in "GNST" and level and level in "GNST" and char != level and re.search(r"[1-5]$", part):
        hint = say("syntax.hint-range-letter", letter=level)
    return InvalidRankError(message, text=text, span=span, expected=expected, hint=hint, code="syntax")


# Letters that look like the Latin ones a code is written with: Cyrillic and Greek capitals, as a keyboard layout or
# a copy from a document may put them in place of G, N, S, T, B, M, C, H, X and the other letters of the alphabet.
_TWINS = dict(zip("АВСЕНІКМОРТХЅΑΒΕΗΙΚΜΝΟΡΤΧ", "ABCEHIKMOPTXSABEHIKMNOPTX", strict=True))


def _look_alike(char: str) -> tuple[Message, Message] | None:
    """What was found, and the hint, for a character that looks like a plain Latin letter or digit (a full-width
    Ｇ, a Cyrillic С), named by its code point and Unicode name; None for any other character."""
    import unicodedata

    compatible = unicodedata.normalize("NFKC", char)
    if compatible.isascii() and compatible.isalnum() and len(compatible) == 1:
        plain: str | None = compatible  # in its own case: a full-width ｓ looks like s
    else:
        plain = _TWINS.get(char)  # capitals only: a Greek ν looks like v, not N
    if plain is None:
        return None
    name = unicodedata.name(char, "")
    found = say("syntax.found-character", text=shown(char), code=f"U+{ord(char):04X}", name=name)
    return found, say("syntax.hint-lookalike", found=char, name=name, plain=plain)


# ----------------------------------------------------------------------------
# Distribution strings: the grammar gives the reader its patterns and locates errors
# ----------------------------------------------------------------------------

_DISTRIBUTION_WORDS = {
    "NATION_NAME": "expected.nation-name",
    "CODE": "expected.place-code",
    "RANK": "expected.rank",
    "NEWLINE": "expected.new-line",
    "$END": "expected.end-of-text",
}


def _distribution_parser() -> Lark:
    return _get_parser(DISTRIBUTION_GRAMMAR)


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
    words = sorted({_distribution_word(name) for name in allowed})
    expected = one_of(words) if words else say("expected.nothing")
    if found:
        message = say("distribution.expected", expected=expected, found=clipped(found))  # a token may run on for pages
    else:
        message = say("distribution.expected-at-end", expected=expected)
    return InvalidRankError(
        message,
        text=text,
        span=(position, min(len(text), position + 1) if found else position),
        expected=words,
        hint=say("distribution.hint"),
        code="distribution-syntax",
    )


def _distribution_word(name: str) -> str:
    if name in _DISTRIBUTION_WORDS:
        return say(_DISTRIBUTION_WORDS[name])
    pattern = _distribution_parser().get_terminal(name).pattern
    return say("expected.literal", text=pattern.value) if pattern.type == "str" else name
