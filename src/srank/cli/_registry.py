"""Every subcommand, once: the argument parser and dispatch both read this list.

An entry names a command, its one-line help, and the module that holds it
(a ``Command`` or ``TableCommand`` subclass as ``COMMAND``). The module is
imported only when the command is used, so ``srank --help`` and
``srank --version`` load none. A new subcommand is one module and one line here.
"""

from __future__ import annotations

from importlib import import_module

TYPE_CHECKING = False  # imported by srank --help: typing itself would cost more than this module
if TYPE_CHECKING:
    from ._command import Command

__all__ = ["COMMANDS", "Entry"]


class Entry:
    """A command's name and one-line help, and the module that holds it."""

    __slots__ = ("help", "module", "name")

    def __init__(self, name: str, help: str, module: str) -> None:
        self.name, self.help, self.module = name, help, module

    def command(self) -> Command:
        """The command itself, from its module."""
        found: Command = import_module(self.module, __package__).COMMAND
        return found


COMMANDS = (
    Entry("explain", "describe each code", "._explain_command"),
    Entry("round", "print the rounded code of each code", "._round_command"),
    Entry("check", "check and decode the rank columns of a CSV, TSV or workbook file", "._check_command"),
    Entry(
        "distribution",
        "write a distribution column (Explorer or Biotics) in long form, one row per place",
        "._distribution_command",
    ),
    Entry("explorer", "NatureServe Explorer API data, saved or live, in long form", "._explorer_command"),
    Entry("map", "draw a distribution as an SVG tile map, or one map per row of a table", "._map_command"),
    Entry("diff", "what changed between two exports: rank columns paired by key, in long form", "._diff_command"),
)
