"""``srank round``: NatureServe's rounded rank of each code given on the command line."""

from __future__ import annotations

import argparse

from ._codes import CodesCommand, read_codes
from ._status import EXIT_FOUND, EXIT_OK

__all__ = ["COMMAND", "RoundCommand"]


class RoundCommand(CodesCommand):
    name = "round"
    description = "Print NatureServe's rounded rank of each code, one line per code (an empty line for an invalid one)."
    examples = (
        ("srank round G3G4 S1S3B", "G3 and S2B"),
        ("srank round --lenient 's3/s4'", "S3: lenient reading accepts the spellings data files use"),
    )

    def run(self, args: argparse.Namespace) -> int:
        status = EXIT_OK
        for _, rank, _error in read_codes(args.codes, args.lenient):
            if rank is None:
                status = EXIT_FOUND
                print()  # one line per code, so output lines up with the arguments; the error is on stderr
            else:
                print(rank.rounded())
        return status


COMMAND = RoundCommand()
