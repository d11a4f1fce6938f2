"""The per-group functions of pandas and polars take, at run time, the options their typing Protocols declare."""

from __future__ import annotations

import inspect
import typing
from types import ModuleType

import pytest

from srank._per_group import IndexOptions, ReadOptions

pandas = pytest.importorskip("srank.pandas")
polars = pytest.importorskip("srank.polars")


@pytest.mark.parametrize("module", [pandas, polars], ids=["pandas", "polars"])
def test_each_function_takes_data_then_the_keyword_options_its_protocol_declares(module: ModuleType) -> None:
    # The Protocols type the calls; the functions run them: the two must name the same options.
    assert ReadOptions.__optional_keys__ == {"errors", "lenient"}
    assert IndexOptions.__optional_keys__ == {"errors", "lenient", "season", "uncertain"}
    for function, options in (
        (module.most_imperiled, ReadOptions),
        (module.least_imperiled, ReadOptions),
        (module.status_index, IndexOptions),
    ):
        parameters = inspect.signature(function).parameters
        data = next(iter(parameters.values()))
        assert (data.name, data.kind) == ("data", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        keywords = {name for name, parameter in parameters.items() if parameter.kind is inspect.Parameter.KEYWORD_ONLY}
        assert keywords == options.__optional_keys__
        assert len(parameters) == 1 + len(keywords)


def test_most_and_least_are_named_and_typed_as_their_module_s_own() -> None:
    assert (polars.most_imperiled.__name__, polars.least_imperiled.__qualname__) == (
        "most_imperiled",
        "least_imperiled",
    )
    assert (pandas.most_imperiled.__module__, polars.least_imperiled.__module__) == ("srank.pandas", "srank.polars")
    hints = typing.get_type_hints(polars.least_imperiled)  # resolved in srank.polars, as validators ask
    assert hints["data"] == polars.pl.Series | polars.pl.Expr
    assert hints["errors"] == typing.Literal["raise", "skip"]
