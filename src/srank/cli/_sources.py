"""Opening an input: what the bytes are (text in which encoding, a workbook, an archive), and hints.

The first bytes decide. A byte-order mark is honoured whatever --encoding says,
since it names the encoding exactly; a workbook or archive is never read as
text, so no binary bytes end up as column names.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Mapping
from typing import IO, Any

import attrs

from .._file_kinds import SNIFF, WORKBOOK_MAGIC, WORKBOOK_SUFFIXES, file_kind
from .._messages import Message, in_language, say
from ._arguments import UsageError
from ._reasons import decode_reason, os_reason

__all__ = [
    "TABLE_WORDS",
    "Input",
    "decode_error_message",
    "encoding_from_bom",
    "looks_binary",
    "open_input",
    "refusal",
    "text_codec",
    "utf16_without_bom",
    "utf32_without_bom",
]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
TABLE_WORDS = {
    "utf16": "cli.sources.utf16",
    "archive": "cli.sources.archive",
    "document": "cli.sources.not-a-table",
    "data": "cli.sources.export-first",
}
"""How the table reader refuses a file, by what the file is: the ids of its messages (``refusal``)."""
_NUL_SHARE = 8  # a first block whose NUL bytes are one in 8 or more is binary (text has none; UTF-16 is told apart)
_CONTROLS = bytes([*range(0x09), *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])  # not tab, line ends, DOS EOF
_NOT_TEXT_SHARE = 50  # bytes of which one in 50 or more are control characters are not text in any encoding


@attrs.frozen
class Input:
    """An opened input: a text stream, or a workbook's bytes (``binary``, seekable) to read with python-calamine."""

    name: str
    text: io.TextIOWrapper | None
    binary: IO[bytes] | None
    encoding: str


def open_input(path: str, encoding: str) -> Input:
    name = "stdin" if path == "-" else path
    codec = text_codec(encoding)
    if path == "-" and sys.stdin is None:  # started with stdin closed (<&-)
        raise UsageError(say("cli.sources.stdin-closed"))
    if path != "-" and os.path.isdir(path):  # a folder of exports: the command takes its files
        raise UsageError(say("cli.sources.folder", path=path, pattern=os.path.join(path, "*.csv")))
    try:
        raw: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 - the caller closes it
    except OSError as error:
        raise UsageError(say("cli.codes.cannot-read", path=path, reason=os_reason(error))) from None
    stream: Any = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
    try:
        return _sniffed(name, path, stream, encoding, codec)
    except OSError as error:  # the first read fails: /proc/self/mem, a device that refuses reading
        if path != "-":
            raw.close()
        raise UsageError(say("cli.codes.cannot-read", path=name, reason=os_reason(error))) from None
    except BaseException:
        if path != "-":
            raw.close()
        raise


def text_codec(encoding: str) -> str:
    """The codec's own name ("utf16", "U16" and "UTF-16" are one codec), refusing codecs that are not text."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(say("cli.sources.unknown-encoding", encoding=encoding)) from None
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=encoding)  # refuses rot13, hex, base64, zlib...: bytes to bytes
    except LookupError:
        raise UsageError(say("cli.sources.not-text-encoding", encoding=encoding)) from None
    return codec


def _sniffed(name: str, path: str, stream: Any, encoding: str, codec: str) -> Input:
    head = stream.peek(SNIFF)[:SNIFF]
    if head.startswith(WORKBOOK_MAGIC):
        return _workbook(name, stream, path)
    refused = refusal(name, head, codec)
    if refused is not None:
        raise UsageError(refused)
    chosen = encoding_from_bom(head) or _utf8_with_sig(encoding)
    return Input(name, io.TextIOWrapper(stream, encoding=chosen, newline=""), None, chosen)


def refusal(name: str, head: bytes, codec: str, words: Mapping[str, str] = TABLE_WORDS) -> Message | None:
    """Why a file whose first bytes are ``head`` cannot be read as ``codec`` text, or None.

    A byte-order mark says the file is text. Without one: a compressed file, an archive, an image..., then
    (unless ``codec`` is UTF-16 or UTF-32) UTF-16 saved without its mark, then a file mostly of NUL bytes.
    ``words`` are the reader's messages for these, by the keys of ``TABLE_WORDS`` (a list of codes is not
    a table, and a command that has no --encoding asks for UTF-8).
    """
    if encoding_from_bom(head) is not None:
        return None
    refused = not_text(name, head, words)
    if refused is None and not codec.startswith(("utf-16", "utf-32")):
        guess = utf16_without_bom(head)
        if guess:
            return say(words["utf16"], name=name, guess=guess.upper(), encoding=guess)
        refused = mostly_nul(name, head)
    return refused


def not_text(name: str, head: bytes, words: Mapping[str, str] = TABLE_WORDS) -> Message | None:
    """Why a file whose first bytes are ``head`` is refused: a compressed file, an archive, an image, a
    program, a database, named for what it is (``_file_kinds``); None when nothing says it is not text."""
    kind = file_kind(head)
    if kind is None:
        return None
    if kind.family == "compressed":  # the same for every reader: decompressed, it may be what it reads
        return say("cli.sources.compressed", name=name, format=kind.name, tool=kind.tool)
    if kind.family == "archive":
        return say(words["archive"], name=name, format=kind.name, tool=kind.tool)
    return say(words[kind.family], name=name, kind=say(kind.name))


def mostly_nul(name: str, head: bytes) -> Message | None:
    """The refusal of a file whose first bytes are NUL too often to be text (asked once UTF-16 is ruled out)."""
    nul = head.count(0)
    if len(head) >= 16 and nul * _NUL_SHARE >= len(head):
        return say("cli.sources.binary", name=name, nul=nul, size=len(head))
    return None


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` holds control characters (other than tab, line and page breaks) too often to be text."""
    controls = len(data) - len(data.translate(None, _CONTROLS))
    return controls * _NOT_TEXT_SHARE >= len(data) > 0


def _utf8_with_sig(encoding: str) -> str:
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding


def encoding_from_bom(head: bytes) -> str | None:
    """The encoding the byte-order mark starting ``head`` names (``utf-8-sig``, ``utf-16``, ``utf-32``), or None."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def utf32_without_bom(head: bytes) -> str | None:
    """The byte order of UTF-32 text without its mark (``utf-32-le`` or ``-be``), told by its NUL bytes; or None."""
    sample = head[: len(head) // 4 * 4][:1024]
    if len(sample) < 8:
        return None
    for order, at in (("utf-32-le", 0), ("utf-32-be", 3)):
        units = [sample[start::4] for start in range(4)]
        text, zeros = units[at], b"".join(units[start] for start in range(4) if start != at)
        if zeros.count(0) == len(zeros) and text.count(0) < 0.1 * len(text):
            return order
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """The byte order of UTF-16 text without its mark (``utf-16-le`` or ``-be``), told by its NUL bytes; or None."""
    sample = head[: len(head) // 2 * 2][:512]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _workbook(name: str, stream: IO[bytes], path: str) -> Input:
    """A zip archive or an OLE2 file: a workbook (named for what it is when it cannot be read), or refused."""
    from ._workbook import not_a_workbook, workbook_kind

    data: IO[bytes] = stream
    if path == "-" or not stream.seekable():  # zipfile needs to seek: a pipe is read whole, within the bound
        data = spooled(stream, name)
    if workbook_kind(data) == "zip":
        error = not_a_workbook(data, name)
        if data is not stream:
            data.close()
        raise error
    return Input(name, None, data, "")


_SPOOL = 64 << 20  # bytes of a piped workbook held in memory; the rest goes to a temporary file


def spooled(stream: IO[bytes], name: str) -> IO[bytes]:
    """A pipe's workbook in a file that can seek: in memory while small, on disk past _SPOOL (not twice in memory,
    as pieces and their join), and refused past 1 GiB as a file that long is, not read as a damaged zip."""
    import tempfile

    from ._workbook_limits import MAX_WORKBOOK_BYTES

    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL)  # noqa: SIM115 - returned open; closed when the run ends
    try:
        size = 0
        while piece := stream.read(1 << 20):
            size += len(piece)
            if size > MAX_WORKBOOK_BYTES:
                raise UsageError(say("cli.workbook.too-big", name=name))
            spool.write(piece)
    except BaseException:  # past the bound, a read that fails, Ctrl-C: nothing is left on disk
        spool.close()
        raise
    spool.seek(0)
    return spool


def decode_error_message(
    name: str,
    path: str,
    encoding: str,
    error: UnicodeDecodeError,
    line: int,
    lang: str = "en",
    option: str = "--encoding",
) -> str:
    """Where the bytes stop being ``encoding``: the line, and the byte offset when the file can be re-read; the
    hint names ``option``, the one that sets this file's encoding (``srank diff`` has one per file)."""
    offset = _first_bad_byte(path, encoding) if path != "-" else None
    if offset:
        at = say("cli.sources.at-offset", offset=offset[0], line=offset[1])
    else:
        at = say("cli.sources.near-line", line=line) if line else say("cli.sources.near-start")
    bad = error.object[error.start : error.start + 1].hex() if error.object else ""
    binary = looks_binary(error.object[max(0, error.start - SNIFF) : error.start + SNIFF])
    suffix = os.path.splitext(name)[1].lower()
    if binary and suffix in WORKBOOK_SUFFIXES:  # named as a workbook, but neither one nor text
        hint = say("cli.sources.hint-not-a-workbook", suffix=suffix)
    elif not encoding.startswith("utf-8"):
        hint = say("cli.sources.hint-encoding", option=option)
    elif binary:
        hint = say("cli.sources.hint-not-text")  # no text encoding would read it: not worth naming one
    else:
        hint = say("cli.sources.hint-cp1252", option=option)
    shown = "UTF-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    reason = decode_reason(error.reason)
    said = say("cli.sources.not-encoding", name=name, encoding=shown, reason=reason, byte=bad, at=at, hint=hint)
    return in_language(said, lang)


def _first_bad_byte(path: str, encoding: str) -> tuple[int, int] | None:
    """The offset of the first byte that does not decode, and its line, reading the file again in pieces."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset, lines = 0, 1
    try:
        with open(path, "rb") as again:
            while chunk := again.read(1 << 20):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as error:
                    # error.start counts from the bytes held back by the last call, then this chunk's.
                    held = len(error.object) - len(chunk)
                    at = error.start - held  # negative: the bad sequence began in the previous chunk
                    return offset + at, lines + chunk.count(b"\n", 0, max(0, at))
                offset += len(chunk)
                lines += chunk.count(b"\n")
            try:
                decoder.decode(b"", final=True)  # a sequence cut short at the end of the file
            except UnicodeDecodeError as error:
                return offset - (len(error.object) - error.start), lines
    except OSError:
        return None
    return None
