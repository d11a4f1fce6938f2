"""Hostile input for the commands (issue 28, items 4, 7 and 9): giant lines, odd codecs, unreadable files, feedback.

Every file is generated here at test time; the largest is a few MiB.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Run

MAX_LINE_CHARS = 4_194_304  # the longest line srank reads (MAX_LINE_CHARS in srank/cli/_records.py)
LIMIT = "4,194,304"  # as messages write it
PEAK = """
import sys
from srank.cli import main
status = main(sys.argv[1:])
peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(status, peak[0] if peak else __import__("resource").getrusage(0).ru_maxrss, file=sys.stderr)
"""


class Endless(io.RawIOBase):
    """A stream that never ends: ``head`` first, then ``fill`` forever (a file with no line ending, /dev/zero)."""

    def __init__(self, head: bytes, fill: bytes) -> None:
        self.head, self.fill, self.given = head, fill, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(buffer)
        data = self.head[:size] if self.head else self.fill * size
        self.head = self.head[len(data) :]
        buffer[: len(data)] = data[:size]
        self.given += min(size, len(data))
        return min(size, len(data))


def endless_stdin(monkeypatch: pytest.MonkeyPatch, head: bytes, fill: bytes) -> Endless:
    raw = Endless(head, fill)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8"))
    return raw


# -- item 4: one line may not outgrow memory ----------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "fill", "line"),
    [
        (b"", b"x", 1),  # a header that never ends (the audit's 1 GiB header)
        (b"rank,notes\nS1,a\n", b"y", 3),  # a data line that never ends (the audit's 300 MB line)
        (b'rank,notes\nS1,"', b"y", 2),  # inside a quoted cell
    ],
)
def test_a_line_that_never_ends_is_refused_at_the_limit_with_its_number(
    srank_cli: Run, monkeypatch: pytest.MonkeyPatch, head: bytes, fill: bytes, line: int
) -> None:
    raw = endless_stdin(monkeypatch, head, fill)
    status, _, err = srank_cli("check", "-", "-c", "rank")
    assert status == 2
    assert err == (
        f"srank: stdin: line {line} is longer than {LIMIT} characters, the most srank reads in one line"
        " (is the file really text with line endings?)\n"
    )
    assert raw.given < 2 * MAX_LINE_CHARS + (1 << 20)  # it stopped reading near the limit


def test_dev_zero_is_refused_as_binary_from_its_first_block(srank_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = endless_stdin(monkeypatch, b"", b"\0")
    status, _, err = srank_cli("check", "-", "-c", "rank")
    assert (status, err) == (2, "srank: stdin is a binary file, not text (4,096 of its first 4,096 bytes are NUL)\n")
    assert raw.given <= 8192  # one buffer's worth


def test_dev_zero_as_the_input_file(srank_cli: Run) -> None:
    status, _, err = srank_cli("check", "/dev/zero", "-c", "rank")
    assert status == 2
    assert err == "srank: /dev/zero is a binary file, not text (4,096 of its first 4,096 bytes are NUL)\n"


@pytest.mark.parametrize("command", ["check", "distribution"])
def test_a_line_at_the_limit_is_a_row_and_one_past_it_is_refused(srank_cli: Run, tmp_path: Path, command: str) -> None:
    at_limit = "rank,notes\r\nS1," + "x" * (MAX_LINE_CHARS - 3) + "\r\nS2,b\r\n"
    source = tmp_path / "in.csv"
    source.write_text(at_limit, newline="")
    status, out, _ = srank_cli(command, source, "-c", "rank")
    assert status in (0, 1)  # a distribution column of ranks has problems; every row is there all the same
    assert len(out.splitlines()) == 3
    source.write_text(at_limit.replace("S2,b", "S2,b" + "z" * MAX_LINE_CHARS), newline="")
    status, _, err = srank_cli(command, source, "-c", "rank", "-o", tmp_path / "out.csv")
    assert status == 2
    assert err == (
        f"srank: {source}: line 3 is longer than {LIMIT} characters, the most srank reads in one line"
        " (is the file really text with line endings?)\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv"]  # no output, no temporary file


def test_a_line_at_the_limit_stays_within_the_memory_bound(tmp_path: Path) -> None:
    # Four bytes a character (an emoji), so each copy of the line is four times its length in memory.
    source = tmp_path / "in.csv"
    source.write_text("rank,notes\nS1," + "\U0001f600" * (MAX_LINE_CHARS - 3) + "\nS2,b\n", encoding="utf-8")
    for command in ("check", "distribution"):
        result = subprocess.run(
            [sys.executable, "-c", PEAK, command, str(source), "-c", "rank", "-o", str(tmp_path / "out.csv")],
            capture_output=True,
            text=True,
            check=False,
        )
        status, peak_kib = result.stderr.splitlines()[-1].split()
        assert status in ("0", "1")
        assert int(peak_kib) < 150 * 1024, f"srank {command}: peak {int(peak_kib) // 1024} MiB"


# -- item 9: encodings that are not text, files that cannot be read ------------------------------------


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("rot13", "srank: --encoding 'rot13' is not a text encoding; name the one the file was saved in"),
        ("hex", "srank: --encoding 'hex' is not a text encoding"),
        ("base64", "srank: --encoding 'base64' is not a text encoding"),
        ("zlib", "srank: --encoding 'zlib' is not a text encoding"),
        ("undefined", "srank: {source} cannot be read as undefined text (undefined encoding); pass the file's real"),
        # Python 3.11 raises a bare UnicodeError for punycode, later releases a UnicodeDecodeError with its byte:
        # srank words each as it can, and both name the file, the codec and the way out.
        ("punycode", "srank: {source} (cannot be read as|is not) punycode text \\(Invalid extended code point "),
        ("no-such-codec", "srank: unknown --encoding 'no-such-codec'"),
    ],
)
def test_an_encoding_that_is_not_text_is_a_usage_error(
    srank_cli: Run, tmp_path: Path, encoding: str, said: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("rank,notes\nS1,a\n")
    status, out, err = srank_cli("check", source, "-c", "rank", "--encoding", encoding)
    assert status == 2
    assert out == ""
    if encoding == "punycode":
        assert re.match(said.format(source=re.escape(str(source))), err), err
        assert err.endswith("pass the file's real --encoding\n")
    else:
        assert err.startswith(said.format(source=source))
    assert len(err.splitlines()) == 1


def test_a_file_whose_first_read_fails_is_a_usage_error(srank_cli: Run) -> None:
    status, _, err = srank_cli("check", "/proc/self/mem", "-c", "rank")
    assert status == 2
    assert err == "srank: cannot read /proc/self/mem: Input/output error\n"


# -- item 7: input fed back as output ------------------------------------------------------------------


def test_stdin_read_from_the_output_file_is_refused_before_anything_is_written(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("rank\nS1\n")
    with source.open(encoding="utf-8", newline="") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        status, _, err = srank_cli("check", "-", "-c", "rank", "-o", source)
    assert status == 2
    assert err == f"srank: --output {source} is the input file; srank never modifies its input\n"
    assert source.read_text() == "rank\nS1\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv"]


def test_stdout_appending_to_the_input_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("rank\nS1\n")
    script = "import sys; from srank.cli import main; sys.exit(main(sys.argv[1:]))"
    for target in ("-", "/dev/stdout"):
        with source.open("a") as appended:
            result = subprocess.run(
                [sys.executable, "-c", script, "check", str(source), "-c", "rank", "-o", target],
                stdout=appended,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
                check=False,
            )
        assert result.returncode == 2
        assert "is the input file" in result.stderr
        assert "Traceback" not in result.stderr
    assert source.read_text() == "rank\nS1\n"


def test_stdin_and_stdout_on_the_same_file_through_a_link_are_refused(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("rank\nS1\n")
    os.link(source, tmp_path / "hard.csv")
    status, _, err = srank_cli("check", tmp_path / "hard.csv", "-c", "rank", "-o", source)
    assert status == 2
    assert "is the input file" in err


def test_the_terminal_or_dev_null_may_be_both(srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open(os.devnull, encoding="utf-8") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        status, _, err = srank_cli("check", "-", "-c", "rank", "-o", os.devnull)
    assert status == 2
    assert err == "srank: stdin is empty: expected a header row naming the columns\n"


def test_jsonl_output_of_a_file_with_20000_repeated_header_names(srank_cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(",".join(["a"] * 20_000 + ["rank"]) + "\n" + ",".join(["x"] * 20_000 + ["S1"]) + "\n")
    status, out, _ = srank_cli("check", source, "-c", "rank", "--format", "jsonl")
    record = json.loads(out)
    assert status == 0
    assert [record["a"], record["a_20000"], record["rank"], record["srank_canonical"]] == ["x", "x", "S1", "S1"]
    assert len(record) == 20_006


def test_the_line_is_numbered_right_after_a_stray_quote_and_a_quoted_line_ending(
    srank_cli: Run, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text('id,rank\n1,"S1\n2,S2\n3,"multi\nline"\n5,' + "x" * (MAX_LINE_CHARS + 1) + "\n6,S5\n")
    status, _, err = srank_cli("check", source, "-c", "rank")
    assert status == 2
    assert err.startswith(f"srank: {source}: line 6 is longer than {LIMIT} characters")


def test_many_stray_quotes_are_read_in_linear_work(
    srank_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by tools/fuzz.py: each line opens a quote (n4",,"]) that stays open to the end of the file, so each
    # record ran to the end and every line after it was read again: 3,000 lines cost 4.5 million line reads.
    import srank.cli._records as records

    seen = 0
    bounded = records._bounded

    def counted(lines: Iterator[str], taken: list[str]) -> Iterator[str]:
        nonlocal seen
        for line in bounded(lines, taken):
            seen += 1
            yield line

    monkeypatch.setattr(records, "_bounded", counted)
    source = tmp_path / "in.csv"
    source.write_text("rank,notes\n" + 'n4",,"]\n' * 3000)
    status, out, err = srank_cli("check", source, "-c", "rank")
    assert status == 1
    assert out.splitlines()[1] == (
        '"n4""",,false,,,,error[malformed-row]: line 2 opens a quote that is not closed; the rank was not read,"""]"'
    )
    assert len(out.splitlines()) == 3001
    assert "3,000  malformed-row (opens a quote that is not closed), lines 2, 3, 4, 5, 6 ..." in err
    assert seen <= 2 * 3001
