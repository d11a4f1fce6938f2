"""Measure srank against its references, all in one run, and print each figure beside its target.

    python benchmarks/bench.py             # the full run (1,000,000 codes and rows)
    python benchmarks/bench.py --quick     # a smaller run for a quick look
    python benchmarks/bench.py --startup   # only the start-up figures (needs only srank's own dependencies)

Not a test: timings depend on the machine, so nothing here fails a build.
Each figure is the best of several repetitions, or for start-up the median of
many; the ratio is what the targets in docs/performance.md speak about.

Every figure that starts a process runs srank as users install it: a wheel
built from this tree and unpacked into a temporary folder, with the parser it
ships (an editable install builds the parser from the grammar instead). With
``--installed``, the processes import the srank this Python has installed.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import csv
import functools
import gc
import importlib.util
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
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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

    def add(
        self,
        figure: str,
        measured: str,
        reference: str,
        ratio: float | None,
        target: float | None,
        *,
        limit: tuple[float, float, str] | None = None,
    ) -> None:
        """One figure; ``target`` is a ratio, ``limit`` (measured, bound, unit) an absolute target instead."""
        ratio_text = "" if ratio is None else f"{ratio:.2f}x"
        if limit is not None:
            value, bound, unit = limit
            verdict = f"<= {bound:g} {unit}: " + ("met" if value <= bound else "NOT met")
        elif target is None:
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


ROOT = Path(__file__).resolve().parent.parent

# The environment of every process the benchmark starts, both sides of each comparison alike: PYTHONPATH names
# the unpacked wheel (see use_built_wheel), or nothing is changed (--installed).
_ENVIRONMENT: dict[str, str] | None = None


def _process(command: Sequence[str], *, check: bool, **options: Any) -> subprocess.CompletedProcess[Any]:
    return subprocess.run(list(command), check=check, env=_ENVIRONMENT, **options)


def use_built_wheel(folder: Path) -> str:
    """Build a wheel from this tree, unpack it into ``folder`` and make every process started here import it."""
    global _ENVIRONMENT
    wheels = folder / "wheels"
    _process(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (wheel,) = wheels.glob("srank-*.whl")
    site = folder / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    _ENVIRONMENT = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])),
    }
    return f"wheel {wheel.name}, built from this tree, unpacked in a temporary folder"


def compile_bytecode() -> str:
    """Compile srank and its dependencies to .pyc, as an installation does, so that no timed run compiles."""
    located = _process(
        [
            sys.executable,
            "-c",
            "import srank, lark, attr, attrs; print(srank.__file__); print(lark.__file__);"
            " print(attr.__file__); print(attrs.__file__)",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    folders = [Path(line).parent for line in located.stdout.split()]
    spec = importlib.util.find_spec("interegular")
    if spec is not None and spec.origin is not None:
        folders.append(Path(spec.origin).parent)
    for folder in folders:
        compileall.compile_dir(folder, quiet=1)
    return "compiled before timing: " + ", ".join(folder.name for folder in folders)


def _run_python(arguments: Sequence[str]) -> float:
    started = time.perf_counter()
    _process([sys.executable, *arguments], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _import_micros(module: str) -> int:
    """Cumulative microseconds of ``import module`` from ``python -X importtime``, in a fresh process."""
    result = _process(
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
    # Names load on first use, so also show what a program pays once it touches the model (parsing: bench_startup).
    wall = statistics.median(samples["first use of srank.Rank"]) - empty
    report.add(
        f"import srank and first use of srank.Rank (wall clock above an empty interpreter, median of {repeat})",
        f"{wall * 1000:.1f} ms",
        f"{wall_attrs * 1000:.1f} ms (import attrs)",
        wall / wall_attrs,
        None,
    )


def _srank_command() -> list[str]:
    """The ``srank`` command as users run it: the console script beside this Python (``-m srank`` without one)."""
    script = Path(sys.executable).with_name("srank")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "srank"]


def bench_startup(report: Report, repeat: int) -> None:
    """Process start to a first result, against ``python -c pass``: the median of ``repeat`` runs of each, in turn."""
    programs = {
        "empty": [sys.executable, "-c", "pass"],
        "parse": [sys.executable, "-c", "import srank; srank.parse('G5')"],
        "explain": [*_srank_command(), "explain", "G5"],
        "version": [*_srank_command(), "--version"],
    }
    for command in programs.values():  # a warm-up run of each, untimed
        _process(command, check=True, stdout=subprocess.DEVNULL)
    samples: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(repeat):  # in turn, so that a busy moment slows each alike
        for name, command in programs.items():
            started = time.perf_counter()
            _process(command, check=True, stdout=subprocess.DEVNULL)
            samples[name].append(time.perf_counter() - started)
    empty = statistics.median(samples["empty"])
    for name, figure, target in (
        ("parse", "first parse in a fresh process (python -c \"import srank; srank.parse('G5')\")", 8),
        ("explain", "srank explain G5, process start to finish", 9),
        ("version", "srank --version, process start to finish", 3),
    ):
        seconds = statistics.median(samples[name])
        report.add(
            f"{figure} (median of {repeat}, in turn)",
            f"{seconds * 1000:.1f} ms",
            f"{empty * 1000:.1f} ms (python -c pass)",
            seconds / empty,
            target,
        )


def startup_conditions() -> str:
    """What start-up figures depend on: interegular (Lark's collision check), bytecode writing, the parser's origin."""
    origin = _process(
        [
            sys.executable,
            "-c",
            "from srank import _lark_adapter as a\n"
            "print(a.parser_origin() if hasattr(a, 'parser_origin') else 'grammar (an srank without parser_origin)')\n"
            "print(a.__file__)",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    interegular = "installed" if importlib.util.find_spec("interegular") is not None else "not installed"
    bytecode = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"
    return (
        f"interegular: {interegular}; PYTHONDONTWRITEBYTECODE: {bytecode};"
        f" the parser: {origin[0]} ({Path(origin[1]).parent})"
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
        source, copy_out = Path(folder) / "in.csv", Path(folder) / "copy.csv"
        with source.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "scientific_name", "state", "rank", "last_observed"])
            for number, code in enumerate(column):
                writer.writerow([number, generator.choice(names), generator.choice(["VT", "NH", "ME"]), code, "2019"])
        check_seconds, copy_seconds = _check_against(["-c", COPY, str(source), str(copy_out)], source, rows, repeat)
        size = source.stat().st_size
    report.add(
        f"srank check on a {rows:,}-row CSV ({size / 2**20:.0f} MiB), end to end",
        f"{check_seconds:.2f} s",
        f"{copy_seconds:.2f} s (python csv read-and-write copy, also end to end)",
        check_seconds / copy_seconds,
        2,
    )


def bench_many_files(report: Report, files: int, rows: int, repeat: int) -> None:
    """srank check on FILES files of ROWS rows each, against one file of all their rows: the cost of many files.

    Each repetition writes into a new folder, as a first run does (replacing existing files costs the same per
    file, but more on some file systems); --summary-only, which a pre-commit hook uses, writes no file at all.
    """
    column, _ = realistic_column(files * rows, seed=13)
    generator = random.Random(17)
    names = ["Carex lasiocarpa", "Salix nigra", "Poa annua", "Aster novae-angliae", "Lynx canadensis"]
    lines = [
        [str(number), generator.choice(names), generator.choice(["VT", "NH", "ME"]), code, "2019"]
        for number, code in enumerate(column)
    ]
    header = ["id", "scientific_name", "state", "rank", "last_observed"]
    with tempfile.TemporaryDirectory() as folder:
        whole, parts = Path(folder) / "whole.csv", Path(folder) / "parts"
        parts.mkdir()
        _write_csv(whole, header, lines)
        for at in range(files):
            _write_csv(parts / f"part{at:04}.csv", header, lines[at * rows : (at + 1) * rows])
        inputs = [str(path) for path in sorted(parts.iterdir())]
        seconds = dict.fromkeys(("one", "many", "one summary", "many summaries"), float("inf"))
        for run in range(repeat):  # in turn, so that a busy moment slows all alike
            out = Path(folder) / f"out{run}"
            out.mkdir()
            commands = {
                "one": ["-m", "srank", "check", str(whole), "-c", "rank", "-o", str(out / "whole.csv")],
                "many": ["-m", "srank", "check", *inputs, "-c", "rank", "-o", str(out)],
                "one summary": ["-m", "srank", "check", str(whole), "-c", "rank", "--summary-only"],
                "many summaries": ["-m", "srank", "check", *inputs, "-c", "rank", "--summary-only"],
            }
            for name, command in commands.items():
                seconds[name] = min(seconds[name], _check_once(command))
            assert len(list(out.iterdir())) == files + 1
    for many, one, what in (("many", "one", "to a folder"), ("many summaries", "one summary", "--summary-only")):
        report.add(
            f"srank check on {files:,} CSV files of {rows:,} rows, {what}",
            f"{seconds[many]:.2f} s",
            f"{seconds[one]:.2f} s (srank check on one file of their {files * rows:,} rows, {what})",
            seconds[many] / seconds[one],
            1.3,
        )


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


WORKBOOK_REFERENCE = """
import csv, sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
sink = open(sys.argv[2], "w", newline="", encoding="utf-8")
csv.writer(sink, lineterminator="\\n").writerows(rows)
sink.close()
"""


def write_workbook(path: Path, rows: list[list[object]]) -> None:
    """An .xlsx as Excel writes one: text in a shared-strings table, numbers as numbers, every cell's position."""
    import zipfile
    from xml.sax.saxutils import escape

    strings: dict[str, int] = {}
    lines = []
    for number, row in enumerate(rows, 1):
        cells = []
        for column, value in enumerate(row):
            at = f"{chr(65 + column)}{number}"
            if isinstance(value, str):
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{at}" t="s"><v>{index}</v></c>')
            else:
                cells.append(f'<c r="{at}"><v>{value}</v></c>')
        lines.append(f'<row r="{number}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    preserve = ' xml:space="preserve"'  # as Excel marks text with leading or trailing spaces
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{office}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.sharedStrings+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{package}"><Relationship Id="rId1"'
        f' Type="{relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets>'
        '<sheet name="Ranks" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{package}">'
        f'<Relationship Id="rId1" Type="{relations}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{relations}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">'
        + "".join(f"<si><t{preserve if text != text.strip() else ''}>{escape(text)}</t></si>" for text in strings)
        + "</sst>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{"".join(lines)}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)


def bench_check_workbook(report: Report, rows: int, repeat: int) -> None:
    """srank check on an .xlsx against python-calamine reading the sheet into lists and a csv write of them."""
    column, _ = realistic_column(rows, seed=7)
    generator = random.Random(11)
    names = ["Carex lasiocarpa", "Salix nigra", "Poa annua", "Aster novae-angliae", "Lynx canadensis"]
    table: list[list[object]] = [["id", "scientific_name", "state", "rank", "last_observed"]]
    table += [
        [number, generator.choice(names), generator.choice(["VT", "NH", "ME"]), code, 2019]
        for number, code in enumerate(column)
    ]
    with tempfile.TemporaryDirectory() as folder:
        source, reference_out = Path(folder) / "in.xlsx", Path(folder) / "ref.csv"
        write_workbook(source, table)
        reference = ["-c", WORKBOOK_REFERENCE, str(source), str(reference_out)]
        check_seconds, reference_seconds = _check_against(reference, source, rows, repeat)
        size = source.stat().st_size
    report.add(
        f"srank check on a {rows:,}-row .xlsx ({size / 2**20:.1f} MiB), end to end",
        f"{check_seconds:.2f} s",
        f"{reference_seconds:.2f} s (python-calamine reads the sheet into lists, csv writes them)",
        check_seconds / reference_seconds,
        1.5,
    )


def _check_against(reference: list[str], source: Path, rows: int, repeat: int) -> tuple[float, float]:
    """The best of ``repeat`` runs of ``srank check`` on ``source`` and of the reference script, in turn, so that a
    busy moment slows both alike; the check must write back every one of the ``rows``."""
    check_out = source.with_name("check.csv")
    check_seconds = reference_seconds = float("inf")
    for _ in range(repeat):
        reference_seconds = min(reference_seconds, _run_python(reference))
        check_command = ["-m", "srank", "check", str(source), "--column", "rank", "--output", str(check_out)]
        check_seconds = min(check_seconds, _check_once(check_command))
    with check_out.open(newline="", encoding="utf-8") as handle:
        written = sum(1 for _ in csv.reader(handle)) - 1
    assert written == rows, f"srank check wrote {written:,} rows for {rows:,}"
    return check_seconds, reference_seconds


def _check_once(arguments: Sequence[str]) -> float:
    started = time.perf_counter()
    result = _process([sys.executable, *arguments], check=False, capture_output=True)
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
        result = _process(
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


DIFF_REFERENCE = """
import csv, sys
old_path, new_path, out_path = sys.argv[1:4]
columns = ["G_RANK", "N_RANK", "S_RANK"]
with open(old_path, newline="", encoding="utf-8") as handle:
    reader = csv.reader(handle)
    header = next(reader)
    key, at = header.index("ELEMENT_CODE"), [header.index(column) for column in columns]
    old = {row[key]: [row[index] for index in at] for row in reader}
with open(new_path, newline="", encoding="utf-8") as handle, open(out_path, "w", newline="", encoding="utf-8") as out:
    reader = csv.reader(handle)
    header = next(reader)
    key, at = header.index("ELEMENT_CODE"), [header.index(column) for column in columns]
    writer = csv.writer(out, lineterminator="\\n")
    writer.writerow(["ELEMENT_CODE", "column", "old", "new", "changed"])
    for row in reader:
        before = old.pop(row[key], None) or ["", "", ""]
        for column, index, was in zip(columns, at, before):
            writer.writerow([row[key], column, was, row[index], was != row[index]])
    for code, before in old.items():
        for column, was in zip(columns, before):
            writer.writerow([code, column, was, "", True])
"""


_PRINT_PEAK = """
peak = [line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")]
print(peak[0] if peak else __import__("resource").getrusage(0).ru_maxrss, file=sys.stderr)
"""


def _peak_kib(arguments: Sequence[str]) -> int:
    """The peak resident size of a program that prints it last on stderr (PEAK, _PRINT_PEAK), in KiB."""
    return int(subprocess.run(arguments, check=False, capture_output=True, text=True).stderr.split()[-1])


def diff_exports(folder: Path, rows: int) -> tuple[Path, Path]:
    """Two yearly exports of ``rows`` taxa: G, N and S ranks; a few ranks changed, some taxa dropped or added."""
    generator = random.Random(29)
    forms = official_forms()
    by_level = {letter: [code for code in forms if code.startswith(letter)] for letter in "GNS"}
    common = {letter: generator.sample(codes, min(80, len(codes))) for letter, codes in by_level.items()}
    weights = [1 / (rank + 1) ** 1.1 for rank in range(80)]
    header = ["ELEMENT_CODE", "SCIENTIFIC_NAME", "G_RANK", "N_RANK", "S_RANK", "N_RANK_REVIEW_DATE"]

    def ranks() -> list[str]:
        return [generator.choices(common[letter], weights=weights[: len(common[letter])])[0] for letter in "GNS"]

    old_path, new_path = folder / "old.csv", folder / "new.csv"
    with (
        old_path.open("w", newline="", encoding="utf-8") as old,
        new_path.open("w", newline="", encoding="utf-8") as new,
    ):
        old_writer, new_writer = csv.writer(old, lineterminator="\n"), csv.writer(new, lineterminator="\n")
        old_writer.writerow(header)
        new_writer.writerow(header)
        for number in range(rows):
            code = f"ELEMENT_GLOBAL.2.{100_000 + number}"
            name = f"Taxon {number}"
            before = ranks()
            if generator.random() < 0.99:  # 1% of taxa dropped
                old_writer.writerow([code, name, *before, "2019-05-02"])
            after = ranks() if generator.random() < 0.05 else before  # 5% ranked again, most often differently
            new_writer.writerow([code, name, *after, "2024-03-01" if after != before else "2019-05-02"])
        for number in range(rows // 100):  # and 1% new taxa
            new_writer.writerow([f"ELEMENT_GLOBAL.2.{900_000 + number}", "New taxon", *ranks(), "2024-03-01"])
    return old_path, new_path


def bench_diff(report: Report, rows: int, repeat: int) -> None:
    """srank diff on two exports with 3 rank columns, against a csv read of both, a dict join and a csv write."""
    with tempfile.TemporaryDirectory() as folder:
        old, new = diff_exports(Path(folder), rows)
        reference_out, ours_out = Path(folder) / "ref.csv", Path(folder) / "ours.csv"
        command = ["-m", "srank", "diff", str(old), str(new), "--key", "ELEMENT_CODE"]
        command += ["-c", "G_RANK", "-c", "N_RANK", "-c", "S_RANK", "--output", str(ours_out)]
        reference_seconds = ours_seconds = float("inf")
        for _ in range(repeat):  # in turn, so that a busy moment slows both alike
            reference_seconds = min(
                reference_seconds, _run_python(["-c", DIFF_REFERENCE, str(old), str(new), str(reference_out)])
            )
            ours_seconds = min(ours_seconds, _check_once(command))
        with reference_out.open(newline="", encoding="utf-8") as handle:
            expected = sum(1 for _ in csv.reader(handle)) - 1
        with ours_out.open(newline="", encoding="utf-8") as handle:
            rows_out = list(csv.reader(handle))[1:]
        written = len(rows_out)
        # A multi-season code that changed gives one row per season: count each key and column once.
        pairs = len({(row[0], row[1]) for row in rows_out})
        assert pairs == expected, f"srank diff wrote {pairs:,} keys and columns, the reference {expected:,}"
        peak = _peak_kib([sys.executable, "-c", PEAK, *command[2:]])
        reference_peak = _peak_kib(
            [sys.executable, "-c", DIFF_REFERENCE + _PRINT_PEAK, str(old), str(new), str(reference_out)]
        )
        sizes = old.stat().st_size + new.stat().st_size
    report.add(
        f"srank diff, two {rows:,}-row exports ({sizes / 2**20:.0f} MiB), 3 rank columns ({written:,} rows out)",
        f"{ours_seconds:.2f} s",
        f"{reference_seconds:.2f} s (csv read of both, dict join on the key, csv write of one row per key and column)",
        ours_seconds / reference_seconds,
        3,
    )
    report.add(
        "srank diff on the same two exports: peak resident size (both files' keys and compared cells held)",
        f"{peak / 1024:.0f} MiB",
        f"{reference_peak / 1024:.0f} MiB (the reference script, which holds one file's keys and cells)",
        peak / reference_peak,
        None,
    )


def bench_status_index(report: Report, size: int, repeat: int) -> None:
    """srank.status_index over a column of 300 distinct codes against a dict of their numbers and statistics.fmean.

    The reference knows each code's number already (None for a code that does
    not count); srank reads the codes. Warm: the codes were parsed before, as
    in any session that has read them once. Cold (parse cache emptied, grammar
    loaded) is shown without a target.
    """
    from srank._status_index import index_number

    generator = random.Random(23)
    distinct = generator.sample(official_forms(), 300)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(distinct))]
    column = "\n".join(generator.choices(distinct, weights=weights, k=size)).split("\n")  # fresh strings
    numbers: dict[str, float | None] = {
        code: index_number(srank.parse(code), Season.BREEDING, "median") for code in distinct
    }

    def reference() -> float:
        return statistics.fmean([number for number in map(numbers.__getitem__, column) if number is not None]) / 5

    def ours() -> float:
        return srank.status_index(column).value

    assert abs(ours() - reference()) < 1e-12, "srank and the reference must compute the same index"
    warm = cold = base = float("inf")
    for _ in range(repeat):  # in turn, so that a busy moment slows each alike
        base = min(base, best_of(1, reference))
        warm = min(warm, best_of(1, ours))
        cold = min(cold, best_of(1, ours, before=_parse_cached.cache_clear))
    figure = f"status_index over {size:,} codes ({len(distinct)} distinct)"
    reference_text = f"{base:.3f} s (dict of precomputed numbers, then statistics.fmean)"
    report.add(f"{figure}, warm", f"{warm:.3f} s", reference_text, warm / base, 2)
    report.add(f"{figure}, cold", f"{cold:.3f} s", reference_text, cold / base, None)


def sixty_places() -> srank.Distribution:
    """A distribution of 60 subnations (every state, DC, the Navajo Nation and 8 provinces), multi-season ranks."""
    from srank._places import map_layout

    places = list(map_layout().tiles)
    states = sorted(code for nation, code in places if nation == "US")
    provinces = sorted(code for nation, code in places if nation == "CA")[:8]
    ranks = ["S1B,S3N,S2M", "S2B,S4N", "SNRB,S3N", "SX,S1", "SHB,SNAN", "S4B,S5N,S4M", "S3", "S2S3"]
    lines = [
        "Canada (N3B,N4N,N3M): " + ", ".join(f"{code} ({ranks[i % 8]})" for i, code in enumerate(provinces)),
        "United States (N4B,N5N): " + ", ".join(f"{code} ({ranks[i % 8]})" for i, code in enumerate(states)),
    ]
    return srank.parse_distribution("\n".join(lines))


def bench_pictures(report: Report, repeat: int) -> None:
    """Dist.to_svg and a rank's notebook badge, against the plain markup a user would write by hand."""
    import html

    from srank import _html, _svg
    from srank._places import map_layout

    dist = sixty_places()
    places = [record for record in dist if record.subnation is not None]
    assert len(places) == 60
    palette = srank.palette()
    fills = {(r.nation, r.subnation): palette[r.rank.colour().name].fill for r in places if r.rank is not None}
    cells = {place: (40 * (column - 1), 40 * (row - 1)) for place, (row, column) in map_layout().tiles.items()}

    def by_hand() -> str:
        tiles = [
            f'<rect x="{x}" y="{y}" width="36" height="36" fill="{fills.get(place, "#F4F4F4")}"/>'
            f'<text x="{x + 18}" y="{y + 12}">{place[1]}</text>'
            for place, (x, y) in cells.items()
            if place[0] != "MX"
        ]
        return '<svg xmlns="http://www.w3.org/2000/svg">' + "".join(tiles) + "</svg>"

    def clear() -> None:
        _svg._TITLES.clear()

    runs = 20 * repeat
    cold = best_of(runs, dist.to_svg, before=clear)
    dist.to_svg()
    warm = best_of(runs, dist.to_svg)
    plain = best_of(runs, by_hand)
    size = len(dist.to_svg().encode("utf-8"))
    reference = f"{plain * 1e3:.3f} ms (f-strings: the same 66 tiles, colours from a prebuilt dict, no titles)"
    report.add(
        f"Distribution.to_svg, 60 places ({size / 1024:.0f} KiB of SVG), after the first",
        f"{warm * 1e3:.2f} ms",
        reference,
        warm / plain,
        None,
        limit=(warm * 1e3, 5, "ms"),
    )
    report.add(
        "Distribution.to_svg, 60 places, descriptions not cached yet",
        f"{cold * 1e3:.2f} ms",
        reference,
        cold / plain,
        None,
        limit=(cold * 1e3, 5, "ms"),
    )

    rank = srank.parse("G5T1T3Q")
    rank._repr_html_()
    swatch = rank.colour()
    calls = 10_000

    def badges() -> None:
        for _ in range(calls):
            rank._repr_html_()

    def spans() -> None:
        for _ in range(calls):
            f'<span style="background:{swatch.fill};color:{swatch.text}">{html.escape(str(rank))}</span>'

    ours = best_of(repeat, badges) / calls
    theirs = best_of(repeat, spans) / calls
    report.add(
        "rank._repr_html_() after the first (G5T1T3Q)",
        f"{ours * 1e6:.2f} µs",
        f"{theirs * 1e6:.2f} µs (an f-string span with html.escape, colours looked up beforehand)",
        ours / theirs,
        None,
        limit=(ours * 1e6, 50, "µs"),
    )
    _html._BADGES.clear()


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
    parser.add_argument("--only", action="append", metavar="GROUP", help="run only this group of figures; repeatable")
    parser.add_argument("--startup", action="store_true", help="only the start-up figures (--only startup)")
    parser.add_argument(
        "--installed", action="store_true", help="processes import the installed srank, not a wheel built from here"
    )
    args = parser.parse_args(argv)
    size = args.size or (100_000 if args.quick else 1_000_000)
    repeat = 3 if args.quick else 5
    groups: dict[str, Callable[[Report], None]] = {
        "startup": lambda report: bench_startup(report, 20 if args.quick else 41),
        "parse": lambda report: bench_cold_parse(report, repeat),
        "bulk": lambda report: bench_bulk(report, size, repeat),
        "import": lambda report: bench_import(report, 10 if args.quick else 30),
        "check": lambda report: bench_check(report, size, 1 if args.quick else 3),
        "levels": lambda report: bench_check_levels(report, size, 1 if args.quick else 3),
        "files": lambda report: bench_many_files(report, 200, 1_000, 1 if args.quick else 5),
        "workbook": lambda report: bench_check_workbook(report, 50_000, 3 if args.quick else 5),
        "distribution": lambda report: bench_distribution(report, size // 10, 1 if args.quick else 3),
        "diff": lambda report: bench_diff(report, size // 5, 1 if args.quick else 3),
        "memory": lambda report: bench_memory(report, size),
        "distinct": lambda report: bench_distinct_column(report, 20 if args.quick else 200),
        "dataframes": lambda report: bench_dataframes(report, size, repeat),
        "status-index": lambda report: bench_status_index(report, size, repeat),
        "pictures": lambda report: bench_pictures(report, repeat),
        "hostile": lambda report: bench_hostile_scaling(report, repeat),
    }
    only = set(args.only or ()) | ({"startup"} if args.startup else set())
    unknown = sorted(only - set(groups))
    if unknown:
        parser.error(f"no group {', '.join(unknown)}; the groups are {', '.join(groups)}")
    with tempfile.TemporaryDirectory() as folder:
        tested = "srank as this Python has it installed" if args.installed else use_built_wheel(Path(folder))
        print(f"machine: {machine()}\nsrank in processes: {tested}\n{compile_bytecode()}\n{startup_conditions()}\n")
        report = Report()
        for name, run in groups.items():
            if not only or name in only:
                run(report)
    if args.markdown:
        print("\n" + report.table())


if __name__ == "__main__":
    main()
