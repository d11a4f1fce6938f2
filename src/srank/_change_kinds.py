"""The kinds of change between two ranks: their stable names, in order of significance.

Kept apart from ``_changes`` (which compares ranks) so that the description
tables can list every kind's sentence without loading the comparison.
"""

from __future__ import annotations

import enum

__all__ = ["WHOLE_KINDS", "ChangeKind"]


class ChangeKind(enum.StrEnum):
    """The kind of a change between two ranks; each member is its stable text ("more-certain").

    Members are listed most significant first, the two kinds of a mirror pair
    (uplisted and downlisted, added and removed ...) equally significant. A
    multi-season code's kind is the kind of its most significant part; of two
    parts equally significant, the first by season (B, N, M, then no season).

    Examples:
    >>> srank.compare("G3", "G2").kind
    <ChangeKind.UPLISTED: 'uplisted'>
    >>> srank.ChangeKind.MORE_CERTAIN == "more-certain"
    True
    """

    LEVEL = "level"
    """The two codes are of different levels (G against T, S against N) — not compared."""
    EXTIRPATED = "extirpated"
    """A number or range became X or H — gone from the area (at G and T level, presumed or possibly extinct)."""
    REDISCOVERED = "rediscovered"
    """X or H became a number or range."""
    UPLISTED = "uplisted"
    """More imperiled, where the ranges do not nest — G3 -> G2, S3S4 -> S2S3, SH -> SX."""
    DOWNLISTED = "downlisted"
    """Less imperiled, where the ranges do not nest — G2 -> G3, SX -> SH."""
    RANKED = "ranked"
    """U, NR or NA became X, H or a number."""
    UNRANKED = "unranked"
    """X, H or a number became U, NR or NA."""
    ADDED = "added"
    """No rank before (the code, or this season's part, was absent)."""
    REMOVED = "removed"
    """No rank now."""
    STATUS = "status"
    """A change among U, NR and NA."""
    LESS_CERTAIN = "less-certain"
    """The new range strictly contains the old one — N1 -> N1N3."""
    MORE_CERTAIN = "more-certain"
    """The new range lies strictly inside the old one — S2S4 -> S3."""
    QUALIFIER = "qualifier"
    """Only ``?``, C or Q was added or removed: G3 -> G3?."""
    NOTATION = "notation"
    """The same rank written differently — case, spaces, part order, a part written twice, a legacy spelling."""
    SAME = "same"
    """The same code."""


WHOLE_KINDS = frozenset({ChangeKind.SAME, ChangeKind.NOTATION, ChangeKind.LEVEL})
"""Kinds told of a code as a whole, never season by season (one sentence, one row of srank diff)."""
