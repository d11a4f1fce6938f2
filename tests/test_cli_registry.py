"""The registry of subcommands: every command reachable, its help and errors clean, --help and --version cheap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from srank.cli._registry import COMMANDS

NAMES = [entry.name for entry in COMMANDS]
MINIMAL = {
    "explain": ["G5"],
    "round": ["G5"],
    "check": ["in.csv", "-c", "r"],
    "distribution": ["in.csv", "-c", "d"],
    "explorer": ["read", "saved.json"],
    "map": ["US(N5)"],
    "diff": ["old.csv", "new.csv", "--key", "id", "-c", "r"],
}
ACTIONS = [(entry.name, action.name) for entry in COMMANDS for action in entry.command().actions]


def test_the_registry_lists_each_command_once() -> None:
    assert NAMES == ["explain", "round", "check", "distribution", "explorer", "map", "diff"]
    assert ACTIONS == [("explorer", "read"), ("explorer", "search")]
    assert sorted(MINIMAL) == sorted(NAMES)  # a new command needs its line in these tests


@pytest.mark.parametrize("name", NAMES)
def test_every_command_help_ends_with_examples(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    from srank.cli import main

    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: srank {name} ")
    examples = out.split("\nexamples:\n", 1)[1].splitlines()
    assert len([line for line in examples if line.startswith("  srank ")]) >= 2


@pytest.mark.parametrize(("name", "action"), ACTIONS)
def test_every_action_help_ends_with_examples(name: str, action: str, capsys: pytest.CaptureFixture[str]) -> None:
    from srank.cli import main

    assert main([name, action, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: srank {name} {action} ")
    examples = out.split("\nexamples:\n", 1)[1].splitlines()
    assert len([line for line in examples if line.startswith(f"  srank {name} {action} ")]) >= 2


def test_every_command_and_action_says_its_help_line_and_description() -> None:
    """Both are messages found by the command's name: a command without them fails here, not when --help is asked."""
    for entry in COMMANDS:
        command = entry.command()
        assert command.help == entry.help
        assert command.description
        for action in command.actions:
            assert action.help
            assert action.description
    explorer = next(entry.command() for entry in COMMANDS if entry.name == "explorer")
    assert [action.help for action in explorer.actions] == [
        "saved Explorer API responses (files or folders) in long form",
        "search the live Explorer API and write the taxa found in long form",
    ]


def test_every_example_belongs_to_a_command_and_runs_it() -> None:
    """The examples table has no row for a command that is gone, and each row's line runs its own command."""
    import srank.cli

    examples = json.loads((Path(srank.cli.__file__).parent / "examples.json").read_text(encoding="utf-8"))
    assert set(examples) == {*NAMES, *(f"{name} {action}" for name, action in ACTIONS)}
    for title, table in examples.items():
        for message_id, line in table.items():
            assert f"srank {title} " in f"{line} ", line
            assert message_id.startswith(f"cli.{title.split()[0]}.example-"), message_id
    assert sum(len(table) for table in examples.values()) == 27


@pytest.mark.parametrize("name", NAMES)
def test_every_command_refuses_a_bad_option_with_status_2(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    from srank.cli import main

    assert main([name, *MINIMAL[name], "--no-such-option"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # Said by the command, under its own usage: `srank check: error: ...` after `usage: srank check ...`.
    assert err.startswith(f"usage: srank {name} ")
    assert err.endswith(
        f"srank {name}{' ' + MINIMAL[name][0] if name == 'explorer' else ''}: error: unrecognized"
        " arguments: --no-such-option\n"
    )


def test_a_mistyped_option_is_named_with_the_option_meant(capsys: pytest.CaptureFixture[str]) -> None:
    from srank.cli import main

    assert main(["check", "-", "-c", "S Rank", "--lenent"]) == 2
    assert capsys.readouterr().err.endswith(
        "srank check: error: unrecognized arguments: --lenent (did you mean '--lenient'?)\n"
    )
    assert main(["--lang", "fr", "explain", "G5", "--jsn"]) == 2
    assert capsys.readouterr().err.endswith(
        "srank explain\u00a0: erreur\u00a0: arguments non reconnus\u00a0: --jsn"
        " (vouliez-vous dire «\u00a0--json\u00a0»\u202f?)\n"
    )
    assert main(["round", "G5", "--zzzzzz"]) == 2  # nothing close: no guess
    assert capsys.readouterr().err.endswith("srank round: error: unrecognized arguments: --zzzzzz\n")


def test_no_command_prints_the_list_of_commands(capsys: pytest.CaptureFixture[str]) -> None:
    from srank.cli import main

    assert main([]) == 2
    err = capsys.readouterr().err
    for name in NAMES:
        assert name in err


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from srank.cli import main

    assert main(["frobnicate"]) == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def test_the_console_script_freezes_what_start_up_made_and_main_does_not(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    from srank.cli import main, run

    gc.unfreeze()
    try:
        assert main(["round", "G5T1T3Q"]) == 0
        assert gc.get_freeze_count() == 0  # an in-process caller keeps its collector as it was
        monkeypatch.setattr(sys, "argv", ["srank", "round", "G5T1T3Q"])
        assert run() == 0
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
    assert capsys.readouterr().out == "T2\nT2\n"


def test_python_dash_m_runs_the_console_script() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "srank", "explain", "S2B,S4N", "--style", "plants"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("S2B,S4N")


HEAVY = ["attr", "attrs", "lark", "typing", "shutil", "srank._describe", "srank._description_tables", "srank._model"]


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_load_no_command_model_or_table(argv: list[str]) -> None:
    script = (
        "import json, sys\nfrom srank.cli import main\n"
        f"status = main({argv!r})\n"
        "print(json.dumps([status, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    status, modules = json.loads(done.stderr.splitlines()[-1])
    assert status == 0
    assert [name for name in HEAVY if name in modules] == []
    assert [name for name in modules if name.endswith("_command")] == []


def test_cells_are_written_by_name_and_a_mismatch_is_said() -> None:
    import srank
    from srank.cli._checks import Check

    class Two(Check):
        title = "test check"
        columns = ("srank_a", "srank_b")

    check = Two([0])
    assert check.ordered({"srank_b": 2, "srank_a": 1}) == (1, 2)
    with pytest.raises(
        srank.SrankError, match=r"gave the columns \['srank_a', 'srank_c'\], not \['srank_a', 'srank_b'\]"
    ):
        check.ordered({"srank_a": 1, "srank_c": 2})
    with pytest.raises(srank.SrankError, match="gave the columns"):
        check.ordered({"srank_a": 1})


def test_a_broken_installation_is_said_without_a_traceback(tmp_path: Path) -> None:
    import shutil

    import srank

    # srank's modules without the grammar files or the parsers built from them: an installation that lost files.
    shutil.copytree(Path(srank.__file__).parent, tmp_path / "srank", ignore=shutil.ignore_patterns("*.lark*"))
    environment = {**os.environ, "PYTHONPATH": str(tmp_path), "LANG": "C"}
    ran = subprocess.run(
        [sys.executable, "-m", "srank", "explain", "G5"],
        check=False,
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
    )
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr == (
        "srank: srank's grammar file ranks.lark is missing: the installation is broken; reinstall srank\n"
    )
