"""The parser a wheel ships ready-built (hatch_build.py) reads exactly what the grammar does.

A wheel holds ``srank/ranks.lark`` and ``srank/ranks.lark.pickle`` side by side;
the tests lay out the same two files in a temporary folder and point the
adapter at it. tools/check_dist.py checks a real wheel.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import lark
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

import srank
from srank import _lark_adapter as adapter
from srank._shipped import SHIPPED_SUFFIX
from srank.strategies import invalid_codes, rank_codes

DATA = Path(__file__).parent / "data"
GRAMMARS = (adapter.GRAMMAR_NAME, adapter.DISTRIBUTION_GRAMMAR)


def _ship(folder: Path, name: str) -> Path:
    """Write a grammar and its built parser into ``folder``, as a wheel holds them."""
    grammar = adapter.grammar_text(name)
    (folder / name).write_text(grammar, encoding="utf-8")
    shipped = folder / (name + SHIPPED_SUFFIX)
    with shipped.open("wb") as handle:
        adapter.save_parser(name, grammar, handle)
    return shipped


@pytest.fixture
def wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The adapter reads its files from a folder laid out as an installed wheel's srank/ is."""
    for name in GRAMMARS:
        _ship(tmp_path, name)
    monkeypatch.setattr(adapter, "_HERE", str(tmp_path))
    monkeypatch.setattr(adapter, "_parsers", {})
    monkeypatch.setattr(adapter, "_origins", {})
    return tmp_path


def test_a_wheel_uses_its_shipped_parsers(wheel: Path) -> None:
    assert adapter.parser_origin() == "shipped"
    assert adapter.parser_origin(adapter.DISTRIBUTION_GRAMMAR) == "shipped"
    rank = adapter.parse_code("G5T1T3Q")
    assert (type(rank).__name__, str(rank), str(rank.rounded())) == ("Rank", "G5T1T3Q", "T2")
    assert adapter.distribution_patterns()["CODE"] == "[A-Z]{2}"


def test_the_shipped_parser_builds_ranks_without_a_tree(wheel: Path) -> None:
    parser = adapter.shipped_parser()
    assert parser is not None
    assert type(parser.options.transformer).__name__ == "_ToModel"
    assert repr(parser.parse("S2B,S4N")) == "<MultiSeasonRank 'S2B,S4N'>"


def test_the_stamp_names_lark_and_the_grammar(wheel: Path) -> None:
    with (wheel / "ranks.lark.pickle").open("rb") as handle:
        stamp = handle.readline().decode()
    assert re.fullmatch(r"srank parser ranks\.lark: lark (\S+), sha256 [0-9a-f]{64}\n", stamp)
    assert f"lark {lark.__version__}," in stamp


def test_a_changed_grammar_retires_the_shipped_parser(wheel: Path) -> None:
    with (wheel / "ranks.lark").open("a", encoding="utf-8") as handle:
        handle.write("// one more comment\n")
    assert adapter.shipped_parser() is None
    assert adapter.parser_origin() == "grammar"
    assert str(adapter.parse_code("G3G4")) == "G3G4"


def test_another_lark_version_retires_the_shipped_parser(wheel: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lark, "__version__", "1.2.0.dev0")
    assert adapter.shipped_parser() is None
    assert adapter.shipped_parser(adapter.DISTRIBUTION_GRAMMAR) is None


def test_a_damaged_file_is_not_used(wheel: Path) -> None:
    shipped = wheel / "ranks.lark.pickle"
    stamp = shipped.read_bytes().split(b"\n", 1)[0]
    shipped.write_bytes(stamp + b"\n\x80\x05not a pickle")
    assert adapter.shipped_parser() is None
    assert adapter.parser_origin() == "grammar"


def test_without_a_file_the_parser_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ranks.lark").write_text(adapter.grammar_text(), encoding="utf-8")
    monkeypatch.setattr(adapter, "_HERE", str(tmp_path))
    assert adapter.shipped_parser() is None


def test_a_source_checkout_ships_no_parser() -> None:
    # Editable installs and the source tree build the parser from grammar/: the grammar may change at any time.
    source = Path(adapter.__file__).parent
    assert not (source / "ranks.lark.pickle").exists()
    assert not (source / "distributions.lark.pickle").exists()


# -- the shipped parser and the grammar agree on every code -----------------------------------------------------

_VALUES = ["1", "2", "3", "4", "5", "1?", "2?", "3?", "4?", "5?", "X", "H", "U", "NR", "NA", "X?", "U?"]
_RANGES = ["1{L}2", "1{L}3", "2{L}3", "2{L}4", "3{L}4", "3{L}5", "4{L}5", "1{L}4", "3{L}2", "2{L}2", "U{L}H"]


def _values(letter: str) -> list[str]:
    return _VALUES + [written.format(L=letter) for written in _RANGES]


def _every_form() -> Iterator[str]:
    """Every official single-season form, two-part N and S codes, and near misses of each."""
    t_parts = [""] + [f"T{value}{captive}" for value in _values("T") for captive in ("", "C")]
    for value, captive, t_part, questionable in itertools.product(_values("G"), ("", "C"), t_parts, ("", "Q")):
        yield f"G{value}{captive}{t_part}{questionable}"
    for value, captive, questionable in itertools.product(_values("T"), ("", "C"), ("", "Q")):
        yield f"T{value}{captive}{questionable}"
        yield f"T{value}{captive}{questionable}B"
    for value, t_part, questionable in itertools.product(_values("S"), t_parts[1::3], ("", "Q")):
        yield f"S{value}{t_part}{questionable}"
    for letter in "NS":
        seasonal = [f"{letter}{value}{season}" for value in _values(letter) for season in ("", "B", "N", "M")]
        yield from seasonal
        yield from (f"{first},{second}" for first, second in itertools.product(seasonal[::2], seasonal[1::3]))
        yield from (f"{part}C" for part in seasonal)
        yield from (f"{part}Q" for part in seasonal)


def _fixture_codes() -> list[str]:
    codes = []
    for name, column in (("valid_codes.csv", "text"), ("invalid_codes.csv", "text"), ("rounding.csv", "raw")):
        with (DATA / name).open(newline="", encoding="utf-8") as handle:
            codes += [row[column] for row in csv.DictReader(handle)]
    return codes


def _outcome(text: str) -> tuple[object, ...]:
    try:
        rank = adapter.parse_code(text)
    except srank.InvalidRankError as error:
        return ("error", error.code, str(error), error.span, tuple(error.expected), error.hint)
    return (type(rank).__name__, str(rank), tuple(str(finding) for finding in rank.findings))


@contextmanager
def _using(parser: Lark) -> Iterator[None]:
    saved = adapter._parsers.get(adapter.GRAMMAR_NAME)
    adapter._parsers[adapter.GRAMMAR_NAME] = parser
    try:
        yield
    finally:
        if saved is None:
            del adapter._parsers[adapter.GRAMMAR_NAME]
        else:
            adapter._parsers[adapter.GRAMMAR_NAME] = saved


def _saved_and_loaded() -> Lark:
    buffer = io.BytesIO()
    adapter.save_parser(adapter.GRAMMAR_NAME, adapter.grammar_text(), buffer)
    buffer.seek(0)
    buffer.readline()  # the stamp
    return Lark.load(buffer)


_BUILT = adapter.build_parser()
_LOADED = _saved_and_loaded()


def test_every_form_reads_the_same_through_both_parsers(wheel: Path) -> None:
    shipped = adapter.shipped_parser()
    assert shipped is not None
    codes = sorted({*_every_form(), *_fixture_codes()})
    with _using(_BUILT):
        built = [_outcome(code) for code in codes]
    with _using(shipped):
        loaded = [_outcome(code) for code in codes]
    assert loaded == built
    readable = sum(outcome[0] != "error" for outcome in built)
    assert readable > 4000  # both kinds of outcome are well represented
    assert len(codes) - readable > 4000


@given(st.one_of(rank_codes(), invalid_codes(), from_lark(Lark(adapter.grammar_text(), parser="lalr"))))
def test_generated_codes_read_the_same_through_both_parsers(text: str) -> None:
    with _using(_BUILT):
        built = _outcome(text)
    with _using(_LOADED):
        loaded = _outcome(text)
    assert loaded == built


def test_a_fingerprint_is_the_sha256_of_the_text() -> None:
    from srank._shipped import fingerprint

    assert fingerprint("start: CODE") == "sha256 6f785aa910e40184aea2db1632fb1e9c903664ee094ac1e639007a15f8def9ee"
