"""How a type checker sees the functions that give one value for a column, or one per group.

pandas (a Series or a SeriesGroupBy) and polars (a Series or an expression) both offer
``most_imperiled``, ``least_imperiled`` and ``status_index`` this way. Each signature is
written once here, generic in the column, the groups and their results; each module
fills those in, and mypy resolves a call as it would an overload. At run time the
functions are plain functions, with the signature ``help()`` and the docs show.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypedDict, TypeVar, overload

if TYPE_CHECKING:
    from typing import Unpack

    from ._batch import Errors
    from ._status_index import StatusIndex, Uncertain
    from ._vocabulary import Season

__all__ = ["ExtremeOf", "IndexOf", "IndexOptions", "ReadOptions", "extreme"]

_Column_contra = TypeVar("_Column_contra", contravariant=True)
_Groups_contra = TypeVar("_Groups_contra", contravariant=True)
_One_co = TypeVar("_One_co", covariant=True)
_PerGroup_co = TypeVar("_PerGroup_co", covariant=True)


class ReadOptions(TypedDict, total=False):
    """How cells are read: ``errors`` "raise" or "skip" for an unreadable one, ``lenient`` spellings."""

    errors: Errors
    lenient: bool


class IndexOptions(ReadOptions, total=False):
    """``status_index``'s options: the season that counts and the number an uncertain rank counts as."""

    season: str | Season
    uncertain: Uncertain


class ExtremeOf(Protocol[_Column_contra, _One_co, _Groups_contra, _PerGroup_co]):
    """``most_imperiled`` or ``least_imperiled``: one rank of a column, or one per group."""

    __name__: str

    @overload
    def __call__(self, data: _Column_contra, **options: Unpack[ReadOptions]) -> _One_co: ...
    @overload
    def __call__(self, data: _Groups_contra, **options: Unpack[ReadOptions]) -> _PerGroup_co: ...


class IndexOf(Protocol[_Column_contra, _Groups_contra, _PerGroup_co]):
    """``status_index``: the index of a column, or one per group."""

    __name__: str

    @overload
    def __call__(self, data: _Column_contra, **options: Unpack[IndexOptions]) -> StatusIndex: ...
    @overload
    def __call__(self, data: _Groups_contra, **options: Unpack[IndexOptions]) -> _PerGroup_co: ...


def extreme(module: str, most: bool, choose: Callable[[Any, bool, Errors, bool], object], doc: str) -> Any:
    """``module``'s ``most_imperiled`` (``most``) or ``least_imperiled``: ``choose(data, most, errors, lenient)``.

    Typed ``Any`` on purpose: the module annotates it with its ``ExtremeOf``. At run time
    (``help()``, the docs) its types are ``choose``'s, less ``most``.
    """

    def function(data: Any, *, errors: Errors = "raise", lenient: bool = False) -> object:
        return choose(data, most, errors, lenient)

    function.__name__ = function.__qualname__ = "most_imperiled" if most else "least_imperiled"
    function.__module__ = module
    function.__doc__ = doc
    function.__annotations__ = {name: kind for name, kind in _hints(choose).items() if name != "most"}
    return function


def _hints(function: Callable[..., object]) -> dict[str, Any]:
    """``function``'s annotations, resolved in its own module where they can be (typing.get_type_hints of a copy
    then finds them, as it would not in this one); as written otherwise (``pd.Series[Any]`` is for type checkers)."""
    try:
        return typing.get_type_hints(function)
    except (NameError, TypeError):
        return dict(function.__annotations__)
