"""The generated reference page lists every code with the table's own text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from srank._description_tables import AREA_LEVELS, area_fields, load
from srank._legacy import LEGACY_CODES

ROOT = Path(__file__).resolve().parents[1]


def test_reference_page_shows_every_label_and_definition(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "codes.md"
    script = ROOT / "docs" / "gen_reference.py"
    result = subprocess.run([sys.executable, str(script), str(out)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("# Rank codes\n")
    table = load("en")
    listed = {("level",), ("value",), ("qualifier",), ("season",), ("plants", "value"), ("plants", "qualifier")}
    listed.add(("plants", "season"))
    for key, text in table.texts.items():
        if key[:1] in listed or key[:2] in listed:
            if "{" in text:  # an X or H text that names the area: one row per level
                for level in AREA_LEVELS:
                    assert table.fill(*key, **area_fields(table, level)) in page, (key, level)
            else:
                assert text in page, key
    for legacy in LEGACY_CODES.values():
        definition = table.text("legacy", legacy.code, "definition").format(modern=legacy.modern)
        assert (
            f"| `{legacy.code}` | `{legacy.modern}` | {table.text('legacy', legacy.code, 'label')} | {definition} |"
            in page
        )
    assert "| `G2G3` | Imperiled to Vulnerable |" in page
