"""Sphinx configuration for the srank documentation.

Build:    sphinx-build -W --keep-going -b html docs docs/_build/html
Doctests: sphinx-build -W --keep-going -b doctest docs docs/_build/doctest

The pages under ``_generated/`` are written here, at every build, from the
code itself (the description table, the message catalogues, the finding catalogue, the command-line
parser), so they cannot drift from what srank does; so is the status-index
chart of changes.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import srank

DOCS = Path(__file__).resolve().parent
GENERATED = DOCS / "_generated"
sys.path.insert(0, str(DOCS))

import gen_cli  # noqa: E402
import gen_findings  # noqa: E402
import gen_inventories  # noqa: E402
import gen_labels  # noqa: E402
import gen_messages  # noqa: E402
import gen_pictures  # noqa: E402
import gen_reference  # noqa: E402
import gen_status_chart  # noqa: E402

gen_reference.main(GENERATED / "codes.md")
gen_findings.main(GENERATED / "findings.md")
gen_labels.main(GENERATED / "labels.md")
gen_messages.main(GENERATED / "messages.md")
gen_pictures.main(GENERATED)
gen_cli.main(GENERATED / "cli.md")
gen_status_chart.main(GENERATED / "status_index.png")

project = "srank"
author = "The srank developers"
copyright = "The srank developers"
release = srank.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
]

# Links to Python, pandas, polars, pandera, attrs and hypothesis, from inventories written here (no network).
intersphinx_mapping = gen_inventories.main(GENERATED / "intersphinx")
# Every type named in a signature or a docstring must resolve, here or in one of those inventories.
nitpicky = True

# Docstrings are Google style: Args, Returns, Raises, Examples.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# The copy button leaves out the >>> and ... prompts and the output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "requirements.txt", "_generated/*.md"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}

# Every example runs as written, from a fresh namespace with srank imported.
doctest_global_setup = "import srank"
os.environ["SRANK_DOCS"] = str(DOCS)  # where examples find their data files (docs/explorer.md)

html_theme = "furo"
html_title = f"srank {release}"
