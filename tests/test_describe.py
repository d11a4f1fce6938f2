"""Readable text: the description table, explain() and the three describe() styles."""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from pictures_support import draw_every_picture
from srank import _description_tables, _languages
from srank._describe import definition_line
from srank._description_tables import Key, Table, load, read_table, required_keys
from srank._legacy import LEGACY_CODES
from srank.strategies import multi_season_ranks, ranks

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
EN_TOML = ROOT / "src" / "srank" / "descriptions" / "en.toml"


# -- golden: the USDA PLANTS seed pages -----------------------------------------


def _status_line(page: str) -> str:
    """The golden Status: line of a seed page (tests/data holds a copy of those lines)."""
    rows = (DATA / "seed_status_lines.tsv").read_text(encoding="utf-8").splitlines()
    (line,) = [row.split("\t", 1)[1] for row in rows if row.startswith(page + "\t")]
    return line


@pytest.mark.parametrize(
    ("page", "code"),
    [("000_4dff24e650cf493b.txt", "S5T1T3"), ("002_94889cb91e0a0fe7.txt", "S5T1T3Q")],
)
def test_plants_style_reproduces_the_seed_status_line(page: str, code: str) -> None:
    expected = _status_line(page)
    assert expected.startswith(f"{code}: ")
    assert srank.describe(code, style="plants") == expected
    assert srank.describe(srank.parse(code), style="plants") == expected
    assert srank.describe(srank.parse(code.lower(), lenient=True), style="plants") == expected


# -- verbatim short and long text ------------------------------------------------

_CASES = tomllib.loads((DATA / "descriptions.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", _CASES, ids=[case["code"] for case in _CASES])
def test_short_and_long_text_verbatim(case: dict[str, object]) -> None:
    rank = srank.parse(str(case["code"]), lenient=bool(case.get("lenient", False)))
    assert srank.describe(rank) == case["short"]
    assert srank.describe(rank, style="long") == case["long"]


def test_the_verbatim_cases_are_a_dozen_or_more() -> None:
    assert len(_CASES) >= 12


@pytest.mark.parametrize(
    ("code", "short"),
    [
        ("GX", "Presumed Extinct"),
        ("GH", "Possibly Extinct"),
        ("TX", "Subspecies or variety Presumed Extinct"),
        ("NX", "Presumed Extirpated"),
        ("SH", "Possibly Extirpated"),
        ("GHC", "Possibly Extinct (captive or cultivated only)"),
        ("G5TXC", "Secure; subspecies or variety Presumed Extinct (captive or cultivated only)"),
        ("S2?B,S3N", "Breeding: Imperiled (inexact); Nonbreeding: Vulnerable"),
        ("SNRM", "Migrant: Not Yet Ranked"),
    ],
)
def test_short_wording_per_level_and_qualifier(code: str, short: str) -> None:
    assert srank.describe(code) == short


# -- explain -----------------------------------------------------------------------


def test_explain_lists_components_in_reading_order() -> None:
    entries = srank.explain("G5T1T3Q")
    assert [(entry.component, entry.code) for entry in entries] == [
        ("level", "G"),
        ("value", "G5"),
        ("level", "T"),
        ("range", "T1T3"),
        ("value", "T1"),
        ("value", "T3"),
        ("qualifier", "Q"),
    ]
    assert entries[3].label == "Critically Imperiled to Vulnerable"
    assert all(isinstance(entry, srank.Explanation) for entry in entries)


def test_explain_takes_each_season_in_turn() -> None:
    entries = srank.explain(srank.parse("S2B,S4N"))
    assert [(entry.component, entry.code, entry.label) for entry in entries] == [
        ("level", "S", "Subnational"),
        ("value", "S2", "Imperiled"),
        ("season", "B", "Breeding"),
        ("value", "S4", "Apparently Secure"),
        ("season", "N", "Nonbreeding"),
    ]


def test_explanation_is_frozen() -> None:
    entry = srank.explain("G1")[0]
    with pytest.raises(AttributeError):
        entry.label = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("legacy", sorted(LEGACY_CODES))
def test_lenient_legacy_codes_explain_their_original_code(legacy: str) -> None:
    rank = srank.parse(legacy, lenient=True)
    entries = srank.explain(rank)
    assert (entries[0].component, entries[0].code) == ("legacy", legacy)
    assert LEGACY_CODES[legacy].modern in entries[0].definition
    assert [entry.code for entry in entries[1:]] == [entry.code for entry in srank.explain(str(rank))]
    for style in srank._describe.STYLES:
        assert srank.describe(rank, style=style)


def test_legacy_part_of_a_multi_season_code() -> None:
    rank = srank.parse("S2B,SZN", lenient=True)
    assert (
        srank.describe(rank)
        == "Breeding: Imperiled; Nonbreeding: Not Applicable; legacy code SZN, Transitory Nonbreeding"
    )


# -- every official form renders ----------------------------------------------------


def _check_renders(rank: srank.Rank | srank.MultiSeasonRank) -> None:
    code = str(rank)
    entries = srank.explain(rank)
    short = srank.describe(rank)
    long = srank.describe(rank, style="long")
    plants = srank.describe(rank, style="plants")
    for text in [short, long, plants, *(entry.label for entry in entries), *(entry.definition for entry in entries)]:
        assert text
        assert text == text.strip()
        assert "{" not in text
        assert "}" not in text
    assert "\n" not in short
    assert len(long.split("\n\n")) == len(entries)
    assert plants.startswith(f"{code}: ")
    assert plants.endswith(" ⚘")
    is_range = any(entry.component == "range" for entry in entries)
    assert ("Status is uncertain" in plants) == is_range


@given(st.one_of(ranks(), multi_season_ranks()))
def test_every_drawn_form_renders_in_every_style(rank: srank.Rank | srank.MultiSeasonRank) -> None:
    _check_renders(rank)


_EXTINCT = (srank.Grade.PRESUMED_EXTINCT, srank.Grade.POSSIBLY_EXTINCT)
_NUMBERS = [grade for grade in srank.Grade if grade.number is not None]


def _all_values() -> list[srank.Single | srank.Range]:
    values: list[srank.Single | srank.Range] = [srank.Single(grade) for grade in srank.Grade]
    values += [srank.Single(grade, inexact=True) for grade in _NUMBERS]
    values += [
        srank.Range(low, high)
        for low, high in itertools.combinations(_NUMBERS, 2)
        if _NUMBERS.index(high) - _NUMBERS.index(low) <= 2
    ]
    values.append(srank.Range(srank.Grade.UNRANKABLE, srank.Grade.POSSIBLY_EXTINCT))  # GUGH (global only)
    return values


def _all_single_season_ranks() -> Iterator[srank.Rank]:
    """Every G, N, S and T form (and the USDA PLANTS S+T form) with every qualifier and season."""
    values = _all_values()
    infras = [None, *(srank.Infraspecific(value) for value in values)]
    infras += [srank.Infraspecific(srank.Single(grade), captive=True) for grade in _EXTINCT]
    flags = (False, True)
    for level, value, captive, questionable, season in itertools.product(
        srank.Level, values, flags, flags, (None, *srank.Season)
    ):
        for infra in infras if level in (srank.Level.GLOBAL, srank.Level.SUBNATIONAL) else [None]:
            try:
                yield srank.Rank(
                    level, value, captive=captive, infraspecific=infra, questionable=questionable, season=season
                )
            except srank.InvalidRankError:
                continue


def test_every_single_season_form_renders_in_every_style() -> None:
    forms = list(_all_single_season_ranks())
    assert {rank.level for rank in forms} == set(srank.Level)
    assert len(forms) > 1000
    for rank in forms:
        _check_renders(rank)


def _valid_rows() -> Iterator[tuple[str, bool]]:
    with (DATA / "valid_codes.csv").open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            yield row["text"], row["mode"] == "lenient"


@pytest.mark.parametrize(("text", "lenient"), list(_valid_rows()))
def test_every_code_in_the_valid_table_renders(text: str, lenient: bool) -> None:
    _check_renders(srank.parse(text, lenient=lenient))


def _every_component_code() -> Iterator[tuple[str, bool]]:
    """A code for every level, value, range, qualifier, season and legacy code."""
    numbers = ["1", "2", "3", "4", "5"]
    statuses = ["X", "H", "U", "NR", "NA"]
    for level in "GNST":
        for value in [*numbers, *statuses, *(n + "?" for n in numbers), "1" + level + "3"]:
            yield level + value, False
    for letter in "NS":
        for season in "BNM":
            yield f"{letter}2{season}", False
    yield from [("GXC", False), ("GHC", False), ("G3Q", False), ("G5TXC", False), ("G5T2?", False)]
    yield from [("S2B,S4N", False), ("GUGH", False)]
    for legacy in LEGACY_CODES:
        yield legacy, True


def test_every_table_entry_is_used(monkeypatch: pytest.MonkeyPatch, render_changes: Callable[[str], list[str]]) -> None:
    used: set[Key] = set()
    original = Table.text

    def recording(self: Table, *key: str) -> str:
        used.add(key)
        return original(self, *key)

    monkeypatch.setattr(Table, "text", recording)
    for text, lenient in _every_component_code():
        rank = srank.parse(text, lenient=lenient)
        for entry in srank.explain(rank):
            definition_line(entry)
        for style in srank._describe.STYLES:
            srank.describe(rank, style=style)
    render_changes("en")
    draw_every_picture("en")
    assert used == set(load("en").texts), "every entry should be used, and only entries in the table"


def test_the_table_has_exactly_the_required_entries() -> None:
    assert set(load("en").texts) == required_keys()


def test_value_definitions_give_the_typical_thresholds() -> None:
    table = load("en")
    thresholds = {
        "1": ["5 or fewer occurrences", "fewer than 1,000 individuals"],
        "2": ["6 to 20 occurrences", "1,000 to 3,000 individuals"],
        "3": ["21 to 100 occurrences", "3,000 to 10,000 individuals"],
        "4": ["more than 100 occurrences", "more than 10,000 individuals"],
    }
    for number, phrases in thresholds.items():
        for phrase in phrases:
            assert phrase in table.text("value", number, "definition")


# -- the table file is checked on load ---------------------------------------------


def test_a_table_missing_an_entry_is_rejected() -> None:
    text = EN_TOML.read_text(encoding="utf-8").replace('[season.M]\nlabel = "Migrant"\n', "[season.M]\n")
    with pytest.raises(srank.SrankError, match=r"lacks entries: season\.M\.label"):
        read_table("en", text, "en.toml")


def test_a_table_with_dead_text_is_rejected() -> None:
    text = EN_TOML.read_text(encoding="utf-8") + '\n[season.W]\nlabel = "Winter"\ndefinition = "Winter."\n'
    with pytest.raises(srank.SrankError, match=r"never uses: season\.W\.definition, season\.W\.label"):
        read_table("en", text, "en.toml")


def test_a_table_with_a_number_instead_of_text_is_rejected() -> None:
    text = EN_TOML.read_text(encoding="utf-8").replace('label = "Migrant"', "label = 3")
    with pytest.raises(srank.SrankError, match=r"season\.M\.label must be text"):
        read_table("en", text, "en.toml")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('label = "{low} to {high}"', 'label = "{low} to {top}"', r"range\.label uses unknown placeholders top"),
        (
            'label = "Migrant"',
            'label = "Migrant {value}"',
            r"season\.M\.label uses unknown placeholders value; allowed: none",
        ),
        ('label = "Migrant"', 'label = "Migrant {"', r"season\.M\.label has a broken \{placeholder\}"),
    ],
)
def test_a_table_with_a_wrong_placeholder_is_rejected(old: str, new: str, message: str) -> None:
    text = EN_TOML.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(srank.SrankError, match=message):
        read_table("en", text.replace(old, new, 1), "en.toml")


def test_a_broken_toml_file_is_rejected() -> None:
    with pytest.raises(srank.SrankError, match="not valid TOML"):
        read_table("en", "[level", "en.toml")


def test_a_second_language_is_only_another_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "xx.toml"
    english = EN_TOML.read_text(encoding="utf-8").split("\n[plants]\n", 1)[0]  # USDA PLANTS: English only
    other.write_text(english.replace('label = "Imperiled"', 'label = "Gefährdet"', 1), encoding="utf-8")
    files = {"en": EN_TOML, "xx": other}
    monkeypatch.setattr(_description_tables, "language_file", lambda folder, code: str(files[code]))
    # The language list has one home, srank._languages (the files of srank/descriptions).
    monkeypatch.setattr(_languages, "available_languages", lambda: ("en", "xx"))
    _description_tables._load_cached.cache_clear()
    _languages._closest.cache_clear()
    try:
        assert srank.describe("G2", lang="xx") == "Gefährdet"
        assert srank.describe("G2G3", lang="xx") == "Gefährdet to Vulnerable"
        with pytest.raises(ValueError, match=r"choose one of: 'en', 'xx'"):
            srank.describe("G2", lang="zz")
    finally:
        _description_tables._load_cached.cache_clear()
        _languages._closest.cache_clear()


# -- bad arguments ------------------------------------------------------------------


def test_unknown_style_names_the_choices() -> None:
    with pytest.raises(ValueError, match=r"Unknown style 'html'; choose one of: 'short', 'long', 'plants'"):
        srank.describe("G1", style="html")  # type: ignore[arg-type]


@pytest.mark.parametrize("call", [srank.describe, srank.explain])
def test_unknown_lang_names_the_choices(call: object) -> None:
    assert callable(call)
    with pytest.raises(ValueError, match=r"Unknown lang 'de'; choose one of: 'en'"):
        call("G1", lang="de")
    with pytest.raises(ValueError, match=r"Unknown lang '\.\./en'"):
        call("G1", lang="../en")


def test_lang_must_be_text() -> None:
    with pytest.raises(TypeError, match="lang must be a str"):
        srank.describe("G1", lang=None)  # type: ignore[arg-type]


def test_input_must_be_a_code_or_a_rank() -> None:
    with pytest.raises(TypeError, match="not int"):
        srank.describe(3)  # type: ignore[arg-type]


def test_text_is_parsed_strictly() -> None:
    with pytest.raises(srank.InvalidRankError, match="legacy code"):
        srank.describe("SA")
    assert srank.describe(srank.parse("SA", lenient=True)) == "Not Applicable; legacy code SA, Accidental"


# -- import cost -----------------------------------------------------------------------


def test_import_srank_does_not_load_the_table() -> None:
    check = "import sys, srank; assert 'tomllib' not in sys.modules, 'tomllib imported'; print('ok')"
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_a_shipped_table_is_the_table_read_from_its_toml(tmp_path: Path) -> None:
    from srank._description_tables import _shipped_texts, read_table, save_table

    for lang in srank.available_languages():
        text = (Path(_description_tables.__file__).parent / "descriptions" / f"{lang}.toml").read_text(encoding="utf-8")
        shipped = tmp_path / f"{lang}.toml.pickle"
        with shipped.open("wb") as handle:
            save_table(lang, text, handle)
        assert _shipped_texts(str(shipped), text) == dict(read_table(lang, text, "x").texts)
        # A table edited since the file was written: the stamp no longer matches, the TOML is read.
        assert _shipped_texts(str(shipped), text + "\n# edited\n") is None


def test_a_shipped_table_file_can_run_no_code(tmp_path: Path) -> None:
    import os
    import pickle

    from srank._description_tables import _shipped_texts, _table_stamp

    text = "[a]\nb = 'c'\n"
    hostile = tmp_path / "xx.toml.pickle"
    hostile.write_bytes(_table_stamp(text) + pickle.dumps(os.getcwd, protocol=4))  # a global: refused
    assert _shipped_texts(str(hostile), text) is None
    damaged = tmp_path / "yy.toml.pickle"
    damaged.write_bytes(_table_stamp(text) + b"\x80\x04garbage")
    assert _shipped_texts(str(damaged), text) is None
    assert _shipped_texts(str(tmp_path / "none.pickle"), text) is None
