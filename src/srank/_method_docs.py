"""Docstrings for methods that are a module function applied to the object they hang on.

The pandas accessor and the polars namespaces repeat each function of their
module as a method; the method's help is the function's, less the parameter
the object itself fills, so the two cannot drift apart.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TypeVar

__all__ = ["documented_as"]

Method = TypeVar("Method", bound=Callable[..., object])


def documented_as(function: Callable[..., object], filled: str) -> Callable[[Method], Method]:
    """Give the decorated method ``function``'s docstring without the ``filled`` entry of its Args section."""

    def decorate(method: Method) -> Method:
        method.__doc__ = without_argument(inspect.getdoc(function) or "", filled)
        return method

    return decorate


def without_argument(doc: str, name: str) -> str:
    """A Google-style docstring less one entry of its Args section (the entry's line and its continuation)."""
    kept: list[str] = []
    skipping: int | None = None  # the indentation of the entry being dropped
    in_args = False
    for line in doc.splitlines():
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if skipping is not None:
            if stripped and indent <= skipping:
                skipping = None
            else:
                continue
        if not line.startswith(" ") and stripped.endswith(":"):
            in_args = stripped == "Args:"
        elif in_args and stripped.startswith((f"{name}:", f"{name} (")):
            skipping = indent
            continue
        kept.append(line)
    return "\n".join(kept)
