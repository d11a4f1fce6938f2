"""Cells srank writes itself, made inert in a spreadsheet (OWASP's guidance on CSV injection).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a
tab or carriage return before one) as a formula: ``=cmd|' /C calc'!A0``. A cell
srank composes from text it read (a rank it could not read, a place it does
not know) gets a leading apostrophe instead, which spreadsheets show as text.
The input's own cells are never changed.
"""

from __future__ import annotations

__all__ = ["safe_cell"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text``, with an apostrophe in front when a spreadsheet would read it as a formula.

    >>> safe_cell("=2+5"), safe_cell("S2B")
    ("'=2+5", 'S2B')
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
