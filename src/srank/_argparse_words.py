"""argparse in srank's languages: the words Python's argparse writes itself, from srank's message catalogue.

argparse writes a few sentences of its own: the ``usage:`` prefix, the section
titles ``positional arguments`` and ``options``, the help of ``-h`` and
``--version``, and its usage errors ("the following arguments are required:
FILE"). Python ships no translation of them, and argparse looks them up in
gettext's *global* domain, which a library must not change for its caller. So
srank translates them where argparse lets a program step in, with public
methods only:

* ``formatter_class(lang, base)``: a help formatter whose usage prefix
  (``add_usage``) and default section titles (``start_section``) are in ``lang``;
* ``parser_class(lang, base)``: an ArgumentParser whose ``-h`` and ``--version``
  help, help formatter and usage errors (``error``) are in ``lang``;
* ``translated_error(message, lang)``: one of argparse's own error messages in
  ``lang``, matched against the English templates of the catalogue's
  ``argparse.*`` messages; any other message (the program's own, already in
  ``lang``) is returned as it is.

Everything else on a help page (descriptions, option help, the program's own
errors) is the program's text: the command line says it with ``say(...)``. A
parser of ``parser_class(lang)`` renders such a message in ``lang`` wherever it
is given one: the ``description``, ``epilog`` and ``usage`` of the parser, the
``help`` of an argument, the ``title`` and ``description`` of a group or of
subparsers, and an ``argparse.ArgumentTypeError`` raised with a message by an
argument's ``type``. Plain text is left as it is.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys

from ._english import MESSAGES
from ._languages import ENGLISH, language
from ._messages import Message, in_language, quoted, say, say_count

TYPE_CHECKING = False  # srank --help builds its parser here: typing itself would cost more than this module
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, NoReturn

__all__ = ["formatter_class", "parser_class", "translated_error"]

# argparse's own section titles ("optional arguments" before Python 3.10) and their message ids.
_TITLES = {"options": "argparse.options", "optional arguments": "argparse.options"}
_TITLES["positional arguments"] = "argparse.positionals"
# argparse's error messages, most specific first; "argument X: ..." wraps another of them.
_ERRORS = (
    "argparse.expected-one",
    "argparse.expected-at-most-one",
    "argparse.expected-at-least-one",
    "argparse.expected-count.one",
    "argparse.expected-count.other",
    "argparse.required",
    "argparse.one-required",
    "argparse.unrecognized",
    "argparse.invalid-choice",
    "argparse.invalid-value",
    "argparse.unknown-parser",
    "argparse.ambiguous",
    "argparse.not-allowed",
    "argparse.ignored-explicit",
)


_REPR = re.compile(r"'([^'\\]*)'")  # a text as Python's repr quotes it, without quotes or escapes inside


def _word(key: str, lang: str) -> str:
    return in_language(say(key), lang)


@functools.cache
def _pattern(key: str) -> re.Pattern[str]:
    """The English template of ``key`` as a regular expression, each ``{name}`` a named group."""
    pieces = re.split(r"\{(\w+)\}", MESSAGES[key])
    parts = [re.escape(piece) if at % 2 == 0 else f"(?P<{piece}>.+?)" for at, piece in enumerate(pieces)]
    return re.compile("".join(parts), re.DOTALL)


def translated_error(message: str, lang: str) -> str:
    """One of argparse's own error messages in ``lang``; any other message unchanged.

    >>> from srank._argparse_words import translated_error
    >>> translated_error("the following arguments are required: FILE", "fr")
    'les arguments suivants sont obligatoires\\xa0: FILE'
    """
    if language(lang) == ENGLISH:
        return message
    wrapped = _pattern("argparse.argument").fullmatch(message)
    if wrapped is not None:
        inner = translated_error(wrapped["message"], lang)
        return in_language(say("argparse.argument", argument=wrapped["argument"], message=inner), lang)
    for key in _ERRORS:
        found = _pattern(key).fullmatch(message)
        if found is None:
            continue
        if key.endswith((".one", ".other")):  # argparse chose the English form; each language chooses its own
            return in_language(say_count(key.rsplit(".", 1)[0], int(found["count"])), lang)
        fields = found.groupdict()
        if key == "argparse.invalid-choice":  # argparse quotes the value and the choices as Python does: 'mapp'
            fields = {name: _REPR.sub(lambda text: quoted([text[1]], lang), value) for name, value in fields.items()}
        return in_language(say(key, **fields), lang)
    return message


_MADE: dict[tuple[str, type[Any]], type[Any]] = {}  # one class per language and base, as subparsers share it


def formatter_class(
    lang: str, base: type[argparse.HelpFormatter] = argparse.HelpFormatter
) -> type[argparse.HelpFormatter]:
    """``base`` with argparse's usage prefix and section titles in ``lang``."""
    code = language(lang)
    made = _MADE.get((code, base))
    if made is None:
        made = _MADE[code, base] = _formatter(code, base)
    return made


def _formatter(code: str, base: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:

    class Formatter(base):  # type: ignore[valid-type,misc]
        def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: Any = None):
            # argparse makes a formatter for every add_argument, and one without a width imports shutil (with
            # zlib, bz2 and lzma) to ask for the terminal's: a tenth of `srank explain`'s start-up. os answers.
            super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)

        def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, _word("argparse.usage", code) if prefix is None else prefix)

        def start_section(self, heading: str | None) -> None:
            # argparse writes the title and a colon right after it: the "section" message puts
            # whatever a language sets before a colon (French: a no-break space).
            key = _TITLES.get(heading or "")
            title = heading if key is None else _word(key, code)
            super().start_section(None if title is None else in_language(say("argparse.section", title=title), code))

    Formatter.__name__ = Formatter.__qualname__ = f"{base.__name__}_{code}"
    return Formatter


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: $COLUMNS, else stdout's terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _said(kwargs: dict[str, Any], names: tuple[str, ...], code: str) -> dict[str, Any]:
    """``kwargs`` with each message among ``names`` rendered in ``code``."""
    return {
        name: in_language(value, code) if isinstance(value, Message) and name in names else value
        for name, value in kwargs.items()
    }


def _typed(kind: Callable[[str], Any], code: str) -> Callable[[str], Any]:
    """An argument's ``type``, whose ArgumentTypeError made of a message is said in ``code``; its name kept."""

    def typed(text: str) -> Any:
        try:
            return kind(text)
        except argparse.ArgumentTypeError as error:
            if error.args and isinstance(error.args[0], Message):
                raise argparse.ArgumentTypeError(error.args[0].render(code)) from None
            raise

    typed.__name__ = getattr(kind, "__name__", repr(kind))  # argparse names the type in "invalid int value"
    return typed


def _argument(kwargs: dict[str, Any], code: str) -> dict[str, Any]:
    """An argument's keywords with its help said in ``code``, and its type's messages too."""
    if code != ENGLISH and callable(kwargs.get("type")):
        kwargs = {**kwargs, "type": _typed(kwargs["type"], code)}
    return _said(kwargs, ("help",), code)


class _Translating(argparse.ArgumentParser):
    """The parts of a parser that speak ``language``; ``parser_class`` puts it before the parser class it extends."""

    language: ClassVar[str] = ENGLISH

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.get("add_help", True)
        kwargs = _said(kwargs, ("description", "epilog", "usage"), self.language)
        super().__init__(*args, **{**kwargs, "add_help": False})
        # Set after the base's own __init__, which may choose its formatter itself.
        chosen: type[argparse.HelpFormatter] = self.formatter_class  # type: ignore[assignment]
        self.formatter_class = formatter_class(self.language, chosen)
        if add_help:
            prefix = "-" if "-" in self.prefix_chars else self.prefix_chars[0]
            help_text = _word("argparse.help", self.language)
            self.add_argument(
                f"{prefix}h", f"{prefix * 2}help", action="help", default=argparse.SUPPRESS, help=help_text
            )

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "version" and "help" not in kwargs:
            kwargs["help"] = _word("argparse.version", self.language)
        return super().add_argument(*args, **_argument(kwargs, self.language))

    def add_argument_group(self, *args: Any, **kwargs: Any) -> Any:
        titled = dict(zip(("title", "description"), args, strict=False))
        group = super().add_argument_group(**_said({**titled, **kwargs}, ("title", "description"), self.language))
        adds, code = group.add_argument, self.language

        def add_argument(*args: Any, **kwargs: Any) -> argparse.Action:  # the group's own, its help said too
            return adds(*args, **_argument(kwargs, code))

        group.add_argument = add_argument  # type: ignore[method-assign]
        return group

    def add_subparsers(self, **kwargs: Any) -> Any:
        return super().add_subparsers(**_said(kwargs, ("title", "description", "help"), self.language))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = say("argparse.error", prog=self.prog, message=translated_error(message, self.language))
        self.exit(2, in_language(text, self.language) + "\n")


def parser_class(lang: str, base: type[argparse.ArgumentParser] = argparse.ArgumentParser) -> type[Any]:
    """``base`` speaking ``lang``: its ``-h`` and ``--version`` help, its help formatter and its usage errors.

    Subparsers made by ``add_subparsers()`` are of the same class, so they
    speak the same language. A ``--version`` added to an argument group, not
    to the parser, keeps argparse's English help unless given its own.
    """
    code = language(lang)
    made = _MADE.get((code, base))
    if made is None:
        attributes = {"language": code, "__module__": base.__module__}
        made = _MADE[code, base] = type(f"{base.__name__}_{code}", (_Translating, base), attributes)
    return made
