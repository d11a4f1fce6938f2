"""Methods that are a module function applied to the object they hang on.

The pandas accessor and the polars namespaces offer each function of their
module as a method. ``delegate`` makes that method from the function itself:
its parameters, help and result are the function's, less the parameter the
object fills, so the two cannot drift apart and no signature is written twice.
Each namespace module types the result (with ``ParamSpec``) so that mypy checks
a method call against the function's own signature.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["delegate", "documented"]

Method = TypeVar("Method", bound=Callable[..., object])


def delegate(function: Callable[..., object]) -> Any:
    """A method that calls ``function`` with the namespace's ``_data`` as its first argument.

    Typed ``Any`` on purpose: the namespace module annotates it with a descriptor type
    that names the method's parameters and result.
    """
    signature = inspect.signature(function)
    filled, *rest = signature.parameters.values()

    def method(self: Any, /, *args: Any, **kwargs: Any) -> object:
        return function(self._data, *args, **kwargs)

    method.__name__ = method.__qualname__ = function.__name__
    method.__module__ = function.__module__
    method.__doc__ = _help(function, filled.name)
    method.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY), *rest]
    )
    return method


def documented(function: Callable[..., object]) -> Callable[[Method], Method]:
    """Give a method written out by hand (its types differ by namespace) ``function``'s help, as ``delegate`` does."""
    filled = next(iter(inspect.signature(function).parameters))

    def decorate(method: Method) -> Method:
        method.__doc__ = _help(function, filled)
        return method

    return decorate


def _help(function: Callable[..., object], filled: str) -> str:
    return without_argument(inspect.getdoc(function) or "", filled)


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
