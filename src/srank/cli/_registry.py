"""Every subcommand, once: the argument parser and dispatch both read this list.

An entry names a command, its one-line help, and the module that holds it
(a ``Command`` or ``TableCommand`` subclass as ``COMMAND``). The module is
imported only when the command is used, so ``srank --help`` and
``srank --version`` load none. A new subcommand is one module and one line here.
"""

from __future__ import annotations

from importlib import import_module

from .._messages import say

TYPE_CHECKING = False  # imported by srank --help: typing itself would cost more than this module
if TYPE_CHECKING:
    from ._command import Command

__all__ = ["COMMANDS", "Entry"]


class Entry:
    """A command's name and one-line help, and the module that holds it."""

    __slots__ = ("help", "module", "name")

    def __init__(self, name: str, help: str, module: str) -> None:  # help: a message, said in the run's language
        self.name, self.help, self.module = name, help, module

    def command(self) -> Command:
        """The command itself, from its module."""
        found: Command = import_module(self.module, __package__).COMMAND
        return found


COMMANDS = (
    Entry("explain", say("cli.command.explain"), "._explain_command"),
    Entry("round", say("cli.command.round"), "._round_command"),
    Entry("check", say("cli.command.check"), "._check_command"),
    Entry("distribution", say("cli.command.distribution"), "._distribution_command"),
    Entry("explorer", say("cli.command.explorer"), "._explorer_command"),
    Entry("map", say("cli.command.map"), "._map_command"),
    Entry("diff", say("cli.command.diff"), "._diff_command"),
)
