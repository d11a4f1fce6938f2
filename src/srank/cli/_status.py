"""srank's exit statuses, for every command."""

from __future__ import annotations

__all__ = ["EXIT_FOUND", "EXIT_OK", "EXIT_USAGE"]

EXIT_OK = 0
"""Every code valid (for srank diff: nothing changed)."""
EXIT_FOUND = 1
"""Some code invalid or some finding an error (for srank diff: something changed)."""
EXIT_USAGE = 2
"""A usage or I/O error: nothing, or not everything, was read."""
