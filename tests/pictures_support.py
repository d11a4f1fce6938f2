"""Helpers for the picture tests: headless Chromium, a small PNG reader, and one run over every picture word.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it where apt
works). The PNG reader is the standard library's zlib plus the five PNG row
filters, enough for the 8-bit RGB and RGBA screenshots Chromium writes.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import attrs

import srank

CHROMIUM = os.environ.get("SRANK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = (
    "Chromium is not installed, so the browser tests cannot run: install Debian's chromium"
    " (apt-get install -y chromium), as .ci/run does where apt is available, or set SRANK_CHROMIUM"
)
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


@attrs.frozen
class Png:
    """A decoded 8-bit RGB or RGBA image: ``pixel(x, y)`` is "#RRGGBB"."""

    width: int
    height: int
    channels: int
    rows: tuple[bytes, ...]

    def pixel(self, x: int, y: int) -> str:
        at = x * self.channels
        red, green, blue = self.rows[y][at : at + 3]
        return f"#{red:02X}{green:02X}{blue:02X}"


def _paeth(left: int, up: int, corner: int) -> int:
    guess = left + up - corner
    far_left, far_up, far_corner = abs(guess - left), abs(guess - up), abs(guess - corner)
    if far_left <= far_up and far_left <= far_corner:
        return left
    return up if far_up <= far_corner else corner


def read_png(data: bytes) -> Png:
    """Decode a non-interlaced 8-bit RGB (colour type 2) or RGBA (6) PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    at, header, compressed = 8, b"", bytearray()
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            compressed += body
        at += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}, interlace {interlace}")
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(bytes(compressed))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + previous[i]) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + previous[i]) // 2) & 0xFF
            elif kind == 4:
                line[i] = (line[i] + _paeth(left, previous[i], corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return Png(width, height, channels, tuple(rows))


def screenshot(path: Path, width: int, height: int) -> Png:
    """Render ``path`` (an .html or .svg file) headless at ``width`` x ``height`` CSS pixels and read the PNG."""
    assert CHROMIUM is not None, NO_CHROMIUM
    with tempfile.TemporaryDirectory() as profile:
        out = Path(profile) / "shot.png"
        command = [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}/user-data",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
            path.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
        return read_png(out.read_bytes())


def page(body: str) -> str:
    """A minimal HTML page around ``body``, white, with no margin."""
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
    return f'{head}<body style="margin:0;background:#FFFFFF">{body}</body></html>'


def draw_every_picture(lang: srank.Language) -> None:
    """Draw badges, maps and tables so that every word of the [picture] section is used once, caches empty."""
    from srank import _html, _svg

    _html._BADGES.clear()
    _svg._TITLES.clear()
    dist = srank.parse_distribution(
        "Canada (N3B): AB (SNA), ZZ (S2), SK (S9)\nUnited States (N4N): AZ (S2N), CO (S3B,S4N)", lenient=True
    )
    dist.to_svg(lang=lang)
    dist.to_svg(season="B", lang=lang, title="Title")
    srank.parse_distribution("Canada (N3)").to_svg(lang=lang)  # a nation ranked only as a whole
    _html.distribution_html(dist, lang)
    srank.parse("S2B,S4N").to_html(lang=lang)
