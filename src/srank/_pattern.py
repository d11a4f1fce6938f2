"""``srank.pattern()``: the published regular expression of a strictly valid code, per level.

The patterns themselves are generated (``_pattern_table``, by tools/gen_pattern.py) from the
grammar and srank's own validity rules, so they cannot drift from ``srank.is_valid``.
"""

from __future__ import annotations

from ._pattern_table import PATTERNS
from ._vocabulary import Level, as_level

__all__ = ["pattern"]


def pattern(level: Level | str | None = None) -> str:
    """A regular expression that matches exactly the codes ``srank.is_valid`` accepts, anchored with ^ and $.

    With a level (a :class:`srank.Level` or its letter), only the codes that
    ``srank check --column NAME:LEVEL`` accepts in a column of that level: "S"
    takes S ranks (multi-part ones too), "G" takes global ranks and the T ranks
    that are the rounded global ranks of subspecies, and "T" is the same as "G".
    The syntax is what Python, JavaScript (JSON Schema) and Frictionless share.
    It ends in ``$(?!\\n)``: Python's ``$`` alone also matches before a final
    newline, so ``re.search`` (as Frictionless and Python's JSON Schema
    validators use it) would take ``"G5\\n"``. Engines without lookahead (Rust's
    regex in polars, RE2) take it without that suffix, since their ``$`` is the
    end of the text. The pattern sets no length limit; parse refuses texts over
    200 characters.

    Args:
        level: None for every level, or a Level or its letter (G, N, S or T).

    Returns:
        The regular expression, as text.

    Raises:
        ValueError: ``level`` is not a level.

    Examples:
        >>> import re
        >>> bool(re.fullmatch(srank.pattern(), "G5T1T3Q")), bool(re.fullmatch(srank.pattern(), "G5Q"))
        (True, False)
        >>> bool(re.fullmatch(srank.pattern("S"), "S2B,S4N")), bool(re.fullmatch(srank.pattern("S"), "G5"))
        (True, False)
    """
    chosen = as_level(level, "srank.pattern")
    return PATTERNS["" if chosen is None else chosen.value]
