"""srank map: one SVG from a distribution, or one per row of a table into a folder, every row accounted for."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import Run, write_workbook
from srank.cli._map_command import safe_name

SVG = "{http://www.w3.org/2000/svg}"
GOLDENSEAL = "United States (N3N4): MD (S2), VA (S3B,S4N), ZZ (S1)"


def titles(path: Path) -> dict[str, str]:
    """Each tile's place and its hover title, from the file parsed as XML."""
    root = ET.parse(path).getroot()
    return {
        g.attrib["data-place"]: g.findtext(f"{SVG}title", "") for g in root.iter(f"{SVG}g") if g.get("class") == "tile"
    }


def map_title(path: Path) -> str:
    return ET.parse(path).getroot().findtext(f"{SVG}title", "")


def test_a_distribution_to_a_file(srank_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    status, stdout, err = srank_cli("map", GOLDENSEAL, "-o", out, "--title", "Goldenseal <Hydrastis>")
    assert (status, stdout) == (0, "")
    assert err == (
        f"srank map: the text: 4 places drawn to {out} (1 of them not on the map: listed below it);"
        " warning[unknown-place]: ZZ, United States: srank does not know the subnation code 'ZZ' under US; it is kept"
        " as written\n"
    )
    tiles = titles(out)
    assert tiles["US-MD"] == "Maryland (MD): S2 – Imperiled"
    assert tiles["US-VA"] == "Virginia (VA): S3B,S4N – Breeding: Vulnerable; Nonbreeding: Apparently Secure"
    assert tiles["US-DE"] == "Delaware (DE): Not present"
    assert map_title(out) == "Goldenseal <Hydrastis>"
    root = ET.parse(out).getroot()
    listed = [g.findtext(f"{SVG}title") for g in root.iter(f"{SVG}g") if g.get("class") == "listed"]
    assert listed == ["S1 – Critically Imperiled"]  # ZZ has no tile: listed under the grid


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "srank map: the text: 3 places drawn to {out} (1 of them not on the map: listed below it);"
            " warning[unknown-place]: ZZ, United States: srank does not know the subnation code 'ZZ' under US; it is"
            " kept as written",
        ),
        (
            "fr",
            "srank map\xa0: le texte\xa0: 3\xa0lieux dessinés dans {out} (dont 1\xa0hors de la carte\xa0: listé sous"
            " celle-ci)\u202f; avertissement[unknown-place]\xa0: ZZ, États-Unis\xa0: srank ne connaît pas le code"
            " infranational «\xa0ZZ\xa0» du pays US\u202f; il est gardé tel qu'il est écrit",
        ),
        (
            "es",
            "srank map: el texto: 3 lugares dibujados en {out} (1 de ellos fuera del mapa: listado debajo);"
            " advertencia[unknown-place]: ZZ, Estados Unidos: srank no conoce el código subnacional «ZZ» del país US;"
            " se conserva tal como está escrito",
        ),
    ],
)
def test_a_place_srank_does_not_know_is_said_to_be_off_the_map(
    srank_cli: Run, tmp_path: Path, lang: str, said: str
) -> None:
    out = tmp_path / "z.svg"
    status, _, err = srank_cli("map", "United States (N3): VT (S1), ZZ (S2)", "-o", out, "--lang", lang)
    assert (status, err) == (0, said.format(out=out) + "\n")
    root = ET.parse(out).getroot()
    assert [g.findtext(f"{SVG}text") for g in root.iter(f"{SVG}g") if g.get("class") == "listed"] == [
        {
            "en": "ZZ (US-ZZ): S2 – Imperiled",
            "fr": "ZZ (US-ZZ)\u00a0: S2 – En péril",
            "es": "ZZ (US-ZZ): S2 – Amenazada",
        }[lang]
    ]


def test_a_season_and_a_language(srank_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    status, _, _ = srank_cli("map", GOLDENSEAL, "-o", out, "--season", "N", "--lang", "fr")
    assert status == 0
    # The nonbreeding part of Virginia's S3B,S4N, in French.
    assert titles(out)["US-VA"] == (
        "Virginie (VA)\u00a0: S4N – Population non reproductrice\u00a0: apparemment en sécurité (S3B,S4N)"
    )


def test_a_file_holding_a_distribution_and_stdout(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "goldenseal.txt"
    source.write_bytes(b"\xef\xbb\xbf" + GOLDENSEAL.encode() + b"\r\n")  # a BOM and a line ending, as editors save
    status, stdout, err = srank_cli("map", source)
    assert status == 0
    assert err.startswith(f"srank map: {source}: 4 places drawn to stdout (1 of them not on the map: listed below it);")
    written = tmp_path / "from-stdout.svg"
    written.write_text(stdout, encoding="utf-8")
    assert titles(written)["US-MD"] == "Maryland (MD): S2 – Imperiled"
    status, again, _ = srank_cli("map", GOLDENSEAL)
    assert again == stdout


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["United States (N3): MD (S2"],
            "srank map: the text: no map: error[distribution-syntax]: Expected ')', found the end of the text;",
        ),
        (["goldenseal.txt"], "srank map: the text: no map: error[distribution-syntax]: "),
        (["NA"], "srank map: the text: no map: the distribution is empty\n"),
    ],
)
def test_a_distribution_that_cannot_be_drawn_writes_nothing(
    srank_cli: Run, tmp_path: Path, argv: list[str], message: str
) -> None:
    out = tmp_path / "map.svg"
    status, stdout, err = srank_cli("map", *argv, "-o", out)
    assert (status, stdout) == (1, "")
    assert err.startswith(message)
    assert not out.exists()
    if argv == ["goldenseal.txt"]:
        assert err.endswith(" (and there is no file 'goldenseal.txt')\n")


def test_a_table_given_without_column_says_how(srank_cli: Run, tmp_path: Path) -> None:
    table = tmp_path / "taxa.csv"
    table.write_text(f'name,distribution\nGoldenseal,"{GOLDENSEAL}"\n', encoding="utf-8")
    status, _, err = srank_cli("map", table, "-o", tmp_path / "map.svg")
    assert status == 1
    assert err.endswith("(for a table, give --column and --key)\n")


TABLE = (
    "Scientific Name,Distribution\n"
    f'Hydrastis canadensis,"{GOLDENSEAL}"\n'
    'Cynomys ludovicianus,"Canada (N2): SK (S2)"\n'
    'Turdus migratorius,"CA(N5B), US(N5B)"\n'
)


def test_a_table_gives_one_map_per_row_named_by_its_key(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "taxa.csv"
    source.write_text(TABLE, encoding="utf-8")
    maps = tmp_path / "maps"
    status, stdout, err = srank_cli("map", source, "--column", "Distribution", "--key", "Scientific Name", "-o", maps)
    assert (status, stdout) == (0, "")
    assert sorted(os.listdir(maps)) == [
        "Cynomys_ludovicianus.svg",
        "Hydrastis_canadensis.svg",
        "Turdus_migratorius.svg",
    ]
    assert err.splitlines() == [
        f"srank map: {source}: 3 rows, 3 maps written to {maps}",
        "  drawn, with warnings:",
        "    line 2 ('Hydrastis canadensis'): warning[unknown-place]: ZZ, United States: srank does not know"
        " the subnation code 'ZZ' under US; it is kept as written",
    ]
    assert map_title(maps / "Cynomys_ludovicianus.svg") == "Cynomys ludovicianus"
    assert titles(maps / "Cynomys_ludovicianus.svg")["CA-SK"] == "Saskatchewan (SK): S2 – Imperiled"
    assert titles(maps / "Hydrastis_canadensis.svg")["US-MD"] == "Maryland (MD): S2 – Imperiled"
    status, _, _ = srank_cli(
        "map", source, "-c", "Distribution", "-k", "Scientific Name", "-o", maps, "--title", "Map of {key}"
    )
    assert map_title(maps / "Turdus_migratorius.svg") == "Map of Turdus migratorius"
    assert len(os.listdir(maps)) == 3  # the second run replaced the first run's files, and left no temporary file


def test_rows_that_cannot_be_drawn_are_named_and_the_rest_drawn(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "taxa.csv"
    source.write_text(
        TABLE
        + 'Broken,"Canada (N3): AB (S3, BC (S1)"\n'
        + "Nothing,\n"
        + ',"US(N5)"\n'
        + "Too,many,fields\n"
        + '???,"US(N4)"\n',
        encoding="utf-8",
    )
    maps = tmp_path / "maps"
    status, _, err = srank_cli("map", source, "-c", "Distribution", "-k", "Scientific Name", "-o", maps)
    assert status == 1
    assert len(os.listdir(maps)) == 3
    assert err.splitlines() == [
        f"srank map: {source}: 8 rows, 3 maps written to {maps}, 5 not drawn",
        "  not drawn:",
        "    line 5 ('Broken'): error[distribution-syntax]: Expected ')', found '('; hint: a distribution reads"
        " 'United States (N5): MD (S3), VA (S4)' or 'CA(N4), US(N5B,NNRN)'; --lenient would draw the places it can"
        " read, and list the others below the map",
        "    line 6 ('Nothing'): the distribution is empty",
        "    line 7: the key is empty",
        "    line 8: has 3 fields, the header has 2",
        "    line 9 ('???'): the key gives no file name (it has no letter or digit)",
        "  drawn, with warnings:",
        "    line 2 ('Hydrastis canadensis'): warning[unknown-place]: ZZ, United States: srank does not know"
        " the subnation code 'ZZ' under US; it is kept as written",
    ]
    status, _, err = srank_cli("map", source, "-c", "Distribution", "-k", "Scientific Name", "-o", maps, "--lenient")
    assert "Broken.svg" in os.listdir(maps)
    assert err.splitlines()[-3:] == [
        "  drawn, with warnings:",
        "    line 2 ('Hydrastis canadensis'): warning[unknown-place]: ZZ, United States: srank does not know"
        " the subnation code 'ZZ' under US; it is kept as written",
        "    line 5 ('Broken'): warning[distribution-syntax]: Expected ')', found '('; 'Canada (N3): AB (S3, BC (S1)'"
        " does not read as a whole: only its readable places were kept",
    ]


def test_an_unsafe_key_stays_in_the_folder_and_names_never_collide(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "taxa.csv"
    source.write_text(
        'name,dist\n../x,"US(N5)"\nx,"US(N4)"\nX,"US(N3)"\n/etc/passwd,"US(N2)"\nCON,"US(N1)"\n', encoding="utf-8"
    )
    maps = tmp_path / "out" / "maps"
    status, _, err = srank_cli("map", source, "-c", "dist", "-k", "name", "-o", maps)
    assert status == 0
    assert sorted(os.listdir(maps)) == ["X-3.svg", "_CON.svg", "etc_passwd.svg", "x-2.svg", "x.svg"]
    assert sorted(os.listdir(tmp_path)) == ["out", "taxa.csv"]  # nothing written beside the folder
    assert map_title(maps / "x.svg") == "../x"
    assert err.splitlines() == [
        f"srank map: {source}: 5 rows, 5 maps written to {maps}",
        "  numbered:",
        "    line 3 ('x'): written as x-2.svg, as another row's key gave x.svg",
        "    line 4 ('X'): written as X-3.svg, as another row's key gave x.svg",  # the file as it was written
    ]


def test_maps_whose_sync_fails_are_not_put_in_place_and_the_run_says_so(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import srank.cli._output as output

    def sync(descriptor: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(output, "_file_system_sync", lambda: sync)
    source = tmp_path / "taxa.csv"
    source.write_text('name,dist\nx,"US(N5)"\ny,"US(N4)"\n', encoding="utf-8")
    maps = tmp_path / "maps"
    status, _, err = srank_cli("map", source, "-c", "dist", "-k", "name", "-o", maps)
    assert (status, err) == (
        2,
        f"srank: cannot write {maps / 'x.svg'}: Input/output error\n"
        f"srank: cannot write {maps / 'y.svg'}: Input/output error\n",
    )
    assert os.listdir(maps) == []  # neither map, and no temporary file


def test_a_symlink_in_the_folder_is_left_alone(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "taxa.csv"
    source.write_text('name,dist\nx,"US(N5)"\n', encoding="utf-8")
    maps = tmp_path / "maps"
    maps.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    (maps / "x.svg").symlink_to(outside)
    status, _, err = srank_cli("map", source, "-c", "dist", "-k", "name", "-o", maps)
    assert status == 1
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert (
        err.splitlines()[-1] == f"    line 2 ('x'): {maps / 'x.svg'} exists and is not a regular file; it is left alone"
    )


def test_a_workbook_with_a_title_row(srank_cli: Run, tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "taxa.xlsx",
        [["Rare species, 2026"], ["Scientific Name", "Distribution"], ["Hydrastis canadensis", GOLDENSEAL]],
    )
    maps = tmp_path / "maps"
    status, _, err = srank_cli("map", book, "-c", "Distribution", "-k", "Scientific Name", "-o", maps)
    assert status == 0
    assert os.listdir(maps) == ["Hydrastis_canadensis.svg"]
    assert err.splitlines()[0] == f"srank map: {book}: 1 row, 1 map written to {maps}"
    assert err.splitlines()[2].startswith("    row 3 ('Hydrastis canadensis'): warning[unknown-place]:")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-c", "dist", "-o", "maps"], "srank: --column draws one map per row: name the column that names each map"),
        (["-c", "dist", "-k", "name"], "srank: --column draws one map per row: name the folder to write them in"),
        (["-c", "dist", "-k", "name", "-o", "taxa.csv"], "srank: --output taxa.csv is a file; with --column, name a"),
        (  # one map's name, not a folder: no folder called one.svg is made
            ["-c", "dist", "-k", "name", "-o", "one.svg"],
            "srank: --output one.svg is named as a file (.svg), but --column draws one map per row: name a folder,"
            " such as one",
        ),
        (["-k", "name"], "srank: --key names the maps of a table's rows: give the distribution column with --column"),
        (["-c", "nope", "-k", "name", "-o", "maps"], "srank: taxa.csv has no column 'nope'; the columns are:"),
        (["--lang", "de"], "srank: --lang de: "),
        (["-o", "taxa.csv"], "srank: --output taxa.csv is the input file; srank never modifies its input"),
    ],
)
def test_usage_errors(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("taxa.csv").write_text('name,dist\nx,"US(N5)"\n', encoding="utf-8")
    status, _, err = srank_cli("map", "taxa.csv", *argv)
    assert status == 2
    assert err.startswith(message)
    assert not Path("maps").exists()
    assert not Path("one.svg").exists()
    assert Path("taxa.csv").read_text(encoding="utf-8") == 'name,dist\nx,"US(N5)"\n'


def test_a_folder_is_not_a_distribution(srank_cli: Run, tmp_path: Path) -> None:
    status, _, err = srank_cli("map", tmp_path)
    assert (status, err) == (2, f"srank: {tmp_path} is a folder: give a distribution, or a file holding one\n")


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("Hydrastis canadensis", "Hydrastis_canadensis"),
        ("../x", "x"),
        ("..", ""),
        ("/etc/passwd", "etc_passwd"),
        ("a\\b:c*d?e", "a_b_c_d_e"),
        (".hidden", "hidden"),
        ("-rf", "rf"),
        ("Épinette noire", "Épinette_noire"),
        ("nul.txt", "_nul.txt"),
        ("COM1", "_COM1"),
        ("line\nbreak\x00", "line_break"),
        ("a" * 300, "a" * 150),
        ("é" * 100, "é" * 75),
    ],
)
def test_safe_names(key: str, name: str) -> None:
    assert safe_name(key) == name


def test_a_distribution_strict_reading_refuses_says_when_lenient_would_draw_it(srank_cli: Run, tmp_path: Path) -> None:
    bad = "United States (N3): MD (S2), VA (S3?S4)"
    status, _, err = srank_cli("map", bad, "-o", tmp_path / "one.svg")
    assert (
        status,
        err.endswith("; --lenient would draw the places it can read, and list the others below the map\n"),
    ) == (
        1,
        True,
    )
    source = tmp_path / "taxa.csv"
    source.write_text(f'name,dist\nx,"{bad}"\ny,"Canada (N3"\n', encoding="utf-8")
    _, _, err = srank_cli("map", source, "-c", "dist", "-k", "name", "-o", tmp_path / "maps")
    lines = err.splitlines()
    assert (lines[2].endswith("below the map"), lines[3].endswith("below the map")) == (True, False)  # y: no reading
    assert srank_cli("map", bad, "--lenient", "-o", tmp_path / "lenient.svg")[0] == 0
