"""srank check in-process: literal output rows and summaries for real heritage-export shapes."""

from __future__ import annotations

import bz2
import contextlib
import csv
import gzip
import io
import json
import lzma
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, write_workbook

HEADER = "id,rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_one_column_keeps_every_row_in_order_with_five_cells_appended(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "id,rank\n1,G3G4\n2,\n3,G3G2\n4,NA\n5,GXC\n6,G5Q\n")
    status, out, err = srank_cli("check", source, "-c", "rank")
    assert status == 1
    assert out == HEADER + (
        "1,G3G4,true,G3G4,G3,Vulnerable to Apparently Secure,\n"
        "2,,,,,,\n"
        '3,G3G2,false,,,,"error[range-reversed]: Range 3-2 is reversed;'
        ' hint: write the lower (more imperiled) number first, as in G2G3"\n'
        "4,NA,,,,,\n"
        "5,GXC,true,GXC,GH,Presumed Extinct (captive or cultivated only),\n"
        '6,G5Q,false,G5Q,G5,Secure; questionable taxonomy,"error[questionable-secure]: Q on a rank of 5:'
        " NatureServe's guidance calls it invalid, since resolving the taxonomy could not lower the priority"
        ' further"\n'
    )
    assert err == (
        f"srank check: {source}: 6 rows: 2 valid, 2 invalid, 2 missing; 4 distinct codes\n"
        "  most common problems:\n"
        "           1  range-reversed: 'G3G2' (1); first on line 4\n"
        "           1  questionable-secure: 'G5Q' (1); first on line 7\n"
    )


def test_an_id_column_is_counted_cell_by_cell_though_its_cells_are_not_kept(srank_cli: Run, tmp_path: Path) -> None:
    # Cells starting with a digit share their digit's verdict, so they are folded as they are met, never cached:
    # repeats, examples and the first line of the problem must come out as for cached codes.
    source = write(tmp_path / "ids.csv", "id,rank\n1,12\n2,S1\n3,12\n4,9x\n5,12\n6,S1\n")
    status, out, err = srank_cli("check", source, "-c", "rank")
    assert status == 1
    assert [line.split(",")[1:4] for line in out.splitlines()[1:]] == [
        ["12", "false", ""],
        ["S1", "true", "S1"],
        ["12", "false", ""],
        ["9x", "false", ""],
        ["12", "false", ""],
        ["S1", "true", "S1"],
    ]
    assert err == (
        f"srank check: {source}: 6 rows: 2 valid, 4 invalid, 0 missing; 3 distinct codes\n"
        "  most common problems:\n"
        "           4  syntax: '12' (3), '9x' (1); first on line 2\n"
    )


def test_the_examples_of_a_problem_are_the_cells_met_first_though_ids_are_counted_at_once(
    srank_cli: Run, tmp_path: Path
) -> None:
    ids = "".join(f"{number}\n" for number in range(1000, 1070))
    source = write(tmp_path / "ids.csv", "rank\nX5\n" + ids + "X5\n" * 10)
    status, _, err = srank_cli("check", source, "-c", "rank", "--summary-only")
    assert status == 1
    assert (
        err.splitlines()[-1] == "          81  syntax: 'X5' (11), '1000' (1), '1001' (1) and 68 more; first on line 2"
    )


def test_strict_mode_says_how_many_invalid_rows_lenient_would_read(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "rank\ns1 s2\nS3/S4\nS3/S4\nhello\n")
    status, _, err = srank_cli("check", source, "-c", "rank")
    assert status == 1
    assert err.splitlines()[-1] == "  --lenient would read 3 of the 4 invalid rows"
    status, out, err = srank_cli("check", source, "-c", "rank", "--lenient")
    assert status == 1
    assert out.splitlines()[1].split(",")[:3] == ["s1 s2", "true", "S1S2"]
    assert "--lenient would read" not in err


HERITAGE = (
    "id,G Rank,S Rank,Rounded S Rank,notes\n"
    "1,G5,S2S3,S2,ok\n"
    '2,G1,S3,S3,"multi\nline"\n'
    "3,G4,G5,S1,x\n"
    "4,G5T1T3Q,S1S2,S1,\n"
    "5,,,,\n"
)


def test_a_heritage_export_is_checked_in_one_run(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "export.csv", HERITAGE)
    status, out, err = srank_cli(
        "check",
        source,
        "--global-column",
        "G Rank",
        "--subnational-column",
        "S Rank",
        "-c",
        "Rounded S Rank:S",
        "--rounded",
        "S Rank=Rounded S Rank",
    )
    assert status == 1
    names = [
        f"{column}.srank_{cell}"
        for column in ("G Rank", "S Rank", "Rounded S Rank")
        for cell in ("valid", "canonical", "rounded", "label", "message")
    ]
    assert (
        out.splitlines()[0]
        == "id,G Rank,S Rank,Rounded S Rank,notes," + ",".join(names) + ",srank_levels,srank_rounded_check"
    )
    rows = out.split("\n")[1:]
    assert rows[0] == (
        "1,G5,S2S3,S2,ok,true,G5,G5,Secure,,true,S2S3,S2,Imperiled to Vulnerable,,true,S2,S2,Imperiled,,,"
    )
    assert rows[1:3] == [
        '2,G1,S3,S3,"multi',
        'line",true,G1,G1,Critically Imperiled,,true,S3,S3,Vulnerable,,true,S3,S3,Vulnerable,,'
        "warning[subnational-more-secure]: The subnational rank 'S3' is more secure than the global rank 'G1',",
    ]
    assert rows[3] == (
        "3,G4,G5,S1,x,true,G4,G4,Apparently Secure,,false,G5,G5,Secure,error[wrong-level]: 'G5' is a global rank;"
        " this column holds subnational (S) ranks; hint: move it to the global rank column,true,S1,S1,"
        "Critically Imperiled,,,error[rounded-differs]: the stored rounded rank is S1; srank rounds G5 to G5"
    )
    assert rows[4] == (
        "4,G5T1T3Q,S1S2,S1,,true,G5T1T3Q,T2,Secure; subspecies or variety Critically Imperiled to Vulnerable;"
        " questionable taxonomy,,true,S1S2,S1,Critically Imperiled to Imperiled,,true,S1,S1,Critically Imperiled,,,"
    )
    assert rows[5:] == ["5,,,," + ",,,,," * 3 + ",,", ""]
    assert err == (
        f"srank check: {source}: 5 rows\n"
        "  column 'G Rank' (G ranks): 4 valid, 0 invalid, 1 missing; 4 distinct codes\n"
        "  column 'S Rank' (S ranks): 3 valid, 1 invalid, 1 missing; 4 distinct codes\n"
        "    most common problems:\n"
        "             1  wrong-level: 'G5' (1); first on line 5\n"
        "  column 'Rounded S Rank' (S ranks): 4 valid, 0 invalid, 1 missing; 3 distinct codes\n"
        "  levels (G, S): 1 row with findings, 2 consistent, 2 not compared\n"
        "    most common problems:\n"
        "             1  subnational-more-secure: 'G1' / 'S3' (1); first on line 3\n"
        "  rounded 'Rounded S Rank' from 'S Rank': 1 row differs, 3 agree, 1 not compared\n"
        "    most common problems:\n"
        "             1  rounded-differs: 'G5' / 'S1' (1); first on line 5\n"
    )


def test_a_part_written_twice_agrees_with_a_stored_rounded_rank_written_once(srank_cli: Run, tmp_path: Path) -> None:
    source = write(
        tmp_path / "export.csv",
        'id,S Rank,Rounded S\n1,"S2B,S2B",S2B\n2,"SNA,SNA",SNA\n3,"S4N,S2B,S2B","S2B,S4N"\n4,"S2B,S2B","S2B,S2B"\n',
    )
    status, out, err = srank_cli("check", source, "-c", "S Rank", "--rounded", "S Rank=Rounded S")
    assert status == 0
    assert out == (
        "id,S Rank,Rounded S,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message,srank_rounded_check\n"
        '1,"S2B,S2B",S2B,true,"S2B,S2B","S2B,S2B",Breeding: Imperiled; Breeding: Imperiled,'
        "warning[part-repeated]: Part 'S2B' is written twice,\n"
        '2,"SNA,SNA",SNA,true,"SNA,SNA","SNA,SNA",Not Applicable; Not Applicable,'
        "warning[season-missing]: Part 'SNA' of a multi-part code has no season letter;"
        " warning[part-repeated]: Part 'SNA' is written twice,\n"
        '3,"S4N,S2B,S2B","S2B,S4N",true,"S4N,S2B,S2B","S4N,S2B,S2B",'
        "Nonbreeding: Apparently Secure; Breeding: Imperiled; Breeding: Imperiled,"
        "warning[part-repeated]: Part 'S2B' is written twice,\n"
        '4,"S2B,S2B","S2B,S2B",true,"S2B,S2B","S2B,S2B",Breeding: Imperiled; Breeding: Imperiled,'
        "warning[part-repeated]: Part 'S2B' is written twice,\n"
    )
    assert err == (
        f"srank check: {source}: 4 rows: 4 valid (4 with warnings), 0 invalid, 0 missing; 3 distinct codes\n"
        "  rounded 'Rounded S' from 'S Rank': 0 rows differ, 4 agree, 0 not compared\n"
    )


def test_a_season_ranked_twice_differs_from_a_stored_rounded_rank_of_one_part(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "export.csv", 'id,S Rank,Rounded S\n1,"S2B,S3B",S2B\n2,"S2B,S2B",S3B\n')
    status, out, _ = srank_cli("check", source, "-c", "S Rank", "--rounded", "S Rank=Rounded S")
    assert status == 1
    assert [row["srank_rounded_check"] for row in csv.DictReader(io.StringIO(out))] == [
        "error[rounded-differs]: the stored rounded rank is S2B; srank rounds S2B,S3B to S2B,S3B",
        "error[rounded-differs]: the stored rounded rank is S3B; srank rounds S2B,S2B to S2B,S2B",
    ]


def test_jsonl_gives_one_object_per_row_keyed_by_the_header(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "id,rank,id\n1,S2B,x\n2,,y\n3,G5,z,extra\n")
    status, out, _ = srank_cli("check", source, "-c", "rank", "--format", "jsonl")
    assert status == 1
    assert [json.loads(line) for line in out.splitlines()] == [
        {
            "id": "1",
            "rank": "S2B",
            "id_2": "x",
            "srank_valid": True,
            "srank_canonical": "S2B",
            "srank_rounded": "S2B",
            "srank_label": "Breeding: Imperiled",
            "srank_message": None,
        },
        {
            "id": "2",
            "rank": "",
            "id_2": "y",
            "srank_valid": None,
            "srank_canonical": None,
            "srank_rounded": None,
            "srank_label": None,
            "srank_message": None,
        },
        {
            "id": "3",
            "rank": "G5",
            "id_2": "z",
            "srank_valid": False,
            "srank_canonical": None,
            "srank_rounded": None,
            "srank_label": None,
            "srank_message": "error[malformed-row]: line 4 has 4 fields, the header has 3; the rank was not read",
            "srank_extra": ["extra"],
        },
    ]


def test_a_jsonl_input_column_named_srank_extra_keeps_its_cell(srank_cli: Run) -> None:
    status, out, _ = srank_cli(
        "check", "-", "-c", "rank", "--format", "jsonl", stdin=b"id,rank,srank_extra\n1,G5,a,b\n"
    )
    record = json.loads(out)
    assert status == 1
    assert (record["srank_extra"], record["srank_extra_2"]) == ("a", ["b"])


def test_checked_output_can_be_checked_again_and_the_new_columns_do_not_collide(srank_cli: Run, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    assert srank_cli("check", write(tmp_path / "in.csv", "rank\nS1\n"), "-c", "rank", "-o", first)[0] == 0
    status, out, err = srank_cli("check", first, "-c", "srank_rounded")
    assert status == 0
    assert out == (
        "rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message,"
        "srank_valid.2,srank_canonical.2,srank_rounded.2,srank_label.2,srank_message.2\n"
        "S1,true,S1,S1,Critically Imperiled,,true,S1,S1,Critically Imperiled,\n"
    )
    assert err.startswith(
        "srank: first.csv already has srank's column names; the new columns end in .2\n".replace(
            "first.csv", str(first)
        )
    )
    # --summary-only writes no column: the suffix is not said.
    status, _, err = srank_cli("check", first, "-c", "srank_rounded", "--summary-only")
    assert (status, err) == (0, f"srank check: {first}: 1 row: 1 valid, 0 invalid, 0 missing; 1 distinct code\n")


def test_ragged_blank_and_unclosed_rows_are_kept_with_their_cells_as_they_were(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", 'id,rank,note\n1,S1\n\n2,S2,a,b\n3,"S3,x\n4,S4"x,y\n5,S5,z')
    status, out, err = srank_cli("check", source, "-c", "rank")
    assert status == 1
    assert out.split("\n") == [
        "id,rank,note,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message",
        '1,S1,,false,,,,"error[malformed-row]: line 2 has 2 fields, the header has 3; the rank was not read"',
        ",,,,,,,",
        '2,S2,a,false,,,,"error[malformed-row]: line 4 has 4 fields, the header has 3; the rank was not read",b',
        '3,"""S3",x,false,,,,error[malformed-row]: line 5 opens a quote that is not closed; the rank was not read',
        "4,S4\"x,y,false,,,,\"error[syntax]: Expected the end of a range (S5), '?', an infraspecific part (T1-T5,"
        " TX, TH, TU, TNR or TNA), a season letter (B, N or M) or ',' after 'S4', found '\"\"'; hint: a rank code looks"
        ' like G3, G3G4, G5T2, S2B or S2B,S4N"',
        "5,S5,z,true,S5,S5,Secure,",
        "",
    ]
    assert err == (
        f"srank check: {source}: 6 rows: 1 valid, 4 invalid, 1 missing; 2 distinct codes\n"
        "  most common problems:\n"
        "           1  syntax: 'S4\"x' (1); first on line 6\n"
        "  1 blank line was kept as a row with no rank\n"
        "  rows whose cells could not be read (kept, padded, and named in their messages):\n"
        "           2  malformed-row (wrong number of fields), lines 2, 4\n"
        "           1  malformed-row (opens a quote that is not closed), line 5\n"
    )


def test_tabs_crlf_and_a_bom_are_kept(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.tsv", "\ufeffname\trank\r\nA, b\tG2\r\n")
    status, out, _ = srank_cli("check", source, "-c", "rank")
    assert (status, out) == (
        0,
        "name\trank\tsrank_valid\tsrank_canonical\tsrank_rounded\tsrank_label\tsrank_message\r\n"
        "A, b\tG2\ttrue\tG2\tG2\tImperiled\t\r\n",
    )


def test_label_style_is_an_option(srank_cli: Run) -> None:
    status, out, _ = srank_cli("check", "-", "-c", "rank", "--style", "long", stdin=b"rank\nG2?\n")
    assert status == 0
    label = out.splitlines()[1].split(",", 4)[4]
    assert label.startswith('"Global rank (G). The status of the species or ecosystem across its whole range')


def test_a_usage_error_names_the_columns_and_suggests_a_close_one(srank_cli: Run) -> None:
    status, out, err = srank_cli("check", "-", "-c", "S rank", stdin=b"id,S Rank\n1,S1\n")
    assert (status, out) == (2, "")
    assert err == "srank: stdin has no column 'S rank'; the columns are: 'id', 'S Rank' (did you mean 'S Rank'?)\n"
    # Written without its space or with an underscore, a name is still offered; a part of it is not.
    for asked in ("SRank", "s_rank", "S-RANK"):
        err = srank_cli("check", "-", "-c", asked, stdin=b"id,S Rank\n1,S1\n")[2]
        assert err.endswith(" (did you mean 'S Rank'?)\n"), asked
    assert "did you mean" not in srank_cli("check", "-", "-c", "rank", stdin=b"id,S Rank\n1,S1\n")[2]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\0" * 40, "is a zip archive, not a CSV file; unzip it"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 40, "is a damaged workbook (its OLE2 header is cut short)"),
        ("rank\nS1\n".encode("utf-16-le"), "looks like UTF-16-LE text without a byte-order mark"),
        ("rank\nS1\n".encode("utf-16-be"), "looks like UTF-16-BE text without a byte-order mark"),
        (
            b"rank\nS1\nS\xe92\n",
            "is not UTF-8 text (invalid continuation byte, byte 0xe9, byte offset 9 (line 3));"
            " if it was saved by Excel on Windows, pass --encoding cp1252",
        ),
        (b"", "is empty: expected a header row"),
    ],
)
def test_files_that_are_not_utf8_csv_get_the_right_hint(
    srank_cli: Run, tmp_path: Path, data: bytes, message: str
) -> None:
    status, out, err = srank_cli("check", write(tmp_path / "in.csv", data), "-c", "rank")
    assert (status, out) == (2, "")
    assert message in err


def test_a_zip_that_holds_no_workbook_is_named_for_what_it_is(srank_cli: Run, tmp_path: Path) -> None:
    import zipfile

    def made(name: str, parts: list[str]) -> Path:
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            for part in parts:
                archive.writestr(part, "<x/>")
        return tmp_path / name

    report = made("report.xlsx", ["[Content_Types].xml", "word/document.xml"])
    slides = made("slides.xlsx", ["[Content_Types].xml", "ppt/presentation.xml"])
    cut = write(tmp_path / "cut.xlsx", b"PK\x03\x04")  # a workbook's name, and no zip directory to read
    bundle = made("bundle.zip", ["ranks.csv"])
    said = {path.name: srank_cli("check", path, "-c", "S Rank")[2] for path in (report, slides, cut, bundle)}
    assert said == {
        "report.xlsx": f"srank: {report} is a Word document, not a spreadsheet; save its table as .xlsx or .csv and"
        " check that\n",
        "slides.xlsx": f"srank: {slides} is a PowerPoint presentation, not a spreadsheet; save its table as .xlsx or"
        " .csv and check that\n",
        "cut.xlsx": f"srank: {cut} is a damaged workbook (its zip directory cannot be read); open it in Excel or"
        " LibreOffice, save it again and check that\n",
        "bundle.zip": f"srank: {bundle} is a zip archive, not a CSV file; unzip it and check the CSV file inside\n",
    }


def test_a_sheet_listed_without_its_cells_is_said_as_such(srank_cli: Run, tmp_path: Path) -> None:
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Ranks"
    book.active.append(["S Rank"])
    book.save(tmp_path / "whole.xlsx")
    with zipfile.ZipFile(tmp_path / "whole.xlsx") as whole, zipfile.ZipFile(tmp_path / "cut.xlsx", "w") as cut:
        for part in whole.infolist():
            if part.filename != "xl/worksheets/sheet1.xml":
                cut.writestr(part, whole.read(part))
    assert srank_cli("check", tmp_path / "cut.xlsx", "-c", "S Rank")[2] == (
        f"srank: {tmp_path / 'cut.xlsx'} is a damaged workbook (it lists the sheet 'Ranks', but the sheet's cells are"
        " not in the file); open it in Excel or LibreOffice, save it again and check that\n"
    )


def _tar(text: bytes) -> bytes:
    import tarfile

    made = io.BytesIO()
    with tarfile.open(fileobj=made, mode="w") as archive:
        member = tarfile.TarInfo("ranks.csv")
        member.size = len(text)
        archive.addfile(member, io.BytesIO(text))
    return made.getvalue()


def _sqlite(folder: Path) -> bytes:
    import sqlite3

    path = folder / "ranks.db"
    path.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(path)) as database:
        database.execute("create table ranks (rank text)")
        database.commit()
    return path.read_bytes()


CSV = b"rank\nS1\nS2\n"
# Not text, named by their first bytes (their "magic numbers"); a random block with no known magic.
NOT_TEXT: dict[str, tuple[Callable[[Path], bytes], str]] = {
    "gzip": (lambda _: gzip.compress(CSV), "is a compressed file (gzip), not text; decompress it first (gunzip)"),
    "bzip2": (lambda _: bz2.compress(CSV), "is a compressed file (bzip2), not text; decompress it first (bunzip2)"),
    "xz": (lambda _: lzma.compress(CSV), "is a compressed file (xz), not text; decompress it first (unxz)"),
    "zstd": (
        lambda _: bytes.fromhex("28b52ffd2400590000") + CSV,
        "is a compressed file (zstd), not text; decompress it first (unzstd)",
    ),
    "7z": (
        lambda _: b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(24),
        "is a 7z archive, not a CSV file; extract it (7z x) and check the CSV file inside",
    ),
    "tar": (
        lambda _: _tar(CSV),
        "is a tar archive, not a CSV file; extract it (tar -xf) and check the CSV file inside",
    ),
    "pdf": (lambda _: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", "is a PDF document, not a table"),
    "png": (lambda _: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(17), "is a PNG image, not a table"),
    "jpeg": (lambda _: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(20), "is a JPEG image, not a table"),
    "gif": (lambda _: b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(20), "is a GIF image, not a table"),
    "elf": (lambda _: b"\x7fELF\x02\x01\x01" + bytes(57), "is a program (an ELF executable), not a table"),
    "sqlite": (_sqlite, "is an SQLite database, not CSV or TSV text; export its table as CSV first"),
    "parquet": (
        lambda _: b"PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00\x12\x00\x00" + bytes(8) + b"PAR1",
        "is a Parquet file, not CSV or TSV text; export its table as CSV first",
    ),
    "nul": (lambda _: b"rank\n" + bytes(59), "is a binary file, not text (59 of its first 64 bytes are NUL)"),
    "no-magic": (
        lambda _: bytes(range(128, 256)) + bytes(range(1, 128)),
        "is not UTF-8 text (invalid start byte, byte 0x80, byte offset 0 (line 1)); its bytes do not look like text"
        " in any encoding: check that it is the table you meant",
    ),
}


# srank explain --file reads a list of codes, not a table: what it says where the table reader's words differ.
NOT_CODES = {
    "7z": "is a 7z archive, not a list of codes; extract it (7z x) and read the file inside",
    "tar": "is a tar archive, not a list of codes; extract it (tar -xf) and read the file inside",
    "pdf": "is a PDF document, not a list of codes",
    "png": "is a PNG image, not a list of codes",
    "jpeg": "is a JPEG image, not a list of codes",
    "gif": "is a GIF image, not a list of codes",
    "elf": "is a program (an ELF executable), not a list of codes",
    "sqlite": "is an SQLite database, not text; export its codes as text first, one per line",
    "parquet": "is a Parquet file, not text; export its codes as text first, one per line",
}


@pytest.mark.parametrize("kind", list(NOT_TEXT))
def test_a_file_that_is_not_text_is_named_for_what_it_is(srank_cli: Run, tmp_path: Path, kind: str) -> None:
    made, message = NOT_TEXT[kind]
    source = write(tmp_path / "in.csv", made(tmp_path))
    status, out, err = srank_cli("check", source, "-c", "rank")
    assert (status, out, err) == (2, "", f"srank: {source} {message}\n")
    if kind != "no-magic":  # the same from stdin, and for srank explain --file
        assert srank_cli("check", "-", "-c", "rank", stdin=made(tmp_path))[2] == f"srank: stdin {message}\n"
        codes_message = NOT_CODES.get(kind, message)
        assert srank_cli("explain", "--file", source)[2] == f"srank: {source} {codes_message}\n"


@pytest.mark.parametrize(
    ("lang", "kind", "said"),
    [
        ("fr", "gzip", "est un fichier compressé (gzip), pas du texte\u202f; décompressez-le d'abord (gunzip)"),
        ("es", "gzip", "es un archivo comprimido (gzip), no texto; descomprímalo primero (gunzip)"),
        ("fr", "png", "est une image PNG, pas un tableau"),
        ("es", "png", "es una imagen PNG, no una tabla"),
        (
            "fr",
            "tar",
            "est une archive tar, pas un fichier CSV\u202f; extrayez-la (tar -xf) et vérifiez le fichier CSV"
            " qu'elle contient",
        ),
        ("es", "sqlite", "es una base de datos SQLite, no texto CSV o TSV; exporte primero su tabla como CSV"),
        ("fr", "nul", "est un fichier binaire, pas du texte (59 de ses 64\xa0premiers octets sont nuls)"),
        ("es", "nul", "es un archivo binario, no texto (59 de sus primeros 64 bytes son nulos)"),
        (
            "fr",
            "no-magic",
            "n'est pas du texte UTF-8 (octet de début invalide, octet 0x80, position d'octet 0 (ligne 1))\u202f; ses"
            " octets ne ressemblent à du texte dans aucun encodage\xa0: vérifiez que c'est bien le tableau voulu",
        ),
        (
            "es",
            "no-magic",
            "no es texto UTF-8 (byte inicial no válido, byte 0x80, posición de byte 0 (línea 1)); sus bytes no parecen"
            " texto en ninguna codificación: verifique que sea la tabla que quería",
        ),
    ],
)
def test_what_a_file_that_is_not_text_is_said_in_french_and_spanish(
    srank_cli: Run, tmp_path: Path, lang: str, kind: str, said: str
) -> None:
    source = write(tmp_path / "in.csv", NOT_TEXT[kind][0](tmp_path))
    assert srank_cli("check", source, "-c", "rank", "--lang", lang)[2] == f"srank: {source} {said}\n"


def test_text_that_starts_like_a_magic_number_is_still_read(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", b"PAR1,rank\nx,S1\n")  # Parquet's magic, but no NUL: a header
    assert srank_cli("check", source, "-c", "rank")[:2] == (
        0,
        "PAR1,rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
        "x,S1,true,S1,S1,Critically Imperiled,\n",
    )


LONG = ",".join(["S2B"] * 60)  # many codes in one: 239 characters


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("en", "hint: a rank code is one code, such as G3 or S2B,S4N: give one code per argument, line or cell"),
        (
            "fr",
            "conseil\xa0: un code de rang est un seul code, comme G3 ou S2B,S4N\xa0: donnez un code par argument,"
            " par ligne ou par cellule",
        ),
        (
            "es",
            "sugerencia: un código de rango es un solo código, como G3 o S2B,S4N: dé un código por argumento, por"
            " línea o por celda",
        ),
    ],
)
def test_a_cell_far_too_long_gets_the_command_line_s_hint(srank_cli: Run, lang: str, hint: str) -> None:
    _, out, _ = srank_cli("check", "-", "-c", "rank", "--lang", lang, stdin=f'rank\n"{LONG}"\n'.encode())
    assert out.splitlines()[1].endswith(f' {hint}"')
    status, out, err = srank_cli("explain", LONG, "--lang", lang)
    assert status == 1
    assert err.splitlines()[-1] == hint[0].upper() + hint[1:]


def test_the_python_api_keeps_its_too_long_hint() -> None:
    import srank

    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse(LONG)
    assert caught.value.hint == "pass one code at a time; srank.parse_many reads a whole column"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_a_byte_order_mark_names_the_encoding(srank_cli: Run, tmp_path: Path, encoding: str) -> None:
    source = write(tmp_path / "in.csv", "rank\nS1\n".encode(encoding))
    status, out, _ = srank_cli("check", source, "-c", "rank", "--encoding", "cp1252")
    assert (status, out.splitlines()[1]) == (0, "S1,true,S1,S1,Critically Imperiled,")


def test_utf16_without_a_bom_reads_with_the_encoding_it_is_told(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "rank\nS1\n".encode("utf-16-le"))
    assert srank_cli("check", source, "-c", "rank", "--encoding", "utf-16-le")[:2] == (
        0,
        HEADER.removeprefix("id,") + "S1,true,S1,S1,Critically Imperiled,\n",
    )


def test_a_workbook_with_a_title_row_is_read_directly(srank_cli: Run, tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "export.xlsx",
        [["Rare plants of Maryland, 2026"], ["Name", "G Rank", "S Rank"], ["Aster", "G5", "S1"], ["Carex", "G2", None]],
    )
    status, out, err = srank_cli("check", book, "--global-column", "G Rank", "--subnational-column", "S Rank")
    assert status == 0
    assert out.splitlines() == [
        "Name,G Rank,S Rank,G Rank.srank_valid,G Rank.srank_canonical,G Rank.srank_rounded,G Rank.srank_label,"
        "G Rank.srank_message,S Rank.srank_valid,S Rank.srank_canonical,S Rank.srank_rounded,S Rank.srank_label,"
        "S Rank.srank_message,srank_levels",
        "Aster,G5,S1,true,G5,G5,Secure,,true,S1,S1,Critically Imperiled,,",
        "Carex,G2,,true,G2,G2,Imperiled,,,,,,,",
    ]
    assert err.splitlines()[0] == f"srank check: {book}: 2 rows"
    status, out, _ = srank_cli("check", book, "-c", "S Rank", "--header-row", "2", "--sheet", "Ranks")
    assert out.splitlines()[1] == "Aster,G5,S1,true,S1,S1,Critically Imperiled,"


def test_a_note_right_of_a_workbook_table_is_kept_in_an_unnamed_column(srank_cli: Run, tmp_path: Path) -> None:
    # In a sheet every cell has its column: a note beside the table does not make the row misread.
    book = write_workbook(
        tmp_path / "notes.xlsx",
        [["Name", "S Rank"], ["Aster", "S1"], ["Carex", "S2", None, "check with botanist"], ["Poa", "S3"]],
    )
    status, out, err = srank_cli("check", book, "-c", "S Rank")
    assert status == 0
    assert out.splitlines() == [
        "Name,S Rank,,,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message",
        "Aster,S1,,,true,S1,S1,Critically Imperiled,",
        "Carex,S2,,check with botanist,true,S2,S2,Imperiled,",
        "Poa,S3,,,true,S3,S3,Vulnerable,",
    ]
    assert err == f"srank check: {book}: 3 rows: 3 valid, 0 invalid, 0 missing; 3 distinct codes\n"
    # A mistyped name still finds its header row (regardless of case), so the message says "did you mean".
    assert srank_cli("check", book, "-c", "S rank")[2] == (
        f"srank: {book} has no column 'S rank'; the columns are: 'Name', 'S Rank' (did you mean 'S Rank'?)\n"
    )
    # A workbook of one sheet has no other sheet to choose: the message does not list it.
    status, _, err = srank_cli("check", book, "-c", "G Rank")
    assert (status, err.startswith(f"srank: {book} has no column 'G Rank'; the columns are: "), "sheets" in err) == (
        2,
        True,
        False,
    )


def test_a_heritage_workbook_with_g_n_s_and_rounded_s_columns_is_checked_in_one_command(
    srank_cli: Run, tmp_path: Path
) -> None:
    book = write_workbook(
        tmp_path / "heritage.xlsx",
        [
            ["Maryland Natural Heritage Program: rare species list"],
            [],
            ["Scientific Name", "G Rank", "N Rank", "S Rank", "Rounded S Rank"],
            ["Aster", "G5", "N5", "S1S2", "S1"],
            ["Carex", "G2", "N2", "S4", "S3"],
        ],
    )
    status, out, err = srank_cli(
        "check",
        book,
        "--global-column",
        "G Rank",
        "--national-column",
        "N Rank",
        "--subnational-column",
        "S Rank",
        "-c",
        "Rounded S Rank:S",
        "--rounded",
        "S Rank=Rounded S Rank",
        "--lang",
        "fr",
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 1
    assert [(row["S Rank.srank_label"], row["srank_levels"], row["srank_rounded_check"]) for row in rows] == [
        ("Entre gravement en péril et en péril", "", ""),
        (
            "Apparemment en sécurité",
            "avertissement[subnational-more-secure]\xa0: Le rang infranational «\xa0S4\xa0» est moins en péril que"
            " le rang national «\xa0N2\xa0»\u202f; avertissement[subnational-more-secure]\xa0: Le rang"
            " infranational «\xa0S4\xa0» est moins en péril que le rang mondial «\xa0G2\xa0»",
            "erreur[rounded-differs]\xa0: le rang arrondi enregistré est S3\u202f; srank arrondit S4 à S4",
        ),
    ]
    assert err.splitlines()[0] == f"srank check\xa0: {book}\xa0: 2\xa0lignes"  # --lang fr: the summary too


def test_a_workbook_without_the_extra_says_what_to_install(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = write_workbook(tmp_path / "export.xlsx", [["rank"], ["S1"]])
    monkeypatch.setitem(__import__("sys").modules, "python_calamine", None)
    status, _, err = srank_cli("check", book, "-c", "rank")
    assert status == 2
    assert err == (
        f"srank: {book} is a workbook; reading it needs the python-calamine package (see the README: installing the"
        " extra xlsx), or save the sheet as 'CSV UTF-8'\n"
    )


def test_a_missing_sheet_lists_the_sheets(srank_cli: Run, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "export.xlsx", [["rank"], ["S1"]])
    assert srank_cli("check", book, "-c", "rank", "--sheet", "Other")[2] == (
        f"srank: {book} has no sheet 'Other'; the sheets are: 'Ranks'\n"
    )
    assert srank_cli("check", book, "-c", "rank", "--sheet", "ranks")[2] == (
        f"srank: {book} has no sheet 'ranks'; the sheets are: 'Ranks' (did you mean 'Ranks'?)\n"
    )
    french = srank_cli("check", book, "-c", "rank", "--sheet", "ranks", "--lang", "fr")[2]
    assert "les feuilles sont\u00a0: «\u00a0Ranks\u00a0» (vouliez-vous dire «\u00a0Ranks\u00a0»\u202f?)" in french


def test_a_column_with_an_unknown_level_suffix_gets_a_hint(srank_cli: Run) -> None:
    status, _, err = srank_cli("check", "-", "-c", "S Rank:X", stdin=b"S Rank\nS1\n")
    assert (status, err) == (
        2,
        "srank: stdin has no column 'S Rank:X'; the columns are: 'S Rank' (:X is not a level: write S Rank:G, :N"
        " or :S)\n",
    )


def test_one_level_column_is_checked_for_its_level_and_says_why_there_is_no_cross_check(srank_cli: Run) -> None:
    status, out, err = srank_cli(
        "check", "-", "-c", "S Rank", "--global-column", "G Rank", stdin=b"G Rank,S Rank\nS2,S1\n"
    )
    assert status == 1
    assert "G Rank.srank_valid" in out.splitlines()[0]
    assert "srank_levels" not in out.splitlines()[0]
    assert err.startswith("srank: stdin: cross-level checks need two of --global-column, --national-column and")


def test_an_empty_cover_sheet_points_to_the_sheet_that_names_the_columns(srank_cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    book.create_sheet("Data").append(["ELCODE", "S Rank"])
    book["Data"].append(["PMLIL20030", "S2"])
    book.save(tmp_path / "covered.xlsx")
    assert srank_cli("check", tmp_path / "covered.xlsx", "-c", "S Rank") == (
        2,
        "",
        f"srank: {tmp_path / 'covered.xlsx'}: the sheet 'Cover' is empty; expected a header row naming the columns;"
        " the sheet 'Data' names the columns: read that sheet with --sheet\n",
    )
    assert srank_cli("check", tmp_path / "covered.xlsx", "-c", "Other")[2].endswith("naming the columns\n")
    assert srank_cli("check", tmp_path / "covered.xlsx", "-c", "S Rank", "--sheet", "Data")[0] == 0


def test_cells_merged_down_a_checked_column_are_said(srank_cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Taxon", "S Rank", "Note"], ["Carex a", "S2", "x"], ["Carex b", None, "y"], ["Carex c", None, "z"]):
        sheet.append(row)
    sheet.append(["Poa annua", "S3", "w"])
    sheet.merge_cells("B2:B4")  # three varieties given one rank
    sheet.merge_cells("C5:D5")  # across, in a column not checked: nothing to say
    book.save(tmp_path / "merged.xlsx")
    status, out, err = srank_cli("check", tmp_path / "merged.xlsx", "-c", "S Rank")
    assert status == 0
    assert [line.split(",")[:4] for line in out.splitlines()[1:]] == [
        ["Carex a", "S2", "x", "true"],
        ["Carex b", "", "y", ""],
        ["Carex c", "", "z", ""],
        ["Poa annua", "S3", "w", "true"],
    ]
    assert err.splitlines()[1:] == [
        "  cells merged down 'S Rank' (B2:B4): a merged range holds its value in its top-left cell only, so the"
        " column's other cells in it read as missing; unmerge them and give each row its code"
    ]
    for number in range(6, 12):
        sheet.append([f"Salix {number}", "S4", ""])
    sheet.merge_cells("A6:C7")  # across and down, over the checked column: named as merged
    sheet.merge_cells("A9:XFD10")  # as wide as a sheet goes: held against the checked column only
    sheet.merge_cells("B14:B15")  # below the last row read: no row of it is read
    book.save(tmp_path / "wide.xlsx")
    assert "(B2:B4, A6:C7, A9:XFD10):" in srank_cli("check", tmp_path / "wide.xlsx", "-c", "S Rank")[2]
    assert "cells merged down" not in srank_cli("check", tmp_path / "merged.xlsx", "-c", "Taxon")[2]


def test_workbook_messages_name_the_sheets_and_an_empty_header_row(srank_cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["nothing here"])
    ranks = book.create_sheet("Ranks")
    ranks.append(["S Rank", "Observed"])
    ranks.append(["S1", __import__("datetime").datetime(2024, 3, 1)])
    ranks.append([])
    ranks.append(["S2"])
    book.save(tmp_path / "two.xlsx")
    status, _, err = srank_cli("check", tmp_path / "two.xlsx", "-c", "S Rank")
    assert status == 2
    assert err.endswith("; the sheet 'Ranks' names it: read that sheet with --sheet\n")
    status, out, _ = srank_cli("check", tmp_path / "two.xlsx", "-c", "S Rank", "--sheet", "Ranks")
    assert out.splitlines()[1] == "S1,2024-03-01,true,S1,S1,Critically Imperiled,"
    status, _, err = srank_cli("check", tmp_path / "two.xlsx", "-c", "S Rank", "--sheet", "Ranks", "--header-row", "3")
    assert (status, err) == (
        2,
        f"srank: {tmp_path / 'two.xlsx'}: row 3 of the sheet 'Ranks' is empty; pass --header-row with the row that"
        " names the columns\n",
    )


def test_a_distribution_column_checked_as_ranks_points_to_srank_distribution(srank_cli: Run) -> None:
    status, out, _ = srank_cli("check", "-", "-c", "D", stdin=b'D\n"US(N5), CA(N4)"\n')
    message = next(iter(csv.DictReader(io.StringIO(out))))["srank_message"]
    assert status == 1
    assert message.endswith("; this cell is a distribution string: read the column with srank distribution")


def test_workbook_problems_are_named_by_sheet_row(srank_cli: Run, tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "w.xlsx", [["Title"], ["S Rank", "x"], ["S1", "a"], ["G9", "b"]])
    status, _, err = srank_cli("check", book, "-c", "S Rank")
    assert status == 1
    assert err.splitlines()[-1] == "           1  syntax: 'G9' (1); first on row 4"


def test_the_summary_gives_a_long_cells_own_length(srank_cli: Run) -> None:
    cell = "Z" * 2000
    status, _, err = srank_cli("check", "-", "-c", "rank", stdin=f"rank\n{cell}\n".encode())
    assert status == 1
    assert "too-long: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ…' (2,000 characters) (1); first on line 2" in err


def test_the_summary_counts_every_distinct_problem_cell(srank_cli: Run) -> None:
    cells = [f"S{number}X" for number in range(10, 210)]  # 200 distinct codes, each unreadable
    data = "rank\n" + "\n".join(f"Q{cell}" for cell in cells) + "\n"
    status, _, err = srank_cli("check", "-", "-c", "rank", stdin=data.encode())
    assert status == 1
    assert "(1) and 197 more; first on line 2" in err


def test_a_column_given_with_two_levels_names_both_options(srank_cli: Run) -> None:
    argv = ("check", "-", "-c", "S Rank:G", "--subnational-column", "S Rank")
    status, _, err = srank_cli(*argv, stdin=b"S Rank\nS1\n")
    assert status == 2
    assert err == "srank: 'S Rank' is given as --subnational-column and as --column 'S Rank:G'; choose one\n"


def test_the_summary_names_where_a_problem_first_occurs_in_each_language(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("rank\nS1\nS9\n", encoding="utf-8")
    said = {
        lang: srank_cli("check", source, "-c", "rank", "--lang", lang)[2].splitlines()[2] for lang in ("en", "fr", "es")
    }
    assert said == {
        "en": "           1  syntax: 'S9' (1); first on line 3",
        "fr": "           1  syntax\u00a0: «\u00a0S9\u00a0» (1)\u202f; première occurrence à la ligne 3",
        "es": "           1  syntax: «S9» (1); primero en la línea 3",
    }


def test_a_multi_season_code_split_at_its_comma_is_named_with_its_quotes(srank_cli: Run) -> None:
    # An export that left S2B,S4N unquoted: the row has a field too many, and the message says why.
    status, out, _ = srank_cli("check", "-", "-c", "S Rank", stdin=b"id,S Rank\n1,S2B,S4N\n2,S2,S2\n")
    assert status == 1
    assert out.splitlines()[1:] == [
        '1,S2B,false,,,,"error[malformed-row]: line 2 has 3 fields, the header has 2; the rank was not read'
        ' (if S2B,S4N is one code, CSV writes it in quotes: ""S2B,S4N"")",S4N',
        '2,S2,false,,,,"error[malformed-row]: line 3 has 3 fields, the header has 2; the rank was not read",S2',
    ]
    spanish = srank_cli("check", "-", "-c", "S Rank", "--lang", "es", stdin=b"S Rank\nS1N,S3B\n")[1]
    assert '(si S1N,S3B es un solo código, un CSV lo escribe entre comillas: ""S1N,S3B"")' in spanish
    # Three parts, all of them; and only the cells of the rank column: a comma in a note is not blamed on it.
    three = srank_cli("check", "-", "-c", "S Rank", stdin=b"id,S Rank\n3,S2B,S4N,S3M\n")[1]
    assert 'if S2B,S4N,S3M is one code, CSV writes it in quotes: ""S2B,S4N,S3M""' in three
    noted = srank_cli("check", "-", "-c", "S Rank", stdin=b"S Rank,note\nS2B,seen, twice\n")[1]
    assert "is one code" not in noted
    # Read as the run reads: lower case is a code under --lenient, and only there.
    lower = b"id,S Rank\n1,s2b,s4n\n"
    assert (
        'if s2b,s4n is one code, CSV writes it in quotes: ""s2b,s4n""'
        in srank_cli("check", "-", "-c", "S Rank", "--lenient", stdin=lower)[1]
    )
    assert "is one code" not in srank_cli("check", "-", "-c", "S Rank", stdin=lower)[1]
    # A ';' file splits S3B;S4N at its ';': named as the file writes it.
    semicolons = srank_cli("check", "-", "-c", "S Rank", stdin=b"id;S Rank;note\n1;S3B;S4N;x\n")[1]
    assert semicolons.splitlines()[1] == (
        '1;S3B;S4N;false;;;;"error[malformed-row]: line 2 has 4 fields, the header has 3; the rank was not read'
        ' (if S3B;S4N is one code, CSV writes it in quotes: ""S3B;S4N"")";x'
    )


def test_a_column_missing_from_the_first_sheet_is_looked_for_in_the_others(srank_cli: Run, tmp_path: Path) -> None:
    # An export whose first sheet is a note about it: the error names the sheet that holds the column.
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["About this export"])
    book.create_sheet("Ranks").append(["id", "S Rank"])
    book.create_sheet("Other").append(["x", "y"])
    path = tmp_path / "export.xlsx"
    book.save(path)
    status, _, err = srank_cli("check", path, "-c", "S Rank")
    assert (status, err) == (
        2,
        f"srank: {path} has no column 'S Rank'; the columns are: 'About this export'; the sheet 'Ranks' names it:"
        " read that sheet with --sheet\n",
    )
    status, _, err = srank_cli("check", path, "-c", "G Rank")  # in no sheet: the sheets are listed, as before
    assert err.endswith("the workbook's sheets are 'Notes', 'Ranks', 'Other' (choose one with --sheet)\n")
    assert srank_cli("check", path, "-c", "S Rank", "--sheet", "Ranks")[0] == 0


def test_a_folder_given_as_a_file_is_named_as_a_folder(srank_cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    status, _, err = srank_cli("check", folder, "-c", "S Rank")
    assert status == 2
    assert err == (
        f"srank: cannot read {folder}: it is a folder, not a file; name a file in it ({folder}/*.csv names its CSV"
        " files)\n"
    )
    status, _, err = srank_cli("--lang", "fr", "check", folder, "-c", "S Rank")
    assert err == (
        f"srank: impossible de lire {folder}\u00a0: c'est un dossier, pas un fichier\u202f; nommez un fichier qu'il"
        f" contient ({folder}/*.csv nomme ses fichiers CSV)\n"
    )
