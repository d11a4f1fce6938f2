"""How a stored or published rounded rank compares with srank's rounding of its raw rank.

One home for the comparison that ``srank check --rounded RAW=ROUNDED``,
``srank.pandera.rounded_matches`` and the Explorer readers make: the rounded
value must say what the raw rank's ``rounded()`` says: the same parts in any
order, a part written twice counting once (``same_parts``). S2B,S4N and
S4N,S2B agree, and so do S2B,S2B and S2B (the ``part-repeated`` finding says
one copy says the same); S2B,S3B and S2B do not.
"""

from __future__ import annotations

from ._errors import InvalidRankError
from ._findings import Finding, Severity
from ._messages import say
from ._model import AnyRank, same_parts

__all__ = ["raw_unread_finding", "rounded_finding", "rounding_agrees", "rounding_differs"]


def rounded_finding(raw: AnyRank, written: str, stored: AnyRank | InvalidRankError | None) -> Finding | None:
    """The error about a stored rounded rank, or None when it agrees with ``raw.rounded()``.

    ``written`` is the stored cell as given, and ``stored`` what reading it gave
    (None when it is missing). Spans point into ``written``.
    """
    expected = raw.rounded()
    ours = say("rounded.ours", raw=str(raw), rounded=str(expected))
    span = (0, len(written))
    if stored is None:
        return Finding("rounded-missing", Severity.ERROR, say("rounded.missing", ours=ours), span, written)
    if isinstance(stored, InvalidRankError):
        message = say("rounded.unreadable", written=written, ours=ours)
        return Finding("rounded-unreadable", Severity.ERROR, message, span, written)
    if rounding_agrees(raw, stored):
        return None
    message = say("rounded.differs", stored=str(stored), ours=ours)
    return Finding("rounded-differs", Severity.ERROR, message, span, written)


def raw_unread_finding(written: str, error: InvalidRankError) -> Finding:
    """The note that a stored rounded rank could not be compared, because its raw rank is not a rank."""
    message = say("rounded.raw-unreadable", written=written, problem=error.message)
    return Finding("rounded-raw-unreadable", Severity.WARNING, message, (0, len(written)), written, error.hint)


def rounding_agrees(raw: AnyRank, published: AnyRank) -> bool:
    """Whether a published rounded rank says what srank's rounding of ``raw`` says (``same_parts``)."""
    return same_parts(published, raw.rounded())


def rounding_differs(
    raw: AnyRank, published: AnyRank, *, place: str | None = None, what: str = "word.rank"
) -> Finding | None:
    """The finding when NatureServe's published rounding of ``raw`` is not srank's, else None.

    ``what`` is the message id of what was rounded: ``word.rank``, ``word.global-rank``.
    """
    if rounding_agrees(raw, published):
        return None
    shown = str(published)
    return Finding(
        "rounded-differs",
        Severity.WARNING,
        say("rounded.published", published=shown, what=say(what), raw=str(raw), rounded=str(raw.rounded())),
        (0, len(shown)),
        shown,
        place=place,
    )
