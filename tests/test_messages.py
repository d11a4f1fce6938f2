"""Messages in every language: complete catalogues, every placeholder filled, no English left in French or Spanish.

The corpus is every finding and error the test suite triggers (the tables of
tests/test_check.py, tests/data/invalid_codes.csv and the lenient rows of
tests/data/valid_codes.csv), rendered in each language.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import pickle
import re
import shutil
import string
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from srank import Finding, InvalidRankError, Severity, _languages, _messages
from srank._argparse_words import formatter_class, parser_class, translated_error
from srank._distribution import place_label
from srank._english import MESSAGES
from srank._explorer_errors import ExplorerError
from srank._findings import CATALOGUE
from srank._languages import environment_language, language
from srank._messages import catalogue, placeholders, read_catalogue, say, say_count
from srank._place_rows import empty_cell
from srank._rounded_check import raw_unread_finding, rounded_finding
from srank._rules import expected_level_rule
from test_check import (
    BUILT_BY_HAND,
    CROSS_LEVEL,
    IN_A_COLUMN,
    IN_A_DISTRIBUTION,
    IN_A_ROUNDED_COLUMN,
    IN_EXPLORER_DATA,
    SINGLE_CODE,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
MESSAGE_FILES = ROOT / "src" / "srank" / "messages"
TRANSLATED = ("fr", "es")
NBSP, NNBSP = "\N{NO-BREAK SPACE}", "\N{NARROW NO-BREAK SPACE}"

# Words that show an English sentence: none of them is a French or Spanish word.
ENGLISH_WORDS = re.compile(
    r"\b(?:the|is|not|was|were|cannot|could|has|have|does|with|and|expected|found|of|should|been|only|must|after"
    r"|before|than|which|read|written|missing|unknown|hint|warning)\b",
    re.IGNORECASE,
)
MESSAGE_ID = re.compile(r"(?<![.\w])(?:" + "|".join(sorted({key.split(".")[0] for key in MESSAGES})) + r")\.[a-z]")
FORMAT_FIELD = re.compile(r"\{\w*(?:![a-z])?(?::[^{}]*)?\}")
# Not srank's words: a quoted piece of the input, a finding's [code], a Python name (srank.explorer.read).
# Quoted text, codes, dotted names, and a character's Unicode name (U+00C0 LATIN CAPITAL LETTER A WITH GRAVE): names.
QUOTED = re.compile(
    r"«[^»]*»|'[^'\s]*'|\[[a-z-]+\]|\b\w+(?:\.\w+)+"
    r"|U\+[0-9A-F]{4,6}(?: [A-Z0-9-]+)*|\b[A-Z][A-Z0-9-]*(?: [A-Z0-9-]+)+\b"
)


# -- the corpus: every finding and error the tests trigger -----------------------------


def _raised(call: Callable[[], object]) -> InvalidRankError:
    with pytest.raises(InvalidRankError) as caught:
        call()
    return caught.value


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        yield from csv.DictReader(file)


def corpus() -> Iterator[tuple[str, Finding | InvalidRankError]]:
    """(what it is, a finding or an error) for everything the test suite makes srank say."""
    for name, (text, *_) in SINGLE_CODE.items():
        for finding in srank.check(text, lenient=True):
            yield name, finding
    for name, (keywords, *_) in CROSS_LEVEL.items():
        for finding in srank.check_levels(**keywords):
            yield name, finding
    for name, (build, _) in BUILT_BY_HAND.items():
        yield name, _raised(build)
    for name, (code, level, *_) in IN_A_COLUMN.items():
        found = expected_level_rule(srank.parse(code), level)
        assert found is not None
        yield name, found
    for name, (raw, cell, _) in IN_A_ROUNDED_COLUMN.items():
        stored = None if not cell else next(iter(srank.parse_many([cell])))
        found = rounded_finding(srank.parse(raw), cell, stored)
        assert found is not None
        yield name, found
    unread = srank.parse_many(["S1S4"])[0]
    assert isinstance(unread, InvalidRankError)
    yield "rounded-raw-unreadable", raw_unread_finding("S1S4", unread)
    for name, (text, lenient, _) in IN_A_DISTRIBUTION.items():
        try:
            dist = srank.parse_distribution(text, lenient=lenient)
        except InvalidRankError as error:
            yield name, error
        else:
            for finding in (*dist.notes, *(note for record in dist for note in record.findings)):
                yield name, finding
    explorer = pytest.importorskip("srank.explorer")
    for name, (record, _) in IN_EXPLORER_DATA.items():
        taxon = explorer.read_taxon(record)
        for finding in (*taxon.notes, *taxon.record_findings):
            yield name, finding
    for row in _rows("invalid_codes.csv"):
        yield row["code"], _raised(lambda row=row: srank.parse(row["text"], lenient=row["mode"] == "lenient"))  # type: ignore[misc]
    for row in _rows("valid_codes.csv"):
        for finding in srank.parse(row["text"], lenient=row["mode"] == "lenient").findings:
            yield finding.code, finding
    yield "not text", next(result for result in srank.parse_many([3.5j]) if isinstance(result, InvalidRankError))
    yield "a compared code", _raised(lambda: srank.compare("G6", "G5"))
    yield "a long distribution", _raised(lambda: srank.parse_distribution("US(N5)" * 200_000))
    yield "an API place", _raised(lambda: srank.Distribution.from_api([{"roundedNRank": "N5"}]))
    for nations in ([{"nationCode": "US", "subnations": 3}], [{"nationCode": "US", "subnations": [{"a": 1}]}]):
        yield "an API place", _raised(lambda nations=nations: srank.Distribution.from_api(nations))  # type: ignore[misc]
        for finding in srank.Distribution.from_api(nations, lenient=True).notes:
            yield "an API place", finding
    for change in srank.compare_distributions("Canada (N3): AB (S3)", "Canada (N3): AB (S3, BC (S1)", lenient=True):
        for finding in change.notes:
            yield finding.code, finding
    read = srank.parse_distribution("Mexico (N3)\nCanada (N3): ON (S9), QC (S2\nUS (N1)", lenient=True)
    for finding in (*read.notes, *(note for record in read for note in record.findings)):
        yield finding.code, finding


CORPUS = list(corpus())


def texts(item: Finding | InvalidRankError, lang: str) -> list[str]:
    """Every text srank makes of ``item`` in ``lang``."""
    if isinstance(item, Finding):
        return [item.message_in(lang), item.hint_in(lang) or "", item.line(lang=lang, hint=True)]
    return [item.message_in(lang), item.hint_in(lang) or "", item.line(lang=lang), *item.expected_in(lang)]


def test_the_corpus_covers_every_finding_code_srank_itself_writes() -> None:
    written_by_the_command_line = {
        *("malformed-row", "global-rank-unread", "empty-distribution"),
        *("key-blank", "key-repeated", "key-unread"),  # srank diff's rows
    }
    assert {item.code for _, item in CORPUS} == set(CATALOGUE) - written_by_the_command_line
    assert len(CORPUS) > 200


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_english_sentence_in_french_or_spanish(lang: str) -> None:
    for name, item in CORPUS:
        for text in texts(item, lang):
            shown = QUOTED.sub("", text)
            assert not ENGLISH_WORDS.search(shown), (name, text)
    assert ENGLISH_WORDS.search(QUOTED.sub("", CORPUS[0][1].line(lang="en")))  # the markers do catch English


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_no_rendering_shows_a_message_id_or_a_format_field(lang: str) -> None:
    for name, item in CORPUS:
        for text in texts(item, lang):
            assert not MESSAGE_ID.search(text), (name, text)
            assert not FORMAT_FIELD.search(QUOTED.sub("", text)), (name, text)
            assert text.strip() == text or text == "", (name, text)


def test_english_rendering_is_the_english_message() -> None:
    for _, item in CORPUS:
        assert item.message_in("en") == item.message
        assert item.hint_in("en-US") == item.hint
    for text in ("G3G2", "G6", "S3/S4?", "US(N5"):
        error = _raised(lambda text=text: srank.parse(text))  # type: ignore[misc]
        assert error.render("en") == str(error)
        assert error.line(lang="en") == error.line()


@given(st.text(max_size=12))
def test_any_text_fails_in_french_without_english(text: str) -> None:
    try:
        srank.parse(text, lenient=True)
    except InvalidRankError as error:
        failure = error
    else:
        return
    line = QUOTED.sub("", failure.line(lang="fr"))
    assert not ENGLISH_WORDS.search(line), line
    assert failure.message_in("fr") != failure.message


# -- literal renderings -------------------------------------------------------------------


def test_a_finding_in_three_languages() -> None:
    finding = srank.parse("G2T4").findings[0]
    assert finding.message == "The infraspecific rank T4 is more secure than its species' rank G2"
    assert finding.message_in("fr") == "Le rang infraspécifique T4 est moins en péril que le rang de son espèce, G2"
    assert finding.message_in("es-MX") == "El rango infraespecífico T4 es más seguro que el rango de su especie, G2"
    assert finding.line(lang="fr_CA.UTF-8") == (
        f"avertissement[infraspecific-more-secure]{NBSP}: Le rang infraspécifique T4 est moins en péril que le rang"
        " de son espèce, G2"
    )


def test_an_error_in_french_with_its_caret_and_hint() -> None:
    error = _raised(lambda: srank.parse("G6"))
    assert error.render("fr") == (
        f"Après «{NBSP}G{NBSP}», attendu{NBSP}: une valeur de rang (1-5, X, H, U, NR ou NA){NNBSP}; trouvé{NBSP}:"
        f" «{NBSP}6{NBSP}»\n    G6\n     ^\nConseil{NBSP}: les chiffres des rangs vont de 1 (gravement en péril)"
        " à 5 (en sécurité)"
    )
    assert error.expected_in("es") == ("un valor de rango (1-5, X, H, U, NR o NA)",)
    assert error.line(lang="es") == (
        "error[syntax]: Después de «G» se esperaba un valor de rango (1-5, X, H, U, NR o NA); se encontró «6»;"
        " sugerencia: los números de rango van de 1 (gravemente amenazada) a 5 (segura)"
    )


def test_numbers_and_places_follow_the_language() -> None:
    error = _raised(lambda: srank.parse("G" * 1234))
    assert error.message_in("fr") == (
        f"Le texte compte 1{NBSP}234{NBSP}caractères{NNBSP}; aucun code de rang n'en compte plus de 200"
    )
    assert (
        error.message_in("es")
        == "El texto tiene 1\N{NO-BREAK SPACE}234 caracteres; ningún código de rango tiene más de 200"
    )
    finding = srank.check_levels(national_rank="N2", subnational_rank="S4")[0]
    placed = attrs.evolve(finding, place=place_label("US", "MD"))
    assert placed.line() == (
        "warning[subnational-more-secure]: Maryland, United States: The subnational rank 'S4' is more secure than"
        " the national rank 'N2'"
    )
    assert placed.line(lang="fr") == (
        f"avertissement[subnational-more-secure]{NBSP}: Maryland, États-Unis{NBSP}: Le rang infranational"
        f" «{NBSP}S4{NBSP}» est moins en péril que le rang national «{NBSP}N2{NBSP}»"
    )


def test_findings_on_one_line_use_the_language_separator() -> None:
    findings = srank.parse("SNA,SNA").findings
    assert srank._findings.joined(findings, lang="es") == (
        "advertencia[season-missing]: La parte «SNA» de un código de varias partes no tiene letra de temporada;"
        " advertencia[part-repeated]: La parte «SNA» está escrita dos veces"
    )
    assert f"saison{NNBSP}; avertissement[part-repeated]" in srank._findings.joined(findings, lang="fr")
    assert empty_cell("fr") == f"avertissement[empty-distribution]{NBSP}: la cellule ne contient aucune répartition"


def test_a_finding_built_by_hand_keeps_its_text_in_any_language() -> None:
    finding = Finding("x-test", Severity.WARNING, "my own words", (0, 1), hint="do this")
    assert finding.message_in("fr") == "my own words"
    assert (
        finding.line(lang="fr", hint=True)
        == f"avertissement[x-test]{NBSP}: my own words{NNBSP}; conseil{NBSP}: do this"
    )


# -- values stay values -------------------------------------------------------------------


def test_findings_and_errors_keep_their_words_through_pickle_and_evolve() -> None:
    finding = srank.parse("G2T4").findings[0]
    copy = pickle.loads(pickle.dumps(finding))
    assert copy == finding
    assert hash(copy) == hash(finding)
    assert copy.message_in("es") == "El rango infraespecífico T4 es más seguro que el rango de su especie, G2"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.message = "other"  # type: ignore[misc]
    error = _raised(lambda: srank.parse("G3G2"))
    assert pickle.loads(pickle.dumps(error)).message_in("fr") == "La plage 3-2 est inversée"
    moved = error.evolve(span=(0, 1))
    assert (moved.message, moved.message_in("es")) == ("Range 3-2 is reversed", "El intervalo 3-2 está invertido")
    assert moved.hint_in("fr") == "écrivez d'abord le chiffre le plus bas (le plus en péril), comme dans G2G3"
    assert isinstance(error.message, str)
    assert error.message == "Range 3-2 is reversed"


def test_a_message_is_its_english_text() -> None:
    said = say("rule.range-reversed", low=3, high=2)
    assert said == "Range 3-2 is reversed"
    assert hash(said) == hash("Range 3-2 is reversed")
    assert (said.key, dict(said.params)) == ("rule.range-reversed", {"low": 3, "high": 2})
    assert str(said + "!") == "Range 3-2 is reversed!"
    assert _messages.in_language("plain text", "fr") == "plain text"


def test_english_reads_no_catalogue() -> None:
    code = (
        "import sys, srank\n"
        "try:\n    srank.parse('G3G2')\nexcept srank.InvalidRankError as error:\n    line = error.line()\n"
        "assert srank.check('S2B,S2B')[0].line()\n"
        "from srank import _messages\n"
        "print(_messages.catalogue.cache_info().currsize, 'tomllib' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "0 False\n"


# -- the catalogues -------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_catalogue_has_every_message_with_the_same_placeholders(lang: str) -> None:
    templates = catalogue(lang).templates
    assert templates.keys() == MESSAGES.keys()
    for key, english in MESSAGES.items():
        assert templates[key].strip() or not english.strip(), key
        found, wanted = placeholders(templates[key]), placeholders(english)
        assert found.keys() == wanted.keys(), key
        assert {name: spec for name, (_, spec) in found.items()} == {name: spec for name, (_, spec) in wanted.items()}


def test_the_message_files_are_the_languages_but_english() -> None:
    assert sorted(path.stem for path in MESSAGE_FILES.glob("*.toml")) == ["es", "fr"]
    assert srank.available_languages() == ("en", "es", "fr")


def _sample(template: str) -> dict[str, object]:
    """A value for each placeholder: 12345 for a count, 2.5 for seconds, else text naming the placeholder."""
    values: dict[str, object] = {}
    for name, (_, spec) in placeholders(template).items():
        values[name] = 12345 if "," in spec else 2.5 if spec == "g" else f"p{name}"
    return values


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_every_placeholder_renders(lang: str) -> None:
    shown = {
        "en": {12345: "12,345", 2.5: "2.5"},
        "fr": {12345: f"12{NBSP}345", 2.5: "2,5"},
        "es": {12345: f"12{NBSP}345", 2.5: "2.5"},
    }[lang]
    for key, english in MESSAGES.items():
        params = _sample(english)
        text = say(key, **params).render(lang)
        for name, value in params.items():
            assert shown.get(value, f"p{name}") in text, (key, text)  # type: ignore[call-overload]
        assert not FORMAT_FIELD.search(text), (key, text)
        assert not MESSAGE_ID.search(text), (key, text)


def test_quotes_follow_the_language() -> None:
    said = say("rule.part-repeated", part="SNA")
    assert [said.render(lang) for lang in ("en", "fr", "es")] == [
        "Part 'SNA' is written twice",
        f"La partie «{NBSP}SNA{NBSP}» est écrite deux fois",
        "La parte «SNA» está escrita dos veces",
    ]


def test_french_typography() -> None:
    """A no-break space before ':' and inside « », a narrow one before ';', '?' and '!' of the prose."""
    for key, text in catalogue("fr").templates.items():
        prose = re.sub(r"\(\{\{.*?\}\}|«\u00a0[^»]*\u00a0»|\{[^}]*\}", "0", text)  # JSON, quoted code, fields
        for at, character in enumerate(prose):
            if character == ":":
                assert prose[at - 1] == NBSP, (key, text)
            if character == ";":
                assert prose[at - 1] == NNBSP, (key, text)
            if character in "?!":
                assert prose[at - 1] == NNBSP or prose[at - 1].isalnum(), (key, text)  # the "?" of a code: G3?
        assert "'{" not in text, key
        assert text.count("«") == text.count(f"«{NBSP}"), key
    assert catalogue("fr").templates["line.separator"] == f"{NNBSP}; "


def test_spanish_typography() -> None:
    for key, text in catalogue("es").templates.items():
        assert not re.search(rf"[ {NBSP}{NNBSP}][:;?!]|'{{", text), key


# -- a broken catalogue is refused on load ------------------------------------------------

FR_TEXT = (MESSAGE_FILES / "fr.toml").read_text(encoding="utf-8")
RANGE_REVERSED = 'range-reversed = "La plage {low}-{high} est inversée"'


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (RANGE_REVERSED + "\n", "", "fr.toml lacks messages: rule.range-reversed$"),
        ("[place]\n", '[place]\nfarm = "ferme"\n', "fr.toml has messages srank never says: place.farm$"),
        (
            RANGE_REVERSED,
            RANGE_REVERSED.replace("{low}", "{lo}"),
            r"rule\.range-reversed has placeholders high, lo;"
            r" English has \{high\}, \{low\}",
        ),
        (
            "{length:,}\\u00A0caractères)",
            "{length}\\u00A0caractères)",
            r"text\.clipped: \{length:\} must keep the"
            r" English format spec ','",
        ),
        (
            "{range!r}",
            "{range!s}",
            r"rule\.range-not-numeric has a broken placeholder: \{range!s\} is not a conversion",
        ),
        (RANGE_REVERSED, 'range-reversed = "La plage {} est inversée"', r"\{\} is not a named placeholder"),
        (RANGE_REVERSED, 'range-reversed = " "', r"fr\.toml: rule\.range-reversed is empty$"),
        (RANGE_REVERSED, "range-reversed = 3", r"rule\.range-reversed must be text, not int"),
        ('decimal_separator = ","\n', "", r"needs a \[language\] table with exactly these entries: name, open_quote"),
        ('singular_counts = "0 1"', 'singular_counts = "one"', r"language\.singular_counts lists counts, such as"),
        ("[rule]\n", "[rule\n", "fr.toml is not valid TOML"),
    ],
)
def test_a_broken_catalogue_is_refused(old: str, new: str, message: str) -> None:
    assert old in FR_TEXT
    with pytest.raises(srank.SrankError, match=message):
        read_catalogue("fr", FR_TEXT.replace(old, new, 1), "srank/messages/fr.toml")


def test_a_language_without_its_catalogue_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_languages, "available_languages", lambda: ("en", "es", "fr", "xx"))
    _languages._closest.cache_clear()
    try:
        with pytest.raises(srank.SrankError, match=r"srank/messages/xx\.toml is missing"):
            srank.parse("G2T4").findings[0].message_in("xx")
    finally:
        _languages._closest.cache_clear()


def test_adding_a_language_is_two_files(tmp_path: Path) -> None:
    """A copy of srank with descriptions/xx.toml and messages/xx.toml speaks xx, with no code changed."""
    package = Path(srank.__file__).parent
    shutil.copytree(package, tmp_path / "src" / "srank", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "grammar", tmp_path / "grammar")
    copy = tmp_path / "src" / "srank"
    shutil.copy(copy / "descriptions" / "fr.toml", copy / "descriptions" / "xx.toml")
    (copy / "messages" / "xx.toml").write_text(
        FR_TEXT.replace(RANGE_REVERSED, 'range-reversed = "Xx {low}-{high} xx"'), encoding="utf-8"
    )
    code = (
        "import srank\n"
        f"print(srank.__file__.startswith({str(tmp_path)!r}), srank.available_languages())\n"
        "try:\n    srank.parse('G3G2')\nexcept srank.InvalidRankError as error:\n"
        "    print(error.message_in('xx_YY.UTF-8'))\n"
        "print(srank.describe('G2', lang='XX'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path / "src"), "PATH": ""},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "True ('en', 'es', 'fr', 'xx')\nXx 3-2 xx\nEn péril\n"


# -- language tags --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("fr-CA", "fr"),
        ("fr_CA", "fr"),
        ("fr_CA.UTF-8", "fr"),
        ("fr_FR.ISO8859-1@euro", "fr"),
        (" es-MX ", "es"),
        ("es-419", "es"),
        ("en-US", "en"),
        ("en", "en"),
    ],
)
def test_a_tag_reads_as_the_closest_language(tag: str, lang: str) -> None:
    assert language(tag) == lang
    assert srank.describe("G1", lang=tag) == srank.describe("G1", lang=lang)


@pytest.mark.parametrize("tag", ["de", "de-CH", "", "../fr", "fr/../en", "f r", "français"])
def test_an_unknown_language_lists_the_languages(tag: str) -> None:
    with pytest.raises(ValueError, match=r"^Unknown lang .*; choose one of: 'en', 'es', 'fr'$"):
        language(tag)


def test_lang_is_text() -> None:
    with pytest.raises(TypeError, match="lang must be a str, not int"):
        srank.parse("G2T4").findings[0].message_in(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "es_MX.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8", "LC_MESSAGES": "fr_CA.UTF-8", "LC_ALL": "es_ES.UTF-8"}, "es"),
        ({"LC_ALL": "", "LANG": "fr"}, "fr"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "fr_CA.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "fr_CA.UTF-8", "LANGUAGE": "es:fr"}, "es"),
        ({"LANG": "fr_CA.UTF-8", "LANGUAGE": "de:pt"}, "fr"),
        ({"LANG": "C", "LANGUAGE": "es"}, "en"),
    ],
)
def test_the_environment_language(environ: dict[str, str], lang: str) -> None:
    assert environment_language(environ) == lang


# -- the dataframe helpers and HTML ---------------------------------------------------------


def test_pandas_message_in_french() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("srank.pandas")
    series = pd.Series(["G3G2", "G5", None, "SNA,SNA"])
    assert series.srank.message().tolist()[0] == (
        "error[range-reversed]: Range 3-2 is reversed; hint: write the lower (more imperiled) number first, as in G2G3"
    )
    messages = series.srank.message(lang="fr-CA").tolist()
    assert messages[0] == (
        f"erreur[range-reversed]{NBSP}: La plage 3-2 est inversée{NNBSP}; conseil{NBSP}: écrivez d'abord le chiffre"
        " le plus bas (le plus en péril), comme dans G2G3"
    )
    assert messages[1] is pd.NA
    assert messages[2] is pd.NA
    assert messages[3].startswith(f"avertissement[season-missing]{NBSP}: La partie «{NBSP}SNA{NBSP}»")
    with pytest.raises(ValueError, match="Unknown lang 'de'"):
        series.srank.message(lang="de")


def test_polars_message_in_spanish() -> None:
    pl = pytest.importorskip("polars")
    pytest.importorskip("srank.polars")
    frame = pl.DataFrame({"rank": ["G3G2", None, "G5"]})
    assert frame.select(pl.col("rank").srank.message(lang="es"))["rank"].to_list() == [
        "error[range-reversed]: El intervalo 3-2 está invertido; sugerencia: escriba primero el número más bajo"
        " (más amenazado), como en G2G3",
        None,
        None,
    ]


def test_a_cell_error_names_its_row_in_the_language() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("srank.pandas")
    with pytest.raises(InvalidRankError) as caught:
        pd.Series(["G5", "G3G2"], name="S Rank").srank.most_imperiled(errors="raise")
    assert caught.value.message == "index label 1 of 'S Rank': Range 3-2 is reversed"
    assert caught.value.message_in("fr") == (
        f"étiquette d'index 1 de «{NBSP}S Rank{NBSP}»{NBSP}: La plage 3-2 est inversée"
    )
    assert caught.value.message_in("es").startswith("etiqueta de índice 1 de «S Rank»: ")
    assert caught.value.hint_in("es") == (
        "escriba primero el número más bajo (más amenazado), como en G2G3; o pase errors='skip' para dejar fuera las"
        " celdas ilegibles"
    )


def test_distribution_rows_in_french() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("srank.pandas")
    frame = pd.Series(["US(N5), ZZ(N1)", ""]).srank.distributions(lang="fr")
    assert frame["message"].tolist()[1:] == [
        f"avertissement[unknown-place]{NBSP}: srank ne connaît pas le code de pays «{NBSP}ZZ{NBSP}»{NNBSP}; il est"
        " gardé tel qu'il est écrit",
        f"avertissement[empty-distribution]{NBSP}: la cellule ne contient aucune répartition",
    ]


def test_a_badge_shows_its_findings_in_its_language() -> None:
    html = srank.parse("G2T4").to_html(lang="fr")
    assert "avertissement</span> <code>infraspecific-more-secure</code> Le rang infraspécifique T4" in html


# -- argparse's own words ------------------------------------------------------------------


def _parser(base: type[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser = base(prog="srank", description="Read ranks.")
    parser.add_argument("--version", action="version", version="srank 0")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--lang", choices=["en", "fr"])
    return parser


def _run(parser: argparse.ArgumentParser, argv: list[str]) -> str:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as caught:
        parser.parse_args(argv)
    assert caught.value.code == 2
    return err.getvalue()


def test_a_help_page_in_french() -> None:
    assert _parser(parser_class("fr")).format_help().replace(NBSP, "~") == (
        "utilisation~: srank [-h] [--version] [--lang {en,fr}] files [files ...]\n\n"
        "Read ranks.\n\n"
        "arguments positionnels~:\n  files\n\n"
        "options~:\n"
        "  -h, --help      afficher ce message d'aide et quitter\n"
        "  --version       afficher le numéro de version du programme et quitter\n"
        "  --lang {en,fr}\n"
    )


def test_usage_errors_in_spanish() -> None:
    parser = _parser(parser_class("es"))
    usage = "uso: srank [-h] [--version] [--lang {en,fr}] files [files ...]\n"
    assert _run(parser, []) == usage + "srank: error: se requieren los siguientes argumentos: files\n"
    assert _run(parser, ["a", "--lang", "xx"]) == (
        usage + "srank: error: argumento --lang: opción no válida: «xx» (elija entre «en», «fr»)\n"
    )


def test_english_argparse_is_unchanged() -> None:
    plain, ours = _parser(argparse.ArgumentParser), _parser(parser_class("en"))
    assert ours.format_help() == plain.format_help()
    for argv in ([], ["a", "--lang", "xx"], ["a", "--nope"], ["--lang"]):
        assert _run(ours, argv) == _run(plain, argv)


def _argparse_errors() -> Iterator[str]:
    """Every error message Python's argparse writes, made by a real parser (and two it writes only rarely)."""
    captured: list[str] = []

    class Capturing(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            captured.append(message)
            raise SystemExit(2)

    def parser() -> argparse.ArgumentParser:
        made = Capturing(prog="p")
        made.add_argument("--lang", choices=["en", "fr"])
        made.add_argument("--level")
        made.add_argument("--count", type=int)
        made.add_argument("--files", nargs="+")
        made.add_argument("--pair", nargs=2)
        made.add_argument("--one", nargs=1)
        made.add_argument("--flag", action="store_true")
        group = made.add_mutually_exclusive_group(required=True)
        group.add_argument("--a", action="store_true")
        group.add_argument("--b", action="store_true")
        made.add_argument("name")
        return made

    for argv in (
        ["--a"],
        ["x"],
        ["x", "--a", "--nope"],
        ["x", "--a", "--lang", "xx"],
        ["x", "--a", "--count", "many"],
        ["x", "--a", "--lang"],
        ["x", "--a", "--files"],
        ["x", "--a", "--pair", "1"],
        ["x", "--a", "--one"],
        ["x", "--a", "--l", "1"],
        ["x", "--a", "--b"],
        ["x", "--a", "--flag=yes"],
    ):
        with contextlib.suppress(SystemExit):
            parser().parse_args(argv)
    yield from captured
    yield "expected at most one argument"
    yield "unknown parser 'x' (choices: check, explain)"


ARGPARSE_ERRORS = list(_argparse_errors())


def test_argparse_errors_are_all_found() -> None:
    assert len(ARGPARSE_ERRORS) == 14
    assert ARGPARSE_ERRORS[0] == "the following arguments are required: name"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_argparse_error_is_translated(lang: str) -> None:
    for message in ARGPARSE_ERRORS:
        translated = translated_error(message, lang)
        assert translated != message
        assert not ENGLISH_WORDS.search(QUOTED.sub("", translated)), translated
    assert translated_error("the column name is empty", lang) == "the column name is empty"  # srank's own: as given


def test_a_count_takes_each_language_s_singular() -> None:
    assert [translated_error(f"expected {count} argument{'s' * (count != 1)}", "fr") for count in (0, 1, 2)] == [
        f"0{NBSP}argument attendu",
        f"1{NBSP}argument attendu",
        f"2{NBSP}arguments attendus",
    ]
    assert [say_count("argparse.expected-count", count).render("es") for count in (0, 1, 2)] == [
        "se esperaban 0 argumentos",
        "se esperaba 1 argumento",
        "se esperaban 2 argumentos",
    ]
    assert say_count("argparse.expected-count", 0) == "expected 0 arguments"


def test_argparse_errors_in_french() -> None:
    assert [translated_error(message, "fr").replace(NBSP, "~") for message in ARGPARSE_ERRORS[:4]] == [
        "les arguments suivants sont obligatoires~: name",
        "l'un des arguments --a --b est obligatoire",
        "arguments non reconnus~: --nope",
        "argument --lang~: choix invalide~: «~xx~» (choisir parmi «~en~», «~fr~»)",
    ]


def test_a_parser_that_chooses_its_formatter_and_its_subparsers_speak_the_language() -> None:
    class Command(argparse.ArgumentParser):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **{**kwargs, "formatter_class": argparse.RawDescriptionHelpFormatter})  # type: ignore[arg-type]

    parser = parser_class("fr", Command)(prog="srank")
    commands = parser.add_subparsers(title="commandes", dest="command")
    check = commands.add_parser("check")
    assert type(check) is type(parser)
    assert check.format_usage() == f"utilisation{NBSP}: srank check [-h]\n"
    assert f"commandes{NBSP}:\n" in parser.format_help()
    assert issubclass(parser.formatter_class, argparse.RawDescriptionHelpFormatter)
    assert formatter_class("fr-CA") is formatter_class("fr")
    assert parser_class("fr", Command) is type(parser)


def test_argparse_words_read_no_catalogue_in_english() -> None:
    code = (
        "import sys\nfrom srank._argparse_words import parser_class\n"
        "parser_class('en')(prog='srank').format_help()\n"
        "print(sorted(name for name in ('attrs', 'lark', 'tomllib') if name in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_format_fields_in_the_english_source_are_named() -> None:
    for key, text in MESSAGES.items():
        for _, name, _, _ in string.Formatter().parse(text):
            assert name is None or name.isidentifier(), key


# -- NatureServe Explorer errors -----------------------------------------------------------


def _explorer_errors(tmp_path: Path) -> Iterator[ExplorerError]:
    explorer = pytest.importorskip("srank.explorer")
    for data in ('{"jobId": "x"}', '{"a": 1}', '{"results": 3}', '{"results": [3]}', "{x", tmp_path / "none.json"):
        with pytest.raises(explorer.ExplorerDataError) as caught:
            explorer.read(data)
        yield caught.value
    with pytest.raises(explorer.ExplorerDataError) as caught:
        explorer.read_search('{"elementGlobalId": 1, "scientificName": "Poa"}')
    yield caught.value
    client = explorer.Client("http://127.0.0.1:9", timeout=0.5, retries=0)  # nothing listens on port 9
    with pytest.raises(explorer.ExplorerConnectionError) as failed:
        client.taxon(154701)
    yield failed.value


@pytest.mark.parametrize("lang", TRANSLATED)
def test_explorer_errors_in_french_and_spanish(lang: str, tmp_path: Path) -> None:
    errors = list(_explorer_errors(tmp_path))
    assert len(errors) == 8
    for error in errors:
        text = error.render(lang)
        assert text != str(error)
        assert not ENGLISH_WORDS.search(QUOTED.sub("", text)), text
        assert not MESSAGE_ID.search(text), text


def test_an_explorer_error_in_french(tmp_path: Path) -> None:
    error = next(_explorer_errors(tmp_path))
    assert str(error) == "the JSON text is an export job, not taxa\nHint: read it with srank.explorer.read_job"
    assert error.render("fr") == (
        f"le texte JSON est une tâche d'exportation, pas des taxons\nConseil{NBSP}: lisez-la avec"
        " srank.explorer.read_job"
    )
    assert error.message_in("es") == "el texto JSON es un trabajo de exportación, no taxones"
    assert error.hint_in("es") == "léalo con srank.explorer.read_job"


def test_json_forms_hold_plain_text_in_the_language() -> None:
    from srank._json_form import finding_form

    warning = srank.parse("G2T4").to_dict()["warnings"][0]
    assert type(warning["message"]) is str
    assert warning["message"] == "The infraspecific rank T4 is more secure than its species' rank G2"
    form = finding_form(srank.parse("G2T4").findings[0], "fr")
    assert form["message"] == "Le rang infraspécifique T4 est moins en péril que le rang de son espèce, G2"
    assert type(form["hint"]) is str


TAGGED = ("fr-CA", "FR", "fr_CA.UTF-8")


@pytest.mark.parametrize("tag", TAGGED)
def test_every_lang_argument_takes_a_tag(tag: str) -> None:
    """A tag reads as its language wherever ``lang=`` is taken: labels, places, changes, maps, badges."""
    distribution = srank.parse_distribution("United States (N3): MD (S2)")
    change = srank.compare_distributions("Canada (N3): QC (S2)", "Canada (N3): QC (S1)")[1]
    assert srank.describe("G5", lang=tag) == "En sécurité"
    nation = distribution.national("US")
    assert nation is not None
    assert nation.place_name(lang=tag) == "États-Unis"
    assert change.place_name(tag) == "Québec"
    assert change.describe(lang=tag) == "Québec\u00a0: S2 → S1, plus en péril"
    assert srank.compare("S3", "S2").describe(lang=tag) == "S3 → S2, plus en péril"
    assert "États-Unis" in distribution.to_svg(lang=tag)
    assert "En péril" in srank.parse("S2").to_html(lang=tag)
    error = srank.parse_many(["G3G2"])[0]
    assert isinstance(error, srank.InvalidRankError)
    assert error.message_in(tag) == "La plage 3-2 est inversée"


def test_a_place_name_in_an_unknown_language_is_refused() -> None:
    nation = srank.parse_distribution("United States (N3)").national("US")
    assert nation is not None
    with pytest.raises(ValueError, match="Unknown lang 'xx'; choose one of: 'en', 'es', 'fr'"):
        nation.place_name(lang="xx")
