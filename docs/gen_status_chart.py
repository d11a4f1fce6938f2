"""Draw the status-index chart of docs/changes.md from an illustrative table of ranks, with srank and matplotlib.

The table is made up for the example (three groups of eight taxa, ranked every
five years); the page computes the same indices in its doctests. Needs pandas
and matplotlib: pip install '.[pandas,plot]' inside srank's clone.
Usage: python docs/gen_status_chart.py [OUT]   (default: docs/_generated/status_index.png)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd

import srank
import srank.pandas

DEFAULT_OUT = Path(__file__).resolve().parent / "_generated" / "status_index.png"
YEARS = (2005, 2010, 2015, 2020, 2025)

# group, taxon, then its subnational rank in each of YEARS
RANKS = """\
Birds,Bird A,S3B,S3B,S2S3B,S2B,S2B
Birds,Bird B,S4B,S4B,S4B,S3S4B,S3B
Birds,Bird C,S2B,S2B,S1B,S1B,SHB
Birds,Bird D,S5B,S5B,S5B,S5B,S4S5B
Birds,Bird E,S3B,S3S4B,S4B,S4B,S4B
Birds,Bird F,SNRB,S3B,S3B,S2S3B,S2B
Birds,Bird G,S4B,S4B,S3B,S3B,S3B
Birds,Bird H,S1B,S1B,S1B,S2B,S2B
Fishes,Fish A,S2,S2,S2,S1S2,S1
Fishes,Fish B,S3,S3,S2S3,S2,S2
Fishes,Fish C,S4,S4,S4,S3S4,S3
Fishes,Fish D,S1,SH,SH,SX,SX
Fishes,Fish E,S5,S5,S4S5,S4,S4
Fishes,Fish F,S3?,S3,S3,S2,S2
Fishes,Fish G,SU,S2S4,S2S3,S2,S2
Fishes,Fish H,S4,S4,S4,S4,S3S4
Plants,Plant A,S2,S2,S2S3,S3,S3
Plants,Plant B,S1,S1,S1,S1S2,S2
Plants,Plant C,S3,S3,S3,S3,S3
Plants,Plant D,SH,SH,S1,S1,S1
Plants,Plant E,S4,S4,S4S5,S5,S5
Plants,Plant F,S2S4,S3,S3,S3,S3S4
Plants,Plant G,S5,S5,S5,S5,S5
Plants,Plant H,SNR,SNR,S2,S2,S2
"""


def ranks() -> pd.DataFrame:
    """The table in long form: group, taxon, year, rank."""
    wide = pd.read_csv(io.StringIO(RANKS), header=None, names=["group", "taxon", *map(str, YEARS)])
    long = wide.melt(id_vars=["group", "taxon"], var_name="year", value_name="rank")
    return long.astype({"year": int})


def indices(frame: pd.DataFrame) -> pd.DataFrame:
    """The status index of each group and year, with its 95% bootstrap interval."""
    rows = []
    for (group, year), codes in frame.groupby(["group", "year"])["rank"]:
        interval = srank.status_index_interval(codes.tolist(), samples=1000, seed=0)
        rows.append((group, year, interval.value, interval.low, interval.high))
    return pd.DataFrame(rows, columns=["group", "year", "value", "low", "high"])


def draw(table: pd.DataFrame, out: Path) -> None:
    """One line per group, its bootstrap interval shaded; written to ``out`` as PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no window: the chart goes to a file
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6.4, 3.6), dpi=100)
    for group, rows in table.groupby("group"):
        axes.plot(rows["year"], rows["value"], marker="o", label=str(group))
        axes.fill_between(rows["year"], rows["low"], rows["high"], alpha=0.2)
    axes.set_xticks(list(YEARS))
    axes.set_ylim(0, 1)
    axes.set_xlabel("Year")
    axes.set_ylabel("Status index (1 = all secure)")
    axes.set_title("Status index per group, with 95% intervals")
    axes.legend(loc="lower left")
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, metadata={"Software": None})  # no version stamp: the same table gives the same file
    plt.close(figure)


def main(out: Path = DEFAULT_OUT) -> None:
    """Compute the indices of the illustrative table and draw them to ``out``."""
    draw(indices(ranks()), out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
