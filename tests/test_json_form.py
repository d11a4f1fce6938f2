"""rank.to_dict(): the documented JSON form, checked against docs/rank.schema.json."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

import srank

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "rank.schema.json").read_text(encoding="utf-8"))


def _valid_table() -> list[tuple[str, bool]]:
    with (Path(__file__).parent / "data" / "valid_codes.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["text"], row["mode"] == "lenient") for row in csv.DictReader(handle)]


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_a_global_rank_with_a_t_part() -> None:
    assert srank.parse("G5T1T3Q").to_dict() == {
        "code": "G5T1T3Q",
        "level": "G",
        "value": {"low": "5", "high": "5", "inexact": False},
        "captive": False,
        "qualifiers": ["Q"],
        "season": None,
        "infraspecific": {"value": {"low": "1", "high": "3", "inexact": False}, "captive": False},
        "parts": [
            {
                "code": "G5T1T3Q",
                "level": "G",
                "value": {"low": "5", "high": "5", "inexact": False},
                "captive": False,
                "qualifiers": ["Q"],
                "season": None,
                "infraspecific": {"value": {"low": "1", "high": "3", "inexact": False}, "captive": False},
            }
        ],
        "rounded": "T2",
        "bounds": [1, 3],
        "warnings": [],
    }


def test_a_multi_season_rank_keeps_its_parts() -> None:
    form = srank.parse("S2B,S4N").to_dict()
    assert {key: form[key] for key in ("code", "level", "value", "season", "rounded", "bounds")} == {
        "code": "S2B,S4N",
        "level": "S",
        "value": None,
        "season": None,
        "rounded": "S2B,S4N",
        "bounds": [2, 4],
    }
    assert [(part["code"], part["season"], part["value"]) for part in form["parts"]] == [
        ("S2B", "B", {"low": "2", "high": "2", "inexact": False}),
        ("S4N", "N", {"low": "4", "high": "4", "inexact": False}),
    ]


def test_findings_and_statuses() -> None:
    form = srank.parse("G5Q").to_dict()
    assert form["warnings"] == [
        {
            "code": "questionable-secure",
            "severity": "error",
            "message": "Q on a rank of 5: NatureServe's guidance calls it invalid, since resolving the taxonomy"
            " could not lower the priority further",
            "span": [2, 3],
            "fragment": "Q",
            "hint": "drop the Q, or lower the rank if the taxonomy makes it less secure",
        }
    ]
    captive = srank.parse("GXC").to_dict()
    assert (captive["captive"], captive["qualifiers"], captive["rounded"], captive["bounds"]) == (
        True,
        ["C"],
        "GH",
        None,
    )
    inexact = srank.parse("S3?B").to_dict()
    assert (inexact["value"], inexact["qualifiers"], inexact["season"]) == (
        {"low": "3", "high": "3", "inexact": True},
        ["?"],
        "B",
    )


def test_lenient_notes_are_in_warnings() -> None:
    form = srank.parse("s3/s4", lenient=True).to_dict()
    assert form["code"] == "S3S4"
    assert [warning["code"] for warning in form["warnings"]] == ["normalised-case", "normalised-slash-range"]


def test_every_table_code_matches_the_schema_and_survives_json(validator: Any) -> None:
    for text, lenient in _valid_table():
        form = srank.parse(text, lenient=lenient).to_dict()
        validator.validate(form)
        assert json.loads(json.dumps(form)) == form
        assert str(srank.parse(form["code"])) == form["code"]


def test_the_schema_rejects_unknown_keys_and_wrong_letters(validator: Any) -> None:
    form = srank.parse("S2B,S4N").to_dict()
    assert validator.is_valid(form)
    assert not validator.is_valid({**form, "extra": 1})
    assert not validator.is_valid({**form, "level": "X"})
    assert not validator.is_valid({**form, "parts": []})
    assert not validator.is_valid({**form, "parts": [{**form["parts"][0], "rounded": "S2B"}]})


def test_the_schemas_code_pattern_is_srank_pattern() -> None:
    assert SCHEMA["$defs"]["code"]["pattern"] == srank.pattern()
    assert SCHEMA["$defs"]["code"]["maxLength"] == 200


def test_the_schema_holds_a_code_without_errors_to_the_pattern(validator: Any) -> None:
    # G5Q reads with an error finding: its form is valid, though its code does not match the pattern.
    read_with_error = srank.parse("G5Q").to_dict()
    assert validator.is_valid(read_with_error)
    assert not validator.is_valid({**read_with_error, "warnings": []})
    valid = srank.parse("G5T2").to_dict()
    assert not validator.is_valid({**valid, "code": "G5T2 "})
    assert not validator.is_valid({**valid, "rounded": "T5Q"})
    assert not validator.is_valid({**valid, "rounded": "G1C"})
    code = jsonschema.Draft202012Validator({"$ref": "#/$defs/code", "$defs": SCHEMA["$defs"]})
    assert [text for text in ("G5", "S2B,S4N", "G5Q", "G1G4", "g5", "S" + ",S1" * 100) if code.is_valid(text)] == [
        "G5",
        "S2B,S4N",
    ]
