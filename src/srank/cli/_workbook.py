"""The rows of one workbook sheet as text, with the header row found (python-calamine, the ``xlsx`` extra).

Reads ``.xlsx``, ``.xlsm``, ``.xlsb``, ``.ods`` (after ``_workbook_limits`` has held the
file to its bounds) and ``.xls`` (after ``_legacy_workbook`` has, and rebuilt its container).
A row is as wide as the sheet's used area: cells right of the last column name
(a note beside the table) are kept, in columns whose header is empty, and a
row is never "malformed" for them, as a CSV line with extra fields is.

Heritage exports often put a title above the header. Unless
``--header-row`` says where the header is, it is the first of the top rows that
holds every column asked for; failing that, the first row with the most filled
cells.

A cell is written as the sheet shows it as far as calamine tells: text as it is,
a whole number without ``.0``, a boolean as ``TRUE``/``FALSE``, a date as
``2024-03-01``, a date and time as ``2024-03-01T10:30:00``, a time as ``10:30:00``,
a duration as ``26:00:00``. Other number formats (percent, currency, leading
zeros, fixed decimals) are not applied: the number is written as stored. A cell
showing an error (``#N/A``) keeps that text in an ``.xlsx`` (``_error_cells``); in
the other formats it reads as empty, which is how calamine gives it.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import islice
from typing import IO, Any

from .._errors import shown
from .._file_kinds import OLE2_MAGIC
from .._findings import separator
from .._messages import in_language, quoted, say
from ._arguments import UsageError
from ._option_names import ONE_FILE, OptionNames
from ._workbook_limits import (
    MAX_CELL_CHARS,
    MAX_WORKBOOK_BYTES,
    check_ods,
    check_xlsb,
    check_xlsx,
    column_letters,
    damaged,
    encrypted,
)

__all__ = ["Sheet", "read_bounded", "read_sheet", "workbook_kind"]

_LOOK = 200  # rows searched for the header: the first naming the columns asked for, else the fullest like one
_FULLEST = 20  # rows among which the fullest is taken when no row looks like a header
_ODS_MIMETYPE = b"mimetype" + b"application/vnd.oasis.opendocument.spreadsheet"


class Sheet:
    """A sheet's header, its number (1-based), its rows after the header as lists of text, the workbook's sheets,
    ``naming(columns)``: the other sheets that name those columns near their top (asked only when one is missing),
    and ``notes`` for the summary.
    """

    def __init__(
        self,
        header: list[str],
        header_row: int,
        rows: Iterator[list[str]],
        sheets: list[str],
        naming: Callable[[Sequence[str]], list[str]] = lambda columns: [],
        notes: Sequence[str] = (),
    ) -> None:
        self.header = header
        self.header_row = header_row
        self.rows = rows
        self.sheets = sheets
        self.naming = naming
        self.notes = notes  # lines for the summary: cells merged down a column the command reads


def workbook_kind(data: IO[bytes]) -> str:
    """``xlsx``, ``xlsb``, ``ods`` or ``zip`` for a zip archive; ``ole2`` for an OLE2 file (.xls, or encrypted).

    ``damaged`` for a zip whose first part is a workbook's but whose directory cannot be read.
    """
    head = data.read(4096)
    data.seek(0)
    if head.startswith(OLE2_MAGIC):
        return "ole2"  # a legacy .xls, or an encrypted workbook: its directory tells (_legacy_workbook)
    try:
        with zipfile.ZipFile(data) as archive:
            names = set(archive.namelist())
    except Exception:  # zipfile raises several kinds for a damaged directory (NotImplementedError among them)
        names = set()
    data.seek(0)
    if not names:
        # The local header of the first part names it: a workbook's, though the zip's directory is lost.
        first = head[30 : 30 + int.from_bytes(head[26:28], "little")]
        if first in (b"[Content_Types].xml", b"mimetype", b"_rels/.rels") or first.startswith((b"xl/", b"docProps/")):
            return "damaged"
        return "zip"
    if head[30:].startswith(_ODS_MIMETYPE) or ("content.xml" in names and "META-INF/manifest.xml" in names):
        return "ods"
    if any(name.endswith("workbook.bin") for name in names):
        return "xlsb"
    if "xl/workbook.xml" in names or ("[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)):
        return "xlsx"
    return "zip"


_OFFICE_PARTS = {"word/": "cli.sources.kind.word", "ppt/": "cli.sources.kind.powerpoint"}
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods", ".xls")


def not_a_workbook(data: IO[bytes], name: str) -> UsageError:
    """The error for a zip archive that ``workbook_kind`` found no workbook in: another Office document, a workbook
    whose zip cannot be read (named as one), or any other archive."""
    try:
        with zipfile.ZipFile(data) as archive:
            names = archive.namelist()
    except Exception:  # zipfile raises several kinds for a damaged directory
        names = []
    finally:
        data.seek(0)
    for prefix, kind in _OFFICE_PARTS.items():
        if any(part.startswith(prefix) for part in names):
            return UsageError(say("cli.sources.office-document", name=name, kind=say(kind)))
    if not names and name.lower().endswith(WORKBOOK_SUFFIXES):
        return damaged(name, say("cli.workbook.zip-directory"))
    return UsageError(say("cli.sources.zip", name=name))


def read_bounded(data: IO[bytes]) -> bytes:
    """At most one byte past MAX_WORKBOOK_BYTES, read in pieces (one big read would reserve it all at once)."""
    pieces, size = [], 0
    while size <= MAX_WORKBOOK_BYTES and (piece := data.read(min(1 << 20, MAX_WORKBOOK_BYTES + 1 - size))):
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def read_sheet(
    data: IO[bytes],
    name: str,
    sheet: str | None,
    header_row: int | None,
    wanted: Sequence[str],
    command: str = "check",
    lang: str = "en",
    options: OptionNames = ONE_FILE,
) -> Sheet:
    """The sheet's header and rows; ``options``: how messages name the options that set how it is read."""
    kind = workbook_kind(data)
    if kind == "damaged":
        raise damaged(name, say("cli.workbook.zip-directory"))
    try:
        import python_calamine
    except ImportError:
        raise UsageError(say("cli.workbook.needs-calamine", name=name)) from None
    if sys.stderr.isatty():
        reading = in_language(say("cli.progress.reading", command=f"srank {command}", name=name), lang)
        sys.stderr.write(f"\r\033[K{reading}")
        sys.stderr.flush()
    with_errors: frozenset[str] = frozenset()
    if kind == "ole2":
        data = _legacy(data, name)
    elif kind == "ods":
        check_ods(data, name)
    elif kind == "xlsb":
        check_xlsb(data, name)
    else:
        with_errors = check_xlsx(data, name)
    book = _calamine(lambda: python_calamine.CalamineWorkbook.from_filelike(data), name)
    chosen = _chosen_sheet(book, name, sheet, lang)
    worksheet = _calamine(lambda: book.get_sheet_by_name(chosen), name)
    if worksheet.start is None:
        said = in_language(say("cli.workbook.sheet-empty", name=name, sheet=chosen), lang)
        elsewhere = _naming(book, chosen, name, wanted) if sheet is None and wanted else []
        if elsewhere:  # an empty cover sheet before the table
            other = say("cli.workbook.other-sheet", sheet=elsewhere[0], option=options.sheet)
            said += separator(lang) + in_language(other, lang)
        raise UsageError(said)
    errors = {}
    if with_errors:
        from ._error_cells import error_cells

        errors = error_cells(data, chosen, with_errors)
    rows = _texts(_calamine_rows(worksheet.iter_rows(), name), worksheet.start[1], name, chosen, errors)
    if sys.stderr.isatty():
        from ._progress import with_row_progress

        rows = with_row_progress(rows, worksheet.end[0] + 1 if worksheet.end else 0, command, lang)
    # The rows above the first filled one are empty: skipped at once, however many (one cell on row 1,048,576).
    skipped = worksheet.start[0] if header_row is None else min(worksheet.start[0], header_row - 1)
    rows = islice(rows, skipped, None)
    top: list[list[str]] = []
    for row in rows:
        top.append(row)
        if len(top) >= max(_LOOK, (header_row or 0) - skipped):
            break
    at = header_row - 1 - skipped if header_row is not None else _find_header(top, wanted)
    if at >= len(top):
        last = skipped + len(top)
        raise UsageError(
            say("cli.workbook.header-past-end", name=name, row=header_row, last=last, option=options.header_row_given)
        )
    header = _trimmed(top[at])
    if not header:
        said = say(
            "cli.workbook.header-row-empty", name=name, row=skipped + at + 1, sheet=chosen, option=options.header_row
        )
        raise UsageError(said)
    # A sheet's cells stand in fixed columns: a note right of the table ("check with botanist") is a cell of an
    # unnamed column, not a sign that the row was misread, as an extra field is in CSV. The header spans the
    # sheet's used area, unnamed where the sheet names nothing.
    width = max(len(header), worksheet.end[1] + 1 if worksheet.end else 0)
    header += [""] * (width - len(header))

    def data_rows() -> Iterator[list[str]]:
        for row in [*top[at + 1 :]]:
            yield _fitted(row, width)
        for row in rows:
            yield _fitted(row, width)

    rows_at = (skipped + at, worksheet.end[0] if worksheet.end else 0)  # the header's row and the last row read
    notes = _merged_down(worksheet.merged_cell_ranges, header, rows_at, wanted, lang)
    naming = partial(_naming, book, chosen, name)
    return Sheet(header, skipped + at + 1, data_rows(), list(book.sheet_names), naming, notes)


def _merged_down(ranges: Any, header: list[str], rows: tuple[int, int], wanted: Sequence[str], lang: str) -> list[str]:
    """A note for each column the command reads that has cells merged down it below the header: a merged range
    holds its value in its top-left cell only, so the column's other cells in it read as missing (B2:B4, S2 in B2).
    Each range is held against the columns read only, however wide it is; ``rows`` are the header's row and the last
    row read (0-based), between which a range must start."""
    read = [(at, title) for at, title in enumerate(header) if title and title in wanted]
    merged: dict[str, list[str]] = {}
    for (top, left), (bottom, right) in sorted(ranges or ()):
        if bottom <= top or not rows[0] < top <= rows[1]:
            continue
        for at, title in read:
            if left <= at <= right:
                span = f"{column_letters(left + 1)}{top + 1}:{column_letters(right + 1)}{bottom + 1}"
                merged.setdefault(title, []).append(span)
    notes = []
    for title, cells in merged.items():
        shown = ", ".join(cells[:_MERGED_SHOWN]) + (" ..." if len(cells) > _MERGED_SHOWN else "")
        notes.append("  " + in_language(say("cli.workbook.merged-down", column=title, cells=shown), lang))
    return notes


_MERGED_SHOWN = 5


def _naming(book: Any, chosen: str, name: str, columns: Sequence[str]) -> list[str]:
    """The workbook's other sheets whose first rows name every one of ``columns``: the table may be there."""
    # Every sheet was held to the bounds with the chosen one (check_xlsx reads every part), so calamine may read it.
    found = []
    for other in book.sheets_metadata:
        if other.name == chosen or _kind_of(other) != "WorkSheet":
            continue
        cells = _calamine(lambda other=other: book.get_sheet_by_name(other.name), name)
        top = islice(_texts(_calamine_rows(cells.iter_rows(), name), 0, name, str(other.name), {}), _LOOK)
        if any(all(column in row for column in columns) for row in top):
            found.append(str(other.name))
    return found


def _legacy(data: IO[bytes], name: str) -> IO[bytes]:
    """A legacy .xls, its workbook stream bounded and put in a fresh container (``_legacy_workbook``)."""
    from ._legacy_workbook import checked_xls

    whole = read_bounded(data)
    if len(whole) > MAX_WORKBOOK_BYTES:
        raise UsageError(say("cli.workbook.too-big", name=name))
    return checked_xls(whole, name)


def _calamine(call: Any, name: str) -> Any:
    """Run a calamine call: its errors, and a panic inside it, become one message."""
    try:
        with _rust_messages_held():
            return call()
    except UsageError:
        raise
    except BaseException as error:
        raise _said(error, name) from None


def _calamine_rows(rows: Iterator[list[Any]], name: str) -> Iterator[list[Any]]:
    """A sheet's rows as calamine converts them, one by one: a cell it cannot convert (a date or a duration past
    Python's, in a damaged file) stops the run with one message, as a failing call does."""
    try:
        yield from rows
    except BaseException as error:
        raise _said(error, name) from None


def _said(error: BaseException, name: str) -> BaseException:
    """The message for what calamine raised; anything else (KeyboardInterrupt) as it was."""
    if type(error).__name__ == "PasswordError":
        return encrypted(name)
    if type(error).__name__ == "WorksheetNotFound":  # listed in the workbook, its part gone: calamine says its name
        return damaged(name, say("cli.workbook.sheet-part-missing", sheet=str(error)[:200]))  # !r shows it safely
    if type(error).__name__ == "PanicException":  # pyo3 turns a panic in Rust into PanicException, a BaseException
        return damaged(name, say("cli.workbook.reader-stopped", error=_first_line(error)))
    if isinstance(error, Exception):
        return damaged(name, say("cli.workbook.reader-error", error=_first_line(error)))
    return error


@contextlib.contextmanager
def _rust_messages_held() -> Iterator[None]:
    """Hold what Rust writes to file descriptor 2 during a call: a panic prints there before it is raised.

    The panic becomes srank's one message; its own lines (and a backtrace under
    RUST_BACKTRACE) would come before it. While the call runs, another thread's
    writes to descriptor 2 are held too, and dropped.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield  # no descriptor 2 to hold
        return
    try:
        with tempfile.TemporaryFile() as held:
            os.dup2(held.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
    finally:
        os.close(saved)


def _first_line(error: BaseException) -> str:
    """A reader's error for a message: its first line, cut short, with what a file put in it (a sheet's name) shown
    safely. Lines split at a newline only: str.splitlines would also cut at characters a sheet name may hold."""
    text = str(error).strip().split("\n")[0].strip()
    return shown(text or type(error).__name__)[:200]


def _chosen_sheet(book: Any, name: str, sheet: str | None, lang: str = "en") -> str:
    sheets = list(book.sheets_metadata)
    if not sheets:
        raise damaged(name, say("cli.workbook.no-sheets"))
    listed = quoted([str(each.name) for each in sheets], lang)  # « Ranks » in French
    if sheet is not None:
        found = next((each for each in sheets if each.name == sheet), None)
        if found is None:
            from ._headers import close_names

            close = close_names(sheet, [str(each.name) for each in sheets])
            hint = in_language(say("cli.table.did-you-mean", close=close[0]), lang) if close else ""
            said = say("cli.workbook.no-sheet", name=name, sheet=sheet, sheets=listed)
            raise UsageError(in_language(said, lang) + hint)
        if _kind_of(found) != "WorkSheet":
            raise UsageError(say("cli.workbook.not-cells", name=name, sheet=sheet, kind=_kind_of(found).lower()))
        return sheet
    cells = [each for each in sheets if _kind_of(each) == "WorkSheet"]
    if not cells:
        raise UsageError(say("cli.workbook.no-cells", name=name, sheets=listed))
    first = cells[0]
    if _visibility(first) != "Visible":
        shown = [str(each.name) for each in cells if _visibility(each) == "Visible"]
        others = say("cli.workbook.visible", sheets=quoted(shown, lang)) if shown else ""
        said = say("cli.workbook.hidden", name=name, sheet=str(first.name), others=others)
        print(f"srank: {in_language(said, lang)}", file=sys.stderr)
    return str(first.name)


def _kind_of(metadata: Any) -> str:
    return str(metadata.typ).rpartition(".")[2]  # WorkSheet, ChartSheet, DialogSheet, MacroSheet, Vba


def _visibility(metadata: Any) -> str:
    return str(metadata.visible).rpartition(".")[2]  # Visible, Hidden, VeryHidden


def _texts(
    rows: Iterator[list[Any]], skipped: int, name: str, sheet: str, errors: dict[int, dict[int, str]]
) -> Iterator[list[str]]:
    """Each row as text, error cells as shown, and the empty columns calamine leaves out on the left put back."""
    pad = [""] * skipped
    for number, values in enumerate(rows, 1):
        row = [value if type(value) is str else _text(value) for value in values]
        if number in errors:
            for column, text in errors[number].items():
                if 0 <= column - 1 - skipped < len(row) and not row[column - 1 - skipped]:
                    row[column - 1 - skipped] = text
        if row and max(map(len, row)) > MAX_CELL_CHARS:
            longest = max(range(len(row)), key=lambda at: len(row[at]))
            cell = f"{column_letters(skipped + longest + 1)}{number}"
            length = len(row[longest])
            said = say(
                "cli.workbook.cell-too-long", name=name, cell=cell, sheet=sheet, length=length, limit=MAX_CELL_CHARS
            )
            raise UsageError(said)
        yield pad + row if skipped else row


def _find_header(top: list[list[str]], wanted: Sequence[str]) -> int:
    """The first row naming every wanted column; else the first naming them all regardless of case and spaces
    (a mistyped name is then said with "did you mean"); else the first that looks like a header (no number, no
    rank code) with the most filled cells; else the first with the most filled cells among the top _FULLEST."""
    for at, row in enumerate(top):
        if wanted and all(name in row for name in wanted):
            return at
    folded = {name.strip().casefold() for name in wanted}
    for at, row in enumerate(top):
        if folded and folded <= {cell.strip().casefold() for cell in row}:
            return at
    from ._headers import looks_like_header  # only when no row names the columns: the run stops with a message

    filled = [[cell for cell in row if cell] for row in top]
    named = [len(cells) if looks_like_header(cells) else 0 for cells in filled]
    if max(named, default=0):
        return named.index(max(named))
    counts = [len(cells) for cells in filled[:_FULLEST]]
    return counts.index(max(counts))


def _trimmed(row: list[str]) -> list[str]:
    """A header without the empty cells to the right of the last name."""
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]


def _fitted(row: list[str], width: int) -> list[str]:
    """A data row cut or padded to the header's width, keeping any filled cell past it."""
    if len(row) > width and not any(row[width:]):
        return row[:width]
    return row + [""] * (width - len(row)) if len(row) < width else row


def _text(value: object) -> str:
    """A cell as the text a user sees in the sheet, as far as calamine says how it is shown."""
    if type(value) is float:  # the common case first: calamine gives every number of an .xlsx as a float
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        seconds = int(value.total_seconds())
        sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
        return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02}:{seconds % 60:02}"
    return str(value)
