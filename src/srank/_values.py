"""Rank values: a single grade (3, 3?, NR), a range (2-3, or U-H), and the T part of a G rank.

Frozen attrs classes. A value that exists obeys the structural rules of
``_rules``, whether the parser or a person built it.
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from ._errors import InvalidRankError
from ._rules import inexact_rule, is_status_range, range_rule
from ._vocabulary import EXTINCT_GRADES, Grade

__all__ = ["Infraspecific", "Range", "Single", "Value", "precautionary_value", "rounded_value"]


@attrs.frozen(repr=False, order=False)
class Single:
    """A single grade such as 3, 3? (inexact) or NR.

    Examples:
    >>> srank.parse("S3?").value
    <Single '3?'>
    >>> srank.Single(srank.Grade.VULNERABLE, inexact=True).format("S")
    '3?'
    """

    grade: Grade
    inexact: bool = False

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.grade, Grade):
            raise TypeError(f"grade must be a srank.Grade, not {type(self.grade).__name__}")
        if self.inexact:
            problem = inexact_rule(self.grade, self.grade.value)
            if problem is not None:
                raise InvalidRankError.from_finding(problem, text=self.format(""))

    def format(self, letter: str) -> str:
        """The value as a code writes it, so that a Single and a Range format alike.

        Args:
            letter: The level letter a range would repeat; a single value does not use it.

        Returns:
            The value as written in a code: ``3``, ``3?`` or ``NR``.

        Examples:
            >>> srank.parse("G3?").value.format("G")
            '3?'
        """
        return self.grade.value + ("?" if self.inexact else "")

    @property
    def low(self) -> Grade:
        """The grade itself, so that a Single and a Range answer alike."""
        return self.grade

    @property
    def high(self) -> Grade:
        """The grade itself, so that a Single and a Range answer alike."""
        return self.grade

    def __repr__(self) -> str:
        return f"<Single {self.format('')!r}>"


@attrs.frozen(repr=False, order=False)
class Range:
    """A range of numbers such as 2-3 (written G2G3): the rank is one of them.

    Or U-H (GUGH): unrankable, or possibly extinct. NatureServe publishes this
    one range of two statuses for a few global ranks (``range-of-statuses``).

    A range reads "somewhere from low to high, both included"; its bounds are given in imperilment order.

    Examples:
        >>> srank.parse("G2G3").value
        <Range '2-3'>
        >>> srank.Range(srank.Grade.IMPERILED, srank.Grade.VULNERABLE).format("S")
        '2S3'
    """

    low: Grade
    high: Grade

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.low, Grade) or not isinstance(self.high, Grade):
            raise TypeError("a srank.Range holds two srank.Grade values")
        problem = range_rule(self.low, self.high)
        if problem is not None:
            raise InvalidRankError.from_finding(problem, text=problem.fragment)

    @property
    def inexact(self) -> bool:
        """Always False — a range takes no ``?`` (G2G3? is not a code)."""
        return False

    def format(self, letter: str) -> str:
        """The range as a code writes it, with the level letter between the numbers.

        Args:
            letter: The level letter written between the two numbers (G for G2G3).

        Returns:
            The range as written in a code, less its first letter.

        Examples:
            >>> srank.parse("S1S3").value.format("S")
            '1S3'
        """
        return self.low.value + letter + self.high.value

    def __repr__(self) -> str:
        return f"<Range {self.format('-')!r}>"


Value: TypeAlias = Single | Range


@attrs.frozen(repr=False, order=False)
class Infraspecific:
    """The T part of a global rank: the rank of a subspecies, variety or population.

    Examples:
    >>> infra = srank.parse("G5T1T3Q").infraspecific
    >>> infra, infra.value, infra.captive
    (<Infraspecific 'T1T3'>, <Range '1-3'>, False)
    """

    value: Value
    captive: bool = False

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.value, (Single, Range)):
            raise TypeError(f"value must be a srank.Single or srank.Range, not {type(self.value).__name__}")

    def __str__(self) -> str:
        return "T" + self.value.format("T") + ("C" if self.captive else "")

    def __repr__(self) -> str:
        return f"<Infraspecific {str(self)!r}>"


def rounded_value(value: Value, *, captive: bool = False) -> Single:
    """NatureServe's rounding of one value.

    ``?`` is dropped; an adjacent range rounds to its more imperiled end (3-4 to
    3) and a range skipping one to its middle (1-3 to 2). A captive X rounds to
    H: NatureServe's exports round GXC to GH, since the taxon survives in
    captivity or cultivation (TXC to TH by the same reasoning, an inference).
    U-H rounds to U, captive or not: NatureServe rounds GUGHQ and GUGHC to GU.
    """
    if isinstance(value, Single):
        if captive and value.grade is Grade.PRESUMED_EXTINCT:
            return Single(Grade.POSSIBLY_EXTINCT)
        return value if not value.inexact else Single(value.grade)
    if is_status_range(value):
        return Single(value.low)
    low, high = value.low.number, value.high.number
    assert low is not None
    assert high is not None
    return Single(Grade.from_number(low if high - low == 1 else low + 1))


def precautionary_value(value: Value, *, captive: bool = False) -> Single:
    """The most imperiled value a value allows: a range gives its lower end (2-4 to 2, 4-5 to 4), U to H gives H.

    Everything else is as ``rounded_value``: ``?`` is dropped and a captive X
    gives H. Biotics publishes this beside the rounded rank as PRECAUTIONARY_N_RANK
    (N2N4: rounded N3, precautionary N2).
    """
    if isinstance(value, Range):
        # Numbers: the lower end. U to H (GUGH): H, possibly extinct, is the more imperiled end.
        return Single(value.high if value.high in EXTINCT_GRADES else value.low)
    return rounded_value(value, captive=captive)
