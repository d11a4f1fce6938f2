"""Badges, notebook display and the tile map, read as text and XML (the browser tests render them).

The distributions are real NatureServe Explorer export strings (2024-08-22),
as quoted in the project's domain notes on distributions: the black-footed
ferret (Mustela nigripes), the prairie falcon (Falco mexicanus) and the
Eskimo curlew (Numenius borealis).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from unittest.mock import ANY

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from srank import Distribution, Finding, Level, Rank, Severity, Single
from srank._distribution import PlaceRank
from srank.strategies import distributions, multi_season_ranks, ranks

FERRET = (
    "Canada (NX): AB (SX), SK (SX)\n"
    "United States (N1): AZ (S1), CO (S1), KS (S1), MT (S1), ND (S1), NE (SH), NM (S1), NN (SX), OK (SX), SD (S1),"
    " TX (SX), UT (S1), WY (S1)"
)
FALCON = (
    "Canada (N3B,N4N,N3M): AB (S3B,S4N,S3M), BC (S1), MB (S2M), SK (S3B,S3N)\n"
    "United States (N5B,N5N): AR (SNA), AZ (S3), CA (S4), CO (S4B,S4N), ID (S4), KS (SNA), MN (SNA), MO (SNA),"
    " MT (S4), ND (S3), NE (S2), NM (S4), NN (S4), NV (S4), OK (S3), OR (S4), SD (S2B,SNRN), TX (S3B), UT (S4),"
    " WA (S3B,S3N), WY (S4B,S4N)"
)
CURLEW = (
    "Canada (NHB): AB (SXB), LB (SHM), MB (SXM), NB (SXM), NF (SHM), NS (SXM), NT (SHB), NU (SHB), ON (SXM),"
    " PE (SXM), QC (SX), SK (SXB)\n"
    "United States (NHB): AK (SH), AR (SNA), CO (SX), CT (SHN), IA (SXN), IL (SXN), IN (SXN), KS (SHN), LA (SHN),"
    " MA (SX), MD (SXM), ME (SXN), MN (SXM), MO (SNA), ND (SNA), NE (SXN), NJ (SXN), NY (SXN), OH (SNA), OK (SXN),"
    " RI (SNA), SC (SX), SD (SX), TX (SHN)"
)
SVG = "{http://www.w3.org/2000/svg}"
BADGE_S1 = (
    '<div lang="en" style="font-family:sans-serif;font-size:13px;line-height:1.5;margin:2px 0">'
    '<span style="display:inline-block;padding:0 6px;border-radius:3px;font-family:monospace;font-weight:bold;'
    'background:#C62828;color:#FFFFFF">S1</span> Critically Imperiled <span style="opacity:0.7">rounded S1</span></div>'
)


def tiles(svg: str) -> dict[str, ET.Element]:
    return {g.attrib["data-place"]: g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "tile"}


def marks(svg: str, kind: str) -> list[ET.Element]:
    return [g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == kind]


def title(element: ET.Element) -> str:
    found = element.find(f"{SVG}title")
    assert found is not None
    return found.text or ""


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def assert_self_contained(markup: str) -> None:
    lowered = markup.lower()
    for forbidden in ("<script", "<link", "<img", "<image", "<iframe", "<foreignobject", "href", "url(", "@import"):
        assert forbidden not in lowered, forbidden
    assert re.findall(r"https?://[^\"' ]+", markup) == ["http://www.w3.org/2000/svg"] * markup.count("<svg")


# -- badges ---------------------------------------------------------------------


def test_a_rank_badge_is_its_code_on_its_colour_its_label_and_its_rounded_rank() -> None:
    rank = srank.parse("S1")
    assert rank.to_html() == BADGE_S1
    assert rank._repr_html_() == BADGE_S1


def test_a_badge_in_another_language() -> None:
    html = srank.parse("G2G3").to_html(lang="fr")
    assert 'background:#F57C00;color:#000000">G2G3</span>' in html
    assert "Entre en péril et vulnérable" in html
    assert "arrondi G2" in html


def test_a_multi_part_badge_takes_its_most_imperiled_part_and_lists_its_findings() -> None:
    html = srank.parse("SX,S1")._repr_html_()
    assert 'background:#1A1A1A;color:#FFFFFF">SX,S1</span>' in html
    assert html.count("<code>season-missing</code>") == 2
    assert html.count('background:#FFE082;color:#000000">warning</span>') == 2
    assert "↳ each part of a multi-season code usually names its season, as in S2B,S4N" in html


def test_errors_and_warnings_are_marked_apart() -> None:
    html = srank.parse("G5Q").to_html()
    assert '<span style="display:inline-block;padding:0 4px;border-radius:3px;font-size:11px;' in html
    assert 'background:#B00020;color:#FFFFFF">error</span> <code>questionable-secure</code>' in html
    assert "NatureServe&#x27;s guidance" in html


def test_the_badge_shows_what_lenient_reading_changed() -> None:
    assert "normalised-slash-range" in srank.parse("S3/S4", lenient=True).to_html()
    assert "normalised-slash-range" not in srank.parse("S3S4").to_html()


def test_a_finding_escapes_its_text() -> None:
    finding = Finding("x-test", Severity.ERROR, "<script>alert(1)</script>", (0, 1), hint="<b>bold</b>")
    html = finding._repr_html_()
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    ET.fromstring(html)


def test_badges_are_well_formed_and_load_nothing() -> None:
    for code in ("G5T1T3Q", "S2B,S4N", "GXC", "SNA", "N4?B,NUM", "G5Q"):
        html = srank.parse(code).to_html()
        ET.fromstring(html)
        assert_self_contained(html)


# -- changes ------------------------------------------------------------------------

CHIP = "display:inline-block;padding:0 6px;border-radius:3px;font-family:monospace;font-weight:bold"
KIND = "display:inline-block;padding:0 4px;border-radius:3px;font-size:11px;border:1px solid currentColor"


def test_a_change_is_both_codes_on_their_colours_its_kind_and_its_sentence() -> None:
    assert srank.compare("G3", "G2")._repr_html_() == (
        '<div lang="en" style="font-family:sans-serif;font-size:13px;line-height:1.5;margin:2px 0"><div>'
        f'<span style="{CHIP};background:#FDD835;color:#000000">G3</span> → '
        f'<span style="{CHIP};background:#F57C00;color:#000000">G2</span> '
        f'<span lang="en" style="{KIND}">uplisted</span> G3 → G2, uplisted (more imperiled)</div></div>'
    )


def test_a_change_by_season_lists_each_season_that_changed() -> None:
    html = srank.compare("N1B,NNRM", "N1N3B")._repr_html_()
    lines = ET.fromstring(html).findall("div")
    assert [text_of(line) for line in lines] == [
        "N1B,NNRM → N1N3B removed",
        "N1B → N1N3B less-certain Breeding: N1B → N1N3B, less certain, rounded N1B → N2B",
        "NNRM → — removed Migrant: NNRM removed",
    ]
    assert [line.get("style") for line in lines] == [None, "margin-left:1.5em", "margin-left:1.5em"]
    assert f'<span style="{CHIP};background:#F4F4F4;color:#000000">—</span>' in html  # no rank: not present
    assert_self_contained(html)


def test_a_change_shows_what_lenient_reading_did_and_speaks_french() -> None:
    html = srank.compare("s3/s4", "S3", lenient=True)._repr_html_()
    assert "<code>normalised-slash-range</code>" in html
    assert "s3/s4 → S3, more certain" in html
    assert "rang plus précis" in srank._html.change_html(srank.compare("S2S4", "S3"), "fr")


def test_a_place_change_names_its_place_and_escapes_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = "United States (N4): MD (S2)", "United States (N4): MD (S1), XX (S3)"
    changes = srank.compare_distributions(old, new, lenient=True)
    assert (
        text_of(ET.fromstring(changes[1]._repr_html_()))
        == "S2 → S1 uplisted Maryland: S2 → S1, uplisted (more imperiled)"
    )
    unknown = changes[2]._repr_html_()
    assert "<code>unknown-place</code>" in unknown
    monkeypatch.setattr(srank.PlaceChange, "describe", lambda self, lang="en": "<script>alert(1)</script> & more")
    html = changes[1]._repr_html_()
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    ET.fromstring(html)


# -- the map ----------------------------------------------------------------------


def test_the_map_is_valid_self_contained_svg_with_a_title() -> None:
    svg = srank.parse_distribution(FERRET).to_svg()
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert title(root) == "Rounded ranks by state and province"
    assert_self_contained(svg)
    assert root.get("font-family") == "sans-serif"
    # A screen reader picks its voice by the language; a blank title leaves the picture its own name.
    french = ET.fromstring(srank.parse_distribution(FERRET).to_svg(lang="fr-CA", title=" "))
    assert (french.get("lang"), french.get("{http://www.w3.org/XML/1998/namespace}lang")) == ("fr", "fr")
    assert title(french) == "Rangs arrondis par État et province"
    # role="img" hides the tiles' own titles from a screen reader: the description says what the map shows.
    described = srank.parse_distribution("Canada (N3): QC (S2), ZZ (S1)\nUnited States (N5)").to_svg(lang="fr")
    assert ET.fromstring(described).findtext(f"{SVG}desc") == (
        "Canada\u00a0: N3 – Vulnérable\u202f; États-Unis\u00a0: N5 – En sécurité\u202f;"
        " Québec (QC)\u00a0: S2 – En péril\u202f; ZZ\u00a0: S1 – Gravement en péril"
    )


def test_every_tile_is_coloured_by_its_rounded_rank_and_says_so_on_hover() -> None:
    svg = srank.parse_distribution(FERRET).to_svg()
    found = tiles(svg)
    assert len(found) == 66  # 14 Canadian, 50 states, DC and the Navajo Nation
    assert {place: found[place].get("data-class") for place in ("US-AZ", "US-NE", "US-NN", "CA-AB", "US-CA")} == {
        "US-AZ": "1",
        "US-NE": "H",
        "US-NN": "X",
        "CA-AB": "X",
        "US-CA": "not-present",
    }
    assert title(found["US-AZ"]) == "Arizona (AZ): S1 – Critically Imperiled"
    assert title(found["US-NN"]) == "Navajo Nation (NN): SX – Presumed Extirpated"
    assert title(found["US-CA"]) == "California (CA): Not present"
    rect = found["US-AZ"].find(f"{SVG}rect")
    assert rect is not None
    assert rect.attrib == {"x": "50", "y": "210", "width": "36", "height": "36", "fill": "#C62828"}
    assert text_of(found["US-AZ"]) == "Arizona (AZ): S1 – Critically ImperiledAZ"


def test_newfoundland_and_labrador_are_two_tiles_and_there_is_no_nl() -> None:
    found = tiles(srank.parse_distribution(CURLEW).to_svg())
    assert "CA-NL" not in found
    assert (found["CA-NF"].get("data-class"), found["CA-LB"].get("data-class")) == ("H", "H")
    positions = {place: (found[place][1].get("x"), found[place][1].get("y")) for place in ("CA-LB", "CA-NF")}
    assert positions == {"CA-LB": ("330", "10"), "CA-NF": ("410", "10")}


def test_the_nation_ranks_sit_beside_the_grid() -> None:
    svg = srank.parse_distribution(FERRET).to_svg()
    nations = marks(svg, "nation")
    assert [(title(mark), mark.get("data-class")) for mark in nations] == [
        ("NX – Presumed Extirpated", "X"),
        ("N1 – Critically Imperiled", "1"),
    ]
    assert [text_of(mark).removeprefix(title(mark)) for mark in nations] == ["Canada: NX", "United States: N1"]
    grid_right = 10 + 11 * 40
    assert all(int(mark[1].get("x") or 0) > grid_right for mark in nations)


def test_the_legend_lists_exactly_the_classes_drawn_then_not_present() -> None:
    legend = marks(srank.parse_distribution(FERRET).to_svg(), "legend-item")
    assert [(item.get("data-class"), text_of(item)) for item in legend] == [
        ("X", "X Presumed Extirpated"),
        ("H", "H Possibly Extirpated"),
        ("1", "1 Critically Imperiled"),
        ("not-present", "Not present"),
    ]
    legend = marks(srank.parse_distribution(FALCON).to_svg(), "legend-item")
    assert [item.get("data-class") for item in legend] == ["1", "2", "3", "4", "5", "NR", "NA", "not-present"]
    assert text_of(legend[6]) == "NA Not Applicable, not a conservation target"


def test_a_multi_part_rank_is_split_unless_a_season_is_chosen() -> None:
    falcon = srank.parse_distribution(FALCON)
    found = tiles(falcon.to_svg())
    assert found["CA-AB"].get("data-class") == "3 4 3"
    bands = [(rect.get("y"), rect.get("height"), rect.get("fill")) for rect in found["CA-AB"].iter(f"{SVG}rect")]
    assert bands == [("50", "12", "#FDD835"), ("62", "12", "#66BB6A"), ("74", "12", "#FDD835")]
    assert title(found["CA-AB"]) == (
        "Alberta (AB): S3B,S4N,S3M – Breeding: Vulnerable; Nonbreeding: Apparently Secure; Migrant: Vulnerable"
    )
    breeding = tiles(falcon.to_svg(season="B"))
    assert {place: breeding[place].get("data-class") for place in ("CA-AB", "CA-BC", "US-SD", "CA-MB")} == {
        "CA-AB": "3",
        "CA-BC": "1",  # S1 names no season, so it stands for every season
        "US-SD": "2",
        "CA-MB": "not-present",  # S2M has no breeding part
    }
    assert title(breeding["CA-AB"]) == "Alberta (AB): S3B – Breeding: Vulnerable (S3B,S4N,S3M)"
    assert title(breeding["CA-MB"]) == "Manitoba (MB): S2M – no breeding rank"
    nonbreeding = tiles(falcon.to_svg(season=srank.Season.NONBREEDING))
    assert nonbreeding["US-SD"].get("data-class") == "NR"


def test_a_chosen_season_is_named_under_the_title() -> None:
    svg = srank.parse_distribution(FALCON).to_svg(season="M", title="Falco mexicanus")
    texts = [text_of(element) for element in ET.fromstring(svg).findall(f"{SVG}text")]
    assert texts[:2] == ["Falco mexicanus", "Ranks of the migrant population"]
    assert title(ET.fromstring(svg)) == "Falco mexicanus"


def test_places_without_a_tile_are_listed_under_the_grid() -> None:
    dist = srank.parse_distribution("United States (N3): AZ (S2), GS (S1), AZ (S4), TV (S5), CO (S9)", lenient=True)
    svg = dist.to_svg()
    listed = marks(svg, "listed")
    assert [(text_of(mark).removeprefix(title(mark)), mark.get("data-class")) for mark in listed] == [
        ("GS (US-GS): S1 – Critically Imperiled", "1"),
        ("Arizona (US-AZ): S4 – Apparently Secure", "4"),
        ("TV (US-TV): S5 – Secure", "5"),
        ("Colorado (US-CO): 'S9' could not be read", "not-present"),
    ]
    found = tiles(svg)
    assert found["US-AZ"].get("data-class") == "2"  # the first record of a place has its tile
    assert text_of(found["US-CO"]).endswith("CO?")
    # Each list has its heading: Colorado has a tile (with "?"), so it is not "not on the map".
    headings = [e.text for e in ET.fromstring(svg).findall(f"{SVG}text") if e.get("font-weight") == "bold"]
    assert headings[-2:] == ["Not on the map", "Ranks that could not be read (? on the map)"]
    assert [item.get("data-class") for item in marks(svg, "legend-item")] == ["1", "2", "3", "4", "5", "not-present"]


def test_mexico_is_drawn_only_when_one_of_its_states_is_ranked() -> None:
    nations = [
        {"nationCode": "MX", "roundedNRank": "N2", "subnations": [{"subnationCode": "SON", "roundedSRank": "S1"}]},
        {"nationCode": "US", "roundedNRank": "N3", "subnations": [{"subnationCode": "AZ", "roundedSRank": "S3"}]},
    ]
    with_mexico = tiles(Distribution.from_api(nations).to_svg())
    assert len(with_mexico) == 66 + 32
    assert with_mexico["MX-SON"].get("data-class") == "1"
    assert title(with_mexico["MX-SON"]) == "Sonora (SON): S1 – Critically Imperiled"
    assert title(with_mexico["MX-CMX"]) == "Mexico City (CMX): Not present"
    without = tiles(Distribution.from_api(nations[1:]).to_svg())
    assert len(without) == 66
    assert not any(place.startswith("MX-") for place in without)


def test_the_map_speaks_the_chosen_language() -> None:
    svg = srank.parse_distribution(FERRET).to_svg(lang="fr")
    found = tiles(svg)
    assert title(found["US-AZ"]) == "Arizona (AZ)\u00a0: S1 – Gravement en péril"  # French puts a space before ":"
    assert title(found["US-CA"]) == "Californie (CA)\u00a0: Non présente"
    assert [item.findtext(f"{SVG}text") for item in marks(svg, "nation")] == [
        "Canada\u00a0: NX",
        "États-Unis\u00a0: N1",
    ]
    assert [text_of(item) for item in marks(svg, "legend-item")][:3] == [
        "X Présumée disparue",
        "H Possiblement disparue",
        "1 Gravement en péril",
    ]
    assert "Rangs nationaux" in svg
    assert "Rang arrondi" in svg


def test_every_text_of_the_map_is_escaped() -> None:
    evil = "<script>alert(1)</script>"
    dist = Distribution(
        (
            PlaceRank("US", None, srank.parse("N3")),
            PlaceRank("US", evil, Rank(Level.SUBNATIONAL, Single(srank.Grade.IMPERILED))),
            PlaceRank(evil, None, srank.parse("N2")),
        ),
        "api",
    )
    svg = dist.to_svg(title=evil)
    assert "<script" not in svg
    assert svg.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
    ET.fromstring(svg)
    lenient = srank.parse_distribution("Canada (N3): AB (<script>alert</script>)", lenient=True)
    assert lenient.subnational("CA", "AB") == PlaceRank("CA", "AB", None, ANY, "<script>alert</script>")
    for markup in (lenient.to_svg(), lenient._repr_html_()):
        assert "<script" not in markup
        assert "&lt;script&gt;" in markup


def test_characters_xml_forbids_are_replaced_so_the_map_always_parses() -> None:
    # A vertical tab from a spreadsheet cell, a control character, a lone surrogate: each is shown as U+FFFD.
    dist = srank.parse_distribution("United States (N3): MD (S2)")
    for title, shown in (("Falco\x0bmexicanus", "Falco\ufffdmexicanus"), ("a\x01b\ud800", "a\ufffdb\ufffd")):
        svg = dist.to_svg(title=title)
        root = ET.fromstring(svg)
        assert any(element.text == shown for element in root.iter("{http://www.w3.org/2000/svg}text")), shown
        svg.encode("utf-8")  # no lone surrogate left to fail a file's writing
    assert "Tab\tand\nbreak" in dist.to_svg(title="Tab\tand\nbreak")  # what XML allows is kept


def test_sixty_places_fit_in_sixty_kilobytes() -> None:
    states = list(srank._places.map_layout().tiles)
    us = [code for nation, code in states if nation == "US"]
    ca = [code for nation, code in states if nation == "CA"][:8]
    assert len(us) + len(ca) == 60
    ranks = ["S1B,S3N,S2M", "S2B,S4N", "SNRB,S3N", "SX,S1", "SHB,SNAN", "S4B,S5N,S4M"]
    lines = [
        "Canada (N3B,N4N,N3M): " + ", ".join(f"{code} ({ranks[i % 6]})" for i, code in enumerate(sorted(ca))),
        "United States (N4B,N5N): " + ", ".join(f"{code} ({ranks[i % 6]})" for i, code in enumerate(sorted(us))),
    ]
    dist = srank.parse_distribution("\n".join(lines))
    assert len(dist) == 62
    svg = dist.to_svg()
    assert len(svg.encode("utf-8")) < 60_000
    assert sum(1 for tile in tiles(svg).values() if tile.get("data-class") != "not-present") == 60


def test_bad_options_are_named() -> None:
    dist = srank.parse_distribution(FERRET)
    with pytest.raises(ValueError, match=r"season must be 'B', 'N', 'M', a srank.Season or None, not 'winter'"):
        dist.to_svg(season="winter")
    with pytest.raises(ValueError, match=r"Unknown lang 'de'; choose one of: 'en', 'es', 'fr'"):
        dist.to_svg(lang="de")
    with pytest.raises(TypeError, match="title must be a str or None, not int"):
        dist.to_svg(title=3)  # type: ignore[arg-type]
    assert dist.to_svg(season="b") == dist.to_svg(season="B")  # a season letter in any case, as codes are read


def test_distributions_changes_and_findings_draw_in_the_chosen_language() -> None:
    dist = srank.parse_distribution("Canada (N3): QC (S2)")
    html = dist.to_html(lang="fr")
    assert html.startswith('<div lang="fr" style=')
    assert ("Québec" in html, "En péril" in html, "Quebec" in html) == (True, True, False)
    change = srank.compare("S2B,S4N", "S1B,S4N").to_html(lang="es")
    assert change.startswith('<div lang="es" style=')
    assert "Población reproductora: S2B → S1B, mayor riesgo" in change
    finding = srank.check("G3G2")[0].to_html(lang="fr")
    assert finding.startswith('<div lang="fr" style=')
    assert "La plage 3-2 est inversée" in finding
    assert srank.parse("S2").to_html(lang="es").startswith('<div lang="es" style=')


# -- the notebook view of a distribution -------------------------------------------


def test_a_distribution_shows_its_map_above_a_table_of_places() -> None:
    dist = srank.parse_distribution(FERRET)
    html = dist._repr_html_()
    root = ET.fromstring(html)
    assert root[0].tag == f"{SVG}svg"
    assert root[1].tag == "table"
    headings = [text_of(cell) for cell in root[1].iter("th")]
    assert headings == ["Place", "Rank", "Rounded rank", "Status", "Findings"]
    rows = root[1].findall("tbody/tr")
    assert len(rows) == len(dist) == 17
    assert [text_of(cell) for cell in rows[4]] == ["Arizona US-AZ", "S1", "S1", "Critically Imperiled", ""]
    assert_self_contained(html)


def test_a_distribution_table_keeps_unread_ranks_and_findings() -> None:
    dist = srank.parse_distribution("Canada (N3): AB (S9), ZZ (SX,S1)", lenient=True)
    rows = ET.fromstring(dist._repr_html_())[1].findall("tbody/tr")
    cells = [[text_of(cell) for cell in row] for row in rows]
    assert cells[1][:4] == ["Alberta CA-AB", "S9", "", "'S9' could not be read"]
    assert "unreadable-rank" in cells[1][4]
    assert cells[2][0] == "ZZ CA-ZZ"
    assert "unknown-place" in cells[2][4]
    assert cells[2][4].count("season-missing") == 2


# -- totality over drawn values -------------------------------------------------------


@given(st.one_of(ranks(findings=True), multi_season_ranks(findings=True)))
def test_every_rank_has_a_colour_and_a_well_formed_badge(rank: srank.Rank | srank.MultiSeasonRank) -> None:
    swatch = rank.colour()
    assert swatch == srank.palette()[swatch.name]
    assert swatch.name in [part.value.low.value for part in rank.rounded().parts]
    html = rank.to_html()
    assert ET.fromstring(html).tag == "div"
    assert f"background:{swatch.fill};color:{swatch.text}" in html


@given(distributions(), st.sampled_from([None, "B", "N", "M"]))
def test_every_record_of_a_drawn_distribution_is_on_the_map(dist: Distribution, season: str | None) -> None:
    svg = dist.to_svg(season=season)
    found = tiles(svg)
    listed = marks(svg, "listed")
    nations = marks(svg, "nation")
    on_tiles = {f"{r.nation}-{r.subnation}" for r in dist if r.subnation is not None} & set(found)
    assert len(nations) == sum(1 for record in dist if record.subnation is None)
    assert len(on_tiles) + len(listed) == sum(1 for record in dist if record.subnation is not None)
    legend = {item.get("data-class") for item in marks(svg, "legend-item")}
    drawn = {name for mark in [*found.values(), *nations, *listed] for name in (mark.get("data-class") or "").split()}
    assert legend == drawn
    ET.fromstring(dist._repr_html_())


def test_an_empty_distribution_draws_an_empty_map() -> None:
    svg = srank.parse_distribution("").to_svg()
    assert {tile.get("data-class") for tile in tiles(svg).values()} == {"not-present"}
    assert [item.get("data-class") for item in marks(svg, "legend-item")] == ["not-present"]
    assert marks(svg, "nation") == []


def test_a_nation_ranked_only_as_a_whole_has_hatched_tiles_not_absent_ones() -> None:
    # "Canada (N3)" says the taxon is in Canada: its provinces are not "not present", they have no rank of their own.
    svg = srank.parse_distribution("United States (N4): VT (S2)\nCanada (N3)").to_svg()
    found = tiles(svg)
    assert found["CA-ON"].get("data-class") == "national-only"
    assert title(found["CA-ON"]) == "Ontario (ON): No subnational rank given"
    assert found["US-NH"].get("data-class") == "not-present"  # the US lists its states: NH is not among them
    assert found["US-VT"].get("data-class") == "2"
    assert [rect.get("fill") for rect in found["CA-ON"].iter(f"{SVG}rect")] == ["url(#srank-national-only)"]
    assert [(item.get("data-class"), text_of(item)) for item in marks(svg, "legend-item")] == [
        ("2", "2 Imperiled"),
        ("3", "3 Vulnerable"),  # the national ranks, in the panel beside the grid
        ("4", "4 Apparently Secure"),
        ("not-present", "Not present"),
        ("national-only", "No subnational rank given"),
    ]
    assert 'id="srank-national-only"' in svg
    french = srank.parse_distribution("Canada (N3)").to_svg(lang="fr")
    assert title(tiles(french)["CA-QC"]) == "Québec (QC)\u00a0: Aucun rang infranational donné"
    unread = srank.parse_distribution("Canada (N3): ON (S9)", lenient=True).to_svg(lang="fr")
    assert title(tiles(unread)["CA-ON"]) == "Ontario (ON)\u00a0: «\u00a0S9\u00a0»\u00a0: illisible"  # French quotes
    assert "srank-national-only" not in srank.parse_distribution("Canada (N3): ON (S2)").to_svg()
    # Not when the national rank says the taxon is gone, or has no part for the season shown.
    seasonal = srank.parse_distribution("Canada (N3B)\nUnited States (N4N): VT (S2N)")
    assert tiles(seasonal.to_svg(season="N"))["CA-ON"].get("data-class") == "not-present"
    assert tiles(seasonal.to_svg(season="B"))["CA-ON"].get("data-class") == "national-only"
    for gone in ("Canada (NX)", "Canada (NH)"):
        assert tiles(srank.parse_distribution(gone).to_svg())["CA-ON"].get("data-class") == "not-present", gone
    assert tiles(srank.parse_distribution("Canada (NNR)").to_svg())["CA-ON"].get("data-class") == "national-only"


def test_map_svg_takes_text_or_a_distribution() -> None:
    from srank._svg import map_svg

    dist = srank.parse_distribution(FERRET)
    assert map_svg(FERRET) == dist.to_svg() == map_svg(dist)
    assert map_svg(FERRET, season="B", lang="fr", title="Mustela") == dist.to_svg("B", "fr", "Mustela")
    assert tiles(map_svg("Canada (N3): AB (S9)", lenient=True))["CA-AB"].get("data-class") == "not-present"
    with pytest.raises(srank.InvalidRankError, match="Expected a rank value"):
        map_svg("Canada (N3): AB (S9)")
