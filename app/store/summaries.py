"""Feeds the core year summary with the year's and the previous year's activities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.core.summary import ActivityFact, YearSummary, build_year_summary, compared_year
from app.core.year_record import YearRecordInputs, build_full_year_summary
from app.store.activity_facts import outside_insats, year_facts
from app.store.database_file import DatabaseFile
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
        db: DatabaseFile,
        reference: ReferenceRepository,
        sources: RecordSources | None = None,
    ) -> None:
        self._db = db
        self._reference = reference
        self._sources = sources

    def facts(self, insats_id: int, year: int) -> list[ActivityFact]:
        """The year's activities, grouped by type, place and status with their counts summed."""
        return year_facts(self._db, insats_id, year)

    def year_summary(self, insats_id: int, year: int, today: date | None = None) -> YearSummary:
        """The year's figures for an insats, compared with the year before, with the rest
        of the record (reach, groups, plan, placements, county statistics, milestones) and
        every finding. ``today`` dates the findings that depend on it (default: today)."""
        # One connection, and one snapshot, for all the reads below.
        with self._db.read() as con:
            # Inside a caller's read that already has a snapshot, that one is used; the
            # snapshot begun here ends here, also when the connection is the caller's.
            began = not con.in_transaction
            if began:
                con.execute("BEGIN")
            try:
                return self._year_summary(insats_id, year, today)
            finally:
                if began:
                    con.execute("ROLLBACK")

    def _year_summary(self, insats_id: int, year: int, today: date | None) -> YearSummary:
        insats = self._reference.insats(insats_id)
        assert insats.forbund_id is not None
        forbund_id = insats.forbund_id
        current = self.facts(insats_id, year)
        before = compared_year(insats.years, year)
        previous = None if before is None else self.facts(insats_id, before)
        kommuner = self._reference.kommuner(forbund_id)
        type_names = [t.name for t in self._reference.activity_types(include_inactive=True)]
        src = self._sources
        if src is None:
            return build_year_summary(
                year, insats.name, current, previous, [k.name for k in kommuner], type_names
            )
        inputs = YearRecordInputs(
            insats=insats,
            kommun_names={k.id: k.name for k in kommuner if k.id is not None},
            organisation_names={
                o.id: o.name for o in self._reference.organisations(forbund_id) if o.id is not None
            },
            groups=src.groups.list(insats_id),
            meetings=src.groups.meeting_counts(insats_id, year),
            registered=src.reach.entries(insats_id, year),
            unique_individuals=src.reach.unique_participants(insats_id, year),
            goals=src.plan.goals(insats_id, year),
            goal_facts=src.plan.goal_facts(insats_id, year),
            plan_activities=src.plan.activities(insats_id, year, for_findings=True),
            placements=src.placements.list(insats_id, year),
            county_stats=[s for s in src.county_stats.list(forbund_id) if s.year <= year],
            delregioner=src.county_stats.delregioner(forbund_id),
            milestones=src.milestones.list(insats_id, year),
            today=today,
            outside_insats=outside_insats(self._db, insats_id, year, insats.start, insats.end),
            stated=src.report_texts.figures_for(insats_id, year, year) if src.report_texts else (),
        )
        return build_full_year_summary(year, current, previous, inputs, type_names)
