"""Distributions: the nation and subnation ranks of one taxon, as immutable records.

A ``Distribution`` remembers the format it was read from (``explorer``,
``biotics`` or ``api``) so that ``str()`` writes it back in that format,
canonically. Records keep the order of the source. A record whose rank could
not be read (lenient reading only) keeps the text, with the reason in ``notes``.

The Explorer API gives places in two shapes: a search result's ``nations``
(``nationCode``, ``roundedNRank``, ``subnations`` with ``subnationCode`` and
``roundedSRank``) and a taxon record's ``elementNationals`` (``nation.isoCode``,
``nrank`` and ``roundedNRank``, ``elementSubnationals`` with
``subnation.subnationCode``, ``srank`` and ``roundedSRank``). Where a place has
both a raw and a rounded rank, the raw one is the record's rank and NatureServe's
rounding of it is kept beside it, so that srank's rounding can be checked against it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, NamedTuple

import attrs

from ._errors import InvalidRankError, clipped, quotable
from ._findings import Finding, Severity
from ._messages import Message, localized, say
from ._model import AnyRank, Season
from ._parse import parse
from ._places import nation_name, nation_names, subnation_name, subnation_names
from ._rounded_check import rounding_differs
from ._rules import expected_level_rule
from ._text_options import LanguageTag
from ._vocabulary import Level

__all__ = [
    "UNREAD",
    "Distribution",
    "PlaceRank",
    "api_places",
    "lost",
    "noted_repeats",
    "place_label",
    "place_name",
    "read_whole",
    "unknown_place",
    "unread_rank",
]

Format = Literal["explorer", "biotics", "api"]
FORMATS: tuple[Format, ...] = ("explorer", "biotics", "api")


def _place_codes(*codes: object) -> None:
    """A place is looked up by its codes, as text: a number or None would find nothing, silently."""
    for code in codes:
        if not isinstance(code, str):
            raise TypeError(f"a place code is text, such as 'US' or 'CA', not {type(code).__name__}")


def _known_format(value: object) -> None:
    if value not in FORMATS:
        raise ValueError(f"a Distribution's format is one of {', '.join(map(repr, FORMATS))}, not {value!r}")


@attrs.frozen
class PlaceRank:
    """One place's rank: a nation's (``subnation`` None) or a subnation's.

    ``nation`` is an ISO 3166-1 code (or, read leniently, a nation's name that
    srank does not know). ``rank`` is None only when lenient reading could not
    read it; ``unread`` then holds its text and ``notes`` says why.
    ``published_rounded`` is the rounded rank that the source publishes beside a
    raw ``rank`` (an Explorer taxon record's ``roundedSRank`` next to its
    ``srank``); None where the source gives one rank only.

    Examples:
    >>> record = srank.parse_distribution("United States (N5B): CA (S4)").subnational("US", "CA")
    >>> record.nation, record.subnation, record.rank, record.place
    ('US', 'CA', <Rank 'S4'>, 'California')
    """

    nation: str
    subnation: str | None
    rank: AnyRank | None
    notes: tuple[Finding, ...] = ()
    unread: str | None = None
    native: bool | None = None
    exotic: bool | None = None
    published_rounded: AnyRank | None = None

    @property
    def place(self) -> str:
        """The place's name — "Maryland", "United States"; the code itself when srank does not know it."""
        return self.place_name()

    def place_name(self, lang: LanguageTag = "en") -> str:
        """The place's name in ``lang``, for a table or a map in that language.

        Args:
            lang: A language srank has ("en", "es", "fr"), or a tag of one ("fr-CA").

        Returns:
            The name, such as "California" or "Californie".

        Examples:
            >>> dist = srank.parse_distribution("United States (N5B): CA (S4)")
            >>> dist.subnational("US", "CA").place_name(lang="fr"), dist.national("US").place_name(lang="fr")
            ('Californie', 'États-Unis')
        """
        return place_name(self.nation, self.subnation, lang)

    @property
    def label(self) -> str:
        """The place with its nation, for messages — "California, United States"."""
        return place_label(self.nation, self.subnation)

    @property
    def written(self) -> str:
        """The rank as a distribution string writes it — canonical, or the unread text as it was."""
        return str(self.rank) if self.rank is not None else self.unread or ""

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What reading noticed, the rank's own findings, a rank of the wrong level for its place (a G or S rank
        as a nation's), and, where NatureServe's rounding differs, that."""
        if self.rank is None:
            return self.notes
        found = [*self.notes, *(attrs.evolve(finding, place=self.label) for finding in self.rank.findings)]
        wrong = expected_level_rule(
            self.rank, Level.NATIONAL if self.subnation is None else Level.SUBNATIONAL, place=True
        )
        found += [attrs.evolve(wrong, place=self.label)] if wrong is not None else []
        if self.published_rounded is not None:
            differs = rounding_differs(self.rank, self.published_rounded, place=self.label)
            found += [differs] if differs is not None else []
        return tuple(found)


@attrs.frozen
class Distribution:
    """Every nation and subnation rank of one taxon, in source order; iterate for the records.

    Build one with ``srank.parse_distribution`` or ``Distribution.from_api``.

    Examples:
        >>> dist = srank.parse_distribution("United States (N5B): CA (S4), OR (S2)")
        >>> len(dist), [str(record.rank) for record in dist]
        (3, ['N5B', 'S4', 'S2'])
    """

    records: tuple[PlaceRank, ...]
    format: Format = attrs.field(validator=lambda _, __, value: _known_format(value))
    notes: tuple[Finding, ...] = ()  # what lenient reading skipped between records

    def __iter__(self) -> Iterator[PlaceRank]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def national(self, nation: str) -> PlaceRank | None:
        """The nation's own record (``dist.national("US")``), or None.

        Args:
            nation: The nation's ISO code, such as "US" or "CA".

        Returns:
            The PlaceRank, or None when the nation has no rank of its own here.

        Examples:
            >>> srank.parse_distribution("United States (N5B): CA (S4)").national("US").rank
            <Rank 'N5B'>
        """
        _place_codes(nation)
        return next((r for r in self.records if r.nation == nation and r.subnation is None), None)

    def subnational(self, nation: str, subnation: str) -> PlaceRank | None:
        """A subnation's record, keyed by nation: ``dist.subnational("US", "CA")`` is California.

        Args:
            nation: The nation's ISO code ("US").
            subnation: The subnation's code ("CA"): CA under US is California, the nation CA is Canada.

        Returns:
            The PlaceRank, or None.

        Examples:
            >>> srank.parse_distribution("United States (N5B): CA (S4)").subnational("US", "CA").place
            'California'
        """
        _place_codes(nation, subnation)
        return next((r for r in self.records if r.nation == nation and r.subnation == subnation), None)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What reading noticed, each rank's own findings, and NatureServe's rounding where srank's differs.

        Each finding names its place.
        """
        return (*self.notes, *(finding for record in self.records for finding in record.findings))

    def __str__(self) -> str:
        if self.format == "api":
            return json.dumps(self.to_api(), ensure_ascii=False)
        if self.format == "biotics":
            return ", ".join(f"{record.nation}({record.written})" for record in self.records)
        lines: list[str] = []
        for nation, records in _by_nation(self.records):
            head = next((record for record in records if record.subnation is None), None)
            name = nation_name(nation) or nation
            line = f"{name} ({head.written if head else ''})"
            items = [f"{record.subnation} ({record.written})" for record in records if record.subnation is not None]
            lines.append(line + (": " + ", ".join(items) if items else ""))
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Distribution {self.format}: {len(self.records)} records>"

    def to_svg(self, season: Season | str | None = None, lang: LanguageTag = "en", title: str | None = None) -> str:
        """A tile-grid map as SVG text: one square per state, province and territory, coloured by its rounded rank.

        ``season`` ("B", "N", "M") shows that season's part of a multi-part rank;
        by default such a tile is split, one band per part. The national ranks
        and a legend sit beside the grid; places without a tile are listed
        under it. Self-contained: it shows in a browser as it is.

        Args:
            season: "B", "N", "M" or a Season, to show that season's part; None for every part.
            lang: The language of the names and the legend.
            title: A title above the map, such as the taxon's name.

        Returns:
            The SVG document, as text.

        Raises:
            ValueError: An unknown season or language.
            TypeError: ``title`` is not a str or None.

        Examples:
            >>> svg = srank.parse_distribution("United States (N5B): CA (S4)").to_svg(title="Falco mexicanus")
            >>> svg.startswith("<svg"), "Falco mexicanus" in svg
            (True, True)
        """
        from ._svg import distribution_svg

        return distribution_svg(self, season, lang, title)

    def to_html(self, *, lang: LanguageTag = "en") -> str:
        """The map above a table of its places (place, rank, rounded rank, status, findings), for web pages.

        Jupyter shows a distribution this way, in English. The HTML is self-contained (inline styles).

        Args:
            lang: The language of the names, labels and messages: one srank has, or a tag of one ("fr-CA").

        Returns:
            An HTML fragment.

        Raises:
            ValueError: An unknown language.

        Examples:
            >>> html = srank.parse_distribution("Canada (N3): QC (S2)").to_html(lang="fr")
            >>> html.startswith('<div lang="fr"'), "Québec" in html, "En péril" in html
            (True, True, True)
        """
        from ._html import distribution_html

        return distribution_html(self, lang)

    def _repr_html_(self) -> str:
        from ._html import distribution_html

        return distribution_html(self)

    def to_api(self) -> list[dict[str, Any]]:
        """The Explorer API's ``nations`` list: rounded ranks, the flags where known.

        Returns:
            A list of dicts, as JSON would hold them.

        Examples:
            >>> srank.parse_distribution("United States (N5B): CA (S4)").to_api()
            [{'nationCode': 'US', 'roundedNRank': 'N5B', 'subnations': [{'subnationCode': 'CA', 'roundedSRank': 'S4'}]}]
        """
        nations: list[dict[str, Any]] = []
        for nation, records in _by_nation(self.records):
            head = next((record for record in records if record.subnation is None), None)
            entry: dict[str, Any] = {"nationCode": nation, **_api_ranks(head, "N")}
            entry["subnations"] = [
                {"subnationCode": record.subnation, **_api_ranks(record, "S")}
                for record in records
                if record.subnation is not None
            ]
            nations.append(entry)
        return nations

    @classmethod
    def from_api(cls, nations: Iterable[Mapping[str, Any]], *, lenient: bool = False) -> Distribution:
        """Read the Explorer API's places: a search result's ``nations`` or a taxon record's ``elementNationals``.

        Raw ranks (``nrank``, ``srank``) win over rounded ones; where both are
        given, the record keeps NatureServe's rounded rank as ``published_rounded``.
        Unknown keys are ignored. Read leniently, an object without its code is
        left out with a note, and a rank that cannot be read keeps its text.

        Args:
            nations: The list of place objects, as JSON gives it.
            lenient: Leave out a place without its code (with a note) instead of raising.

        Returns:
            The Distribution, in the API's order.

        Raises:
            TypeError: ``nations`` is a text or one object, not a list.
            InvalidRankError: A place or rank cannot be read, in strict mode.

        Examples:
            >>> california = {"subnationCode": "CA", "srank": "S4"}
        >>> nations = [{"nationCode": "US", "roundedNRank": "N5", "subnations": [california]}]
            >>> [str(record.rank) for record in srank.Distribution.from_api(nations)]
            ['N5', 'S4']
        """
        if isinstance(nations, (str, bytes, Mapping)):
            raise TypeError("Distribution.from_api() takes the list under 'nations', not a text or one object")
        if not isinstance(nations, Iterable):
            raise TypeError(f"Distribution.from_api() takes the list under 'nations', not {type(nations).__name__}")
        return api_places(list(nations), lenient=lenient)


class _Shape(NamedTuple):
    """Where an answer keeps its places and their codes, as its messages name them."""

    nations: str
    subnations: str
    nation_code: str
    subnation_code: str


_SEARCH = _Shape("nations", "subnations", "nationCode", "subnationCode")
_TAXON = _Shape("elementNationals", "elementSubnationals", "nation.isoCode", "subnation.subnationCode")


def api_places(nations: list[Any], *, lenient: bool, record: bool | None = None) -> Distribution:
    """``Distribution.from_api`` of a list: a taxon record's ``elementNationals`` (``record``), a search result's
    ``nations`` (not ``record``), or either, told by its objects (``record`` None: a nation of a taxon record holds a
    ``nation`` object or ``elementSubnationals``). The messages name the places by the answer's own keys."""
    if record is None:
        record = any(map(_taxon_shaped, nations))
    shape = _TAXON if record else _SEARCH
    records: list[PlaceRank] = []
    notes: list[Finding] = []

    def skip(problem: InvalidRankError) -> None:
        """An object left out: strict reading raises, lenient reading says so in a note."""
        if not lenient:
            raise problem
        notes.append(_skipped(problem))

    def coded(places: list[Any], at: str, keys: tuple[str, str, str], missing: str, field: str) -> Iterator[_Coded]:
        """Each place of ``places`` (found at ``at``) that has its code; one without is skipped."""
        for number, place in enumerate(places):
            where = f"{at}[{number}]"
            code = _code(place, *keys)
            if code is None:
                skip(_api_error(missing, where, place, field=field))
            else:
                yield place, code, where

    for nation, code, where in coded(
        nations, shape.nations, _NATION_KEYS, "distribution.no-nation-code", shape.nation_code
    ):
        records.append(_api_record(nation, code, None, "nrank", "roundedNRank", lenient, where))
        subnations = nation.get("subnations", nation.get("elementSubnationals")) or []
        at = f"{where}.{shape.subnations}"
        if not isinstance(subnations, list):
            kind = type(subnations).__name__
            skip(
                _api_error(
                    "distribution.subnations-not-a-list",
                    at,
                    subnations,
                    type=kind,
                    name=shape.subnations,
                    field=shape.subnation_code,
                )
            )
            continue
        for subnation, sub, where_sub in coded(
            subnations, at, _SUBNATION_KEYS, "distribution.no-subnation-code", shape.subnation_code
        ):
            records.append(_api_record(subnation, code, sub, "srank", "roundedSRank", lenient, where_sub))
    return Distribution(noted_repeats(records), "api", tuple(notes))


def _taxon_shaped(nation: object) -> bool:
    return isinstance(nation, Mapping) and (
        "elementSubnationals" in nation or "elementNationalId" in nation or isinstance(nation.get("nation"), Mapping)
    )


_NATION_KEYS = ("nationCode", "nation", "isoCode")
_SUBNATION_KEYS = ("subnationCode", "subnation", "subnationCode")
_Coded = tuple[Any, str, str]
"""A place object, its code and where the answer holds it."""


def _code(data: object, key: str, inner: str, inner_key: str) -> str | None:
    """A place's code, as a search result gives it (``nationCode``) or a taxon record (``nation.isoCode``)."""
    if not isinstance(data, Mapping):
        return None
    code = data.get(key)
    if code is None and isinstance(data.get(inner), Mapping):
        code = data[inner].get(inner_key)
    return code if isinstance(code, str) and code else None


def _skipped(problem: InvalidRankError) -> Finding:
    """What lenient reading says about an API object it left out."""
    return Finding(
        problem.code,
        Severity.WARNING,
        say("distribution.left-out", problem=problem.message),
        (0, len(problem.text)),
        problem.text,
        hint=problem.hint,
    )


def _api_error(key: str, where: str, value: object, **params: object) -> InvalidRankError:
    """An API object at ``where`` that is not what the Explorer API sends, quoted (briefly) as the error's text.

    ``key`` is the message id; its hint is ``<key>-hint``.
    """
    return InvalidRankError(
        say(key, where=where, **params),
        text=clipped(repr(value)),
        span=(0, 0),
        hint=say(f"{key}-hint", **params),
        code="distribution-syntax",
    )


def _by_nation(records: tuple[PlaceRank, ...]) -> list[tuple[str, list[PlaceRank]]]:
    """Records grouped as lines are: by nation, and a nation's second own record opens a second group.

    "Canada (G5): AB (S1)" then "Canada (N4): BC (S2)" stay two lines, so no
    record is lost when the distribution is written back.
    """
    groups: list[tuple[str, list[PlaceRank]]] = []
    latest: dict[str, tuple[list[PlaceRank], bool]] = {}  # each nation's last group, and whether it has a head
    for record in records:
        found = latest.get(record.nation)
        head = record.subnation is None
        if found is None or (head and found[1]):
            group: list[PlaceRank] = []
            groups.append((record.nation, group))
            found = (group, False)
        found[0].append(record)
        latest[record.nation] = (found[0], found[1] or head)
    return groups


def place_name(nation: str, subnation: str | None, lang: str = "en") -> str:
    """A place's own name in ``lang`` ("Maryland", "États-Unis"); its code where srank knows no name."""
    if subnation is None:
        return nation_name(nation, lang) or nation
    return subnation_name(nation, subnation, lang) or subnation


def place_label(nation: str, subnation: str | None) -> str:
    """A place as findings name it: "Maryland, United States", "Canada"; codes where srank knows no name.

    The names are those of any language srank has (``Finding.line(lang="fr")``: "Maryland, États-Unis").
    """
    country = _name(nation_names(nation), nation)
    if subnation is None:
        return country
    return say("place.in-nation", place=_name(subnation_names(nation, subnation), subnation), nation=country)


def _name(names: Mapping[str, str] | None, code: str) -> str:
    return code if names is None else localized(names)


def _api_ranks(record: PlaceRank | None, letter: str) -> dict[str, Any]:
    if record is None:
        return {f"rounded{letter}Rank": None}
    rounded = str(record.rank.rounded()) if record.rank is not None else record.unread or None
    found: dict[str, Any] = {f"rounded{letter}Rank": rounded}
    if record.rank is not None and str(record.rank) != rounded:
        found[f"{letter.lower()}rank"] = str(record.rank)
    for flag in ("native", "exotic"):
        if getattr(record, flag) is not None:
            found[flag] = getattr(record, flag)
    return found


def _api_record(
    data: Mapping[str, Any], nation: str, subnation: str | None, raw: str, rounded: str, lenient: bool, where: str
) -> PlaceRank:
    flags = {flag: _flag(data, flag) for flag in ("native", "exotic")}
    notes: list[Finding] = []
    label = place_label(nation, subnation)
    known = subnation_name(nation, subnation) if subnation else nation_name(nation)
    if known is None:
        notes.append(unknown_place(nation, subnation))
    published = None
    if data.get(raw) and data.get(rounded):  # both: the raw rank is read, NatureServe's rounding kept beside it
        published, _ = _api_rank(data[rounded], label, lenient, f"{where}.{rounded}", notes, "word.rounded-rank")
    rank, unread = _api_rank(data.get(raw) or data.get(rounded), label, lenient, where, notes)
    return PlaceRank(nation, subnation, rank, tuple(notes), unread, **flags, published_rounded=published)


def _api_rank(
    text: object, label: str, lenient: bool, where: str, notes: list[Finding], what: str = "word.rank"
) -> tuple[AnyRank | None, str | None]:
    """A rank of an API object, or (None, its text) with a note on why it could not be read; no rank given (None,
    a blank text) is missing, as a blank cell is to ``srank check``, without a note."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None, ""
    if not isinstance(text, str):
        why = say("distribution.rank-not-text", type=type(text).__name__)
        notes.append(unread_rank(label, clipped(repr(text)), why, what))
        return None, ""
    try:
        rank = parse(text, lenient=lenient)
    except InvalidRankError as error:
        failure = error
    else:
        return rank, None
    if not lenient:  # raised outside the except block: the error keeps no context
        raise failure.evolve(message=say("error.at", where=where, message=failure.message))
    notes.append(unread_rank(label, text, failure.message, what))
    return None, text


def _flag(data: Mapping[str, Any], flag: str) -> bool | None:
    """``native`` or ``exotic``: on the object in a search result, under ``speciesSubnational`` in a taxon record."""
    value = data.get(flag)
    nested = data.get("speciesSubnational")
    if value is None and isinstance(nested, Mapping):
        value = nested.get(flag)
    return value if isinstance(value, bool) else None


# What lenient reading could not read: text it skipped (a note), a place it kept without its rank (the place's).
UNREAD = ("distribution-syntax", "unreadable-rank")
_READ_ALL_THE_SAME = "distribution.read-all-the-same"  # the note of a line that did not parse, every place read


def lost(finding: Finding) -> bool:
    """Whether a finding says that reading lost something: text it skipped, or a rank it kept as text only (not a
    line it could not parse but read every place of all the same)."""
    said = finding.message
    return finding.code in UNREAD and not (isinstance(said, Message) and said.key == _READ_ALL_THE_SAME)


def read_whole(dist: Distribution) -> bool:
    """Whether reading kept every place of the text with its rank: no finding that ``lost`` anything."""
    return not any(map(lost, dist.findings))


def unknown_place(nation: str, subnation: str | None) -> Finding:
    code = subnation or nation
    if subnation:
        message = say("distribution.subnation-code-kept", code=subnation, nation=nation)
    else:
        message = say("distribution.nation-code-kept", code=nation)
    return Finding(
        "unknown-place",
        Severity.WARNING,
        message,
        (0, len(code)),
        code,
        place=place_label(nation, subnation),
    )


def noted_repeats(records: Iterable[PlaceRank]) -> tuple[PlaceRank, ...]:
    """The records, each place listed again noted so (``place-repeated``): both are kept, as written, and a
    reader of a map or a table is told which rank stands first."""
    first: dict[tuple[str, str | None], PlaceRank] = {}
    noted = []
    for record in records:
        earlier = first.setdefault((record.nation, record.subnation), record)
        if earlier is record:
            noted.append(record)
            continue
        written = record.written
        again = say("distribution.place-repeated", first=earlier.written, again=written)
        finding = Finding("place-repeated", Severity.WARNING, again, (0, len(written)), written, place=record.label)
        noted.append(attrs.evolve(record, notes=(*record.notes, finding)))
    return tuple(noted)


def unread_rank(place: str | None, text: str, why: str, what: str = "word.rank") -> Finding:
    """The note on a rank that could not be read; ``what`` is the message id of what it is (``word.rank``)."""
    key = "distribution.unread-rank" if what == "word.rank" else "distribution.unread-rank-left-out"
    return Finding(
        "unreadable-rank",
        Severity.WARNING,
        say(key, what=say(what), text=quotable(text), why=why),
        (0, len(text)),
        text,
        place=place,
    )
