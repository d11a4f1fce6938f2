"""The documentation's sources: every example is executed, every page is reachable.

The build itself (HTML with warnings as errors, and the doctests) runs in CI;
these checks keep an example from silently escaping it.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(DOCS.glob("*.md"))
FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")


def _untested_examples(text: str) -> list[int]:
    """Line numbers of '>>>' prompts that are not inside a {doctest} block."""
    found: list[int] = []
    fence: str | None = None
    tested = False
    for number, line in enumerate(text.splitlines(), start=1):
        match = FENCE.match(line.strip())
        if match and fence is None:
            fence, tested = match.group(1), match.group(2).strip().startswith("{doctest}")
        elif match and line.strip() == fence:
            fence = None
        elif line.lstrip().startswith(">>>") and not (fence and tested):
            found.append(number)
    return found


def test_the_checker_sees_untested_examples() -> None:
    page = "```python\n>>> 1 + 1\n2\n```\n```{doctest}\n>>> 1 + 1\n2\n```\n>>> loose\n"
    assert _untested_examples(page) == [2, 9]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_example_is_a_doctest(page: Path) -> None:
    assert _untested_examples(page.read_text(encoding="utf-8")) == []


def test_every_page_is_in_the_toctree() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    toctree = index.split("```{toctree}", 1)[1].split("```", 1)[0]
    listed = {line.strip() for line in toctree.splitlines() if line.strip() and not line.startswith(":")}
    pages = {page.stem for page in PAGES if page.stem != "index"}
    assert pages <= listed
    assert {"getting-started", "reading-codes", "cookbook", "cli", "api", "performance", "changelog"} <= listed


def _generator(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_finding_table_lists_the_whole_catalogue(tmp_path: Path) -> None:
    gen_findings = _generator("gen_findings")
    from srank._findings import CATALOGUE

    out = tmp_path / "findings.md"
    gen_findings.main(out)
    rows = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == list(CATALOGUE)


def test_cli_reference_is_each_commands_help(tmp_path: Path) -> None:
    from srank.cli._arguments import build_parsers
    from srank.cli._registry import COMMANDS

    out = tmp_path / "cli.md"
    _generator("gen_cli").main(out)
    page = out.read_text(encoding="utf-8")
    sections = re.findall(r"^## `(.+)`$", page, flags=re.MULTILINE)
    assert sections == [
        "srank",
        "srank explain",
        "srank round",
        "srank check",
        "srank distribution",
        "srank explorer",
        "srank map",
        "srank diff",
    ]
    actions = re.findall(r"^### `(.+)`$", page, flags=re.MULTILINE)
    assert actions == ["srank explorer read", "srank explorer search"]
    assert "usage: srank explorer search [-h]" in page
    for option in ("--column", "--lenient", "--format", "--delimiter", "--style", "--json"):
        assert option in page
    # The same text as --help prints, whatever the terminal width.
    assert "usage: srank [-h]" in page
    description = build_parsers(COMMANDS)[0].description
    assert description is not None
    assert description in page


def test_message_table_lists_every_message_in_every_language(tmp_path: Path) -> None:
    from srank._english import MESSAGES

    out = tmp_path / "messages.md"
    _generator("gen_messages").main(out)
    rows = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| `") and "." in line]
    ids = [row.split("`")[1] for row in rows if row.split("`")[1] in MESSAGES]
    assert ids == list(MESSAGES)
    range_row = next(row for row in rows if row.startswith("| `rule.range-reversed` |"))
    assert range_row == (
        "| `rule.range-reversed` | Range {low}-{high} is reversed | El intervalo {low}-{high} está invertido"
        " | La plage {low}-{high} est inversée |"
    )


def test_intersphinx_inventories_are_written_offline(tmp_path: Path) -> None:
    import zlib

    mapping = _generator("gen_inventories").main(tmp_path)
    assert set(mapping) == {"python", "pandas", "polars", "pandera", "attrs", "hypothesis"}
    site, path = mapping["pandas"]
    assert site == "https://pandas.pydata.org/docs"
    data = Path(path).read_bytes()
    header = data.split(b"\n", 4)
    assert header[:4] == [
        b"# Sphinx inventory version 2",
        b"# Project: pandas",
        b"# Version: 2",
        b"# The remainder of this file is compressed using zlib.",
    ]
    entries = zlib.decompress(header[4]).decode().splitlines()
    assert "pandas.Series py:class 1 reference/api/pandas.Series.html#pandas.Series -" in entries
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    for extension in ("sphinx.ext.viewcode", "sphinx.ext.intersphinx", "sphinx_copybutton", "sphinx.ext.napoleon"):
        assert f'"{extension}"' in conf
    assert "nitpicky = True" in conf
