"""What a file is when it is not text, told by its first bytes ("magic numbers"): one table for every reader.

A reader of text (a table, a list of codes, a saved Explorer answer) names such
a file for what it is, with the tool that opens it, instead of decoding its
bytes and quoting what fails to parse. A zip is a workbook to the table reader,
which looks for workbooks first, and an archive to every other reader.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["OLE2_MAGIC", "SNIFF", "WORKBOOK_MAGIC", "WORKBOOK_SUFFIXES", "ZIP_MAGIC", "FileKind", "file_kind"]

SNIFF = 4096  # bytes enough to tell a compressed file, an archive, an image or a program from text
ZIP_MAGIC = b"PK\x03\x04"  # a zip: an archive, or an .xlsx, .xlsm, .xlsb or .ods workbook
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a legacy .xls, an encrypted workbook, other Office files
WORKBOOK_MAGIC = (ZIP_MAGIC, OLE2_MAGIC)  # how a workbook starts: its parts tell which (cli._workbook)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods", ".xls")  # how a workbook is named


class FileKind(NamedTuple):
    """A file that is not text: how a reader refuses it, and what to name.

    ``family`` is "compressed" or "archive" (``name`` is the format, ``tool`` the command
    that unpacks it), "document" (an image, a PDF, a program) or "data" (a database or a
    columnar file, whose table is exported as CSV first); for those two ``name`` is the
    id of the message that says what the file is.
    """

    family: str
    name: str
    tool: str = ""


_COMPRESSED = (
    (b"\x1f\x8b", "gzip", "gunzip"),
    (b"\xfd7zXZ\x00", "xz", "unxz"),
    (b"\x28\xb5\x2f\xfd", "zstd", "unzstd"),
)
_BZIP2 = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")  # a block, or the end of an empty stream
_ARCHIVES = (
    (ZIP_MAGIC, "zip", "unzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z", "7z x"),
    (b"Rar!\x1a\x07", "RAR", "unrar x"),
)
_TAR = (257, b"ustar")  # the POSIX tar header's magic, at offset 257
_OTHERS = (
    (b"%PDF-", "document", "file.kind.pdf"),
    (b"\x89PNG\r\n\x1a\n", "document", "file.kind.png"),
    (b"\xff\xd8\xff", "document", "file.kind.jpeg"),
    (b"GIF87a", "document", "file.kind.gif"),
    (b"GIF89a", "document", "file.kind.gif"),
    (b"\x7fELF", "document", "file.kind.elf"),
    (b"SQLite format 3\x00", "data", "file.kind.sqlite"),
)
_PARQUET = b"PAR1"  # and NUL bytes soon after: a CSV header may start with PAR1 too


def file_kind(head: bytes | bytearray) -> FileKind | None:
    """What the file whose first bytes (up to ``SNIFF``) are ``head`` is, when they say it is not text; else None."""
    for magic, name, tool in _COMPRESSED:
        if head.startswith(magic):
            return FileKind("compressed", name, tool)
    if _BZIP2.match(head):
        return FileKind("compressed", "bzip2", "bunzip2")
    for magic, name, tool in _ARCHIVES:
        if head.startswith(magic):
            return FileKind("archive", name, tool)
    offset, magic = _TAR
    if head[offset : offset + len(magic)] == magic:
        return FileKind("archive", "tar", "tar -xf")
    for magic, family, name in _OTHERS:
        if head.startswith(magic):
            return FileKind(family, name)
    if head.startswith(_PARQUET) and 0 in head:
        return FileKind("data", "file.kind.parquet")
    return None
