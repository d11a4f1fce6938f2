"""The accessor's and the namespaces' methods are their module functions: same parameters, same help, one signature."""

from __future__ import annotations

import inspect

import pytest

from srank._namespace_methods import delegate, documented, without_argument


def described(data: list[str], threshold: int = 3, *, lenient: bool = False) -> str:
    """Say what the data is.

    Args:
        data: The data the object holds,
            over two lines.
        threshold: How high.
        lenient: Whether to be lenient.

    Returns:
        Text.
    """
    return f"{data} {threshold} {lenient}"


class Holder:
    def __init__(self, data: list[str]) -> None:
        self._data = data

    said = delegate(described)

    @documented(described)
    def written(self) -> str:
        return "by hand"


def test_a_delegated_method_calls_the_function_on_the_held_data() -> None:
    holder = Holder(["S1"])
    assert holder.said() == "['S1'] 3 False"
    assert holder.said(2, lenient=True) == "['S1'] 2 True"
    with pytest.raises(TypeError):
        holder.said(data=["S2"])


def test_a_delegated_method_has_the_signature_and_help_less_the_filled_parameter() -> None:
    assert str(inspect.signature(Holder.said)) == "(self, /, threshold: 'int' = 3, *, lenient: 'bool' = False) -> 'str'"
    assert str(inspect.signature(Holder(["S1"]).said)) == "(threshold: 'int' = 3, *, lenient: 'bool' = False) -> 'str'"
    assert Holder.said.__name__ == "described"
    assert Holder.said.__doc__ == (
        "Say what the data is.\n\nArgs:\n    threshold: How high.\n    lenient: Whether to be lenient.\n\n"
        "Returns:\n    Text."
    )
    assert Holder.written.__doc__ == Holder.said.__doc__


def test_without_argument_drops_only_that_entry() -> None:
    doc = "Text.\n\nArgs:\n    series: The Series.\n    series_name: Another.\n\nExamples:\n    series: not an arg"
    assert without_argument(doc, "series") == (
        "Text.\n\nArgs:\n    series_name: Another.\n\nExamples:\n    series: not an arg"
    )


def test_the_pandas_accessor_methods_are_the_module_functions() -> None:
    pd = pytest.importorskip("pandas")
    import srank.pandas

    codes = pd.Series(["S1", "S3", "S9"])
    assert codes.srank.is_imperiled(2, lenient=True).tolist() == [True, False, pd.NA]
    assert str(inspect.signature(codes.srank.valid)) == (
        "(*, lenient: 'bool' = False, level: 'Level | str | None' = None) -> 'pd.Series[bool]'"
    )
    assert "series:" not in (srank.pandas.SrankAccessor.valid.__doc__ or "")
    assert "    lenient: Read the spellings" in (srank.pandas.SrankAccessor.valid.__doc__ or "")


def test_the_polars_namespace_methods_are_the_module_functions() -> None:
    pl = pytest.importorskip("polars")
    import srank.polars

    assert pl.Series(["S1", "S3"]).srank.most_imperiled() == "S1"
    frame = pl.DataFrame({"rank": ["S1", "S3"]})
    assert frame.select(pl.col("rank").srank.least_imperiled()).item() == "S3"
    assert str(inspect.signature(pl.col("rank").srank.compare)) == (
        "(new: 'Data', *, lenient: 'bool' = False, lang: 'LanguageTag' = 'en') -> 'Data'"
    )
    assert "old:" not in (srank.polars.SrankExprNamespace.compare.__doc__ or "")
    assert "data:" not in (srank.polars.SrankSeriesNamespace.valid.__doc__ or "")
