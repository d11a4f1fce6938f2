"""Mutate small workbooks and run ``srank check`` on each, in-process, under a memory limit.

Usage:
    python tools/fuzz_workbooks.py [--cases N] [--seed S] [--memory MIB]

Seeds are made at run time (an openpyxl .xlsx, an xlwt .xls, a hand-written .ods)
or copied from tests/data (python-calamine's base.xlsb). Each case flips bytes,
cuts the file, inserts bytes, or edits one part of a zip and packs it again with
good CRCs (inserting markup such as a far cell or an entity). A case passes when
``srank check`` returns 0, 1 or 2 with no traceback and nothing on stderr but
srank's own lines (a panic's text from Rust, written to the descriptor itself, fails
the batch too). Cases run in batches in a child process with an address-space
limit (``resource.setrlimit``; Unix), so a process abort inside the reader (the
failure calamine's grid allocation has) ends the batch and is reported with the
file that caused it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import os
import random
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
_INSERTS = [
    b"999999",
    b'<c r="XFD1048576"><v>1</v></c>',
    b'r="A0"',
    b"<row>",
    b"&lol;",
    b"\xff\xfe",
    b'table:number-rows-repeated="1048576"',
]
_BYTES = b"<>/=\"'0123456789AXFDrc \x00\xff"


def _seeds(folder: Path) -> list[Path]:
    import openpyxl
    import xlwt

    rows: list[list[object]] = [["rank", "n", "seen"], ["S1", 1, datetime.date(2024, 3, 1)], ["G9", 2.5, "x"]]
    book = openpyxl.Workbook()
    sheet = book.create_sheet("Ranks", 0)
    for row in rows:
        sheet.append(row)
    book.save(folder / "seed.xlsx")
    old = xlwt.Workbook()
    cells = old.add_sheet("Ranks")
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            cells.write(number, column, value)
    old.save(str(folder / "seed.xls"))
    sys.path.insert(0, str(_ROOT / "tests" / "hostile"))
    from workbook_builders import ods

    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    table = "".join(f"<table:table-row>{cell.format('rank')}</table:table-row>" for _ in range(1))
    table += f"<table:table-row>{cell.format('S1')}</table:table-row>"
    ods(folder / "seed.ods", f'<table:table table:name="T">{table}</table:table>')
    (folder / "seed.xlsb").write_bytes((_ROOT / "tests" / "data" / "base.xlsb").read_bytes())
    return [folder / f"seed.{kind}" for kind in ("xlsx", "xls", "ods", "xlsb")]


def _mutated(generator: random.Random, data: bytes) -> bytes:
    choice = generator.randrange(4)
    if choice == 0:
        changed = bytearray(data)
        for _ in range(generator.randint(1, 8)):
            changed[generator.randrange(len(changed))] = generator.randrange(256)
        return bytes(changed)
    if choice == 1:
        return data[: generator.randrange(len(data))]
    if choice == 2 and data.startswith(b"PK"):
        source = zipfile.ZipFile(io.BytesIO(data))
        victim = generator.choice(source.namelist())
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                part = bytearray(source.read(info))
                if info.filename == victim and part:
                    for _ in range(generator.randint(1, 6)):
                        at = generator.randrange(len(part))
                        if generator.random() < 0.5:
                            part[at] = generator.choice(_BYTES)
                        else:
                            part[at:at] = generator.choice(_INSERTS)
                target.writestr(info.filename, bytes(part))
        return packed.getvalue()
    at = generator.randrange(len(data))
    return data[:at] + bytes(generator.randrange(256) for _ in range(generator.randint(1, 16))) + data[at:]


def _batch(seed_path: str, first: int, count: int, folder: str) -> int:
    """Run one batch in this process; print each failing case; return how many failed."""
    from srank.cli import main

    seed = Path(seed_path).read_bytes()
    kind = seed_path.rsplit(".", 1)[1]
    failures = 0
    for number in range(first, first + count):
        case = Path(folder) / f"case-{number}.{kind}"
        # Seeded by the kind and the number, not the path: a run's temporary folder must not change its cases.
        case.write_bytes(_mutated(random.Random(f"seed.{kind}:{number}"), seed))
        err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                status = main(["check", str(case), "-c", "rank"])
        except BaseException as error:  # any escape is the failure being looked for
            print(f"FAIL {case}: {type(error).__name__}: {error}", flush=True)
            failures += 1
            continue
        err.seek(0)
        text = err.read()
        stray = [line for line in text.splitlines() if line and not line.startswith(("srank", " "))]
        if status not in (0, 1, 2) or "Traceback" in text or stray:
            print(f"FAIL {case}: exit {status}: {text[-300:]!r}", flush=True)
            failures += 1
        else:
            case.unlink()
    print(f"ran {count} cases of {seed_path}: {failures} failed", flush=True)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=400, help="cases per format (default 400)")
    parser.add_argument("--seed", type=int, default=1, help="the first case number")
    parser.add_argument("--memory", type=int, default=1024, help="address space of each batch, MiB")
    parser.add_argument("--batch", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.batch:
        seed_path, first, count, folder = args.batch.split("|")
        import resource

        limit = args.memory << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        return 1 if _batch(seed_path, int(first), int(count), folder) else 0
    folder = Path(tempfile.mkdtemp(prefix="srank-fuzz-workbooks-"))
    failed = 0
    for seed in _seeds(folder):
        for first in range(args.seed, args.seed + args.cases, 200):
            count = min(200, args.seed + args.cases - first)
            batch = "|".join((str(seed), str(first), str(count), str(folder)))
            result = subprocess.run(
                [sys.executable, __file__, "--batch", batch, "--memory", str(args.memory)],
                check=False,
                capture_output=True,
                text=True,
            )
            sys.stdout.write(result.stdout)
            if result.returncode not in (0, 1) or result.stderr:  # aborted, or Rust wrote past srank's hold
                print(f"FAIL batch {batch}: exit {result.returncode}: {result.stderr[-500:]!r}")
                failed += 1
            elif result.returncode == 1:
                failed += 1
        print(f"{seed.suffix}: {args.cases} cases", flush=True)
    if failed:
        print(f"FAILED: {failed} batches of {4 * args.cases} cases failed; the failing files are in {folder}")
    else:
        print(f"passed: {4 * args.cases} cases")
        for leftover in folder.iterdir():
            leftover.unlink()
        os.rmdir(folder)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
