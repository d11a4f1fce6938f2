"""srank's exceptions: one tree, rooted at SrankError.

InvalidRankError renders like pypa/packaging's InvalidRequirement: the message,
then the code, then a caret under the problem, so a reader sees *where* at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._messages import Said, in_language, say

if TYPE_CHECKING:
    from ._findings import Finding

__all__ = [
    "InvalidRankError",
    "SrankError",
    "clipped",
    "missing_dependency",
    "problem_line",
    "quotable",
    "show_char",
    "shown",
]

_WINDOW = 60  # characters of a long code shown around the problem


def clipped(text: str, limit: int = _WINDOW) -> str:
    """``text`` for a message: whole when short, else its start and its length, so messages stay small."""
    if len(text) <= limit:
        return text
    return say("text.clipped", start=text[: limit - 1], length=len(text))


def quotable(value: object, limit: int = _WINDOW) -> object:
    """A value for a message's ``{value!r}``, cut to ``limit`` characters: a 2,000-item list makes no 11 KB message.

    Text stays text, so that each language quotes it its own way, and its cut shows as "…" inside the quotes
    (``clipped`` would put its length there, in the language's digits); anything else is its ``repr``, cut alike.
    """
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "…"
    return _Repr(value, limit)


class _Repr:
    """An object whose ``repr`` is another's, cut short."""

    def __init__(self, value: object, limit: int) -> None:
        text = repr(value)
        self.text = text if len(text) <= limit else text[: limit - 1] + "…"

    def __repr__(self) -> str:
        return self.text


def problem_line(
    severity: str,
    code: str,
    message: str,
    *,
    place: str | None = None,
    hint: str | None = None,
    lang: str = "en",
) -> str:
    """A finding or an error on one line, ``severity[code]: place: message; hint: ...``: the one way to write them.

    In ``lang``, with that language's words for the severity and the hint and
    its punctuation; the code stays as it is, since tools match on it.
    """
    if lang == "en":
        where = f"{place}: " if place else ""
        text = f"{severity}[{code}]: {where}{message}"
        return f"{text}; hint: {hint}" if hint else text
    said = say(f"line.{severity}")
    if place:
        line = say("line.problem-at", severity=said, code=code, place=place, message=message)
    else:
        line = say("line.problem", severity=said, code=code, message=message)
    return in_language(say("line.with-hint", line=line, hint=hint) if hint else line, lang)


class SrankError(Exception):
    """Base class of every error srank raises on purpose.

    Catch it to handle every srank failure at once.

    Examples:
        >>> issubclass(srank.InvalidRankError, srank.SrankError)
        True
    """


class InvalidRankError(Said, SrankError, ValueError):
    """A text is not a valid rank code.

    ``span`` is 0-based and end-exclusive, in ``text``. ``expected`` holds human
    words ("a season letter (B, N or M)"), never Lark terminal names. ``code`` is
    the stable finding code that ``srank.check`` reports for the same problem.

    It is also a ValueError. ``str(error)`` shows the code with a caret under the problem.

    Examples:
        >>> try:
        ...     srank.parse("G3G2")
        ... except srank.InvalidRankError as error:
        ...     print(error.code, error.span, error.hint)
        range-reversed (0, 4) write the lower (more imperiled) number first, as in G2G3
    """

    def __init__(
        self,
        message: str,
        *,
        text: str,
        span: tuple[int, int],
        expected: Sequence[str] = (),
        hint: str | None = None,
        code: str = "syntax",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.text = text
        self.span = span
        self.expected = tuple(expected)
        self.hint = hint
        self.code = code

    @classmethod
    def from_finding(cls, finding: Finding, text: str, expected: Sequence[str] = ()) -> InvalidRankError:
        """The error for a broken structural rule, located in ``text`` by the finding's span.

        Args:
            finding: The error finding of the rule.
            text: The code the span points into.
            expected: What the reader expected there, in words.

        Returns:
            The error.

        Examples:
            >>> finding = srank.check("G3G2")[0]
            >>> srank.InvalidRankError.from_finding(finding, text="G3G2").code
            'range-reversed'
        """
        return cls(
            finding.message, text=text, span=finding.span, expected=expected, hint=finding.hint, code=finding.code
        )

    def evolve(self, *, into: type[InvalidRankError] | None = None, **changes: Any) -> InvalidRankError:
        """The same error with some fields changed (a cell named, a span moved), as ``attrs.evolve`` does.

        Every copy of an error is made here, so a field added to the error is carried everywhere.
        ``into`` makes the copy an instance of a subclass.

        Args:
            into: A subclass of InvalidRankError for the copy; None keeps InvalidRankError.
            **changes: The fields to change: message, text, span, expected, hint or code.

        Returns:
            The copy.

        Examples:
            >>> error = srank.InvalidRankError("Range 3-2 is reversed", text="G3G2", span=(0, 4))
            >>> error.evolve(message="row 2: Range 3-2 is reversed").message
            'row 2: Range 3-2 is reversed'
        """
        fields = {name: getattr(self, name) for name in _FIELDS}
        fields.update(changes)
        return (into or InvalidRankError)(fields.pop("message"), **fields)

    def expected_in(self, lang: str) -> tuple[str, ...]:
        """What could have stood where the problem is (``.expected``), in another language.

        Args:
            lang: A language srank has, or a tag of one.

        Returns:
            The words, in the order of ``.expected``.

        Examples:
            >>> srank.parse_many(["G6"])[0].expected_in("fr")
            ('une valeur de rang (1-5, X, H, U, NR ou NA)',)
        """
        return tuple(in_language(word, lang) for word in self.expected)

    def line(self, *, lang: str = "en") -> str:
        """The error on one line with its hint, as ``srank check`` writes it in ``srank_message``.

        Args:
            lang: The language of the line (the code stays as it is); English by default.

        Returns:
            The line.

        Examples:
            >>> for part in srank.parse_many(["G3G2"])[0].line().split("; "):
            ...     print(part)
            error[range-reversed]: Range 3-2 is reversed
            hint: write the lower (more imperiled) number first, as in G2G3
        """
        return problem_line("error", self.code, self.message, hint=self.hint, lang=lang)

    def render(self, lang: str = "en") -> str:
        """The error as ``str()`` shows it: the message, the text with a caret under the problem, the hint.

        Args:
            lang: The language of the message and the hint; English by default.

        Returns:
            The lines of the error, joined.

        Examples:
            >>> print(srank.parse_many(["G3G2"])[0].render("es"))
            El intervalo 3-2 está invertido
                G3G2
                ^^^^
            Sugerencia: escriba primero el número más bajo (más amenazado), como en G2G3
        """
        shown, marker = _show_with_marker(self.text, self.span)
        lines = [in_language(self.message, lang), shown, marker]
        text = "\n    ".join(lines)
        if self.hint:
            text += "\n" + in_language(say("error.hint", hint=self.hint), lang)
        return text

    def __str__(self) -> str:
        return self.render()

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments need help to survive pickling (multiprocessing).
        return (_rebuild, tuple(getattr(self, name) for name in _FIELDS))


_FIELDS = ("message", "text", "span", "expected", "hint", "code")


def _rebuild(*values: Any) -> InvalidRankError:
    fields = dict(zip(_FIELDS, values, strict=True))
    return InvalidRankError(fields.pop("message"), **fields)


def show_char(char: str) -> str:
    """A character as a reader can see it: printable as is, others escaped."""
    if char.isprintable():
        return char
    return ascii(char)[1:-1] if char not in "\n\t\r" else repr(char)[1:-1]


def shown(text: str) -> str:
    """Text from a file or a library, safe in a one-line message: line breaks and terminal controls escaped."""
    return text if text.isprintable() else "".join(map(show_char, text))


def _show_with_marker(text: str, span: tuple[int, int]) -> tuple[str, str]:
    # Long input: show a window around the problem so the caret stays useful.
    first, last = 0, len(text)
    if len(text) > _WINDOW:
        first = max(0, min(span[0] - _WINDOW // 2, len(text) - _WINDOW))
        last = first + _WINDOW
    prefix = "…" if first else ""
    pieces = [show_char(char) for char in text[first:last]]
    columns = [len(prefix)]
    for piece in pieces:
        columns.append(columns[-1] + len(piece))
    start, end = (min(max(index, first), last) - first for index in span)
    shown = prefix + "".join(pieces) + ("…" if last < len(text) else "")
    marker = " " * columns[start] + "^" * max(1, columns[end] - columns[start])
    return shown, marker


def missing_dependency(feature: str, error: ImportError, extra: str, requirements: dict[str, str]) -> ImportError:
    """The error for an optional interface that cannot import its libraries: what is missing, and what to install.

    ``requirements`` maps each library srank's ``extra`` installs, by import name, to what pip installs
    (``{"pandas": "pandas>=2.1"}``), the library the interface is for first. The message names that
    library, and everything missing at once, so that one install is enough; when the libraries are
    there but one of their own dependencies is not, it names that dependency. The extra is named only
    as installed from a clone: srank is on no package index, and a package called srank there is not it.
    """
    names = list(requirements)
    absent = [name for name in names if not _installed(name)]
    needs = f"{feature} needs {_joined(names)}"
    if absent == names:
        said = f"{needs}, which {_is_or_are(absent)} not installed"
    elif absent:
        said = f"{needs}; {_joined(absent)} {_is_or_are(absent)} not installed"
    elif cause := _uninstalled_cause(error):
        absent = names  # pip installs what they need with them
        said = f"{needs}; {cause}, which {names[0] if len(names) == 1 else 'one of them'} needs, is not installed"
    else:
        return ImportError(f"{needs}, installed here but failing to import: {error}")
    install = " ".join(f"'{requirements[name]}'" for name in absent)
    return ImportError(f"{said}: pip install {install}, or pip install '.[{extra}]' inside srank's clone")


def _installed(name: str) -> bool:
    """Whether the top-level module ``name`` is there to import, without importing it."""
    import importlib.util  # only when an import has failed: ``import srank`` stays cheap

    try:
        return importlib.util.find_spec(name) is not None
    except ValueError:  # in sys.modules without a spec: imported, so there
        return True


def _uninstalled_cause(error: BaseException) -> str | None:
    """The top-level module whose absence made ``error``, following the chain of causes, if one is not installed."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, ImportError) and cause.name:
            top = cause.name.partition(".")[0]
            if not _installed(top):
                return top
        cause = cause.__cause__ or cause.__context__
    return None


def _joined(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _is_or_are(names: Sequence[str]) -> str:
    return "is" if len(names) == 1 else "are"
