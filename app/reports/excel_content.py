"""What the Excel export shows, as plain data: the year's or period's summaries and
the two logs (the närvarologg and the named participants) as row streams with their
columns (core.activity_columns). The operations gather it; excel_export writes it and
excel_sheets lays out its summary sheets.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field

from app.core.activity_columns import (
    PARTICIPANT_COLUMNS,
    Column,
    LoggedActivity,
    NamedParticipant,
    log_columns,
)
from app.core.economy import EconomySummary
from app.core.evaluation import EvaluationTables
from app.core.finsam_followup import FollowupYear
from app.core.goal_progress import GoalProgressTable
from app.core.left_out import left_out_note
from app.core.period import PeriodSummary
from app.core.summary import SummaryTable, YearSummary


@dataclass(frozen=True)
class ActivityLog:
    """The närvarologg: its columns, and the activities in their order, streamed."""

    count: int
    rows: Callable[[], Generator[LoggedActivity, None, None]]
    # The longest text of a text column, by the column's key, for the widths.
    text_lengths: Mapping[str, int] = field(default_factory=dict)
    columns: tuple[Column, ...] = field(default_factory=log_columns)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.log_header for c in self.columns)


@dataclass(frozen=True)
class ParticipantLog:
    count: int
    rows: Callable[[], Generator[NamedParticipant, None, None]]
    columns: tuple[Column, ...] = PARTICIPANT_COLUMNS

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.log_header for c in self.columns)


@dataclass(frozen=True)
class ExportContent:
    """A year (one year) or a period (several): what the workbook shows."""

    insats_name: str
    forbund_name: str
    years: tuple[int, ...]
    year_summaries: tuple[YearSummary, ...]
    month_tables: tuple[SummaryTable, ...]
    activities: ActivityLog
    period: PeriodSummary | None = None  # set when there are several years
    participants: ParticipantLog | None = None  # set only when names are included
    # How the exact dates read ("januari–april 2024"); empty: the years.
    period_label: str = ""
    # Uppföljning Finsam: each year's figures as the follow-up form asks for them.
    followup: tuple[FollowupYear, ...] = ()
    # Måluppfyllelse: the goals' measures over the dates (None: no measures).
    goal_progress: GoalProgressTable | None = None
    # Utvärderingar: the evaluated activities of exactly the dates (core.evaluation).
    evaluations: EvaluationTables | None = None
    # Ekonomi: budget against outcome over exactly the dates (core.economy; None: the
    # insats has neither budget nor costs in them).
    economy: EconomySummary | None = None

    @property
    def is_period(self) -> bool:
        return len(self.years) > 1

    @property
    def span(self) -> str:
        if self.period_label:
            return self.period_label
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"

    @property
    def left_out(self) -> tuple[str, ...]:
        """What the pieces that are only part of their year leave out: one Swedish note
        (none when every piece covers its year)."""
        note = left_out_note([s.year for s in self.year_summaries if not s.covers_year])
        return (note,) if note else ()

    @property
    def include_names(self) -> bool:
        return self.participants is not None

    @property
    def title(self) -> str:
        return f"Insatslogg – {self.insats_name} {self.span}"
