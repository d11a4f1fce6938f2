"""How a stored rounded rank compares with srank's rounding of its raw rank.

One home for the comparison that ``srank check --rounded RAW=ROUNDED`` and
``srank.pandera.rounded_matches`` make: the stored value must read, and be the
raw rank's ``rounded()``, its parts in any order (S2B,S4N and S4N,S2B agree).
"""

from __future__ import annotations

from ._errors import InvalidRankError
from ._findings import Finding, Severity
from ._model import AnyRank

__all__ = ["rounded_finding"]


def rounded_finding(raw: AnyRank, written: str, stored: AnyRank | InvalidRankError | None) -> Finding | None:
    """The error about a stored rounded rank, or None when it agrees with ``raw.rounded()``.

    ``written`` is the stored cell as given, and ``stored`` what reading it gave
    (None when it is missing). Spans point into ``written``.
    """
    expected = raw.rounded()
    ours = f"srank rounds {raw} to {expected}"
    span = (0, len(written))
    if stored is None:
        return Finding("rounded-missing", Severity.ERROR, f"no rounded rank stored; {ours}", span, written)
    if isinstance(stored, InvalidRankError):
        message = f"the stored rounded rank {written!r} is not a rank; {ours}"
        return Finding("rounded-unreadable", Severity.ERROR, message, span, written)
    if sorted(map(str, stored.parts)) == sorted(map(str, expected.parts)):
        return None
    message = f"the stored rounded rank is {stored}; {ours}"
    return Finding("rounded-differs", Severity.ERROR, message, span, written)
