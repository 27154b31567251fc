"""`insatslogg import excel|csv|ics FIL`: the import report, then all or nothing."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli_parser import add_db_option
from app.core.errors import DomainError
from app.core.limits import date_problem

KINDS = ("excel", "csv", "ics", "evaluation", "costs")


def _iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} är inget datum (ÅÅÅÅ-MM-DD)") from None
    if problem := date_problem(day):
        raise argparse.ArgumentTypeError(problem)
    return day


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `import` command to the main parser's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "import",
        help="importera aktiviteter från Excel, CSV eller en kalenderfil (.ics)",
        description="Läser filen, skriver ut vad som kan importeras, vilka rader som inte kan "
        "läsas och varför, vilka som redan finns och vilka som skulle ändra en aktivitet som "
        "finns; lägger sedan till alla nya aktiviteter (och uppdaterar de ändrade med "
        "--update) i en enda transaktion (allt eller inget).",
    )
    parser.add_argument(
        "kind",
        choices=KINDS,
        metavar="excel|csv|ics|evaluation|costs",
        help="filens typ (evaluation: enkätsvar från Microsoft Forms eller Google Forms; "
        "costs: kostnader från ett huvudboksutdrag i Excel eller CSV)",
    )
    parser.add_argument("file", metavar="FIL", help="filen att importera")
    parser.add_argument(
        "--dry-run", action="store_true", help="visa rapporten men importera ingenting"
    )
    parser.add_argument(
        "--include-duplicates",
        action="store_true",
        help="importera även aktiviteter som redan finns (annars hoppas de över)",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="uppdatera aktiviteter som finns men som filen ändrar (annars lämnas de som de är)",
    )
    parser.add_argument(
        "--from",
        dest="period_from",
        type=_iso_date,
        metavar="DATUM",
        help="kalender: första dag att ta med (annars insatsens start)",
    )
    parser.add_argument(
        "--to",
        dest="period_to",
        type=_iso_date,
        metavar="DATUM",
        help="kalender: sista dag att ta med (annars insatsens slut)",
    )
    parser.add_argument(
        "--skip-cancelled",
        action="store_true",
        help="kalender: ta inte med inställda händelser (annars importeras de som inställda)",
    )
    from app.cli_evaluation import add_evaluation_options

    add_evaluation_options(parser)
    from app.cli_costs_import import add_costs_options

    add_costs_options(parser)
    add_db_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    """Print the report and import; 1 when nothing could be read or the import failed."""
    try:
        return _run(args)
    except DomainError as exc:
        print(f"insatslogg: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"insatslogg: kunde inte läsa filen: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.kind == "evaluation":
        from app.cli_evaluation import run_evaluation

        return run_evaluation(args)
    if args.kind == "costs":
        from app.cli_costs_import import run_costs

        return run_costs(args)
    from app.importers import SourceKind
    from app.importers.report_groups import left_unchanged
    from app.importers.table import n_of
    from app.importers.text_report import report_lines
    from app.operations.imports import commit_import, import_insats, read_import
    from app.store.database import resolve_where
    from app.store.instance_lock import as_command
    from app.store.opening import open_database

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise DomainError(f"Filen {path} finns inte.")
    db_path = resolve_where(getattr(args, "db", None))
    with as_command("insatslogg import"):
        opened = open_database(db_path, exclusive=True, must_exist=True)
    store = opened.store
    try:
        insats = import_insats(store)
        kind = SourceKind(args.kind)
        period = (args.period_from or insats.start, args.period_to or insats.end)
        if period[1] < period[0]:
            raise DomainError("Perioden slutar före den börjar (--from/--to).")
        loaded = read_import(
            store, insats, path, kind, period, include_cancelled=not args.skip_cancelled
        )
        report, context = loaded.report, loaded.context
        lines = report_lines(report, context, args.include_duplicates, args.update)
        print("\n".join(lines))
        print()
        if not report.readable:
            print("Ingenting i filen kunde läsas som aktiviteter; ingenting importerades.")
            return 1
        activities = report.activities(args.include_duplicates)
        updates = report.to_update(args.update)
        unchanged = left_unchanged(report, args.update, "--update")
        if args.dry_run:
            also = f" och {len(updates)} uppdateras"
            print(
                f"Provkörning: {n_of(len(activities), 'aktivitet', 'aktiviteter')} skulle "
                f"importeras{also if updates else ''}; inget sparades."
            )
        else:
            ids = commit_import(store, activities, updates).imported_ids
            updated = n_of(len(updates), "aktivitet", "aktiviteter")
            if ids or not updates:
                done = (
                    f"{n_of(len(ids), 'aktivitet', 'aktiviteter')} importerades till {insats.name}"
                )
                print(done + (f"; {updated} uppdaterades." if updates else "."))
            else:
                print(f"{updated} uppdaterades i {insats.name}.")
        if unchanged:
            print(unchanged[:1].upper() + unchanged[1:])
        return 0
    finally:
        opened.close(warn=lambda m: print(f"insatslogg: varning: {m}", file=sys.stderr))
