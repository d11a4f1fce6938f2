"""How a table command writes: the output options resolved once, where each input's rows go, and their format.

``--format``, ``--excel``, ``--problems-only``, ``--summary-only`` and ``-q``
are checked together before anything is read (``Writing.of``). With several
input files, or ``-o`` naming a folder, each input gets its own output in that
folder, named after it (``output_paths``); two inputs that would get one name,
or an output that is an input, stop the run before anything is read.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
from collections.abc import Iterator, Sequence

import attrs

from .._file_kinds import WORKBOOK_SUFFIXES
from .._messages import in_language, say
from ._arguments import UsageError
from ._formats import CsvFormat, ExcelCsvFormat, Format
from ._output import Sink, output
from ._reasons import os_reason

__all__ = ["Writing", "output_paths", "row_format", "rows_sink"]

_SUFFIXES = {"jsonl": ".jsonl", "xlsx": ".xlsx"}
_FORMAT_OF_SUFFIX = {".xlsx": "xlsx", ".jsonl": "jsonl", ".ndjson": "jsonl"}  # the format -o names, unless --format


@attrs.frozen
class Writing:
    """The output options of one run, checked together."""

    format: str  # csv, jsonl or xlsx
    excel: bool
    problems_only: bool
    rows: bool  # False under --summary-only and -q: no row is written
    quiet: bool
    lang: str  # the language of the command line's own sentences

    @classmethod
    def of(cls, args: argparse.Namespace, lang: str) -> Writing:
        output = args.output
        named = os.path.splitext(output)[1].lower() if output and output != "-" else ""
        if named == ".json" and args.format is None:  # JSON lines are not one JSON document
            raise _usage(lang, "cli.json-is-jsonl", output=output)
        chosen = args.format or _FORMAT_OF_SUFFIX.get(named, "csv")
        if args.format not in (None, "xlsx") and output and output.lower().endswith(".xlsx"):
            raise _usage(lang, "cli.xlsx-name-format", output=output, format=args.format)
        if chosen == "xlsx" and output in (None, "-"):
            raise _usage(lang, "cli.xlsx-needs-output")
        if named in WORKBOOK_SUFFIXES and named != ".xlsx" and chosen != "xlsx" and not os.path.isdir(output):
            text = _SUFFIXES.get(chosen, ".csv")  # the name the text srank writes would have: CSV text named out.ods
            raise _usage(lang, "cli.workbook-output-name", output=output, suffix=named, text=text)
        suffix = os.path.splitext(output)[1] if chosen == "xlsx" and not os.path.isdir(output) else ""
        if suffix and suffix.lower() != ".xlsx":  # a workbook named y.csv opens as nothing
            raise _usage(lang, "cli.xlsx-output-name", output=output, suffix=suffix)
        if args.excel and chosen != "csv":
            if args.format is None:  # chosen by the output's name: say so, not an option the user never gave
                raise _usage(lang, "cli.excel-is-csv-named", output=output, format=chosen)
            raise _usage(lang, "cli.excel-is-csv", format=chosen)
        silent = args.summary_only or args.quiet
        if silent and output is not None:
            option = "--summary-only" if args.summary_only else "-q"
            raise _usage(lang, "cli.no-rows-no-output", option=option)
        return cls(chosen, args.excel, args.problems_only, not silent, args.quiet, lang)


def _usage(lang: str, key: str, **params: object) -> UsageError:
    return UsageError(in_language(say(key, **params), lang))


def output_paths(files: Sequence[str], writing: Writing, output: str | None) -> list[str | None]:
    """Where each input's rows go: ``output`` itself for one file, else one file per input in the folder ``output``.

    None is stdout (or nowhere, when no row is written). Refuses, before
    anything is read: several files without a folder (unless no row is
    written), stdin among several files, two inputs that would get one output
    name, and an output that is one of the inputs.
    """
    lang = writing.lang
    if len(files) > 1 and "-" in files:
        raise _usage(lang, "cli.stdin-among-files")
    folder = output is not None and output != "-" and os.path.isdir(output)
    if not writing.rows:
        return [None] * len(files)
    if len(files) == 1 and not folder and not (output or "").endswith(("/", os.sep)):
        return [output]
    if output in (None, "-"):
        raise _usage(lang, "cli.several-files-output")
    assert output is not None
    if not folder and (os.path.exists(output) or not _names_a_folder(output)):
        raise _usage(lang, "cli.output-not-folder", output=output)
    if files == ["-"]:
        raise _usage(lang, "cli.stdin-into-folder", output=output)
    named: dict[str, str] = {}
    paths: list[str | None] = []
    inputs = {_identity(path) for path in files} - {None}
    for path in files:
        target = os.path.join(output, output_name(path, writing))
        earlier = named.get(os.path.normcase(target))
        if earlier is not None:
            raise _usage(lang, "cli.same-output", first=earlier, second=path, output=target)
        if _identity(target) in inputs:
            raise _usage(lang, "cli.output-is-input", output=target)
        named[os.path.normcase(target)] = path
        paths.append(target)
    if not folder:  # made once nothing else is refused, as mkdir -p would
        try:
            os.makedirs(output, exist_ok=True)
        except OSError as error:
            raise _usage(lang, "cli.cannot-make-folder", path=output, reason=os_reason(error)) from None
    return paths


def _names_a_folder(path: str) -> bool:
    """Whether a path that does not exist yet is to be made a folder: it ends in ``/``, or has no extension."""
    return path.endswith(("/", os.sep)) or not os.path.splitext(path)[1]


def _identity(path: str) -> tuple[int, int] | None:
    """A file's device and inode (a symlink followed), or None where there is no such file."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def output_name(path: str, writing: Writing) -> str:
    """An output's name after its input's: the same name for CSV of a text file, else the stem and the format's suffix.

    ``ranks.csv`` gives ``ranks.csv``; ``ranks.xlsx`` gives ``ranks.csv`` (CSV)
    or ``ranks.jsonl``; under ``--format xlsx`` every output ends in ``.xlsx``.
    """
    name = os.path.basename(path)
    stem, suffix = os.path.splitext(name)
    wanted = _SUFFIXES.get(writing.format)
    if wanted is not None:
        return stem + wanted
    return stem + ".csv" if suffix.lower() in WORKBOOK_SUFFIXES else name


def row_format(source_format: Format, writing: Writing, header: Sequence[str], target: str | None) -> Format:
    """The format the rows are written in: the source's own CSV or JSON lines, or made for Excel (or a workbook,
    ``target``)."""
    if writing.format == "xlsx":
        from ._xlsx_output import XlsxFormat

        return XlsxFormat(len(header), target or "-")
    if writing.excel and isinstance(source_format, CsvFormat):
        return ExcelCsvFormat(source_format.delimiter, len(header))
    return source_format


@contextlib.contextmanager
def rows_sink(path: str | None, writing: Writing) -> Iterator[Sink]:
    """Where the rows go: ``output(path)``, a workbook inside it, or nowhere when no row is written."""
    if not writing.rows:
        yield Sink(_Nowhere(), "nowhere")
        return
    with output(path) as sink:
        if writing.format != "xlsx":
            yield sink
            return
        from ._xlsx_output import workbook

        with workbook(sink) as sheet:
            yield sheet


class _Nowhere(io.StringIO):
    """A stream that keeps nothing: the rows of --summary-only and -q."""

    def write(self, text: str) -> int:
        return len(text)

    def writelines(self, lines: object) -> None:
        pass
