"""The rank model: frozen attrs values whose ``str()`` is the canonical code.

An object that exists obeys the structural rules of ``_rules``, whether it came
from the parser or was built by hand; what NatureServe's guidance says about it
is derived from the value as ``findings``. Equality and hashing follow the
canonical code; ``notes`` (what the lenient reader changed in the text) take no
part in them.

The semantics live with the value, as the ordering key lives on pypa/packaging's
``Version``:

Rounding (``rounded``) gives NatureServe's roundedGRank / roundedSRank: ``?`` and
Q are dropped; C is dropped and a captive X rounds to H (GXC and GHC both round
to GH in NatureServe's exports); an adjacent range rounds to its more imperiled
end (G3G4 -> G3), a range skipping one to the middle (G1G3 -> G2); a G+T code
rounds to its T part alone, even when the T part is more secure (G3G4T5Q -> T5,
as Explorer publishes it); a range from U to H rounds to U (GUGHQ and GUGHC -> GU,
as Explorer publishes them); X, H, U, NR, NA and seasons stay; a multi-part code
rounds part by part, in order, a part written twice staying twice (NatureServe's
rounded ranks hold SNA,SNA). The USDA PLANTS form S5T1T3 rounds like G+T, to
its T part (T2): PLANTS flags such a page as a rare plant, so a filter for
at-risk taxa must keep it.

The precautionary rank (``precautionary``) is the most imperiled end instead:
a range gives its lower number (N2N4 -> N2, where rounding gives N3; G4G5 ->
G4), as Biotics publishes it in PRECAUTIONARY_G_RANK and PRECAUTIONARY_N_RANK.
It is built like the rounded rank in every other respect: ``?``, Q and C
dropped, GXC -> GH, the T part of a G+T code, seasons kept, part by part.

Bounds (``bounds``) are the most and least imperiled number the rank allows,
read from the taxon the code is about (the T part of G+T and of the PLANTS
form); None for X, H, U, NR, NA and U to H (GUGH). A multi-part code spans all
its numeric parts, or is None when none is numeric.

Order (``sort_key``, smaller = more imperiled) compares, in turn:
1. the rounded rank's place on X < H < 1 < 2 < 3 < 4 < 5 < U < NR < NA;
2. the bounds, low end then high end (G1G3 before G2 before G2G3);
3. exact before inexact (G3 before G3?);
4. the canonical code, so the key is total and equal only for equal ranks.
A multi-part code sorts by its most imperiled part, then by its code. GUGH sorts
as it rounds, with GU. U, NR and NA sort after every ranked value; ``srank.most_imperiled`` and
``srank.least_imperiled`` go further and consider them only when nothing is
ranked, since "unrankable" is neither more nor less imperiled than "secure".

Predicates read the rounded rank, so G+T codes answer for their T part, and
GUGH is neither ranked nor possibly extinct (it rounds to GU). A multi-part code
answers True when any of its parts does.

What a multi-part code says, season by season (``parts_by_season``), counts a
part written twice once: S2B,S2B says what S2B says (the ``part-repeated``
finding), so ``srank.compare`` calls S2B,S2B -> S2B ``notation`` and a stored
rounded S2B agrees with it (``same_parts``). A season named twice with
different ranks (S2B,S3B, the ``season-repeated`` finding) keeps both ranks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from ._errors import InvalidRankError
from ._json_form import part_form, rank_form
from ._rules import multi_part_guidance, multi_part_structure, rank_guidance, rank_layout, rank_structure
from ._text_options import LanguageTag
from ._values import Infraspecific, Range, Single, Value, precautionary_value, rounded_value
from ._vocabulary import OFF_SCALE_GRADES, Grade, Level, Qualifier, Season

if TYPE_CHECKING:
    from ._findings import Finding
    from ._palette import Swatch

__all__ = [
    "CACHED_LENGTH",
    "AnyRank",
    "Grade",
    "Infraspecific",
    "Level",
    "MultiSeasonRank",
    "Qualifier",
    "Range",
    "Rank",
    "Season",
    "Single",
    "SortKey",
    "Value",
    "check_threshold",
    "parts_by_season",
    "place_of",
    "same_parts",
    "season_part",
]

SortKey = tuple[int, int, int, int, str]

# Place of each rounded grade on the imperilment scale; off-scale statuses last.
_PLACE = {
    Grade.PRESUMED_EXTINCT: 0,
    Grade.POSSIBLY_EXTINCT: 1,
    Grade.CRITICALLY_IMPERILED: 2,
    Grade.IMPERILED: 3,
    Grade.VULNERABLE: 4,
    Grade.APPARENTLY_SECURE: 5,
    Grade.SECURE: 6,
    Grade.UNRANKABLE: 7,
    Grade.NOT_RANKED: 8,
    Grade.NOT_APPLICABLE: 9,
}


@attrs.frozen
class _Facts:
    """Everything semantic about one code, computed once per distinct code."""

    rounded: Rank | MultiSeasonRank
    bounds: tuple[int, int] | None
    sort_key: SortKey
    grades: frozenset[Grade]  # the rounded grades of all parts


CACHED_LENGTH = 32
"""Codes up to this long are memoised (their reading, their rounding). Real codes are a dozen characters;
a long one (60 parts, each with its findings) would hold kilobytes in a cache."""

_FACTS: dict[str, _Facts] = {}
_FACTS_LIMIT = 65536  # distinct codes in real data number in the hundreds


class _RankBehaviour:
    """What every rank code can do, shared by Rank and MultiSeasonRank."""

    __slots__ = ()

    if TYPE_CHECKING:
        _code: str
        notes: tuple[Finding, ...]

        @property
        def parts(self) -> tuple[Rank, ...]: ...

        @property
        def level(self) -> Level: ...

        def _facts_now(self) -> _Facts: ...

        def _head_form(self) -> dict[str, Any]: ...

        @property
        def findings(self) -> tuple[Finding, ...]: ...

    def __str__(self) -> str:
        return self._code

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._code!r}>"

    # -- seasons -----------------------------------------------------------------
    @property
    def breeding(self) -> Rank | None:
        """The first breeding-season part (B), or None when the code has none."""
        return season_part(self.parts, Season.BREEDING)

    @property
    def nonbreeding(self) -> Rank | None:
        """The first nonbreeding-season part (N), or None when the code has none."""
        return season_part(self.parts, Season.NONBREEDING)

    @property
    def migrant(self) -> Rank | None:
        """The first migrant part (M), or None when the code has none."""
        return season_part(self.parts, Season.MIGRANT)

    # -- semantics (rules in the module docstring) ------------------------------
    def _facts(self) -> _Facts:
        facts = _FACTS.get(self._code)
        if facts is None:
            facts = self._facts_now()
            if len(self._code) > CACHED_LENGTH:
                return facts
            if len(_FACTS) >= _FACTS_LIMIT:
                _FACTS.clear()
            _FACTS[self._code] = facts
        return facts

    def rounded(self) -> Rank | MultiSeasonRank:
        """NatureServe's rounded rank (roundedGRank / roundedSRank).

        Returns:
            A Rank, or a MultiSeasonRank rounded part by part.

        Examples:
            >>> srank.parse("G3G4").rounded(), srank.parse("G5T1T3Q").rounded(), srank.parse("G1G3").rounded()
            (<Rank 'G3'>, <Rank 'T2'>, <Rank 'G2'>)
        """
        return self._facts().rounded

    def bounds(self) -> tuple[int, int] | None:
        """The most and least imperiled number the rank allows; None off the 1-5 scale.

        Read from the taxon the code is about (the T part of G5T2); a multi-part code spans its numeric parts.

        Returns:
            (low, high), or None for X, H, U, NR and NA.

        Examples:
            >>> srank.parse("G5T1T3Q").bounds(), srank.parse("S2B,S4N").bounds(), srank.parse("SX").bounds()
            ((1, 3), (2, 4), None)
        """
        return self._facts().bounds

    def sort_key(self) -> SortKey:
        """The documented imperilment sort key: smaller is more imperiled; total and consistent with ==.

        It compares the rounded rank's place on X < H < 1-5 < U < NR < NA, then the bounds, then
        exact before inexact, then the code; ``<`` between ranks uses it.

        Returns:
            A tuple of four small integers and the canonical code.

        Examples:
            >>> sorted(srank.parse(code) for code in ["G2G3", "G2", "GNR", "G1G3", "G2?"])
            [<Rank 'G1G3'>, <Rank 'G2'>, <Rank 'G2?'>, <Rank 'G2G3'>, <Rank 'GNR'>]
        """
        return self._facts().sort_key

    def is_imperiled(self, threshold: int = 3) -> bool:
        """True when the rounded rank is a number from 1 to ``threshold``; X and H are not counted.

        Args:
            threshold: The highest rounded number that counts, 1 to 5; 3 takes in Vulnerable.

        Returns:
            Whether the rank (any part of a multi-season code) is imperiled.

        Raises:
            ValueError: ``threshold`` is not 1 to 5.

        Examples:
            >>> srank.parse("G5T2").is_imperiled(), srank.parse("S3").is_imperiled(2), srank.parse("SX").is_imperiled()
            (True, False, False)
        """
        check_threshold(threshold)
        return any(grade.number is not None and grade.number <= threshold for grade in self._facts().grades)

    def is_extinct(self) -> bool:
        """True when the rounded rank is X: presumed extinct (G, T) or extirpated (N, S).

        Returns:
            Whether the rounded rank (any part of it) is X.

        Examples:
            >>> srank.parse("SX").is_extinct(), srank.parse("GXC").is_extinct()
            (True, False)
        """
        return Grade.PRESUMED_EXTINCT in self._facts().grades

    def is_possibly_extinct(self) -> bool:
        """True when the rounded rank is H: possibly extinct (G, T) or extirpated (N, S).

        Returns:
            Whether the rounded rank (any part of it) is H; GXC rounds to GH, so it counts.

        Examples:
            >>> srank.parse("SH").is_possibly_extinct(), srank.parse("GXC").is_possibly_extinct()
            (True, True)
        """
        return Grade.POSSIBLY_EXTINCT in self._facts().grades

    def is_ranked(self) -> bool:
        """False when every rounded part is U, NR or NA, which carry no status.

        Returns:
            Whether any rounded part is X, H or a number.

        Examples:
            >>> srank.parse("SNR").is_ranked(), srank.parse("SU").is_ranked(), srank.parse("SNA,S2B").is_ranked()
            (False, False, True)
        """
        return not self._facts().grades <= OFF_SCALE_GRADES

    def to_dict(self) -> dict[str, Any]:
        """The rank as JSON-ready data with stable keys (docs/rank.schema.json): ``json.dumps(rank.to_dict())``.

        code, level, value, captive, qualifiers, season, infraspecific, parts,
        rounded, bounds, warnings (the findings). A multi-part code has value,
        season and infraspecific None; its parts hold them.

        Returns:
            A dict of str, int, bool, list and None only.

        Examples:
            >>> data = srank.parse("G5T1T3Q").to_dict()
            >>> data["code"], data["rounded"], data["bounds"], data["qualifiers"]
            ('G5T1T3Q', 'T2', [1, 3], ['Q'])
        """
        return rank_form(
            self._head_form(),
            parts=[part._head_form() for part in self.parts],
            rounded=str(self.rounded()),
            bounds=self.bounds(),
            findings=self.findings,
        )

    # -- pictures (the presentation layer, loaded on first use) -------------------
    def colour(self) -> Swatch:
        """The palette entry (``.fill``, ``.text``) of the rounded class; a multi-part code: its most imperiled part.

        Returns:
            A Swatch of srank's palette (``srank.palette()``).

        Examples:
            >>> srank.parse("G3G4").colour().fill, srank.parse("S2B,S4N").colour().name
            ('#FDD835', '2')
        """
        from ._palette import colour

        return colour(self)  # type: ignore[arg-type]

    def to_html(self, *, lang: LanguageTag = "en") -> str:
        """A badge for web pages: the code on its colour, its label, its rounded rank and its findings.

        Jupyter shows ranks this way. The HTML is self-contained (inline styles), safe to embed.

        Args:
            lang: The language of the label: one srank has, or a tag of one ("fr-CA").

        Returns:
            An HTML fragment.

        Raises:
            ValueError: An unknown language.

        Examples:
            >>> html = srank.parse("S2").to_html(lang="fr")
            >>> html.startswith("<div"), "En péril" in html
            (True, True)
        """
        from ._html import rank_html

        return rank_html(self, lang)  # type: ignore[arg-type]

    def _repr_html_(self) -> str:
        from ._html import rank_html

        return rank_html(self)  # type: ignore[arg-type]

    # Equality and hashing follow the canonical code, which is also what makes
    # a rank a cheap dict key for column-sized caches.
    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._code == other._code
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._code != other._code
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._code)

    # "a < b" means "a is more imperiled than b".
    def __lt__(self, other: _RankBehaviour) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: _RankBehaviour) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: _RankBehaviour) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: _RankBehaviour) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() >= other.sort_key()


@attrs.frozen(repr=False, order=False, eq=False)
class Rank(_RankBehaviour):
    """One rank code of a single season: G5T1T3Q, S2B, N4N5, TNR.

    ``notes`` holds what the lenient reader changed in the text (normalisations,
    legacy codes); ``findings`` adds what NatureServe's guidance says about the
    value itself. Neither takes part in equality.

    Build one with ``srank.parse``; building one by hand checks the same structural rules.

    Its fields: ``level`` (G global, N national, S subnational, or T for a T rank
    written alone); ``value``, a Single grade (5, X, NR) or a Range (1 to 3), ``?``
    included; ``captive`` (C, known only in captivity or cultivation);
    ``infraspecific``, the T part of a G+T code (G5T2) with its own value and C;
    ``questionable`` (Q, questionable taxonomy); ``season``, B, N or M for a
    seasonal part (S2B), else None; and ``notes``.

    Examples:
        >>> rank = srank.parse("G5T1T3Q")
        >>> rank.level, rank.value, rank.infraspecific, rank.questionable
        (<Level.GLOBAL: 'G'>, <Single '5'>, <Infraspecific 'T1T3'>, True)
        >>> srank.Rank(srank.Level.SUBNATIONAL, srank.Single(srank.Grade.IMPERILED), season=srank.Season.BREEDING)
        <Rank 'S2B'>
    """

    level: Level
    value: Value
    captive: bool = attrs.field(default=False, kw_only=True)
    infraspecific: Infraspecific | None = attrs.field(default=None, kw_only=True)
    questionable: bool = attrs.field(default=False, kw_only=True)
    season: Season | None = attrs.field(default=None, kw_only=True)
    notes: tuple[Finding, ...] = attrs.field(default=(), kw_only=True)
    _code: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        _check_types(self)
        layout = rank_layout(self)
        problem = rank_structure(self, layout)
        if problem is not None:
            raise InvalidRankError.from_finding(problem, text=layout[0])
        object.__setattr__(self, "_code", layout[0])

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What NatureServe's guidance says about the value, then the reader's ``notes``."""
        return rank_guidance(self) + self.notes

    @property
    def qualifiers(self) -> tuple[Qualifier, ...]:
        """The qualifiers present anywhere in the code, in writing order."""
        infra = self.infraspecific
        found = []
        if self.value.inexact or (infra is not None and infra.value.inexact):
            found.append(Qualifier.INEXACT)
        if self.captive or (infra is not None and infra.captive):
            found.append(Qualifier.CAPTIVE)
        if self.questionable:
            found.append(Qualifier.QUESTIONABLE_TAXONOMY)
        return tuple(found)

    @property
    def parts(self) -> tuple[Rank, ...]:
        """The seasonal parts — this rank alone, so one loop serves both kinds of code."""
        return (self,)

    def _head_form(self) -> dict[str, Any]:
        return part_form(
            code=self._code,
            level=self.level,
            value=self.value,
            captive=self.captive,
            qualifiers=self.qualifiers,
            season=self.season,
            infraspecific=self.infraspecific,
        )

    def _facts_now(self) -> _Facts:
        rounded = self._rounded_now()
        return _Facts(rounded, self._bounds_now(), (*self._part_key(), self._code), frozenset({rounded.value.low}))

    def _taxon_value(self) -> Value:
        """The value the code speaks for: the T part when there is one, else the rank's own."""
        return self.infraspecific.value if self.infraspecific is not None else self.value

    def _rounded_now(self) -> Rank:
        return self._reduced(rounded_value)

    def _reduced(self, reduce: Callable[..., Single]) -> Rank:
        """The taxon's value brought to one number by ``reduce``: the T part alone for G+T, seasons kept."""
        infra = self.infraspecific
        if infra is not None:
            return Rank(Level.INFRASPECIFIC, reduce(infra.value, captive=infra.captive))
        return Rank(self.level, reduce(self.value, captive=self.captive), season=self.season)

    def precautionary(self) -> Rank:
        """The most imperiled end of the rank (N2N4 -> N2), as Biotics' PRECAUTIONARY_N_RANK; else as rounded().

        Returns:
            A Rank: ``?``, Q and C dropped, as in ``rounded()``, but a range gives its lower number.

        Examples:
            >>> srank.parse("N2N4").precautionary(), srank.parse("N2N4").rounded()
            (<Rank 'N2'>, <Rank 'N3'>)
        """
        return self._reduced(precautionary_value)

    def _bounds_now(self) -> tuple[int, int] | None:
        value = self._taxon_value()
        low, high = value.low.number, value.high.number
        return None if low is None or high is None else (low, high)

    def _part_key(self) -> tuple[int, int, int, int]:
        place = _PLACE[self._rounded_now().value.low]
        span = self._bounds_now()
        low, high = (place, place) if span is None else (_PLACE[Grade.from_number(n)] for n in span)
        return place, low, high, int(self._taxon_value().inexact)


@attrs.frozen(repr=False, order=False, eq=False)
class MultiSeasonRank(_RankBehaviour):
    """Several ranks of one level in one code, in the order written: S2B,S4N, or SX,S1.

    Parts usually name distinct seasons; NatureServe's rounded ranks also hold
    unseasoned and repeated parts (SX,S1, SNA,SNA, S1N,S2N), which are read
    and reported in ``findings``. The code keeps every part as written; a part
    written twice says what one copy says, so ``srank.compare`` and the
    rounding check count it once.

    Examples:
    >>> bird = srank.parse("S2B,S4N")
    >>> bird.parts, bird.breeding, bird.rounded()
    ((<Rank 'S2B'>, <Rank 'S4N'>), <Rank 'S2B'>, <MultiSeasonRank 'S2B,S4N'>)
    """

    parts: tuple[Rank, ...]
    notes: tuple[Finding, ...] = attrs.field(default=(), kw_only=True)
    _code: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        parts = self.parts
        if not isinstance(parts, tuple) or not all(isinstance(part, Rank) for part in parts):
            raise TypeError("parts must be a tuple of srank.Rank")
        object.__setattr__(self, "_code", ",".join([str(part) for part in parts]))
        problem = multi_part_structure(self)
        if problem is not None:
            raise InvalidRankError.from_finding(problem, text=self._code)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What NatureServe's guidance says about the parts, then the reader's ``notes``."""
        return multi_part_guidance(self) + self.notes

    @property
    def level(self) -> Level:
        """The level of the parts, which all share one."""
        return self.parts[0].level

    def _head_form(self) -> dict[str, Any]:
        qualifiers = [qualifier for part in self.parts for qualifier in part.qualifiers]
        return part_form(
            code=self._code,
            level=self.level,
            value=None,
            captive=False,
            qualifiers=qualifiers,
            season=None,
            infraspecific=None,
        )

    def precautionary(self) -> MultiSeasonRank:
        """Each part's most imperiled end (N2N4B,N3N5N -> N2B,N3N), as Biotics' PRECAUTIONARY_N_RANK.

        Returns:
            A MultiSeasonRank, part by part.

        Examples:
            >>> srank.parse("N2N4B,N3N5N").precautionary()
            <MultiSeasonRank 'N2B,N3N'>
        """
        return MultiSeasonRank(tuple(part.precautionary() for part in self.parts))

    def _facts_now(self) -> _Facts:
        rounded = MultiSeasonRank(tuple(part._rounded_now() for part in self.parts))
        spans = [span for span in (part._bounds_now() for part in self.parts) if span is not None]
        span = (min(low for low, _ in spans), max(high for _, high in spans)) if spans else None
        key = (*min(part._part_key() for part in self.parts), self._code)
        return _Facts(rounded, span, key, frozenset(part.value.low for part in rounded.parts))


AnyRank = Rank | MultiSeasonRank
"""Any parsed code: one rank, or a code of several seasonal parts."""


def check_threshold(threshold: object) -> None:
    """Raise unless ``threshold`` is an int from 1 to 5, as ``is_imperiled`` takes (column helpers check it first)."""
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise TypeError(f"threshold must be an int from 1 to 5, not {type(threshold).__name__}")
    if not 1 <= threshold <= 5:
        raise ValueError(f"threshold must be from 1 to 5, not {threshold}")


def _check_types(rank: Rank) -> None:
    if not isinstance(rank.level, Level):
        raise TypeError(f"level must be a srank.Level, not {type(rank.level).__name__}")
    if not isinstance(rank.value, (Single, Range)):
        raise TypeError(f"value must be a srank.Single or srank.Range, not {type(rank.value).__name__}")
    if rank.season is not None and not isinstance(rank.season, Season):
        raise TypeError(f"season must be a srank.Season or None, not {type(rank.season).__name__}")
    if rank.infraspecific is not None and not isinstance(rank.infraspecific, Infraspecific):
        raise TypeError(f"infraspecific must be a srank.Infraspecific or None, not {type(rank.infraspecific).__name__}")


def place_of(grade: Grade) -> int:
    """A rounded grade's place on the imperilment scale (the first field of ``sort_key``): X, H, 1-5, U, NR, NA."""
    return _PLACE[grade]


def parts_by_season(rank: AnyRank | None) -> dict[Season | None, tuple[Rank, ...]]:
    """The parts of a code by season letter (None: parts without one), each season's in written order, a repeat once.

    The one home for what a code says season by season. A part written twice
    (S2B,S2B: ``part-repeated``) says what one copy says, so it is here once; a
    season named twice with different ranks (S2B,S3B: ``season-repeated``)
    keeps both. None (no code) has no parts.
    """
    found: dict[Season | None, list[Rank]] = {}
    for part in () if rank is None else dict.fromkeys(rank.parts):
        found.setdefault(part.season, []).append(part)
    return {season: tuple(parts) for season, parts in found.items()}


def same_parts(first: AnyRank, second: AnyRank) -> bool:
    """Whether two codes say the same: the same parts, in any order, a part written twice counting once.

    S2B,S4N, S4N,S2B and S2B,S4N,S2B say the same (their ``parts_by_season``
    hold the same parts); S2B,S3B and S2B do not.
    """
    return frozenset(first.parts) == frozenset(second.parts)


def season_part(parts: tuple[Rank, ...], season: Season) -> Rank | None:
    """The first of ``parts`` for ``season``; a part without a season letter is not assigned to any season."""
    for part in parts:
        if part.season is season:
            return part
    return None
