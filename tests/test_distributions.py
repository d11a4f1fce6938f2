"""Distribution strings: Explorer exports, Biotics national ranks and the Explorer API, read into records."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import srank
from srank.strategies import distributions

# Real strings from NatureServe Explorer exports (Cynomys ludovicianus, Rhynchophanes mccownii) and Biotics.
PRAIRIE_DOG = (
    "Canada (N2): AB (SNA), SK (S2)\n"
    "United States (N4): AZ (SX,S1), CO (S3), KS (S3), MT (S3), ND (SU), NE (S3), NM (S2), OK (S3), SD (S4), TX (S3),"
    " WY (S2)"
)
LONGSPUR = (
    "Canada (N3B): AB (S3B), SK (S3B)\r\n"
    "United States (N4B,N4N): AZ (S2N), CA (SNRN), CO (S2B), MN (SXB,SNRM), ND (S2), SD (SHB)"
)


def rows(dist: srank.Distribution) -> list[tuple[str, str | None, str, str]]:
    return [(r.nation, r.subnation, r.written, r.place) for r in dist]


def test_an_explorer_string_gives_one_record_per_nation_and_subnation() -> None:
    dist = srank.parse_distribution(PRAIRIE_DOG)
    assert dist.format == "explorer"
    assert rows(dist)[:4] == [
        ("CA", None, "N2", "Canada"),
        ("CA", "AB", "SNA", "Alberta"),
        ("CA", "SK", "S2", "Saskatchewan"),
        ("US", None, "N4", "United States"),
    ]
    assert rows(dist)[4] == ("US", "AZ", "SX,S1", "Arizona")
    assert len(dist) == 15
    assert str(dist) == PRAIRIE_DOG


def test_crlf_lines_seasons_on_status_values_and_california_under_the_us() -> None:
    dist = srank.parse_distribution(LONGSPUR)
    california = dist.subnational("US", "CA")
    assert california is not None
    assert california.rank is not None
    assert (california.place, str(california.rank), str(california.rank.rounded())) == ("California", "SNRN", "SNRN")
    assert dist.subnational("CA", "CA") is None
    assert str(dist.subnational("US", "MN").rank) == "SXB,SNRM"  # type: ignore[union-attr]
    assert str(dist.national("US").rank) == "N4B,N4N"  # type: ignore[union-attr]
    assert str(dist) == LONGSPUR.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada (N3)", [("CA", None, "N3", "Canada")]),
        (
            "Canada (NHB): LB (SHM), NF (SHM), NU (SHB)",
            [
                ("CA", None, "NHB", "Canada"),
                ("CA", "LB", "SHM", "Labrador"),
                ("CA", "NF", "SHM", "Newfoundland"),
                ("CA", "NU", "SHB", "Nunavut"),
            ],
        ),
        (
            "United States (N5): NN (S3), DC (SNA,SNA)",
            [
                ("US", None, "N5", "United States"),
                ("US", "NN", "S3", "Navajo Nation"),
                ("US", "DC", "SNA,SNA", "District of Columbia"),
            ],
        ),
        (
            "Canada (NUB): MB (SUB), ON (S4N,S5B)",
            [("CA", None, "NUB", "Canada"), ("CA", "MB", "SUB", "Manitoba"), ("CA", "ON", "S4N,S5B", "Ontario")],
        ),
        ("", []),
        ("  \n", []),
    ],
)
def test_odd_explorer_forms(text: str, expected: list[tuple[str, str | None, str, str]]) -> None:
    assert rows(srank.parse_distribution(text)) == expected


def test_a_biotics_string_holds_raw_national_ranks() -> None:
    dist = srank.parse_distribution("CA(N4?B,NUM), MX(NNR), US(N5B,NNRN)")
    assert dist.format == "biotics"
    assert rows(dist) == [
        ("CA", None, "N4?B,NUM", "Canada"),
        ("MX", None, "NNR", "Mexico"),
        ("US", None, "N5B,NNRN", "United States"),
    ]
    assert str(dist.national("CA").rank.rounded()) == "N4B,NUM"  # type: ignore[union-attr]
    assert str(dist) == "CA(N4?B,NUM), MX(NNR), US(N5B,NNRN)"


def test_many_nations_in_a_biotics_string_and_an_unknown_code_is_a_warning() -> None:
    dist = srank.parse_distribution("AG(NNR), BS(NNR), CA(N5B,N5M), PR(NNA), VI(NNA), ZZ(N1)")
    assert [r.place for r in dist] == [
        "Antigua and Barbuda",
        "Bahamas",
        "Canada",
        "Puerto Rico",
        "U.S. Virgin Islands",
        "ZZ",
    ]
    assert [str(f) for f in dist.findings] == [
        "warning[unknown-place]: ZZ: srank does not know the nation code 'ZZ'; it is kept as written"
    ]


def test_an_unknown_subnation_code_is_a_warning_naming_its_nation() -> None:
    dist = srank.parse_distribution("United States (N5): GS (S1)")
    assert [str(f) for f in dist.findings] == [
        "warning[unknown-place]: GS, United States: srank does not know the subnation code 'GS' under US;"
        " it is kept as written"
    ]


@pytest.mark.parametrize(
    ("text", "message", "span"),
    [
        ("Canada (N3): AB (S3, BC (S1)", "Expected ')', found '('", (24, 25)),
        ("Canada (N3", "Expected ')', found the end of the text", (10, 10)),
        ("Canada (N3)\nMexco (N3)", "Unknown nation name 'Mexco'", (12, 17)),
        (
            "Canada (N3): AB (S3), BC (S9)",
            "British Columbia, Canada: Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9'",
            (27, 28),
        ),
        ("CA(N4), US(N5B,NNRN", "Expected ')', found the end of the text", (19, 19)),
        ("CA(N4), US(N5B,G2)", "United States: 'G2' cannot be part of a multi-part code", (15, 17)),
    ],
)
def test_malformed_text_raises_with_the_position_in_the_whole_string(
    text: str, message: str, span: tuple[int, int]
) -> None:
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse_distribution(text)
    assert (caught.value.message, caught.value.span, caught.value.text) == (message, span, text)


def test_lenient_reading_keeps_the_rest_and_names_each_problem() -> None:
    dist = srank.parse_distribution(
        "Canada (N3): AB (S3), BC (S9)\nMexco (N2)\nUnited States (n5): md (s3)", lenient=True
    )
    assert rows(dist) == [
        ("CA", None, "N3", "Canada"),
        ("CA", "AB", "S3", "Alberta"),
        ("CA", "BC", "S9", "British Columbia"),
        ("Mexco", None, "N2", "Mexco"),
        ("US", None, "N5", "United States"),
        ("US", "MD", "S3", "Maryland"),  # codes in any case read leniently
    ]
    assert dist.subnational("CA", "BC").rank is None  # type: ignore[union-attr]
    assert [finding.code for finding in dist.findings] == [
        "unreadable-rank",
        "unknown-nation",
        "normalised-case",
        "normalised-case",
    ]


API_NATIONS: list[dict[str, Any]] = [
    {
        "nationCode": "US",
        "roundedNRank": "N5B,N5N",
        "native": True,
        "exotic": False,
        "subnations": [
            {"subnationCode": "PA", "roundedSRank": "S4B,S5N,S4M", "native": True, "exotic": False},
            {"subnationCode": "HI", "roundedSRank": "SNA", "exotic": True},
            {"subnationCode": "DC", "roundedSRank": "S2N,SXB", "native": None},
            {"subnationCode": "QQ", "roundedSRank": "S1"},
        ],
    },
    {"nationCode": "CA", "roundedNRank": "N5B,N5N", "subnations": [{"subnationCode": "LB", "roundedSRank": "S4B,SUM"}]},
]


def test_api_nations_with_missing_and_null_flags_and_an_unknown_code() -> None:
    dist = srank.Distribution.from_api(API_NATIONS)
    assert [(r.nation, r.subnation, r.written, r.native, r.exotic) for r in dist] == [
        ("US", None, "N5B,N5N", True, False),
        ("US", "PA", "S4B,S5N,S4M", True, False),
        ("US", "HI", "SNA", None, True),
        ("US", "DC", "S2N,SXB", None, None),
        ("US", "QQ", "S1", None, None),
        ("CA", None, "N5B,N5N", None, None),
        ("CA", "LB", "S4B,SUM", None, None),
    ]
    assert [finding.code for finding in dist.findings] == ["unknown-place"]
    assert dist.to_api()[1] == {
        "nationCode": "CA",
        "roundedNRank": "N5B,N5N",
        "subnations": [{"subnationCode": "LB", "roundedSRank": "S4B,SUM"}],
    }
    assert srank.Distribution.from_api([]) == srank.Distribution((), "api")


def test_a_nation_written_without_its_rank_is_hinted() -> None:
    with pytest.raises(srank.InvalidRankError) as raised:
        srank.parse_distribution("United States: AL (S2), GA (S3), FL (SNR); Canada: ON (S1)")
    assert (raised.value.span, raised.value.hint) == (
        (13, 14),  # where " (" should be
        "a nation's own rank comes in parentheses after its name, before its places: 'United States (NNR): ...'"
        " (NNR for a nation not yet ranked); each nation goes on its own line",
    )
    with pytest.raises(srank.InvalidRankError) as raised:  # not a nation srank knows: the general hint
        srank.parse_distribution("Atlantis: AB (S1)")
    assert raised.value.hint == "a distribution reads 'United States (N5): MD (S3), VA (S4)' or 'CA(N4), US(N5B,NNRN)'"


def test_api_data_is_written_as_its_json_places_and_read_back() -> None:
    dist = srank.Distribution.from_api(API_NATIONS)
    back = srank.parse_distribution(str(dist))
    assert back == dist
    assert back.format == "api"
    assert [(r.nation, r.subnation, r.written) for r in back][:2] == [
        ("US", None, "N5B,N5N"),
        ("US", "PA", "S4B,S5N,S4M"),
    ]
    assert srank.parse_distribution("[]") == srank.Distribution((), "api")
    # Mexico's states have three-letter codes, which the text formats cannot hold: the JSON form can.
    mexico = srank.parse_distribution(
        '[{"nationCode": "MX", "roundedNRank": "N2", "subnations": [{"subnationCode": "SON", "roundedSRank": "S1"}]}]'
    )
    sonora = mexico.subnational("MX", "SON")
    assert sonora is not None
    assert (sonora.place, str(sonora.rank)) == ("Sonora", "S1")


def test_json_places_that_do_not_read_are_located_errors_or_lenient_notes() -> None:
    with pytest.raises(srank.InvalidRankError) as raised:
        srank.parse_distribution('[{"nationCode": "MX", ')
    assert (raised.value.code, raised.value.span) == ("distribution-syntax", (22, 22))  # at the end of the text
    assert str(raised.value).splitlines()[0] == (
        "The text starts as JSON does ('[' or '{'), but is not JSON: Expecting property name enclosed in double quotes"
    )
    # A saved record: its places are read from where it keeps them; an object without them is named.
    record = '{"scientificName": "Falco mexicanus", "nations": [{"nationCode": "MX", "roundedNRank": "N2"}]}'
    assert [str(place.rank) for place in srank.parse_distribution(record)] == ["N2"]
    with pytest.raises(srank.InvalidRankError, match="The text is one JSON object with no list of places"):
        srank.parse_distribution('{"a": 1}')
    lenient = srank.parse_distribution('[{"nationCode": "MX",', lenient=True)
    assert (len(lenient), [finding.code for finding in lenient.findings]) == (0, ["distribution-syntax"])
    with pytest.raises(srank.InvalidRankError, match=r"nations\[0\] has no nationCode"):
        srank.parse_distribution("[1, 2]")


def test_api_taxon_records_give_raw_ranks_and_their_rounding() -> None:
    dist = srank.Distribution.from_api(
        [
            {
                "nationCode": "US",
                "nrank": "N3N4",
                "roundedNRank": "N3",
                "subnations": [{"subnationCode": "AL", "srank": "S2S3", "roundedSRank": "S2"}],
            }
        ]
    )
    assert [(r.written, str(r.rank.rounded())) for r in dist] == [("N3N4", "N3"), ("S2S3", "S2")]  # type: ignore[union-attr]
    assert dist.to_api() == [
        {
            "nationCode": "US",
            "roundedNRank": "N3",
            "nrank": "N3N4",
            "subnations": [{"subnationCode": "AL", "roundedSRank": "S2", "srank": "S2S3"}],
        }
    ]


def test_api_taxon_record_places_keep_natureserve_s_rounding_beside_the_raw_rank() -> None:
    element_nationals: list[dict[str, Any]] = [
        {
            "nation": {"nameEn": "United States", "isoCode": "US"},
            "nrank": "N3N4",
            "roundedNRank": "N3",
            "nrankReviewYear": 2012,
            "elementSubnationals": [
                {
                    "subnation": {"nameEn": "Vermont", "subnationCode": "VT"},
                    "srank": "S1S2",
                    "roundedSRank": "S2",
                    "speciesSubnational": {"hybrid": False, "exotic": True},
                }
            ],
        }
    ]
    dist = srank.Distribution.from_api(element_nationals)
    assert [(r.subnation, r.written, str(r.published_rounded), r.exotic) for r in dist] == [
        (None, "N3N4", "N3", None),
        ("VT", "S1S2", "S2", True),
    ]
    assert [str(finding) for finding in dist.findings] == [
        "warning[rounded-differs]: Vermont, United States: NatureServe publishes S2 as the rounded rank of S1S2;"
        " srank rounds S1S2 to S1"
    ]


def test_natureserve_s_rounding_of_a_part_written_twice_may_write_it_once() -> None:
    dist = srank.Distribution.from_api(
        [
            {
                "nationCode": "US",
                "subnations": [
                    {"subnationCode": "NJ", "srank": "SNA,SNA", "roundedSRank": "SNA"},
                    {"subnationCode": "MD", "srank": "S2B", "roundedSRank": "S2B,S2B"},
                    {"subnationCode": "VA", "srank": "S2B,S3B", "roundedSRank": "S3B"},
                ],
            }
        ]
    )
    assert [str(finding) for finding in dist.findings if finding.code == "rounded-differs"] == [
        "warning[rounded-differs]: Virginia, United States: NatureServe publishes S3B as the rounded rank of S2B,S3B;"
        " srank rounds S2B,S3B to S2B,S3B"
    ]


def test_api_objects_without_their_code_are_errors_or_lenient_notes() -> None:
    nations: list[dict[str, Any]] = [
        {"roundedNRank": "N5"},
        {"nationCode": "US", "subnations": [{"roundedSRank": "S1"}]},
    ]
    with pytest.raises(srank.InvalidRankError, match=r"nations\[0\] has no nationCode"):
        srank.Distribution.from_api(nations)
    dist = srank.Distribution.from_api(nations, lenient=True)
    assert [str(finding) for finding in dist.notes] == [
        "warning[distribution-syntax]: nations[0] has no nationCode; it was left out",
        "warning[distribution-syntax]: nations[1].subnations[0] has no subnationCode; it was left out",
    ]
    assert [(r.nation, r.subnation) for r in dist] == [("US", None)]


def test_api_errors_say_where() -> None:
    with pytest.raises(srank.InvalidRankError, match=r"nations\[0\].subnations\[0\]: Expected"):
        srank.Distribution.from_api(
            [{"nationCode": "US", "roundedNRank": "N5", "subnations": [{"subnationCode": "MD", "roundedSRank": "X1"}]}]
        )
    with pytest.raises(TypeError):
        srank.Distribution.from_api("US(N5)")  # type: ignore[arg-type]


def test_check_levels_runs_over_every_chain_and_names_each_place() -> None:
    findings = srank.check_levels(global_rank="G2", distribution="Canada (N2): SK (S5B)\nUnited States (N1): CA (S4)")
    assert [str(finding) for finding in findings] == [
        "warning[subnational-more-secure]: Saskatchewan, Canada: The subnational rank 'S5B' is more secure than the"
        " national rank 'N2'",
        "error[subnational-gap-too-wide]: Saskatchewan, Canada: The subnational rank 'S5B' is 3 ranks more secure"
        " than the national rank 'N2'; NatureServe's data exchange rejects a gap of 3 or more",
        "warning[subnational-more-secure]: Saskatchewan, Canada: The subnational rank 'S5B' is more secure than the"
        " global rank 'G2'",
        "error[subnational-gap-too-wide]: Saskatchewan, Canada: The subnational rank 'S5B' is 3 ranks more secure"
        " than the global rank 'G2'; NatureServe's data exchange rejects a gap of 3 or more",
        "warning[subnational-more-secure]: California, United States: The subnational rank 'S4' is more secure than"
        " the national rank 'N1'",
        "error[subnational-gap-too-wide]: California, United States: The subnational rank 'S4' is 3 ranks more"
        " secure than the national rank 'N1'; NatureServe's data exchange rejects a gap of 3 or more",
        "warning[subnational-more-secure]: California, United States: The subnational rank 'S4' is more secure than"
        " the global rank 'G2'",
    ]


@given(distributions())
def test_a_distribution_reads_back_from_its_text(dist: srank.Distribution) -> None:
    assert srank.parse_distribution(str(dist)) == dist or (not dist.records and not str(dist))


@given(distributions(formats=["explorer"]), st.integers(0, 200), st.sampled_from(["(", ")", ",", " ", ":", "\n", "x"]))
def test_the_patterns_and_the_grammar_agree_on_what_reads(dist: srank.Distribution, at: int, char: str) -> None:
    from srank._lark_adapter import distribution_error

    text = str(dist)
    if not text:
        return
    text = text[: at % len(text)] + char + text[at % len(text) :]
    structurally_fine = distribution_error(text.strip(), "explorer") is None
    try:
        srank.parse_distribution(text, lenient=True)
    except srank.InvalidRankError:
        pytest.fail("lenient reading raised")
    notes = [f.code for f in srank.parse_distribution(text, lenient=True).notes]
    # The reader also trims the space around each line, which the grammar does not allow.
    trimmed = re.search(r"\n\s*\n|^\s|\s$|[ \t]\r?\n|\n[ \t]", text)
    assert ("distribution-syntax" not in notes) == structurally_fine or trimmed


def test_pandas_long_form_is_keyed_by_the_series_index() -> None:
    pd = pytest.importorskip("pandas")
    import srank.pandas

    series = pd.Series(
        ["Canada (N2): AB (SNA)", None, "CA(N4?B,NUM), US(N5B)", "Canada (N3"],
        index=pd.Index(["cynomys", "none", "falco", "broken"], name="species"),
    )
    frame = series.srank.distributions()
    assert frame.index.tolist() == ["cynomys", "cynomys", "none", "falco", "falco", "broken"]
    assert frame.index.name == "species"
    assert frame[["nation", "subnation", "rank", "rounded"]].astype(object).where(
        frame.notna(), None
    ).values.tolist() == [
        ["CA", None, "N2", "N2"],
        ["CA", "AB", "SNA", "SNA"],
        [None, None, None, None],
        ["CA", None, "N4?B,NUM", "N4B,NUM"],
        ["US", None, "N5B", "N5B"],
        [None, None, None, None],
    ]
    assert frame["message"].iloc[2] == "warning[empty-distribution]: the cell holds no distribution"
    assert frame["message"].iloc[-1].startswith("error[distribution-syntax]: Expected ')', found the end of the text")
    assert srank.pandas.distributions(series, lang="fr")["label"].iloc[0] == "En péril"


def test_places_are_named_in_english_french_and_spanish() -> None:
    dist = srank.parse_distribution("Canada (N4): NF (S2), QC (S3)\nUnited States (N5): NC (S3), NN (S1)")
    assert [r.place_name("fr") for r in dist] == [
        "Canada",
        "Terre-Neuve",
        "Québec",
        "États-Unis",
        "Caroline du Nord",
        "Nation navajo",
    ]
    assert [r.place_name("es") for r in dist] == [
        "Canadá",
        "Terranova",
        "Quebec",
        "Estados Unidos",
        "Carolina del Norte",
        "Nación Navajo",
    ]
    # A French export spells its nations in French; they read all the same.
    assert srank.parse_distribution("États-Unis (N5): VA (S3)") == srank.parse_distribution(
        "United States (N5): VA (S3)"
    )


def test_polars_places_are_a_list_of_structs_per_cell() -> None:
    pl = pytest.importorskip("polars")
    import srank.polars

    cells = pl.Series("distribution", ["Canada (N2): AB (SNA)", None, "CA(N4?B,NUM), US(N5B)", "Canada (N3", ""])
    places = cells.srank.distributions()
    assert places.dtype == srank.polars.PLACES
    assert places.list.len().to_list() == [2, 1, 2, 1, 1]
    rows = places.to_frame().with_row_index("row").explode("distribution").unnest("distribution")
    assert rows.select("row", "nation", "subnation", "place", "rank", "rounded").rows() == [
        (0, "CA", None, "Canada", "N2", "N2"),
        (0, "CA", "AB", "Alberta", "SNA", "SNA"),
        (1, None, None, None, None, None),
        (2, "CA", None, "Canada", "N4?B,NUM", "N4B,NUM"),
        (2, "US", None, "United States", "N5B", "N5B"),
        (3, None, None, None, None, None),
        (4, None, None, None, None, None),
    ]
    messages = rows["message"].to_list()
    assert messages[2] == messages[6] == "warning[empty-distribution]: the cell holds no distribution"
    assert messages[5].startswith("error[distribution-syntax]: Expected ')', found the end of the text")
    assert rows["label"].to_list()[:2] == ["Imperiled", "Not Applicable"]


def test_polars_places_in_a_lazy_query_and_in_french() -> None:
    pl = pytest.importorskip("polars")
    import srank.polars  # noqa: F401 - registers the namespace

    frame = pl.LazyFrame({"species": ["Cynomys", "Falco"], "distribution": ["Canada (N2): AB (SNA)", "US(N5B)"]})
    query = frame.with_columns(pl.col("distribution").srank.distributions(lang="fr").alias("place"))
    rows = query.explode("place").unnest("place").select("species", "place", "label").collect().rows()
    assert rows == [
        ("Cynomys", "Canada", "En péril"),
        ("Cynomys", "Alberta", "Non applicable"),
        ("Falco", "États-Unis", "Population reproductrice\u00a0: en sécurité"),  # a no-break space before the colon
    ]


def test_polars_places_of_cells_that_are_not_text() -> None:
    pl = pytest.importorskip("polars")
    import srank.polars

    places = srank.polars.distributions(pl.Series("distribution", [7, None]))
    assert [row[0]["message"] for row in places.to_list()] == [
        "error[syntax]: expected a distribution string, found int",
        "warning[empty-distribution]: the cell holds no distribution",
    ]
    with pytest.raises(ValueError, match="Unknown style 'poster'"):
        pl.col("distribution").srank.distributions(style="poster")
    with pytest.raises(ValueError, match="style 'plants' has no 'fr' text"):
        srank.polars.distributions(pl.Series(["US(N5B)"]), style="plants", lang="fr")


def test_pandas_and_polars_keep_a_legacy_codes_note_beside_the_same_rank_written_plainly() -> None:
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    import srank.pandas
    import srank.polars

    cells = ["United States (N5): CA (SNA)", "United States (N5): CA (SE)", "United States (N5): CA (SNA)"]
    expected = [
        ("SNA", "Not Applicable", None),
        (
            "SNA",
            "Not Applicable; legacy code SE, Exotic",
            "warning[legacy-code]: Legacy code 'SE' (exotic) was read as 'SNA'",
        ),
        ("SNA", "Not Applicable", None),
    ]
    frame = srank.pandas.distributions(pd.Series(cells), lenient=True)
    california = frame[frame["subnation"] == "CA"][["rank", "label", "message"]].astype(object)
    assert [tuple(None if pd.isna(cell) else cell for cell in row) for row in california.values] == expected
    places = srank.polars.distributions(pl.Series(cells), lenient=True).to_list()
    assert [(row[1]["rank"], row[1]["label"], row[1]["message"]) for row in places] == expected


def test_a_lenient_reading_says_whether_every_place_of_a_broken_line_was_kept() -> None:
    def verdict(text: str) -> str:
        (finding,) = srank.parse_distribution(text, lenient=True).findings
        return finding.message.split(" does not read as a whole: ")[1]

    assert verdict("United States (N5): MD (S3),VA (S4)") == "every place in it was read all the same"
    assert verdict("Canada (N3): AB (S3, BC (S1)") == "only its readable places were kept"
    assert verdict("Canada (N3): AB S3") == "only its readable places were kept"
    assert verdict("Canada N3: AB (S3)") == "it was skipped"


def test_a_rank_of_the_wrong_level_for_its_place_is_a_finding_of_the_place() -> None:
    dist = srank.parse_distribution("Canada (G5): AB (S1), BC (N2)")
    assert [finding.line() for finding in dist.findings] == [
        "error[wrong-level]: Canada: 'G5' is a global rank; a nation holds national (N) ranks",
        "error[wrong-level]: British Columbia, Canada: 'N2' is a national rank; a state, province or territory holds"
        " subnational (S) ranks",
    ]
    # Cross-level checks leave such ranks out, and do not name them a second time.
    assert srank.check_levels(global_rank="G2", distribution=dist) == []


def test_lenient_salvage_takes_no_code_from_inside_a_word() -> None:
    dist = srank.parse_distribution("United States (N5): MD (S2), @SUM (S2)", lenient=True)
    assert [(record.subnation, str(record.rank)) for record in dist] == [(None, "N5"), ("MD", "S2")]
    assert [finding.code for finding in dist.findings] == ["distribution-syntax"]


def test_a_three_letter_subnation_code_points_to_api_data() -> None:
    # Mexico's states have three-letter codes, seen in Explorer API data only, not in distribution strings.
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse_distribution("Mexico (N3): SON (S2)")
    assert (caught.value.message, caught.value.span) == ("Expected ' (', found 'N'", (15, 16))
    assert caught.value.hint == (
        "a subnation code in a distribution string has two letters (MD, ON); three-letter codes (Mexico's states)"
        " come with Explorer API data: read it with srank.Distribution.from_api, or give it as its JSON text"
    )


def test_a_place_spelled_out_gets_its_code_as_the_hint() -> None:
    # Hand-made lists write "Maryland (S2)"; NatureServe writes MD. The hint names the code, in any case or language.
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse_distribution("United States (N3): VA (S3), Maryland (S2)")
    assert (caught.value.message, caught.value.span) == ("Expected a two-letter code (MD), found 'Maryland'", (29, 30))
    assert caught.value.hint == "write each place as its two-letter code: Maryland is MD"
    with pytest.raises(srank.InvalidRankError) as caught:
        srank.parse_distribution("Canada (N3): nouveau-brunswick (S3)")
    assert caught.value.hint == "write each place as its two-letter code: nouveau-brunswick is NB"
    assert caught.value.hint_in("fr") == (
        "écrivez chaque lieu par son code de deux lettres\u00a0: nouveau-brunswick s'écrit NB"
    )
    with pytest.raises(srank.InvalidRankError) as caught:  # not a place of that nation: the usual hint
        srank.parse_distribution("Canada (N3): Maryland (S3)")
    assert caught.value.hint == "a distribution reads 'United States (N5): MD (S3), VA (S4)' or 'CA(N4), US(N5B,NNRN)'"
    # In capitals the grammar stops inside the name (OHIO at 'IO'): the hint reads the whole item.
    for text, hint in (
        ("United States (N3): OHIO (S2)", "OHIO is OH"),
        ("Canada (N3): AB (S1), QUÉBEC (S2)", "QUÉBEC is QC"),
    ):
        with pytest.raises(srank.InvalidRankError) as caught:
            srank.parse_distribution(text)
        assert caught.value.hint == f"write each place as its two-letter code: {hint}"
    with pytest.raises(srank.InvalidRankError) as caught:  # Mexico's states have three letters: no code to offer
        srank.parse_distribution("Mexico (N3): Sonora (S2)")
    assert caught.value.hint == "a distribution reads 'United States (N5): MD (S3), VA (S4)' or 'CA(N4), US(N5B,NNRN)'"


def test_a_distribution_s_format_and_place_codes_are_checked() -> None:
    with pytest.raises(ValueError, match=r"^a Distribution's format is one of 'explorer', 'biotics', 'api', not 'csv'"):
        srank.Distribution((), "csv")  # type: ignore[arg-type]
    dist = srank.parse_distribution("United States (N5): VT (S2)")
    with pytest.raises(TypeError, match=r"^a place code is text, such as 'US' or 'CA', not int$"):
        dist.national(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"not NoneType$"):
        dist.subnational(None, "VT")  # type: ignore[arg-type]
