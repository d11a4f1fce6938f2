"""srank explain and srank round, in-process through main(argv); a few runs of the real entry points."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import Run

SCRIPT = Path(sys.executable).parent / "srank"
SEED_LINES = dict(
    line.split("\t", 1)
    for line in (Path(__file__).parent / "data" / "seed_status_lines.tsv").read_text(encoding="utf-8").splitlines()
)


@pytest.mark.parametrize("command", [[str(SCRIPT)], [sys.executable, "-m", "srank"]])
def test_the_entry_points_run_the_command(command: list[str]) -> None:
    result = subprocess.run([*command, "round", "G3G4", "S2B,S4N"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "G3\nS2B,S4N\n", "")


def test_the_console_script_checks_a_file_from_stdin() -> None:
    result = subprocess.run(
        [str(SCRIPT), "check", "-", "-c", "rank"], input=b"id,rank\n1,G2G3\n", capture_output=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.decode() == (
        "id,rank,srank_valid,srank_canonical,srank_rounded,srank_label,srank_message\n"
        "1,G2G3,true,G2G3,G2,Imperiled to Vulnerable,\n"
    )
    assert result.stderr.decode() == "srank check: stdin: 1 row: 1 valid, 0 invalid, 0 missing; 1 distinct code\n"


def test_round_prints_one_line_per_code_and_an_empty_line_for_a_bad_one(srank_cli: Run) -> None:
    status, out, err = srank_cli("round", "G5T1T3Q", "G1G3", "GXC", "G3G2")
    assert (status, out) == (1, "T2\nG2\nGH\n\n")
    assert err.startswith("srank: Range 3-2 is reversed\n    G3G2\n    ^^^^\n")


def test_a_missing_value_or_an_empty_argument_gets_the_command_line_s_hint(srank_cli: Run) -> None:
    # Not the Python API's (parse_many, the pandas accessor): where the command reads such a value as missing.
    assert srank_cli("explain", "NA") == (
        1,
        "",
        "srank: 'NA' is a missing-value marker, not a rank code\n    NA\n    ^^\n"
        "Hint: a line of --file or stdin that says it, as a cell of srank check, is read as missing; NatureServe"
        " writes Not Applicable with its level, as in GNA, NNA or SNA\n",
    )
    assert srank_cli("round", "")[2].endswith(
        "Hint: a rank code looks like G3, S2B or G5T1T3Q; a blank line of --file or stdin is read as missing\n"
    )


def test_explain_short_lists_each_component(srank_cli: Run) -> None:
    status, out, err = srank_cli("explain", "G5T1T3Q")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert (
        lines[0] == "G5T1T3Q: Secure; subspecies or variety Critically Imperiled to Vulnerable; questionable taxonomy"
    )
    assert [line.split(":")[0] for line in lines[1:]] == [
        "    G        Global",
        "    G5       Secure",
        "    T        Infraspecific",
        "    T1T3     Critically Imperiled to Vulnerable",
        "    T1       Critically Imperiled",
        "    T3       Vulnerable",
        "    Q        Questionable Taxonomy",
    ]


@pytest.mark.parametrize(
    ("seed", "code"), [("000_4dff24e650cf493b.txt", "S5T1T3"), ("002_94889cb91e0a0fe7.txt", "S5T1T3Q")]
)
def test_explain_plants_prints_exactly_the_seed_status_line(srank_cli: Run, seed: str, code: str) -> None:
    status, out, err = srank_cli("explain", "--style", "plants", code)
    assert (status, out) == (0, SEED_LINES[seed] + "\n")
    assert "warning[nonstandard-plants-form]" in err


def test_explain_a_bad_code_exits_1_and_still_explains_the_others(srank_cli: Run) -> None:
    status, out, err = srank_cli("explain", "G6", "S1")
    assert status == 1
    assert out.startswith("S1: Critically Imperiled\n")
    assert err.startswith("srank: Expected a rank value (1-5, X, H, U, NR or NA) after 'G', found '6'\n")


def test_explain_unknown_language_is_a_usage_error(srank_cli: Run) -> None:
    status, out, err = srank_cli("explain", "--lang", "xx", "G5")
    assert (status, out) == (2, "")
    assert err == "srank: --lang xx: unknown language 'xx'; choose one of: 'en', 'es', 'fr'\n"


def test_explain_json_has_the_same_keys_for_a_good_and_a_bad_code(srank_cli: Run) -> None:
    status, out, _ = srank_cli("explain", "--json", "GXC", "G3G2")
    good, bad = map(json.loads, out.splitlines())
    assert status == 1
    assert good.keys() == bad.keys()
    assert (good["canonical"], good["rounded"], good["valid"]) == ("GXC", "GH", True)
    assert (good["rank"]["code"], good["rank"]["rounded"], good["rank"]["captive"], bad["rank"]) == (
        "GXC",
        "GH",
        True,
        None,
    )
    assert bad["error"] == {
        "code": "range-reversed",
        "message": "Range 3-2 is reversed",
        "span": [0, 4],
        "hint": "write the lower (more imperiled) number first, as in G2G3",
        "expected": [],
    }


def test_explain_json_warnings_are_the_findings_of_rank_to_dict(srank_cli: Run) -> None:
    _, out, _ = srank_cli("explain", "--json", "--lenient", "s3/s4")
    (record,) = map(json.loads, out.splitlines())
    assert record["warnings"] == record["rank"]["warnings"]
    assert record["warnings"][1] == {
        "code": "normalised-slash-range",
        "severity": "warning",
        "message": "'/' between two numbers was read as a range",
        "span": [0, 5],
        "fragment": "s3/s4",
        "hint": None,
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "usage: srank"),
        (("check", "x.csv"), "srank: name a rank column"),
        (("check", "x.csv", "-c", "rank", "-o", ""), "the output path is empty"),
        (("check", "x.csv", "-c", "rank", "--rounded", "S Rank"), "expected RAW=ROUNDED"),
        (("check", "x.csv", "-c", "rank", "--header-row", "0"), "expected a row number from 1"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_usage_errors_exit_2_before_any_reading(srank_cli: Run, argv: tuple[str, ...], message: str) -> None:
    status, out, err = srank_cli(*argv)
    assert (status, out) == (2, "")
    assert message in err


def test_help_and_version_exit_0(srank_cli: Run) -> None:
    assert srank_cli("--version")[:2] == (0, "srank 0.1.0\n")
    status, out, _ = srank_cli("check", "--help")
    assert status == 0
    assert "--column NAME[:LEVEL]" in out


def test_explain_in_french_uses_french_punctuation_and_in_spanish_spanish_text(srank_cli: Run) -> None:
    _, french, _ = srank_cli("explain", "--lang", "fr", "S2")
    _, spanish, _ = srank_cli("explain", "--lang", "es", "S2")
    assert french.splitlines()[:2] == [
        "S2\u00a0: En péril",
        "    S        Infranational\u00a0: La situation à l'intérieur d'une province, d'un territoire, d'un État ou"
        " d'une entité administrative semblable.",
    ]
    assert spanish.splitlines()[:2] == [
        "S2: Amenazada",
        "    S        Subnacional: La situación dentro de un estado, una provincia, un departamento u otra división"
        " administrativa similar.",
    ]


def test_round_reads_stdin_one_code_per_line_and_keeps_blank_lines(srank_cli: Run) -> None:
    status, out, err = srank_cli("round", "-", stdin=b"G3G4\n\nS1S3B\r\nG9\n")
    assert status == 1
    assert out == "G3\n\nS2B\n\n"
    assert err.startswith("srank: stdin line 4: Expected a rank value (1-5, X, H, U, NR or NA) after 'G', found '9'")


def test_round_reads_a_file_after_the_arguments_as_json(srank_cli: Run, tmp_path: Path) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_bytes("\ufeffG3G4\nS2B\n".encode())
    status, out, _ = srank_cli("round", "G5", "--file", codes, "--json")
    assert status == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"input": "G5", "rounded": "G5", "valid": True, "warnings": [], "error": None},
        {"input": "G3G4", "rounded": "G3", "valid": True, "warnings": [], "error": None},
        {"input": "S2B", "rounded": "S2B", "valid": True, "warnings": [], "error": None},
    ]


def test_round_says_why_a_code_that_reads_is_not_valid(srank_cli: Run, tmp_path: Path) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_text("G5\nG6\n", encoding="utf-8")
    status, out, err = srank_cli("round", "G5Q", "--file", codes)
    assert (status, out) == (1, "G5\nG5\n\n")
    assert err.splitlines()[0] == (
        "srank: G5Q: error[questionable-secure]: Q on a rank of 5: NatureServe's guidance calls it invalid, since"
        " resolving the taxonomy could not lower the priority further"
    )
    assert err.splitlines()[1] == (
        f"srank: {codes} line 2: Expected a rank value (1-5, X, H, U, NR or NA) after 'G', found '6'"
    )
    status, out, _ = srank_cli("round", "G5Q", "--json")
    form = json.loads(out)
    assert (status, form["rounded"], form["valid"], form["error"]) == (1, "G5", False, None)
    assert [warning["code"] for warning in form["warnings"]] == ["questionable-secure"]


def test_explain_says_an_error_finding_once(srank_cli: Run) -> None:
    finding = (
        "error[questionable-secure]: Q on a rank of 5: NatureServe's guidance calls it invalid, since resolving the"
        " taxonomy could not lower the priority further"
    )
    status, out, err = srank_cli("explain", "G5Q")
    assert (status, err, out.splitlines()[-1]) == (1, "", f"    {finding}")
    status, _, err = srank_cli("explain", "--style", "plants", "G5Q")
    assert (status, err) == (1, f"srank: G5Q: {finding}\n")


def test_round_json_names_the_error(srank_cli: Run) -> None:
    status, out, _ = srank_cli("round", "G3G2", "--json")
    assert status == 1
    assert json.loads(out)["error"]["code"] == "range-reversed"


def test_explain_json_gives_one_record_per_line_a_missing_code_too(srank_cli: Run, tmp_path: Path) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_text("G5\n\nSX\nN/A\n", encoding="utf-8")
    status, out, err = srank_cli("explain", "-f", codes, "--json")
    assert (status, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [(record["input"], record["canonical"], record["valid"]) for record in records] == [
        ("G5", "G5", True),
        (None, None, None),
        ("SX", "SX", True),
        ("N/A", None, None),
    ]
    assert records[3] == {
        "input": "N/A",
        "valid": None,
        "canonical": None,
        "rounded": None,
        "label": None,
        "explanation": [],
        "warnings": [],
        "rank": None,
        "error": None,
    }
    # Without --json, a missing code is said in its place, with where it was read, and not counted as a problem.
    status, out, err = srank_cli("explain", "-f", codes)
    assert (status, err) == (0, "")
    lines = [line for line in out.splitlines() if not line.startswith("    ")]
    assert lines == [
        "G5: Secure",
        f"{codes} line 2: a blank line, read as a missing value: nothing to explain",
        "SX: Presumed Extirpated",
        f"N/A: a missing value, not a rank code ({codes} line 4): nothing to explain",
    ]
    # In the plants style, an empty line keeps each status line beside its code, as srank round does; an
    # unreadable code's too (its error is on stderr).
    assert srank_cli("explain", "-f", codes, "--style", "plants")[1].splitlines()[1:4:2] == ["", ""]
    codes.write_text("G5\nG3G2\n\nSX\n", encoding="utf-8")
    status, out, err = srank_cli("explain", "-f", codes, "--style", "plants")
    assert (status, [line[:3] for line in out.splitlines()]) == (1, ["G5:", "", "", "SX:"])
    assert "line 2: Range 3-2 is reversed" in err


def test_explain_says_a_missing_line_in_french_and_spanish(srank_cli: Run) -> None:
    assert srank_cli("explain", "--lang", "fr", "-", stdin=b"\nNA\n")[:2] == (
        0,
        "stdin, ligne 1\u00a0: une ligne vide, lue comme une valeur manquante\u00a0: rien à expliquer\n"
        "NA\u00a0: une valeur manquante, pas un code de rang (stdin, ligne 2)\u00a0: rien à expliquer\n",
    )
    assert srank_cli("explain", "--lang", "es", "--style", "long", "-", stdin=b"n/a\n")[:2] == (
        0,
        "n/a: un valor faltante, no un código de rango (stdin, línea 1): nada que explicar\n\n",
    )


def test_a_line_that_says_a_code_is_missing_is_missing_as_in_srank_check(srank_cli: Run) -> None:
    status, out, err = srank_cli("round", "-", "--json", stdin=b"G3G4\n\nN/A\nna\n")
    assert (status, err) == (0, "")
    assert [json.loads(line)["input"] for line in out.splitlines()] == ["G3G4", None, "N/A", "na"]
    assert [json.loads(line)["valid"] for line in out.splitlines()] == [True, None, None, None]
    assert srank_cli("round", "-", stdin=b"G3G4\n\nN/A\n")[:2] == (0, "G3\n\n\n")
    # A code given as an argument is read as written: NA there is the missing-value error.
    assert srank_cli("round", "NA")[0] == 1


def test_file_dash_reads_stdin(srank_cli: Run) -> None:
    assert srank_cli("round", "--file", "-", stdin=b"S1S2\nG5T2Q\n")[:2] == (0, "S1\nT2\n")


def test_codes_are_required_from_somewhere(srank_cli: Run) -> None:
    status, _, err = srank_cli("round")
    assert (status, err) == (2, "srank: give the codes to read: as arguments, - for stdin, or --file PATH\n")


def test_a_file_of_codes_that_is_missing_or_not_utf8_is_one_line(srank_cli: Run, tmp_path: Path) -> None:
    status, _, err = srank_cli("round", "--file", tmp_path / "nope.txt")
    assert (status, err) == (2, f"srank: cannot read {tmp_path / 'nope.txt'}: No such file or directory\n")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"G5\n\xe9\n")
    status, out, err = srank_cli("round", "--file", latin)
    assert (status, out) == (2, "G5\n")
    assert err == (
        f"srank: {latin} line 2 is not UTF-8 text (invalid continuation byte); save it as UTF-8, or name its encoding"
        " with --encoding (cp1252, latin-1 ...)\n"
    )


def test_a_file_of_codes_is_read_in_the_encoding_named(srank_cli: Run, tmp_path: Path) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_bytes(b"S1\r\nS2\xe9\r\nN/A\r\nS3\x81\r\n")  # cp1252 has no 0x81: the fourth line is not cp1252
    status, out, err = srank_cli("round", "--file", codes, "--encoding", "windows-1252")
    assert (status, out) == (2, "S1\n\n\n")
    assert err.splitlines()[0] == f"srank: {codes} line 2: Expected the end of a range (S3 or S4), '?', an" + (
        " infraspecific part (T1-T5, TX, TH, TU, TNR or TNA), a season letter (B, N or M) or ',' after 'S2', found 'é'"
    )
    assert err.splitlines()[-1] == f"srank: {codes} line 4 is not CP1252 text (character maps to <undefined>)"
    status, out, _ = srank_cli("explain", "-", "--encoding", "latin-1", "--json", stdin=b"G5\n\xe9\n")
    assert (status, [json.loads(line)["input"] for line in out.splitlines()]) == (1, ["G5", "é"])
    marked = tmp_path / "marked.txt"
    marked.write_bytes(b"\xef\xbb\xbfS2\xc3\xa9\n")  # a UTF-8 byte-order mark wins over --encoding
    assert json.loads(srank_cli("explain", "--file", marked, "--encoding", "cp1252", "--json")[1])["input"] == "S2é"
    wide = tmp_path / "wide.txt"
    wide.write_bytes("S1\nS2\n".encode("utf-16-le")[:-1])  # cut inside the last character
    status, out, err = srank_cli("round", "--file", wide, "--encoding", "utf-16-le")
    assert (status, out, err) == (2, "S1\n", f"srank: {wide} is not UTF-16-LE text (truncated data), near line 2\n")
    assert srank_cli("round", "--file", wide, "--encoding", "rot13")[::2] == (
        2,
        "srank: --encoding 'rot13' is not a text encoding; name the one the file was saved in, such as utf-8 or"
        " cp1252\n",
    )
    assert srank_cli("round", "G5", "--encoding", "nope")[:2] == (0, "G5\n")  # no file read: nothing to decode


def test_a_file_of_codes_in_utf16_or_utf32_without_its_mark_or_not_text_at_all(srank_cli: Run, tmp_path: Path) -> None:
    wide = tmp_path / "wide.txt"
    wide.write_bytes("S1\nS2\n".encode("utf-16-be"))  # --encoding utf-16 and no mark: the byte order its NULs show
    assert srank_cli("round", "--file", wide, "--encoding", "utf-16") == (0, "S1\nS2\n", "")
    for order in ("utf-32-le", "utf-32-be"):
        wider = tmp_path / f"{order}.txt"
        wider.write_bytes("S1\n".encode(order))
        assert srank_cli("round", "--file", wider, "--encoding", "utf-32") == (0, "S1\n", "")
    odd = tmp_path / "odd.txt"
    odd.write_bytes("€€€€\n".encode("utf-32-le"))  # no order its NULs show
    assert srank_cli("round", "--file", odd, "--encoding", "utf-32")[::2] == (
        2,
        f"srank: {odd} has no byte-order mark, and --encoding utf-32 needs one to tell the order of its bytes; pass"
        " --encoding utf-32-le or utf-32-be\n",
    )
    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes(range(0x80, 0x100)) + bytes(range(1, 9)) * 8)  # not UTF-8, and control characters
    assert srank_cli("explain", "--file", noise)[::2] == (
        2,
        f"srank: {noise} line 1 does not look like text in any encoding: check that it is the list of codes you"
        " meant\n",
    )


def _zip(path: Path, names: list[str]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "G5\n")
    return path


WORKBOOK_WORDS = (
    "is a spreadsheet workbook, not a list of codes (--file reads text, one code per line); srank check {path}"
    " --column NAME reads a column of it, with each code's rounded rank and status text"
)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda path: _zip(path, ["[Content_Types].xml", "xl/workbook.xml"]), WORKBOOK_WORDS),
        (lambda path: _zip(path, ["mimetype", "content.xml", "META-INF/manifest.xml"]), WORKBOOK_WORDS),
        (lambda path: path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)), WORKBOOK_WORDS),
        (
            lambda path: _zip(path, ["codes.txt"]),
            "is a zip archive, not a list of codes; extract it (unzip) and read the file inside",
        ),
        (lambda path: path.write_bytes(b"%PDF-1.7\n"), "is a PDF document, not a list of codes"),
        (
            lambda path: path.write_bytes(b"SQLite format 3\x00" + bytes(100)),
            "is an SQLite database, not text; export its codes as text first, one per line",
        ),
    ],
)
def test_a_file_of_codes_that_is_not_text_is_named_for_what_it_is(
    srank_cli: Run, tmp_path: Path, make: Any, said: str
) -> None:
    # --file reads a list of codes, not a table: a workbook is pointed to srank check, which reads its columns.
    path = tmp_path / "codes"
    make(path)
    for command in ("round", "explain"):
        status, out, err = srank_cli(command, "--file", path)
        assert (status, out, err) == (2, "", f"srank: {path} {said.format(path=path)}\n")
    # Piped in, the same (a workbook is read whole to be told from an archive), and named as srank check takes it.
    status, out, err = srank_cli("round", "-", stdin=path.read_bytes())
    assert (status, out, err) == (2, "", f"srank: stdin {said.format(path='-')}\n")


def test_a_line_far_longer_than_a_code_is_refused_at_once(srank_cli: Run) -> None:
    status, out, err = srank_cli("round", "-", stdin=b"G5\n" + b"G" * 70_000)
    assert (status, out) == (2, "G5\n")
    assert err == "srank: stdin line 2 is longer than 65,536 bytes; expected one code a line\n"
    status, out, err = srank_cli("round", "-", stdin=b"G5\n" + b"\0" * 70_000)  # /dev/zero: not text at all
    assert (status, out) == (2, "")
    assert err == "srank: stdin is a binary file, not text (4,093 of its first 4,096 bytes are NUL)\n"


def test_a_code_read_with_an_error_finding_is_not_valid_for_explain_and_round(srank_cli: Run) -> None:
    # G5Q reads, but NatureServe's guidance calls it invalid: srank.is_valid("G5Q") is False.
    status, out, _ = srank_cli("explain", "G5Q", "--json")
    assert (status, json.loads(out)["valid"], json.loads(out)["canonical"]) == (1, False, "G5Q")
    assert srank_cli("round", "G5Q")[:2] == (1, "G5\n")
    assert srank_cli("round", "G5T2")[:2] == (0, "T2\n")


def test_a_utf16_file_of_codes_without_a_byte_order_mark_is_named_as_text_not_binary(
    srank_cli: Run, tmp_path: Path
) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_text("G5\nS3\n", encoding="utf-16-le")
    status, out, err = srank_cli("explain", "--file", codes)
    assert (status, out) == (2, "")
    said = (
        "looks like UTF-16-LE text without a byte-order mark (every other byte is 0); save it as UTF-8, or read it"
        " with --encoding utf-16-le"
    )
    assert err == f"srank: {codes} {said}\n"
    assert srank_cli("explain", "--file", codes, "--encoding", "utf-16-le", "--json")[:2][0] == 0


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_file_of_codes_with_a_byte_order_mark_is_read_in_its_encoding(
    srank_cli: Run, tmp_path: Path, encoding: str
) -> None:
    # Excel and Notepad save "Unicode text" as UTF-16 with a mark; stdin reads the same way.
    codes = tmp_path / "codes.txt"
    codes.write_text("G5T2Q\r\n\r\nS2B,S4N\r\n", encoding=encoding)
    assert srank_cli("round", "--file", codes) == (0, "T2\n\nS2B,S4N\n", "")
    assert srank_cli("round", "-", stdin=codes.read_bytes()) == (0, "T2\n\nS2B,S4N\n", "")


def test_bytes_that_break_the_byte_order_mark_s_encoding_are_placed_near_a_line(srank_cli: Run, tmp_path: Path) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_bytes("G5\n".encode("utf-32") + b"\xff\xff\xff\x7f")
    status, _, err = srank_cli("round", "--file", codes)
    assert status == 2
    assert err == (
        f"srank: {codes} is not UTF-32 text, as its byte-order mark says (code point not in range(0x110000)),"
        " near line 1\n"
    )
