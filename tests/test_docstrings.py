"""The API reference is complete: every public name says what it takes, gives, and shows an example.

Public names are those in ``__all__`` of srank, srank.pandas, srank.polars,
srank.pandera, srank.explorer and srank.strategies, with the public methods of
their classes (the pandas accessor and the polars namespaces among them).
Docstrings are Google style, rendered by napoleon; their examples run as
doctests in the docs build. A method or function must describe each parameter
(Args), what it returns (Returns or Yields) and show an example (Examples, with
``>>>``); a class shows an example; a property says what it is.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterator

import pytest

MODULES = ["srank", "srank.pandas", "srank.polars", "srank.pandera", "srank.explorer", "srank.strategies"]
SECTION = re.compile(r"^(Args|Returns|Yields|Raises|Examples):\s*$", re.MULTILINE)


def _public() -> Iterator[tuple[str, object]]:
    for name in MODULES:
        module = importlib.import_module(name)
        for attribute in module.__all__:
            value = getattr(module, attribute)
            if inspect.isclass(value):
                yield f"{name}.{attribute}", value
                for klass in value.__mro__:
                    if not klass.__module__.startswith("srank"):
                        continue
                    for member_name, member in vars(klass).items():
                        if member_name.startswith("_"):
                            continue
                        if inspect.isfunction(member) or isinstance(member, (property, classmethod, staticmethod)):
                            yield f"{name}.{attribute}.{member_name}", getattr(value, member_name)
            elif inspect.isfunction(value):
                yield f"{name}.{attribute}", value


PUBLIC = sorted(dict(_public()).items())


def sections(doc: str) -> dict[str, str]:
    """A Google-style docstring's sections by title; the text before the first is the summary."""
    parts = SECTION.split(doc)
    found = {"summary": parts[0]}
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        found[title] = body
    return found


def problems(doc: str | None, obj: object) -> list[str]:
    """What the docstring of one public name lacks."""
    if not doc or not doc.strip():
        return ["no docstring"]
    if isinstance(obj, property):
        return []
    found = sections(inspect.cleandoc(doc))
    missing = []
    if ">>>" not in found.get("Examples", ""):
        missing.append("no Examples section with a >>> example")
    if inspect.isclass(obj):
        return missing
    function = obj.__func__ if isinstance(obj, (classmethod, staticmethod)) else obj
    assert callable(function)
    signature = inspect.signature(function)
    args = found.get("Args", "")
    for parameter in signature.parameters.values():
        if parameter.name in ("self", "cls") or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if not re.search(rf"^\s*\*{{0,2}}{parameter.name}\b.*:", args, flags=re.MULTILINE):
            missing.append(f"parameter {parameter.name!r} not described under Args")
    returns = signature.return_annotation
    if returns not in (None, "None", inspect.Signature.empty) and not ({"Returns", "Yields"} & set(found)):
        missing.append("no Returns section")
    return missing


def _raw(qualified: str) -> object:
    """The attribute as stored on its class (a property or classmethod object), or the function."""
    module_name, _, rest = qualified.partition(".")
    for name in MODULES[::-1]:
        if qualified.startswith(name + "."):
            module_name, rest = name, qualified[len(name) + 1 :]
            break
    owner: object = importlib.import_module(module_name)
    parts = rest.split(".")
    for part in parts[:-1]:
        owner = getattr(owner, part)
    if inspect.isclass(owner):
        for klass in owner.__mro__:
            if parts[-1] in vars(klass):
                return vars(klass)[parts[-1]]
    return getattr(owner, parts[-1])


def test_the_checker_finds_what_is_missing() -> None:
    def described(code: str, *, lenient: bool = False) -> str:
        """Read a code.

        Args:
            code: The code.

        Returns:
            The code.
        """
        return code

    assert problems(described.__doc__, described) == [
        "no Examples section with a >>> example",
        "parameter 'lenient' not described under Args",
    ]
    assert problems(None, described) == ["no docstring"]
    assert problems("Text.\n\nExamples:\n    >>> 1\n    1\n", int) == []


@pytest.mark.parametrize(("name", "value"), PUBLIC, ids=[name for name, _ in PUBLIC])
def test_every_public_name_is_documented_with_an_example(name: str, value: object) -> None:
    raw = _raw(name)
    doc = raw.__doc__ if isinstance(raw, property) else inspect.getdoc(value)
    assert problems(doc, raw) == []


def test_public_names_are_in_the_api_reference() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text(encoding="utf-8")
    import srank

    for name in srank.__all__:
        if name != "__version__":
            assert f"srank.{name}" in page, name
    for module in MODULES[1:]:
        assert f"automodule:: {module}" in page or module == "srank.explorer", module
