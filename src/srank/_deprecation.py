"""The one way srank deprecates a public name or option (the policy is docs/deprecations.md).

A deprecated thing keeps working and warns for at least one minor release
before it goes; this helper writes every such warning the same way, and points
it at the caller's line, where the change has to be made.
"""

from __future__ import annotations

import warnings

__all__ = ["deprecated"]


def deprecated(what: str, *, since: str, removed_in: str, instead: str, stacklevel: int = 3) -> None:
    """Warn that ``what`` is deprecated: ``DeprecationWarning``, naming the release that removes it.

    ``removed_in`` must be at least two minor releases after ``since`` (0.3 ->
    0.5), so that one whole minor release (0.4) warns. ``stacklevel=3`` blames
    the code that called the deprecated function, not the function itself.
    """
    if _minor(removed_in) < _minor(since) + 2:
        raise ValueError(f"{what}: removal in {removed_in} is too early for a deprecation in {since}")
    warnings.warn(
        f"{what} is deprecated since srank {since} and will be removed in srank {removed_in}; {instead}",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def _minor(version: str) -> int:
    """Minor releases counted from 0.0: 0.4 -> 4, 1.2 -> 1002 (a major release counts as a thousand minors)."""
    major, minor = (int(part) for part in version.split(".")[:2])
    return major * 1000 + minor
