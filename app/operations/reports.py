"""The reports: the board report (a year, a period or any dates; as PDF or as Word) and
the sign-in sheet of an activity, their content read from the store and handed to the
writers in app.reports as plain data. No Qt; reportlab and python-docx are imported
when a report is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.finsam_followup import followup_years
from app.core.progress import Progress
from app.core.report_period import report_title
from app.core.report_texts import stated_figure_findings
from app.operations.board_content import with_board_content
from app.operations.economy import followup_economy, report_economy
from app.operations.exports import check_request, period_of, piece_summaries
from app.operations.goal_progress import report_progress
from app.reports.docx_result import DocxResult
from app.reports.export_content import ExportRequest
from app.reports.pdf_content import PdfContent, PdfResult

if TYPE_CHECKING:
    from app.reports.signin_sheet import SigninSheet
    from app.store.database import Store


def gather_pdf(
    store: Store,
    request: ExportRequest,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> PdfContent:
    """What the report shows, for exactly the request's dates: the summary of each piece
    (its part of each calendar year; a whole year's as the overview shows it), the
    period built from them, the stated figures' findings, the highlights and milestones
    within the dates, Uppföljning Finsam; then the board report's further content
    (texts, samverkansparter, placements, logo: app.operations.board_content)."""
    progress = progress or Progress()
    check_request(store, request)
    insats = store.reference.insats(request.insats_id)
    assert insats.forbund_id is not None
    forbund = store.reference.forbund(insats.forbund_id)
    summaries = piece_summaries(store, request, progress)
    dates = request.period
    stated = store.report_texts.stated_figures(request.insats_id)
    period = period_of(summaries, stated, request)
    extra = () if period else tuple(stated_figure_findings(stated, summaries))
    economy = report_economy(store, insats, dates.first, dates.last, summaries)
    content = PdfContent(
        forbund_name=forbund.name,
        insats_name=insats.name,
        insats_goals=insats.goals,
        years=request.years,
        year_summaries=tuple(summaries),
        period=period,
        made=today or dt.date.today(),
        highlights=tuple(store.report_texts.highlights(request.insats_id, dates.first, dates.last)),
        extra_findings=extra,
        first_day=dates.first,
        last_day=dates.last,
        period_label=dates.label,
        report_title=report_title(dates, insats.start, insats.end),
        followup=followup_years(summaries, followup_economy(economy)),
        goal_progress=report_progress(store, request.insats_id, dates, summaries),
        economy=economy,
    )
    return with_board_content(store, content, insats)


def export_pdf(
    store: Store, request: ExportRequest, path: Path | str, progress: Progress | None = None
) -> PdfResult:
    """Gather the year's or period's summaries and write the report to ``path``."""
    from app.reports.board_report import build_board_report
    from app.reports.pdf_report import write_board_pdf

    progress = progress or Progress()
    content = gather_pdf(store, request, progress)
    pages = write_board_pdf(path, build_board_report(content), progress)
    return PdfResult(Path(path), pages, len(content.findings()), request.span)


def export_docx(
    store: Store, request: ExportRequest, path: Path | str, progress: Progress | None = None
) -> DocxResult:
    """The same report as export_pdf, as an editable Word file at ``path``."""
    from app.reports.board_report import build_board_report
    from app.reports.docx_report import write_board_docx

    progress = progress or Progress()
    content = gather_pdf(store, request, progress)
    write_board_docx(path, build_board_report(content), progress)
    return DocxResult(Path(path), len(content.findings()), request.span)


def signin_sheet_for(store: Store, activity_id: int) -> SigninSheet:
    """The sheet for a stored activity (DomainError if it no longer exists)."""
    from app.reports.signin_sheet import signin_sheet

    activity = store.activities.get(activity_id)
    insats = store.reference.insats(activity.insats_id)
    kommuner: dict[int | None, str] = {}
    organisations: dict[int | None, str] = {}
    forbund_name = ""
    if insats.forbund_id is not None:
        forbund_name = store.reference.forbund(insats.forbund_id).name
        kommuner = {k.id: k.name for k in store.reference.kommuner(insats.forbund_id)}
        organisations = {o.id: o.name for o in store.reference.organisations(insats.forbund_id)}
    types = {t.id: t.name for t in store.reference.activity_types(include_inactive=True)}
    return signin_sheet(activity, insats.name, forbund_name, kommuner, organisations, types)
