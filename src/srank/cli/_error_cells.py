"""The error cells of an ``.xlsx`` sheet (``#N/A``, ``#REF!``), which python-calamine gives as empty cells.

A rank column filled by a formula that failed shows ``#N/A`` in Excel; read as
empty, it would count as missing, not invalid. So the sheet's own XML is
searched for cells of type ``e`` and their text put back. Only cells written
with their position first are found (as spreadsheet programs write them); the
sheet's part is found through the workbook's relationships, parsed with
defusedxml.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from typing import IO

from ._workbook_limits import column_number

__all__ = ["error_cells"]

_ERROR = re.compile(rb'<c r="([A-Za-z]{1,3})([0-9]{1,7})"[^>]*?\st="e"[^>]*>(.*?)</c>', re.DOTALL)
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_RELATIONS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def error_cells(data: IO[bytes], sheet: str, parts: frozenset[str]) -> dict[int, dict[int, str]]:
    """``{row: {column: text}}`` (both from 1) of ``sheet``'s error cells; ``parts`` are the parts that hold any."""
    found: dict[int, dict[int, str]] = {}
    try:
        with zipfile.ZipFile(data) as archive:
            part = _sheet_part(archive, sheet)
            if part is None or part not in parts:
                return found
            text = archive.read(part)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return found  # the bounds check read every part already: nothing new can go wrong here but a missing name
    finally:
        data.seek(0)
    for letters, digits, body in _ERROR.findall(text):
        value = _VALUE.search(body)
        if value is not None:
            found.setdefault(int(digits), {})[column_number(letters.decode())] = html.unescape(value[1].decode())
    return found


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip path of the sheet named ``sheet``, through xl/workbook.xml and its relationships."""
    try:
        from defusedxml import ElementTree
    except ImportError:
        return None
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # a part missing or not XML: the error cells stay empty, as calamine reads them
        return None
    sheets = [element for element in workbook.iter() if element.tag.endswith("}sheet")]
    wanted = next((element.get(_RELATIONS) for element in sheets if element.get("name") == sheet), None)
    for relation in relations.iter():
        if relation.tag.endswith("}Relationship") and relation.get("Id") == wanted:
            target = relation.get("Target") or ""
            return target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return None
