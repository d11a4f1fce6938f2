"""The JSON form of a rank: plain dicts, lists, strings, numbers, booleans and None.

Kept apart from the model so that the structure (documented, with a JSON
Schema, in docs/rank.schema.json) is written down in one place; the model's
``to_dict`` only hands its fields over. Enums appear as the letters of the code
("G", "3", "B", "?"), so the form reads like the code it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ._errors import InvalidRankError
from ._findings import Finding
from ._values import Infraspecific, Value
from ._vocabulary import Level, Qualifier, Season

__all__ = ["error_form", "finding_form", "part_form", "qualifiers_form", "rank_form", "value_form"]


def value_form(value: Value) -> dict[str, Any]:
    """A single grade or a range as its two ends: G3 is low "3", high "3"; G2G3 is low "2", high "3"."""
    return {"low": value.low.value, "high": value.high.value, "inexact": value.inexact}


def finding_form(finding: Finding, lang: str = "en") -> dict[str, Any]:
    """A finding as JSON: its message and hint in ``lang``, as plain text."""
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message_in(lang),
        "span": list(finding.span),
        "fragment": finding.fragment,
        "hint": finding.hint_in(lang),
    }


def error_form(error: InvalidRankError, lang: str = "en") -> dict[str, Any]:
    """Why a text is not a rank, as the command line's JSON writes it: its words in ``lang``, as plain text."""
    return {
        "code": error.code,
        "message": error.message_in(lang),
        "span": list(error.span),
        "hint": error.hint_in(lang),
        "expected": list(error.expected_in(lang)),
    }


def qualifiers_form(qualifiers: Iterable[Qualifier]) -> list[str]:
    """The qualifiers present, once each, in writing order (?, C, Q)."""
    present = set(qualifiers)
    return [qualifier.value for qualifier in Qualifier if qualifier in present]


def part_form(
    *,
    code: str,
    level: Level,
    value: Value | None,
    captive: bool,
    qualifiers: Iterable[Qualifier],
    season: Season | None,
    infraspecific: Infraspecific | None,
) -> dict[str, Any]:
    """What one code is made of; ``value`` is None only for a multi-part code as a whole."""
    return {
        "code": code,
        "level": level.value,
        "value": None if value is None else value_form(value),
        "captive": captive,
        "qualifiers": qualifiers_form(qualifiers),
        "season": None if season is None else season.value,
        "infraspecific": None
        if infraspecific is None
        else {"value": value_form(infraspecific.value), "captive": infraspecific.captive},
    }


def rank_form(
    head: dict[str, Any],
    *,
    parts: Sequence[dict[str, Any]],
    rounded: str,
    bounds: tuple[int, int] | None,
    findings: Iterable[Finding],
) -> dict[str, Any]:
    """The whole code: its own fields, its seasonal parts, and what srank derives from it."""
    return {
        **head,
        "parts": list(parts),
        "rounded": rounded,
        "bounds": None if bounds is None else list(bounds),
        "warnings": [finding_form(finding) for finding in findings],
    }
