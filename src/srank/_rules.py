"""Every rule about what a rank code may hold, each written once.

Two kinds of rule:

* **Structural** rules say what cannot be a rank at all: a reversed range, a
  season on a global rank, Q on a subnational rank. The grammar already keeps
  most of them out of parsed text; the parser reports them with these very
  findings, and the model raises them (as InvalidRankError) for a value built
  by hand. Their severity is always ``error``.
* **Guidance** rules say what NatureServe's guidance advises against although
  its own systems publish it: a T part more secure than its species (G3G4T5Q is
  on Explorer), unseasoned or repeated parts (Explorer's roundedSRank holds
  ``SX,S1`` and ``SNA,SNA``). They never raise; the value carries the finding.
  Severity ``error`` marks what the guidance calls invalid (G5Q, C on a rank
  other than X or H); ``warning`` marks what is only unusual, or what the
  guidance does not foresee: GUGHQ, a range from U to H, is on Explorer too.

Each function returns its Finding, or None when the rule holds. Spans are
relative to the text the function is told about; callers shift them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._findings import Finding, Severity
from ._vocabulary import EXTINCT_GRADES, LEVEL_WORD, Grade, Level, Season, a_or_an

if TYPE_CHECKING:
    from ._model import MultiSeasonRank, Rank
    from ._values import Value

__all__ = [
    "SEASONAL_LEVELS",
    "STATUS_RANGE",
    "captive_fits",
    "captive_level_rule",
    "inexact_on_range_rule",
    "inexact_rule",
    "infraspecific_level_rule",
    "is_status_range",
    "mixed_levels_rule",
    "more_secure",
    "multi_not_seasonal_rule",
    "multi_part_guidance",
    "multi_part_structure",
    "questionable_fits",
    "questionable_level_rule",
    "range_hint",
    "range_rule",
    "rank_guidance",
    "rank_layout",
    "rank_structure",
    "season_rule",
]

SEASONAL_LEVELS = frozenset({Level.NATIONAL, Level.SUBNATIONAL})

STATUS_RANGE = (Grade.UNRANKABLE, Grade.POSSIBLY_EXTINCT)
"""The one range of two statuses, U to H, and only as a global rank's own value (GUGH).

NatureServe's guidance defines ranges of numbers, yet its Explorer exports
publish GUGHQ and GUGHC, rounded to GU; srank reads them with a warning
(``range-of-statuses``). No other range of statuses has been seen in real data.
"""


def is_status_range(value: Value) -> bool:
    """True for the range from U to H (the value of GUGH)."""
    return value.low is STATUS_RANGE[0] and value.high is STATUS_RANGE[1]


def _error(code: str, message: str, span: tuple[int, int], fragment: str, hint: str) -> Finding:
    return Finding(code, Severity.ERROR, message, span, fragment, hint)


def _warning(code: str, message: str, span: tuple[int, int], fragment: str, hint: str) -> Finding:
    return Finding(code, Severity.WARNING, message, span, fragment, hint)


# -- structural rules: values ----------------------------------------------------

_RANGE_HINTS = {
    "range-not-numeric": "ranges are written with two numbers, as in {L}2{L}3",
    "range-reversed": "write the lower (more imperiled) number first, as in {L}2{L}3",
    "range-degenerate": "write a single number, as in {L}2",
    "range-too-wide": "NatureServe writes U (unrankable) when the rank is this uncertain, as in {L}U",
}


def range_hint(code: str, letter: str) -> str:
    """The hint for a broken range, with examples in the range's own level letter."""
    return _RANGE_HINTS[code].format(L=letter or "G")


def range_rule(low: Grade, high: Grade, letter: str = "") -> Finding | None:
    """A range holds two numbers, lower first, at most two apart (G1G3; GU rather than G1G4), or is U to H.

    Where U to H may stand (a global rank's own value) is ``rank_structure``'s concern.
    """
    first, last = low.number, high.number
    if first is not None and last is not None and 0 < last - first <= 2:
        return None
    if (low, high) == STATUS_RANGE:
        return None
    written = f"{letter}{low.value}{letter}{high.value}" if letter else f"{low.value}-{high.value}"
    if first is None or last is None:
        code, message = "range-not-numeric", f"A range holds numbers only, not {written!r}"
    elif first > last:
        code, message = "range-reversed", f"Range {first}-{last} is reversed"
    elif first == last:
        code, message = "range-degenerate", f"Range {first}-{last} has the same number at both ends"
    else:
        code, message = "range-too-wide", f"Range {first}-{last} is too wide: a range may skip at most one rank"
    return _error(code, message, (0, len(written)), written, range_hint(code, letter))


def inexact_rule(grade: Grade, written: str) -> Finding | None:
    """'?' goes on a number only. ``written`` is the code up to the '?' (GX, or X alone)."""
    if grade.number is not None:
        return None
    return _error(
        "inexact-on-status",
        f"'?' cannot qualify {written!r}",
        (len(written), len(written) + 1),
        "?",
        "'?' marks an inexact number; it only goes on 1-5, as in G3?",
    )


def inexact_on_range_rule(written: str) -> Finding:
    """'?' after a range (G2G3?): the model cannot hold it, so only the parser reports it."""
    return _error(
        "inexact-on-range",
        f"'?' cannot qualify the range {written!r}",
        (len(written), len(written) + 1),
        "?",
        f"'?' goes on a single number only; write {written} or {written[:2]}?",
    )


# -- structural rules: what a level may carry ----------------------------------


def season_rule(level: Level, season: str, at: int) -> Finding | None:
    """Seasons (B, N, M) belong to national and subnational ranks."""
    if level in SEASONAL_LEVELS:
        return None
    word = LEVEL_WORD[level]
    return _error(
        "season-not-allowed",
        f"{a_or_an(word)} {word} rank cannot have a season ({season})",
        (at, at + 1),
        season,
        "seasons (B breeding, N nonbreeding, M migrant) apply to N and S ranks only, as in S2B",
    )


_GLOBAL_ONLY = {
    "C": ("captive-not-global", "C (captive or cultivated only) belongs to global ranks: GXC or GHC"),
    "Q": ("questionable-not-global", "Q (questionable taxonomy) belongs to global ranks, as in G3Q or G5T3Q"),
}


def _global_only_rule(letter: str, level: Level, written: str) -> Finding | None:
    if level not in SEASONAL_LEVELS:
        return None
    code, hint = _GLOBAL_ONLY[letter]
    at = len(written)
    return _error(code, f"{letter} cannot qualify the {LEVEL_WORD[level]} rank {written!r}", (at, at + 1), letter, hint)


def captive_level_rule(level: Level, written: str) -> Finding | None:
    """C belongs to global (and infraspecific) ranks. ``written`` is the code before the C."""
    return _global_only_rule("C", level, written)


def questionable_level_rule(level: Level, written: str) -> Finding | None:
    """Q is global only. ``written`` is the code before the Q."""
    return _global_only_rule("Q", level, written)


def infraspecific_level_rule(level: Level, written: str, span: tuple[int, int]) -> Finding | None:
    """A T part follows a global rank (or the S rank of the USDA PLANTS form)."""
    if level in (Level.GLOBAL, Level.SUBNATIONAL):
        return None
    word = LEVEL_WORD[level]
    return _error(
        "infraspecific-not-global",
        f"{a_or_an(word)} {word} rank cannot have an infraspecific T part",
        span,
        written[span[0] : span[1]],
        "a T part follows a global rank, as in G5T2",
    )


# -- a whole single-season rank ---------------------------------------------------

Layout = tuple[str, int, int, int, int]


def rank_layout(rank: Rank) -> Layout:
    """The canonical code and where its C, T part, Q and season start."""
    letter = rank.level.value
    code = letter + rank.value.format(letter)
    captive_at = len(code)
    if rank.captive:
        code += "C"
    infra_at = len(code)
    if rank.infraspecific is not None:
        code += str(rank.infraspecific)
    questionable_at = len(code)
    if rank.questionable:
        code += "Q"
    season_at = len(code)
    if rank.season is not None:
        code += rank.season.value
    return code, captive_at, infra_at, questionable_at, season_at


def rank_structure(rank: Rank, layout: Layout) -> Finding | None:
    """The first structural rule a single-season rank breaks, located in its code (``rank_layout``)."""
    code, captive_at, infra_at, questionable_at, season_at = layout
    level, infra = rank.level, rank.infraspecific
    if rank.season is not None:
        found = season_rule(level, rank.season.value, season_at)
        if found is None and infra is not None:
            found = _error(
                "season-not-allowed",
                f"A subnational rank with a T part cannot have a season ({rank.season.value})",
                (season_at, season_at + 1),
                rank.season.value,
                "write the seasonal subnational rank on its own, as in S2B",
            )
        if found is not None:
            return found
    if rank.captive:
        found = captive_level_rule(level, code[:captive_at])
        if found is not None:
            return found
    if infra is not None:
        found = infraspecific_level_rule(level, code, (infra_at, questionable_at))
        if found is not None:
            return found
    if rank.questionable and infra is None:
        found = questionable_level_rule(level, code[:questionable_at])
        if found is not None:
            return found
    if level is not Level.GLOBAL and is_status_range(rank.value):
        return _status_range_not_global(code[:captive_at], 0)
    if infra is not None and is_status_range(infra.value):
        return _status_range_not_global(str(infra).removesuffix("C"), infra_at)
    return None


def _status_range_not_global(written: str, at: int) -> Finding:
    return _error(
        "range-not-numeric",
        f"A range holds numbers only, not {written!r}; only a global rank's own value can be U to H (GUGH)",
        (at, at + len(written)),
        written,
        range_hint("range-not-numeric", written[:1]),
    )


def more_secure(infra: Value, species: Value) -> bool:
    """True when every number a T value allows is above every number its species allows."""
    species_high, infra_low = species.high.number, infra.low.number
    return species_high is not None and infra_low is not None and infra_low > species_high


def captive_fits(value: Value) -> bool:
    """C (captive or cultivated only) fits a taxon gone, or possibly gone, from the wild: X, H, or U to H (GUGHC)."""
    return value.high in EXTINCT_GRADES and (value.low in EXTINCT_GRADES or is_status_range(value))


def questionable_fits(taxon: Value) -> bool:
    """Q fits any rank but 5: resolving the taxonomy could not lower a 5's priority."""
    return not (taxon.low is Grade.SECURE and taxon.high is Grade.SECURE)


def _captive_not_extinct(written: str, value: Value, at: int) -> Finding | None:
    if captive_fits(value):
        return None
    return _error(
        "captive-not-extinct",
        f"C is on {written!r}; NatureServe uses C with X or H only (GXC, GHC)",
        (at, at + len(written) + 1),
        written + "C",
        "C (captive or cultivated only) marks a taxon gone from the wild: GXC or GHC",
    )


def _range_of_statuses(written: str) -> Finding:
    return _warning(
        "range-of-statuses",
        f"{written!r} is a range from U (unrankable) to H (possibly extinct); NatureServe publishes it,"
        " though its guidance defines ranges of numbers only",
        (0, len(written)),
        written,
        "NatureServe rounds it to GU; srank sorts, bounds and filters it as GU too",
    )


def rank_guidance(rank: Rank) -> tuple[Finding, ...]:
    """What NatureServe's guidance says about a rank that is structurally sound."""
    code, captive_at, infra_at, questionable_at, _ = rank_layout(rank)
    letter = rank.level.value
    infra = rank.infraspecific
    found: list[Finding] = []
    if is_status_range(rank.value):
        found.append(_range_of_statuses(code[:captive_at]))
    if rank.captive:
        finding = _captive_not_extinct(code[:captive_at], rank.value, 0)
        if finding is not None:
            found.append(finding)
    if infra is not None:
        t_code = str(infra)
        if infra.captive:
            finding = _captive_not_extinct(t_code[:-1], infra.value, infra_at)
            if finding is not None:
                found.append(finding)
        if rank.level is Level.SUBNATIONAL:
            found.append(
                _warning(
                    "nonstandard-plants-form",
                    f"{code!r} puts a T part after an S rank, as USDA PLANTS pages print it;"
                    " this is not NatureServe syntax",
                    (infra_at, questionable_at),
                    t_code,
                    "NatureServe writes the global rank with its T part (G5T2) and the state rank apart (S2)",
                )
            )
        elif more_secure(infra.value, rank.value):
            species = letter + rank.value.format(letter)
            found.append(
                _warning(
                    "infraspecific-more-secure",
                    f"The infraspecific rank {t_code} is more secure than its species' rank {species}",
                    (infra_at, questionable_at),
                    t_code,
                    "a subspecies or variety is usually at least as imperiled as its species;"
                    " NatureServe publishes such codes and rounds them to the T part",
                )
            )
    if rank.questionable and not questionable_fits(infra.value if infra is not None else rank.value):
        found.append(
            _error(
                "questionable-secure",
                "Q on a rank of 5: NatureServe's guidance calls it invalid, since resolving"
                " the taxonomy could not lower the priority further",
                (questionable_at, questionable_at + 1),
                "Q",
                "drop the Q, or lower the rank if the taxonomy makes it less secure",
            )
        )
    return tuple(found)


# -- multi-part codes ----------------------------------------------------------


def _part_starts(rank: MultiSeasonRank) -> list[int]:
    starts, at = [], 0
    for part in rank.parts:
        starts.append(at)
        at += len(str(part)) + 1
    return starts


def multi_not_seasonal_rule(written: str, span: tuple[int, int]) -> Finding:
    """A G or T rank (or an S rank with a T part) cannot stand among the parts of a multi-part code."""
    return _error(
        "multi-not-seasonal",
        f"{written!r} cannot be part of a multi-part code",
        span,
        written,
        "only N and S ranks have several parts, as in S2B,S4N",
    )


def mixed_levels_rule(first: Level, span: tuple[int, int], fragment: str) -> Finding:
    """Every part of a multi-part code has the level of the first."""
    return _error(
        "mixed-levels",
        "The parts of a multi-part code must share one level",
        span,
        fragment,
        f"write every part as a {LEVEL_WORD[first]} rank, as in {first.value}2B,{first.value}4N",
    )


def multi_part_structure(rank: MultiSeasonRank) -> Finding | None:
    """Two or more N or S parts of one level, none with a T part."""
    code = str(rank)
    parts = rank.parts
    if len(parts) < 2:
        return _error(
            "multi-too-few-parts",
            "A multi-part code needs at least two parts",
            (0, len(code)),
            code,
            "a single rank is a srank.Rank",
        )
    first = parts[0].level
    for part, start in zip(parts, _part_starts(rank), strict=True):
        written = str(part)
        if part.level not in SEASONAL_LEVELS or part.infraspecific is not None:
            return multi_not_seasonal_rule(written, (start, start + len(written)))
        if part.level is not first:
            return mixed_levels_rule(first, (start, start + 1), written[:1])
    return None


def multi_part_guidance(rank: MultiSeasonRank) -> tuple[Finding, ...]:
    """Parts without a season, seasons named twice, parts written twice (all on Explorer)."""
    found: list[Finding] = []
    seen_codes: set[str] = set()
    seen_seasons: set[Season] = set()
    for part, start in zip(rank.parts, _part_starts(rank), strict=True):
        written = str(part)
        end = start + len(written)
        if written in seen_codes:
            found.append(
                _warning(
                    "part-repeated",
                    f"Part {written!r} is written twice",
                    (start, end),
                    written,
                    "NatureServe's rounded ranks hold such codes; one copy says the same",
                )
            )
        elif part.season is None:
            found.append(
                _warning(
                    "season-missing",
                    f"Part {written!r} of a multi-part code has no season letter",
                    (start, end),
                    written,
                    "each part of a multi-season code usually names its season, as in S2B,S4N",
                )
            )
        elif part.season in seen_seasons:
            found.append(
                _warning(
                    "season-repeated",
                    f"Season {part.season.value} ({part.season.name.lower()}) appears twice",
                    (end - 1, end),
                    part.season.value,
                    "each season usually has one rank, as in S2B,S4N",
                )
            )
        seen_codes.add(written)
        if part.season is not None:
            seen_seasons.add(part.season)
    return tuple(found)
