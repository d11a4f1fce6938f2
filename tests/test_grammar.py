"""The grammar: one file, conflict-free, and every string it generates is handled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis.extra.lark import from_lark
from lark import Lark

import srank
from srank._lark_adapter import grammar_text

ROOT = Path(__file__).resolve().parent.parent


def test_the_grammars_live_in_grammar_only() -> None:
    found = sorted(
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("*.lark")
        if not any(part.startswith(".venv") for part in path.parts)  # .venv, and .venv-3.12 etc. (.ci/run)
    )
    assert found == ["grammar/distributions.lark", "grammar/ranks.lark"]
    assert grammar_text() == (ROOT / "grammar" / "ranks.lark").read_text(encoding="utf-8")
    assert grammar_text("distributions.lark") == (ROOT / "grammar" / "distributions.lark").read_text(encoding="utf-8")


def test_the_distribution_grammar_has_no_conflicts() -> None:
    Lark(grammar_text("distributions.lark"), parser="lalr", start=["explorer", "biotics"], strict=True)


def test_grammar_has_no_conflicts_or_collisions() -> None:
    # Lark's strict mode raises on shift/reduce conflicts and on terminals that
    # can match the same text (checked with interegular).
    Lark(grammar_text(), parser="lalr", strict=True)


_GENERATOR = Lark(grammar_text(), parser="lalr")


@given(from_lark(_GENERATOR))
def test_every_generated_string_parses_or_fails_cleanly(text: str) -> None:
    for lenient in (False, True):
        try:
            rank = srank.parse(text, lenient=lenient)
        except srank.InvalidRankError:
            continue
        assert str(rank) == text


def test_import_does_not_load_lark() -> None:
    code = "import sys, srank; srank.Rank; print('lark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
