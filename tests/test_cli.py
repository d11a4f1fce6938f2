"""The srank command through its real entry points: the console script and python -m srank."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import random
import subprocess
import sys
import types
from pathlib import Path

import pytest

import srank

SCRIPT = Path(sys.executable).parent / "srank"
ENTRY_POINTS = {"script": [str(SCRIPT)], "module": [sys.executable, "-m", "srank"]}
SRANK_COLUMNS = ["srank_valid", "srank_canonical", "srank_rounded", "srank_label", "srank_message"]


def run(
    *args: str, stdin: bytes | None = None, entry: str = "script", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    command = ENTRY_POINTS[entry] + list(args)
    result = subprocess.run(command, input=stdin, capture_output=True, cwd=cwd, check=False, timeout=120)
    completed = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed


def rows_of(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def expected_fields(code: str, lenient: bool = False) -> list[str]:
    """The appended cells for one valid code, from the library itself."""
    rank = srank.parse(code, lenient=lenient)
    return [
        "true",
        str(rank),
        str(rank.rounded()),
        srank.describe(rank, style="short"),
        "; ".join(map(str, rank.findings)),
    ]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_console_script_is_installed() -> None:
    assert SCRIPT.exists(), "pip install -e . should have created the srank console script"


# -- entry points, help and usage errors --------------------------------------


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_round_through_both_entry_points(entry: str) -> None:
    result = run("round", "G2G3", "S1S3B,S4N", entry=entry)
    assert result.returncode == 0, result.stderr
    expected = [str(srank.parse(code).rounded()) for code in ("G2G3", "S1S3B,S4N")]
    assert result.stdout.splitlines() == expected


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_help_and_version_exit_0(entry: str) -> None:
    assert run("--help", entry=entry).returncode == 0
    version = run("--version", entry=entry)
    assert version.returncode == 0
    assert srank.__version__ in version.stdout


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("frobnicate",),
        ("round",),
        ("check", "data.csv"),
        ("explain", "G5", "--style", "tiny"),
        ("check", "-", "--column", "rank", "--delimiter", "ab"),
        ("check", "-", "--column", "rank", "--delimiter", '"'),
    ],
    ids=[
        "no-command",
        "unknown-command",
        "round-without-codes",
        "check-without-column",
        "bad-style",
        "bad-delimiter",
        "quote-delimiter",
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args, stdin=b"rank\nG5\n")
    assert result.returncode == 2
    assert result.stderr.strip()
    if args[-1:] == ('"',):
        assert "cannot be the quote character" in result.stderr


# -- explain and round ----------------------------------------------------------


def test_explain_valid_codes_exit_0() -> None:
    result = run("explain", "G5T1T3Q", "S2B,S4N")
    assert result.returncode == 0, result.stderr
    for code in ("G5T1T3Q", "S2B,S4N"):
        rank = srank.parse(code)
        assert f"{rank}: {srank.describe(rank, style='short')}" in result.stdout
        for entry in srank.explain(rank):
            assert entry.label in result.stdout


def test_explain_style_is_passed_on() -> None:
    result = run("explain", "G3", "--style", "long")
    assert result.returncode == 0, result.stderr
    assert srank.describe(srank.parse("G3"), style="long") in result.stdout


# The golden Status: lines of the seed pages, copied from the pages srank was created from.
SEED_LINES = dict(
    line.split("\t", 1)
    for line in (Path(__file__).parent / "data" / "seed_status_lines.tsv").read_text(encoding="utf-8").splitlines()
)


@pytest.mark.parametrize(
    ("seed", "code"), [("000_4dff24e650cf493b.txt", "S5T1T3"), ("002_94889cb91e0a0fe7.txt", "S5T1T3Q")]
)
def test_explain_plants_prints_exactly_the_seed_status_line(seed: str, code: str) -> None:
    status = SEED_LINES[seed]
    result = run("explain", "--style", "plants", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == status + "\n"
    assert "nonstandard-plants-form" in result.stderr


def test_invalid_code_prints_caret_error_exit_1_and_the_others_are_still_done() -> None:
    result = run("round", "G3G2", "G1G3")
    assert result.returncode == 1
    # One output line per code, so scripts can pair them: an invalid code's line is empty.
    assert result.stdout.splitlines() == ["", str(srank.parse("G1G3").rounded())]
    assert "Range 3-2 is reversed" in result.stderr
    assert "^" in result.stderr
    explained = run("explain", "G3G2", "G4")
    assert explained.returncode == 1
    assert "G4: " in explained.stdout
    assert "^" in explained.stderr


def test_explain_unknown_language_is_a_usage_error() -> None:
    result = run("explain", "G5", "--lang", "xx")
    assert result.returncode == 2
    assert "xx" in result.stderr


def test_explain_json_has_one_object_per_code_with_a_fixed_schema() -> None:
    result = run("explain", "--json", "G5T1T3Q", "G3G2", "s2b", "--lenient")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["input"] for record in records] == ["G5T1T3Q", "G3G2", "s2b"]
    keys = {"input", "valid", "canonical", "rounded", "label", "explanation", "warnings", "error"}
    assert all(set(record) == keys for record in records)
    good, bad, lenient = records
    rank = srank.parse("G5T1T3Q")
    assert good["valid"] is True
    assert good["canonical"] == str(rank)
    assert good["rounded"] == str(rank.rounded())
    assert good["label"] == srank.describe(rank, style="short")
    assert [entry["code"] for entry in good["explanation"]] == [entry.code for entry in srank.explain(rank)]
    assert good["error"] is None
    assert bad["valid"] is False
    assert bad["error"]["code"] == "range-reversed"
    assert bad["error"]["span"] == [0, 4]
    assert bad["canonical"] is None
    assert lenient["canonical"] == "S2B"
    assert [warning["code"] for warning in lenient["warnings"]] == ["normalised-case"]


# -- check: exit codes and columns -------------------------------------------------


def test_check_all_valid_exit_0_with_appended_columns(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "id,rank\n1,G5\n2,S2B\n3,S2B,S4N\n".replace("S2B,S4N", '"S2B,S4N"'))
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 0, result.stderr
    rows = rows_of(result.stdout)
    assert rows[0] == ["id", "rank", *SRANK_COLUMNS]
    assert rows[1:] == [[str(at), code, *expected_fields(code)] for at, code in enumerate(["G5", "S2B", "S2B,S4N"], 1)]
    assert "3 rows" in result.stderr


def test_check_some_invalid_exit_1_and_summary_names_the_problems(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "rank\nG5\nG3G2\nG3G2\nSE\n\nNA\n")
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 1
    rows = rows_of(result.stdout)
    assert len(rows) == 7
    reversed_row = rows[2]
    assert reversed_row[1:3] == ["false", ""]
    assert reversed_row[-1].startswith("error[range-reversed]: Range 3-2 is reversed; hint: ")
    assert "\n" not in reversed_row[-1]
    legacy = rows[4]
    assert legacy[1] == "false"
    assert "lenient" in legacy[-1]
    assert "6 rows: 1 valid, 3 invalid, 2 missing; 3 distinct codes" in result.stderr
    problems = result.stderr.split("most common problems:")[1]
    assert problems.index("range-reversed") < problems.index("legacy-code")  # two before one


def test_missing_cells_are_not_errors(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "name,rank\na,G5\nb,\nc,NA\nd,  \n")
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 0, result.stderr
    rows = rows_of(result.stdout)
    for row in rows[2:]:
        assert row[2:] == ["", "", "", "", ""]
    assert "3 missing" in result.stderr


def test_strict_marks_lenient_spellings_invalid_with_a_hint_and_lenient_reads_them(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "rank\ns3/s4\nG5\n")
    strict = run("check", str(source), "--column", "rank")
    assert strict.returncode == 1
    assert "lenient parsing reads this as 'S3S4'" in rows_of(strict.stdout)[1][-1]
    lenient = run("check", str(source), "--column", "rank", "--lenient")
    assert lenient.returncode == 0, lenient.stderr
    assert rows_of(lenient.stdout)[1][1:] == expected_fields("s3/s4", lenient=True)
    assert rows_of(lenient.stdout)[1][-1].startswith("warning[")
    assert "2 rows: 2 valid, 0 invalid, 0 missing; 2 distinct codes" in lenient.stderr


# -- check: awkward files -----------------------------------------------------------


def test_bom_and_quoted_newlines(tmp_path: Path) -> None:
    text = '\ufeffid,notes,rank\n1,"two\nlines, and a comma",G2\n2,"say ""hi""",S1\n'
    source = write(tmp_path / "bom.csv", text)
    result = run("check", str(source), "--column", "id")  # the BOM must not hide the first column's name
    assert result.returncode == 1  # ids are not ranks
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 0, result.stderr
    rows = rows_of(result.stdout)
    assert rows[0][:3] == ["id", "notes", "rank"]
    assert rows[1][:3] == ["1", "two\nlines, and a comma", "G2"]
    assert rows[2][:3] == ["2", 'say "hi"', "S1"]
    assert not result.stdout.startswith("\ufeff")


def test_missing_column_lists_the_available_columns(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "id,Rank,state\n1,G5,VT\n")
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 2
    assert "'id', 'Rank', 'state'" in result.stderr
    assert "did you mean 'Rank'" in result.stderr
    assert result.stdout == ""


def test_ragged_rows_are_reported_with_line_numbers_and_passed_through(tmp_path: Path) -> None:
    text = 'id,rank,state\n1,G5,VT\n2,"S2\nB",NH\n3,G4\n4,G3,ME,extra\n5,S1,MA\n'
    source = write(tmp_path / "ragged.csv", text)
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 1
    rows = rows_of(result.stdout)
    assert len(rows) == 6
    short, long = rows[3], rows[4]
    assert short[:3] == ["3", "G4", ""]  # padded so the srank columns line up
    assert short[3] == "false"
    assert "line 5 has 2 fields, the header has 3" in short[-1]
    assert long[:3] == ["4", "G3", "ME"]
    assert long[-1] == "extra"  # the extra cell is kept, after the srank columns
    assert "line 6 has 4 fields" in long[-2]
    assert "malformed-row" in result.stderr
    assert "lines 5, 6" in result.stderr
    assert rows[5][:4] == ["5", "S1", "MA", "true"]


def test_tsv_is_detected_and_written_back_as_tsv(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.tsv", "name\trank\nA b, c\tG2G3\n")
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 0, result.stderr
    assert rows_of(result.stdout, "\t") == [
        ["name", "rank", *SRANK_COLUMNS],
        ["A b, c", "G2G3", *expected_fields("G2G3")],
    ]


def test_explicit_delimiter(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.txt", "name;rank\nx;G1\n")
    result = run("check", str(source), "--column", "rank", "--delimiter", ";")
    assert result.returncode == 0, result.stderr
    assert rows_of(result.stdout, ";")[1][:3] == ["x", "G1", "true"]


def test_windows_line_endings_are_kept(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "rank\r\nG1\r\n")
    result = subprocess.run([str(SCRIPT), "check", str(source), "-c", "rank"], capture_output=True, check=False)
    assert result.returncode == 0
    assert result.stdout.count(b"\r\n") == 2


def test_stdin_input() -> None:
    result = run("check", "-", "--column", "rank", stdin=b"rank,n\nG1,1\nG9,2\n")
    assert result.returncode == 1
    rows = rows_of(result.stdout)
    assert [row[:3] for row in rows[1:]] == [["G1", "1", "true"], ["G9", "2", "false"]]
    assert "stdin" in result.stderr


def test_non_utf8_input_is_a_clear_error_and_encoding_option_reads_it(tmp_path: Path) -> None:
    source = write(tmp_path / "latin.csv", "name,rank\nCarex \u00e9l\u00e9gans,G5\n", encoding="cp1252")
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 2
    assert "not utf-8 text" in result.stderr
    assert "--encoding cp1252" in result.stderr
    fixed = run("check", str(source), "--column", "rank", "--encoding", "cp1252")
    assert fixed.returncode == 0, fixed.stderr
    assert rows_of(fixed.stdout)[1][0] == "Carex \u00e9l\u00e9gans"


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "is empty"), ("\nG5\n", "first line is empty"), ("rank,srank_valid\nG5,true\n", "already has the column")],
)
def test_unusable_files_exit_2(tmp_path: Path, text: str, message: str) -> None:
    source = write(tmp_path / "bad.csv", text)
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 2
    assert message in result.stderr


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "absent.csv"), "--column", "rank")
    assert result.returncode == 2
    assert "absent.csv" in result.stderr
    assert "No such file" in result.stderr


# -- check: output and the input file ------------------------------------------------


def test_output_file_and_input_untouched(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "rank\nG5\nG3G2\n")
    before = source.read_bytes()
    target = tmp_path / "out.csv"
    result = run("check", str(source), "--column", "rank", "--output", str(target))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(rows_of(target.read_text(encoding="utf-8"))) == 3
    assert source.read_bytes() == before
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".srank-")] == []


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.csv", "rank\nG5\n")
    before = source.read_bytes()
    for target in (str(source), "./ranks.csv"):
        result = run("check", "ranks.csv", "--column", "rank", "--output", target, cwd=tmp_path)
        assert result.returncode == 2
        assert "never modifies its input" in result.stderr
    assert source.read_bytes() == before


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    source = write(tmp_path / "latin.csv", "rank\n\u00e9\n", encoding="cp1252")
    target = tmp_path / "out.csv"
    assert run("check", str(source), "--column", "rank", "-o", str(target)).returncode == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["latin.csv"]


def test_jsonl_schema(tmp_path: Path) -> None:
    text = 'id,notes,rank\n1,"a\nb",G5T1T3Q\n2,,G3G2\n3,x,\n4,y\n'
    source = write(tmp_path / "ranks.csv", text)
    result = run("check", str(source), "--column", "rank", "--format", "jsonl")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    for record in records:
        assert list(record)[:8] == ["id", "notes", "rank", *SRANK_COLUMNS]
        assert record["srank_valid"] in (True, False, None)
        for key in SRANK_COLUMNS[1:]:
            assert record[key] is None or isinstance(record[key], str)
    valid, invalid, missing, ragged = records
    rank = srank.parse("G5T1T3Q")
    assert valid == {
        "id": "1",
        "notes": "a\nb",
        "rank": "G5T1T3Q",
        "srank_valid": True,
        "srank_canonical": str(rank),
        "srank_rounded": str(rank.rounded()),
        "srank_label": srank.describe(rank, style="short"),
        "srank_message": None,
    }
    assert invalid["srank_valid"] is False
    assert invalid["srank_message"].startswith("error[range-reversed]")
    assert missing["srank_valid"] is None
    assert missing["srank_message"] is None
    assert ragged["rank"] is None
    assert ragged["srank_valid"] is False
    assert "line 6" in ragged["srank_message"]


def test_row_preservation_on_10000_rows(tmp_path: Path) -> None:
    generator = random.Random(5)
    codes = ["G5", "G4", "S1", "S2B,S4N", "G5T1T3Q", "G3G2", "SE", "", "NA", "s3/s4", "GNR", "G2G3"]
    rows = [["id", "scientific name", "rank", "state"]]
    for number in range(10_000):
        name = generator.choice(["Carex", 'Poa "annua"', "Salix,\nnigra", "Aster"])
        rows.append([str(number), name, generator.choice(codes), generator.choice(["VT", "NH", ""])])
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    source = write(tmp_path / "big.csv", buffer.getvalue())
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 1
    out = rows_of(result.stdout)
    assert len(out) == len(rows)
    assert [row[:4] for row in out] == rows
    assert all(len(row) == 9 for row in out)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest
    assert "10,000 rows" in result.stderr
    jsonl = run("check", str(source), "--column", "rank", "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [[record[key] for key in rows[0]] for record in records] == rows[1:]


# -- progress on a terminal -------------------------------------------------------------


def test_progress_is_shown_on_a_terminal_after_a_while(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from srank import _cli

    source = write(tmp_path / "ranks.csv", "rank\n" + "G5\n" * 100)
    clock = iter(range(10_000))
    fake_time = types.SimpleNamespace(monotonic=lambda: float(next(clock)))  # one second per look
    monkeypatch.setattr("srank._cli.time", fake_time)
    monkeypatch.setattr(_cli, "_PROGRESS_EVERY", 10)
    shown = io.StringIO()
    monkeypatch.setattr(sys, "stderr", shown)
    with source.open(encoding="utf-8", newline="") as handle:
        lines = list(_cli._with_progress(handle, handle))
    assert lines == ["rank\n"] + ["G5\n"] * 100  # every line passes through, in order
    assert "\rsrank check: 100 lines read (" in shown.getvalue()
    assert "%)" in shown.getvalue()


def test_check_with_a_terminal_on_stderr(tmp_path: Path) -> None:
    import os
    import pty

    source = write(tmp_path / "ranks.csv", "rank\nG5\nG3G2\n")
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [str(SCRIPT), "check", str(source), "--column", "rank"],
            stdout=subprocess.PIPE,
            stderr=terminal,
            check=False,
            timeout=60,
        )
        shown = os.read(controller, 65536).decode("utf-8")
    finally:
        os.close(terminal)
        os.close(controller)
    assert result.returncode == 1
    assert len(rows_of(result.stdout.decode("utf-8"))) == 3
    assert "2 rows: 1 valid, 1 invalid" in shown
    assert "Traceback" not in shown


def test_output_file_gets_an_ordinary_mode_and_a_folder_is_refused(tmp_path: Path) -> None:
    import os

    source = write(tmp_path / "ranks.csv", "rank\nG5\n")
    target = tmp_path / "out.csv"
    assert run("check", str(source), "--column", "rank", "-o", str(target)).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    folder = run("check", str(source), "--column", "rank", "-o", str(tmp_path))
    assert folder.returncode == 2
    assert "is a folder" in folder.stderr


@pytest.mark.parametrize("jsonl", [False, True])
def test_record_text_is_not_kept_after_its_row(jsonl: bool) -> None:
    """Memory stays flat on big files: the text kept per record is dropped once the row is written."""
    from srank import _cli

    records = _cli._Records(iter(io.StringIO('rank\nG5\n\nG3G2\n"S1\nS2\n', newline="")), ",")
    header = next(records.reader)
    header_text = "".join(records.taken)
    records.taken.clear()
    sink = io.StringIO()
    verdicts, tally = _cli._Verdicts(False, jsonl, ","), _cli._Tally()
    if jsonl:
        _cli._write_jsonl(records, sink, header, 0, verdicts, tally)
    else:
        _cli._write_csv(records, sink, header, header_text, 0, verdicts, tally, "\n")
    assert records.taken == []
    assert tally.rows == 5
    assert tally.unclosed == [5]
    assert len(sink.getvalue().splitlines()) == (5 if jsonl else 6)


def test_each_record_is_written_back_as_it_was_read(tmp_path: Path) -> None:
    text = '"id","rank"\r\n"1","G5"\r\n2,"S1"\n"3","a\r\nb"\r\n'
    source = write(tmp_path / "quoted.csv", text)
    result = subprocess.run([str(SCRIPT), "check", str(source), "-c", "rank"], capture_output=True, check=False)
    lines = result.stdout.decode("utf-8").split("\n")
    assert lines[0] == '"id","rank",srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\r'
    assert lines[1].startswith('"1","G5",true,G5,')
    assert lines[1].endswith("\r")
    assert lines[2].startswith('2,"S1",true,S1,')
    assert not lines[2].endswith("\r")
    assert lines[3] == '"3","a\r'
    assert lines[4].startswith('b",false,,,,')


def test_tab_wins_a_tie_with_a_comma_in_a_column_name(tmp_path: Path) -> None:
    source = write(tmp_path / "ranks.txt", "name, author\trank\nCarex L.\tG5\n")
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 0, result.stderr
    assert rows_of(result.stdout, "\t")[1] == ["Carex L.", "G5", *expected_fields("G5")]


def test_a_console_that_cannot_encode_the_text_gets_escapes_not_a_traceback() -> None:
    command = [*ENTRY_POINTS["script"], "explain", "--style", "plants", "G5"]
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(command, capture_output=True, check=False, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout.rstrip().endswith(b"\\u2698")


def test_a_long_notes_cell_does_not_stop_the_check(tmp_path: Path) -> None:
    notes = "A" * 200_000
    csv.field_size_limit(1_000_000)  # for this test's own reading of the output
    source = write(tmp_path / "long.csv", f'notes,rank\n"{notes}",S1\nshort,{"S" * 300}\n')
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 1, result.stderr
    rows = rows_of(result.stdout)
    assert [row[:2] for row in rows[1:]] == [[notes, "S1"], ["short", "S" * 300]]
    assert rows[1][2] == "true"
    assert rows[2][2] == "false"
    assert "too-long" in rows[2][-1]
    assert len(result.stderr) < 1_000  # the summary shortens the long cell
    assert "(300 characters)" in result.stderr


STRAY_QUOTES = [
    # (file text, the line the stray quote is on)
    ('id,rank\nA,"S1\nB,S2\nC,S3\n', 2),  # open to the end of the file
    ('id,rank,notes\nA,"S1,x\nB,S2,y\nC,"S3",z\nD,S4,w\n', 2),  # "closed" by a later row's quote
    ('id,rank,notes\nA,S1,"a note\nB,S2,y\nC,S3,z', 2),  # in another column, no final newline
    ('id,rank\nA,S1\nB,S2\nC,"S3', 4),  # on the last line
    ('id,rank,note\nA,G5,"open\nB,G4,""x\nC,G3,ok\nD,G2,ok\n', 2),  # a second failure among the lines read again
]


@pytest.mark.parametrize(("text", "stray_line"), STRAY_QUOTES)
@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_a_stray_quote_does_not_swallow_the_rows_after_it(
    tmp_path: Path, text: str, stray_line: int, output_format: str
) -> None:
    source = write(tmp_path / "stray.csv", text)
    result = run("check", str(source), "--column", "rank", "--format", output_format)
    assert result.returncode == 1, result.stderr
    lines_in = text.rstrip("\n").count("\n")  # data lines: one row each
    if output_format == "csv":
        rows = rows_of(result.stdout)
        assert len(rows) == lines_in + 1
        outcomes = [(row[0], row[-5], row[-1]) for row in rows[1:]]
    else:
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(records) == lines_in
        outcomes = [(r["id"], "true" if r["srank_valid"] else "false", r["srank_message"] or "") for r in records]
    assert [row_id for row_id, _, _ in outcomes] == ["A", "B", "C", "D"][:lines_in]
    for number, (_, valid, message) in enumerate(outcomes, start=2):
        if number == stray_line:
            assert valid == "false"
            assert message.startswith(f"error[malformed-row]: line {number} opens a quote that is not closed")
        else:
            assert valid == "true", message
    assert f"malformed-row (a quote left open), line {stray_line}" in result.stderr


def test_a_quoted_newline_is_still_one_row_and_odd_quoting_on_one_line_is_read(tmp_path: Path) -> None:
    text = 'id,rank,notes\n1,G5,"two\nlines"\n2,"S"1,x\n3,S3,y\n'
    source = write(tmp_path / "notes.csv", text)
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 0, result.stderr
    rows = rows_of(result.stdout)
    assert [row[:3] for row in rows[1:]] == [["1", "G5", "two\nlines"], ["2", "S1", "x"], ["3", "S3", "y"]]
    assert "3 rows: 3 valid" in result.stderr


def test_a_stray_quote_in_the_header_is_a_usage_error(tmp_path: Path) -> None:
    source = write(tmp_path / "header.csv", 'id,"rank\nA,S1\nB,S2\n')
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 2
    assert result.stderr == (
        f"srank: {source} line 1: the header opens a quote that is not closed on its line;"
        " the header must name the columns on one line\n"
    )


def test_odd_quoting_in_the_header_is_read_as_before(tmp_path: Path) -> None:
    source = write(tmp_path / "header.csv", '"Sci" name,rank\nx,G5\n')
    result = run("check", str(source), "--column", "rank")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == '"Sci" name,rank,' + ",".join(SRANK_COLUMNS)


@pytest.mark.parametrize("output_format", ["csv", "jsonl"])
def test_a_ragged_row_with_a_newline_in_a_cell_is_written_back_quoted(tmp_path: Path, output_format: str) -> None:
    source = write(tmp_path / "ragged.csv", 'Name,Rank,Notes\nA,S1,"multi\nline",x\nB,S2,"a\rb"\nD,S2,n\n')
    result = run("check", str(source), "--column", "Rank", "--format", output_format)
    assert result.returncode == 1
    if output_format == "jsonl":
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [record["Name"] for record in records] == ["A", "B", "D"]
        assert records[0]["srank_extra"] == ["x"]
        return
    rows = rows_of(result.stdout)
    assert [row[0] for row in rows[1:]] == ["A", "B", "D"]
    assert rows[1][2] == "multi\nline"
    assert rows[1][-1] == "x"
    assert rows[2][2] == "a\rb"
