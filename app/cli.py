"""The `insatslogg` command: opens the window, or runs the same operations without one."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from app import __version__
from app.core.errors import DomainError


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
    return parser


def _format_table_text(table: dict[str, object]) -> list[str]:
    columns = list(table["columns"])  # type: ignore[call-overload]
    rows = list(table["rows"])  # type: ignore[call-overload]
    if "total" in table:
        rows.append(table["total"])
    width = max([len(str(r["label"])) for r in rows] + [len(str(table["title"]))])
    widths = [max(8, len(str(c))) for c in columns]
    head = "  ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    lines = [f"{table['title']:<{width}}  {head}"]
    for r in rows:
        values = "  ".join(f"{r['values'][c]:>{w}}" for c, w in zip(columns, widths, strict=True))
        lines.append(f"{r['label']:<{width}}  {values}")
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
        summary = store.summaries.year_summary(insats.id, args.year).to_dict()
    finally:
        store.close()
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{summary['insats']} — {summary['year']}")
        for table in summary["tables"]:
            print()
            print("\n".join(_format_table_text(table)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from app.ui.application import run

            return run(getattr(args, "db", None))
        if args.command == "summary":
            return cmd_summary(args)
    except DomainError as exc:
        print(f"insatslogg: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"insatslogg: kunde inte läsa eller skriva filen: {exc}", file=sys.stderr)
        return 1
    return 2
