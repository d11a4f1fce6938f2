"""User code: the core API, typed precisely enough that mistakes show before the code runs."""

from __future__ import annotations

from typing import assert_type

import srank
import srank.explorer

AnyRank = srank.Rank | srank.MultiSeasonRank

rank = srank.parse("G5T1T3Q")
assert_type(rank, AnyRank)
assert_type(rank.rounded(), AnyRank)
assert_type(rank.bounds(), tuple[int, int] | None)
assert_type(rank.is_imperiled(threshold=2), bool)
assert_type(rank.findings, tuple[srank.Finding, ...])
assert_type(srank.is_valid("G5Q"), bool)
assert_type(srank.parse_many(["G1", None, "G9"]), list[AnyRank | srank.InvalidRankError | None])

# most_imperiled and least_imperiled give a rank, not Any.
assert_type(srank.most_imperiled(["S3", None, "S1S2"]), AnyRank)
assert_type(srank.least_imperiled(["S3", "S9"], errors="skip", lenient=True), AnyRank)
print(srank.most_imperiled(["S3", "S1S2"]).rounded().is_imperiled())

# Styles and languages are Literal types, and available_languages() gives those.
style: srank.Style = "plants"
for lang in srank.available_languages():
    assert_type(lang, srank.Language)
    assert_type(srank.describe("G5T1T3Q", style="long", lang=lang), str)
assert_type(srank.describe("S2B,S4N", style=style), str)
assert_type(srank.explain("G3G4", lang="fr"), list[srank.Explanation])

assert_type(srank.check("G5Q"), list[srank.Finding])
assert_type(srank.check_levels(global_rank="G1", subnational_rank="S3"), list[srank.Finding])

dist = srank.parse_distribution("Canada (N3B,N4N): AB (S3B), BC (S1)")
assert_type(dist, srank.Distribution)
for record in dist:
    assert_type(record, srank.PlaceRank)
    assert_type(record.rank, AnyRank | None)
    assert_type(record.place_name(lang="fr"), str)
assert_type(dist.to_svg(lang="es"), str)

change = srank.compare("S2S3", "S1")
assert_type(change, srank.RankChange)
assert_type(change.kind, srank.ChangeKind)
assert_type(change.describe(lang="es"), str)
assert_type(srank.status_index(["S5", "S3", "S2"]).value, float)
assert_type(srank.palette()["3"], srank.Swatch)


def export_of(explorer: srank.explorer.Client) -> srank.explorer.ExportJob:
    """A search is an iterator of taxa, and its export a job."""
    search = explorer.search("robin", subnation="MD", limit=5)
    assert_type(search, srank.explorer.Search)
    assert_type(next(search), srank.explorer.Taxon)
    return search.export(format="xlsx", language="fr")
