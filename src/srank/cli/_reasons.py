"""Reasons that come from outside srank, the operating system's and Python's codecs', in the run's language.

``os_reason(error)`` is an ``OSError``'s ``strerror`` and ``decode_reason(error)``
a ``UnicodeDecodeError``'s ``reason``: each a message that *is* the system's own
English words (so English output stays what the system says) and is said in
another language from the catalogue's ``cli.os.<ERRNO>`` and ``cli.decode.*``
entries. A reason the catalogue does not know stays as the system wrote it.
"""

from __future__ import annotations

import errno
import re

from .._english import MESSAGES
from .._messages import Message

__all__ = ["decode_reason", "os_reason"]


def os_reason(error: OSError) -> str:
    """Why the system refused: ``error.strerror`` (or the error itself), said in the run's language where known."""
    text = error.strerror or str(error)
    name = errno.errorcode.get(error.errno or 0, "")
    return _known(f"cli.os.{name}", text)


def decode_reason(reason: str) -> str:
    """Why bytes do not decode (``UnicodeDecodeError.reason``), said in the run's language where known."""
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return _known(f"cli.decode.{slug.removesuffix('-0x110000')}", reason)


def _known(key: str, english: str) -> str:
    return Message(key, {}, english) if key in MESSAGES else english
