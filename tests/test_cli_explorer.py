"""srank explorer read and search: the long form of Explorer taxa, through the table skeleton.

``read`` runs on natserv's recorded answers in tests/data/explorer/; ``search``
against the replaying server on 127.0.0.1 (tests/explorer_server.py). No test
touches the network.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from conftest import Run
from explorer_server import DATA, SEARCH, Answer, Replay, pages, recorded

HEADER = (
    "element_global_id,unique_id,elcode,scientific_name,primary_common_name,record_type,global_rank,"
    "rounded_global_rank,global_rounding,review_date,change_date,nation,subnation,place,rank,rounded,"
    "published_rounded,rounding,label,native,exotic,message"
)
GOLDENSEAL = "154701,ELEMENT_GLOBAL.2.154701,PDRAN0F010,Hydrastis canadensis,Goldenseal,species,G3G4"


def test_read_a_taxon_record_one_row_per_place(srank_cli: Run) -> None:
    status, out, err = srank_cli("explorer", "read", DATA / "ns_id.json")
    lines = out.splitlines()
    assert status == 0
    assert lines[:4] == [
        HEADER,
        f"{GOLDENSEAL},G3,agrees,2012-11-30,2012-11-30,CA,,Canada,N2,N2,N2,agrees,Imperiled,,,",
        f"{GOLDENSEAL},G3,agrees,2012-11-30,2012-11-30,CA,ON,Ontario,S2,S2,S2,agrees,Imperiled,,false,",
        f"{GOLDENSEAL},G3,agrees,2012-11-30,2012-11-30,US,,United States,N3N4,N3,N3,agrees,"
        "Vulnerable to Apparently Secure,,,",
    ]
    assert lines[-2] == (
        f"{GOLDENSEAL},G3,agrees,2012-11-30,2012-11-30,US,IL,Illinois,S4,S4,S4,agrees,Apparently Secure,,false,"
    )
    assert len(lines) == 1 + 29
    assert err == (
        f"srank explorer read: {DATA / 'ns_id.json'}: 1 taxon, 29 rows: 0 rows with findings, 29 consistent,"
        " 0 not compared\n"
    )


def test_read_a_search_as_json_lines_with_nulls(srank_cli: Run) -> None:
    status, out, err = srank_cli("explorer", "read", DATA / "ns_search_spp.json", "--format", "jsonl", "--lang", "fr")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert len(records) == 147
    assert records[1] == {
        "element_global_id": "100637",
        "unique_id": "ELEMENT_GLOBAL.2.100637",
        "elcode": "ABPBJ13020",
        "scientific_name": "Copsychus saularis",
        "primary_common_name": "Oriental Magpie-Robin",
        "record_type": "species",
        "global_rank": "G5",
        "rounded_global_rank": "G5",
        "global_rounding": "agrees",
        "review_date": None,
        "change_date": None,
        "nation": "US",
        "subnation": "HI",
        "place": "Hawaï",
        "rank": "SNA",
        "rounded": "SNA",
        "published_rounded": "SNA",
        "rounding": None,
        "label": "Non applicable",
        "native": None,
        "exotic": "true",
        "message": None,
    }
    assert err == (  # --lang fr: the summary too
        f"srank explorer read\xa0: {DATA / 'ns_search_spp.json'}\xa0: 20\xa0taxons, 147\xa0lignes\xa0: 0\xa0ligne avec"
        " constats, 147\xa0cohérentes, 0\xa0non comparée\n"
    )


def test_read_names_a_compressed_or_binary_file_for_what_it_is(srank_cli: Run, tmp_path: Path) -> None:
    import gzip
    import zipfile

    body = b'{"uniqueId": "ELEMENT_GLOBAL.2.100", "scientificName": "Lynx canadensis", "roundedGRank": "G5"}'
    packed = tmp_path / "taxon.json.gz"
    packed.write_bytes(gzip.compress(body))
    archive = tmp_path / "saved.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("taxon.json", body)
    program = tmp_path / "program.json"
    program.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(100))
    assert srank_cli("explorer", "read", packed) == (
        2,
        "",
        f"srank: {packed} is compressed (gzip), not JSON text; decompress it first (gunzip)\n",
    )
    assert srank_cli("explorer", "read", archive, "--lang", "fr") == (
        2,
        "",
        f"srank: {archive} est une archive zip, pas du JSON\u202f; extrayez-la (unzip) et lisez le fichier JSON"
        " qu'elle contient\n",
    )
    assert srank_cli("explorer", "read", program, "--lang", "es") == (
        2,
        "",
        f"srank: {program} es un programa (un ejecutable ELF), no JSON\n",
    )
    assert srank_cli("explorer", "read", "-", stdin=gzip.compress(body))[2] == (
        "srank: the data is compressed (gzip), not JSON text; decompress it first (gunzip)\n"
    )


def test_read_several_files_and_stdin(srank_cli: Run) -> None:
    status, out, err = srank_cli(
        "explorer", "read", DATA / "ns_id.json", "-", stdin=(DATA / "ns_altid.json").read_bytes()
    )
    assert status == 0
    assert len(out.splitlines()) == 1 + 29 + 29
    assert err.startswith("srank explorer read: 2 files: 2 taxa, 58 rows: 0 rows with findings, 58 consistent")


def test_read_stops_at_a_limit(srank_cli: Run) -> None:
    status, out, err = srank_cli("explorer", "read", DATA / "ns_search_spp.json", "--limit", "1")
    assert status == 0
    assert [line.split(",")[3] for line in out.splitlines()] == [
        "scientific_name",
        "Copsychus saularis",
        "Copsychus saularis",
    ]
    assert err.startswith(f"srank explorer read: {DATA / 'ns_search_spp.json'}: 1 taxon, 2 rows: ")


def test_a_rounding_that_is_not_srank_s_makes_the_exit_status_1(srank_cli: Run, tmp_path: Path) -> None:
    record = json.loads((DATA / "ns_id.json").read_text(encoding="utf-8"))
    # Changed from the recording: Arkansas' rounded S4 (of S4S5) -> S5.
    arkansas = next(
        s for s in record["elementNationals"][1]["elementSubnationals"] if s["subnation"]["subnationCode"] == "AR"
    )
    arkansas["roundedSRank"] = "S5"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(record), encoding="utf-8")
    status, out, err = srank_cli("explorer", "read", changed, "-o", tmp_path / "out.csv")
    assert (status, out) == (1, "")
    (row,) = [line for line in (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines() if ",AR," in line]
    assert row == (
        f"{GOLDENSEAL},G3,agrees,2012-11-30,2012-11-30,US,AR,Arkansas,S4S5,S4,S5,differs,"
        "Apparently Secure to Secure,,false,warning[rounded-differs]: NatureServe publishes S5 as the rounded rank"
        " of S4S5; srank rounds S4S5 to S4"
    )
    assert err.splitlines() == [
        f"srank explorer read: {changed}: 1 taxon, 29 rows: 1 row with findings, 1 whose rounding differs,"
        " 28 consistent, 0 not compared",
        "  most common problems:",
        "           1  rounded-differs: 'Hydrastis canadensis, US-AR' (1); first on row 9",
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "cannot read '{path}': No such file or directory"),
        ("job.json", (DATA / "ns_export.json").read_bytes(), "{path} is an export job, not taxa"),
        ("page.html", b"<html>Not here</html>", "{path} is not JSON (Expecting value: line 1 column 1 (char 0))"),
        (  # past Python's recursion limit: an error of srank's, not a RecursionError's traceback
            "deep.json",
            b"[" * 100_000 + b"]" * 100_000,
            "{path} is nested too deeply to read as JSON; an Explorer answer nests only a few levels",
        ),
    ],
)
def test_read_failures_are_one_line_and_leave_no_output(
    srank_cli: Run, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out_file = tmp_path / "out.csv"
    status, out, err = srank_cli("explorer", "read", DATA / "ns_id.json", path, "-o", out_file)
    assert (status, out) == (2, "")
    assert err.startswith("srank: " + message.format(path=path))
    assert err.count("\n") == 1
    assert not out_file.exists()


READ_TAKES = {
    "en": "srank explorer read takes saved Explorer answers: a search response or a taxon record (a .json file), a"
    " folder saved by srank explorer search --save, or - for stdin",
    "fr": "srank explorer read prend des réponses d'Explorer enregistrées\xa0: une réponse de recherche ou une fiche"
    " de taxon (un fichier .json), un dossier enregistré par srank explorer search --save, ou - pour l'entrée"
    " standard",
    "es": "srank explorer read toma respuestas de Explorer guardadas: una respuesta de búsqueda o un registro de taxón"
    " (un archivo .json), una carpeta guardada por srank explorer search --save, o - para la entrada estándar",
}
JOB_HINT = {
    "en": "an export job says where NatureServe puts the export, but holds no taxa; srank explorer read takes a"
    " search response, a taxon record, or a folder saved by srank explorer search --save",
    "fr": "une tâche d'exportation dit où NatureServe dépose l'exportation, mais ne contient aucun taxon\u202f;"
    " srank explorer read prend une réponse de recherche, une fiche de taxon, ou un dossier enregistré par srank"
    " explorer search --save",
    "es": "una tarea de exportación indica dónde deja NatureServe la exportación, pero no contiene taxones; srank"
    " explorer read toma una respuesta de búsqueda, un registro de taxón o una carpeta guardada por srank explorer"
    " search --save",
}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "{path} is not NatureServe Explorer data: it is an object with no keys; hint: {takes}"),
        (
            "fr",
            "{path} n'est pas des données de NatureServe Explorer\xa0: c'est un objet sans clé\u202f;"
            " conseil\xa0: {takes}",
        ),
        ("es", "{path} no es datos de NatureServe Explorer: es un objeto sin claves; sugerencia: {takes}"),
    ],
)
def test_read_hints_say_what_the_command_takes_not_what_python_does(
    srank_cli: Run, tmp_path: Path, lang: str, said: str
) -> None:
    empty, job = tmp_path / "e1.json", tmp_path / "job.json"
    empty.write_text("{}", encoding="utf-8")
    job.write_bytes((DATA / "ns_export.json").read_bytes())
    status, out, err = srank_cli("explorer", "read", empty, "--lang", lang)
    assert (status, out) == (2, "")
    assert err == "srank: " + said.format(path=empty, takes=READ_TAKES[lang]) + "\n"
    err = srank_cli("explorer", "read", tmp_path / "nope.json", "--lang", lang)[2]
    assert err.endswith(f" {READ_TAKES[lang]}\n")  # after the system's reason and the word for "hint"
    err = srank_cli("explorer", "read", job, "--lang", lang)[2]
    assert err.endswith(f" {JOB_HINT[lang]}\n")


def test_the_python_api_keeps_its_own_hints(tmp_path: Path) -> None:
    import srank.explorer

    with pytest.raises(srank.explorer.ExplorerError) as caught:
        srank.explorer.read({})
    assert caught.value.hint == (
        "srank.explorer.read tells a search response, a taxon record and a search result apart by itself"
    )
    with pytest.raises(srank.explorer.ExplorerError) as caught:
        srank.explorer.read(tmp_path / "nope.json")
    assert caught.value.hint == "give the path of a saved Explorer response, JSON text or parsed JSON"


def test_read_never_writes_over_its_input(srank_cli: Run, tmp_path: Path) -> None:
    saved = tmp_path / "taxon.txt"  # (-o taxon.json is refused anyway: srank writes JSON lines, not JSON)
    saved.write_bytes((DATA / "ns_id.json").read_bytes())
    status, _, err = srank_cli("explorer", "read", saved, "-o", saved)
    assert status == 2
    assert err == f"srank: --output {saved} is an input file; srank never modifies its input\n"
    assert saved.read_bytes() == (DATA / "ns_id.json").read_bytes()


# search, against the local server


def test_search_asks_the_api_and_writes_the_long_form(srank_cli: Run, replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages)
    status, out, err = srank_cli(
        "explorer", "search", "robin", "--subnation", "md", "--rank", "g5", "--limit", "2", "--base-url", base
    )
    assert status == 0
    assert out.splitlines() == [
        HEADER,
        "100637,ELEMENT_GLOBAL.2.100637,ABPBJ13020,Copsychus saularis,Oriental Magpie-Robin,species,G5,G5,agrees,,,"
        "US,,United States,NNA,NNA,NNA,,Not Applicable,,false,",
        "100637,ELEMENT_GLOBAL.2.100637,ABPBJ13020,Copsychus saularis,Oriental Magpie-Robin,species,G5,G5,agrees,,,"
        "US,HI,Hawaii,SNA,SNA,SNA,,Not Applicable,,true,",
        "102323,ELEMENT_GLOBAL.2.102323,ABPBJ20110,Turdus grayi,Clay-colored Thrush,species,G5,G5,agrees,,,"
        "US,,United States,N1,N1,N1,,Critically Imperiled,,false,",
        "102323,ELEMENT_GLOBAL.2.102323,ABPBJ20110,Turdus grayi,Clay-colored Thrush,species,G5,G5,agrees,,,"
        "US,TX,Texas,S2B,S2B,S2B,,Breeding: Imperiled,,false,",
    ]
    assert err == (
        "srank explorer search: 'robin' --subnation md --rank g5: 2 taxa, 4 rows: 0 rows with findings,"
        " 4 consistent, 0 not compared\n"
    )
    (asked,) = server.asked
    assert (asked.method, asked.path) == ("POST", "/api/data/speciesSearch")
    assert asked.body == {
        "criteriaType": "species",
        "textCriteria": [{"paramType": "quickSearch", "searchToken": "robin"}],
        "statusCriteria": [{"paramType": "globalRank", "globalRank": "G5"}],
        "locationCriteria": [{"paramType": "subnation", "nation": "US", "subnation": "MD"}],
        "pagingOptions": {"page": 0, "recordsPerPage": 2},  # no more than the limit
    }


def test_search_saves_its_answers_and_read_repeats_the_run_offline(
    srank_cli: Run, replay: tuple[Replay, str], tmp_path: Path
) -> None:
    server, base = replay
    server.at("/api/data/ecosystemsSearch", recorded("ns_search_eco"))
    saved = tmp_path / "saved"
    status, live, live_err = srank_cli(
        "explorer", "search", "robin", "--kind", "ecosystems", "--limit", "20", "--save", saved, "--base-url", base
    )
    assert status == 0
    assert [path.name.split("-")[0] for path in saved.iterdir()] == ["ecosystemsSearch"]
    server.at("/api/data/ecosystemsSearch", Answer(404))  # offline, nothing is asked
    status, offline, offline_err = srank_cli("explorer", "read", saved)
    assert status == 0
    assert offline == live
    assert live.splitlines()[1].startswith(
        "899352,ELEMENT_GLOBAL.2.899352,A3228,Liriodendron tulipifera - Juglans nigra - Robinia pseudoacacia"
        " Ruderal Forest Alliance,"
    )
    assert len(live.splitlines()) == 1 + 108
    counts = "20 taxa, 108 rows: 0 rows with findings, 108 consistent, 0 not compared\n"
    assert live_err == f"srank explorer search: 'robin': {counts}"
    assert offline_err == (  # the limit saved one of the search's two pages: reading it back says so
        f"srank explorer read: {saved}: {counts}  {saved} holds 1 of the 2 pages of a saved search: the run that"
        " saved it stopped early or had a --limit, so these rows are not the whole search\n"
    )
    assert len(server.asked) == 1


def test_a_search_that_failed_part_way_reads_back_as_part_of_a_search(
    srank_cli: Run, replay: tuple[Replay, str], tmp_path: Path
) -> None:
    # Page 0 answered, page 1 failed: the run stops (exit 2), and its saved page, read later, is not the search.
    server, base = replay
    first = {"results": SEARCH["results"], "resultsSummary": {"page": 0, "totalPages": 2, "totalResults": 40}}
    server.at("/api/data/speciesSearch", Answer(body=json.dumps(first).encode()), Answer(500, b"{}"))
    saved = tmp_path / "saved"
    arguments = ["--save", saved, "--base-url", base, "--retries", "0", "--summary-only"]
    assert srank_cli("explorer", "search", "robin", *arguments)[0] == 2
    status, _, err = srank_cli("explorer", "read", saved, "--summary-only")
    assert status == 0
    assert err.splitlines()[-1] == (
        f"  {saved} holds 1 of the 2 pages of a saved search: the run that saved it stopped early or had a --limit,"
        " so these rows are not the whole search"
    )
    whole = tmp_path / "whole"
    server.at("/api/data/speciesSearch", pages)
    assert srank_cli("explorer", "search", "robin", "--save", whole, "--base-url", base, "--summary-only")[0] == 0
    assert "pages of a saved search" not in srank_cli("explorer", "read", whole, "--summary-only")[2]


def test_a_limited_search_saves_pages_no_longer_than_its_limit(
    srank_cli: Run, replay: tuple[Replay, str], tmp_path: Path
) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", pages)
    saved = tmp_path / "saved"
    _, live, _ = srank_cli("explorer", "search", "robin", "--limit", "3", "--save", saved, "--base-url", base)
    _, offline, _ = srank_cli("explorer", "read", saved)
    assert offline == live
    assert [line.split(",")[3] for line in live.splitlines()][1:] == [
        "Copsychus saularis",
        "Copsychus saularis",
        "Turdus grayi",
        "Turdus grayi",
        *["Turdus migratorius"] * 67,
    ]
    assert [asked.body["pagingOptions"] for asked in server.asked] == [{"page": 0, "recordsPerPage": 3}]


def test_an_empty_search_writes_the_header_only(srank_cli: Run, replay: tuple[Replay, str]) -> None:
    server, base = replay
    empty = {"results": [], "resultsSummary": {"page": 0, "totalPages": 0, "totalResults": 0}}
    server.at("/api/data/speciesSearch", Answer(body=json.dumps(empty).encode()))
    status, out, err = srank_cli("explorer", "search", "nothing", "--base-url", base)
    assert (status, out) == (0, HEADER + "\n")
    assert err == (
        "srank explorer search: 'nothing': 0 taxa, 0 rows: 0 rows with findings, 0 consistent, 0 not compared\n"
    )


def test_a_404_is_one_line_naming_the_url_and_status(
    srank_cli: Run, replay: tuple[Replay, str], tmp_path: Path
) -> None:
    _, base = replay  # nothing is routed: every path answers 404
    status, out, err = srank_cli("explorer", "search", "robin", "--base-url", base, "-o", tmp_path / "out.csv")
    assert (status, out) == (2, "")
    assert err == (
        f'srank: POST {base}data/speciesSearch answered HTTP 404 Not Found: {{"message": "no route"}};'
        " hint: no record at this address: check the id, or the base URL\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_busy_answer_is_waited_for_aloud_and_retries_and_max_wait_bound_it(
    srank_cli: Run, replay: tuple[Replay, str]
) -> None:
    # NatureServe may ask for an hour (Retry-After: 3600): each wait is said, --max-wait caps it, --retries ends it.
    server, base = replay
    busy = Answer(429, b"{}", (("Retry-After", "3600"),))
    server.at("/api/data/speciesSearch", busy, busy, recorded("ns_search_spp"))
    arguments = ["explorer", "search", "robin", "--base-url", base, "--max-wait", "0.05", "--summary-only"]
    status, _, err = srank_cli(*arguments, "--limit", "20")  # one page: the recording is the same for every page
    assert status == 0
    waited = "srank explorer search: NatureServe was busy or failed; asking again in 0.05 s"
    assert err.splitlines()[:2] == [waited, waited]
    server.at("/api/data/speciesSearch", busy)
    status, _, err = srank_cli(*arguments, "--retries", "0")
    assert status == 2
    assert "asking again" not in err
    assert err.startswith(f"srank: POST {base}data/speciesSearch answered HTTP 429 ")
    assert srank_cli("explorer", "search", "robin", "--base-url", base, "--max-wait", "0")[2] == (
        "srank: --max-wait must be a positive number of seconds, not 0.0\n"
    )
    assert srank_cli("explorer", "search", "robin", "--retries", "x")[2].endswith(
        "srank explorer search: error: argument --retries: expected a number of times (0 or more), not 'x'\n"
    )


def test_a_body_that_is_not_json_is_one_line(srank_cli: Run, replay: tuple[Replay, str]) -> None:
    server, base = replay
    server.at("/api/data/speciesSearch", Answer(body=b"<html>maintenance</html>", headers=()))
    status, out, err = srank_cli("explorer", "search", "robin", "--base-url", base)
    assert (status, out) == (2, "")
    assert err == (
        f"srank: POST {base}data/speciesSearch answered 200 with a body that is not JSON (Expecting value: line 1"
        " column 1 (char 0)): '<html>maintenance</html>'; hint: check the base URL: it should be the API's root,"
        " such as https://explorer.natureserve.org/api/\n"
    )


@pytest.mark.usefixtures("no_proxy")
def test_a_refused_connection_is_one_line(srank_cli: Run) -> None:
    with socket.socket() as probe:  # a port that nothing listens on once it is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    status, out, err = srank_cli("explorer", "search", "robin", "--base-url", f"http://127.0.0.1:{port}/api/")
    assert (status, out) == (2, "")
    assert err.startswith(f"srank: POST http://127.0.0.1:{port}/api/data/speciesSearch: no answer (")
    assert err.endswith("; hint: check the network and the base URL\n")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--limit", "3"], "srank: say what to search for: TEXT, --nation, --subnation or --rank\n"),
        (
            ["robin", "--rank", "S1"],
            "srank: the API searches by rounded global rank, one of G1, G2, G3, G4, G5, GH, GX, GNR, GNA, GU; not"
            " 'S1'; hint: --rank takes a global rank; to narrow the search to a place, pass --nation or --subnation\n",
        ),
        (["robin", "--base-url", "ftp://x/"], "srank: the base URL 'ftp://x/' is not an http(s) URL;"),
        (["robin", "--timeout", "0"], "srank: --timeout must be a positive number of seconds, not 0.0\n"),
        (["robin", "--nation", "U.S."], "srank: --nation is a two-letter code such as 'US' or 'CA', not 'U.S.'\n"),
        (["robin", "--lang", "de"], "srank: --lang de: "),
        (
            ["--subnation", "ZZ"],
            "srank: srank knows no subnation 'ZZ' in any nation; hint: give the two-letter code of a state, province"
            " or territory (MD, ON)\n",
        ),
    ],
)
def test_what_cannot_be_asked_fails_before_any_request(srank_cli: Run, argv: list[str], message: str) -> None:
    status, out, err = srank_cli("explorer", "search", "--base-url", "http://127.0.0.1:9/api/", *argv)
    assert (status, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_explorer_needs_an_action_and_each_action_has_its_help(srank_cli: Run) -> None:
    status, _, err = srank_cli("explorer")
    assert status == 2
    assert err.endswith("srank explorer: error: the following arguments are required: ACTION\n")
    for action in ("read", "search"):
        status, out, _ = srank_cli("explorer", action, "--help")
        assert status == 0
        assert out.startswith(f"usage: srank explorer {action} ")
        examples = out.split("\nexamples:\n", 1)[1].splitlines()
        assert len([line for line in examples if line.startswith(f"  srank explorer {action} ")]) >= 2


def test_a_place_s_own_problem_is_not_hidden_by_its_taxon_s_rounding(srank_cli: Run, tmp_path: Path) -> None:
    # The global rounding that differs stands on every row; Ontario's unreadable rank is its own, and is named.
    record = json.loads((DATA / "ns_id.json").read_text(encoding="utf-8"))
    text = json.dumps(record).replace('"roundedGRank": "G3"', '"roundedGRank": "G4"')
    record = json.loads(text)
    for nation in record["elementNationals"]:
        for place in nation["elementSubnationals"]:
            if place["subnation"]["subnationCode"] == "ON":
                place["srank"] = "S9"
    saved = tmp_path / "taxon.json"
    saved.write_text(json.dumps(record), encoding="utf-8")
    status, _, err = srank_cli("explorer", "read", saved, "--summary-only")
    assert status == 1
    problems = [line.split(":")[0].split() for line in err.splitlines()[2:]]
    assert problems == [["28", "rounded-differs"], ["1", "unreadable-rank"]]


def test_the_summary_names_what_reading_lost_before_what_it_noticed(srank_cli: Run, tmp_path: Path) -> None:
    # A row with two unreadable dates and a subnation left out: the summary names the subnation, which was lost.
    record = json.loads((DATA / "ns_id.json").read_text(encoding="utf-8"))
    record["grankReviewDate"] = record["grankChangeDate"] = "soon"
    del record["elementNationals"][0]["elementSubnationals"][0]["subnation"]["subnationCode"]
    path = tmp_path / "taxon.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    status, _, err = srank_cli("explorer", "read", path, "--summary-only")
    assert status == 0
    problems = err.splitlines()[2:]
    assert problems[0].split(":")[0].split() == ["1", "distribution-syntax"]


def test_a_search_answered_by_something_else_points_at_the_base_url(srank_cli: Run, replay: tuple[Replay, str]) -> None:
    # A taxon record where a search was asked: the address is wrong, not a saved file (no 'srank explorer read' hint).
    server, base = replay
    server.at("/api/data/speciesSearch", recorded("ns_id"))
    status, _, err = srank_cli("explorer", "search", "robin", "--base-url", base)
    assert status == 2
    assert err.endswith(
        "; hint: check the base URL: it should be the API's root, such as https://explorer.natureserve.org/api/\n"
    )
    assert "srank explorer read" not in err
    # A search whose results are not a list is a search still: its own hint, not the base URL's.
    server.at("/api/data/speciesSearch", Answer(body=b'{"results": 5, "resultsSummary": {}}'))
    assert "check the base URL" not in srank_cli("explorer", "search", "robin", "--base-url", base)[2]
