"""What ``srank explain`` and ``srank round`` share: reading the codes given, and checking --style and --lang.

Codes come from the command line, and from stdin (``-``) or a file
(``--file``), one per line. A blank line of a file or of stdin is kept as a
missing code, so that ``srank round`` writes one line per line read.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

from .._describe import text_table
from .._errors import InvalidRankError, SrankError
from .._findings import Severity, colon
from .._languages import ENGLISH
from .._messages import in_language, say
from .._model import AnyRank
from .._parse import is_missing, parse
from ._arguments import UsageError, lenient_option
from ._command import Command
from ._hints import cli_error
from ._reasons import decode_reason, os_reason

__all__ = ["Code", "CodesCommand", "Read", "check_label_options", "codes_of", "read_codes"]


class CodesCommand(Command):
    """A command that answers for each code given on the command line, on stdin or in a file."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("codes", nargs="*", metavar="CODE", help=say("cli.codes.help-codes"))
        parser.add_argument("--file", "-f", metavar="PATH", help=say("cli.codes.help-file"))
        parser.add_argument("--encoding", default="utf-8", help=say("cli.option.encoding"))
        self.add_options(parser)
        lenient_option(parser)

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """This command's own options."""


Code = tuple[str | None, str | None]
"""A code to answer for (None for a blank line) and where it was read ("codes.txt line 3"; None for an argument)."""


def codes_of(args: argparse.Namespace) -> Iterator[Code]:
    """The codes to answer for, in order: the arguments (``-`` for stdin's lines), then the file's lines
    (``--file -``: stdin's).

    A blank line read from stdin or a file is None: a missing code, not an error. A line that marks a
    missing value (``N/A``, ``NA``...) is missing too, as a cell is to ``srank check`` (``read_codes``).
    """
    if not args.codes and args.file is None:
        raise UsageError(say("cli.codes.none-given"))
    encoding = args.encoding
    if encoding != "utf-8" and ("-" in args.codes or args.file is not None):
        from ._sources import text_codec

        encoding = text_codec(encoding)  # an unknown codec, or one that is not text (rot13), refused before reading
    for code in args.codes:
        if code == "-":
            yield from _read_lines(_stdin(), "stdin", "-", encoding)
        else:
            yield code, None
    if args.file == "-":
        yield from _read_lines(_stdin(), "stdin", "-", encoding)
    elif args.file is not None:
        try:
            handle = open(args.file, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            raise UsageError(say("cli.codes.cannot-read", path=args.file, reason=os_reason(error))) from None
        with handle:
            yield from _read_lines(handle, args.file, args.file, encoding)


def _stdin() -> BinaryIO:
    if sys.stdin is None:  # started with stdin closed (<&-)
        raise UsageError(say("cli.sources.stdin-closed"))
    return sys.stdin.buffer


def _read_lines(stream: BinaryIO, name: str, path: str, codec: str = "utf-8") -> Iterator[Code]:
    """The lines of a list of codes, once its first bytes show it is text: UTF-8, or UTF-16 or UTF-32 with a
    byte-order mark (as Excel and Notepad save "Unicode text"), or in ``codec`` (--encoding; a byte-order mark
    wins, as for srank check). ``name`` is said, ``path`` given to a command."""
    from .._file_kinds import SNIFF  # only when a file or stdin is read: srank explain G5 loads none of it
    from ._sources import encoding_from_bom, refusal, utf16_without_bom, utf32_without_bom

    buffered: Any = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # a pipe's stdin has peek
    try:
        try:
            head = buffered.peek(SNIFF)[:SNIFF]
        except OSError as error:
            raise UsageError(say("cli.codes.cannot-read", path=name, reason=os_reason(error))) from None
        if _is_workbook(buffered, head, name):
            raise UsageError(say("cli.codes.workbook", name=name, path=path))
        refused = refusal(name, head, codec, _CODES_WORDS)
        if refused is not None:
            raise UsageError(refused)
        marked = encoding_from_bom(head)
        if marked is None and codec in ("utf-16", "utf-32"):  # no mark to tell the byte order: its NUL bytes show it
            guess = (utf16_without_bom if codec == "utf-16" else utf32_without_bom)(head)
            if guess is None:
                raise UsageError(say("cli.codes.no-byte-order", name=name, encoding=codec))
            codec = guess
        if marked == "utf-8-sig" or (marked is None and "\n".encode(codec) == b"\n"):
            # UTF-8, cp1252, latin-1, Shift JIS ...: split into lines as bytes, each decoded, so a bad line is named
            yield from _lines(buffered.readline, name, _line_decoder(name, "utf-8" if marked else codec))
            return
        text = io.TextIOWrapper(buffered, encoding=marked or codec, newline=None)  # UTF-16, UTF-32
        why = "cli.codes.not-encoding" if marked else "cli.codes.not-named-encoding-near"
        try:
            yield from _lines(text.readline, name, _as_read, marked or codec, why)
        finally:
            text.detach()
    finally:
        if buffered is not stream:
            buffered.detach()  # the caller closes its file; stdin stays open


_CODES_WORDS = {
    "utf16": "cli.codes.utf16",
    "archive": "cli.codes.archive",
    "document": "cli.codes.not-codes",
    "data": "cli.codes.export-first",
}


def _is_workbook(handle: BinaryIO, head: bytes, name: str) -> bool:
    """Whether the file is a workbook (a zip or OLE2 file that ``srank check`` would read), told by its parts."""
    from .._file_kinds import WORKBOOK_MAGIC

    if not head.startswith(WORKBOOK_MAGIC):
        return False
    from ._sources import spooled
    from ._workbook import workbook_kind

    if handle.seekable():
        return workbook_kind(handle) != "zip"
    # zipfile seeks: a pipe (a workbook on stdin) is spooled, within the workbook bound, as srank check spools it
    with spooled(handle, name) as data:
        return workbook_kind(data) != "zip"


_MAX_LINE = 1 << 16  # bytes: far longer than any code, short enough that /dev/zero is refused at once


def _lines(
    read: Callable[[int], Any],
    name: str,
    decoded: Callable[[Any, int], str],
    encoding: str = "utf-8",
    why: str = "cli.codes.not-encoding",
) -> Iterator[Code]:
    """Each line that ``read(limit)`` gives, bounded, as ``decoded(line, number)`` makes it text.

    UTF-8 lines are decoded one by one, so a line that is not UTF-8 is named by its number; a UTF-16 or UTF-32
    stream decodes a block of lines at a time, so bytes that do not decode there are placed near a line.
    """
    number = 0
    try:
        while line := read(_MAX_LINE + 1):
            number += 1
            if len(line) > _MAX_LINE:
                raise UsageError(say("cli.codes.line-too-long", name=name, number=number, limit=_MAX_LINE))
            code = decoded(line, number).rstrip("\r\n")
            yield (code if code.strip() else None), say("cli.codes.at-line", name=name, number=number)
    except UnicodeDecodeError as error:  # from the stream's own decoding
        reason = decode_reason(error.reason)
        said = say(why, name=name, number=number + 1, encoding=encoding.upper(), reason=reason)
        raise UsageError(said) from None
    except UnicodeError as error:  # a codec that fails in its own way, not with a UnicodeDecodeError
        raise UsageError(say("cli.table.codec-failed", name=name, encoding=encoding, error=str(error))) from None
    except OSError as error:
        raise UsageError(say("cli.codes.cannot-read", path=name, reason=os_reason(error))) from None


def _line_decoder(name: str, codec: str) -> Callable[[bytes, int], str]:
    """A line's bytes as text in ``codec``; a line that is not names its number (and for UTF-8, --encoding)."""
    from ._sources import looks_binary

    def decoded(line: bytes, number: int) -> str:
        try:
            return line.decode("utf-8-sig" if codec == "utf-8" and number == 1 else codec)
        except UnicodeDecodeError as error:
            reason = decode_reason(error.reason)
            if looks_binary(line):
                raise UsageError(say("cli.codes.not-text", name=name, number=number)) from None
            if codec == "utf-8":
                raise UsageError(say("cli.codes.not-utf8", name=name, number=number, reason=reason)) from None
            said = say("cli.codes.not-named-encoding", name=name, number=number, encoding=codec.upper(), reason=reason)
            raise UsageError(said) from None

    return decoded


def _as_read(line: str, number: int) -> str:
    return line


def check_label_options(style: str, lang: str) -> None:
    """Fail before any reading when --lang's tables cannot be read, or --style and --lang cannot go together.

    ``main`` has read ``--lang`` already; ``--style plants`` without it runs in English (USDA PLANTS' own words).
    """
    try:
        text_table(style="short", lang=lang)
    except (SrankError, ValueError, LookupError) as error:
        raise UsageError(f"--lang {lang}: {error}") from None  # a damaged table: srank's own files, said as they are
    if style == "plants" and lang != ENGLISH:
        raise UsageError(say("cli.codes.plants-english", lang=lang))
    try:
        text_table(style=style, lang=lang)
    except (SrankError, ValueError, LookupError) as error:
        raise UsageError(f"--style {style} --lang {lang}: {error}") from None


Read = tuple[str | None, AnyRank | None, InvalidRankError | None, str | None]
"""A code as read: its text, its rank or its error (None and None for a missing one), and where it was read."""


def read_codes(
    codes: Iterable[Code], lenient: bool, lang: str = ENGLISH, *, error_findings: bool = False
) -> Iterator[Read]:
    """Each code with its rank or its error (None and None for a missing one: a blank line, or a line that says
    ``N/A``, as a cell that says it is missing to ``srank check``), and where it was read; errors go to stderr
    with their caret, in ``lang``, after where the code was read. With ``error_findings`` (a command that shows
    no explanation), so do the error findings of a code that reads but is not valid (G5Q)."""
    said_colon = colon(lang)
    for text, where in codes:
        if text is None or (where is not None and is_missing(text)):  # a blank line, or one that says N/A
            yield text, None, None, where
            continue
        at = f"{in_language(where, lang)}{said_colon}" if where else ""
        try:
            rank = parse(text, lenient=lenient)
        except InvalidRankError as error:
            said = cli_error(error)
            print(f"srank: {at}{said.render(lang)}", file=sys.stderr)
            yield text, None, said, where
            continue
        for finding in rank.findings if error_findings else ():
            if finding.severity is Severity.ERROR:  # G5Q reads but is not valid: say why
                print(f"srank: {at}{rank}{said_colon}{finding.line(lang=lang)}", file=sys.stderr)
        yield text, rank, None, where
