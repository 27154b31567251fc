"""What the board report shows, gathered from the store: the year summaries (as the
overview shows them), the period built from them by core.period, the highlights and the
user's texts. Nothing is computed here that core does not compute for the screen too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.findings import Finding
from app.core.period import PeriodSummary, build_period_summary
from app.core.progress import Progress
from app.core.report_texts import Highlight, stated_figure_findings
from app.core.summary import SummaryTable, YearSummary
from app.core.wording import count_noun
from app.reports.export_content import ExportRequest, check_request

if TYPE_CHECKING:
    from app.store.database import Store


@dataclass(frozen=True)
class PdfContent:
    forbund_name: str
    insats_name: str
    insats_goals: str
    years: tuple[int, ...]
    year_summaries: tuple[YearSummary, ...]
    period: PeriodSummary | None
    made: dt.date
    # Activities marked as highlights, by date; the user's texts by section.
    highlights: tuple[Highlight, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()
    # Findings beyond the year summaries' own (stated figures for a single year).
    extra_findings: tuple[Finding, ...] = ()

    @property
    def span(self) -> str:
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"

    @property
    def source(self) -> YearSummary | PeriodSummary:
        return self.period or self.year_summaries[0]

    @property
    def title(self) -> str:
        return f"Rapport {self.span}" if self.period else f"Årsrapport {self.span}"

    def table(self, key: str) -> SummaryTable | None:
        return next((t for t in self.source.tables if t.key == key), None)

    def findings(self) -> list[Finding]:
        seen: dict[Finding, None] = {}
        for s in self.year_summaries:
            for f in s.findings:
                seen.setdefault(f)
        for f in (*(self.period.findings if self.period else ()), *self.extra_findings):
            seen.setdefault(f)
        return list(seen)

    def text(self, section: str) -> str:
        return dict(self.texts).get(section, "")


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    findings: int
    span: str

    def message(self) -> str:
        pages = count_noun(self.pages, "sida", "sidor")
        return f"Skrev rapporten {self.span} ({pages}) till {self.path}."


def gather_pdf(
    store: Store,
    request: ExportRequest,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> PdfContent:
    progress = progress or Progress()
    check_request(store, request)
    insats = store.reference.insats(request.insats_id)
    assert insats.forbund_id is not None
    forbund = store.reference.forbund(insats.forbund_id)
    summaries = []
    for year in request.years:
        progress.check()
        summaries.append(store.summaries.year_summary(request.insats_id, year))
    first, last = request.years[0], request.years[-1]
    stated = store.report_texts.stated_figures(request.insats_id)
    period = build_period_summary(summaries, stated) if len(summaries) > 1 else None
    extra = () if period else tuple(stated_figure_findings(stated, summaries))
    texts = store.report_texts.texts(request.insats_id, first, last)
    return PdfContent(
        forbund_name=forbund.name,
        insats_name=insats.name,
        insats_goals=insats.goals,
        years=request.years,
        year_summaries=tuple(summaries),
        period=period,
        made=today or dt.date.today(),
        highlights=tuple(store.report_texts.highlights(request.insats_id, first, last)),
        texts=tuple(texts.items()),
        extra_findings=extra,
    )
