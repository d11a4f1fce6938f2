"""What a subcommand declares: its name, help, options and examples, and what it runs.

A ``Command`` says what it is and adds its options; the registry
(``_registry``) lists every command once, and feeds both the argument parser
and dispatch. A ``TableCommand`` reads a table and writes every row back with
srank's columns: it declares its checks (named output columns, and how a
distinct key is judged) and its summary line, and the one skeleton in
``_table_run`` does the reading, the row loop, the writing and the summary.
Its rows come from one input file unless its ``open`` gives another source:
rows it made (``srank explorer``), or the joined rows of two files (``srank diff``).

``srank --help`` and ``srank --version`` load no command module (see
``_registry``); a command's module is imported when it is used.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .._messages import say
from ._arguments import file_options
from ._status import EXIT_FOUND, EXIT_OK

if TYPE_CHECKING:
    from ._checks import Check
    from ._summary import Tally
    from ._table import Source

__all__ = ["Command", "TableCommand"]

SourceT = TypeVar("SourceT", bound="Source")


class Command:
    """One subcommand: ``srank NAME``, or one of its actions, ``srank NAME ACTION``.

    A command with ``actions`` (each a ``Command`` whose ``group`` is its
    name) gets one sub-parser per action, and runs the action chosen; the
    registry still lists the command once.
    """

    name = ""
    group = ""  # the command this is an action of: "explorer" for srank explorer read
    actions: tuple[Command, ...] = ()

    @property
    def title(self) -> str:
        """How messages and summaries name it: ``srank NAME`` or ``srank NAME ACTION``."""
        return " ".join(filter(None, ("srank", self.group, self.name)))

    @property
    def help(self) -> str:
        """Its line in a list of commands: message ``cli.command.NAME``, or for an action ``cli.GROUP.NAME-help``.

        (``srank --help`` says a command's line from its registry entry, so that the list loads no command.)
        """
        return say(f"cli.{self.group}.{self.name}-help" if self.group else f"cli.command.{self.name}")

    @property
    def description(self) -> str:
        """The paragraph at the top of its --help: message ``cli.NAME.description`` (``cli.GROUP.NAME-description``)."""
        return say(self._description_id)

    @property
    def _description_id(self) -> str:
        return f"cli.{self.group}.{self.name}-description" if self.group else f"cli.{self.name}.description"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add this command's options to its parser (options common to its actions, if it has actions)."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the work; return the exit status. A command with actions runs the one chosen."""
        for action in self.actions:
            if action.name == args.action:
                return action.run(args)
        raise NotImplementedError


class TableCommand(Command, Generic[SourceT]):
    """A command that reads a CSV, TSV or workbook and writes every row back, with srank's columns after it.

    ``SourceT`` is what its rows come from: a ``Table`` (one file) by default.
    Rows in equal rows out, in order; a row may give several output rows (one
    per place of a distribution). A row whose cells cannot be read is kept,
    padded, with its problem named in each check's columns.

    With ``layout = "wide"`` each check appends its own columns beside the
    others'; with ``"long"`` the checks share one set of columns and each
    check's output rows follow the others' (``diff``: one row per rank column).
    """

    reads = "rank"  # what a row's checked cells hold, for "the rank was not read"
    each_file = False  # its rows come from FILE [FILE ...] (files_argument), each file read in turn by open_table
    numbered = True  # each row has a line (or row) number, which --problems-only writes in srank_line
    joiner = ": "  # between the headline and a lone main check's counts
    layout = "wide"
    columns: tuple[str, ...] = ()  # srank's output columns, as its description lists them

    @property
    def description(self) -> str:
        return say(self._description_id, columns=", ".join(self.columns))

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        self.add_options(parser)
        file_options(parser, several_files=self.each_file, numbered=self.numbered)

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        """This command's own options; the file options (--output, --format, ...) are common to all."""

    def prepare(self, args: argparse.Namespace) -> None:
        """Check option values before any reading; raise UsageError for what the user can fix."""

    def open(self, args: argparse.Namespace) -> AbstractContextManager[SourceT]:
        """Where the rows come from: ``args.file``, read by ``open_table``, unless the command gives its own."""
        from ._table import open_table

        opened: AbstractContextManager[Any] = open_table(args, self.wanted(args))  # a Table, for FILE commands
        return opened

    def wanted(self, args: argparse.Namespace) -> list[str]:
        """The columns this run reads: they must be in the header, and they help find a sheet's header row."""
        raise NotImplementedError

    def checks(self, args: argparse.Namespace, table: SourceT) -> list[Check]:
        """What is judged in each row, each check with its own output columns."""
        raise NotImplementedError

    def headline(self, tally: Tally, checks: Sequence[Check]) -> str:
        """The summary's first line after ``srank NAME: FILE: ``."""
        raise NotImplementedError

    def exit_status(self, found: bool, checks: Sequence[Check]) -> int:
        """The exit status once the summary is written; ``found`` says whether a check found what makes it 1."""
        return EXIT_FOUND if found else EXIT_OK

    def run(self, args: argparse.Namespace) -> int:
        from ._table_run import run_table  # the skeleton imports this module: not at the top

        return run_table(self, args)
