"""srank distribution in-process: long form, one row per place, nothing lost."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import Run

EXPORT = (
    "Scientific Name,G Rank,Distribution\n"
    '"Cynomys ludovicianus",G4,"Canada (N2): AB (SNA)\nUnited States (N4): AZ (SX,S1)"\n'
    "Nothing,G5,\n"
    'Broken,G3,"Canada (N3): AB (S3, BC (S1)"\n'
    'Falco,G5,"CA(N4?B,NUM), US(N5B)"\n'
)
COLUMNS = "srank_nation,srank_subnation,srank_place,srank_rank,srank_rounded,srank_label,srank_message"


def test_rows_in_records_out_and_the_summary_agree(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text(EXPORT)
    status, out, err = srank_cli("distribution", source, "-c", "Distribution")
    cynomys = '"Cynomys ludovicianus",G4,"Canada (N2): AB (SNA)\nUnited States (N4): AZ (SX,S1)"'
    assert status == 1
    assert out == (
        f"Scientific Name,G Rank,Distribution,{COLUMNS}\n"
        f"{cynomys},CA,,Canada,N2,N2,Imperiled,\n"
        f"{cynomys},CA,AB,Alberta,SNA,SNA,Not Applicable,\n"
        f"{cynomys},US,,United States,N4,N4,Apparently Secure,\n"
        f'{cynomys},US,AZ,Arizona,"SX,S1","SX,S1",Presumed Extirpated; Critically Imperiled,'
        "warning[season-missing]: Part 'SX' of a multi-part code has no season letter;"
        " warning[season-missing]: Part 'S1' of a multi-part code has no season letter\n"
        "Nothing,G5,,,,,,,,warning[empty-distribution]: the cell holds no distribution\n"
        "Broken,G3,\"Canada (N3): AB (S3, BC (S1)\",,,,,,,\"error[distribution-syntax]: Expected ')', found '(';"
        " hint: a distribution reads 'United States (N5): MD (S3), VA (S4)' or 'CA(N4), US(N5B,NNRN)'\"\n"
        'Falco,G5,"CA(N4?B,NUM), US(N5B)",CA,,Canada,"N4?B,NUM","N4B,NUM",'
        "Breeding: Apparently Secure (inexact); Migrant: Unrankable,\n"
        'Falco,G5,"CA(N4?B,NUM), US(N5B)",US,,United States,N5B,N5B,Breeding: Secure,\n'
    )
    assert err.splitlines()[0] == (
        f"srank distribution: {source}: 4 rows in, 8 records out; 2 read (1 with warnings), 1 with errors, 1 empty"
    )
    assert "distribution-syntax: 'Canada (N3): AB (S3, BC (S1)' (1); first on line 5" in err
    # A place's problem is shown by the place, as the cell writes it; the cell's own problem, by the cell.
    assert "season-missing: 'AZ (SX,S1)' (1); first on line 2" in err


def test_the_summary_shows_a_place_s_problem_by_the_place(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "places.csv"
    source.write_text(
        "Distribution\n"
        '"Canada (N3B,N4N,N3M): ZZ (S2), ON (S3)"\n'
        '"United States (N5): MD (S3), XX (S1)"\n'
        '"United States (N5): MD (S3), XX (S1)"\n'
    )
    err = srank_cli("distribution", source, "-c", "Distribution")[2]
    assert err.splitlines()[1:] == [
        "  most common problems:",
        "           3  unknown-place: 'XX (S1)' (2), 'ZZ (S2)' (1); first on line 2",
    ]


def test_lenient_reading_keeps_the_readable_places_and_names_the_rest(srank_cli: Run) -> None:
    data = b'id,dist\n1,"Canada (N3): AB (S3, BC (S1)"\n'
    status, out, _ = srank_cli("distribution", "-", "-c", "dist", "--lenient", "--format", "jsonl", stdin=data)
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["srank_nation"], r["srank_subnation"], r["srank_rank"]) for r in records] == [
        ("CA", None, "N3"),
        ("CA", "BC", "S1"),
    ]
    assert records[0]["srank_message"] == (
        "warning[distribution-syntax]: Expected ')', found '('; 'Canada (N3): AB (S3, BC (S1)' does not read as a"
        " whole: only its readable places were kept"
    )
    assert status == 1  # a part was skipped: the run says so


def test_the_global_column_adds_cross_level_findings_per_place(srank_cli: Run) -> None:
    data = b'g,dist\nG2,"United States (N1): CA (S4), MD (S1)"\n'
    status, out, _ = srank_cli("distribution", "-", "-c", "dist", "--global-column", "g", stdin=data)
    levels = [row[-1] for row in csv.reader(io.StringIO(out))]
    assert status == 1
    assert levels[0] == "srank_levels"
    assert levels[1] == ""  # the nation: N1 under G2 is consistent
    assert levels[2] == (
        "warning[subnational-more-secure]: The subnational rank 'S4' is more secure than the national rank 'N1';"
        " error[subnational-gap-too-wide]: The subnational rank 'S4' is 3 ranks more secure than the national"
        " rank 'N1'; NatureServe's data exchange rejects a gap of 3 or more; warning[subnational-more-secure]:"
        " The subnational rank 'S4' is more secure than the global rank 'G2'"
    )
    assert out.splitlines()[3].endswith("Critically Imperiled,,")


def test_french_place_names_and_labels(srank_cli: Run) -> None:
    status, out, _ = srank_cli("distribution", "-", "-c", "d", "--lang", "fr", stdin=b"d\nCA(N2)\n")
    assert (status, out.splitlines()[1]) == (0, "CA(N2),CA,,Canada,N2,N2,En péril,")


def test_a_place_read_from_a_legacy_code_keeps_its_note_beside_the_same_rank_written_plainly(
    srank_cli: Run,
) -> None:
    rows = "".join(
        f'{number},"United States (N5): CA ({code})"\n' for number, code in ((1, "SNA"), (2, "SE"), (3, "SNA"))
    )
    data = f"id,dist\n{rows}".encode()
    _, out, _ = srank_cli("distribution", "-", "-c", "dist", "--lenient", stdin=data)
    california = [(row[0], row[5], row[7], row[8]) for row in csv.reader(io.StringIO(out)) if row[3] == "CA"]
    assert california == [
        ("1", "SNA", "Not Applicable", ""),
        (
            "2",
            "SNA",
            "Not Applicable; legacy code SE, Exotic",
            "warning[legacy-code]: Legacy code 'SE' (exotic) was read as 'SNA'",
        ),
        ("3", "SNA", "Not Applicable", ""),
    ]


def test_a_place_written_twice_gets_its_own_cross_level_findings_once(srank_cli: Run, tmp_path: Path) -> None:
    # Each record has its own findings: a place repeated n times gives n findings, not n x n (quadratic output).
    cell = "United States (N5): " + ", ".join(["MD (S4)"] * 3)
    source = tmp_path / "rep.csv"
    source.write_text(f'id,G Rank,Distribution\n1,G2,"{cell}"\n', encoding="utf-8")
    status, out, _ = srank_cli("distribution", source, "-c", "Distribution", "--global-column", "G Rank")
    assert status == 0
    levels = [row["srank_levels"] for row in csv.DictReader(io.StringIO(out))]
    assert (
        levels[1:]
        == ["warning[subnational-more-secure]: The subnational rank 'S4' is more secure than the global rank 'G2'"] * 3
    )


def test_a_summary_counts_examples_not_keys(srank_cli: Run, tmp_path: Path) -> None:
    # One unreadable place beside three global ranks: three keys, one example, and no "and 2 more".
    source = tmp_path / "rep.csv"
    rows = "".join(f'"Canada (N3): AB (S9)",G{number}\n' for number in (1, 2, 3))
    source.write_text("Distribution,G\n" + rows, encoding="utf-8")
    status, _, err = srank_cli("distribution", source, "-c", "Distribution", "--lenient", "--global-column", "G")
    assert status == 1
    assert err.splitlines()[2] == "           3  unreadable-rank: 'AB (S9)' (3); first on line 2"


def test_a_line_read_whole_all_the_same_is_a_warning_and_one_that_lost_a_place_an_error(srank_cli: Run) -> None:
    # Under --lenient: '; ' for ', ' loses nothing (every place read); 'Maryland (S2)' loses Maryland.
    whole = b'd\n"United States (N3): MD (S2); VA (S3)"\n'
    status, _, err = srank_cli("distribution", "-", "-c", "d", "--lenient", stdin=whole)
    assert (status, err.splitlines()[0]) == (
        0,
        "srank distribution: stdin: 1 row in, 3 records out; 1 read (1 with warnings), 0 with errors, 0 empty",
    )
    lost = b'd\n"United States (N3): Maryland (S2), VA (S3)"\n'
    status, _, err = srank_cli("distribution", "-", "-c", "d", "--lenient", stdin=lost)
    assert (status, err.splitlines()[0]) == (
        1,
        "srank distribution: stdin: 1 row in, 2 records out; 0 read, 1 with errors, 0 empty",
    )
