"""The `insatslogg` command: opens the window, or runs the same operations without one."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app.cli_parser import SwedishParser, add_db_option, add_version_option
from app.cli_period import (
    add_period_options,
    period_bounds,
    reading_insats,
    request_for,
)
from app.core.errors import DomainError
from app.core.period import PeriodSummary
from app.core.summary import CHANGE, SummaryTable, YearSummary

if TYPE_CHECKING:
    from app.core.economy import EconomySummary
    from app.core.entities import Insats
    from app.reports.export_content import ExportRequest
    from app.store.database import Store


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishParser(
        prog="insatslogg",
        description="Insatslogg: aktiviteter, deltagare och årsuppföljning för en ASF-insats. "
        "Utan underkommando öppnas programfönstret.",
    )
    add_version_option(parser, f"Insatslogg {__version__}")
    add_db_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="kommandon")

    summary = sub.add_parser(
        "summary",
        help="årets siffror (samma som årsöversikten), eller en periods",
        description="Skriver ut årets siffror (--year), eller siffrorna för exakt en "
        "period (--from och --to, år eller datum, t.ex. --from 2024-01-01 --to 2024-04-30).",
    )
    add_period_options(summary)
    summary.add_argument("--json", action="store_true", help="skriv ut som JSON")
    add_db_option(summary)

    from app import (
        cli_backup,
        cli_connect,
        cli_copy,
        cli_costs,
        cli_demo,
        cli_export,
        cli_import,
        cli_init,
        cli_log,
        cli_offline,
        cli_search,
        cli_signin,
    )

    cli_init.register(sub)
    cli_export.register(sub)
    cli_import.register(sub)
    cli_signin.register(sub)
    cli_demo.register(sub)
    cli_backup.register(sub)
    cli_log.register(sub)
    cli_search.register(sub)  # issue 14
    cli_costs.register(sub)  # issue 15
    cli_copy.register(sub)  # issue 16
    cli_offline.register(sub)  # issue 16
    cli_connect.register(sub)  # issue 16
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
            f"{v:+}" if c == CHANGE and isinstance(v, int) and v else str(v)
            for c, v in zip(table.columns, table.shown(r), strict=True)
        ]
        values = "  ".join(f"{v:>{w}}" for v, w in zip(cells, widths, strict=True))
        lines.append(f"{r.label:<{label_width}}  {values}")
    return lines


def with_followup(
    data: dict[str, Any],
    summaries: Sequence[YearSummary],
    economy: EconomySummary | None = None,
) -> dict[str, Any]:
    """``data`` (a summary as JSON) followed by the section "uppfoljning_finsam": the
    follow-up form's figures of ``summaries``, one per calendar year (core.finsam_followup),
    with each year's budget and utfall from ``economy``."""
    from app.core.finsam_followup import followup_dict, followup_years
    from app.operations.economy import followup_economy

    years = followup_years(summaries, followup_economy(economy))
    return {**data, "uppfoljning_finsam": followup_dict(years)}


def _goal_progress(
    store: Store, request: ExportRequest, pieces: Sequence[YearSummary]
) -> dict[str, Any] | None:
    """Måluppfyllelse over the summary's dates, as JSON (None without measures)."""
    from app.operations.goal_progress import report_progress

    table = report_progress(store, request.insats_id, request.period, pieces)
    return None if table is None else table.to_dict()


def cmd_summary(args: argparse.Namespace) -> int:
    # A year or a date no report can have: a message, before the file is opened.
    first, last = period_bounds(args)
    with reading_insats(args) as (store, insats):
        assert insats.id is not None
        if args.year is not None:
            year: YearSummary = store.summaries.year_summary(insats.id, args.year)
            summary: YearSummary | PeriodSummary = year
            pieces = [year]
        else:
            summary, pieces = _period_summary(store, request_for(insats.id, first, last))
        request = request_for(insats.id, first, last)
        goals = _goal_progress(store, request, pieces) if args.json else None
        economy = _economy(store, insats, request, pieces)
    if args.json:
        data = with_followup(summary.to_dict(), pieces, economy)
        if goals is not None:
            data["maluppfyllelse"] = goals
        data["ekonomi"] = None if economy is None else economy.to_dict()
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_summary(summary)
        if economy is not None:
            print()
            print("\n".join(economy_lines(economy)))
    return 0


def _economy(
    store: Store, insats: Insats, request: ExportRequest, pieces: Sequence[YearSummary]
) -> EconomySummary | None:
    """Budget against outcome over the summary's dates, as the export and the report
    have it (None: neither budget nor cost in them)."""
    from app.operations.economy import report_economy

    dates = request.period
    return report_economy(store, insats, dates.first, dates.last, pieces)


def economy_lines(economy: EconomySummary) -> list[str]:
    """The short Ekonomi block of the text summary: the total, the ratios, the findings."""
    from app.core.money import kronor_kr

    t = economy.total
    used = "–" if t.used_percent is None else f"{t.used_percent} %"
    lines = [
        f"Ekonomi {economy.label}",
        f"  Budget         {kronor_kr(t.budget):>20}",
        f"  Utfall         {kronor_kr(t.booked):>20}  (förbrukat {used})",
        f"  Planerat       {kronor_kr(t.planned):>20}",
        f"  Prognos        {kronor_kr(t.forecast):>20}",
        f"  Kvar av budget {kronor_kr(t.remaining):>20}",
    ]
    for label, value, divisor in economy.ratios.rows():
        shown = "–" if value is None else kronor_kr(value * 100, ore_shown=False)
        lines.append(f"  {label}: {shown} (delat med {'–' if divisor is None else divisor})")
    lines.append(f"  Flaggade av regelkontrollen: {len(economy.findings)}")
    return lines


def _period_summary(
    store: Store, request: ExportRequest
) -> tuple[YearSummary | PeriodSummary, list[YearSummary]]:
    """The request's one piece (a year or part of one), or its period over the pieces;
    and the pieces (Uppföljning Finsam is per calendar year)."""
    from app.operations.exports import check_request, period_of, piece_summaries

    check_request(store, request)
    pieces = piece_summaries(store, request)
    period = period_of(pieces, store.report_texts.stated_figures(request.insats_id), request)
    return (period or pieces[0]), pieces


def print_summary(summary: YearSummary | PeriodSummary) -> None:
    label = summary.span if isinstance(summary, PeriodSummary) else summary.label
    print(f"{summary.insats_name} – {label}")
    if isinstance(summary, YearSummary) and summary.label != str(summary.year):
        print(f"{summary.first.isoformat()} – {summary.last.isoformat()}")
    for table in summary.tables:
        print()
        print("\n".join(format_table(table)))
    notes = summary.left_out if isinstance(summary, PeriodSummary) else (summary.left_out,)
    for note in (n for n in notes if n):
        print()
        print(note)
    if summary.milestones:
        print()
        print("Milstolpar")
        for m in summary.milestones:
            print(f"  {m.day.isoformat()}  {m.kind_label}: {m.text}")
    print()
    print(f"Avvikelser ({len(summary.findings)})")
    for finding in summary.findings:
        print(f"  {finding}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from app import app_log

    app_log.start(window=args.command is None)
    try:
        return _dispatch(args)
    except DomainError as exc:
        print(f"insatslogg: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"insatslogg: kunde inte läsa eller skriva filen: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("insatslogg: avbrutet.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user gets a message, the log the details
        where = app_log.record_unexpected(exc)
        print(
            f"insatslogg: ett oväntat fel inträffade ({type(exc).__name__}). Inget som redan "
            f"sparats har gått förlorat. Tekniska detaljer finns i {where}.",
            file=sys.stderr,
        )
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:
        from app.store.database import resolve_where
        from app.store.opening import EarlyCheck

        where = resolve_where(getattr(args, "db", None))
        # A file's integrity check runs while Qt loads; a server has no file to check.
        early = None if not isinstance(where, Path) else EarlyCheck(where)
        from app.ui.application import run  # Qt loads while the file is checked

        return run(getattr(args, "db", None), early)
    if args.command == "summary":
        return cmd_summary(args)
    from app import (
        cli_backup,
        cli_connect,
        cli_copy,
        cli_costs,
        cli_demo,
        cli_export,
        cli_import,
        cli_init,
        cli_log,
        cli_offline,
        cli_search,
        cli_signin,
    )

    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "init": cli_init.run,
        "export": cli_export.run,
        "import": cli_import.run,
        "narvarolista": cli_signin.run,
        "demo": cli_demo.run,
        "backup": cli_backup.run_backup,
        "restore": cli_backup.run_restore,
        "logg": cli_log.run,
        "search": cli_search.run,
        "costs": cli_costs.run_costs,
        "budget": cli_costs.run_budget,
        "copy": cli_copy.run,
        "offline": cli_offline.run,
        "connect": cli_connect.run,
    }
    return commands[args.command](args)
