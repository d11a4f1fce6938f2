"""The words a rank code is made of: levels, grades, seasons and qualifiers.

Plain enums with no behaviour beyond their numbers, so that every other module
(values, rules, model, parser, presentation) can share them without cycles.
"""

from __future__ import annotations

import enum

__all__ = [
    "EXTINCT_GRADES",
    "LEVEL_BY_LETTER",
    "OFF_SCALE_GRADES",
    "Grade",
    "Level",
    "Qualifier",
    "Season",
    "as_level",
]


class Level(enum.Enum):
    """Who the rank speaks for: the whole range, a nation, a state or province.

    A level's letter is its ``value``.

    Examples:
        >>> srank.parse("S2B").level, srank.Level("T")
        (<Level.SUBNATIONAL: 'S'>, <Level.INFRASPECIFIC: 'T'>)
    """

    GLOBAL = "G"
    NATIONAL = "N"
    SUBNATIONAL = "S"
    INFRASPECIFIC = "T"


class Grade(enum.Enum):
    """One rank value: a number 1-5 or a status that is not on the number scale.

    A grade's ``value`` is what a code writes.

    Examples:
        >>> srank.Grade("NR"), srank.Grade.VULNERABLE.number
        (<Grade.NOT_RANKED: 'NR'>, 3)
    """

    CRITICALLY_IMPERILED = "1"
    IMPERILED = "2"
    VULNERABLE = "3"
    APPARENTLY_SECURE = "4"
    SECURE = "5"
    PRESUMED_EXTINCT = "X"
    POSSIBLY_EXTINCT = "H"
    UNRANKABLE = "U"
    NOT_RANKED = "NR"
    NOT_APPLICABLE = "NA"

    @property
    def number(self) -> int | None:
        """1-5 for the numeric grades, None for X, H, U, NR and NA."""
        # _value_ is the member's plain attribute; .value is a slower descriptor, and the
        # rules and the ordering read the number of every grade of every code parsed.
        return _NUMBERS.get(self._value_)

    @classmethod
    def from_number(cls, number: int) -> Grade:
        """The grade of a number, for code that computes with numbers.

        Args:
            number: 1 to 5.

        Returns:
            The numeric grade.

        Raises:
            ValueError: ``number`` is not 1 to 5.

        Examples:
            >>> srank.Grade.from_number(3)
            <Grade.VULNERABLE: '3'>
        """
        return cls(str(number))


_NUMBERS = {str(number): number for number in range(1, 6)}

EXTINCT_GRADES = frozenset({Grade.PRESUMED_EXTINCT, Grade.POSSIBLY_EXTINCT})
"""X and H: extinct or extirpated, presumed or possibly (eliminated, for ecosystems)."""
OFF_SCALE_GRADES = frozenset({Grade.UNRANKABLE, Grade.NOT_RANKED, Grade.NOT_APPLICABLE})
"""U, NR and NA: no place on the scale of risk."""


class Season(enum.Enum):
    """The part of the year a national or subnational rank speaks for.

    Examples:
    >>> [part.season for part in srank.parse("N2B,N4N").parts]
    [<Season.BREEDING: 'B'>, <Season.NONBREEDING: 'N'>]
    """

    BREEDING = "B"
    NONBREEDING = "N"
    MIGRANT = "M"


class Qualifier(enum.Enum):
    """The three rank qualifiers, in the order they are written.

    Examples:
    >>> srank.parse("G3?Q").qualifiers
    (<Qualifier.INEXACT: '?'>, <Qualifier.QUESTIONABLE_TAXONOMY: 'Q'>)
    """

    INEXACT = "?"
    CAPTIVE = "C"
    QUESTIONABLE_TAXONOMY = "Q"


LEVEL_BY_LETTER = {level.value: level for level in Level}
"""G, N, S and T to their levels; a level's letter is its ``value``."""


def as_level(level: object, caller: str) -> Level | None:
    """A level argument as a Level: a Level, its letter G, N, S or T (any case), or None for any level."""
    if level is None or isinstance(level, Level):
        return level
    if not isinstance(level, str):
        raise TypeError(f"{caller}() takes a srank.Level, a level letter or None, not {type(level).__name__}")
    try:
        return Level(level.strip().upper())
    except ValueError:
        raise ValueError(f"{caller}() takes a level letter G, N, S or T (or a srank.Level), not {level!r}") from None
