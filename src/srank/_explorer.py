"""NatureServe Explorer API records as ``Taxon`` values: the readers behind ``srank.explorer``.

Two shapes carry a taxon's ranks. A search result (``POST /api/data/speciesSearch``,
``/search``, ``/ecosystemsSearch``) has the raw global rank (``gRank``), the rounded
one (``roundedGRank``) and rounded national and subnational ranks (``nations``). A
taxon record (``GET /api/data/taxon/<uid>``) has raw and rounded ranks at every
level (``grank``, ``elementNationals``) and the dates of the global rank's review
and change. Both are read into the same ``Taxon``.

The API's schema grows: unknown keys are ignored and missing ones read as None.
Reading never stops at one bad value: a rank that cannot be read, a date that is
not a date, a place without its code each become a finding on the taxon, and the
rest of the record is read.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal

import attrs

from ._distribution import Distribution, api_places, unread_rank
from ._errors import InvalidRankError, clipped, quotable
from ._explorer_errors import ExplorerDataError
from ._file_kinds import SNIFF, file_kind
from ._findings import Finding, Severity
from ._messages import say
from ._model import AnyRank, Level
from ._parse import parse
from ._rounded_check import rounding_agrees, rounding_differs
from ._rules import expected_level_rule

__all__ = [
    "ExportJob",
    "Taxon",
    "is_search",
    "read",
    "read_job",
    "read_search",
    "read_taxon",
    "search_page",
    "taxon_record",
]

Source = Literal["search", "taxon"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Keys that tell a document's kind; any one is enough.
_TAXON_KEYS = ("elementNationals", "grank", "grankReviewDate", "rankInfo")
_RESULT_KEYS = ("nations", "gRank", "roundedGRank", "uniqueId", "elementGlobalId", "scientificName")
_JOB_KEYS = ("jobId", "percentComplete", "timeScheduled")


@attrs.frozen
class Taxon:
    """One taxon (or ecosystem) as the Explorer API gives it, every rank decoded.

    ``global_rank`` is the raw global rank where the record publishes one (``G3G4``,
    ``G5T1``), ``rounded_global_rank`` NatureServe's rounding of it (``G3``, ``T1``).
    ``distribution`` holds each nation's and subnation's rank: raw where the record
    has raw ones (taxon records), else rounded (search results, which publish only
    rounded N and S ranks). ``source`` says which shape it came from; ``record`` is
    the object as read, for the fields srank does not decode. ``findings`` lists
    what reading noticed, each rank's own findings, and every place where
    NatureServe's rounding is not srank's (``rounded-differs``).

    Examples:
    >>> import srank.explorer
    >>> lynx = {"uniqueId": "ELEMENT_GLOBAL.2.100", "scientificName": "Lynx canadensis", "roundedGRank": "G5"}
    >>> taxon = srank.explorer.read_taxon(lynx)
    >>> taxon, taxon.rounded_global_rank
    (<Taxon ELEMENT_GLOBAL.2.100 'Lynx canadensis' rounded G5>, <Rank 'G5'>)
    """

    element_global_id: int | None
    unique_id: str | None
    elcode: str | None
    scientific_name: str | None
    primary_common_name: str | None
    record_type: str | None  # "species" or "ecosystem"
    global_rank: AnyRank | None
    rounded_global_rank: AnyRank | None
    distribution: Distribution
    review_date: date | None = None
    change_date: date | None = None
    source: Source = "search"
    notes: tuple[Finding, ...] = ()
    record: Mapping[str, Any] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def global_rounding_agrees(self) -> bool | None:
        """Whether NatureServe's rounded global rank is srank's rounding of the raw one; None unless both are given."""
        if self.global_rank is None or self.rounded_global_rank is None:
            return None
        return rounding_agrees(self.global_rank, self.rounded_global_rank)

    @property
    def record_findings(self) -> tuple[Finding, ...]:
        """What concerns the record as a whole — reading notes, the global rank's findings and rounding check,
        a global rank of another level (an S3 as ``grank``), and the places that could not be read."""
        found = list(self.notes)
        wrongs = 0
        for rank, field in (
            (self.global_rank, "word.global-rank"),
            (self.rounded_global_rank, "word.rounded-global-rank"),
        ):
            wrong = None if rank is None else expected_level_rule(rank, Level.GLOBAL, field=say(field))
            found += [wrong] if wrong is not None else []
            wrongs += wrong is not None
        if self.global_rank is not None:
            found += self.global_rank.findings
            if self.rounded_global_rank is not None and not wrongs:  # ranks of other levels: no rounding to compare
                differs = rounding_differs(self.global_rank, self.rounded_global_rank, what="word.global-rank")
                found += [differs] if differs is not None else []
        return (*found, *self.distribution.notes)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding — ``record_findings``, then each place's, naming the place."""
        return (*self.record_findings, *(finding for record in self.distribution for finding in record.findings))

    def __repr__(self) -> str:
        # A search publishes only the rounded rank, and an unreadable global rank leaves only it: said as such.
        rounded = f"rounded {self.rounded_global_rank}" if self.rounded_global_rank else "-"
        rank = self.global_rank or rounded
        return f"<Taxon {self.unique_id or self.element_global_id} {self.scientific_name!r} {rank}>"


@attrs.frozen
class ExportJob:
    """An export job (``POST /api/export/taxonSearch``, then ``GET /api/job/<id>``).

    A new job has only its ``job_id``; each later status adds what NatureServe
    says of it. A field NatureServe has not sent is None.

    Examples:
    >>> import srank.explorer
    >>> job = srank.explorer.read_job({"jobId": "abc", "state": "Running"})
    >>> job.job_id, job.finished, job.failed, job.url
    ('abc', False, False, None)
    """

    job_id: str | None
    """The job's id (``jobId``), which ``Client.job`` asks about."""
    state: str | None = None
    """NatureServe's word for where the job is ("Finished" once the file is made)."""
    percent_complete: float | None = None
    successful: bool | None = None
    """Whether NatureServe made the file; False with an ``error``."""
    error: str | None = None
    url: str | None = None
    """Where to download the finished file."""

    @property
    def finished(self) -> bool:
        """Whether NatureServe has finished the job (``state`` "Finished"); then ``url`` names the file, unless it
        ``failed``."""
        return self.state == "Finished"

    @property
    def failed(self) -> bool:
        """Whether NatureServe gave up on the file (``successful`` False, an ``error``, or ``state`` "Failed"), so
        that a loop polling the job stops; ``error`` says why where NatureServe says."""
        return self.successful is False or self.error is not None or self.state == "Failed"


def read(data: object) -> list[Taxon] | Taxon:
    """A search response (a list of taxa) or one taxon record (a ``Taxon``), whichever ``data`` holds.

    ``data`` is parsed JSON, JSON text (``str`` starting with ``{`` or ``[``, or
    ``bytes``), or the path of a saved file. A directory is read file by file
    (``*.json``, in name order: one search's pages in page order) into one list;
    export-job files in it, which hold no taxa, are passed over. A saved search
    whose pages stop short of the total its answers report (a search that
    stopped early, or had a ``limit``) is read with a ``UserWarning`` that says so.

    Args:
        data: A path to a JSON file, JSON text, or the parsed JSON (a dict or a list).

    Returns:
        A list of Taxon for a search, one Taxon for a taxon record.

    Raises:
        ExplorerDataError: The data is neither, or is not JSON; the message says what it found.

    Examples:
        >>> import srank.explorer
        >>> lynx = {"uniqueId": "ELEMENT_GLOBAL.2.100", "scientificName": "Lynx canadensis", "roundedGRank": "G5"}
        >>> srank.explorer.read({"results": [lynx], "resultsSummary": {"totalResults": 1}})
        [<Taxon ELEMENT_GLOBAL.2.100 'Lynx canadensis' rounded G5>]
        >>> srank.explorer.read(lynx)
        <Taxon ELEMENT_GLOBAL.2.100 'Lynx canadensis' rounded G5>
    """
    if isinstance(data, (str, os.PathLike)) and not _is_json_text(data) and Path(data).is_dir():
        return _read_directory(Path(data))
    document, where = _load(data)
    kind = _kind(document)
    if kind == "search":
        return _results(document, where)
    if kind in ("taxon", "result"):
        return taxon_of(document, where)
    if kind == "job":
        raise ExplorerDataError(say("explorer.job-not-taxa", where=where), hint=say("explorer.job-not-taxa-hint"))
    raise _not_explorer(document, where)


def read_search(data: object) -> list[Taxon]:
    """The taxa of a search response (``{"results": [...], "resultsSummary": {...}}``) or of a list of results.

    ``data`` is as for ``read``. An empty search gives an empty list.

    Args:
        data: A path to a JSON file, JSON text, or the parsed JSON (a dict or a list).

    Returns:
        The taxa, in the response's order.

    Raises:
        ExplorerDataError: The data is not a search response.

    Examples:
        >>> import srank.explorer
        >>> lynx = {"uniqueId": "ELEMENT_GLOBAL.2.100", "scientificName": "Lynx canadensis", "roundedGRank": "G5"}
        >>> srank.explorer.read_search([lynx])
        [<Taxon ELEMENT_GLOBAL.2.100 'Lynx canadensis' rounded G5>]
    """
    return _results(*_load_as(data, ("search",), "explorer.want-search-or-list"))


def read_taxon(data: object) -> Taxon:
    """One taxon: a taxon record (``GET /api/data/taxon/<uid>``) or one search result. ``data`` is as for ``read``.

    Args:
        data: As for ``read``; here a taxon record, or one result of a search.

    Returns:
        The Taxon, its ranks read (a search result carries fewer of them than a record).

    Raises:
        ExplorerDataError: A search response (use ``read`` or ``read_search``), an export job, or no Explorer JSON.

    Examples:
        >>> import srank.explorer
        >>> lynx = {"uniqueId": "ELEMENT_GLOBAL.2.100", "scientificName": "Lynx canadensis", "roundedGRank": "G5"}
        >>> srank.explorer.read_taxon(lynx).scientific_name
        'Lynx canadensis'
    """
    return taxon_record(*_load(data))


def taxon_record(document: object, where: str) -> Taxon:
    """A taxon record or one search result, anything else refused: saved files and the client's answers alike."""
    if not isinstance(document, Mapping) or _kind(document) not in ("taxon", "result"):
        raise _not_explorer(document, where, wanted="explorer.want-taxon")
    return taxon_of(document, where)


def read_job(data: object) -> ExportJob:
    """An export job: the answer to ``POST /api/export/taxonSearch`` or to ``GET /api/job/<id>``.

    Args:
        data: As for ``read``; here the job's answer, which holds ``jobId`` and ``state``.

    Returns:
        The ExportJob: ``finished`` says whether NatureServe has made the file, ``url`` where it is.

    Raises:
        ExplorerDataError: Taxa (a search or a record) rather than a job, or no Explorer JSON.

    Examples:
        >>> import srank.explorer
        >>> srank.explorer.read_job({"jobId": "abc", "state": "Finished", "data": {"url": "https://example.org/a.xlsx"}}).url
        'https://example.org/a.xlsx'
    """
    document, _ = _load_as(data, ("job",), "explorer.want-job")
    assert isinstance(document, Mapping)
    payload: Mapping[str, Any] = document["data"] if isinstance(document.get("data"), Mapping) else {}
    percent = document.get("percentComplete")
    error = document.get("error") or payload.get("errorMessage")
    return ExportJob(
        job_id=_text(document.get("jobId")),
        state=_text(document.get("state")),
        percent_complete=float(percent)
        if isinstance(percent, (int, float)) and not isinstance(percent, bool)
        else None,
        successful=document.get("successful") if isinstance(document.get("successful"), bool) else None,
        error=None if error is None else clipped(str(error), 500),
        url=_text(payload.get("url")),
    )


def search_page(document: object, where: str) -> tuple[list[Taxon], Mapping[str, Any]]:
    """A search response's taxa and its ``resultsSummary`` (empty when missing), for the client's paging."""
    if _kind(document) != "search":
        raise _not_explorer(document, where, wanted="explorer.want-search")
    summary = document.get("resultsSummary") if isinstance(document, Mapping) else None
    return _results(document, where), summary if isinstance(summary, Mapping) else {}


def taxon_of(record: Mapping[str, Any], where: str = "the record") -> Taxon:
    """A ``Taxon`` from one record of either shape; never raises for a value inside it."""
    notes: list[Finding] = []
    source: Source = "taxon" if any(key in record for key in _TAXON_KEYS) else "search"
    raw = _global(record.get("grank", record.get("gRank")), "word.global-rank", notes)
    rounded = _global(record.get("roundedGRank"), "word.rounded-global-rank", notes)
    key = "elementNationals" if "elementNationals" in record else "nations"
    places = record.get(key)
    if places is None:
        distribution = Distribution((), "api")
    elif isinstance(places, list):
        distribution = api_places(places, lenient=True, record=key == "elementNationals")
    else:
        shown = clipped(repr(places))
        notes.append(
            Finding(
                "distribution-syntax",
                Severity.WARNING,
                say("explorer.places-not-a-list", key=key, type=type(places).__name__),
                (0, len(shown)),
                shown,
            )
        )
        distribution = Distribution((), "api")
    return Taxon(
        element_global_id=_integer(record.get("elementGlobalId")),
        unique_id=_text(record.get("uniqueId")),
        elcode=_text(record.get("elcode")),
        scientific_name=_text(record.get("scientificName")),
        primary_common_name=_text(record.get("primaryCommonName")),
        record_type=_record_type(record),
        global_rank=raw,
        rounded_global_rank=rounded,
        distribution=distribution,
        review_date=_date(record.get("grankReviewDate"), "grankReviewDate", notes),
        change_date=_date(record.get("grankChangeDate"), "grankChangeDate", notes),
        source=source,
        notes=tuple(notes),
        record=record,
    )


def _results(document: object, where: str) -> list[Taxon]:
    results = document.get("results") if isinstance(document, Mapping) else document
    if results is None:
        return []
    if not isinstance(results, list):
        raise ExplorerDataError(
            say("explorer.results-not-a-list", where=where, type=type(results).__name__),
            hint=say("explorer.results-not-a-list-hint"),
        )
    taxa: list[Taxon] = []
    for at, result in enumerate(results):
        if not isinstance(result, Mapping):
            raise ExplorerDataError(
                say(
                    "explorer.result-not-an-object",
                    where=where,
                    at=at,
                    type=type(result).__name__,
                    value=clipped(repr(result)),
                ),
                hint=say("explorer.result-not-an-object-hint"),
            )
        taxa.append(taxon_of(result, f"{where}: results[{at}]"))
    return taxa


def _global(text: object, what: str, notes: list[Finding]) -> AnyRank | None:
    if text is None or text == "":
        return None
    if not isinstance(text, str):
        notes.append(unread_rank(None, clipped(repr(text)), say("explorer.not-text", type=type(text).__name__), what))
        return None
    try:
        return parse(text, lenient=True)
    except InvalidRankError as error:
        notes.append(unread_rank(None, text, error.message, what))
        return None


def _date(value: object, key: str, notes: list[Finding]) -> date | None:
    """An ISO date ("2012-11-30", or the date of a timestamp); a note and None for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    shown = clipped(repr(value))
    notes.append(
        Finding(
            "unreadable-date",
            Severity.WARNING,
            say("explorer.unreadable-date", key=key, value=shown),
            (0, len(shown)),
            shown,
        )
    )
    return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _integer(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def _record_type(record: Mapping[str, Any]) -> str | None:
    kind = record.get("recordType")
    if isinstance(kind, str) and kind:
        return kind.lower()
    if "ecosystemGlobal" in record:
        return "ecosystem"
    if "speciesGlobal" in record:
        return "species"
    return None


def is_search(document: object) -> bool:
    """Whether a document is a search response: what the client asked for when it searched."""
    return _kind(document) == "search"


def _kind(document: object) -> Literal["search", "taxon", "result", "job"] | None:
    if isinstance(document, list):
        return "search"
    if not isinstance(document, Mapping):
        return None
    if "results" in document:
        return "search"
    if any(key in document for key in _JOB_KEYS) or ("state" in document and "data" in document):
        return "job"
    if any(key in document for key in _TAXON_KEYS):
        return "taxon"
    if any(key in document for key in _RESULT_KEYS):
        return "result"
    return None


def _is_json_text(data: object) -> bool:
    return isinstance(data, str) and data.lstrip()[:1] in ("{", "[")


def _load(data: object) -> tuple[Any, str]:
    """Parsed JSON and a name for messages, from parsed data, JSON text or a file's path."""
    if isinstance(data, (bytes, bytearray)):
        where = say("explorer.the-data")
        _refuse_file_kind(data[:SNIFF], where)
        return _parse_json(data, where), where
    if isinstance(data, str) and _is_json_text(data):
        where = say("explorer.the-json-text")
        return _parse_json(data, where), where
    if isinstance(data, (str, os.PathLike)):
        path = Path(data)
        try:
            with path.open("rb") as file:
                head = file.read(SNIFF)
                _refuse_file_kind(head, str(path))  # before the rest is read: a wrong file may be large
                content = head + file.read()
        except OSError as error:
            raise ExplorerDataError(
                say("explorer.cannot-read", path=str(path), reason=error.strerror or str(error)),
                hint=say("explorer.cannot-read-hint"),
            ) from None
        return _parse_json(content, str(path)), str(path)
    return data, say("explorer.the-data")


def _refuse_file_kind(head: bytes | bytearray, where: str) -> None:
    """A saved answer gzipped, zipped with others, or another file altogether: named for what it is, not quoted."""
    kind = file_kind(head)
    if kind is None:
        return
    if kind.family in ("compressed", "archive"):
        said = say(f"explorer.{kind.family}", where=where, format=kind.name, tool=kind.tool)
    else:
        said = say("explorer.not-json-file", where=where, kind=say(kind.name))
    raise ExplorerDataError(said)  # the message says what to do


def _parse_json(content: str | bytes | bytearray, where: str) -> Any:
    try:
        return json.loads(content)
    except UnicodeDecodeError as error:  # bytes that are not text: named by the first one, never quoted
        byte = f"{error.object[error.start]:02x}"
        said = say("explorer.not-utf8", where=where, byte=byte, position=error.start)
        raise ExplorerDataError(said, hint=say("explorer.not-json-hint")) from None
    except RecursionError:  # '[' nested past Python's recursion limit: not an answer, and not to be quoted
        raise ExplorerDataError(
            say("explorer.json-too-deep", where=where), hint=say("explorer.not-json-hint")
        ) from None
    except json.JSONDecodeError as error:
        text = content.decode("utf-8", "replace") if isinstance(content, (bytes, bytearray)) else content
        shown = quotable(text.strip()) if text.strip() else say("explorer.empty")
        raise ExplorerDataError(
            say("explorer.not-json", where=where, error=str(error), text=shown), hint=say("explorer.not-json-hint")
        ) from None


def _read_directory(folder: Path) -> list[Taxon]:
    taxa, short = read_folder(folder)
    for saved, total in short:  # read() returns a list, so a search cut short is said as a warning
        warnings.warn(say("explorer.pages-missing", folder=str(folder), saved=saved, total=total), stacklevel=3)
    return taxa


def read_folder(folder: Path) -> tuple[list[Taxon], list[tuple[int, int]]]:
    """The taxa of a folder of saved answers, and for each saved search whose pages stop short of the total its
    answers report (a run that failed part-way, or had a limit), the pages saved and that total.

    A search's pages are the files ``Client`` saves as ``NAME-pageNNNN.json``, one NAME per search.
    """
    taxa: list[Taxon] = []
    paths = sorted(folder.glob("*.json"))
    if not paths:  # a wrong folder, not a search that found nothing (its answer would be saved too)
        raise ExplorerDataError(say("explorer.no-saved", folder=str(folder)), hint=say("explorer.no-saved-hint"))
    pages: dict[str, tuple[int, int]] = {}  # a search's name: pages saved, pages its answers report
    for path in paths:
        document, where = _load(path)
        kind = _kind(document)
        if kind == "search":
            taxa += _results(document, where)
            summary = document.get("resultsSummary") if isinstance(document, Mapping) else None
            total = summary.get("totalPages") if isinstance(summary, Mapping) else None
            name, paged, _ = path.stem.rpartition("-page")
            if paged and type(total) is int:
                saved, reported = pages.get(name, (0, 0))
                pages[name] = (saved + 1, max(reported, total))
        elif kind in ("taxon", "result"):
            taxa.append(taxon_of(document, where))
        elif kind != "job":
            raise _not_explorer(document, where)
    return taxa, [(saved, total) for saved, total in pages.values() if saved < total]


def _load_as(data: object, kinds: tuple[str, ...], wanted: str) -> tuple[Any, str]:
    """``_load``, refusing a document of any kind but ``kinds``; ``wanted`` is the message id of what was asked for."""
    document, where = _load(data)
    if _kind(document) not in kinds:
        raise _not_explorer(document, where, wanted=wanted)
    return document, where


def _not_explorer(document: object, where: str, wanted: str = "explorer.want-any") -> ExplorerDataError:
    """The error for a document that is not what was asked for; ``wanted`` is the message id of what was."""
    kind = _kind(document)
    found: str
    if kind is not None:
        found = say(f"explorer.kind.{kind}")
    elif isinstance(document, Mapping):
        keys = ", ".join(sorted(map(str, document))[:8])
        found = say("explorer.an-object-with", keys=keys) if keys else say("explorer.an-empty-object")
    else:
        found = f"{type(document).__name__} {clipped(repr(document))}"
    hint = "explorer.not-explorer-hint"  # taxa of another kind, or no Explorer data: read() tells them apart
    if kind == "job":
        hint = "explorer.job-not-taxa-hint"
    elif wanted == "explorer.want-job":
        hint = "explorer.taxa-not-job-hint" if kind is not None else "explorer.not-job-hint"
    return ExplorerDataError(say("explorer.not-explorer", where=where, wanted=say(wanted), found=found), hint=say(hint))
