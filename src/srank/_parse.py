"""parse(), is_valid() and is_missing(): strict or lenient reading, memoised.

Strict parsing reads everything NatureServe's own systems publish; what the
guidance says about a code is in ``rank.findings``, not an exception. Lenient
parsing also reads the spellings real data files use (case, spaces, slashes,
dashes, legacy codes) and the malformed codes NatureServe still rounds
(G5T4G5, GNRTUTXC), noting each change in ``rank.notes``.

Lark is imported only when the first code is parsed (inside the adapter), so
``import srank`` stays cheap.
"""

from __future__ import annotations

import functools

import attrs

from ._errors import InvalidRankError
from ._findings import Finding, Severity
from ._lark_adapter import parse_code
from ._messages import say
from ._model import CACHED_LENGTH, Level, MultiSeasonRank, Rank

__all__ = ["MAX_LENGTH", "MISSING_MARKERS", "is_missing", "is_valid", "lenient_reading", "parse", "reads"]

MAX_LENGTH = 200
"""Longer text is rejected before any parsing: no real code is a tenth as long."""

# Texts up to CACHED_LENGTH long are memoised (_model holds the number, for its own cache too).

MISSING_MARKERS = frozenset({"NA", "N/A", "<NA>", "NAN", "NONE"})
"""Texts (in any case, with surrounding spaces) that mean "no rank recorded", as blank text does.

R and pandas write NA, N/A, <NA> and NaN for empty cells; Python writes None.
NatureServe always writes Not Applicable with its level (GNA, NNA, SNA, TNA).
"""


def parse(text: str, *, lenient: bool = False) -> Rank | MultiSeasonRank:
    """Read one rank code; raises InvalidRankError when the text cannot be read as a rank at all.

    Strict parsing (the default) reads NatureServe's syntax, including the forms
    its own systems publish against their guidance, which ``rank.findings``
    reports. Lenient parsing also reads messy spellings, with one note per
    change in ``rank.notes``.

    Args:
        text: One rank code, such as ``"G5T1T3Q"`` or ``"S2B,S4N"``.
        lenient: Also read the spellings real files use (``s3/s4``, ``S2-S3``, stray spaces), noting each change.

    Returns:
        A Rank, or a MultiSeasonRank for a code with several seasons.

    Raises:
        InvalidRankError: The text is not a rank; the error points at the problem and gives a hint.
        TypeError: ``text`` is not a str.

    Examples:
        >>> srank.parse("G5T1T3Q")
        <Rank 'G5T1T3Q'>
        >>> srank.parse(" s3/s4 ", lenient=True)
        <Rank 'S3S4'>
        >>> srank.parse("G3G2")
        Traceback (most recent call last):
        ...
        srank._errors.InvalidRankError: Range 3-2 is reversed
    """
    if type(text) is not str:
        if isinstance(text, (Rank, MultiSeasonRank)):
            raise TypeError(f"srank.parse() takes a str, not {type(text).__name__}: a rank object is read already")
        if not isinstance(text, str):
            raise TypeError(f"srank.parse() takes a str, not {type(text).__name__}")
        text = str(text)  # a str subclass (numpy.str_) must not split the cache
    if len(text) > CACHED_LENGTH:
        return _parse_cached.__wrapped__(text, bool(lenient))
    return _parse_cached(text, bool(lenient))


def is_valid(text: str | Rank | MultiSeasonRank, *, lenient: bool = False) -> bool:
    """True when ``text`` reads as a rank and NatureServe's guidance finds no error in it.

    This is what ``srank_valid`` means in ``srank check`` and ``valid()`` in the
    pandas accessor: a code with only warnings (an unseasoned part, a T part
    more secure than its species) is valid; G5Q, which the guidance calls
    invalid, is read but not valid. It answers for one code: a missing value
    (None, NaN) has no validity, and ``parse_many``, pandas and ``srank check``
    report it as missing; a missing-value marker given as text ("NA") is not a
    valid code, so it is False.

    Args:
        text: One rank code, or a rank object (its findings as it was read).
        lenient: Also read the spellings real files use (``s3/s4``, ``S2-S3``, stray spaces), noting each change.

    Returns:
        True for a valid code; False for any other text.

    Examples:
        >>> srank.is_valid("G5T1T3Q"), srank.is_valid("G5Q"), srank.is_valid("NA")
        (True, False, False)
        >>> srank.is_valid(" s3/s4 "), srank.is_valid(" s3/s4 ", lenient=True)
        (False, True)
    """
    if isinstance(text, (Rank, MultiSeasonRank)):
        return not has_error(text)
    if not isinstance(text, str):
        why = (
            "; a missing value is neither valid nor invalid (parse_many and the pandas accessor report it as missing)"
            if is_missing(text)
            else ""
        )
        raise TypeError(f"srank.is_valid() takes a code as text or a rank object, not {type(text).__name__}{why}")
    try:
        rank = parse(text, lenient=lenient)
    except InvalidRankError:
        return False
    return not has_error(rank)


def has_error(rank: Rank | MultiSeasonRank) -> bool:
    """True when one of the rank's findings has severity error."""
    return any(finding.severity is Severity.ERROR for finding in rank.findings)


def reads(text: str) -> bool:
    """True when strict parsing reads ``text`` at all (findings or not)."""
    try:
        parse_code(text)
    except InvalidRankError:
        return False
    return True


def is_missing(value: object) -> bool:
    """None, NaN (float, numpy or pandas.NA), blank text and the MISSING_MARKERS mean "no rank recorded"."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value or value.isspace() or (len(value) < 12 and value.strip().upper() in MISSING_MARKERS)
    try:
        return bool(value != value)  # noqa: PLR0124 - only NaN differs from itself
    except (TypeError, ValueError):  # pandas.NA refuses bool(); so do arrays
        return type(value).__name__ == "NAType"


@functools.lru_cache(maxsize=16384)
def _parse_cached(text: str, lenient: bool) -> Rank | MultiSeasonRank:
    # Real columns repeat a few hundred distinct codes; lru_cache is thread-safe.
    if len(text) > MAX_LENGTH:
        raise InvalidRankError(
            say("parse.too-long", length=len(text), limit=MAX_LENGTH),
            text=text[: MAX_LENGTH + 20],  # the error stays small however long the text
            span=(MAX_LENGTH, min(len(text), MAX_LENGTH + 20)),
            hint=say("parse.too-long-hint"),
            code="too-long",
        )
    if text.strip().upper() in MISSING_MARKERS:
        raise InvalidRankError(
            say("parse.missing-value", text=text.strip()),
            text=text,
            span=(0, len(text)),
            hint=say("parse.missing-value-hint"),
            code="missing-value",
        )
    notes: tuple[Finding, ...] = ()
    reading = text
    origin: list[int] = []
    if lenient:
        from ._lenient import normalise_mapped

        reading, notes, origin = normalise_mapped(text)
    if not reading or reading.isspace():  # blank text is "empty" whether read strictly or leniently
        raise InvalidRankError(
            say("parse.empty") if not text else say("parse.blank"),
            text=text,
            span=(0, len(text)),
            expected=(say("expected.rank-code"),),
            hint=say("parse.empty-hint"),
            code="empty",
        )
    try:
        result = parse_code(reading)
    except InvalidRankError as error:
        failure = error
    else:
        return _fits(attrs.evolve(result, notes=notes), text) if notes else result
    if lenient:
        repaired = _drop_extra_part(reading, failure, origin, len(text))
        if repaired is not None:
            rank, note = repaired
            return _fits(attrs.evolve(rank, notes=(*notes, note)), text)
    raise _explain_failure(text, reading, origin, lenient, failure)


def _fits(rank: Rank | MultiSeasonRank, text: str) -> Rank | MultiSeasonRank:
    """A lenient reading whose canonical code strict parsing reads back: no longer than MAX_LENGTH.

    Lenient reading can lengthen a code (SR is SNR), so a text within the limit
    could otherwise give a code that strict parsing refuses as too long.
    """
    length = len(str(rank))
    if length <= MAX_LENGTH:
        return rank
    raise InvalidRankError(
        say("parse.reads-too-long", length=length, limit=MAX_LENGTH),
        text=text,
        span=(0, len(text)),
        hint=say("parse.too-long-hint"),
        code="too-long",
    )


def _drop_extra_part(
    reading: str, error: InvalidRankError, origin: list[int], length: int
) -> tuple[Rank, Finding] | None:
    """Read a G rank with a T part that another G or T part follows (G5T4G5, GNRTUTXC) as its first part.

    NatureServe's own exports hold such codes and round them by the first T
    part (G5T4G5 to T4, GNRTUTXC to TU); lenient reading does the same and
    says what it dropped.
    """
    at = error.span[0]
    # Only a G rank (its T part read) followed by a G or T part is repaired: anything else is not read twice more.
    if error.code != "syntax" or not 0 < at < len(reading) or reading[0] != "G" or reading[at] not in "GT":
        return None
    kept, dropped = reading[:at], reading[at:]
    try:
        first, extra = parse_code(kept), parse_code(dropped)
    except InvalidRankError:
        return None
    if not (
        isinstance(first, Rank)
        and first.level is Level.GLOBAL
        and first.infraspecific is not None
        and isinstance(extra, Rank)
        and extra.level in (Level.GLOBAL, Level.INFRASPECIFIC)
    ):
        return None
    start, end = _span_in_source((at, len(reading)), origin, length) if origin else (at, len(reading))
    note = Finding(
        "dropped-extra-part",
        Severity.WARNING,
        say("parse.dropped-extra-part", dropped=dropped, kept=kept),
        (start, end),
        dropped,
        say("parse.dropped-extra-part-hint"),
    )
    return first, note


def _explain_failure(
    text: str, reading: str, origin: list[int], lenient: bool, error: InvalidRankError
) -> InvalidRankError:
    """Replace a bare syntax error with what the text most likely is."""
    from ._lenient import find_iucn, find_legacy, find_status_word

    iucn = find_iucn(text)
    if iucn is not None:
        return error.evolve(
            message=say("parse.iucn-category", category=iucn),
            text=text,
            span=(0, len(text)),
            hint=say("parse.iucn-category-hint"),
            code="iucn-category",
        )
    status = find_status_word(text)
    if status is not None:
        return error.evolve(
            message=say("parse.status-in-words", text=text.strip()),
            text=text,
            span=(0, len(text)),
            hint=say("parse.status-in-words-hint", value=status),
            code="status-in-words",
        )
    inner = _unquoted(text)
    if inner is not None:  # '"S2B,S4N"', pasted with its quotes: said as such when the code inside reads
        try:
            inside = parse(inner, lenient=lenient)
        except InvalidRankError:
            pass
        else:
            return error.evolve(hint=say("parse.quoted-hint", code=str(inside)))
    if not lenient:
        legacy = find_legacy(text)
        if legacy is not None:
            found, span = legacy
            return error.evolve(
                message=say("parse.legacy-code", code=found.code, meaning=found.meaning),
                text=text,
                span=span,
                hint=say("parse.legacy-code-hint", modern=found.modern),
                code="legacy-code",
            )
        reading_leniently = lenient_reading(text) if error.code == "syntax" else None
        if reading_leniently is not None:
            # Offered only when lenient parsing really reads the text.
            return error.evolve(hint=say("parse.lenient-hint", reading=reading_leniently))
        return error
    if reading != text:
        # Point into the text as given, so a data manager sees their own cell.
        return error.evolve(text=text, span=_span_in_source(error.span, origin, len(text)))
    return error


_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", "\u201e": "\u201c"}


def _unquoted(text: str) -> str | None:
    """The text inside the quotes that wrap all of ``text`` ("S2", “S2”, « S2 »), or None when none do."""
    stripped = text.strip()
    if len(stripped) > 2 and _QUOTES.get(stripped[0]) == stripped[-1]:
        return stripped[1:-1].strip()
    return None


def lenient_reading(text: str) -> str | None:
    """The code lenient parsing reads ``text`` as, or None: what a strict error offers as its hint, and what
    ``srank check`` counts as "--lenient would read it". Memoised, failures too (``parse`` keeps only successes),
    so that a strict error and its command ask lenient parsing once."""
    if len(text) > CACHED_LENGTH:
        return _lenient_reading.__wrapped__(text)
    return _lenient_reading(text)


@functools.lru_cache(maxsize=4096)
def _lenient_reading(text: str) -> str | None:
    try:
        return str(parse(text, lenient=True))
    except InvalidRankError:
        return None


def _span_in_source(span: tuple[int, int], origin: list[int], length: int) -> tuple[int, int]:
    start, end = span
    if start >= len(origin):  # the end of the reading: the end of the text, less trailing spaces
        at = origin[-1] + 1 if origin else length
        return at, at
    first = origin[start]
    last = origin[end - 1] + 1 if end > start else first
    return first, max(first, last)
