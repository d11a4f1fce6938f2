"""srank.pandera: checks in real pandera schemas, and the rows and codes pandera reports for them."""

from __future__ import annotations

from typing import Any

import pytest

import srank

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pandera.pandas")
sp = pytest.importorskip("srank.pandera")


def _failures(schema: Any, frame: Any) -> list[tuple[str, object, object]]:
    """(check, row, failure case) for every failure pandera reports, in a stable order."""
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        schema.validate(frame, lazy=True)
    cases = caught.value.failure_cases
    columns = (cases["check"], cases["index"], cases["failure_case"])
    found = [(str(check), index, case) for check, index, case in zip(*columns, strict=True)]
    return sorted(found, key=repr)


def test_valid_rank_reports_each_invalid_cell() -> None:
    frame = pd.DataFrame(
        {"rank": ["G5", "G5Q", "S2B,S4N", "G1G4", "g5", None, "SX,S1", "G5", "HYB"]},
        index=[f"r{at}" for at in range(9)],
    )
    schema = pa.DataFrameSchema({"rank": pa.Column(str, nullable=True, checks=sp.valid_rank())})
    assert _failures(schema, frame) == [
        ("srank.valid_rank()", "r1", "G5Q"),
        ("srank.valid_rank()", "r3", "G1G4"),
        ("srank.valid_rank()", "r4", "g5"),
        ("srank.valid_rank()", "r8", "HYB"),
    ]


def test_valid_rank_of_one_level_and_lenient() -> None:
    frame = pd.DataFrame({"srank": ["S2", "G5", "s3/s4", "S2B,S4N", "T2"], "grank": ["G5", "T2", "G5T2", "S1", "GNR"]})
    schema = pa.DataFrameSchema(
        {
            "srank": pa.Column(str, checks=sp.valid_rank("S", lenient=True)),
            "grank": pa.Column(str, checks=sp.valid_rank(srank.Level.INFRASPECIFIC)),  # a T column is a G column
        }
    )
    assert _failures(schema, frame) == [
        ("srank.valid_rank(level='S', lenient=True)", 1, "G5"),
        ("srank.valid_rank(level='S', lenient=True)", 4, "T2"),
        ("srank.valid_rank(level='T')", 3, "S1"),
    ]
    strict = pa.DataFrameSchema({"srank": pa.Column(str, checks=sp.valid_rank("s"))})
    assert _failures(strict, frame) == [
        ("srank.valid_rank(level='S')", 1, "G5"),
        ("srank.valid_rank(level='S')", 2, "s3/s4"),
        ("srank.valid_rank(level='S')", 4, "T2"),
    ]


def test_missing_cells_pass_and_nullable_decides() -> None:
    frame = pd.DataFrame({"rank": pd.Series(["G5", None, "", "NA", 3], dtype=object)})
    schema = pa.DataFrameSchema({"rank": pa.Column(nullable=False, checks=sp.valid_rank())})
    assert [(check, row, case) for check, row, case in _failures(schema, frame)] == [
        ("not_nullable", 1, None),
        ("srank.valid_rank()", 4, 3),
    ]


def test_valid_rank_refuses_a_wrong_level_at_once() -> None:
    with pytest.raises(ValueError, match=r"srank.pandera.valid_rank\(\) takes a level letter G, N, S or T"):
        sp.valid_rank("X")


def test_each_distinct_value_is_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import srank.pandas
    from srank._batch import parse_many

    seen: list[object] = []

    def spy(values: list[object], *, lenient: bool = False) -> Any:
        seen.extend(values)
        return parse_many(values, lenient=lenient)

    monkeypatch.setattr(srank.pandas, "parse_many", spy)
    frame = pd.DataFrame({"g": ["G2", "G5", "G2"] * 1000, "s": ["S1", "S4", "S4"] * 1000})
    schema = pa.DataFrameSchema(
        {"g": pa.Column(str, checks=sp.valid_rank("G"))},
        checks=[sp.levels_consistent(global_column="g", subnational_column="s")],
    )
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        schema.validate(frame, lazy=True)
    assert len(caught.value.failure_cases) == 1000  # every G2/S4 row, and no other
    assert sorted(map(str, seen)) == ["G2", "G2", "G5", "G5", "S1", "S4"]


def test_rounded_matches_reports_rows_that_differ() -> None:
    frame = pd.DataFrame(
        {
            "species": ["a", "b", "c", "d", "e", "f", "g", "h"],
            "grank": ["G3G4", "G3G4", "G5T2T3", "S2S3B,S4N", "G1", "G9", None, "G2"],
            "rounded": ["G3", "G4", "G5", "S4N,S2B", None, "G9", "G1", "G2 ?"],
        },
        index=list("abcdefgh"),
    )
    schema = pa.DataFrameSchema(checks=[sp.rounded_matches("grank", "rounded")])
    check = "srank.rounded_matches('grank', 'rounded')"
    assert _failures(schema, frame) == [
        (check, "b", {"grank": "G3G4", "rounded": "G4"}),
        (check, "c", {"grank": "G5T2T3", "rounded": "G5"}),
        (check, "e", {"grank": "G1"}),  # nothing stored: pandera leaves the empty cell out
        (check, "h", {"grank": "G2", "rounded": "G2 ?"}),
    ]


def test_rounded_matches_counts_a_part_written_twice_once() -> None:
    frame = pd.DataFrame({"raw": ["S2B,S2B", "SNA,SNA", "S2B,S3B", "S2B"], "rounded": ["S2B", "SNA", "S3B", "S2B,S2B"]})
    schema = pa.DataFrameSchema(checks=[sp.rounded_matches("raw", "rounded")])
    assert _failures(schema, frame) == [
        ("srank.rounded_matches('raw', 'rounded')", 2, {"raw": "S2B,S3B", "rounded": "S3B"}),
    ]


def test_rounded_matches_reads_leniently_on_request() -> None:
    frame = pd.DataFrame({"raw": ["s3/s4", "g5t4g5"], "rounded": ["s3", "T4"]})
    assert pa.DataFrameSchema(checks=[sp.rounded_matches("raw", "rounded", lenient=True)]).validate(frame) is not None
    strict = pa.DataFrameSchema(checks=[sp.rounded_matches("raw", "rounded")])
    assert strict.validate(frame) is not None  # an unreadable raw rank is valid_rank's to report


def test_levels_consistent_fails_on_any_finding_or_on_errors_only() -> None:
    frame = pd.DataFrame(
        {
            "g": ["G2", "G1", "GX", "T2", "G2", "G3", "G2"],
            "n": ["N2", "N2", None, "N2", "N9", "N3", "N2"],
            "s": ["S3", "S4", "S2", "S2", "S3", "S3B,S4N", None],
        }
    )
    every = pa.DataFrameSchema(
        checks=[sp.levels_consistent(global_column="g", national_column="n", subnational_column="s")]
    )
    name = "srank.levels_consistent(global_column='g', national_column='n', subnational_column='s')"
    assert _failures(every, frame) == [
        (name, 0, {"g": "G2", "n": "N2", "s": "S3"}),  # S3 is more secure than N2 and G2
        (name, 1, {"g": "G1", "n": "N2", "s": "S4"}),  # and S4 is 3 above G1: an error
        (name, 2, {"g": "GX", "s": "S2"}),  # S2 under GX: an error
        (name, 4, {"g": "G2", "n": "N9", "s": "S3"}),  # N9 does not read: G2 and S3 are compared
        (name, 5, {"g": "G3", "n": "N3", "s": "S3B,S4N"}),
    ]
    errors = pa.DataFrameSchema(
        checks=[sp.levels_consistent(global_column="g", national_column="n", subnational_column="s", errors_only=True)]
    )
    assert _failures(errors, frame) == [
        (name[:-1] + ", errors_only=True)", 1, {"g": "G1", "n": "N2", "s": "S4"}),
        (name[:-1] + ", errors_only=True)", 2, {"g": "GX", "s": "S2"}),
    ]


def test_levels_consistent_needs_two_columns() -> None:
    with pytest.raises(ValueError, match="compares two or three columns"):
        sp.levels_consistent(global_column="g")


def test_a_missing_column_is_named() -> None:
    frame = pd.DataFrame({"grank": ["G5"], "rounded": ["G5"]})
    schema = pa.DataFrameSchema(checks=[sp.rounded_matches("grank", "rounded_g_rank")])
    with pytest.raises(pa.errors.SchemaError) as caught:
        schema.validate(frame)
    assert (
        "srank.pandera.rounded_matches(): the frame has no column 'rounded_g_rank'; its columns are 'grank', 'rounded'"
        in str(caught.value)
    )


def test_an_empty_frame_passes() -> None:
    frame = pd.DataFrame({"g": pd.Series([], dtype=object), "s": pd.Series([], dtype=object)})
    schema = pa.DataFrameSchema(
        {"g": pa.Column(checks=sp.valid_rank())},
        checks=[sp.levels_consistent(global_column="g", subnational_column="s"), sp.rounded_matches("g", "s")],
    )
    assert schema.validate(frame).empty
