"""What a header row looks like, to guess where a table's header is when no row names the columns asked for.

A header names its columns: none of its cells is a number or a rank code, where
a data row of a rank table holds codes (S2, G5T3) and often ids or years. A
title or note line above the table has fewer cells than the header.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._errors import InvalidRankError
from .._parse import parse

__all__ = ["looks_like_header"]


def looks_like_header(cells: Sequence[str]) -> bool:
    """Whether a row's filled ``cells`` could be a header: at least two, and none a number or a rank code.

    >>> looks_like_header(["Scientific Name", "S Rank"]), looks_like_header(["Carex", "S2"])
    (True, False)
    """
    return len(cells) >= 2 and not any(_is_data(cell) for cell in cells)


def _is_data(cell: str) -> bool:
    text = cell.strip()
    try:
        float(text.replace(",", ""))
        return True
    except ValueError:
        pass
    try:
        parse(text, lenient=True)
    except InvalidRankError:
        return False
    return True
