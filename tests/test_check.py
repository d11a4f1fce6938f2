"""Every documented finding code is triggered here, with its message checked verbatim."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import srank
import srank._parse
from conftest import Run
from srank import Finding, Severity
from srank._cross_level import check_row
from srank._findings import CATALOGUE
from srank._rounded_check import rounded_finding
from srank._rules import expected_level_rule

E, W = Severity.ERROR, Severity.WARNING

# code -> (text, severity, message, span) as srank.check(text, lenient=True) reports it.
SINGLE_CODE = {
    "empty": ("", E, "Expected a rank code, found an empty text", (0, 0)),
    "too-long": ("G" * 201, E, "The text is 201 characters long; no rank code is longer than 200", (200, 201)),
    "too-long, a huge text": (
        "G" * 10**6,
        E,
        "The text is 1,000,000 characters long; no rank code is longer than 200",
        (200, 220),
    ),
    "syntax": ("G6", E, "Expected a rank value (1-5, X, H, U, NR or NA) after 'G', found '6'", (1, 2)),
    "iucn-category": ("VU", E, "'VU' is an IUCN Red List category, not a NatureServe rank", (0, 2)),
    "status-in-words": ("Extirpated", E, "'Extirpated' is a status written in words, not a rank code", (0, 10)),
    "range-reversed": ("G3G2", E, "Range 3-2 is reversed", (0, 4)),
    "range-degenerate": ("G2G2", E, "Range 2-2 has the same number at both ends", (0, 4)),
    "range-too-wide": ("G1G4", E, "Range 1-4 is too wide: a range may skip at most one rank", (0, 4)),
    "inexact-on-range": ("G2G3?", E, "'?' cannot qualify the range 'G2G3'", (4, 5)),
    "inexact-on-status": ("GX?", E, "'?' cannot qualify 'GX'", (2, 3)),
    "questionable-not-global": ("S3Q", E, "Q cannot qualify the subnational rank 'S3'", (2, 3)),
    "captive-not-global": ("S3C", E, "C cannot qualify the subnational rank 'S3'", (2, 3)),
    "season-not-allowed": ("G3B", E, "A global rank cannot have a season (B)", (2, 3)),
    "season-repeated": ("S2B,S3B", W, "Season B (breeding) appears twice", (6, 7)),
    "part-repeated": ("SNA,SNA", W, "Part 'SNA' is written twice", (4, 7)),
    "mixed-levels": ("S2B,N3N", E, "The parts of a multi-part code must share one level", (4, 5)),
    "multi-not-seasonal": ("G3,S2B", E, "'G3' cannot be part of a multi-part code", (0, 2)),
    "infraspecific-not-global": ("N3T2", E, "A national rank cannot have an infraspecific T part", (2, 3)),
    "missing-value": (" n/a", E, "'n/a' is a missing-value marker, not a rank code", (0, 4)),
    "captive-not-extinct": ("G1C", E, "C is on 'G1'; NatureServe uses C with X or H only (GXC, GHC)", (0, 3)),
    "infraspecific-more-secure": (
        "G2T4",
        W,
        "The infraspecific rank T4 is more secure than its species' rank G2",
        (2, 4),
    ),
    "questionable-secure": (
        "G5Q",
        E,
        "Q on a rank of 5: NatureServe's guidance calls it invalid, since resolving the taxonomy could not"
        " lower the priority further",
        (2, 3),
    ),
    "range-of-statuses": (
        "GUGHQ",
        W,
        "'GUGH' is a range from U (unrankable) to H (possibly extinct); NatureServe publishes it, though its"
        " guidance defines ranges of numbers only",
        (0, 4),
    ),
    "nonstandard-plants-form": (
        "S5T1T3",
        W,
        "'S5T1T3' puts a T part after an S rank, as USDA PLANTS pages print it; this is not NatureServe syntax",
        (2, 6),
    ),
    "season-missing": ("S1B,S4", W, "Part 'S4' of a multi-part code has no season letter", (4, 6)),
    "dropped-extra-part": ("GNRTUTXC", W, "'TXC' after 'GNRTU' was dropped: a code has one T part", (5, 8)),
    "legacy-code": ("SA", W, "Legacy code 'SA' (accidental) was read as 'SNA'", (0, 2)),
    "normalised-whitespace": (" S3", W, "Surrounding whitespace was removed", (0, 1)),
    "normalised-case": ("s3", W, "Lower case was read as upper case", (0, 1)),
    "normalised-width": ("Ｇ５", W, "Full-width characters were read as their plain form", (0, 2)),
    "normalised-comma-space": ("S2B, S4N", W, "Spaces around a comma were removed", (3, 5)),
    "normalised-slash-range": ("S3/S4", W, "'/' between two numbers was read as a range", (0, 5)),
    "normalised-slash-season": ("N4B/N4N", W, "'/' between seasonal ranks was read as ','", (3, 4)),
    "normalised-semicolon-season": ("S3B; s4n", W, "';' between seasonal ranks was read as ','", (3, 5)),
    "normalised-dash-range": ("S2-S3", W, "A dash between two numbers was read as a range", (0, 5)),
    "normalised-inexact-after-season": ("S3B?", W, "'?' after the season was moved before it", (1, 4)),
}

# code -> (check_levels keywords, severity, message, span) for the first finding with that code.
CROSS_LEVEL: dict[str, tuple[dict[str, Any], Severity, str, tuple[int, int]]] = {
    "national-more-secure": (
        {"global_rank": "G2", "national_rank": "N3"},
        W,
        "The national rank 'N3' is more secure than the global rank 'G2'",
        (0, 2),
    ),
    "subnational-more-secure": (
        {"global_rank": "G1", "subnational_rank": "S3"},
        W,
        "The subnational rank 'S3' is more secure than the global rank 'G1'",
        (0, 2),
    ),
    "subnational-gap-too-wide": (
        {"national_rank": "N2", "subnational_rank": "S5"},
        E,
        "The subnational rank 'S5' is 3 ranks more secure than the national rank 'N2';"
        " NatureServe's data exchange rejects a gap of 3 or more",
        (0, 2),
    ),
    "subnational-under-extinct": (
        {"global_rank": "GH", "subnational_rank": "S1N,S2B"},
        E,
        "The subnational rank 'S2B' is S2 or above while the global rank is 'GH';"
        " NatureServe's data exchange rejects it",
        (4, 7),
    ),
}


# Codes that only a value built by hand can break: the grammar keeps them out of text.
BUILT_BY_HAND: dict[str, tuple[Callable[[], object], str]] = {
    "range-not-numeric": (
        lambda: srank.Range(srank.Grade.NOT_RANKED, srank.Grade.SECURE),
        "A range holds numbers only, not 'NR-5'",
    ),
    "multi-too-few-parts": (
        lambda: srank.MultiSeasonRank((srank.parse("S2B"),)),  # type: ignore[arg-type]
        "A multi-part code needs at least two parts",
    ),
}

# Codes about a rank in its place: a column that must hold one level (srank check --column NAME:S).
IN_A_COLUMN = {
    "wrong-level": (
        "G5",
        srank.Level.SUBNATIONAL,
        "error[wrong-level]: 'G5' is a global rank; this column holds subnational (S) ranks",
        "move it to the global rank column",
    ),
}


# Codes about a stored rounded rank: (raw code, stored cell, message) as srank check --rounded writes them.
IN_A_ROUNDED_COLUMN = {
    "rounded-missing": ("G3G4", "", "error[rounded-missing]: no rounded rank stored; srank rounds G3G4 to G3"),
    "rounded-unreadable": (
        "G3G4",
        "G3 ",
        "error[rounded-unreadable]: the stored rounded rank 'G3 ' is not a rank; srank rounds G3G4 to G3",
    ),
    "rounded-differs": (
        "G5T2T3",
        "G5",
        "error[rounded-differs]: the stored rounded rank is G5; srank rounds G5T2T3 to T2",
    ),
}


# Codes about distribution strings: (text, lenient, message of the first finding or error).
IN_A_DISTRIBUTION = {
    "distribution-syntax": ("Canada (N3", False, "Expected ')', found the end of the text"),
    "unknown-nation": ("Mexco (N3)", False, "Unknown nation name 'Mexco'"),
    "unknown-place": ("US(N5), ZZ(N1)", False, "srank does not know the nation code 'ZZ'; it is kept as written"),
    "unreadable-rank": (
        "CA(N9)",
        True,
        "The rank 'N9' could not be read (Expected a rank value (1-5, X, H, U, NR or NA) after 'N', found '9');"
        " the record keeps its text",
    ),
    "place-repeated": (
        "United States (N2): PA (S2), PA (S1)",
        False,
        "the place is listed again, as 'S1', after 'S2'; both records are kept, and a map shows the first",
    ),
}


# Codes the commands give about whole rows: (argv after the input, input, the start of the message in the output).
IN_A_FILE = {
    "empty-distribution": (("distribution", "-c", "d"), 'd\n""\n', "warning[empty-distribution]: the cell holds"),
    "global-rank-unread": (
        ("distribution", "-c", "d", "--global-column", "g"),
        "d,g\nUS(N5),G9\n",
        "warning[global-rank-unread]: the global rank 'G9' could not be read",
    ),
    "malformed-row": (("check", "-c", "r"), "r\nS1,S2\n", "error[malformed-row]: line 2 has 2 fields"),
    "rounded-missing": (
        ("check", "--rounded", "r=s"),
        "r,s\nS1S3,\n",
        "error[rounded-missing]: no rounded rank stored; srank rounds S1S3 to S2",
    ),
    "rounded-unreadable": (
        ("check", "--rounded", "r=s"),
        "r,s\nS1S3,S9\n",
        "error[rounded-unreadable]: the stored rounded rank 'S9' is not a rank",
    ),
    "rounded-differs": (
        ("check", "--rounded", "r=s"),
        "r,s\nS1S3,S1\n",
        "error[rounded-differs]: the stored rounded rank is S1; srank rounds S1S3 to S2",
    ),
    "rounded-raw-unreadable": (
        ("check", "--rounded", "r=s"),
        "r,s\nS1S4,S2\n",
        "warning[rounded-raw-unreadable]: the raw rank 'S1S4' is not a rank (Range 1-4 is too wide: a range may skip"
        " at most one rank); its rounding was not compared",
    ),
}


# Codes about NatureServe Explorer API records: (record, message of the first finding).
IN_EXPLORER_DATA: dict[str, tuple[dict[str, object], str]] = {
    "rounded-differs": (
        {"gRank": "G2G3", "roundedGRank": "G3"},
        "NatureServe publishes G3 as the rounded global rank of G2G3; srank rounds G2G3 to G2",
    ),
    "unreadable-date": (
        {"grank": "G2", "grankChangeDate": "2012"},
        "grankChangeDate '2012' is not a date (YYYY-MM-DD); it is left out",
    ),
}


# Codes of srank diff, which joins two files on a key: OLD's text, NEW's text, and what a row says.
IN_A_DIFF = {
    "key-blank": ("id,r\n,S1\n", "id,r\n1,S1\n", "error[key-blank]: the key is blank on"),
    "key-repeated": ("id,r\n1,S1\n1,S2\n", "id,r\n1,S1\n", "error[key-repeated]: the key is repeated"),
    "key-unread": ("id,r\n1,S1\n", "id,r\n1,S1,x\n", "error[key-unread]: the key's row in"),
}

# Codes of two distributions compared (srank.compare_distributions): (old, new, the changed place, its message).
IN_COMPARED_DISTRIBUTIONS = {
    "place-maybe-skipped": (
        "Canada (N3): AB (S3)",
        "Canada (N3): AB (S3, BC (S1)",  # a parenthesis left open: lenient reading keeps BC only
        "AB",
        "warning[place-maybe-skipped]: Alberta, Canada: The new distribution does not read as a whole, and the text"
        " skipped names the place: it may not have been removed",
    ),
}


@pytest.mark.parametrize("code", sorted(IN_COMPARED_DISTRIBUTIONS))
def test_codes_of_compared_distributions(code: str) -> None:
    old, new, subnation, message = IN_COMPARED_DISTRIBUTIONS[code]
    (change,) = [
        change for change in srank.compare_distributions(old, new, lenient=True) if change.subnation == subnation
    ]
    assert [note.line() for note in change.notes] == [message]
    # The other way round, the old side is the one not read whole.
    (back,) = [
        change for change in srank.compare_distributions(new, old, lenient=True) if change.subnation == subnation
    ]
    assert [note.code for note in back.notes] == [code]
    assert back.notes[0].message.endswith("it may not be new")
    # Only a place that the skipped text names: the lines read whole, and the places they do not name, compare.
    for old_text, new_text in (
        ("United States (N3): CA (S3), OR (S2), NV (S1)", "United States (N3): CA (S3),, OR (S2)"),
        ("United States (N3): NV (S1)\nCanada (N2): BC (S1)", "United States (N3)\nCanada (N2): BC(S1), ??"),
    ):
        nevada = next(
            change
            for change in srank.compare_distributions(old_text, new_text, lenient=True)
            if change.subnation == "NV"
        )
        assert (str(nevada.change.kind), nevada.notes) == ("removed", ())
    # A place is named where a place stands, before its rank: "or" in a note is not Oregon, and California's "CA ("
    # in Explorer text is not Canada, which Explorer text names "Canada (".
    words = srank.compare_distributions(
        "United States (N4): VT (S2), OR (S2), MD (S3)", "United States (N4): VT (S2), MD (S3 (or S2)", lenient=True
    )
    assert [(change.subnation, [note.code for note in change.notes]) for change in words][2:] == [
        ("OR", []),
        ("MD", ["place-maybe-skipped"]),
    ]
    codes = srank.compare_distributions(
        "Canada (N3)\nUnited States (N4): CA (S2)", "United States (N4): CA (S2, OR (S1)", lenient=True
    )
    assert [(change.nation, change.subnation, [note.code for note in change.notes]) for change in codes][:1] == [
        ("CA", None, [])
    ]
    biotics = srank.compare_distributions("US(N4), CA(N3)", "US(N4), CA(N3", lenient=True)
    assert [note.code for note in biotics[1].notes] == ["place-maybe-skipped"]


@pytest.mark.parametrize("code", sorted(IN_A_DIFF))
def test_codes_of_two_joined_files_are_written_in_their_rows(srank_cli: Run, tmp_path: Path, code: str) -> None:
    old_text, new_text, message = IN_A_DIFF[code]
    (tmp_path / "old.csv").write_text(old_text, encoding="utf-8")
    (tmp_path / "new.csv").write_text(new_text, encoding="utf-8")
    status, out, err = srank_cli("diff", tmp_path / "old.csv", tmp_path / "new.csv", "-k", "id", "-c", "r")
    assert status == 2
    assert message in out
    assert f"  {code}: " in err  # the summary counts it under its own code


@pytest.mark.parametrize("code", sorted(IN_A_FILE))
def test_file_level_codes(code: str, srank_cli: Run) -> None:
    argv, data, message = IN_A_FILE[code]
    status, out, _ = srank_cli(argv[0], "-", *argv[1:], "--format", "jsonl", stdin=data.encode())
    assert status == (0 if code in ("empty-distribution", "global-rank-unread", "rounded-raw-unreadable") else 1)
    assert message in out


def test_every_code_srank_writes_is_catalogued() -> None:
    source = Path(srank.__file__).parent
    written = set()
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r"(?:error|warning)\[([a-z][a-z-]+)\]", text))
        written |= set(re.findall(r'\bcode="([a-z][a-z-]+)"', text))
        written |= set(re.findall(r'Finding\(\s*"([a-z][a-z-]+)"', text))
        written |= set(re.findall(r'(?:_error|_warning)\(\s*"([a-z][a-z-]+)"', text))
        written |= set(re.findall(r'problem_line\(\s*"(?:error|warning)",\s*"([a-z][a-z-]+)"', text))
    assert written
    assert written - set(CATALOGUE) == set()


def test_every_catalogued_code_is_triggered_here() -> None:
    codes = {name.split(",")[0] for name in SINGLE_CODE}
    triggered = codes | set(CROSS_LEVEL) | set(BUILT_BY_HAND) | set(IN_A_COLUMN) | set(IN_A_DISTRIBUTION)
    triggered |= set(IN_A_FILE) | set(IN_A_ROUNDED_COLUMN) | set(IN_EXPLORER_DATA) | set(IN_A_DIFF)
    triggered |= set(IN_COMPARED_DISTRIBUTIONS)
    assert triggered == set(CATALOGUE)
    assert not codes & set(CROSS_LEVEL)


@pytest.mark.parametrize("code", list(IN_A_DISTRIBUTION))
def test_in_a_distribution_reports(code: str) -> None:
    text, lenient, message = IN_A_DISTRIBUTION[code]
    if code in ("distribution-syntax", "unknown-nation"):
        with pytest.raises(srank.InvalidRankError) as caught:
            srank.parse_distribution(text, lenient=lenient)
        assert (caught.value.code, caught.value.message) == (code, message)
    else:
        found = srank.parse_distribution(text, lenient=lenient).findings[0]
        assert (found.code, found.message) == (code, message)


@pytest.mark.parametrize("name", list(IN_A_COLUMN))
def test_in_a_column_reports(name: str) -> None:
    code, level, message, hint = IN_A_COLUMN[name]
    finding = expected_level_rule(srank.parse(code), level)
    assert finding is not None
    assert (str(finding), finding.hint, finding.span) == (message, hint, (0, len(code)))


def _read(cell: str) -> srank.Rank | srank.MultiSeasonRank | srank.InvalidRankError | None:
    (result,) = srank.parse_many([cell])
    return result


@pytest.mark.parametrize("name", list(IN_A_ROUNDED_COLUMN))
def test_in_a_rounded_column_reports(name: str) -> None:
    raw, written, message = IN_A_ROUNDED_COLUMN[name]
    finding = rounded_finding(srank.parse(raw), written, _read(written))
    assert finding is not None
    assert (str(finding), finding.span, finding.fragment) == (message, (0, len(written)), written)


@pytest.mark.parametrize(
    ("raw", "written"), [("G3G4", "G3"), ("S2S3B,S4N", "S4N,S2B"), ("GXC", "GH"), ("G5T4G5", "T4")]
)
def test_a_stored_rounded_rank_that_agrees_has_no_finding(raw: str, written: str) -> None:
    assert rounded_finding(srank.parse(raw, lenient=True), written, _read(written)) is None


def test_a_row_is_checked_across_the_levels_its_cells_read_at() -> None:
    G, N, S = srank.Level.GLOBAL, srank.Level.NATIONAL, srank.Level.SUBNATIONAL
    found = check_row({G: srank.parse("G2"), N: None, S: srank.parse("S4")})
    assert [finding.code for finding in found or []] == ["subnational-more-secure"]
    assert check_row({G: srank.parse("T2"), S: srank.parse("S2")}) == []
    # Unreadable, missing or misplaced cells are left to the column checks: nothing to compare.
    assert check_row({G: srank.parse("G2"), N: _read("N9"), S: None}) is None
    assert check_row({G: srank.parse("G2"), S: srank.parse("N4")}) is None


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("T2", srank.Level.GLOBAL),
        ("G5T1", srank.Level.GLOBAL),
        ("S2B,S4N", srank.Level.SUBNATIONAL),
        ("N3", srank.Level.NATIONAL),
    ],
)
def test_a_rank_of_the_columns_level_has_no_finding(code: str, level: srank.Level) -> None:
    assert expected_level_rule(srank.parse(code), level) is None


@pytest.mark.parametrize("name", sorted(SINGLE_CODE))
def test_check_reports(name: str) -> None:
    text, severity, message, span = SINGLE_CODE[name]
    code = name.split(",", maxsplit=1)[0]
    found = [finding for finding in srank.check(text, lenient=True) if finding.code == code]
    assert (found[0].code, found[0].severity, found[0].message, found[0].span) == (code, severity, message, span)
    assert found[0].fragment == (text[span[0] : span[1]] if code != "too-long" else text[200:220])
    if severity is E:
        assert found[0].hint, "every error says what to do instead"


@pytest.mark.parametrize("code", sorted(BUILT_BY_HAND))
def test_hand_built_values_obey_the_structural_rules(code: str) -> None:
    build, message = BUILT_BY_HAND[code]
    with pytest.raises(srank.InvalidRankError) as caught:
        build()
    assert (caught.value.code, caught.value.message) == (code, message)


def test_findings_carry_literal_hints() -> None:
    (finding,) = srank.check("G1C")
    assert finding.hint == "C (captive or cultivated only) marks a taxon gone from the wild: GXC or GHC"
    (finding,) = srank.check("GUGHC")
    assert finding.hint == "NatureServe rounds it to GU; srank sorts, bounds and filters it as GU too"
    (finding,) = srank.check("G3G4T5")
    assert finding.hint == (
        "a subspecies or variety is usually at least as imperiled as its species;"
        " NatureServe publishes such codes and rounds them to the T part"
    )


@pytest.mark.parametrize("code", sorted(CROSS_LEVEL))
def test_check_levels_reports(code: str) -> None:
    keywords, severity, message, span = CROSS_LEVEL[code]
    found = [finding for finding in srank.check_levels(**keywords) if finding.code == code]
    lower = str(keywords.get("subnational_rank") or keywords["national_rank"])
    assert found[0] == Finding(code, severity, message, span, lower[span[0] : span[1]])


READABLE = sorted(name for name, row in SINGLE_CODE.items() if srank._parse.reads(row[0]) or row[1] is W)


@pytest.mark.parametrize("name", READABLE)
def test_findings_of_a_readable_code_are_the_lenient_parse_findings(name: str) -> None:
    text = SINGLE_CODE[name][0]
    assert srank.check(text, lenient=True) == list(srank.parse(text, lenient=True).findings)
    assert srank.check(srank.parse(text, lenient=True)) == srank.check(text, lenient=True)


@pytest.mark.parametrize("text", ["SE", "s3", "S3;S4", "G5Q", "G5", "S2B,S4N", "G3G2", "SR", " S2"])
def test_a_code_is_valid_exactly_when_check_finds_no_error(text: str) -> None:
    # check reads as parse does, strictly by default: its errors and is_valid are one rule.
    errors = [finding for finding in srank.check(text) if finding.severity is Severity.ERROR]
    assert (not errors) is srank.is_valid(text)
    lenient_errors = [finding for finding in srank.check(text, lenient=True) if finding.severity is Severity.ERROR]
    assert (not lenient_errors) is srank.is_valid(text, lenient=True)


def test_check_reads_strictly_unless_told() -> None:
    assert [(f.code, f.severity.value) for f in srank.check("SE")] == [("legacy-code", "error")]
    assert [(f.code, f.severity.value) for f in srank.check("SE", lenient=True)] == [("legacy-code", "warning")]
    assert [f.code for f in srank.check("s3")] == ["syntax"]
    assert [f.code for f in srank.check("s3", lenient=True)] == ["normalised-case"]


def test_error_is_the_parse_error() -> None:
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse("G2G3?", lenient=True)
    (finding,) = srank.check("G2G3?")
    assert (finding.code, finding.message, finding.span) == (caught.value.code, caught.value.message, caught.value.span)
    assert (finding.fragment, finding.hint) == ("?", "'?' goes on a single number only; write G2G3 or G2?")
    assert str(finding) == "error[inexact-on-range]: '?' cannot qualify the range 'G2G3'"


def test_guidance_errors_are_findings_on_a_value_that_is_read() -> None:
    rank = srank.parse("G1C")
    assert str(rank.rounded()) == "G1"
    assert [str(finding) for finding in rank.findings] == [
        "error[captive-not-extinct]: C is on 'G1'; NatureServe uses C with X or H only (GXC, GHC)"
    ]
    assert not srank.is_valid("G1C")
    assert srank.is_valid("G2T4")  # a warning only


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("GXT1", ["infraspecific-more-secure"]),  # a living subspecies of a species presumed extinct
        ("GHT3", ["infraspecific-more-secure"]),
        ("GXTH", ["infraspecific-more-secure"]),  # possibly extinct under presumed extinct
        ("GHT1?", ["infraspecific-more-secure"]),
        ("GHTX", []),  # as imperiled or more
        ("GXTX", []),
        ("G1TX", []),
        ("GUT3", []),  # U, NR and NA take no part
        ("GXTNR", []),
    ],
)
def test_a_subspecies_above_an_extinct_species_is_more_secure_than_it(code: str, found: list[str]) -> None:
    assert [finding.code for finding in srank.parse(code).findings] == found


def test_clean_codes_have_no_findings() -> None:
    assert srank.check("G5T1T3Q") == []
    assert srank.check("S2B,S4N") == []
    assert srank.check(srank.parse("GNR")) == []


def test_check_rejects_other_types() -> None:
    with pytest.raises(TypeError, match=r"srank.check\(\) takes a str or a srank rank object, not int"):
        srank.check(3)  # type: ignore[arg-type]


def _codes(**keywords: object) -> list[str]:
    return [finding.code for finding in srank.check_levels(**keywords)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("keywords", "codes"),
    [
        # Consistent: the lower level at most as secure as the upper.
        ({"global_rank": "G3", "national_rank": "N3", "subnational_rank": "S1"}, []),
        ({"global_rank": "G5", "national_rank": "N2", "subnational_rank": "S1S2"}, []),
        ({}, []),
        ({"global_rank": "G1"}, []),
        ({"global_rank": None, "subnational_rank": "S5"}, []),
        # "G1S3 cannot occur."
        ({"global_rank": "G1", "subnational_rank": "S3"}, ["subnational-more-secure"]),
        ({"global_rank": "G1", "subnational_rank": "S2"}, ["subnational-more-secure"]),
        ({"national_rank": "N3", "subnational_rank": "S4"}, ["subnational-more-secure"]),
        # A gap of 3 or more: more secure, and rejected by the data exchange.
        ({"global_rank": "G1", "subnational_rank": "S4"}, ["subnational-more-secure", "subnational-gap-too-wide"]),
        ({"global_rank": "G2", "subnational_rank": "S4"}, ["subnational-more-secure"]),
        ({"global_rank": "G1", "national_rank": "N4"}, ["national-more-secure"]),
        # Ranges: a finding only when no reading of the range is consistent.
        ({"global_rank": "G2G3", "subnational_rank": "S3"}, []),
        ({"global_rank": "G2", "subnational_rank": "S2S3"}, []),
        ({"global_rank": "G1G2", "subnational_rank": "S3"}, ["subnational-more-secure"]),
        ({"global_rank": "G1G2", "subnational_rank": "S4S5"}, ["subnational-more-secure"]),
        ({"global_rank": "G1G2", "subnational_rank": "S5"}, ["subnational-more-secure", "subnational-gap-too-wide"]),
        ({"global_rank": "G3?", "subnational_rank": "S4"}, ["subnational-more-secure"]),
        # G+T codes compare the T part, the taxon itself.
        ({"global_rank": "G5T1", "subnational_rank": "S1"}, []),
        ({"global_rank": "G5T1", "subnational_rank": "S2"}, ["subnational-more-secure"]),
        ({"global_rank": "T2", "national_rank": "N3"}, ["national-more-secure"]),
        ({"global_rank": "G5TNR", "subnational_rank": "S5"}, []),
        # Off-scale ranks take no part in the number rules.
        ({"global_rank": "GU", "subnational_rank": "S5"}, []),
        ({"global_rank": "GNR", "national_rank": "N5", "subnational_rank": "SNA"}, []),
        # Under GX/GH or NX/NH only S1 (a rediscovery awaiting review), SX, SH and off-scale ranks pass.
        ({"global_rank": "GX", "subnational_rank": "S1"}, []),
        ({"global_rank": "GX", "subnational_rank": "SH"}, []),
        ({"global_rank": "GH", "subnational_rank": "SNR"}, []),
        ({"global_rank": "GH", "subnational_rank": "S2"}, ["subnational-under-extinct"]),
        ({"global_rank": "GXC", "subnational_rank": "S3"}, ["subnational-under-extinct"]),
        ({"global_rank": "G5TH", "subnational_rank": "S2S3"}, ["subnational-under-extinct"]),
        ({"global_rank": "GH", "subnational_rank": "S1S2"}, []),
        ({"national_rank": "NX", "subnational_rank": "S4"}, ["subnational-under-extinct"]),
        ({"national_rank": "NHB", "subnational_rank": "S5B"}, ["subnational-under-extinct"]),
        # Multi-season codes: each part, against the national part of its season.
        ({"national_rank": "N2B,N4N", "subnational_rank": "S2B,S4N"}, []),
        ({"national_rank": "N2B,N4N", "subnational_rank": "S4B,S2N"}, ["subnational-more-secure"]),
        ({"national_rank": "NXB,N4N", "subnational_rank": "S3B,S4N"}, ["subnational-under-extinct"]),
        ({"national_rank": "NXB,N4N", "subnational_rank": "S3"}, []),
        ({"national_rank": "NXB,NHN", "subnational_rank": "S3"}, ["subnational-under-extinct"]),
        ({"national_rank": "N1B,N2N", "subnational_rank": "S3"}, ["subnational-more-secure"]),
        (
            {"global_rank": "G1", "subnational_rank": "S2B,S4N"},
            ["subnational-more-secure", "subnational-more-secure", "subnational-gap-too-wide"],
        ),
        # All three levels: every pair is checked.
        (
            {"global_rank": "G2", "national_rank": "N3", "subnational_rank": "S4"},
            ["national-more-secure", "subnational-more-secure", "subnational-more-secure"],
        ),
    ],
)
def test_check_levels(keywords: dict[str, str | None], codes: list[str]) -> None:
    assert _codes(**keywords) == codes


def test_check_levels_spans_point_at_the_part() -> None:
    (first, second) = srank.check_levels(global_rank="G1", subnational_rank="S2B,S3N")
    assert (first.span, second.span) == ((0, 3), (4, 7))
    assert "'S3N'" in second.message
    assert (first.fragment, second.fragment) == ("S2B", "S3N")


def test_check_levels_accepts_rank_objects_and_lenient_text() -> None:
    assert _codes(global_rank=srank.parse("G1"), subnational_rank=srank.parse("S3")) == ["subnational-more-secure"]
    assert _codes(global_rank="g1", subnational_rank="s3 ", lenient=True) == ["subnational-more-secure"]
    with pytest.raises(srank.InvalidRankError):
        srank.check_levels(global_rank="g1")


def test_check_levels_rejects_wrong_levels_and_types() -> None:
    with pytest.raises(ValueError, match=r"global_rank must be a G or T rank, not 'S3'"):
        srank.check_levels(global_rank="S3")
    with pytest.raises(ValueError, match=r"national_rank must be an N rank, not 'S2B,S3N'"):
        srank.check_levels(national_rank="S2B,S3N")
    with pytest.raises(ValueError, match=r"subnational_rank must be an S rank, not 'G3'"):
        srank.check_levels(subnational_rank="G3")
    with pytest.raises(TypeError, match=r"subnational_rank must be a str, a srank rank object or None, not int"):
        srank.check_levels(subnational_rank=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        srank.check_levels("G1", "S3")  # type: ignore[call-arg]


def test_check_levels_names_the_unreadable_argument_and_takes_a_table_s_gaps() -> None:
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.check_levels(global_rank="G3", subnational_rank="S9")
    assert (
        caught.value.message == "subnational_rank: Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9'"
    )
    # A DataFrame row's empty cells: NaN, pandas.NA, blank text, N/A are a level with no rank, as None is.
    for gap in (float("nan"), "", " ", "N/A", None):
        assert srank.check_levels(global_rank=gap, subnational_rank="S1") == []  # type: ignore[arg-type]
    nan: Any = float("nan")
    found = srank.check_levels(global_rank="G1", national_rank=nan, subnational_rank="S3")
    assert [finding.code for finding in found] == ["subnational-more-secure"]


def test_functions_of_many_codes_refuse_a_value_that_is_not_iterable() -> None:
    for function in (srank.most_imperiled, srank.least_imperiled, srank.status_index, srank.status_index_interval):
        with pytest.raises(TypeError, match=r"takes an iterable of codes \(a list, a column\), not int$"):
            function(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^Distribution.from_api\(\) takes the list under 'nations', not NoneType$"):
        srank.Distribution.from_api(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", list(IN_EXPLORER_DATA))
def test_in_explorer_data_reports(code: str) -> None:
    import srank.explorer

    record, message = IN_EXPLORER_DATA[code]
    found = srank.explorer.read_taxon(record).findings[0]
    assert (found.code, found.severity, found.message) == (code, srank.Severity.WARNING, message)
