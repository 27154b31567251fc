"""The `insatslogg` command: opens the window, or runs the same operations without one."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from app import __version__
from app.core.errors import DomainError
from app.core.summary import CHANGE, SummaryTable


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="FIL",
        default=argparse.SUPPRESS,
        help="databasfil (annars $INSATSLOGG_DB eller programmets datamapp)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="insatslogg",
        description="Insatslogg: aktiviteter, deltagare och årsuppföljning för en ASF-insats. "
        "Utan underkommando öppnas programfönstret.",
    )
    parser.add_argument("--version", action="version", version=f"Insatslogg {__version__}")
    _add_db_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    summary = sub.add_parser("summary", help="årets siffror (samma som årsöversikten)")
    summary.add_argument("--year", type=int, required=True, metavar="ÅR", help="året, t.ex. 2018")
    summary.add_argument("--json", action="store_true", help="skriv ut som JSON")
    _add_db_option(summary)

    from app import cli_demo, cli_export, cli_import, cli_signin

    cli_export.register(sub)
    cli_import.register(sub)
    cli_signin.register(sub)
    cli_demo.register(sub)
    return parser


def format_table(table: SummaryTable) -> list[str]:
    """A summary table as aligned plain-text lines, total row last."""
    rows = [*table.rows, table.total] if table.has_total else list(table.rows)
    label_width = max(len(table.title), *(len(r.label) for r in rows))
    widths = [max(8, len(c)) for c in table.columns]
    head = "  ".join(f"{c:>{w}}" for c, w in zip(table.columns, widths, strict=True))
    lines = [f"{table.title:<{label_width}}  {head}"]
    for r in rows:
        cells = [
            f"{v:+}" if c == CHANGE and v else str(v)
            for c, v in zip(table.columns, r.values, strict=True)
        ]
        values = "  ".join(f"{v:>{w}}" for v, w in zip(cells, widths, strict=True))
        lines.append(f"{r.label:<{label_width}}  {values}")
    return lines


def cmd_summary(args: argparse.Namespace) -> int:
    from app.store.database import Store, resolve_path

    path = resolve_path(getattr(args, "db", None))
    if not path.exists():
        raise DomainError(f"Databasfilen {path} finns inte.")
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        if insats is None or insats.id is None:
            raise DomainError(
                "Databasen har ingen insats ännu. Starta Insatslogg och lägg upp förbund och "
                "insats först."
            )
        summary = store.summaries.year_summary(insats.id, args.year)
    finally:
        store.close()
    if args.json:
        json.dump(summary.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{summary.insats_name} — {summary.year}")
        for table in summary.tables:
            print()
            print("\n".join(format_table(table)))
        if summary.milestones:
            print()
            print("Milstolpar")
            for m in summary.milestones:
                print(f"  {m['date']}  {m['kind_label']}: {m['text']}")
        print()
        print(f"Avvikelser ({len(summary.findings)})")
        for finding in summary.findings:
            print(f"  {finding}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from app.ui.application import run

            return run(getattr(args, "db", None))
        if args.command == "summary":
            return cmd_summary(args)
        if args.command == "export":
            from app import cli_export

            return cli_export.run(args)
        if args.command == "import":
            from app import cli_import

            return cli_import.run(args)
        if args.command == "narvarolista":
            from app import cli_signin

            return cli_signin.run(args)
        if args.command == "demo":
            from app import cli_demo

            return cli_demo.run(args)
    except DomainError as exc:
        print(f"insatslogg: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"insatslogg: kunde inte läsa eller skriva filen: {exc}", file=sys.stderr)
        return 1
    return 2
