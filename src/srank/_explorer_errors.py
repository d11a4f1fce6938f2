"""The Explorer's errors: one tree under ExplorerError, itself a SrankError.

Each names the URL and the HTTP status where there are some, so that it can be
printed as it is; ``srank.explorer`` publishes every name of ``__all__``.
"""

from __future__ import annotations

from ._errors import SrankError
from ._messages import Said, in_language, say

__all__ = [
    "ExplorerConnectionError",
    "ExplorerDataError",
    "ExplorerError",
    "ExplorerHTTPError",
    "ExplorerNotFoundError",
    "ExplorerQueryError",
    "ExplorerTimeoutError",
]


class ExplorerError(Said, SrankError):
    """A NatureServe Explorer request or record srank could not use; ``url`` and ``status`` where known.

    The message names the URL and the HTTP status, so that it can be printed
    as it is; ``hint`` says what to try, where there is something to say.

    Examples:
    >>> import srank.explorer
    >>> issubclass(srank.explorer.ExplorerNotFoundError, srank.explorer.ExplorerError)
    True
    """

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.url = url
        self.status = status
        self.hint = hint

    def render(self, lang: str = "en") -> str:
        """The error as ``str()`` shows it: the message, then the hint.

        Args:
            lang: The language of both; English by default.

        Returns:
            The lines of the error, joined.

        Examples:
            >>> import srank.explorer
            >>> try:
            ...     srank.explorer.read_taxon({"results": []})
            ... except srank.explorer.ExplorerError as error:
            ...     print(error.render())
            the data is not one taxon record or one search result: it is a search response
            Hint: srank.explorer.read tells a search response, a taxon record and a search result apart by itself
        """
        text = in_language(self.message, lang)
        return text + ("\n" + in_language(say("error.hint", hint=self.hint), lang) if self.hint else "")

    def __str__(self) -> str:
        return self.render()

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.url, self.status, self.hint))


def _rebuild(
    kind: type[ExplorerError], message: str, url: str | None, status: int | None, hint: str | None
) -> ExplorerError:
    return kind(message, url=url, status=status, hint=hint)


class ExplorerHTTPError(ExplorerError):
    """The API answered with an error status (after the retries, for 429 and 5xx).

    Examples:
    >>> import srank.explorer
    >>> issubclass(srank.explorer.ExplorerHTTPError, srank.explorer.ExplorerError)
    True
    """


class ExplorerNotFoundError(ExplorerHTTPError):
    """No record for the id asked for: a 404, or an empty answer.

    Examples:
    >>> import srank.explorer
    >>> issubclass(srank.explorer.ExplorerNotFoundError, srank.explorer.ExplorerHTTPError)
    True
    """


class ExplorerConnectionError(ExplorerError):
    """No answer: the connection was refused, reset or never made (the status is None).

    Examples:
    >>> import srank.explorer
    >>> srank.explorer.ExplorerConnectionError("no answer", url="https://example.org").status is None
    True
    """


class ExplorerTimeoutError(ExplorerConnectionError):
    """No answer within the client's timeout.

    Examples:
    >>> import srank.explorer
    >>> issubclass(srank.explorer.ExplorerTimeoutError, srank.explorer.ExplorerConnectionError)
    True
    """


class ExplorerDataError(ExplorerError, ValueError):
    """A body or a file that is not the Explorer JSON srank reads: not JSON, or not a search, taxon or job.

    Examples:
    >>> import srank.explorer
    >>> try:
    ...     srank.explorer.read_job([])
    ... except srank.explorer.ExplorerDataError as error:
    ...     print(type(error).__name__)
    ExplorerDataError
    """


class ExplorerQueryError(ExplorerError, ValueError):
    """A search or a client setting the API cannot take (an S rank as the rank filter, a subnation of no nation).

    Examples:
    >>> import srank.explorer
    >>> try:
    ...     srank.explorer.Client(timeout=0)
    ... except srank.explorer.ExplorerQueryError as error:
    ...     print(error)
    timeout must be a positive number of seconds, not 0
    """
