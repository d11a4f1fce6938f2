"""What a header row looks like, to guess where a table's header is when no row names the columns asked for.

A header names its columns: none of its cells is a number or a rank code, where
a data row of a rank table holds codes (S2, G5T3) and often ids or years. A
title or note line above the table has fewer cells than the header. A column
asked for that the header lacks may be one of its names written another way.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._errors import InvalidRankError
from .._parse import parse

__all__ = ["close_names", "looks_like_header"]


def close_names(column: str, header: Sequence[str]) -> list[str]:
    """The header's names that ``column`` may have meant: alike but for case and the spaces around them, else alike
    but for case, spaces, underscores, dashes and dots anywhere ("SRank", "s_rank" for "S Rank").

    >>> close_names("SRank", ["id", "S Rank"]), close_names("rank", ["id", "S Rank"])
    (['S Rank'], [])
    """
    near = [title for title in header if title.strip().casefold() == column.strip().casefold()]
    return near or [title for title in header if _bare(title) and _bare(title) == _bare(column)]


def _bare(name: str) -> str:
    return "".join(char for char in name.casefold() if char.isalnum())


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
