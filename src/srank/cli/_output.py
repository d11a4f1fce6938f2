"""Where ``srank check`` writes: stdout, or ``-o PATH`` written atomically.

A regular file (new or existing) is written to a temporary file beside it and
renamed into place only when the run succeeds, so a failed or interrupted run
leaves the old file, or none, and no debris. A symlink is followed: its target
is replaced atomically and the link stays. A FIFO, a character device such as
/dev/null, or a socket cannot be replaced by a rename; it is written directly.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from typing import IO

from ._arguments import UsageError

__all__ = ["output", "same_file"]


@contextlib.contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """The output text stream; kept only if the block ends without an exception."""
    if path in (None, "-"):
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)
        try:
            yield out
        finally:
            try:
                out.flush()
            finally:
                out.detach()
        return
    assert path is not None
    target = os.path.realpath(path)  # a symlink's target, which the rename must replace
    mode = _existing_mode(target)
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError(f"--output {path} is a folder; name a file")
    if mode is not None and not stat.S_ISREG(mode):
        yield from _direct(path)  # FIFO, device, socket
        return
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
            "w", encoding="utf-8", newline="", dir=folder, prefix=".srank-", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    try:
        with handle:
            yield handle
        # The temporary file is private (0600); give the output the mode a new file would get.
        os.chmod(handle.name, mode & 0o7777 if mode is not None else _new_file_mode())
        os.replace(handle.name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)


def _direct(path: str) -> Iterator[IO[str]]:
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None
    with handle:
        yield handle


def _existing_mode(path: str) -> int | None:
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)
