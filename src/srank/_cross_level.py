"""Consistency findings across levels: ``check_levels``.

``check_levels`` applies NatureServe's cross-level rules (codes in CATALOGUE):

- ``national-more-secure`` / ``subnational-more-secure`` (warning): a national
  rank more secure than the global one, a subnational rank more secure than
  the national or global one ("G1S3 cannot occur"). A warning, because
  published data hold such pairs while a global rank awaits review.
- ``subnational-gap-too-wide`` (error): a subnational number at least 3 greater
  than the global or national number; NatureServe's data exchange rejects it.
  Such a pair is also more secure, so it gets both findings.
- ``subnational-under-extinct`` (error): S2 or above under GX/GH or NX/NH, which
  the data exchange rejects. S1 is accepted: a rediscovery is ranked S1 before
  the global or national rank is reviewed. The rule names subnational ranks
  only, so a national rank under GX/GH is not reported.

Comparisons use the number bounds of the taxon (the T part of a G+T code), and
report only what no reading of a range can make consistent: "more secure" means
every number the lower rank allows is above every number the upper rank allows.
X, H, U, NR and NA take part only in the X/H rule. A multi-season code is checked
part by part; a seasonal part is compared with the national part of the same
season when there is one, else with the whole national code. Spans point into
the canonical code (``str()``) of the lower rank of the pair, at the part concerned.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ._batch import Result, validity_of
from ._distribution import Distribution
from ._findings import Finding, Severity
from ._messages import say
from ._model import AnyRank, Level, MultiSeasonRank, Rank
from ._rules import expected_level_rule, level_word
from ._vocabulary import EXTINCT_GRADES

__all__ = [
    "check_distribution_levels",
    "check_levels",
    "check_row",
    "column_validity",
    "expected_level_rule",
    "levels_by_record",
]

_GAP = 3  # the data exchange rejects a subnational number this much greater


def _checked(value: AnyRank | None, name: str, levels: tuple[Level, ...]) -> AnyRank | None:
    if value is None:
        return None
    if not isinstance(value, (Rank, MultiSeasonRank)):
        raise TypeError(f"{name} must be a srank rank object or None, not {type(value).__name__}")
    if value.level not in levels:
        wanted = {Level.GLOBAL: "a G or T rank", Level.NATIONAL: "an N rank", Level.SUBNATIONAL: "an S rank"}[levels[0]]
        raise ValueError(f"{name} must be {wanted}, not {str(value)!r}")
    return value


def _parts_with_offsets(rank: AnyRank) -> list[tuple[Rank, int]]:
    found, at = [], 0
    for part in rank.parts:
        found.append((part, at))
        at += len(str(part)) + 1
    return found


def _counterpart(upper: AnyRank, part: Rank) -> AnyRank:
    """The part of ``upper`` a seasonal ``part`` is compared with."""
    if isinstance(upper, MultiSeasonRank) and part.season is not None:
        for candidate in upper.parts:
            if candidate.season is part.season:
                return candidate
    return upper


def _is_extinct_status(rank: AnyRank) -> bool:
    # Every part rounds to X or H: the taxon is gone from the whole area.
    return all(part.value.low in EXTINCT_GRADES for part in rank.rounded().parts)


def _compare(lower: AnyRank, upper: AnyRank, upper_level: Level, lower_level: Level, code: str) -> list[Finding]:
    findings = []
    upper_word, subnational = level_word(upper_level), lower_level is Level.SUBNATIONAL
    for part, at in _parts_with_offsets(lower):
        other = _counterpart(upper, part)
        span = (at, at + len(str(part)))
        low_bounds, up_bounds = part.bounds(), other.bounds()
        if low_bounds is not None and up_bounds is not None and low_bounds[0] > up_bounds[1]:
            findings.append(
                Finding(
                    code,
                    Severity.WARNING,
                    say(
                        "levels.more-secure",
                        lower=level_word(lower_level),
                        part=str(part),
                        upper=upper_word,
                        other=str(other),
                    ),
                    span,
                    str(part),
                )
            )
            gap = low_bounds[0] - up_bounds[1]
            if subnational and gap >= _GAP:
                findings.append(
                    Finding(
                        "subnational-gap-too-wide",
                        Severity.ERROR,
                        say(
                            "levels.gap-too-wide",
                            part=str(part),
                            gap=gap,
                            upper=upper_word,
                            other=str(other),
                            limit=_GAP,
                        ),
                        span,
                        str(part),
                    )
                )
        if subnational and low_bounds is not None and low_bounds[0] >= 2 and _is_extinct_status(other):
            findings.append(
                Finding(
                    "subnational-under-extinct",
                    Severity.ERROR,
                    say("levels.under-extinct", part=str(part), upper=upper_word, other=str(other)),
                    span,
                    str(part),
                )
            )
    return findings


def column_validity(result: Result, level: Level | None) -> bool | None:
    """srank_valid of a cell in a column of ``level`` (``srank check --column NAME:LEVEL``).

    ``validity_of``, and False for a rank of another level (``expected_level_rule``).
    """
    validity = validity_of(result)
    if validity and level is not None and isinstance(result, (Rank, MultiSeasonRank)):
        return expected_level_rule(result, level) is None
    return validity


def check_levels(
    *,
    global_rank: AnyRank | None = None,
    national_rank: AnyRank | None = None,
    subnational_rank: AnyRank | None = None,
) -> list[Finding]:
    """Findings about how a taxon's global, national and subnational ranks fit together.

    A T rank counts as a global rank: it is the rounded global rank of a
    subspecies or variety. Rules, spans and ranges: this module's docstring.
    """
    g = _checked(global_rank, "global_rank", (Level.GLOBAL, Level.INFRASPECIFIC))
    n = _checked(national_rank, "national_rank", (Level.NATIONAL,))
    s = _checked(subnational_rank, "subnational_rank", (Level.SUBNATIONAL,))
    findings: list[Finding] = []
    if n is not None and g is not None:
        findings += _compare(n, g, Level.GLOBAL, Level.NATIONAL, "national-more-secure")
    if s is not None and n is not None:
        findings += _compare(s, n, Level.NATIONAL, Level.SUBNATIONAL, "subnational-more-secure")
    if s is not None and g is not None:
        findings += _compare(s, g, Level.GLOBAL, Level.SUBNATIONAL, "subnational-more-secure")
    return findings


_ARGUMENTS = {Level.GLOBAL: "global_rank", Level.NATIONAL: "national_rank", Level.SUBNATIONAL: "subnational_rank"}


def check_row(cells: Mapping[Level, object]) -> list[Finding] | None:
    """``check_levels`` over one row: each cell (a rank, an InvalidRankError or None) by its column's level.

    A cell that is missing, unreadable or of another level is left out, as
    ``srank check`` leaves it to the column's own check. None when fewer than
    two ranks are left, so that nothing was compared.
    """
    ranks: dict[str, AnyRank] = {}
    for level, cell in cells.items():
        if isinstance(cell, (Rank, MultiSeasonRank)) and expected_level_rule(cell, level) is None:
            ranks[_ARGUMENTS[level]] = cell
    return check_levels(**ranks) if len(ranks) >= 2 else None


def check_distribution_levels(global_rank: AnyRank | None, distribution: Distribution) -> list[Finding]:
    """``check_levels`` over every (G, N, S) chain of a distribution; each finding names its place.

    G is compared with each nation's rank, and each subnation's rank with its
    nation's and with G. A rank of the wrong level for its place (an S rank as a
    nation's) is left out of the comparisons: the record's own findings name it
    (``wrong-level``, ``PlaceRank.findings``).
    """
    return [finding for found in levels_by_record(global_rank, distribution) for finding in found]


def levels_by_record(global_rank: AnyRank | None, distribution: Distribution) -> list[list[Finding]]:
    """The findings of ``check_distribution_levels``, one list per record, in the distribution's order.

    A place written twice has each its own, so a table writes each record's findings beside it once.
    """
    if global_rank is not None:
        _checked(global_rank, "global_rank", (Level.GLOBAL, Level.INFRASPECIFIC))
    findings: list[list[Finding]] = []
    nations: dict[str, AnyRank | None] = {}
    for record in distribution:
        level = Level.NATIONAL if record.subnation is None else Level.SUBNATIONAL
        rank = record.rank
        if rank is not None and expected_level_rule(rank, level) is not None:
            rank = None
        if record.subnation is None:
            nations[record.nation] = rank
            pairs = {"global_rank": global_rank, "national_rank": rank}
            found = check_levels(**pairs) if rank is not None else []
        else:
            national = nations.get(record.nation)
            found = []
            if rank is not None:
                found += check_levels(national_rank=national, subnational_rank=rank)
                found += check_levels(global_rank=global_rank, subnational_rank=rank)
        findings.append([attrs.evolve(finding, place=record.label) for finding in found])
    return findings
