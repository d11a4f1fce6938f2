"""``main()``: dispatch, exit statuses, and the process state a run borrows and gives back.

A run may change the error handling of stdout and stderr, csv's field size
limit and the SIGTERM and SIGHUP handlers; ``main`` restores each on the way
out, so a program that calls it in-process finds its own state unchanged.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import os
import signal
import sys
import threading

from .._languages import ENGLISH, available_languages, environment_language, language
from .._messages import in_language, quoted, say
from ._arguments import UsageError, build_parsers
from ._registry import COMMANDS
from ._status import EXIT_USAGE

TYPE_CHECKING = False  # srank --version imports this module: typing itself would cost more than it
if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from types import FrameType
    from typing import Any

__all__ = ["Terminated", "asked_language", "main", "run"]

_BY_NAME = {entry.name: entry for entry in COMMANDS}


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like KeyboardInterrupt, so cleanup runs, then exit 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting.

    The run speaks the language of ``--lang`` (anywhere on the command line), else the environment's
    locale, else English. ``--lang`` is looked for before the parser is built, so that ``--help``
    and argparse's own usage errors speak it too, wherever ``--lang`` stands.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    lang = asked_language(arguments)
    parser, _ = build_parsers(COMMANDS, lang)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # --help, --version and argparse's usage errors
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    given = getattr(args, "lang", None)
    if given is not None:
        try:
            lang = language(given)
        except ValueError:
            choices = quoted(available_languages(), lang)  # in the run's quotes: « en », « es », « fr »
            _say(say("cli.main.unknown-lang", lang=given, choices=choices), lang)
            return EXIT_USAGE
    elif getattr(args, "style", None) == "plants":
        lang = ENGLISH  # the plants style is USDA PLANTS' own English: without --lang, the run speaks English
    args.lang = lang
    command = _BY_NAME[args.command].command()  # the parser's choices are the registry's names
    with _borrowed_process_state():
        try:
            return command.run(args)
        except UsageError as error:
            _say(error.said, lang)
            return EXIT_USAGE
        except KeyboardInterrupt:
            _say(say("cli.main.interrupted"), lang)
            return 130
        except Terminated as stop:
            _say(say("cli.main.stopped", signal=signal.Signals(stop.signum).name), lang)
            return 128 + stop.signum
        except BrokenPipeError:
            # The reader went away (srank check big.csv | head): stop quietly, with the status a shell gives
            # a program that SIGPIPE ended (128 + 13), as cat and grep do.
            _silence_stdout()
            return 128 + getattr(signal, "SIGPIPE", 13)
        except Exception as error:
            from .._errors import SrankError  # here: --version and --help stay clear of what _errors imports

            if type(error) is not SrankError:  # an InvalidRankError or ExplorerError escaping a command is a bug
                raise
            # srank's own failure that no command made a usage error (a broken installation): said on one line
            _say(" ".join(in_language(error.args[0] if error.args else error, lang).split()), lang)
            return EXIT_USAGE


def run() -> int:
    """The ``srank`` console script and ``python -m srank``: ``main()`` on the process's arguments, as it ends.

    The process exits next, so the objects start-up made (lark's parser, the
    description tables, every module) are frozen out of the garbage collector's
    way: its last pass over them at exit frees nothing the exit does not, and
    cost a tenth of ``srank explain G5``. ``atexit`` handlers, flushing and
    finalizers run as before. ``main()`` does not do this: a program that calls
    it in-process keeps its own collector as it was.
    """
    status = main()
    gc.freeze()
    return status


def asked_language(arguments: Sequence[str]) -> str:
    """The language the run speaks: the last ``--lang`` of ``arguments`` (before any ``--``), else the locale's.

    Read before the parser is built, so that its help and usage errors speak it. A ``--lang``
    srank does not know is left to ``main`` to refuse, in the locale's language.
    """
    asked = None
    items = iter(arguments)
    for item in items:
        if item == "--":
            break
        name, equals, value = item.partition("=")
        if len(name) >= 4 and "--lang".startswith(name):  # --la and --lan too, as argparse takes a unique prefix
            asked = value if equals else next(items, None)
    if asked:
        try:
            return language(asked)
        except ValueError:
            pass
    return environment_language()


def _say(text: object, lang: str) -> None:
    """One line of srank's on stderr, in ``lang``."""
    print(f"srank: {in_language(text, lang)}", file=sys.stderr)


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
