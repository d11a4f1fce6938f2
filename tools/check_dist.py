"""Build the sdist, build the wheel *from that sdist*, check both, and use the wheel.

This proves the grammar (kept once, in grammar/) and the package data reach a
user however srank is installed, and that the sdist is enough to test srank: a
part of the test suite runs from the unpacked sdist against the installed wheel,
as a distribution packager would run it. Run from the project root:
python tools/check_dist.py
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The description tables and message catalogues are named as well as globbed below, so deleting one fails here.
SDIST_REQUIRED = [
    "grammar/ranks.lark",
    "grammar/distributions.lark",
    "src/srank/places/places.toml",
    "src/srank/palette.toml",
    "src/srank/cli/examples.json",
    "src/srank/py.typed",
    "src/srank/__init__.py",
    "src/srank/descriptions/en.toml",
    "src/srank/descriptions/es.toml",
    "src/srank/descriptions/fr.toml",
    "src/srank/messages/es.toml",
    "src/srank/messages/fr.toml",
    "src/srank/status_index/probabilities.toml",
    "hatch_build.py",
    "LICENSE",
    "pyproject.toml",
    "docs/changelog.md",
    "docs/rank.schema.json",
    "tests/conftest.py",
    "tests/test_model.py",
    "tests/data/valid_codes.csv",
    "tests/data/explorer/README.md",
]
WHEEL_REQUIRED = [
    "srank/ranks.lark",
    "srank/distributions.lark",
    # Each parser, ready-built by hatch_build.py, so that the first parse need not build it.
    "srank/ranks.lark.pickle",
    "srank/distributions.lark.pickle",
    "srank/places/places.toml",
    "srank/palette.toml",
    "srank/cli/examples.json",
    "srank/py.typed",
    "srank/__init__.py",
    "srank/descriptions/en.toml",
    "srank/descriptions/es.toml",
    "srank/descriptions/fr.toml",
    # Each description table, ready-checked by hatch_build.py, so that the first describe need not read TOML.
    "srank/descriptions/en.toml.pickle",
    "srank/descriptions/es.toml.pickle",
    "srank/descriptions/fr.toml.pickle",
    "srank/messages/es.toml",
    "srank/messages/fr.toml",
    "srank/status_index/probabilities.toml",
]
DATA_FILES = sorted(
    path.relative_to(ROOT / "src").as_posix()
    for path in (ROOT / "src" / "srank").rglob("*")
    if path.is_file() and path.suffix in {".toml", ".json"}
)
CACHES = (
    "__pycache__",
    ".pyc",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "docs/_build",
)
# The wheel is what users import: no tests, no docs.
WHEEL_FORBIDDEN = (*CACHES, "tests/", "docs/")

# Run from the unpacked sdist with the wheel installed: the model, the semantics, the
# errors, the JSON form against the shipped schema, the command line on the golden files.
SDIST_TESTS = [
    "tests/test_model.py",
    "tests/test_semantics.py",
    "tests/test_errors.py",
    "tests/test_json_form.py",
    "tests/test_cli_golden.py",
]
SDIST_TEST_REQUIREMENTS = ["pytest>=8", "jsonschema>=4.18"]  # hypothesis comes with the extra

# The wheel's metadata must register the hypothesis plugin and carry the classifiers.
ENTRY_POINT = "srank = srank._hypothesis_plugin:_hypothesis_setup_hook"
CLASSIFIER = "Classifier: Framework :: Hypothesis"

# With the hypothesis extra installed, st.from_type(srank.Rank) draws ranks.
HYPOTHESIS_SMOKE = """
import sys
import srank
assert "hypothesis" not in sys.modules, "import srank imported hypothesis"
from hypothesis import find, settings, strategies as st
rank = find(st.from_type(srank.Rank), lambda rank: True, settings=settings(database=None))
assert str(rank) == "G5", rank
print("hypothesis entry point registers srank.Rank; simplest draw", rank)
"""

SMOKE = """
import srank
rank = srank.parse("S5T1T3Q")
assert str(rank) == "S5T1T3Q", rank
assert srank.parse("N5B,N4N,N5M").parts[1].season is srank.Season.NONBREEDING
assert srank.describe("G5T1T3Q").startswith("Secure; subspecies or variety"), srank.describe("G5T1T3Q")
assert srank.available_languages() == ("en", "es", "fr"), srank.available_languages()
import re
assert re.fullmatch(srank.pattern("S"), "S2B,S4N") and not re.fullmatch(srank.pattern(), "G5Q"), srank.pattern()
assert srank.describe("S2", lang="fr") == "En p\\u00e9ril", ascii(srank.describe("S2", lang="fr"))
said = srank.parse("G2T4").findings[0].message_in("es-MX")  # the message catalogues are packaged
assert said.startswith("El rango infraespec\\u00edfico T4"), ascii(said)
change = str(srank.compare("G3", "G2"))
assert change == "G3 \\u2192 G2, uplisted (more imperiled)", ascii(change)
assert srank.status_index_interval(["S1S3", "SH"], samples=10).counted == 2  # the probability table is packaged
print("wheel from sdist parses", repr(rank))
"""

# The installed wheel parses with the parsers it ships, not ones built from the grammar in the process.
SHIPPED_SMOKE = """
import sys
import srank
from srank import _lark_adapter
srank.parse("G5")
srank.parse_distribution("United States (N5): MD (S3)")
origins = {name: _lark_adapter.parser_origin(name) for name in ("ranks.lark", "distributions.lark")}
assert origins == {"ranks.lark": "shipped", "distributions.lark": "shipped"}, origins
print("wheel loads its shipped parsers:", origins)
from srank import _description_tables
tables = {lang: _description_tables.table_origin(lang) for lang in srank.available_languages()}
assert set(tables.values()) == {"shipped"}, tables
assert srank.describe("G5T1T3Q", lang="fr")
print("wheel loads its shipped tables:", tables)
"""


def _fail(message: str) -> None:
    print(f"check_dist: {message}", file=sys.stderr)
    sys.exit(1)


def _check_names(kind: str, names: list[str], required: list[str], forbidden: tuple[str, ...]) -> None:
    for name in required:
        if name not in names:
            _fail(f"{kind} lacks {name}")
    for name in names:
        if any(bad in name for bad in forbidden):
            _fail(f"{kind} must not contain {name}")
    print(f"{kind}: {len(names)} files, required present, none of {', '.join(forbidden)}")


def _check_wheel_metadata(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        info = {Path(name).name: name for name in archive.namelist() if ".dist-info/" in name}
        entry_points = archive.read(info["entry_points.txt"]).decode() if "entry_points.txt" in info else ""
        meta = archive.read(info["METADATA"]).decode()
    if "[hypothesis]" not in entry_points or ENTRY_POINT not in entry_points:
        _fail(f"wheel does not register the hypothesis entry point {ENTRY_POINT!r}")
    if CLASSIFIER not in meta.splitlines():
        _fail(f"wheel metadata lacks {CLASSIFIER!r}")
    print("wheel: hypothesis entry point and classifiers present")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "dist"
        # python -m build makes the sdist, then builds the wheel from the unpacked sdist.
        subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], check=True)
        (sdist,) = out.glob("*.tar.gz")
        (wheel,) = out.glob("*.whl")
        with tarfile.open(sdist) as archive:
            prefix = archive.getnames()[0].split("/")[0] + "/"
            sdist_names = [name.removeprefix(prefix) for name in archive.getnames() if "/" in name]
        _check_names("sdist", sdist_names, SDIST_REQUIRED + [f"src/{name}" for name in DATA_FILES], CACHES)
        with zipfile.ZipFile(wheel) as archive:
            wheel_names = archive.namelist()
        _check_names("wheel", wheel_names, WHEEL_REQUIRED + DATA_FILES, WHEEL_FORBIDDEN)
        _check_wheel_metadata(wheel)

        env = Path(scratch) / "venv"
        venv.create(env, with_pip=True)
        python = env / "bin" / "python"
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
        # Run from an empty folder so the source tree cannot be imported by accident.
        for smoke in (SMOKE, SHIPPED_SMOKE):
            result = subprocess.run([str(python), "-c", smoke], cwd=scratch, check=True, capture_output=True, text=True)
            print(result.stdout.strip())
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", f"srank[hypothesis] @ {wheel.as_uri()}"], check=True
        )
        result = subprocess.run(
            [str(python), "-c", HYPOTHESIS_SMOKE], cwd=scratch, check=True, capture_output=True, text=True
        )
        print(result.stdout.strip())
        location = subprocess.run(
            [str(python), "-c", "import srank; print(srank.__file__)"],
            cwd=scratch,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if not location.startswith(str(env)):
            _fail(f"srank was imported from {location}, not from the clean environment")
        _test_from_sdist(sdist, python, Path(scratch) / "unpacked")


def _test_from_sdist(sdist: Path, python: Path, into: Path) -> None:
    """Unpack the sdist and run part of its test suite against the installed wheel."""
    with tarfile.open(sdist) as archive:
        archive.extractall(into, filter="data")
    (root,) = into.iterdir()
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", *SDIST_TEST_REQUIREMENTS], check=True)
    # The unpacked tree holds src/srank, but not on the path: the tests must import the wheel.
    location = subprocess.run(
        [str(python), "-c", "import srank; print(srank.__file__)"], cwd=root, check=True, capture_output=True, text=True
    ).stdout.strip()
    if str(root) in location:
        _fail(f"the sdist's tests imported srank from the unpacked source ({location}), not the wheel")
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *SDIST_TESTS],
        check=False,
        cwd=root,
        capture_output=True,
        text=True,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    if result.returncode != 0:
        print(result.stdout[-5000:], result.stderr[-2000:], sep="\n", file=sys.stderr)
        _fail(f"the tests from the sdist failed: {summary}")
    print(f"tests from the unpacked sdist, against the wheel: {summary}")


if __name__ == "__main__":
    main()
