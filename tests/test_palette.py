"""The rank palette: colour-blind safe, readable, and what rank.colour() picks.

The colour maths is written here, from the standard formulas, so that the check
does not trust srank: sRGB decoding and relative luminance (IEC 61966-2-1, as
WCAG 2 uses it), CIE XYZ (D65) and CIELAB, CIE76 delta E, and colour-vision
simulation at full severity with the matrices of Machado, Oliveira and
Fernandes, "A Physiologically-based Model for Simulation of Color Vision
Deficiency", IEEE TVCG 15(6), 2009 (their table for severity 1.0), applied to
linear RGB.
"""

from __future__ import annotations

import itertools
import math

import pytest

import srank

Matrix = tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]]
Vector = tuple[float, float, float]

# Machado, Oliveira & Fernandes (2009), severity 1.0, for linear RGB.
PROTANOPIA: Matrix = (
    (0.152286, 1.052583, -0.204868),
    (0.114503, 0.786281, 0.099216),
    (-0.003882, -0.048116, 1.051998),
)
DEUTERANOPIA: Matrix = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)
TRITANOPIA: Matrix = (
    (1.255528, -0.076749, -0.178779),
    (-0.078411, 0.930809, 0.147602),
    (0.004733, 0.691367, 0.303900),
)
NORMAL: Matrix = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
VISIONS = {"normal": NORMAL, "protanopia": PROTANOPIA, "deuteranopia": DEUTERANOPIA, "tritanopia": TRITANOPIA}

# Linear sRGB to CIE XYZ, D65 white (IEC 61966-2-1).
TO_XYZ: Matrix = ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))
WHITE: Vector = (0.95047, 1.0, 1.08883)

ORDER = ("X", "H", "1", "2", "3", "4", "5")


def linear(hex_colour: str) -> Vector:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return channel(red), channel(green), channel(blue)


def times(matrix: Matrix, vector: Vector) -> Vector:
    x, y, z = (sum(a * b for a, b in zip(row, vector, strict=True)) for row in matrix)
    return x, y, z


def simulate(hex_colour: str, vision: Matrix) -> Vector:
    """The linear RGB seen with ``vision``, clipped to the displayable range."""
    red, green, blue = (min(1.0, max(0.0, value)) for value in times(vision, linear(hex_colour)))
    return red, green, blue


def lab(rgb: Vector) -> Vector:
    def f(t: float) -> float:
        delta = 6 / 29
        return t ** (1 / 3) if t > delta**3 else t / (3 * delta**2) + 4 / 29

    fx, fy, fz = (f(value / white) for value, white in zip(times(TO_XYZ, rgb), WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(first: str, second: str, vision: Matrix = NORMAL) -> float:
    """CIE76: the Euclidean distance in CIELAB."""
    a, b = lab(simulate(first, vision)), lab(simulate(second, vision))
    return math.sqrt(sum((p - q) ** 2 for p, q in zip(a, b, strict=True)))


def luminance(hex_colour: str) -> float:
    red, green, blue = linear(hex_colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio (L1 + 0.05) / (L2 + 0.05), lighter over darker."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# -- the maths itself, against published values --------------------------------


def test_the_colour_maths_gives_published_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the well-known just-failing grey
    assert lab(linear("#FFFFFF")) == pytest.approx((100.0, 0.0, 0.0), abs=0.02)
    assert lab(linear("#FF0000")) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)
    assert lab(linear("#0000FF")) == pytest.approx((32.30, 79.19, -107.86), abs=0.05)
    assert delta_e("#FF0000", "#00FF00") == pytest.approx(170.6, abs=0.2)


def test_simulation_merges_what_each_deficiency_confuses() -> None:
    # Red and green, far apart with normal vision, come close without L or M cones,
    # and blue and green come close without S cones.
    assert delta_e("#D62728", "#2CA02C") == pytest.approx(119.8, abs=0.1)
    assert delta_e("#D62728", "#2CA02C", PROTANOPIA) == pytest.approx(37.6, abs=0.1)
    assert delta_e("#D62728", "#2CA02C", DEUTERANOPIA) == pytest.approx(7.3, abs=0.1)
    assert delta_e("#D62728", "#2CA02C", TRITANOPIA) > 100  # tritans tell red from green
    assert delta_e("#1F77B4", "#2CA02C") == pytest.approx(102.2, abs=0.1)
    assert delta_e("#1F77B4", "#2CA02C", TRITANOPIA) == pytest.approx(17.9, abs=0.1)
    for matrix in (PROTANOPIA, DEUTERANOPIA, TRITANOPIA):
        assert simulate("#FFFFFF", matrix) == pytest.approx((1.0, 1.0, 1.0), abs=0.002)  # rows sum to 1


# -- the palette -----------------------------------------------------------------


def test_the_palette_is_srank_s_own_table() -> None:
    palette = srank.palette()
    assert list(palette) == ["X", "H", "1", "2", "3", "4", "5", "U", "NR", "NA"]
    assert {name: (entry.fill, entry.text) for name, entry in palette.items()} == {
        "X": ("#1A1A1A", "#FFFFFF"),
        "H": ("#5E3C99", "#FFFFFF"),
        "1": ("#C62828", "#FFFFFF"),
        "2": ("#F57C00", "#000000"),
        "3": ("#FDD835", "#000000"),
        "4": ("#66BB6A", "#000000"),
        "5": ("#2E7D32", "#FFFFFF"),
        "U": ("#6E6E6E", "#FFFFFF"),
        "NR": ("#B0B0B0", "#000000"),
        "NA": ("#D0D0D0", "#000000"),
    }
    assert [name for name, entry in palette.items() if not entry.target] == ["NA"]
    assert palette.not_present.fill == "#F4F4F4"
    assert palette["1"] is srank.palette()["1"]
    assert isinstance(palette["1"], srank.Swatch)


def test_red_orange_yellow_then_greens_and_dark_x_h_and_greys() -> None:
    palette = srank.palette()

    def hue(name: str) -> tuple[float, float]:
        lightness, a, b = lab(linear(palette[name].fill))
        return lightness, (a**2 + b**2) ** 0.5

    for name in ("X", "H"):
        assert hue(name)[0] < 40  # dark
    for name in ("U", "NR", "NA"):
        assert hue(name)[1] < 1  # grey: no chroma
    red, orange, yellow = (linear(palette[name].fill) for name in ("1", "2", "3"))
    assert red[0] > 5 * red[1]
    assert orange[0] > orange[1] > orange[2]
    assert yellow[0] > 0.8
    assert yellow[1] > 0.6
    assert yellow[2] < 0.1
    for name in ("4", "5"):
        r, g, b = linear(palette[name].fill)
        assert g > max(r, b)  # green


CLASSES = (*ORDER, "U", "NR", "NA")


@pytest.mark.parametrize("vision", list(VISIONS))
@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(CLASSES, 2)))
def test_every_two_classes_stay_apart_for_every_vision(first: str, second: str, vision: str) -> None:
    # Every pair, not only neighbours: a map shows S1 beside S5, and red against dark green is what protanopes lose.
    palette = srank.palette()
    assert delta_e(palette[first].fill, palette[second].fill, VISIONS[vision]) >= 10


def test_the_not_present_colour_stands_apart_from_every_class() -> None:
    palette = srank.palette()
    for name, entry in palette.items():
        for vision in VISIONS.values():
            assert delta_e(entry.fill, palette.not_present.fill, vision) >= 10, name


def test_red_and_the_dark_green_of_1_and_5_stay_apart_for_protanopes() -> None:
    # The palette of srank 0.1.0's first drafts (#C62828 against #1B5E20) was 8.3 apart for protanopes.
    assert delta_e("#C62828", "#1B5E20", PROTANOPIA) == pytest.approx(8.3, abs=0.1)
    palette = srank.palette()
    assert delta_e(palette["1"].fill, palette["5"].fill, PROTANOPIA) == pytest.approx(18.9, abs=0.1)


def test_every_text_colour_meets_wcag_aa_on_its_fill() -> None:
    from srank._palette import severity_swatch

    palette = srank.palette()
    swatches = [*palette.values(), palette.not_present, *(severity_swatch(s) for s in srank.Severity)]
    for swatch in swatches:
        assert contrast(swatch.text, swatch.fill) >= 4.5, swatch


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("G1", "1"),
        ("S2S3", "2"),
        ("G1G3", "2"),
        ("G5T1T3Q", "2"),
        ("GXC", "H"),
        ("SX", "X"),
        ("SNA", "NA"),
        ("TNR", "NR"),
        ("GU", "U"),
        ("S2B,S4N", "2"),
        ("S4N,S2B", "2"),
        ("SNRB,S3N", "3"),
        ("SX,S1", "X"),
        ("SNA,SNR", "NR"),
        ("SUB,SNAN", "U"),
    ],
)
def test_rank_colour_is_the_rounded_class_or_the_most_imperiled_part(code: str, expected: str) -> None:
    assert srank.parse(code).colour() == srank.palette()[expected]
