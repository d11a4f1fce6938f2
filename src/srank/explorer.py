"""NatureServe Explorer from Python: saved or live API data, every rank decoded, NatureServe's rounding checked.

Read a saved response (a file, JSON text, or parsed JSON)::

    import srank.explorer
    taxa = srank.explorer.read("speciesSearch.json")   # a search: a list of Taxon
    goldenseal = srank.explorer.read("taxon.json")     # a taxon record: one Taxon
    for row in srank.explorer.rows(taxa): ...          # the long form, one row per taxon x place

or ask the API (``srank.explorer.Client``, on the standard library's urllib).
``import srank`` never imports this module; importing it does not import urllib's
HTTP machinery until a ``Client`` is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import _explorer_errors
from ._explorer import ExportJob, Taxon, read, read_job, read_search, read_taxon
from ._explorer_errors import *  # noqa: F403 - srank.explorer's errors: their one list is _explorer_errors.__all__
from ._explorer_rows import FIELDS, rows

if TYPE_CHECKING:
    from ._explorer_client import DEFAULT_BASE_URL, Client, Search

__all__ = [
    "DEFAULT_BASE_URL",
    "FIELDS",
    "Client",
    "ExportJob",
    "Search",
    "Taxon",
    "read",
    "read_job",
    "read_search",
    "read_taxon",
    "rows",
]
__all__ += _explorer_errors.__all__

_CLIENT = ("Client", "DEFAULT_BASE_URL", "Search")


def __getattr__(name: str) -> Any:
    if name not in _CLIENT:
        raise AttributeError(f"module 'srank.explorer' has no attribute {name!r}")
    from . import _explorer_client

    value = getattr(_explorer_client, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
