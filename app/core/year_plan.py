"""The year plan (handlingsplan): the year's goals and the activities planned under each.

The follow-up shows, per goal, how many activities were planned under it, how many were
held, how many are still planned and how many were cancelled, and the participants at
the held ones; activities under no goal have a row of their own.

Each activity belongs to exactly one year's plan: that of its goal, or — without a goal —
that of its own date. An activity dated in another year than its goal is flagged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from app.core import limits
from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.summary import SummaryRow, SummaryTable
from app.core.table_keys import TableKey
from app.core.vocabulary import Status

NO_GOAL = "Utan mål"
PLANNED_TOTAL = "Planerade totalt"
HELD = "Genomförda"
STILL_PLANNED = "Kvar att genomföra"
CANCELLED = "Inställda"
PARTICIPANTS = "Deltagare"
FOLLOWUP_COLUMNS = (PLANNED_TOTAL, HELD, STILL_PLANNED, CANCELLED, PARTICIPANTS)


@dataclass(frozen=True)
class PlanGoal:
    id: int | None
    insats_id: int
    year: int
    text: str
    sort_order: int = 0


@dataclass(frozen=True)
class GoalFact:
    """Activities under one goal (``goal_id`` None: under no goal) with one status.

    ``participants`` is the sum of their attendance; the follow-up counts it for held
    activities only.
    """

    goal_id: int | None
    status: Status
    activities: int
    participants: int = 0


@dataclass(frozen=True)
class PlanActivity:
    """What the year plan shows of one activity in its list under a goal."""

    id: int
    goal_id: int | None
    start: date
    end: date | None
    title: str
    type_name: str
    status: Status
    participants: int

    @property
    def last_day(self) -> date:
        return self.end or self.start


def validate_goals(insats_id: int, year: int, goals: Sequence[PlanGoal]) -> list[PlanGoal]:
    """The year's goals tidied and numbered in order, or ValidationError listing every problem.

    Every goal needs a text, and no text may appear twice in the same year.
    """
    tidy = [
        replace(g, insats_id=insats_id, year=year, text=limits.clean(g.text).strip(), sort_order=i)
        for i, g in enumerate(goals)
    ]
    problems: list[str] = []
    seen: set[str] = set()
    for i, g in enumerate(tidy, start=1):
        if not g.text:
            problems.append(f"Mål {i} saknar text.")
            continue
        problems += limits.text_problems([(g.text, limits.LONG_TEXT, f"Mål {i}")])
        key = g.text.casefold()
        if key in seen:
            problems.append(f"Målet ”{g.text}” finns två gånger.")
        seen.add(key)
        if g.text.casefold() == NO_GOAL.casefold():
            problems.append(f"”{NO_GOAL}” kan inte vara namnet på ett mål.")
    if not limits.year_in_range(year):
        problems.append(f"Året {year} är inte ett rimligt år.")
    if problems:
        raise ValidationError(problems)
    return tidy


def goal_facts_of(activities: Sequence[PlanActivity]) -> list[GoalFact]:
    """GoalFacts grouped from single activities (what the store does in SQL)."""
    count: Counter[tuple[int | None, Status]] = Counter()
    people: Counter[tuple[int | None, Status]] = Counter()
    for a in activities:
        count[(a.goal_id, a.status)] += 1
        people[(a.goal_id, a.status)] += a.participants
    return [GoalFact(g, s, n, people[(g, s)]) for (g, s), n in count.items()]


def plan_followup_table(
    goals: Sequence[PlanGoal], goal_facts: Sequence[GoalFact], year: int
) -> SummaryTable:
    """Per goal (in order) and for "Utan mål": planned in all, held, still planned,
    cancelled, and participants at the held ones.

    A fact whose goal is not among ``goals`` counts under "Utan mål".
    """
    ordered = sorted(goals, key=lambda g: g.sort_order)
    known = {g.id for g in ordered}
    by_status: dict[int | None, Counter[Status]] = {}
    people: Counter[int | None] = Counter()
    for f in goal_facts:
        key = f.goal_id if f.goal_id in known else None
        by_status.setdefault(key, Counter())[f.status] += f.activities
        if f.status is Status.GENOMFORD:
            people[key] += f.participants

    def row(label: str, key: int | None) -> SummaryRow:
        c = by_status.get(key, Counter())
        held, planned, cancelled = (
            c[Status.GENOMFORD],
            c[Status.PLANERAD],
            c[Status.INSTALLD],
        )
        return SummaryRow(
            label, (held + planned + cancelled, held, planned, cancelled, people[key])
        )

    rows = [row(g.text, g.id) for g in ordered]
    rows.append(row(NO_GOAL, None))
    return SummaryTable(
        TableKey.ARSPLAN,
        f"Årsplan {year}: planerat och genomfört",
        FOLLOWUP_COLUMNS,
        tuple(rows),
        note=(
            "Planerade totalt är alla aktiviteter under målet, oavsett status. "
            "Deltagare räknas från genomförda aktiviteter (volym)."
        ),
    )


def plan_findings(
    year: int,
    goals: Sequence[PlanGoal],
    activities: Sequence[PlanActivity],
    today: date,
) -> list[Finding]:
    """What to look at in the year plan. Nothing is changed; each is only shown.

    * a goal with no activity at all;
    * a planned activity whose last day has passed but is still "planerad";
    * an activity dated in another year than the plan of its goal.
    """
    ordered = sorted(goals, key=lambda g: g.sort_order)
    text_of = {g.id: g.text for g in ordered}
    used = {a.goal_id for a in activities}
    findings: list[Finding] = []
    for g in ordered:
        if g.id not in used:
            findings.append(
                Finding(
                    "Mål i årsplanen utan aktiviteter",
                    f"Årsplan {year}: {g.text}",
                    "minst 1 aktivitet",
                    "0",
                )
            )
    for a in sorted(activities, key=lambda a: (a.start, a.id)):
        goal = text_of.get(a.goal_id, NO_GOAL) if a.goal_id is not None else NO_GOAL
        where = f"Årsplan {year}, {goal}: {a.title} ({a.start.isoformat()})"
        if a.status is Status.PLANERAD and a.last_day < today:
            findings.append(
                Finding(
                    "Planerad aktivitet vars datum har passerat",
                    where,
                    "genomförd eller inställd",
                    Status.PLANERAD.label.lower(),
                )
            )
        if a.goal_id is not None and a.start.year != year:
            findings.append(
                Finding(
                    "Aktiviteten ligger under ett mål för ett annat år",
                    where,
                    f"datum under {year}",
                    a.start.isoformat(),
                )
            )
    return findings
