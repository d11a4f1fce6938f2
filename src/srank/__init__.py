"""srank: read NatureServe conservation status ranks such as G5T1T3Q, S2B,S4N and GNR."""

from __future__ import annotations

from ._errors import InvalidRankError, SrankError
from ._findings import Finding, Severity
from ._model import Grade, Infraspecific, Level, MultiSeasonRank, Qualifier, Range, Rank, Season, Single
from ._parse import is_valid, parse
from ._render import Explanation, describe, explain

__version__ = "0.1.0"

__all__ = [
    "Explanation",
    "Finding",
    "Grade",
    "Infraspecific",
    "InvalidRankError",
    "Level",
    "MultiSeasonRank",
    "Qualifier",
    "Range",
    "Rank",
    "Season",
    "Severity",
    "Single",
    "SrankError",
    "__version__",
    "describe",
    "explain",
    "is_valid",
    "parse",
]
