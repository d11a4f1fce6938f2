"""hypothesis's entry point for srank: registers srank's types with ``st.from_type``.

hypothesis calls the hook while ``import hypothesis`` runs, and that import may
itself come from ``import srank.strategies``, which is then only half loaded.
So this module imports nothing of hypothesis or of ``srank.strategies`` at import
time, and the registered strategies are deferred: they look the strategy up in
``srank.strategies`` the first time something is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from ._model import MultiSeasonRank, Rank

__all__ = ["_hypothesis_setup_hook"]


def _ranks() -> SearchStrategy[Rank]:
    from .strategies import ranks

    return ranks()


def _multi_season_ranks() -> SearchStrategy[MultiSeasonRank]:
    from .strategies import multi_season_ranks

    return multi_season_ranks()


def _hypothesis_setup_hook() -> None:
    """Make ``st.from_type(srank.Rank)`` and ``st.from_type(srank.MultiSeasonRank)`` draw ranks."""
    from hypothesis import strategies as st

    from ._model import MultiSeasonRank, Rank

    st.register_type_strategy(Rank, st.deferred(_ranks))
    st.register_type_strategy(MultiSeasonRank, st.deferred(_multi_season_ranks))
