"""srank.polars: the srank namespace on Series and expressions, native dtypes, distinct values decoded once."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import srank
from srank.strategies import invalid_codes, rank_codes

pl = pytest.importorskip("polars")
srank_polars = pytest.importorskip("srank.polars")

CODES = ["G5T2", "S1", None, "", "G3G2", "SX", "S2B,S4N", "GH", "SNR", "G1G3", "G2?", "G5T2"]
ENUM_INPUT = pl.Enum(["", "G1G3", "G2?", "G3G2", "G5T2", "GH", "S1", "S2B,S4N", "SNR", "SX"])
DTYPES = [pl.String, pl.Categorical, ENUM_INPUT]


def _column(dtype: Any) -> Any:
    return pl.Series("rank", CODES, dtype=dtype)


@pytest.mark.parametrize("dtype", DTYPES)
def test_text_columns(dtype: Any) -> None:
    column = _column(dtype)
    valid = column.srank.valid()
    assert valid.dtype == pl.Boolean
    assert valid.name == "rank"
    assert valid.to_list() == [True, True, None, None, False, True, True, True, True, True, True, True]
    assert column.srank.canonical().to_list() == [
        "G5T2", "S1", None, None, None, "SX", "S2B,S4N", "GH", "SNR", "G1G3", "G2?", "G5T2",
    ]  # fmt: skip
    assert column.srank.label().to_list()[:2] == ["Secure; subspecies or variety Imperiled", "Critically Imperiled"]
    assert column.srank.message().to_list()[4] == (
        "error[range-reversed]: Range 3-2 is reversed; hint: write the lower (more imperiled) number first, as in G2G3"
    )
    assert column.srank.message().to_list()[0] is None


@pytest.mark.parametrize("dtype", DTYPES)
def test_predicates(dtype: Any) -> None:
    column = _column(dtype)
    gap = [None, None, None]
    assert column.srank.is_imperiled().dtype == pl.Boolean
    assert column.srank.is_imperiled().to_list() == [True, True, *gap, False, True, False, False, True, True, True]
    assert column.srank.is_imperiled(1).to_list() == [
        False, True, *gap, False, False, False, False, False, False, False,
    ]  # fmt: skip
    assert column.srank.is_extinct().to_list() == [False, False, *gap, True, False, False, False, False, False, False]
    assert column.srank.is_possibly_extinct().to_list() == [
        False, False, *gap, False, False, True, False, False, False, False,
    ]  # fmt: skip
    assert column.srank.is_ranked().to_list() == [True, True, *gap, True, True, True, False, True, True, True]


@pytest.mark.parametrize("dtype", DTYPES)
def test_rounded_is_an_enum_in_imperilment_order(dtype: Any) -> None:
    rounded = _column(dtype).srank.rounded()
    assert rounded.dtype == pl.Enum(["SX", "GH", "S1", "G2", "S2B,S4N", "T2", "SNR"])
    assert rounded.to_list() == ["T2", "S1", None, None, None, "SX", "S2B,S4N", "GH", "SNR", "G2", "G2", "T2"]
    assert rounded.sort(nulls_last=True).to_list()[:9] == ["SX", "GH", "S1", "G2", "G2", "S2B,S4N", "T2", "T2", "SNR"]


@pytest.mark.parametrize("dtype", DTYPES)
def test_level_bounds_and_sort_key(dtype: Any) -> None:
    column = _column(dtype)
    level = column.srank.level()
    assert level.dtype == pl.Enum(["G", "N", "S", "T"])
    assert level.to_list() == ["G", "S", None, None, None, "S", "S", "G", "S", "G", "G", "G"]
    bounds = column.srank.bounds()
    assert bounds.dtype == pl.Struct({"low": pl.Int8, "high": pl.Int8})
    unnested = bounds.struct.unnest()
    assert unnested["low"].to_list() == [2, 1, None, None, None, None, 2, None, None, 1, 2, 2]
    assert unnested["high"].to_list() == [2, 1, None, None, None, None, 4, None, None, 3, 2, 2]
    key = column.srank.sort_key()
    assert key.to_list()[9] == {"place": 3, "low": 2, "high": 4, "inexact": 0, "code": "G1G3"}
    ordered = pl.DataFrame({"rank": column}).sort(pl.col("rank").srank.sort_key(), nulls_last=True)
    assert ordered["rank"].cast(pl.String).to_list()[:9] == [
        "SX", "GH", "S1", "G1G3", "G5T2", "G5T2", "S2B,S4N", "G2?", "SNR",
    ]  # fmt: skip


def test_findings_are_lists_of_structs() -> None:
    column = pl.Series("rank", ["s2", None, "G5", "G3G2"])
    findings = column.srank.findings(lenient=True)
    assert findings.dtype == srank_polars.FINDINGS
    assert findings.to_list() == [
        [
            {
                "code": "normalised-case",
                "severity": "warning",
                "message": "Lower case was read as upper case",
                "span": [0, 1],
                "fragment": "s",
                "hint": None,
            }
        ],
        [],
        [],
        [],
    ]


def test_expressions_in_lazy_queries() -> None:
    frame = pl.LazyFrame({"rank": CODES})
    result = frame.select(
        pl.col("rank").srank.valid().alias("valid"),
        pl.col("rank").srank.rounded().alias("rounded"),
        pl.col("rank").srank.level().alias("level"),
        pl.col("rank").srank.bounds().alias("bounds"),
        pl.col("rank").srank.is_imperiled(2).alias("imperiled"),
        pl.col("rank").srank.rounded().srank.sort_key().alias("rounded_key"),
        srank_polars.canonical(pl.col("rank")).alias("canonical"),
    )
    assert result.collect_schema() == {
        "valid": pl.Boolean,
        "rounded": pl.String,
        "level": pl.Enum(["G", "N", "S", "T"]),
        "bounds": pl.Struct({"low": pl.Int8, "high": pl.Int8}),
        "imperiled": pl.Boolean,
        "rounded_key": srank_polars.SORT_KEY,
        "canonical": pl.String,
    }
    collected = result.collect()
    assert collected["rounded"].to_list() == [
        "T2",
        "S1",
        None,
        None,
        None,
        "SX",
        "S2B,S4N",
        "GH",
        "SNR",
        "G2",
        "G2",
        "T2",
    ]
    assert collected["imperiled"].to_list() == [
        True,
        True,
        None,
        None,
        None,
        False,
        True,
        False,
        False,
        True,
        True,
        True,
    ]
    assert collected.sort("rounded_key", nulls_last=True)["rounded"].to_list()[:4] == ["SX", "GH", "S1", "G2"]


SPECIES = {
    "species": ["Lynx canadensis"] * 4 + ["Salix nigra"] * 3 + ["Poa annua"] * 2 + ["Carex lasiocarpa"] * 2,
    "rank": ["S3", "S2B,S4N", "SNR", "S1S2", "SU", "S5", "G3G2", "SNR", None, "S9", None],
}


def test_most_and_least_imperiled_per_group() -> None:
    frame = pl.DataFrame(SPECIES)
    chosen = frame.group_by("species", maintain_order=True).agg(
        most=pl.col("rank").srank.most_imperiled(errors="skip"),
        least=pl.col("rank").srank.least_imperiled(errors="skip"),
    )
    assert chosen.rows() == [
        ("Lynx canadensis", "S1S2", "S3"),
        ("Salix nigra", "S5", "S5"),
        ("Poa annua", "SNR", "SNR"),
        ("Carex lasiocarpa", None, None),
    ]
    assert srank_polars.most_imperiled(frame["rank"], errors="skip") == "S1S2"


def test_per_group_choices_are_named_after_their_column() -> None:
    frame = pl.DataFrame(
        {
            "species": ["Lynx canadensis", "Lynx canadensis", "Salix nigra"],
            "S Rank": ["S3", "S1S2", "S5"],
            "G Rank": ["G5", "G5", None],
        }
    )
    chosen = frame.group_by("species", maintain_order=True).agg(
        pl.col("S Rank").srank.most_imperiled(), pl.col("G Rank").srank.least_imperiled()
    )
    assert chosen.columns == ["species", "S Rank", "G Rank"]
    assert chosen.rows() == [("Lynx canadensis", "S1S2", "G5"), ("Salix nigra", "S5", None)]
    lazy = frame.lazy().group_by("species", maintain_order=True).agg(pl.col("S Rank").srank.least_imperiled())
    assert lazy.collect_schema().names() == ["species", "S Rank"]


def test_an_unreadable_cell_raises_by_default_as_in_srank_most_imperiled() -> None:
    # A trial's lower-case s1 was left out in silence, and the group came out S3; now it is named.
    frame = pl.DataFrame({"species": ["Lynx", "Lynx"], "rank": ["S3", "s1"]})
    for chosen in (pl.col("rank").srank.most_imperiled(), pl.col("rank").srank.least_imperiled()):
        with pytest.raises(srank_polars.CellError, match=r"^row 2 of 'rank': Expected a level letter"):
            frame.group_by("species").agg(chosen)
    with pytest.raises(srank_polars.CellError, match=r"^row 2 of 'rank': "):
        srank_polars.most_imperiled(frame["rank"])
    assert frame["rank"].srank.most_imperiled(lenient=True) == "S1"


def test_errors_raise_names_the_cell() -> None:
    frame = pl.DataFrame(SPECIES)
    with pytest.raises(srank_polars.CellError) as caught:
        frame["rank"].srank.most_imperiled(errors="raise")  # G3G2, the 7th row
    assert str(caught.value) == (
        "row 7 of 'rank': Range 3-2 is reversed\n    G3G2\n    ^^^^\nHint: write the lower (more imperiled) number"
        " first, as in G2G3; or pass errors='skip' to leave unreadable cells out"
    )
    assert (caught.value.code, caught.value.text, caught.value.span) == ("range-reversed", "G3G2", (0, 4))
    one_bad = frame.filter(pl.col("species") != "Salix nigra")
    with pytest.raises(srank_polars.CellError) as caught:  # rebuilt by polars from its text
        one_bad.group_by("species").agg(pl.col("rank").srank.most_imperiled(errors="raise"))  # the row of the column
    # polars raises it again from its text; the error that text renders is found, with its fields.
    said = "row 7 of 'rank': Expected a rank value (1-5, X, H, U, NR or NA) after 'S', found '9'"
    assert caught.value.message == said
    assert (caught.value.code, caught.value.text, caught.value.span) == ("syntax", "S9", (1, 2))
    assert caught.value.message_in("fr").startswith("ligne 7 de «\u00a0rank\u00a0»\u00a0: ")
    assert isinstance(caught.value, srank.InvalidRankError)
    assert type(caught.value).__module__ + "." + type(caught.value).__qualname__ == "srank.polars.CellError"
    readable = one_bad.filter(pl.col("species") != "Carex lasiocarpa")
    assert readable.group_by("species").agg(pl.col("rank").srank.least_imperiled(errors="raise")).sort(
        "species"
    ).rows() == [
        ("Lynx canadensis", "S3"),
        ("Poa annua", "SNR"),
    ]
    with pytest.raises(ValueError, match="errors must be 'skip' or 'raise', not 'ignore'"):
        srank_polars.least_imperiled(frame["rank"], errors="ignore")


def test_empty_all_null_and_non_text_columns() -> None:
    empty = pl.Series("rank", [], dtype=pl.String)
    assert empty.srank.rounded().dtype == pl.Enum([])
    assert empty.srank.valid().to_list() == []
    nulls = pl.Series("rank", [None, None])
    assert nulls.srank.valid().to_list() == [None, None]
    assert nulls.srank.findings().to_list() == [[], []]
    assert pl.Series("rank", [1, 2]).srank.valid().to_list() == [False, False]


def test_bad_arguments_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="threshold must be from 1 to 5, not 0"):
        pl.col("rank").srank.is_imperiled(0)
    with pytest.raises(TypeError, match="takes a polars Series or expression, not list"):
        srank_polars.valid(["G5"])
    with pytest.raises(ValueError, match="style"):
        pl.col("rank").srank.label(style="poster")


@pytest.fixture
def fresh_vocabulary(monkeypatch: pytest.MonkeyPatch) -> list[list[object]]:
    """An empty vocabulary of known texts, and a record of every parse_many call behind the namespace."""
    codes = pytest.importorskip("srank._polars_codes")
    codes.forget()
    seen: list[list[object]] = []
    real = codes.parse_many

    def recording(values: list[object], *, lenient: bool = False) -> list[object]:
        seen.append(list(values))
        return real(values, lenient=lenient)  # type: ignore[no-any-return]

    monkeypatch.setattr(codes, "parse_many", recording)
    return seen


def test_distinct_values_are_decoded_once(fresh_vocabulary: list[list[object]]) -> None:
    big = pl.Series("rank", ["G5", "S1", None, "G3G2", "G5"] * 4000)
    assert big.srank.valid().sum() == 12000
    assert [sorted(map(str, values)) for values in fresh_vocabulary] == [["G3G2", "G5", "S1"]]
    assert big.srank.is_ranked().sum() == 12000  # the same texts: nothing decoded again
    assert big.srank.rounded().dtype == pl.Enum(["S1", "G5"])
    assert len(fresh_vocabulary) == 1


def test_known_and_new_texts_give_the_same_answers(fresh_vocabulary: list[list[object]]) -> None:
    pl.Series("rank", ["G5", "S1", "SNR", "G3G2"] * 100).srank.valid()
    mixed = pl.Series("rank", ["S1", "GX", None, "S1", "G5T2", "bad", "SNR"] * 50)
    assert mixed.srank.rounded().to_list()[:7] == ["S1", "GX", None, "S1", "T2", None, "SNR"]
    assert mixed.srank.rounded().dtype == pl.Enum(["GX", "S1", "T2", "SNR"])  # G5 is known but absent
    assert mixed.srank.valid().to_list()[:7] == [True, True, None, True, True, False, True]
    short = pl.Series("rank", ["GX", "S1"])  # shorter than the vocabulary: decoded on its own
    assert short.srank.rounded().dtype == pl.Enum(["GX", "S1"])
    assert short.srank.canonical().to_list() == ["GX", "S1"]


def test_a_full_vocabulary_falls_back_to_each_column_alone(
    fresh_vocabulary: list[list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    codes = pytest.importorskip("srank._polars_codes")
    monkeypatch.setattr(codes, "_LIMIT", 2)
    column = pl.Series("rank", ["G1", "G2", "G3", None] * 10)
    assert column.srank.is_imperiled(2).to_list()[:4] == [True, True, False, None]
    assert codes._known.texts == ()
    assert column.srank.rounded().dtype == pl.Enum(["G1", "G2", "G3"])


def test_import_srank_does_not_import_polars() -> None:
    code = "import sys, srank; srank.parse('G5'); print('polars' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_columns_from_arrow_and_from_pandas() -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    from_arrow = pl.from_arrow(pa.array(["G5T2", "S1", None, "", "G3G2"], type=pa.large_string()))
    assert from_arrow.srank.valid().to_list() == [True, True, None, None, False]
    assert from_arrow.srank.rounded().to_list() == ["T2", "S1", None, None, None]
    from_pandas = pl.from_pandas(pd.Series(["G5T2", None, "SX"], dtype="string[pyarrow]"))
    assert from_pandas.srank.is_extinct().to_list() == [False, None, True]


def test_columns_that_do_not_hold_text() -> None:
    floats = pl.Series("rank", [1.0, float("nan"), None, 1.0])
    assert floats.srank.valid().to_list() == [False, None, None, False]
    assert floats.srank.message().to_list()[0] == (
        "error[syntax]: Expected a rank code as text, found float 1.0;"
        " hint: rank codes are text such as G3 or S2B; convert the column to strings first"
    )
    objects = pl.Series("rank", ["G5", None, "G3G2", ["G5"]], dtype=pl.Object)
    assert objects.srank.valid().to_list() == [True, None, False, False]
    assert objects.srank.rounded().to_list() == ["G5", None, None, None]
    lists = pl.Series("rank", [["G5"], None])
    assert lists.srank.canonical().to_list() == [None, None]
    assert lists.srank.valid().to_list() == [False, None]


def test_plain_functions_keep_the_kind_for_type_checkers() -> None:
    import polars

    import srank.polars as typed

    series: polars.Series = typed.is_imperiled(polars.Series("rank", ["G1", "G5"]))
    expression: polars.Expr = typed.rounded(polars.col("rank"))
    enum: polars.Series = typed.rounded(polars.Series("rank", ["G1"]))
    chosen: str | None = typed.most_imperiled(polars.Series("rank", ["G1", "G5"]))
    assert series.to_list() == [True, False]
    assert isinstance(expression, polars.Expr)
    assert enum.dtype == polars.Enum(["G1"])
    assert chosen == "G1"


def test_codes_the_sample_misses_are_patched_in(
    fresh_vocabulary: list[list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    codes = pytest.importorskip("srank._polars_codes")
    cells: list[str | None] = ["G5"] * 100
    cells[1], cells[3], cells[57], cells[99] = "S1", "GX", None, "S1"
    column = pl.Series("rank", cells)
    monkeypatch.setattr(codes, "_sample", lambda column: column.head(1))  # sees only G5
    result = column.srank.rounded()
    assert result.dtype == pl.Enum(["GX", "S1", "G5"])
    assert result.to_list()[:5] == ["G5", "S1", "G5", "GX", "G5"]
    assert result.to_list()[55:59] == ["G5", "G5", None, "G5"]
    assert result.to_list()[99] == "S1"
    assert codes._known.texts == ("G5", "S1", "GX")  # the sample's codes, then the missed ones
    assert column.srank.canonical().to_list()[:4] == ["G5", "S1", "G5", "GX"]
    assert [sorted(map(str, values)) for values in fresh_vocabulary] == [["G5", "GX", "S1"]]

    def no_sample(column: object) -> object:
        raise AssertionError("a column is sampled only while nothing is known")

    monkeypatch.setattr(codes, "_sample", no_sample)
    assert pl.Series("rank", ["G5"] * 100 + ["S4"]).srank.rounded().to_list()[-2:] == ["G5", "S4"]
    assert [sorted(map(str, values)) for values in fresh_vocabulary] == [["G5", "GX", "S1"], ["S4"]]


def test_the_sample_is_random_rows_of_a_long_column(monkeypatch: pytest.MonkeyPatch) -> None:
    codes = pytest.importorskip("srank._polars_codes")
    monkeypatch.setattr(codes, "_SAMPLE", 50)
    periodic = pl.Series("rank", ["G1", "G2", "G3", "G4"] * 100)  # a stride of 8 would see G1 alone
    assert sorted(codes._sample(periodic).unique().to_list()) == ["G1", "G2", "G3", "G4"]
    assert len(codes._sample(periodic)) == 50
    assert codes._sample(periodic.head(50)).to_list() == periodic.head(50).to_list()


def test_a_sorted_column_gives_the_same_answers_as_a_shuffled_one(
    fresh_vocabulary: list[list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    codes = pytest.importorskip("srank._polars_codes")
    monkeypatch.setattr(codes, "_SAMPLE", 8)
    cells = ["G1"] * 40 + ["G2"] * 3 + ["bad"] * 2 + ["S3"] * 30 + [None] * 5
    expected = ["G1"] * 40 + ["G2"] * 3 + [None] * 2 + ["S3"] * 30 + [None] * 5
    assert pl.Series("rank", cells).srank.rounded().to_list() == expected
    codes.forget()
    assert pl.Series("rank", cells[::-1]).srank.rounded().to_list() == expected[::-1]


def test_a_column_decoded_alone_teaches_the_vocabulary_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    codes = pytest.importorskip("srank._polars_codes")
    codes.forget()
    monkeypatch.setattr(codes, "_SAMPLE", 10)
    monkeypatch.setattr(codes, "_LIMIT", 3)
    column = pl.Series("rank", ["G1"] * 50 + ["G2", "G3", "G4", "G5"] + ["G1"] * 50)  # the sample sees G1 only
    assert column.srank.rounded().to_list()[49:55] == ["G1", "G2", "G3", "G4", "G5", "G1"]
    assert codes._known.texts == ()  # the missed codes passed the limit: nothing is kept
    codes.forget()


def _canonical_text(cell: str | None) -> str | None:
    try:
        return None if cell is None else str(srank.parse(cell, lenient=True))
    except srank.InvalidRankError:
        return None


def _rounded_text(cell: str | None) -> str | None:
    try:
        return None if cell is None else str(srank.parse(cell).rounded())
    except srank.InvalidRankError:
        return None


cell = st.one_of(
    rank_codes(), rank_codes(), st.none(), st.sampled_from(["", "NA", "s3", "S2B, S4N", "G3G2"]), invalid_codes()
)
# A few distinct cells over many rows, as real columns are, so that most columns go
# through the shared vocabulary and its sample misses some of their codes.
columns = st.lists(cell, min_size=1, max_size=8).flatmap(
    lambda pool: st.lists(st.sampled_from(pool), min_size=20, max_size=300)
)


@settings(max_examples=80, deadline=None)
@given(warm_up=columns, column=columns, sample=st.integers(1, 8))
def test_every_path_gives_each_cells_own_reading(
    warm_up: list[str | None], column: list[str | None], sample: int
) -> None:
    codes = pytest.importorskip("srank._polars_codes")
    codes.forget()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(codes, "_SAMPLE", sample)
        first = pl.Series("rank", warm_up, dtype=pl.String).srank.canonical(lenient=True)  # leaves texts known
        result = pl.Series("rank", column, dtype=pl.String).srank.rounded()
    assert first.to_list() == [_canonical_text(cell) for cell in warm_up]
    assert result.to_list() == [_rounded_text(cell) for cell in column]
    codes.forget()


def test_a_vocabulary_grows_while_another_thread_decodes_it_in_the_other_mode() -> None:
    codes = pytest.importorskip("srank._polars_codes")
    codes.forget()
    known = codes._Known(("G5", "S1"))
    known.decoded(False)
    real = codes.parse_many

    def decode_the_other_mode_meanwhile(values: list[object], *, lenient: bool = False) -> list[object]:
        if not lenient:  # what a second thread may do while this one grows the snapshot
            known.results[True] = real(known.texts, lenient=True)
        return real(values, lenient=lenient)  # type: ignore[no-any-return]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(codes, "parse_many", decode_the_other_mode_meanwhile)
        grown = known.grown(["S2"])
    assert grown is not None
    assert [str(result) for result in grown.decoded(False)] == ["G5", "S1", "S2"]
    codes.forget()


def _chosen_by_python(cells: list[str | None], most: bool) -> str | None:
    ranks = []
    for cell in cells:
        if cell is None:
            continue
        try:
            ranks.append(srank.parse(cell))
        except srank.InvalidRankError:
            continue
    if not ranks:
        return None
    return str(srank.most_imperiled(ranks) if most else srank.least_imperiled(ranks))


unranked_or_mixed = st.sampled_from(["SNR", "GU", "SNA", "TNR", "SNRB,S3N", "SUB,SNAN"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.one_of(cell, unranked_or_mixed)), max_size=80))
def test_per_group_choices_agree_with_srank_most_and_least_imperiled(rows: list[tuple[int, str | None]]) -> None:
    frame = pl.DataFrame(
        {"group": [group for group, _ in rows], "rank": [text for _, text in rows]},
        schema={"group": pl.Int64, "rank": pl.String},
    )
    chosen = frame.group_by("group").agg(
        most=pl.col("rank").srank.most_imperiled(errors="skip"),
        least=pl.col("rank").srank.least_imperiled(errors="skip"),
    )
    for group, most, least in chosen.rows():
        cells = [text for key, text in rows if key == group]
        assert (most, least) == (_chosen_by_python(cells, True), _chosen_by_python(cells, False))


def test_an_error_kept_for_polars_holds_no_frame_and_no_column() -> None:
    # The registry that gives polars' re-raised error its fields keeps a copy that was never raised.
    import gc
    import weakref

    series = pl.Series("rank", ["S2", "G3G2"])
    alive = weakref.ref(series)
    with pytest.raises(srank_polars.CellError):
        srank_polars.most_imperiled(series, errors="raise")
    del series
    gc.collect()
    assert alive() is None


def test_valid_takes_a_level_as_pandas_does() -> None:
    codes = ["G5T1T3Q", "S2B,S4N", "G3G2", None, "G5T2"]
    assert pl.Series(codes).srank.valid(level="S").to_list() == [False, True, False, None, False]
    frame = pl.DataFrame({"rank": codes})
    assert frame.select(pl.col("rank").srank.valid(level=srank.Level.GLOBAL)).to_series().to_list() == [
        True,
        False,
        False,
        None,
        True,  # a G column takes T ranks too
    ]
    with pytest.raises(ValueError, match=r"srank.polars.valid\(\) takes a level letter G, N, S or T"):
        pl.Series(codes).srank.valid(level="X")
