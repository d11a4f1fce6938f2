"""What a file a wheel ships ready-made (a built parser, a checked table) was made from.

Each such file starts with a stamp line naming its source text by a
fingerprint; a file whose stamp does not match the source beside it is ignored,
so the source stays the one place to edit.
"""

from __future__ import annotations

import hashlib

__all__ = ["SHIPPED_SUFFIX", "fingerprint"]

SHIPPED_SUFFIX = ".pickle"
"""A wheel holds what it built from ``srank/NAME`` (a grammar, a description table) as ``srank/NAME.pickle``."""


def fingerprint(text: str) -> str:
    """A name for ``text`` that changes when it does: its SHA-256, in hexadecimal."""
    return f"sha256 {hashlib.sha256(text.encode('utf-8')).hexdigest()}"
