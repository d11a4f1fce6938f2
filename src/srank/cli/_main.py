"""``main()``: dispatch, exit statuses, and the process state a run borrows and gives back.

A run may change the error handling of stdout and stderr, csv's field size
limit and the SIGTERM and SIGHUP handlers; ``main`` restores each on the way
out, so a program that calls it in-process finds its own state unchanged.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import Any

from ._arguments import UsageError, build_parser
from ._records import MAX_RECORD_CHARS

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "Terminated", "main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like KeyboardInterrupt, so cleanup runs, then exit 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and argparse's usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if not hasattr(args, "command"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    with _borrowed_process_state():
        try:
            return _run(args)
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
            # The reader went away (srank check big.csv | head): stop quietly.
            _silence_stdout()
            return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    command = args.command
    if command == "check":
        from ._check_command import run_check

        return run_check(args)
    if command == "distribution":
        from ._distribution_command import run_distribution

        return run_distribution(args)
    from ._codes import run_explain, run_round

    return run_explain(args) if command == "explain" else run_round(args)


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
