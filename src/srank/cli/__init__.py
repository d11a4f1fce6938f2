"""The ``srank`` command line: explain, round and check rank codes from the shell.

One module per job, so that each reads on its own:

- ``_main``: ``main()`` and the console script's ``run()``, dispatch through the registry, and
  the process state a run borrows;
- ``_registry``: every subcommand, once; the parser and dispatch both read it;
- ``_command``: what a command declares (``Command``, ``TableCommand``);
- ``_arguments``: the argument parser, and the option values argparse cannot check;
- ``_status``: the exit statuses;
- one module per command: ``_explain_command``, ``_round_command`` (with ``_codes``),
  ``_check_command``, ``_distribution_command``;
- the table skeleton: ``_table_run`` (the row loop, the writer, the summary), ``_checks``
  (checks and their caches), ``_summary``, ``_formats`` (CSV and JSONL);
- reading: ``_table`` (a table's header and records), ``_sources`` (encodings, byte-order
  marks, workbooks), ``_workbook`` (python-calamine), ``_workbook_limits`` (the bounds a
  workbook is held to before it is read), ``_legacy_workbook`` (a legacy ``.xls``'s OLE2
  container, read with care and rebuilt), ``_error_cells`` (an ``.xlsx`` sheet's error cells),
  ``_records`` (CSV records, with recovery from a stray quote), ``_progress``;
- ``_output``: atomic output, signals, and what ``-o`` may point at;
- ``_completion``: the whole parser for shell completion (``completion_parser``, for shtab).

Every failure a user can cause ends in one message on stderr and an exit
status (0 all valid, 1 some invalid, 2 usage or I/O error), never a traceback.
"""

from ._completion import completion_parser
from ._main import main, run

__all__ = ["completion_parser", "main", "run"]
