"""HTML for notebooks and web pages: rank badges, findings, distributions and changes.

Every piece is plain HTML with inline styles: no stylesheet, script, font or
image from anywhere, so that it shows the same in JupyterLab, VS Code and a
static HTML export. Every text is escaped. Colours come from the palette; words
from the description table and the message catalogue of the chosen language.

The pieces are small functions so that other results can be drawn with them:
``chip`` (a rank's code on its colour), ``rank_html`` (the badge),
``findings_html`` (a list of findings marked by severity) and ``block`` (the
outer box). A comparison of two ranks, for example, is
``block(chip(old) + " → " + chip(new) + findings_html(findings))``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ._describe import describe
from ._description_tables import load
from ._findings import Finding, colon
from ._languages import language
from ._markup import escape
from ._messages import in_language, say
from ._model import AnyRank
from ._palette import colour, palette, severity_swatch
from ._text_options import LanguageTag

if TYPE_CHECKING:
    from ._changes import Change, RankChange
    from ._distribution import Distribution
    from ._place_changes import PlaceChange

__all__ = [
    "block",
    "change_html",
    "chip",
    "distribution_html",
    "finding_html",
    "findings_html",
    "rank_html",
]


_BLOCK = "font-family:sans-serif;font-size:13px;line-height:1.5;margin:2px 0"
_CHIP = "display:inline-block;padding:0 6px;border-radius:3px;font-family:monospace;font-weight:bold"
_MARK = "display:inline-block;padding:0 4px;border-radius:3px;font-size:11px"
_CELL = "padding:2px 8px;text-align:left;vertical-align:top;border-bottom:1px solid rgba(128,128,128,0.35)"

_BADGES: dict[tuple[AnyRank, object, str], str] = {}
_BADGES_LIMIT = 4096


def block(inner: str, lang: str = "en") -> str:
    """The outer box of every picture: one font, one size, in whatever colours the page uses; its ``lang`` tells a
    screen reader which voice to read it with."""
    return f'<div lang="{language(lang)}" style="{_BLOCK}">{inner}</div>'


def chip(rank: AnyRank | None, text: str | None = None) -> str:
    """A rank's code (or ``text``) on the colour of its class; the not-present colour for no rank."""
    swatch = colour(rank) if rank is not None else palette().not_present
    shown = str(rank) if text is None else text
    return f'<span style="{_CHIP};background:{swatch.fill};color:{swatch.text}">{escape(shown)}</span>'


def finding_html(finding: Finding, lang: str = "en") -> str:
    """One finding: its severity marked in colour, its code, its place and message, and its hint; in ``lang``."""
    swatch = severity_swatch(finding.severity)
    hint = finding.hint_in(lang)
    shown = finding.message_in(lang)
    if finding.place:
        shown = in_language(say("error.at", where=finding.place, message=finding.message), lang)
    severity = in_language(say(f"line.{finding.severity.value}"), lang)
    hint_html = f'<div style="margin-left:1.5em;opacity:0.8">↳ {escape(hint)}</div>' if hint else ""
    return (
        f'<div><span style="{_MARK};background:{swatch.fill};color:{swatch.text}">{escape(severity)}</span>'
        f" <code>{escape(finding.code)}</code> {escape(shown)}{hint_html}</div>"
    )


def findings_html(findings: Iterable[Finding], lang: str = "en") -> str:
    """Findings one under the other (nothing for none)."""
    return "".join(finding_html(finding, lang) for finding in findings)


def rank_html(rank: AnyRank, lang: LanguageTag = "en") -> str:
    """The badge: the code on its colour, its label, its rounded rank, then its findings; cached per code and notes."""
    key = (rank, rank.notes, lang)
    badge = _BADGES.get(key)
    if badge is None:
        table = load(lang)
        rounded = table.fill("picture", "rounded", code=str(rank.rounded()))
        badge = block(
            f"{chip(rank)} {escape(describe(rank, lang=lang))}"
            f' <span style="opacity:0.7">{escape(rounded)}</span>{findings_html(rank.findings, lang)}',
            lang,
        )
        if len(_BADGES) >= _BADGES_LIMIT:
            _BADGES.clear()
        _BADGES[key] = badge
    return badge


def distribution_html(dist: Distribution, lang: LanguageTag = "en") -> str:
    """The map above a table of places: place, rank, rounded rank, status and findings, in source order."""
    from ._svg import distribution_svg, unread_text

    table = load(lang)
    head = "".join(
        f'<th style="{_CELL}">{escape(table.text("picture", name))}</th>'
        for name in ("place", "rank", "legend", "status", "findings")
    )
    rows = []
    for record in dist.records:
        rank = record.rank
        place = record.place_name(lang)
        code = record.nation if record.subnation is None else f"{record.nation}-{record.subnation}"
        weight = "font-weight:bold;" if record.subnation is None else ""
        if rank is None:
            unread = unread_text(record, table)
            cells = [chip(None, record.unread or "?"), "", escape(unread)]
        else:
            cells = [chip(rank), chip(rank.rounded()), escape(describe(rank, lang=lang))]
        notes = findings_html((*record.notes, *(rank.findings if rank is not None else ())), lang)
        rows.append(
            f'<tr><td style="{weight}{_CELL}">{escape(place)} <span style="opacity:0.6">{escape(code)}</span></td>'
            + "".join(f'<td style="{_CELL}">{cell}</td>' for cell in (*cells, notes))
            + "</tr>"
        )
    return block(
        f"{distribution_svg(dist, lang=lang)}"
        f'<table style="border-collapse:collapse;margin-top:6px"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{findings_html(dist.notes, lang)}",
        lang,
    )


def _change_line(change: RankChange, text: str, start: str = "<div>") -> str:
    """Old and new as chips (a dash on the not-present colour for none), the kind, and the sentence ``text``."""
    sides = " → ".join(chip(rank) if rank is not None else chip(None, "—") for rank in (change.old, change.new))
    # The kind as srank_change writes it, a code in any language: lang="en" for a screen reader's voice.
    kind = f'<span lang="en" style="{_MARK};border:1px solid currentColor">{escape(change.kind.value)}</span>'
    return f"{start}{sides} {kind}{' ' + escape(text) if text else ''}</div>"


def _rank_findings(change: RankChange, lang: str = "en") -> str:
    findings = (finding for rank in (change.old, change.new) if rank is not None for finding in rank.findings)
    return findings_html(findings, lang)


def change_html(change: Change, lang: str = "en") -> str:
    """A change drawn for a notebook: its codes on their colours, its kind and its sentence in ``lang``."""
    from ._changes import RankChange  # here, not at the top: drawing a rank needs neither kind of change
    from ._place_changes import PlaceChange

    if isinstance(change, PlaceChange):
        return _place_change_html(change, lang)
    if isinstance(change, RankChange):
        return _rank_change_html(change, lang)
    raise TypeError(f"not a change srank draws: {change!r}")


def _rank_change_html(change: RankChange, lang: str = "en") -> str:
    """Both codes on their colours, the kind and the sentence; each season that changed below it."""
    from ._change_text import describe_change

    lines = []
    if len(change.parts) > 1 and change.kind not in ("same", "notation") and None not in (change.old, change.new):
        table = load(lang)
        for part in change.parts:
            if part.kind != "same":
                season = "" if part.season is None else table.text("season", part.season.value, "label") + colon(lang)
                lines.append(_change_line(part, season + describe_change(part, lang), _INDENTED))
    head = _change_line(change, "" if lines else describe_change(change, lang))  # the parts say it, each
    return block(head + "".join(lines) + _rank_findings(change, lang), lang)


def _place_change_html(change: PlaceChange, lang: str = "en") -> str:
    """A place's change, named by the place, with the readers' notes on either side."""
    line = _change_line(change.change, change.describe(lang=lang))
    return block(line + _rank_findings(change.change, lang) + findings_html(change.notes, lang), lang)


_INDENTED = '<div style="margin-left:1.5em">'
