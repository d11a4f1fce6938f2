"""The Python API's hints and messages that name its functions and parameters, said the command line's way.

A hint such as "srank.parse_many reads a whole column" or "pass nation='US'"
helps a Python user and no one at a prompt: each command that shows an error
from the library swaps such a hint for its own (by message id), and leaves
every other hint as the library wrote it. A message that names a parameter
("nation is a two-letter code") names the option instead (--nation).
"""

from __future__ import annotations

from .._batch import Result, message_of
from .._errors import InvalidRankError
from .._messages import Message, say

__all__ = ["cli_error", "cli_hint", "cli_message", "cli_message_of"]

_CLI_HINTS = {
    "parse.too-long-hint": "cli.hint.one-code",
    "explorer.not-explorer-hint": "cli.explorer.read-takes",
    "explorer.cannot-read-hint": "cli.explorer.read-takes",
    "explorer.job-not-taxa-hint": "cli.explorer.job-hint",
    "explorer.say-nation-hint": "cli.explorer.say-nation-hint",
    "explorer.not-global-rank-hint": "cli.explorer.rank-hint",
    "parse.lenient-hint": "cli.hint.lenient",
    "parse.missing-value-hint": "cli.hint.missing-value",
    "parse.empty-hint": "cli.hint.empty",
}


_PARAMETER_NAMED = frozenset({"explorer.not-place-code", "explorer.not-seconds"})  # {name}: a Python parameter


def cli_message(message: str) -> str:
    """A library message in the command line's terms: the parameter it names becomes the option (--nation)."""
    if isinstance(message, Message) and message.key in _PARAMETER_NAMED:
        option = "--" + str(message.params["name"]).replace("_", "-")  # max_wait is --max-wait
        return say(message.key, **{**message.params, "name": option})
    return message


def cli_hint(hint: str | None) -> str | None:
    """The command line's hint for a hint of the Python API's (itself when the command line says it the same way)."""
    if isinstance(hint, Message) and hint.key in _CLI_HINTS:
        return say(_CLI_HINTS[hint.key], **hint.params)
    return hint


def cli_error(error: InvalidRankError) -> InvalidRankError:
    """``error`` with the command line's hint."""
    hint = cli_hint(error.hint)
    return error if hint is error.hint else error.evolve(hint=hint)


def cli_message_of(result: Result, lang: str = "en") -> str:
    """``message_of`` (the problem of a cell, as srank_message writes it), with the command line's hints."""
    return message_of(cli_error(result) if isinstance(result, InvalidRankError) else result, lang)
