"""What the board report shows, as plain data: the year summaries (as the overview
shows them), the period built from them by core.period, the highlights and the user's
texts (app.operations.reports gathers them). Nothing is computed here that core does
not compute for the screen too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.core.economy import EconomySummary
from app.core.evaluation import EvaluationTables
from app.core.findings import Finding
from app.core.finsam_followup import FollowupYear
from app.core.goal_progress import GoalProgressTable
from app.core.left_out import left_out_note
from app.core.period import PeriodSummary
from app.core.placements import Placement
from app.core.report_texts import Highlight
from app.core.summary import SummaryTable, YearSummary
from app.core.table_keys import TableKey
from app.core.wording import count_noun


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
    # The exact dates the report covers (default: the whole years) and how the period
    # reads in the report ("augusti 2016 – december 2020", "januari–april 2024").
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    period_label: str = ""
    # The board report's further content (app.operations.board_content): the insats's
    # own dates, the förbund's organisations and kommuner (samverkansparter), each
    # placement of the report's years with its huvudman's name, the per-year texts
    # (year, section, text), the cover's logo and how many held activities have
    # counts marked as approximate.
    insats_start: dt.date | None = None
    insats_end: dt.date | None = None
    organisations: tuple[str, ...] = ()
    kommuner: tuple[str, ...] = ()
    placements: tuple[tuple[str, Placement], ...] = ()
    year_texts: tuple[tuple[int, str, str], ...] = ()
    logo: bytes | None = None
    approximate_counts: int = 0
    # "Årsrapport 2018", "Slutrapport augusti 2016 – december 2020", "Rapport
    # januari–april 2024" (core.report_period.report_title); empty: from the years.
    report_title: str = ""
    # Uppföljning Finsam (the appendix): each calendar year's figures as the follow-up
    # form asks for them, read from the year summaries (core.finsam_followup).
    followup: tuple[FollowupYear, ...] = ()
    # Måluppfyllelse: the goals' measures over the dates (None: no measures).
    goal_progress: GoalProgressTable | None = None
    # Utvärderingar: the evaluated activities of exactly the dates (core.evaluation).
    evaluations: EvaluationTables | None = None
    # Ekonomi: budget against outcome over exactly the dates (core.economy; None: the
    # insats has neither budget nor costs in them).
    economy: EconomySummary | None = None

    @property
    def span(self) -> str:
        if self.period_label:
            return self.period_label
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"

    @property
    def left_out(self) -> tuple[str, ...]:
        """What the pieces that are only part of their year leave out: one Swedish note
        the report prints (none when every piece covers its year)."""
        note = left_out_note([s.year for s in self.year_summaries if not s.covers_year])
        return (note,) if note else ()

    @property
    def source(self) -> YearSummary | PeriodSummary:
        return self.period or self.year_summaries[0]

    @property
    def title(self) -> str:
        if self.report_title:
            return self.report_title
        return f"Rapport {self.span}" if self.period else f"Årsrapport {self.span}"

    def table(self, key: TableKey) -> SummaryTable | None:
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

    def year_text(self, year: int, section: str) -> str:
        """The user's text for ``section`` written for ``year`` alone."""
        return next((t for y, s, t in self.year_texts if y == year and s == section), "")


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    findings: int
    span: str

    def message(self) -> str:
        pages = count_noun(self.pages, "sida", "sidor")
        return f"Skrev rapporten {self.span} ({pages}) till {self.path}."
