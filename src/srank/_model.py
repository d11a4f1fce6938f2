"""The rank model: frozen, slotted attrs classes whose ``str()`` is the canonical code.

Cross-field rules live in ``__attrs_post_init__``: an object that exists is a
rank NatureServe's syntax allows, whether it came from the parser or was built
by hand. Equality and hashing follow the canonical code; ``warnings`` (what was
noticed while reading the text) take no part in them.
"""

from __future__ import annotations

import enum
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias, cast

import attrs

from ._errors import InvalidRankError

if TYPE_CHECKING:
    from ._findings import Finding

__all__ = [
    "Grade",
    "Infraspecific",
    "Level",
    "MultiSeasonRank",
    "Qualifier",
    "Range",
    "Rank",
    "Season",
    "Single",
    "Value",
]


class Level(enum.Enum):
    """Who the rank speaks for: the whole range, a nation, a state or province."""

    GLOBAL = "G"
    NATIONAL = "N"
    SUBNATIONAL = "S"
    INFRASPECIFIC = "T"


class Grade(enum.Enum):
    """One rank value: a number 1-5 or a status that is not on the number scale."""

    CRITICALLY_IMPERILED = "1"
    IMPERILED = "2"
    VULNERABLE = "3"
    APPARENTLY_SECURE = "4"
    SECURE = "5"
    PRESUMED_EXTINCT = "X"
    POSSIBLY_EXTINCT = "H"
    UNRANKABLE = "U"
    NOT_RANKED = "NR"
    NOT_APPLICABLE = "NA"

    @property
    def number(self) -> int | None:
        """1-5 for the numeric grades, None for X, H, U, NR and NA."""
        return _NUMBER_OF.get(self)

    @classmethod
    def from_number(cls, number: int) -> Grade:
        return cls(str(number))


_NUMBER_OF = {grade: int(grade.value) for grade in Grade if grade.value.isdigit()}
_NUMBER_BY_TEXT = {grade.value: number for grade, number in _NUMBER_OF.items()}


class Season(enum.Enum):
    """The part of the year a national or subnational rank speaks for."""

    BREEDING = "B"
    NONBREEDING = "N"
    MIGRANT = "M"


class Qualifier(enum.Enum):
    """The three rank qualifiers, in the order they are written."""

    INEXACT = "?"
    CAPTIVE = "C"
    QUESTIONABLE_TAXONOMY = "Q"


def _invalid(message: str, code: str, text: str, span: tuple[int, int], hint: str) -> InvalidRankError:
    return InvalidRankError(message, text=text, span=span, hint=hint, code=code)


@attrs.frozen(repr=False, order=False)
class Single:
    """A single grade such as 3, 3? (inexact) or NR."""

    grade: Grade
    inexact: bool = False

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.grade, Grade):
            raise TypeError(f"grade must be a srank.Grade, not {type(self.grade).__name__}")
        if self.inexact and self.grade not in _NUMBER_OF:
            raise _invalid(
                f"'?' cannot qualify {self.grade.value}",
                "inexact-on-status",
                f"{self.grade.value}?",
                (len(self.grade.value), len(self.grade.value) + 1),
                "'?' marks an inexact number; it only goes on 1-5, as in G3?",
            )

    def format(self, letter: str) -> str:
        return self.grade._value_ + ("?" if self.inexact else "")

    @property
    def low(self) -> Grade:
        return self.grade

    @property
    def high(self) -> Grade:
        return self.grade

    def __repr__(self) -> str:
        return f"<Single {self.format('')!r}>"


_RANGE_HINTS = {
    "syntax": "ranges are written with two numbers, as in {L}2{L}3",
    "range-reversed": "write the lower (more imperiled) number first, as in {L}2{L}3",
    "range-degenerate": "write a single number, as in {L}2",
    "range-too-wide": "NatureServe writes U (unrankable) when the rank is this uncertain, as in {L}U",
}


def range_hint(code: str, letter: str = "G") -> str:
    """The hint for a broken range, with examples in the range's own level letter."""
    return _RANGE_HINTS[code].format(L=letter)


@attrs.frozen(repr=False, order=False)
class Range:
    """A range of numbers such as 2-3 (written G2G3): the rank is one of them."""

    low: Grade
    high: Grade

    def __attrs_post_init__(self) -> None:
        low, high = _NUMBER_OF.get(self.low), _NUMBER_OF.get(self.high)
        text = f"{self.low.value}-{self.high.value}"
        if low is None or high is None:
            raise _invalid(
                f"A range holds numbers only, not {self.low.value}-{self.high.value}",
                "syntax",
                text,
                (0, len(text)),
                range_hint("syntax"),
            )
        if low > high:
            raise _invalid(
                f"Range {low}-{high} is reversed",
                "range-reversed",
                text,
                (0, len(text)),
                range_hint("range-reversed"),
            )
        if low == high:
            raise _invalid(
                f"Range {low}-{high} has the same number at both ends",
                "range-degenerate",
                text,
                (0, len(text)),
                range_hint("range-degenerate"),
            )
        if high - low > 2:
            raise _invalid(
                f"Range {low}-{high} is too wide: a range may skip at most one rank",
                "range-too-wide",
                text,
                (0, len(text)),
                range_hint("range-too-wide"),
            )

    @property
    def inexact(self) -> bool:
        return False

    def format(self, letter: str) -> str:
        return self.low._value_ + letter + self.high._value_

    def __repr__(self) -> str:
        return f"<Range {self.format('-')!r}>"


Value: TypeAlias = Single | Range


def _is_extinct_status(value: Value) -> bool:
    return value.__class__ is Single and (value.low is _PRESUMED_EXTINCT or value.low is _POSSIBLY_EXTINCT)


def _more_secure(infra: Value, species: Value) -> bool:
    """True when an infraspecific value is more secure than its species' value allows."""
    species_high = _NUMBER_BY_TEXT.get(species.high._value_)
    infra_low = _NUMBER_BY_TEXT.get(infra.low._value_)
    return species_high is not None and infra_low is not None and infra_low > species_high


_VALUE_CLASSES = (Single, Range)
_GLOBAL, _NATIONAL, _SUBNATIONAL, _INFRASPECIFIC = Level.GLOBAL, Level.NATIONAL, Level.SUBNATIONAL, Level.INFRASPECIFIC
_PRESUMED_EXTINCT, _POSSIBLY_EXTINCT, _SECURE = Grade.PRESUMED_EXTINCT, Grade.POSSIBLY_EXTINCT, Grade.SECURE


@attrs.frozen(repr=False, order=False)
class Infraspecific:
    """The T part of a global rank: the rank of a subspecies, variety or population."""

    value: Value
    captive: bool = False
    _code: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.value, (Single, Range)):
            raise TypeError(f"value must be a srank.Single or srank.Range, not {type(self.value).__name__}")
        object.__setattr__(self, "_code", "T" + self.value.format("T") + ("C" if self.captive else ""))

    def __str__(self) -> str:
        return self._code

    def __repr__(self) -> str:
        return f"<Infraspecific {str(self)!r}>"


def _layer(name: str) -> Any:
    """A layer above the model (semantics, presentation), imported on first use.

    The model must not import them at load time (they import the model); a
    sys.modules lookup costs a tenth of an import statement on every call.
    """
    module = sys.modules.get(name)
    if module is None:
        from importlib import import_module

        module = import_module(name)
    return module


class _RankBehaviour:
    """What every rank code can do, shared by Rank and MultiSeasonRank.

    The work lives in the layers above the model (semantics in ``_semantics``,
    text in ``_describe``), which these methods reach through ``_layer``.
    """

    __slots__ = ()

    if TYPE_CHECKING:
        _code: str
        _rule_findings: tuple[Finding, ...]
        notes: tuple[Finding, ...]

        @property
        def parts(self) -> tuple[Rank, ...]: ...

    def __str__(self) -> str:
        return self._code

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._code!r}>"

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What the rules find in this value, then what the reader noticed in the text (``notes``)."""
        return self._rule_findings + self.notes

    # -- seasons -----------------------------------------------------------------
    @property
    def breeding(self) -> Rank | None:
        """The breeding-season part (B), or None when the code has none."""
        return _season_part(self.parts, Season.BREEDING)

    @property
    def nonbreeding(self) -> Rank | None:
        """The nonbreeding-season part (N), or None when the code has none."""
        return _season_part(self.parts, Season.NONBREEDING)

    @property
    def migrant(self) -> Rank | None:
        """The migrant part (M), or None when the code has none."""
        return _season_part(self.parts, Season.MIGRANT)

    # -- semantics -------------------------------------------------------------
    def rounded(self) -> Rank | MultiSeasonRank:
        """NatureServe's rounded rank (roundedGRank / roundedSRank)."""
        return cast("Rank | MultiSeasonRank", _layer("srank._semantics").rounded(self))

    def bounds(self) -> tuple[int, int] | None:
        """The most and least imperiled number the rank allows; None off the 1-5 scale."""
        return cast("tuple[int, int] | None", _layer("srank._semantics").bounds(self))

    def sort_key(self) -> tuple[object, ...]:
        """The documented imperilment sort key: smaller is more imperiled."""
        return cast("tuple[object, ...]", _layer("srank._semantics").sort_key(self))

    def is_imperiled(self, threshold: int = 3) -> bool:
        """True when the rounded rank is a number from 1 to ``threshold``."""
        return cast(bool, _layer("srank._semantics").is_imperiled(self, threshold))

    def is_extinct(self) -> bool:
        """True when the rounded rank is X (presumed extinct or extirpated)."""
        return cast(bool, _layer("srank._semantics").is_extinct(self))

    def is_possibly_extinct(self) -> bool:
        """True when the rounded rank is H (possibly extinct or extirpated)."""
        return cast(bool, _layer("srank._semantics").is_possibly_extinct(self))

    def is_ranked(self) -> bool:
        """False when the rounded rank is U, NR or NA."""
        return cast(bool, _layer("srank._semantics").is_ranked(self))

    # Equality and hashing follow the canonical code (cached as _code), which is
    # also what makes a rank a cheap dict key for column-sized caches.
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
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, _RankBehaviour):
            return NotImplemented
        return self.sort_key() >= other.sort_key()


@attrs.frozen(repr=False, order=False, eq=False)
class Rank(_RankBehaviour):
    """One rank code of a single season: G5T1T3Q, S2B, N4N5, TNR.

    ``warnings`` holds what was noticed while reading the text (lenient
    normalisations, legacy codes, non-standard forms); it is not part of
    equality.
    """

    level: Level
    value: Value
    captive: bool = attrs.field(default=False, kw_only=True)
    infraspecific: Infraspecific | None = attrs.field(default=None, kw_only=True)
    questionable: bool = attrs.field(default=False, kw_only=True)
    season: Season | None = attrs.field(default=None, kw_only=True)
    notes: tuple[Finding, ...] = attrs.field(default=(), kw_only=True, eq=False)
    _code: str = attrs.field(init=False)
    _rule_findings: tuple[Finding, ...] = attrs.field(init=False, default=(), eq=False)

    def __attrs_post_init__(self) -> None:
        # The happy path is kept cheap (it runs once per distinct code in a
        # data file); messages and spans are only built when a rule is broken.
        level, value, infra, season = self.level, self.value, self.infraspecific, self.season
        captive, questionable = self.captive, self.questionable
        if level.__class__ is not Level or value.__class__ not in _VALUE_CLASSES:
            self._type_error()
        letter = level._value_
        if infra is None:
            seasonal = level is _NATIONAL or level is _SUBNATIONAL
            if (
                (season is not None and (not seasonal or season.__class__ is not Season))
                or (captive and (seasonal or not _is_extinct_status(value)))
                or (questionable and seasonal)
            ):
                self._rule_error()
            code = letter + value.format(letter)
            if captive:
                code += "C"
            if questionable:
                code += "Q"
            if season is not None:
                code += season._value_
            object.__setattr__(self, "_code", code)
            if questionable and value.low is _SECURE:
                object.__setattr__(self, "_rule_findings", self._notes())
            return
        if (
            season is not None
            or infra.__class__ is not Infraspecific
            or level is _NATIONAL
            or level is _INFRASPECIFIC
            or (captive and (level is _SUBNATIONAL or not _is_extinct_status(value)))
            or (infra.captive and not _is_extinct_status(infra.value))
            or (level is _GLOBAL and _more_secure(infra.value, value))
        ):
            self._rule_error()
        code = letter + value.format(letter) + ("C" if captive else "") + infra._code + ("Q" if questionable else "")
        object.__setattr__(self, "_code", code)
        if level is _SUBNATIONAL or (questionable and infra.value.low is _SECURE):
            object.__setattr__(self, "_rule_findings", self._notes())

    def _type_error(self) -> NoReturn:
        if not isinstance(self.level, Level):
            raise TypeError(f"level must be a srank.Level, not {type(self.level).__name__}")
        raise TypeError(f"value must be a srank.Single or srank.Range, not {type(self.value).__name__}")

    def _layout(self) -> tuple[str, int, int, int, int]:
        """The canonical code and where its C, T part, Q and season start."""
        letter = self.level._value_
        value_text = self.value.format(letter)
        captive_at = 1 + len(value_text)
        infra_at = captive_at + (1 if self.captive else 0)
        questionable_at = infra_at + (len(str(self.infraspecific)) if self.infraspecific is not None else 0)
        season_at = questionable_at + (1 if self.questionable else 0)
        season_text = self.season.value if isinstance(self.season, Season) else ""
        code = letter + value_text + ("C" if self.captive else "")
        code += str(self.infraspecific) if self.infraspecific is not None else ""
        code += ("Q" if self.questionable else "") + season_text
        return code, captive_at, infra_at, questionable_at, season_at

    def _rule_error(self) -> NoReturn:
        level, infra = self.level, self.infraspecific
        if self.season is not None and not isinstance(self.season, Season):
            raise TypeError(f"season must be a srank.Season or None, not {type(self.season).__name__}")
        if infra is not None and not isinstance(infra, Infraspecific):
            raise TypeError(f"infraspecific must be a srank.Infraspecific or None, not {type(infra).__name__}")
        code, captive_at, infra_at, questionable_at, season_at = self._layout()
        seasonal = level in (Level.NATIONAL, Level.SUBNATIONAL)
        if self.season is not None and not seasonal:
            raise _invalid(
                f"{_A[level]} {_LEVEL_WORD[level]} rank cannot have a season",
                "season-not-allowed",
                code,
                (season_at, season_at + 1),
                "seasons (B breeding, N nonbreeding, M migrant) apply to N and S ranks only, as in S2B",
            )
        if self.captive and seasonal:
            raise _invalid(
                f"C cannot qualify a {_LEVEL_WORD[level]} rank",
                "captive-not-global",
                code,
                (captive_at, captive_at + 1),
                "C (captive or cultivated only) belongs to global ranks: GXC or GHC",
            )
        if infra is not None:
            if level is Level.NATIONAL or level is Level.INFRASPECIFIC:
                raise _invalid(
                    f"{_A[level]} {_LEVEL_WORD[level]} rank cannot have an infraspecific T part",
                    "syntax",
                    code,
                    (infra_at, questionable_at),
                    "a T part follows a global rank, as in G5T2",
                )
            if self.season is not None:
                raise _invalid(
                    "A subnational rank with a T part cannot have a season",
                    "season-not-allowed",
                    code,
                    (season_at, season_at + 1),
                    "write the seasonal subnational rank on its own, as in S2B",
                )
        if self.questionable and seasonal and infra is None:
            raise _invalid(
                f"Q cannot qualify a {_LEVEL_WORD[level]} rank",
                "questionable-not-global",
                code,
                (questionable_at, questionable_at + 1),
                "Q (questionable taxonomy) belongs to global ranks, as in G3Q or G5T3Q",
            )
        captive_parts = [(self.captive, level.value, self.value, 0)]
        if infra is not None:
            captive_parts.append((infra.captive, "T", infra.value, infra_at))
        for captive, part_letter, value, at in captive_parts:
            if captive and not _is_extinct_status(value):
                written = part_letter + value.format(part_letter)
                raise _invalid(
                    f"C cannot qualify {written}",
                    "captive-not-extinct",
                    code,
                    (at, at + len(written) + 1),
                    "C (captive or cultivated only) goes on X or H alone: GXC or GHC",
                )
        # The only rule left: the T part is more secure than the G rank.
        assert infra is not None
        raise _invalid(
            f"The infraspecific rank T{infra.value.format('T')} is more secure"
            f" than its species' rank G{self.value.format('G')}",
            "infraspecific-more-secure",
            code,
            (infra_at, questionable_at),
            "a subspecies or variety is at least as imperiled as its species",
        )

    def _notes(self) -> tuple[Finding, ...]:
        """Warnings about an accepted rank: the PLANTS form, and Q on a rank of 5."""
        from ._findings import Finding, Severity

        code, _, infra_at, questionable_at, _ = self._layout()
        notes: list[Finding] = []
        if self.infraspecific is not None and self.level is Level.SUBNATIONAL:
            notes.append(
                Finding(
                    "nonstandard-plants-form",
                    Severity.WARNING,
                    f"{code!r} puts a T part after an S rank, as USDA PLANTS pages print it;"
                    " this is not NatureServe syntax",
                    (infra_at, questionable_at),
                    code[infra_at:questionable_at],
                )
            )
        if self.questionable:
            taxon_value = self.infraspecific.value if self.infraspecific is not None else self.value
            if isinstance(taxon_value, Single) and taxon_value.grade is Grade.SECURE:
                notes.append(
                    Finding(
                        "questionable-secure",
                        Severity.WARNING,
                        "Q on a rank of 5: NatureServe's guidance calls it invalid, since resolving"
                        " the taxonomy could not lower the priority further",
                        (questionable_at, questionable_at + 1),
                        "Q",
                    )
                )
        return tuple(notes)

    @property
    def qualifiers(self) -> tuple[Qualifier, ...]:
        """The qualifiers present anywhere in the code, in writing order."""
        found = []
        inexact = self.value.inexact or (self.infraspecific is not None and self.infraspecific.value.inexact)
        if inexact:
            found.append(Qualifier.INEXACT)
        if self.captive or (self.infraspecific is not None and self.infraspecific.captive):
            found.append(Qualifier.CAPTIVE)
        if self.questionable:
            found.append(Qualifier.QUESTIONABLE_TAXONOMY)
        return tuple(found)

    @property
    def parts(self) -> tuple[Rank, ...]:
        """The seasonal parts: this rank alone, so one loop serves both kinds of code."""
        return (self,)


@attrs.frozen(repr=False, order=False, eq=False)
class MultiSeasonRank(_RankBehaviour):
    """Several seasonal ranks of one level in one code, in the order written: S2B,S4N."""

    parts: tuple[Rank, ...]
    notes: tuple[Finding, ...] = attrs.field(default=(), kw_only=True, eq=False)
    _code: str = attrs.field(init=False)
    _rule_findings: tuple[Finding, ...] = attrs.field(init=False, default=(), eq=False)

    def __attrs_post_init__(self) -> None:
        parts = self.parts
        if not isinstance(parts, tuple) or not all(isinstance(part, Rank) for part in parts):
            raise TypeError("parts must be a tuple of srank.Rank")
        code = ",".join([part._code for part in parts])
        object.__setattr__(self, "_code", code)
        # The common case (every rule kept, no warning) is checked in one pass;
        # anything else takes the full path below, which says what is wrong.
        level = parts[0].level if parts else None
        seasons = [part.season for part in parts]
        if (
            len(parts) >= 2
            and (level is _NATIONAL or level is _SUBNATIONAL)
            and None not in seasons
            and len({id(season) for season in seasons}) == len(parts)  # members are singletons
            and all(part.level is level and part.infraspecific is None for part in parts)
        ):
            return
        self._check_parts(code)

    def _check_parts(self, code: str) -> None:
        parts = self.parts
        starts = []
        at = 0
        for part in parts:
            starts.append(at)
            at += len(part._code) + 1
        if len(parts) < 2:
            raise _invalid(
                "A multi-season code needs at least two parts",
                "syntax",
                code,
                (0, len(code)),
                "a single seasonal rank is a srank.Rank",
            )
        for part, start in zip(parts, starts, strict=True):
            if part.level not in (Level.NATIONAL, Level.SUBNATIONAL) or part.infraspecific is not None:
                raise _invalid(
                    f"{part._code!r} cannot be part of a multi-season code",
                    "multi-not-seasonal",
                    code,
                    (start, start + len(part._code)),
                    "only N and S ranks have seasonal parts, as in S2B,S4N",
                )
            if part.level is not parts[0].level:
                raise _invalid(
                    "The parts of a multi-season code must share one level",
                    "mixed-levels",
                    code,
                    (start, start + 1),
                    f"write every part as a {_LEVEL_WORD[parts[0].level]} rank, as in S2B,S4N",
                )
        from ._findings import Finding, Severity

        seen: set[Season] = set()
        notes: list[Finding] = []
        for part, start in zip(parts, starts, strict=True):
            end = start + len(part._code)
            if part.season is None:
                notes.append(
                    Finding(
                        "season-missing",
                        Severity.WARNING,
                        f"Part {part._code!r} of a multi-season code has no season letter",
                        (start, end),
                        part._code,
                    )
                )
            elif part.season in seen:
                raise _invalid(
                    f"Season {part.season.value} ({part.season.name.lower()}) appears twice",
                    "season-repeated",
                    code,
                    (end - 1, end),
                    "give each season one rank, as in S2B,S4N",
                )
            else:
                seen.add(part.season)
        if notes:
            object.__setattr__(self, "_rule_findings", tuple(notes))

    @property
    def level(self) -> Level:
        return self.parts[0].level


def _season_part(parts: tuple[Rank, ...], season: Season) -> Rank | None:
    # A rank without a season letter is not assigned to any season: None.
    for part in parts:
        if part.season is season:
            return part
    return None


_LEVEL_WORD = {
    Level.GLOBAL: "global",
    Level.NATIONAL: "national",
    Level.SUBNATIONAL: "subnational",
    Level.INFRASPECIFIC: "infraspecific",
}
_A = {level: "An" if _LEVEL_WORD[level][0] in "aeiou" else "A" for level in Level}
