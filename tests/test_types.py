"""Types for user code: the Literal types match what srank accepts, and the typing check compares exactly.

The user scripts themselves (tests/typing) run under mypy in CI: tools/check_typing.py.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import get_args

import srank
from srank._styles import STYLES

ROOT = Path(__file__).resolve().parent.parent


def test_literal_types_list_what_srank_accepts() -> None:
    assert get_args(srank.Style) == ("short", "long", "plants")
    assert get_args(srank.Style) == STYLES
    assert get_args(srank.Language) == ("en", "es", "fr")
    assert get_args(srank.Language) == srank.available_languages()


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_typing", ROOT / "tools" / "check_typing.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_expectations_are_read_from_comments(tmp_path: Path) -> None:
    script = tmp_path / "fail_demo.py"
    script.write_text(
        'x: int = "a"  # E: Incompatible types in assignment  [assignment]\n'
        "y = 1\n"
        'reveal_type(y)  # N: Revealed type is "builtins.int"  # E: second  [misc]\n',
        encoding="utf-8",
    )
    assert _checker().expected_in(script) == Counter(
        {
            ("fail_demo.py", 1, "E", "Incompatible types in assignment  [assignment]"): 1,
            ("fail_demo.py", 3, "N", 'Revealed type is "builtins.int"'): 1,
            ("fail_demo.py", 3, "E", "second  [misc]"): 1,
        }
    )


def test_a_missing_or_unexpected_report_is_a_difference() -> None:
    checker = _checker()
    output = (
        "tests/typing/fail_demo.py:1: error: Incompatible types in assignment  [assignment]\n"
        'tests/typing/core.py:9: note: Revealed type is "Any"\n'
        "Found 1 error in 1 file (checked 2 source files)\n"
    )
    reported = checker.reported_in(output)
    expected = Counter(
        {
            ("fail_demo.py", 1, "E", "Incompatible types in assignment  [assignment]"): 1,
            ("fail_demo.py", 3, "E", "second  [misc]"): 1,
        }
    )
    assert checker.differences(expected, reported) == [
        'core.py:9: unexpected note: Revealed type is "Any"',
        "fail_demo.py:3: missing error: second  [misc]",
    ]
    assert checker.differences(reported, reported) == []
