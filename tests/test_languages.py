"""French and Spanish text: complete tables, official French labels, level-correct wording, no English left."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from pictures_support import draw_every_picture
from srank import _description_tables
from srank._describe import definition_line
from srank._description_tables import Key, Table, load, read_table, required_keys
from srank._legacy import LEGACY_CODES
from srank.strategies import multi_season_ranks, ranks

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
DESCRIPTIONS = ROOT / "src" / "srank" / "descriptions"
TRANSLATED = ("fr", "es")
NBSP = "\N{NO-BREAK SPACE}"


def _valid_rows() -> Iterator[tuple[str, bool]]:
    with (DATA / "valid_codes.csv").open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            yield row["text"], row["mode"] == "lenient"


VALID = list(_valid_rows())


# -- the tables -------------------------------------------------------------------


def test_available_languages_are_the_shipped_tables() -> None:
    assert srank.available_languages() == ("en", "es", "fr")
    assert "available_languages" in srank.__all__
    assert sorted(path.stem for path in DESCRIPTIONS.glob("*.toml")) == ["en", "es", "fr"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_translation_has_every_entry_but_the_usda_plants_section(lang: srank.Language) -> None:
    keys = set(load(lang).texts)
    assert keys == required_keys(plants=False)
    assert keys == {key for key in load("en").texts if key[0] != "plants"}


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_no_entry_is_empty(lang: srank.Language) -> None:
    for key, text in load(lang).texts.items():
        assert text if key[-1].endswith("separator") else text.strip(), key


def _component_codes() -> Iterator[tuple[str, bool]]:
    yield from VALID
    for level in "GNST":
        for value in ["X", "H", "U", "NR", "NA", "2?", "1" + level + "3"]:
            yield level + value, False
    for letter in "NS":
        for season in "BNM":
            yield f"{letter}2{season}", False
    yield from [("GXC", False), ("GHC", False), ("G5TXC", False), ("S2B,S4N", False)]
    for legacy in LEGACY_CODES:
        yield legacy, True


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_entry_of_a_translation_is_used(
    lang: srank.Language, monkeypatch: pytest.MonkeyPatch, render_changes: Callable[[srank.Language], list[str]]
) -> None:
    used: set[Key] = set()
    original = Table.text

    def recording(self: Table, *key: str) -> str:
        used.add(key)
        return original(self, *key)

    monkeypatch.setattr(Table, "text", recording)
    for text, lenient in _component_codes():
        rank = srank.parse(text, lenient=lenient)
        for entry in srank.explain(rank, lang=lang):
            definition_line(entry, lang)
        for style in ("short", "long"):
            srank.describe(rank, style=style, lang=lang)
    render_changes(lang)
    draw_every_picture(lang)
    assert used == set(load(lang).texts)


def test_a_translation_with_a_usda_plants_section_is_rejected() -> None:
    french = (DESCRIPTIONS / "fr.toml").read_text(encoding="utf-8")
    with pytest.raises(srank.SrankError, match=r"fr\.toml has a \[plants\] section.*English by definition"):
        read_table("fr", french + '\n[plants]\nheading = "{code}: "\n', "fr.toml")


def test_a_table_without_an_area_phrase_is_rejected() -> None:
    french = (DESCRIPTIONS / "fr.toml").read_text(encoding="utf-8")
    assert 'from_area = "du pays"\n' in french
    with pytest.raises(srank.SrankError, match=r"lacks entries: level\.N\.from_area"):
        read_table("fr", french.replace('from_area = "du pays"\n', ""), "fr.toml")


def test_an_area_phrase_is_only_allowed_in_extirpated_text() -> None:
    french = (DESCRIPTIONS / "fr.toml").read_text(encoding="utf-8")
    old = 'label = "En péril"'
    assert old in french
    with pytest.raises(srank.SrankError, match=r"value\.2\.label uses unknown placeholders from_area"):
        read_table("fr", french.replace(old, 'label = "En péril {from_area}"'), "fr.toml")


def test_only_the_lower_case_conversion_is_allowed() -> None:
    french = (DESCRIPTIONS / "fr.toml").read_text(encoding="utf-8")
    old = 'label = "Entre {low!l} et {high!l}"'
    assert old in french
    with pytest.raises(srank.SrankError, match=r"range\.label: \{high!r\} is not a conversion srank knows"):
        read_table("fr", french.replace(old, 'label = "Entre {low!l} et {high!r}"'), "fr.toml")


# -- the official French labels ----------------------------------------------------

OFFICIAL_FRENCH = {
    "X": "Présumée disparue",
    "H": "Possiblement disparue",
    "1": "Gravement en péril",
    "2": "En péril",
    "3": "Vulnérable",
    "4": "Apparemment en sécurité",
    "5": "En sécurité",
    "U": "Inclassable",
    "NR": "Non classée",
    "NA": "Non applicable",
}


@pytest.mark.parametrize(("value", "label"), OFFICIAL_FRENCH.items())
@pytest.mark.parametrize("level", ["N", "S", "G"])
def test_french_labels_are_the_federal_terms_verbatim(level: str, value: str, label: str) -> None:
    code = level + value
    (entry,) = [entry for entry in srank.explain(code, lang="fr") if entry.component == "value"]
    assert entry.label == label
    assert srank.describe(code, lang="fr") == label
    assert srank.describe(code, style="long", lang="fr").split("\n\n")[1].startswith(f"{label} ({code}). ")


# -- level-correct wording: extinct versus extirpated ------------------------------

GONE = {
    ("en", "GX"): (
        "Presumed Extinct",
        "Not found despite thorough searches of its past sites and other suitable habitat, "
        "with virtually no chance that it will be found again.",
    ),
    ("en", "NX"): (
        "Presumed Extirpated",
        "Believed gone from the country: not found there despite thorough searches, "
        "with virtually no chance that it will be found there again. It may still live elsewhere.",
    ),
    ("en", "SX"): (
        "Presumed Extirpated",
        "Believed gone from the state or province: not found there despite thorough searches, "
        "with virtually no chance that it will be found there again. It may still live elsewhere.",
    ),
    ("fr", "GX"): (
        "Présumée disparue",
        f"Considérée comme disparue à l'échelle mondiale{NBSP}: elle n'a pas été retrouvée malgré des "
        "recherches approfondies dans ses anciens sites et dans d'autres habitats propices, "
        "et il n'y a pratiquement aucune chance de la retrouver.",
    ),
    ("fr", "NX"): (
        "Présumée disparue",
        f"Considérée comme disparue du pays{NBSP}: elle n'y a pas été retrouvée malgré des recherches "
        "approfondies, et il n'y a pratiquement aucune chance de l'y retrouver. Elle peut encore vivre ailleurs.",
    ),
    ("fr", "SX"): (
        "Présumée disparue",
        f"Considérée comme disparue de la province ou de l'État{NBSP}: elle n'y a pas été retrouvée malgré des "
        "recherches approfondies, et il n'y a pratiquement aucune chance de l'y retrouver. "
        "Elle peut encore vivre ailleurs.",
    ),
    ("es", "GX"): (
        "Presuntamente extinta",
        "Se considera extinta en todo el mundo: no se ha encontrado pese a búsquedas exhaustivas en sus "
        "antiguas localidades y en otros hábitats adecuados, y prácticamente no hay posibilidad de volver "
        "a encontrarla.",
    ),
    ("es", "NX"): (
        "Presuntamente extirpada",
        "Se considera desaparecida del país: no se ha encontrado allí pese a búsquedas exhaustivas, "
        "y prácticamente no hay posibilidad de volver a encontrarla allí. Puede seguir viviendo en otros lugares.",
    ),
    ("es", "SX"): (
        "Presuntamente extirpada",
        "Se considera desaparecida del estado o la provincia: no se ha encontrado allí pese a búsquedas "
        "exhaustivas, y prácticamente no hay posibilidad de volver a encontrarla allí. "
        "Puede seguir viviendo en otros lugares.",
    ),
}


@pytest.mark.parametrize(("lang", "code"), GONE)
def test_x_reads_extinct_worldwide_and_extirpated_from_a_country_or_state(lang: srank.Language, code: str) -> None:
    label, definition = GONE[lang, code]
    (entry,) = [entry for entry in srank.explain(code, lang=lang) if entry.component == "value"]
    assert (entry.label, entry.definition) == (label, definition)
    assert srank.describe(code, lang=lang) == label
    assert f"{label} ({code}). {definition}" in srank.describe(code, style="long", lang=lang)


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_gx_and_sx_read_differently_in_every_language(lang: srank.Language) -> None:
    for style in ("short", "long") if lang != "fr" else ("long",):
        assert srank.describe("GX", style=style, lang=lang) != srank.describe("SX", style=style, lang=lang)


@pytest.mark.parametrize(
    ("lang", "code", "definition"),
    [
        (
            "fr",
            "NH",
            "Connue au pays seulement par des observations historiques, mais on garde un certain espoir "
            "qu'elle y survive encore et qu'elle y soit retrouvée.",
        ),
        (
            "fr",
            "SH",
            "Connue dans la province ou l'État seulement par des observations historiques, mais on garde "
            "un certain espoir qu'elle y survive encore et qu'elle y soit retrouvée.",
        ),
        (
            "es",
            "SH",
            "Conocida en el estado o la provincia solo por registros históricos, aunque queda alguna "
            "esperanza de que aún sobreviva allí y vuelva a encontrarse.",
        ),
    ],
)
def test_h_names_the_area_it_is_known_in(lang: srank.Language, code: str, definition: str) -> None:
    (entry,) = [entry for entry in srank.explain(code, lang=lang) if entry.component == "value"]
    assert entry.definition == definition


def test_ecosystem_wording_agrees_with_ecosystem() -> None:
    assert f"Pour un écosystème, SX signifie «{NBSP}présumé éliminé{NBSP}». Considéré comme éliminé" in (
        srank.describe("SX", style="long", lang="fr")
    )
    assert "En el caso de un ecosistema, GH significa «posiblemente eliminado». Conocido en" in (
        srank.describe("GH", style="long", lang="es")
    )


# -- verbatim short and long text ---------------------------------------------------

_CASES = tomllib.loads((DATA / "descriptions_fr_es.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", _CASES, ids=[f"{case['lang']}-{case['code']}" for case in _CASES])
def test_short_and_long_text_verbatim(case: dict[str, str]) -> None:
    lang = cast("srank.Language", case["lang"])  # the cases name only languages srank has
    assert srank.describe(case["code"], lang=lang) == case["short"]
    assert srank.describe(case["code"], style="long", lang=lang) == case["long"]


@pytest.mark.parametrize(
    ("code", "lang", "short"),
    [
        ("G3G4", "fr", "Entre vulnérable et apparemment en sécurité"),
        ("G3G4", "es", "Entre vulnerable y aparentemente segura"),
        ("G2?", "fr", "En péril (rang approximatif)"),
        ("G2?", "es", "Amenazada (rango aproximado)"),
        ("GXC", "fr", "Présumée disparue (en captivité ou en culture seulement)"),
        ("GXC", "es", "Presuntamente extinta (solo en cautiverio o en cultivo)"),
        ("T3Q", "fr", f"Sous-espèce ou variété{NBSP}: vulnérable\u202f; taxonomie douteuse"),
        ("T3Q", "es", "Subespecie o variedad: vulnerable; taxonomía dudosa"),
        ("TX", "fr", f"Sous-espèce ou variété{NBSP}: présumée disparue"),
        ("N5B", "fr", f"Population reproductrice{NBSP}: en sécurité"),
        ("N5B", "es", "Población reproductora: segura"),
        ("SNRM", "fr", f"Population migratrice{NBSP}: non classée"),
        ("SNRM", "es", "Población migratoria: no evaluada"),
        ("S1S3", "es", "Entre gravemente amenazada y vulnerable"),
        ("GU", "es", "No clasificable"),
        ("SNA", "es", "No aplica"),
        ("GNR", "es", "No evaluada"),
    ],
)
def test_short_text_per_component(code: str, lang: srank.Language, short: str) -> None:
    assert srank.describe(code, lang=lang) == short


@pytest.mark.parametrize(
    ("lang", "short"),
    [
        ("fr", "Non applicable\u202f; ancien code SA (accidentelle)"),
        ("es", "No aplica; código en desuso SA (accidental)"),
    ],
)
def test_legacy_codes_in_other_languages(lang: srank.Language, short: str) -> None:
    rank = srank.parse("SA", lenient=True)
    assert srank.describe(rank, lang=lang) == short
    assert srank.explain(rank, lang=lang)[0].definition.endswith(" SNA.")


def test_breeding_is_never_translated_as_animal_husbandry() -> None:
    texts = [*load("fr").texts.values()]
    assert not any("levage" in text for text in texts)
    assert srank.explain("S2B", lang="fr")[2].label == "Population reproductrice"


def test_spanish_keeps_clear_of_iucn_terms() -> None:
    for text in load("es").texts.values():
        assert "peligro" not in text.lower()
    assert srank.describe("G1", lang="es") == "Gravemente amenazada"
    assert srank.describe("G2", lang="es") == "Amenazada"


# -- no English left ---------------------------------------------------------------

ENGLISH = frozenset(
    (
        "the",
        "of",
        "and",
        "to",
        "or",
        "is",
        "it",
        "its",
        "be",
        "an",
        "with",
        "from",
        "for",
        "at",
        "in",
        "that",
        "there",
        "this",
        "than",
        "which",
        "only",
        "species",
        "subspecies",
        "variety",
        "breeding",
        "nonbreeding",
        "migrant",
        "season",
        "status",
        "rank",
        "ranked",
        "unranked",
        "unrankable",
        "secure",
        "imperiled",
        "critically",
        "apparently",
        "presumed",
        "possibly",
        "extinct",
        "extirpated",
        "eliminated",
        "inexact",
        "questionable",
        "taxonomy",
        "captive",
        "cultivated",
        "legacy",
        "state",
        "country",
        "area",
        "range",
        "yet",
        "found",
        "known",
        "historical",
        "records",
        "threats",
        "declines",
        "individuals",
        "typically",
        "fewer",
        "more",
        "some",
        "hope",
    )
)
"""English words that are not also French or Spanish words ("vulnerable", "code", "global", "a" are)."""
_WORD = re.compile(r"[^\W\d_]+")


def _english_words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word in ENGLISH}


def test_the_english_word_check_finds_english() -> None:
    assert _english_words(srank.describe("S2B,S4N", style="long")) >= {"the", "breeding", "imperiled"}
    assert _english_words(f"En péril{NBSP}(S2B); Taxonomía dudosa") == set()


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_english_word_in_any_official_form(lang: srank.Language) -> None:
    for text, lenient in VALID:
        rank = srank.parse(text, lenient=lenient)
        outputs = [srank.describe(rank, style=style, lang=lang) for style in ("short", "long")]
        for entry in srank.explain(rank, lang=lang):
            outputs += [entry.label, entry.definition]
        for output in outputs:
            assert _english_words(output) == set(), (text, output)
        if lang == "fr":
            assert "global" not in outputs[1].lower(), text


@given(st.one_of(ranks(), multi_season_ranks()), st.sampled_from(TRANSLATED))
def test_every_drawn_form_reads_without_english(rank: srank.Rank | srank.MultiSeasonRank, lang: srank.Language) -> None:
    short = srank.describe(rank, lang=lang)
    long = srank.describe(rank, style="long", lang=lang)
    entries = srank.explain(rank, lang=lang)
    assert short[0].isupper()
    assert "\n" not in short
    assert len(long.split("\n\n")) == len(entries)
    for text in [short, long, *(entry.label for entry in entries), *(entry.definition for entry in entries)]:
        assert "{" not in text
        assert _english_words(text) == set(), text


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_short_line_starts_with_a_capital(lang: srank.Language) -> None:
    for text, lenient in VALID:
        short = srank.describe(srank.parse(text, lenient=lenient), lang=lang)
        assert short[0].isupper(), (text, short)
        assert "{" not in short, text


# -- arguments ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_usda_plants_style_is_english_only(lang: srank.Language) -> None:
    with pytest.raises(ValueError, match=rf"style 'plants' has no '{lang}' text: .*English by definition"):
        srank.describe("S5T1T3Q", style="plants", lang=lang)
    assert srank.describe("G1", style="plants", lang="en").startswith("G1: ")


@pytest.mark.parametrize("call", [srank.describe, srank.explain])
def test_unknown_lang_lists_every_language(call: object) -> None:
    assert callable(call)
    with pytest.raises(ValueError, match=r"Unknown lang 'de'; choose one of: 'en', 'es', 'fr'$"):
        call("G1", lang="de")


def test_pandas_label_takes_a_language() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("srank.pandas")
    series = pd.Series(["G5T1T3Q", None, "S2B,S4N"])
    labels = series.srank.label(lang="es")
    assert (
        labels.tolist()[0] == "Segura; subespecie o variedad: entre gravemente amenazada y vulnerable; taxonomía dudosa"
    )
    assert labels.isna().tolist() == [False, True, False]
    assert labels.tolist()[2] == "Población reproductora: amenazada; población no reproductora: aparentemente segura"
    assert series.srank.label(lang="fr").tolist()[0].startswith("En sécurité\u202f; sous-espèce ou variété")


def test_a_language_table_is_cached() -> None:
    assert _description_tables.load("fr") is _description_tables.load("fr")


# -- the generated labels page -----------------------------------------------------


def test_labels_page_lists_every_label_in_every_language(tmp_path: Path) -> None:
    out = tmp_path / "labels.md"
    script = ROOT / "docs" / "gen_labels.py"
    result = subprocess.run([sys.executable, str(script), str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "| Code | `en` | `es` | `fr` |" in page
    assert "| `2` | Imperiled | Amenazada | En péril |" in page
    assert "| `X` (N, S) | Presumed Extirpated | Presuntamente extirpada | Présumée disparue |" in page
    assert "| `N`, gone from | from the country | del país | du pays |" in page
    changes = page.split("## Changes", 1)[1]
    assert [line.split("`")[1] for line in changes.splitlines() if line.startswith("| `")] == list(srank.ChangeKind)
    assert "| `uplisted` | S2S3 → S1, uplisted (more imperiled), rounded S2 → S1 |" in changes
    for lang in srank.available_languages():
        for key, text in load(lang).texts.items():
            if key[-1] == "label" and key[0] in ("level", "value", "qualifier", "season", "legacy"):
                assert f" {text} |" in page, (lang, key)


def test_after_a_semicolon_french_and_spanish_go_on_in_lower_case() -> None:
    assert srank.describe("SX,S1", lang="fr") == "Présumée disparue\u202f; gravement en péril"
    assert srank.describe("SX,S1", lang="es") == "Presuntamente extirpada; gravemente amenazada"
    assert srank.describe("SX,S1") == "Presumed Extirpated; Critically Imperiled"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_change_sentences_read_without_english(
    lang: srank.Language, render_changes: Callable[[srank.Language], list[str]]
) -> None:
    for text in render_changes(lang):
        assert _english_words(text) == set(), text
        assert "listed" not in text, text
        if lang == "fr":
            assert " :" not in text, text  # the colon takes a no-break space in French


def test_the_c_and_posix_locales_name_no_language_and_read_as_english() -> None:
    # lang=os.environ["LANG"] in a container gives "C.UTF-8": English, as the command line takes it.
    for tag in ("C", "C.UTF-8", "POSIX", "c.utf8"):
        assert srank.describe("S2", lang=tag) == "Imperiled"
