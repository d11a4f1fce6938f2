"""What changed between two ranks of one taxon: ``srank.compare`` and the kinds of change.

A change has one kind (``ChangeKind``). Two codes of different levels are not
compared at all: their kind is ``level``. Otherwise the codes are compared season
by season, and each season's pair of parts by the value of the taxon (the T part
of a G+T code):

- U, NR and NA carry no status: one of them against another is ``status``;
  against X, H or a number it is ``ranked`` or ``unranked``;
- a number or range against X or H is ``extirpated`` or ``rediscovered``;
- two numbers or ranges are compared as the sets of whole ranks they cover:
  ``more-certain`` when the new set lies strictly inside the old one,
  ``less-certain`` when it strictly contains it, and otherwise ``uplisted`` or
  ``downlisted`` by srank's imperilment order, rounded rank first (G3 -> G2,
  S3S4 -> S2S3); ranges that do not nest never share a rounded rank;
- X against H is ``uplisted`` (H -> X) or ``downlisted`` (X -> H);
- equal values that differ only by ``?``, C or Q are ``qualifier``; when a G+T
  code keeps its T part and only the species' G part changed, the G parts are
  compared the same way, and the change says so (``species_only``).

Parts pair by season letter (B, N, M), as ``parts_by_season`` gives them; a code
of one part without a season letter against a code of seasons only stands for
each of those seasons (S3B -> S2: the breeding rank ``uplisted``), as the status
index reads an unseasoned code, and a part without one otherwise pairs only with a
part without one. A part written twice counts
once, so S2B,S2B -> S2B is ``notation``. A season named twice with different
ranks (S2B,S3B) keeps both: within a season, a part pairs first with the equal
part on the other side, then the rest pair in written order, and a part with no
partner is ``added`` or ``removed`` (S2B,S3B -> S3B: breeding S2B ``removed``;
S2B,S3B -> S3B,S2B: ``notation``). A code on one side only is ``added`` or
``removed`` as a whole. Equal codes are ``same``; codes that say the same
(``same_parts``: the same parts in another order, or a part written twice) are
``notation``.
"""

from __future__ import annotations

import functools
from itertools import zip_longest
from typing import TYPE_CHECKING

import attrs

from ._change_kinds import WHOLE_KINDS, ChangeKind
from ._errors import InvalidRankError
from ._messages import say
from ._model import AnyRank, Grade, Level, MultiSeasonRank, Rank, Value, parts_by_season, place_of, same_parts
from ._parse import is_missing, parse
from ._text_options import LanguageTag
from ._values import rounded_value
from ._vocabulary import EXTINCT_GRADES, OFF_SCALE_GRADES, Season

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["WHOLE_KINDS", "Change", "ChangeKind", "RankChange", "compare", "compare_ranks", "taxon_level"]


_SEASON_ORDER: tuple[Season | None, ...] = (Season.BREEDING, Season.NONBREEDING, Season.MIGRANT, None)


_MIRRORS = (
    (ChangeKind.EXTIRPATED, ChangeKind.REDISCOVERED),
    (ChangeKind.UPLISTED, ChangeKind.DOWNLISTED),
    (ChangeKind.RANKED, ChangeKind.UNRANKED),
    (ChangeKind.ADDED, ChangeKind.REMOVED),
    (ChangeKind.LESS_CERTAIN, ChangeKind.MORE_CERTAIN),
)
_LEADER = {second: first for first, second in _MIRRORS}  # a mirror pair ranks as its first member
_ORDER = {kind: at for at, kind in enumerate(ChangeKind)}
_SIGNIFICANCE = {kind: _ORDER[_LEADER.get(kind, kind)] for kind in ChangeKind}


class Change:
    """What every change shares: ``str()`` is its sentence in English, and a notebook draws it on the ranks' colours."""

    __slots__ = ()

    def describe(self, *, lang: LanguageTag = "en") -> str:
        """The change as a sentence in ``lang`` (each kind of change says it its own way)."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.describe()

    def to_html(self, *, lang: LanguageTag = "en") -> str:
        """The change for web pages: both codes on their colours, its kind (as ``srank_change`` writes it) and its
        sentence in ``lang``.

        Jupyter shows a change this way, in English. The HTML is self-contained (inline styles).

        Args:
            lang: The language of the sentence: one srank has, or a tag of one ("fr-CA").

        Returns:
            An HTML fragment.

        Raises:
            ValueError: An unknown language.

        Examples:
            >>> html = srank.compare("S3", "S2").to_html(lang="fr")
            >>> html.startswith('<div lang="fr"'), "plus en péril" in html
            (True, True)
        """
        from ._html import change_html  # presentation: one drawing for each kind of change

        return change_html(self, lang)

    def _repr_html_(self) -> str:
        from ._html import change_html

        return change_html(self)


@attrs.frozen(cache_hash=True)
class RankChange(Change):
    """The change from ``old`` to ``new`` (rank objects, None when absent), of one code or one season's part.

    ``parts`` lists the change of each season's part (B, N, M, then parts
    without a season); a single-season change is its own only part.
    ``old_text`` and ``new_text`` are the codes as given, when given as text.
    ``str(change)`` is a short sentence; ``describe(lang=...)`` writes it in
    another language.

    Examples:
    >>> change = srank.compare("N1B,NNRM", "N1N3B")
    >>> change.kind, [part.kind for part in change.parts]
    (<ChangeKind.REMOVED: 'removed'>, [<ChangeKind.LESS_CERTAIN: 'less-certain'>, <ChangeKind.REMOVED: 'removed'>])
    """

    kind: ChangeKind
    old: AnyRank | None
    new: AnyRank | None
    season: Season | None = None
    species_only: bool = False
    """True when only the species' G part of a G+T code changed (G4T2 -> G5T2) — the kind compares the G parts."""
    old_text: str | None = None
    new_text: str | None = None
    _parts: tuple[RankChange, ...] = attrs.field(default=(), repr=False)  # shown by ``parts``, not in the repr

    @property
    def parts(self) -> tuple[RankChange, ...]:
        """The change of each season's part; ``(self,)`` for a change of one part."""
        return self._parts or (self,)

    @property
    def old_rounded(self) -> AnyRank | None:
        """The old rank rounded (``rank.rounded()``), or None."""
        return None if self.old is None else self.old.rounded()

    @property
    def new_rounded(self) -> AnyRank | None:
        """The new rank rounded, or None."""
        return None if self.new is None else self.new.rounded()

    @property
    def rounded_changed(self) -> bool:
        """True when the rounded ranks differ (for a multi-season code — in any season)."""
        if self._parts:
            return any(part.rounded_changed for part in self._parts)
        return _seasonless(self.old_rounded) != _seasonless(self.new_rounded)

    def describe(self, *, lang: LanguageTag = "en") -> str:
        """A short sentence saying what changed, in ``lang`` (see ``srank.available_languages()``).

        Args:
            lang: A language srank has ("en", "es", "fr"), or a tag of one ("fr-CA").

        Returns:
            The sentence.

        Raises:
            ValueError: An unknown language.

        Examples:
            >>> srank.compare("S3", "S3?").describe(lang="es")
            'S3 → S3?, cambió un calificador'
        """
        from ._change_text import describe_change  # presentation: the words come from the description table

        return describe_change(self, lang)


def taxon_level(rank: AnyRank) -> Level:
    """The level the code speaks for: T for a code with a T part (G5T2, and USDA PLANTS' S5T2), else its own."""
    first = rank.parts[0]
    return Level.INFRASPECIFIC if first.infraspecific is not None else first.level


# -- one pair of parts ------------------------------------------------------------


def _span(value: Value) -> tuple[int, int]:
    low, high = value.low.number, value.high.number
    assert low is not None
    assert high is not None
    return low, high


def _value_kind(old: Value, new: Value) -> ChangeKind | None:
    """The kind of change between two values; None when they are the same value (qualifiers aside)."""
    before, after = old.low, new.low
    if before in OFF_SCALE_GRADES or after in OFF_SCALE_GRADES:
        if before in OFF_SCALE_GRADES and after in OFF_SCALE_GRADES:
            if before is not after:
                return ChangeKind.STATUS
            if old.high is new.high:
                return None
            # GU against GUGH (U, or U to H): the same status, with possible extinction added or taken away.
            return ChangeKind.LESS_CERTAIN if new.high is not new.low else ChangeKind.MORE_CERTAIN
        return ChangeKind.RANKED if before in OFF_SCALE_GRADES else ChangeKind.UNRANKED
    if before in EXTINCT_GRADES or after in EXTINCT_GRADES:
        if before in EXTINCT_GRADES and after in EXTINCT_GRADES:
            if before is after:
                return None
            return ChangeKind.UPLISTED if after is Grade.PRESUMED_EXTINCT else ChangeKind.DOWNLISTED
        return ChangeKind.EXTIRPATED if after in EXTINCT_GRADES else ChangeKind.REDISCOVERED
    (low, high), (new_low, new_high) = _span(old), _span(new)
    if (low, high) == (new_low, new_high):
        return None
    if low <= new_low and new_high <= high:
        return ChangeKind.MORE_CERTAIN
    if new_low <= low and high <= new_high:
        return ChangeKind.LESS_CERTAIN
    # Ranges that do not nest round to different numbers (a range rounds to its low end or its middle).
    more = place_of(rounded_value(new).grade) < place_of(rounded_value(old).grade)
    return ChangeKind.UPLISTED if more else ChangeKind.DOWNLISTED


def _part_kind(old: Rank, new: Rank) -> tuple[ChangeKind, bool]:
    """The kind of change between two parts of one level, and whether only the species' G part changed."""
    if old == new:
        return ChangeKind.SAME, False
    old_infra, new_infra = old.infraspecific, new.infraspecific
    old_taxon = (old_infra.value, old_infra.captive) if old_infra else (old.value, old.captive)
    new_taxon = (new_infra.value, new_infra.captive) if new_infra else (new.value, new.captive)
    kind = _value_kind(old_taxon[0], new_taxon[0])
    if kind is not None:
        return kind, False
    qualifiers = (old_taxon[0].inexact, old_taxon[1], old.questionable)
    if qualifiers != (new_taxon[0].inexact, new_taxon[1], new.questionable):
        return ChangeKind.QUALIFIER, False
    if old_infra is None or new_infra is None:
        # A T rank written alone (T3, as Explorer rounds it) against one with its species' G part (G5T3).
        return ChangeKind.NOTATION, False
    kind = _value_kind(old.value, new.value)
    return (kind or ChangeKind.QUALIFIER), True


# -- whole codes --------------------------------------------------------------------


def _pairs(old: AnyRank | None, new: AnyRank | None) -> Iterator[tuple[Season | None, Rank | None, Rank | None]]:
    before, after = _for_every_season(parts_by_season(old), parts_by_season(new))
    for season in _SEASON_ORDER:
        olds, news = before.get(season, ()), after.get(season, ())
        # Equal parts pair first, so a season ranked twice (S2B,S3B) pairs the same way in any order.
        for part in olds:
            if part in news:
                yield season, part, news[news.index(part)]
        rest_old = [part for part in olds if part not in news]
        rest_new = [part for part in news if part not in olds]
        for first, second in zip_longest(rest_old, rest_new):
            yield season, first, second


def _for_every_season(
    before: dict[Season | None, tuple[Rank, ...]], after: dict[Season | None, tuple[Rank, ...]]
) -> tuple[dict[Season | None, tuple[Rank, ...]], dict[Season | None, tuple[Rank, ...]]]:
    """A code of one part without a season letter (S2) against a code of seasons only (S3B, S2B,S4N): the unseasoned
    rank stands for every season the other side names, as ranktrends and the status index read it, so S3B -> S2 is
    the breeding rank uplisted, not one rank removed and another added."""
    if _unseasoned(before) and after and None not in after:
        return dict.fromkeys(after, before[None]), after
    if _unseasoned(after) and before and None not in before:
        return before, dict.fromkeys(before, after[None])
    return before, after


def _seasonless(rank: AnyRank | None) -> AnyRank | None:
    """A part as the rounded ranks of a pair compare it: S3 against S3B (an unseasoned rank paired with a season's,
    ``_for_every_season``) is the same rounded rank; two parts of one pair never name two different seasons."""
    return attrs.evolve(rank, season=None) if isinstance(rank, Rank) and rank.season is not None else rank


def _unseasoned(parts: dict[Season | None, tuple[Rank, ...]]) -> bool:
    return list(parts) == [None] and len(parts[None]) == 1


def _pair_change(season: Season | None, old: Rank | None, new: Rank | None) -> RankChange:
    if old is None:
        return RankChange(ChangeKind.ADDED, None, new, season)
    if new is None:
        return RankChange(ChangeKind.REMOVED, old, None, season)
    kind, species_only = _part_kind(old, new)
    return RankChange(kind, old, new, season, species_only)


def compare_ranks(
    old: AnyRank | None, new: AnyRank | None, old_text: str | None = None, new_text: str | None = None
) -> RankChange:
    """The change between two rank objects (None when absent); the texts, when given, tell notation from same."""
    if old is not None and new is not None and taxon_level(old) is not taxon_level(new):
        return RankChange(ChangeKind.LEVEL, old, new, old_text=old_text, new_text=new_text)
    parts = [_pair_change(*pair) for pair in _pairs(old, new)]
    written_old = old_text if old_text is not None else None if old is None else str(old)
    written_new = new_text if new_text is not None else None if new is None else str(new)
    if old is not None and old == new:
        kind = ChangeKind.SAME if written_old == written_new else ChangeKind.NOTATION
    elif old is not None and new is not None and same_parts(old, new):
        kind = ChangeKind.NOTATION  # the same parts in another order, or a part written twice
    elif not parts:
        kind = ChangeKind.SAME  # nothing on either side
    else:
        kind = min((part.kind for part in parts), key=_SIGNIFICANCE.__getitem__)
    if len(parts) == 1 and not isinstance(old, MultiSeasonRank) and not isinstance(new, MultiSeasonRank):
        only = parts[0]
        return RankChange(kind, old, new, only.season, only.species_only, old_text, new_text)
    return RankChange(kind, old, new, None, False, old_text, new_text, tuple(parts))


# -- text or rank objects -------------------------------------------------------------


def _read(code: object, side: str, lenient: bool) -> tuple[AnyRank | None, str | None]:
    if isinstance(code, (Rank, MultiSeasonRank)):
        return code, None
    if is_missing(code):
        return None, None
    if not isinstance(code, str):
        raise TypeError(
            f"srank.compare() takes codes as text, srank rank objects or None; the {side} code is {type(code).__name__}"
        )
    try:
        return parse(code, lenient=lenient), code
    except InvalidRankError as error:
        raise error.evolve(message=say(f"change.{side}-unreadable", problem=error.message)) from None


def compare(old: object, new: object, *, lenient: bool = False) -> RankChange:
    """What changed from ``old`` to ``new``: codes as text or rank objects, None or blank for "absent".

    ``.kind`` is a ``srank.ChangeKind`` (a str: "uplisted", "more-certain" ...),
    ``.rounded_changed`` says whether the rounded rank moved, and ``.parts``
    holds one change per season. Text is read strictly unless ``lenient=True``;
    an unreadable code raises InvalidRankError naming the side.

    Args:
        old: The earlier code: text, a rank object, or None or blank text for "absent".
        new: The later code, in the same forms.
        lenient: Read the spellings real files use instead of NatureServe's syntax only.

    Returns:
        The RankChange.

    Raises:
        InvalidRankError: A code cannot be read; the message says which side.
        TypeError: A value is neither text, a rank object nor None.

    Examples:
        >>> change = srank.compare("S2S3", "S1")
        >>> change.kind, change.rounded_changed
        (<ChangeKind.UPLISTED: 'uplisted'>, True)
        >>> str(change)
        'S2S3 → S1, uplisted (more imperiled), rounded S2 → S1'
        >>> srank.compare(None, "G4").kind
        <ChangeKind.ADDED: 'added'>
    """
    if isinstance(old, str) and isinstance(new, str):
        return _compare_texts(old, new, bool(lenient))
    old_rank, old_text = _read(old, "old", lenient)
    new_rank, new_text = _read(new, "new", lenient)
    return compare_ranks(old_rank, new_rank, old_text, new_text)


@functools.lru_cache(maxsize=16384)
def _compare_texts(old: str, new: str, lenient: bool) -> RankChange:
    # Two exports share a few thousand distinct pairs of codes; a change is immutable.
    old_rank, old_text = _read(old, "old", lenient)
    new_rank, new_text = _read(new, "new", lenient)
    return compare_ranks(old_rank, new_rank, old_text, new_text)
