"""Output formats of the table commands: how a row, the appended cells and the header are written.

CSV writes each record's own text back and appends srank's cells, so the
input's quoting and line endings survive byte for byte. JSONL writes one
object per row, keyed by the header. Both render the appended cells once per
distinct key (see ``_checks``); a row only joins prepared text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from .._safe_cells import safe_cell
from ._records import split_ending

__all__ = ["CsvFormat", "ExcelCsvFormat", "Format", "JsonlFormat", "MadeJsonlFormat", "csv_line"]


_QUOTED_IF = re.compile('["\\r\\n]')  # besides the delimiter, what makes csv quote a cell


def csv_line(cells: Sequence[str], delimiter: str) -> str:
    """Cells as one CSV record without its line ending, quoted only where needed."""
    joined = delimiter.join(cells)
    # Most rows need no quoting: then the record is the cells joined (a lone empty cell is written "").
    if joined.count(delimiter) == len(cells) - 1 and not _QUOTED_IF.search(joined) and (joined or len(cells) != 1):
        return joined
    buffer = io.StringIO()
    # The terminator is what makes csv quote a cell holding \r or \n; it is cut off after.
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2]


class Format:
    """How rows are written; ``values`` passes every cell srank composes through ``safe_cell``."""

    def header(self, header: list[str], raw: str | None, added: Sequence[str]) -> str:
        raise NotImplementedError

    def values(self, names: tuple[str, ...], values: tuple[Any, ...]) -> str:
        """The appended cells of one check, ready to join after a row."""
        raise NotImplementedError

    @property
    def rendering(self) -> tuple[Any, ...]:
        """What ``values`` depends on besides its arguments: two formats alike here render a check's cells alike."""
        return (type(self),)

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        raise NotImplementedError

    def rows(self, row: list[str], raw: str | None, appended: Sequence[str]) -> list[str]:
        """A row written once per appended text (a distribution's places), its own cells rendered once."""
        return [self.row(row, raw, each) for each in appended]

    def unread(self, row: list[str], raw: str | None, width: int, appended: str) -> str:
        """A row of the wrong width or unreadable quoting: its cells by position, the extra ones kept."""
        raise NotImplementedError

    def notes(self, rows: int, lang: str) -> list[str]:
        """Lines for the summary once ``rows`` output rows are written (what a workbook could not hold)."""
        return []


_CSV_CELLS: dict[Any, str] = {None: "", True: "true", False: "false"}


class CsvFormat(Format):
    def __init__(self, delimiter: str, newline: str) -> None:
        self.delimiter = delimiter
        self.newline = newline

    def header(self, header: list[str], raw: str | None, added: Sequence[str]) -> str:
        added = [safe_cell(name) for name in added]  # srank's own names: "=X.srank_valid" from a column "=X"
        if raw is None:
            return csv_line([*header, *added], self.delimiter) + self.newline
        body, ending = split_ending(raw, self.newline)
        return body + self.delimiter + csv_line(added, self.delimiter) + ending

    @property
    def rendering(self) -> tuple[Any, ...]:
        return (type(self), self.delimiter)

    def values(self, names: tuple[str, ...], values: tuple[Any, ...]) -> str:
        if not names:  # a check that only judges, and adds no column
            return ""
        cells = [
            _CSV_CELLS[value] if value is None or isinstance(value, bool) else safe_cell(str(value)) for value in values
        ]
        if cells == [""]:
            return self.delimiter  # csv would write a lone empty cell as ""
        return self.delimiter + csv_line(cells, self.delimiter)

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        if raw is None:
            return csv_line(row, self.delimiter) + appended + self.newline
        body = raw.rstrip("\r\n")
        return body + appended + (raw[len(body) :] or self.newline)

    def rows(self, row: list[str], raw: str | None, appended: Sequence[str]) -> list[str]:
        if raw is None:
            body, ending = csv_line(row, self.delimiter), self.newline
        else:
            body = raw.rstrip("\r\n")
            ending = raw[len(body) :] or self.newline
        return [body + each + ending for each in appended]

    def unread(self, row: list[str], raw: str | None, width: int, appended: str) -> str:
        ending = self.newline if raw is None else split_ending(raw, self.newline)[1]
        cells = [*row[:width], *[""] * (width - len(row))]
        extra = self.delimiter + csv_line(row[width:], self.delimiter) if len(row) > width else ""
        return csv_line(cells, self.delimiter) + appended + extra + ending


class ExcelCsvFormat(CsvFormat):
    """CSV for a spreadsheet (``--excel``): a byte-order mark, CRLF line ends, and no cell that runs as a formula.

    Excel reads a CSV file as UTF-8 only after a byte-order mark. Each row is
    written anew from its cells, rather than as its input text, so that every
    line ends in CRLF and a copied cell that a spreadsheet would run as a
    formula gets its apostrophe (``safe_cell``), as srank's own cells always do.
    A row's cells past the header's ``width`` (a joined row's compared cells) are not written.
    """

    def __init__(self, delimiter: str, width: int) -> None:
        super().__init__(delimiter, "\r\n")
        self.width = width

    def _line(self, cells: Sequence[str]) -> str:
        return csv_line([safe_cell(cell) for cell in cells], self.delimiter)

    def header(self, header: list[str], raw: str | None, added: Sequence[str]) -> str:
        return "\ufeff" + self._line([*header, *added]) + "\r\n"

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        return self._line(row[: self.width]) + appended + "\r\n"

    def rows(self, row: list[str], raw: str | None, appended: Sequence[str]) -> list[str]:
        body = self._line(row[: self.width])
        return [body + each + "\r\n" for each in appended]

    def unread(self, row: list[str], raw: str | None, width: int, appended: str) -> str:
        cells = [*row[:width], *[""] * (width - len(row))]
        extra = self.delimiter + self._line(row[width:]) if len(row) > width else ""
        return self._line(cells) + appended + extra + "\r\n"


class JsonlFormat(Format):
    def __init__(self, header: list[str], added: Sequence[str]) -> None:
        self.keys = _unique_keys(header)
        taken = {*self.keys, *added}
        self.extra_key = next(key for key in _numbered("srank_extra") if key not in taken)
        dumps = json.dumps
        # '{"id": ' then ', "name": ' ...: each row only encodes its cells.
        self.prefixes = [
            ("{" if at == 0 else ", ") + dumps(key, ensure_ascii=False) + ": " for at, key in enumerate(self.keys)
        ]

    def header(self, header: list[str], raw: str | None, added: Sequence[str]) -> str:
        return ""

    def values(self, names: tuple[str, ...], values: tuple[Any, ...]) -> str:
        if not names:
            return ""
        members = {
            name: None if value == "" else safe_cell(value) if isinstance(value, str) else value
            for name, value in zip(names, values, strict=True)
        }
        return ", " + json.dumps(members, ensure_ascii=False)[1:-1]

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        # A row's cells past the header's (a joined row's compared cells) have no key, and are not written.
        return "".join(map(str.__add__, self.prefixes, map(encode_basestring, row))) + appended + "}\n"

    def rows(self, row: list[str], raw: str | None, appended: Sequence[str]) -> list[str]:
        head = "".join(map(str.__add__, self.prefixes, map(encode_basestring, row)))
        return [head + each + "}\n" for each in appended]

    def unread(self, row: list[str], raw: str | None, width: int, appended: str) -> str:
        cells = [*row[:width], *[None] * (width - len(row))]
        text = "".join(
            prefix + json.dumps(cell, ensure_ascii=False) for prefix, cell in zip(self.prefixes, cells, strict=True)
        )
        if not self.prefixes:
            text = "{"
            appended = appended.removeprefix(", ")
        if len(row) > width:
            appended += f", {json.dumps(self.extra_key)}: {json.dumps(row[width:], ensure_ascii=False)}"
        return text + appended + "}\n"


class MadeJsonlFormat(JsonlFormat):
    """JSON lines of rows srank made rather than read (``srank explorer``): an empty cell is null, as in its columns."""

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        return "".join(map(str.__add__, self.prefixes, map(_made_cell, row))) + appended + "}\n"


def _made_cell(cell: str) -> str:
    return encode_basestring(cell) if cell else "null"


def _numbered(name: str) -> Any:
    yield name
    number = 1
    while True:
        number += 1
        yield f"{name}_{number}"


def _unique_keys(header: list[str]) -> list[str]:
    """Header names as JSON keys: a repeated name gets _2, _3, ... so no cell is lost."""
    keys: list[str] = []
    seen: set[str] = set()
    tried: dict[str, int] = {}  # each name's next number: numbers below it are taken, so none is tried twice
    for title in header:
        key = title
        if key in seen:
            number = tried.get(title, 2)
            key = f"{title}_{number}"
            while key in seen:
                number += 1
                key = f"{title}_{number}"
            tried[title] = number + 1
        seen.add(key)
        keys.append(key)
    return keys
