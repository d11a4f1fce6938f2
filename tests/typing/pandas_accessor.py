"""User code: the pandas accessor on a typed ``pd.Series[str]`` (with the srank.mypy plugin)."""

from __future__ import annotations

from typing import Any, assert_type  # noqa: F401  (Any is used in the quoted types)

import pandas as pd

import srank
import srank.pandas

AnyRank = srank.Rank | srank.MultiSeasonRank

codes: pd.Series[str] = pd.Series(["G5T1T3Q", "S2B,S4N", "G3G2"])
assert_type(codes.srank, srank.pandas.SrankAccessor)
assert_type(codes.srank.valid(level="S"), "pd.Series[bool]")
assert_type(codes.srank.is_imperiled(2, lenient=True), "pd.Series[bool]")
assert_type(codes.srank.canonical(), "pd.Series[str]")
assert_type(codes.srank.label(style="long", lang="fr"), "pd.Series[str]")
assert_type(codes.srank.rounded(), "pd.Series[Any]")
assert_type(codes.srank.bounds(), pd.DataFrame)
assert_type(codes.srank.most_imperiled(), AnyRank | None)
assert_type(codes.srank.status_index(errors="skip"), srank.StatusIndex)
assert_type(codes.srank.compare(codes), pd.DataFrame)

frame = pd.DataFrame({"species": ["a", "a", "b"], "rank": ["S1", "S3", "S2"]})
ranks = frame["rank"]
assert_type(srank.pandas.most_imperiled(ranks), AnyRank | None)
assert_type(srank.pandas.most_imperiled(frame.groupby("species")["rank"]), "pd.Series[Any]")
assert_type(srank.pandas.status_index(ranks), srank.StatusIndex)
assert_type(srank.pandas.status_index(frame.groupby("species")["rank"]), pd.DataFrame)

# Without the plugin (pyright, say), the accessor class itself is the typed route.
assert_type(srank.pandas.SrankAccessor(codes).valid(), "pd.Series[bool]")
assert_type(srank.pandas.valid(codes), "pd.Series[bool]")
