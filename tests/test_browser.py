"""Maps and badges rendered by a real browser (headless Chromium), checked pixel by pixel.

Skipped, with the reason, where Chromium is not installed (the PNG reader's own test still runs); ``.ci/run`` installs
Debian's chromium package and says when these tests were skipped. Positions are
read from the SVG itself (each tile's rectangle), colours are compared with the
palette's and with literal values.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import srank
from pictures_support import CHROMIUM, NO_CHROMIUM, Png, page, read_png, screenshot
from test_pictures import FALCON, FERRET, SVG, marks, tiles

needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)


def size(svg: str) -> tuple[int, int]:
    root = ET.fromstring(svg)
    return int(root.attrib["width"]), int(root.attrib["height"])


def render_svg(svg: str, folder: Path) -> Png:
    path = folder / "map.svg"
    path.write_text(svg, encoding="utf-8")
    return screenshot(path, *size(svg))


def centre(element: ET.Element) -> tuple[int, int]:
    rect = element.find(f"{SVG}rect")
    assert rect is not None
    x, y, width, height = (int(rect.attrib[name]) for name in ("x", "y", "width", "height"))
    return x + width // 2, y + height // 2


def test_the_png_reader_reads_a_known_image() -> None:
    # Runs without Chromium. A 2x1 RGB PNG stored with filter type 1 (sub): the second pixel is
    # its difference from the first, byte by byte, modulo 256.
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = bytes([1, 0xC6, 0x28, 0x28, 0x3A, 0x93, 0x42])  # sub filter: second pixel minus the first
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    image = read_png(data)
    assert (image.width, image.height) == (2, 1)
    assert [image.pixel(0, 0), image.pixel(1, 0)] == ["#C62828", "#00BB6A"]


@needs_chromium
def test_tiles_show_their_class_colour_and_absent_places_the_not_present_colour(tmp_path: Path) -> None:
    svg = srank.parse_distribution(FERRET).to_svg()
    image = render_svg(svg, tmp_path)
    found = tiles(svg)
    seen = {place: image.pixel(*centre(found[place])) for place in ("US-AZ", "US-NE", "CA-AB", "US-CA", "CA-QC")}
    assert seen == {
        "US-AZ": "#C62828",  # S1
        "US-NE": "#5E3C99",  # SH
        "CA-AB": "#1A1A1A",  # SX
        "US-CA": "#F4F4F4",  # not present
        "CA-QC": "#F4F4F4",
    }
    palette = srank.palette()
    assert seen["US-AZ"] == palette["1"].fill
    assert seen["US-CA"] == palette.not_present.fill


@needs_chromium
def test_the_legend_shows_exactly_the_classes_present(tmp_path: Path) -> None:
    svg = srank.parse_distribution(FERRET).to_svg()
    image = render_svg(svg, tmp_path)
    legend = marks(svg, "legend-item")
    assert [item.get("data-class") for item in legend] == ["X", "H", "1", "not-present"]
    assert [image.pixel(*centre(item)) for item in legend] == ["#1A1A1A", "#5E3C99", "#C62828", "#F4F4F4"]
    # Down the whole legend column, the only rank colours are those of the classes present.
    x = centre(legend[0])[0]
    top = centre(legend[0])[1] - 40
    column = Counter(image.pixel(x, y) for y in range(top, image.height))
    palette = srank.palette()
    fills = {entry.fill: name for name, entry in palette.items()}
    # A swatch is 16 pixels high; a colour seen on a pixel or two is the anti-aliased edge of one.
    assert {fills[colour] for colour, count in column.items() if colour in fills and count >= 8} == {"X", "H", "1"}


@needs_chromium
def test_a_split_tile_shows_one_band_per_season(tmp_path: Path) -> None:
    svg = srank.parse_distribution(FALCON).to_svg()
    image = render_svg(svg, tmp_path)
    alberta = tiles(svg)["CA-AB"]  # S3B,S4N,S3M
    bands = []
    for rect in alberta.iter(f"{SVG}rect"):
        x, y, height = (int(rect.attrib[name]) for name in ("x", "y", "height"))
        bands.append(image.pixel(x + 4, y + height // 2))  # clear of the centred place code
    assert bands == ["#FDD835", "#66BB6A", "#FDD835"]


@needs_chromium
def test_badges_render_on_their_colours(tmp_path: Path) -> None:
    path = tmp_path / "badges.html"
    path.write_text(page(srank.parse("S1").to_html() + srank.parse("G5Q").to_html()), encoding="utf-8")
    image = screenshot(path, 900, 400)  # a window much lower than this shows less than its height
    counts = Counter(image.pixel(x, y) for y in range(image.height) for x in range(image.width))
    assert counts["#C62828"] > 100  # the S1 chip
    assert counts["#2E7D32"] > 100  # the G5Q chip (class 5)
    assert counts["#B00020"] > 50  # its error mark
    assert counts["#FDD835"] == 0  # no class that is not there


@needs_chromium
def test_a_distribution_renders_in_a_page_as_a_notebook_shows_it(tmp_path: Path) -> None:
    dist = srank.parse_distribution(FERRET)
    path = tmp_path / "notebook.html"
    path.write_text(page(dist._repr_html_()), encoding="utf-8")
    image = screenshot(path, 800, 900)
    counts = Counter(image.pixel(x, y) for y in range(image.height) for x in range(image.width))
    tiles_of_one = 9  # AZ CO KS MT ND NM SD UT WY
    assert counts["#C62828"] >= tiles_of_one * 36 * 36
    assert counts["#F4F4F4"] >= 45 * 36 * 36  # 53 tiles not present, less their codes
