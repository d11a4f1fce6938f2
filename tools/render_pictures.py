"""Render the pictures of docs/pictures.md with headless Chromium and write them as PNG files.

    python tools/render_pictures.py     # writes docs/_static/pictures/*.png

The PNG files are committed, so that the docs build needs no browser; run this
again when the palette, the map or the badges change. It needs Debian's
``chromium`` (apt-get install -y chromium) and runs it as tests/pictures_support
does: headless, no sandbox, no GPU, no network services, a fresh profile.

- ``falcon-map.png``: the map of a real NatureServe Explorer distribution, the
  prairie falcon (Falco mexicanus) as exported on 2024-08-22, as
  ``Distribution.to_svg`` draws it.
- ``notebook.png``: what a notebook shows for a rank and a distribution: their
  ``_repr_html_`` output inside a minimal page styled like a JupyterLab cell
  (an imitation for the docs, not a screenshot of JupyterLab itself).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

import srank

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "_static" / "pictures"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--force-color-profile=srgb",
)
FALCON = (
    "Canada (N3B,N4N,N3M): AB (S3B,S4N,S3M), BC (S1), MB (S2M), SK (S3B,S3N)\n"
    "United States (N5B,N5N): AR (SNA), AZ (S3), CA (S4), CO (S4B,S4N), ID (S4), KS (SNA), MN (SNA), MO (SNA),"
    " MT (S4), ND (S3), NE (S2), NM (S4), NN (S4), NV (S4), OK (S3), OR (S4), SD (S2B,SNRN), TX (S3B), UT (S4),"
    " WA (S3B,S3N), WY (S4B,S4N)"
)
FERRET = (
    "Canada (NX): AB (SX), SK (SX)\n"
    "United States (N1): AZ (S1), CO (S1), KS (S1), MT (S1), ND (S1), NE (SH), NM (S1), NN (SX), OK (SX), SD (S1),"
    " TX (SX), UT (S1), WY (S1)"
)


def shoot(chromium: str, page: Path, out: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        command = [
            chromium,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
            page.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size:,} bytes)")


def cell(number: int, source: str, output: str) -> str:
    """One notebook cell: the prompt, the code, and its rich output below."""
    prompt = "font-family:monospace;color:#303F9F;width:56px;flex:none;text-align:right;padding-right:8px"
    return (
        f'<div style="display:flex;margin:10px 0"><div style="{prompt}">[{number}]:</div>'
        '<pre style="flex:1;margin:0;padding:6px 8px;background:#F5F5F5;border:1px solid #E0E0E0;'
        f'font-size:13px">{escape(source)}</pre></div>'
        f'<div style="display:flex"><div style="width:64px;flex:none"></div><div style="flex:1">{output}</div></div>'
    )


def notebook() -> str:
    rank = srank.parse("S2B,S4N")
    questionable = srank.parse("G5Q")
    ferret = srank.parse_distribution(FERRET)
    cells = [
        cell(1, 'rank = srank.parse("S2B,S4N")\nrank', rank._repr_html_()),
        cell(2, 'srank.parse("G5Q")', questionable._repr_html_()),
        cell(3, "ferret = srank.parse_distribution(ferret_text)\nferret", ferret._repr_html_()),
    ]
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
        '<body style="margin:0;background:#FFFFFF;font-family:sans-serif">'
        '<div style="padding:4px 12px;border-bottom:1px solid #E0E0E0;font-size:13px">srank.ipynb</div>'
        + "".join(cells)
        + "</body></html>"
    )


def main() -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("render_pictures.py needs Chromium: apt-get install -y chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        svg = srank.parse_distribution(FALCON).to_svg(title="Falco mexicanus (prairie falcon)")
        width, height = _size(svg)
        page = Path(folder) / "falcon.svg"
        page.write_text(svg, encoding="utf-8")
        shoot(chromium, page, OUT / "falcon-map.png", width, height)
        page = Path(folder) / "notebook.html"
        page.write_text(notebook(), encoding="utf-8")
        shoot(chromium, page, OUT / "notebook.png", 900, 1130)


def _size(svg: str) -> tuple[int, int]:
    """The map's own size, from its root element."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    return int(root.attrib["width"]), int(root.attrib["height"])


if __name__ == "__main__":
    main()
