"""The Dask recipe of docs/analysis.md: map_partitions with the pandas helpers equals single-machine pandas."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
srank_pandas = pytest.importorskip("srank.pandas")

# Rows as state heritage exports carry them: lenient spellings, legacy codes, blanks and errors too.
SPECIES = [
    ("Lynx canadensis", "G5", ["S1", "S3", "SNR", "S2S3", "s2"]),
    ("Setophaga kirtlandii", "G1", ["S1B", "S1B,S3N", "", "SNA", "S1?B"]),
    ("Lilium canadense ssp. editorum", "G5T2", ["S2", "SH", "S1S3", "NA", "S2/S3"]),
    ("Bombus affinis", "G2", ["SX", "S1", "SU", "S9", "SH"]),
    ("Lonicera japonica", "GNR", ["SE", "SNA", "SNA", " SNA", "SNR"]),
]
STATES = ["VT", "NH", "ME", "MA", "CT"]


def _write_partitions(folder: Path, files: int = 4, rows_per_file: int = 250) -> list[Path]:
    cells = itertools.cycle(
        (name, state, grank, srank)
        for name, grank, sranks in SPECIES
        for state, srank in zip(STATES, sranks, strict=True)
    )
    paths = []
    for number in range(files):
        path = folder / f"part-{number:02d}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["species", "state", "g_rank", "s_rank"])
            for _ in range(rows_per_file):
                writer.writerow(next(cells))
        paths.append(path)
    return paths


def with_srank(part: Any) -> Any:
    """The recipe's function: the same on a pandas DataFrame and on each partition of a Dask one."""
    rank = part["s_rank"]
    return part.assign(
        srank_valid=srank_pandas.valid(rank, lenient=True),
        srank_canonical=srank_pandas.canonical(rank, lenient=True),
        srank_rounded=srank_pandas.rounded(rank, lenient=True).astype("string"),
        srank_imperiled=srank_pandas.is_imperiled(rank, lenient=True),
        srank_level=srank_pandas.level(rank, lenient=True),
    )


def test_dask_map_partitions_equals_pandas(tmp_path: Path) -> None:
    paths = _write_partitions(tmp_path)
    frame = dd.read_csv(str(tmp_path / "part-*.csv"), dtype=str, keep_default_na=False)
    assert frame.npartitions == 4
    meta = {
        **frame.dtypes.to_dict(),
        "srank_valid": "boolean",
        "srank_canonical": "string",
        "srank_rounded": "string",
        "srank_imperiled": "boolean",
        "srank_level": pd.CategoricalDtype(srank_pandas.LEVELS),
    }
    distributed = frame.map_partitions(with_srank, meta=meta).compute(scheduler="synchronous")

    single = with_srank(pd.concat([pd.read_csv(path, dtype=str, keep_default_na=False) for path in paths]))
    srank_columns = ["srank_valid", "srank_canonical", "srank_rounded", "srank_imperiled", "srank_level"]
    pd.testing.assert_frame_equal(
        distributed[srank_columns].reset_index(drop=True), single[srank_columns].reset_index(drop=True)
    )
    assert distributed["s_rank"].tolist() == single["s_rank"].tolist()
    assert len(distributed) == 1000
    # The 25 (species, state) cells repeat 40 times each: 22 read, 1 blank, 1 "NA" marker, 1 unreadable (S9);
    # 11 are imperiled (rounded 1-3): S1 S3 S2S3 s2, S1B S1B,S3N S1?B, S2 S1S3 S2/S3, S1.
    assert distributed["srank_valid"].value_counts(dropna=False).to_dict() == {True: 880, False: 40, pd.NA: 80}
    assert distributed["srank_imperiled"].sum() == 440


def test_most_imperiled_per_species_after_compute(tmp_path: Path) -> None:
    _write_partitions(tmp_path, files=2, rows_per_file=25)
    frame = dd.read_csv(str(tmp_path / "part-*.csv"), dtype=str, keep_default_na=False)
    local = frame.compute(scheduler="synchronous")
    chosen = srank_pandas.most_imperiled(local.groupby("species")["s_rank"], errors="skip", lenient=True)
    assert {species: None if rank is None else str(rank) for species, rank in chosen.items()} == {
        "Bombus affinis": "SX",
        "Lilium canadense ssp. editorum": "SH",
        "Lonicera japonica": "SNR",  # nothing ranked: NR before NA
        "Lynx canadensis": "S1",
        "Setophaga kirtlandii": "S1B",
    }
