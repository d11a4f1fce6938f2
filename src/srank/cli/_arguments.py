"""The argument parser, built from the registry, and the checks of option values that argparse cannot make.

Imported for ``srank --help`` and ``srank --version``: only argparse and
srank's vocabulary at the top, nothing that loads the model or the tables.
"""

from __future__ import annotations

import argparse
from collections import namedtuple

from .. import __version__
from .._argparse_words import parser_class
from .._languages import ENGLISH
from .._messages import in_language, say
from .._styles import STYLES
from .._vocabulary import LEVEL_BY_LETTER, Level

TYPE_CHECKING = False  # imported by srank --help: typing itself would cost more than this module
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from ._command import Command
    from ._registry import Entry

__all__ = [
    "ColumnSpec",
    "CommandParser",
    "UsageError",
    "build_parsers",
    "column_option",
    "delimiter_option",
    "file_options",
    "files_argument",
    "input_options",
    "label_options",
    "lang_option",
    "lenient_option",
    "output_option",
    "output_options",
    "renamed_option",
    "repeatable",
    "rounded_option",
    "row_number",
    "spoken",
]

# A column's level: a T rank counts as global (a taxon's global rank column holds G5T2).
_COLUMN_LEVELS = {**LEVEL_BY_LETTER, "T": Level.GLOBAL}


class UsageError(Exception):
    """A problem the user can fix; printed as one message, exit status 2.

    Its argument is a message (``say(...)``), which ``main`` says in the run's language.
    """

    @property
    def said(self) -> object:
        """What to say: the message, for ``in_language``; the error's text when it was raised with other arguments."""
        return self.args[0] if len(self.args) == 1 else str(self)


class ColumnSpec(namedtuple("ColumnSpec", ["name", "level"], defaults=[None])):
    """A rank column to check, and the level its cells must have (None: any)."""

    __slots__ = ()
    name: str
    level: Level | None


def column_option(text: str) -> ColumnSpec:
    """``NAME`` or ``NAME:LEVEL``; a colon followed by anything but G, N, S or T is part of the name."""
    name, colon, level = text.rpartition(":")
    if colon and level.strip().upper() in _COLUMN_LEVELS and name:
        return ColumnSpec(name, _COLUMN_LEVELS[level.strip().upper()])
    if not text:
        raise argparse.ArgumentTypeError(say("cli.option.column-empty"))
    return ColumnSpec(text)


def rounded_option(text: str) -> tuple[str, str]:
    """``RAW=ROUNDED``: the column of raw ranks and the column of their stored rounded ranks."""
    raw, equals, rounded = text.partition("=")
    if not equals or not raw or not rounded:
        raise argparse.ArgumentTypeError(say("cli.option.raw-rounded", text=text))
    return raw, rounded


def renamed_option(text: str) -> tuple[str, str]:
    """``NAME`` or ``OLD=NEW``: a column of two files, and its name in the second when it was renamed."""
    old, equals, new = text.partition("=")
    if not old or (equals and not new):
        raise argparse.ArgumentTypeError(say("cli.option.old-new", text=text))
    return old, new or old


def output_option(text: str) -> str:
    if not text:
        raise argparse.ArgumentTypeError(say("cli.option.output-empty"))
    return text


def delimiter_option(value: str | None) -> str | None:
    if value is None:
        return None
    value = {"\\t": "\t", "tab": "\t", "TAB": "\t"}.get(value, value)
    if len(value) != 1 or value in "\r\n":
        raise UsageError(say("cli.option.delimiter-one", value=value))
    if value == '"':
        raise UsageError(say("cli.option.delimiter-quote"))
    return value


def row_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(say("cli.option.row-number", text=text))
    return number


def spoken(args: argparse.Namespace) -> str:
    """The language of the command line's own sentences: the run's (``main`` sets ``args.lang``), else the locale's."""
    from .._languages import environment_language, language

    given = getattr(args, "lang", None)
    return language(given) if given else environment_language()


def build_parsers(
    entries: Iterable[Entry], lang: str = ENGLISH
) -> tuple[argparse.ArgumentParser, dict[str, CommandParser]]:
    """The ``srank`` parser, and each command's own parser by name, speaking ``lang`` (help and usage errors)."""
    parser: argparse.ArgumentParser = parser_class(lang)(
        prog="srank", description=say("cli.main.description"), epilog=say("cli.main.epilog")
    )
    parser.add_argument("--version", action="version", version=f"srank {__version__}")
    lang_option(parser)
    subparsers = parser.add_subparsers(
        title=say("cli.main.commands"),
        metavar="COMMAND",
        dest="command",
        parser_class=parser_class(lang, CommandParser),
    )
    parsers = {}
    for entry in entries:
        parsers[entry.name] = subparsers.add_parser(entry.name, help=in_language(entry.help, lang), entry=entry)
    return parser, parsers


class _Described(argparse.ArgumentParser):
    """A parser whose --help ends with its command's examples (``examples.json``), read only when help is shown."""

    examples_of = ""  # the command's title after "srank ": "explain", "explorer read"

    def format_help(self) -> str:
        if self.examples_of and self.epilog is None:
            self.epilog = _examples(self.examples_of, getattr(self, "language", ENGLISH))
        return super().format_help()

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:  # typeshed overloads it
        # What a command does not know is said by the command, with its usage and the option meant: argparse
        # would hand it up to `srank`, whose usage does not name the command's options.
        namespace, extras = super().parse_known_args(args, namespace)
        files = getattr(namespace, "files", None)  # FILE [FILE ...] (files_argument)
        if extras and isinstance(files, list):
            # argparse takes no FILE after an option: `srank check a.csv -c X b.csv`, or `... -c X -- -b.csv`
            # (after --, every word is a file).
            before, ended, after = _split_at_end(extras)
            if all(extra == "-" or not extra.startswith("-") for extra in before):
                files += [*before, *after] if ended else before
                extras = []
        if extras:
            self.error(self._unrecognized(extras))
        return namespace, extras

    def _unrecognized(self, extras: list[str]) -> str:
        import difflib
        import re

        lang = getattr(self, "language", ENGLISH)
        said = in_language(say("argparse.unrecognized", arguments=" ".join(extras)), lang)
        given = next((extra.partition("=")[0] for extra in extras if extra.startswith("-")), None)
        if given is None:
            return said
        known = sorted(set(re.findall(r"(?<![\w-])--?[A-Za-z][\w-]*", self.format_help())))
        close = difflib.get_close_matches(given, known, n=1, cutoff=0.6)
        return said + (in_language(say("cli.table.did-you-mean", close=close[0]), lang) if close else "")


def _split_at_end(words: list[str]) -> tuple[list[str], bool, list[str]]:
    """The words before ``--``, whether it stands among them, and the words after it."""
    if "--" not in words:
        return words, False, []
    at = words.index("--")
    return words[:at], True, words[at + 1 :]


class CommandParser(_Described):
    """A command's parser. Its options are added when it is first used, so ``srank --help`` loads no command."""

    def __init__(self, *args: Any, entry: Entry, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "formatter_class": _HelpFormatter})
        self.entry = entry
        self.action_parsers: dict[str, argparse.ArgumentParser] = {}  # srank NAME ACTION, when it has actions
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        command = self.entry.command()
        lang = getattr(self, "language", ENGLISH)  # the language parser_class gave this parser
        _describe(self, command, lang)
        command.add_arguments(self)
        if command.actions:
            chooser = self.add_subparsers(
                title=say("cli.main.actions"),
                metavar="ACTION",
                dest="action",
                required=True,
                parser_class=parser_class(lang, _Described),
            )
            for action in command.actions:
                help_text = in_language(action.help, lang)
                parser = chooser.add_parser(action.name, help=help_text, formatter_class=_HelpFormatter)
                _describe(parser, action, lang)
                action.add_arguments(parser)
                self.action_parsers[action.name] = parser

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self.load()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self.load()
        return super().format_usage()

    def format_help(self) -> str:
        self.load()
        return super().format_help()


def _describe(parser: argparse.ArgumentParser, command: Command, lang: str) -> None:
    """A command's description at the top of its --help, in ``lang``; its examples follow when help is shown."""
    parser.description = in_language(command.description, lang)
    assert isinstance(parser, _Described)
    parser.examples_of = command.title.removeprefix("srank ")


def _examples(title: str, lang: str) -> str | None:
    """The end of a command's --help: its examples, each a command line and what it does, in ``lang``.

    ``examples.json`` holds them by command title ("explain", "explorer read"): the id of the message
    that says what an example does, and its command line, the same in every language.
    """
    import json
    import os

    with open(os.path.join(os.path.dirname(__file__), "examples.json"), encoding="utf-8") as file:
        examples: dict[str, str] = json.load(file).get(title, {})
    lines = "\n".join(f"  {line}\n      {in_language(say(id), lang)}" for id, line in examples.items())
    return f"{in_language(say('cli.main.examples'), lang)}\n{lines}" if lines else None


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps the description as usual, and keeps the examples' lines as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = text.splitlines(keepends=True)
        if len(lines) > 1 and lines[1].startswith("  srank "):  # the examples: a title, then indented lines
            return "".join(indent + line for line in lines)
        return super()._fill_text(text, width, indent)


def file_options(command: argparse.ArgumentParser, *, several_files: bool = True, numbered: bool = True) -> None:
    """The options of every table command: where the output goes, and how the input is read."""
    output_options(command, several_files=several_files, numbered=numbered)
    input_options(command)


def files_argument(command: argparse.ArgumentParser) -> None:
    """FILE [FILE ...]: the tables a command reads, each in turn, with a summary each and a total."""
    command.add_argument("files", nargs="+", metavar="FILE", help=say("cli.help-files"))


def output_options(command: argparse.ArgumentParser, *, several_files: bool = False, numbered: bool = True) -> None:
    """--format, --output and how rows are written, for the commands that write rows.

    ``several_files``: the command checks each of several files (FILE [FILE ...]), so -o may name a folder.
    ``numbered``: its rows have line numbers; without, --problems-only is left out of the help (given, it is
    refused with what to use instead).
    """
    one = "" if several_files else "-one"
    command.add_argument("--format", choices=("csv", "jsonl", "xlsx"), help=say("cli.help-format"))
    command.add_argument("--output", "-o", type=output_option, metavar="PATH", help=say(f"cli.help-output{one}"))
    command.add_argument("--excel", action="store_true", help=say("cli.help-excel"))
    problems = say("cli.help-problems-only") if numbered else argparse.SUPPRESS
    command.add_argument("--problems-only", action="store_true", help=problems)
    command.add_argument("--summary-only", action="store_true", help=say(f"cli.help-summary-only{one}"))
    command.add_argument("--quiet", "-q", action="store_true", help=say("cli.help-quiet"))


def input_options(command: argparse.ArgumentParser) -> None:
    """How a CSV, TSV or workbook is read: --delimiter, --encoding, --sheet, --header-row."""
    command.add_argument("--delimiter", "-d", metavar="CHAR", help=say("cli.option.delimiter"))
    command.add_argument("--encoding", default="utf-8", help=say("cli.option.encoding"))
    command.add_argument("--sheet", metavar="NAME", help=say("cli.option.sheet"))
    command.add_argument("--header-row", type=row_number, metavar="N", help=say("cli.help-header-row"))


def label_options(command: argparse.ArgumentParser) -> None:
    """--style and --lang, for the commands that write status text."""
    command.add_argument("--style", choices=STYLES, default="short", help=say("cli.option.style"))
    lang_option(command)


def lang_option(command: argparse.ArgumentParser) -> None:
    """--lang, the language of the run: srank's words and status text. ``main`` reads it, before and after parsing.

    Absent, it is not set (not even to a default), so that a command's ``--lang`` keeps the top parser's.
    """
    command.add_argument("--lang", metavar="LANG", default=argparse.SUPPRESS, help=say("cli.main.help-lang"))


def repeatable(
    command: argparse.ArgumentParser, *flags: str, read: Callable[[str], object], metavar: str, help: str
) -> None:
    """An option given once per value, its values kept in order (``-c A -c B``); ``read`` turns each into its value."""
    command.add_argument(*flags, action="append", default=[], type=read, metavar=metavar, help=help)


def lenient_option(command: argparse.ArgumentParser, *, partial: bool = False) -> None:
    """--lenient: accept real files' spellings; ``partial`` for a command that then reads what it can."""
    said = say("cli.option.lenient-partial" if partial else "cli.option.lenient")
    command.add_argument("--lenient", action="store_true", help=said)
