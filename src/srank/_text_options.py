"""The Literal types of the text options, so that a type checker catches ``style="shrot"`` or ``lang="de"``.

The values are checked at run time too (an unknown style or language raises
ValueError); tests hold these lists equal to ``_styles.STYLES`` and to the
description files present (``srank.available_languages()``). ``lang=`` also
reads language tags (``fr-CA``), so it is typed ``LanguageTag``.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["Language", "LanguageTag", "Style"]

Style: TypeAlias = Literal["short", "long", "plants"]
"""The style of status text: ``"short"`` (one label per part), ``"long"`` (a paragraph per component),
``"plants"`` (the USDA PLANTS status line, English only)."""

Language: TypeAlias = Literal["en", "es", "fr"]
"""A language of status text: English, Spanish (srank's provisional translation) or French (Canada's labels)."""

LanguageTag: TypeAlias = Language | str
"""What ``lang=`` takes: a language srank ships, or a tag read as the closest of them (``"fr-CA"``,
``"fr_CA.UTF-8"``, ``"ES"``); a tag of no language srank has raises ValueError naming the choices."""
