"""srank diff in-process: two exports paired by key, in long form; every row of both accounted for."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run

OLD = (
    "ELEMENT_CODE,SCIENTIFIC_NAME,S_RANK,N_RANK_REVIEW_DATE\n"
    "AB01,Lynx canadensis,S3,2019-05-02\n"
    "AB02,Salix nigra,S2S4,2019-05-02\n"
    'AB03,Poa annua,"S2B,S4N",2019-05-02\n'
    "AB04,Carex lasiocarpa,SNR,2019-05-02\n"
    "AB05,Aster novae-angliae,S1,2019-05-02\n"  # only in OLD
    "AB08,Hesperia leonardus,S2,2019-05-02\n"  # repeated in OLD
    "AB08,Hesperia leonardus,S3,2020-01-15\n"
)
# The rank column was renamed; AB07 is new, AB05 gone, one key is blank.
NEW = (
    "ELEMENT_CODE,SCIENTIFIC_NAME,S RANK,N_RANK_REVIEW_DATE\n"
    "AB01,Lynx canadensis,S2,2024-03-01\n"
    "AB02,Salix nigra,S3,2024-03-01\n"
    "AB03,Poa annua,S1B,2024-03-01\n"
    "AB04,Carex lasiocarpa,SNR,2024-03-01\n"
    "AB07,Setophaga kirtlandii,S1B,2024-03-01\n"
    "AB08,Hesperia leonardus,S2,2024-03-01\n"
    ",Clemmys guttata,S2,2024-03-01\n"
)
HEAD = (
    "ELEMENT_CODE,srank_column,srank_season,srank_old,srank_new,srank_old_rounded,srank_new_rounded,"
    "srank_change,srank_rounded_changed,srank_message"
)
REPEATED = '"error[key-repeated]: the key is repeated (old.csv lines 7, 8; new.csv line 7); not compared"'


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "old.csv").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.csv").write_text(NEW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_row_of_both_exports_is_written_or_named(srank_cli: Run, exports: Path) -> None:
    status, out, err = srank_cli("diff", "old.csv", "new.csv", "--key", "ELEMENT_CODE", "-c", "S_RANK=S RANK")
    assert out == (
        f"{HEAD}\n"
        'AB01,S_RANK,,S3,S2,S3,S2,uplisted,true,"S3 → S2, uplisted (more imperiled)"\n'
        'AB02,S_RANK,,S2S4,S3,S3,S3,more-certain,false,"S2S4 → S3, more certain"\n'
        'AB03,S_RANK,B,S2B,S1B,S2B,S1B,uplisted,true,"S2B → S1B, uplisted (more imperiled)"\n'
        "AB03,S_RANK,N,S4N,,S4N,,removed,true,S4N removed\n"
        "AB04,S_RANK,,SNR,SNR,SNR,SNR,same,false,SNR unchanged\n"
        "AB07,S_RANK,B,,S1B,,S1B,added,true,S1B added; the key is not in old.csv\n"
        f"AB08,S_RANK,,,S2,,,,,{REPEATED}\n"
        ",S_RANK,,,S2,,,,,error[key-blank]: the key is blank on new.csv line 8; not compared\n"
        "AB05,S_RANK,,S1,,S1,,removed,true,S1 removed; the key is not in new.csv\n"
        f"AB08,S_RANK,,S2,,,,,,{REPEATED}\n"
        f"AB08,S_RANK,,S3,,,,,,{REPEATED}\n"
    )
    assert err == (
        "srank diff: old.csv -> new.csv: 11 rows out; 2 uplisted, 1 added, 2 removed, 1 more-certain, 1 same,"
        " 4 not compared\n"
        "  old.csv: 7 rows: 4 paired, 1 not in new.csv, 2 not compared\n"
        "  new.csv: 7 rows: 4 paired, 1 not in old.csv, 2 not compared\n"
        "  rows not compared (named in srank_message):\n"
        "             3  key-repeated: 'AB08' (new.csv line 7), 'AB08' (old.csv line 7), 'AB08' (old.csv line 8)\n"
        "             1  key-blank: new.csv line 8\n"
    )
    assert status == 2  # some rows could not be compared


def test_dates_are_carried_and_a_review_without_change_is_noted(srank_cli: Run, exports: Path) -> None:
    date = ["--old-date", "N_RANK_REVIEW_DATE", "--new-date", "N_RANK_REVIEW_DATE"]
    _, out, err = srank_cli("diff", "old.csv", "new.csv", "--key", "ELEMENT_CODE", "-c", "S_RANK=S RANK", *date)
    lines = out.splitlines()
    assert lines[0] == HEAD + ",srank_old_date,srank_new_date"
    assert lines[5] == (
        "AB04,S_RANK,,SNR,SNR,SNR,SNR,same,false,"
        "SNR unchanged; reviewed but unchanged: the date moved from 2019-05-02 to 2024-03-01,2019-05-02,2024-03-01"
    )
    assert lines[1].endswith(',"S3 → S2, uplisted (more imperiled)",2019-05-02,2024-03-01')  # changed: no note
    assert lines[6] == "AB07,S_RANK,B,,S1B,,S1B,added,true,S1B added; the key is not in old.csv,,2024-03-01"
    assert lines[11] == f"AB08,S_RANK,,S3,,,,,,{REPEATED},2020-01-15,"
    assert ", 1 reviewed but unchanged\n" in err


def test_changes_only_leaves_out_same_rows_and_says_so(srank_cli: Run, exports: Path) -> None:
    _, out, err = srank_cli("diff", "old.csv", "new.csv", "-k", "ELEMENT_CODE", "-c", "S_RANK=S RANK", "--changes-only")
    assert "AB04" not in out
    assert len(out.splitlines()) == 11  # the header and ten rows: problems are never left out
    assert err.splitlines()[0] == (
        "srank diff: old.csv -> new.csv: 10 rows out (1 same row left out by --changes-only); 2 uplisted, 1 added,"
        " 2 removed, 1 more-certain, 1 same, 4 not compared"
    )


def test_jsonl_writes_the_key_and_srank_columns(srank_cli: Run, exports: Path) -> None:
    _, out, _ = srank_cli(
        "diff", "old.csv", "new.csv", "--key", "ELEMENT_CODE", "-c", "S_RANK=S RANK", "--format", "jsonl"
    )
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0] == {
        "ELEMENT_CODE": "AB01",
        "srank_column": "S_RANK",
        "srank_season": None,
        "srank_old": "S3",
        "srank_new": "S2",
        "srank_old_rounded": "S3",
        "srank_new_rounded": "S2",
        "srank_change": "uplisted",
        "srank_rounded_changed": True,
        "srank_message": "S3 → S2, uplisted (more imperiled)",
    }
    assert records[7] == {
        "ELEMENT_CODE": "",
        "srank_column": "S_RANK",
        "srank_season": None,
        "srank_old": None,
        "srank_new": "S2",
        "srank_old_rounded": None,
        "srank_new_rounded": None,
        "srank_change": None,
        "srank_rounded_changed": None,
        "srank_message": "error[key-blank]: the key is blank on new.csv line 8; not compared",
    }
    assert len(records) == 11


def test_each_export_has_its_own_header_row_and_the_hints_name_its_option(srank_cli: Run, tmp_path: Path) -> None:
    # Last year's export has a title (with a comma: it is not the file's delimiter) and a blank line above the header.
    old = tmp_path / "md_2024.csv"
    old.write_text("Rare species, Maryland 2024\n\nELCODE;S Rank\nPMLIL20030;S2\nPDRAN0F010;S2S3\n", encoding="utf-8")
    new = tmp_path / "md_2025.csv"
    new.write_text("ELCODE;S Rank\nPMLIL20030;S1\nPDRAN0F010;S2S3\n", encoding="utf-8")
    compared = ["diff", old, new, "-k", "ELCODE", "-c", "S Rank"]
    assert srank_cli(*compared)[2] == (
        f"srank: {old} has no column 'ELCODE'; the columns are: 'Rare species', ' Maryland 2024'; 'ELCODE' is on"
        " line 3: if the header is there, pass --old-header-row 3\n"
    )
    assert srank_cli(*compared, "--header-row", "3")[2] == (
        f"srank: {new} has no column 'ELCODE'; the columns are: 'PDRAN0F010', 'S2S3'; --header-row 3 is the header"
        " row of both files: give this one its own with --new-header-row N\n"
    )
    status, out, _ = srank_cli(*compared, "--old-header-row", "3")
    assert status == 1
    assert out.splitlines()[1:] == [
        "PMLIL20030;S Rank;;S2;S1;S2;S1;uplisted;true;S2 → S1, uplisted (more imperiled)",
        "PDRAN0F010;S Rank;;S2S3;S2S3;S2;S2;same;false;S2S3 unchanged",
    ]
    assert srank_cli(*compared, "--header-row", "3", "--new-header-row", "1")[1] == out
    # A name mistyped on the right row is said as such: --header-row moved no file's header.
    assert srank_cli("diff", old, old, "-k", "ELCODE", "-c", "S rank", "--header-row", "3")[2] == (
        f"srank: {old} has no column 'S rank'; the columns are: 'ELCODE', 'S Rank' (did you mean 'S Rank'?)\n"
    )
    assert srank_cli("diff", old, new, "-k", "ELCODE", "-c", "S Rank", "--header-row", "3", "--new-header-row", "4")[
        2
    ] == (f"srank: {new}: --new-header-row 4 is past the last line (3)\n")


def test_cells_merged_down_a_compared_column_are_named_with_their_file(srank_cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (["id", "S Rank"], ["1", "S2"], ["2", "S2"], ["3", "S3"]):
        book.active.append(row)
    book.save(tmp_path / "old.xlsx")
    book.active["B3"] = None
    book.active.merge_cells("B2:B3")  # this year's file gives 1 and 2 one merged rank
    book.save(tmp_path / "new.xlsx")
    status, _, err = srank_cli("diff", tmp_path / "old.xlsx", tmp_path / "new.xlsx", "-k", "id", "-c", "S Rank")
    assert status == 1
    assert err.splitlines()[-1] == (
        f"  {tmp_path / 'new.xlsx'}: cells merged down 'S Rank' (B2:B3): a merged range holds its value in its"
        " top-left cell only, so the column's other cells in it read as missing; unmerge them and give each row its"
        " code"
    )


def test_a_workbook_s_other_sheet_is_offered_with_the_option_for_that_file(srank_cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Cover"  # empty: the table is on the next sheet
    book.create_sheet("Data").append(["id", "S Rank"])
    book["Data"].append(["1", "S2"])
    book.save(tmp_path / "new.xlsx")
    (tmp_path / "old.csv").write_text("id,S Rank\n1,S3\n", encoding="utf-8")
    compared = ["diff", tmp_path / "old.csv", tmp_path / "new.xlsx", "-k", "id", "-c", "S Rank"]
    assert srank_cli(*compared)[2] == (
        f"srank: {tmp_path / 'new.xlsx'}: the sheet 'Cover' is empty; expected a header row naming the columns;"
        " the sheet 'Data' names the columns: read that sheet with --new-sheet\n"
    )
    assert srank_cli(*compared, "--new-sheet", "Data")[0] == 1


def test_exit_status_0_when_no_rank_changed_notation_included(srank_cli: Run, exports: Path) -> None:
    (exports / "reordered.csv").write_text("id,rank\n2,S3\n1,s2b\n", encoding="utf-8")
    old = b"id,rank\n1,S2B\n2,S3\n"
    status, out, err = srank_cli("diff", "-", "reordered.csv", "--key", "id", "-c", "rank", "--lenient", stdin=old)
    assert status == 0
    assert out == (
        "id,srank_column,srank_season,srank_old,srank_new,srank_old_rounded,srank_new_rounded,srank_change,"
        "srank_rounded_changed,srank_message\n"
        "2,rank,,S3,S3,S3,S3,same,false,S3 unchanged\n"
        '1,rank,B,S2B,S2B,S2B,S2B,notation,false,"S2B → s2b, the same rank written differently"\n'
    )
    assert err.splitlines()[1:] == [
        "  stdin: 2 rows: 2 paired, 0 not in reordered.csv",
        "  reordered.csv: 2 rows: 2 paired, 0 not in stdin",
    ]


def test_exit_status_1_when_a_rank_changed_and_every_row_compared(srank_cli: Run, exports: Path) -> None:
    (exports / "old.tsv").write_text("id\trank\n1\tS2\n", encoding="utf-8")
    (exports / "new.tsv").write_text("id\trank\n1\tS2\n2\tS4\n", encoding="utf-8")
    status, out, _ = srank_cli("diff", "old.tsv", "new.tsv", "--key", "id", "-c", "rank")
    assert status == 1
    assert out.splitlines()[1:] == [  # TSV in, TSV out
        "1\trank\t\tS2\tS2\tS2\tS2\tsame\tfalse\tS2 unchanged",
        "2\trank\t\t\tS4\t\tS4\tadded\ttrue\tS4 added; the key is not in old.tsv",
    ]


def test_a_part_written_twice_is_notation_and_a_season_ranked_twice_pairs_its_equal_part(
    srank_cli: Run, tmp_path: Path
) -> None:
    (tmp_path / "old.csv").write_text('id,rank\n1,"S2B,S2B"\n2,"SNA,SNA"\n3,"S2B,S3B"\n', encoding="utf-8")
    (tmp_path / "new.csv").write_text('id,rank\n1,S2B\n2,SNA\n3,"S3B,S2B"\n', encoding="utf-8")
    status, out, err = srank_cli("diff", tmp_path / "old.csv", tmp_path / "new.csv", "--key", "id", "-c", "rank")
    assert status == 0
    assert out.splitlines()[1:] == [
        '1,rank,,"S2B,S2B",S2B,"S2B,S2B",S2B,notation,false,"S2B,S2B → S2B, the same rank written differently"',
        '2,rank,,"SNA,SNA",SNA,"SNA,SNA",SNA,notation,false,"SNA,SNA → SNA, the same rank written differently"',
        '3,rank,,"S2B,S3B","S3B,S2B","S2B,S3B","S3B,S2B",notation,false,'
        '"S2B,S3B → S3B,S2B, the same rank written differently"',
    ]
    assert err.splitlines()[0] == (
        f"srank diff: {tmp_path / 'old.csv'} -> {tmp_path / 'new.csv'}: 3 rows out; 3 notation"
    )
    (tmp_path / "new.csv").write_text('id,rank\n1,"S2B,S2B,S2B"\n2,SNA\n3,S3B\n', encoding="utf-8")
    status, out, _ = srank_cli("diff", tmp_path / "old.csv", tmp_path / "new.csv", "--key", "id", "-c", "rank")
    assert status == 1
    assert out.splitlines()[1:] == [
        '1,rank,,"S2B,S2B","S2B,S2B,S2B","S2B,S2B","S2B,S2B,S2B",notation,false,'
        '"S2B,S2B → S2B,S2B,S2B, the same rank written differently"',
        '2,rank,,"SNA,SNA",SNA,"SNA,SNA",SNA,notation,false,"SNA,SNA → SNA, the same rank written differently"',
        "3,rank,B,S3B,S3B,S3B,S3B,same,false,S3B unchanged",
        "3,rank,B,S2B,,S2B,,removed,true,S2B removed",
    ]


def test_lenient_is_offered_for_a_distribution_only_where_it_reads_all_of_it(srank_cli: Run, tmp_path: Path) -> None:
    # Lenient reading of "Maryland (S2)" keeps the nation only: offering it would drop every state from the diff.
    old = 'id,dist\n1,"United States (N3): Maryland (S2), VA (S3)"\n2,"United States (N3): md (s2)"\n'
    new = 'id,dist\n1,"United States (N3): Maryland (S1), VA (S3)"\n2,"United States (N3): MD (S1)"\n'
    (tmp_path / "old.csv").write_text(old, encoding="utf-8")
    (tmp_path / "new.csv").write_text(new, encoding="utf-8")
    paths = (tmp_path / "old.csv", tmp_path / "new.csv")
    status, _, err = srank_cli("diff", *paths, "--key", "id", "--distribution-column", "dist")
    assert status == 2
    assert "  --lenient would read 1 of the 2 invalid rows" in err.splitlines()
    # A line that does not parse but whose every place lenient reading reads loses nothing: it is offered.
    (tmp_path / "old.csv").write_text('id,dist\n1,"United States (N3): MD (S2); VA (S3)"\n', encoding="utf-8")
    (tmp_path / "new.csv").write_text('id,dist\n1,"United States (N3): MD (S1), VA (S3)"\n', encoding="utf-8")
    status, _, err = srank_cli("diff", *paths, "--key", "id", "--distribution-column", "dist")
    assert "  --lenient would read the invalid row" in err.splitlines()


def test_exit_status_2_for_an_unreadable_code_named_with_its_side(srank_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text("id,rank\n1,S3/S4\n2,S1\n", encoding="utf-8")
    (tmp_path / "new.csv").write_text("id,rank\n1,S3\n2,S1\n", encoding="utf-8")
    status, out, err = srank_cli("diff", tmp_path / "old.csv", tmp_path / "new.csv", "--key", "id", "-c", "rank")
    assert status == 2
    assert out.splitlines()[1] == (
        "1,rank,,S3/S4,S3,,S3,,,\"old: error[syntax]: Expected the end of a range (S4 or S5), '?', an infraspecific"
        " part (T1-T5, TX, TH, TU, TNR or TNA), a season letter (B, N or M) or ',' after 'S3', found '/'; hint:"
        " --lenient reads this as 'S3S4'\""
    )
    assert err.splitlines()[:4] == [
        f"srank diff: {tmp_path / 'old.csv'} -> {tmp_path / 'new.csv'}: 2 rows out; 1 same, 1 invalid",
        "  most common problems:",
        "           1  syntax: 'S3/S4' / 'S3' (1)",
        "  --lenient would read the invalid row",
    ]
    status, out, _ = srank_cli(
        "diff", tmp_path / "old.csv", tmp_path / "new.csv", "--key", "id", "-c", "rank", "--lenient"
    )
    assert status == 1  # read leniently, S3/S4 -> S3 is a change
    assert out.splitlines()[1] == '1,rank,,S3S4,S3,S3,S3,more-certain,false,"S3/S4 → S3, more certain"'


def _lenient_distributions(srank_cli: Run, tmp_path: Path, old_cell: str, new_cell: str) -> tuple[int, str, str]:
    """srank diff --lenient of one key's distribution cell in last year's file and this year's."""
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(f'ID,DIST\n1,"{old_cell}"\n', encoding="utf-8")
    new.write_text(f'ID,DIST\n1,"{new_cell}"\n', encoding="utf-8")
    return srank_cli("diff", old, new, "--key", "ID", "--distribution-column", "DIST", "--lenient")


def test_a_place_whose_rank_lenient_reading_cannot_read_is_not_compared(srank_cli: Run, tmp_path: Path) -> None:
    # Vermont had a rank last year, one that cannot be read: not "added" this year.
    status, out, err = _lenient_distributions(
        srank_cli, tmp_path, "United States (N3): VT (S9), NH (S2)", "United States (N3): VT (S2), NH (S2)"
    )
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    assert status == 2
    assert out.splitlines()[1:] == [
        "1,DIST,US,,N3,N3,N3,N3,same,false,United States: N3 unchanged",
        "1,DIST,US-VT,,S9,S2,,,,,\"Vermont: not compared; warning[unreadable-rank]: The rank 'S9' could not be read"
        " (Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9'); the record keeps its text\"",
        "1,DIST,US-NH,,S2,S2,S2,S2,same,false,New Hampshire: S2 unchanged",
    ]
    assert err.splitlines()[:3] == [
        f"srank diff: {old} -> {new}: 3 rows out; 2 same, 1 not compared",
        "  most common problems:",
        "           1  unreadable-rank: 'US-VT' (1)",
    ]
    # Each place not compared is counted among the problems, not only a key's first.
    status, _, err = _lenient_distributions(
        srank_cli,
        tmp_path,
        "United States (N4): VT (S2), NH (S3), ME (S1)",
        "United States (N4): VT (S9), NH (S8), ME (S7)",
    )
    assert err.splitlines()[:3] == [
        f"srank diff: {old} -> {new}: 4 rows out; 1 same, 3 not compared",
        "  most common problems:",
        "           3  unreadable-rank: 'US-VT' (1), 'US-NH' (1), 'US-ME' (1)",
    ]
    # A cell of which lenient reading kept nothing is not compared, as a cell that does not read is not.
    status, out, err = _lenient_distributions(srank_cli, tmp_path, "United States (N4): VT (S2)", "garbage")
    assert (status, out.splitlines()[1:]) == (
        2,
        [
            "1,DIST,,,,,,,,,\"new: warning[distribution-syntax]: Expected ' (', found the end of the text; 'garbage'"
            ' does not read as a whole: it was skipped"'
        ],
    )
    assert err.splitlines()[0] == f"srank diff: {old} -> {new}: 1 row out; 1 invalid"
    # Every such place keeps its row, when no place of the cell reads.
    status, out, err = _lenient_distributions(srank_cli, tmp_path, "US(N9), CA(N8)", "US(N2), CA(N3)")
    assert [line.split(",")[2] for line in out.splitlines()[1:]] == ["US", "CA"]
    assert (status, err.splitlines()[0]) == (2, f"srank diff: {old} -> {new}: 2 rows out; 2 not compared")


def test_a_place_missing_from_a_distribution_not_read_whole_is_not_compared(srank_cli: Run, tmp_path: Path) -> None:
    # A parenthesis left open: lenient reading keeps BC and skips "AB (S3": Alberta was not removed.
    status, out, err = _lenient_distributions(
        srank_cli, tmp_path, "Canada (N3): AB (S3)", "Canada (N3): AB (S3, BC (S1)"
    )
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    assert status == 2
    assert [line.split(",")[2:9] for line in out.splitlines()[1:]] == [
        ["CA", "", "N3", "N3", "N3", "N3", "same"],
        ["CA-AB", "", "S3", "", "", "", ""],
        ["CA-BC", "", "", "S1", "", "S1", "added"],
    ]
    assert "Alberta: not compared; warning[place-maybe-skipped]: The new distribution does not read as a whole" in out
    assert err.splitlines()[:4] == [
        f"srank diff: {old} -> {new}: 3 rows out; 1 added, 1 same, 1 not compared",
        "  most common problems:",
        "           1  place-maybe-skipped: 'CA-AB' (1)",
        f"  {old}: 1 row: 1 paired, 0 not in {new}",
    ]


def test_a_distribution_column_is_compared_place_by_place(srank_cli: Run, tmp_path: Path) -> None:
    rows = [
        ["taxon", "G Rank", "Distribution"],
        ["Falco", "G4", "United States (N4): MD (S2), VA (S3B,S4N)\nCanada (N5): ON (S4)"],
        ["Lynx", "G5", ""],
    ]
    newer = [
        ["taxon", "G Rank", "Distribution"],
        ["Falco", "G3", "United States (N4): MD (S1), VA (S3B), NY (S3)\nCanada (N5): ON (S4)"],
        ["Lynx", "G5", ""],
    ]
    for name, table in (("old.csv", rows), ("new.csv", newer)):
        with (tmp_path / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(table)
    status, out, err = srank_cli(
        *("diff", tmp_path / "old.csv", tmp_path / "new.csv", "--key", "taxon", "-c", "G Rank"),
        *("--distribution-column", "Distribution", "--changes-only"),
    )
    assert status == 1
    assert out == (
        "taxon,srank_column,srank_place,srank_season,srank_old,srank_new,srank_old_rounded,srank_new_rounded,"
        "srank_change,srank_rounded_changed,srank_message\n"
        'Falco,G Rank,,,G4,G3,G4,G3,uplisted,true,"G4 → G3, uplisted (more imperiled)"\n'
        'Falco,Distribution,US-MD,,S2,S1,S2,S1,uplisted,true,"Maryland: S2 → S1, uplisted (more imperiled)"\n'
        "Falco,Distribution,US-VA,N,S4N,,S4N,,removed,true,Virginia: S4N removed\n"
        "Falco,Distribution,US-NY,,,S3,,S3,added,true,New York: S3 added\n"
    )
    assert err.splitlines()[1:3] == [
        "  column 'G Rank': 1 uplisted, 1 same",
        "  distribution column 'Distribution': 1 uplisted, 1 added, 1 removed, 5 same",
    ]


def test_an_xlsx_new_against_a_cp1252_csv_old(srank_cli: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "old.csv").write_bytes("code;nom;rang\nA1;Épervier;S3\nA2;Grive à joues grises;S2\n".encode("cp1252"))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Rangs 2025"
    for row in (
        ["Liste des rangs, 2025"],
        [],
        ["code", "nom", "rang S"],
        ["A1", "Épervier", "S2"],
        ["A2", "Grive", "S2"],
    ):
        sheet.append(row)
    book.save(tmp_path / "new.xlsx")
    status, out, err = srank_cli(
        *("diff", tmp_path / "old.csv", tmp_path / "new.xlsx", "--old-encoding", "cp1252"),
        *("--key", "code", "-c", "rang=rang S", "--lang", "fr", "--new-sheet", "Rangs 2025"),
    )
    assert status == 1
    assert out == (  # NEW is a workbook: comma-separated output
        "code,srank_column,srank_season,srank_old,srank_new,srank_old_rounded,srank_new_rounded,srank_change,"
        "srank_rounded_changed,srank_message\n"
        'A1,rang,,S3,S2,S3,S2,uplisted,true,"S3 → S2, plus en péril"\n'
        'A2,rang,,S2,S2,S2,S2,same,false,"S2, rang inchangé"\n'
    )
    assert "old.csv\xa0: 2\xa0lignes\xa0: 2\xa0appariées" in err  # --lang fr: the summary too


def test_a_key_of_two_columns_and_a_key_needing_quotes(srank_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text('name,state,rank\n"Poa, annua",VT,S2\nPoa,NH,S3\n', encoding="utf-8")
    (tmp_path / "new.csv").write_text('name,state,rank\n"Poa, annua",VT,S1\nPoa,VT,S3\n', encoding="utf-8")
    _, out, _ = srank_cli("diff", tmp_path / "old.csv", tmp_path / "new.csv", "-k", "name", "-k", "state", "-c", "rank")
    rows = list(csv.reader(io.StringIO(out)))
    assert [row[:4] + row[5:6] for row in rows] == [
        ["name", "state", "srank_column", "srank_season", "srank_new"],
        ["Poa, annua", "VT", "rank", "", "S1"],
        ["Poa", "VT", "rank", "", "S3"],
        ["Poa", "NH", "rank", "", ""],
    ]
    assert [row[8] for row in rows[1:]] == ["uplisted", "added", "removed"]


def test_malformed_rows_are_named_not_dropped(srank_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text("id,rank\n1,S2\n2\n\n", encoding="utf-8")
    (tmp_path / "new.csv").write_text("id,rank\n1,S2\n2,S3,extra\n", encoding="utf-8")
    status, out, err = srank_cli("diff", tmp_path / "old.csv", tmp_path / "new.csv", "--key", "id", "-c", "rank")
    assert status == 2
    assert out.splitlines()[1:] == [
        "1,rank,,S2,S2,S2,S2,same,false,S2 unchanged",
        f'2,rank,,,S3,,,,,"error[malformed-row]: {tmp_path / "new.csv"} line 3 has 3 fields, the header has 2;'
        ' not compared"',
        f'2,rank,,,,,,,,"error[malformed-row]: {tmp_path / "old.csv"} line 3 has 1 field, the header has 2;'
        ' not compared"',
    ]
    assert f"  {tmp_path / 'old.csv'}: 3 rows: 1 paired, 0 not in {tmp_path / 'new.csv'}, 1 not compared," in err
    assert "1 blank row skipped" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-c", "rank"], "srank: name the key column that pairs the rows of OLD and NEW: --key COLUMN\n"),
        (["--key", "id"], "srank: name a column to compare: -c COLUMN (or --distribution-column COLUMN)\n"),
        (["--key", "id", "-c", "rank", "-c", "rank=r"], "srank: 'rank' is given twice as a compared column\n"),
        (["--key", "id", "-c", "rank=grade"], "srank: new.csv has no column 'grade'; the columns are: 'id', 'rank'\n"),
        (
            ["--key", "id", "-c", "rank", "--lang", "xx"],
            "srank: --lang xx: unknown language 'xx'; choose one of: 'en', 'es', 'fr'\n",
        ),
    ],
)
def test_usage_errors_say_what_to_do(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("old.csv", "new.csv"):
        (tmp_path / name).write_text("id,rank\n1,S1\n", encoding="utf-8")
    status, out, err = srank_cli("diff", "old.csv", "new.csv", *argv)
    assert (status, out) == (2, "")
    assert err == message


# One key per kind of change, two for uplisted and same, and an unreadable code; the summary counts each kind.
KINDS_OLD = (
    "id,rank\nk1,G2\nk2,S2\nk3,SX\nk4,S3\nk5,S2\nk6,SU\nk7,S2\nk8,\nk9,S2\nk10,SU\nk11,S2\nk12,S2S3\nk13,S2\n"
    'k14,"S2B,S4N"\nk15,S2\nk16,S9\nk17,S4\nk18,S5\n'
)
KINDS_NEW = (
    "id,rank\nk1,S2\nk2,SX\nk3,S2\nk4,S2\nk5,S3\nk6,S2\nk7,SU\nk8,S2\nk9,\nk10,SNR\nk11,S2S3\nk12,S2\nk13,S2?\n"
    'k14,"S4N,S2B"\nk15,S2\nk16,S2\nk17,S3\nk18,S5\n'
)


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        (
            "en",
            "srank diff: old.csv -> new.csv: 18 rows out; 1 level, 1 extirpated, 1 rediscovered, 2 uplisted,"
            " 1 downlisted, 1 ranked, 1 unranked, 1 added, 1 removed, 1 status, 1 less-certain, 1 more-certain,"
            " 1 qualifier, 1 notation, 2 same, 1 invalid",
        ),
        (
            "fr",
            "srank diff\xa0: old.csv -> new.csv\xa0: 18\xa0lignes en sortie\u202f; 1\xa0changement de niveau,"
            " 1\xa0désormais disparue, 1\xa0redécouverte, 2\xa0plus en péril, 1\xa0moins en péril,"
            " 1\xa0désormais classée, 1\xa0n'est plus classée, 1\xa0rang ajouté, 1\xa0rang retiré,"
            " 1\xa0changement de statut, 1\xa0rang moins précis, 1\xa0rang plus précis, 1\xa0qualificatif changé,"
            " 1\xa0rang écrit autrement, 2\xa0rangs inchangés, 1\xa0invalide",
        ),
        (
            "es",
            "srank diff: old.csv -> new.csv: 18 filas de salida; 1 cambio de nivel, 1 ahora extinta o extirpada,"
            " 1 redescubierta, 2 con mayor riesgo, 1 con menor riesgo, 1 ahora con rango, 1 ya sin rango,"
            " 1 rango añadido, 1 rango retirado, 1 cambio de situación, 1 rango menos preciso, 1 rango más preciso,"
            " 1 calificador cambiado, 1 rango escrito de otra forma, 2 sin cambios, 1 no válida",
        ),
    ],
)
def test_the_summary_names_every_kind_of_change_in_the_language(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, summary: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.csv").write_text(KINDS_OLD, encoding="utf-8")
    (tmp_path / "new.csv").write_text(KINDS_NEW, encoding="utf-8")
    status, out, err = srank_cli("diff", "old.csv", "new.csv", "-k", "id", "-c", "rank", "--lang", lang)
    assert status == 2
    assert err.splitlines()[0] == summary
    changes = [line.split(",")[7] for line in out.splitlines()[1:] if not line.startswith("k14,")]
    assert changes[:4] == ["level", "extirpated", "rediscovered", "uplisted"]  # srank_change stays English


def test_old_and_new_cannot_both_be_stdin(srank_cli: Run) -> None:
    status, _, err = srank_cli("diff", "-", "-", "--key", "id", "-c", "rank", stdin=b"id,rank\n")
    assert (status, err) == (2, "srank: OLD and NEW cannot both be stdin (-)\n")


KEYS = st.sampled_from(["A", "B", "C", "D", "", " "])
CODES = st.sampled_from(["S1", "S2", "S3", "SNR", "", "S2S3", "SX", "bad"])


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # srank_cli reads its output each call
@given(st.lists(st.tuples(KEYS, CODES), max_size=8), st.lists(st.tuples(KEYS, CODES), max_size=8))
def test_every_row_of_both_files_is_in_exactly_one_output_row(
    srank_cli: Run, old: list[tuple[str, str]], new: list[tuple[str, str]]
) -> None:
    kept = [[key for key, code in rows if key.strip() or code] for rows in (old, new)]  # a blank row is skipped
    counts = [Counter(key.strip() for key in keys) for keys in kept]
    paired = sum(1 for key in counts[1] if key and counts[0][key] == 1 and counts[1][key] == 1)
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / name for name in ("old.csv", "new.csv")]
        for path, rows in zip(paths, (old, new), strict=True):
            path.write_text(
                "key,rank\n" + "".join(f"{key}x,{code}\n" if key.strip() else f",{code}\n" for key, code in rows)
            )
        status, out, _ = srank_cli("diff", *paths, "--key", "key", "-c", "rank")
    written = list(csv.reader(io.StringIO(out)))[1:]
    assert len(written) == len(kept[0]) + len(kept[1]) - paired  # a paired key is one row for two
    assert status in (0, 1, 2)
    # Not compared, or a code not read (a key in one file only is still added or removed, with the error).
    assert (status == 2) == any(row[7] == "" or "error[" in row[9] for row in written)


def test_a_key_in_one_file_only_is_added_or_removed_even_when_its_code_does_not_read(
    srank_cli: Run, tmp_path: Path
) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("ID,S\nA,S3S2\nB,S2\n", encoding="utf-8")
    new.write_text("ID,S\nB,S2\nC,S9\n", encoding="utf-8")
    status, out, _ = srank_cli("diff", old, new, "-k", "ID", "-c", "S")
    rows = {row[0]: (row[7], row[9]) for row in csv.reader(io.StringIO(out))}
    assert status == 2  # a code that does not read
    assert rows["A"][0] == "removed"
    assert rows["A"][1].startswith("old: error[range-reversed]: Range 3-2 is reversed;")
    assert rows["A"][1].endswith(f"; the key is not in {new}")
    assert rows["C"][0] == "added"
    assert rows["C"][1].endswith(f"; the key is not in {old}")


def test_a_key_whose_row_in_the_other_file_is_malformed_is_not_called_added(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("id,rank\n1,S1,extra\n2,S2\n", encoding="utf-8")
    new.write_text("id,rank\n1,S1\n2,S3\n", encoding="utf-8")
    status, out, err = srank_cli("diff", old, new, "--key", "id", "-c", "rank")
    assert status == 2
    assert out.splitlines()[1:] == [
        f"1,rank,,,S1,,,,,error[key-unread]: the key's row in {old} line 2 could not be read; not compared",
        '2,rank,,S2,S3,S2,S3,downlisted,true,"S2 → S3, downlisted (less imperiled)"',
        f'1,rank,,S1,,,,,,"error[malformed-row]: {old} line 2 has 3 fields, the header has 2; not compared"',
    ]
    # The summary counts each row under its own code: only OLD's line 2 is malformed.
    assert err.splitlines()[-2:] == [
        f"             1  key-unread: {new} line 2",
        f"             1  malformed-row: {old} line 2",
    ]


def test_a_file_that_is_not_utf8_is_told_the_option_of_its_own_side(srank_cli: Run, tmp_path: Path) -> None:
    # --encoding would decode both files; the hint names the option that sets only the file that failed.
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_bytes("NAME,SRANK\nCastilleja coccínea,S2\n".encode("cp1252"))
    new.write_text("NAME,SRANK\nCastilleja coccínea,S1\n", encoding="utf-8")
    hint = "if it was saved by Excel on Windows, pass --{side}-encoding cp1252\n"
    assert srank_cli("diff", old, new, "--key", "NAME", "-c", "SRANK")[2].endswith(hint.format(side="old"))
    assert srank_cli("diff", new, old, "--key", "NAME", "-c", "SRANK")[2].endswith(hint.format(side="new"))
    status, out, _ = srank_cli("diff", old, new, "--key", "NAME", "-c", "SRANK", "--old-encoding", "cp1252")
    assert (status, out.splitlines()[1]) == (
        1,
        'Castilleja coccínea,SRANK,,S2,S1,S2,S1,uplisted,true,"S2 → S1, uplisted (more imperiled)"',
    )


def test_keys_that_differ_only_in_case_are_not_paired_and_said_so(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "2024.csv", tmp_path / "2025.csv"
    old.write_text("id,S Rank\nABNKC10010,S1\nABC2,S2\nPDRAN0F010,S3\n", encoding="utf-8")
    new.write_text("id,S Rank\nabnkc10010,S1\nABC2,S3\npdran0f010,S3\n", encoding="utf-8")
    status, _, err = srank_cli("diff", old, new, "-k", "id", "-c", "S Rank", "--summary-only")
    assert (status, err.splitlines()[1:]) == (
        1,
        [
            f"  {old}: 3 rows: 1 paired, 2 not in {new}",
            f"  {new}: 3 rows: 1 paired, 2 not in {old}",
            f"  2 keys of {new} differ from keys of {old} only in case, so they are not paired ('ABNKC10010' and"
            " 'abnkc10010')",
        ],
    )
    new.write_text("id,S Rank\nABNKC10010,S1\nABC2,S3\nPDRAN0F010,S3\n", encoding="utf-8")
    assert "only in case" not in srank_cli("diff", old, new, "-k", "id", "-c", "S Rank", "--summary-only")[2]


def test_ids_one_file_writes_as_decimals_are_not_paired_and_said_so(srank_cli: Run, tmp_path: Path) -> None:
    # pandas writes a column of ids with a gap as floats (154704.0); the other export has them as written.
    old, new = tmp_path / "2024.csv", tmp_path / "2025.csv"
    old.write_text("EGT_ID,S\n154704.0,S2\n154705.0,S3\n", encoding="utf-8")
    new.write_text("EGT_ID,S\n154704,S2\n154705,S3\n", encoding="utf-8")
    status, _, err = srank_cli("diff", old, new, "-k", "EGT_ID", "-c", "S", "--summary-only")
    assert (status, err.splitlines()[3]) == (
        1,
        f"  2 keys of {new} differ from keys of {old} only in a decimal .0 (as pandas and spreadsheets write a"
        " number), so they are not paired; read the ids as text where they are written (pandas: dtype=str)"
        " ('154704.0' and '154704')",
    )
    assert "decimal" not in srank_cli("diff", old, old, "-k", "EGT_ID", "-c", "S", "--summary-only")[2]


def test_a_change_in_the_species_part_alone_is_counted_apart(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("ID,G\nA,G5T2\nB,G5TNR\nC,G3\nD,G3T3\n", encoding="utf-8")
    new.write_text("ID,G\nA,G4T2\nB,G4TNR\nC,G2\nD,G4T3\n", encoding="utf-8")
    status, out, err = srank_cli("diff", old, new, "-k", "ID", "-c", "G")
    assert status == 1
    assert [row.split(",")[7:9] for row in out.splitlines()[1:]] == [
        ["uplisted", "false"],
        ["uplisted", "false"],
        ["uplisted", "true"],
        ["downlisted", "false"],
    ]
    assert err.splitlines()[0] == (
        f"srank diff: {old} -> {new}: 4 rows out; 3 uplisted, 1 downlisted, 3 of these in the species' rank alone"
        " (the infraspecific rank unchanged)"
    )
    # Under --summary-only no row is written: the count says so.
    assert srank_cli("diff", old, new, "-k", "ID", "-c", "G", "--summary-only", "--lang", "fr")[2].splitlines()[0] == (
        f"srank diff\u00a0: {old} -> {new}\u00a0: 4\u00a0lignes (--summary-only\u00a0: aucune écrite)"
        "\u202f; 3\u00a0plus en péril, 1\u00a0moins en péril, dont 3\u00a0dans le seul rang de l'espèce (le rang"
        " infraspécifique inchangé)"
    )


def test_a_key_that_is_also_compared_is_a_usage_error(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("ID,G\nA,G3\n", encoding="utf-8")
    new.write_text("ID,G\nA,G2\n", encoding="utf-8")
    said = (
        "srank: 'ID' is both the key (--key), which pairs the rows of OLD and NEW, and a column to compare (-c);"
        " compare the rank columns, and pair the rows by an id such as ELEMENT_CODE\n"
    )
    assert srank_cli("diff", old, new, "-k", "ID", "-c", "ID") == (2, "", said)
    assert srank_cli("diff", old, new, "-k", "ID", "-c", "G=ID")[::2] == (2, said)
    assert srank_cli("diff", old, new, "-k", "ID", "-c", "G")[0] == 1


def test_an_unread_cell_is_shown_as_written_its_spaces_too(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("ID,S\nA,S3 \n", encoding="utf-8")
    new.write_text("ID,S\nA,S3\n", encoding="utf-8")
    rows = list(csv.reader(io.StringIO(srank_cli("diff", old, new, "-k", "ID", "-c", "S")[1])))
    assert rows[1][3:7] == ["S3 ", "S3", "", "S3"]  # the message says "found ' '": the space is there to see
    assert rows[1][9].endswith("found ' '; hint: --lenient reads this as 'S3'")


def test_review_dates_compare_as_days_however_written(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("ID,S,D\nA,S3,5/2/2019\nB,S2,5/2/2019\nC,S1,2019-05-02\nD,S4,12/25/2019\nE,S5,n.d.\n", "utf-8")
    new.write_text(
        "ID,S,D\nA,S3,2019-05-02\nB,S2,2024-03-01\nC,S1,2019/05/02\nD,S4,2019-12-25\nE,S5,2019\n", encoding="utf-8"
    )
    status, out, _ = srank_cli("diff", old, new, "-k", "ID", "-c", "S", "--old-date", "D", "--new-date", "D")
    reviewed = [row[0] for row in csv.reader(io.StringIO(out)) if "reviewed but unchanged" in row[9]]
    assert (status, reviewed) == (0, ["B", "E"])  # 5/2/2019 is 2019-05-02 as a US spreadsheet writes it
    # Two dates written the same way are read the same way: 5/2/2019 and 2/5/2019 are two days.
    old.write_text("ID,S,D\nA,S3,5/2/2019\nB,S2,05/02/2019\nC,S1,5/2/2019 0:00\nD,S4,5/2/19\n", encoding="utf-8")
    new.write_text("ID,S,D\nA,S3,2/5/2019\nB,S2,5/2/2019\nC,S1,2019-05-02\nD,S4,2019-05-02\n", encoding="utf-8")
    _, out, _ = srank_cli("diff", old, new, "-k", "ID", "-c", "S", "--old-date", "D", "--new-date", "D")
    assert [row[0] for row in csv.reader(io.StringIO(out)) if "reviewed but unchanged" in row[9]] == ["A"]


def test_a_file_with_a_header_and_no_rows_is_named(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("ID,G\n", encoding="utf-8")
    new.write_text("ID,G\nA,G2\nB,G3\n", encoding="utf-8")
    status, _, err = srank_cli("diff", old, new, "-k", "ID", "-c", "G", "--summary-only")
    assert (status, err.splitlines()[2]) == (
        1,
        f"  {old} has no rows under its header, so every row of {new} is counted as added or removed; check that it"
        " is the export you meant",
    )
    assert "no rows under its header" not in srank_cli("diff", old, old, "-k", "ID", "-c", "G")[2]  # nothing to count


def test_a_column_new_renamed_is_hinted_with_the_old_new_form(srank_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "old.csv").write_text("id,S Rank\n1,S2\n", encoding="utf-8")
    (tmp_path / "new.csv").write_text("ID,S_RANK\n1,S1\n", encoding="utf-8")
    new = tmp_path / "new.csv"
    status, _, err = srank_cli("diff", tmp_path / "old.csv", new, "-k", "id=ID", "-c", "S Rank")
    assert status == 2
    assert err == (
        f"srank: {new} has no column 'S Rank'; the columns are: 'ID', 'S_RANK' (did you mean 'S_RANK'? If {new}"
        " renamed the column, write it as 'S Rank=S_RANK')\n"
    )
    assert srank_cli("diff", tmp_path / "old.csv", new, "-k", "id=ID", "-c", "S Rank=S_RANK")[0] == 1
    # OLD's own missing column gets the plain "did you mean"
    status, _, err = srank_cli("diff", new, tmp_path / "old.csv", "-k", "ID=id", "-c", "S Rank")
    assert err.endswith("(did you mean 'S_RANK'?)\n")


def test_the_species_only_count_follows_the_counts_it_is_part_of(srank_cli: Run, tmp_path: Path) -> None:
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text("ID,G\n1,G5T2\n2,G3\n3,S2\n", encoding="utf-8")
    new.write_text("ID,G\n1,G4T2\n2,G3\n3,s9\n", encoding="utf-8")
    err = srank_cli("diff", old, new, "-k", "ID", "-c", "G", "--summary-only")[2]
    assert err.splitlines()[0].endswith(
        "3 rows (--summary-only: none written); 1 uplisted, 1 of these in the species' rank alone (the infraspecific"
        " rank unchanged), 1 same, 1 invalid"
    )


def test_a_key_given_as_a_distribution_column_names_that_option(srank_cli: Run, tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text("ID,D\nA,US(N5)\n", encoding="utf-8")
    assert srank_cli("diff", old, old, "-k", "ID", "--distribution-column", "ID")[::2] == (
        2,
        "srank: 'ID' is both the key (--key), which pairs the rows of OLD and NEW, and a column to compare"
        " (--distribution-column); compare the rank columns, and pair the rows by an id such as ELEMENT_CODE\n",
    )
