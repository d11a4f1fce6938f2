"""User code: polars expressions and Series through srank.polars's functions and namespace classes.

polars registers namespaces at run time and declares no ``__getattr__``, so no
checker sees ``pl.col("rank").srank``; the functions take the same arguments
and are typed: an expression in, an expression out; a Series in, a Series out.
"""

from __future__ import annotations

from typing import assert_type

import polars as pl

import srank
import srank.polars

rank = pl.col("rank")
assert_type(srank.polars.valid(rank), pl.Expr)
assert_type(srank.polars.is_imperiled(rank, 2), pl.Expr)
assert_type(srank.polars.label(rank, style="long", lang="es"), pl.Expr)
assert_type(srank.polars.most_imperiled(rank), pl.Expr)
assert_type(srank.polars.status_index(rank, season="N"), pl.Expr)
assert_type(srank.polars.compare(pl.col("rank_2023"), pl.col("rank_2024")), pl.Expr)

frame = pl.DataFrame({"species": ["a", "a", "b"], "rank": ["S1", "S3", "S2"]})
per_species = frame.group_by("species").agg(srank.polars.most_imperiled(rank), srank.polars.status_index(rank))
assert_type(per_species, pl.DataFrame)

series = frame["rank"]
assert_type(srank.polars.valid(series), pl.Series)
assert_type(srank.polars.rounded(series), pl.Series)
assert_type(srank.polars.most_imperiled(series), str | None)
assert_type(srank.polars.status_index(series), srank.StatusIndex)

assert_type(srank.polars.SrankExprNamespace(rank).sort_key(), pl.Expr)
assert_type(srank.polars.SrankExprNamespace(rank).least_imperiled(errors="raise"), pl.Expr)
assert_type(srank.polars.SrankSeriesNamespace(series).least_imperiled(), str | None)
