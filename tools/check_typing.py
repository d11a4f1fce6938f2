"""Check the user scripts of tests/typing with mypy --strict, as a user of srank would.

Every script must pass, except for the lines that say what mypy must report:
``# E: message  [code]`` for an error and ``# N: message`` for a note (such as
``reveal_type``'s), several per line if need be. Any other error, or an
expected one that is missing, fails the check. So the negative cases need no
``# type: ignore``, and a type that quietly turns into ``Any`` is caught.
Run from the project root: python tools/check_typing.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "typing"
CONFIG = FOLDER / "mypy.ini"

_EXPECTED = re.compile(r"#\s*([EN]):\s*(.*?)\s*(?=#\s*[EN]:|$)")
_REPORTED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<kind>error|note): (?P<message>.*)$")

Expectation = tuple[str, int, str, str]  # file name, line, "E" or "N", message


def expected_in(path: Path) -> Counter[Expectation]:
    """What the ``# E:`` and ``# N:`` comments of one script say mypy reports."""
    found: Counter[Expectation] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if "#" not in line:
            continue
        for kind, message in _EXPECTED.findall(line[line.index("#") :]):
            found[(path.name, number, kind, message)] += 1
    return found


def reported_in(output: str) -> Counter[Expectation]:
    """mypy's errors and notes, as expectations; the summary line is left out."""
    found: Counter[Expectation] = Counter()
    for line in output.splitlines():
        match = _REPORTED.match(line)
        if match:
            kind = "E" if match["kind"] == "error" else "N"
            found[(Path(match["path"]).name, int(match["line"]), kind, match["message"].strip())] += 1
    return found


def differences(expected: Counter[Expectation], reported: Counter[Expectation]) -> list[str]:
    """One line per missing or unexpected report, sorted by file and line."""
    missing = [("missing", item) for item in (expected - reported).elements()]
    extra = [("unexpected", item) for item in (reported - expected).elements()]
    return [
        f"{name}:{line}: {what} {'error' if kind == 'E' else 'note'}: {message}"
        for what, (name, line, kind, message) in sorted(missing + extra, key=lambda pair: pair[1][:2])
    ]


def main() -> int:
    from mypy import api

    scripts = sorted(FOLDER.glob("*.py"))
    out, err, _status = api.run(["--config-file", str(CONFIG), *map(str, scripts)])
    if err.strip():
        print(err, file=sys.stderr)
        return 2
    expected: Counter[Expectation] = Counter()
    for script in scripts:
        expected += expected_in(script)
    problems = differences(expected, reported_in(out))
    for problem in problems:
        print(problem)
    if problems:
        print(f"tests/typing: {len(problems)} difference(s) from the expected mypy output", file=sys.stderr)
        return 1
    print(f"tests/typing: {len(scripts)} scripts under mypy --strict, {sum(expected.values())} expected reports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
