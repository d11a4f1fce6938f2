"""Mistakes a checker must catch in pandas code with the srank.mypy plugin: an E comment names the error."""

from __future__ import annotations

import pandas as pd

import srank.pandas  # noqa: F401  (registers the accessor)

codes: pd.Series[str] = pd.Series(["G5", "S2"])
codes.srank.valid(lenient="yes")  # E: Argument "lenient" has incompatible type "str"; expected "bool"  [arg-type]
codes.srank.lable()  # E: "SrankAccessor" has no attribute "lable"; maybe "label"?  [attr-defined]
codes.srank.label(style="html")  # E: Argument "style" has incompatible type "Literal['html']"; expected "Literal['short', 'long', 'plants']"  [arg-type]
reveal_type(codes.srank.most_imperiled())  # N: Revealed type is "srank._model.Rank | srank._model.MultiSeasonRank | None"
