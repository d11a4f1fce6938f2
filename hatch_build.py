"""Build hook: ship each grammar's parser ready-built in the wheel (srank/NAME.pickle), and each
description table ready-checked (srank/descriptions/LANG.toml.pickle).

The parser is built from grammar/NAME by srank's own adapter (``save_parser``),
and a table checked by srank's own reader (``save_table``), so what a wheel
ships, its stamp and the runtime check are written in one place each.
Editable installs get no file: they read the grammar and the tables in the
source tree, which may change at any time.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

GRAMMARS = ("ranks.lark", "distributions.lark")


class ShippedParserHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._scratch = Path(tempfile.mkdtemp(prefix="srank-build-"))
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from srank._description_tables import save_table
            from srank._lark_adapter import save_parser
            from srank._shipped import SHIPPED_SUFFIX

            for name in GRAMMARS:
                grammar = (root / "grammar" / name).read_text(encoding="utf-8")
                built = self._scratch / (name + SHIPPED_SUFFIX)
                with built.open("wb") as handle:
                    save_parser(name, grammar, handle)
                build_data["force_include"][str(built)] = f"srank/{name}{SHIPPED_SUFFIX}"
            for table in sorted((root / "src" / "srank" / "descriptions").glob("*.toml")):
                built = self._scratch / (table.name + SHIPPED_SUFFIX)
                with built.open("wb") as handle:
                    save_table(table.stem, table.read_text(encoding="utf-8"), handle)
                build_data["force_include"][str(built)] = f"srank/descriptions/{table.name}{SHIPPED_SUFFIX}"
        finally:
            sys.path.remove(str(root / "src"))

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
