"""Findings: what srank notices about a code, each with a stable code.

The catalogue below is the documented list of finding codes; tests trigger each
one. The same codes name the problem on an InvalidRankError (``error.code``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from ._errors import problem_line
from ._messages import Said, in_language, say

__all__ = ["CATALOGUE", "Finding", "Severity", "colon", "joined", "separator"]


class Severity(enum.Enum):
    """An error makes a code invalid; a warning does not.

    Examples:
        >>> srank.check("G5Q")[0].severity
        <Severity.ERROR: 'error'>
    """

    ERROR = "error"
    WARNING = "warning"


def _code(code: object) -> None:
    """A finding's code names it in every language and in every export: a word, never empty."""
    if not isinstance(code, str):
        raise TypeError(f"a Finding's code is a str (such as 'range-reversed'), not {type(code).__name__}")
    if not code:
        raise ValueError("a Finding's code is a non-empty str (such as 'range-reversed'), not ''")


def _severity(severity: object) -> None:
    if not isinstance(severity, Severity):
        said = f"a Finding's severity is a srank.Severity (Severity.ERROR, Severity.WARNING), not {severity!r}"
        raise TypeError(said)


def _message(message: object) -> None:
    if not isinstance(message, str):
        raise TypeError(f"a Finding's message is a str, not {type(message).__name__}")


def _span(span: object) -> None:
    """A span is where in a code the finding points: two whole numbers, start before end, from 0."""
    if not (isinstance(span, tuple) and len(span) == 2 and all(type(end) is int for end in span)):
        raise TypeError(f"a Finding's span is a tuple of two int, (start, end) as in (0, 4), not {span!r}")
    if not 0 <= span[0] <= span[1]:
        raise ValueError(f"a Finding's span is (start, end) with 0 <= start <= end, as in (0, 4), not {span!r}")


@attrs.frozen
class Finding(Said):
    """One observation about a code.

    ``span`` is 0-based and end-exclusive. For lenient normalisations it points
    into the text as given; for rules about the rank itself it points into the
    canonical code, ``str(rank)``. ``fragment`` is the piece of code concerned,
    so callers need not parse the message (for a legacy code: the code, "SA").
    ``hint`` says what to write instead, where there is something to say.
    ``message`` and ``hint`` are English; ``message_in(lang)`` and
    ``hint_in(lang)`` give them in another language.

    Examples:
    >>> finding = srank.check("G3G2")[0]
    >>> finding.code, finding.span, finding.fragment
    ('range-reversed', (0, 4), 'G3G2')
    """

    code: str = attrs.field(validator=lambda _, __, code: _code(code))
    severity: Severity = attrs.field(validator=lambda _, __, severity: _severity(severity))
    message: str = attrs.field(validator=lambda _, __, message: _message(message))
    span: tuple[int, int] = attrs.field(validator=lambda _, __, span: _span(span))
    fragment: str = ""
    hint: str | None = None
    place: str | None = None  # in a distribution: the place whose rank it is about ("Maryland, United States")

    def __str__(self) -> str:
        return self.line()

    def line(self, *, place: bool = True, hint: bool = False, lang: str = "en") -> str:
        """The finding on one line, as ``srank check`` writes it in ``srank_message``.

        Args:
            place: Start with the place, for a finding about one place of a distribution (a row that
                already names the place leaves it out).
            hint: End with the hint, when there is one.
            lang: The language of the line: the message, the place, the hint and the words around
                them; the code stays as it is. English by default.

        Returns:
            The line.

        Examples:
            >>> srank.check("G3G2")[0].line()
            'error[range-reversed]: Range 3-2 is reversed'
            >>> srank.check("G3G2")[0].line(lang="fr")
            'erreur[range-reversed]\xa0: La plage 3-2 est inversée'
        """
        return problem_line(
            self.severity.value,
            self.code,
            self.message,
            place=self.place if place else None,
            hint=self.hint if hint else None,
            lang=lang,
        )

    def to_html(self, *, lang: str = "en") -> str:
        """The finding for web pages: its severity on its colour, its code, its message and its hint, in ``lang``.

        Args:
            lang: The language of the words: one srank has, or a tag of one ("fr-CA").

        Returns:
            An HTML fragment.

        Raises:
            ValueError: An unknown language.

        Examples:
            >>> html = srank.check("G3G2")[0].to_html(lang="es")
            >>> html.startswith('<div lang="es"'), "invertido" in html
            (True, True)
        """
        from ._html import block, finding_html

        return block(finding_html(self, lang), lang)

    def _repr_html_(self) -> str:
        from ._html import block, finding_html

        return block(finding_html(self))

    def shifted(self, offset: int) -> Finding:
        """The same finding with its span moved right by ``offset``: a part's finding in the whole code.

        Args:
            offset: How many characters to move the span right.

        Returns:
            A new Finding; this one when ``offset`` is 0.

        Examples:
            >>> srank.check("G3G2")[0].shifted(4).span
            (4, 8)
        """
        if not offset:
            return self
        return attrs.evolve(self, span=(self.span[0] + offset, self.span[1] + offset))


def joined(findings: Iterable[Finding], *, place: bool = True, lang: str = "en") -> str:
    """Findings on one line, separated by semicolons, as a message cell holds them; in ``lang``."""
    return separator(lang).join(finding.line(place=place, lang=lang) for finding in findings)


def separator(lang: str = "en") -> str:
    """What stands between two findings on one line: "; " in English."""
    return "; " if lang == "en" else in_language(say("line.separator"), lang)


def colon(lang: str = "en") -> str:
    """What stands between a name and what is said of it: ``": "``, in French ``"\N{NO-BREAK SPACE}: "``."""
    return ": " if lang == "en" else in_language(say("line.colon"), lang)


# code -> what it means. Severity is per occurrence: a legacy code is an error
# to strict parsing and a warning after a lenient parse.
CATALOGUE: dict[str, str] = {
    # Texts that cannot be read as a rank (always errors)
    "empty": "The text is empty.",
    "too-long": "The text is far longer than any rank code.",
    "missing-value": "The text is a missing-value marker (NA, N/A, <NA>), not a rank.",
    "syntax": "The text does not follow rank-code syntax.",
    "iucn-category": "The text is an IUCN Red List category, not a NatureServe rank.",
    "status-in-words": "The text is a status written in words (Extirpated, Non évalué), not a rank code.",
    "range-reversed": "A range lists its more secure end first (G3G2).",
    "range-degenerate": "A range has the same number at both ends (G2G2).",
    "range-too-wide": "A range spans more than three ranks (G1G4); NatureServe uses U instead.",
    "range-not-numeric": "A range holds X, H, U, NR or NA; ranges hold numbers only (but for the global GUGH).",
    "inexact-on-range": "'?' qualifies a range; it only goes on a single number.",
    "inexact-on-status": "'?' qualifies X, H, U, NR or NA; it only goes on a number.",
    "questionable-not-global": "Q is on a national or subnational rank; it belongs to global ranks.",
    "captive-not-global": "C is on a national or subnational rank; it belongs to global ranks.",
    "season-not-allowed": "A season letter is on a global or infraspecific rank.",
    "infraspecific-not-global": "A T part follows a national or infraspecific rank.",
    "mixed-levels": "The parts of a multi-part code are of different levels.",
    "multi-not-seasonal": "A multi-part code has a part that is not a national or subnational rank.",
    "multi-too-few-parts": "A multi-part code was built with fewer than two parts.",
    # What NatureServe's guidance says about a code that can be read (findings on the value)
    "captive-not-extinct": "C (captive or cultivated only) is on a rank other than X or H (error).",
    "questionable-secure": "Q on a rank of 5: NatureServe's guidance calls it invalid (error).",
    "infraspecific-more-secure": "The T part is more secure than its species' G rank, on the scale X, H, 1 to 5"
    " (warning; Explorer publishes G3G4T5Q; GXT2 is a living subspecies of an extinct species).",
    "range-of-statuses": "A global rank is a range from U to H (warning; Explorer publishes GUGHQ and GUGHC and"
    " rounds them to GU).",
    "nonstandard-plants-form": "A T part follows an S rank, as USDA PLANTS prints; not NatureServe syntax (warning).",
    "season-missing": "A part of a multi-part code has no season letter (warning; Explorer publishes SX,S1).",
    "season-repeated": "A multi-part code names the same season twice (warning; Explorer publishes S1N,S2N).",
    "part-repeated": "A multi-part code holds the same part twice (warning; Explorer publishes SNA,SNA).",
    "legacy-code": "A legacy code that NatureServe has since replaced (an error to strict parsing, a note"
    " after a lenient one).",
    # Cross-level consistency (srank.check_levels)
    "national-more-secure": "The national rank is more secure than the global rank.",
    "subnational-more-secure": "The subnational rank is more secure than the national or global rank (G1S3).",
    "subnational-gap-too-wide": "A subnational number is 3 or more above the global or national number;"
    " NatureServe's data exchange rejects it.",
    "subnational-under-extinct": "S2 or above under a global GX/GH or national NX/NH rank;"
    " NatureServe's data exchange rejects it.",
    "wrong-level": "A rank of one level sits in a column that holds another (G5 in an S rank column; a T"
    " rank counts as global).",
    # A stored rounded rank against srank's rounding of its raw rank (srank check --rounded, srank.pandera)
    "rounded-missing": "No rounded rank is stored where the raw rank reads.",
    "rounded-unreadable": "The stored rounded rank is not a rank.",
    "rounded-differs": "A stored or published rounded rank differs from srank's rounding of the raw rank, its parts"
    " in any order and a part written twice counting once (an error in srank check --rounded and srank.pandera;"
    " a warning on an Explorer record, where both are kept).",
    "rounded-raw-unreadable": "The raw rank beside a stored rounded rank is not a rank, so the two were not"
    " compared (warning; srank check --rounded).",
    # Distributions (srank.parse_distribution, Distribution.from_api)
    "distribution-syntax": "A distribution string does not follow the Explorer or Biotics format.",
    "unknown-nation": "A nation's name in an Explorer distribution that srank does not know (an error to strict"
    " reading, a warning after a lenient one).",
    "unknown-place": "A nation or subnation code that srank's place table does not hold (warning; the code is kept).",
    "unreadable-rank": "A place's rank that lenient reading could not read (warning; the record keeps the text).",
    "place-maybe-skipped": "A place on one side only of a comparison, named in text that lenient reading skipped on"
    " the other side: it may not be added or removed (warning; srank diff does not compare it).",
    "place-repeated": "A place listed more than once in a distribution (warning; each record is kept, the first"
    " stands on a map).",
    "empty-distribution": "A distribution cell holds no distribution (warning; srank distribution and the dataframe"
    " helpers still give its row).",
    "global-rank-unread": "The global rank beside a distribution could not be read; only national and subnational"
    " ranks were compared (warning).",
    # Whole files (srank check, srank distribution)
    "malformed-row": "A row whose cells could not be read: the wrong number of fields, or a quote that never"
    " closes (error; the row is kept, padded, and named by its line).",
    # Two files joined on a key (srank diff): rows that are written but not compared
    "key-blank": "A row whose key is blank, so it pairs with no row of the other file (error).",
    "key-repeated": "A key on more than one row of a file, so which rows pair is not known (error; each row names"
    " the lines of its key in both files).",
    "key-unread": "A row whose key stands on a row of the other file that could not be read: not compared, and not"
    " called added or removed (error).",
    # NatureServe Explorer API records (srank.explorer)
    "unreadable-date": "A review or change date in an Explorer record that is not an ISO date (warning; the date is"
    " left out).",
    # Lenient reading (notes, severity warning)
    "normalised-whitespace": "Whitespace was removed.",
    "normalised-case": "Lower-case letters were raised to upper case.",
    "normalised-width": "Full-width letters and digits (Ｇ５, as East Asian keyboards type them) were read as G5.",
    "normalised-comma-space": "A space after a comma was removed.",
    "normalised-slash-range": "'/' between two numbers was read as a range (S3/S4 -> S3S4).",
    "normalised-slash-season": "'/' between seasonal parts was read as ',' (N4B/N4N -> N4B,N4N).",
    "normalised-semicolon-season": "';' between seasonal parts was read as ',' (S3B;S4N -> S3B,S4N).",
    "normalised-dash-range": "A hyphen or dash range was rewritten (S2-S3 -> S2S3).",
    "normalised-inexact-after-season": "'?' after the season was moved before it (S3B? -> S3?B).",
    "dropped-extra-part": "A second T part or a G part after the T part was dropped (G5T4G5 -> G5T4), as"
    " NatureServe's rounding does.",
}
