"""`insatslogg export excel|pdf|docx (--year ÅR | --from ÅR|DATUM --to ÅR|DATUM) -o FIL
[--names] [--db FIL]`.

Writes the same workbook as Arkiv → Exportera till Excel… in the window, and the same
report to the board as Arkiv → Rapport till styrelsen (as PDF, or as a Word file).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli_parser import add_db_option, failed
from app.cli_period import (
    add_period_options,
    period_bounds,
    reading_insats,
    request_for,
)
from app.core.errors import DomainError


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``export excel`` to the command's subparsers; returns the ``export`` parser.

    The parsed arguments carry ``run`` (this module's run) as ``handler``.
    """
    export = subparsers.add_parser(
        "export",
        help="exportera till Excel, PDF eller Word",
        description="Skriver närvarologgen och sammanställningarna till en Excel-arbetsbok "
        "(excel) eller rapporten till styrelsen som PDF (pdf) eller Word-dokument (docx), "
        "för ett år eller en period.",
    )
    formats = export.add_subparsers(
        dest="export_format", metavar="FORMAT", required=True, title="format"
    )
    excel = formats.add_parser(
        "excel",
        help="närvarologg och sammanställningar som Excel-arbetsbok",
        description="Skriver närvarologgen (en rad per aktivitet) och sammanställningarna "
        "för ett år, en period eller valfria datum till en Excel-arbetsbok (.xlsx).",
    )
    add_period_options(excel)
    excel.add_argument("-o", "--output", required=True, metavar="FIL.xlsx", help="filen som skrivs")
    excel.add_argument(
        "--names", action="store_true", help="ta med namngivna deltagare (eget blad)"
    )
    add_db_option(excel)
    excel.set_defaults(handler=run)
    pdf = formats.add_parser(
        "pdf",
        help="årsrapport eller periodrapport som PDF",
        description="Skriver rapporten till styrelsen för ett år, en period eller valfria "
        "datum som PDF.",
    )
    add_period_options(pdf)
    pdf.add_argument("-o", "--output", required=True, metavar="FIL.pdf", help="filen som skrivs")
    add_db_option(pdf)
    pdf.set_defaults(handler=run, names=False)
    word = formats.add_parser(
        "docx",
        help="årsrapport eller periodrapport som Word-dokument",
        description="Skriver rapporten till styrelsen för ett år, en period eller valfria "
        "datum som ett "
        "redigerbart Word-dokument (.docx), med samma innehåll som PDF-rapporten.",
    )
    add_period_options(word)
    word.add_argument("-o", "--output", required=True, metavar="FIL.docx", help="filen som skrivs")
    add_db_option(word)
    word.set_defaults(handler=run, names=False)
    from app import cli_invite  # export ics, export maillist

    cli_invite.register(formats)
    return export  # type: ignore[no-any-return]


SUFFIXES = {"excel": ".xlsx", "pdf": ".pdf", "docx": ".docx"}


def _output(args: argparse.Namespace) -> Path:
    path = Path(args.output).expanduser()
    suffix = SUFFIXES[args.export_format]
    if path.suffix.lower() != suffix:
        raise DomainError(f"Filen ska sluta på {suffix}: {path}")
    return path


def run(args: argparse.Namespace) -> int:
    """Export and print one Swedish line; 1 with a message on stderr when it fails."""
    if args.export_format in ("ics", "maillist"):
        from app import cli_invite

        return cli_invite.run(args)
    from app.operations.exports import export_excel

    try:
        first, last = period_bounds(args)  # before the file is opened
        output = _output(args)
        with reading_insats(args, output) as (store, insats):
            assert insats.id is not None
            request = request_for(insats.id, first, last, include_names=args.names)
            if args.export_format == "pdf":
                from app.operations.reports import export_pdf

                result: Any = export_pdf(store, request, output)
            elif args.export_format == "docx":
                from app.operations.reports import export_docx

                result = export_docx(store, request, output)
            else:
                result = export_excel(store, request, output)
    except (DomainError, OSError) as exc:
        return failed(exc)
    print(result.message())
    return 0
