"""The bounds a workbook is held to before python-calamine reads it.

calamine builds a sheet as one dense grid, the rows times the columns of its
used area, with cell positions taken from the file as written; when that
allocation fails the process aborts, with no exception to catch. So srank
looks at the bytes first, with bounds of its own:

- the file, and every part of the zip once unpacked (checked as it unpacks:
  a part's stated size is not trusted), and all parts together;
- cell and row positions within Excel's sheet (1,048,576 rows, 16,384
  columns), read from the cells themselves, never from ``<dimension>``;
- the used area of a sheet, rows times columns, at most ``MAX_SHEET_CELLS``;
  for ``.ods`` (all sheets are read at once) that is the area of all sheets,
  and repeated cells count as often as they repeat, text included.

A cell longer than Excel's 32,767 characters is refused as it is read
(``_workbook``). The standard library's XML parser is used only through
defusedxml (no entities, no DTD), and only where a sheet is not written the
way spreadsheet programs write it.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any

from .._errors import clipped, shown
from .._messages import Message, say
from ._arguments import UsageError

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_PART_BYTES",
    "MAX_ROWS",
    "MAX_SHEET_CELLS",
    "MAX_WORKBOOK_BYTES",
    "check_ods",
    "check_xlsb",
    "check_xlsx",
    "column_number",
    "damaged",
    "encrypted",
    "too_much",
]

MAX_ROWS = 1_048_576  # Excel's last row
MAX_COLUMNS = 16_384  # Excel's last column, XFD
MAX_CELL_CHARS = 32_767  # Excel's longest cell
MAX_PART_BYTES = 256 << 20  # one part of a workbook, unpacked
MAX_WORKBOOK_BYTES = 1 << 30  # the file, and all its parts unpacked together
MAX_SHEET_CELLS = 16_777_216  # rows x columns of the used area read at once (e.g. 1,048,576 x 16)

_CHUNK = 1 << 20
_ODS_TEXT_BYTES = MAX_PART_BYTES  # text of .ods cells, counted as often as each repeats


def damaged(name: str, detail: Message) -> UsageError:
    """``name`` is a damaged workbook; ``detail`` (a message, said in the run's language) says how."""
    return UsageError(say("cli.workbook.damaged", name=name, detail=detail))


def encrypted(name: str) -> UsageError:
    return UsageError(say("cli.workbook.encrypted", name=name))


def too_much(name: str, what: Message, bound: Message) -> UsageError:
    """``name`` holds more than srank reads: ``what`` it holds, past ``bound`` (both messages)."""
    return UsageError(say("cli.workbook.too-much", name=name, what=what, bound=bound))


def column_number(letters: str) -> int:
    """``A`` is 1, ``XFD`` 16,384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ---- the zip and its parts ---------------------------------------------------------------------------------------


def _parts(data: IO[bytes], name: str) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    size = data.seek(0, 2)
    data.seek(0)
    if size > MAX_WORKBOOK_BYTES:
        raise too_much(name, say("cli.workbook.file-size", size=size), say("cli.workbook.bound-workbook"))
    try:
        archive = zipfile.ZipFile(data)
        infos = archive.infolist()
    except Exception as error:  # zipfile raises several kinds for a damaged directory (NotImplementedError among them)
        raise damaged(name, say("cli.workbook.zip-unreadable", error=shown(str(error)))) from None
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            said = say("cli.workbook.part-size", part=_part(info.filename), size=info.file_size)
            raise too_much(name, said, _bytes_bound())
        total += info.file_size
        if total > MAX_WORKBOOK_BYTES:
            raise too_much(name, say("cli.workbook.parts-size"), say("cli.workbook.bound-workbook"))
    if len({info.filename for info in infos}) != len(infos):
        raise damaged(name, say("cli.workbook.same-name"))
    return archive, infos


def _part(name: str) -> str:
    """A part's name for a message: a hostile zip's names may hold line breaks, or run to 64 KiB."""
    return clipped(shown(name))


def _bytes_bound() -> Message:
    return say("cli.workbook.bound-part", size=MAX_PART_BYTES >> 20)


def _unpacked(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """A part's bytes in pieces, checked against its stated size and CRC as they unpack."""
    size = 0
    try:
        with archive.open(info) as part:
            while piece := part.read(_CHUNK):
                size += len(piece)
                if size > MAX_PART_BYTES:  # zipfile stops at the stated size; this is a second fence
                    said = say("cli.workbook.part-past-stated", part=_part(info.filename))
                    raise too_much(name, said, _bytes_bound())
                yield piece
    except UsageError:
        raise
    except Exception as error:  # zlib, lzma, bz2 and zipfile each raise their own for a damaged part
        said = say("cli.workbook.part-not-unpacked", part=_part(info.filename), error=shown(str(error)))
        raise damaged(name, said) from None


def _read_all(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> Iterator[tuple[str, bytearray]]:
    """Every part, whole (each within MAX_PART_BYTES): read once here, so none can hide a bomb from calamine."""
    for info in infos:
        if info.is_dir():
            continue
        whole = bytearray()  # grown in place: the part is held once, not once in pieces and once joined
        for piece in _unpacked(archive, info, name):
            whole += piece
        yield info.filename, whole


# ---- .xlsx, .xlsm -----------------------------------------------------------------------------------------------


def check_xlsx(data: IO[bytes], name: str) -> frozenset[str]:
    """Refuse a workbook that breaks a bound, before calamine reads any of it; name the parts with error cells."""
    archive, infos = _parts(data, name)
    with_errors = set()
    with archive:
        for part, text in _read_all(archive, infos, name):
            if b"sheetData" in text:
                _check_sheet(text, part, name)
                if b't="e"' in text:
                    with_errors.add(part)
    data.seek(0)
    return frozenset(with_errors)


# Spreadsheet programs write every cell with its position first: <c r="B7" ...>. When every cell of a sheet is
# written so, its extent is found by searching the bytes: the last row and column named near its start and its end,
# then one search for any position past them, wherever it stands. Otherwise the sheet is parsed as XML.
_ODD_CELL = re.compile(rb"<c[>/\t\n\r]")  # a cell without a position, or with odd spacing
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")  # a namespace prefix: <x:c>
_LAST_CELL = re.compile(rb'<c r="([A-Za-z]{1,3})([0-9]{1,7})"')
_LAST_ROW = re.compile(rb'<row r="([0-9]{1,7})"')


def _check_sheet(text: bytes | bytearray, part: str, name: str) -> None:
    if _positions_stated(text):
        last_row, last_column = _candidate_extent(text)
        row, column = _greater(str(last_row), _DIGITS), _greater(column_letters(last_column), _LETTERS)
        # Any r="..." at all (a second one in a tag, single quotes, spaces around =), in a cell or a row.
        beyond = re.compile(rb"r\s*=\s*[\"'](?:" + column + rb"[0-9]|[A-Za-z]*0*" + row + rb"(?![0-9]))")
        if not beyond.search(text):
            _check_extent(name, part, last_row, last_column)
            return
    _check_extent(name, part, *_parsed_extent(text, part, name))


def _positions_stated(text: bytes | bytearray) -> bool:
    """Whether every cell states its position as its first attribute, so that none is counted from another."""
    return text.count(b"<c ") == text.count(b'<c r="') and not _ODD_CELL.search(text) and not _PREFIXED.search(text)


def _candidate_extent(text: bytes | bytearray) -> tuple[int, int]:
    """The last row and column named near the start and the end of a sheet: usually its extent."""
    last_row = last_column = 1
    window = 1 << 16
    for piece in (text[:window], text[-window:]):
        for letters, digits in _LAST_CELL.findall(piece):
            last_row = max(last_row, int(digits))
            last_column = max(last_column, column_number(letters.decode()))
        for digits in _LAST_ROW.findall(piece):
            last_row = max(last_row, int(digits))
    return last_row, last_column


def _check_extent(name: str, part: str, last_row: int, last_column: int) -> None:
    if last_row > MAX_ROWS:
        raise damaged(name, _part_has(part, say("cli.workbook.row-past", row=last_row, limit=MAX_ROWS)))
    if last_column > MAX_COLUMNS:
        raise damaged(name, _part_has(part, say("cli.workbook.column-past", column=last_column)))
    if last_row * last_column > MAX_SHEET_CELLS:
        raise _sheet_too_big(name, part, last_row, last_column)


def _part_has(part: str, problem: Message) -> Message:
    return say("cli.workbook.part-has", part=_part(part), problem=problem)


def _sheet_too_big(name: str, part: str, rows: int, columns: int) -> UsageError:
    spans = say("cli.workbook.sheet-spans", part=_part(part), rows=rows, columns=columns, cells=rows * columns)
    return too_much(name, spans, say("cli.workbook.bound-sheet", cells=MAX_SHEET_CELLS))


_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _greater(value: str, alphabet: str) -> bytes:
    """A pattern for the strings over ``alphabet`` (no leading zero) that stand for a number above ``value``.

    Positions compare by length, then place by place: true of row numbers and
    of column letters (A-Z, AA-ZZ, ...) alike. Letters match in either case.
    """
    first = alphabet[1:] if alphabet == _DIGITS else alphabet
    every = "0-9" if alphabet == _DIGITS else "A-Za-z"

    def chars(text: str) -> str:
        return "".join(sorted({*text, *text.lower()})) if alphabet == _LETTERS else text

    options = [f"[{chars(first)}][{every}]{{{len(value)},}}"]  # longer
    for at, char in enumerate(value):
        higher = alphabet[alphabet.index(char) + 1 :]
        if higher:
            fixed = "".join(f"[{chars(c)}]" for c in value[:at])
            options.append(f"{fixed}[{chars(higher)}][{every}]{{{len(value) - at - 1}}}")
    return ("(?:" + "|".join(options) + ")").encode()


def _parsed_extent(text: bytes | bytearray, part: str, name: str) -> tuple[int, int]:
    """The extent of a sheet, parsed as calamine reads it: positions stated or counted from the last one."""
    handler = _SheetExtent()
    _parse(text, handler, part, name)
    return handler.last_row, handler.last_column


class _Handler:
    """Start and end of each element, by local name (the part after the first colon, as calamine takes it)."""

    def start(self, local: str, attributes: Any) -> None:
        raise NotImplementedError

    def end(self, local: str) -> None:
        raise NotImplementedError

    def text(self, content: str) -> None:
        pass


def _parse(text: bytes | bytearray, handler: _Handler, part: str, name: str) -> None:
    import xml.sax

    try:
        from defusedxml import DefusedXmlException
        from defusedxml.sax import make_parser
    except ImportError:
        raise UsageError(say("cli.workbook.needs-defusedxml", name=name, part=_part(part))) from None

    class Events(xml.sax.ContentHandler):  # the SAX method names
        def startElement(self, qname: str, attributes: Any) -> None:
            handler.start(qname.partition(":")[2] or qname, attributes)

        def endElement(self, qname: str) -> None:
            handler.end(qname.partition(":")[2] or qname)

        def characters(self, content: str) -> None:
            handler.text(content)

    parser: Any = make_parser()
    parser.setContentHandler(Events())
    try:
        for at in range(0, len(text), _CHUNK):
            parser.feed(text[at : at + _CHUNK])
        parser.close()
    except _TooMuch as error:
        bound = say("cli.workbook.bound-cells-text", cells=MAX_SHEET_CELLS, characters=_ODS_TEXT_BYTES)
        raise too_much(name, error.said, bound) from None
    except _OutOfBounds as error:
        raise damaged(name, _part_has(part, error.said)) from None
    except (xml.sax.SAXException, DefusedXmlException, ValueError, LookupError) as error:  # LookupError: encoding
        raise damaged(name, say("cli.workbook.part-not-xml", part=_part(part), error=shown(str(error)))) from None


class _SheetExtent(_Handler):
    """What calamine's xlsx reader does with positions, bounded on the way (a position can run past any limit)."""

    def __init__(self) -> None:
        self.row = self.column = 0  # calamine's counters, 0-based
        self.last_row = self.last_column = 1
        self.cell: tuple[int, int] | None = None  # the open cell, until it shows a value
        self.filled = False

    def start(self, local: str, attributes: Any) -> None:
        if local == "row":
            position = attributes.get("r")
            if position is not None:
                self.row = _row_of(position) - 1
        elif local == "c":
            position = attributes.get("r")
            if position is not None:
                row, self.column = _cell_of(position)
                self.cell = (row, self.column)
            else:
                self.cell = (self.row, self.column)
            self.filled = False
        elif self.cell is not None:
            self.filled = True  # <v>, <is> or <f>: the cell may hold a value

    def end(self, local: str) -> None:
        if local == "row":
            self.row += 1
            self.column = 0
            _bounded(self.row, self.column)
        elif local == "c" and self.cell is not None:
            if self.filled:
                row, column = self.cell
                _bounded(row + 1, column + 1)
                self.last_row = max(self.last_row, row + 1)
                self.last_column = max(self.last_column, column + 1)
            self.cell = None
            self.column += 1


class _OutOfBounds(ValueError):
    """A position past Excel's sheet: the workbook is damaged or was not made by a spreadsheet program.

    It carries what is wrong as a message, ``said``, so that srank says it in the run's language.
    """

    def __init__(self, said: Message) -> None:
        super().__init__(said)
        self.said = said


class _TooMuch(_OutOfBounds):
    """More than srank reads, though a workbook may hold it."""


def _bounded(row: int, column: int) -> None:
    if row > MAX_ROWS:
        raise _OutOfBounds(say("cli.workbook.row-past", row=row, limit=MAX_ROWS))
    if column > MAX_COLUMNS:
        raise _OutOfBounds(say("cli.workbook.column-past", column=column))


_REFERENCE = re.compile(r"([A-Za-z]+)([0-9]+)")


def _number(digits: str) -> int:
    return int(digits) if len(digits) <= 9 else 10**9  # past any limit, without reading a giant number


def _cell_of(position: str) -> tuple[int, int]:
    match = _REFERENCE.fullmatch(position)
    if match is None:
        raise _OutOfBounds(say("cli.workbook.reference-not-cell", reference=position[:20]))
    row, column = _number(match[2]), column_number(match[1][:4])  # four letters are past XFD already
    if row < 1:
        raise _OutOfBounds(say("cli.workbook.reference-row-zero", reference=position))
    if row > MAX_ROWS:
        raise _OutOfBounds(say("cli.workbook.reference-row-past", reference=position[:20], limit=MAX_ROWS))
    _bounded(row, column)
    return row - 1, column - 1


def _row_of(position: str) -> int:
    if not position.isascii() or not position.isdigit():
        raise _OutOfBounds(say("cli.workbook.row-not-number", row=position[:20]))
    row = _number(position)
    if row < 1:
        raise _OutOfBounds(say("cli.workbook.row-zero"))
    if row > MAX_ROWS:
        raise _OutOfBounds(say("cli.workbook.row-number-past", row=position[:20], limit=MAX_ROWS))
    return row


# ---- .xlsb ---------------------------------------------------------------------------------------------------------

# BIFF12 records whose first four bytes are a cell's column (calamine's list); BrtRowHdr (0) gives the row.
_BINARY_CELLS = frozenset(range(2, 11))
_ROW_HEADER, _END_SHEET_DATA = 0x0000, 0x0092


def check_xlsb(data: IO[bytes], name: str) -> None:
    """Refuse an Excel binary workbook whose cells stand past the bounds, before calamine reads any of it."""
    archive, infos = _parts(data, name)
    with archive:
        for part, text in _read_all(archive, infos, name):
            if part.endswith(".bin") and not part.endswith("vbaProject.bin"):
                _check_binary_sheet(text, part, name)
    data.seek(0)


def _check_binary_sheet(text: bytearray, part: str, name: str) -> None:
    """Every cell record's position, as calamine's reader takes it: the row from the last row header.

    calamine reads every record of a part into one buffer that only grows: a
    record shorter than four bytes leaves the previous record's bytes in place,
    and they become its column (or row). The buffer is replayed here the same way.
    """
    buffer = bytearray()
    row = 0
    first_row = first_column = None
    last_row = last_column = 0
    at, end = 0, len(text)
    while at < end:
        kind = text[at]
        at += 1
        if kind & 0x80:
            if at >= end:
                return
            kind = (kind & 0x7F) | (text[at] & 0x7F) << 7
            at += 1
        length = shift = 0
        for _ in range(4):
            if at >= end:
                return  # cut short: calamine stops there too, with an error
            byte = text[at]
            at += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if at + length > end:
            raise damaged(name, _part_has(part, say("cli.workbook.record-past-end", length=length)))
        if len(buffer) < length:
            buffer.extend(bytes(length - len(buffer)))
        buffer[:length] = text[at : at + length]
        if kind == _ROW_HEADER or kind in _BINARY_CELLS:
            if len(buffer) < 4:
                return  # calamine stops there (its read panics, and srank names the workbook damaged)
            position = int.from_bytes(buffer[:4], "little")
        if kind == _ROW_HEADER:
            row = position
            if row > MAX_ROWS:
                return  # calamine stops reading the sheet at a row past Excel's
        elif kind in _BINARY_CELLS:
            column = position
            if column >= MAX_COLUMNS:
                raise damaged(name, _part_has(part, say("cli.workbook.column-past", column=column + 1)))
            if first_row is None or first_column is None:
                first_row, first_column = row, column
            first_row, first_column = min(first_row, row), min(first_column, column)
            last_row, last_column = max(last_row, row), max(last_column, column)
        elif kind == _END_SHEET_DATA:
            break
        at += length
    if first_row is not None and first_column is not None:
        rows, columns = last_row - first_row + 1, last_column - first_column + 1
        if rows * columns > MAX_SHEET_CELLS:
            raise _sheet_too_big(name, part, rows, columns)


# ---- .ods ----------------------------------------------------------------------------------------------------------


def check_ods(data: IO[bytes], name: str) -> None:
    """Refuse an OpenDocument spreadsheet whose repeated rows and cells would unfold past the bounds."""
    archive, infos = _parts(data, name)
    content = None
    with archive:
        for part, text in _read_all(archive, infos, name):
            if part == "content.xml":
                content = text
            elif part == "META-INF/manifest.xml" and b"encryption-data" in text:
                raise encrypted(name)
    if content is not None:
        _parse(content, _OdsExtent(), "content.xml", name)
    data.seek(0)


class _OdsExtent(_Handler):
    """The used area of every sheet as calamine unfolds it: a row repeated n times is n rows, a cell m times m cells.

    calamine reads all sheets of an .ods at once, so their areas add up; the
    text of a repeated cell is copied as often as it repeats, so it adds up too.
    """

    def __init__(self) -> None:
        self.cells = 0  # the used areas of the sheets so far
        self.chars = 0  # characters of filled cells, each repeat counted
        self.rows = 0  # rows of the current sheet
        self.first: int | None = None  # its first and last filled rows, and its widest filled column
        self.last = self.width = 0
        self.row_repeat = 1
        self.column = 0
        self.row_filled = False
        self.row_text = 0
        self.cell_repeat = 1
        self.cell_text = 0
        self.cell_filled = False

    def start(self, local: str, attributes: Any) -> None:
        if local == "table":
            self.rows, self.first, self.last, self.width = 0, None, 0, 0
        elif local == "table-row":
            self.row_repeat = _repeat(attributes.get("table:number-rows-repeated"))
            self.column, self.row_filled, self.row_text = 0, False, 0
        elif local in ("table-cell", "covered-table-cell"):
            self.cell_repeat = _repeat(attributes.get("table:number-columns-repeated"))
            self.cell_text = 0
            self.cell_filled = attributes.get("office:value-type") is not None

    def text(self, content: str) -> None:
        self.cell_text += len(content)
        self.cell_filled = True

    def end(self, local: str) -> None:
        if local in ("table-cell", "covered-table-cell"):
            if self.cell_text > MAX_CELL_CHARS:
                raise _OutOfBounds(say("cli.workbook.cell-chars", length=self.cell_text, limit=MAX_CELL_CHARS))
            self.column += self.cell_repeat
            if self.cell_filled:
                if self.column > MAX_COLUMNS:
                    raise _OutOfBounds(say("cli.workbook.column-past", column=self.column))
                self.row_filled = True
                self.width = max(self.width, self.column)
                self.row_text += self.cell_repeat * self.cell_text
        elif local == "table-row":
            if self.row_filled:
                self.first = self.rows if self.first is None else self.first
                self.last = self.rows + self.row_repeat
                if self.last > MAX_ROWS:
                    raise _OutOfBounds(say("cli.workbook.rows-past", limit=MAX_ROWS))
                self.chars += self.row_repeat * self.row_text
                self._bounded((self.last - self.first) * self.width)
            self.rows += self.row_repeat
        elif local == "table":
            self.cells += (self.last - self.first) * self.width if self.first is not None else 0
            self.first = None

    def _bounded(self, area: int) -> None:
        if self.cells + area > MAX_SHEET_CELLS:
            raise _TooMuch(say("cli.workbook.sheets-span", cells=MAX_SHEET_CELLS))
        if self.chars > _ODS_TEXT_BYTES:
            raise _TooMuch(say("cli.workbook.repeats-unfold", characters=_ODS_TEXT_BYTES))


def _repeat(value: str | None) -> int:
    if value is None:
        return 1
    if not value.isascii() or not value.isdigit():
        raise _OutOfBounds(say("cli.workbook.repeat-not-number", count=value[:20]))
    return max(1, _number(value))
