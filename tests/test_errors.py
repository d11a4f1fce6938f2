"""Error text is API: these strings are checked verbatim."""

from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from srank.strategies import invalid_codes


def _error(text: str, *, lenient: bool = False) -> srank.InvalidRankError:
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse(text, lenient=lenient)
    return caught.value


def test_exception_tree() -> None:
    assert issubclass(srank.InvalidRankError, srank.SrankError)
    assert issubclass(srank.InvalidRankError, ValueError)
    assert issubclass(srank.SrankError, Exception)


def test_caret_under_the_problem() -> None:
    error = _error("S2X")
    assert str(error) == (
        "Expected the end of a range (S3 or S4), '?', an infraspecific part (T1-T5, TX, TH, TU, TNR or TNA),"
        " a season letter (B, N or M) or ',' after 'S2', found 'X'\n"
        "    S2X\n"
        "      ^\n"
        "Hint: a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"
    )
    assert error.text == "S2X"
    assert error.span == (2, 3)
    assert error.expected == (
        "the end of a range (S3 or S4)",
        "'?'",
        "an infraspecific part (T1-T5, TX, TH, TU, TNR or TNA)",
        "a season letter (B, N or M)",
        "','",
    )
    assert error.hint == "a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"


def test_every_suggested_range_end_makes_a_valid_range() -> None:
    assert _error("G1G").expected[0] == "the end of a range (G2 or G3)"
    assert _error("G5 ").expected[0] == "'?'"  # no range can end above 5
    assert _error("S1B, S4N").message == (
        "Expected another subnational part (S1-S5, SX, SH, SU, SNR or SNA) after 'S1B,', found ' '"
    )
    assert _error("GNRTUTXC").message == "Expected 'C' or 'Q' after 'GNRTU', found 'T'"
    assert _error("GNRTUTXC").hint == "lenient parsing reads this as 'GNRTU' (lenient=True)"


def test_end_of_code_caret_sits_after_the_text() -> None:
    assert str(_error("G5T")) == (
        "Expected a rank value (1-5, X, H, U, NR or NA) after 'G5T', found the end of the code\n    G5T\n       ^\n"
        "Hint: a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"
    )


@pytest.mark.parametrize("blank", [" ", "\t\n", "\u3000"])
@pytest.mark.parametrize("lenient", [False, True])
def test_blank_text_is_an_empty_error_read_strictly_or_leniently(blank: str, lenient: bool) -> None:
    error = _error(blank, lenient=lenient)
    assert (error.code, error.message, error.span) == (
        "empty",
        "Expected a rank code, found only whitespace",
        (0, len(blank)),
    )


@pytest.mark.parametrize(
    ("text", "message", "hint"),
    [
        (
            "\u04213",  # Cyrillic Es, as a keyboard layout types it
            "Expected a level letter (G, N, S or T), found 'С' (U+0421 CYRILLIC CAPITAL LETTER ES)",
            "'С' is CYRILLIC CAPITAL LETTER ES, which looks like 'C': retype the code in Latin letters and digits",
        ),
        (
            "\uff27\uff15",  # full width, as an East Asian input method types it
            "Expected a level letter (G, N, S or T), found 'Ｇ' (U+FF27 FULLWIDTH LATIN CAPITAL LETTER G)",
            "lenient parsing reads this as 'G5' (lenient=True)",  # full width is read leniently
        ),
        (
            "S\u0392",  # Greek Beta after S
            "Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found 'Β' (U+0392 GREEK CAPITAL LETTER BETA)",
            "'Β' is GREEK CAPITAL LETTER BETA, which looks like 'B': retype the code in Latin letters and digits",
        ),
    ],
)
def test_a_look_alike_of_a_latin_letter_is_named(text: str, message: str, hint: str) -> None:
    error = _error(text)
    assert (error.message, error.hint) == (message, hint)


def test_a_look_alike_keeps_its_case_and_only_capitals_have_twins() -> None:
    assert _error("S\uff53").message.endswith("found 'ｓ' (U+FF53 FULLWIDTH LATIN SMALL LETTER S)")
    assert _error("S3\u03bd").hint == "a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"  # Greek nu looks like v


def test_an_accented_letter_is_shown_as_itself() -> None:
    assert _error("S2é").message.endswith("after 'S2', found 'é'")


def test_reversed_range() -> None:
    assert str(_error("G3G2")) == (
        "Range 3-2 is reversed\n    G3G2\n    ^^^^\nHint: write the lower (more imperiled) number first, as in G2G3"
    )


def test_too_wide_range_points_to_gu() -> None:
    assert str(_error("G1G4")) == (
        "Range 1-4 is too wide: a range may skip at most one rank\n"
        "    G1G4\n"
        "    ^^^^\n"
        "Hint: NatureServe writes U (unrankable) when the rank is this uncertain, as in GU"
    )


def test_inexact_on_range() -> None:
    assert str(_error("G2G3?")) == (
        "'?' cannot qualify the range 'G2G3'\n"
        "    G2G3?\n"
        "        ^\n"
        "Hint: '?' goes on a single number only; write G2G3 or G2?"
    )


def test_questionable_on_subnational() -> None:
    assert str(_error("S3Q")) == (
        "Q cannot qualify the subnational rank 'S3'\n"
        "    S3Q\n"
        "      ^\n"
        "Hint: Q (questionable taxonomy) belongs to global ranks, as in G3Q or G5T3Q"
    )


def test_season_on_global() -> None:
    assert str(_error("G3B")) == (
        "A global rank cannot have a season (B)\n"
        "    G3B\n"
        "      ^\n"
        "Hint: seasons (B breeding, N nonbreeding, M migrant) apply to N and S ranks only, as in S2B"
    )


def test_iucn_category() -> None:
    assert str(_error("LC - Least concern")) == (
        "'LC' is an IUCN Red List category, not a NatureServe rank\n"
        "    LC - Least concern\n"
        "    ^^^^^^^^^^^^^^^^^^\n"
        "Hint: NatureServe ranks look like G3, S2B or G5T2; the two systems do not map one to one"
    )


def test_a_code_pasted_with_its_quotes_is_said_without_them() -> None:
    assert str(_error('"S2B,S4N"')) == (
        "Expected a level letter (G, N, S or T), found '\"'\n"
        '    "S2B,S4N"\n'
        "    ^\n"
        "Hint: the quotes are not part of a code: write it without them, S2B,S4N"
    )
    assert _error("\u201cG5T2\u201d").hint == "the quotes are not part of a code: write it without them, G5T2"
    assert _error("'s3'", lenient=True).hint == "the quotes are not part of a code: write it without them, S3"
    assert _error('"S9"').hint == "a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"  # no code inside
    assert (
        _error('"S2B"')
        .render("fr")
        .endswith("Conseil\u00a0: les guillemets ne font pas partie d'un code\u00a0: écrivez-le sans eux, S2B")
    )


def test_a_status_in_words_names_its_code() -> None:
    assert str(_error("Extirpated")) == (
        "'Extirpated' is a status written in words, not a rank code\n"
        "    Extirpated\n"
        "    ^^^^^^^^^^\n"
        "Hint: its code is X after the letter of the level: GX, NX or SX"
    )
    assert _error("Non e\u0301value\u0301e").code == "status-in-words"  # accents written decomposed too
    error = _error(" non  ÉVALUÉ ", lenient=True)  # any case and spacing, lenient or not
    assert (error.code, error.hint_in("fr")) == (
        "status-in-words",
        "son code est NR après la lettre du niveau\u00a0: GNR, NNR ou SNR",
    )


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_label_of_a_status_reads_as_its_value(lang: str) -> None:
    # srank's own labels, pasted into a rank column, are named for the code they stand for.
    for code, value in [("SX", "X"), ("SH", "H"), ("SU", "U"), ("SNR", "NR"), ("SNA", "NA"), ("GX", "X")]:
        label = srank.describe(code, lang=lang)
        assert (label, _error(label).code, f"G{value}" in str(_error(label))) == (label, "status-in-words", True)


def test_legacy_code_names_its_modern_equivalent() -> None:
    assert str(_error("SZN")) == (
        "'SZN' is a legacy code (transitory nonbreeding, no definable occurrences)\n"
        "    SZN\n"
        "    ^^^\n"
        "Hint: NatureServe now writes SNAN; lenient parsing reads it so, with a note"
    )
    warning = srank.parse("SZN", lenient=True).notes[0]
    assert warning.code == "legacy-code"
    assert "SNAN" in warning.message


def test_strict_error_suggests_lenient_reading() -> None:
    assert _error("S3B?").hint == "lenient parsing reads this as 'S3?B' (lenient=True)"
    assert _error("s2b, s4n").hint == "lenient parsing reads this as 'S2B,S4N' (lenient=True)"


def test_control_characters_are_escaped_and_caret_aligned() -> None:
    assert str(_error("G\x00")) == (
        "Expected a rank value (1-5, X, H, U, NR or NA) after 'G', found '\\x00'\n    G\\x00\n     ^^^^\n"
        "Hint: a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"
    )


def test_lone_surrogate_does_not_escape() -> None:
    error = _error("S2\ud800")
    assert error.span == (2, 3)
    assert "\\ud800" in str(error)


def test_very_long_input_is_rejected_with_a_window() -> None:
    error = _error("S" * 1_000_000)
    assert error.code == "too-long"
    assert str(error).splitlines()[0] == "The text is 1,000,000 characters long; no rank code is longer than 200"
    assert len(str(error).splitlines()[1]) < 80


def test_non_string_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"srank\.parse\(\) takes a str, not int"):
        srank.parse(5)  # type: ignore[arg-type]


def test_error_pickles() -> None:
    error = _error("G3G2")
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error)
    assert (copy.code, copy.span, copy.hint) == (error.code, error.span, error.hint)


def test_lenient_error_points_into_the_text_as_given() -> None:
    error = _error(" g1g4 ", lenient=True)
    assert str(error) == (
        "Range 1-4 is too wide: a range may skip at most one rank\n"
        "     g1g4 \n"
        "     ^^^^\n"
        "Hint: NatureServe writes U (unrankable) when the rank is this uncertain, as in GU"
    )


def test_a_lenient_reading_is_offered_only_when_it_reads() -> None:
    error = _error("hello world", lenient=True)
    assert "leniently" not in str(error)
    assert _error("hello world").hint == "a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"


def test_lenient_findings_point_into_the_text_as_given() -> None:
    rank = srank.parse("  sa ", lenient=True)
    assert [(f.code, f.span, f.fragment) for f in rank.findings] == [
        ("normalised-whitespace", (0, 5), "  sa "),
        ("normalised-case", (2, 4), "sa"),
        ("legacy-code", (2, 4), "SA"),
    ]
    rank = srank.parse("S2b / s3N", lenient=True)
    assert str(rank) == "S2B,S3N"
    assert [(f.code, f.span) for f in rank.findings] == [
        ("normalised-whitespace", (3, 6)),
        ("normalised-case", (2, 7)),
        ("normalised-slash-season", (4, 5)),
    ]


def test_lenient_error_spans_point_into_the_text_as_given() -> None:
    assert _error(" S3Q", lenient=True).span == (3, 4)
    assert _error("s2b, s2q", lenient=True).span == (7, 8)
    error = _error("G5 T", lenient=True)
    assert (error.text, error.span) == ("G5 T", (4, 4))
    assert error.hint == "a rank code looks like G3, G3G4, G5T2, S2B or S2B,S4N"


def test_range_hints_use_the_range_s_own_level_letter() -> None:
    assert _error("S2S2").hint == "write a single number, as in S2"
    assert _error("N3N2B").hint == "write the lower (more imperiled) number first, as in N2N3"
    assert _error("G5T1T4").hint == "NatureServe writes U (unrankable) when the rank is this uncertain, as in TU"


def test_lenient_error_caret_covers_a_rewritten_range() -> None:
    error = _error("g3/g2", lenient=True)
    assert (error.text, error.span) == ("g3/g2", (0, 5))
    assert str(error).splitlines()[1:3] == ["    g3/g2", "    ^^^^^"]


# -- every suggestion in an error is itself allowed ------------------------------

_QUOTED = re.compile(r"'(.)'")


def _examples(word: str) -> list[str]:
    """Concrete text for one expected item, as an error message words it."""
    if word == "the end of the code":
        return [""]
    quoted = _QUOTED.fullmatch(word)
    if quoted:
        return [quoted.group(1)]
    inside = word[word.index("(") + 1 : word.rindex(")")]
    pieces = re.split(r", | or ", inside)
    examples: list[str] = []
    for piece in pieces:
        if "-" in piece:  # a span such as 1-5 or S1-S5: both ends are examples
            examples += piece.split("-")
        else:
            examples.append(piece)
    return examples


def _failure(text: str) -> srank.InvalidRankError | None:
    try:
        srank.parse(text)
    except srank.InvalidRankError as error:
        return error
    return None


@given(st.one_of(invalid_codes(), st.text(alphabet="GNSTXHUQCBMRA?,12345 ", max_size=10)))
def test_every_expected_item_is_allowed_where_the_error_stands(text: str) -> None:
    # A code built from a suggestion reads, or fails only later, after the suggestion.
    error = _failure(text)
    if error is None or error.code in ("too-long", "empty", "missing-value", "iucn-category", "legacy-code"):
        return
    at = error.span[0]
    for word in error.expected:
        for example in _examples(word):
            later = _failure(text[:at] + example)
            assert later is None or later.span[0] >= at + len(example), (text, word, example, str(later))


def test_evolve_changes_the_named_fields_and_keeps_the_rest() -> None:
    error = srank.InvalidRankError("Range 3-2 is reversed", text="G3G2", span=(1, 4), expected=("G4",), hint="h")
    moved = error.evolve(text="AB (G3G2)", span=(5, 8))
    assert (moved.message, moved.text, moved.span, moved.expected, moved.hint, moved.code) == (
        "Range 3-2 is reversed",
        "AB (G3G2)",
        (5, 8),
        ("G4",),
        "h",
        "syntax",
    )
    assert (error.text, error.span) == ("G3G2", (1, 4))

    class Sub(srank.InvalidRankError):
        pass

    assert type(error.evolve(into=Sub)) is Sub


def test_a_quoted_value_is_cut_inside_its_quotes_in_every_language() -> None:
    from srank._errors import quotable
    from srank._messages import say

    said = say("explorer.not-json", where="a.json", error="no", text=quotable("x" * 70))
    assert str(said) == "a.json is not JSON (no): '" + "x" * 59 + "…'"
    assert said.render("fr") == "a.json n'est pas du JSON (no)\xa0: «\xa0" + "x" * 59 + "…\xa0»"
    assert said.render("es") == "a.json no es JSON (no): «" + "x" * 59 + "…»"
    assert repr(quotable(list(range(100)))) == "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, …"
    assert quotable("short") == "short"
