"""``srank.explorer.Client``: the live NatureServe Explorer API, on the standard library's urllib.

The endpoints are the ones natserv's recorded requests use (2020-05-12):
``POST data/speciesSearch``, ``data/ecosystemsSearch`` and ``data/search`` (both
kinds), ``GET data/taxon/<uid>`` and ``data/taxonSearch?id=`` / ``?elCode=``,
``POST export/taxonSearch`` and ``GET job/<id>``, under the base URL
``https://explorer.natureserve.org/api/``.

Answers 429, 500, 502, 503 and 504 are tried again, after ``Retry-After`` when
the server sends one, else after a doubling backoff; every wait is bounded by
``max_wait``. Every failure is an ``ExplorerError`` naming the URL and the status.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import operator
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Literal

import attrs

from . import __version__
from ._errors import clipped, quotable
from ._explorer import ExportJob, Taxon, is_search, read_job, search_page, taxon_record
from ._explorer_errors import (
    ExplorerConnectionError,
    ExplorerDataError,
    ExplorerError,
    ExplorerHTTPError,
    ExplorerNotFoundError,
    ExplorerQueryError,
    ExplorerTimeoutError,
)
from ._languages import language
from ._messages import say, say_count
from ._places import nation_code, nation_names, nations_with_subnation, subnation_names
from ._text_options import LanguageTag

__all__ = ["DEFAULT_BASE_URL", "GLOBAL_RANKS", "RETRY_STATUSES", "USER_AGENT", "Client", "Search"]

DEFAULT_BASE_URL = "https://explorer.natureserve.org/api/"
USER_AGENT = f"srank/{__version__} (+https://github.com/srank-project/srank)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ANSWER_BYTES = 64 << 20  # a search page or a taxon record is under a megabyte: past this, no answer is Explorer's
GLOBAL_RANKS = ("G1", "G2", "G3", "G4", "G5", "GH", "GX", "GNR", "GNA", "GU")
"""The rounded global ranks the API's ``globalRank`` search criterion takes (as natserv lists them)."""

_UID = re.compile(r"ELEMENT_GLOBAL\.\d+\.\d+")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class Client:
    """The NatureServe Explorer API.

    ``timeout`` is in seconds, per request. ``retries`` is how many times a 429
    or 5xx answer is asked again; ``backoff`` the first wait (doubling each time)
    and ``max_wait`` the longest wait, ``Retry-After`` included. ``save`` is a
    directory where each JSON answer is kept as received, so that
    ``srank.explorer.read(save)`` repeats the run offline. ``sleep`` does the
    waiting (tests pass one that does not wait).

    Args:
        base_url: The API's root, for a mirror or a test server.
        timeout: Seconds per request.
        retries: How many times a 429 or 5xx answer is asked again.
        backoff: The first wait before a retry, in seconds; it doubles each time.
        max_wait: The longest wait, ``Retry-After`` included.
        page_size: Results asked for per page of a search.
        save: A directory where every answer is kept as received.
        sleep: The function that waits.

    Raises:
        ExplorerQueryError: A base URL that is not http(s), or a setting out of range.

    Examples:
        >>> import srank.explorer
        >>> explorer = srank.explorer.Client(timeout=10)
        >>> explorer
        <srank.explorer.Client https://explorer.natureserve.org/api/>
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        page_size: int = 100,
        save: str | os.PathLike[str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not _is_http_url(base_url):
            raise ExplorerQueryError(
                say("explorer.not-http", url=quotable(base_url)),
                hint=say("explorer.not-http-hint", url=DEFAULT_BASE_URL),
            )
        for name, value in (("timeout", timeout), ("max_wait", max_wait)):
            if not value > 0:
                raise ExplorerQueryError(say("explorer.not-seconds", name=name, value=value))
        for name, value, least in (("retries", retries, 0), ("page_size", page_size, 1)):
            if _whole(value, least) is None:
                raise ExplorerQueryError(say("explorer.not-count", name=name, least=least, value=value))
        if not backoff >= 0:
            raise ExplorerQueryError(say("explorer.not-wait", name="backoff", value=backoff))
        if save is not None and Path(save).exists() and not Path(save).is_dir():
            raise ExplorerQueryError(
                say("explorer.save-not-folder", path=str(save)), hint=say("explorer.save-not-folder-hint")
            )
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = timeout
        self.retries = int(retries)  # numpy's integers too: a request's JSON takes only int
        self.backoff = backoff
        self.max_wait = max_wait
        self.page_size = int(page_size)
        self.save = None if save is None else Path(save)
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"<srank.explorer.Client {self.base_url}>"

    # Searches

    def search(
        self,
        text: str | None = None,
        *,
        nation: str | None = None,
        subnation: str | None = None,
        rank: str | None = None,
        species: bool = True,
        ecosystems: bool = False,
        limit: int | None = None,
    ) -> Search:
        """Every taxon the search finds, page after page (``list()`` of an empty search is ``[]``).

        ``text`` is a quick search (names and codes). ``nation`` and
        ``subnation`` (``"US"``, ``"MD"``; the nation is found from the
        subnation when only one has that code) and ``rank`` (a rounded global
        rank, ``"G1"``) are the API's own location and status criteria.
        ``species`` and ``ecosystems`` choose what is searched. ``limit`` stops
        after that many taxa. The arguments are checked at once; the requests are
        made as the taxa are used. The ``Search`` it gives is an iterator whose
        ``export`` asks NatureServe for the same search as a file.

        The calls themselves need the network; docs/explorer.md runs them against recorded answers.

        Args:
            text: Words to search for, as on the site (a scientific or common name).
            nation: Only taxa ranked in this nation (an ISO code: "US", "CA").
            subnation: Only taxa ranked in this subnation ("MD"; with ``nation`` where two nations share the code).
            rank: Only taxa of this rounded global rank (G1-G5, GH, GX, GNR, GNA, GU).
            species: Search species.
            ecosystems: Search ecosystems.
            limit: Stop after this many taxa.

        Returns:
            A Search: an iterator of each Taxon found, page after page, with ``export``.

        Raises:
            ExplorerQueryError: Criteria the API cannot take, before any request.
            ExplorerError: The request failed (its subclass says how).

        Examples:
            >>> import srank.explorer
            >>> explorer = srank.explorer.Client(timeout=10)
            >>> try:
            ...     next(explorer.search("Hydrastis", rank="S2"))
            ... except srank.explorer.ExplorerQueryError as error:
            ...     print(error.message.split("; ")[-1])
            not 'S2'
        """
        endpoint, criteria = self._criteria(text, nation, subnation, rank, species, ecosystems)
        if limit is not None and _whole(limit, 0) is None:
            raise ExplorerQueryError(say("explorer.not-count", name="limit", least=0, value=limit))
        return Search(self, endpoint, criteria, None if limit is None else int(limit))

    @staticmethod
    def _criteria(
        text: str | None,
        nation: str | None,
        subnation: str | None,
        rank: str | None,
        species: bool,
        ecosystems: bool,
    ) -> tuple[str, dict[str, Any]]:
        """The endpoint and the search criteria, in the JSON the API takes."""
        if not (species or ecosystems):
            raise ExplorerQueryError("the search asks for neither species nor ecosystems", hint="leave species=True")
        endpoint, kind = {
            (True, False): ("speciesSearch", "species"),
            (False, True): ("ecosystemsSearch", "ecosystems"),
            (True, True): ("search", "combined"),
        }[bool(species), bool(ecosystems)]
        criteria: dict[str, Any] = {"criteriaType": kind}
        if text is not None and not isinstance(text, str):
            raise ExplorerQueryError(f"the search text must be text, not {type(text).__name__}")
        criteria["textCriteria"] = [{"paramType": "quickSearch", "searchToken": text}] if text else []
        criteria["statusCriteria"] = [{"paramType": "globalRank", "globalRank": _global_rank(rank)}] if rank else []
        criteria["locationCriteria"] = _location(nation, subnation)
        return endpoint, criteria

    # Records

    def taxon(self, id_or_uid: int | str) -> Taxon:
        """One taxon record, by its uid (``"ELEMENT_GLOBAL.2.154701"``), its id (``154701``) or its elcode.

        An id that names no taxon raises ``ExplorerNotFoundError``.

        The calls themselves need the network; docs/explorer.md runs them against recorded answers.

        Args:
            id_or_uid: The uid (``"ELEMENT_GLOBAL.2.154701"``), the id (``154701``) or the elcode.

        Returns:
            The Taxon, with raw and rounded ranks.

        Raises:
            ExplorerNotFoundError: No taxon has that id.
            ExplorerQueryError: The value is not an id, before any request.
            ExplorerError: The request failed otherwise.

        Examples:
            >>> import srank.explorer
            >>> explorer = srank.explorer.Client(timeout=10)
            >>> explorer.taxon("")
            Traceback (most recent call last):
            ...
            srank._explorer_errors.ExplorerQueryError: '' is not a taxon's uid, id or elcode
        """
        path, name = _taxon_path(id_or_uid)
        document, url = self._json("GET", path, None, name, record=True)
        if not isinstance(document, Mapping):
            raise ExplorerDataError(
                say(
                    "explorer.not-a-taxon",
                    asked=f"GET {url}",
                    type=type(document).__name__,
                    value=clipped(repr(document)),
                ),
                url=url,
                status=200,
            )
        return _taxon(document, url)

    def taxa(self, ids: Iterable[int | str]) -> Iterator[Taxon | ExplorerError]:
        """Each id's taxon, in order; an id that fails comes back as its error, so no other id is lost.

        An id that is not found, that the API refuses (4xx) or whose answer cannot
        be read gives its ``ExplorerError`` in its place. A failure of the service
        itself (no connection, a timeout, 429 or 5xx after the retries) is raised.

        The calls themselves need the network; docs/explorer.md runs them against recorded answers.

        Args:
            ids: The uids, ids or elcodes, in any iterable.

        Yields:
            Each Taxon, or the ExplorerError of an id that failed, in the order of ``ids``.

        Raises:
            ExplorerError: The service itself failed (no connection, a timeout, 429 or 5xx after the retries).

        Examples:
            >>> import srank.explorer
            >>> explorer = srank.explorer.Client(timeout=10)
            >>> for result in explorer.taxa(["", "two words"]):
            ...     print(result.message)
            '' is not a taxon's uid, id or elcode
            'two words' is not a taxon's uid, id or elcode
        """
        for id_or_uid in ids:
            try:
                yield self.taxon(id_or_uid)
            except (ExplorerNotFoundError, ExplorerDataError, ExplorerQueryError) as error:
                yield error
            except ExplorerHTTPError as error:
                if error.status is None or error.status == 429 or error.status >= 500:
                    raise
                yield error

    # Export jobs

    def job(self, job: str | ExportJob) -> ExportJob:
        """The status of an export job; once ``finished``, ``url`` is the file to download.

        The calls themselves need the network; docs/explorer.md runs them against recorded answers.

        Args:
            job: The ExportJob ``export`` gave, or its jobId.

        Returns:
            The ExportJob as it stands now.

        Raises:
            ExplorerQueryError: No jobId, before any request.
            ExplorerError: The request failed.

        Examples:
            >>> import srank.explorer
            >>> explorer = srank.explorer.Client(timeout=10)
            >>> explorer.job("")
            Traceback (most recent call last):
            ...
            srank._explorer_errors.ExplorerQueryError: an export job is named by its jobId, not ''
        """
        job_id = job.job_id if isinstance(job, ExportJob) else job
        if not isinstance(job_id, str) or not job_id:
            raise ExplorerQueryError(f"an export job is named by its jobId, not {job_id!r}")
        path = "job/" + urllib.parse.quote(job_id, safe="")
        document, url = self._json("GET", path, None, f"job-{job_id}", record=True)
        return attrs.evolve(_job(document, url), job_id=job_id)

    # HTTP

    def _json(self, method: str, path: str, body: object, name: str, *, record: bool = False) -> tuple[Any, str]:
        """The parsed JSON answer and the URL asked; kept in ``save`` when asked."""
        url = self.base_url + path
        content, status = self._fetch(method, url, body, record)
        if record and not content.strip():
            message = say("explorer.empty-body", asked=f"{method} {url}", status=status)
            raise ExplorerNotFoundError(message, url=url, status=status)
        try:
            document = json.loads(content)
        except RecursionError:  # '[' nested past Python's recursion limit
            said = say("explorer.body-too-deep", asked=f"{method} {url}", status=status)
            hint = say("explorer.body-not-json-hint", url=DEFAULT_BASE_URL)
            raise ExplorerDataError(said, url=url, status=status, hint=hint) from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            text = content[:200].decode("utf-8", "replace").strip()
            shown = quotable(text) if text else say("explorer.empty")
            raise ExplorerDataError(
                say("explorer.body-not-json", asked=f"{method} {url}", status=status, error=str(error), text=shown),
                url=url,
                status=status,
                hint=say("explorer.body-cut-hint")
                if text.startswith(("{", "["))  # JSON that stops short: a dropped connection, not a wrong address
                else say("explorer.body-not-json-hint", url=DEFAULT_BASE_URL),
            ) from None
        if record and document is None:
            message = say("explorer.null", asked=f"{method} {url}", status=status)
            raise ExplorerNotFoundError(message, url=url, status=status)
        if self.save is not None:
            self._keep(name, content)
        return document, url

    def _saved(self, name: str) -> Path:
        assert self.save is not None
        return self.save / f"{_UNSAFE.sub('_', name)}.json"

    def _forget(self, name: str) -> None:
        """Remove a saved answer that turned out not to be part of what was asked (a page that repeats another)."""
        if self.save is not None:
            self._saved(name).unlink(missing_ok=True)

    def _keep(self, name: str, content: bytes) -> None:
        path = self._saved(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        except OSError as error:
            raise ExplorerError(
                say("explorer.cannot-save", path=str(path), reason=error.strerror or str(error))
            ) from None

    def _fetch(self, method: str, url: str, body: object, record: bool) -> tuple[bytes, int]:
        data = None if body is None else json.dumps(body).encode("utf-8")
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        asked = f"{method} {url}"
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    content = response.read(MAX_ANSWER_BYTES + 1)  # held in memory: bounded
                    encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
                    status = response.status
            except urllib.error.HTTPError as error:
                status, retry_after, detail = error.code, error.headers.get("Retry-After"), _detail(error)
                if status in RETRY_STATUSES and attempt < self.retries:
                    self._sleep(self._wait(attempt, retry_after))
                    continue
                said = {"asked": asked, "status": status, "reason": error.reason}
                message = (
                    say("explorer.http-retried", **said, times=attempt + 1) if attempt else say("explorer.http", **said)
                )
                if detail:
                    message = say("error.at", where=message, message=detail)
                kind = ExplorerNotFoundError if status == 404 and record else ExplorerHTTPError
                hint = say(_HINTS[status]) if status in _HINTS else None
                raise kind(message, url=url, status=status, hint=hint) from None
            except (TimeoutError, urllib.error.URLError, OSError, http.client.HTTPException) as error:
                raise _no_answer(error, asked, url, self.timeout) from None
            except ValueError as error:  # a URL urllib cannot use (an elcode or a job id cannot make one)
                raise ExplorerQueryError(say("error.at", where=asked, message=clipped(str(error))), url=url) from None
            return _unpacked(content, encoding, asked, url, status), status
        raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover

    def _wait(self, attempt: int, retry_after: str | None) -> float:
        asked = _retry_after(retry_after)
        wait = asked if asked is not None else self.backoff * 2**attempt
        return min(max(wait, 0.0), self.max_wait)


class Search(Iterator[Taxon]):
    """The taxa of a ``Client.search``: an iterator that asks for each page as it is used, and ``export`` of the same
    search as a file NatureServe prepares.

    A page whose request fails in a way that asking again may mend (no answer, 429, 5xx, an answer cut short)
    raises its ``ExplorerError`` and is asked for again by the next ``next()``, up to three times in a row, so a
    loop that catches the error and goes on loses no taxon; any other failure, or a third in a row, ends the search.

    Examples:
        >>> import srank.explorer
        >>> explorer = srank.explorer.Client(timeout=10)
        >>> explorer.search("Hydrastis", subnation="MD", limit=5)
        <srank.explorer.Search speciesSearch 'Hydrastis' nation='US' subnation='MD' limit=5>
    """

    def __init__(self, client: Client, endpoint: str, criteria: Mapping[str, Any], limit: int | None) -> None:
        """Made by ``Client.search``, which checks the criteria."""
        self._client = client
        self._endpoint = endpoint
        self._criteria = criteria
        self._limit = limit
        self._page = 0  # the next page to ask for
        self._read = 0  # taxa read, page after page
        self._given = 0  # taxa given, which ``limit`` counts
        self._waiting: deque[Taxon] = deque()  # taxa of the pages read, not yet given
        self._last: list[Taxon] | None = None  # the last page's taxa: a server that does not page repeats it
        self._done = False
        self._failures = 0  # the failures in a row of the page being asked for

    def __next__(self) -> Taxon:
        while not self._waiting and not self._done and (self._limit is None or self._given < self._limit):
            self._ask()
        if not self._waiting or (self._limit is not None and self._given >= self._limit):
            raise StopIteration
        self._given += 1
        return self._waiting.popleft()

    def _ask(self) -> None:
        """Read the next page. A failure that asking again may mend (no answer, 429, 5xx, an answer cut short)
        changes nothing, so the next call asks for the same page, up to _PAGE_TRIES times in a row; any other
        failure, or the last of those, ends the search, so that a loop that catches errors is not asked forever."""
        client, page = self._client, self._page
        body = {**self._criteria, "pagingOptions": {"page": page, "recordsPerPage": client.page_size}}
        name = f"{self._endpoint}-{_digest(self._criteria)}-page{page:04d}"
        try:
            document, url = client._json("POST", f"data/{self._endpoint}", body, name)
        except ExplorerError as error:
            self._failures += 1
            passing = _passing(error) or isinstance(error, ExplorerDataError)  # a body cut short on the way
            self._done = not passing or self._failures >= _PAGE_TRIES
            raise
        try:
            taxa, summary = _search_page(document, url)
        except ExplorerError:
            self._done = True  # an answer that is no search page would be the same answer again
            raise
        self._failures = 0
        if taxa and taxa == self._last:
            self._done = True
            client._forget(name)  # saved, it would be read back as more of the search
            said = say("explorer.page-repeats", asked=f"POST {url}", page=page, previous=page - 1)
            raise ExplorerDataError(said, url=url, status=200, hint=say("explorer.page-repeats-hint"))
        self._last = taxa
        self._waiting.extend(taxa)
        self._read += len(taxa)
        self._page += 1
        self._done = not taxa or _last_page(summary, self._page, self._read, len(taxa), client.page_size)

    def __repr__(self) -> str:
        text = [token["searchToken"] for token in self._criteria["textCriteria"]]
        said = [repr(word) for word in text]
        for criterion in self._criteria["locationCriteria"]:
            said += [f"{key}={criterion[key]!r}" for key in ("nation", "subnation") if key in criterion]
        said += [f"rank={status['globalRank']!r}" for status in self._criteria["statusCriteria"]]
        if self._limit is not None:
            said.append(f"limit={self._limit}")
        return f"<srank.explorer.Search {' '.join([self._endpoint, *said])}>"

    def export(self, format: Literal["json", "xlsx"] = "json", language: LanguageTag = "en") -> ExportJob:
        """Start an export of this search, every taxon it finds (``limit`` counts only the taxa iterated); poll it
        with ``Client.job`` until NatureServe has prepared the file.

        The calls themselves need the network; docs/explorer.md runs them against recorded answers.

        Args:
            format: "json" or "xlsx" (in any case).
            language: The language of NatureServe's file: "en", "es" or "fr", or a tag of one ("fr-CA").

        Returns:
            The ExportJob, not yet finished.

        Raises:
            ExplorerQueryError: A format or language the API does not take, before any request.
            ExplorerError: The request failed.

        Examples:
            >>> import srank.explorer
            >>> explorer = srank.explorer.Client(timeout=10)
            >>> explorer.search("Lynx").export(format="csv")
            Traceback (most recent call last):
            ...
            srank._explorer_errors.ExplorerQueryError: an export's format is json or xlsx, not 'csv'
        """
        format, language = _export_format(format), _export_language(language)
        kinds = _EXPORTED[self._endpoint]
        criteria = {
            **self._criteria,
            "criteriaType": "combined",
            "recordTypeCriteria": [{"paramType": "recordType", "recordType": kind} for kind in kinds],
            "recordSubtypeCriteria": [],
        }
        body = {"criteria": criteria, "exportFormat": f"summary_{format}", "exportLanguage": language}
        document, url = self._client._json("POST", "export/taxonSearch", body, f"export-{_digest(body)}")
        job = _job(document, url)
        if job.job_id is None:
            raise ExplorerDataError(say("explorer.no-job-id", asked=f"POST {url}"), url=url, status=200)
        return job


def _whole(value: object, least: int) -> int | None:
    """``value`` as a whole number of at least ``least`` (numpy's integers too, not True or 2.0), or None."""
    if isinstance(value, bool):
        return None
    try:
        number = operator.index(value)  # type: ignore[arg-type]  # anything that is not an integer raises
    except TypeError:
        return None
    return number if number >= least else None


def _passing(error: ExplorerError) -> bool:
    """Whether asking again may succeed: no answer, or an answer that says the server is busy or failing."""
    if isinstance(error, ExplorerConnectionError):
        return True
    return isinstance(error, ExplorerHTTPError) and (error.status is None or error.status in RETRY_STATUSES)


def _export_format(format: object) -> Literal["json", "xlsx"]:
    """The format an export is asked in, as the API names it."""
    found = _EXPORT_FORMATS.get(format.lower()) if isinstance(format, str) else None
    if found is None:
        raise ExplorerQueryError(say("explorer.export-format", value=format))
    return found


def _export_language(tag: object) -> Literal["en", "es", "fr"]:
    """The language of an export's file: one of NatureServe's, from any tag of it (fr-CA), as srank's lang= reads."""
    try:
        found = _EXPORT_LANGUAGES.get(language(tag)) if isinstance(tag, str) else None
    except ValueError:
        found = None
    if found is None:
        raise ExplorerQueryError(say("explorer.export-language", value=tag))
    return found


_EXPORT_FORMATS: dict[str, Literal["json", "xlsx"]] = {"json": "json", "xlsx": "xlsx"}
_EXPORT_LANGUAGES: dict[str, Literal["en", "es", "fr"]] = {"en": "en", "es": "es", "fr": "fr"}
_PAGE_TRIES = 3  # how many times in a row a search asks for one page (each after the client's own retries)

_EXPORTED = {"speciesSearch": ("species",), "ecosystemsSearch": ("ecosystem",), "search": ()}
"""The record types an export of each search asks for (none: every type)."""


def _unpacked(content: bytes, encoding: str, asked: str, url: str, status: int) -> bytes:
    """An answer's body, bounded, and unpacked where a proxy compressed it (gzip or deflate, which srank did not ask
    for and urllib does not undo)."""
    if len(content) > MAX_ANSWER_BYTES:
        raise _too_big(asked, url, status)
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return content
    unpacker = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip's or zlib's format, told by its header
    try:
        unpacked = unpacker.decompress(content, MAX_ANSWER_BYTES + 1)
    except zlib.error as error:
        said = say("explorer.body-not-unpacked", asked=asked, status=status, encoding=encoding, error=str(error))
        raise ExplorerDataError(said, url=url, status=status) from None
    if len(unpacked) > MAX_ANSWER_BYTES or unpacker.unconsumed_tail:
        raise _too_big(asked, url, status)
    return unpacked


def _too_big(asked: str, url: str, status: int) -> ExplorerDataError:
    said = say("explorer.body-too-big", asked=asked, status=status, limit=MAX_ANSWER_BYTES >> 20)
    return ExplorerDataError(
        said, url=url, status=status, hint=say("explorer.body-not-json-hint", url=DEFAULT_BASE_URL)
    )


_HINTS = {  # the hint of an HTTP status, by message id
    400: "explorer.http-400-hint",
    404: "explorer.http-404-hint",
    429: "explorer.http-429-hint",
    500: "explorer.http-500-hint",
    502: "explorer.http-unavailable-hint",
    503: "explorer.http-unavailable-hint",
    504: "explorer.http-unavailable-hint",
}


def _is_http_url(url: object) -> bool:
    """An http(s) URL with a host, a numeric port if any, and no spaces or control characters."""
    if not isinstance(url, str) or not url.isprintable() or " " in url:
        return False
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _no_answer(error: BaseException, asked: str, url: str, timeout: float) -> ExplorerConnectionError:
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError):
        return ExplorerTimeoutError(
            say_count("explorer.no-answer-within", timeout, asked=asked),
            url=url,
            hint=say("explorer.no-answer-within-hint"),
        )
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return ExplorerConnectionError(
        say("explorer.no-answer", asked=asked, reason=clipped(text)), url=url, hint=say("explorer.no-answer-hint")
    )


def _detail(error: urllib.error.HTTPError) -> str:
    """The start of an error answer's body, as one line; empty when it cannot be read."""
    try:
        content = error.read(300)
    except (OSError, http.client.HTTPException, ValueError):
        return ""
    finally:
        error.close()
    return clipped(" ".join(content.decode("utf-8", "replace").split()), 200)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when.timestamp() - time.time()


def _last_page(summary: Mapping[str, Any], pages_read: int, given: int, got: int, size: int) -> bool:
    """Whether a search has no page after this one: by its summary's totalPages or totalResults, else a short page."""
    pages, total = summary.get("totalPages"), summary.get("totalResults")
    if isinstance(pages, int):
        return pages_read >= pages
    if isinstance(total, int):
        return given >= total
    return got < size


def _search_page(document: object, url: str) -> tuple[list[Taxon], Mapping[str, Any]]:
    try:
        return search_page(document, f"POST {url}")
    except ExplorerDataError as error:
        # A search answered by something else (a taxon record, null): the address is wrong, not a saved file.
        hint = error.hint if is_search(document) else say("explorer.body-not-json-hint", url=DEFAULT_BASE_URL)
        raise ExplorerDataError(error.message, url=url, status=200, hint=hint) from None


def _taxon(document: object, url: str) -> Taxon:
    """A taxon record, refused as ``read_taxon`` refuses a saved one ({}, a search, a job): live and saved agree."""
    try:
        return taxon_record(document, f"GET {url}")
    except ExplorerDataError as error:
        raise ExplorerDataError(error.message, url=url, status=200, hint=error.hint) from None


def _job(document: object, url: str) -> ExportJob:
    try:
        return read_job(document)
    except ExplorerDataError as error:
        message = say("error.at", where=url, message=error.message)
        raise ExplorerDataError(message, url=url, status=200, hint=error.hint) from None


def _taxon_path(id_or_uid: object) -> tuple[str, str]:
    """The API path for a uid, an id or an elcode, and the name its answer is saved under."""
    if isinstance(id_or_uid, int) and not isinstance(id_or_uid, bool) and id_or_uid > 0:
        return f"data/taxonSearch?id={id_or_uid}", f"taxon-id-{id_or_uid}"
    if isinstance(id_or_uid, str) and id_or_uid.strip():
        text = id_or_uid.strip()
        if _UID.fullmatch(text):
            return f"data/taxon/{text}", f"taxon-{text}"
        if text.isascii() and text.isdigit():
            return f"data/taxonSearch?id={int(text)}", f"taxon-id-{int(text)}"
        if text.isascii() and text.isalnum():
            return f"data/taxonSearch?elCode={urllib.parse.quote(text)}", f"taxon-elcode-{text}"
    raise ExplorerQueryError(
        f"{clipped(repr(id_or_uid))} is not a taxon's uid, id or elcode",
        hint="a uid reads ELEMENT_GLOBAL.2.154701, an id 154701, an elcode PDRAN0F010",
    )


def _global_rank(rank: object) -> str:
    code = rank.strip().upper() if isinstance(rank, str) else None
    if code not in GLOBAL_RANKS:
        raise ExplorerQueryError(
            say("explorer.not-global-rank", ranks=", ".join(GLOBAL_RANKS), rank=quotable(rank)),
            hint=_rounded_hint(code) or say("explorer.not-global-rank-hint"),
        )
    return code


def _rounded_hint(code: str | None) -> str | None:
    """For a global rank the API does not search by (G2G3, G3?, G5T2): the rounded rank it does search by."""
    from ._parse import parse

    try:
        rounded = str(parse(code or "").rounded())
    except ValueError:  # not a code: the general hint says what the criterion is
        return None
    return say("explorer.rounded-rank-hint", rank=code, rounded=rounded) if rounded in GLOBAL_RANKS else None


def _location(nation: str | None, subnation: str | None) -> list[dict[str, str]]:
    for name, value in (("nation", nation), ("subnation", subnation)):
        if value is not None and not (isinstance(value, str) and value.replace(" ", "").isalpha()):
            first, second = ("US", "CA") if name == "nation" else ("MD", "ON")
            said = say("explorer.not-place-code", name=name, first=first, second=second, value=quotable(value))
            raise ExplorerQueryError(said)
    if nation:  # a code (CA) or, as Explorer exports spell them, a name (Canada)
        written = nation.strip()
        nation = written.upper() if nation_names(written.upper()) is not None else nation_code(written, any_case=True)
        if nation is None:
            raise ExplorerQueryError(say("explorer.unknown-nation", nation=written), hint=say("explorer.nation-hint"))
    else:
        nation = None
    subnation = subnation.strip().upper() if subnation else None
    if subnation is not None and nation is not None and subnation_names(nation, subnation) is None:
        raise ExplorerQueryError(
            say("explorer.unknown-subnation", subnation=subnation, nation=nation), hint=say("explorer.subnation-hint")
        )
    if subnation is None:
        return [{"paramType": "nation", "nation": nation}] if nation else []
    if nation is None:
        nations = nations_with_subnation(subnation)
        if not nations:  # a name (Maryland) or a code of no place srank knows
            said = say("explorer.no-nation-with", subnation=subnation)
            raise ExplorerQueryError(said, hint=say("explorer.subnation-code-hint"))
        if len(nations) > 1:
            said = say("explorer.nations-with", nations=", ".join(nations), subnation=subnation)
            raise ExplorerQueryError(said, hint=say("explorer.say-nation-hint"))
        nation = nations[0]
    return [{"paramType": "subnation", "nation": nation, "subnation": subnation}]


def _digest(body: object) -> str:
    """A short name for a request's criteria, so that its saved pages sort together."""
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()[:10]
