"""Packaging: one version, complete metadata, the hypothesis entry point."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata, version
from pathlib import Path

import srank

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_defined_once() -> None:
    assert version("srank") == srank.__version__
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    # The docs read it from the package too.
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    assert "release = srank.__version__" in conf
    assert not re.search(r"release\s*=\s*['\"]", conf)


def test_metadata_is_complete() -> None:
    meta = metadata("srank")
    assert meta["Summary"]
    assert meta["License-Expression"] == "MIT"
    assert "Framework :: Hypothesis" in meta.get_all("Classifier", [])
    urls = dict(entry.split(", ", 1) for entry in meta.get_all("Project-URL", []))
    assert set(urls) >= {"Documentation", "Source", "Issues", "Changelog"}
    assert all(url.startswith("https://") for url in urls.values())
    assert (ROOT / "LICENSE").is_file()
    extras = meta.get_all("Provides-Extra", [])
    assert {"hypothesis", "pandas", "pandera"} <= set(extras)


def test_development_tools_are_dependency_groups_not_extras() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = project["project"]["optional-dependencies"]
    published = {re.split(r"[<>=\[ ;]", requirement)[0] for needs in extras.values() for requirement in needs}
    assert not published & {"pytest", "ruff", "mypy", "build", "pandas-stubs", "pyspark"}
    assert set(extras) == {"pandas", "polars", "xlsx", "pandera", "plot", "hypothesis", "completion"}
    groups = project["dependency-groups"]
    assert {"tests", "typing", "lint", "dev", "spark"} <= set(groups)
    assert project["build-system"]["requires"] == ["hatchling>=1.27"]  # 1.21-1.26 fail on license-files


def test_readme_links_work_on_a_package_index() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", readme)
    assert targets  # the pattern finds links
    assert [target for target in targets if not target.startswith("https://")] == []
    docs = [target for target in targets if "/docs/" in target]
    assert docs
    assert all(target.startswith("https://github.com/srank-project/srank/blob/main/docs/") for target in docs)
    for target in docs:
        assert (ROOT / target.removeprefix("https://github.com/srank-project/srank/blob/main/")).is_file(), target
