"""A legacy ``.xls`` workbook held to bounds: its OLE2 container read with care, then rebuilt for calamine.

An OLE2 file is also how an encrypted ``.xlsx`` is stored (a stream named
EncryptedPackage); that is found in the same directory and named.

calamine's OLE2 reader sizes tables from header fields and follows sector
chains without a loop check, and its BIFF reader reserves memory for the
rows times columns that a sheet's DIMENSIONS record claims. So srank reads the
container itself: every chain followed at most once, every sector inside the
file. It walks the BIFF records of the workbook stream, refuses an encrypted
one and bounds every cell position, clears each DIMENSIONS claim, and hands
calamine a fresh container holding that one stream, laid out plainly.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

from .._file_kinds import OLE2_MAGIC
from .._messages import Message, say
from ._arguments import UsageError
from ._workbook_limits import MAX_COLUMNS, MAX_SHEET_CELLS, MAX_WORKBOOK_BYTES, damaged, encrypted, too_much

__all__ = ["checked_xls"]

_FREE, _END, _FAT, _DIFAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")  # the names calamine looks for, in its order
_SECTOR = 4096  # the rebuilt container's sector size (OLE2 version 4)
_MAX_FAT_SECTORS = 109  # what the header's own DIFAT array holds: 109 x 1024 sectors of 4 KiB, about 436 MiB

# BIFF record types whose first four bytes are a cell's row and column (calamine's list).
_CELLS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD}
_FORMULA, _STRING, _MULRK, _DIMENSIONS = 0x0006, 0x0207, 0x00BD, 0x0200
_BOF, _EOF, _FILEPASS, _BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0085


class _Damaged(Exception):
    """What is wrong with the container or its stream, as a message (``said``): said in the run's language."""

    def __init__(self, key: str, **params: object) -> None:
        self.said: Message = say(key, **params)
        super().__init__(self.said)


class _NotAWorkbook(Exception):
    pass


class _Encrypted(Exception):
    pass


def checked_xls(data: bytes, name: str) -> io.BytesIO:
    """The workbook stream of ``data``, bounded, in a fresh OLE2 container; or one message saying what is wrong."""
    try:
        stream = bytearray(_workbook_stream(data))
        _check_records(stream, name)
        return io.BytesIO(_container(stream))
    except _Damaged as error:
        raise damaged(name, error.said) from None
    except _Encrypted:
        raise encrypted(name) from None
    except _NotAWorkbook:
        raise UsageError(say("cli.workbook.ole2-not-workbook", name=name)) from None
    except (struct.error, IndexError) as error:
        raise damaged(name, say("cli.workbook.ole2-cut-short", error=str(error))) from None


# ---- reading the container ----------------------------------------------------------------------------------------


def _workbook_stream(data: bytes) -> bytes:
    if len(data) < 512 or not data.startswith(OLE2_MAGIC):
        raise _Damaged("cli.workbook.ole2-header-short")
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise _Damaged("cli.workbook.ole2-sector-size", shift=shift)
    size = 1 << shift
    count = (len(data) - size) // size  # whole sectors after the header
    if count <= 0:
        raise _Damaged("cli.workbook.ole2-no-sectors")

    def sector(number: int) -> bytes:
        if number >= count:
            raise _Damaged("cli.workbook.ole2-sector-past", sector=number)
        return data[(number + 1) * size : (number + 2) * size]

    def chain(start: int, table: list[int], limit: int = count) -> list[int]:
        numbers, seen = [], set()
        while start != _END:
            if start >= limit:
                raise _Damaged("cli.workbook.ole2-sector-past", sector=start)
            if start in seen or start >= len(table):
                raise _Damaged("cli.workbook.ole2-chain-loops")
            seen.add(start)
            numbers.append(start)
            start = table[start]
        return numbers

    fat_count, directory_start = struct.unpack_from("<II", data, 44)
    mini_fat_start, _, difat_start = struct.unpack_from("<III", data, 60)
    if fat_count > count:
        raise _Damaged("cli.workbook.ole2-fat-count", fat=fat_count, sectors=count)
    difat = [number for number in struct.unpack_from("<109I", data, 76) if number < _DIFAT]
    seen: set[int] = set()
    while difat_start not in (_END, _FREE):
        if difat_start in seen or len(seen) > count:
            raise _Damaged("cli.workbook.ole2-difat-loops")
        seen.add(difat_start)
        *entries, difat_start = struct.unpack(f"<{size // 4}I", sector(difat_start))
        difat += [number for number in entries if number < _DIFAT]
    fat = [entry for number in difat[:fat_count] for entry in struct.unpack(f"<{size // 4}I", sector(number))]
    directory = b"".join(sector(number) for number in chain(directory_start, fat))
    entries = [directory[at : at + 128] for at in range(0, len(directory) - 127, 128)]
    if not entries:
        raise _Damaged("cli.workbook.ole2-directory-empty")
    found = {}
    for entry in entries:
        length = min(struct.unpack_from("<H", entry, 64)[0], 64)
        title = entry[: max(0, length - 2)].decode("utf-16-le", "replace")
        if entry[66] == 2 and title not in found:
            found[title] = entry
    if "EncryptedPackage" in found:  # an encrypted .xlsx, .xlsm or .xlsb: its zip, encrypted, in an OLE2 file
        raise _Encrypted
    chosen = next((found[title] for title in _STREAMS if title in found), None)
    if chosen is None:
        raise _NotAWorkbook
    start, length = struct.unpack_from("<IQ", chosen, 116)
    if size == 512:
        length &= 0xFFFFFFFF  # version 3 files use the low half only
    if length > min(len(data), MAX_WORKBOOK_BYTES):
        raise _Damaged("cli.workbook.xls-stream-claims", length=length)
    if length >= 4096:
        return b"".join(sector(number) for number in chain(start, fat))[:length]
    # A small stream lives in the mini stream, whose chain starts at the root entry.
    root_start = struct.unpack_from("<I", entries[0], 116)[0]
    mini = b"".join(sector(number) for number in chain(root_start, fat))
    mini_fat = [
        entry for number in chain(mini_fat_start, fat) for entry in struct.unpack(f"<{size // 4}I", sector(number))
    ]
    pieces = [mini[number * 64 : number * 64 + 64] for number in chain(start, mini_fat, len(mini) // 64)]
    return b"".join(pieces)[:length]


# ---- the BIFF records -------------------------------------------------------------------------------------------


def _records(stream: bytearray, at: int) -> Iterator[tuple[int, int, int]]:
    """(type, offset of its data, length) of each record from ``at`` to the end of the stream."""
    end = len(stream)
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        if at + 4 + length > end:
            raise _Damaged("cli.workbook.xls-record-past-end", at=at)
        yield kind, at + 4, length
        at += 4 + length


def _check_records(stream: bytearray, name: str) -> None:
    sheets = []
    for kind, at, length in _records(stream, 0):
        if kind == _FILEPASS and length >= 2 and struct.unpack_from("<H", stream, at)[0] != 0:
            raise encrypted(name)
        if kind == _BOUNDSHEET and length >= 4:
            sheets.append(struct.unpack_from("<I", stream, at)[0])
        if kind == _EOF:
            break
    area = 0
    for position in sheets:
        if position > len(stream):
            raise _Damaged("cli.workbook.xls-sheet-past-end", at=position)
        area += _sheet_area(stream, position)
        if area > MAX_SHEET_CELLS:
            spans = say("cli.workbook.sheets-span", cells=MAX_SHEET_CELLS)
            raise too_much(name, spans, say("cli.workbook.bound-cells", cells=MAX_SHEET_CELLS))


def _sheet_area(stream: bytearray, position: int) -> int:
    """The cells calamine's grids of one sheet would hold (values and formulas), its DIMENSIONS claim cleared."""
    cells = _Extent()
    formulas = _Extent()
    depth, started = 0, False
    formula_at = (0, 0)
    for kind, at, length in _records(stream, position):
        if depth:
            depth += {_BOF: 1, _EOF: -1}.get(kind, 0)
            continue
        if kind == _BOF:
            depth, started = (1, started) if started else (0, True)
        elif kind == _EOF:
            break
        elif kind == _DIMENSIONS:
            _clear_dimensions(stream, at, length)
        elif length >= 4 and kind in _CELLS:
            cells.add(*struct.unpack_from("<HH", stream, at))
        elif length >= 4 and kind == _FORMULA:
            formula_at = struct.unpack_from("<HH", stream, at)
            cells.add(*formula_at)
            formulas.add(*formula_at)
        elif kind == _STRING:
            cells.add(*formula_at)
        elif length >= 6 and kind == _MULRK:
            row, first = struct.unpack_from("<HH", stream, at)
            cells.add(row, first)
            cells.add(row, first + max(0, (length - 6) // 6 - 1))
    return cells.area() + formulas.area()


def _clear_dimensions(stream: bytearray, at: int, length: int) -> None:
    """Make a DIMENSIONS record claim one cell: calamine reserves memory for its claim, and a claim is no fact."""
    if length == 14:
        stream[at + 4 : at + 8] = bytes(4)  # one past the last row: 0
        stream[at + 10 : at + 12] = bytes(2)  # one past the last column: 0
    elif length == 10:
        stream[at + 2 : at + 4] = bytes(2)
        stream[at + 6 : at + 8] = bytes(2)


class _Extent:
    def __init__(self) -> None:
        self.rows: list[int] = []
        self.columns: list[int] = []

    def add(self, row: int, column: int) -> None:
        if column >= MAX_COLUMNS:
            raise _Damaged("cli.workbook.column-past", column=column + 1)
        if not self.rows:
            self.rows, self.columns = [row, row], [column, column]
            return
        self.rows = [min(self.rows[0], row), max(self.rows[1], row)]
        self.columns = [min(self.columns[0], column), max(self.columns[1], column)]

    def area(self) -> int:
        if not self.rows:
            return 0
        return (self.rows[1] - self.rows[0] + 1) * (self.columns[1] - self.columns[0] + 1)


# ---- the rebuilt container ----------------------------------------------------------------------------------------


def _container(stream: bytearray) -> bytes:
    """An OLE2 file (version 4, 4 KiB sectors) holding ``stream`` as its Workbook stream, in one plain run."""
    body = bytes(stream) + bytes(-len(stream) % _SECTOR)
    if len(body) < _SECTOR:
        body = body.ljust(_SECTOR, b"\0")  # a stream under 4 KiB would go to the mini stream
    sectors = len(body) // _SECTOR
    fat_sectors = 1
    while fat_sectors * 1024 < fat_sectors + 1 + sectors:
        fat_sectors += 1
    if fat_sectors > _MAX_FAT_SECTORS:
        raise _Damaged("cli.workbook.xls-stream-too-long", length=len(stream))
    directory_at = fat_sectors
    fat = [_FAT] * fat_sectors + [_END]
    fat += [directory_at + 2 + number for number in range(sectors - 1)] + [_END]
    fat += [_FREE] * (fat_sectors * 1024 - len(fat))
    header = OLE2_MAGIC + bytes(16) + struct.pack("<HHHHH", 0x3E, 4, 0xFFFE, 12, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 1, fat_sectors, directory_at, 0, 4096, _END, 0, _END, 0)
    header += struct.pack("<109I", *range(fat_sectors), *[_FREE] * (109 - fat_sectors))
    # No mini stream (size 0); calamine wants a version 4 root entry to name a sector all the same.
    directory = _entry("Root Entry", 5, child=1, start=directory_at, size=0)
    directory += _entry("Workbook", 2, child=_FREE, start=directory_at + 1, size=len(body))
    return header.ljust(_SECTOR, b"\0") + struct.pack(f"<{len(fat)}I", *fat) + directory.ljust(_SECTOR, b"\0") + body


def _entry(title: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (title + "\0").encode("utf-16-le")
    fields = struct.pack("<HBBIII", len(encoded), kind, 1, _FREE, _FREE, child)
    return (encoded.ljust(64, b"\0") + fields + bytes(36) + struct.pack("<IQ", start, size)).ljust(128, b"\0")
