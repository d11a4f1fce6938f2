"""Totality of srank.explorer's readers: any JSON object with the documented shape, and any extra keys, is read.

The shapes are those of the recorded responses in tests/data/explorer (search
results and taxon records); each key may be missing, null, of the wrong type or
hold text that is not a rank, and unknown keys with any JSON value are added at
every level. Reading must give one Taxon per record and the long form must
give at least one row per taxon, never an exception.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import srank.explorer
from srank.strategies import rank_codes

KNOWN = {
    "results",
    "resultsSummary",
    "jobId",
    "percentComplete",
    "timeScheduled",
    "state",
    "data",
    "elementGlobalId",
    "uniqueId",
    "elcode",
    "scientificName",
    "primaryCommonName",
    "recordType",
    "gRank",
    "grank",
    "roundedGRank",
    "grankReviewDate",
    "grankChangeDate",
    "rankInfo",
    "nations",
    "elementNationals",
    "nationCode",
    "nation",
    "roundedNRank",
    "nrank",
    "subnations",
    "elementSubnationals",
    "subnationCode",
    "subnation",
    "roundedSRank",
    "srank",
    "native",
    "exotic",
    "speciesSubnational",
    "speciesGlobal",
    "ecosystemGlobal",
}

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
EXTRA = st.dictionaries(st.text(max_size=12).filter(lambda key: key not in KNOWN), JSON, max_size=3)
TEXT = st.none() | st.text(max_size=12) | JSON
RANK = st.none() | rank_codes() | st.text(max_size=10) | st.integers()
FLAG = st.none() | st.booleans() | st.text(max_size=3)
NATION = st.sampled_from(["US", "CA", "MX", "ZZ", ""]) | st.text(max_size=3) | st.none() | st.integers()
SUBNATION = st.sampled_from(["MD", "ON", "NF", "NN", "CA", "XX"]) | st.text(max_size=3) | st.none()
DATE = st.none() | st.dates().map(lambda day: day.isoformat()) | st.text(max_size=12) | st.integers()


def shaped(required: dict[str, st.SearchStrategy[Any]], optional: dict[str, st.SearchStrategy[Any]]) -> Any:
    """An object of that shape, any documented key possibly missing, with unknown keys added."""
    documented = st.fixed_dictionaries(required, optional=optional)
    return st.tuples(documented, EXTRA).map(lambda pair: {**pair[1], **pair[0]})


SEARCH_SUBNATION = shaped({}, {"subnationCode": SUBNATION, "roundedSRank": RANK, "native": FLAG, "exotic": FLAG})
SEARCH_NATION = shaped(
    {},
    {
        "nationCode": NATION,
        "roundedNRank": RANK,
        "native": FLAG,
        "exotic": FLAG,
        "subnations": st.lists(SEARCH_SUBNATION | JSON, max_size=4) | JSON,
    },
)
IDENTITY = {
    "elementGlobalId": st.integers(min_value=0) | TEXT,
    "uniqueId": TEXT,
    "elcode": TEXT,
    "scientificName": TEXT,
    "primaryCommonName": TEXT,
    "recordType": st.sampled_from(["SPECIES", "ECOSYSTEM"]) | TEXT,
}
SEARCH_RESULT = shaped(
    {},
    {
        **IDENTITY,
        "gRank": RANK,
        "roundedGRank": RANK,
        "nations": st.lists(SEARCH_NATION | JSON, max_size=3) | JSON,
        "speciesGlobal": JSON,
    },
)
TAXON_SUBNATION = shaped(
    {},
    {
        "subnation": shaped({}, {"subnationCode": SUBNATION, "nameEn": TEXT}) | JSON,
        "srank": RANK,
        "roundedSRank": RANK,
        "speciesSubnational": shaped({}, {"exotic": FLAG, "hybrid": FLAG}) | JSON,
    },
)
TAXON_NATION = shaped(
    {},
    {
        "nation": shaped({}, {"isoCode": NATION, "nameEn": TEXT}) | JSON,
        "nrank": RANK,
        "roundedNRank": RANK,
        "nrankReviewYear": st.integers() | TEXT,
        "elementSubnationals": st.lists(TAXON_SUBNATION | JSON, max_size=4) | JSON,
    },
)
TAXON_RECORD = shaped(
    {"elementNationals": st.lists(TAXON_NATION | JSON, max_size=3) | JSON},
    {
        **IDENTITY,
        "grank": RANK,
        "roundedGRank": RANK,
        "grankReviewDate": DATE,
        "grankChangeDate": DATE,
        "rankInfo": JSON,
    },
)
SEARCH_RESPONSE = shaped({"results": st.lists(SEARCH_RESULT, max_size=4)}, {"resultsSummary": JSON})


def long_form_is_whole(taxa: list[srank.explorer.Taxon]) -> None:
    found = list(srank.explorer.rows(taxa))
    assert len(found) >= len(taxa)
    assert {len(row) for row in found} <= {len(srank.explorer.FIELDS)}
    assert all(cell is None or isinstance(cell, str) for row in found for cell in row)


@given(SEARCH_RESPONSE)
def test_any_search_response_is_read(document: dict[str, Any]) -> None:
    taxa = srank.explorer.read(document)
    assert isinstance(taxa, list)
    assert len(taxa) == len(document["results"])
    for taxon, result in zip(taxa, document["results"], strict=True):
        nations = result.get("nations")
        given_places = sum(
            1 + len(nation["subnations"]) if isinstance(nation.get("subnations"), list) else 1
            for nation in (nations if isinstance(nations, list) else [])
            if isinstance(nation, dict)
        )
        assert len(taxon.distribution) <= given_places
        assert isinstance(taxon.findings, tuple)
    long_form_is_whole(taxa)


@given(TAXON_RECORD)
def test_any_taxon_record_is_read(record: dict[str, Any]) -> None:
    taxon = srank.explorer.read(record)
    assert isinstance(taxon, srank.explorer.Taxon)
    assert taxon.source == "taxon"
    assert isinstance(taxon.findings, tuple)
    long_form_is_whole([taxon])


@given(rank_codes(multi_season=False).filter(lambda code: code[0] == "G"))
def test_a_global_rank_rounded_as_srank_rounds_it_always_agrees(code: str) -> None:
    rounded = str(srank.parse(code).rounded())
    taxon = srank.explorer.read_taxon({"grank": code, "roundedGRank": rounded})
    assert taxon.global_rounding_agrees is True
    assert "rounded-differs" not in {finding.code for finding in taxon.findings}
