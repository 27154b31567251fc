"""`insatslogg logg [--dag ÅÅÅÅ-MM-DD] [--antal N] [-o FIL.xlsx] [--db FIL]`.

The Ändringslogg without the window: the latest changes as text, or the whole log
(or one day) as an Excel sheet, the same as the window's export.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli_parser import add_db_option, failed, heltal
from app.core.errors import DomainError


def datum(text: str) -> date:
    """A date as ÅÅÅÅ-MM-DD (the type's name is in the error message)."""
    return date.fromisoformat(text)


def register(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "logg",
        help="ändringsloggen: vem ändrade vad och när",
        description="Visar de senaste ändringarna (tid, användare, ändring, fält före → "
        "efter), eller skriver loggen till en Excel-fil med -o.",
    )
    parser.add_argument(
        "--dag",
        type=datum,
        default=None,
        metavar="ÅÅÅÅ-MM-DD",
        help="bara ändringar gjorda den dagen",
    )
    parser.add_argument(
        "--antal",
        type=heltal,
        default=20,
        metavar="N",
        help="hur många av de senaste ändringarna som visas (20)",
    )
    parser.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="FIL.xlsx",
        help="skriv hela loggen (eller dagen) till en Excel-fil",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from app.operations.change_log import export_log, lines_of
    from app.store.database import file_of, resolve_where
    from app.store.opening import open_database

    try:
        path = resolve_where(getattr(args, "db", None))
        output = None if args.output is None else Path(args.output).expanduser()
        if output is not None:
            from app.store.protected_files import check_export_target

            if output.suffix.lower() != ".xlsx":
                raise DomainError(f"Filen ska sluta på .xlsx: {output}")
            check_export_target(output, file_of(path))
        if args.antal < 1:
            raise DomainError("Antalet ska vara minst 1.")
        opened = open_database(path, exclusive=False, must_exist=True)
        store = opened.store
        try:
            if output is not None:
                n = export_log(store, output, day=args.dag)
                print(f"Skrev {n} rader ur ändringsloggen till {output}.")
                return 0
            sets = store.changes.sets(day=args.dag, limit=args.antal)
            for s in sets:
                print(f"{s.at:%Y-%m-%d %H:%M}  {s.user}  {s.label}")
                for line in lines_of(store, s):
                    print(f"    {line.record}: {line.field} {line.before} → {line.after}")
            if not sets:
                print("Inga ändringar.")
        finally:
            opened.close(backup=False)
    except (DomainError, OSError) as exc:
        return failed(exc)
    return 0
