"""The ``srank`` command line: explain, round and check rank codes from the shell.

One module per job, so that each reads on its own:

- ``_main``: dispatch, exit statuses, and the process state a run borrows;
- ``_arguments``: the argument parser and the option values it checks;
- ``_codes``: ``srank explain`` and ``srank round``;
- ``_sources``: opening an input: encodings, byte-order marks, workbooks;
- ``_workbook``: reading the rows of a workbook sheet (python-calamine);
- ``_workbook_limits``: the bounds a workbook is held to before it is read;
- ``_legacy_workbook``: a legacy ``.xls``, its OLE2 container read with care and rebuilt;
- ``_error_cells``: the error cells (``#N/A``) of an ``.xlsx`` sheet, which calamine reads as empty;
- ``_records``: CSV records, with recovery from a stray quote;
- ``_output``: atomic output, signals, and what ``-o`` may point at;
- ``_checks``: what ``srank check`` appends to a row: columns, levels, rounding;
- ``_formats``: CSV and JSONL output formats;
- ``_check_command``: ``srank check``, one writer loop over the records;
- ``_summary``: the summary written to stderr.

Every failure a user can cause ends in one message on stderr and an exit
status (0 all valid, 1 some invalid, 2 usage or I/O error), never a traceback.
"""

from ._main import main

__all__ = ["main"]
