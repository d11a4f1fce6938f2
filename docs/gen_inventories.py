"""Write the intersphinx inventories of the projects srank's reference links to, so the build needs no network.

Each inventory lists only the objects srank's pages and signatures refer to,
with their addresses on the project's documentation site; Sphinx's own
inventory format (version 2) is written with zlib. The addresses were read from
each project's published inventory; the internal names under which objects
appear in signatures (``pandas.core.series.Series``) point at the public page.
"""

from __future__ import annotations

import zlib
from pathlib import Path

# project -> (documentation site, version written in the inventory, [(name, role, address)])
PROJECTS: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python": (
        "https://docs.python.org/3",
        "3.11",
        [
            ("str", "py:class", "library/stdtypes.html#str"),
            ("int", "py:class", "library/functions.html#int"),
            ("float", "py:class", "library/functions.html#float"),
            ("bool", "py:class", "library/functions.html#bool"),
            ("list", "py:class", "library/stdtypes.html#list"),
            ("tuple", "py:class", "library/stdtypes.html#tuple"),
            ("dict", "py:class", "library/stdtypes.html#dict"),
            ("set", "py:class", "library/stdtypes.html#set"),
            ("frozenset", "py:class", "library/stdtypes.html#frozenset"),
            ("bytes", "py:class", "library/stdtypes.html#bytes"),
            ("object", "py:class", "library/functions.html#object"),
            ("None", "py:data", "library/constants.html#None"),
            ("pathlib.Path", "py:class", "library/pathlib.html#pathlib.Path"),
            ("os.PathLike", "py:class", "library/os.html#os.PathLike"),
            ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
            ("enum.Enum", "py:class", "library/enum.html#enum.Enum"),
            ("collections.abc.Iterable", "py:class", "library/collections.abc.html#collections.abc.Iterable"),
            ("collections.abc.Iterator", "py:class", "library/collections.abc.html#collections.abc.Iterator"),
            ("collections.abc.Sequence", "py:class", "library/collections.abc.html#collections.abc.Sequence"),
            ("collections.abc.Mapping", "py:class", "library/collections.abc.html#collections.abc.Mapping"),
            ("collections.abc.Callable", "py:class", "library/collections.abc.html#collections.abc.Callable"),
            ("collections.abc.Hashable", "py:class", "library/collections.abc.html#collections.abc.Hashable"),
            ("collections.abc.Collection", "py:class", "library/collections.abc.html#collections.abc.Collection"),
            ("typing.Literal", "py:data", "library/typing.html#typing.Literal"),
            ("typing.Any", "py:data", "library/typing.html#typing.Any"),
            ("typing.TypeAlias", "py:data", "library/typing.html#typing.TypeAlias"),
            ("typing.assert_type", "py:function", "library/typing.html#typing.assert_type"),
            ("re.fullmatch", "py:function", "library/re.html#re.fullmatch"),
            ("re", "py:module", "library/re.html#module-re"),
            ("ValueError", "py:exception", "library/exceptions.html#ValueError"),
            ("TypeError", "py:exception", "library/exceptions.html#TypeError"),
            ("KeyError", "py:exception", "library/exceptions.html#KeyError"),
            ("OSError", "py:exception", "library/exceptions.html#OSError"),
            ("ImportError", "py:exception", "library/exceptions.html#ImportError"),
            ("Exception", "py:exception", "library/exceptions.html#Exception"),
            ("DeprecationWarning", "py:exception", "library/exceptions.html#DeprecationWarning"),
        ],
    ),
    "pandas": (
        "https://pandas.pydata.org/docs",
        "2",
        [
            ("pandas.Series", "py:class", "reference/api/pandas.Series.html#pandas.Series"),
            # Annotations that autodoc cannot evaluate stay as written in the source (pd.Series[Any]).
            ("pd.Series", "py:class", "reference/api/pandas.Series.html#pandas.Series"),
            ("pd.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#pandas.DataFrame"),
            ("SeriesGroupBy", "py:class", "reference/groupby.html"),
            ("pandas.core.series.Series", "py:class", "reference/api/pandas.Series.html#pandas.Series"),
            ("pandas.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#pandas.DataFrame"),
            ("pandas.core.frame.DataFrame", "py:class", "reference/api/pandas.DataFrame.html#pandas.DataFrame"),
            ("pandas.Categorical", "py:class", "reference/api/pandas.Categorical.html#pandas.Categorical"),
            (
                "pandas.CategoricalDtype",
                "py:class",
                "reference/api/pandas.CategoricalDtype.html#pandas.CategoricalDtype",
            ),
            ("pandas.Index", "py:class", "reference/api/pandas.Index.html#pandas.Index"),
            ("pandas.BooleanDtype", "py:class", "reference/api/pandas.BooleanDtype.html#pandas.BooleanDtype"),
            ("pandas.StringDtype", "py:class", "reference/api/pandas.StringDtype.html#pandas.StringDtype"),
            ("pandas.Int64Dtype", "py:class", "reference/api/pandas.Int64Dtype.html#pandas.Int64Dtype"),
            ("pandas.api.typing.SeriesGroupBy", "py:class", "reference/groupby.html"),
            ("pandas.core.groupby.generic.SeriesGroupBy", "py:class", "reference/groupby.html"),
            ("pandas.DataFrame.groupby", "py:method", "reference/api/pandas.DataFrame.groupby.html"),
            ("pandas.DataFrame.sort_values", "py:method", "reference/api/pandas.DataFrame.sort_values.html"),
            ("pandas.factorize", "py:function", "reference/api/pandas.factorize.html#pandas.factorize"),
        ],
    ),
    "polars": (
        "https://docs.pola.rs/api/python/stable",
        "1",
        [
            ("polars.Series", "py:class", "reference/series/index.html#polars.Series"),
            ("polars.series.series.Series", "py:class", "reference/series/index.html#polars.Series"),
            ("polars.Expr", "py:class", "reference/expressions/index.html#polars.Expr"),
            ("polars.expr.expr.Expr", "py:class", "reference/expressions/index.html#polars.Expr"),
            ("polars.DataFrame", "py:class", "reference/dataframe/index.html#polars.DataFrame"),
            ("polars.dataframe.frame.DataFrame", "py:class", "reference/dataframe/index.html#polars.DataFrame"),
            ("polars.LazyFrame", "py:class", "reference/lazyframe/index.html#polars.LazyFrame"),
            ("pl.Series", "py:class", "reference/series/index.html#polars.Series"),
            ("pl.Expr", "py:class", "reference/expressions/index.html#polars.Expr"),
        ],
    ),
    "attrs": (
        "https://www.attrs.org/en/stable",
        "25",
        [
            ("attrs.define", "py:function", "api.html#attrs.define"),
            ("attrs.frozen", "py:function", "api.html#attrs.frozen"),
            ("attrs.evolve", "py:function", "api.html#attrs.evolve"),
            ("attrs.asdict", "py:function", "api.html#attrs.asdict"),
            ("attrs.fields", "py:function", "api.html#attrs.fields"),
        ],
    ),
    "pandera": (
        "https://pandera.readthedocs.io/en/stable",
        "0.24",
        [
            (
                "pandera.api.checks.Check",
                "py:class",
                "reference/generated/pandera.api.checks.Check.html#pandera.api.checks.Check",
            ),
        ],
    ),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/latest",
        "6",
        [
            (
                "hypothesis.strategies.SearchStrategy",
                "py:class",
                "reference/strategies.html#hypothesis.strategies.SearchStrategy",
            ),
            (
                "hypothesis.strategies.from_type",
                "py:function",
                "reference/strategies.html#hypothesis.strategies.from_type",
            ),
            ("hypothesis.strategies.text", "py:function", "reference/strategies.html#hypothesis.strategies.text"),
            ("hypothesis.given", "py:function", "reference/api.html#hypothesis.given"),
        ],
    ),
}


def inventory(project: str, version: str, entries: list[tuple[str, str, str]]) -> bytes:
    """One objects.inv file: four header lines, then the zlib-compressed entries."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = "".join(f"{name} {role} 1 {address} -\n" for name, role, address in entries)
    return header.encode() + zlib.compress(lines.encode())


def main(folder: Path) -> dict[str, tuple[str, str]]:
    """Write every inventory into ``folder``; returns Sphinx's ``intersphinx_mapping``."""
    folder.mkdir(parents=True, exist_ok=True)
    mapping = {}
    for project, (site, version, entries) in PROJECTS.items():
        path = folder / f"{project}.inv"
        data = inventory(project, version, entries)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        mapping[project] = (site, str(path))
    return mapping
