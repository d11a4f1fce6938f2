"""``parse_distribution``: read an Explorer ``Distribution`` string or a Biotics national-ranks string.

Lines are matched with regular expressions built from the terminals of
``distributions.lark``; when a line does not match, the grammar itself (through
Lark) says where and what was expected. Every error is located in the whole
string. Lenient reading keeps going: a bad rank or an unknown name becomes a
warning on its record, and text that is no record at all a note on the result.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

import attrs

from ._distribution import Distribution, PlaceRank, noted_repeats, place_label, unknown_place, unread_rank
from ._errors import InvalidRankError, SrankError, clipped
from ._findings import Finding, Severity
from ._lark_adapter import distribution_error, distribution_patterns
from ._messages import Message, say
from ._parse import is_missing, parse
from ._places import nation_code, nation_name, subnation_code, subnation_name

__all__ = ["parse_distribution"]

_MAX = 1 << 20  # characters: the longest real strings are a few thousand
_LOWER_CODE = re.compile(r"(?<![^\s,:])[A-Za-z]{2}(?= ?\()")  # a two-letter code before its parenthesis


@attrs.frozen
class _Patterns:
    line: re.Pattern[str]
    item: re.Pattern[str]
    salvaged: re.Pattern[str]
    entry: re.Pattern[str]
    biotics: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    terminal = distribution_patterns()
    name, code, rank = terminal["NATION_NAME"], terminal["CODE"], terminal["RANK"]
    item = rf"(?P<code>{code}) \((?P<rank>{rank})\)"
    unnamed = rf"{code} \({rank}\)"
    return _Patterns(
        line=re.compile(rf"(?P<name>{name}) \((?P<rank>{rank})\)(?:: (?P<items>{unnamed}(?:, {unnamed})*))?"),
        item=re.compile(item),
        # Salvaging a broken line: a code stands after a separator, never inside a word ('@SUM (S2)' is not UM).
        salvaged=re.compile(rf"(?:(?<=[\s,:;])|^){item}"),
        entry=re.compile(rf"(?P<code>{code})\((?P<rank>{rank})\)"),
        biotics=re.compile(rf"{code}\("),
    )


def parse_distribution(text: str, *, lenient: bool = False) -> Distribution:
    """Read a distribution string; the format (Explorer export, Biotics, or the API's JSON) is detected.

    An empty text gives an empty Distribution. Malformed text raises
    InvalidRankError located in the whole string; with ``lenient=True`` a bad
    part becomes a warning and the rest is still read.

    Args:
        text: An Explorer distribution (``"United States (N5B): CA (S4)"``), a Biotics one (``"US(N5B)"``), or
            the Explorer API's places as JSON (``'[{"nationCode": "MX", ...}]'``, as ``str()`` writes API data).
        lenient: Keep reading past a bad part, reporting it as a warning, instead of raising.

    Returns:
        A Distribution: one PlaceRank per nation and subnation, in the text's order.

    Raises:
        InvalidRankError: The text cannot be read (strict mode), located in the whole string.

    Examples:
        >>> dist = srank.parse_distribution("United States (N5B): CA (S4), OR (S2)")
        >>> [(record.subnation, str(record.rank)) for record in dist]
        [(None, 'N5B'), ('CA', 'S4'), ('OR', 'S2')]
        >>> dist.subnational("US", "OR").place
        'Oregon'
    """
    if not isinstance(text, str):
        raise TypeError(f"srank.parse_distribution() takes a str, not {type(text).__name__}")
    if len(text) > _MAX:
        raise InvalidRankError(
            say("distribution.too-long", length=len(text), limit=_MAX),
            text=text,
            span=(_MAX, len(text)),
            code="too-long",
        )
    stripped = text.strip()
    if not stripped or is_missing(stripped):
        return Distribution((), "explorer")
    if lenient:
        # Codes in any case (md, Us): raised in place, so every position in the text stays where it was.
        text = _LOWER_CODE.sub(lambda code: code[0].upper(), text)
        stripped = text.strip()
    if stripped.startswith(("[", "{")):  # what str() writes of API data: its places as JSON; or one saved record
        return _read_api(text, lenient)
    if _patterns().biotics.match(stripped):
        return _read_biotics(text, lenient)
    return _read_explorer(text, lenient)


def _read_api(text: str, lenient: bool) -> Distribution:
    """The Explorer API's places as JSON text (a search result's ``nations``, as ``str()`` writes them)."""
    import json

    try:
        nations = json.loads(text)
    except json.JSONDecodeError as error:
        span = (error.pos, min(error.pos + 1, len(text)))
        problem = _api_problem(text, say("distribution.api-not-json", reason=error.msg), span, "distribution.api-hint")
        return _unread(problem, text, lenient)
    if isinstance(nations, dict):  # a saved record: a search result's taxon (nations) or a taxon (elementNationals)
        listed = next((nations[key] for key in _RECORD_PLACES if isinstance(nations.get(key), list)), None)
        if listed is None:
            said = say("distribution.api-object")
            return _unread(_api_problem(text, said, (0, len(text)), "distribution.api-object-hint"), text, lenient)
        nations = listed
    return Distribution.from_api(nations, lenient=lenient)


def _api_problem(text: str, said: Message, span: tuple[int, int], hint: str) -> InvalidRankError:
    return InvalidRankError(said, text=text, span=span, hint=say(hint), code="distribution-syntax")


def _unread(problem: InvalidRankError, text: str, lenient: bool) -> Distribution:
    """JSON text that gives no places: the error, or read leniently an empty Distribution with it as a note."""
    if not lenient:
        raise problem from None  # raised while json's error is handled: that error is not the user's to see
    return Distribution((), "api", (_skipped(problem, text.strip()),))


_RECORD_PLACES = ("nations", "elementNationals")  # where a search result's taxon and a taxon record keep places


def _read_explorer(text: str, lenient: bool) -> Distribution:
    patterns = _patterns()
    records: list[PlaceRank] = []
    notes: list[Finding] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start = offset + len(body) - len(body.lstrip())
        offset += len(line)
        body = body.strip()
        if not body:
            continue
        matched = patterns.line.fullmatch(body)
        if matched is None:
            problem = _syntax_error(text, start, body)
            if not lenient:
                raise problem
            salvaged, whole = _salvage(body, start, text, lenient)
            notes.append(_skipped(problem, body, "all" if whole else "some" if salvaged else "none"))
            records += salvaged
            continue
        records += _nation_line(matched, start, text, lenient)
    return Distribution(noted_repeats(records), "explorer", tuple(notes))


def _nation_line(matched: re.Match[str], start: int, text: str, lenient: bool) -> list[PlaceRank]:
    name = matched["name"]
    nation = nation_code(name, any_case=lenient)
    notes: list[Finding] = []
    if nation is None:
        at = start + matched.start("name")
        if not lenient:
            raise InvalidRankError(
                say("distribution.unknown-nation-name", name=clipped(name)),
                text=text,
                span=(at, at + len(name)),
                hint=say("distribution.unknown-nation-name-hint"),
                code="unknown-nation",
            )
        notes.append(
            Finding(
                "unknown-nation",
                Severity.WARNING,
                say("distribution.nation-name-kept", name=name),
                (at, at + len(name)),
                name,
            )
        )
        nation = name
    records = [_record(nation, None, matched["rank"], start + matched.start("rank"), text, lenient, notes)]
    items = matched["items"]
    if items:
        base = start + matched.start("items")
        for item in _patterns().item.finditer(items):
            records.append(_record(nation, item["code"], item["rank"], base + item.start("rank"), text, lenient, []))
    return records


def _read_biotics(text: str, lenient: bool) -> Distribution:
    patterns = _patterns()
    records: list[PlaceRank] = []
    notes: list[Finding] = []
    at = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    while at < end:
        matched = patterns.entry.match(text, at, end)
        if matched is None or not (matched.end() == end or text.startswith(", ", matched.end())):
            following = text.find(", ", at, end)
            stop = end if following < 0 else following
            # Located in this entry and the separator after it, so each skipped entry names its own problem
            # and costs its own length, not the rest of the text's.
            window = text[at : min(end, stop + 2)]
            located = distribution_error(window, "biotics")
            problem = _shifted(located, text, at) if located else _syntax_error(text, at, window)
            if not lenient:
                raise problem
            notes.append(_skipped(problem, text[at:stop]))
            at = stop + 2
            continue
        records.append(_record(matched["code"], None, matched["rank"], matched.start("rank"), text, lenient, []))
        at = matched.end() + 2
    return Distribution(noted_repeats(records), "biotics", tuple(notes))


def _record(
    nation: str, subnation: str | None, written: str, at: int, text: str, lenient: bool, notes: list[Finding]
) -> PlaceRank:
    known = subnation_name(nation, subnation) if subnation else nation_name(nation)
    if known is None and not notes:
        notes = [*notes, unknown_place(nation, subnation)]
    try:
        rank = parse(written, lenient=lenient)
    except InvalidRankError as error:
        failure = error
    else:
        return PlaceRank(nation, subnation, rank, tuple(notes))
    # Raised outside the except block, so the error keeps no context (the parser's error and its frames).
    place = place_label(nation, subnation)
    if not lenient:
        raise failure.evolve(
            message=say("error.at", where=place, message=failure.message),
            text=text,
            span=(at + failure.span[0], at + failure.span[1]),
        )
    return PlaceRank(nation, subnation, None, (*notes, unread_rank(place, written, failure.message)), written)


def _syntax_error(text: str, start: int, body: str) -> InvalidRankError:
    located = distribution_error(body, "explorer")
    if located is None:  # the grammar reads what the patterns did not: a bug in srank, say so plainly
        raise SrankError(f"srank's distribution patterns and grammar disagree on {clipped(body)!r}; please report it")
    if _LONG_CODE.search(body, 0, located.span[0] + 1):  # "MX (N3): SON (S2)": a third letter where "(" goes
        located = located.evolve(hint=say("distribution.code-two-letters-hint"))
    named = _named_place(body, located.span[0])
    if named is not None:  # "United States (N3): Maryland (S2)": a place spelled out where its code goes
        located = located.evolve(hint=say("distribution.name-for-code-hint", name=named[0], code=named[1]))
    bare = _BARE_NATION.match(body)
    if bare is not None and nation_code(bare[1], any_case=True) is not None:  # "United States: AL (S2)"
        located = located.evolve(hint=say("distribution.nation-rank-hint", name=bare[1]))
    return _shifted(located, text, start)


_LONG_CODE = re.compile(r"[ :,] *[A-Z]{3}\Z")  # a subnation code of three letters, ending at the error
_BARE_NATION = re.compile(r"([^\W\d_][^():;,\n]*?) *:")  # a nation named without its rank: "United States:"
_NATION_NAME = re.compile(r"(.+?) *\(")
_PLACE_NAME = re.compile(r"([^\W\d_][^(),:\n]*?) *\(")  # a name up to its "(": "New Brunswick (", "Québec ("


def _named_place(body: str, at: int) -> tuple[str, str] | None:
    """The name and two-letter code of a subnation of the line's nation that the item at ``at`` spells out, or None.

    The item starts after the ": " or ", " before ``at``: the grammar may stop inside a name in capitals (OHIO, at
    its third letter). Mexico's states have three-letter codes, which a distribution string cannot hold: no hint.
    """
    start = max(body.rfind(": ", 0, at + 1), body.rfind(", ", 0, at + 1))
    nation, place = _NATION_NAME.match(body), _PLACE_NAME.match(body, start + 2 if start >= 0 else at)
    if nation is None or place is None:
        return None
    code, name = nation_code(nation[1].strip(), any_case=True), place[1].strip()
    found = None if code is None else subnation_code(code, name)
    return None if found is None or len(found) != 2 else (name, found)


def _shifted(error: InvalidRankError, text: str, by: int) -> InvalidRankError:
    return error.evolve(text=text, span=(error.span[0] + by, error.span[1] + by))


def _skipped(problem: InvalidRankError, fragment: str, kept: Literal["all", "some", "none"] = "none") -> Finding:
    key = {"all": "read-all-the-same", "some": "partly-read", "none": "skipped"}[kept]
    return Finding(
        "distribution-syntax",
        Severity.WARNING,
        say(f"distribution.{key}", problem=problem.message, fragment=clipped(fragment)),
        problem.span,
        fragment,
        problem.hint,
    )


def _salvage(body: str, start: int, text: str, lenient: bool) -> tuple[list[PlaceRank], bool]:
    """From a line that does not parse: the nation if its head reads, and every subnation item that does.

    Also whether they cover the line: nothing but punctuation and spaces left between them.
    """
    patterns = _patterns()
    head = re.match(r"(?P<name>.+?) \((?P<rank>[^()]*)\)", body)
    if head is None:
        return [], False
    nation = nation_code(head["name"], any_case=True)
    if nation is None:
        return [], False
    records = [_record(nation, None, head["rank"], start + head.start("rank"), text, lenient, [])]
    rest = body[head.end() :]
    offset = start + head.end()
    for item in patterns.salvaged.finditer(rest):
        records.append(_record(nation, item["code"], item["rank"], offset + item.start("rank"), text, lenient, []))
    left_over = patterns.salvaged.sub("", rest)
    return records, not any(character.isalnum() for character in left_over)
