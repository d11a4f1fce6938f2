"""A progress line on stderr for long runs at a terminal."""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from .._messages import in_language, say

__all__ = ["with_progress", "with_row_progress"]

_PROGRESS_EVERY = 1 << 14  # lines between looks at the clock


def with_progress(lines: Iterable[str], source: IO[str], command: str, lang: str = "en") -> Iterator[str]:
    """Pass lines through, and after a second show how far the reading is on stderr."""
    try:
        total = os.fstat(source.fileno()).st_size
        position: Callable[[], int] | None = source.buffer.tell  # type: ignore[attr-defined]
        if not total:
            position = None
    except (OSError, AttributeError, io.UnsupportedOperation):
        total, position = 0, None
    started = time.monotonic()
    for number, text in enumerate(lines, 1):
        if not number % _PROGRESS_EVERY and time.monotonic() - started > 1:
            share = ""
            if position is not None:
                try:
                    share = f" ({min(100, 100 * position() // total)}%)"
                except OSError:
                    position = None
            said = say("cli.progress.lines", command=f"srank {command}", count=number, share=share)
            sys.stderr.write(f"\r{in_language(said, lang)}")
            sys.stderr.flush()
        yield text


def with_row_progress(rows: Iterable[list[str]], total: int, command: str, lang: str = "en") -> Iterator[list[str]]:
    """Pass a sheet's rows through, and after a second show how many of ``total`` are read on stderr."""
    started = time.monotonic()
    for number, row in enumerate(rows, 1):
        if not number % _PROGRESS_EVERY and time.monotonic() - started > 1:
            share = f" ({min(100, 100 * number // total)}%)" if total else ""
            said = say("cli.progress.rows", command=f"srank {command}", count=number, total=total, share=share)
            sys.stderr.write(f"\r\033[K{in_language(said, lang)}")
            sys.stderr.flush()
        yield row
