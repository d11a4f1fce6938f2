"""Lenient reading: rewrite the spellings real data files use into official syntax.

Each rewrite records one Finding whose span points into the text as given, so a
data manager can see exactly which characters were changed. Nothing here knows
the grammar; it only rewrites text that the grammar then reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._findings import Finding, Severity
from ._legacy import LEGACY_CODES, Legacy
from ._messages import say

__all__ = ["find_iucn", "find_legacy", "find_status_word", "normalise", "normalise_mapped"]


_LEGACY_PART = re.compile("|".join(sorted(map(re.escape, LEGACY_CODES), key=len, reverse=True)))

_IUCN = re.compile(
    r"\s*(?P<category>LC|NT|VU|EN|CR|EW|EX|DD|NE)\b"
    r"|\s*(?P<name>least concern|near threatened|vulnerable|endangered|critically endangered"
    r"|extinct in the wild|data deficient|not evaluated)\b",
    re.IGNORECASE,
)


# A status written in words where a code belongs, as state lists and CDC sheets write it (in English, French and
# Spanish, after the labels of descriptions/*.toml), and the value its code has at any level. Whole cells only:
# "Extirpated" is SX at the subnational level; "Vulnerable" is left to the IUCN reading, which it also is.
_STATUS_WORDS = {
    "X": (
        "extirpated", "extinct", "eliminated", "presumed extirpated", "presumed extinct", "presumed eliminated",
        "disparu", "disparue", "extirpé", "extirpée", "présumé disparu", "présumée disparue", "présumé éliminé",
        "présumée éliminée", "extinto", "extinta", "extirpado", "extirpada", "presuntamente extinto",
        "presuntamente extinta", "presuntamente extirpado", "presuntamente extirpada", "presuntamente eliminado",
        "presuntamente eliminada",
    ),
    "H": (
        "historical", "historic", "possibly extirpated", "possibly extinct", "possibly eliminated", "historique",
        "possiblement disparu", "possiblement disparue", "possiblement éliminé", "histórico", "histórica",
        "posiblemente extinto", "posiblemente extinta", "posiblemente extirpado", "posiblemente extirpada",
        "possiblement éliminée", "posiblemente eliminado", "posiblemente eliminada",
    ),
    "U": ("unrankable", "inclassable", "no clasificable"),
    "NR": (
        "not ranked", "unranked", "not yet ranked", "not assessed", "non classé", "non classée", "non évalué",
        "non évaluée", "pas encore classé", "no evaluado", "no evaluada", "sin clasificar",
    ),
    "NA": ("not applicable", "non applicable", "sans objet", "no aplicable", "no aplica"),
}  # fmt: skip
_STATUS_OF = {word: value for value, words in _STATUS_WORDS.items() for word in words}


def find_status_word(text: str) -> str | None:
    """The rank value (X, H, U, NR, NA) of a status written in words (``Extirpated``, ``Non évalué``), or None.

    Accents are compared composed (NFC), as a keyboard and a sheet may write them either way.
    """
    import unicodedata  # only when a text fails to read

    return _STATUS_OF.get(unicodedata.normalize("NFC", " ".join(text.split())).casefold())


def find_legacy(text: str) -> tuple[Legacy, tuple[int, int]] | None:
    """The first comma-separated part of ``text`` that is a legacy code, with its span."""
    start = 0
    for part in text.split(","):
        if _LEGACY_PART.fullmatch(part):
            return LEGACY_CODES[part], (start, start + len(part))
        start += len(part) + 1
    return None


def find_iucn(text: str) -> str | None:
    """The IUCN Red List category ``text`` starts with, if it is one."""
    match = _IUCN.match(text)
    if match is None:
        return None
    return (match.group("category") or match.group("name")).strip()


class _Rewriter:
    """Text being rewritten, with each character's index in the original text."""

    def __init__(self, text: str) -> None:
        self.source = self.text = text
        self.origin = list(range(len(text)))
        self.findings: list[Finding] = []

    def apply(
        self,
        pattern: re.Pattern[str],
        replace: str | Callable[[re.Match[str]], str],
        code: str,
        message: str,
    ) -> None:
        """Rewrite every match of ``pattern``, noting it once as ``code`` with the message id ``message``."""
        matches = list(pattern.finditer(self.text))
        if not matches:
            return
        pieces: list[str] = []
        origin: list[int] = []
        kept = 0
        for match in matches:
            start, end = match.span()
            pieces.append(self.text[kept:start])
            origin.extend(self.origin[kept:start])
            new = match.expand(replace) if isinstance(replace, str) else replace(match)
            pieces.append(new)
            if len(new) == end - start:  # same length (case): each character keeps its origin
                origin.extend(self.origin[start:end])
            elif len(new) == 1 or end - start <= 1:
                anchor = self.origin[start] if start < len(self.origin) else len(self.text)
                origin.extend([anchor] * len(new))
            else:  # spread the new characters over the old ones, first to first and last to last
                old = end - start - 1
                origin.extend(self.origin[start + round(at * old / (len(new) - 1))] for at in range(len(new)))
            kept = end
        pieces.append(self.text[kept:])
        origin.extend(self.origin[kept:])
        first, last = matches[0].span()[0], matches[-1].span()[1]
        span = (self.origin[first], self.origin[last - 1] + 1 if last > first else self.origin[first])
        self.findings.append(Finding(code, Severity.WARNING, say(message), span, self.source[span[0] : span[1]]))
        self.text = "".join(pieces)
        self.origin = origin


_SURROUNDING_SPACE = re.compile(r"^\s+|\s+$")
_COMMA_SPACE = re.compile(r"\s*,\s+|\s+,\s*")
_INNER_SPACE = re.compile(r"\s+")
_LOWER = re.compile(r"[a-z]+")
_FULL_WIDTH = re.compile("[\uff01-\uff5e]+")  # Ｇ５: the letters, digits and signs an East Asian keyboard types wide
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_SLASH_RANGE = re.compile(r"([GNST])([1-5])/\1?([1-5])")
_SLASH_SEASON = re.compile(r"/(?=[GNST])")
_SEMICOLON_SEASON = re.compile(r"\s*;\s*(?=[GNSTgnst])")  # S3B;S4N: exports made with a list separator of ';'
_DASH_RANGE = re.compile(r"([GNST])([1-5])[-\u2010\u2011\u2012\u2013\u2014]\1?([1-5])")
_INEXACT_AFTER_SEASON = re.compile(r"([1-5])([BNM])\?")


def normalise(text: str) -> tuple[str, tuple[Finding, ...]]:
    """Rewrite ``text`` into official syntax as far as the known habits go."""
    reading, findings, _ = normalise_mapped(text)
    return reading, findings


def normalise_mapped(text: str) -> tuple[str, tuple[Finding, ...], list[int]]:
    """As ``normalise``, plus each rewritten character's index in ``text``."""
    rewriter = _Rewriter(text)
    rewriter.apply(_FULL_WIDTH, lambda match: match.group().translate(_NARROW), "normalised-width", "lenient.width")
    rewriter.apply(_SURROUNDING_SPACE, "", "normalised-whitespace", "lenient.surrounding-whitespace")
    rewriter.apply(_SEMICOLON_SEASON, ",", "normalised-semicolon-season", "lenient.semicolon-season")
    rewriter.apply(_COMMA_SPACE, ",", "normalised-comma-space", "lenient.comma-space")
    rewriter.apply(_INNER_SPACE, "", "normalised-whitespace", "lenient.inner-whitespace")
    rewriter.apply(_LOWER, lambda match: match.group().upper(), "normalised-case", "lenient.case")
    rewriter.apply(_SLASH_RANGE, r"\1\2\1\3", "normalised-slash-range", "lenient.slash-range")
    rewriter.apply(_SLASH_SEASON, ",", "normalised-slash-season", "lenient.slash-season")
    rewriter.apply(_DASH_RANGE, r"\1\2\1\3", "normalised-dash-range", "lenient.dash-range")
    rewriter.apply(_INEXACT_AFTER_SEASON, r"\1?\2", "normalised-inexact-after-season", "lenient.inexact-after-season")
    _replace_legacy(rewriter)
    return rewriter.text, tuple(rewriter.findings), rewriter.origin


def _replace_legacy(rewriter: _Rewriter) -> None:
    parts = rewriter.text.split(",")
    if not any(part in LEGACY_CODES for part in parts):
        return
    pieces: list[str] = []
    origin: list[int] = []
    at = 0
    for index, part in enumerate(parts):
        if index:
            pieces.append(",")
            origin.append(rewriter.origin[at - 1])
        legacy = LEGACY_CODES.get(part)
        if legacy is None:
            pieces.append(part)
            origin.extend(rewriter.origin[at : at + len(part)])
        else:
            span = (rewriter.origin[at], rewriter.origin[at + len(part) - 1] + 1)
            rewriter.findings.append(
                Finding(
                    "legacy-code",
                    Severity.WARNING,
                    say("lenient.legacy-code", code=part, meaning=legacy.meaning, modern=legacy.modern),
                    span,
                    part,
                )
            )
            pieces.append(legacy.modern)
            origin.extend([rewriter.origin[at]] * len(legacy.modern))
        at += len(part) + 1
    rewriter.text = "".join(pieces)
    rewriter.origin = origin
