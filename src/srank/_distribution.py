"""Distributions: the nation and subnation ranks of one taxon, as immutable records.

A ``Distribution`` remembers the format it was read from (``explorer``,
``biotics`` or ``api``) so that ``str()`` writes it back in that format,
canonically. Records keep the order of the source. A record whose rank could
not be read (lenient reading only) keeps the text, with the reason in ``notes``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from ._errors import InvalidRankError, clipped
from ._findings import Finding, Severity
from ._model import MultiSeasonRank, Rank
from ._parse import parse
from ._places import nation_name, subnation_name

__all__ = ["Distribution", "PlaceRank", "place_label", "unknown_place", "unread_rank"]

AnyRank = Rank | MultiSeasonRank
Format = Literal["explorer", "biotics", "api"]


@attrs.frozen
class PlaceRank:
    """One place's rank: a nation's (``subnation`` None) or a subnation's.

    ``nation`` is an ISO 3166-1 code (or, read leniently, a nation's name that
    srank does not know). ``rank`` is None only when lenient reading could not
    read it; ``unread`` then holds its text and ``notes`` says why.
    """

    nation: str
    subnation: str | None
    rank: AnyRank | None
    notes: tuple[Finding, ...] = ()
    unread: str | None = None
    native: bool | None = None
    exotic: bool | None = None

    @property
    def place(self) -> str:
        """The place's name: "Maryland", "United States"; the code itself when srank does not know it."""
        return self.place_name()

    def place_name(self, lang: str = "en") -> str:
        if self.subnation is None:
            return nation_name(self.nation, lang) or self.nation
        return subnation_name(self.nation, self.subnation, lang) or self.subnation

    @property
    def label(self) -> str:
        """The place with its nation, for messages: "California, United States"."""
        return place_label(self.nation, self.subnation)

    @property
    def written(self) -> str:
        """The rank as a distribution string writes it: canonical, or the unread text as it was."""
        return str(self.rank) if self.rank is not None else self.unread or ""


@attrs.frozen
class Distribution:
    """Every nation and subnation rank of one taxon, in source order; iterate for the records."""

    records: tuple[PlaceRank, ...]
    format: Format
    notes: tuple[Finding, ...] = ()  # what lenient reading skipped between records

    def __iter__(self) -> Iterator[PlaceRank]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)

    def national(self, nation: str) -> PlaceRank | None:
        """The nation's own record (``dist.national("US")``), or None."""
        return next((r for r in self.records if r.nation == nation and r.subnation is None), None)

    def subnational(self, nation: str, subnation: str) -> PlaceRank | None:
        """A subnation's record, keyed by nation: ``dist.subnational("US", "CA")`` is California."""
        return next((r for r in self.records if r.nation == nation and r.subnation == subnation), None)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What reading noticed, and each rank's own findings, each naming its place."""
        found = list(self.notes)
        for record in self.records:
            found += record.notes
            if record.rank is not None:
                found += (attrs.evolve(finding, place=record.label) for finding in record.rank.findings)
        return tuple(found)

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

    def to_api(self) -> list[dict[str, Any]]:
        """The Explorer API's ``nations`` list: rounded ranks, the flags where known."""
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
        """Read the Explorer API's ``nations`` list (search or taxon records); raw ranks win over rounded."""
        if isinstance(nations, (str, bytes, Mapping)):
            raise TypeError("Distribution.from_api() takes the list under 'nations', not a text or one object")
        records: list[PlaceRank] = []
        for at, nation in enumerate(nations):
            if not isinstance(nation, Mapping) or not isinstance(nation.get("nationCode"), str):
                raise _api_error(f"nations[{at}] has no nationCode", nation, "a nation has nationCode and roundedNRank")
            code = nation["nationCode"]
            records.append(_api_record(nation, code, None, "nrank", "roundedNRank", lenient, f"nations[{at}]"))
            subnations = nation.get("subnations") or []
            if not isinstance(subnations, list):
                raise _api_error(
                    f"nations[{at}].subnations is {type(subnations).__name__}, not a list",
                    subnations,
                    "subnations is a list of objects with subnationCode and roundedSRank",
                )
            for place, subnation in enumerate(subnations):
                where = f"nations[{at}].subnations[{place}]"
                sub = subnation.get("subnationCode") if isinstance(subnation, Mapping) else None
                if not isinstance(sub, str):
                    if not lenient:
                        raise _api_error(f"{where} has no subnationCode", subnation, "a subnation has subnationCode")
                    continue
                records.append(_api_record(subnation, code, sub, "srank", "roundedSRank", lenient, where))
        return cls(tuple(records), "api")


def _api_error(message: str, value: object, hint: str) -> InvalidRankError:
    """An API object that is not what the Explorer API sends, quoted (briefly) as the error's text."""
    return InvalidRankError(message, text=clipped(repr(value)), span=(0, 0), hint=hint, code="distribution-syntax")


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


def place_label(nation: str, subnation: str | None) -> str:
    """A place as findings name it: "Maryland, United States", "Canada"; codes where srank knows no name."""
    country = nation_name(nation) or nation
    if subnation is None:
        return country
    return f"{subnation_name(nation, subnation) or subnation}, {country}"


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
    text = data.get(raw) or data.get(rounded)
    flags = {flag: data[flag] if isinstance(data.get(flag), bool) else None for flag in ("native", "exotic")}
    notes: list[Finding] = []
    label = place_label(nation, subnation)
    known = subnation_name(nation, subnation) if subnation else nation_name(nation)
    if known is None:
        notes.append(unknown_place(nation, subnation))
    if not isinstance(text, str) or not text:
        why = "no rank is given" if text in (None, "") else f"the rank is {type(text).__name__}, not text"
        notes.append(unread_rank(label, "" if text is None else clipped(repr(text)), why))
        return PlaceRank(nation, subnation, None, tuple(notes), "", **flags)
    try:
        rank = parse(text, lenient=lenient)
    except InvalidRankError as error:
        failure = error
    else:
        return PlaceRank(nation, subnation, rank, tuple(notes), None, **flags)
    if not lenient:  # raised outside the except block: the error keeps no context
        raise InvalidRankError(
            f"{where}: {failure.message}", text=failure.text, span=failure.span, hint=failure.hint, code=failure.code
        )
    notes.append(unread_rank(label, text, failure.message))
    return PlaceRank(nation, subnation, None, tuple(notes), text, **flags)


def unknown_place(nation: str, subnation: str | None) -> Finding:
    code = subnation or nation
    what = f"subnation code {subnation!r} under {nation}" if subnation else f"nation code {nation!r}"
    return Finding(
        "unknown-place",
        Severity.WARNING,
        f"srank does not know the {what}; it is kept as written",
        (0, len(code)),
        code,
        place=place_label(nation, subnation),
    )


def unread_rank(place: str, text: str, why: str) -> Finding:
    return Finding(
        "unreadable-rank",
        Severity.WARNING,
        f"The rank {clipped(text)!r} could not be read ({why}); the record keeps its text",
        (0, len(text)),
        text,
        place=place,
    )
