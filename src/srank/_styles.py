"""The styles of status text, by name only: the command line lists them without loading any table."""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing would cost srank --help more than this module

if TYPE_CHECKING:
    from ._text_options import Style

__all__ = ["STYLES"]

STYLES: tuple[Style, ...] = ("short", "long", "plants")
"""short: one label per part; long: a paragraph per component; plants: the USDA PLANTS status line."""
