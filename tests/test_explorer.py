"""srank.explorer's readers and long form, on real NatureServe Explorer API responses.

The responses are natserv's recordings of 2020-05-12 (tests/data/explorer/README.md).
Where a test needs a shape the recordings lack (a rounding NatureServe does not
share, an unknown key, a broken value), it changes a copy and says what it changed.
"""

from __future__ import annotations

import copy
import json
import pickle
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import srank
import srank.explorer
from srank.explorer import ExplorerDataError, ExportJob, Taxon

DATA = Path(__file__).resolve().parent / "data" / "explorer"


def load(name: str) -> Any:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def places(taxon: Taxon) -> list[tuple[str, str | None, str, str | None]]:
    return [
        (r.nation, r.subnation, r.written, None if r.published_rounded is None else str(r.published_rounded))
        for r in taxon.distribution
    ]


# Taxon records (GET /api/data/taxon/ELEMENT_GLOBAL.2.154701)


def test_a_taxon_record_gives_raw_and_rounded_ranks_at_every_level() -> None:
    goldenseal = srank.explorer.read_taxon(DATA / "ns_id.json")
    assert (
        goldenseal.element_global_id,
        goldenseal.unique_id,
        goldenseal.elcode,
        goldenseal.scientific_name,
        goldenseal.primary_common_name,
        goldenseal.record_type,
        goldenseal.source,
    ) == (154701, "ELEMENT_GLOBAL.2.154701", "PDRAN0F010", "Hydrastis canadensis", "Goldenseal", "species", "taxon")
    assert (str(goldenseal.global_rank), str(goldenseal.rounded_global_rank)) == ("G3G4", "G3")
    assert (goldenseal.review_date, goldenseal.change_date) == (date(2012, 11, 30), date(2012, 11, 30))
    assert goldenseal.global_rounding_agrees is True
    assert goldenseal.findings == ()
    assert repr(goldenseal) == "<Taxon ELEMENT_GLOBAL.2.154701 'Hydrastis canadensis' G3G4>"
    assert len(goldenseal.distribution) == 29
    assert places(goldenseal)[:4] == [
        ("CA", None, "N2", "N2"),
        ("CA", "ON", "S2", "S2"),
        ("US", None, "N3N4", "N3"),
        ("US", "AL", "S2", "S2"),
    ]
    # Every raw rank that NatureServe rounds to something else, and srank's rounding of it.
    raw = [
        (r.subnation or r.nation, str(r.rank), str(r.published_rounded), str(r.rank.rounded()))  # type: ignore[union-attr]
        for r in goldenseal.distribution
        if str(r.rank) != str(r.published_rounded)
    ]
    assert raw == [
        ("US", "N3N4", "N3", "N3"),
        ("AR", "S4S5", "S4", "S4"),
        ("WV", "S3S4", "S3", "S3"),
        ("WI", "S2S3", "S2", "S2"),
    ]
    vermont = goldenseal.distribution.subnational("US", "VT")
    assert vermont is not None
    assert (vermont.exotic, vermont.native, vermont.place) == (True, None, "Vermont")  # speciesSubnational.exotic


def test_the_taxon_search_by_id_gives_the_same_record_with_its_nations_in_another_order() -> None:
    by_uid = srank.explorer.read_taxon(DATA / "ns_id.json")
    by_id = srank.explorer.read(DATA / "ns_altid.json")
    assert isinstance(by_id, Taxon)
    assert [r.nation for r in by_id.distribution if r.subnation is None] == ["US", "CA"]
    assert [r.nation for r in by_uid.distribution if r.subnation is None] == ["CA", "US"]
    assert sorted(map(repr, by_id.distribution)) == sorted(map(repr, by_uid.distribution))


# Search results (POST /api/data/speciesSearch, /search, /ecosystemsSearch)


def test_a_species_search_gives_raw_global_ranks_and_rounded_places() -> None:
    taxa = srank.explorer.read_search(DATA / "ns_search_spp.json")
    assert len(taxa) == 20
    ranked = [(t.scientific_name, str(t.global_rank), str(t.rounded_global_rank)) for t in taxa]
    assert ranked[:4] == [
        ("Copsychus saularis", "G5", "G5"),
        ("Turdus grayi", "G5", "G5"),
        ("Turdus migratorius", "G5", "G5"),
        ("Turdus migratorius propinquus", "G5TU", "TU"),
    ]
    assert ("Triodopsis juxtidens robinae", "G5T1", "T1") in ranked
    assert ("Anomala robinsoni", "G1?", "G1") in ranked
    assert all(t.global_rounding_agrees for t in taxa)
    assert [t.findings for t in taxa] == [()] * 20
    magpie = taxa[0]
    assert (magpie.source, magpie.record_type, magpie.review_date, magpie.elcode) == (
        "search",
        "species",
        None,
        "ABPBJ13020",
    )
    assert places(magpie) == [("US", None, "NNA", None), ("US", "HI", "SNA", None)]
    hawaii = magpie.distribution.subnational("US", "HI")
    assert hawaii is not None
    assert (hawaii.exotic, hawaii.native) == (True, None)
    robin = taxa[2]
    assert (robin.primary_common_name, len(robin.distribution)) == ("American Robin", 67)


def test_a_combined_search_and_an_ecosystem_search() -> None:
    combined = srank.explorer.read(DATA / "ns_search_comb.json")
    assert isinstance(combined, list)
    assert {t.record_type for t in combined} == {"species"}  # the first page holds species only
    ecosystems = srank.explorer.read_search(DATA / "ns_search_eco.json")
    assert {t.record_type for t in ecosystems} == {"ecosystem"}
    assert [(str(t.global_rank), str(t.rounded_global_rank)) for t in ecosystems[3:5]] == [("G2G3", "G2"), ("G1", "G1")]
    woodland = next(t for t in ecosystems if str(t.global_rank) == "G4Q")
    assert woodland.scientific_name == "Abies concolor - Pseudotsuga menziesii / Robinia neomexicana Woodland"
    assert places(woodland) == [("US", None, "NNR", None), ("US", "AZ", "S3", None), ("US", "NM", "S3", None)]
    assert [(r.native, r.exotic) for r in woodland.distribution] == [(None, None)] * 3  # ecosystems carry no flags


def test_an_empty_search_is_an_empty_list() -> None:
    assert srank.explorer.read_search({"results": [], "resultsSummary": {"totalResults": 0}}) == []
    assert srank.explorer.read({"results": None}) == []
    assert srank.explorer.read("[]") == []


# Inputs: parsed JSON, JSON text, bytes, paths, directories


def test_read_takes_parsed_json_text_bytes_and_paths_alike() -> None:
    path = DATA / "ns_id.json"
    record = load("ns_id")
    found = [
        srank.explorer.read(path),
        srank.explorer.read(str(path)),
        srank.explorer.read(path.read_bytes()),
        srank.explorer.read(path.read_text(encoding="utf-8")),
        srank.explorer.read(record),
    ]
    assert all(isinstance(taxon, Taxon) for taxon in found)
    assert found[1:] == found[:-1]
    one_result = srank.explorer.read(load("ns_search_spp")["results"][3])
    assert isinstance(one_result, Taxon)
    assert str(one_result.global_rank) == "G5TU"


def test_a_directory_is_read_file_by_file_passing_over_export_jobs(tmp_path: Path) -> None:
    for name in ("ns_search_spp", "ns_id", "ns_export_status"):
        (tmp_path / f"{name}.json").write_bytes((DATA / f"{name}.json").read_bytes())
    (tmp_path / "notes.txt").write_text("not read", encoding="utf-8")
    taxa = srank.explorer.read(tmp_path)
    assert isinstance(taxa, list)
    assert [t.unique_id for t in taxa][:2] == ["ELEMENT_GLOBAL.2.154701", "ELEMENT_GLOBAL.2.100637"]
    assert len(taxa) == 21


def test_a_saved_search_cut_short_is_read_with_a_warning_that_says_so(tmp_path: Path) -> None:
    page = load("ns_search_spp")
    page["resultsSummary"] = {"page": 0, "totalPages": 3, "totalResults": 60}
    (tmp_path / "speciesSearch-0123abcd-page0000.json").write_text(json.dumps(page), encoding="utf-8")
    with pytest.warns(UserWarning, match="pages of a saved search") as caught:
        taxa = srank.explorer.read(tmp_path)
    assert isinstance(taxa, list)
    assert len(taxa) == 20
    assert [str(warning.message) for warning in caught] == [
        f"{tmp_path} holds 1 of the 3 pages of a saved search: the search that saved it stopped early or had a limit,"
        " so these taxa are not the whole search"
    ]
    assert caught[0].filename == __file__  # said at the caller's line
    page["resultsSummary"] = {"page": 0, "totalPages": 1, "totalResults": 20}
    (tmp_path / "speciesSearch-0123abcd-page0000.json").write_text(json.dumps(page), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert srank.explorer.read(tmp_path) == taxa


def test_a_folder_without_saved_answers_or_with_binary_ones_is_refused_by_name(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "notes.txt").write_text("not read", encoding="utf-8")
    with pytest.raises(ExplorerDataError) as empty:
        srank.explorer.read(tmp_path)
    assert str(empty.value) == (
        f"{tmp_path} holds no saved Explorer answers (no .json file)\n"
        "Hint: a folder of saved answers holds the .json files that a search saved there"
    )
    (tmp_path / "a.json").write_bytes(gzip.compress(b"{}"))
    with pytest.raises(ExplorerDataError) as packed:
        srank.explorer.read(tmp_path)
    assert empty.value.message != packed.value.message
    assert (
        packed.value.message
        == f"{tmp_path / 'a.json'} is compressed (gzip), not JSON text; decompress it first (gunzip)"
    )
    (tmp_path / "a.json").write_bytes(b'{"x": "\xff\x00"}')
    with pytest.raises(ExplorerDataError) as binary:
        srank.explorer.read(tmp_path / "a.json")
    assert binary.value.message == f"{tmp_path / 'a.json'} is not JSON text: byte 0xff at position 7 is not UTF-8"
    assert binary.value.message_in("fr") == (
        f"{tmp_path / 'a.json'} n'est pas du texte JSON\N{NO-BREAK SPACE}: l'octet 0xff en position 7 n'est pas"
        " de l'UTF-8"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "{",
            "the JSON text is not JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
        ),
        (b"\xff\xfe", "the data is not JSON ("),
        (b"\x1f\x8b\x08\x00", "the data is compressed (gzip), not JSON text; decompress it first (gunzip)"),
        (b"PK\x03\x04\x14\x00", "the data is a zip archive, not JSON; extract it (unzip) and read the JSON file"),
        (b"%PDF-1.7\n", "the data is a PDF document, not JSON"),
        ({"hello": 1}, "the data is not NatureServe Explorer data: it is an object with hello"),
        (42, "the data is not NatureServe Explorer data: it is int 42"),
        ({"jobId": "x"}, "the data is an export job, not taxa"),
    ],
)
def test_what_is_not_explorer_data_is_named(data: object, message: str) -> None:
    with pytest.raises(ExplorerDataError) as caught:
        srank.explorer.read(data)
    assert caught.value.message.startswith(message)
    assert isinstance(caught.value, srank.SrankError)
    assert isinstance(caught.value, ValueError)


def test_a_missing_file_and_the_wrong_reader_are_named(tmp_path: Path) -> None:
    with pytest.raises(ExplorerDataError, match=r"cannot read '.*nowhere\.json': No such file or directory"):
        srank.explorer.read(tmp_path / "nowhere.json")
    with pytest.raises(ExplorerDataError) as caught:
        srank.explorer.read_search(DATA / "ns_id.json")
    assert caught.value.message.endswith(
        "ns_id.json is not a search response ({'results': [...]}) or a list of results: it is a taxon record"
    )
    with pytest.raises(
        ExplorerDataError, match="is not one taxon record or one search result: it is a search response"
    ):
        srank.explorer.read_taxon(DATA / "ns_search_spp.json")
    with pytest.raises(ExplorerDataError, match=r"results\[1\] is str, not an object: 'G5'"):
        srank.explorer.read_search({"results": [{"gRank": "G5"}, "G5"]})
    with pytest.raises(ExplorerDataError, match="'results' is dict, not a list"):
        srank.explorer.read_search({"results": {}})


# Export jobs


def test_export_jobs_are_read() -> None:
    assert srank.explorer.read_job(DATA / "ns_export.json") == ExportJob("1d8ba017-9a2e-4816-a73e-1a6ad481c0a2")
    status = srank.explorer.read_job(DATA / "ns_export_status.json")
    assert status == ExportJob(
        None,
        state="Finished",
        percent_complete=100.0,
        successful=True,
        error=None,
        url="https://explorer-downloads.natureserve.org/shortTerm/explorer/taxaSearchExports/2020-05-12/"
        "1d8ba017-9a2e-4816-a73e-1a6ad481c0a2.json",
    )
    assert status.finished
    assert not status.failed
    failed = srank.explorer.read_job({"state": "Failed", "data": {"errorMessage": "out of memory"}, "error": None})
    assert (failed.finished, failed.failed, failed.error) == (False, True, "out of memory")
    # A job that ends without a file: finished, and failed, with no url to download.
    gave_up = srank.explorer.read_job({"jobId": "x", "state": "Finished", "successful": False, "error": None})
    assert (gave_up.finished, gave_up.failed, gave_up.url, gave_up.error) == (True, True, None, None)
    running = srank.explorer.read_job({"jobId": "x", "state": "Running", "percentComplete": 40})
    assert (running.finished, running.failed, running.percent_complete) == (False, False, 40.0)
    with pytest.raises(ExplorerDataError, match="is not an export job") as caught:
        srank.explorer.read_job(DATA / "ns_id.json")
    assert caught.value.hint == "read taxa with srank.explorer.read"
    with pytest.raises(ExplorerDataError, match="is not one taxon record or one search result") as caught:
        srank.explorer.read_taxon(DATA / "ns_export.json")
    assert caught.value.hint == "read it with srank.explorer.read_job"
    assert caught.value.render("fr").endswith("Conseil\u00a0: lisez-la avec srank.explorer.read_job")
    with pytest.raises(ExplorerDataError) as caught:  # an answer that is no Explorer data at all: what a job is
        srank.explorer.read_job({"state": "Queued"})
    assert str(caught.value) == (
        "the data is not an export job ({'jobId': ...} or a job's status): it is an object with state\n"
        "Hint: an export job is what POST export/taxonSearch answers (with its jobId) or GET job/<id>"
        " (its state, percentComplete and data)"
    )


# The rounding check


def test_a_rounding_that_is_not_srank_s_is_a_named_finding() -> None:
    record = load("ns_id")
    # Changed: NatureServe's rounded global rank G3 -> G4, and Arkansas' rounded S4 (of S4S5) -> S5.
    record["roundedGRank"] = "G4"
    arkansas = next(
        s for s in record["elementNationals"][1]["elementSubnationals"] if s["subnation"]["subnationCode"] == "AR"
    )
    arkansas["roundedSRank"] = "S5"
    taxon = srank.explorer.read_taxon(record)
    assert taxon.global_rounding_agrees is False
    assert [str(finding) for finding in taxon.findings] == [
        "warning[rounded-differs]: NatureServe publishes G4 as the rounded global rank of G3G4;"
        " srank rounds G3G4 to G3",
        "warning[rounded-differs]: Arkansas, United States: NatureServe publishes S5 as the rounded rank of S4S5;"
        " srank rounds S4S5 to S4",
    ]
    assert [f.code for f in taxon.distribution.findings] == ["rounded-differs"]


def test_parts_of_a_seasonal_rounding_may_come_in_any_order() -> None:
    record = {
        "grank": "G5",
        "elementNationals": [{"nation": {"isoCode": "US"}, "nrank": "N4?B,N5N", "roundedNRank": "N5N,N4B"}],
    }
    taxon = srank.explorer.read_taxon(record)
    assert taxon.findings == ()
    assert next(srank.explorer.rows(taxon))[15:18] == ("N4B,N5N", "N5N,N4B", "agrees")


# Schema drift: unknown keys ignored, missing ones allowed, broken values named


def test_unknown_keys_of_later_captures_are_ignored() -> None:
    record = load("ns_search_spp")["results"][2]
    drifted = copy.deepcopy(record)
    # Added: keys seen in later captures, and one never seen.
    drifted["rankMethodUsedExternalDescEn"] = "Calculated"
    drifted["somethingNew"] = {"nested": [1, 2, None]}
    for nation in drifted["nations"]:
        nation["native"] = True
        nation["region"] = {"id": 1}
        for subnation in nation["subnations"]:
            subnation["native"] = True
    before, after = srank.explorer.read_taxon(record), srank.explorer.read_taxon(drifted)
    assert places(after) == places(before)
    assert after.findings == ()
    assert {r.native for r in after.distribution} == {True}


def test_missing_keys_read_as_none() -> None:
    taxon = srank.explorer.read_taxon({"uniqueId": "ELEMENT_GLOBAL.2.1"})
    assert (taxon.element_global_id, taxon.scientific_name, taxon.global_rank, taxon.rounded_global_rank) == (
        None,
        None,
        None,
        None,
    )
    assert (len(taxon.distribution), taxon.record_type, taxon.findings) == (0, None, ())
    only_rounded = srank.explorer.read_taxon({"roundedGRank": "G2", "nations": []})
    assert (only_rounded.global_rank, str(only_rounded.rounded_global_rank)) == (None, "G2")
    assert only_rounded.global_rounding_agrees is None


def test_broken_values_become_findings_and_the_rest_is_read() -> None:
    taxon = srank.explorer.read_taxon(
        {
            "elementGlobalId": "154701",
            "grank": 5,
            "roundedGRank": "G9",
            "grankReviewDate": "30/11/2012",
            "grankChangeDate": "2012-11-30T00:00:00",
            "elementNationals": [
                {"nation": {"nameEn": "Nowhere"}, "nrank": "N1"},
                {
                    "nation": {"isoCode": "US"},
                    "nrank": "N2N3",
                    "roundedNRank": "NX?",
                    "elementSubnationals": [{}, "MD"],
                },
                {"nation": {"isoCode": "CA"}, "nrank": None, "elementSubnationals": {"ON": "S1"}},
            ],
        }
    )
    assert (taxon.element_global_id, taxon.global_rank, taxon.rounded_global_rank) == (154701, None, None)
    assert (taxon.review_date, taxon.change_date) == (None, date(2012, 11, 30))
    assert [str(finding) for finding in taxon.findings] == [
        "warning[unreadable-rank]: The global rank '5' could not be read (it is int, not text); it is left out",
        "warning[unreadable-rank]: The rounded global rank 'G9' could not be read (Expected a rank value (1-5, X, H, U,"
        " NR or NA) after 'G', found '9'); it is left out",
        "warning[unreadable-date]: grankReviewDate '30/11/2012' is not a date (YYYY-MM-DD); it is left out",
        # Named by the keys of a taxon record, where they stand (a search's would be nations[0], nationCode).
        "warning[distribution-syntax]: elementNationals[0] has no nation.isoCode; it was left out",
        "warning[distribution-syntax]: elementNationals[1].elementSubnationals[0] has no subnation.subnationCode; it"
        " was left out",
        "warning[distribution-syntax]: elementNationals[1].elementSubnationals[1] has no subnation.subnationCode; it"
        " was left out",
        "warning[distribution-syntax]: elementNationals[2].elementSubnationals is dict, not a list; it was left out",
        "warning[unreadable-rank]: United States: The rounded rank 'NX?' could not be read ('?' cannot qualify 'NX');"
        " it is left out",
    ]  # Canada's rank is not given: missing, as a blank cell is, with no note
    assert places(taxon) == [("US", None, "N2N3", None), ("CA", None, "", None)]


def test_a_blank_rank_is_missing_without_a_note() -> None:
    # Explorer answers write a rank not given as null or as an empty text: both are missing, as a blank cell is.
    taxon = srank.explorer.read_taxon(
        {
            "gRank": "G5",
            "elementNationals": [
                {
                    "nation": {"isoCode": "US"},
                    "nrank": "N5",
                    "elementSubnationals": [
                        {"subnation": {"subnationCode": "MD"}, "srank": "", "roundedSRank": ""},
                        {"subnation": {"subnationCode": "VA"}, "srank": "  ", "roundedSRank": None},
                    ],
                }
            ],
        }
    )
    assert (taxon.findings, places(taxon)) == (
        (),
        [("US", None, "N5", None), ("US", "MD", "", None), ("US", "VA", "", None)],
    )


def test_a_place_listed_twice_is_noted_on_its_second_record() -> None:
    nations = [
        {
            "nationCode": "US",
            "subnations": [{"subnationCode": "PA", "srank": "S2"}, {"subnationCode": "PA", "srank": "S1"}],
        }
    ]
    dist = srank.Distribution.from_api(nations)
    assert [(record.written, [finding.code for finding in record.notes]) for record in dist] == [
        ("", []),
        ("S2", []),
        ("S1", ["place-repeated"]),
    ]


def test_places_that_are_not_a_list_are_named() -> None:
    taxon = srank.explorer.read_taxon({"gRank": "G5", "nations": "US"})
    assert [str(f) for f in taxon.findings] == [
        "warning[distribution-syntax]: nations is str, not a list; the record's places were left out"
    ]


# The long form


def test_the_long_form_of_a_taxon_record() -> None:
    goldenseal = srank.explorer.read(DATA / "ns_id.json")
    rows = list(srank.explorer.rows(goldenseal))
    assert len(rows) == 29
    assert srank.explorer.FIELDS[11:] == (
        "nation",
        "subnation",
        "place",
        "rank",
        "rounded",
        "published_rounded",
        "rounding",
        "label",
        "native",
        "exotic",
        "message",
    )
    identity = (
        "154701",
        "ELEMENT_GLOBAL.2.154701",
        "PDRAN0F010",
        "Hydrastis canadensis",
        "Goldenseal",
        "species",
        "G3G4",
        "G3",
        "agrees",
        "2012-11-30",
        "2012-11-30",
    )
    assert rows[2] == (
        *identity,
        "US",
        None,
        "United States",
        "N3N4",
        "N3",
        "N3",
        "agrees",
        "Vulnerable to Apparently Secure",
        None,
        None,
        None,
    )
    assert rows[-1] == (
        *identity,
        "US",
        "VT",
        "Vermont",
        "S1",
        "S1",
        "S1",
        "agrees",
        "Critically Imperiled",
        None,
        "true",
        None,
    )


def test_the_long_form_of_a_search_and_its_messages() -> None:
    taxa = srank.explorer.read_search(DATA / "ns_search_spp.json")
    rows = list(srank.explorer.rows(taxa, lang="fr"))
    assert len(rows) == sum(len(t.distribution) for t in taxa) == 147
    assert rows[1] == (
        "100637",
        "ELEMENT_GLOBAL.2.100637",
        "ABPBJ13020",
        "Copsychus saularis",
        "Oriental Magpie-Robin",
        "species",
        "G5",
        "G5",
        "agrees",
        None,
        None,
        "US",
        "HI",
        "Hawaï",
        "SNA",
        "SNA",
        "SNA",  # a search publishes the rounded rank only: it is the rank
        None,  # so there is nothing to check
        "Non applicable",
        None,
        "true",
        None,
    )
    record = load("ns_id")
    record["roundedGRank"] = "G4"  # changed, so that the first row carries the record's finding
    record["elementNationals"][0]["elementSubnationals"][0]["roundedSRank"] = "S3"  # and Ontario's row its own
    first, second = list(srank.explorer.rows(srank.explorer.read_taxon(record)))[:2]
    assert (first[8], first[-1]) == (
        "differs",
        "warning[rounded-differs]: NatureServe publishes G4 as the rounded global rank of G3G4;"
        " srank rounds G3G4 to G3",
    )
    assert (second[17], second[-1]) == (
        "differs",
        "warning[rounded-differs]: NatureServe publishes S3 as the rounded rank of S2; srank rounds S2 to S2",
    )


def test_a_taxon_without_places_still_gives_one_row() -> None:
    (row,) = srank.explorer.rows(
        srank.explorer.read_taxon({"scientificName": "Nowhere", "gRank": "GNR", "nations": []})
    )
    assert row[3] == "Nowhere"
    assert row[11:] == (None,) * 10 + ("warning[empty-distribution]: the record gives no nation or subnation",)
    assert list(srank.explorer.rows([])) == []
    with pytest.raises(ValueError, match="lang"):
        next(srank.explorer.rows([], lang="de"))


def test_errors_survive_pickling_and_print_their_hint() -> None:
    error = srank.explorer.ExplorerNotFoundError(
        "GET http://x/api/data/taxon/1 answered HTTP 404", url="http://x", status=404, hint="check"
    )
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.message, again.url, again.status, again.hint) == (
        srank.explorer.ExplorerNotFoundError,
        error.message,
        "http://x",
        404,
        "check",
    )
    assert str(again) == "GET http://x/api/data/taxon/1 answered HTTP 404\nHint: check"
    assert isinstance(again, srank.explorer.ExplorerHTTPError)


def test_the_long_form_as_a_pandas_frame() -> None:
    import pandas as pd

    import srank.pandas

    taxa = [srank.explorer.read_taxon(DATA / "ns_id.json"), *srank.explorer.read_search(DATA / "ns_search_eco.json")]
    frame = srank.pandas.explorer_frame(taxa)
    assert frame.shape == (29 + 108, 22)
    assert list(frame.columns) == list(srank.explorer.FIELDS)
    assert str(frame["element_global_id"].dtype) == "Int64"
    assert {str(dtype) for dtype in frame.dtypes.iloc[1:]} == {"string"}
    goldenseal = frame[frame["unique_id"] == "ELEMENT_GLOBAL.2.154701"]
    differs = goldenseal[goldenseal["rank"] != goldenseal["published_rounded"]]
    assert differs[["subnation", "rank", "rounded", "published_rounded", "rounding"]].fillna("-").values.tolist() == [
        ["-", "N3N4", "N3", "N3", "agrees"],
        ["AR", "S4S5", "S4", "S4", "agrees"],
        ["WV", "S3S4", "S3", "S3", "agrees"],
        ["WI", "S2S3", "S2", "S2", "agrees"],
    ]
    assert (frame["element_global_id"].iloc[-1], frame["place"].iloc[-1], frame["rank"].iloc[-1]) == (
        685870,
        "New Mexico",
        "SNR",
    )
    assert frame["rounding"].iloc[-1] is pd.NA  # a search publishes no raw N or S rank to check
    assert srank.pandas.explorer_frame(srank.explorer.read_taxon({"gRank": "G5"}))["message"].tolist() == [
        "warning[empty-distribution]: the record gives no nation or subnation"
    ]


def test_record_text_that_a_spreadsheet_would_run_is_made_inert() -> None:
    record = {
        "elementGlobalId": 1,
        "uniqueId": "=HYPERLINK(1)",
        "scientificName": "@SUM(1)",
        "gRank": "G5",
        "roundedGRank": "G5",
        "nations": [{"nationCode": "US", "roundedNRank": "=1+1", "subnations": []}],
    }
    (row,) = srank.explorer.rows(srank.explorer.read_search({"results": [record]}))
    fields = dict(zip(srank.explorer.FIELDS, row, strict=True))
    assert (fields["unique_id"], fields["scientific_name"], fields["rank"], fields["published_rounded"]) == (
        "'=HYPERLINK(1)",
        "'@SUM(1)",
        "'=1+1",
        "'=1+1",
    )


def test_srank_explorer_publishes_every_explorer_error() -> None:
    """The errors live in their own module; srank.explorer names each in its __all__, as type checkers read it."""
    from srank import _explorer_errors

    assert set(_explorer_errors.__all__) <= set(srank.explorer.__all__)
    for name in _explorer_errors.__all__:
        assert getattr(srank.explorer, name) is getattr(_explorer_errors, name)


def test_the_repr_says_when_it_shows_the_rounded_rank() -> None:
    # A search publishes only rounded ranks; an unreadable global rank leaves only the rounded one too.
    lynx = {"uniqueId": "ELEMENT_GLOBAL.2.100", "scientificName": "Lynx canadensis", "roundedGRank": "G5"}
    assert repr(srank.explorer.read_taxon(lynx)) == "<Taxon ELEMENT_GLOBAL.2.100 'Lynx canadensis' rounded G5>"
    unread = {**lynx, "grank": "G9"}
    assert repr(srank.explorer.read_taxon(unread)) == "<Taxon ELEMENT_GLOBAL.2.100 'Lynx canadensis' rounded G5>"
    assert repr(srank.explorer.read_taxon({"uniqueId": "ELEMENT_GLOBAL.2.1"})) == "<Taxon ELEMENT_GLOBAL.2.1 None ->"


def test_a_global_field_holding_another_level_s_rank_is_named() -> None:
    # A trial's record gave grank S3 and roundedGRank N3: each is a wrong-level error, as a place's would be.
    taxon = srank.explorer.read_taxon({"uniqueId": "X", "grank": "S3", "roundedGRank": "N3"})
    assert [finding.line() for finding in taxon.findings] == [  # no rounding compared between ranks of other levels
        "error[wrong-level]: 'S3' is a subnational rank; a record's global rank is a global (G) rank",
        "error[wrong-level]: 'N3' is a national rank; a record's rounded global rank is a global (G) rank",
    ]
    assert taxon.findings[1].message_in("fr") == (
        "«\u00a0N3\u00a0» est un rang national\u202f; le rang mondial arrondi d'une fiche est un rang de niveau"
        " mondial (G)"
    )
    assert taxon.findings[0].hint == "check the record: NatureServe gives a taxon's global rank here"
    # A T rank is a global rank (a variety's rounded global rank): nothing to say.
    assert srank.explorer.read_taxon({"uniqueId": "Y", "grank": "G5T2", "roundedGRank": "T2"}).findings == ()


def test_rows_of_a_path_or_of_json_says_to_read_it_first() -> None:
    for unread in ("taxon.json", Path("taxon.json"), {"uniqueId": "X"}, [{"uniqueId": "X"}]):
        said = r"^rows\(\) takes taxa, not (str|PosixPath|WindowsPath|dict): read it first"
        with pytest.raises(TypeError, match=said):
            list(srank.explorer.rows(unread))  # type: ignore[arg-type]


def test_a_taxon_record_s_places_are_named_by_its_keys_whatever_they_hold() -> None:
    # No "nation" object to tell the shape by: the record's key (elementNationals) names it.
    taxon = srank.explorer.read_taxon({"uniqueId": "X", "grank": "G2", "elementNationals": [{"nrank": "N1"}]})
    (note,) = taxon.findings
    assert note.message == "elementNationals[0] has no nation.isoCode; it was left out"
    assert note.hint == "a nation gives its code as nation.isoCode"
    search = srank.Distribution.from_api(
        [{"roundedNRank": "N1", "subnations": {}}, {"nationCode": "US", "subnations": 3}], lenient=True
    )
    assert [finding.message for finding in search.notes] == [
        "nations[0] has no nationCode; it was left out",
        "nations[1].subnations is int, not a list; it was left out",
    ]
    assert search.notes[1].hint == "subnations is a list of subnations, each giving its code as subnationCode"
