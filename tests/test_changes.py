"""srank.compare and srank.compare_distributions: the golden table, sentences, mirror images and bad input."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from srank import ChangeKind
from srank.strategies import multi_season_ranks, ranks

DATA = Path(__file__).parent / "data"

with (DATA / "changes.csv").open(encoding="utf-8", newline="") as _handle:
    GOLDEN = list(csv.DictReader(_handle))

MIRROR = {
    "same": "same",
    "notation": "notation",
    "qualifier": "qualifier",
    "status": "status",
    "level": "level",
    "uplisted": "downlisted",
    "downlisted": "uplisted",
    "added": "removed",
    "removed": "added",
    "more-certain": "less-certain",
    "less-certain": "more-certain",
    "extirpated": "rediscovered",
    "rediscovered": "extirpated",
    "ranked": "unranked",
    "unranked": "ranked",
}


def _parts(change: srank.RankChange) -> str:
    """The parts column of the golden table: "B:same N:removed", empty for a change of one part."""
    if change.parts == (change,):
        return ""
    return " ".join(f"{part.season.value if part.season else ''}:{part.kind}" for part in change.parts)


def test_golden_table_covers_every_kind_and_form() -> None:
    assert len(GOLDEN) >= 60
    assert {row["kind"] for row in GOLDEN} == {kind.value for kind in ChangeKind}
    assert sum(bool(row["lenient"]) for row in GOLDEN) >= 8
    assert sum("," in row["old"] + row["new"] for row in GOLDEN) >= 12
    assert sum("T" in row["old"] + row["new"] for row in GOLDEN) >= 10
    assert any(row["species_only"] for row in GOLDEN)
    for fragment in ("X", "H", "NR", "U", "NA", "?", "Q", "C"):
        assert any(fragment in row["old"] + row["new"] for row in GOLDEN), fragment


@pytest.mark.parametrize("row", GOLDEN, ids=[f"{row['old']}->{row['new']}" for row in GOLDEN])
def test_golden_table(row: dict[str, str]) -> None:
    change = srank.compare(row["old"] or None, row["new"] or None, lenient=bool(row["lenient"]))
    assert change.kind == row["kind"]
    assert change.rounded_changed is (row["rounded_changed"] == "true")
    assert change.species_only is (row["species_only"] == "true")
    assert _parts(change) == row["parts"]


@pytest.mark.parametrize("row", GOLDEN, ids=[f"{row['old']}->{row['new']}" for row in GOLDEN])
def test_golden_table_backwards_is_the_mirror_image(row: dict[str, str]) -> None:
    change = srank.compare(row["new"] or None, row["old"] or None, lenient=bool(row["lenient"]))
    assert change.kind == MIRROR[row["kind"]]
    assert change.rounded_changed is (row["rounded_changed"] == "true")


def test_kinds_are_stable_strings_listed_most_significant_first() -> None:
    assert [kind.value for kind in ChangeKind] == [
        *("level", "extirpated", "rediscovered", "uplisted", "downlisted", "ranked", "unranked"),
        *("added", "removed", "status", "less-certain", "more-certain", "qualifier", "notation", "same"),
    ]
    assert ChangeKind("more-certain") is ChangeKind.MORE_CERTAIN
    assert srank.compare("G3", "G2").kind == "uplisted"
    assert f"{srank.compare('G3', 'G2').kind}" == "uplisted"


def test_the_issue_example() -> None:
    change = srank.compare("N1B,NNRM", "N1N3B")
    breeding, migrant = change.parts
    assert (breeding.season, breeding.kind, breeding.rounded_changed) == (srank.Season.BREEDING, "less-certain", True)
    assert (str(breeding.old_rounded), str(breeding.new_rounded)) == ("N1B", "N2B")
    assert (migrant.season, migrant.kind, str(migrant.old), migrant.new) == (
        srank.Season.MIGRANT,
        "removed",
        "NNRM",
        None,
    )
    assert str(change) == ("Breeding: N1B → N1N3B, less certain, rounded N1B → N2B; Migrant: NNRM removed")


def test_a_change_holds_the_ranks_and_their_rounding() -> None:
    change = srank.compare("S2S3", "S1")
    assert (change.old, change.new) == (srank.parse("S2S3"), srank.parse("S1"))
    assert (change.old_rounded, change.new_rounded) == (srank.parse("S2"), srank.parse("S1"))
    assert (change.old_text, change.new_text) == ("S2S3", "S1")
    assert change.season is None
    assert change.parts == (change,)
    added = srank.compare(None, "S2B")
    assert (added.old, added.old_rounded, added.season, added.rounded_changed) == (
        None,
        None,
        srank.Season.BREEDING,
        True,
    )


@pytest.mark.parametrize(
    ("old", "new", "en", "fr", "es"),
    [
        ("G3", "G2", "G3 → G2, uplisted (more imperiled)", "G3 → G2, plus en péril", "G3 → G2, mayor riesgo"),
        (
            "S2S3",
            "S1",
            "S2S3 → S1, uplisted (more imperiled), rounded S2 → S1",
            "S2S3 → S1, plus en péril, rang arrondi S2 → S1",
            "S2S3 → S1, mayor riesgo, rango redondeado S2 → S1",
        ),
        (
            "G1",
            "GH",
            "G1 → GH, now Possibly Extinct",
            "G1 → GH, désormais possiblement disparue",
            "G1 → GH, ahora posiblemente extinta",
        ),
        (
            "S2",
            "SX",
            "S2 → SX, now Presumed Extirpated",
            "S2 → SX, désormais présumée disparue",
            "S2 → SX, ahora presuntamente extirpada",
        ),
        (
            "S3",
            "SU",
            "S3 → SU, no longer ranked (Unrankable)",
            "S3 → SU, n'est plus classée (inclassable)",
            "S3 → SU, ya sin rango (no clasificable)",
        ),
        (
            "s3",
            "S3",
            "s3 → S3, the same rank written differently",
            "s3 → S3, même rang, écrit autrement",
            "s3 → S3, el mismo rango escrito de otra forma",
        ),
        (
            "G3",
            "G5T3",
            "G3 → G5T3, level changed (Global to Infraspecific); not compared",
            "G3 → G5T3, changement de niveau (mondial → infraspécifique)\N{NO-BREAK SPACE}: rangs non comparés",
            "G3 → G5T3, cambio de nivel (de global a infraespecífico): rangos no comparados",
        ),
        (
            "S2B,S4N",
            "S1B,S5N",
            "Breeding: S2B → S1B, uplisted (more imperiled); Nonbreeding: S4N → S5N, downlisted (less imperiled)",
            "Population reproductrice\N{NO-BREAK SPACE}: S2B → S1B, plus en péril\N{NARROW NO-BREAK SPACE};"
            " population non reproductrice\N{NO-BREAK SPACE}: S4N → S5N, moins en péril",
            "Población reproductora: S2B → S1B, mayor riesgo; población no reproductora: S4N → S5N, menor riesgo",
        ),
        (
            "G4T2",
            "G5T2",
            "G4T2 → G5T2, downlisted (less imperiled), in the species rank (the infraspecific rank is unchanged)",
            "G4T2 → G5T2, moins en péril, dans le rang de l'espèce (le rang infraspécifique est inchangé)",
            "G4T2 → G5T2, menor riesgo, en el rango de la especie (el rango infraespecífico no cambió)",
        ),
        (None, "S2", "S2 added", "S2, rang ajouté", "S2, rango añadido"),
        ("G3", "G3", "G3 unchanged", "G3, rang inchangé", "G3, sin cambios"),
        (None, None, "No rank before or now", "Aucun rang, ni avant ni maintenant", "Sin rango, ni antes ni ahora"),
    ],
)
def test_sentences_in_every_language(old: str | None, new: str | None, en: str, fr: str, es: str) -> None:
    change = srank.compare(old, new, lenient=True)
    assert str(change) == en
    assert change.describe(lang="en") == en
    assert change.describe(lang="fr") == fr
    assert change.describe(lang="es") == es


def test_a_part_written_twice_is_notation_and_says_so() -> None:
    change = srank.compare("S2B,S2B", "S2B")
    assert (change.kind, change.rounded_changed) == ("notation", False)
    assert (str(change.old_rounded), str(change.new_rounded)) == ("S2B,S2B", "S2B")
    assert [(part.season, part.kind, str(part.old), str(part.new)) for part in change.parts] == [
        (srank.Season.BREEDING, "same", "S2B", "S2B")
    ]
    assert str(change) == "S2B,S2B → S2B, the same rank written differently"
    assert change.describe(lang="fr") == "S2B,S2B → S2B, même rang, écrit autrement"
    # Read leniently, the text differs from its rounding, yet nothing was rounded differently: no rounding note.
    assert str(srank.compare("s2b,s2b", "S2B", lenient=True)) == "s2b,s2b → S2B, the same rank written differently"


def test_a_season_named_twice_pairs_its_equal_part_first() -> None:
    change = srank.compare("S2B,S3B", "S3B")
    assert [(part.kind, str(part.old), part.new and str(part.new)) for part in change.parts] == [
        ("same", "S3B", "S3B"),
        ("removed", "S2B", None),
    ]
    assert str(change) == "Breeding: S2B removed"
    assert str(srank.compare("S2B,S3B", "S3B,S2B")) == "S2B,S3B → S3B,S2B, the same rank written differently"
    assert str(srank.compare("S2B,S3B", "S2B,S4B")) == "Breeding: S3B → S4B, downlisted (less imperiled)"


def test_an_unknown_language_names_the_choices() -> None:
    with pytest.raises(ValueError, match=r"Unknown lang 'de'; choose one of: 'en', 'es', 'fr'"):
        srank.compare("G3", "G2").describe(lang="de")


# -- what counts as absent, and bad input ---------------------------------------------


@pytest.mark.parametrize("absent", [None, "", "  ", "NA", float("nan")])
def test_missing_values_are_absent(absent: object) -> None:
    assert srank.compare(absent, "G3").kind == "added"
    assert srank.compare("G3", absent).kind == "removed"
    assert srank.compare(absent, None).kind == "same"


def test_rank_objects_and_text_compare_alike() -> None:
    assert srank.compare(srank.parse("G3"), "G2").kind == "uplisted"
    assert srank.compare(srank.parse("G3"), srank.parse("G3")).kind == "same"
    assert srank.compare("G3 ", srank.parse("G3"), lenient=True).kind == "notation"


def test_unreadable_codes_name_their_side() -> None:
    with pytest.raises(srank.InvalidRankError, match=r"^The old code cannot be read: Range 1-4 is too wide"):
        srank.compare("G1G4", "G3")
    with pytest.raises(srank.InvalidRankError, match=r"^The new code cannot be read") as caught:
        srank.compare("G3", "g2")
    assert caught.value.hint is not None
    assert "lenient" in caught.value.hint


def test_other_types_are_refused() -> None:
    with pytest.raises(TypeError, match="the new code is int"):
        srank.compare("G3", 3)


# -- properties ------------------------------------------------------------------------

any_rank = st.one_of(ranks(findings=True), multi_season_ranks(findings=True))
maybe_rank = st.one_of(st.none(), any_rank)


@given(maybe_rank)
def test_a_code_against_itself_is_the_same(rank: srank.Rank | srank.MultiSeasonRank | None) -> None:
    change = srank.compare(rank, rank)
    assert change.kind == "same"
    assert not change.rounded_changed
    assert all(part.kind == "same" for part in change.parts)
    text = None if rank is None else str(rank)
    assert srank.compare(text, text).kind == "same"


@given(maybe_rank, maybe_rank)
def test_backwards_is_the_mirror_image(
    a: srank.Rank | srank.MultiSeasonRank | None, b: srank.Rank | srank.MultiSeasonRank | None
) -> None:
    forwards, backwards = srank.compare(a, b), srank.compare(b, a)
    assert backwards.kind == MIRROR[forwards.kind]
    assert backwards.rounded_changed is forwards.rounded_changed
    assert backwards.species_only is forwards.species_only
    assert [MIRROR[part.kind] for part in forwards.parts] == [part.kind for part in backwards.parts]
    assert [part.season for part in forwards.parts] == [part.season for part in backwards.parts]


@given(maybe_rank, maybe_rank, st.sampled_from(["en", "fr", "es"]))
def test_every_pair_has_a_kind_and_a_sentence(
    a: srank.Rank | srank.MultiSeasonRank | None, b: srank.Rank | srank.MultiSeasonRank | None, lang: srank.Language
) -> None:
    change = srank.compare(a, b)
    assert change.kind in set(ChangeKind)
    text = change.describe(lang=lang)
    assert text
    assert "{" not in text
    assert "\n" not in text
    if change.kind in ("uplisted", "downlisted") and all(part.kind == change.kind for part in change.parts):
        assert change.rounded_changed or change.species_only or "X" in str(a) + str(b) or "H" in str(a) + str(b)
    assert (change.kind == "same") == (a == b)


@st.composite
def _with_a_part_written_twice(draw: st.DrawFn) -> tuple[srank.MultiSeasonRank, srank.MultiSeasonRank]:
    rank = draw(multi_season_ranks(findings=True))
    copied = draw(st.sampled_from(rank.parts))
    at = draw(st.integers(0, len(rank.parts)))
    return rank, srank.MultiSeasonRank((*rank.parts[:at], copied, *rank.parts[at:]))


@given(_with_a_part_written_twice())
def test_a_part_written_twice_more_is_notation(pair: tuple[srank.MultiSeasonRank, srank.MultiSeasonRank]) -> None:
    rank, longer = pair
    for change in (srank.compare(rank, longer), srank.compare(str(longer), str(rank))):
        assert change.kind == "notation"
        assert not change.rounded_changed
        assert all(part.kind == "same" for part in change.parts)


# -- distributions ----------------------------------------------------------------------

OLD = "United States (N4): MD (S2), VA (S3B,S4N), PA (SH)\nCanada (N5): ON (S4)"
NEW = "United States (N4): MD (S1), VA (S3B), NY (S3)\nCanada (N5): ON (S4), QC (S2)"


def test_distributions_compare_place_by_place_and_season_by_season() -> None:
    changes = srank.compare_distributions(OLD, NEW)
    rows = [
        (change.nation, change.subnation, change.change.season and change.change.season.value, str(change.change.kind))
        for change in changes
    ]
    assert rows == [
        ("US", None, None, "same"),
        ("US", "MD", None, "uplisted"),
        ("US", "VA", "B", "same"),
        ("US", "VA", "N", "removed"),
        ("US", "PA", None, "removed"),
        ("CA", None, None, "same"),
        ("CA", "ON", None, "same"),
        ("US", "NY", None, "added"),
        ("CA", "QC", None, "added"),
    ]
    assert changes[1].place == "Maryland, United States"
    assert str(changes[1]) == "Maryland: S2 → S1, uplisted (more imperiled)"
    assert changes[8].describe(lang="fr") == "Québec\N{NO-BREAK SPACE}: S2, rang ajouté"


def test_a_place_whose_code_lost_a_repeated_part_is_unchanged_season_by_season() -> None:
    changes = srank.compare_distributions(
        "United States (N4): NJ (SNA,SNA), MD (S2B,S2B), VA (S2B,S3B)",
        "United States (N4): NJ (SNA), MD (S2B), VA (S3B)",
    )
    assert [(change.subnation, str(change.change.kind), str(change)) for change in changes] == [
        (None, "same", "United States: N4 unchanged"),
        ("NJ", "same", "New Jersey: SNA unchanged"),
        ("MD", "same", "Maryland: S2B unchanged"),
        ("VA", "same", "Virginia: S3B unchanged"),
        ("VA", "removed", "Virginia: S2B removed"),
    ]


def test_distributions_of_other_formats_and_objects() -> None:
    biotics = srank.parse_distribution("US(N4), CA(N3N5)")
    changes = srank.compare_distributions(biotics, "United States (N4)\nCanada (N4)")
    assert [(change.nation, str(change.change.kind)) for change in changes] == [("US", "same"), ("CA", "more-certain")]
    assert [str(change.change.kind) for change in srank.compare_distributions(None, "US(N2)")] == ["added"]
    assert srank.compare_distributions("", None) == []


def test_unreadable_places_compare_as_absent_and_say_why() -> None:
    changes = srank.compare_distributions("US(N4), CA(N3)", "US(N4), CA(N9)", lenient=True)
    assert str(changes[1].change.kind) == "removed"
    assert [note.code for note in changes[1].notes] == ["unreadable-rank"]
    assert [(change.old_written, change.new_written) for change in changes] == [("N4", "N4"), ("N3", "N9")]
    only_new = srank.compare_distributions(None, "US(N2)")[0]
    assert (only_new.old_written, only_new.new_written) == (None, "N2")
    with pytest.raises(srank.InvalidRankError):
        srank.compare_distributions("US(N4), CA(N3)", "US(N4), CA(N9)")


def test_distributions_must_be_text_or_distributions() -> None:
    with pytest.raises(TypeError, match="the new one is list"):
        srank.compare_distributions("US(N4)", [])


def test_an_unreadable_distribution_is_named_by_its_side() -> None:
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.compare_distributions("Canada (N3)", "Canada (N3")
    assert caught.value.message == "The new distribution cannot be read: Expected ')', found the end of the text"
    assert caught.value.message_in("fr").startswith("La nouvelle répartition ne peut pas être lue\u00a0: ")


def test_the_repr_of_a_change_shows_its_public_fields() -> None:
    # The season parts are change.parts; the repr stays one line of what a user can name.
    assert repr(srank.compare("S2B,S4N", "S1B,S4N")) == (
        "RankChange(kind=<ChangeKind.UPLISTED: 'uplisted'>, old=<MultiSeasonRank 'S2B,S4N'>,"
        " new=<MultiSeasonRank 'S1B,S4N'>, season=None, species_only=False, old_text='S2B,S4N', new_text='S1B,S4N')"
    )
    assert repr(srank.compare("S2B,S4N", "S1B,S4N").parts[1]) == (
        "RankChange(kind=<ChangeKind.SAME: 'same'>, old=<Rank 'S4N'>, new=<Rank 'S4N'>,"
        " season=<Season.NONBREEDING: 'N'>, species_only=False, old_text=None, new_text=None)"
    )


def test_a_code_given_with_spaces_is_written_without_them_in_the_sentence() -> None:
    change = srank.compare("SH", " s3/s4 ", lenient=True)
    assert (str(change), change.new_text) == ("SH → s3/s4, rediscovered, rounded SH → S3", " s3/s4 ")
