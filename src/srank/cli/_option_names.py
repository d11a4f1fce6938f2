"""How messages name the options that set how one file is read.

The one-file commands name ``--encoding``, ``--sheet`` and ``--header-row``. srank diff
gives each of its two files its own (``--old-sheet``, ``--new-header-row``) besides the
shared ones, so that each file's hints name the option that sets that file alone.
"""

from __future__ import annotations

import argparse

import attrs

from .._messages import Message

__all__ = ["ONE_FILE", "OptionNames"]


@attrs.frozen
class OptionNames:
    """The options a file's messages name; each defaults to the one-file command's."""

    encoding: str = "--encoding"
    sheet: str = "--sheet"
    header_row: str = "--header-row"  # the option a hint names to set the header row
    header_row_given: str = "--header-row"  # the option that gave the header row asked for
    header_row_shared: Message | None = None  # said when no column asked for is on a header row two files share

    @classmethod
    def of(cls, args: argparse.Namespace) -> OptionNames:
        """The names a command's arguments carry (srank diff sets them per file), else the one-file command's."""
        found = getattr(args, "option_names", None)
        return found if isinstance(found, OptionNames) else ONE_FILE


ONE_FILE = OptionNames()
"""The names of the one-file commands (srank check, distribution, map)."""
