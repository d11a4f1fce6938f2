"""What changed between two distributions of one taxon, place by place and season by season.

Places pair by nation and subnation (a nation's own rank is its place with no
subnation); a place named twice on one side pairs in order. The
old distribution's places come first, in its order, then the places found only
in the new one. Each place's codes are compared with ``compare_ranks``, and
each season's part becomes one ``PlaceChange``; a place on one side only is
``added`` or ``removed``. A place whose rank lenient reading could not read is
compared as absent, and its ``notes`` say why; so is a place missing from a side
where text that lenient reading skipped names it (it may still be there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ._changes import Change, RankChange, compare_ranks
from ._distribution import Distribution, PlaceRank, place_label, place_name
from ._distribution_text import parse_distribution
from ._errors import InvalidRankError
from ._findings import Finding, Severity
from ._messages import say
from ._parse import is_missing
from ._text_options import LanguageTag

__all__ = ["PLACE_MAYBE_SKIPPED", "PlaceChange", "compare_distributions"]

Place = tuple[str, str | None]
PLACE_MAYBE_SKIPPED = "place-maybe-skipped"


@attrs.frozen
class PlaceChange(Change):
    """The change of one place and season: ``nation``, ``subnation`` (None for the nation's own rank), ``change``.

    ``change`` is the RankChange of that season's part (its ``season``,
    ``kind``, ``old``, ``new`` ...). ``notes`` are the readers' findings about
    the place on either side (an unknown place code, a rank that could not be read).

    Examples:
    >>> change = srank.compare_distributions("United States (N3): MD (S2)", "United States (N3): MD (S1)")[1]
    >>> change.subnation, change.change.kind, str(change)
    ('MD', <ChangeKind.UPLISTED: 'uplisted'>, 'Maryland: S2 → S1, uplisted (more imperiled)')
    """

    nation: str
    subnation: str | None
    change: RankChange
    notes: tuple[Finding, ...] = ()
    old_written: str | None = None
    """The place's old rank as written (``'S9'`` where lenient reading could not read it); None when absent."""
    new_written: str | None = None
    """The place's new rank as written; None when absent."""

    @property
    def place(self) -> str:
        """The place and its nation, as findings name them — "Maryland, United States"."""
        return place_label(self.nation, self.subnation)

    def place_name(self, lang: LanguageTag = "en") -> str:
        """The place's own name in ``lang`` ("Maryland", "États-Unis"); its code where srank knows no name.

        Args:
            lang: A language srank has ("en", "es", "fr"), or a tag of one ("fr-CA").

        Returns:
            The name.

        Examples:
            >>> change = srank.compare_distributions("United States (N3)", "United States (N2)")[0]
            >>> change.place_name(lang="fr")
            'États-Unis'
        """
        return place_name(self.nation, self.subnation, lang)

    def describe(self, *, lang: LanguageTag = "en") -> str:
        """The change as a line naming its place: "Maryland: S2 → S1, uplisted (more imperiled)".

        Args:
            lang: The language of the whole line, the place's name too: one srank has, or a tag of one.

        Returns:
            The line, its place first.

        Raises:
            ValueError: An unknown language.

        Examples:
            >>> change = srank.compare_distributions("United States (N3): MD (S2)", "United States (N3): MD (S1)")[1]
            >>> change.describe(lang="es")
            'Maryland: S2 → S1, mayor riesgo'
        """
        from ._change_text import describe_place_change  # presentation: the words come from the description table

        return describe_place_change(self, lang)


def _distribution(value: object, side: str, lenient: bool) -> Distribution | None:
    if isinstance(value, Distribution):
        return value
    if is_missing(value):
        return None
    if isinstance(value, str):
        try:
            return parse_distribution(value, lenient=lenient)
        except InvalidRankError as error:  # say which side, as compare() does
            raise error.evolve(message=say(f"change.{side}-distribution-unreadable", problem=error.message)) from None
    raise TypeError(
        f"srank.compare_distributions() takes distributions as text, srank.Distribution or None;"
        f" the {side} one is {type(value).__name__}"
    )


def _by_place(dist: Distribution | None) -> dict[Place, list[PlaceRank]]:
    found: dict[Place, list[PlaceRank]] = {}
    for record in () if dist is None else dist.records:
        found.setdefault((record.nation, record.subnation), []).append(record)
    return found


def _pairs(
    old: Distribution | None, new: Distribution | None
) -> Iterator[tuple[Place, PlaceRank | None, PlaceRank | None]]:
    before, after = _by_place(old), _by_place(new)
    for place in dict.fromkeys([*before, *after]):
        olds, news = before.get(place, []), after.get(place, [])
        for at in range(max(len(olds), len(news))):
            yield place, olds[at] if at < len(olds) else None, news[at] if at < len(news) else None


def compare_distributions(old: object, new: object, *, lenient: bool = False) -> list[PlaceChange]:
    """What changed from one distribution to another, one PlaceChange per place and season.

    ``old`` and ``new`` are ``srank.Distribution`` objects, distribution strings
    (Explorer or Biotics, read as ``parse_distribution`` does, strictly unless
    ``lenient=True``), or None / blank for "no distribution". Places pair by
    nation and subnation; each season of a place's code gives one change.

    Args:
        old: The earlier distribution: a Distribution, a string, or None / blank.
        new: The later distribution, in the same forms.
        lenient: Read the strings leniently, as ``parse_distribution(lenient=True)``.

    Returns:
        One PlaceChange per place and season, in the order of ``old``, then places new in ``new``.

    Raises:
        InvalidRankError: A string cannot be read; the message says which side.
        TypeError: A value is neither a Distribution, a string nor None.

    Examples:
        >>> changes = srank.compare_distributions(
        ...     "United States (N3): CA (S3)", "United States (N3): CA (S2), OR (S1)"
        ... )
        >>> [str(change) for change in changes]
        ['United States: N3 unchanged', 'California: S3 → S2, uplisted (more imperiled)', 'Oregon: S1 added']
    """
    found: list[PlaceChange] = []
    old_dist, new_dist = _distribution(old, "old", lenient), _distribution(new, "new", lenient)
    for (nation, subnation), before, after in _pairs(old_dist, new_dist):
        change = compare_ranks(before.rank if before else None, after.rank if after else None)
        notes = (*(before.notes if before else ()), *(after.notes if after else ()))
        if before is None and _may_hold(old_dist, nation, subnation):
            notes = (*notes, _maybe_skipped("old", place_label(nation, subnation)))
        if after is None and _may_hold(new_dist, nation, subnation):
            notes = (*notes, _maybe_skipped("new", place_label(nation, subnation)))
        written = (before.written if before else None, after.written if after else None)
        found += [PlaceChange(nation, subnation, part, notes, *written) for part in change.parts]
    return found


def _may_hold(dist: Distribution | None, nation: str, subnation: str | None) -> bool:
    """Whether text that lenient reading skipped in ``dist`` names the place where a place stands, before its rank:
    a subnation's code (``AB (``), a nation's name in Explorer text (``Canada (``) or its code in Biotics text."""
    if dist is None or not dist.notes:
        return False
    if subnation is not None:
        named = re.escape(subnation)
    elif dist.format == "biotics":
        named = re.escape(nation)
    else:
        named = f"(?i:{re.escape(place_name(nation, None, 'en'))})"
    pattern = re.compile(rf"(?<![^\W\d_]){named}\s*\(")
    return any(note.code == "distribution-syntax" and pattern.search(note.fragment) for note in dist.notes)


def _maybe_skipped(side: str, place: str) -> Finding:
    """The note on a place missing from a side whose text lenient reading could not read whole: it may be there."""
    return Finding(
        PLACE_MAYBE_SKIPPED, Severity.WARNING, say(f"change.place-maybe-skipped-{side}"), (0, 0), place=place
    )
