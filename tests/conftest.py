from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

import srank
from srank.cli import main

if TYPE_CHECKING:
    from explorer_server import Replay

settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line speaks the environment's language: every test runs in an English locale unless it says."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def srank_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run ``main(argv)`` in-process: (exit status, stdout, stderr); ``stdin`` is bytes."""

    def run(*argv: str | Path, stdin: bytes | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        status = main([str(arg) for arg in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return status, out, err

    return run


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """urllib would send requests for 127.0.0.1 to a proxy named in the environment."""
    from explorer_server import PROXY_VARIABLES

    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def replay(no_proxy: None) -> Iterator[tuple[Replay, str]]:
    """A local server on 127.0.0.1 replaying recorded Explorer answers (tests/explorer_server.py), and its API's URL."""
    from explorer_server import serve

    with serve() as running:
        yield running


def write_workbook(path: Path, rows: list[list[object]], title: str = "Ranks") -> Path:
    """An .xlsx file of one sheet holding ``rows``; the test is skipped where openpyxl is not installed."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


CHANGES = Path(__file__).parent / "data" / "changes.csv"


@pytest.fixture
def render_changes() -> Callable[[srank.Language], list[str]]:
    """Render, in a language, the change of every pair of tests/data/changes.csv and a distribution's changes.

    Between them they use every entry of the table's [change] section; the
    sentence cache is emptied first, so every entry is looked up again.
    """
    import csv

    import srank
    from srank._change_text import describe_change

    def render(lang: srank.Language) -> list[str]:
        describe_change.cache_clear()
        with CHANGES.open(encoding="utf-8", newline="") as file:
            rows = list(csv.DictReader(file))
        texts = [
            srank.compare(row["old"] or None, row["new"] or None, lenient=bool(row["lenient"])).describe(lang=lang)
            for row in rows
        ]
        old = "United States (N4): MD (S2), VA (S3B,S4N)"
        new = "United States (N4): MD (S1), VA (S3B), NY (S3)"
        texts += [change.describe(lang=lang) for change in srank.compare_distributions(old, new)]
        return texts

    return render
