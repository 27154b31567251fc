"""`insatslogg export excel (--year ÅR | --from ÅR --to ÅR) -o FIL.xlsx [--names] [--db FIL]`,
`insatslogg export pdf …  -o FIL.pdf` and `insatslogg export docx … -o FIL.docx`.

Writes the same workbook as Arkiv → Exportera till Excel… in the window, and the same
report to the board as Arkiv → Rapport till styrelsen (as PDF, or as a Word file).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli_parser import add_db_option, failed, heltal
from app.core.errors import DomainError
from app.core.limits import check_year


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
        "för ett år eller en period till en Excel-arbetsbok (.xlsx).",
    )
    years = excel.add_mutually_exclusive_group(required=True)
    years.add_argument("--year", type=heltal, metavar="ÅR", help="ett år, t.ex. 2018")
    years.add_argument(
        "--from", dest="year_from", type=heltal, metavar="ÅR", help="periodens första år"
    )
    excel.add_argument("--to", dest="year_to", type=heltal, metavar="ÅR", help="periodens sista år")
    excel.add_argument("-o", "--output", required=True, metavar="FIL.xlsx", help="filen som skrivs")
    excel.add_argument(
        "--names", action="store_true", help="ta med namngivna deltagare (eget blad)"
    )
    add_db_option(excel)
    excel.set_defaults(handler=run)
    pdf = formats.add_parser(
        "pdf",
        help="årsrapport eller periodrapport som PDF",
        description="Skriver rapporten till styrelsen för ett år eller en period som PDF.",
    )
    pdf_years = pdf.add_mutually_exclusive_group(required=True)
    pdf_years.add_argument("--year", type=heltal, metavar="ÅR", help="ett år, t.ex. 2018")
    pdf_years.add_argument(
        "--from", dest="year_from", type=heltal, metavar="ÅR", help="periodens första år"
    )
    pdf.add_argument("--to", dest="year_to", type=heltal, metavar="ÅR", help="periodens sista år")
    pdf.add_argument("-o", "--output", required=True, metavar="FIL.pdf", help="filen som skrivs")
    add_db_option(pdf)
    pdf.set_defaults(handler=run, names=False)
    word = formats.add_parser(
        "docx",
        help="årsrapport eller periodrapport som Word-dokument",
        description="Skriver rapporten till styrelsen för ett år eller en period som ett "
        "redigerbart Word-dokument (.docx), med samma innehåll som PDF-rapporten.",
    )
    word_years = word.add_mutually_exclusive_group(required=True)
    word_years.add_argument("--year", type=heltal, metavar="ÅR", help="ett år, t.ex. 2018")
    word_years.add_argument(
        "--from", dest="year_from", type=heltal, metavar="ÅR", help="periodens första år"
    )
    word.add_argument("--to", dest="year_to", type=heltal, metavar="ÅR", help="periodens sista år")
    word.add_argument("-o", "--output", required=True, metavar="FIL.docx", help="filen som skrivs")
    add_db_option(word)
    word.set_defaults(handler=run, names=False)
    return export  # type: ignore[no-any-return]


def _years(args: argparse.Namespace) -> tuple[int, int]:
    """The first and last year; DomainError for a year no date can have."""
    if args.year is not None:
        if args.year_to is not None:
            raise DomainError("Ange antingen --year ÅR eller --from ÅR --to ÅR, inte båda.")
        return check_year(args.year), args.year
    if args.year_to is None:
        raise DomainError("En period behöver både --from ÅR och --to ÅR.")
    return check_year(args.year_from), check_year(args.year_to)


SUFFIXES = {"excel": ".xlsx", "pdf": ".pdf", "docx": ".docx"}


def _output(args: argparse.Namespace) -> Path:
    path = Path(args.output).expanduser()
    suffix = SUFFIXES[args.export_format]
    if path.suffix.lower() != suffix:
        raise DomainError(f"Filen ska sluta på {suffix}: {path}")
    return path


def run(args: argparse.Namespace) -> int:
    """Export and print one Swedish line; 1 with a message on stderr when it fails."""
    from app.operations.exports import export_excel
    from app.reports.export_content import ExportRequest
    from app.store.database import resolve_path
    from app.store.opening import open_database
    from app.store.protected_files import check_export_target

    try:
        first, last = _years(args)
        output = _output(args)
        path = resolve_path(getattr(args, "db", None))
        check_export_target(output, path)
        opened = open_database(path, exclusive=False, must_exist=True)
        store = opened.store
        try:
            insats = store.reference.current_insats()
            if insats is None or insats.id is None:
                raise DomainError(
                    "Databasen har ingen insats ännu. Starta Insatslogg och lägg upp förbund "
                    "och insats först."
                )
            request = ExportRequest(insats.id, first, last, include_names=args.names)
            if args.export_format == "pdf":
                from app.operations.reports import export_pdf

                result: Any = export_pdf(store, request, output)
            elif args.export_format == "docx":
                from app.operations.reports import export_docx

                result = export_docx(store, request, output)
            else:
                result = export_excel(store, request, output)
        finally:
            opened.close(backup=False)
    except (DomainError, OSError) as exc:
        return failed(exc)
    print(result.message())
    return 0
