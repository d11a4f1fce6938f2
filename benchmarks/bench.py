"""Measure srank against its references, all in one run, and print each figure beside its target.

    python benchmarks/bench.py           # the full run (1,000,000 codes and rows)
    python benchmarks/bench.py --quick   # a smaller run for a quick look

Not a test: timings depend on the machine, so nothing here fails a build.
Each figure is the best of several repetitions; the ratio is what the targets
in docs/performance.md speak about.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import gc
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import srank
from srank import Grade, Infraspecific, Level, MultiSeasonRank, Range, Rank, Season, Single
from srank._model import Value
from srank._parse import _parse_cached

NUMBERS = [Grade.from_number(number) for number in range(1, 6)]
STATUSES = [Grade.PRESUMED_EXTINCT, Grade.POSSIBLY_EXTINCT, Grade.UNRANKABLE, Grade.NOT_RANKED, Grade.NOT_APPLICABLE]

# A regex that only validates the official syntax (it does not check range order and the like).
_VALUE = r"(?:[1-5]\??|X|H|U|NR|NA|[1-5]{L}[1-5])"
_SEASONAL = r"{L}" + _VALUE + r"[BNM]?"
REGEX = re.compile(
    "|".join(
        [
            "G" + _VALUE.format(L="G") + "C?(?:T" + _VALUE.format(L="T") + "C?)?Q?",
            "T" + _VALUE.format(L="T") + "C?Q?",
            _SEASONAL.format(L="S") + "(?:," + _SEASONAL.format(L="S") + ")*",
            _SEASONAL.format(L="N") + "(?:," + _SEASONAL.format(L="N") + ")*",
        ]
    )
)

LENIENT_SPELLINGS = ["s3", " G5", "G5 ", "S3/S4", "s2b", "S2-S3", "S3B?", "N4B/N4N", "S2B, S4N", "g4g5", "S 3"]
INVALID = ["G6", "SE", "SR", "SU?", "G3G2", "LC", "EN", "S0", "Extirpated", "?", "G", "5", "S2B,S2B", "G1G4", "x"]
MISSING = ["", "", "", "NA"]


def official_forms() -> list[str]:
    """Every distinct official code of one or two seasonal parts, built through the model."""
    values: list[Value] = [Single(grade) for grade in NUMBERS + STATUSES]
    values += [Single(grade, inexact=True) for grade in NUMBERS]
    values += [Range(NUMBERS[low], NUMBERS[high]) for low in range(5) for high in (low + 1, low + 2) if high < 5]
    forms: list[Rank | MultiSeasonRank] = []

    def add(build: Callable[[], Rank | MultiSeasonRank]) -> None:
        with contextlib.suppress(srank.InvalidRankError):  # not an official combination
            forms.append(build())

    for value in values:
        for questionable in (False, True):
            for captive in (False, True):
                add(lambda: Rank(Level.GLOBAL, value, questionable=questionable, captive=captive))  # noqa: B023
                add(lambda: Rank(Level.INFRASPECIFIC, value, questionable=questionable, captive=captive))  # noqa: B023
            for infra in values:
                add(
                    lambda: Rank(
                        Level.GLOBAL,
                        value,  # noqa: B023
                        infraspecific=Infraspecific(infra),  # noqa: B023
                        questionable=questionable,  # noqa: B023
                    )
                )
        for level in (Level.NATIONAL, Level.SUBNATIONAL):
            for season in (None, *Season):
                add(lambda: Rank(level, value, season=season))  # noqa: B023
    for level in (Level.NATIONAL, Level.SUBNATIONAL):
        for first in values[:5]:
            for second in values[:5]:
                add(
                    lambda: MultiSeasonRank(
                        (Rank(level, first, season=Season.BREEDING), Rank(level, second, season=Season.NONBREEDING))  # noqa: B023
                    )
                )
    return sorted({str(form) for form in forms}, key=lambda code: (len(code), code))


def best_of(repeat: int, run: Callable[[], object], before: Callable[[], object] | None = None) -> float:
    """The fastest of ``repeat`` runs, in seconds; ``before`` runs untimed ahead of each."""
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def realistic_column(size: int, seed: int = 20240501) -> tuple[list[str], list[str]]:
    """``size`` cells drawn with Zipf-like frequencies from a few hundred distinct values.

    The cells are fresh string objects, as a file reader makes them.
    """
    generator = random.Random(seed)
    forms = official_forms()
    common = generator.sample(forms, 260) + LENIENT_SPELLINGS + INVALID
    generator.shuffle(common)
    distinct = MISSING[:1] + common
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(distinct))]
    weights[0] = 0.04 * sum(weights)  # 4% empty cells
    chosen = generator.choices(distinct, weights=weights, k=size)
    chosen = [cell if cell or generator.random() > 0.25 else "NA" for cell in chosen]
    return "\n".join(chosen).split("\n"), sorted(set(chosen))


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, figure: str, measured: str, reference: str, ratio: float | None, target: float | None) -> None:
        ratio_text = "" if ratio is None else f"{ratio:.2f}x"
        if target is None:
            verdict = ""
        else:
            verdict = f"<= {target:g}x: " + ("met" if ratio is not None and ratio <= target else "NOT met")
        self.rows.append((figure, measured, reference, ratio_text, verdict))
        print(
            f"{figure}\n    srank:     {measured}\n    reference: {reference}\n    ratio:     {ratio_text}  {verdict}"
        )
        sys.stdout.flush()

    def table(self) -> str:
        lines = ["| figure | srank | reference | ratio | target |", "| --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


def bench_cold_parse(report: Report, repeat: int) -> None:
    forms = official_forms()
    assert all(REGEX.fullmatch(code) for code in forms), "the reference regex must accept every official form"
    srank.parse("G5")  # load the grammar and build the parser first: that is a one-off, not per code

    def parse_all() -> None:
        for code in forms:
            srank.parse(code)

    fullmatch = REGEX.fullmatch
    # Rounds alternate the two, so that a busy machine slows both alike.
    parse_seconds = regex_seconds = float("inf")
    for _ in range(repeat * 6):
        parse_seconds = min(parse_seconds, best_of(1, parse_all, before=_parse_cached.cache_clear))
        regex_seconds = min(regex_seconds, best_of(5, lambda: list(map(fullmatch, forms))))
    per_parse, per_regex = 1e6 * parse_seconds / len(forms), 1e6 * regex_seconds / len(forms)
    report.add(
        f"cold parse, {len(forms)} distinct official forms",
        f"{per_parse:.2f} µs/code",
        f"{per_regex:.3f} µs/code (precompiled regex, validation only)",
        per_parse / per_regex,
        None,  # information: the issue-10 design retired the 20x target (parse is memoised)
    )


def bench_bulk(report: Report, size: int, repeat: int) -> None:
    column, distinct = realistic_column(size)
    lookup = dict(zip(distinct, srank.parse_many(distinct), strict=True))
    get = lookup.__getitem__
    decoders = {lenient: functools.partial(srank.parse_many, column, lenient=lenient) for lenient in (False, True)}
    best = {"reference": float("inf"), False: float("inf"), True: float("inf")}
    for _ in range(repeat):  # in turn, so that a busy moment slows each alike
        best["reference"] = min(best["reference"], best_of(1, lambda: list(map(get, column))))
        for lenient, decode in decoders.items():
            best[lenient] = min(best[lenient], best_of(1, decode, before=_parse_cached.cache_clear))
    reference = best["reference"]
    for lenient in (False, True):
        seconds = best[lenient]
        mode = "lenient" if lenient else "strict"
        report.add(
            f"bulk decode of {size:,} codes ({len(distinct)} distinct, {mode}, cold cache)",
            f"{seconds:.3f} s ({1e9 * seconds / size:.0f} ns/code)",
            f"{reference:.3f} s (dict lookup of pre-parsed objects)",
            seconds / reference,
            1.5,
        )


def bench_memory(report: Report, size: int) -> None:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    column, _ = realistic_column(size)
    inputs = tracemalloc.get_traced_memory()[0] - before  # the list and its strings, as a reader leaves them
    _parse_cached.cache_clear()
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    results = srank.parse_many(column)
    peak = tracemalloc.get_traced_memory()[1] - start
    tracemalloc.stop()
    assert len(results) == len(column)
    report.add(
        f"peak memory of the bulk decode of {size:,} codes",
        f"{peak / 2**20:.1f} MiB above the input (the result list and the per-call cache)",
        f"{inputs / 2**20:.1f} MiB (the list of input strings)",
        peak / inputs,
        None,
    )


def _run_python(arguments: Sequence[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _import_micros(module: str) -> int:
    """Cumulative microseconds of ``import module`` from ``python -X importtime``, in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"], check=True, capture_output=True, text=True
    )
    for line in result.stderr.splitlines():
        parts = [part.strip() for part in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1])
    raise RuntimeError(f"python -X importtime did not report {module}")


def bench_import(report: Report, repeat: int) -> None:
    srank_micros = statistics.median(_import_micros("srank") for _ in range(repeat))
    attrs_micros = statistics.median(_import_micros("attrs") for _ in range(repeat))
    report.add(
        f"import srank (python -X importtime, cumulative, median of {repeat} fresh processes)",
        f"{srank_micros / 1000:.1f} ms",
        f"{attrs_micros / 1000:.1f} ms (import attrs)",
        srank_micros / attrs_micros,
        1.2,
    )
    # Rounds run the programs in turn, so that a busy moment slows all of them alike.
    programs = {
        "empty": "pass",
        "srank": "import srank",
        "attrs": "import attrs",
        "first use of srank.Rank": "import srank; srank.Rank",
        "first srank.parse": "import srank; srank.parse('G5')",
        "lark": "import lark",
    }
    samples: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(repeat):
        for name, code in programs.items():
            samples[name].append(_run_python(["-c", code]))
    empty = statistics.median(samples["empty"])
    wall_srank, wall_attrs = (statistics.median(samples[name]) - empty for name in ("srank", "attrs"))
    report.add(
        f"import srank (wall clock above an empty interpreter, median of {repeat})",
        f"{wall_srank * 1000:.1f} ms",
        f"{wall_attrs * 1000:.1f} ms (import attrs)",
        wall_srank / wall_attrs,
        1.2,
    )
    # Names load on first use, so also show what a program pays once it touches the model and parses.
    for what in ("first use of srank.Rank", "first srank.parse"):
        wall = statistics.median(samples[what]) - empty
        report.add(
            f"import srank and {what} (wall clock above an empty interpreter, median of {repeat})",
            f"{wall * 1000:.1f} ms",
            f"{wall_attrs * 1000:.1f} ms (import attrs)",
            wall / wall_attrs,
            None,
        )
    # Process start to the first parsed code, as `srank explain G5` does, against importing lark alone.
    wall_lark = statistics.median(samples["lark"])
    first_parse = statistics.median(samples["first srank.parse"])
    report.add(
        f"process start to the first parsed code (python -c, median of {repeat})",
        f"{first_parse * 1000:.1f} ms",
        f"{wall_lark * 1000:.1f} ms (python -c 'import lark')",
        first_parse / wall_lark,
        None,
    )


COPY = """
import csv, sys
source = open(sys.argv[1], newline="", encoding="utf-8-sig")
sink = open(sys.argv[2], "w", newline="", encoding="utf-8")
csv.writer(sink, lineterminator="\\n").writerows(csv.reader(source))
sink.close()
"""


def bench_check(report: Report, rows: int, repeat: int) -> None:
    column, _ = realistic_column(rows, seed=7)
    generator = random.Random(11)
    names = ["Carex lasiocarpa", "Salix nigra", "Poa annua", "Aster novae-angliae", "Lynx canadensis"]
    with tempfile.TemporaryDirectory() as folder:
        source, copy_out, check_out = (Path(folder) / name for name in ("in.csv", "copy.csv", "check.csv"))
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "scientific_name", "state", "rank", "last_observed"])
            for number, code in enumerate(column):
                writer.writerow([number, generator.choice(names), generator.choice(["VT", "NH", "ME"]), code, "2019"])
        copy_seconds = check_seconds = float("inf")
        for _ in range(repeat):  # in turn, so that a busy moment slows both alike
            copy_seconds = min(copy_seconds, _run_python(["-c", COPY, str(source), str(copy_out)]))
            check_command = ["-m", "srank", "check", str(source), "--column", "rank", "--output", str(check_out)]
            check_seconds = min(check_seconds, _check_once(check_command))
        with check_out.open(newline="", encoding="utf-8") as handle:
            written = sum(1 for _ in csv.reader(handle)) - 1
        assert written == rows, f"srank check wrote {written:,} rows for {rows:,}"
        size = source.stat().st_size
    report.add(
        f"srank check on a {rows:,}-row CSV ({size / 2**20:.0f} MiB), end to end",
        f"{check_seconds:.2f} s",
        f"{copy_seconds:.2f} s (python csv read-and-write copy, also end to end)",
        check_seconds / copy_seconds,
        2,
    )


def _check_once(arguments: Sequence[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *arguments], check=False, capture_output=True)
    # Exit 1 means "some invalid", but an uncaught exception exits 1 too: a traceback fails the run.
    if result.returncode not in (0, 1) or b"Traceback" in result.stderr:
        raise RuntimeError(result.stderr.decode())
    return time.perf_counter() - started


def rounded_pairs(texts: list[str]) -> tuple[list[str], list[str]]:
    """Each text that reads, and its rounded code: the dict a user without srank's helpers builds."""
    old, new = [], []
    for text, result in zip(texts, srank.parse_many(texts), strict=True):
        if isinstance(result, (Rank, MultiSeasonRank)):
            old.append(text)
            new.append(str(result.rounded()))
    return old, new


def bench_dataframes(report: Report, size: int, repeat: int) -> None:
    """pandas and polars rounded() on a realistic column against a plain map with a dict of rounded codes.

    Warm, against a prebuilt dict: both sides have their codes decoded already.
    Cold, against the same map with its dict built inside the timing (the column's
    distinct values, each parsed with srank.parse and rounded): both sides decode.
    Cold against the prebuilt dict is shown too, without a target: the gap is the
    one-off cost of parsing the distinct codes, which the prebuilt dict left out.
    """
    try:
        import pandas as pd
        import polars as pl

        import srank.pandas
        import srank.polars
        from srank._polars_codes import forget
    except ImportError as error:
        print(f"dataframe benchmarks skipped: {error}\n")
        return
    column, distinct = realistic_column(size, seed=3)
    old, new = rounded_pairs(distinct)
    prebuilt = dict(zip(old, new, strict=True))
    frame = pd.Series(column, dtype=object)
    polars_column = pl.Series("rank", column)

    def pandas_decode_then_map() -> object:
        return frame.map(dict(zip(*rounded_pairs(frame.unique().tolist()), strict=True)))

    def polars_decode_then_replace() -> object:
        texts, rounded = rounded_pairs(polars_column.unique().drop_nulls().to_list())
        return polars_column.replace_strict(texts, rounded, default=None, return_dtype=pl.String)

    runs: dict[str, Callable[[], object]] = {
        "pandas rounded()": lambda: srank.pandas.rounded(frame),
        "pandas map": lambda: frame.map(prebuilt),
        "pandas decode then map": pandas_decode_then_map,
        "polars rounded()": lambda: srank.polars.rounded(polars_column),
        "polars replace_strict": lambda: polars_column.replace_strict(old, new, default=None, return_dtype=pl.String),
        "polars decode then replace_strict": polars_decode_then_replace,
    }
    cold_runs = {name for name in runs if "rounded()" in name or "decode" in name}

    def start_cold() -> None:
        # The first call in a process: nothing parsed yet, and no polars texts known
        # (see srank/_polars_codes.py). A warm call is any later one.
        _parse_cached.cache_clear()
        forget()

    best = {(name, is_cold): float("inf") for name in runs for is_cold in (True, False)}
    for _ in range(repeat):  # in turn, so that a busy moment slows each alike
        for name, run in runs.items():
            if name in cold_runs:
                best[name, True] = min(best[name, True], best_of(1, run, before=start_cold))
            best[name, False] = min(best[name, False], best_of(2, run))
    for library, prebuilt_map, decode_map in (
        ("pandas", "pandas map", "pandas decode then map"),
        ("polars", "polars replace_strict", "polars decode then replace_strict"),
    ):
        ours = f"{library} rounded()"
        figure = f"{library} rounded() on {size:,} rows ({len(distinct)} distinct"
        comparisons = (
            (
                f"{figure}, warm)",
                best[ours, False],
                best[prebuilt_map, False],
                f"{prebuilt_map} with a prebuilt dict",
                1.5,
            ),
            (f"{figure}, cold)", best[ours, True], best[decode_map, True], f"{decode_map}, the dict built inside", 1.5),
            (
                f"{figure}, cold)",
                best[ours, True],
                best[prebuilt_map, False],
                f"{prebuilt_map} with a prebuilt dict",
                None,
            ),
        )
        for title, seconds, reference_seconds, reference, target in comparisons:
            report.add(
                title,
                f"{seconds:.3f} s",
                f"{reference_seconds:.3f} s ({reference})",
                seconds / reference_seconds,
                target,
            )


def bench_check_levels(report: Report, rows: int, repeat: int) -> None:
    """Three rank columns plus the cross-level check in one run, against the same csv copy."""
    column, _ = realistic_column(rows, seed=5)
    generator = random.Random(13)
    global_ranks = ["G5", "G4", "G3", "G2", "G1", "G4G5", "G3G4", "G5T2", "GNR", "GU"]
    national_ranks = ["N5", "N4", "N3", "N2", "N1", "NNR", "N4B,N4N", "NU"]
    subnational = [code for code in column if code.startswith("S")] or ["S1"]
    with tempfile.TemporaryDirectory() as folder:
        source, copy_out, check_out = (Path(folder) / name for name in ("in.csv", "copy.csv", "check.csv"))
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "scientific_name", "G Rank", "N Rank", "S Rank"])
            for number in range(rows):
                writer.writerow(
                    [
                        number,
                        "Carex lasiocarpa",
                        generator.choice(global_ranks),
                        generator.choice(national_ranks),
                        generator.choice(subnational),
                    ]
                )
        copy_seconds = check_seconds = float("inf")
        check_command = [
            "-m",
            "srank",
            "check",
            str(source),
            "--global-column",
            "G Rank",
            "--national-column",
            "N Rank",
            "--subnational-column",
            "S Rank",
            "--output",
            str(check_out),
        ]
        for _ in range(repeat):
            copy_seconds = min(copy_seconds, _run_python(["-c", COPY, str(source), str(copy_out)]))
            check_seconds = min(check_seconds, _check_once(check_command))
        size = source.stat().st_size
    report.add(
        f"srank check, 3 rank columns and cross-level checks, {rows:,} rows ({size / 2**20:.0f} MiB)",
        f"{check_seconds:.2f} s",
        f"{copy_seconds:.2f} s (python csv read-and-write copy)",
        check_seconds / copy_seconds,
        3,
    )


# VmHWM is this process's own peak; ru_maxrss would also count the benchmark's memory at fork time.
PEAK = """
import sys
from srank.cli import main
status = main(sys.argv[1:])
peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(peak[0] if peak else __import__("resource").getrusage(0).ru_maxrss, file=sys.stderr)
"""


def bench_distinct_column(report: Report, megabytes: int) -> None:
    """A wrong --column (an id column, every cell distinct) on a large file: peak memory and time."""
    with tempfile.TemporaryDirectory() as folder:
        source, copy_out, check_out = (Path(folder) / name for name in ("in.csv", "copy.csv", "check.csv"))
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "scientific_name", "state", "rank", "notes"])
            number = 0
            while handle.tell() < megabytes << 20:
                rows = [
                    [f"{40_000_000 + number + at}", "Carex lasiocarpa", "VT", "S2", "seen on the north shore in June"]
                    for at in range(10_000)
                ]
                writer.writerows(rows)
                number += 10_000
        copy_seconds = _run_python(["-c", COPY, str(source), str(copy_out)])
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", PEAK, "check", str(source), "--column", "id", "--output", str(check_out)],
            capture_output=True,
            text=True,
            check=False,
        )
        check_seconds = time.perf_counter() - started
        peak_kib = int(result.stderr.strip().splitlines()[-1])
        size = source.stat().st_size
    report.add(
        f"srank check, {size / 2**20:.0f} MiB file, checked column all distinct ({number:,} rows): peak memory",
        f"{peak_kib / 1024:.0f} MiB",
        "150 MiB (the documented bound)",
        peak_kib / 1024 / 150,
        1,
    )
    report.add(
        f"srank check on the same {size / 2**20:.0f} MiB all-distinct file: time",
        f"{check_seconds:.2f} s",
        f"{copy_seconds:.2f} s (python csv read-and-write copy)",
        check_seconds / copy_seconds,
        3,
    )


_CANADA = ["AB", "BC", "LB", "MB", "NB", "NF", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "DC",
    "FL",
    "GA",
    "IA",
    "ID",
    "IL",
    "IN",
    "KS",
    "KY",
    "LA",
    "MA",
    "MD",
    "ME",
    "MI",
    "MN",
    "MO",
    "MS",
    "MT",
    "NC",
    "ND",
    "NE",
    "NH",
    "NJ",
    "NM",
    "NN",
    "NV",
    "NY",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VA",
    "VT",
    "WA",
    "WI",
    "WV",
    "WY",
]
_S_RANKS = ["SNR"] * 8 + [
    "S1",
    "S2",
    "S3",
    "S4",
    "S5",
    "SNA",
    "SX",
    "SH",
    "SU",
    "S3B",
    "S2N",
    "S4B,S4N",
    "SX,S1",
    "S2B,SNRN",
    "SNA,SNA",
    "S1B,S1N",
    "SHB",
    "SXM",
]
_N_RANKS = ["N5", "N4", "N3", "N2", "N1", "NNR", "NNA", "NU", "N5B,N5N", "N3B", "N4B,N4N", "NX", "NH"]

DISTRIBUTION_REFERENCE = r"""
import csv, re, sys
line = re.compile(r"^(?P<nation>[^()]+?) \((?P<nrank>[^)]*)\)(?:: (?P<subs>.*))?$", re.M)
item = re.compile(r"([A-Z]{2}) \(([^)]*)\)")
source = open(sys.argv[1], newline="", encoding="utf-8")
sink = open(sys.argv[2], "w", newline="", encoding="utf-8")
reader, writer = csv.reader(source), csv.writer(sink, lineterminator="\n")
header = next(reader)
column = header.index("Distribution")
writer.writerow(header + ["nation", "subnation", "rank"])
for row in reader:
    for match in line.finditer(row[column]):
        writer.writerow(row + [match["nation"], "", match["nrank"]])
        for code, rank in item.findall(match["subs"] or ""):
            writer.writerow(row + [match["nation"], code, rank])
"""


def realistic_distribution(generator: random.Random) -> str:
    lines = []
    if generator.random() < 0.8:
        places = generator.sample(_CANADA, generator.randint(0, 6))
        items = ", ".join(f"{code} ({generator.choice(_S_RANKS)})" for code in sorted(places))
        lines.append(f"Canada ({generator.choice(_N_RANKS)})" + (f": {items}" if items else ""))
    places = generator.sample(_STATES, generator.randint(1, 25))
    items = ", ".join(f"{code} ({generator.choice(_S_RANKS)})" for code in sorted(places))
    lines.append(f"United States ({generator.choice(_N_RANKS)}): {items}")
    return "\n".join(lines)


def bench_distribution(report: Report, rows: int, repeat: int) -> None:
    """srank distribution on Explorer export rows against a two-regex split writing the same rows."""
    generator = random.Random(17)
    with tempfile.TemporaryDirectory() as folder:
        source, reference_out, ours_out = (Path(folder) / name for name in ("in.csv", "ref.csv", "ours.csv"))
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["Scientific Name", "NatureServe Global Rank", "Distribution"])
            for number in range(rows):
                writer.writerow([f"Taxon {number}", "G4", realistic_distribution(generator)])
        reference_seconds = ours_seconds = float("inf")
        command = ["-m", "srank", "distribution", str(source), "--column", "Distribution", "--output", str(ours_out)]
        for _ in range(repeat):
            reference_seconds = min(
                reference_seconds, _run_python(["-c", DISTRIBUTION_REFERENCE, str(source), str(reference_out)])
            )
            ours_seconds = min(ours_seconds, _check_once(command))
        with reference_out.open(newline="", encoding="utf-8") as handle:
            expected = sum(1 for _ in csv.reader(handle))
        with ours_out.open(newline="", encoding="utf-8") as handle:
            written = sum(1 for _ in csv.reader(handle))
        assert written == expected, f"srank distribution wrote {written:,} rows, the reference {expected:,}"
    report.add(
        f"srank distribution on {rows:,} Explorer export rows ({written - 1:,} records out)",
        f"{ours_seconds:.2f} s",
        f"{reference_seconds:.2f} s (csv read, two regular expressions, csv write of the same rows)",
        ours_seconds / reference_seconds,
        2,
    )


def bench_hostile_scaling(report: Report, repeat: int) -> None:
    """Inputs an audit found quadratic (issue 28): each must cost what its size says, measured at two sizes."""

    def biotics(entries: int) -> str:
        return "US(N5), " + ", ".join(["XX"] * entries)  # every entry after the first unreadable

    small, large = biotics(2_000), biotics(16_000)
    srank.parse_distribution(small, lenient=True)  # build the grammar's parser first: a one-off
    small_seconds = best_of(repeat, lambda: srank.parse_distribution(small, lenient=True))
    large_seconds = best_of(repeat, lambda: srank.parse_distribution(large, lenient=True))
    report.add(
        f"lenient Biotics reading of 16,000 unreadable entries ({len(large) // 1000} KB)",
        f"{large_seconds:.3f} s",
        f"{8 * small_seconds:.3f} s (8 x the time of 2,000 entries: linear)",
        large_seconds / (8 * small_seconds),
        1.5,
    )
    with tempfile.TemporaryDirectory() as folder:
        repeated, distinct = Path(folder) / "repeated.csv", Path(folder) / "distinct.csv"
        width = 20_000
        row = ",".join(["x"] * width + ["S1"]) + "\n"
        repeated.write_text(",".join(["a"] * width + ["rank"]) + "\n" + row * 10, encoding="utf-8")
        distinct.write_text(",".join([f"c{at}" for at in range(width)] + ["rank"]) + "\n" + row * 10, encoding="utf-8")
        seconds = {}
        for name, path in (("repeated", repeated), ("distinct", distinct)):
            command = ["-m", "srank", "check", str(path), "-c", "rank", "--format", "jsonl", "-o", os.devnull]
            seconds[name] = min(_check_once(command) for _ in range(repeat))
    report.add(
        f"srank check --format jsonl, {width:,} columns all named 'a' (JSON keys a, a_2, ...)",
        f"{seconds['repeated']:.2f} s",
        f"{seconds['distinct']:.2f} s (the same file with {width:,} distinct names)",
        seconds["repeated"] / seconds["distinct"],
        1.5,
    )


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} logical CPUs; {platform.system()} {platform.release()};"
        f" Python {platform.python_version()} ({platform.python_implementation()}); srank {srank.__version__}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="100,000 codes and rows, fewer repetitions")
    parser.add_argument("--size", type=int, help="codes in the bulk decode and rows in the CSV")
    parser.add_argument("--markdown", action="store_true", help="also print the results as a Markdown table")
    args = parser.parse_args(argv)
    size = args.size or (100_000 if args.quick else 1_000_000)
    repeat = 3 if args.quick else 5
    print(f"machine: {machine()}\n")
    report = Report()
    bench_cold_parse(report, repeat)
    bench_bulk(report, size, repeat)
    bench_import(report, 10 if args.quick else 30)
    bench_check(report, size, 1 if args.quick else 3)
    bench_check_levels(report, size, 1 if args.quick else 3)
    bench_distribution(report, size // 10, 1 if args.quick else 3)
    bench_memory(report, size)
    bench_distinct_column(report, 20 if args.quick else 200)
    bench_dataframes(report, size, repeat)
    bench_hostile_scaling(report, repeat)
    if args.markdown:
        print("\n" + report.table())


if __name__ == "__main__":
    main()
