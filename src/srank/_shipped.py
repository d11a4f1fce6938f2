"""What a file a wheel ships ready-made (a built parser, a checked table) was made from.

Each such file starts with a stamp line naming its source text by a fingerprint;
a file whose stamp does not match the source beside it is ignored, so the source
stays the one place to edit.
"""

from __future__ import annotations

import zlib

__all__ = ["fingerprint"]


def fingerprint(text: str) -> str:
    """A short name for ``text`` that changes when it does: its CRC-32 and its length.

    The stamp guards against a stale file, not an attacker (whoever can write the
    file can write srank's code), so a checksum serves; ``hashlib`` would add
    OpenSSL's 3 ms to every cold start.

    Examples:
        >>> fingerprint("start: CODE")
        'crc32 4a4b5e31, 11 characters'
    """
    data = text.encode("utf-8")
    return f"crc32 {zlib.crc32(data):08x}, {len(text)} characters"
