"""Fuzz srank: parse (strict and lenient), parse_distribution, and ``srank check`` in-process.

Usage:
    python tools/fuzz.py [--runs N] [--seed S] [--engine atheris|hypothesis]

atheris (coverage-guided, ``pip install atheris``) is used when it installs;
otherwise hypothesis draws the inputs. Each input is checked against properties,
not only for crashes: ``str(v)`` parses strictly back to an equal value, and
describe (every style and language), rounded() and check() never raise; a
distribution reads back from its own text; ``srank check`` exits 0, 1 or 2 with
one output row per input row. CI runs a bounded count with a fixed seed; for a
long run, pass ``--runs 0`` (atheris: until stopped).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

_FOLDER = Path(tempfile.mkdtemp(prefix="srank-fuzz-"))


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
            continue
        if all(record.rank for record in dist):
            # A nation srank does not know is kept as written, so only lenient reading reads it back.
            unknown = any(nation_name(record.nation) is None for record in dist)
            again = srank.parse_distribution(str(dist), lenient=unknown)
            same = again.records == dist.records if not lenient else _places(again) == _places(dist)
            assert same, f"{text!r} does not read back from {dist}"
        srank.check_levels(global_rank="G3", distribution=dist)


def _check_file(data: bytes) -> None:
    from srank.cli import main

    source, target = _FOLDER / "in.csv", _FOLDER / "out.csv"
    source.write_bytes(b"rank,notes\n" + data)
    with contextlib.redirect_stderr(io.StringIO()):
        status = main(["check", str(source), "-c", "rank", "-o", str(target)])
    assert status in (0, 1, 2), status
    if status != 2:
        text = source.read_bytes().decode("utf-8", "replace")
        limit = csv.field_size_limit(1 << 26)
        try:
            written = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
        finally:
            csv.field_size_limit(limit)
        assert written, "no header written"
        assert written[0][:2] == ["rank", "notes"] or text.startswith("\ufeff"), written[0]


def one_input(data: bytes) -> None:
    """The fuzz target: the first byte picks what the rest is fed to."""
    if not data:
        return
    target, rest = data[0] % 4, data[1:]
    text = rest.decode("utf-8", "replace")
    if target == 0:
        _check_rank(text)
    elif target == 1:
        _check_rank(text.upper()[:40])
    elif target == 2:
        _check_distribution(text)
    else:
        _check_file(rest)


def _atheris(runs: int, seed: int) -> bool:
    try:
        import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return False
    with atheris.instrument_imports():
        import srank
        import srank.cli  # noqa: F401
    argv = [sys.argv[0], f"-seed={seed}", "-print_final_stats=1", "-max_len=512"]
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
    distribution_text = st.text(alphabet="CanadUitedSts ():,\nABCMNS12345", max_size=80).map(lambda text: text.encode())

    @fixed_seed(seed)
    @settings(max_examples=runs or 100_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(
        st.one_of(
            st.binary(max_size=512),
            st.tuples(st.integers(0, 3), st.one_of(codes, distribution_text)).map(
                lambda pair: bytes([pair[0]]) + pair[1]
            ),
        )
    )
    def run(data: bytes) -> None:
        one_input(data)

    run()
    print(f"hypothesis: {runs or 100_000} examples, seed {seed}, no failure")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=50_000, help="inputs to try (0: no limit with atheris)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine", choices=("atheris", "hypothesis"), default="atheris")
    args: Any = parser.parse_args(argv)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    if args.engine == "atheris" and _atheris(args.runs, args.seed):
        return 0
    if args.engine == "atheris":
        print("atheris is not installed: falling back to hypothesis", file=sys.stderr)
    _hypothesis(args.runs, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
