"""parse_many(): decode a whole column, one result per value, in order.

Real columns repeat a few hundred distinct codes, so each distinct value is
decoded once and every other occurrence costs one dict lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal, TypeAlias

from ._errors import InvalidRankError, clipped
from ._findings import joined
from ._messages import say
from ._model import MultiSeasonRank, Rank
from ._parse import has_error, is_missing, parse

__all__ = [
    "ERRORS",
    "Errors",
    "Result",
    "cell_error",
    "codes_given",
    "is_missing",
    "message_of",
    "parse_many",
    "shared_decoder",
    "validity_of",
]

Result: TypeAlias = Rank | MultiSeasonRank | InvalidRankError | None


def codes_given(codes: object, name: str) -> None:
    """Refuse, as ``name()`` takes it, what is not an iterable of codes: one code (a text is an iterable of
    characters, and reading "G5" letter by letter is never what was meant), or a value that is not iterable."""
    if isinstance(codes, (str, bytes, Rank, MultiSeasonRank)):
        raise TypeError(f"{name}() takes an iterable of codes, not a single {type(codes).__name__}")
    if not isinstance(codes, Iterable):
        raise TypeError(f"{name}() takes an iterable of codes (a list, a column), not {type(codes).__name__}")


Errors: TypeAlias = Literal["raise", "skip"]
"""What a function over many codes does with one that cannot be read: raise its error, or leave it out."""
ERRORS: tuple[Errors, ...] = ("raise", "skip")


def validity_of(result: Result) -> bool | None:
    """srank_valid of a result: None when missing, False when unreadable or when a finding is an error."""
    if result is None:
        return None
    return not isinstance(result, InvalidRankError) and not has_error(result)


def message_of(result: Result, lang: str = "en") -> str:
    """The one-line problem text of a result, as srank check writes it in srank_message; in ``lang``.

    An error with its hint, or a rank's findings; empty when there is none.
    """
    if isinstance(result, InvalidRankError):
        text = result.line(lang=lang)
    elif result is None:
        return ""
    else:
        text = joined(result.findings, lang=lang)
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def cell_error(error: InvalidRankError, where: str) -> InvalidRankError:
    """``error`` with the cell named first ("row 9 (group 'Poa annua'): ..."), for helpers that raise on request."""
    hint = say("dataframe.skip-hint")
    return error.evolve(
        message=say("error.at", where=where, message=error.message),
        hint=say("dataframe.hint-or", hint=error.hint, other=hint) if error.hint else hint,
    )


def _decode(value: object, lenient: bool) -> Result:
    if isinstance(value, (Rank, MultiSeasonRank)):  # already read: a column of srank.pandas.parse's results
        return value
    if is_missing(value):
        return None
    if not isinstance(value, str):
        shown = clipped(repr(value))  # a 50 MB bytes value must not make a 50 MB message
        return InvalidRankError(
            say("batch.not-text", type=type(value).__name__, value=shown),
            text=shown,
            span=(0, len(shown)),
            hint=say("batch.not-text-hint"),
            code="syntax",
        )
    try:
        return parse(value, lenient=lenient)
    except InvalidRankError as error:
        # A kept traceback would pin the parser's frames for as long as the result lives.
        return error.with_traceback(None)


class _Decoded(dict[object, Result]):
    """Results by input value; a value seen for the first time is decoded on lookup."""

    __slots__ = ("lenient",)

    def __init__(self, lenient: bool) -> None:
        super().__init__()
        self.lenient = lenient

    def __missing__(self, key: object) -> Result:
        result = _decode(key, self.lenient)
        # Only text and None are remembered: NaN never equals itself, and 1 == 1.0 == True
        # would share one entry although their messages differ.
        if key is None or isinstance(key, str):
            self[key] = result
        return result


def parse_many(values: Iterable[object], *, lenient: bool = False) -> list[Result]:
    """Decode every value of ``values`` (any iterable, a generator too), in order.

    Each result is a rank, the InvalidRankError that ``srank.parse`` would raise
    (returned, not raised), or None for a missing value: None, NaN or blank text.
    Equal values share one result object. Values that are not text are errors.

    Args:
        values: The codes: text, rank objects or missing values, in any iterable.
        lenient: Also read the spellings real files use (``s3/s4``, ``S2-S3``, stray spaces), noting each change.

    Returns:
        One result per value, in order: a Rank or MultiSeasonRank, an InvalidRankError, or None.

    Examples:
        >>> srank.parse_many(["G5", "G3G2", None, " "])
        [<Rank 'G5'>, InvalidRankError('Range 3-2 is reversed'), None, None]
    """
    if isinstance(values, (str, bytes)):
        # A text is an iterable of characters: decoding "G5" letter by letter is never what was meant.
        raise TypeError("srank.parse_many() takes an iterable of codes; for one code use srank.parse()")
    if isinstance(values, (list, tuple)):
        items = values
    else:
        try:
            items = list(values)
        except TypeError:
            if hasattr(values, "__iter__"):
                raise  # the iterable itself failed; its own message says why
            raise TypeError(
                f"srank.parse_many() takes an iterable of codes (a list, a column, a generator),"
                f" not {type(values).__name__}"
            ) from None
    decoded = _Decoded(bool(lenient))
    try:
        return list(map(decoded.__getitem__, items))
    except TypeError:
        pass  # an unhashable value somewhere: take the careful path for the whole input
    results: list[Result] = []
    for item in items:
        try:
            hash(item)
        except TypeError:
            results.append(_decode(item, decoded.lenient))
        else:
            results.append(decoded[item])
    return results


def shared_decoder(lenient: bool) -> Callable[[Sequence[object]], list[Result]]:
    """parse_many with one cache kept across calls, for the many small pieces of one column (its groups)."""
    decoded = _Decoded(bool(lenient))

    def decode(items: Sequence[object]) -> list[Result]:
        try:
            return list(map(decoded.__getitem__, items))
        except TypeError:  # an unhashable value: the careful path
            return parse_many(items, lenient=decoded.lenient)

    return decode
