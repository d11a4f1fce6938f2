"""The standard streams a run of ``main()`` borrows, and stand-ins for the ones the process was started without.

A run sets the error handling of stdout and stderr to ``backslashreplace`` (a
console that cannot encode a character gets an escape, not a traceback). Runs
may overlap (threads calling ``main()``): the first to start saves what the
streams had and the last to end puts it back, so overlapping runs never leave a
run's setting behind. A process started with stdout or stderr closed (``>&-``,
``2>&-``) has None there: for the run, stdout becomes a stream that refuses
writing with a usage error, and stderr one that drops what is written, so
messages are lost but the exit status still says how the run went.
"""

from __future__ import annotations

import contextlib
import io
import sys
import threading
from collections.abc import Iterator
from typing import Any

from .._messages import say
from ._arguments import UsageError

__all__ = ["borrowed_streams"]


class _ClosedStdout(io.TextIOBase):
    """stdout when the process has none: writing to it is a usage error, named as such."""

    def writable(self) -> bool:
        return True

    def write(self, text: str, /) -> int:
        raise _closed()

    @property
    def buffer(self) -> io.BufferedWriter:  # what srank's writers write to
        raise _closed()


def _closed() -> UsageError:
    return UsageError(say("cli.output.stdout-closed"))


class _DroppedStderr(io.TextIOBase):
    """stderr when the process has none: messages go nowhere, as they would have."""

    def writable(self) -> bool:
        return True

    def write(self, text: str, /) -> int:
        return len(text)


_lock = threading.Lock()
_runs = 0
_stand_ins: dict[str, io.TextIOBase] = {}  # "stdout"/"stderr": the stand-in put there for the runs
_saved_errors: list[tuple[io.TextIOWrapper[Any], str | None]] = []  # each stream reconfigured, and what it had


@contextlib.contextmanager
def borrowed_streams() -> Iterator[None]:
    """For the block: stand-ins for closed streams, and backslashreplace; given back when the last run ends."""
    global _runs
    with _lock:
        if _runs == 0:
            for name, make in (("stdout", _ClosedStdout), ("stderr", _DroppedStderr)):
                if getattr(sys, name) is None:
                    _stand_ins[name] = make()
                    setattr(sys, name, _stand_ins[name])
        _runs += 1
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper) and all(stream is not saved for saved, _ in _saved_errors):
                # A console that cannot encode the text (cp1252 and the PLANTS "⚘") gets an
                # escape such as \u2698 instead of a traceback.
                _saved_errors.append((stream, stream.errors))
                with contextlib.suppress(ValueError):  # a stream closed by the caller
                    stream.reconfigure(errors="backslashreplace")
    try:
        yield
    finally:
        with _lock:
            _runs -= 1
            if _runs == 0:
                for stream, errors in _saved_errors:
                    with contextlib.suppress(ValueError):
                        stream.reconfigure(errors=errors)
                _saved_errors.clear()
                for name, stand_in in _stand_ins.items():
                    if getattr(sys, name) is stand_in:  # unless the caller put something else there meanwhile
                        setattr(sys, name, None)
                _stand_ins.clear()
