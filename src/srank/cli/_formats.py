"""Output formats of ``srank check``: how a row, the appended cells and the header are written.

CSV writes each record's own text back and appends srank's cells, so the
input's quoting and line endings survive byte for byte. JSONL writes one
object per row, keyed by the header. Both render the appended cells once per
distinct key (see ``_checks``); a row only joins prepared text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from json.encoder import encode_basestring
from typing import Any

from .._safe_cells import safe_cell
from ._records import split_ending

__all__ = ["CsvFormat", "Format", "JsonlFormat", "csv_line"]


def csv_line(cells: Sequence[str], delimiter: str) -> str:
    """Cells as one CSV record without its line ending, quoted only where needed."""
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

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        raise NotImplementedError

    def unread(self, row: list[str], raw: str | None, width: int, appended: str) -> str:
        """A row of the wrong width or unreadable quoting: its cells by position, the extra ones kept."""
        raise NotImplementedError


_CSV_CELLS: dict[Any, str] = {None: "", True: "true", False: "false"}


class CsvFormat(Format):
    def __init__(self, delimiter: str, newline: str) -> None:
        self.delimiter = delimiter
        self.newline = newline

    def header(self, header: list[str], raw: str | None, added: Sequence[str]) -> str:
        if raw is None:
            return csv_line([*header, *added], self.delimiter) + self.newline
        body, ending = split_ending(raw, self.newline)
        return body + self.delimiter + csv_line(added, self.delimiter) + ending

    def values(self, names: tuple[str, ...], values: tuple[Any, ...]) -> str:
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

    def unread(self, row: list[str], raw: str | None, width: int, appended: str) -> str:
        ending = self.newline if raw is None else split_ending(raw, self.newline)[1]
        cells = [*row[:width], *[""] * (width - len(row))]
        extra = self.delimiter + csv_line(row[width:], self.delimiter) if len(row) > width else ""
        return csv_line(cells, self.delimiter) + appended + extra + ending


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
        members = {
            name: None if value == "" else safe_cell(value) if isinstance(value, str) else value
            for name, value in zip(names, values, strict=True)
        }
        return ", " + json.dumps(members, ensure_ascii=False)[1:-1]

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        return "".join(map(str.__add__, self.prefixes, map(encode_basestring, row))) + appended + "}\n"

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
