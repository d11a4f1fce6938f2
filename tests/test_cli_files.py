"""Checking data where it lives: many files, folders of outputs, summaries only, problems only, Excel and .xlsx.

In-process runs of ``srank check`` and ``srank distribution`` with literal expected output.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, write_workbook

GOOD = "id,S Rank\n1,S2\n2,S3B\n"
BAD = "id,S Rank\n1,S2\n2,SX?\n3,S9\n"
GOOD_SUMMARY = "srank check: {path}: 2 rows: 2 valid, 0 invalid, 0 missing; 2 distinct codes\n"
BAD_SUMMARY = (
    "srank check: {path}: 3 rows: 1 valid, 2 invalid, 0 missing; 3 distinct codes\n"
    "  most common problems:\n"
    "           1  inexact-on-status: 'SX?' (1); first on line 3\n"
    "           1  syntax: 'S9' (1); first on line 4\n"
)


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "good.csv", GOOD), write(tmp_path / "bad.csv", BAD)


# -- many files ------------------------------------------------------------------------


def test_many_files_give_a_summary_each_and_a_total(srank_cli: Run, two: tuple[Path, Path]) -> None:
    good, bad = two
    status, out, err = srank_cli("check", good, bad, "-c", "S Rank", "--summary-only")
    assert (status, out) == (1, "")
    assert err == (
        GOOD_SUMMARY.format(path=good)
        + BAD_SUMMARY.format(path=bad)
        + "srank check: 2 files, 5 rows: 1 passed, 1 failed\n"
    )


def test_files_may_stand_after_the_options_too(
    srank_cli: Run, two: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # argparse takes no positional after an option; srank adds such files to FILE, in their order.
    good, bad = two
    status, out, err = srank_cli("check", good, "-c", "S Rank", bad, "--summary-only")
    assert (status, out) == (1, "")
    assert err == (
        GOOD_SUMMARY.format(path=good)
        + BAD_SUMMARY.format(path=bad)
        + "srank check: 2 files, 5 rows: 1 passed, 1 failed\n"
    )
    status, _, err = srank_cli("check", good, "-c", "S Rank", bad, "--no-such")  # an option still is refused
    assert status == 2
    assert err.endswith(f"srank check: error: unrecognized arguments: {bad} --no-such\n")
    # After --, every word is a file, a dash first or not (pre-commit's args end with --).
    write(good.parent / "-early.csv", GOOD)
    monkeypatch.chdir(good.parent)
    status, _, err = srank_cli("check", good, "-c", "S Rank", "--summary-only", "--", "-early.csv", bad)
    assert err.splitlines()[-1] == "srank check: 3 files, 7 rows: 2 passed, 1 failed"


def test_a_file_that_cannot_be_read_is_named_and_the_others_are_checked(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path
) -> None:
    good, _ = two
    missing = tmp_path / "missing.csv"
    other = write(tmp_path / "other.csv", "id,rank\n1,S1\n")
    status, _, err = srank_cli("check", missing, other, good, "-c", "S Rank", "--summary-only")
    assert status == 2
    assert err == (
        f"srank: cannot read {missing}: No such file or directory\n"
        f"srank: {other} has no column 'S Rank'; the columns are: 'id', 'rank'\n"
        + GOOD_SUMMARY.format(path=good)
        + "srank check: 3 files, 2 rows: 1 passed, 2 not read\n"
    )


def test_quiet_says_nothing_but_the_exit_status(srank_cli: Run, two: tuple[Path, Path], tmp_path: Path) -> None:
    good, bad = two
    assert srank_cli("check", good, bad, "-c", "S Rank", "-q") == (1, "", "")
    assert srank_cli("check", good, "-c", "S Rank", "-q") == (0, "", "")
    assert srank_cli("check", good, tmp_path / "none.csv", "-c", "S Rank", "-q") == (
        2,
        "",
        f"srank: cannot read {tmp_path / 'none.csv'}: No such file or directory\n",
    )


def test_the_total_in_french(srank_cli: Run, two: tuple[Path, Path]) -> None:
    status, _, err = srank_cli("check", *two, "-c", "S Rank", "--summary-only", "--lang", "fr")
    assert status == 1
    assert (
        err.splitlines()[-1]
        == "srank check\u00a0: 2\u00a0fichiers, 5\u00a0lignes\u00a0: 1\u00a0conforme, 1\u00a0non conforme"
    )


def test_each_file_is_summarised_on_its_own_though_its_codes_were_judged_before(srank_cli: Run, tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", "rank\nS1\nS9\nS9\n")
    second = write(tmp_path / "b.csv", "rank\nS9\nS2\n")
    status, _, err = srank_cli("check", first, second, "-c", "rank", "--summary-only")
    assert status == 1
    assert err == (
        f"srank check: {first}: 3 rows: 1 valid, 2 invalid, 0 missing; 2 distinct codes\n"
        "  most common problems:\n"
        "           2  syntax: 'S9' (2); first on line 3\n"
        f"srank check: {second}: 2 rows: 1 valid, 1 invalid, 0 missing; 2 distinct codes\n"
        "  most common problems:\n"
        "           1  syntax: 'S9' (1); first on line 2\n"
        "srank check: 2 files, 5 rows: 2 failed\n"
    )


def test_outputs_go_to_a_folder_named_after_their_inputs(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path
) -> None:
    good, bad = two
    book = write_workbook(tmp_path / "sheet.xlsx", [["S Rank"], ["S4"]])
    folder = tmp_path / "out"
    folder.mkdir()
    status, out, _ = srank_cli("check", good, bad, book, "-c", "S Rank", "-o", folder)
    assert (status, out) == (1, "")
    assert sorted(os.listdir(folder)) == ["bad.csv", "good.csv", "sheet.csv"]
    assert (folder / "good.csv").read_text() == (
        "id,S Rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
        "1,S2,true,S2,S2,Imperiled,\n"
        "2,S3B,true,S3B,S3B,Breeding: Vulnerable,\n"
    )
    assert (folder / "sheet.csv").read_text() == (
        "S Rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\nS4,true,S4,S4,Apparently Secure,\n"
    )
    status, _, _ = srank_cli("check", good, "-c", "S Rank", "-o", folder, "--format", "jsonl")
    assert status == 0
    assert (folder / "good.jsonl").read_text().splitlines()[0] == (
        '{"id": "1", "S Rank": "S2", "srank_valid": true, "srank_canonical": "S2", "srank_rounded": "S2",'
        ' "srank_label": "Imperiled", "srank_message": null}'
    )


def test_the_output_name_chooses_json_lines_and_a_json_name_is_refused(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path
) -> None:
    good, _ = two
    assert srank_cli("check", good, "-c", "S Rank", "-o", tmp_path / "out.jsonl")[0] == 0
    assert (tmp_path / "out.jsonl").read_text().splitlines()[0] == (
        '{"id": "1", "S Rank": "S2", "srank_valid": true, "srank_canonical": "S2", "srank_rounded": "S2",'
        ' "srank_label": "Imperiled", "srank_message": null}'
    )
    assert srank_cli("check", good, "-c", "S Rank", "-o", tmp_path / "out.json") == (
        2,
        "",
        f"srank: -o {tmp_path / 'out.json'}: srank writes JSON lines, one object a row, not one JSON document;"
        " name the file NAME.jsonl\n",
    )
    assert not (tmp_path / "out.json").exists()


def test_an_output_refused_as_read_only_counts_as_not_written(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import srank.cli._output

    good, bad = two
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "bad.csv").write_text("kept\n")
    monkeypatch.setattr(srank.cli._output, "_may_write", lambda path: not path.endswith("bad.csv"))
    status, _, err = srank_cli("check", good, bad, "-c", "S Rank", "-o", folder)
    assert status == 2
    assert err.splitlines()[-2:] == [
        f"srank: cannot write {folder / 'bad.csv'}: the file is read-only (permission denied); srank does not"
        " replace it",
        "srank check: 2 files, 2 rows: 1 passed, 1 not written",
    ]
    assert (folder / "bad.csv").read_text() == "kept\n"


def test_a_folder_named_for_the_outputs_is_made_when_it_does_not_exist(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path
) -> None:
    good, bad = two
    status, _, _ = srank_cli("check", good, bad, "-c", "S Rank", "-o", f"{tmp_path}/checked/", "--problems-only")
    assert status == 1
    assert sorted(os.listdir(tmp_path / "checked")) == ["bad.csv", "good.csv"]
    assert [line.split(",")[:4] for line in (tmp_path / "checked" / "bad.csv").read_text().splitlines()] == [
        ["id", "S Rank", "srank_line", "srank_valid"],
        ["2", "SX?", "3", "false"],
        ["3", "S9", "4", "false"],
    ]
    status, _, _ = srank_cli("check", good, bad, "-c", "S Rank", "-o", tmp_path / "deep" / "er")
    assert (status, sorted(os.listdir(tmp_path / "deep" / "er"))) == (1, ["bad.csv", "good.csv"])
    status, _, _ = srank_cli("check", good, "-c", "S Rank", "-o", f"{tmp_path}/one/")
    assert (status, os.listdir(tmp_path / "one")) == (0, ["good.csv"])
    status, _, err = srank_cli("check", good, bad, "-c", "S Rank", "-o", "/proc/no/such")
    assert (status, err) == (2, "srank: cannot make the folder /proc/no/such: No such file or directory\n")


@pytest.fixture
def three(two: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """good.csv, bad.csv, a third good file, and an empty folder for their outputs."""
    (tmp_path / "out").mkdir()
    return (*two, write(tmp_path / "third.csv", "id,S Rank\n1,S1\n"), tmp_path / "out")


def _second_call_fails(call: Callable[[int], None], number: int) -> Callable[[int], None]:
    """``call`` (a sync), failing with the error ``number`` the second time: a disk that fills up or breaks."""
    calls = []

    def failing(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == 2:
            raise OSError(number, os.strerror(number))
        call(descriptor)

    return failing


def test_an_output_that_cannot_be_written_is_said_and_the_others_are_kept(
    srank_cli: Run, three: tuple[Path, Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import srank.cli._output as output

    good, bad, third, folder = three
    monkeypatch.setattr(output, "_file_system_sync", lambda: None)  # where there is no syncfs: one sync a file
    monkeypatch.setattr(os, "fsync", _second_call_fails(os.fsync, errno.ENOSPC))  # the second output's
    status, out, err = srank_cli("check", good, bad, third, "-c", "S Rank", "-o", folder)
    assert (status, out) == (2, "")
    assert err == (
        GOOD_SUMMARY.format(path=good)
        + f"srank: cannot write {folder / 'bad.csv'}: No space left on device\n"
        + f"srank check: {third}: 1 row: 1 valid, 0 invalid, 0 missing; 1 distinct code\n"
        + "srank check: 3 files, 3 rows: 2 passed, 1 not written\n"
    )
    assert sorted(os.listdir(folder)) == ["good.csv", "third.csv"]  # and no temporary file left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_outputs_are_synced_in_batches_and_one_whose_sync_fails_is_said_and_not_put_in_place(
    srank_cli: Run, three: tuple[Path, Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import srank.cli._output as output

    good, bad, third, folder = three
    real = output._file_system_sync()
    assert real is not None
    seen: list[list[str]] = []

    failing = _second_call_fails(real, errno.EIO)  # the second batch's disk fails

    def sync(descriptor: int) -> None:  # what waits in the folder at each sync
        seen.append(sorted(name.split("-")[0] if name.startswith(".srank") else name for name in os.listdir(folder)))
        failing(descriptor)

    monkeypatch.setattr(output, "_file_system_sync", lambda: sync)
    monkeypatch.setattr(os, "fsync", lambda descriptor: pytest.fail("a file synced on its own"))
    monkeypatch.setattr(output, "_sync_folder", lambda folder: None)  # os.fsync on the folder, tested elsewhere
    monkeypatch.setattr(output, "_BATCH", 2)
    status, out, err = srank_cli("check", good, bad, third, "-c", "S Rank", "-o", folder)
    assert (status, out) == (2, "")
    assert seen == [[".srank", ".srank"], [".srank", "bad.csv", "good.csv"]]  # two at once, then the last
    assert err == (
        GOOD_SUMMARY.format(path=good)
        + BAD_SUMMARY.format(path=bad)
        + f"srank check: {third}: 1 row: 1 valid, 0 invalid, 0 missing; 1 distinct code\n"
        + f"srank: cannot write {folder / 'third.csv'}: Input/output error\n"
        + "srank check: 3 files, 5 rows: 1 passed, 1 failed, 1 not written\n"  # a file not written counts no row
    )
    assert sorted(os.listdir(folder)) == ["bad.csv", "good.csv"]  # and no temporary file left
    seen.clear()
    monkeypatch.undo()  # a file that replaces another is synced on its own, and at once
    monkeypatch.setattr(output, "_file_system_sync", lambda: sync)
    monkeypatch.setattr(output, "_sync_folder", lambda folder: None)
    status, _, err = srank_cli("check", good, bad, third, "-c", "S Rank", "-o", folder)
    assert (status, seen) == (1, [[".srank", "bad.csv", "good.csv"]])  # the two replaced at once; third.csv batched
    assert err.endswith("srank check: 3 files, 6 rows: 2 passed, 1 failed\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_a_run_stopped_while_a_batch_is_synced_leaves_no_temporary_file(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import srank.cli._output as output

    def sync(descriptor: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C as the sync returns

    monkeypatch.setattr(output, "_file_system_sync", lambda: sync)
    folder = tmp_path / "out"
    folder.mkdir()
    status, _, err = srank_cli("check", *two, "-c", "S Rank", "-o", folder)
    assert (status, err.splitlines()[-1], os.listdir(folder)) == (130, "srank: interrupted", [])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_outputs_in_a_folder_that_cannot_be_opened_are_synced_one_by_one(
    srank_cli: Run, three: tuple[Path, Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad, third, folder = three
    opened, synced = os.open, list[int]()

    def refused(path: str, flags: int, *args: int) -> int:  # a folder the user may write into but not read
        if os.path.realpath(path) == os.path.realpath(folder) and flags == os.O_RDONLY:
            raise PermissionError(13, "Permission denied")
        return opened(path, flags, *args)

    monkeypatch.setattr(os, "open", refused)
    monkeypatch.setattr(os, "fsync", synced.append)
    assert srank_cli("check", good, bad, third, "-c", "S Rank", "-o", folder)[0] == 1
    assert (sorted(os.listdir(folder)), len(synced)) == (["bad.csv", "good.csv", "third.csv"], 3)


def test_the_kernel_version_is_read_from_uname(monkeypatch: pytest.MonkeyPatch) -> None:
    import srank.cli._output as output

    for release, version in [("6.8.0-45-generic", (6, 8)), ("5.4.0", (5, 4)), ("weird", (0,))]:
        monkeypatch.setattr(os, "uname", lambda release=release: os.uname_result(("Linux", "h", release, "", "")))
        assert output._kernel_version() == version


def test_outputs_that_would_collide_or_overwrite_an_input_are_refused(srank_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "east").mkdir()
    (tmp_path / "west").mkdir()
    east = write(tmp_path / "east" / "ranks.csv", GOOD)
    west = write(tmp_path / "west" / "ranks.csv", GOOD)
    folder = tmp_path / "out"
    folder.mkdir()
    assert srank_cli("check", east, west, "-c", "S Rank", "-o", folder) == (
        2,
        "",
        f"srank: {east} and {west} would both be written to {folder / 'ranks.csv'};"
        " check them in separate runs, or rename one\n",
    )
    assert os.listdir(folder) == []
    assert srank_cli("check", east, "-c", "S Rank", "-o", tmp_path / "east") == (
        2,
        "",
        f"srank: {east} is an input file; srank never modifies its input: write the outputs to another folder\n",
    )
    assert east.read_text() == GOOD


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            [],
            "several files: name a folder for their outputs with -o FOLDER, or write only their summaries with"
            " --summary-only (or -q)",
        ),
        (
            ["-o", "{tmp}/out.csv"],
            "-o {tmp}/out.csv is not a folder; with several files, -o names a folder, where each output is named"
            " after its input (one that does not exist yet is made if its name ends in / or has no extension)",
        ),
        (["--summary-only", "-o", "{tmp}"], "--summary-only writes no rows; leave out -o"),
        (["-q", "-o", "{tmp}"], "-q writes no rows; leave out -o"),
        (["--format", "xlsx"], "--format xlsx writes a workbook: name its file with -o NAME.xlsx"),
        (["--excel", "--format", "jsonl"], "--excel makes CSV for Excel; it does not apply to --format jsonl"),
        (
            ["--excel", "-o", "out.xlsx"],
            "--excel makes CSV for Excel; -o out.xlsx writes xlsx, which it does not apply to: leave out --excel,"
            " or name a .csv output",
        ),
        (
            ["-o", "{tmp}/x.xlsx", "--format", "csv"],
            "-o {tmp}/x.xlsx names a workbook, but --format csv writes text; leave out --format",
        ),
        (
            ["-o", "{tmp}/y.csv", "--format", "xlsx"],
            "--format xlsx writes a workbook, but -o {tmp}/y.csv names a .csv file; name it NAME.xlsx",
        ),
    ],
)
def test_output_options_that_do_not_go_together(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path, options: list[str], message: str
) -> None:
    options = [option.format(tmp=tmp_path) for option in options]
    status, out, err = srank_cli("check", *two, "-c", "S Rank", *options)
    assert (status, out, err) == (2, "", "srank: " + message.format(tmp=tmp_path) + "\n")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--format xlsx writes a workbook, but -o {out} names a .csv file; name it NAME.xlsx"),
        ("fr", "--format xlsx écrit un classeur, mais -o {out} nomme un fichier .csv\u202f; nommez-le NOM.xlsx"),
        ("es", "--format xlsx escribe un libro, pero -o {out} nombra un archivo .csv; nómbrelo NOMBRE.xlsx"),
    ],
)
def test_a_workbook_is_not_written_under_a_text_file_s_name(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path, lang: str, said: str
) -> None:
    out = tmp_path / "y.csv"
    status, _, err = srank_cli("check", two[0], "-c", "S Rank", "--format", "xlsx", "-o", out, "--lang", lang)
    assert (status, err) == (2, f"srank: {said.format(out=out)}\n")
    assert not out.exists()
    for name in ("Y.XLSX", "ranks"):  # .xlsx in any case, or no suffix at all (a device, /dev/stdout)
        assert srank_cli("check", two[0], "-c", "S Rank", "--format", "xlsx", "-o", tmp_path / name)[0] == 0
        assert (tmp_path / name).read_bytes()[:4] == b"PK\x03\x04"


@pytest.mark.parametrize("name", ["out.ods", "out.xls", "out.xlsm", "OUT.XLSB"])
def test_text_is_not_written_under_a_workbook_s_name(
    srank_cli: Run, two: tuple[Path, Path], tmp_path: Path, name: str
) -> None:
    # srank writes .xlsx workbooks only: CSV text named out.ods would open as a damaged workbook.
    out = tmp_path / name
    suffix = out.suffix.lower()
    for extra, text in (([], ".csv"), (["--format", "csv"], ".csv"), (["--format", "jsonl"], ".jsonl")):
        status, _, err = srank_cli("check", two[0], "-c", "S Rank", "-o", out, *extra)
        assert (status, err) == (
            2,
            f"srank: -o {out} names a workbook ({suffix}), which srank does not write; name it NAME.xlsx for a"
            f" workbook, or NAME{text}\n",
        )
        assert not out.exists()
    status, _, err = srank_cli("check", two[0], "-c", "S Rank", "-o", out, "--lang", "es")
    spanish = (
        f"-o {out} nombra un libro ({suffix}), que srank no escribe; nómbrelo NOMBRE.xlsx para un libro, o NOMBRE.csv"
    )
    assert (status, err) == (2, f"srank: {spanish}\n")


def test_a_workbook_goes_to_a_device_or_a_pipe(srank_cli: Run, two: tuple[Path, Path]) -> None:
    import subprocess
    import sys
    import zipfile

    status, out, _ = srank_cli("check", two[0], "-c", "S Rank", "--format", "xlsx", "-o", "/dev/null")
    assert (status, out) == (0, "")  # /dev/null tells 0 wherever it is: zipfile counts the offsets itself
    done = subprocess.run(
        [sys.executable, "-m", "srank", "check", str(two[0]), "-c", "S Rank", "--format", "xlsx", "-o", "/dev/stdout"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    with zipfile.ZipFile(io.BytesIO(done.stdout)) as book:
        assert book.testzip() is None
        assert b"<t>S Rank</t>" in book.read("xl/worksheets/sheet1.xml")


def test_stdin_cannot_be_one_of_several_files(srank_cli: Run, two: tuple[Path, Path]) -> None:
    assert srank_cli("check", two[0], "-", "-c", "S Rank", "--summary-only") == (
        2,
        "",
        "srank: - (stdin) cannot be one of several files\n",
    )


def test_distribution_reads_several_files_too(srank_cli: Run, tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", "Distribution\nUS(N5)\n")
    second = write(tmp_path / "b.csv", "Distribution\nUS(N5): VT(S9)\n")
    status, out, err = srank_cli("distribution", first, second, "-c", "Distribution", "--summary-only")
    assert (status, out) == (1, "")
    assert err.splitlines()[-1] == "srank distribution: 2 files, 2 rows: 1 passed, 1 failed"


# -- only the problems -------------------------------------------------------------------


def test_problems_only_writes_the_invalid_and_warned_rows_with_their_lines(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "id,rank\n1,S2\n2,G3G2\n3,\n4,G5T1T3\n5,a,b\n6,G1T2\n")
    status, out, err = srank_cli("check", source, "-c", "rank", "--problems-only")
    assert status == 1
    assert out == (
        "id,rank,srank_line,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
        '2,G3G2,3,false,,,,"error[range-reversed]: Range 3-2 is reversed;'
        ' hint: write the lower (more imperiled) number first, as in G2G3"\n'
        '5,a,6,false,,,,"error[malformed-row]: line 6 has 3 fields, the header has 2; the rank was not read",b\n'
        "6,G1T2,7,true,G1T2,T2,Critically Imperiled; subspecies or variety Imperiled,"
        "warning[infraspecific-more-secure]: The infraspecific rank T2 is more secure than its species' rank G1\n"
    )
    assert err.startswith(f"srank check: {source}: 6 rows: 3 valid (1 with warnings), 2 invalid, 1 missing;")


def test_problems_only_in_json_lines(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "id,rank\n1,S2\n2,S9\n")
    status, out, _ = srank_cli("check", source, "-c", "rank", "--problems-only", "--format", "jsonl")
    assert status == 1
    assert out == (
        '{"id": "2", "rank": "S9", "srank_line": 3, "srank_valid": false, "srank_canonical": null,'
        ' "srank_rounded": null, "srank_label": null, "srank_message": "error[syntax]: Expected a rank value'
        " (1-5, X, H, U, NR or NA) after 'S', found '9'; hint: rank numbers run from 1 (critically imperiled) to 5"
        ' (secure)"}\n'
    )


# -- Excel -------------------------------------------------------------------------------


def test_excel_csv_has_a_bom_crlf_and_no_formula(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", 'name,rank\nÉrable,S2\n=HYPERLINK("x"),S3\n-5,+S1\n"two\nlines",@S4\n')
    status, out, _ = srank_cli("check", source, "-c", "rank", "--excel")
    assert status == 1
    assert out == (
        "\ufeffname,rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\r\n"
        "Érable,S2,true,S2,S2,Imperiled,\r\n"
        '"\'=HYPERLINK(""x"")",S3,true,S3,S3,Vulnerable,\r\n'
        "'-5,'+S1,false,,,,\"error[syntax]: Expected a level letter (G, N, S or T), found '+'; hint: a rank code"
        ' looks like G3, G3G4, G5T2, S2B or S2B,S4N"\r\n'
        "\"two\nlines\",'@S4,false,,,,\"error[syntax]: Expected a level letter (G, N, S or T), found '@'; hint:"
        ' a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"\r\n'
    )


def test_srank_s_own_cells_never_start_a_formula(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "rank\n=S1\n")
    _, out, _ = srank_cli("check", source, "-c", "rank")
    assert out.splitlines()[1].startswith("=S1,false,,,,")  # the input cell as it was, without --excel
    # srank's column names are its own cells too, when they start with the input column's name.
    named = write(tmp_path / "named.csv", "=X,+Y\nS1,S2\n")
    _, out, _ = srank_cli("check", named, "-c", "=X", "-c", "+Y")
    assert out.splitlines()[0] == (
        "=X,+Y,'=X.srank_valid,'=X.srank_canonical,'=X.srank_rounded,'=X.srank_label,'=X.srank_message,"
        "'+Y.srank_valid,'+Y.srank_canonical,'+Y.srank_rounded,'+Y.srank_label,'+Y.srank_message"
    )


def test_xlsx_output_reads_back_as_written(srank_cli: Run, tmp_path: Path) -> None:
    calamine = pytest.importorskip("python_calamine")
    source = write(tmp_path / "in.csv", "name,rank\n=1+2,S2\n _x0041_ ,S9\n\x01bell,\n")
    book = tmp_path / "out.xlsx"
    status, out, _ = srank_cli("check", source, "-c", "rank", "--problems-only", "-o", book)
    assert (status, out) == (1, "")
    rows = calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python()
    assert rows == [
        [
            "name",
            "rank",
            "srank_line",
            "srank_valid",
            "srank_canonical",
            "srank_rounded",
            "srank_label",
            "srank_message",
        ],
        [
            " _x0041_ ",
            "S9",
            3.0,  # a number cell, which calamine reads as a float
            False,
            "",
            "",
            "",
            "error[syntax]: Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9';"
            " hint: rank numbers run from 1 (critically imperiled) to 5 (secure)",
        ],
    ]
    status, _, _ = srank_cli("check", source, "-c", "rank", "-o", book)
    rows = calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python()
    assert [row[:4] for row in rows] == [
        ["name", "rank", "srank_valid", "srank_canonical"],
        ["=1+2", "S2", True, "S2"],
        [" _x0041_ ", "S9", False, ""],
        ["\x01bell", "", "", ""],
    ]


def test_xlsx_output_opens_in_openpyxl_and_pandas_default_reader(srank_cli: Run, tmp_path: Path) -> None:
    """Read as pandas.read_excel reads by default (openpyxl), not only by the reader srank itself uses."""
    openpyxl = pytest.importorskip("openpyxl")
    source = write(tmp_path / "in.csv", "name,rank\nLynx canadensis,S2\nSalix nigra,s9\n")
    book = tmp_path / "out.xlsx"
    assert srank_cli("check", source, "-c", "rank", "-o", book)[0] == 1
    workbook = openpyxl.load_workbook(book, read_only=True)  # read-only keeps the file open until close()
    try:
        rows = [list(row) for row in workbook.active.iter_rows(max_col=4, values_only=True)]
    finally:
        workbook.close()
    assert rows == [
        ["name", "rank", "srank_valid", "srank_canonical"],
        ["Lynx canadensis", "S2", True, "S2"],
        ["Salix nigra", "s9", False, None],
    ]


def test_xlsx_cells_past_a_spreadsheet_s_limit_are_cut_and_counted(srank_cli: Run, tmp_path: Path) -> None:
    calamine = pytest.importorskip("python_calamine")
    source = write(tmp_path / "in.csv", "note,rank\n" + "x" * 40_000 + ",S1\n")
    book = tmp_path / "out.xlsx"
    status, _, err = srank_cli("check", source, "-c", "rank", "-o", book)
    assert status == 0
    assert err.splitlines()[-1] == (
        "  1 cell was longer than the 32,767 characters a spreadsheet cell holds, and was cut there"
    )
    rows = calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python()
    assert len(rows[1][0]) == 32_767


def test_an_xlsx_past_a_sheet_s_columns_is_not_written(srank_cli: Run, tmp_path: Path) -> None:
    # srank's five columns would stand past XFD, where no spreadsheet (nor srank) reads them.
    source = write(tmp_path / "in.csv", ",".join(["rank", *(f"c{i}" for i in range(16_380))]) + "\nS2" + ",x" * 16_380)
    book = tmp_path / "out.xlsx"
    status, out, err = srank_cli("check", source, "-c", "rank", "-o", book)
    assert (status, out) == (2, "")
    assert err == (
        f"srank: {book} is not written: a row of 16,386 columns is wider than the 16,384 a sheet holds;"
        " write CSV (-o NAME.csv, or --format csv for a folder)\n"
    )
    assert list(tmp_path.iterdir()) == [source]
    # A malformed row with more fields than a sheet holds stops the run too.
    write(source, "rank,note\nS2" + ",x" * 16_390 + "\n")
    status, _, err = srank_cli("check", source, "-c", "rank", "-o", book)
    assert (status, "16,396 columns" in err, book.exists()) == (2, True, False)


def test_an_xlsx_past_a_sheet_s_rows_is_not_written(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from srank.cli import _xlsx_output

    monkeypatch.setattr(_xlsx_output, "ROWS", 3)  # a sheet of 1,048,576 rows, made small
    source = write(tmp_path / "in.csv", "rank\nS1\nS2\nS3\n")
    book = tmp_path / "out.xlsx"
    status, _, err = srank_cli("check", source, "-c", "rank", "-o", book, "--lang", "fr")
    assert (status, err) == (
        2,
        f"srank: {book} n'est pas écrit\u00a0: ses rangées dépassent les 3\u00a0qu'une feuille contient\u202f;"
        " écrivez du CSV (-o NOM.csv, ou --format csv pour un dossier), ou divisez l'entrée\n",
    )
    assert not book.exists()
    write(source, "rank\nS1\nS2\n")  # the header and two rows fit
    assert srank_cli("check", source, "-c", "rank", "-o", book)[0] == 0
    assert book.exists()


# -- title rows above a CSV header --------------------------------------------------------

TITLED = "Rare plants of Vermont, 2024\n\nid,S Rank\n1,S2\n2,S9\n"


def test_header_row_skips_the_title_lines_of_a_csv(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", TITLED)
    status, out, err = srank_cli("check", source, "-c", "S Rank", "--header-row", "3")
    assert status == 1
    assert out.splitlines() == [
        "id,S Rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message",
        "1,S2,true,S2,S2,Imperiled,",
        "2,S9,false,,,,\"error[syntax]: Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9';"
        ' hint: rank numbers run from 1 (critically imperiled) to 5 (secure)"',
    ]
    assert err.splitlines()[-1] == "           1  syntax: 'S9' (1); first on line 5"


def test_a_missing_column_on_a_later_line_suggests_header_row(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", TITLED)
    assert srank_cli("check", source, "-c", "S Rank") == (
        2,
        "",
        f"srank: {source} has no column 'S Rank'; the columns are: 'Rare plants of Vermont', ' 2024';"
        " 'S Rank' is on line 3: if the header is there, pass --header-row 3\n",
    )
    # In French, the columns are quoted as the rest of the sentence is.
    assert srank_cli("check", source, "-c", "S Rank", "--lang", "fr")[2].startswith(
        f"srank: {source} n'a pas de colonne «\u00a0S Rank\u00a0»\u202f; les colonnes sont\u00a0:"
        " «\u00a0Rare plants of Vermont\u00a0», «\u00a0 2024\u00a0»\u202f;"
    )
    # Found regardless of case: --header-row alone would not find it there, so the hint says how it is written.
    assert srank_cli("check", source, "-c", "s rank")[2] == (
        f"srank: {source} has no column 's rank'; the columns are: 'Rare plants of Vermont', ' 2024';"
        " 's rank' is on line 3, written 'S Rank': if the header is there, pass --header-row 3 and name the column"
        " 'S Rank'\n"
    )


def test_the_header_row_hint_reads_each_line_as_its_own_header_would_be(srank_cli: Run, tmp_path: Path) -> None:
    # The title has a comma, the table semicolons: the title chose the delimiter, but --header-row 3 would not.
    source = write(tmp_path / "in.csv", "Rare species, Maryland 2025\n\nELCODE;S Rank\nPMLIL20030;S2\n")
    assert srank_cli("check", source, "-c", "S Rank")[2] == (
        f"srank: {source} has no column 'S Rank'; the columns are: 'Rare species', ' Maryland 2025';"
        " 'S Rank' is on line 3: if the header is there, pass --header-row 3\n"
    )
    assert srank_cli("check", source, "-c", "S Rank", "--header-row", "3")[0] == 0
    # A delimiter given is the file's: no line is read otherwise.
    assert srank_cli("check", source, "-c", "S Rank", "-d", ",")[2] == (
        f"srank: {source} has no column 'S Rank'; the columns are: 'Rare species', ' Maryland 2025'\n"
    )


def test_a_header_below_many_lines_of_notes_is_found(srank_cli: Run, tmp_path: Path) -> None:
    notes = [f"Note {number}: see the data dictionary" for number in range(1, 61)]
    header = ["Scientific Name", "Common Name", "G Rank", "S Rank", "Last Observed"]
    source = write(tmp_path / "in.csv", "\n".join([*notes, ",".join(header), "Carex,Sedge,G5,S2,2019"]) + "\n")
    assert srank_cli("check", source, "-c", "S Rank")[2].endswith(
        "; 'S Rank' is on line 61: if the header is there, pass --header-row 61\n"
    )
    # A mistyped name is on no line: the fuller line below the notes is pointed to.
    assert srank_cli("check", source, "-c", "State Rank")[2] == (
        f"srank: {source} has no column 'State Rank'; the columns are: 'Note 1: see the data dictionary'; line 61"
        " has 5 filled cells ('Scientific Name', 'Common Name', 'G Rank', 'S Rank', 'Last Observed'): if the header"
        " is there, pass --header-row 61\n"
    )
    sheet: list[list[object]] = [[note] for note in notes]
    book = write_workbook(tmp_path / "in.xlsx", [*sheet, [*header], ["Carex", "Sedge", "G5", "S2"]])
    status, out, _ = srank_cli("check", book, "-c", "S Rank")
    assert (status, out.splitlines()[1]) == (0, "Carex,Sedge,G5,S2,,true,S2,S2,Imperiled,")  # the header row found
    assert srank_cli("check", book, "-c", "State Rank")[2] == (  # the fullest row is taken as the header
        f"srank: {book} has no column 'State Rank'; the columns are: 'Scientific Name', 'Common Name', 'G Rank',"
        " 'S Rank', 'Last Observed'\n"
    )


def test_the_line_offered_as_the_header_is_never_a_data_row(srank_cli: Run, tmp_path: Path) -> None:
    # A data row with a note beside it is fuller than the header, but holds a rank code: it is not offered.
    titled = write(
        tmp_path / "titled.csv", "Rare plants of Vermont, 2024\nname,rank,county\nCarex,S2,Essex\nViola,S1,Orange,see\n"
    )
    assert srank_cli("check", titled, "-c", "State Rank")[2] == (
        f"srank: {titled} has no column 'State Rank'; the columns are: 'Rare plants of Vermont', ' 2024'; line 2 has 3"
        " filled cells ('name', 'rank', 'county'): if the header is there, pass --header-row 2\n"
    )
    plain = write(tmp_path / "plain.csv", "name,rank,,\nCarex,S2,Essex,note\n")
    assert srank_cli("check", plain, "-c", "State Rank")[2] == (
        f"srank: {plain} has no column 'State Rank'; the columns are: 'name', 'rank'\n"
    )
    rows: list[list[object]] = [["name", "S Rank", "county"]]
    rows += [["Carex", "S2", "Essex"] for _ in range(40)]
    book = write_workbook(tmp_path / "noted.xlsx", [*rows, ["Viola", "S1", "Orange", "see note"]])
    assert srank_cli("check", book, "-c", "State Rank")[2] == (
        f"srank: {book} has no column 'State Rank'; the columns are: 'name', 'S Rank', 'county'\n"
    )


def test_the_suggested_header_line_holds_every_column_asked_for_or_says_which_it_lacks(
    srank_cli: Run, tmp_path: Path
) -> None:
    both = write(tmp_path / "both.csv", "Report\nid,S Rank\nid,G Rank,S Rank\n1,G5,S2\n")
    assert srank_cli("check", both, "-c", "S Rank", "-c", "G Rank")[2] == (
        f"srank: {both} has no column 'S Rank'; the columns are: 'Report'; 'S Rank' is on line 3: if the header is"
        " there, pass --header-row 3\n"
    )
    apart = write(tmp_path / "apart.csv", "Report\nid,G Rank\n1,G5\nid,S Rank\n1,S2\n")
    assert srank_cli("check", apart, "-c", "S Rank", "-c", "G Rank")[2] == (
        f"srank: {apart} has no column 'S Rank'; the columns are: 'Report'; 'S Rank' is on line 4: if the header is"
        " there, pass --header-row 4; line 4 does not hold 'G Rank'\n"
    )


def test_header_row_past_the_end_and_sheet_on_a_csv(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", TITLED)
    assert srank_cli("check", source, "-c", "S Rank", "--header-row", "9") == (
        2,
        "",
        f"srank: {source}: --header-row 9 is past the last line (5)\n",
    )
    status, _, err = srank_cli("check", source, "-c", "S Rank", "--header-row", "3", "--sheet", "Ranks")
    assert status == 1
    assert err.startswith(f"srank: {source} is not a workbook: --sheet is ignored\n")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "{source}: line 2 (--header-row 2) is empty; expected a header row naming the columns; 'S Rank' is on"
            " line 3: if the header is there, pass --header-row 3",
        ),
        (
            "fr",
            "{source}\xa0: la ligne 2 (--header-row 2) est vide\u202f; une ligne d'en-tête qui nomme les colonnes est"
            " attendue\u202f; «\xa0S Rank\xa0» est à la ligne 3\xa0: si l'en-tête est là, passez --header-row 3",
        ),
        (
            "es",
            "{source}: la línea 2 (--header-row 2) está vacía; se esperaba una fila de encabezado que nombre las"
            " columnas; «S Rank» está en la línea 3: si el encabezado está ahí, pase --header-row 3",
        ),
    ],
)
def test_header_row_on_a_blank_line_names_that_line_and_the_line_of_the_column(
    srank_cli: Run, tmp_path: Path, lang: str, said: str
) -> None:
    source = write(tmp_path / "in.csv", TITLED)
    status, out, err = srank_cli("check", source, "-c", "S Rank", "--header-row", "2", "--lang", lang)
    assert (status, out, err) == (2, "", f"srank: {said.format(source=source)}\n")


def test_a_blank_first_line_suggests_the_line_of_the_column(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "\n\nid,S Rank\n1,S2\n")
    assert srank_cli("check", source, "-c", "S Rank") == (
        2,
        "",
        f"srank: {source}: the first line is empty; expected a header row naming the columns; 'S Rank' is on line"
        " 3: if the header is there, pass --header-row 3\n",
    )
    assert srank_cli("check", source, "-c", "G Rank", "--header-row", "2")[2] == (  # no line names it: the fullest
        f"srank: {source}: line 2 (--header-row 2) is empty; expected a header row naming the columns; line 3 has 2"
        " filled cells ('id', 'S Rank'): if the header is there, pass --header-row 3\n"
    )
    other = write(tmp_path / "other.csv", "id,S Rank\n1,S3\n")
    assert srank_cli("diff", other, source, "-k", "id", "-c", "S Rank")[2] == (
        f"srank: {source}: the first line is empty; expected a header row naming the columns; 'id' is on line 3:"
        " if the header is there, pass --new-header-row 3\n"  # NEW's own: --header-row would move OLD's too
    )
    assert srank_cli("diff", other, source, "-k", "id", "-c", "S Rank", "--new-header-row", "9")[2] == (
        f"srank: {source}: --new-header-row 9 is past the last line (4)\n"
    )
    assert srank_cli("diff", other, source, "-k", "id", "-c", "S Rank", "--header-row", "2", "--old-header-row", "1")[
        2
    ] == (
        f"srank: {source}: line 2 (--header-row 2) is empty; expected a header row naming the columns; 'id' is on"
        " line 3: if the header is there, pass --new-header-row 3\n"
    )


def test_blank_lines_and_problems_are_counted_in_every_file_of_a_run(srank_cli: Run, tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", "rank\nS1\n\nS9\n")
    second = write(tmp_path / "b.csv", "rank\n\nS9\nS1\nS1\n")
    status, _, err = srank_cli("check", first, second, "-c", "rank", "--summary-only")
    assert status == 1
    assert err == (
        f"srank check: {first}: 3 rows: 1 valid, 1 invalid, 1 missing; 2 distinct codes\n"
        "  most common problems:\n"
        "           1  syntax: 'S9' (1); first on line 4\n"
        "  1 blank line was kept as a row with no rank\n"
        f"srank check: {second}: 4 rows: 2 valid, 1 invalid, 1 missing; 2 distinct codes\n"
        "  most common problems:\n"
        "           1  syntax: 'S9' (1); first on line 3\n"
        "  1 blank line was kept as a row with no rank\n"
        "srank check: 2 files, 7 rows: 2 failed\n"
    )


def test_problems_only_needs_rows_with_line_numbers(srank_cli: Run, tmp_path: Path) -> None:
    old = write(tmp_path / "old.csv", "k,r\n1,S1\n")
    new = write(tmp_path / "new.csv", "k,r\n1,S9\n")
    assert srank_cli("diff", old, new, "--key", "k", "-c", "r", "--problems-only") == (
        2,
        "",
        "srank: srank diff --problems-only: its rows come from two files and have no one line number;"
        " --changes-only keeps the rows that changed\n",
    )


def test_a_file_named_as_a_workbook_that_is_not_one_is_said_so(srank_cli: Run, tmp_path: Path) -> None:
    broken = tmp_path / "ranks.xlsx"
    broken.write_bytes((bytes(range(0xC0, 0x100)) + bytes(range(1, 9)) * 8) * 8)  # neither a workbook nor text
    assert srank_cli("check", broken, "-c", "rank")[::2] == (
        2,
        f"srank: {broken} is not UTF-8 text (invalid start byte, byte 0xc0, byte offset 0 (line 1)); its name ends"
        " in .xlsx, but it is not a workbook (its first bytes are not a workbook's): it may be damaged, or another"
        " file renamed\n",
    )
    windows = tmp_path / "export.xls"  # a web export's CSV, saved in cp1252 and named .xls: the encoding is the hint
    windows.write_bytes(b"name,rank\nPyrola p\xe9,S1\n")
    assert srank_cli("check", windows, "-c", "rank")[2].endswith(
        "; if it was saved by Excel on Windows, pass --encoding cp1252\n"
    )
    renamed = write(tmp_path / "export.xls", "id,rank\n1,S1\n")  # a web export's CSV named .xls is read as text
    assert srank_cli("check", renamed, "-c", "rank")[:2] == (
        0,
        "id,rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
        "1,S1,true,S1,S1,Critically Imperiled,\n",
    )
