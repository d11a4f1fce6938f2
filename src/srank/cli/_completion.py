"""The whole parser at once, for shell completion with shtab (the ``completion`` extra).

``srank`` adds a command's options only when that command runs, so that
``srank --help`` loads none; a completion script needs them all, so this loads
every command first. shtab itself is not imported: its own command calls this::

    shtab --shell=bash srank.cli.completion_parser > ~/.local/share/bash-completion/completions/srank
"""

from __future__ import annotations

import argparse

from ._arguments import build_parsers
from ._registry import COMMANDS

__all__ = ["completion_parser"]

# shtab reads an action's ``complete`` attribute: FILE arguments complete file names.
_FILES = {"bash": "_shtab_compgen_files", "zsh": "_files", "tcsh": "f"}


def completion_parser() -> argparse.ArgumentParser:
    """The ``srank`` parser with every command's options loaded, and file arguments marked as files.

    Returns:
        The parser ``srank`` itself uses; give it to ``shtab.complete`` or name
        this function on shtab's command line.

    Examples:
        >>> from srank.cli import completion_parser
        >>> parser = completion_parser()
        >>> parser.prog
        'srank'
    """
    parser, commands = build_parsers(COMMANDS)
    for command in commands.values():
        command.load()
        for action in command._actions:
            if action.metavar == "FILE":
                action.complete = _FILES  # type: ignore[attr-defined]
    return parser
