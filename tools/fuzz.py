"""Fuzz srank: parse, parse_distribution, and ``srank check`` and ``srank distribution`` in-process.

Usage:
    python tools/fuzz.py [--runs N] [--seed S] [--engine atheris|hypothesis]
                         [--max-seconds S] [--max-mb M]

atheris (coverage-guided, ``pip install atheris``) is used when it installs;
otherwise hypothesis draws the inputs. Each input is checked against properties,
not only for crashes: ``str(v)`` parses strictly back to an equal value, and
describe (every style and language), rounded() and check() never raise; a
distribution reads back from its own text; both commands exit 0, 1 or 2, write
their header, and no cell they compose starts a spreadsheet formula. Each input
must also stay within a time and a memory limit (``--max-seconds`` of CPU time, so
that a busy machine does not fail an input; ``--max-mb``: the peak resident size of
the whole fuzzing process): crossing one fails like a
traceback. An input whose control byte is 0xFF is repeated 512 times (as rows
for the commands, never inside one distribution cell), so that work that grows
faster than the input shows as time.
CI runs a bounded count with a fixed seed; for a long run, pass ``--runs 0``
(atheris: until stopped).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import csv
import functools
import io
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SCALE = 512  # repetitions of an input whose control byte is 0xFF


class Limits:
    """Per input: seconds, and the peak resident size of the process in MiB."""

    seconds = 10.0
    megabytes = 512


@functools.cache
def _folder() -> Path:
    memory = "/dev/shm"  # a file system in memory, where srank's fsync of its output costs nothing
    folder = Path(tempfile.mkdtemp(prefix="srank-fuzz-", dir=memory if os.path.isdir(memory) else None))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _check_rank(text: str) -> None:
    import srank

    for lenient in (False, True):
        try:
            value = srank.parse(text, lenient=lenient)
        except srank.InvalidRankError as error:
            if len(error.message) >= 2000:
                raise AssertionError("an error message grows with its input") from None
            str(error)
            continue
        assert srank.parse(str(value)) == value, f"{text!r} -> {value} does not read back"
        for lang in srank.available_languages():
            for style in ("short", "long"):
                srank.describe(value, style=style, lang=lang)
            srank.explain(value, lang=lang)
        srank.describe(value, style="plants")
        value.rounded()
        srank.check(value)
        sorted([value, srank.parse("G5")])


def _places(dist: Any) -> list[tuple[Any, ...]]:
    """What a distribution says, without where its text said it (the spans of lenient reading's notes)."""
    return [(record.nation, record.subnation, record.rank, record.written) for record in dist]


def _check_distribution(text: str) -> None:
    import srank
    from srank._places import nation_name

    for lenient in (False, True):
        try:
            dist = srank.parse_distribution(text, lenient=lenient)
        except srank.InvalidRankError as error:
            if lenient and error.code != "too-long":
                raise AssertionError(f"lenient reading raised on {text!r}: {error}") from None
            if len(error.message) >= 2000:
                raise AssertionError("an error message grows with its input") from None
            continue
        assert all(len(finding.message) < 2000 for finding in dist.findings), "a finding grows with its input"
        if all(record.rank for record in dist):
            # A nation srank does not know is kept as written, so only lenient reading reads it back.
            unknown = any(nation_name(record.nation) is None for record in dist)
            again = srank.parse_distribution(str(dist), lenient=unknown)
            same = again.records == dist.records if not lenient else _places(again) == _places(dist)
            assert same, f"{text!r} does not read back from {dist}"
        srank.check_levels(global_rank="G3", distribution=dist)


def _run(argv: list[str]) -> int:
    from srank.cli import main

    with contextlib.redirect_stderr(io.StringIO()):
        status = main(argv)
    assert status in (0, 1, 2), status
    return status


def _written(path: Path, composed: slice) -> tuple[list[str], int]:
    """The output's header and its count of records, checking the ``composed`` cells of each as it goes.

    Read as a stream, so that what the fuzzer holds is not counted as srank's memory.
    """
    limit = csv.field_size_limit(1 << 26)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            records = 0
            for row in reader:
                _composed_cells_are_inert(row[composed])
                records += 1
    finally:
        csv.field_size_limit(limit)
    return header, records


def _composed_cells_are_inert(cells: list[Any]) -> None:
    for cell in cells:
        assert not isinstance(cell, str) or not cell.startswith(_FORMULA_STARTS), f"a composed cell {cell!r}"


def _check_file(data: bytes) -> None:
    source, target = _folder() / "in.csv", _folder() / "out.csv"
    source.write_bytes(b"rank,notes\n" + data)
    status = _run(["check", str(source), "-c", "rank", "-o", str(target)])
    if status != 2:
        header, _ = _written(target, slice(2, 7))
        assert header, "no header written"
        assert header[:2] == ["rank", "notes"], header


def _check_distribution_command(control: int, data: bytes, scale: int) -> None:
    """``srank distribution`` on the data as raw rows or as a quoted cell, options chosen by ``control``.

    Scaled, the data makes more rows, never a bigger cell: each output record repeats
    its row, so a cell of n places is n times its own size out, however it is written.
    """
    source, target = _folder() / "in.csv", _folder() / "out.csv"
    lenient, jsonl, levels, quoted = (bool(control & bit) for bit in (1, 2, 4, 8))
    if quoted:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows([["id", "place", "global"], *[["1", data.decode("utf-8", "replace"), "G3"]] * scale])
        source.write_text(buffer.getvalue(), encoding="utf-8")
    else:
        rows = scale if b'"' not in data else 1  # an open quote would join the copies into one cell
        source.write_bytes(b"id,place,global\n" + b"\n".join([data] * rows))
    argv = ["distribution", str(source), "-c", "place", "-o", str(target)]
    argv += ["--lenient"] * lenient + ["--format", "jsonl"] * jsonl + ["--global-column", "global"] * levels
    status = _run(argv)
    if status == 2:
        return
    names = ["srank_nation", "srank_subnation", "srank_place", "srank_rank", "srank_rounded", "srank_label"]
    names.append("srank_message")
    if jsonl:
        records = 0
        with target.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                _composed_cells_are_inert([record.get(name) for name in names])
                records += 1
        assert not quoted or records >= scale, "a row was lost"
        return
    header, records = _written(target, slice(3, 10))
    assert header[:3] == ["id", "place", "global"] or header[0].startswith("\ufeff"), header
    assert not quoted or records >= scale, "a row was lost"


def _one_input(data: bytes) -> None:
    target, rest = data[0] % 5, data[1:]
    control, body = (rest[0], rest[1:]) if rest else (0, b"")
    scale = _SCALE if control == 0xFF else 1
    if target in (0, 1):
        text = rest.decode("utf-8", "replace")
        _check_rank(text if target == 0 else text.upper()[:40])
    elif target == 2:
        text = (body if scale > 1 else rest).decode("utf-8", "replace")
        _check_distribution(", ".join([text] * scale) if scale > 1 else text)
    elif target == 3:
        _check_file(b"\n".join([body] * scale) if scale > 1 else rest)
    else:
        _check_distribution_command(control, body, scale)


def _peak_megabytes() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def one_input(data: bytes) -> None:
    """The fuzz target: the first byte picks what the rest is fed to, within the time and memory limits."""
    if not data:
        return
    started = time.process_time()  # CPU time: a busy or swapping machine does not make an input slow
    _one_input(data)
    seconds = time.process_time() - started
    if seconds > Limits.seconds:
        raise AssertionError(f"one input took {seconds:.1f} CPU s, more than {Limits.seconds:g}: {data[:60]!r}")
    peak = _peak_megabytes()
    if peak > Limits.megabytes:
        raise AssertionError(f"the peak resident size reached {peak:.0f} MiB, more than {Limits.megabytes} MiB")


def _atheris(runs: int, seed: int) -> bool:
    try:
        import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return False
    with atheris.instrument_imports():
        import srank
        import srank.cli  # noqa: F401
    argv = [sys.argv[0], f"-seed={seed}", "-print_final_stats=1", "-max_len=512"]
    # Backstops for a hang or a leak between inputs; the limits themselves are checked in one_input.
    argv += [f"-timeout={6 * int(Limits.seconds)}", f"-rss_limit_mb={2 * Limits.megabytes}"]
    if runs:
        argv.append(f"-runs={runs}")
    atheris.Setup(argv, one_input)
    atheris.Fuzz()  # exits the process when the runs are done
    return True


def _hypothesis(runs: int, seed: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as fixed_seed
    from hypothesis import strategies as st

    codes = st.text(alphabet="GNSTXHUABCQMR12345?,/ -", max_size=24).map(lambda text: text.encode())
    distribution_text = st.text(alphabet="CanadUitedSts ():,\nABCMNS12345=+-@", max_size=80).map(
        lambda text: text.encode()
    )

    @fixed_seed(seed)
    @settings(max_examples=runs or 100_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(
        st.one_of(
            st.binary(max_size=512),
            st.tuples(st.integers(0, 4), st.integers(0, 255), st.one_of(codes, distribution_text)).map(
                lambda parts: bytes(parts[:2]) + parts[2]
            ),
        )
    )
    def run(data: bytes) -> None:
        one_input(data)

    run()
    print(f"hypothesis: {runs or 100_000} examples, seed {seed}, no failure; peak {_peak_megabytes():.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=50_000, help="inputs to try (0: no limit with atheris)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine", choices=("atheris", "hypothesis"), default="atheris")
    parser.add_argument("--max-seconds", type=float, default=Limits.seconds, help="CPU time limit per input")
    parser.add_argument("--max-mb", type=int, default=Limits.megabytes, help="peak resident size limit, MiB")
    args: Any = parser.parse_args(argv)
    Limits.seconds, Limits.megabytes = args.max_seconds, args.max_mb
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if args.engine == "atheris" and _atheris(args.runs, args.seed):
        return 0
    if args.engine == "atheris":
        print("atheris is not installed: falling back to hypothesis", file=sys.stderr)
    _hypothesis(args.runs, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
