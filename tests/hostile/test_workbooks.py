"""Hostile workbooks (issue 28, items 1-3): damaged files, bombs, hidden sheets and the formats srank names.

Every file is built here at test time. A damaged workbook gives one ``srank:``
line and exit 2, never a traceback. The bombs run in a child process under a
memory and CPU limit: the reader before python-calamine took gigabytes or ran
without end on them, and calamine itself aborts the process when its grid of
cells cannot be allocated.
"""

from __future__ import annotations

import datetime
import resource
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from workbook_builders import ods, sheet_xml, xlsx

from conftest import Run

pytest.importorskip("python_calamine")

_HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>rank</t></is></c></row>'
_OUT = "rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message"


def _one_rank_sheet(path: Path, *rows: str) -> Path:
    return xlsx(path, [("Ranks", sheet_xml(_HEADER + "".join(rows)))])


def _damaged(err: str, path: Path, detail: str) -> None:
    assert err == (
        f"srank: {path} is a damaged workbook ({detail}); open it in Excel or LibreOffice, save it again and check"
        " that\n"
    )


def _openpyxl_book(path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ranks"
    sheet.append(["rank", "name"])
    for number in range(200):
        sheet.append([f"S{number % 5 + 1}", f"Taxon {number}"])
    book.save(path)
    return path


def _member_offset(path: Path, member: str) -> tuple[int, int]:
    """Where a member's compressed bytes start in the file, and how many there are."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    data = path.read_bytes()
    name_length, extra_length = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    return info.header_offset + 30 + name_length + extra_length, info.compress_size


# ---- damaged workbooks: one line, exit 2 -------------------------------------------------------------------------


def test_one_flipped_byte_in_a_sheet_is_a_damaged_workbook(srank_cli: Run, tmp_path: Path) -> None:
    book = _openpyxl_book(tmp_path / "flipped.xlsx")
    start, size = _member_offset(book, "xl/worksheets/sheet1.xml")
    data = bytearray(book.read_bytes())
    data[start + size // 2] ^= 0xFF
    book.write_bytes(bytes(data))
    status, out, err = srank_cli("check", book, "-c", "rank")
    assert (status, out) == (2, "")
    assert err.startswith(f"srank: {book} is a damaged workbook (the part xl/worksheets/sheet1.xml cannot be unpacked:")
    assert err.count("\n") == 1


def test_a_truncated_workbook_is_damaged_not_a_zip_archive(srank_cli: Run, tmp_path: Path) -> None:
    book = _openpyxl_book(tmp_path / "cut.xlsx")
    book.write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    status, out, err = srank_cli("check", book, "-c", "rank")
    assert (status, out) == (2, "")
    _damaged(err, book, "its zip directory cannot be read")


def test_a_sheet_with_a_bad_crc_is_damaged(srank_cli: Run, tmp_path: Path) -> None:
    book = _openpyxl_book(tmp_path / "crc.xlsx")
    with zipfile.ZipFile(book) as archive:
        crc = archive.getinfo("xl/worksheets/sheet1.xml").CRC
    data = book.read_bytes()
    stated = struct.pack("<I", crc)
    assert data.count(stated) == 2  # the local header and the central directory
    book.write_bytes(data.replace(stated, struct.pack("<I", crc ^ 1)))
    status, _, err = srank_cli("check", book, "-c", "rank")
    assert status == 2
    _damaged(
        err,
        book,
        "the part xl/worksheets/sheet1.xml cannot be unpacked: Bad CRC-32 for file 'xl/worksheets/sheet1.xml'",
    )


@pytest.mark.parametrize(
    ("cell", "detail"),
    [
        ('<c r="A2" t="s"><v>99</v></c>', "Cell string index not found in shared strings table"),
        ('<c r="A2" t="b"><v>7</v></c>', "Unrecognized boolean cell value: 7"),
        ('<c r="2A" t="inlineStr"><is><t>S1</t></is></c>', "Expecting alphanumeric character, got 41"),
    ],
    ids=["shared-string-index", "boolean", "cell-reference"],
)
def test_a_bad_cell_is_a_damaged_workbook(srank_cli: Run, tmp_path: Path, cell: str, detail: str) -> None:
    book = xlsx(tmp_path / "bad.xlsx", [("Ranks", sheet_xml(_HEADER + f'<row r="2">{cell}</row>'))], shared=["x"])
    status, out, err = srank_cli("check", book, "-c", "rank")
    assert (status, out) == (2, "")
    _damaged(err, book, detail)


@pytest.mark.parametrize(
    ("cell", "text"),
    [('<c r="A2"><v>abc</v></c>', "abc"), ('<c r="A2" t="d"><v>not a date</v></c>', "not a date")],
    ids=["number", "date"],
)
def test_a_bad_number_or_date_is_kept_as_its_text(srank_cli: Run, tmp_path: Path, cell: str, text: str) -> None:
    book = _one_rank_sheet(tmp_path / "text.xlsx", f'<row r="2">{cell}</row>')
    status, out, _ = srank_cli("check", book, "-c", "rank")
    assert status == 1
    assert out.splitlines()[1].startswith(f"{text},false,,,,")


def test_a_workbook_without_sheets_is_damaged(srank_cli: Run, tmp_path: Path) -> None:
    book = xlsx(tmp_path / "none.xlsx", [])
    status, _, err = srank_cli("check", book, "-c", "rank")
    assert status == 2
    _damaged(err, book, "it has no sheets")


def test_sheet_naming_a_chartsheet_says_so(srank_cli: Run, tmp_path: Path) -> None:
    book = xlsx(tmp_path / "chart.xlsx", [("Ranks", sheet_xml(_HEADER)), ("Chart1", "")], charts=("Chart1",))
    assert srank_cli("check", book, "-c", "rank", "--sheet", "Chart1")[::2] == (
        2,
        f"srank: {book}: the sheet 'Chart1' is a chartsheet, not a sheet of cells\n",
    )


# ---- hidden sheets and the formats srank names -------------------------------------------------------------------


def test_a_hidden_first_sheet_is_read_and_said_to_be_hidden(srank_cli: Run, tmp_path: Path) -> None:
    old = sheet_xml(_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c></row>')
    book = xlsx(tmp_path / "hidden.xlsx", [("Old", old), ("New", sheet_xml(_HEADER))], hidden=("Old",))
    status, out, err = srank_cli("check", book, "-c", "rank")
    assert (status, out.splitlines()) == (0, [_OUT, "S1,true,S1,S1,Critically Imperiled,"])
    assert err.splitlines()[0] == (
        f"srank: {book}: reading the first sheet, 'Old', which is hidden; the visible sheets are 'New' (choose one"
        " with --sheet)"
    )


def _encrypted_package(path: Path) -> Path:
    """An OLE2 compound file whose directory holds a stream EncryptedPackage: how an encrypted .xlsx is stored."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<III", fat_sector, end, end) + struct.pack("<I", free) * 125

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, free, free, child)
            + bytes(36)
            + struct.pack("<IIQ", start, size, 0)[:12]
        ).ljust(128, b"\0")

    directory = entry("Root Entry", 5, 1, end, 0) + entry("EncryptedPackage", 2, free, 2, 8) + bytes(256)
    path.write_bytes(header + fat + directory + b"\x08".ljust(512, b"\0"))
    return path


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            _encrypted_package,
            "is an encrypted (password-protected) workbook; srank cannot read it: save a copy without a password and"
            " check that",
        ),
        (
            lambda path: _zip(path, {"[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\0"}),
            "is a damaged workbook (Cannot detect file format)",
        ),
        (
            lambda path: _zip(path, {"notes.txt": "hello"}),
            "is a zip archive, not a CSV file; unzip it and check the CSV file inside",
        ),
    ],
    ids=["encrypted", "xlsb-without-sheets", "zip"],
)
def test_each_kind_of_file_is_named_for_what_it_is(srank_cli: Run, tmp_path: Path, build: object, message: str) -> None:
    path = build(tmp_path / "input.xlsx")  # type: ignore[operator]
    status, out, err = srank_cli("check", path, "-c", "rank")
    assert (status, out) == (2, "")
    assert err.startswith(f"srank: {path} {message}")
    assert err.count("\n") == 1


def _zip(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_an_ods_sheet_is_read_with_its_values_as_shown(srank_cli: Run, tmp_path: Path) -> None:
    cell = "<table:table-cell {}><text:p>{}</text:p></table:table-cell>"
    book = ods(
        tmp_path / "ranks.ods",
        '<table:table table:name="Ranks"><table:table-row>'
        + cell.format('office:value-type="string"', "rank")
        + cell.format('office:value-type="string"', "seen")
        + cell.format('office:value-type="string"', "count")
        + cell.format('office:value-type="string"', "kept")
        + "</table:table-row><table:table-row>"
        + cell.format('office:value-type="string"', "S2")
        + cell.format('office:value-type="date" office:date-value="2024-03-01"', "01/03/2024")
        + cell.format('office:value-type="float" office:value="12"', "12.00")
        + cell.format('office:value-type="boolean" office:boolean-value="true"', "TRUE")
        + "</table:table-row></table:table>",
    )
    status, out, _ = srank_cli("check", book, "-c", "rank")
    assert (status, out.splitlines()) == (
        0,
        [
            "rank,seen,count,kept,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message",
            "S2,2024-03-01,12,TRUE,true,S2,S2,Imperiled,",
        ],
    )


def test_a_workbook_on_stdin_is_read(srank_cli: Run, tmp_path: Path) -> None:
    book = _one_rank_sheet(tmp_path / "in.xlsx", '<row r="2"><c r="A2" t="inlineStr"><is><t>S3</t></is></c></row>')
    status, out, _ = srank_cli("check", "-", "-c", "rank", stdin=book.read_bytes())
    assert (status, out.splitlines()[1]) == (0, "S3,true,S3,S3,Vulnerable,")


def test_a_workbook_on_stdin_past_the_bound_is_refused_as_a_file_that_long_is(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read to the bound and no further, then named as too long: it used to be cut there and called a damaged zip.
    from srank.cli import _sources, _workbook_limits

    book = _one_rank_sheet(tmp_path / "in.xlsx", '<row r="2"><c r="A2" t="inlineStr"><is><t>S3</t></is></c></row>')
    monkeypatch.setattr(_workbook_limits, "MAX_WORKBOOK_BYTES", 2000)
    monkeypatch.setattr(_sources, "_SPOOL", 1000)  # past it, the bytes go to a temporary file
    padded = book.read_bytes() + b"\0" * 3000
    status, out, err = srank_cli("check", "-", "-c", "rank", stdin=padded)
    assert (status, out, err) == (
        2,
        "",
        "srank: stdin is more than 1 GiB long, more than srank reads from a workbook\n",
    )
    monkeypatch.setattr(_workbook_limits, "MAX_WORKBOOK_BYTES", 1 << 30)
    status, out, _ = srank_cli("check", "-", "-c", "rank", stdin=book.read_bytes())  # spilled to disk, and read
    assert (status, out.splitlines()[1]) == (0, "S3,true,S3,S3,Vulnerable,")


def test_a_sheet_written_without_positions_is_read_as_calamine_reads_it(srank_cli: Run, tmp_path: Path) -> None:
    cells = (
        '<x:row><x:c t="inlineStr"><x:is><x:t>rank</x:t></x:is></x:c></x:row>'
        '<x:row><x:c t="inlineStr"><x:is><x:t>S4</x:t></x:is></x:c></x:row>'
    )
    part = (
        '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main"><x:sheetData>{cells}</x:sheetData></x:worksheet>'
    )
    book = xlsx(tmp_path / "bare.xlsx", [("Ranks", part)])
    status, out, _ = srank_cli("check", book, "-c", "rank")
    assert (status, out.splitlines()[1]) == (0, "S4,true,S4,S4,Apparently Secure,")


def test_a_cell_longer_than_a_spreadsheet_cell_is_named(srank_cli: Run, tmp_path: Path) -> None:
    long = "S" * 40_000
    book = _one_rank_sheet(
        tmp_path / "long.xlsx", f'<row r="2"><c r="A2" t="inlineStr"><is><t>{long}</t></is></c></row>'
    )
    assert srank_cli("check", book, "-c", "rank")[::2] == (
        2,
        f"srank: {book}: the cell A2 of the sheet 'Ranks' holds 40,000 characters, more than a spreadsheet cell can"
        " (32,767); the workbook is damaged or was not made by a spreadsheet program\n",
    )


# ---- bombs, in a child process under a memory and CPU limit -------------------------------------------------------

_MEMORY = 1 << 30  # address space, bytes
_CPU_SECONDS = 60


def _bounded_run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (_MEMORY, _MEMORY))
        resource.setrlimit(resource.RLIMIT_CPU, (_CPU_SECONDS, _CPU_SECONDS))

    return subprocess.run(
        [sys.executable, "-m", "srank", *map(str, argv)],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=4 * _CPU_SECONDS,
        check=False,
    )


def _big_cell_book(path: Path, characters: int, stated: int | None = None) -> Path:
    """One inline-string cell of ``characters`` letters, written in pieces (the zip is a few hundred KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        template = xlsx(path.with_suffix(".tmp"), [("Ranks", sheet_xml(_HEADER + "{}"))])
        with zipfile.ZipFile(template) as parts:
            for info in parts.infolist():
                text = parts.read(info)
                if info.filename.endswith("sheet1.xml"):
                    before, after = text.split(b"{}")
                    with archive.open(info.filename, "w") as sheet:
                        sheet.write(before + b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
                        for _ in range(characters >> 20):
                            sheet.write(b"S" * (1 << 20))
                        sheet.write(b"</t></is></c></row>" + after)
                else:
                    archive.writestr(info.filename, text)
    if stated is not None:  # the zip states a smaller size than the part unpacks to
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/worksheets/sheet1.xml")
        true = struct.pack("<I", info.file_size)
        assert data.count(true) >= 1  # the central directory, and the data descriptor after the part
        path.write_bytes(bytes(data).replace(true, struct.pack("<I", stated)))
    return path


def test_a_part_that_unpacks_past_the_bound_is_refused(tmp_path: Path) -> None:
    book = _big_cell_book(tmp_path / "bomb.xlsx", 300 << 20)
    assert book.stat().st_size < 1 << 20
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"srank: {book}: the part xl/worksheets/sheet1.xml unpacks to 314,573,076 bytes, more than srank reads"
        " (256 MiB a part, unpacked); save the sheet as 'CSV UTF-8' and check that\n"
    )


def test_a_part_that_states_a_smaller_size_than_it_unpacks_to_is_damaged(tmp_path: Path) -> None:
    book = _big_cell_book(tmp_path / "liar.xlsx", 300 << 20, stated=1000)
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"srank: {book} is a damaged workbook (")
    assert result.stderr.count("\n") == 1


def test_one_cell_on_the_last_row_is_read_at_once(tmp_path: Path) -> None:
    book = xlsx(
        tmp_path / "far.xlsx",
        [("Ranks", sheet_xml('<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>rank</t></is></c></row>'))],
    )
    assert book.stat().st_size < 2000
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout) == (0, _OUT + "\n")
    assert result.stderr == f"srank check: {book}: 0 rows: 0 valid, 0 invalid, 0 missing; 0 distinct codes\n"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>S1</t></is></c></row>',
            ": the sheet in xl/worksheets/sheet1.xml spans 1,048,576 rows by 16,384 columns (17,179,869,184 cells),"
            " more than srank reads (16,777,216 cells a sheet); save the sheet as 'CSV UTF-8' and check that",
        ),
        (
            '<row r="2"><c r="XFE2" t="inlineStr"><is><t>S1</t></is></c></row>',
            " is a damaged workbook (xl/worksheets/sheet1.xml has a cell in column 16,385, past Excel's last column,"
            " XFD); open it in Excel or LibreOffice, save it again and check that",
        ),
        (
            '<row r="99999999999"><c t="inlineStr"><is><t>S1</t></is></c></row>',
            " is a damaged workbook (xl/worksheets/sheet1.xml has a row numbered 99999999999, past Excel's last row,"
            " 1,048,576); open it in Excel or LibreOffice, save it again and check that",
        ),
        (
            '<row r="2"><c r="A99999999999" t="inlineStr"><is><t>S1</t></is></c></row>',
            " is a damaged workbook (xl/worksheets/sheet1.xml has the cell reference 'A99999999999', past Excel's last"
            " row, 1,048,576); open it in Excel or LibreOffice, save it again and check that",
        ),
        (
            '<row r="1048576"/><row><c t="inlineStr"><is><t>S1</t></is></c></row>',
            " is a damaged workbook (xl/worksheets/sheet1.xml has a cell on row 1,048,577, past Excel's last row,"
            " 1,048,576); open it in Excel or LibreOffice, save it again and check that",
        ),
    ],
    ids=["area", "column", "row-number", "cell-reference", "counted-row"],
)
def test_positions_past_the_sheet_are_refused_before_reading(tmp_path: Path, rows: str, message: str) -> None:
    book = _one_rank_sheet(tmp_path / "far.xlsx", rows)
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"srank: {book}{message}\n")


def test_a_sheet_whose_dimension_lies_is_read_by_its_cells(tmp_path: Path) -> None:
    part = sheet_xml(_HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>S5</t></is></c></row>').replace(
        "<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>'
    )
    book = xlsx(tmp_path / "claims.xlsx", [("Ranks", part)])
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout.splitlines()[1]) == (0, "S5,true,S5,S5,Secure,")


@pytest.mark.parametrize(
    ("row", "detail"),
    [
        ('<row r="2"><c r="A2" t="inlineStr">', "at 0..0: unrecognized entity `&lol9;`"),  # read by calamine
        ('<row><c t="inlineStr">', "xl/worksheets/sheet1.xml is not well-formed XML: EntitiesForbidden"),  # by srank
    ],
    ids=["calamine", "defusedxml"],
)
def test_entities_in_a_sheet_are_not_expanded(tmp_path: Path, row: str, detail: str) -> None:
    laughs = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    part = sheet_xml(_HEADER + f"{row}<is><t>&lol9;</t></is></c></row>").replace(
        "<worksheet", f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{laughs}]><worksheet', 1
    )
    book = xlsx(tmp_path / "laughs.xlsx", [("Ranks", part)])
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"srank: {book} is a damaged workbook ({detail}")


def test_repeated_ods_cells_are_counted_as_often_as_they_repeat(tmp_path: Path) -> None:
    book = ods(
        tmp_path / "repeats.ods",
        '<table:table table:name="T"><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>S1</text:p>'
        "</table:table-cell></table:table-row></table:table>",
    )
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"srank: {book}: its sheets span more than 16,777,216 cells together (all are read at once), more than srank"
        " reads (16,777,216 cells, 268,435,456 characters); save the sheet as 'CSV UTF-8' and check that\n"
    )


def test_a_compressed_ods_cell_repeated_past_the_text_bound_is_refused(tmp_path: Path) -> None:
    text = "S" * 30_000
    book = ods(
        tmp_path / "text.ods",
        '<table:table table:name="T"><table:table-row table:number-rows-repeated="1000">'
        f'<table:table-cell table:number-columns-repeated="10" office:value-type="string"><text:p>{text}</text:p>'
        "</table:table-cell></table:table-row></table:table>",
    )
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout) == (2, "")
    assert "its repeated cells unfold to more than 268,435,456 characters" in result.stderr


def test_a_sheet_that_needs_parsing_without_defusedxml_names_the_package(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = xlsx(tmp_path / "bare.xlsx", [("Ranks", sheet_xml('<row><c t="inlineStr"><is><t>rank</t></is></c></row>'))])
    monkeypatch.setitem(sys.modules, "defusedxml", None)
    assert srank_cli("check", book, "-c", "rank")[::2] == (
        2,
        f"srank: {book}: xl/worksheets/sheet1.xml is not written the way spreadsheet programs write a sheet; reading"
        " it needs the defusedxml package (part of the extra xlsx), or save the sheet as 'CSV UTF-8'\n",
    )


# ---- legacy .xls: read through a rebuilt container -----------------------------------------------------------------


def _xls(path: Path) -> Path:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Ranks")
    dated = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    rows: list[list[object]] = [["rank", "count", "seen", "kept"], ["S1", 1, datetime.date(2024, 3, 1), True]]
    rows.append(["G9", 2.5, None, False])
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if value is not None:
                style = dated if isinstance(value, datetime.date) else xlwt.Style.default_style
                sheet.write(number, column, value, style)
    book.save(str(path))
    return path


def _patched(path: Path, old: bytes, new: bytes) -> Path:
    data = path.read_bytes()
    assert data.count(old) >= 1
    path.write_bytes(data.replace(old, new, 1))
    return path


def test_a_legacy_xls_workbook_is_read(srank_cli: Run, tmp_path: Path) -> None:
    status, out, _ = srank_cli("check", _xls(tmp_path / "old.xls"), "-c", "rank")
    assert status == 1
    assert out.splitlines()[:2] == [
        "rank,count,seen,kept,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message",
        "S1,1,2024-03-01,TRUE,true,S1,S1,Critically Imperiled,",
    ]
    assert out.splitlines()[2].startswith("G9,2.5,,FALSE,false,,,,")


def _small_stream_xls(path: Path) -> Path:
    """The same sheet in an OLE2 file of its own making whose Workbook stream is under 4 KiB: in the mini stream."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    book.add_sheet("Ranks").write(0, 0, "rank")
    book.get_sheet(0).write(1, 0, "S2")
    stream = book.get_biff_data()
    assert len(stream) < 4096
    mini = stream + bytes(-len(stream) % 64)
    container = mini + bytes(-len(mini) % 512)
    free, end = 0xFFFFFFFF, 0xFFFFFFFE
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += (
        struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 2, 1, end, 0) + struct.pack("<I", 0) + struct.pack("<I", free) * 108
    )
    sectors = len(container) // 512
    fat = [0xFFFFFFFD, end, end] + [3 + number + 1 for number in range(sectors - 1)] + [end]
    fat += [free] * (128 - len(fat))
    units = len(mini) // 64
    mini_fat = [number + 1 for number in range(units - 1)] + [end] + [free] * (128 - units)

    def entry(title: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (title + "\0").encode("utf-16-le")
        fields = struct.pack("<HBBIII", len(encoded), kind, 1, free, free, child)
        return (encoded.ljust(64, b"\0") + fields + bytes(36) + struct.pack("<IQ", start, size)).ljust(128, b"\0")

    directory = entry("Root Entry", 5, 1, 3, len(mini)) + entry("Workbook", 2, free, 0, len(stream)) + bytes(256)
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + struct.pack("<128I", *mini_fat) + container)
    return path


def test_an_xls_whose_workbook_stream_is_in_the_mini_stream_is_read(srank_cli: Run, tmp_path: Path) -> None:
    status, out, _ = srank_cli("check", _small_stream_xls(tmp_path / "small.xls"), "-c", "rank")
    assert (status, out.splitlines()) == (0, [_OUT, "S2,true,S2,S2,Imperiled,"])


def test_an_xls_dimensions_claim_is_not_believed(tmp_path: Path) -> None:
    # DIMENSIONS (0x0200, 14 bytes): rows 0 to 0xFFFFFFFF, columns 0 to 255; calamine reserved memory for it all.
    book = _xls(tmp_path / "claims.xls")
    data = book.read_bytes()
    at = data.index(b"\x00\x02\x0e\x00")
    book.write_bytes(data[: at + 4] + b"\0\0\0\0\xff\xff\xff\xff\0\0\xff\0" + data[at + 16 :])
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout.splitlines()[1]) == (
        1,
        "S1,1,2024-03-01,TRUE,true,S1,S1,Critically Imperiled,",
    )


def test_an_encrypted_xls_is_named(srank_cli: Run, tmp_path: Path) -> None:
    # WINDOWPROTECT (0x0019) becomes FILEPASS (0x002F) with a scheme: the records after it would be ciphertext.
    book = _patched(_xls(tmp_path / "locked.xls"), b"\x19\x00\x02\x00\x00\x00", b"\x2f\x00\x02\x00\x01\x00")
    assert srank_cli("check", book, "-c", "rank")[::2] == (
        2,
        f"srank: {book} is an encrypted (password-protected) workbook; srank cannot read it: save a copy without a"
        " password and check that\n",
    )


@pytest.mark.parametrize(
    ("patch", "detail"),
    [
        # The LabelSst record of A1 (row 0, column 0) moved to column 20,480.
        (
            (b"\xfd\x00\x0a\x00\x00\x00\x00\x00", b"\xfd\x00\x0a\x00\x00\x00\x00\x50"),
            "a cell in column 20,481, past Excel's last column, XFD",
        ),
    ],
    ids=["column"],
)
def test_a_bad_xls_record_is_damaged(srank_cli: Run, tmp_path: Path, patch: tuple[bytes, bytes], detail: str) -> None:
    book = _patched(_xls(tmp_path / "bad.xls"), *patch)
    status, _, err = srank_cli("check", book, "-c", "rank")
    assert status == 2
    _damaged(err, book, detail)


def _fat_count(path: Path) -> Path:
    """The header counts 4,294,967,040 FAT sectors: calamine sized a table by that count before reading it."""
    data = bytearray(path.read_bytes())
    data[44:48] = struct.pack("<I", 0xFFFFFF00)
    path.write_bytes(bytes(data))
    return path


def _directory_loop(path: Path) -> Path:
    """The FAT entry of the directory's sector points back at it: calamine followed such a chain for ever."""
    data = bytearray(path.read_bytes())
    directory, fat = struct.unpack_from("<I", data, 48)[0], struct.unpack_from("<I", data, 76)[0]
    struct.pack_into("<I", data, (fat + 1) * 512 + 4 * directory, directory)
    path.write_bytes(bytes(data))
    return path


def _past_the_end(path: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[48:52] = struct.pack("<I", 100)  # the directory starts at sector 100 of a 10-sector file
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("damage", "detail"),
    [
        (_fat_count, "its header counts 4,294,967,040 FAT sectors in a file of 10"),
        (_directory_loop, "a chain of sectors loops or leaves its table"),
        (_past_the_end, "sector 100 is past the end of the file"),
    ],
    ids=["fat-count", "directory-loop", "past-the-end"],
)
def test_a_damaged_ole2_container_is_refused_before_calamine_reads_it(
    tmp_path: Path, damage: object, detail: str
) -> None:
    book = damage(_xls(tmp_path / "ole.xls"))  # type: ignore[operator]
    result = _bounded_run("check", book, "-c", "rank")
    assert (result.returncode, result.stdout) == (2, "")
    _damaged(result.stderr, book, detail)


# ---- .xlsb: read, its cells bounded first ------------------------------------------------------------------------

_XLSB = Path(__file__).parent.parent / "data" / "base.xlsb"
_SHEET_BIN = "xl/worksheets/sheet1.bin"


def _xlsb_copy(path: Path, *patches: tuple[bytes, bytes]) -> Path:
    """base.xlsb with byte strings of its first sheet replaced, the zip written afresh."""
    with zipfile.ZipFile(_XLSB) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == _SHEET_BIN:
                for old, new in patches:
                    assert data.count(old) == 1
                    data = data.replace(old, new)
            target.writestr(info.filename, data)
    return path


def test_an_xlsb_workbook_is_read(srank_cli: Run, tmp_path: Path) -> None:
    status, out, err = srank_cli("check", _xlsb_copy(tmp_path / "base.xlsb"), "-c", "String")
    assert (status, out.splitlines()[0]) == (
        0,
        "String,1,1.1,TRUE,FALSE,2010-10-10,2010-10-10T10:10:10,10:10:10,10:10:10,255:10:10," + _OUT.partition(",")[2],
    )
    assert err.endswith(": 0 rows: 0 valid, 0 invalid, 0 missing; 0 distinct codes\n")


def test_an_xlsb_duration_past_python_s_is_a_damaged_workbook_not_a_traceback(srank_cli: Run, tmp_path: Path) -> None:
    # Found by the workbook fuzzer: calamine converts a duration cell to a timedelta as it gives the row, and a
    # value of 10**12 days overflows it (OverflowError) inside the row loop.
    duration = bytes.fromhex("000008000000c2f280649d432540")  # column 8, the double of 255:10:10 (10.632... days)
    huge = bytes.fromhex("000008000000") + struct.pack("<d", 1e12)
    status, out, err = srank_cli("check", _xlsb_copy(tmp_path / "long.xlsb", (duration, huge)), "-c", "String")
    assert (status, out) == (2, "")
    assert err == (
        f"srank: {tmp_path / 'long.xlsb'} is a damaged workbook (days=2147483647; must have magnitude <= 999999999);"
        " open it in Excel or LibreOffice, save it again and check that\n"
    )


_CELL_A2 = b"\x07\x0c\x00\x00\x00\x00"  # BrtCellIsst, 12 bytes, column 0 (row 2's first cell)


def test_an_xlsb_cell_past_the_last_column_is_damaged(srank_cli: Run, tmp_path: Path) -> None:
    book = _xlsb_copy(tmp_path / "wide.xlsb", (_CELL_A2, b"\x07\x0c\x20\x4e\x00\x00"))
    status, _, err = srank_cli("check", book, "-c", "String")
    assert status == 2
    _damaged(err, book, "xl/worksheets/sheet1.bin has a cell in column 20,001, past Excel's last column, XFD")


def test_an_xlsb_sheet_spanning_the_whole_grid_is_refused_before_reading(tmp_path: Path) -> None:
    book = _xlsb_copy(
        tmp_path / "far.xlsb",
        (b"\x01\x08\x05\x00\x00\x00\x02\x00", b"\x02\x08\x05\x00\x00\x00\x02\x00"),  # row 1's blank F1 -> a number
        (b"\x00\x19\x01\x00\x00\x00", b"\x00\x19\xff\xff\x0f\x00"),  # row 2's header -> row 1,048,576
        (_CELL_A2, b"\x07\x0c\xff\x3f\x00\x00"),  # its first cell -> column XFD
    )
    result = _bounded_run("check", book, "-c", "String")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"srank: {book}: the sheet in xl/worksheets/sheet1.bin spans 1,048,576 rows by 16,383 columns"
        " (17,178,820,608 cells), more than srank reads (16,777,216 cells a sheet); save the sheet as 'CSV UTF-8'"
        " and check that\n"
    )


@pytest.mark.parametrize("name", ["password.xlsx", "password.xls", "password.ods"])
def test_a_workbook_saved_with_a_password_is_named_encrypted(srank_cli: Run, name: str) -> None:
    book = _XLSB.parent / name
    assert srank_cli("check", book, "-c", "rank")[::2] == (
        2,
        f"srank: {book} is an encrypted (password-protected) workbook; srank cannot read it: save a copy without a"
        " password and check that\n",
    )


def test_a_part_declaring_an_unknown_encoding_is_damaged(srank_cli: Run, tmp_path: Path) -> None:
    book = ods(tmp_path / "encoding.ods", '<table:table table:name="T"></table:table>')
    with zipfile.ZipFile(book) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["content.xml"] = parts["content.xml"].replace(b'encoding="UTF-8"', b'encoding="UDF-8"')
    with zipfile.ZipFile(book, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    status, _, err = srank_cli("check", book, "-c", "rank")
    assert status == 2
    _damaged(err, book, "content.xml is not well-formed XML: unknown encoding: UDF-8")


def test_an_xlsb_cell_record_too_short_for_its_column_is_read_as_calamine_reads_it(tmp_path: Path) -> None:
    # A record calamine skips (type 0x20) leaves FF FF FF 00 in its buffer; the short cell record after it
    # overwrites two bytes, and calamine takes the column from the four: 0x00FF0000, column 16,711,681.
    short = b"\x20\x08\xff\xff\xff\x00\x00\x00\x00\x00" + b"\x07\x02\x00\x00"
    book = _xlsb_copy(tmp_path / "short.xlsb", (_CELL_A2 + bytes(8), short))
    result = _bounded_run("check", book, "-c", "String")
    assert (result.returncode, result.stdout) == (2, "")
    _damaged(
        result.stderr, book, "xl/worksheets/sheet1.bin has a cell in column 16,711,681, past Excel's last column, XFD"
    )


def test_a_panic_inside_calamine_is_one_message_without_rust_output(tmp_path: Path) -> None:
    # The first sheet's relationship id no longer exists: calamine 0.37 panics ("no entry found for key").
    book = tmp_path / "panic.xlsb"
    with zipfile.ZipFile(_XLSB) as source, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.bin":
                assert data.count(b"r\x00I\x00d\x001\x00") == 1
                data = data.replace(b"r\x00I\x00d\x001\x00", b"r\x00I\x00d\x009\x00")
            target.writestr(info.filename, data)
    result = _bounded_run("check", book, "-c", "String")
    assert (result.returncode, result.stdout) == (2, "")
    _damaged(result.stderr, book, "its reader stopped: no entry found for key")


@pytest.mark.parametrize(("control", "shown"), [("\n", "\\n"), ("\x1e", "\\x1e")])
def test_a_part_name_with_a_line_break_is_said_on_one_line(
    srank_cli: Run, tmp_path: Path, control: str, shown: str
) -> None:
    # Found by tools/fuzz_workbooks.py: a part named one way in the zip's directory and another in its own
    # header; the directory's name held a character that str.splitlines() breaks a line at.
    book = _one_rank_sheet(tmp_path / "names.xlsx", '<row r="2"><c r="A2" t="inlineStr"><is><t>S1</t></is></c></row>')
    data = book.read_bytes()
    at = data.rindex(b"xl/worksheets/sheet1.xml")  # the central directory's copy of the name, not the header's
    odd = f"xl/{control}orksheets/sheet1.xml".encode()
    book.write_bytes(data[:at] + odd + data[at + len(odd) :])
    status, out, err = srank_cli("check", book, "-c", "rank")
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert f"the part xl/{shown}orksheets/sheet1.xml cannot be unpacked" in err


def test_a_readers_error_quoting_a_hostile_sheet_name_is_shown_escaped(srank_cli: Run, tmp_path: Path) -> None:
    # A sheet whose part is missing: calamine's error is the sheet's name, which holds terminal controls (ESC, BEL)
    # and U+0085, where str.splitlines would cut the line.
    name = "S&#x1b;[31mRED&#x1b;[0m&#x7;X&#x85;Y"
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{ns}/package/2006/content-types"><Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
        ' ContentType="application/xml"/><Override PartName="/xl/workbook.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1"'
        f' Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{ns}/spreadsheetml/2006/main"'
        f' xmlns:r="{ns}/officeDocument/2006/relationships"><sheets><sheet name="{name}" sheetId="1"'
        ' r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship'
        f' Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/gone.xml"/>'
        "</Relationships>",
    }
    book = tmp_path / "controls.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        for part, text in parts.items():
            archive.writestr(part, text)
    status, out, err = srank_cli("check", book, "-c", "rank")
    assert (status, out) == (2, "")
    _damaged(
        err, book, "it lists the sheet 'S\\x1b[31mRED\\x1b[0m\\x07X\\x85Y', but the sheet's cells are not in the file"
    )
