"""The table of file kinds: what the first bytes of a file say it is, when they say it is not text."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile

import pytest

from srank._file_kinds import FileKind, file_kind


def _tar() -> bytes:
    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        info = tarfile.TarInfo("ranks.csv")
        info.size = 3
        archive.addfile(info, io.BytesIO(b"G5\n"))
    return packed.getvalue()


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (gzip.compress(b"G5\n"), FileKind("compressed", "gzip", "gunzip")),
        (lzma.compress(b"G5\n"), FileKind("compressed", "xz", "unxz")),
        (bz2.compress(b"G5\n"), FileKind("compressed", "bzip2", "bunzip2")),
        (bz2.compress(b""), FileKind("compressed", "bzip2", "bunzip2")),
        (b"\x28\xb5\x2f\xfd\x20\x03", FileKind("compressed", "zstd", "unzstd")),
        (b"PK\x03\x04\x14\x00\x00\x00", FileKind("archive", "zip", "unzip")),
        (b"7z\xbc\xaf\x27\x1c\x00\x04", FileKind("archive", "7z", "7z x")),
        (b"Rar!\x1a\x07\x01\x00", FileKind("archive", "RAR", "unrar x")),
        (_tar(), FileKind("archive", "tar", "tar -xf")),
        (b"%PDF-1.7\n", FileKind("document", "file.kind.pdf")),
        (b"\x89PNG\r\n\x1a\n\x00\x00", FileKind("document", "file.kind.png")),
        (b"\xff\xd8\xff\xe0", FileKind("document", "file.kind.jpeg")),
        (b"GIF89a\x01\x00", FileKind("document", "file.kind.gif")),
        (b"\x7fELF\x02\x01\x01", FileKind("document", "file.kind.elf")),
        (b"SQLite format 3\x00\x10\x00", FileKind("data", "file.kind.sqlite")),
        (b"PAR1\x15\x04\x15\x00", FileKind("data", "file.kind.parquet")),
    ],
)
def test_a_file_that_is_not_text_is_named_by_its_first_bytes(head: bytes, kind: FileKind) -> None:
    assert file_kind(head) == kind


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"S Rank,G Rank\nS2,G3\n",
        b"PAR1,PAR2\nS2,S3\n",  # a header that starts like Parquet, with no NUL byte after it
        b"BZh9 is a column name\n",  # "BZh" and a digit, but no bzip2 block after it
        '{"results": []}'.encode("utf-16"),  # text, if not UTF-8: the readers decide
        b"\xef\xbb\xbfS Rank\nS2\n",
    ],
)
def test_text_is_not_a_file_kind(head: bytes) -> None:
    assert file_kind(head) is None
