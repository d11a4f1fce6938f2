"""srank.explorer.Client against a local server on 127.0.0.1 that replays recorded Explorer responses.

No test touches the network: the server (tests/explorer_server.py) answers from
natserv's recordings of 2020-05-12, and misbehaves on purpose where failures are
tested. Each must end in the documented result or a named srank error, never a
traceback from urllib.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from email.utils import formatdate
from pathlib import Path
from typing import Any

import attrs
import pytest

import srank
import srank.explorer
from explorer_server import DATA, SEARCH, Answer, Asked, Replay, pages, recorded
from srank.explorer import (
    Client,
    ExplorerConnectionError,
    ExplorerDataError,
    ExplorerHTTPError,
    ExplorerNotFoundError,
    ExplorerQueryError,
    ExplorerTimeoutError,
    ExportJob,
    Taxon,
)

pytestmark = pytest.mark.usefixtures("no_proxy")
NAMES = [result["scientificName"] for result in SEARCH["results"]]


def client(base: str, sleeps: list[float] | None = None, **options: Any) -> Client:
    return Client(base, sleep=(sleeps if sleeps is not None else []).append, **options)


# Searches


def test_a_search_is_an_iterator_that_asks_for_a_page_only_when_a_taxon_is_used(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages)
    search = client(base, page_size=8).search("robin")
    assert repr(search) == "<srank.explorer.Search speciesSearch 'robin'>"
    assert repr(client(base).search(species=False, ecosystems=True)) == "<srank.explorer.Search ecosystemsSearch>"
    assert iter(search) is search
    assert server.asked == []
    assert next(search).scientific_name == NAMES[0]
    assert [asked.body["pagingOptions"]["page"] for asked in server.asked] == [0]
    assert len(list(search)) == len(NAMES) - 1


def test_a_search_follows_the_pages_and_asks_in_the_api_s_own_terms(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages)
    taxa = list(client(base, page_size=8).search("robin"))
    assert [taxon.scientific_name for taxon in taxa] == NAMES
    assert [str(taxon.global_rank) for taxon in taxa][3] == "G5TU"
    assert [asked.body["pagingOptions"] for asked in server.asked] == [
        {"page": 0, "recordsPerPage": 8},
        {"page": 1, "recordsPerPage": 8},
        {"page": 2, "recordsPerPage": 8},
    ]
    first = server.asked[0]
    assert (first.method, first.path) == ("POST", "/api/data/speciesSearch")
    assert first.body == {
        "criteriaType": "species",
        "textCriteria": [{"paramType": "quickSearch", "searchToken": "robin"}],
        "statusCriteria": [],
        "locationCriteria": [],
        "pagingOptions": {"page": 0, "recordsPerPage": 8},
    }
    assert first.headers["User-Agent"] == f"srank/{srank.__version__} (+https://github.com/srank-project/srank)"
    assert (first.headers["Content-Type"], first.headers["Accept"]) == ("application/json", "application/json")


def test_location_and_rank_filters_are_the_api_s_criteria(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages)
    explorer = client(base)
    list(explorer.search(subnation="md", rank="g1"))  # Maryland is in the United States only
    list(explorer.search("robin", nation="CA", subnation="ON", rank="GNR"))
    list(explorer.search(nation="us"))
    assert [(asked.body["locationCriteria"], asked.body["statusCriteria"]) for asked in server.asked] == [
        (
            [{"paramType": "subnation", "nation": "US", "subnation": "MD"}],
            [{"paramType": "globalRank", "globalRank": "G1"}],
        ),
        (
            [{"paramType": "subnation", "nation": "CA", "subnation": "ON"}],
            [{"paramType": "globalRank", "globalRank": "GNR"}],
        ),
        ([{"paramType": "nation", "nation": "US"}], []),
    ]


def test_ecosystem_and_combined_searches_use_their_endpoints(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/ecosystemsSearch", recorded("ns_search_eco"))
    server.at("/api/data/search", recorded("ns_search_comb"))
    explorer = client(base, page_size=20)
    ecosystems = list(explorer.search("robin", species=False, ecosystems=True, limit=3))
    assert [taxon.record_type for taxon in ecosystems] == ["ecosystem"] * 3
    both = list(explorer.search("robin", ecosystems=True, limit=20))
    assert len(both) == 20
    assert [(asked.path, asked.body["criteriaType"]) for asked in server.asked] == [
        ("/api/data/ecosystemsSearch", "ecosystems"),
        ("/api/data/search", "combined"),
    ]


def test_an_empty_search_is_an_empty_list_after_one_request(replay: tuple[Replay, str]) -> None:
    server, base = replay
    empty = {"results": [], "resultsSummary": {"page": 0, "recordsPerPage": 100, "totalPages": 0, "totalResults": 0}}
    server.at("/api/data/speciesSearch", Answer(body=json.dumps(empty).encode()))
    assert list(client(base).search("no such thing")) == []
    assert len(server.asked) == 1


def test_a_limit_stops_the_paging(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages)
    assert [t.scientific_name for t in client(base, page_size=8).search("robin", limit=5)] == NAMES[:5]
    assert [t.scientific_name for t in client(base, page_size=8).search("robin", limit=9)] == NAMES[:9]
    assert list(client(base).search("robin", limit=0)) == []
    assert len(server.asked) == 3  # one page, then two; none for limit=0


def test_a_summary_without_page_counts_stops_at_a_short_page(replay: tuple[Replay, str]) -> None:
    server, base = replay

    def unsummarised(asked: Asked) -> Answer:
        page = json.loads(pages(asked).body)
        return Answer(body=json.dumps({"results": page["results"]}).encode())

    server.at("/api/data/speciesSearch", unsummarised)
    assert len(list(client(base, page_size=8).search("robin"))) == 20
    assert len(server.asked) == 3


def test_a_page_that_fails_is_asked_for_again_by_the_next_call(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages, Answer(503, b"{}"), pages)
    search = client(base, retries=0, page_size=8).search("robin")
    taken = [next(search) for _ in range(8)]
    with pytest.raises(srank.explorer.ExplorerHTTPError, match="answered HTTP 503"):
        next(search)
    taken += list(search)  # the failed page is asked for again: no taxon is lost
    assert [taxon.scientific_name for taxon in taken] == NAMES
    assert [asked.body["pagingOptions"]["page"] for asked in server.asked] == [0, 1, 1, 2]


def test_a_server_that_repeats_a_page_is_not_asked_forever(replay: tuple[Replay, str], tmp_path: Path) -> None:
    server, base = replay
    first = {"results": SEARCH["results"][:3]}  # full pages of 3, no summary, whatever the page asked for
    server.at("/api/data/speciesSearch", Answer(body=json.dumps(first).encode()))
    search = client(base, page_size=3, save=tmp_path).search("robin")
    assert len([next(search) for _ in range(3)]) == 3
    with pytest.raises(srank.explorer.ExplorerDataError) as caught:
        next(search)
    assert str(caught.value) == (
        f"POST {base}data/speciesSearch answered page 1 with the same taxa as page 0: the server does not page"
        " this search, so srank stops rather than ask forever\n"
        "Hint: check the base URL: NatureServe Explorer's API pages a search by pagingOptions.page"
    )
    assert list(search) == []  # a loop that catches the error and goes on ends: the page is not asked again
    assert len(server.asked) == 2
    assert [path.name.rsplit("-", 1)[1] for path in tmp_path.iterdir()] == ["page0000.json"]  # not the repeat


def test_a_page_that_keeps_failing_is_asked_for_three_times_then_the_search_ends(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages, Answer(500, b"{}"))  # past the first page, every page fails
    search = client(base, retries=0, page_size=8).search("robin")
    assert len([next(search) for _ in range(8)]) == 8
    for _ in range(3):
        with pytest.raises(srank.explorer.ExplorerHTTPError, match="answered HTTP 500"):
            next(search)
    assert list(search) == []
    assert [asked.body["pagingOptions"]["page"] for asked in server.asked] == [0, 1, 1, 1]


def test_an_answer_cut_short_is_asked_for_again(replay: tuple[Replay, str]) -> None:
    import numpy as np  # the client's whole numbers may be numpy's

    server, base = replay
    whole = json.loads(pages(Asked("POST", "/", {}, {"pagingOptions": {"page": 1, "recordsPerPage": 8}})).body)
    cut = Answer(body=json.dumps(whole).encode()[:100])
    server.at("/api/data/speciesSearch", pages, cut, pages)
    twenty: Any = np.int64(20)  # typed callers pass an int; a value from numpy is taken all the same
    search = client(base, retries=0, page_size=np.int64(8)).search("robin", limit=twenty)
    taken = [next(search) for _ in range(8)]
    with pytest.raises(srank.explorer.ExplorerDataError, match="cut short on the way"):
        next(search)
    taken += list(search)
    assert [taxon.scientific_name for taxon in taken] == NAMES
    assert [asked.body["pagingOptions"] for asked in server.asked][-1] == {"page": 2, "recordsPerPage": 8}


def test_pages_of_results_without_ids_are_not_taken_for_repeats(replay: tuple[Replay, str]) -> None:
    server, base = replay

    def nameless(asked: Asked) -> Answer:
        page = json.loads(pages(asked).body)
        for result in page["results"]:
            del result["uniqueId"]
        return Answer(body=json.dumps(page).encode())

    server.at("/api/data/speciesSearch", nameless)
    assert [taxon.scientific_name for taxon in client(base, page_size=3).search("robin")] == NAMES


def test_a_page_refused_for_good_ends_the_search(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages, Answer(400, b'{"message": "bad paging"}'), pages)
    search = client(base, page_size=8).search("robin")
    assert len([next(search) for _ in range(8)]) == 8
    with pytest.raises(srank.explorer.ExplorerHTTPError, match="answered HTTP 400"):
        next(search)
    assert list(search) == []  # 400 would answer again alike: not asked again
    assert len(server.asked) == 2


def test_a_search_says_its_criteria_and_an_export_takes_any_case_and_language_tag(
    replay: tuple[Replay, str],
) -> None:
    server, base = replay
    server.at("/api/export/taxonSearch", recorded("ns_export"))
    explorer = client(base)
    search = explorer.search(subnation="on", rank="g1", limit=3)
    assert repr(search) == "<srank.explorer.Search speciesSearch nation='CA' subnation='ON' rank='G1' limit=3>"
    shouted: Any = "XLSX"  # typed callers write "xlsx"; the case of a value from elsewhere does not matter
    search.export(format=shouted, language="fr-CA")
    assert (server.asked[0].body["exportFormat"], server.asked[0].body["exportLanguage"]) == ("summary_xlsx", "fr")


# Records


def test_a_taxon_by_uid_id_or_elcode(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.154701", recorded("ns_id"))
    server.at("/api/data/taxonSearch?id=154701", recorded("ns_altid"))
    server.at("/api/data/taxonSearch?elCode=PDRAN0F010", recorded("ns_id"))
    explorer = client(base)
    found = [explorer.taxon("ELEMENT_GLOBAL.2.154701"), explorer.taxon(154701), explorer.taxon("PDRAN0F010")]
    assert [(t.scientific_name, str(t.global_rank), t.source) for t in found] == [
        ("Hydrastis canadensis", "G3G4", "taxon")
    ] * 3
    assert [asked.method for asked in server.asked] == ["GET"] * 3


def test_many_taxa_keep_going_past_one_that_is_not_found(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.154701", recorded("ns_id"))
    found = list(client(base).taxa(["ELEMENT_GLOBAL.2.154701", "ELEMENT_GLOBAL.2.1", "not an id!", 154701]))
    assert isinstance(found[0], Taxon)
    assert isinstance(found[1], ExplorerNotFoundError)
    assert (found[1].status, found[1].url) == (404, f"{base}data/taxon/ELEMENT_GLOBAL.2.1")
    assert str(found[1]) == (
        f'GET {base}data/taxon/ELEMENT_GLOBAL.2.1 answered HTTP 404 Not Found: {{"message": "no route"}}\n'
        "Hint: no record at this address: check the id, or the base URL"
    )
    assert isinstance(found[2], ExplorerQueryError)
    assert isinstance(found[3], ExplorerNotFoundError)


def test_an_empty_or_null_answer_to_a_taxon_is_not_found(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/taxonSearch?id=1", Answer(body=b""))
    server.at("/api/data/taxonSearch?id=2", Answer(body=b"null"))
    with pytest.raises(ExplorerNotFoundError, match=r"taxonSearch\?id=1 answered 200 with an empty body"):
        client(base).taxon(1)
    with pytest.raises(ExplorerNotFoundError, match=r"taxonSearch\?id=2 answered 200 with null"):
        client(base).taxon("2")


def test_an_answer_to_a_taxon_that_holds_no_taxon_is_refused_as_the_saved_file_is(
    replay: tuple[Replay, str], tmp_path: Path
) -> None:
    server, base = replay
    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.2", Answer(body=b"{}"))
    server.at("/api/data/taxonSearch?id=3", Answer(body=b'{"results": null, "resultsSummary": null}'))
    explorer = client(base, save=tmp_path)
    with pytest.raises(ExplorerDataError) as empty:
        explorer.taxon("ELEMENT_GLOBAL.2.2")
    assert (empty.value.url, empty.value.status) == (f"{base}data/taxon/ELEMENT_GLOBAL.2.2", 200)
    assert empty.value.message == (
        f"GET {base}data/taxon/ELEMENT_GLOBAL.2.2 is not one taxon record or one search result:"
        " it is an object with no keys"
    )
    with pytest.raises(ExplorerDataError) as search:
        explorer.taxon(3)
    assert search.value.message.endswith("is not one taxon record or one search result: it is a search response")
    with pytest.raises(ExplorerDataError) as saved:  # the saved answer is refused alike, offline
        srank.explorer.read_taxon(tmp_path / "taxon-ELEMENT_GLOBAL.2.2.json")
    saved_name = tmp_path / "taxon-ELEMENT_GLOBAL.2.2.json"
    assert (
        saved.value.message
        == f"{saved_name} is not one taxon record or one search result: it is an object with no keys"
    )


# Failures: retried, or named


def test_a_500_then_a_200_is_retried_after_the_backoff(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.154701", Answer(500, b"oops"), recorded("ns_id"))
    sleeps: list[float] = []
    taxon = client(base, sleeps, backoff=0.5).taxon("ELEMENT_GLOBAL.2.154701")
    assert taxon.scientific_name == "Hydrastis canadensis"
    assert (sleeps, len(server.asked)) == ([0.5], 2)


def test_a_429_waits_as_long_as_retry_after_says_within_bounds(replay: tuple[Replay, str]) -> None:
    server, base = replay
    throttled = Answer(429, b"slow down", (("Retry-After", "7"),))
    too_long = Answer(429, b"", (("Retry-After", "3600"),))
    past_date = Answer(503, b"", (("Retry-After", formatdate(0, usegmt=True)),))
    server.at("/api/data/speciesSearch", throttled, too_long, past_date, pages)
    sleeps: list[float] = []
    assert len(list(client(base, sleeps, max_wait=30, page_size=20).search("robin"))) == 20
    assert sleeps == [7.0, 30.0, 0.0]


def test_retries_are_bounded_and_the_last_status_is_named(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", Answer(503, b"<html><body>Service   Unavailable</body></html>"))
    sleeps: list[float] = []
    with pytest.raises(ExplorerHTTPError) as caught:
        list(client(base, sleeps).search("robin"))
    assert sleeps == [1.0, 2.0, 4.0]
    assert (caught.value.status, caught.value.url, len(server.asked)) == (503, f"{base}data/speciesSearch", 4)
    assert caught.value.message == (
        f"POST {base}data/speciesSearch answered HTTP 503 Service Unavailable (asked 4 times):"
        " <html><body>Service Unavailable</body></html>"
    )
    assert caught.value.hint == "the service is unavailable for now (busy, or down for maintenance); try again later"
    assert not isinstance(caught.value, ExplorerNotFoundError)


def test_a_4xx_is_not_retried(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", Answer(400, b'{"error": "bad criteria"}'))
    sleeps: list[float] = []
    with pytest.raises(ExplorerHTTPError, match=r"answered HTTP 400 Bad Request: \{\"error\": \"bad criteria\"\}"):
        list(client(base, sleeps).search("robin"))
    assert (sleeps, len(server.asked)) == ([], 1)


def test_a_body_that_is_not_json(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", Answer(200, b"<html>Maintenance</html>", (("Content-Type", "text/html"),)))
    with pytest.raises(ExplorerDataError) as caught:
        list(client(base).search("robin"))
    assert (caught.value.status, caught.value.url) == (200, f"{base}data/speciesSearch")
    assert caught.value.message == (
        f"POST {base}data/speciesSearch answered 200 with a body that is not JSON (Expecting value: line 1 column 1"
        " (char 0)): '<html>Maintenance</html>'"
    )
    assert caught.value.hint == (
        "check the base URL: it should be the API's root, such as https://explorer.natureserve.org/api/"
    )


def test_a_body_nested_past_python_s_limit_is_an_explorer_error(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", Answer(200, b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(ExplorerDataError) as caught:  # not a RecursionError: every failure is an ExplorerError
        list(client(base).search("robin"))
    assert caught.value.message == (
        f"POST {base}data/speciesSearch answered 200 with JSON nested too deeply to read; an Explorer answer nests"
        " only a few levels"
    )


def test_a_json_body_cut_short_is_not_blamed_on_the_base_url(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", Answer(200, b'{"results": [{"uniqueId": "ELEMENT_GL'))
    with pytest.raises(ExplorerDataError) as caught:
        list(client(base).search("robin"))
    assert caught.value.hint == (
        "the answer starts as JSON but does not end as JSON: it was cut short on the way; try again"
    )


def test_json_that_is_not_a_search(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", Answer(body=b'{"message": "Internal error"}'))
    with pytest.raises(ExplorerDataError, match=r"is not a search response \(\{'results': \[\.\.\.\]\}\)"):
        list(client(base).search("robin"))


def test_a_refused_connection() -> None:
    with socket.socket() as probe:  # a port that nothing listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps: list[float] = []
    with pytest.raises(ExplorerConnectionError) as caught:
        client(f"http://127.0.0.1:{port}/api", sleeps).taxon(154701)
    assert caught.value.status is None
    assert caught.value.url == f"http://127.0.0.1:{port}/api/data/taxonSearch?id=154701"
    assert caught.value.message.startswith(f"GET http://127.0.0.1:{port}/api/data/taxonSearch?id=154701: no answer (")
    assert not isinstance(caught.value, ExplorerTimeoutError)
    assert sleeps == []


def test_a_server_that_hangs_up(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.1", Answer(status=0))
    with pytest.raises(ExplorerConnectionError, match="no answer"):
        client(base).taxon("ELEMENT_GLOBAL.2.1")


def test_a_slow_server_past_the_timeout(replay: tuple[Replay, str]) -> None:
    server, base = replay

    def slow(asked: Asked) -> Answer:
        server.release.wait(10)
        return recorded("ns_id")

    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.154701", slow)
    with pytest.raises(ExplorerTimeoutError) as caught:
        client(base, timeout=0.2).taxon("ELEMENT_GLOBAL.2.154701")
    assert str(caught.value) == (
        f"GET {base}data/taxon/ELEMENT_GLOBAL.2.154701: no answer within 0.2 seconds\n"
        "Hint: try again later, or raise the timeout"
    )
    assert isinstance(caught.value, ExplorerConnectionError)


def test_a_body_that_stops_coming_past_the_timeout(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", attrs.evolve(recorded("ns_search_spp"), stall=True))
    with pytest.raises(ExplorerTimeoutError, match=r"data/speciesSearch: no answer within 0.2 seconds"):
        list(client(base, timeout=0.2).search("robin"))


# Saving the answers, to repeat a run offline


def test_saved_answers_repeat_the_run_offline(replay: tuple[Replay, str], tmp_path: Path) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages)
    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.154701", recorded("ns_id"))
    saved = tmp_path / "responses"
    explorer = client(base, page_size=8, save=saved)
    live = list(explorer.search("robin"))
    names = sorted(path.name for path in saved.iterdir())
    assert len(names) == 3
    assert [name.split("-")[0] for name in names] == ["speciesSearch"] * 3
    assert [name.rsplit("-", 1)[1] for name in names] == ["page0000.json", "page0001.json", "page0002.json"]
    assert srank.explorer.read(saved) == live
    taxon = explorer.taxon("ELEMENT_GLOBAL.2.154701")
    assert (saved / "taxon-ELEMENT_GLOBAL.2.154701.json").read_bytes() == (DATA / "ns_id.json").read_bytes()
    assert srank.explorer.read(saved / "taxon-ELEMENT_GLOBAL.2.154701.json") == taxon


def test_a_save_directory_that_cannot_be_written(replay: tuple[Replay, str], tmp_path: Path) -> None:
    server, base = replay
    server.at("/api/data/taxon/ELEMENT_GLOBAL.2.154701", recorded("ns_id"))
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(srank.explorer.ExplorerError, match=r"cannot save the answer to .*: Not a directory"):
        client(base, save=blocker / "answers").taxon("ELEMENT_GLOBAL.2.154701")
    with pytest.raises(srank.explorer.ExplorerQueryError) as refused:  # a file named as the folder: said at once
        client(base, save=blocker)
    assert str(refused.value) == (
        f"save={str(blocker)!r} is a file, not a folder\n"
        "Hint: name a folder (it is made if need be): each answer is saved in it as a file"
    )
    assert len(server.asked) == 1  # the taxon asked for above, and nothing since


# Export jobs


def test_an_export_job_is_started_and_polled(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/export/taxonSearch", recorded("ns_export"))
    server.at("/api/job/1d8ba017-9a2e-4816-a73e-1a6ad481c0a2", recorded("ns_export_status"))
    explorer = client(base)
    search = explorer.search("tanager", ecosystems=True, limit=1)
    job = search.export()
    assert job == ExportJob("1d8ba017-9a2e-4816-a73e-1a6ad481c0a2")
    status = explorer.job(job)
    assert (status.job_id, status.finished, status.url) == (
        "1d8ba017-9a2e-4816-a73e-1a6ad481c0a2",
        True,
        "https://explorer-downloads.natureserve.org/shortTerm/explorer/taxaSearchExports/2020-05-12/"
        "1d8ba017-9a2e-4816-a73e-1a6ad481c0a2.json",
    )
    # The body natserv recorded for the same export, keys in srank's order.
    assert server.asked[0].body == {
        "criteria": {
            "criteriaType": "combined",
            "textCriteria": [{"paramType": "quickSearch", "searchToken": "tanager"}],
            "statusCriteria": [],
            "locationCriteria": [],
            "recordTypeCriteria": [],
            "recordSubtypeCriteria": [],
        },
        "exportFormat": "summary_json",
        "exportLanguage": "en",
    }
    assert len(server.asked) == 2  # the export asked for no page of the search
    explorer.search(nation="CA").export(format="xlsx", language="fr")
    assert server.asked[-1].body == {
        "criteria": {
            "criteriaType": "combined",
            "textCriteria": [],
            "statusCriteria": [],
            "locationCriteria": [{"paramType": "nation", "nation": "CA"}],
            "recordTypeCriteria": [{"paramType": "recordType", "recordType": "species"}],
            "recordSubtypeCriteria": [],
        },
        "exportFormat": "summary_xlsx",
        "exportLanguage": "fr",
    }
    explorer.search(species=False, ecosystems=True).export()
    assert server.asked[-1].body["criteria"]["recordTypeCriteria"] == [
        {"paramType": "recordType", "recordType": "ecosystem"}
    ]


# Arguments the API cannot take


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.search(rank="S2"), "the API searches by rounded global rank, one of G1, G2, G3, G4, G5, GH, GX,"),
        (lambda c: c.search(rank="G2G3"), "the API searches by rounded global rank"),
        (lambda c: c.search(species=False), "the search asks for neither species nor ecosystems"),
        (lambda c: c.search(subnation="ZZ"), "srank knows no subnation 'ZZ' in any nation"),
        (lambda c: c.search(subnation="Maryland"), "srank knows no subnation 'MARYLAND' in any nation"),
        (lambda c: c.search(nation="U.S."), "nation is a two-letter code such as 'US' or 'CA', not 'U.S.'"),
        (lambda c: c.search(subnation="M.D."), "subnation is a two-letter code such as 'MD' or 'ON', not 'M.D.'"),
        (lambda c: c.search(limit=-1), "limit must be a whole number, 0 or more, not -1"),
        (lambda c: c.search(limit="5"), "limit must be a whole number, 0 or more, not '5'"),
        (lambda c: c.search(limit=2.5), "limit must be a whole number, 0 or more, not 2.5"),
        (lambda c: c.search(limit=True), "limit must be a whole number, 0 or more, not True"),
        (lambda c: c.search(limit=2.0), "limit must be a whole number, 0 or more, not 2.0"),
        (
            lambda c: c.search().export(language="de"),
            "an export's language is one of NatureServe's, en, es or fr, not 'de'",
        ),
        (lambda c: c.taxon("ELEMENT GLOBAL 2"), "'ELEMENT GLOBAL 2' is not a taxon's uid, id or elcode"),
        (lambda c: c.taxon(True), "True is not a taxon's uid, id or elcode"),
        (lambda c: c.job(""), "an export job is named by its jobId, not ''"),
        (lambda c: c.search().export(format="csv"), "an export's format is json or xlsx, not 'csv'"),
    ],
)
def test_arguments_the_api_cannot_take_fail_before_any_request(call: Callable[[Client], object], message: str) -> None:
    with pytest.raises(ExplorerQueryError) as caught:
        call(Client("http://127.0.0.1:9/api/"))  # nothing is asked, so nothing needs to listen
    assert caught.value.message.startswith(message)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"base_url": "ftp://example.org/"}, "the base URL 'ftp://example.org/' is not an http(s) URL"),
        ({"base_url": "http://"}, "the base URL 'http://' is not an http(s) URL"),
        ({"base_url": "http://[::1"}, "the base URL 'http://[::1' is not an http(s) URL"),
        ({"base_url": "http://host:port/api/"}, "the base URL 'http://host:port/api/' is not an http(s) URL"),
        ({"base_url": "http://exa mple.org/"}, "the base URL 'http://exa mple.org/' is not an http(s) URL"),
        ({"timeout": 0}, "timeout must be a positive number of seconds, not 0"),
        ({"retries": -1}, "retries must be a whole number, 0 or more, not -1"),
        ({"page_size": 0}, "page_size must be a whole number, 1 or more, not 0"),
        ({"backoff": -1}, "backoff must be 0 or more seconds, not -1"),
    ],
)
def test_client_settings_are_checked(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ExplorerQueryError) as caught:
        Client(**options)
    assert caught.value.message.startswith(message)


def test_the_default_base_url_is_natureserve_s_api_root() -> None:
    explorer = Client()
    assert explorer.base_url == srank.explorer.DEFAULT_BASE_URL == "https://explorer.natureserve.org/api/"
    assert repr(explorer) == "<srank.explorer.Client https://explorer.natureserve.org/api/>"
    assert Client("http://localhost:8000/api").base_url == "http://localhost:8000/api/"


def test_importing_srank_explorer_leaves_urllib_s_http_machinery_and_srank_alone() -> None:
    import subprocess
    import sys

    code = (
        "import sys, srank; before = 'srank.explorer' in sys.modules; import srank.explorer;"
        " print(before, 'urllib.request' in sys.modules, 'http.client' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.split() == ["False", "False", "False"]


def test_many_taxa_stop_when_the_service_itself_fails(replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/taxonSearch?id=1", Answer(403, b"forbidden"))
    server.at("/api/data/taxonSearch?id=2", Answer(503, b"down"))
    found = client(base, retries=0).taxa([1, 2, 3])
    refused = next(found)
    assert isinstance(refused, ExplorerHTTPError)
    assert refused.status == 403
    with pytest.raises(ExplorerHTTPError) as caught:
        next(found)
    assert caught.value.status == 503
    assert [asked.path for asked in server.asked] == ["/api/data/taxonSearch?id=1", "/api/data/taxonSearch?id=2"]


def test_a_nation_is_a_code_or_a_name_and_a_subnation_must_be_in_it() -> None:
    from srank._explorer_client import _location

    assert _location("Canada", None) == [{"paramType": "nation", "nation": "CA"}]
    assert _location("united states", "md") == [{"paramType": "subnation", "nation": "US", "subnation": "MD"}]
    with pytest.raises(srank.explorer.ExplorerQueryError, match=r"^srank knows no nation 'Narnia'"):
        _location("Narnia", None)
    with pytest.raises(srank.explorer.ExplorerQueryError, match=r"^srank knows no subnation 'MD' in CA"):
        _location("CA", "MD")


def test_a_long_value_in_a_refusal_is_cut_inside_its_quotes_in_every_language() -> None:
    with pytest.raises(ExplorerQueryError) as caught:
        Client("http://127.0.0.1:9/api/").search(rank="G" * 80)
    cut = "G" * 59 + "…"
    assert caught.value.message.endswith(f"; not '{cut}'")
    assert caught.value.message_in("fr").endswith(f"\u202f; pas «\u00a0{cut}\u00a0»")
    with pytest.raises(ExplorerQueryError) as caught:
        Client("http://127.0.0.1:9/api/").search(rank=list(range(2000)))  # type: ignore[arg-type]
    assert caught.value.message.endswith("; not [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, …")


@pytest.mark.parametrize(
    ("rank", "hint"),
    [
        ("G2G3", "search by its rounded rank, G2, and read G2G3 on the taxa found"),
        ("g3?", "search by its rounded rank, G3, and read G3? on the taxa found"),
        ("S2", "filter national or subnational ranks on the taxa found: taxon.distribution.subnational('US', 'MD')"),
        ("G9", "filter national or subnational ranks on the taxa found: taxon.distribution.subnational('US', 'MD')"),
    ],
)
def test_a_rank_the_api_does_not_search_by_hints_at_the_one_it_does(rank: str, hint: str) -> None:
    with pytest.raises(ExplorerQueryError) as caught:
        Client("http://127.0.0.1:9/api/").search(rank=rank)
    assert caught.value.hint == hint


def test_a_subnation_srank_does_not_know_hints_at_its_code() -> None:
    with pytest.raises(ExplorerQueryError) as caught:
        Client("http://127.0.0.1:9/api/").search(subnation="Maryland")
    assert caught.value.hint == "give the two-letter code of a state, province or territory (MD, ON)"
    assert caught.value.render("fr") == (
        "srank ne connaît la subdivision «\u00a0MARYLAND\u00a0» dans aucun pays\nConseil\u00a0: donnez le code à deux"
        " lettres d'un État, d'une province ou d'un territoire (MD, ON)"
    )


def test_a_timeout_of_one_second_is_said_in_the_singular() -> None:
    from srank._messages import say_count

    said = say_count("explorer.no-answer-within", 1.0, asked="GET x")
    assert (str(said), said.render("fr")) == (
        "GET x: no answer within 1 second",
        "GET x\u00a0: aucune réponse en 1\u00a0seconde",
    )
    assert str(say_count("explorer.no-answer-within", 2.5, asked="GET x")) == "GET x: no answer within 2.5 seconds"


def test_a_body_a_proxy_compressed_is_unpacked_and_a_giant_one_refused(
    replay: tuple[Replay, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # srank asks for no compression and urllib undoes none; a proxy may compress all the same.
    import gzip
    import zlib

    import srank._explorer_client as explorer_client

    server, base = replay
    body = (DATA / "ns_search_spp.json").read_bytes()
    for encoding, packed in (("gzip", gzip.compress(body)), ("deflate", zlib.compress(body))):
        server.at("/api/data/speciesSearch", Answer(200, packed, (("Content-Encoding", encoding),)))
        assert len(list(client(base).search("robin", limit=20))) == 20, encoding
    server.at("/api/data/speciesSearch", Answer(200, b"\x1f\x8b not gzip", (("Content-Encoding", "gzip"),)))
    with pytest.raises(ExplorerDataError) as caught:
        list(client(base).search("robin"))
    assert caught.value.message.startswith(
        f"POST {base}data/speciesSearch answered 200 with a gzip body that does not unpack ("
    )
    # Held in memory: bounded, packed or not (the bound made small here).
    monkeypatch.setattr(explorer_client, "MAX_ANSWER_BYTES", 1 << 20)
    for headers, sent in (((), b" " * (2 << 20)), ((("Content-Encoding", "gzip"),), gzip.compress(b" " * (2 << 20)))):
        server.at("/api/data/speciesSearch", Answer(200, sent, headers))
        with pytest.raises(ExplorerDataError) as caught:
            list(client(base).search("robin"))
        assert caught.value.message == (
            f"POST {base}data/speciesSearch answered 200 with more than 1 MiB; no Explorer answer is that large"
        )
