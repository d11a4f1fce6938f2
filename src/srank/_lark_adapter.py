"""The only module that imports lark.

It loads ``ranks.lark`` (package data in a wheel, ``grammar/`` in a source
checkout), builds the LALR parser on first use with the transformer built in so
no parse tree is made, and turns every Lark exception into InvalidRankError.
"""

from __future__ import annotations

import functools
import operator
import os
import re
import threading
from collections.abc import Callable
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


# Every terminal must treat the digits 1-5 alike for shapes to stand for texts:
# after removing "[1-5]", a terminal's regex may hold only letters, classes of
# letters, commas, alternation, groups and "?" (no digits, ranges, dots, \d...).
_DIGITS = "[1-5]"
_DIGIT_FREE_REGEX = re.compile(r"(?:[A-Z,|()?:]|\[[A-Z]+\]|\\[?,])*")
_SHAPE = str.maketrans("2345", "1111")
_MAX_PLANS = 4096
# A plan nests its callback calls, about two brackets per part of a multi-season
# code, and Python's parser stops at 200; real codes have at most 20 tokens.
_MAX_PLAN_TOKENS = 40


class _FastDriver:
    """Runs Lark's own LALR table, terminals and callbacks without Lark's per-call machinery.

    Lark spends ~10 µs of bookkeeping on every parse, more than a whole rank
    code needs. This driver executes the same table Lark compiled from
    grammar/ranks.lark, with one regex per parser state built from the same
    terminals in the same priority order as Lark's contextual lexer. It only
    accepts: on any lexing or parsing failure it returns None and the caller
    re-parses with Lark, which produces the error.

    Texts that differ only in their digits 1-5 (G2T3 and G5T1) lex into the same
    terminals and take the same parser actions, since every terminal treats
    those digits alike (checked when the driver is built). So the first
    successful parse of each such shape is recorded as a plan: where its tokens
    start and end, and the nesting of callback calls the LALR loop made. Later
    texts of that shape replay the plan: one slice per token and the same
    callbacks in the same order, without lexing or table lookups.
    """

    def __init__(self, lark: Lark) -> None:
        from lark.parsers.lalr_analysis import Shift

        frontend = lark.parser
        table = frontend.parser._parse_table
        callbacks = frontend.parser.parser.callbacks
        terminals = {terminal.name: terminal for terminal in lark.terminals}
        count = max(table.states) + 1
        # Lark keys its table with Token and Rule objects, whose equality and
        # hashing run in Python; plain str keys and tuples keep the loop in C.
        # An action is (True, next_state) for a shift, (False, (size, callback
        # number, goal)) for a reduce; callback number -1 passes a "?rule:
        # child" through unchanged.
        self._callbacks: list[Any] = []
        self._actions: list[dict[str, tuple[bool, Any]]] = [{} for _ in range(count)]
        self._lexers: list[re.Pattern[str] | None] = [None] * count
        numbers: dict[int, int] = {}
        for state, actions in table.states.items():
            compiled = self._actions[state]
            for name, (step, argument) in actions.items():
                key = str.__str__(name)
                if step is Shift:
                    compiled[key] = (True, argument)
                    continue
                goal = str.__str__(argument.origin.name)
                callback = callbacks[argument]
                number = -1
                if not (argument.options.expand1 and len(argument.expansion) == 1 and argument.alias is None):
                    number = numbers.setdefault(id(callback), len(self._callbacks))
                    if number == len(self._callbacks):
                        self._callbacks.append(callback)
                compiled[key] = (False, (len(argument.expansion), number, goal))
            accepted = sorted(
                (terminals[name] for name in actions if name in terminals),
                key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
            )
            pattern = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in accepted)
            self._lexers[state] = re.compile(pattern) if pattern else None
        self._start: int = table.start_states["start"]
        self._end: int = table.end_states["start"]
        self._plans: dict[str, tuple[Callable[[str], tuple[str, ...]], Callable[[tuple[str, ...]], Any]]] = {}
        self.replays = all(
            _DIGIT_FREE_REGEX.fullmatch(terminal.pattern.to_regexp().replace(_DIGITS, "")) is not None
            for terminal in lark.terminals
        )

    def parse(self, text: str) -> Any:
        plan = self._plans.get(text.translate(_SHAPE)) if self.replays else None
        if plan is not None:
            slices, build = plan
            return build(slices(text))
        return self._run(text)

    def _run(self, text: str) -> Any:
        actions, lexers, callbacks = self._actions, self._lexers, self._callbacks
        states = [self._start]
        values: list[Any] = []
        # The plan being recorded: token bounds, and for each value on the stack
        # the Python expression that rebuilds it from the tokens t[0], t[1], ...
        bounds: list[tuple[int, int]] = []
        sources: list[str] = []
        position, length = 0, len(text)
        while True:
            kind: str
            if position < length:
                lexer = lexers[states[-1]]
                match = lexer.match(text, position) if lexer is not None else None
                if match is None:
                    return None
                kind = match.lastgroup or ""
                token: str | None = match.group()
                after = match.end()
                bounds.append((position, after))
                position = after
            else:
                kind, token = "$END", None
            while True:
                action = actions[states[-1]].get(kind)
                if action is None:
                    return None
                if action[0]:
                    if token is None:
                        return None
                    states.append(action[1])
                    values.append(token)
                    sources.append(f"t[{len(bounds) - 1}]")
                    break
                size, number, goal = action[1]
                children = values[-size:] if size else []
                child_sources = sources[-size:] if size else []
                if size:
                    del states[-size:], values[-size:], sources[-size:]
                if number < 0:
                    values.append(children[0])
                    sources.append(child_sources[0])
                else:
                    values.append(callbacks[number](children))
                    sources.append(f"c{number}([{', '.join(child_sources)}])")
                states.append(actions[states[-1]][goal][1])
                if token is None and states[-1] == self._end:
                    self._record(text, bounds, sources[-1])
                    return values[-1]

    def _record(self, text: str, bounds: list[tuple[int, int]], source: str) -> None:
        if not self.replays or len(self._plans) >= _MAX_PLANS or not 2 <= len(bounds) <= _MAX_PLAN_TOKENS:
            return
        # The source holds only names made here (t, c0, c1...) and integers, never input text.
        namespace = {f"c{number}": callback for number, callback in enumerate(self._callbacks)}
        build = eval(f"lambda t: {source}", namespace)
        slices = operator.itemgetter(*(slice(start, end) for start, end in bounds))
        self._plans[text.translate(_SHAPE)] = (slices, build)


_parser: Lark | None = None
_driver: _FastDriver | None = None
_parser_lock = threading.Lock()


def _get_parser() -> Lark:
    global _parser, _driver
    if _parser is None:
        with _parser_lock:
            if _parser is None:
                from lark import Lark

                _intern_values()
                parser = Lark(grammar_text(), parser="lalr", lexer="contextual", transformer=_ToModel())
                try:
                    _driver = _FastDriver(parser)
                except (AttributeError, ImportError, KeyError, TypeError):  # pragma: no cover - other lark versions
                    _driver = None  # Lark's own parse loop still works, only slower.
                _parser = parser
    return _parser


def parse_with_lark(text: str) -> Rank | MultiSeasonRank:
    """Parse through Lark's own loop only: the reference the fast driver is tested against."""
    return cast("Rank | MultiSeasonRank", _get_parser().parse(text))


def fast_driver_active() -> bool:
    _get_parser()
    return _driver is not None


def parse_code(text: str) -> Rank | MultiSeasonRank:
    """Parse official syntax. Every failure is an InvalidRankError located in ``text``."""
    parser = _parser if _parser is not None else _get_parser()
    if _driver is not None:
        try:
            result = _driver.parse(text)
        except _Located as located:
            if located.span is not None:
                raise _located_error(text, located) from None
            result = None  # the driver's tokens carry no positions: Lark's loop below locates it
        if result is not None:
            return result  # type: ignore[no-any-return]
    return _parse_with_errors(parser, text)


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
