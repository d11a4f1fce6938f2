"""``main()``: dispatch, exit statuses, and the process state a run borrows and gives back.

A run may change the error handling of stdout and stderr, csv's field size
limit and the SIGTERM and SIGHUP handlers; ``main`` restores each on the way
out, so a program that calls it in-process finds its own state unchanged.
"""

from __future__ import annotations

import contextlib
import csv
import os
import signal
import sys
import threading

from ._arguments import UsageError, build_parsers
from ._registry import COMMANDS
from ._status import EXIT_USAGE

TYPE_CHECKING = False  # srank --version imports this module: typing itself would cost more than it
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import FrameType
    from typing import Any

__all__ = ["Terminated", "main"]

_BY_NAME = {entry.name: entry for entry in COMMANDS}


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like KeyboardInterrupt, so cleanup runs, then exit 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting."""
    parser, _ = build_parsers(COMMANDS)
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and argparse's usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    command = _BY_NAME[args.command].command()  # the parser's choices are the registry's names
    with _borrowed_process_state():
        try:
            return command.run(args)
        except UsageError as error:
            print(f"srank: {error}", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            print("srank: interrupted", file=sys.stderr)
            return 130
        except Terminated as stop:
            print(f"srank: stopped by {signal.Signals(stop.signum).name}", file=sys.stderr)
            return 128 + stop.signum
        except BrokenPipeError:
            # The reader went away (srank check big.csv | head): stop quietly, with the status a shell gives
            # a program that SIGPIPE ended (128 + 13), as cat and grep do.
            _silence_stdout()
            return 128 + getattr(signal, "SIGPIPE", 13)


@contextlib.contextmanager
def _borrowed_process_state() -> Iterator[None]:
    # stdout and stderr: their error handling, and stand-ins when the process has none (>&-, 2>&-),
    # given back when the last of overlapping runs ends.
    from ._std_streams import borrowed_streams

    with borrowed_streams():
        _raise_field_limit()
        handlers = _catch_termination()
        try:
            yield
        finally:
            _restore_field_limit()
            for signum, handler in handlers.items():
                signal.signal(signum, handler)


# csv's field size limit is one number for the whole process: runs in several threads share one raised
# limit, and the value the process had comes back when the last of them ends.
_field_limit_lock = threading.Lock()
_runs = 0
_saved_field_limit = 0


def _raise_field_limit() -> None:
    global _runs, _saved_field_limit
    with _field_limit_lock:
        if _runs == 0:
            # A long header or cell must not fail on csv's default limit (131,072 characters).
            from ._records import MAX_RECORD_CHARS

            _saved_field_limit = csv.field_size_limit(MAX_RECORD_CHARS)
        _runs += 1


def _restore_field_limit() -> None:
    global _runs
    with _field_limit_lock:
        _runs -= 1
        if _runs == 0:
            csv.field_size_limit(_saved_field_limit)


def _catch_termination() -> dict[int, Any]:
    """Turn SIGTERM and SIGHUP into Terminated; returns the handlers to put back."""
    if threading.current_thread() is not threading.main_thread():
        return {}  # only the main thread may set handlers; a caller's thread keeps its process's

    def terminate(signum: int, _frame: FrameType | None) -> None:
        raise Terminated(signum)

    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, terminate)
    return previous


def _silence_stdout() -> None:
    # Python would otherwise complain about the closed pipe when flushing at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
