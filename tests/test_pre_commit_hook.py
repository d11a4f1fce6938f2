"""The srank-check hook of .pre-commit-hooks.yaml, installed and run by pre-commit itself, offline.

pre-commit installs a hook repository into a fresh virtualenv with pip, which
would fetch hatchling, attrs, lark and the xlsx extra from an index. Here pip
finds them in a wheelhouse the test makes from the distributions this Python
has installed (each installed file zipped back into a wheel, under the tag
its WHEEL file records), with ``PIP_NO_INDEX`` and no pip configuration file:
nothing is fetched from the network.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What pip builds and installs srank with, in the hook's virtualenv: the build backend, its build hook's
# dependencies, srank's dependencies and the hook's additional_dependencies.
NEEDED = ("hatchling", "attrs", "lark", "python-calamine", "defusedxml")
HOOK_REPOSITORY = (
    "pyproject.toml",
    "hatch_build.py",
    "README.md",
    "LICENSE",
    ".pre-commit-hooks.yaml",
    "src",
    "grammar",
)

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".pre-commit-hooks.yaml").exists(),
    reason="needs git, and the repository's .pre-commit-hooks.yaml (not in an sdist)",
)


def _closure(names: tuple[str, ...]) -> list[Distribution]:
    """The installed distributions ``names`` need, their dependencies included (markers read for this Python)."""
    from packaging.requirements import Requirement

    found: dict[str, Distribution] = {}
    waiting = list(names)
    while waiting:
        name = re.sub(r"[-_.]+", "-", waiting.pop()).lower()
        if name in found:
            continue
        try:
            found[name] = distribution(name)
        except PackageNotFoundError:
            pytest.skip(f"{name} is not installed, and the test may not fetch it")
        for text in found[name].requires or ():
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                waiting.append(requirement.name)
    return list(found.values())


def _wheel(dist: Distribution, folder: Path) -> Path:
    """An installed distribution zipped back into a wheel: its files, its metadata, a new RECORD."""
    wheel_info = dist.read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip().split("-") for line in wheel_info.splitlines() if line.startswith("Tag:")]
    tag = "-".join(".".join(dict.fromkeys(parts)) for parts in zip(*tags, strict=True))  # py2.py3-none-any
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    path = folder / f"{name}-{dist.version}-{tag}.whl"
    info = f"{name}-{dist.version}.dist-info"
    record = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in dist.files or ():
            parts = file.parts
            if parts[0] == ".." or "__pycache__" in parts or parts[-1].endswith(".pyc"):
                continue  # scripts, made again from entry_points.txt; bytecode, compiled again
            if parts[0].endswith(".dist-info"):
                if parts[-1] in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json"):
                    continue
                arcname = "/".join((info, *parts[1:]))
            else:
                arcname = "/".join(parts)
            data = Path(str(file.locate())).read_bytes()
            archive.writestr(arcname, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{arcname},sha256={digest},{len(data)}")
        record.append(f"{info}/RECORD,,")
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return path


def _git(folder: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True)


def _repository(folder: Path) -> None:
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "-c", "user.name=srank tests", "-c", "user.email=tests@example.org", "commit", "-qm", "files")


def _offline_environment(tmp_path: Path, wheels: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PIP_", "VIRTUALENV_"))}
    environment.update(
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheels),
        PIP_CONFIG_FILE=os.devnull,  # no index, constraint or find-links of the machine's own configuration
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
        VIRTUALENV_OVERRIDE_APP_DATA=str(tmp_path / "virtualenv-data"),
        PRE_COMMIT_COLOR="never",
    )
    return environment


def test_pre_commit_runs_the_hook_on_the_staged_files_offline(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for dist in _closure(NEEDED):
        _wheel(dist, wheels)
    hooks = tmp_path / "srank"
    hooks.mkdir()
    for name in HOOK_REPOSITORY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hooks / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_parser*"))
        else:
            shutil.copy2(source, hooks / name)
    _repository(hooks)
    data = tmp_path / "data"
    (data / "ranks").mkdir(parents=True)
    (data / "ranks" / "good.csv").write_text("id,S Rank\n1,S2\n2,S3B\n", encoding="utf-8")
    (data / "ranks" / "bad.csv").write_text("id,S Rank\n1,S2\n2,S9\n", encoding="utf-8")
    (data / "ranks" / "MAINE.CSV").write_text("id,S Rank\n1,S1\n", encoding="utf-8")  # any case is checked
    (data / "notes.txt").write_text("not checked\n", encoding="utf-8")
    environment = _offline_environment(tmp_path, wheels)

    # pre-commit's own try-repo: the hook as published, which asks for the rank columns.
    _repository(data)
    tried = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "srank-check", "--all-files"],
        cwd=data,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert "srank check" in tried.stdout
    assert "srank: name a rank column: --column NAME (or --global-column, --national-column, ...)" in tried.stdout

    # A project's configuration, naming its column with args, as docs/checking-data.md shows: the -- at their end
    # makes a staged file whose name starts with a dash a file, not an unknown option.
    (data / "-early.csv").write_text("id,S Rank\n1,S4\n", encoding="utf-8")
    _git(data, "add", "-A")
    revision = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True, text=True, check=True
    ).stdout.strip()
    (data / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks}\n  rev: {revision}\n  hooks:\n  - id: srank-check\n"
        "    args: [--column, S Rank, --]\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=data,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    said = [line for line in lines if line.startswith("srank check")]
    assert said[0] == "srank check..............................................................Failed"
    assert sorted(said[1:-1]) == [  # in the order pre-commit passes them
        "srank check: -early.csv: 1 row: 1 valid, 0 invalid, 0 missing; 1 distinct code",
        "srank check: ranks/MAINE.CSV: 1 row: 1 valid, 0 invalid, 0 missing; 1 distinct code",
        "srank check: ranks/bad.csv: 2 rows: 1 valid, 1 invalid, 0 missing; 2 distinct codes",
        "srank check: ranks/good.csv: 2 rows: 2 valid, 0 invalid, 0 missing; 2 distinct codes",
    ]
    assert said[-1] == "srank check: 4 files, 6 rows: 3 passed, 1 failed"
    assert "           1  syntax: 'S9' (1); first on line 3" in lines
