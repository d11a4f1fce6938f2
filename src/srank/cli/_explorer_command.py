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
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from .._errors import ExplorerError
from .._explorer import Taxon, read
from .._explorer_rows import FIELDS, rows
from ._arguments import UsageError, label_options, output_options
from ._checks import Check, Verdict
from ._codes import check_label_options
from ._command import Command, TableCommand
from ._output import feeds_back
from ._status import EXIT_USAGE
from ._summary import Tally, plural
from ._table import Table, made_table

if TYPE_CHECKING:
    from .._explorer_client import Client

__all__ = ["COMMAND", "ExplorerCommand", "ReadCommand", "RoundingCheck", "SearchCommand"]

_KINDS = {"species": (True, False), "ecosystems": (False, True), "both": (True, True)}
# A finding in a message cell, as Finding.line() writes it: severity[code]: ...
_FINDING = re.compile(r"(?:^|; )(error|warning)\[([a-z0-9-]+)\]: ")


class TaxaCommand(TableCommand[Table]):
    """What ``read`` and ``search`` share: the long form of some taxa, written and summarised by the skeleton."""

    group = "explorer"
    reads = "taxon"

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        self.add_options(parser)
        parser.add_argument("--limit", type=_count, metavar="N", help="stop after N taxa")
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
        yield made_table(name, FIELDS, (["" if cell is None else cell for cell in row] for row in made))

    def checks(self, args: argparse.Namespace, table: Table) -> list[Check]:
        return [RoundingCheck(table.header, args.taxa)]

    def headline(self, tally: Tally, checks: Sequence[Check]) -> str:
        assert isinstance(checks[0], RoundingCheck)
        count = checks[0].taxa.count
        return f"{count:,} {'taxon' if count == 1 else 'taxa'}, {plural(tally.rows, 'row')}"

    def run(self, args: argparse.Namespace) -> int:
        from ._table_run import run_table

        try:
            return run_table(self, args)
        except ExplorerError as error:
            print(f"srank: {one_line(error)}", file=sys.stderr)
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


def one_line(error: ExplorerError) -> str:
    """An Explorer error, which names the URL and the status, on one line with its hint."""
    text = error.message + (f"; hint: {error.hint}" if error.hint else "")
    return " ".join(text.split("\n"))


class ReadCommand(TaxaCommand):
    name = "read"
    help = "saved Explorer API responses (files or folders) in long form"
    description = (
        "Read saved NatureServe Explorer API responses (a search, a taxon record, or a folder of them saved by"
        " srank explorer search --save) and write one row per taxon x place: " + ", ".join(FIELDS) + ". A summary"
        " goes to stderr; a rounding of NatureServe's that is not srank's makes the exit status 1."
    )
    examples = (
        ("srank explorer read speciesSearch.json taxon.json -o taxa.csv", "two saved responses, in long form"),
        ("srank explorer read saved/ --format jsonl", "a search saved with --save, again, offline"),
        ("curl -s URL | srank explorer read -", "an answer from stdin"),
    )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "files", nargs="+", metavar="FILE", help="a saved JSON response, a folder of them, or - for stdin"
        )

    def taxa(self, args: argparse.Namespace) -> tuple[str, Iterator[Taxon]]:
        taxa: list[Taxon] = []
        for path in args.files:
            if feeds_back(path, args.output):  # also srank explorer read in.json >> in.json
                where = f"--output {args.output}" if args.output not in (None, "-") else "stdout"
                raise UsageError(f"{where} is an input file; srank never modifies its input")
            found = read(sys.stdin.buffer.read()) if path == "-" else read(path)
            taxa += [found] if isinstance(found, Taxon) else found
        names = ["stdin" if path == "-" else path for path in args.files]
        return (names[0] if len(names) == 1 else f"{len(names)} files"), iter(taxa[: args.limit])


class SearchCommand(TaxaCommand):
    name = "search"
    help = "search the live Explorer API and write the taxa found in long form"
    description = (
        "Search NatureServe Explorer's API (all pages) and write one row per taxon x place: "
        + ", ".join(FIELDS)
        + ". --nation, --subnation and --rank are the API's own criteria. --save DIR keeps each answer as"
        " received, so that srank explorer read DIR (with the same --limit) repeats the run offline. Every"
        " failure is one line naming the URL and the status (exit status 2); a rounding of NatureServe's that is"
        " not srank's makes it 1."
    )
    examples = (
        ("srank explorer search goldenseal -o goldenseal.csv", "every taxon a quick search finds"),
        ("srank explorer search --subnation MD --rank G1 --save md-g1/", "Maryland's G1 species, answers kept"),
        ("srank explorer search robin --nation CA --limit 5 --format jsonl", "the first five, as JSON lines"),
    )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        from .._explorer_client import DEFAULT_BASE_URL, GLOBAL_RANKS

        parser.add_argument("text", nargs="?", metavar="TEXT", help="a quick search: names or codes")
        parser.add_argument("--nation", metavar="CODE", help="only taxa in this nation (US, CA)")
        parser.add_argument("--subnation", metavar="CODE", help="only taxa in this state or province (MD, ON)")
        parser.add_argument("--rank", metavar="GRANK", help=f"a rounded global rank: {', '.join(GLOBAL_RANKS)}")
        parser.add_argument(
            "--kind", choices=tuple(_KINDS), default="species", help="what is searched (default: species)"
        )
        parser.add_argument("--save", metavar="DIR", help="keep each JSON answer in DIR, to read again offline")
        parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="per request (default: 30)")
        parser.add_argument("--base-url", default=DEFAULT_BASE_URL, metavar="URL", help="the API's root")

    def prepare(self, args: argparse.Namespace) -> None:
        if not (args.text or args.nation or args.subnation or args.rank):
            raise UsageError("say what to search for: TEXT, --nation, --subnation or --rank")
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

    client = Client(args.base_url, timeout=args.timeout, save=args.save)
    if args.limit is not None:  # pages no longer than the limit: fewer records asked for, fewer saved unwritten
        client.page_size = max(1, min(client.page_size, args.limit))
    return client


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"expected a number of taxa (0 or more), not {text!r}")
    return int(text)


class RoundingCheck(Check):
    """Each row's rounding columns and findings, for the summary and the exit status; it adds no column.

    A row is an error where NatureServe's rounding differs from srank's (the
    taxon's global rank or the place's) or a finding is an error; a warning
    where it has other findings; consistent where a rounding was compared and
    agrees; not compared otherwise (a search publishes only rounded N and S ranks).
    """

    title = "NatureServe's rounding"
    columns = ()

    def __init__(self, header: Sequence[str], taxa: Counted) -> None:
        read = ("scientific_name", "unique_id", "nation", "subnation", "global_rounding", "rounding", "message")
        super().__init__([header.index(name) for name in read])
        self.taxa = taxa

    def judge(self, key: Any) -> Verdict:
        *_, global_rounding, rounding, message = key
        found = _FINDING.findall(message)
        errors = [code for severity, code in found if severity == "error"]
        if "differs" in (global_rounding, rounding):
            return Verdict(({},), "error", "rounded-differs")
        if errors:
            return Verdict(({},), "error", errors[0])
        if found:
            return Verdict(({},), "warning", found[0][1])
        return Verdict(({},), "ok" if "agrees" in (global_rounding, rounding) else "skipped")

    def example_of(self, key: Any) -> Any:
        name, unique_id, nation, subnation, *_ = key
        place = "-".join(filter(None, (nation, subnation)))
        return ", ".join(filter(None, (name or unique_id, place)))


class ExplorerCommand(Command):
    name = "explorer"
    description = (
        "NatureServe Explorer's API data in long form, one row per taxon x place, with every rank decoded and"
        " NatureServe's rounding checked against srank's: read saved responses, or search the live API."
    )
    examples = (
        ("srank explorer search goldenseal --save saved/ -o goldenseal.csv", "ask the API, and keep its answers"),
        ("srank explorer read saved/ -o goldenseal.csv", "the same rows again, offline"),
        ("srank explorer read --help", "the options of one action"),
    )
    actions = (ReadCommand(), SearchCommand())


COMMAND = ExplorerCommand()
