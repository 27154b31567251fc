"""The rest of the year's record — reach, samverkansgrupper, year plan, placements,
county statistics, milestones — as summary tables and findings.

build_year_summary calls this, so the overview, the CLI and the reports all get the
same figures from one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from app.core.county_stats import CountyStats, check_county_stats, county_stats_table
from app.core.entities import Insats
from app.core.findings import Finding
from app.core.groups import (
    Group,
    MeetingCount,
    grid_years,
    group_findings,
    group_grid,
    groups_table,
)
from app.core.insats_dates import DatedActivity, outside_insats
from app.core.milestones import Milestone, MilestoneEntry, milestone_entries
from app.core.placements import Placement, check_placements, placements_table
from app.core.reach import RegisteredReach, people_reached_tables, reach_findings
from app.core.report_texts import StatedFigure, stated_figure_findings
from app.core.summary import ActivityFact, SummaryTable, YearSummary, build_year_summary
from app.core.year_plan import GoalFact, PlanActivity, PlanGoal, plan_findings, plan_followup_table


@dataclass(frozen=True)
class YearRecordInputs:
    """Everything of the record that is not an activity, for one insats and year."""

    insats: Insats
    kommun_names: Mapping[int, str]
    organisation_names: Mapping[int, str]
    groups: Sequence[Group] = ()
    meetings: Mapping[int, MeetingCount] | None = None
    registered: Sequence[RegisteredReach] = ()
    unique_individuals: int | None = None
    goals: Sequence[PlanGoal] = ()
    goal_facts: Sequence[GoalFact] = ()
    plan_activities: Sequence[PlanActivity] = ()
    placements: Sequence[Placement] = ()  # the year's
    county_stats: Sequence[CountyStats] = ()  # every year up to and including this one
    delregioner: Sequence[str] = ()
    milestones: Sequence[Milestone] = ()  # the year's
    today: date | None = None
    # The year's activities dated before the insats's first day or after its last.
    outside_insats: Sequence[DatedActivity] = ()
    # Figures another document states for this year alone (checked against the year).
    stated: Sequence[StatedFigure] = ()
    # False for a part of a year that does not cover its year: the grid of the groups'
    # years is left out, and no group is found without meetings over the whole year.
    covers_year: bool = True


@dataclass(frozen=True)
class YearRecordSections:
    tables: tuple[SummaryTable, ...]
    findings: tuple[Finding, ...]
    milestones: tuple[MilestoneEntry, ...]


def year_record_sections(
    year: int, facts: Sequence[ActivityFact], inputs: YearRecordInputs
) -> YearRecordSections:
    """Tables and findings for the year, in the order the overview and reports show them."""
    today = inputs.today or date.today()
    names = inputs.kommun_names
    meetings = inputs.meetings or {}
    tables: list[SummaryTable] = list(
        people_reached_tables(year, facts, inputs.registered, names, inputs.unique_individuals)
    )
    findings: list[Finding] = list(
        reach_findings(
            year, inputs.registered, inputs.insats, names, facts, inputs.unique_individuals
        )
    )
    findings += outside_insats(inputs.insats, inputs.outside_insats)
    if inputs.groups:
        tables.append(groups_table(inputs.groups, names, meetings, year))
        if inputs.covers_year:
            # From the first year a group existed (grid_years widens to it) to this year.
            years = grid_years(inputs.groups, year, year)
            tables.append(group_grid(inputs.groups, names, years))
        # A part of a year says nothing of a group without meetings all year: as of the
        # year's first day, that year is not over, so that finding is not looked for.
        as_of = today if inputs.covers_year else date(year, 1, 1)
        findings += group_findings(inputs.groups, year, meetings, names, as_of=as_of)
    if inputs.goals or inputs.goal_facts:
        tables.append(plan_followup_table(inputs.goals, inputs.goal_facts, year))
        findings += plan_findings(year, inputs.goals, inputs.plan_activities, today)
    if inputs.placements:
        tables.append(placements_table(inputs.placements, year, names))
        findings += check_placements(inputs.placements, names, year)
    if inputs.county_stats:
        tables.append(county_stats_table(inputs.county_stats, inputs.delregioner))
        for stats in inputs.county_stats:
            if stats.year == year:
                findings += check_county_stats(stats)
    milestones = milestone_entries(inputs.milestones, year, names, inputs.organisation_names)
    return YearRecordSections(tuple(tables), tuple(findings), tuple(milestones))


def build_full_year_summary(
    year: int,
    current: Sequence[ActivityFact],
    previous: Sequence[ActivityFact] | None,
    inputs: YearRecordInputs,
    type_names: Sequence[str] = (),
) -> YearSummary:
    """The whole year: the activity figures and the rest of the record, with all findings."""
    base = build_year_summary(
        year,
        inputs.insats.name,
        current,
        previous,
        kommun_names=list(inputs.kommun_names.values()),
        type_names=type_names,
    )
    sections = year_record_sections(year, current, inputs)
    summary = replace(
        base,
        tables=base.tables + sections.tables,
        findings=base.findings + sections.findings,
        milestones=sections.milestones,
    )
    own = [f for f in inputs.stated if f.first_year == f.last_year == year]
    stated = stated_figure_findings(own, [summary]) if own else []
    return replace(summary, findings=summary.findings + tuple(stated)) if stated else summary
