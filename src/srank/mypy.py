"""A mypy plugin that gives the pandas ``.srank`` accessor its type.

pandas registers accessors at run time, which no type checker sees: on a
``pd.Series[str]``, pandas-stubs types ``series.srank`` as ``str`` (its
``__getattr__`` returns the element type), so ``series.srank.valid()`` fails
under ``mypy --strict``. With this plugin, ``series.srank`` is a
``srank.pandas.SrankAccessor`` and every method call is checked. Enable it in
your mypy configuration::

    [tool.mypy]
    plugins = ["srank.mypy"]

Other checkers (pyright) can call the same methods through the accessor class,
``srank.pandas.SrankAccessor(series).valid()``, or the module functions,
``srank.pandas.valid(series)``. polars namespaces cannot be typed this way (polars
declares no ``__getattr__`` to hook): use the functions of ``srank.polars``.
``import srank`` never imports this module; only mypy does.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import TypeInfo
from mypy.plugin import AttributeContext, Plugin
from mypy.types import Instance, Type

__all__ = ["plugin"]

_SERIES_ATTRIBUTE = "pandas.core.series.Series.srank"
_ACCESSOR = "srank.pandas.SrankAccessor"


class _SrankPlugin(Plugin):
    def get_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        return self._accessor if fullname == _SERIES_ATTRIBUTE else None

    def _accessor(self, ctx: AttributeContext) -> Type:
        """The accessor class, when srank.pandas is part of the program (importing it registers the accessor)."""
        found = self.lookup_fully_qualified(_ACCESSOR)
        if found is None or not isinstance(found.node, TypeInfo):
            return ctx.default_attr_type  # no srank.pandas, no .srank at run time either
        return Instance(found.node, [])


def plugin(version: str) -> type[Plugin]:
    """mypy's entry point: the plugin class, whatever mypy's version."""
    return _SrankPlugin
