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
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from .._messages import say
from ._arguments import UsageError
from ._reasons import os_reason

__all__ = ["Sink", "output", "same_file"]


class Sink:
    """Where the rows go. A failed write (a full disk) names the output, not the file being read."""

    def __init__(self, stream: IO[str], name: str) -> None:
        self._stream = stream
        self.name = name

    def write(self, text: str) -> None:
        try:
            self._stream.write(text)
        except OSError as error:
            raise _failed(error, self.name) from None

    def writelines(self, lines: Iterable[str]) -> None:
        try:
            self._stream.writelines(lines)
        except OSError as error:
            raise _failed(error, self.name) from None

    def binary(self) -> IO[bytes]:
        """The bytes under the text, for a workbook: the text written so far is flushed, and none is written after."""
        self._stream.flush()
        buffer: IO[bytes] = getattr(self._stream, "buffer")  # noqa: B009 - IO[str] does not declare it
        return buffer


def _failed(error: OSError, name: str) -> BaseException:
    if isinstance(error, BrokenPipeError):
        return error  # the reader went away: main() stops quietly
    return UsageError(say("cli.output.cannot-write", path=name, reason=os_reason(error)))


@contextlib.contextmanager
def output(path: str | None) -> Iterator[Sink]:
    """The output; kept only if the block ends without an exception."""
    if path in (None, "-"):
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=False)
        try:
            yield Sink(out, "stdout")
            _closed(out.flush, "stdout")
        finally:
            with contextlib.suppress(OSError, ValueError):
                out.flush()
            out.detach()
        return
    assert path is not None
    target = os.path.realpath(path)  # a symlink's target, which the rename must replace
    mode = _existing_mode(target)
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError(say("cli.output.folder", path=path))
    if mode is not None and not stat.S_ISREG(mode):
        yield from _direct(path)  # FIFO, device, socket
        return
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise UsageError(say("cli.output.no-folder", path=path, folder=folder))
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
            "w", encoding="utf-8", newline="", dir=folder, prefix=".srank-", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise UsageError(say("cli.output.cannot-write", path=path, reason=os_reason(error))) from None
    try:
        try:
            yield Sink(handle, path)
        finally:
            _closed(handle.close, path)
        # The temporary file is private (0600); give the output the mode a new file would get.
        os.chmod(handle.name, mode & 0o7777 if mode is not None else _new_file_mode())
        os.replace(handle.name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)


def _closed(close: Callable[[], object], name: str) -> None:
    """Close or flush: the last buffered rows are written here, so a full disk shows here too."""
    try:
        close()
    except OSError as error:
        raise _failed(error, name) from None


def _direct(path: str) -> Iterator[Sink]:
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise UsageError(say("cli.output.cannot-write", path=path, reason=os_reason(error))) from None
    try:
        yield Sink(handle, path)
    finally:
        _closed(handle.close, path)


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
