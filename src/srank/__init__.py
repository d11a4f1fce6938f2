"""srank: read NatureServe conservation status ranks such as G5T1T3Q, S2B,S4N and GNR."""

from __future__ import annotations

from ._batch import parse_many
from ._errors import InvalidRankError, SrankError
from ._findings import Finding, Severity
from ._model import Grade, Infraspecific, Level, MultiSeasonRank, Qualifier, Range, Rank, Season, Single
from ._parse import is_valid, parse

__version__ = "0.1.0"

__all__ = [
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
    "is_valid",
    "parse",
    "parse_many",
]
