"""Exporting a year, a period or any dates to Excel: the content gathered from the store and
handed to the writer (app.reports.excel_export) as plain data.

The year summaries are the ones the overview shows (store.summaries.year_summary); a
period is built from them by core.period. The närvarologg and the named participants
are handed to the writer as row streams with their columns (core.activity_columns),
opened only when the sheet is written. Runs in a worker thread (app.ui.background) or
in the command line, never in Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core.activity_columns import log_columns
from app.core.errors import DomainError
from app.core.finsam_followup import followup_years
from app.core.period import PeriodSummary, build_period_summary, month_table
from app.core.progress import Progress
from app.core.report_period import months_covered
from app.core.report_texts import StatedFigure
from app.core.summary import YearSummary
from app.operations.economy import followup_economy, report_economy
from app.operations.evaluations import period_tables
from app.operations.goal_progress import report_progress
from app.reports.excel_content import ActivityLog, ExportContent, ParticipantLog
from app.reports.export_content import ExportRequest, ExportResult

if TYPE_CHECKING:
    from app.store.database import Store


def check_request(store: Store, request: ExportRequest) -> None:
    """DomainError unless the dates are a sensible span of the insats's years (or of
    the years it has activities in)."""
    if request.last_year < request.first_year:
        raise DomainError(
            f"Perioden är baklänges: {request.first_year} kommer efter {request.last_year}."
        )
    request.period.checked()
    insats = store.reference.insats(request.insats_id)
    allowed = set(insats.years) | set(store.activities.years(request.insats_id))
    outside = [y for y in request.years if y not in allowed]
    if outside:
        first, last = min(allowed), max(allowed)
        years = ", ".join(str(y) for y in outside[:3]) + (" …" if len(outside) > 3 else "")
        raise DomainError(
            f"{years} ligger utanför insatsens år ({first}–{last}). Välj år inom insatsen."
        )


def piece_summaries(
    store: Store, request: ExportRequest, progress: Progress | None = None
) -> list[YearSummary]:
    """The summary of each piece of the request's period (its part of each calendar
    year), for exactly its dates; a whole year's is the one the overview shows."""
    progress = progress or Progress()
    insats = store.reference.insats(request.insats_id)
    summaries = []
    for piece in request.period.pieces(insats.start, insats.end):
        progress.check()
        summaries.append(store.summaries.piece_summary(request.insats_id, piece))
    return summaries


def period_of(
    summaries: list[YearSummary], stated: list[StatedFigure], request: ExportRequest
) -> PeriodSummary | None:
    """The period over the pieces (None for a single piece), named by the request."""
    if len(summaries) < 2:
        return None
    return build_period_summary(summaries, stated, label=request.span)


def gather(store: Store, request: ExportRequest, progress: Progress | None = None) -> ExportContent:
    """Everything the workbook shows, the figures computed by core as on the screen, for
    exactly the request's dates."""
    progress = progress or Progress()
    check_request(store, request)
    insats = store.reference.insats(request.insats_id)
    assert insats.forbund_id is not None
    forbund = store.reference.forbund(insats.forbund_id)
    summaries = piece_summaries(store, request, progress)
    stated = store.report_texts.stated_figures(request.insats_id)
    period = period_of(summaries, stated, request)
    reads = store.exports
    dates = request.period
    first, last = dates.first, dates.last
    counts = reads.month_counts(request.insats_id, first, last)
    month_tables = month_table(
        counts,
        request.years,
        total_column=len(request.years) > 1,
        columns=[s.label for s in summaries],
        months=months_covered(dates),
    )
    activities = ActivityLog(
        count=reads.activity_count(request.insats_id, first, last),
        rows=lambda: reads.activity_rows(request.insats_id, first, last),
        text_lengths=reads.text_lengths(request.insats_id, first, last),
        columns=log_columns(),
    )
    participants = None
    if request.include_names:
        participants = ParticipantLog(
            count=reads.participant_count(request.insats_id, first, last),
            rows=lambda: reads.participant_rows(request.insats_id, first, last),
        )
    economy = report_economy(store, insats, first, last, summaries)
    return ExportContent(
        insats_name=insats.name,
        forbund_name=forbund.name,
        years=request.years,
        year_summaries=tuple(summaries),
        month_tables=month_tables,
        activities=activities,
        period=period,
        participants=participants,
        period_label=request.span,
        followup=followup_years(summaries, followup_economy(economy)),
        goal_progress=report_progress(store, request.insats_id, dates, summaries),
        evaluations=period_tables(store, request.insats_id, dates),
        economy=economy,
    )


def export_excel(
    store: Store, request: ExportRequest, path: Path | str, progress: Progress | None = None
) -> ExportResult:
    """Gather and write the workbook; see write_workbook for cancel and errors."""
    # openpyxl is imported with the writer, when an export runs.
    from app.reports.excel_export import write_workbook

    progress = progress or Progress()
    path = Path(path)
    content = gather(store, request, progress)
    write_workbook(path, content, progress)
    participants = content.participants.count if content.participants else 0
    return ExportResult(path, content.activities.count, participants, request.span)
