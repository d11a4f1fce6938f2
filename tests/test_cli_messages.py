"""The command line in French and Spanish: every command, on hostile and ordinary files, says no English sentence.

Each command and action runs with ``--lang fr`` and ``--lang es`` on a corpus of
files made here (stray quotes, NUL bytes, rows of the wrong width, the wrong
encoding, empty files, missing and repeated columns, hidden-sheet workbooks and
workbooks damaged or too large in a dozen ways, built with
tests/hostile/workbook_builders.py) and on ordinary ones
(tests/data/cli_golden/heritage.csv, tests/data/explorer/). What srank writes on
stderr, and the cells it composes (``srank_message``, ``srank_levels``,
``srank_rounded_check``, ``message``), must hold no word of ``ENGLISH_WORDS``
once the input's own text is taken out: quoted pieces, finding codes, paths,
column names. Every ``--help`` too. The markers are checked to catch English.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from srank import ChangeKind
from srank.cli import main
from srank.cli._registry import COMMANDS
from test_messages import ENGLISH_WORDS, QUOTED

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
from workbook_builders import ods, ole2, sheet_xml, stated_size, xlsx

DATA = Path(__file__).parent / "data"
COMMANDS_NAMED = re.compile(r"\bsrank (?:explorer (?:read|search)|explain|round|check|distribution|map|diff)\b")
CODES = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")  # a finding's code (season-missing), as tools match it
# The Python API's words, which a command line user cannot type: srank.explorer.read, nation='US', taxon.distribution.
PYTHON_NAMES = re.compile(r"\bsrank\.[a-z_]+|\b[a-z_]+=['\"]|\btaxon\.[a-z_]+")
# srank diff's kinds of change, which srank_change writes in English (a program matches them) but a summary
# must not: a whole word, not part of a finding's code (wrong-level).
CHANGE_KINDS = re.compile(r"(?<![\w-])(?:" + "|".join(kind.value for kind in ChangeKind) + r")(?![\w-])")
LANGS = ("fr", "es")
COMPOSED = ("srank_message", "srank_levels", "srank_rounded_check", "message")
# The input's own words that a message names: its column names and cells (the heritage file's English).
INPUT_WORDS = re.compile(
    r"\b(?:S Rank|G Rank|N Rank|Rounded S|Scientific Name|Distribution|rank|code|id|name|key)\b"
    r"|\b(?:United States|Canada)\b"
)


def _files(folder: Path) -> dict[str, Path]:
    """The corpus: name -> a file srank is given."""
    heritage = folder / "heritage.csv"
    shutil.copy(DATA / "cli_golden" / "heritage.csv", heritage)
    made = {
        "heritage": heritage,
        "stray-quote": b'rank,d\n"S2,CA(N2)\nS3,US(N3)\n',
        "nul": b"rank,d\nS\x002,CA(N2)\nS3,US(N3)\n",
        "widths": b"rank,d\nS2\nS3,US(N3),extra\n\n",
        "cp1252": "rank,d\nS2,Québec (N2)\n".encode("cp1252"),
        "utf16-no-bom": "rank,d\nS2,CA(N2)\n".encode("utf-16-le"),
        "empty": b"",
        "blank-header": b"\nrank,d\nS2,CA(N2)\n",
        "repeated-column": b"rank,rank,d\nS2,S3,CA(N2)\n",
        "bad-codes": b"rank,d\nG3G2,US(N5) ZZ(N1)\nS2B,S2B,\ns3/s4,MD (S9\nG6,Canada\n=1+2,@SUM\n",
        # The heritage file a year on (its ranks renamed rank, its distributions d): a change of every common kind.
        "heritage-next": (
            b'id,rank,d\n1,S1,"Canada (N2): ON (S1)\nUnited States (N3N4): MD (S2), VA (S2), NY (S3)"\n'
            b'2,"S2B,S5N","CA(N4?B,NUM), US(N5B)"\n3,S2,"United States (N3): MD (S1S3), VA (S2), DE (S1)"\n'
            b"5,S3,\n6,S3S4,United States (N4): MD (S3)\n7,SX,United States (N1): MD (SX)\n8,S5?,\n"
            b'10,S2,United States (N2): MD (S2?)\n11,"S1,SX","United States (NNR): MD (SX,S1)"\n'
            b"13,SU,United States (N5): MD (S5)\n14,S2,United States (N2)\n18,S4,United States (N4): VT (S4)\n"
        ),
        "zip": None,
    }
    files: dict[str, Path] = {"heritage": heritage}
    for name, content in made.items():
        if isinstance(content, bytes):
            files[name] = folder / f"{name}.csv"
            files[name].write_bytes(content)
    files["zip"] = _zipped(folder / "archive.zip", {"data.csv": "rank\nS2\n"})
    files["hidden-sheet"] = xlsx(
        folder / "hidden.xlsx",
        [
            ("Secret", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>rank</t></is></c></row>')),
            ("Ranks", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>rank</t></is></c></row>')),
        ],
        hidden=("Secret",),
    )
    files["damaged"] = folder / "damaged.xlsx"
    files["damaged"].write_bytes(files["hidden-sheet"].read_bytes()[:300])
    files.update(_hostile_workbooks(folder))
    return files


_HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>rank</t></is></c></row>'


def _hostile_workbooks(folder: Path) -> dict[str, Path]:
    """Workbooks whose refusal names what is wrong inside them: the details of a damaged or too-large workbook."""
    rank_sheet = sheet_xml(_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>S2</t></is></c></row>')
    claims = stated_size(xlsx(folder / "claims.xlsx", [("Ranks", rank_sheet)]), "xl/worksheets/sheet1.xml", 1 << 30)
    lies = stated_size(xlsx(folder / "lies.xlsx", [("Ranks", rank_sheet)]), "xl/worksheets/sheet1.xml", 10)
    return {
        # A row counted past the last one: the sheet is parsed as XML, as calamine reads it.
        "row-past": xlsx(
            folder / "row-past.xlsx",
            [("Ranks", sheet_xml('<row r="1048576"/><row><c t="inlineStr"><is><t>rank</t></is></c></row>'))],
        ),
        "column-past": xlsx(
            folder / "column-past.xlsx",
            [("Ranks", sheet_xml(_HEADER + '<row r="2"><c r="XFE2" t="inlineStr"><is><t>S1</t></is></c></row>'))],
        ),
        "whole-grid": xlsx(
            folder / "whole-grid.xlsx",
            [("Ranks", sheet_xml(_HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))],
        ),
        "not-xml": xlsx(folder / "malformed.xlsx", [("Ranks", sheet_xml("<row><c><v>1</v></c></row><row"))]),
        "claims-size": claims,  # the zip says the sheet unpacks to 1 GiB
        "lies-size": lies,  # the zip says 10 bytes: the CRC of what unpacks fails
        "ods-repeat": ods(
            folder / "repeat.ods",
            '<table:table table:name="T"><table:table-row table:number-rows-repeated="many">'
            '<table:table-cell office:value-type="string"><text:p>rank</text:p></table:table-cell>'
            "</table:table-row></table:table>",
        ),
        "calamine-error": _zipped(
            folder / "no-sheets.xlsx", {"[Content_Types].xml": "<Types/>", "xl/workbook.bin": ""}
        ),
        "ole2-short": _written(folder / "short.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40)),
        "ole2-sector-past": ole2(folder / "sector.xls", directory_sector=100),
    }


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zipped(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _runs(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """(what, argv) for every command and action on the corpus."""
    files = _files(folder)
    explorer = DATA / "explorer"
    for name, path in files.items():
        column = ["-c", "S Rank", "--global-column", "G Rank", "--rounded", "S Rank=Rounded S"]
        if name != "heritage":
            column = ["-c", "rank"]
        yield f"check {name}", ["check", str(path), *column]
        yield f"check {name} lenient jsonl", ["check", str(path), *column, "--lenient", "--format", "jsonl"]
        dist = ["-c", "Distribution", "--global-column", "G Rank"] if name == "heritage" else ["-c", "d"]
        yield f"distribution {name}", ["distribution", str(path), *dist]
        yield f"map {name}", ["map", str(path), *dist[:2], "--key", "id", "-o", str(folder / f"maps-{name}")]
        yield f"diff {name}", ["diff", str(files["heritage"]), str(path), "--key", "id", "-c", "S Rank"]
    yield "check several", ["check", str(files["heritage"]), str(files["bad-codes"]), "-c", "rank", "--summary-only"]
    yield "check missing column", ["check", str(files["heritage"]), "-c", "S Rank:X"]
    yield "check no column", ["check", str(files["heritage"])]
    yield "check missing file", ["check", str(folder / "none.csv"), "-c", "rank"]
    yield "check bad delimiter", ["check", str(files["heritage"]), "-c", "S Rank", "-d", "ab"]
    yield "check bad encoding", ["check", str(files["heritage"]), "-c", "S Rank", "--encoding", "klingon"]
    yield (
        "check twice",
        ["check", str(files["heritage"]), "-c", "S Rank", "--subnational-column", "S Rank", "-c", "S Rank:N"],
    )
    yield "check output is input", ["check", str(files["heritage"]), "-c", "S Rank", "-o", str(files["heritage"])]
    yield "check empty column name", ["check", str(files["heritage"]), "-c", ""]
    yield "check plants", ["check", str(files["heritage"]), "-c", "S Rank", "--style", "plants"]
    yield (
        "diff renamed dates",
        [
            *("diff", str(files["heritage"]), str(files["heritage"]), "--key", "Scientific Name"),
            *("-c", "S Rank=Rounded S", "--old-date", "N Rank", "--new-date", "G Rank", "--changes-only"),
        ],
    )
    yield (
        "diff places",
        [
            "diff",
            str(files["heritage"]),
            str(files["bad-codes"]),
            "-k",
            "id",
            "--distribution-column",
            "Distribution=d",
        ],
    )
    heritage, next_year = str(files["heritage"]), str(files["heritage-next"])
    yield "diff changes", ["diff", heritage, next_year, "-k", "id", "-c", "S Rank=rank", "--changes-only"]
    yield "diff changes back", ["diff", next_year, heritage, "-k", "id", "-c", "rank=S Rank", "--format", "jsonl"]
    yield "diff place changes", ["diff", heritage, next_year, "-k", "id", "--distribution-column", "Distribution=d"]
    yield "diff no key", ["diff", str(files["heritage"]), str(files["heritage"]), "-c", "S Rank"]
    yield "diff both stdin", ["diff", "-", "-", "-k", "id", "-c", "S Rank"]
    yield "explain", ["explain", "G5T1T3Q", "S2B,S4N", "G3G2", "SA", "S5T1T3Q", "-", "--lenient"]
    yield "explain json", ["explain", "--json", "G2T4", "G6", "--file", str(files["cp1252"])]
    yield "explain none", ["explain"]
    yield "explain missing file", ["explain", "--file", str(folder / "none.txt")]
    yield "round", ["round", "G3G4", "S1S3B", "G6", "--json"]
    yield "map text", ["map", "United States (N5): MD (S3), ZZ (S4), VA (S9"]
    yield "map bad", ["map", "Nowhere (N5"]
    yield "map folder", ["map", str(folder)]
    yield "map key without column", ["map", "US(N5)", "--key", "id"]
    yield "explorer read", ["explorer", "read", str(explorer / "ns_search_spp.json"), str(explorer / "ns_id.json")]
    yield "explorer read job", ["explorer", "read", str(explorer / "ns_export.json")]
    empty = folder / "e1.json"
    empty.write_text("{}", encoding="utf-8")
    yield "explorer read empty object", ["explorer", "read", str(empty)]
    yield "explorer read missing file", ["explorer", "read", str(folder / "nope.json")]
    yield "explorer read bad limit", ["explorer", "read", str(explorer / "ns_id.json"), "--limit", "many"]
    yield "explorer search nothing", ["explorer", "search"]
    offline = ["--base-url", "http://127.0.0.1:9/api/"]  # each search is refused before any request
    yield "explorer search s rank", ["explorer", "search", "robin", "--rank", "S1", *offline]
    yield "explorer search subnation of no nation", ["explorer", "search", "--subnation", "ZZ", *offline]
    yield "explorer search nation not a code", ["explorer", "search", "--nation", "U.S.", *offline]
    yield "explorer search timeout", ["explorer", "search", "robin", "--timeout", "0", *offline]
    yield "explorer search base url", ["explorer", "search", "robin", "--base-url", "ftp://x/"]
    yield "explain lenient too long", ["explain", "--lenient", ",".join(["SR"] * 60)]
    yield "unknown command", ["frobnicate"]
    yield "unknown option", ["check", str(files["heritage"]), "-c", "S Rank", "--nope"]
    yield "missing argument", ["diff", str(files["heritage"])]
    yield "bad choice", ["check", str(files["heritage"]), "-c", "S Rank", "--format", "xml"]


def _composed(out: str) -> Iterator[str]:
    """The cells srank composes, from CSV or JSON lines output."""
    import json

    text = out.strip()
    if not text:
        return
    if text.startswith("{"):
        for line in text.splitlines():
            record = json.loads(line)
            yield from (str(value) for key, value in record.items() if key.split(".")[-1] in COMPOSED and value)
        return
    if not text.startswith(("id,", "rank", "element_global_id", "Scientific Name")):
        return  # explain's or round's lines: words of the labels, checked by the label tests
    for row in csv.DictReader(io.StringIO(text)):
        yield from (value for key, value in row.items() if key and key.split(".")[-1] in COMPOSED and value)


def _english(text: str, folder: Path) -> str | None:
    """The first English marker left in ``text`` once the input's own words are taken out, or None."""
    shown = text.replace(str(folder), "").replace(str(DATA), "")
    python = PYTHON_NAMES.search(shown)
    if python is not None:
        return python.group()
    shown = INPUT_WORDS.sub("", QUOTED.sub("", COMMANDS_NAMED.sub("", shown)))
    found = CHANGE_KINDS.search(shown) or ENGLISH_WORDS.search(CODES.sub("", shown))
    return None if found is None else found.group()


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_speaks_the_language_on_hostile_and_ordinary_files(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("python_calamine")
    failures = []
    runs = 0
    for what, argv in _runs(tmp_path):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"G5\nS2B,S2B\n"), encoding="utf-8"))
        status = main([*argv, "--lang", lang])
        out, err = capsys.readouterr()
        runs += 1
        assert "Traceback" not in err, (what, err)
        assert status in (0, 1, 2), what
        for line in err.splitlines():
            word = _english(line, tmp_path)
            if word:
                failures.append((what, word, line))
        for cell in _composed(out):
            word = _english(cell, tmp_path)
            if word:
                failures.append((what, word, cell))
    assert runs > 60
    assert failures == []


def test_the_markers_catch_the_english_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _files(tmp_path)
    main(["check", str(files["widths"]), "-c", "rank"])
    out, err = capsys.readouterr()
    assert any(_english(line, tmp_path) for line in err.splitlines())
    assert any(_english(cell, tmp_path) for cell in _composed(out))
    main(["diff", str(files["heritage"]), str(files["heritage-next"]), "-k", "id", "-c", "S Rank=rank"])
    summary = capsys.readouterr().err.splitlines()[0]
    assert summary.endswith(
        "; 2 level, 2 uplisted, 1 downlisted, 2 added, 2 removed,"
        " 1 more-certain, 1 qualifier, 1 notation, 1 same, 3 invalid, 4 not compared"
    )
    assert _english(summary.split(";")[1], tmp_path) == "level"  # the kinds alone, without "not compared"


@pytest.mark.parametrize(
    ("lang", "book", "said"),
    [
        (
            "fr",
            "row-past",
            "{path} est un classeur endommagé (xl/worksheets/sheet1.xml contient une cellule à la rangée"
            " 1\xa0048\xa0577, au-delà de la dernière rangée d'Excel, 1\xa0048\xa0576)\u202f; ouvrez-le dans Excel ou"
            " LibreOffice, enregistrez-le de nouveau et vérifiez ce fichier",
        ),
        (
            "es",
            "row-past",
            "{path} es un libro de cálculo dañado (xl/worksheets/sheet1.xml tiene una celda en la fila 1\xa0048\xa0577,"
            " más allá de la última fila de Excel, 1\xa0048\xa0576); ábralo en Excel o LibreOffice, guárdelo de nuevo"
            " y verifique ese archivo",
        ),
        (
            "fr",
            "lies-size",
            "{path} est un classeur endommagé (la partie xl/worksheets/sheet1.xml ne peut pas être décompressée\xa0:"
            " «\xa0Bad CRC-32 for file 'xl/worksheets/sheet1.xml'\xa0»)\u202f; ouvrez-le dans Excel ou LibreOffice,"
            " enregistrez-le de nouveau et vérifiez ce fichier",
        ),
        (
            "es",
            "lies-size",
            "{path} es un libro de cálculo dañado (la parte xl/worksheets/sheet1.xml no se puede descomprimir:"
            " «Bad CRC-32 for file 'xl/worksheets/sheet1.xml'»); ábralo en Excel o LibreOffice, guárdelo de nuevo y"
            " verifique ese archivo",
        ),
    ],
)
def test_what_is_wrong_inside_a_workbook_is_said_in_the_language(
    lang: str, book: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("python_calamine")
    path = _files(tmp_path)[book]
    assert main(["check", str(path), "-c", "rank", "--lang", lang]) == 2
    assert capsys.readouterr() == ("", f"srank: {said.format(path=path)}\n")


def _helps() -> Iterator[list[str]]:
    yield []
    for entry in COMMANDS:
        yield [entry.name]
        for action in entry.command().actions:
            yield [entry.name, action.name]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("argv", list(_helps()), ids=lambda argv: " ".join(argv) or "srank")
def test_every_help_speaks_the_language(lang: str, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--help", "--lang", lang]) == 0
    out = capsys.readouterr().out
    # Option names, metavars and examples' command lines are what a reader types.
    prose = re.sub(r"(?m)^\s*(?:-[\w-]+.*?(?=  |$)|srank .*$|\S+ .*\.\.\.$)", "", out)
    prose = re.sub(r"--?[\w-]+|\b[A-Z][A-Z_]+\b|\{[^}]*\}|\[[^]]*\]", "", prose)
    prose = " ".join(re.sub(r"(?m)^\s+(?:read|search)\b", "", prose).split())  # the actions' names
    prose = COMMANDS_NAMED.sub("", prose)
    found = ENGLISH_WORDS.search(QUOTED.sub("", prose))
    assert found is None, (found.group() if found else None, out)


def test_help_in_english_is_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--help"]) == 0
    assert ENGLISH_WORDS.search(capsys.readouterr().out)


# -- how the run's language is chosen ---------------------------------------------------------

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    "argv",
    [["--lang", "fr", "check", "--help"], ["check", "--help", "--lang", "fr"], ["check", "--help", "--lang=fr-CA"]],
)
def test_lang_anywhere_makes_the_help_french(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"utilisation{NBSP}: srank check [-h]")
    assert f"\noptions{NBSP}:\n  -h, --help            afficher ce message d'aide et quitter\n" in out


def test_the_locale_chooses_the_language_and_lang_wins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert main(["--help"]) == 0
    assert capsys.readouterr().out.startswith("uso: srank [-h] [--version] [--lang LANG] COMMAND ...\n")
    assert main(["--lang", "en", "--help"]) == 0
    assert capsys.readouterr().out.startswith("usage: srank [-h]")
    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    assert main(["round", "G3G4", "G6"]) == 1
    out, err = capsys.readouterr()
    assert out == "G3\n\n"
    assert err.startswith(f"srank: Après «{NBSP}G{NBSP}», attendu{NBSP}: une valeur de rang")


def test_an_unknown_lang_is_refused_in_the_locale_s_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["round", "G5", "--lang", "xx"]) == 2
    assert capsys.readouterr().err == "srank: --lang xx: unknown language 'xx'; choose one of: 'en', 'es', 'fr'\n"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["round", "G5", "--lang", "xx"]) == 2
    assert capsys.readouterr().err == (
        f"srank: --lang xx{NBSP}: langue inconnue «{NBSP}xx{NBSP}»\N{NARROW NO-BREAK SPACE}; choisissez parmi{NBSP}:"
        f" «{NBSP}en{NBSP}», «{NBSP}es{NBSP}», «{NBSP}fr{NBSP}»\n"
    )


def test_plants_without_lang_speaks_english_and_with_a_french_lang_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert main(["explain", "--style", "plants", "G5"]) == 0
    assert capsys.readouterr().out.startswith("G5: Globally secure: At very low or no risk")  # USDA's English
    assert main(["explain", "--style", "plants", "--lang", "fr", "G5"]) == 2
    assert capsys.readouterr().err == (
        f"srank: --style plants --lang fr{NBSP}: le style plants reproduit les lignes de statut de l'USDA PLANTS,"
        f" qui sont en anglais par définition\N{NARROW NO-BREAK SPACE}; utilisez --lang en, ou --style short ou long\n"
    )


@pytest.mark.parametrize(("lang", "loaded"), [("en", "0 False"), ("fr", "1 True")])
def test_help_loads_only_its_own_catalogue(lang: str, loaded: str) -> None:
    """--help in English reads no catalogue (nor tomllib); in French, the French one alone."""
    import subprocess

    code = (
        "import sys\nfrom srank.cli import main\n"
        f"main(['--lang', {lang!r}, 'check', '--help'])\n"
        "from srank import _messages\n"
        "print(_messages.catalogue.cache_info().currsize, 'tomllib' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == loaded
