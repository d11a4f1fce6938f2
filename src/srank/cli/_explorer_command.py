"""``srank explorer``: Explorer taxa in long form, from saved responses (``read``) or the live API (``search``).

Both actions write ``srank.explorer.FIELDS``, one row per taxon x place (a
taxon without places still gives one), through the table skeleton: the same
writer, formats, ``-o`` handling and summary as ``srank check``. The rows are
made from JSON rather than read from a table, so each action gives its own
``open``; one check judges each row's rounding columns and findings for the
summary and the exit status. Every Explorer failure (a file that is not
Explorer JSON, an HTTP error, no answer) is one ``srank:`` line, exit 2.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._distribution import UNREAD
from .._errors import problem_line
from .._explorer import Taxon, read, read_folder
from .._explorer_errors import ExplorerError
from .._explorer_rows import FIELDS, rows
from .._findings import separator
from .._messages import in_language, say, say_count
from ._arguments import UsageError, label_options, output_options
from ._checks import Check, Verdict
from ._codes import check_label_options
from ._command import Command, TableCommand
from ._hints import cli_hint, cli_message
from ._output import feeds_back
from ._status import EXIT_USAGE
from ._summary import Tally
from ._table import Table, made_table

if TYPE_CHECKING:
    from .._explorer_client import Client

__all__ = ["COMMAND", "ExplorerCommand", "ReadCommand", "RoundingCheck", "SearchCommand"]

_KINDS = {"species": (True, False), "ecosystems": (False, True), "both": (True, True)}


@functools.cache
def _findings_in(lang: str) -> re.Pattern[str]:
    """A finding in a message cell, as Finding.line() writes it in ``lang``: severity[code]: ..."""
    error, warning = (problem_line(severity, "CODE", "", lang=lang) for severity in ("error", "warning"))
    after = error.split("[CODE]", 1)[1]
    words = "|".join(re.escape(line.split("[CODE]", 1)[0]) for line in (error, warning))
    return re.compile(f"(?:^|{re.escape(separator(lang))})({words})\\[([a-z0-9-]+)\\]{re.escape(after)}")


class TaxaCommand(TableCommand[Table]):
    """What ``read`` and ``search`` share: the long form of some taxa, written and summarised by the skeleton."""

    group = "explorer"
    reads = "taxon"
    columns = FIELDS

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        self.add_options(parser)
        parser.add_argument("--limit", type=_count, metavar="N", help=say("cli.explorer.help-limit"))
        label_options(parser)
        output_options(parser)

    def prepare(self, args: argparse.Namespace) -> None:
        check_label_options(args.style, args.lang)

    def taxa(self, args: argparse.Namespace) -> tuple[str, Iterator[Taxon]]:
        """What the summary calls the source, and its taxa; any Explorer failure before the first one is raised here."""
        raise NotImplementedError

    @contextlib.contextmanager
    def open(self, args: argparse.Namespace) -> Iterator[Table]:
        name, taxa = self.taxa(args)
        args.taxa = Counted(taxa)  # this run's, for the summary
        made = rows(args.taxa, style=args.style, lang=args.lang)
        table = made_table(name, FIELDS, (["" if cell is None else cell for cell in row] for row in made))
        table.notes = getattr(args, "notes", ())
        yield table

    def checks(self, args: argparse.Namespace, table: Table) -> list[Check]:
        return [RoundingCheck(table.header, args.taxa)]

    def headline(self, tally: Tally, checks: Sequence[Check]) -> str:
        assert isinstance(checks[0], RoundingCheck)
        taxa = say_count("cli.counts.taxa", checks[0].taxa.count)
        return say("cli.explorer.headline", taxa=taxa, rows=say_count("cli.count-rows", tally.rows))

    def run(self, args: argparse.Namespace) -> int:
        from ._table_run import run_table

        try:
            return run_table(self, args)
        except ExplorerError as error:
            print(f"srank: {one_line(error, args.lang)}", file=sys.stderr)
            return EXIT_USAGE


class Counted:
    """Taxa, counted as they are written."""

    def __init__(self, taxa: Iterable[Taxon]) -> None:
        self.taxa = taxa
        self.count = 0

    def __iter__(self) -> Iterator[Taxon]:
        for taxon in self.taxa:
            self.count += 1
            yield taxon


def one_line(error: ExplorerError, lang: str = "en") -> str:
    """An Explorer error, which names the URL and the status, on one line with its hint; in ``lang``, and in the
    command line's terms (its options, not the Python API's parameters)."""
    hint = cli_hint(error.hint)
    text = in_language(cli_message(error.message), lang)
    if hint:
        text = in_language(say("line.with-hint", line=text, hint=in_language(hint, lang)), lang)
    return " ".join(text.split("\n"))


class ReadCommand(TaxaCommand):
    name = "read"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help=say("cli.explorer.help-files"))

    def taxa(self, args: argparse.Namespace) -> tuple[str, Iterator[Taxon]]:
        taxa: list[Taxon] = []
        notes: list[str] = []
        for path in args.files:
            if feeds_back(path, args.output):  # also srank explorer read in.json >> in.json
                if args.output not in (None, "-"):
                    raise UsageError(say("cli.explorer.output-is-input", output=args.output))
                raise UsageError(say("cli.explorer.stdout-is-input"))
            if path != "-" and os.path.isdir(path):  # saved by srank explorer search --save: its pages are counted
                folder_taxa, short = read_folder(Path(path))
                taxa += folder_taxa
                notes += [
                    say("cli.explorer.pages-missing", folder=path, saved=got, total=pages) for got, pages in short
                ]
                continue
            found = read(sys.stdin.buffer.read() if path == "-" else path)
            taxa += [found] if isinstance(found, Taxon) else found
        names = ["stdin" if path == "-" else path for path in args.files]
        args.notes = ["  " + in_language(note, args.lang) for note in notes]  # for the summary, under the counts
        several = in_language(say_count("cli.count-files", len(names)), args.lang)
        return (names[0] if len(names) == 1 else several), iter(taxa[: args.limit])


class SearchCommand(TaxaCommand):
    name = "search"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        from .._explorer_client import DEFAULT_BASE_URL, GLOBAL_RANKS

        parser.add_argument("text", nargs="?", metavar="TEXT", help=say("cli.explorer.help-text"))
        parser.add_argument("--nation", metavar="CODE", help=say("cli.explorer.help-nation"))
        parser.add_argument("--subnation", metavar="CODE", help=say("cli.explorer.help-subnation"))
        parser.add_argument(
            "--rank", metavar="GRANK", help=say("cli.explorer.help-rank", ranks=", ".join(GLOBAL_RANKS))
        )
        parser.add_argument("--kind", choices=tuple(_KINDS), default="species", help=say("cli.explorer.help-kind"))
        parser.add_argument("--save", metavar="DIR", help=say("cli.explorer.help-save"))
        parser.add_argument(
            "--timeout", type=float, default=30.0, metavar="SECONDS", help=say("cli.explorer.help-timeout")
        )
        parser.add_argument("--retries", type=_retries, default=3, metavar="N", help=say("cli.explorer.help-retries"))
        parser.add_argument(
            "--max-wait", type=float, default=60.0, metavar="SECONDS", help=say("cli.explorer.help-max-wait")
        )
        parser.add_argument(
            "--base-url", default=DEFAULT_BASE_URL, metavar="URL", help=say("cli.explorer.help-base-url")
        )

    def prepare(self, args: argparse.Namespace) -> None:
        if not (args.text or args.nation or args.subnation or args.rank):
            raise UsageError(say("cli.explorer.nothing-asked"))
        super().prepare(args)

    def taxa(self, args: argparse.Namespace) -> tuple[str, Iterator[Taxon]]:
        species, ecosystems = _KINDS[args.kind]
        found = _client(args).search(
            args.text,
            nation=args.nation,
            subnation=args.subnation,
            rank=args.rank,
            species=species,
            ecosystems=ecosystems,
            limit=args.limit,
        )
        first = next(found, None)  # the first answer, or its failure, before anything is written
        asked = [repr(args.text)] if args.text else []
        asked += [f"--{name} {value}" for name in ("nation", "subnation", "rank") if (value := getattr(args, name))]
        return " ".join(asked), (chain([first], found) if first is not None else iter(()))


def _client(args: argparse.Namespace) -> Client:
    from .._explorer_client import Client

    def sleep(seconds: float) -> None:  # a wait is said: NatureServe may ask for a minute, or an hour (max-wait)
        said = say("cli.explorer.waiting", command="srank explorer search", seconds=f"{seconds:g}")
        print(in_language(said, args.lang), file=sys.stderr, flush=True)
        time.sleep(seconds)

    client = Client(
        args.base_url,
        timeout=args.timeout,
        retries=args.retries,
        max_wait=args.max_wait,
        save=args.save,
        sleep=sleep,
    )
    if args.limit is not None:  # pages no longer than the limit: fewer records asked for, fewer saved unwritten
        client.page_size = max(1, min(client.page_size, args.limit))
    return client


def _whole_number(refusal: str) -> Callable[[str], int]:
    """An option's whole number from 0; ``refusal`` is the message id that says what it counts, for other text."""

    def count(text: str) -> int:
        if not (text.isascii() and text.isdigit()):
            raise argparse.ArgumentTypeError(say(refusal, text=text))
        return int(text)

    return count


_count = _whole_number("cli.explorer.taxa-count")  # --limit
_retries = _whole_number("cli.explorer.retries-count")


_LENIENT_NOTES = ("normalised-", "dropped-extra-part")


class RoundingCheck(Check):
    """Each row's rounding columns and findings, for the summary and the exit status; it adds no column.

    A row "differs" where NatureServe's rounding differs from srank's (the
    taxon's global rank or the place's: a warning in its message, and what
    makes the exit status 1); an error where a finding is an error; a warning
    where it has other findings; consistent where a rounding was compared and
    agrees; not compared otherwise (a search publishes only rounded N and S ranks).
    """

    title = say("cli.explorer.rounding-title")
    columns = ()

    def __init__(self, header: Sequence[str], taxa: Counted) -> None:
        read = ("scientific_name", "unique_id", "nation", "subnation", "global_rounding", "rounding", "message")
        super().__init__([header.index(name) for name in read])
        self.taxa = taxa

    def judge(self, key: Any) -> Verdict:
        *_, global_rounding, rounding, message = key
        found = _findings_in(self.lang).findall(message)
        error = problem_line("error", "CODE", "", lang=self.lang).split("[", 1)[0]
        errors = [code for severity, code in found if severity == error]
        # The row's kind is its worst; its problem, the place's own first: a taxon's global rounding that
        # differs stands on every row of the taxon, and would hide what one place says (an unreadable rank).
        if errors:
            return Verdict(({},), "error", errors[0])
        if rounding == "differs":
            return Verdict(({},), "differs", "rounded-differs")
        if global_rounding == "differs":  # a note of lenient reading (normalised-case) names no problem of the place
            own = [code for _, code in found if not code.startswith(_LENIENT_NOTES)]
            return Verdict(({},), "differs", own[0] if own else "rounded-differs")
        if found:  # what reading lost (a place left out, a rank unread) before what it only noticed (a date)
            return Verdict(({},), "warning", next((code for _, code in found if code in UNREAD), found[0][1]))
        return Verdict(({},), "ok" if "agrees" in (global_rounding, rounding) else "skipped")

    def failed(self) -> bool:
        return super().failed() or self.kinds.get("differs", 0) > 0

    def counts(self, unread: int) -> str:
        kinds = self.kinds
        differs, errors = kinds.get("differs", 0), kinds.get("error", 0)
        parts = [
            say_count("cli.counts.rows-with-findings", kinds.get("warning", 0) + errors + differs),
            say("cli.counts.with-errors", count=errors) if errors else "",
            say_count("cli.counts.rounding-differs", differs) if differs else "",
            say_count("cli.counts.consistent", kinds.get("ok", 0)),
            say_count("cli.counts.not-compared", kinds.get("skipped", 0)),
            say_count("cli.counts.malformed", unread) if unread else "",
        ]
        return self.listed(parts)

    def example_of(self, key: Any) -> Any:
        name, unique_id, nation, subnation, *_ = key
        place = "-".join(filter(None, (nation, subnation)))
        return ", ".join(filter(None, (name or unique_id, place)))


class ExplorerCommand(Command):
    name = "explorer"
    actions = (ReadCommand(), SearchCommand())


COMMAND = ExplorerCommand()
