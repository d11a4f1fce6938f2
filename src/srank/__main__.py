"""``python -m srank``: the same command as the ``srank`` console script."""

from __future__ import annotations

from .cli import run

if __name__ == "__main__":
    raise SystemExit(run())
