"""Feeds the core year summary with the year's and the previous year's activities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.core.piece_summary import build_piece_summary
from app.core.report_period import PeriodPiece
from app.core.summary import ActivityFact, YearSummary, compared_year
from app.core.year_record import YearRecordInputs
from app.store.activity_facts import outside_insats, year_facts
from app.store.activity_rows import Span
from app.store.database_protocol import Database
from app.store.reference import ReferenceRepository

if TYPE_CHECKING:
    from app.store.county_stats import CountyStatsRepository
    from app.store.groups import GroupRepository
    from app.store.milestones import MilestoneRepository
    from app.store.placements import PlacementRepository
    from app.store.reach import ReachRepository
    from app.store.report_texts import ReportTextRepository
    from app.store.year_plan import PlanRepository


@dataclass(frozen=True)
class RecordSources:
    """The repositories of the rest of the year's record, for the full year summary."""

    groups: GroupRepository
    reach: ReachRepository
    plan: PlanRepository
    placements: PlacementRepository
    county_stats: CountyStatsRepository
    milestones: MilestoneRepository
    report_texts: ReportTextRepository | None = None  # the stated figures of one year


class SummaryRepository:
    def __init__(
        self,
        db: Database,
        reference: ReferenceRepository,
        sources: RecordSources | None = None,
    ) -> None:
        self._db = db
        self._reference = reference
        self._sources = sources

    def facts(self, insats_id: int, year: int, span: Span | None = None) -> list[ActivityFact]:
        """The year's activities (within ``span``, a part of the year, when given),
        grouped by type, place and status with their counts summed."""
        return year_facts(self._db, insats_id, year, span)

    def year_summary(self, insats_id: int, year: int, today: date | None = None) -> YearSummary:
        """The year's figures for an insats, compared with the year before, with the rest
        of the record (reach, groups, plan, placements, county statistics, milestones) and
        every finding. ``today`` dates the findings that depend on it (default: today)."""
        whole = PeriodPiece(date(year, 1, 1), date(year, 12, 31), covers_year=True)
        return self.piece_summary(insats_id, whole, today)

    def piece_summary(
        self, insats_id: int, piece: PeriodPiece, today: date | None = None
    ) -> YearSummary:
        """The figures of exactly ``piece``'s dates (a part of one calendar year, or all
        of it), compared with the same dates a year earlier when that year is one of the
        insats's. Every dated read is limited to the piece; what is kept per year
        (registered reach, placements, county statistics, the year plan) is read only
        when the piece covers its year (core.piece_summary)."""
        with self._db.snapshot():  # one snapshot for all the reads below
            return self._piece_summary(insats_id, piece, today)

    def _piece_summary(self, insats_id: int, piece: PeriodPiece, today: date | None) -> YearSummary:
        insats = self._reference.insats(insats_id)
        assert insats.forbund_id is not None
        forbund_id = insats.forbund_id
        year = piece.year
        span = None if piece.whole_year else (piece.first, piece.last)
        current = self.facts(insats_id, year, span)
        previous = None
        if compared_year(insats.years, year) is not None:
            before = piece.year_before()
            before_span = None if span is None else (before.first, before.last)
            previous = self.facts(insats_id, year - 1, before_span)
        kommuner = self._reference.kommuner(forbund_id)
        type_names = [t.name for t in self._reference.activity_types(include_inactive=True)]
        src = self._sources
        if src is None:
            return build_piece_summary(
                piece, current, previous, None, insats.name, [k.name for k in kommuner], type_names
            )
        # What is kept per calendar year belongs only to a piece that covers its year.
        per_year = piece.covers_year
        inputs = YearRecordInputs(
            insats=insats,
            kommun_names={k.id: k.name for k in kommuner if k.id is not None},
            organisation_names={
                o.id: o.name for o in self._reference.organisations(forbund_id) if o.id is not None
            },
            groups=src.groups.list(insats_id),
            meetings=src.groups.meeting_counts(insats_id, year, span),
            registered=src.reach.entries(insats_id, year) if per_year else (),
            unique_individuals=src.reach.unique_participants(insats_id, year, span),
            goals=src.plan.goals(insats_id, year) if per_year else (),
            goal_facts=src.plan.goal_facts(insats_id, year) if per_year else (),
            plan_activities=(
                src.plan.activities(insats_id, year, for_findings=True) if per_year else ()
            ),
            placements=src.placements.list(insats_id, year) if per_year else (),
            county_stats=(
                [s for s in src.county_stats.list(forbund_id) if s.year <= year] if per_year else ()
            ),
            delregioner=src.county_stats.delregioner(forbund_id),
            milestones=src.milestones.list(insats_id, year, span),
            today=today,
            outside_insats=outside_insats(self._db, insats_id, year, insats.start, insats.end),
            # A part of a year is no year: the year's stated figures are not checked on it.
            stated=(
                src.report_texts.figures_for(insats_id, year, year)
                if src.report_texts and per_year
                else ()
            ),
        )
        return build_piece_summary(piece, current, previous, inputs, insats.name, (), type_names)
