"""Retired codes still found in state lists, and what NatureServe writes now.

Data only, apart from lenient reading (``_lenient``), so that the description
tables and ``describe`` can name a legacy code without loading the reader's
patterns.
"""

from __future__ import annotations

import attrs

from ._messages import say

__all__ = ["LEGACY_CODES", "Legacy"]


@attrs.frozen
class Legacy:
    """A retired NatureServe code and the code that replaces it today."""

    code: str
    modern: str

    @property
    def meaning(self) -> str:
        """What the code meant, in a few words ("accidental"): the message ``legacy.<code>``."""
        return say(f"legacy.{self.code}")


# Retired codes still found in state lists, and what NatureServe writes now; what each meant is
# its message legacy.<code> (_english.py, messages/*.toml).
LEGACY_CODES: dict[str, Legacy] = {
    legacy.code: legacy
    for legacy in (
        Legacy("SA", "SNA"),
        Legacy("SE", "SNA"),
        Legacy("SZ", "SNA"),
        Legacy("SZN", "SNAN"),
        Legacy("SZB", "SNAB"),
        Legacy("SR", "SNR"),
        Legacy("SRF", "SNA"),
        Legacy("SP", "SNR"),
        Legacy("S?", "SNR"),
        Legacy("HYB", "GNA"),
    )
}
