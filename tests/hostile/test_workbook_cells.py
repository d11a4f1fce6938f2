"""What a workbook cell becomes as text, and where a sheet's header and rows are found (python-calamine)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from workbook_builders import sheet_xml, xlsx

from conftest import Run

pytest.importorskip("python_calamine")


def test_cells_are_written_as_the_sheet_shows_them(srank_cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["rank", "date", "stamp", "time", "span", "whole", "part", "flag", "error", "spaced"])
    sheet.append(
        [
            "S1",
            datetime.date(2024, 3, 1),
            datetime.datetime(2024, 3, 1, 10, 30),
            datetime.time(10, 30),
            datetime.timedelta(days=1, hours=2),
            7.0,
            0.25,
            True,
            "#N/A",
            " S2 ",
        ]
    )
    book.save(tmp_path / "cells.xlsx")
    status, out, _ = srank_cli("check", tmp_path / "cells.xlsx", "-c", "rank")
    assert (status, out.splitlines()[1]) == (
        0,
        "S1,2024-03-01,2024-03-01T10:30:00,10:30:00,26:00:00,7,0.25,TRUE,#N/A, S2 ,true,S1,S1,Critically Imperiled,",
    )


def test_text_keeps_its_spaces_only_where_the_file_says_so(srank_cli: Run, tmp_path: Path) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>rank</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">S1 </t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>S2 </t></is></c></row>'
    )
    book = xlsx(tmp_path / "spaces.xlsx", [("Ranks", sheet_xml(rows))])
    status, out, _ = srank_cli("check", book, "-c", "rank")
    assert status == 1
    assert [line.split(",")[:2] for line in out.splitlines()[1:]] == [["S1 ", "false"], ["S2", "true"]]


def _cell(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_sheet_starting_right_and_below_keeps_its_columns_and_row_numbers(srank_cli: Run, tmp_path: Path) -> None:
    rows = (
        f'<row r="4">{_cell("C4", "Rare plants")}</row>'
        f'<row r="5">{_cell("C5", "name")}{_cell("D5", "rank")}</row>'
        f'<row r="6">{_cell("C6", "Carex")}{_cell("D6", "G9")}</row>'
    )
    book = xlsx(tmp_path / "offset.xlsx", [("Ranks", sheet_xml(rows))])
    status, out, err = srank_cli("check", book, "-c", "rank")
    assert status == 1
    assert out.splitlines()[0] == ",,name,rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message"
    assert out.splitlines()[1].startswith(",,Carex,G9,false,")
    assert err.splitlines()[-1] == "           1  syntax: 'G9' (1); first on row 6"
    status, _, err = srank_cli("check", book, "-c", "rank", "--header-row", "2")
    assert (status, err) == (
        2,
        f"srank: {book}: row 2 of the sheet 'Ranks' is empty; pass --header-row with the row that names the columns\n",
    )
    status, out, _ = srank_cli("check", book, "-c", "rank", "--header-row", "5")
    assert (status, out.splitlines()[1][:12]) == (1, ",,Carex,G9,f")


def test_an_error_cell_in_a_rank_column_is_invalid_not_missing(srank_cli: Run, tmp_path: Path) -> None:
    rows = (
        f'<row r="1">{_cell("A1", "name")}{_cell("B1", "rank")}</row>'
        f'<row r="2">{_cell("A2", "Carex")}<c r="B2" t="e"><f>VLOOKUP(A2,Z:Z,2,0)</f><v>#N/A</v></c></row>'
        f'<row r="3">{_cell("A3", "Poa")}<c r="B3" s="0" t="e"><v>#REF!</v></c></row>'
    )
    book = xlsx(tmp_path / "errors.xlsx", [("Other", sheet_xml("")), ("Ranks", sheet_xml(rows))])
    status, out, _ = srank_cli("check", book, "-c", "rank", "--sheet", "Ranks")
    assert status == 1
    assert [line.split(",")[:3] for line in out.splitlines()[1:]] == [
        ["Carex", "#N/A", "false"],
        ["Poa", "#REF!", "false"],
    ]
