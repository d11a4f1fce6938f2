"""srank: read NatureServe conservation status ranks such as G5T1T3Q, S2B,S4N and GNR.

Names load on first use (PEP 562, as in Scientific Python's SPEC 1), so that
``import srank`` costs almost nothing for a program that may not need it; the
first ``srank.parse`` pays for attrs and the model, and the first parse of a
code pays for lark.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself costs more to import than this module
__version__ = "0.1.0"

# public name -> private module that defines it
_LAZY: dict[str, str] = {
    "ChangeKind": "_change_kinds",
    "Explanation": "_describe",
    "Distribution": "_distribution",
    "Finding": "_findings",
    "Grade": "_model",
    "Infraspecific": "_model",
    "InvalidRankError": "_errors",
    "Language": "_text_options",
    "Level": "_model",
    "PlaceChange": "_place_changes",
    "PlaceRank": "_distribution",
    "MultiSeasonRank": "_model",
    "Qualifier": "_model",
    "Range": "_model",
    "Rank": "_model",
    "RankChange": "_changes",
    "Season": "_model",
    "Severity": "_findings",
    "Single": "_model",
    "Swatch": "_palette",
    "Palette": "_palette",
    "SrankError": "_errors",
    "StatusIndex": "_status_index",
    "StatusIndexInterval": "_status_index",
    "Style": "_text_options",
    "available_languages": "_languages",
    "check": "_api",
    "check_levels": "_api",
    "compare": "_changes",
    "compare_distributions": "_place_changes",
    "describe": "_api",
    "explain": "_api",
    "is_valid": "_parse",
    "least_imperiled": "_api",
    "most_imperiled": "_api",
    "palette": "_palette",
    "parse": "_parse",
    "parse_distribution": "_distribution_text",
    "parse_many": "_batch",
    "pattern": "_pattern",
    "status_index": "_status_index",
    "status_index_interval": "_status_index",
}

__all__ = [
    "ChangeKind",
    "Distribution",
    "Explanation",
    "Finding",
    "Grade",
    "Infraspecific",
    "InvalidRankError",
    "Language",
    "Level",
    "MultiSeasonRank",
    "Palette",
    "PlaceChange",
    "PlaceRank",
    "Qualifier",
    "Range",
    "Rank",
    "RankChange",
    "Season",
    "Severity",
    "Single",
    "SrankError",
    "StatusIndex",
    "StatusIndexInterval",
    "Style",
    "Swatch",
    "__version__",
    "available_languages",
    "check",
    "check_levels",
    "compare",
    "compare_distributions",
    "describe",
    "explain",
    "is_valid",
    "least_imperiled",
    "most_imperiled",
    "palette",
    "parse",
    "parse_distribution",
    "parse_many",
    "pattern",
    "status_index",
    "status_index_interval",
]

if TYPE_CHECKING:
    from typing import Any

    from ._api import check, check_levels, describe, explain, least_imperiled, most_imperiled
    from ._batch import parse_many
    from ._change_kinds import ChangeKind
    from ._changes import RankChange, compare
    from ._describe import Explanation
    from ._distribution import Distribution, PlaceRank
    from ._distribution_text import parse_distribution
    from ._errors import InvalidRankError, SrankError
    from ._findings import Finding, Severity
    from ._languages import available_languages
    from ._model import Grade, Infraspecific, Level, MultiSeasonRank, Qualifier, Range, Rank, Season, Single
    from ._palette import Palette, Swatch, palette
    from ._parse import is_valid, parse
    from ._pattern import pattern
    from ._place_changes import PlaceChange, compare_distributions
    from ._status_index import StatusIndex, StatusIndexInterval, status_index, status_index_interval
    from ._text_options import Language, Style


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'srank' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
