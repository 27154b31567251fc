"""`insatslogg narvarolista --activity ID -o FIL.pdf [--rows N] [--db FIL]`.

Writes the same sign-in sheet as Närvarolista (PDF)… in the window.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli_parser import add_db_option, failed, heltal
from app.core.errors import DomainError
from app.core.wording import count_noun


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``narvarolista`` to the command's subparsers; the parsed arguments carry
    ``run`` (this module's run) as ``handler``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "narvarolista",
        help="närvarolista (PDF) att skriva under vid en aktivitet",
        description="Skriver en närvarolista för en aktivitet som PDF: titel, datum, plats "
        "och arrangörer, och rader för namn, organisation, roll, kön och underskrift.",
    )
    parser.add_argument(
        "--activity", type=heltal, required=True, metavar="ID", help="aktivitetens id"
    )
    parser.add_argument("-o", "--output", required=True, metavar="FIL.pdf", help="filen som skrivs")
    parser.add_argument(
        "--rows",
        type=heltal,
        default=None,
        metavar="N",
        help="antal rader att skriva under på (annars de väntade deltagarna och några "
        "extra, minst en hel sida)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Write the sheet and print one Swedish line; 1 with a message on stderr on failure."""
    from app.operations.reports import signin_sheet_for
    from app.reports.signin_sheet import MAX_ROWS, signin_rows, write_signin_sheet
    from app.store.database import file_of, resolve_where
    from app.store.opening import open_database
    from app.store.protected_files import check_export_target

    try:
        output = Path(args.output).expanduser()
        if output.suffix.lower() != ".pdf":
            raise DomainError(f"Filen ska sluta på .pdf: {output}")
        if args.rows is not None and not 1 <= args.rows <= MAX_ROWS:
            raise DomainError(f"Antalet rader ska vara mellan 1 och {MAX_ROWS}.")
        path = resolve_where(getattr(args, "db", None))
        check_export_target(output, file_of(path))
        opened = open_database(path, exclusive=False, must_exist=True)
        store = opened.store
        try:
            sheet = signin_sheet_for(store, args.activity)
        finally:
            opened.close(backup=False)
        rows = args.rows if args.rows is not None else signin_rows(sheet)
        pages = write_signin_sheet(output, sheet, rows=rows)
    except (DomainError, OSError) as exc:
        return failed(exc)
    size = f"{count_noun(rows, 'rad', 'rader')}, {count_noun(pages, 'sida', 'sidor')}"
    print(f"Skrev närvarolistan för {sheet.title} ({size}) till {output}.")
    return 0
