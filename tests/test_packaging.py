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
