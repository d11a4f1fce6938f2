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

import functools
from typing import TYPE_CHECKING

from ._findings import Finding, Severity
from ._messages import say
from ._vocabulary import EXTINCT_GRADES, Grade, Level, Season

if TYPE_CHECKING:
    from ._model import MultiSeasonRank, Rank
    from ._values import Value

__all__ = [
    "SEASONAL_LEVELS",
    "STATUS_RANGE",
    "a_rank",
    "captive_fits",
    "captive_level_rule",
    "expected_level_rule",
    "inexact_on_range_rule",
    "inexact_rule",
    "infraspecific_level_rule",
    "is_status_range",
    "level_word",
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


def range_hint(code: str, letter: str) -> str:
    """The hint for a broken range (its finding code), with examples in the range's own level letter."""
    return say(f"rule.{code}-hint", letter=letter or "G")


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
        code, message = "range-not-numeric", say("rule.range-not-numeric", range=written)
    else:
        code = "range-reversed" if first > last else "range-degenerate" if first == last else "range-too-wide"
        message = say(f"rule.{code}", low=first, high=last)
    return _error(code, message, (0, len(written)), written, range_hint(code, letter))


def inexact_rule(grade: Grade, written: str) -> Finding | None:
    """'?' goes on a number only. ``written`` is the code up to the '?' (GX, or X alone)."""
    if grade.number is not None:
        return None
    return _error(
        "inexact-on-status",
        say("rule.inexact-on-status", written=written),
        (len(written), len(written) + 1),
        "?",
        say("rule.inexact-on-status-hint"),
    )


def inexact_on_range_rule(written: str) -> Finding:
    """'?' after a range (G2G3?): the model cannot hold it, so only the parser reports it."""
    return _error(
        "inexact-on-range",
        say("rule.inexact-on-range", written=written),
        (len(written), len(written) + 1),
        "?",
        say("rule.inexact-on-range-hint", written=written, single=written[:2]),
    )


# -- structural rules: what a level may carry ----------------------------------


def season_rule(level: Level, season: str, at: int) -> Finding | None:
    """Seasons (B, N, M) belong to national and subnational ranks."""
    if level in SEASONAL_LEVELS:
        return None
    return _error(
        "season-not-allowed",
        say("rule.season-not-allowed", a_rank=a_rank(level), season=season),
        (at, at + 1),
        season,
        say("rule.season-not-allowed-hint"),
    )


@functools.cache
def level_word(level: Level) -> str:
    """The level as an adjective: "global", "subnational" (a message to put in messages)."""
    return say(f"level.{level.value}")


@functools.cache
def a_rank(level: Level) -> str:
    """The level's rank with its article ("A global rank", "An infraspecific rank"), to start a sentence with."""
    return say(f"level.a-rank.{level.value}")


_GLOBAL_ONLY = {"C": "captive-not-global", "Q": "questionable-not-global"}


def _global_only_rule(letter: str, level: Level, written: str) -> Finding | None:
    if level not in SEASONAL_LEVELS:
        return None
    code = _GLOBAL_ONLY[letter]
    at = len(written)
    message = say("rule.global-only", letter=letter, level=level_word(level), written=written)
    return _error(code, message, (at, at + 1), letter, say(f"rule.{code}-hint"))


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
    return _error(
        "infraspecific-not-global",
        say("rule.infraspecific-not-global", a_rank=a_rank(level)),
        span,
        written[span[0] : span[1]],
        say("rule.infraspecific-not-global-hint"),
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
                say("rule.season-with-infraspecific", season=rank.season.value),
                (season_at, season_at + 1),
                rank.season.value,
                say("rule.season-with-infraspecific-hint"),
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
    """True when every rank a T value allows is above every rank its species allows, on the scale X, H, 1 to 5:
    a living subspecies under a species presumed or possibly extinct (GXT2, GHT3) too. U, NR and NA take no part."""
    if _on_scale(species.low) is None:  # U to H (GUGHT3): the species may be unrankable
        return False
    species_high, infra_low = _on_scale(species.high), _on_scale(infra.low)
    return species_high is not None and infra_low is not None and infra_low > species_high


_BELOW_ONE = {Grade.PRESUMED_EXTINCT: -1, Grade.POSSIBLY_EXTINCT: 0}  # X, then H, before 1 on the imperilment scale


def _on_scale(grade: Grade) -> int | None:
    number = grade.number
    return number if number is not None else _BELOW_ONE.get(grade)


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
        say("rule.captive-not-extinct", written=written),
        (at, at + len(written) + 1),
        written + "C",
        say("rule.captive-not-extinct-hint"),
    )


def _range_of_statuses(written: str) -> Finding:
    return _warning(
        "range-of-statuses",
        say("rule.range-of-statuses", written=written),
        (0, len(written)),
        written,
        say("rule.range-of-statuses-hint"),
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
                    say("rule.nonstandard-plants-form", code=code),
                    (infra_at, questionable_at),
                    t_code,
                    say("rule.nonstandard-plants-form-hint"),
                )
            )
        elif more_secure(infra.value, rank.value):
            species = letter + rank.value.format(letter)
            found.append(
                _warning(
                    "infraspecific-more-secure",
                    say("rule.infraspecific-more-secure", infraspecific=t_code, species=species),
                    (infra_at, questionable_at),
                    t_code,
                    say("rule.infraspecific-more-secure-hint"),
                )
            )
    if rank.questionable and not questionable_fits(infra.value if infra is not None else rank.value):
        found.append(
            _error(
                "questionable-secure",
                say("rule.questionable-secure"),
                (questionable_at, questionable_at + 1),
                "Q",
                say("rule.questionable-secure-hint"),
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
        say("rule.multi-not-seasonal", written=written),
        span,
        written,
        say("rule.multi-not-seasonal-hint"),
    )


def mixed_levels_rule(first: Level, span: tuple[int, int], fragment: str) -> Finding:
    """Every part of a multi-part code has the level of the first."""
    return _error(
        "mixed-levels",
        say("rule.mixed-levels"),
        span,
        fragment,
        say("rule.mixed-levels-hint", level=level_word(first), letter=first.value),
    )


def multi_part_structure(rank: MultiSeasonRank) -> Finding | None:
    """Two or more N or S parts of one level, none with a T part."""
    code = str(rank)
    parts = rank.parts
    if len(parts) < 2:
        return _error(
            "multi-too-few-parts",
            say("rule.multi-too-few-parts"),
            (0, len(code)),
            code,
            say("rule.multi-too-few-parts-hint"),
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
                    say("rule.part-repeated", part=written),
                    (start, end),
                    written,
                    say("rule.part-repeated-hint"),
                )
            )
        elif part.season is None:
            found.append(
                _warning(
                    "season-missing",
                    say("rule.season-missing", part=written),
                    (start, end),
                    written,
                    say("rule.season-missing-hint"),
                )
            )
        elif part.season in seen_seasons:
            found.append(
                _warning(
                    "season-repeated",
                    say("rule.season-repeated", season=part.season.value, name=say(f"season.{part.season.value}")),
                    (end - 1, end),
                    part.season.value,
                    say("rule.season-repeated-hint"),
                )
            )
        seen_codes.add(written)
        if part.season is not None:
            seen_seasons.add(part.season)
    return tuple(found)


def expected_level_rule(
    rank: MultiSeasonRank | Rank, expected: Level, *, place: bool = False, field: str | None = None
) -> Finding | None:
    """The finding for a rank that sits where another level belongs (a G5 in an S rank column).

    A T rank counts as global: it is the rounded global rank of a subspecies or variety.
    ``place`` words it for a place of a distribution (a G5 as a nation's rank) rather than a column;
    ``field`` (a message: "global rank") for a field of an Explorer record.
    """
    level = Level.GLOBAL if rank.level is Level.INFRASPECIFIC else rank.level
    wanted = Level.GLOBAL if expected is Level.INFRASPECIFIC else expected
    if level is wanted:
        return None
    text = str(rank)
    words = {"code": text, "a_rank": a_rank(rank.level), "level": level_word(wanted), "letter": wanted.value}
    if field is not None:
        message = say("levels.wrong-level-field", field=field, **words)
        hint = say("levels.wrong-level-field-hint", level=level_word(wanted))
    elif place:
        where = say("levels.nation" if wanted is Level.NATIONAL else "levels.subnation")
        message = say("levels.wrong-level-place", place=where, **words)
        hint = say("levels.wrong-level-place-hint", level=level_word(wanted))
    else:
        message = say("levels.wrong-level", **words)
        hint = say("levels.wrong-level-hint", level=level_word(rank.level))
    return Finding("wrong-level", Severity.ERROR, message, (0, len(text)), text, hint)
