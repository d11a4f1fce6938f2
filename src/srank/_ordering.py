"""Choosing the most or least imperiled of several ranks.

Ranked values (X, H and 1-5) are compared by the sort key. U, NR and NA carry
no status: "unrankable" is neither more nor less imperiled than "secure", so
they are considered only when nothing is ranked, and then by the sort key too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ._model import AnyRank

__all__ = ["least_imperiled_of", "most_imperiled_of"]


def _pick(ranks: Sequence[AnyRank], choose: Callable[..., AnyRank]) -> AnyRank:
    ranked = [rank for rank in ranks if rank.is_ranked()]
    return choose(ranked or ranks, key=_sort_key)


def most_imperiled_of(ranks: Sequence[AnyRank]) -> AnyRank:
    """The most imperiled ranked value; the first of U < NR < NA when none is ranked."""
    return _pick(ranks, min)


def least_imperiled_of(ranks: Sequence[AnyRank]) -> AnyRank:
    """The least imperiled ranked value; the last of U < NR < NA when none is ranked."""
    return _pick(ranks, max)


def _sort_key(rank: AnyRank) -> tuple[object, ...]:
    return rank.sort_key()
