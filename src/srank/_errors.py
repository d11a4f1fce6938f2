"""srank's exceptions: one tree, rooted at SrankError.

InvalidRankError renders like pypa/packaging's InvalidRequirement: the message,
then the code, then a caret under the problem, so a reader sees *where* at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._findings import Finding

__all__ = ["InvalidRankError", "SrankError", "clipped", "missing_dependency"]

_WINDOW = 60  # characters of a long code shown around the problem


def clipped(text: str, limit: int = _WINDOW) -> str:
    """``text`` for a message: whole when short, else its start and its length, so messages stay small."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"


class SrankError(Exception):
    """Base class of every error srank raises on purpose."""


class InvalidRankError(SrankError, ValueError):
    """A text is not a valid rank code.

    ``span`` is 0-based and end-exclusive, in ``text``. ``expected`` holds human
    words ("a season letter (B, N or M)"), never Lark terminal names. ``code`` is
    the stable finding code that ``srank.check`` reports for the same problem.
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
        """The error for a broken structural rule, located in ``text`` by the finding's span."""
        return cls(
            finding.message, text=text, span=finding.span, expected=expected, hint=finding.hint, code=finding.code
        )

    def __str__(self) -> str:
        shown, marker = _show_with_marker(self.text, self.span)
        lines = [self.message, shown, marker]
        text = "\n    ".join(lines)
        if self.hint:
            text += f"\nHint: {self.hint}"
        return text

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments need help to survive pickling (multiprocessing).
        return (_rebuild, (self.message, self.text, self.span, self.expected, self.hint, self.code))


def _rebuild(
    message: str,
    text: str,
    span: tuple[int, int],
    expected: tuple[str, ...],
    hint: str | None,
    code: str,
) -> InvalidRankError:
    return InvalidRankError(message, text=text, span=span, expected=expected, hint=hint, code=code)


def show_char(char: str) -> str:
    """A character as a reader can see it: printable as is, others escaped."""
    if char.isprintable():
        return char
    return ascii(char)[1:-1] if char not in "\n\t\r" else repr(char)[1:-1]


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


def missing_dependency(feature: str, error: ImportError, requirements: dict[str, str]) -> ImportError:
    """The error for an optional interface whose library is missing: it names that library to install.

    ``requirements`` maps each library's import name to what pip installs
    (``{"pandas": "pandas>=2.1"}``). The hint never names an srank extra:
    srank is not on a package index, and a package of that name there is not it.
    """
    missing = (error.name or "").partition(".")[0]
    wanted = [requirements[missing]] if missing in requirements else list(requirements.values())
    what = missing if missing in requirements else " and ".join(requirements)
    install = " ".join(f"'{requirement}'" for requirement in wanted)
    return ImportError(f"{feature} needs {what}: pip install {install} ({error})")
