"""Rounding, bounds, imperilment order and predicates, from hand-written expectations."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import srank
from srank import Grade, Level, MultiSeasonRank, Rank, Season, Single

DATA = Path(__file__).parent / "data"

with (DATA / "rounding.csv").open(encoding="utf-8", newline="") as _handle:
    ROUNDING = list(csv.DictReader(_handle))


def test_rounding_table_is_large_and_distinct() -> None:
    assert len(ROUNDING) >= 80
    assert len({row["raw"] for row in ROUNDING}) == len(ROUNDING)
    kinds = {row["raw"][0] for row in ROUNDING}
    assert kinds == {"G", "T", "N", "S"}
    assert sum("," in row["raw"] for row in ROUNDING) >= 8


@pytest.mark.parametrize("row", ROUNDING, ids=[row["raw"] for row in ROUNDING])
def test_rounding_table(row: dict[str, str]) -> None:
    rank = srank.parse(row["raw"])
    result = rank.rounded()
    assert str(result) == row["rounded"]
    assert result == srank.parse(row["rounded"])
    assert type(result) is type(rank)
    assert result.rounded() == result


def test_rounded_rank_has_no_qualifiers_or_warnings() -> None:
    rounded = srank.parse("G5Q").rounded()
    assert isinstance(rounded, Rank)
    assert rounded.qualifiers == ()
    assert rounded.findings == ()
    assert srank.parse("S5T1T3").rounded().findings == ()


def test_rounding_lenient_input() -> None:
    assert str(srank.parse("s1/s3 b", lenient=True).rounded()) == "S2B"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("G2G3", (2, 3)),
        ("G3?", (3, 3)),
        ("G1G3", (1, 3)),
        ("G5", (5, 5)),
        ("G5T1T3Q", (1, 3)),
        ("G4?T3?", (3, 3)),
        ("G3G4T2", (2, 2)),
        ("T2T3", (2, 3)),
        ("S1S3B", (1, 3)),
        ("N4N5", (4, 5)),
        ("S5T1T3", (1, 3)),
        ("GX", None),
        ("GHC", None),
        ("GU", None),
        ("GUGHQ", None),
        ("GUGHT2", (2, 2)),
        ("GNR", None),
        ("SNA", None),
        ("G4TNR", None),
        ("G5TX", None),
        ("S2B,S4N", (2, 4)),
        ("S3S4B,S4S5N", (3, 5)),
        ("SNAB,S3N", (3, 3)),
        ("SXB,SNRN", None),
    ],
)
def test_bounds(code: str, expected: tuple[int, int] | None) -> None:
    assert srank.parse(code).bounds() == expected


def _sorted(codes: list[str]) -> list[str]:
    return [str(rank) for rank in sorted(srank.parse(code) for code in codes)]


def test_order_of_the_scale() -> None:
    scale = ["GX", "GH", "G1", "G2", "G3", "G4", "G5", "GU", "GNR", "GNA"]
    assert _sorted(list(reversed(scale))) == scale


def test_order_of_ranges_and_inexact() -> None:
    # Rounded rank first, then bounds (low end, high end), then exact before inexact.
    codes = ["G2G3", "G3?", "G2", "G1G3", "G3", "G1G2", "G1", "G2?", "G3G4"]
    assert _sorted(codes) == ["G1", "G1G2", "G1G3", "G2", "G2?", "G2G3", "G3", "G3?", "G3G4"]


def test_order_uses_the_t_part_and_breaks_ties_by_code() -> None:
    assert _sorted(["G5", "G5T2", "T2", "G2", "G3"]) == ["G2", "G5T2", "T2", "G3", "G5"]


def test_u_to_h_sorts_with_u_as_it_rounds() -> None:
    codes = ["GNR", "GUGHQ", "G5", "GH", "GUGH", "GU", "GUGHC", "G1"]
    assert _sorted(codes) == ["GH", "G1", "G5", "GU", "GUGH", "GUGHC", "GUGHQ", "GNR"]
    assert str(srank.most_imperiled(["GUGHQ", "GNR"])) == "GUGHQ"
    assert str(srank.most_imperiled(["GUGHQ", "G5"])) == "G5"


def test_multi_season_sorts_by_its_most_imperiled_part() -> None:
    assert _sorted(["S3", "S4B,S2N", "S2", "S1B,S5N"]) == ["S1B,S5N", "S2", "S4B,S2N", "S3"]


def test_comparison_operators() -> None:
    g1, g3 = srank.parse("G1"), srank.parse("G3")
    assert g1 < g3
    assert g1 <= g3
    assert g3 > g1
    assert g3 >= g1
    assert not g1 < srank.parse("G1")
    assert srank.parse("GX") < srank.parse("GH") < g1
    assert srank.parse("G5") < srank.parse("GU") < srank.parse("GNR") < srank.parse("GNA")


def test_sort_key_is_equal_only_for_equal_ranks() -> None:
    assert srank.parse("G3").sort_key() == Rank(Level.GLOBAL, Single(Grade.VULNERABLE)).sort_key()
    assert srank.parse("G3").sort_key() != srank.parse("T3").sort_key()
    assert srank.parse("S2B").sort_key() != srank.parse("S2B,S2N").sort_key()


@pytest.mark.parametrize(
    ("code", "imperiled", "extinct", "possibly", "ranked"),
    [
        ("G1", True, False, False, True),
        ("G3", True, False, False, True),
        ("G4", False, False, False, True),
        ("G3G4", True, False, False, True),
        ("G2G4", True, False, False, True),
        ("G3G5", False, False, False, True),
        ("G5T2", True, False, False, True),
        ("G5T1T3Q", True, False, False, True),
        ("T3?", True, False, False, True),
        ("GX", False, True, False, True),
        ("GXC", False, False, True, True),  # rounds to GH, as NatureServe's exports do
        ("GH", False, False, True, True),
        ("G5TH", False, False, True, True),
        ("GU", False, False, False, False),
        ("GUGHQ", False, False, False, False),  # rounds to GU, as NatureServe's exports do
        ("GUGHC", False, False, False, False),
        ("GNR", False, False, False, False),
        ("SNA", False, False, False, False),
        ("G4TNR", False, False, False, False),
        ("S1S2", True, False, False, True),
        ("S1B", True, False, False, True),
        ("S5T1T3", True, False, False, True),
        ("S2B,S4N", True, False, False, True),
        ("S4B,S5N", False, False, False, True),
        ("SXB,S4N", False, True, False, True),
        ("SNAB,SHN", False, False, True, True),
        ("SNAB,SNRN", False, False, False, False),
    ],
)
def test_predicates(code: str, imperiled: bool, extinct: bool, possibly: bool, ranked: bool) -> None:
    rank = srank.parse(code)
    assert rank.is_imperiled() is imperiled
    assert rank.is_extinct() is extinct
    assert rank.is_possibly_extinct() is possibly
    assert rank.is_ranked() is ranked


def test_is_imperiled_threshold() -> None:
    assert not srank.parse("G2").is_imperiled(1)
    assert srank.parse("G2").is_imperiled(2)
    assert srank.parse("G4G5").is_imperiled(4)
    assert srank.parse("G5").is_imperiled(5)
    with pytest.raises(ValueError, match="threshold must be from 1 to 5, not 0"):
        srank.parse("G2").is_imperiled(0)
    with pytest.raises(TypeError, match="threshold must be an int from 1 to 5, not bool"):
        srank.parse("G2").is_imperiled(True)
    with pytest.raises(TypeError, match="not float"):
        srank.parse("G2").is_imperiled(2.5)  # type: ignore[arg-type]


def test_season_parts() -> None:
    code = srank.parse("S2B,S4N")
    assert isinstance(code, MultiSeasonRank)
    assert code.breeding == srank.parse("S2B")
    assert code.nonbreeding == srank.parse("S4N")
    assert code.migrant is None
    assert code.breeding is not None
    assert code.breeding.is_imperiled()
    assert code.nonbreeding is not None
    assert not code.nonbreeding.is_imperiled()


def test_season_parts_of_a_single_rank() -> None:
    rank = srank.parse("S3M")
    assert rank.migrant is rank
    assert rank.breeding is None
    assert rank.nonbreeding is None
    unseasoned = srank.parse("S3")
    assert (unseasoned.breeding, unseasoned.nonbreeding, unseasoned.migrant) == (None, None, None)
    assert Rank(Level.NATIONAL, Single(Grade.IMPERILED), season=Season.BREEDING).breeding is not None


def test_most_and_least_imperiled() -> None:
    states = ["S3", "S1S2", None, "S2B,S4N", srank.parse("S5"), "SNR", "SX"]
    assert str(srank.most_imperiled(states)) == "SX"
    assert str(srank.least_imperiled(states)) == "S5"  # SNR is not "less imperiled" than S5
    assert str(srank.most_imperiled(["S3", "S1S2", "S2"])) == "S1S2"
    assert str(srank.least_imperiled(code for code in ["S3", "S3?"])) == "S3?"


def test_most_imperiled_lenient() -> None:
    assert str(srank.most_imperiled(["s2 ", "S3"], lenient=True)) == "S2"
    with pytest.raises(srank.InvalidRankError):
        srank.most_imperiled(["s2 ", "S3"])


def test_unreadable_codes_raise_or_are_skipped() -> None:
    column = ["S3", "G3G2", None, "S9", "S2"]
    with pytest.raises(srank.InvalidRankError, match=r"^Range 3-2 is reversed"):
        srank.most_imperiled(column)
    assert str(srank.most_imperiled(column, errors="skip")) == "S2"
    assert str(srank.least_imperiled(column, errors="skip")) == "S3"
    assert str(srank.most_imperiled([" s1", "G3G2"], lenient=True, errors="skip")) == "S1"
    with pytest.raises(ValueError, match=r"^least_imperiled\(\) got no rank codes"):
        srank.least_imperiled(["G3G2", None], errors="skip")
    with pytest.raises(ValueError, match=r"^most_imperiled\(\): errors must be one of 'raise', 'skip', not 'ignore'$"):
        srank.most_imperiled(["S1"], errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not int"):
        srank.most_imperiled(["S2", 3], errors="skip")  # not a code at all: a programming error, never skipped


def test_most_imperiled_bad_input() -> None:
    with pytest.raises(ValueError, match=r"most_imperiled\(\) got no rank codes"):
        srank.most_imperiled([])
    with pytest.raises(ValueError, match=r"least_imperiled\(\) got no rank codes"):
        srank.least_imperiled([None, None])
    with pytest.raises(TypeError, match=r"takes an iterable of codes, not a single str"):
        srank.most_imperiled("S2")
    with pytest.raises(TypeError, match=r"not int"):
        srank.most_imperiled(["S2", 3])


def test_unranked_values_count_only_when_nothing_is_ranked() -> None:
    assert str(srank.least_imperiled(["G2", "G5", "GU"])) == "G5"
    assert str(srank.most_imperiled(["GNR", "G4", "GU"])) == "G4"
    assert str(srank.most_imperiled(["GNR", "GNA", "GU"])) == "GU"
    assert str(srank.least_imperiled(["GNR", "GNA", "GU"])) == "GNA"
    assert str(srank.least_imperiled(["NA", "SNR", "N/A", "<na>", " "])) == "SNR"


def test_lenient_rounding_of_malformed_published_codes() -> None:
    assert str(srank.parse("G5T4G5", lenient=True).rounded()) == "T4"
    assert str(srank.parse("GNRTUTXC", lenient=True).rounded()) == "TU"
    with pytest.raises(srank.InvalidRankError):
        srank.parse("G5T4G5")


def test_concurrent_first_use_needs_no_layer_above_the_model() -> None:
    import subprocess
    import sys

    code = "import sys, srank; srank.parse('G5').rounded(); print(sorted(m for m in sys.modules if 'srank.' in m))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "srank._describe" not in result.stdout
    assert "srank._api" not in result.stdout


def test_comparison_with_other_types() -> None:
    with pytest.raises(TypeError):
        _ = srank.parse("G3") < "G4"  # type: ignore[operator]  # a checker refuses it before it runs too


def test_most_imperiled_skips_missing_values_as_parse_many_does() -> None:
    assert str(srank.most_imperiled(["S3", float("nan"), "", "  ", None, "S2"])) == "S2"
    assert str(srank.least_imperiled([None, "S3", float("nan"), "S2"])) == "S3"
    with pytest.raises(ValueError, match=r"got no rank codes \(the input was empty or all missing\)"):
        srank.most_imperiled([None, float("nan"), ""])


@pytest.mark.parametrize(
    ("code", "precautionary"),
    [
        # EBARTools samples/SpeciesKBAExample.csv: N_RANK N2N4 -> ROUNDED N3, PRECAUTIONARY N2; G4G5 -> G4 and G4.
        ("N2N4", "N2"),
        ("G4G5", "G4"),
        ("G1G3", "G1"),
        ("S3S5", "S3"),
        ("G3?", "G3"),
        ("G2Q", "G2"),
        ("G5T2T3Q", "T2"),
        ("G3G4T4T5", "T4"),
        ("GXC", "GH"),
        ("GH", "GH"),
        ("GUGHQ", "GH"),  # U to H: possibly extinct is the more imperiled end (rounded: GU)
        ("SNR", "SNR"),
        ("N2N4B", "N2B"),
        ("S2S4B,S3N,S1S2M", "S2B,S3N,S1M"),
        ("SX,S1", "SX,S1"),
    ],
)
def test_precautionary_is_the_most_imperiled_end(code: str, precautionary: str) -> None:
    rank = srank.parse(code)
    result = rank.precautionary()
    assert str(result) == precautionary
    assert type(result) is type(rank)
    assert all(part.qualifiers == () for part in result.parts)
