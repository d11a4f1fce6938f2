"""``.xlsx`` output (``-o out.xlsx``): one sheet of text cells, streamed into the workbook's zip part.

Written with the standard library's ``zipfile``, not a spreadsheet library:
srank writes only text (and its own booleans and line numbers) in one sheet,
which takes five small fixed parts and the sheet's rows, and python-calamine,
which reads workbooks, cannot write them. The rows are written as they come
into a compressed zip entry, so memory stays bounded however many rows there
are, and no extra dependency is needed.

Every cell is an inline string (``t="inlineStr"``): a spreadsheet never runs
it as a formula and never turns ``00123`` into a number, so no apostrophe is
needed. Characters XML cannot hold (control characters, a lone surrogate) are
written as OOXML's ``_xHHHH_`` escapes, which spreadsheets read back as the
character; a cell past the 32,767 characters a spreadsheet cell holds is cut
there, and the summary says how many were. Rows or columns past a sheet's
1,048,576 by 16,384 stop the run before the workbook is put in place: a sheet
past them is not a workbook spreadsheets (or srank) open, and CSV holds them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import zipfile
from collections.abc import Iterator, Sequence
from typing import IO, Any
from xml.sax.saxutils import escape

from .._messages import in_language, say, say_count
from ._formats import Format
from ._output import Sink, UnwrittenError

__all__ = ["CELL_CHARS", "COLUMNS", "ROWS", "XlsxFormat", "workbook"]

CELL_CHARS = 32_767  # the most characters a spreadsheet cell holds
ROWS = 1_048_576  # the rows a sheet shows
COLUMNS = 16_384

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml"'
        ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PACKAGE}">'
        f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        '<sheets><sheet name="srank" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PACKAGE}">'
        f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    # The one style every cell has, spelt out as spreadsheet programs write it: openpyxl (pandas' default reader)
    # refuses a fill with no pattern, and Excel expects the two fills it reserves, "none" and "gray125".
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN}">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
_SHEET_START = f'<worksheet xmlns="{_MAIN}"><sheetData>'
_SHEET_END = "</sheetData></worksheet>"
# What XML 1.0 cannot hold, a carriage return (an XML reader would make it a line feed), and an underscore
# that would otherwise read as the start of an escape.
_ESCAPED = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _escaped(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


class XlsxFormat(Format):
    """Rows as the sheet's ``<row>`` elements; cells past ``width`` (a joined row's compared cells) are left out."""

    def __init__(self, width: int, name: str) -> None:
        self.width = width
        self.name = name  # the workbook's, for the message that stops a run past a sheet's bounds
        self.cut = 0  # cells cut to CELL_CHARS
        self.added = 0  # srank's columns after each row's own
        self.written = 0  # rows, the header one

    def cell(self, text: str) -> str:
        if not text:
            return "<c/>"
        if len(text) > CELL_CHARS:
            self.cut += 1
            text = text[:CELL_CHARS]
        text = escape(_ESCAPED.sub(_escaped, text))
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f'<c t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def _row(self, cells: Sequence[str], appended: str = "", added: int = 0) -> str:
        self.written += 1
        if self.written > ROWS:
            raise UnwrittenError(say("cli.xlsx-too-long", output=self.name, limit=ROWS))
        if len(cells) + added > COLUMNS:
            raise UnwrittenError(say("cli.xlsx-too-wide", output=self.name, columns=len(cells) + added, limit=COLUMNS))
        return "<row>" + "".join(map(self.cell, cells)) + appended + "</row>"

    def header(self, header: list[str], raw: str | None, added: Sequence[str]) -> str:
        self.added = len(added)
        return self._row([*header, *added])

    def values(self, names: tuple[str, ...], values: tuple[Any, ...]) -> str:
        return "".join(map(_value_cell, values, [self] * len(values)))

    def row(self, row: list[str], raw: str | None, appended: str) -> str:
        return self._row(row[: self.width], appended, self.added)

    def unread(self, row: list[str], raw: str | None, width: int, appended: str) -> str:
        cells = [*row[:width], *[""] * (width - len(row))]
        extra = row[width:]
        return self._row(cells, appended + "".join(map(self.cell, extra)), self.added + len(extra))

    def notes(self, rows: int, lang: str) -> list[str]:
        notes = []
        if self.cut:
            notes.append(say_count("cli.xlsx-cells-cut", self.cut, limit=CELL_CHARS))
        return ["  " + in_language(note, lang) for note in notes]


def _value_cell(value: Any, fmt: XlsxFormat) -> str:
    """One of srank's own cells: a boolean or a number as such, text as text, None as an empty cell."""
    if value is None or value == "":
        return "<c/>"
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f"<c><v>{value}</v></c>"
    return fmt.cell(str(value))


@contextlib.contextmanager
def workbook(sink: Sink) -> Iterator[Sink]:
    """A workbook written into ``sink``'s bytes; yields the sink of its sheet's rows."""
    with zipfile.ZipFile(_target(sink.binary()), "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, _HEAD + text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            rows = io.TextIOWrapper(part, encoding="utf-8", newline="", write_through=False)
            try:
                written = Sink(rows, sink.name)
                written.write(_HEAD + _SHEET_START)
                yield written
                written.write(_SHEET_END)
                rows.flush()
            finally:
                rows.detach()


def _target(stream: IO[bytes]) -> IO[bytes] | io.RawIOBase:
    """Where zipfile writes: ``stream`` itself, or, for a device or a pipe (/dev/null, /dev/stdout), a stream that
    says it cannot seek, so that zipfile counts the offsets itself (/dev/null seeks, but tells 0 whatever it took)."""
    try:
        regular = stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):  # no file under it: a stream in memory
        return stream
    return stream if regular else _Unseekable(stream)


class _Unseekable(io.RawIOBase):
    """Writes go to the stream beneath; telling and seeking are refused, as a pipe refuses them."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__()
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()
