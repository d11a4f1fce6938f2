"""Deprecations: one helper writes the warning, blames the caller, and keeps the policy's minimum."""

from __future__ import annotations

import linecache

import pytest

from srank._deprecation import deprecated


def old_name() -> str:
    deprecated("srank.old_name()", since="0.3", removed_in="0.5", instead="use srank.new_name()")
    return "still works"


def test_the_warning_names_the_releases_and_the_replacement() -> None:
    with pytest.warns(DeprecationWarning, match="deprecated since") as caught:
        assert old_name() == "still works"
    (warning,) = caught
    assert str(warning.message) == (
        "srank.old_name() is deprecated since srank 0.3 and will be removed in srank 0.5; use srank.new_name()"
    )
    # The caller's line, where the change must be made (Python shows it by default there, in __main__).
    assert warning.filename == __file__
    assert linecache.getline(warning.filename, warning.lineno).strip() == 'assert old_name() == "still works"'


@pytest.mark.parametrize(("since", "removed_in"), [("0.3", "0.4"), ("0.3", "0.3"), ("1.9", "1.10")])
def test_removal_leaves_one_whole_minor_release(since: str, removed_in: str) -> None:
    with pytest.raises(ValueError, match="too early"):
        deprecated("x", since=since, removed_in=removed_in, instead="y")


def test_a_major_release_is_far_enough() -> None:
    with pytest.warns(DeprecationWarning, match="removed in srank 1.0"):
        deprecated("x", since="0.9", removed_in="1.0", instead="y")
