"""parse() and is_valid(): strict or lenient reading, memoised.

Lark is imported only when the first code is parsed (inside the adapter), so
``import srank`` stays cheap.
"""

from __future__ import annotations

import functools

import attrs

from ._errors import InvalidRankError
from ._findings import Finding, Severity
from ._lark_adapter import parse_code
from ._model import MultiSeasonRank, Rank

__all__ = ["MAX_LENGTH", "check", "is_missing", "is_valid", "parse"]

MAX_LENGTH = 200
"""Longer text is rejected before any parsing: no real code is a tenth as long."""

# Findings that lenient parsing accepts with a warning and strict parsing rejects.
_LENIENT_ONLY = frozenset({"season-missing"})


def parse(text: str, *, lenient: bool = False) -> Rank | MultiSeasonRank:
    """Read one rank code.

    Strict parsing (the default) accepts exactly NatureServe's syntax. Lenient
    parsing also accepts the spellings real data files use and records one
    warning per change in ``rank.findings``. Raises InvalidRankError.
    """
    if type(text) is not str:
        if not isinstance(text, str):
            raise TypeError(f"srank.parse() takes a str, not {type(text).__name__}")
        text = str(text)  # a str subclass (numpy.str_) must not split the cache
    return _parse_cached(text, bool(lenient))


def is_valid(text: str, *, lenient: bool = False) -> bool:
    """True when ``parse(text, lenient=lenient)`` would succeed."""
    try:
        parse(text, lenient=lenient)
    except InvalidRankError:
        return False
    return True


@functools.lru_cache(maxsize=16384)
def _parse_cached(text: str, lenient: bool) -> Rank | MultiSeasonRank:
    # Real columns repeat a few hundred distinct codes; lru_cache is thread-safe.
    if len(text) > MAX_LENGTH:
        raise InvalidRankError(
            f"The text is {len(text):,} characters long; no rank code is longer than {MAX_LENGTH}",
            text=text,
            span=(MAX_LENGTH, len(text)),
            hint="pass one code at a time; srank.parse_many reads a whole column",
            code="too-long",
        )
    notes: tuple[Finding, ...] = ()
    reading = text
    origin: list[int] = []
    if lenient:
        from ._lenient import normalise_mapped

        reading, notes, origin = normalise_mapped(text)
    if not reading:
        raise InvalidRankError(
            "Expected a rank code, found an empty text" if not text else "Expected a rank code, found only whitespace",
            text=text,
            span=(0, len(text)),
            expected=("a rank code such as G3, S2B or G5T1T3Q",),
            hint=None if lenient or not text else "lenient parsing ignores whitespace, but there is no code here",
            code="empty",
        )
    try:
        result = parse_code(reading)
    except InvalidRankError as error:
        raise _explain_failure(text, reading, origin, lenient, error) from None
    if notes:
        result = attrs.evolve(result, notes=notes)
    if not lenient:
        for finding in result.findings:
            if finding.code in _LENIENT_ONLY:
                raise InvalidRankError(
                    finding.message,
                    text=text,
                    span=finding.span,
                    hint="every part of a multi-season code needs B, N or M, as in S2B,S4N;"
                    " lenient parsing accepts it with a warning",
                    code=finding.code,
                )
    return result


def check(code: str | Rank | MultiSeasonRank) -> list[Finding]:
    """The findings about one code: a text is read leniently, so habits show as warnings.

    A text that cannot be read gives one error finding with the parser's code,
    message and span (in the text as read, see InvalidRankError.text).
    """
    if isinstance(code, (Rank, MultiSeasonRank)):
        return list(code.findings)
    if not isinstance(code, str):
        raise TypeError(f"srank.check() takes a str or a srank rank object, not {type(code).__name__}")
    try:
        return list(parse(code, lenient=True).findings)
    except InvalidRankError as error:
        start, end = error.span
        return [Finding(error.code, Severity.ERROR, error.message, error.span, error.text[start:end])]


def _explain_failure(
    text: str, reading: str, origin: list[int], lenient: bool, error: InvalidRankError
) -> InvalidRankError:
    """Replace a bare syntax error with what the text most likely is."""
    from ._lenient import find_iucn, find_legacy, normalise

    iucn = find_iucn(text)
    if iucn is not None:
        return InvalidRankError(
            f"{iucn!r} is an IUCN Red List category, not a NatureServe rank",
            text=text,
            span=(0, len(text)),
            expected=error.expected,
            hint="NatureServe ranks look like G3, S2B or G5T2; the two systems do not map one to one",
            code="iucn-category",
        )
    if not lenient:
        legacy = find_legacy(text)
        if legacy is not None:
            found, span = legacy
            return InvalidRankError(
                f"{found.code!r} is a legacy code ({found.meaning})",
                text=text,
                span=span,
                expected=error.expected,
                hint=f"NatureServe now writes {found.modern}; lenient parsing reads it so, with a warning",
                code="legacy-code",
            )
        if error.code == "syntax":
            normalised, changes = normalise(text)
            if changes and normalised != text and _parses(normalised):
                return InvalidRankError(
                    error.message,
                    text=error.text,
                    span=error.span,
                    expected=error.expected,
                    hint=f"lenient parsing reads this as {normalised!r} (lenient=True; srank --lenient)",
                    code=error.code,
                )
        return error
    if reading != text:
        # Point into the text as given, so a data manager sees their own cell.
        hint = f"read leniently as {reading!r}"
        hint = f"{error.hint}; {hint}" if error.hint else hint
        return InvalidRankError(
            error.message,
            text=text,
            span=_span_in_source(error.span, origin, len(text)),
            expected=error.expected,
            hint=hint,
            code=error.code,
        )
    return error


def _span_in_source(span: tuple[int, int], origin: list[int], length: int) -> tuple[int, int]:
    start, end = span
    if start >= len(origin):  # the end of the reading: the end of the text, less trailing spaces
        at = origin[-1] + 1 if origin else length
        return at, at
    first = origin[start]
    last = origin[end - 1] + 1 if end > start else first
    return first, max(first, last)


def is_missing(value: object) -> bool:
    """None, NaN (float, numpy or pandas.NA) and blank text mean "no rank recorded"."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value or value.isspace()
    try:
        return bool(value != value)  # noqa: PLR0124 - only NaN differs from itself
    except (TypeError, ValueError):  # pandas.NA refuses bool(); so do arrays
        return type(value).__name__ == "NAType"


def _parses(text: str) -> bool:
    try:
        parse_code(text)
    except InvalidRankError:
        return False
    return True
