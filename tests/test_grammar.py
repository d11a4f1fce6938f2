"""The grammar: one file, conflict-free, and every string it generates is handled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
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


# -- replay plans: texts that differ only in their digits 1-5 share one plan --

_DIGIT_ORDERS = st.permutations("12345").map(lambda order: str.maketrans("12345", "".join(order)))


@given(st.one_of(from_lark(_GENERATOR), st.text(alphabet="GNSTXHUQCBMRA?,0123456789", max_size=12)), _DIGIT_ORDERS)
def test_replayed_plans_agree_with_lark(text: str, digit_order: dict[int, int]) -> None:
    # The first parse records the plan of the text's shape (when it parses);
    # the same shape with other digits replays it, errors included.
    _driver_outcome(text)
    other = text.translate(digit_order)
    assert _driver_outcome(other) == _lark_outcome(other)
    assert _driver_outcome(text) == _lark_outcome(text)


def test_replayed_errors_are_located_like_lark_errors() -> None:
    assert adapter._driver is not None
    adapter._driver.parse("G4T2")  # records the plan of G#T#
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse("G2T4")
    assert caught.value.span == (2, 4)
    assert caught.value.code == "infraspecific-more-secure"
    adapter._driver.parse("S3S4")
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse("S4S3")
    assert caught.value.span == (0, 4)
    assert caught.value.code == "range-reversed"


def test_plans_are_recorded_per_shape() -> None:
    assert adapter._driver is not None
    assert adapter._driver.replays
    adapter._driver.parse("G5T1T3Q")
    assert "G1T1T1Q" in adapter._driver._plans
    adapter._driver.parse("S2B,S4N")
    assert "S1B,S1N" in adapter._driver._plans


def test_no_plans_when_a_terminal_could_tell_digits_apart() -> None:
    # Shapes stand for texts only while every terminal treats 1-5 alike.
    grammar = grammar_text().replace("NUMBER: /[1-5]/", "NUMBER: /[1-4]|5/")
    driver = adapter._FastDriver(Lark(grammar, parser="lalr", lexer="contextual", transformer=adapter._ToModel()))
    assert not driver.replays
    assert str(driver.parse("G5T1")) == "G5T1"
    assert driver._plans == {}


def test_plan_table_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    assert adapter._driver is not None
    monkeypatch.setattr(adapter._driver, "_plans", {})
    monkeypatch.setattr(adapter, "_MAX_PLANS", 1)
    assert str(adapter._driver.parse("G5")) == "G5"
    assert str(adapter._driver.parse("S3B")) == "S3B"
    assert list(adapter._driver._plans) == ["G1"]


def test_long_codes_parse_without_a_plan() -> None:
    # 100 parts would nest a plan's calls deeper than Python's parser allows.
    assert adapter._driver is not None
    text = ",".join(["S1"] * 100)
    outcome = _driver_outcome(text)
    assert outcome == _lark_outcome(text)
    assert text.translate(adapter._SHAPE) not in adapter._driver._plans
