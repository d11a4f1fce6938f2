"""The process around a run (issue 28, item 9): closed standard streams, pipes, kills, files srank may not write.

Real processes only where a test needs one (closed descriptors, pipes, SIGKILL);
everything else runs ``main()`` in-process.
"""

from __future__ import annotations

import io
import os
import pwd
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest

import srank._polars_codes as codes
import srank.polars
from conftest import Run
from srank.cli import main

SCRIPT = Path(sys.executable).parent / "srank"
ROWS = "rank,notes\nS1,a\nG5,b\n"
CHECKED = (
    "rank,notes,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
    "S1,a,true,S1,S1,Critically Imperiled,\n"
    "G5,b,true,G5,G5,Secure,\n"
)


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``command`` in sh, with $SRANK the installed script; for closed descriptors and pipes."""
    return subprocess.run(
        ["sh", "-c", command],
        cwd=cwd,
        env={**os.environ, "SRANK": str(SCRIPT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in.csv").write_text(ROWS)
    return tmp_path


# -- closed standard streams ---------------------------------------------------------------------------


def test_a_closed_stdin_is_named(folder: Path) -> None:
    result = shell('"$SRANK" check - -c rank <&-', folder)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "srank: cannot read stdin: it is closed; name the input file instead of -\n"


def test_a_closed_stdin_does_not_matter_when_a_file_is_named(folder: Path) -> None:
    result = shell('"$SRANK" check in.csv -c rank <&-', folder)
    assert (result.returncode, result.stdout) == (0, CHECKED)


@pytest.mark.parametrize("command", ["check in.csv -c rank", "distribution in.csv -c rank", "explain G5"])
def test_a_closed_stdout_is_named(folder: Path, command: str) -> None:
    result = shell(f'"$SRANK" {command} >&-', folder)
    assert result.returncode == 2
    assert result.stderr == "srank: cannot write stdout: it is closed; pass --output FILE, or leave stdout open\n"


def test_a_closed_stdout_does_not_matter_with_an_output_file(folder: Path) -> None:
    result = shell('"$SRANK" check in.csv -c rank -o out.csv >&-', folder)
    assert result.returncode == 0
    assert (folder / "out.csv").read_text() == CHECKED


@pytest.mark.parametrize(
    ("command", "status"),
    [("check in.csv -c rank", 0), ("check in.csv -c nope", 2), ("check in.csv -c notes", 1), ("explain G5", 0)],
)
def test_a_closed_stderr_keeps_the_exit_status(folder: Path, command: str, status: int) -> None:
    result = shell(f'"$SRANK" {command} 2>&-', folder)
    assert result.returncode == status
    assert result.stdout.startswith("rank,notes" if command.startswith("check") and status != 2 else "")


def test_dev_stdout_into_a_pipe_is_written_directly(folder: Path) -> None:
    result = shell('"$SRANK" check in.csv -c rank -o /dev/stdout | cat', folder)
    assert (result.returncode, result.stdout) == (0, CHECKED)
    assert result.stderr == "srank check: in.csv: 2 rows: 2 valid, 0 invalid, 0 missing; 2 distinct codes\n"


def test_dev_stdout_appended_to_a_file_keeps_what_the_file_held(folder: Path) -> None:
    (folder / "log.csv").write_text("earlier\n")
    result = shell('"$SRANK" check in.csv -c rank -o /dev/stdout >> log.csv', folder)
    assert result.returncode == 0
    assert (folder / "log.csv").read_text() == "earlier\n" + CHECKED


def test_a_closed_pipe_ends_the_run_quietly_with_141(folder: Path) -> None:
    (folder / "big.csv").write_text("rank\n" + "S1\n" * 200_000)
    result = subprocess.run(
        ["bash", "-c", '"$SRANK" check big.csv -c rank | head -n 1 >/dev/null; exit "${PIPESTATUS[0]}"'],
        cwd=folder,
        env={**os.environ, "SRANK": str(SCRIPT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (141, "")


# -- overlapping runs in one process -------------------------------------------------------------------


def _opened_by_a_reader(fifo: Path) -> int:
    """A writing end of ``fifo``, once a run has it open for reading (until then opening it fails)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            assert time.monotonic() < deadline, "the run never opened its input"
            time.sleep(0.01)


def test_overlapping_runs_give_back_the_streams_as_they_were(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    statuses: list[int] = []
    runs, writers = [], []
    for name in ("first", "second"):  # the first run starts first and ends first
        fifo = tmp_path / f"{name}.csv"
        os.mkfifo(fifo)
        argv = ["check", str(fifo), "-c", "rank", "-o", str(tmp_path / f"{name}.out.csv")]
        runs.append(threading.Thread(target=lambda argv=argv: statuses.append(main(argv))))
        runs[-1].start()
        writers.append(_opened_by_a_reader(fifo))
    for run, writer in zip(runs, writers, strict=True):
        os.write(writer, ROWS.encode())
        os.close(writer)
        run.join(30)
    assert statuses == [0, 0]
    assert (stdout.errors, stderr.errors) == ("strict", "strict")


def test_a_run_leaves_closed_streams_closed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text(ROWS)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["check", str(tmp_path / "in.csv"), "-c", "rank", "-o", str(tmp_path / "o.csv")]) == 0
    assert main(["check", str(tmp_path / "in.csv"), "-c", "rank"]) == 2
    assert (sys.stdout, sys.stderr) == (None, None)


# -- the file -o replaces ------------------------------------------------------------------------------


def test_a_replaced_file_keeps_its_mode(srank_cli: Run, folder: Path) -> None:
    target = folder / "out.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    assert srank_cli("check", folder / "in.csv", "-c", "rank", "-o", target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == CHECKED


def _as_another_user() -> tuple[int, int] | None:
    if os.geteuid() != 0:
        return None
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        return None
    return nobody.pw_uid, nobody.pw_gid


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder anyone may write in (pytest's own are private to root)."""
    path = Path(tempfile.mkdtemp(prefix="srank-hostile-"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        shutil.rmtree(path)


def _run_as(user: tuple[int, int] | None, argv: list[str]) -> tuple[int, str]:
    """``main(argv)`` in a forked child, as ``user`` when given: (exit status, stderr)."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through its exit status and the pipe
        status = 70
        try:
            os.close(read)
            if user is not None:
                os.setgroups([])
                os.setgid(user[1])
                os.setuid(user[0])
            sys.stderr = io.TextIOWrapper(io.FileIO(write, "w"), encoding="utf-8")
            sys.stdout = io.TextIOWrapper(io.FileIO(os.open(os.devnull, os.O_WRONLY), "w"), encoding="utf-8")
            status = main(argv)
            sys.stderr.flush()
        finally:
            os._exit(status)
    os.close(write)
    with io.FileIO(read) as pipe:
        err = pipe.readall().decode()
    _, code = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(code), err


# The child is a fork, so that it runs as another user with srank already loaded (that user may not read the
# Python under /root). Python 3.12 warns of any fork in a process with threads, and polars, loaded by other tests,
# keeps a pool of native ones; the child runs only srank's own code and leaves with os._exit.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded, use of fork:DeprecationWarning")
def test_a_read_only_file_is_refused_to_a_user_who_may_not_write_it(shared_folder: Path) -> None:
    other = _as_another_user()  # root may write any file: the refusal is for a user who may not
    (shared_folder / "in.csv").write_text(ROWS)
    target = shared_folder / "out.csv"
    target.write_text("old\n")
    target.chmod(0o444)
    if other is not None:
        os.chown(target, *other)
    status, err = _run_as(other, ["check", str(shared_folder / "in.csv"), "-c", "rank", "-o", str(target)])
    assert status == 2
    assert (
        err == f"srank: cannot write {target}: the file is read-only (permission denied); srank does not replace it\n"
    )
    assert target.read_text() == "old\n"
    assert sorted(path.name for path in shared_folder.iterdir()) == ["in.csv", "out.csv"]


def test_a_file_root_replaces_keeps_its_owner_and_mode(srank_cli: Run, shared_folder: Path) -> None:
    other = _as_another_user()
    if other is None:
        pytest.skip("only root may give a file to another user")
    (shared_folder / "in.csv").write_text(ROWS)
    target = shared_folder / "out.csv"
    target.write_text("old\n")
    target.chmod(0o444)
    os.chown(target, *other)
    assert srank_cli("check", shared_folder / "in.csv", "-c", "rank", "-o", target)[0] == 0
    status = target.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (*other, 0o444)
    assert target.read_text() == CHECKED


def test_the_output_is_synced_before_it_is_renamed_into_place(
    srank_cli: Run, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    fsync, replace = os.fsync, os.replace

    def synced(descriptor: int) -> None:
        calls.append(
            "folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "fsync " + str(os.fstat(descriptor).st_size)
        )
        fsync(descriptor)

    def replaced(source: str, target: str) -> None:
        calls.append("replace")
        replace(source, target)

    monkeypatch.setattr(os, "fsync", synced)
    monkeypatch.setattr(os, "replace", replaced)
    assert srank_cli("check", folder / "in.csv", "-c", "rank", "-o", folder / "out.csv")[0] == 0
    assert calls == [f"fsync {len(CHECKED)}", "replace", "folder"]


# -- leftovers of a run killed with SIGKILL ------------------------------------------------------------


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname()) or "localhost"


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_next_run_removes_the_temporary_file_of_a_run_killed_with_sigkill(folder: Path) -> None:
    process = subprocess.Popen(
        [str(SCRIPT), "check", "-", "-c", "rank", "-o", str(folder / "out.csv")],
        stdin=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None
    process.stdin.write(b"rank\n" + b"S1\n" * 100_000)
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while not [path for path in folder.iterdir() if path.name.startswith(".srank-")]:
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.01)
    process.kill()
    process.wait(30)
    process.stdin.close()
    (left,) = [path.name for path in folder.iterdir() if path.name.startswith(".srank-")]
    assert re.fullmatch(rf"\.srank-{re.escape(_host())}-{process.pid}-[a-z0-9_]+\.tmp", left)
    assert main(["check", str(folder / "in.csv"), "-c", "rank", "-o", str(folder / "out.csv")]) == 0
    assert sorted(path.name for path in folder.iterdir()) == ["in.csv", "out.csv"]


def test_only_leftovers_of_dead_processes_of_this_host_and_user_are_removed(srank_cli: Run, folder: Path) -> None:
    dead, host = _dead_pid(), _host()
    kept = [
        f".srank-{host}-{os.getpid()}-abcd1234.tmp",  # this process: another thread's run
        f".srank-{host}-1-abcd1234.tmp",  # a live process (init)
        f".srank-other_host-{dead}-abcd1234.tmp",  # another machine on a shared folder
        f".srank-{host}-{dead}-abcd1234.csv",  # not srank's name
        f".srank-{dead}.tmp",
        f"srank-{host}-{dead}-abcd1234.tmp",
    ]
    removed = f".srank-{host}-{dead}-abcd1234.tmp"
    for name in [*kept, removed]:
        (folder / name).write_text("partial\n")
    (folder / "sub").mkdir()
    os.symlink(folder / "in.csv", folder / f".srank-{host}-{dead}-link0000.tmp")  # not a regular file
    kept.append(f".srank-{host}-{dead}-link0000.tmp")
    assert srank_cli("check", folder / "in.csv", "-c", "rank", "-o", folder / "out.csv")[0] == 0
    assert sorted(path.name for path in folder.iterdir()) == sorted([*kept, "in.csv", "out.csv", "sub"])


# -- the polars vocabulary -----------------------------------------------------------------------------


def test_the_polars_vocabulary_keeps_no_long_text_after_its_column_is_gone() -> None:
    codes.forget()
    try:
        column = pl.Series(["S1", "S2", "G5"] * 20_000 + ["x" * 50_000 + str(number) for number in range(200)])
        assert srank.polars.valid(column).sum() == 60_000
        del column
        assert max(map(len, codes._known.texts), default=0) <= 200
    finally:
        codes.forget()


def test_the_polars_vocabulary_still_learns_codes() -> None:
    codes.forget()
    try:
        assert srank.polars.valid(pl.Series(["S1", "S2", "G5", "x"] * 20_000)).sum() == 60_000
        assert sorted(codes._known.texts) == ["G5", "S1", "S2", "x"]
    finally:
        codes.forget()
