"""The public functions that accept a code as text or as a rank object.

The layers below (model, semantics, presentation) work on rank objects only;
reading text happens here, once, so that no lower module imports the parser
just to accept a string.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._batch import ERRORS, Errors, codes_given
from ._describe import Explanation
from ._describe import describe as _describe
from ._describe import explain as _explain
from ._errors import InvalidRankError
from ._findings import Finding, Severity
from ._messages import say
from ._model import AnyRank, MultiSeasonRank, Rank
from ._ordering import least_imperiled_of, most_imperiled_of
from ._parse import is_missing, parse
from ._text_options import LanguageTag, Style

if TYPE_CHECKING:
    from ._distribution import Distribution

__all__ = ["check", "check_levels", "describe", "explain", "least_imperiled", "most_imperiled"]


def _rank(code: object, name: str, lenient: bool = False) -> AnyRank:
    if isinstance(code, (Rank, MultiSeasonRank)):
        return code
    if isinstance(code, str):
        return parse(code, lenient=lenient)
    raise TypeError(f"{name}() takes a rank code (str) or a srank rank object, not {type(code).__name__}")


def describe(code: str | AnyRank, *, style: Style = "short", lang: LanguageTag = "en") -> str:
    """Readable status text in style "short", "long" or "plants" (USDA PLANTS). Text is parsed strictly.

    Args:
        code: A code as text, or a rank object.
        style: "short" (one label per part), "long" (a paragraph per component) or "plants"
            (the USDA PLANTS status line, English only).
        lang: "en", "es" (srank's provisional translation) or "fr" (Canada's official labels).

    Returns:
        The text.

    Raises:
        InvalidRankError: The text is not a rank.
        ValueError: An unknown style or language, or "plants" in another language than English.

    Examples:
        >>> srank.describe("S2B,S4N")
        'Breeding: Imperiled; Nonbreeding: Apparently Secure'
        >>> srank.describe("G5T1T3Q")
        'Secure; subspecies or variety Critically Imperiled to Vulnerable; questionable taxonomy'
    """
    return _describe(_rank(code, "describe"), style=style, lang=lang)


def explain(code: str | AnyRank, *, lang: LanguageTag = "en") -> list[Explanation]:
    """Typed entries, one per component of the code, in reading order. Text is parsed strictly.

    Args:
        code: A code as text, or a rank object.
        lang: A language srank has ("en", "es", "fr"), or a tag of one ("fr-CA").

    Returns:
        One Explanation (component, code, label, definition) per component.

    Raises:
        InvalidRankError: The text is not a rank.
        ValueError: An unknown language.

    Examples:
        >>> for entry in srank.explain("G3G4"):
        ...     print(entry.component, entry.code, entry.label, sep=" | ")
        level | G | Global
        range | G3G4 | Vulnerable to Apparently Secure
        value | G3 | Vulnerable
        value | G4 | Apparently Secure
    """
    return _explain(_rank(code, "explain"), lang=lang)


def check(code: str | AnyRank, *, lenient: bool = False) -> list[Finding]:
    """The findings about one code, read as ``parse`` reads it: strictly unless ``lenient=True``.

    A text that cannot be read gives one error finding with the parser's code,
    message, span (in the text as read, see InvalidRankError.text) and hint, so
    a code is valid exactly when ``check`` gives no error (as ``is_valid`` says).
    Read leniently, the habits of data files show as warnings (``normalised-case``,
    ``legacy-code``) rather than as the error that strict reading gives.

    Args:
        code: A code as text, or a rank object (its findings as it was read).
        lenient: Read a text as ``parse(text, lenient=True)`` does.

    Returns:
        The findings, errors first as they were found; empty for a clean code.

    Raises:
        TypeError: ``code`` is neither text nor a rank object.

    Examples:
        >>> [finding.code for finding in srank.check("G5Q")]
        ['questionable-secure']
        >>> finding = srank.check("G3G2")[0]
        >>> finding.code, finding.severity, finding.hint
        ('range-reversed', <Severity.ERROR: 'error'>, 'write the lower (more imperiled) number first, as in G2G3')
        >>> [(finding.code, finding.severity.value) for finding in srank.check("s3", lenient=True)]
        [('normalised-case', 'warning')]
    """
    if isinstance(code, (Rank, MultiSeasonRank)):
        return list(code.findings)
    if not isinstance(code, str):
        raise TypeError(f"srank.check() takes a str or a srank rank object, not {type(code).__name__}")
    try:
        return list(parse(code, lenient=lenient).findings)
    except InvalidRankError as error:
        start, end = error.span
        return [Finding(error.code, Severity.ERROR, error.message, error.span, error.text[start:end], error.hint)]


def check_levels(
    *,
    global_rank: str | AnyRank | None = None,
    national_rank: str | AnyRank | None = None,
    subnational_rank: str | AnyRank | None = None,
    distribution: str | Distribution | None = None,
    lenient: bool = False,
) -> list[Finding]:
    """Findings about how a taxon's global, national and subnational ranks fit together.

    With ``distribution`` (a Distribution, or a string for parse_distribution),
    every (G, N, S) chain in it is checked, and each finding names its place.

    Texts are parsed (strictly unless ``lenient=True``; an unreadable one raises
    InvalidRankError naming its argument; use check() for single-code findings).
    A missing value (None, NaN, pandas.NA, blank text, ``N/A``) is a level with no
    rank, as a table's empty cell. A T rank counts as a global rank. The rules are
    documented in the API reference.

    Args:
        global_rank: The taxon's global (G or T) rank, as text or a rank object.
        national_rank: Its national rank in one nation.
        subnational_rank: Its subnational rank in one state or province.
        distribution: Every national and subnational rank at once, instead of the two above.
        lenient: Read the texts leniently.

    Returns:
        The findings, each naming the levels (and, for a distribution, the place) it is about.

    Raises:
        InvalidRankError: A text is not a rank.
        TypeError: A value of the wrong type, or a distribution given with national or subnational ranks.

    Examples:
        >>> [finding.code for finding in srank.check_levels(global_rank="G1", subnational_rank="S3")]
        ['subnational-more-secure']
        >>> srank.check_levels(global_rank="G3", distribution="United States (N3): CA (S2)")
        []
    """
    # Distributions and the cross-level rules load here, not with describe() and explain().
    from ._cross_level import check_distribution_levels
    from ._cross_level import check_levels as _check_levels
    from ._distribution import Distribution
    from ._distribution_text import parse_distribution

    read: dict[str, AnyRank | None] = {}
    for name, code in (
        ("global_rank", global_rank),
        ("national_rank", national_rank),
        ("subnational_rank", subnational_rank),
    ):
        if is_missing(code):  # None, NaN, pandas.NA, blank text, N/A: no rank at that level, as a table's gap
            read[name] = None
            continue
        if not isinstance(code, (str, Rank, MultiSeasonRank)):
            raise TypeError(f"{name} must be a str, a srank rank object or None, not {type(code).__name__}")
        try:
            read[name] = _rank(code, "check_levels", lenient)
        except InvalidRankError as error:  # which of the three it is
            raise error.evolve(message=say("error.at", where=name, message=error.message)) from None
    if distribution is not None:
        if national_rank is not None or subnational_rank is not None:
            raise TypeError("check_levels() takes a distribution or national/subnational ranks, not both")
        if isinstance(distribution, str):
            distribution = parse_distribution(distribution, lenient=lenient)
        elif not isinstance(distribution, Distribution):
            raise TypeError(f"distribution must be a str or a srank.Distribution, not {type(distribution).__name__}")
        return check_distribution_levels(read["global_rank"], distribution)
    return _check_levels(**read)


def _ranks_of(name: str, codes: Iterable[object], lenient: bool, errors: Errors) -> list[AnyRank]:
    if errors not in ERRORS:
        raise ValueError(f"{name}(): errors must be one of {', '.join(map(repr, ERRORS))}, not {errors!r}")
    codes_given(codes, name)
    found: list[AnyRank] = []
    for code in codes:
        if is_missing(code):  # None, NaN, blank text, NA: a gap in the column, as in parse_many
            continue
        if not isinstance(code, (str, Rank, MultiSeasonRank)):
            raise TypeError(f"{name}() takes rank codes (str or srank rank objects), not {type(code).__name__}")
        try:
            found.append(_rank(code, name, lenient))
        except InvalidRankError:
            if errors == "raise":
                raise
    if not found:
        raise ValueError(f"{name}() got no rank codes (the input was empty or all missing)")
    return found


def most_imperiled(codes: Iterable[object], *, lenient: bool = False, errors: Errors = "raise") -> AnyRank:
    """The most imperiled of ``codes``: ranked values first (X, H, 1-5), U/NR/NA only when nothing is ranked.

    Strings are parsed (strictly unless ``lenient=True``); missing values (None,
    NaN, blank text, NA, as in parse_many) are skipped, so a column with gaps
    can be passed as is. A code that cannot be read raises InvalidRankError, or
    is skipped with ``errors="skip"`` (the default of the pandas and polars
    versions, which give a whole column's answer and a null where nothing is
    left). Raises ValueError when nothing is left.

    Args:
        codes: Codes as text or rank objects, with missing values if need be (not a single str).
        lenient: Read the spellings real files use instead of NatureServe's syntax only.
        errors: "raise" for a code that cannot be read, or "skip" to leave it out.

    Returns:
        The most imperiled rank.

    Raises:
        InvalidRankError: A code cannot be read, unless ``errors="skip"``.
        TypeError: ``codes`` is a single code, or holds something that is not a code.
        ValueError: Nothing is left to choose from, or ``errors`` is neither "raise" nor "skip".

    Examples:
        >>> srank.most_imperiled(["S3", "S1S2", None, "S2B,S4N"])
        <Rank 'S1S2'>
        >>> srank.most_imperiled(["GNR", "GU"])
        <Rank 'GU'>
        >>> srank.most_imperiled(["S3", "S9"], errors="skip")
        <Rank 'S3'>
    """
    return most_imperiled_of(_ranks_of("most_imperiled", codes, lenient, errors))


def least_imperiled(codes: Iterable[object], *, lenient: bool = False, errors: Errors = "raise") -> AnyRank:
    """The least imperiled of ``codes``, among ranked values; see most_imperiled.

    Args:
        codes: Codes as text or rank objects, with missing values if need be (not a single str).
        lenient: Read the spellings real files use instead of NatureServe's syntax only.
        errors: "raise" for a code that cannot be read, or "skip" to leave it out.

    Returns:
        The least imperiled ranked value; the last of U < NR < NA when nothing is ranked.

    Raises:
        InvalidRankError: A code cannot be read, unless ``errors="skip"``.
        TypeError: ``codes`` is a single code, or holds something that is not a code.
        ValueError: Nothing is left to choose from, or ``errors`` is neither "raise" nor "skip".

    Examples:
        >>> srank.least_imperiled(["G2", "G5", "GU"])
        <Rank 'G5'>
    """
    return least_imperiled_of(_ranks_of("least_imperiled", codes, lenient, errors))
