"""Mistakes a checker must catch in user code: each line with an E comment must get exactly that error."""

from __future__ import annotations

import srank
import srank.explorer

srank.describe("G5", style="shrot")  # E: Argument "style" to "describe" has incompatible type "Literal['shrot']"; expected "Literal['short', 'long', 'plants']"  [arg-type]
srank.describe("G5", lang=3)  # E: Argument "lang" to "describe" has incompatible type "Literal[3]"; expected "Literal['en', 'es', 'fr'] | str"  [arg-type]
srank.most_imperiled(["S1"], errors="ignore")  # E: Argument "errors" to "most_imperiled" has incompatible type "Literal['ignore']"; expected "Literal['raise', 'skip']"  [arg-type]
srank.most_imperiled(["S1"]).upper()  # E: Item "Rank" of "Rank | MultiSeasonRank" has no attribute "upper"  [union-attr]  # E: Item "MultiSeasonRank" of "Rank | MultiSeasonRank" has no attribute "upper"  [union-attr]
reveal_type(srank.least_imperiled(["S1", "S3"]))  # N: Revealed type is "srank._model.Rank | srank._model.MultiSeasonRank"
reveal_type(srank.available_languages())  # N: Revealed type is "tuple[Literal['en'] | Literal['es'] | Literal['fr'], ...]"
srank.explorer.Client().search("robin", nations="US")  # E: Unexpected keyword argument "nations" for "search" of "Client"; did you mean "nation"?  [call-arg]  # N: "search" defined in "srank._explorer_client"
srank.explorer.Client().search(rank=1).export(format="csv")  # E: Argument "rank" to "search" of "Client" has incompatible type "int"; expected "str | None"  [arg-type]  # E: Argument "format" to "export" of "Search" has incompatible type "Literal['csv']"; expected "Literal['json', 'xlsx']"  [arg-type]
_ = srank.parse("S1") < "S2"  # E: Unsupported operand types for < ("Rank" and "str")  [operator]  # E: Unsupported operand types for < ("MultiSeasonRank" and "str")  [operator]  # N: Left operand is of type "Rank | MultiSeasonRank"
