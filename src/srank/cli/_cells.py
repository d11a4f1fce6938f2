"""A table's cell read as a rank code or a distribution: its value, its error, or nothing when it is missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .._errors import InvalidRankError
from .._parse import is_missing

__all__ = ["read_cell"]

Read = TypeVar("Read")


def read_cell(read: Callable[..., Read], cell: str, lenient: bool) -> Read | InvalidRankError | None:
    """``cell`` read by ``read`` (``parse``, ``parse_distribution``): its value, its error, or None when missing."""
    if is_missing(cell):
        return None
    try:
        return read(cell, lenient=lenient)
    except InvalidRankError as error:
        return error
