"""Reliability: hostile files, faults around -o, signals, threads on first use, bounded memory and messages."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from conftest import Run
from srank.cli import main
from srank.cli._arguments import ColumnSpec
from srank.cli._check_command import ColumnCheck

SCRIPT = Path(sys.executable).parent / "srank"
APPENDED = 5


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def cells_of(text: str, delimiter: str = ",") -> list[list[str]]:
    limit = csv.field_size_limit(1 << 24)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    finally:
        csv.field_size_limit(limit)


# -- -o: what the path points at ---------------------------------------------


def test_output_to_a_fifo_writes_into_it(srank_cli: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    status, _, _ = srank_cli("check", write(tmp_path / "in.csv", "rank\nS1\n"), "-c", "rank", "-o", fifo)
    reader.join(10)
    assert status == 0
    assert received == [
        b"rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
        b"S1,true,S1,S1,Critically Imperiled,\n"
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv", "pipe"]


def test_output_to_a_symlink_replaces_its_target_and_keeps_the_link(srank_cli: Run, tmp_path: Path) -> None:
    target = write(tmp_path / "target.csv", "old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert srank_cli("check", write(tmp_path / "in.csv", "rank\nS1\n"), "-c", "rank", "-o", link)[0] == 0
    assert link.is_symlink()
    assert target.read_text().endswith("S1,true,S1,S1,Critically Imperiled,\n")


def test_output_to_a_symlink_loop_is_refused_and_the_link_kept(srank_cli: Run, tmp_path: Path) -> None:
    # A shell's > refuses it too (ELOOP); replacing the link would lose what the user made.
    loop = tmp_path / "loop.csv"
    loop.symlink_to("loop.csv")
    status, out, err = srank_cli("check", write(tmp_path / "in.csv", "rank\nS1\n"), "-c", "rank", "-o", loop)
    assert (status, out, err) == (2, "", f"srank: cannot write {loop}: Too many levels of symbolic links\n")
    assert loop.is_symlink()
    # As an input, the same link cannot be read.
    said = f"srank: cannot read {loop}: Too many levels of symbolic links\n"
    assert srank_cli("check", loop, "-c", "rank")[2] == said


def test_output_to_a_device_writes_to_it_and_leaves_it_a_device(srank_cli: Run, tmp_path: Path) -> None:
    assert srank_cli("check", write(tmp_path / "in.csv", "rank\nS1\n"), "-c", "rank", "-o", os.devnull)[0] == 0
    assert Path(os.devnull).is_char_device()


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/out.csv", "the folder"),
        ("in.csv", "is the input file; srank never modifies its input"),
        (".", "in.csv is an input file; srank never modifies its input"),  # -o FOLDER: named after the input
    ],
)
def test_output_faults_are_usage_errors_and_leave_nothing(
    srank_cli: Run, tmp_path: Path, output: str, message: str
) -> None:
    source = write(tmp_path / "in.csv", "rank\nS1\n")
    os.chdir(tmp_path)
    status, out, err = srank_cli("check", "in.csv", "-c", "rank", "-o", output)
    assert (status, out) == (2, "")
    assert message in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv"]
    assert source.read_text() == "rank\nS1\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_a_usage_error(srank_cli: Run, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    status, _, err = srank_cli("check", write(tmp_path / "in.csv", "rank\nS1\n"), "-c", "rank", "-o", folder / "o.csv")
    assert status == 2
    assert "cannot write" in err


def test_an_empty_output_path_is_refused_before_reading(srank_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    class Unread(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: object) -> int:
            raise AssertionError("stdin was read")

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Unread())))
    status, _, err = srank_cli("check", "-", "-c", "rank", "-o", "")
    assert status == 2
    assert "the output path is empty" in err


# -- signals -------------------------------------------------------------------


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_mid_run_cleans_up_and_exits_128_plus_the_signal(tmp_path: Path, signum: int, status: int) -> None:
    out = tmp_path / "out.csv"
    process = subprocess.Popen(
        [str(SCRIPT), "check", "-", "-c", "rank", "-o", str(out)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    process.stdin.write(b"rank\n" + b"S1\n" * 100_000)
    process.stdin.flush()
    deadline = time.monotonic() + 20
    while not any(path.name.startswith(".srank-") for path in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.01)
    process.send_signal(signum)
    _, err = process.communicate(timeout=20)
    assert process.returncode == status
    assert b"Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_many_outputs_sync_each_folder_once_after_every_file_is_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import srank.cli._output as output

    events: list[tuple[str, ...]] = []
    sync, clean = output._sync_folder, output._remove_leftovers

    def synced(folder: str) -> None:
        shown = sorted(name for name in os.listdir(folder) if name[0] != ".")  # what is in place when it syncs
        events.append(("sync", os.path.basename(folder), *shown))
        sync(folder)

    def cleaned(folder: str) -> None:
        events.append(("clean", os.path.basename(folder)))
        clean(folder)

    monkeypatch.setattr(output, "_sync_folder", synced)
    monkeypatch.setattr(output, "_remove_leftovers", cleaned)
    inputs = [str(write(tmp_path / f"in{number}.csv", "rank\nS1\n")) for number in range(3)]
    (tmp_path / "out").mkdir()
    assert main(["check", *inputs, "-c", "rank", "-o", str(tmp_path / "out")]) == 0
    assert events == [("clean", "out"), ("sync", "out", "in0.csv", "in1.csv", "in2.csv")]  # once, after the last
    events.clear()
    assert main(["check", inputs[0], "-c", "rank", "-o", str(tmp_path / "one.csv")]) == 0
    names = ("in0.csv", "in1.csv", "in2.csv", "one.csv", "out")
    assert events == [("clean", tmp_path.name), ("sync", tmp_path.name, *names)]  # a lone output: at once


def test_a_run_of_many_outputs_stopped_early_puts_the_finished_ones_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import srank.cli._table as table
    from srank.cli._sources import open_input as opened

    def open_input(path: str, encoding: str) -> object:  # Ctrl-C as the third file is opened
        if path.endswith("in2.csv"):
            raise KeyboardInterrupt
        return opened(path, encoding)

    monkeypatch.setattr(table, "open_input", open_input)
    inputs = [str(write(tmp_path / f"in{number}.csv", "rank\nS1\n")) for number in range(4)]
    (tmp_path / "out").mkdir()
    assert main(["check", *inputs, "-c", "rank", "-o", str(tmp_path / "out")]) == 130  # "srank: interrupted"
    assert sorted(os.listdir(tmp_path / "out")) == ["in0.csv", "in1.csv"]  # synced, renamed; no temporary file
    assert (tmp_path / "out" / "in1.csv").read_text() == (
        "rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
        "S1,true,S1,S1,Critically Imperiled,\n"
    )


# -- state, threads, memory ------------------------------------------------------


def test_main_gives_back_the_process_state_it_borrows(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    handlers = (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP))
    errors = sys.stderr.errors
    main(["check", str(write(tmp_path / "in.csv", "rank\nS1\n")), "-c", "rank", "-o", str(tmp_path / "o.csv")])
    assert csv.field_size_limit() == limit
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == handlers
    assert sys.stderr.errors == errors


FIRST_USE = """
import sys, threading
sys.setswitchinterval(1e-6)
import srank
barrier = threading.Barrier(16)
failures = []
def work():
    barrier.wait()
    try:
        rank = srank.parse("G5T1T3Q")
        srank.describe(rank)
        rank.rounded(); rank.is_imperiled(); sorted([rank, srank.parse("S2B,S4N").parts[0]])
    except Exception as error:
        failures.append(repr(error))
threads = [threading.Thread(target=work) for _ in range(16)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(failures)
"""


def test_sixteen_threads_making_their_first_calls_at_once_all_succeed() -> None:
    for _ in range(8):  # each run is a fresh process, so every first call races
        result = subprocess.run([sys.executable, "-c", FIRST_USE], capture_output=True, text=True, check=False)
        assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "")


def test_errors_keep_no_parser_frames_or_context() -> None:
    results = srank.parse_many([f"x{number}" for number in range(100)])
    assert all(isinstance(result, srank.InvalidRankError) for result in results)
    assert all(result.__context__ is None and result.__traceback__ is None for result in results)  # type: ignore[union-attr]
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse("G3G2")
    assert caught.value.__context__ is None


def test_messages_stay_small_for_huge_values() -> None:
    result = srank.parse_many([b"x" * 10_000_000, "G" * 10_000_000])
    assert [len(error.message) for error in result] == [126, 71]  # type: ignore[union-attr]


def test_more_distinct_cells_than_the_cache_holds_are_all_checked_and_counted(srank_cli: Run, tmp_path: Path) -> None:
    codes = [f"S{1 + number % 5}" if number % 2 else f"id{number}" for number in range(20_000)]
    source = write(tmp_path / "in.csv", "rank\n" + "\n".join(codes) + "\n")
    status, out, err = srank_cli("check", source, "-c", "rank")
    rows = cells_of(out)[1:]
    assert status == 1
    assert [row[0] for row in rows] == codes
    assert [row[1] for row in rows[:4]] == ["false", "true", "false", "true"]
    assert (
        err.splitlines()[0]
        == f"srank check: {source}: 20,000 rows: 10,000 valid, 10,000 invalid, 0 missing; 10,005 distinct codes"
    )


def test_a_stray_quote_holds_a_bounded_record_and_every_row_comes_back(srank_cli: Run, tmp_path: Path) -> None:
    lines = ['1,"S1'] + [f"{number},S2" for number in range(2, 25_002)]
    status, out, err = srank_cli(
        "check", write(tmp_path / "in.csv", "id,rank\n" + "\n".join(lines) + "\n"), "-c", "rank"
    )
    rows = cells_of(out)[1:]
    assert status == 1
    assert len(rows) == 25_001
    assert rows[0][:3] == ["1", '"S1', "false"]
    assert rows[-1][:3] == ["25001", "S2", "true"]
    assert "malformed-row (opens a quote that is not closed), line 2" in err


# -- hostile files -----------------------------------------------------------------

WIDE = 100_000
HOSTILE: dict[str, tuple[bytes, int, str]] = {
    # name: (file, exit status, what stderr must say)
    "empty": (b"", 2, "is empty"),
    "BOM only": (b"\xef\xbb\xbf", 2, "is empty"),
    "binary": (bytes(range(256)) * 4, 2, "is not UTF-8 text (invalid start byte, byte 0x80, byte offset 128 (line 2))"),
    "random bytes": (b"rank\n" + bytes((n * 37 + 11) % 256 for n in range(3000)), 2, "is not UTF-8 text"),
    "UTF-16 with BOM": ("rank\nS1\nS2\n".encode("utf-16"), 0, "2 rows: 2 valid"),
    "UTF-16 without BOM": ("rank\nS1\nS2\n".encode("utf-16-le"), 2, "pass --encoding utf-16-le"),
    "NUL bytes": (b"id,rank\n1,S\x001\n2,S2\n3\x00,S3\n", 1, "syntax: 'S\\x001' (1); first on line 2"),
    "CR-only line endings": (b"id,rank\r1,S1\r2,S2\r", 0, "2 rows: 2 valid"),
    "mixed line endings": (b"id,rank\r\n1,S1\n2,S2\r3,S3\r\n", 0, "3 rows: 3 valid"),
    "1 MB cells": (b"id,rank,notes\n1,S1," + b"x" * 1_000_000 + b'\n2,S2,"' + b"y\n" * 1000 + b'"\n', 0, "2 rows"),
    "200 KB header": (b"rank," + b"h" * 200_000 + b"\nS1,a\n", 0, "1 row: 1 valid"),
    "unclosed quote first": (b'id,rank\n"1,S1\n2,S2\n3,S3\n', 1, "line 2"),
    "unclosed quote in the middle": (b'id,rank\n1,S1\n2,"S2\n3,S3\n', 1, "line 3"),
    "unclosed quote last": (b'id,rank\n1,S1\n2,S2\n3,"S3', 1, "line 4"),
    "100,000 columns": (
        ",".join(["rank", *(f"c{n}" for n in range(WIDE))]).encode() + b"\n" + b"S1" + b",x" * WIDE + b"\n",
        0,
        "1 row: 1 valid",
    ),
    "duplicate headers": (b"rank,x,x\nS1,a,b\n", 0, "1 row: 1 valid"),
    "a header holding srank's names": (b"rank,srank_valid,srank_message\nS1,true,\n", 0, "new columns end in .2"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_keeps_every_row_and_cell_or_is_refused_with_a_message(
    srank_cli: Run, tmp_path: Path, name: str
) -> None:
    data, expected_status, said = HOSTILE[name]
    source = write(tmp_path / "in.csv", data)
    output = tmp_path / "out.csv"
    status, _, err = srank_cli("check", source, "-c", "rank", "-o", output)
    assert (status, said in err) == (expected_status, True), err
    if status == 2:
        assert not output.exists()
        return
    encoding = "utf-16" if name == "UTF-16 with BOM" else "utf-8"
    text = data.decode(encoding).replace("\0", "\ufffd")
    written = output.read_bytes().decode().replace("\0", "\ufffd")
    given, got = cells_of(text), cells_of(written)
    if "unclosed" in name:
        # A quote left open ends at its line: each line is a row, the open quote kept in its cell.
        given = [line.split(",") for line in text.splitlines()]
    assert len(got) == len(given)  # rows in = rows out, the header too
    width = len(given[0])
    for before, after in zip(given[1:], got[1:], strict=True):
        assert after[: len(before)] == before
        assert len(after) == max(width, len(before)) + APPENDED


@given(st.from_regex(r"[0-9][0-9A-Za-z ./:-]{0,30}", fullmatch=True), st.booleans())
def test_a_digit_led_cell_gets_the_verdict_of_its_own_reading(cell: str, lenient: bool) -> None:
    # srank check judges one digit-led cell per first digit (an id column checked by mistake stays
    # cheap); that is only right if every such cell's own reading gives the same verdict.
    check = ColumnCheck(ColumnSpec("id"), 0, lenient, "short", "en")
    check.judge(cell[0] + "0000")  # another cell with the same first digit is judged first
    own = ColumnCheck(ColumnSpec("id"), 0, lenient, "short", "en").judge_cell(cell)
    assert check.judge(cell) == own


_CELLS = st.text(alphabet='ab ,"\n\r;\tS1G5', max_size=8)


@given(st.lists(st.lists(_CELLS, min_size=3, max_size=3), max_size=12), st.sampled_from([",", ";", "\t"]))
def test_any_well_formed_csv_comes_back_whole(rows: list[list[str]], delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["id", "rank", "notes"])
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.csv", Path(folder) / "out.csv"
        source.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        with contextlib.redirect_stderr(io.StringIO()):
            status = main(["check", str(source), "-c", "rank", "-d", delimiter, "-o", str(target)])
        written = cells_of(target.read_bytes().decode("utf-8"), delimiter)
    expected = cells_of(buffer.getvalue(), delimiter)
    assert status in (0, 1)
    assert len(written) == len(expected)  # rows in = rows out
    for before, after in zip(expected, written, strict=True):
        assert after[: len(before)] == before


def test_more_distinct_places_than_the_place_cache_holds_in_one_row(
    srank_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import srank.cli._distribution_command as command

    monkeypatch.setattr(command, "CACHE_SIZE", 2)  # a row's places outnumber the cache
    status, out, _ = srank_cli("distribution", "-", "-c", "d", stdin=b'd\n"US(N5), CA(N1), MX(N2)"\n"US(N4)"\n')
    assert status == 0
    assert [row[1:3] for row in cells_of(out)[1:]] == [["US", ""], ["CA", ""], ["MX", ""], ["US", ""]]


def test_running_on_stdin_in_process_leaves_stdin_open(srank_cli: Run) -> None:
    srank_cli("check", "-", "-c", "rank", stdin=b"rank\nS1\n")
    assert not sys.stdin.closed


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_named_as_the_output_not_the_input(srank_cli: Run, tmp_path: Path) -> None:
    status, _, err = srank_cli("check", write(tmp_path / "in.csv", "rank\nS1\n"), "-c", "rank", "-o", "/dev/full")
    assert (status, err) == (2, "srank: cannot write /dev/full: No space left on device\n")


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b"rank\n" + b"S" * (2**20 - 6) + b"\xe2\x82Z\n", "byte offset 1,048,575 (line 2)"),  # across two reads
        (b"rank\nS1\n\xe2\x82", "byte offset 8 (line 3)"),  # cut short at the end
    ],
)
def test_a_decoding_error_names_the_first_bad_byte(srank_cli: Run, tmp_path: Path, data: bytes, where: str) -> None:
    status, _, err = srank_cli("check", write(tmp_path / "in.csv", data), "-c", "rank", "--encoding", "U8")
    assert status == 2
    assert "is not UTF-8 text (" in err
    assert where in err


def test_an_encoding_alias_is_the_encoding(srank_cli: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "in.csv", "rank\nS1\n".encode("utf-16-le"))
    assert srank_cli("check", source, "-c", "rank", "--encoding", "UTF_16LE")[0] == 0


def test_runs_in_several_threads_share_the_raised_field_limit(tmp_path: Path) -> None:
    big = write(tmp_path / "big.csv", "rank,notes\nS1," + "x" * 200_000 + "\n")
    small = write(tmp_path / "small.csv", "rank\nS1\n")
    results: list[int] = []

    def run(source: Path, out: str) -> None:
        with contextlib.redirect_stderr(io.StringIO()):
            results.append(main(["check", str(source), "-c", "rank", "-o", str(tmp_path / out)]))

    threads = [threading.Thread(target=run, args=(big if n % 2 else small, f"o{n}.csv")) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0] * 16
    assert csv.field_size_limit() == 131_072


def test_long_cells_are_counted_but_never_kept_whole(srank_cli: Run) -> None:
    long_cells = [("S" * 1000) + str(number % 3) for number in range(9)]  # three distinct, each three times
    data = ("rank,other\n" + "".join(f"{cell},x\n" for cell in long_cells) + "S1,x\n").encode()
    status, _, err = srank_cli("check", "-", "-c", "rank", stdin=data)
    assert status == 1
    assert err.splitlines()[0] == "srank check: stdin: 10 rows: 1 valid, 9 invalid, 0 missing; 4 distinct codes"
    assert "           9  too-long: " in err


def test_long_distribution_cells_are_counted_and_every_place_comes_back(srank_cli: Run) -> None:
    states = ["AL", "AK", "AZ", "AR", "CO", "CT", "DE", "FL", "GA", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA"]
    states += ["ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM"]
    long_cell = "United States (N5): " + ", ".join(f"{state} (SNR)" for state in states) + ", MD (S1)"
    assert len(long_cell) > 256  # too long for the caches to keep whole, as real Explorer strings often are
    data = f'd\n"{long_cell}"\n"{long_cell}"\nUS(N4)\n'.encode()
    status, out, err = srank_cli("distribution", "-", "-c", "d", stdin=data)
    assert status == 0
    assert len(cells_of(out)) == 1 + 2 * 31 + 1
    assert err.splitlines()[0] == "srank distribution: stdin: 3 rows in, 63 records out; 3 read, 0 with errors, 0 empty"


def test_long_cells_in_several_checked_columns_are_counted(srank_cli: Run) -> None:
    long_cell = "S" * 300
    data = f"a,b\n{long_cell},S1\n{long_cell},S2\nS3,S4\n".encode()
    status, _, err = srank_cli("check", "-", "-c", "a", "-c", "b", stdin=data)
    assert status == 1
    assert err.splitlines()[1:2] == ["  column 'a': 1 valid, 2 invalid, 0 missing; 2 distinct codes"]
    assert "  column 'b': 3 valid, 0 invalid, 0 missing; 3 distinct codes" in err.splitlines()
