"""What changes between Python versions, tested on whichever version runs the suite.

Python 3.14 made ``functools.partial`` a method descriptor: a partial stored on a
class binds to the instance as a function does, so it receives ``self`` too
(3.13 warns about this with a FutureWarning). CI has no 3.14, so a copy of the
parser module is loaded with ``functools.partial`` replaced by a partial that
binds the 3.14 way; its transformer must still build the same ranks.
"""

from __future__ import annotations

import functools
import importlib.util
import types
from typing import Any

import pytest

import srank
import srank._lark_adapter


class _BindingPartial(functools.partial):  # type: ignore[type-arg]
    """functools.partial as Python 3.14 makes it: a method descriptor that binds like a function."""

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return self if instance is None else types.MethodType(self, instance)


def _adapter_where_partial_binds(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """A fresh copy of srank._lark_adapter, executed while functools.partial binds as a method."""
    spec = importlib.util.spec_from_file_location("srank._lark_adapter_binding", srank._lark_adapter.__file__)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with monkeypatch.context() as patch:
        patch.setattr(functools, "partial", _BindingPartial)
        spec.loader.exec_module(module)
    # Its own parser, built with its own transformer (a wheel's shipped parser holds the original's).
    module._parsers[module.GRAMMAR_NAME] = module.build_parser()
    return module


def test_the_stand_in_binds_as_python_3_14_does() -> None:
    class Holder:
        call = _BindingPartial(lambda *arguments: arguments, "first")

    holder = Holder()
    assert holder.call("last") == ("first", holder, "last")


@pytest.mark.parametrize(
    ("code", "kind", "level"),
    [
        ("G5T1T3Q", "Rank", "GLOBAL"),
        ("G3G4", "Rank", "GLOBAL"),
        ("GXC", "Rank", "GLOBAL"),
        ("T2?", "Rank", "INFRASPECIFIC"),
        ("N4N5B", "Rank", "NATIONAL"),
        ("SNRM", "Rank", "SUBNATIONAL"),
        ("S2B,S4N", "MultiSeasonRank", "SUBNATIONAL"),
        ("S5T1T3", "Rank", "SUBNATIONAL"),
    ],
)
def test_the_transformer_works_where_partial_binds(
    monkeypatch: pytest.MonkeyPatch, code: str, kind: str, level: str
) -> None:
    adapter = _adapter_where_partial_binds(monkeypatch)
    rank = adapter.parse_code(code)
    assert (str(rank), type(rank).__name__, rank.level.name) == (code, kind, level)


def test_a_broken_range_is_still_located_where_partial_binds(monkeypatch: pytest.MonkeyPatch) -> None:
    adapter = _adapter_where_partial_binds(monkeypatch)
    with pytest.raises(srank.InvalidRankError) as caught:
        adapter.parse_code("G5T3T2")
    assert (caught.value.code, caught.value.span) == ("range-reversed", (2, 6))
