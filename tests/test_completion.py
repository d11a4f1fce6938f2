"""Shell completion: shtab writes a bash script from srank's parser, and bash completes with it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from srank.cli import completion_parser

shtab = pytest.importorskip("shtab", reason="shell completion needs the completion extra: pip install shtab")


def test_the_parser_holds_every_commands_options() -> None:
    script = shtab.complete(completion_parser(), shell="bash")
    lines = {line.split("=", 1)[0]: line.split("=", 1)[1] for line in script.splitlines() if "_option_strings=" in line}
    assert "--json" in lines["_shtab_srank_explain_option_strings"].split()
    assert {"--column", "--global-column", "--rounded", "--sheet", "--output"} <= set(
        lines["_shtab_srank_check_option_strings"].strip("()").split()
    )
    assert "_shtab_srank_check_pos_0_COMPGEN=_shtab_compgen_files" in script.splitlines()


def _complete(script: Path, words: list[str]) -> list[str]:
    line = " ".join(words)
    program = (
        f"source {script}\n"
        f"COMP_WORDS=({' '.join(repr(word) for word in words)}); COMP_CWORD={len(words) - 1}\n"
        f"COMP_LINE={line!r}; COMP_POINT=${{#COMP_LINE}}\n"
        "_shtab_srank\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True)
    return result.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_choices(tmp_path: Path) -> None:
    script = tmp_path / "srank.bash"
    script.write_text(shtab.complete(completion_parser(), shell="bash"), encoding="utf-8")
    assert _complete(script, ["srank", "ch"]) == ["check"]
    assert _complete(script, ["srank", "check", "--glo"]) == ["--global-column"]
    assert _complete(script, ["srank", "explain", "--style", ""]) == ["short", "long", "plants"]
    (tmp_path / "plants.csv").write_text("S Rank\nS1\n", encoding="utf-8")
    assert _complete(script, ["srank", "check", str(tmp_path / "pla")]) == [str(tmp_path / "plants.csv")]
