"""srank.pattern(): generated from the grammar, and equal to srank.is_valid wherever it is asked."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from srank import Level
from srank._rules import expected_level_rule
from srank.strategies import invalid_codes, multi_season_ranks, rank_codes, ranks

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
regress = pytest.importorskip("regress")  # Rust's regress: JavaScript's (ECMA-262) regular expressions, as JSON Schema


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_pattern", ROOT / "tools" / "gen_pattern.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_pattern"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


GEN = _generator()
LEVELS = [None, *Level]


def _matches(text: str, level: Level | None = None) -> bool:
    """The pattern's answer, which Python's re and ECMA-262 must give alike."""
    found = srank.pattern(level)
    python = re.search(found, text) is not None  # as Frictionless and Python's JSON Schema validators apply it
    ecma = regress.Regex(found).find(text) is not None
    assert python == ecma, (found, text)
    return python


def _expected(text: str, level: Level | None = None) -> bool:
    """What the pattern must say: strictly valid, and in a column of ``level`` where srank check accepts it."""
    if not srank.is_valid(text):
        return False
    return level is None or expected_level_rule(srank.parse(text), level) is None


# -- generated, and up to date -------------------------------------------------


def test_the_checked_in_patterns_are_what_the_grammar_gives() -> None:
    from srank._pattern_table import PATTERNS

    assert GEN.patterns() == PATTERNS, "run: python tools/gen_pattern.py"
    table = (ROOT / "src" / "srank" / "_pattern_table.py").read_text(encoding="utf-8")
    assert table == GEN.table_source(PATTERNS)


def test_the_generator_follows_the_grammar_it_is_given() -> None:
    grammar = GEN.Grammar(
        """
        start: part (COMMA part)* | other
        part: "A" NUMBER SUFFIX?
        other: "B" NUMBER
        NUMBER: /[1-3]/
        SUFFIX: "x" | "yz"
        COMMA: ","
        """
    )
    assert GEN.body(grammar, lambda code: True) == "(A([1-3](x|yz)?,A)*[1-3](x|yz)?|B[1-3])"
    # A rule outside the grammar (here: no suffix after a 2) is applied part by part.
    kept = GEN.body(grammar, lambda code: not (code[1:2] == "2" and len(code) > 2))
    assert kept == "(A((2|[13](x|yz)?),A)*(2|[13](x|yz)?)|B[1-3])"
    assert re.fullmatch(kept, "A1x,A2,B2") is None
    assert re.fullmatch(kept, "A1x,A2") is not None
    assert re.fullmatch(kept, "A2x") is None


def test_the_generator_refuses_what_it_cannot_turn_into_a_pattern() -> None:
    nested = GEN.Grammar('start: part\npart: "(" part ")" | "x"')
    with pytest.raises(GEN.GrammarShapeError, match="rule part is recursive"):
        GEN.body(nested, lambda code: True)
    piece = GEN.Grammar('start: piece piece\npiece: "x"')
    with pytest.raises(GEN.GrammarShapeError, match="not a whole code on its own"):
        GEN.body(piece, lambda code: True)


# -- the public function ---------------------------------------------------------


def test_pattern_takes_a_level_or_its_letter() -> None:
    assert srank.pattern("S") == srank.pattern(Level.SUBNATIONAL) == srank.pattern(" s ")
    assert srank.pattern("T") == srank.pattern("G")  # a T rank is the rounded global rank of a subspecies
    assert srank.pattern().startswith("^(")
    assert srank.pattern().endswith(")$(?!\\n)")
    with pytest.raises(ValueError, match="takes a level letter G, N, S or T"):
        srank.pattern("X")
    with pytest.raises(ValueError, match="not ''"):
        srank.pattern("")
    with pytest.raises(TypeError, match="not int"):
        srank.pattern(3)  # type: ignore[arg-type]


def test_the_national_pattern_reads_as_the_grammar_does() -> None:
    # Generated, not written by hand; this literal is what a reader of the docs sees for N ranks.
    value = r"(1(N[23]|\?)?|2(N[34]|\?)?|3(N[45]|\?)?|4(N5|\?)?|5\??|N[AR]|[HUX])"
    assert srank.pattern("N") == rf"^((N{value}[BMN]?,)*N{value}[BMN]?)$(?!\n)"


@pytest.mark.parametrize(
    ("code", "any_level", "levels"),
    [
        ("G5T1T3Q", True, "GT"),
        ("G3G4T5", True, "GT"),  # the T part is more secure: a warning, still valid
        ("T2", True, "GT"),
        ("GXC", True, "GT"),
        ("G5TXC", True, "GT"),
        ("S2B,S4N", True, "S"),
        ("SX,S1", True, "S"),  # no seasons: warnings
        ("SNA,SNA", True, "S"),
        ("S5T1T3", True, "S"),  # the USDA PLANTS form: a warning
        ("N3?B,N4N", True, "N"),
        ("G5Q", False, ""),  # reads, but the guidance calls it invalid
        ("G5T5Q", False, ""),
        ("G3G4T5Q", False, ""),  # Explorer publishes it, but Q on a 5 is an error
        ("G1C", False, ""),
        ("GUC", False, ""),
        ("G1G4", False, ""),
        ("G3G2", False, ""),
        ("G2G3?", False, ""),
        ("GX?", False, ""),
        ("S3Q", False, ""),
        ("S2B,", False, ""),
        ("S2B,N4N", False, ""),
        ("G5\n", False, ""),  # Python's $ alone would take it, as Frictionless applies the pattern
        ("S2B,S4N\n", False, ""),
        ("S2\n\n", False, ""),
        ("g5", False, ""),
        ("", False, ""),
    ],
)
def test_known_codes(code: str, any_level: bool, levels: str) -> None:
    assert _matches(code) is any_level
    assert "".join(level.value for level in Level if _matches(code, level)) == levels


# -- equal to is_valid on the official forms and on generated ones ---------------------


def _table(name: str) -> list[str]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return [row["text"] for row in csv.DictReader(handle)]


@pytest.mark.parametrize("name", ["valid_codes.csv", "invalid_codes.csv"])
def test_every_table_code(name: str) -> None:
    texts = _table(name)
    assert len(texts) > 60
    for level in LEVELS:
        wrong = [text for text in texts if _matches(text, level) is not _expected(text, level)]
        assert wrong == [], level


@given(st.one_of(ranks(findings=True).map(str), multi_season_ranks(findings=True).map(str), rank_codes()))
def test_every_readable_code(code: str) -> None:
    for level in LEVELS:
        assert _matches(code, level) is _expected(code, level)


@given(invalid_codes())
def test_no_unreadable_code(text: str) -> None:
    assert not _matches(text)


@st.composite
def _near_misses(draw: st.DrawFn) -> str:
    """A valid code with one character inserted, deleted or replaced: it may still read, or not."""
    code = draw(st.one_of(ranks(findings=True).map(str), multi_season_ranks(findings=True).map(str)))
    at = draw(st.integers(0, len(code)))
    char = draw(st.sampled_from("GNSTXHUQCBMRA?,12345 \n"))
    return draw(
        st.sampled_from([code[:at] + char + code[at:], code[:at] + code[at + 1 :], code[:at] + char + code[at + 1 :]])
    )


@given(st.one_of(_near_misses(), st.text("GNSTXHUQCBMRA?,12345", max_size=10)))
def test_near_misses_and_noise(text: str) -> None:
    for level in LEVELS:
        assert _matches(text, level) is _expected(text, level)


@given(st.one_of(ranks(findings=True), multi_season_ranks(findings=True)))
def test_a_rounded_rank_is_always_strictly_valid(rank: srank.Rank | srank.MultiSeasonRank) -> None:
    # docs/rank.schema.json holds "rounded" to the pattern.
    assert _matches(str(rank.rounded()))
