"""How a stored or published rounded rank compares with srank's rounding of its raw rank.

One home for the comparison that ``srank check --rounded RAW=ROUNDED``,
``srank.pandera.rounded_matches`` and the Explorer readers make: the rounded
value must be the raw rank's ``rounded()``, its parts in any order (S2B,S4N
and S4N,S2B agree).
"""

from __future__ import annotations

from ._errors import InvalidRankError
from ._findings import Finding, Severity
from ._model import AnyRank

__all__ = ["rounded_finding", "rounding_agrees", "rounding_differs"]


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
    if rounding_agrees(raw, stored):
        return None
    message = f"the stored rounded rank is {stored}; {ours}"
    return Finding("rounded-differs", Severity.ERROR, message, span, written)


def rounding_agrees(raw: AnyRank, published: AnyRank) -> bool:
    """Whether a published rounded rank is srank's rounding of ``raw`` (parts in any order)."""
    return sorted(map(str, published.parts)) == sorted(map(str, raw.rounded().parts))


def rounding_differs(
    raw: AnyRank, published: AnyRank, *, place: str | None = None, what: str = "rank"
) -> Finding | None:
    """The finding when NatureServe's published rounding of ``raw`` is not srank's, else None."""
    if rounding_agrees(raw, published):
        return None
    shown = str(published)
    return Finding(
        "rounded-differs",
        Severity.WARNING,
        f"NatureServe publishes {shown} as the rounded {what} of {raw}; srank rounds {raw} to {raw.rounded()}",
        (0, len(shown)),
        shown,
        place=place,
    )
