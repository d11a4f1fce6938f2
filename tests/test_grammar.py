"""The grammar: one file, conflict-free, and every string it generates is handled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark
from lark.exceptions import UnexpectedInput

import srank
from srank import _lark_adapter as adapter
from srank._lark_adapter import fast_driver_active, grammar_text, parse_with_lark

ROOT = Path(__file__).resolve().parent.parent


def test_single_grammar_file() -> None:
    found = [path.relative_to(ROOT).as_posix() for path in ROOT.rglob("*.lark") if ".venv" not in path.parts]
    assert found == ["grammar/ranks.lark"]
    assert grammar_text() == (ROOT / "grammar" / "ranks.lark").read_text(encoding="utf-8")


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


def test_fast_driver_is_active() -> None:
    # If a Lark release changes the internals the driver reads, this fails
    # loudly instead of srank silently becoming three times slower.
    assert fast_driver_active()


def _lark_outcome(text: str) -> object:
    try:
        return parse_with_lark(text)
    except UnexpectedInput:
        return "lark-syntax-error"
    except Exception as error:
        return ("model-error", type(error).__name__, str(error))


def _driver_outcome(text: str) -> object:
    try:
        result = adapter._driver.parse(text) if adapter._driver is not None else None
    except Exception as error:
        return ("model-error", type(error).__name__, str(error))
    return "lark-syntax-error" if result is None else result


@given(st.one_of(from_lark(_GENERATOR), st.text(alphabet="GNSTXHUQCBMRA?,0123456789", max_size=12)))
def test_fast_driver_agrees_with_lark(text: str) -> None:
    assert _driver_outcome(text) == _lark_outcome(text)


def test_fast_driver_agrees_with_lark_on_the_tables() -> None:
    rows = (ROOT / "tests" / "data" / "valid_codes.csv").read_text(encoding="utf-8").splitlines()[1:]
    rows += (ROOT / "tests" / "data" / "invalid_codes.csv").read_text(encoding="utf-8").splitlines()[1:]
    texts = [row.split(",")[0] for row in rows if row and not row.startswith('"')]
    assert len(texts) > 250
    for text in texts:
        assert _driver_outcome(text) == _lark_outcome(text), text
