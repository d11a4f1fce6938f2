"""The rows of one ``.xlsx`` sheet as text, with the header row found (openpyxl, extra ``srank[xlsx]``).

Heritage exports often put a title above the header. Unless ``--header-row``
says where the header is, it is the first of the top rows that holds every
column asked for; failing that, the first row with the most filled cells.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from typing import IO

from ._arguments import UsageError

__all__ = ["Sheet", "read_sheet"]

_LOOK = 20  # rows searched for the header


class Sheet:
    """A sheet's header, its number (1-based), and its rows after the header as lists of text."""

    def __init__(self, header: list[str], header_row: int, rows: Iterator[list[str]], sheets: list[str]) -> None:
        self.header = header
        self.header_row = header_row
        self.rows = rows
        self.sheets = sheets


def read_sheet(data: IO[bytes], name: str, sheet: str | None, header_row: int | None, wanted: Sequence[str]) -> Sheet:
    try:
        import openpyxl
    except ImportError:
        raise UsageError(
            f"{name} is an Excel workbook; reading it needs openpyxl: pip install 'srank[xlsx]'"
            " (or save the sheet as 'CSV UTF-8')"
        ) from None
    try:
        book = openpyxl.load_workbook(data, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise UsageError(f"{name} is not a readable .xlsx workbook ({type(error).__name__}: {error})") from None
    if sheet is not None and sheet not in book.sheetnames:
        raise UsageError(f"{name} has no sheet {sheet!r}; the sheets are: {', '.join(map(repr, book.sheetnames))}")
    worksheet = book[sheet] if sheet is not None else book.worksheets[0]
    rows = (list(map(_text, values)) for values in worksheet.iter_rows(values_only=True))
    top: list[list[str]] = []
    for row in rows:
        top.append(row)
        if len(top) >= max(_LOOK, header_row or 0):
            break
    if not top:
        raise UsageError(f"{name}: the sheet {worksheet.title!r} is empty; expected a header row naming the columns")
    at = header_row - 1 if header_row is not None else _find_header(top, wanted)
    if at >= len(top):
        raise UsageError(f"{name}: --header-row {header_row} is past the sheet's last row ({len(top)})")
    header = _trimmed(top[at])
    if not header:
        raise UsageError(
            f"{name}: row {at + 1} of the sheet {worksheet.title!r} is empty; pass --header-row with the row that"
            " names the columns"
        )
    width = len(header)

    def data_rows() -> Iterator[list[str]]:
        for row in [*top[at + 1 :]]:
            yield _fitted(row, width)
        for row in rows:
            yield _fitted(row, width)
        book.close()

    return Sheet(header, at + 1, data_rows(), list(book.sheetnames))


def _find_header(top: list[list[str]], wanted: Sequence[str]) -> int:
    for at, row in enumerate(top):
        if wanted and all(name in row for name in wanted):
            return at
    filled = [sum(1 for cell in row if cell) for row in top]
    return filled.index(max(filled))


def _trimmed(row: list[str]) -> list[str]:
    """A header without the empty cells openpyxl reports to the right of the last name."""
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]


def _fitted(row: list[str], width: int) -> list[str]:
    """A data row cut or padded to the header's width, keeping any filled cell past it."""
    if len(row) > width and not any(row[width:]):
        return row[:width]
    return row + [""] * (width - len(row)) if len(row) < width else row


def _text(value: object) -> str:
    """A cell as the text a user sees in the sheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()  # a date cell: openpyxl gives it a midnight time
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)
