"""The PySpark recipes of docs/analysis.md, run as written on a local Spark session.

The two recipes (``mapInPandas`` and a pandas UDF) are read from the page itself,
so the test runs what users copy. Each must give the same rows as the recipe's
function applied to the whole table in plain pandas. pyspark is the ``spark``
dependency group, which only .ci/run installs; without it, or without Java, the
tests skip and say why.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pd = pytest.importorskip("pandas")
srank_pandas = pytest.importorskip("srank.pandas")
pyspark_sql = pytest.importorskip(
    "pyspark.sql", reason="pyspark is not installed: .ci/run installs it (pip install --group spark)"
)

pytestmark = [
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java (a JRE 17 or later on the PATH)"),
    # PySpark 4 warns that it does not fully support pandas 3 yet; the recipes are checked here all the same.
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),  # inside PySpark, on pandas 3
]

ANALYSIS = Path(__file__).resolve().parent.parent / "docs" / "analysis.md"

# Rows as state heritage exports carry them: lenient spellings, blanks, unreadable codes, seasons.
SPECIES: list[tuple[str, list[str | None]]] = [
    ("Lynx canadensis", ["S1", "S3", "SNR", "S2S3", "s2"]),
    ("Setophaga kirtlandii", ["S1B", "S1B,S3N", "", "SNA", "S1?B"]),
    ("Lilium canadense ssp. editorum", ["S2", "SH", "S1S3", None, "S2/S3"]),
    ("Bombus affinis", ["SX", "S1", "SU", "S9", "SH"]),
    ("Lonicera japonica", ["SE", "SNA", "SNA", " SNA", "SNR"]),
]
STATES = ["VT", "NH", "ME", "MA", "CT"]
ROWS = 2000


def _recipes() -> list[str]:
    """The Python blocks of the page's Spark section, in order."""
    section = ANALYSIS.read_text(encoding="utf-8").split("\n## Spark\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^```python\n(.*?)^```$", section, flags=re.MULTILINE | re.DOTALL)


def _table() -> Any:
    cells = itertools.cycle(
        (name, state, rank) for name, ranks in SPECIES for state, rank in zip(STATES, ranks, strict=True)
    )
    rows = [
        (f"{name} {number // 25}", state, rank)
        for number, (name, state, rank) in enumerate(itertools.islice(cells, ROWS))
    ]
    return pd.DataFrame(rows, columns=["species", "state", "s_rank"])


def _plain(frame: Any) -> list[tuple[object, ...]]:
    """Rows as plain Python values, NA and NaN as None, sorted: Spark gives no row order."""
    values = frame.astype(object).where(frame.notna(), None)
    return sorted((tuple(row) for row in values.itertuples(index=False)), key=repr)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    # The workers are Python processes Spark starts: they must be this Python, which has srank.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("srank-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")  # several batches per partition
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_the_page_has_both_recipes() -> None:
    mapped, udf = _recipes()
    assert "mapInPandas(with_srank, schema=schema)" in mapped
    assert "@pandas_udf" in udf


def test_map_in_pandas_equals_plain_pandas(spark: Any) -> None:
    table = _table()
    namespace: dict[str, Any] = {"spark_df": spark.createDataFrame(table).repartition(4)}
    exec(_recipes()[0], namespace)  # the documented recipe, as written
    checked = namespace["checked"].toPandas()
    assert list(checked.columns) == [
        "species",
        "state",
        "s_rank",
        "srank_valid",
        "srank_rounded",
        "srank_imperiled",
    ]
    assert len(checked) == ROWS
    expected = pd.concat(list(namespace["with_srank"](iter([table]))))
    assert _plain(checked) == _plain(expected)
    by_code = {row[2]: row[3:] for row in _plain(checked)}
    assert by_code["S2/S3"] == (True, "S2", True)  # read leniently as S2S3
    assert by_code["S1B,S3N"] == (True, "S1B,S3N", True)
    assert by_code["S9"] == (False, None, None)
    assert by_code[""] == (None, None, None)
    assert by_code[" SNA"] == (True, "SNA", False)


def test_pandas_udf_equals_plain_pandas(spark: Any) -> None:
    table = _table()
    namespace: dict[str, Any] = {"spark_df": spark.createDataFrame(table).repartition(3), "srank": sys.modules["srank"]}
    exec(_recipes()[1], namespace)
    result = namespace["spark_df"].toPandas()
    assert list(result.columns) == ["species", "state", "s_rank", "srank_rounded"]
    expected = table.assign(srank_rounded=srank_pandas.rounded(table["s_rank"], lenient=True).astype("string"))
    assert _plain(result) == _plain(expected)
    rounded = {row[2]: row[3] for row in _plain(result)}
    assert rounded["S1S3"] == "S2"
    assert rounded["S1?B"] == "S1B"
    assert rounded["S9"] is None
