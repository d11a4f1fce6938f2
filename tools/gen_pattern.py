"""Write srank's published patterns (``srank.pattern()``) from the grammar and the validity rules.

Usage: python tools/gen_pattern.py   (rewrites src/srank/_pattern_table.py and the pattern in
docs/rank.schema.json; tests/test_pattern.py fails while either is out of date)

How the pattern is derived, so that nothing in it is written by hand:

1. ``grammar/ranks.lark`` is loaded with Lark and read through its public ``rules`` and
   ``get_terminal``. Every symbol that ``start`` names is either a terminal, a list that Lark
   made of ``(...)*`` (``A: x | A x``), or a *part*: a rule that is also a whole code on its
   own (``start: part`` is an alternative). Anything else stops the generator with a message.
2. A part has finitely many strings: each terminal's strings come from its regular expression
   (interegular), and a rule's from the products of its expansions. Each string is kept when
   ``srank.is_valid`` holds for it and, for a level, when ``srank check`` would accept it in a
   column of that level. So the rules that live outside the grammar (a range skips at most one
   rank, Q not on a 5, C only on X or H) are in the pattern exactly as parse applies them.
3. The language of ``start`` over those parts becomes a minimal DFA, and the DFA a regular
   expression by state elimination, simplified (character classes, common prefixes and suffixes).

The regex uses only what Python's ``re``, ECMA-262 (JSON Schema) and Frictionless share: literal
characters, ``[...]`` classes, plain ``(...)`` groups, ``|``, ``?``, ``*``, the anchors ``^``/``$`` and one
lookahead, ``(?!\n)`` after the ``$``, so that no regex engine takes a final newline as part of a code.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import interegular
from lark import Lark

from srank import Level, MultiSeasonRank, Rank, is_valid, parse
from srank._cross_level import expected_level_rule
from srank._lark_adapter import grammar_text

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "src" / "srank" / "_pattern_table.py"
SCHEMA = ROOT / "docs" / "rank.schema.json"

# ----------------------------------------------------------------------------
# 1-2. The grammar as an expression over parts, each part a finite set of kept strings
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Strings:
    """A finite set of strings."""

    values: frozenset[str]


@dataclass(frozen=True)
class Sequence:
    items: tuple[Expression, ...]


@dataclass(frozen=True)
class Choice:
    items: tuple[Expression, ...]


@dataclass(frozen=True)
class Repeat:
    """One or more times."""

    item: Expression


Expression = Strings | Sequence | Choice | Repeat


class GrammarShapeError(Exception):
    """The grammar has a shape this generator cannot turn into a pattern; the message says which."""


class Grammar:
    """``ranks.lark`` as Lark compiles it: rules by name, and the strings of each terminal."""

    def __init__(self, text: str) -> None:
        self.parser = Lark(text, parser="lalr")
        self.rules: dict[str, list[tuple[str, ...]]] = {}
        for rule in self.parser.rules:
            self.rules.setdefault(rule.origin.name, []).append(tuple(symbol.name for symbol in rule.expansion))

    @functools.cache  # noqa: B019 - one Grammar per run
    def terminal_strings(self, name: str) -> frozenset[str]:
        regex = self.parser.get_terminal(name).pattern.to_regexp()
        fsm = interegular.parse_pattern(regex).to_fsm()
        try:
            fsm.cardinality()  # type: ignore[no-untyped-call]
        except OverflowError:
            raise GrammarShapeError(f"terminal {name} ({regex}) matches infinitely many strings") from None
        return frozenset("".join(symbols) for symbols in fsm.strings())  # type: ignore[no-untyped-call]

    @functools.cache  # noqa: B019 - one Grammar per run
    def strings(self, name: str, seen: tuple[str, ...] = ()) -> frozenset[str]:
        """Every string a symbol derives; a rule that derives itself cannot be a part."""
        if name not in self.rules:
            return self.terminal_strings(name)
        if name in seen:
            raise GrammarShapeError(f"rule {name} is recursive, so it has no finite set of strings")
        found: set[str] = set()
        for expansion in self.rules[name]:
            pieces = [self.strings(symbol, (*seen, name)) for symbol in expansion]
            found.update("".join(combination) for combination in itertools.product(*pieces))
        return frozenset(found)

    def start(self, keep: Callable[[str], bool]) -> Expression:
        """``start`` as an expression whose parts hold only the strings ``keep`` accepts."""
        whole_codes = {expansion[0] for expansion in self.rules["start"] if len(expansion) == 1}

        def symbol(name: str) -> Expression:
            if name not in self.rules:
                return Strings(self.terminal_strings(name))
            expansions = self.rules[name]
            if any(expansion[:1] == (name,) for expansion in expansions):
                return self._list(name, expansions, symbol)
            if name not in whole_codes:
                raise GrammarShapeError(
                    f"start names rule {name}, which is not a whole code on its own (no 'start: {name}'),"
                    " so srank.is_valid cannot say which of its strings are valid"
                )
            return Strings(frozenset(filter(keep, self.strings(name))))

        return Choice(tuple(Sequence(tuple(map(symbol, expansion))) for expansion in self.rules["start"]))

    @staticmethod
    def _list(name: str, expansions: list[tuple[str, ...]], symbol: Callable[[str], Expression]) -> Expression:
        items = [expansion for expansion in expansions if expansion[:1] != (name,)]
        if len(items) != 1 or sorted(expansions) != sorted([items[0], (name, *items[0])]):
            raise GrammarShapeError(f"rule {name} is recursive in a way other than a list (A: x | A x)")
        return Repeat(Sequence(tuple(map(symbol, items[0]))))


# ----------------------------------------------------------------------------
# 3a. Automata: NFA from the expression, then a minimal DFA
# ----------------------------------------------------------------------------


class NFA:
    def __init__(self) -> None:
        self.moves: list[dict[str, set[int]]] = []
        self.empty: list[set[int]] = []

    def state(self) -> int:
        self.moves.append({})
        self.empty.append(set())
        return len(self.moves) - 1

    def add(self, expression: Expression, start: int, end: int) -> None:
        """Paths from ``start`` to ``end`` that spell exactly the strings of ``expression``."""
        if isinstance(expression, Strings):
            for text in expression.values:
                at = start
                for char in text:
                    following = self.state()
                    self.moves[at].setdefault(char, set()).add(following)
                    at = following
                self.empty[at].add(end)
        elif isinstance(expression, Sequence):
            at = start
            for item in expression.items:
                following = self.state()
                self.add(item, at, following)
                at = following
            self.empty[at].add(end)
        elif isinstance(expression, Choice):
            for item in expression.items:
                self.add(item, start, end)
        else:
            inner_start, inner_end = self.state(), self.state()
            self.empty[start].add(inner_start)
            self.add(expression.item, inner_start, inner_end)
            self.empty[inner_end].update({end, inner_start})

    def closure(self, states: Iterable[int]) -> frozenset[int]:
        found = set(states)
        waiting = list(found)
        while waiting:
            for following in self.empty[waiting.pop()]:
                if following not in found:
                    found.add(following)
                    waiting.append(following)
        return frozenset(found)


@dataclass
class DFA:
    moves: list[dict[str, int]]  # state -> character -> state; state 0 is the start
    finals: set[int]


def determinise(nfa: NFA, start: int, end: int) -> DFA:
    first = nfa.closure([start])
    numbers = {first: 0}
    moves: list[dict[str, int]] = [{}]
    finals: set[int] = set()
    waiting = [first]
    while waiting:
        current = waiting.pop()
        number = numbers[current]
        if end in current:
            finals.add(number)
        targets: dict[str, set[int]] = {}
        for state in current:
            for char, following in nfa.moves[state].items():
                targets.setdefault(char, set()).update(following)
        for char, following in targets.items():
            target = nfa.closure(following)
            if target not in numbers:
                numbers[target] = len(moves)
                moves.append({})
                waiting.append(target)
            moves[number][char] = numbers[target]
    return DFA(moves, finals)


def minimise(dfa: DFA) -> DFA:
    """Moore's partition refinement; the result's states are numbered in breadth-first order from the start."""
    block = [int(state in dfa.finals) for state in range(len(dfa.moves))]
    while True:
        signatures = [
            (block[state], tuple(sorted((char, block[target]) for char, target in dfa.moves[state].items())))
            for state in range(len(dfa.moves))
        ]
        numbering: dict[object, int] = {}
        refined = [numbering.setdefault(signature, len(numbering)) for signature in signatures]
        if len(numbering) == len(set(block)):
            break
        block = refined
    order: dict[int, int] = {block[0]: 0}
    queue = [0]
    representative = {block[0]: 0}
    for state in queue:
        for char in sorted(dfa.moves[state]):
            target = dfa.moves[state][char]
            if block[target] not in order:
                order[block[target]] = len(order)
                representative[block[target]] = target
                queue.append(target)
    moves = [
        {char: order[block[target]] for char, target in dfa.moves[representative[group]].items()}
        for group in sorted(order, key=order.__getitem__)
    ]
    finals = {order[block[state]] for state in dfa.finals if block[state] in order}
    return DFA(moves, finals)


# ----------------------------------------------------------------------------
# 3b. Regular expressions: a small algebra that simplifies as it builds, and its rendering
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Chars:
    chars: frozenset[str]


@dataclass(frozen=True)
class Cat:
    items: tuple[Regex, ...]


@dataclass(frozen=True)
class Alt:
    items: tuple[Regex, ...]  # two or more, none empty
    optional: bool


@dataclass(frozen=True)
class Star:
    item: Regex


Regex = Chars | Cat | Alt | Star
EMPTY = Cat(())


def _items(regex: Regex) -> tuple[Regex, ...]:
    return regex.items if isinstance(regex, Cat) else (regex,)


def cat(*parts: Regex) -> Regex:
    items = tuple(item for part in parts for item in _items(part))
    return items[0] if len(items) == 1 else Cat(items)


def alt(*options: Regex) -> Regex:
    """The union of ``options``, simplified: single characters merged, shared prefixes and suffixes taken out."""
    flat: set[Regex] = set()
    optional = False
    waiting = list(options)
    while waiting:
        option = waiting.pop()
        if isinstance(option, Alt):
            waiting += option.items
            optional = optional or option.optional
        elif option == EMPTY:
            optional = True
        else:
            # One option per character, so that 1 and 1G2 can share their 1 and HC and XC their C.
            head, rest = _items(option)[0], _items(option)[1:]
            if isinstance(head, Chars):
                flat.update(cat(Chars(frozenset(char)), *rest) for char in head.chars)
            else:
                flat.add(option)
    return _union(frozenset(flat), optional)


@functools.cache
def _union(options: frozenset[Regex], optional: bool) -> Regex:
    ordered = sorted(options, key=render)
    candidates = [_merged(ordered, ends) for ends in ((0, -1), (-1, 0))]
    unique = min(candidates, key=lambda found: (sum(len(render(option)) for option in found), len(found)))
    if not unique:
        return EMPTY
    if len(unique) == 1 and not optional:
        return unique[0]
    return Alt(tuple(sorted(unique, key=render)), optional)


def _merged(options: list[Regex], ends: tuple[int, int]) -> list[Regex]:
    for end in ends:
        options = _factor(options, end) if len(options) > 1 else options
    singles = [option for option in options if isinstance(option, Chars)]
    if len(singles) > 1:
        options = [option for option in options if not isinstance(option, Chars)]
        options.append(Chars(frozenset().union(*(single.chars for single in singles))))
    return options


def _factor(options: list[Regex], end: int) -> list[Regex]:
    """Group options by their first (``end`` 0) or last (``end`` -1) item: aX|aY -> a(X|Y)."""
    groups: dict[Regex, list[Regex]] = {}
    for option in options:
        groups.setdefault(_items(option)[end], []).append(option)
    if len(groups) == len(options):
        return options
    factored: list[Regex] = []
    for shared, members in groups.items():
        if len(members) == 1:
            factored.append(members[0])
            continue
        rests = [cat(*(_items(member)[1:] if end == 0 else _items(member)[:-1])) for member in members]
        factored.append(cat(shared, alt(*rests)) if end == 0 else cat(alt(*rests), shared))
    return factored


def star(regex: Regex) -> Regex:
    return EMPTY if regex == EMPTY else Star(regex)


def _class(chars: frozenset[str]) -> str:
    if len(chars) == 1:
        (char,) = chars
        return re.escape(char) if char in "\\^$.|?*+()[]{}" else char
    ordered = sorted(chars)
    runs: list[list[str]] = []
    for char in ordered:
        if runs and ord(char) == ord(runs[-1][-1]) + 1 and char.isalnum() and runs[-1][-1].isalnum():
            runs[-1].append(char)
        else:
            runs.append([char])
    body = "".join(run[0] + "-" + run[-1] if len(run) > 2 else "".join(run) for run in runs)
    return "[" + body.replace("\\", "\\\\").replace("]", "\\]").replace("^", "\\^") + "]"


def render(regex: Regex) -> str:
    if isinstance(regex, Chars):
        return _class(regex.chars)
    if isinstance(regex, Cat):
        return "".join(render(item) if not isinstance(item, Cat) else "(" + render(item) + ")" for item in regex.items)
    if isinstance(regex, Alt):
        if len(regex.items) == 1:
            inner = regex.items[0]
            text = render(inner)
            return text + "?" if isinstance(inner, Chars) else "(" + text + ")?"
        return "(" + "|".join(map(render, regex.items)) + ")" + ("?" if regex.optional else "")
    inner_text = render(regex.item)
    return (inner_text if isinstance(regex.item, Chars) else "(" + inner_text + ")") + "*"


def to_regex(dfa: DFA) -> Regex:
    """State elimination, cheapest state first; ties go to the state furthest from the start."""
    start, end = -1, -2
    edges: dict[tuple[int, int], Regex] = {}

    def connect(source: int, target: int, regex: Regex) -> None:
        known = edges.get((source, target))
        edges[source, target] = regex if known is None else alt(known, regex)

    connect(start, 0, EMPTY)
    for state, moves in enumerate(dfa.moves):
        by_target: dict[int, set[str]] = {}
        for char, target in moves.items():
            by_target.setdefault(target, set()).add(char)
        for target, chars in by_target.items():
            connect(state, target, Chars(frozenset(chars)))
        if state in dfa.finals:
            connect(state, end, EMPTY)
    remaining = set(range(len(dfa.moves)))

    def weight(state: int) -> tuple[int, int]:
        # Delgado and Morais's measure: how much text eliminating the state would copy.
        ins = [regex for (source, target), regex in edges.items() if target == state and source != state]
        outs = [regex for (source, target), regex in edges.items() if source == state and target != state]
        loop = edges.get((state, state))
        size = sum(len(render(regex)) for regex in ins) * (len(outs) - 1)
        size += sum(len(render(regex)) for regex in outs) * (len(ins) - 1)
        size += 0 if loop is None else len(render(loop)) * (len(ins) * len(outs) - 1)
        return size, -state

    while remaining:
        state = min(remaining, key=weight)
        remaining.remove(state)
        loop = edges.pop((state, state), None)
        middle = EMPTY if loop is None else star(loop)
        ins = {source: regex for (source, target), regex in edges.items() if target == state}
        outs = {target: regex for (source, target), regex in edges.items() if source == state}
        for key in [key for key in edges if state in key]:
            del edges[key]
        for source, before in ins.items():
            for target, after in outs.items():
                connect(source, target, cat(before, middle, after))
    return edges.get((start, end), Alt((), False))


# ----------------------------------------------------------------------------
# The published patterns
# ----------------------------------------------------------------------------


@functools.cache
def _valid_rank(code: str) -> Rank | MultiSeasonRank | None:
    """The rank of a strictly valid code, else None; each of the parts' strings is read once for all levels."""
    return parse(code) if is_valid(code) else None


def kept(level: Level) -> Callable[[str], bool]:
    """Strictly valid, and accepted in a column of ``level`` as ``srank check --column NAME:LEVEL`` accepts it."""

    def keep(code: str) -> bool:
        rank = _valid_rank(code)
        return rank is not None and expected_level_rule(rank, level) is None

    return keep


def body(grammar: Grammar, keep: Callable[[str], bool]) -> str:
    """The pattern of the codes ``grammar`` reads whose parts ``keep`` accepts, without anchors."""
    nfa = NFA()
    start, end = nfa.state(), nfa.state()
    nfa.add(grammar.start(keep), start, end)
    return render(to_regex(minimise(determinise(nfa, start, end))))


def patterns() -> dict[str, str]:
    """The anchored pattern of each level letter, and of any level ("": the levels' patterns joined by ``|``)."""
    grammar = Grammar(grammar_text())
    bodies = {level.value: body(grammar, kept(level)) for level in Level}
    joined = "|".join(dict.fromkeys(bodies.values()))  # a T column takes what a G column takes: listed once
    return {"": _anchored(joined)} | {letter: _anchored(found) for letter, found in bodies.items()}


def _anchored(body: str) -> str:
    """``body`` matched whole: ``$(?!\\n)`` ends it, since Python's ``$`` alone also matches before a final newline
    (Frictionless and Python's JSON Schema validators search with ``re``); in ECMA-262 ``$`` is the end already."""
    return "^(" + body + ")$(?!\\n)"


def table_source(found: dict[str, str]) -> str:
    lines = [
        '"""The patterns of strictly valid codes by level letter ("" for any level), for ``srank.pattern()``.',
        "",
        "Generated by tools/gen_pattern.py from grammar/ranks.lark and srank's validity rules. Do not edit:",
        "run ``python tools/gen_pattern.py`` after changing the grammar or a rule; tests/test_pattern.py checks.",
        '"""',
        "",
        "PATTERNS: dict[str, str] = {",
    ]
    lines += [f"    {json.dumps(letter)}: {json.dumps(regex)},  # noqa: E501" for letter, regex in found.items()]
    lines += ["}", ""]
    return "\n".join(lines)


def schema_source(schema_text: str, any_level: str) -> str:
    """The schema's text with its one ``"pattern"`` value replaced, the rest of the text as it was."""
    found = re.findall(r'"pattern": "(?:[^"\\]|\\.)*"', schema_text)
    if len(found) != 1:
        raise GrammarShapeError(f'docs/rank.schema.json should hold one "pattern", not {len(found)}')
    return schema_text.replace(found[0], '"pattern": ' + json.dumps(any_level))


def main() -> None:
    found = patterns()
    TABLE.write_text(table_source(found), encoding="utf-8")
    SCHEMA.write_text(schema_source(SCHEMA.read_text(encoding="utf-8"), found[""]), encoding="utf-8")
    for letter, regex in found.items():
        print(f"{letter or 'any'}: {len(regex)} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
