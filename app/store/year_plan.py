"""The year plan: the year's goals, and the activities planned under them.

Reads are plain SQL on sqlite3; writes go through the ORM in reach_writes, imported
when first needed. An activity belongs to the plan of its goal's year, or — under no
goal — to the plan of its own year.
"""

from __future__ import annotations

from datetime import date
from types import ModuleType

from app.core.findings import Finding
from app.core.summary import SummaryTable
from app.core.vocabulary import Status
from app.core.year_plan import (
    GoalFact,
    PlanActivity,
    PlanGoal,
    plan_findings,
    plan_followup_table,
    validate_goals,
)
from app.store.activity_rows import year_bounds
from app.store.database_protocol import Database

_STATUSES = {s.value: s for s in Status}
# The activities of a year's plan: those under one of its goals, and those under no goal
# dated in the year. Two indexed lookups (an OR would scan every activity); the unary
# "+" keeps SQLite from picking the other branch's index for a term.
# Parameters: insats, insats, year, insats, first day, day after.
_IN_PLAN = (
    "a.id IN ("
    "SELECT id FROM activity WHERE +insats_id = ? AND goal_id IN "
    "(SELECT id FROM plan_goal WHERE insats_id = ? AND year = ?) "
    "UNION ALL SELECT id FROM activity "
    "WHERE insats_id = ? AND +goal_id IS NULL AND start_date >= ? AND start_date < ?)"
)


def _writes() -> ModuleType:
    from app.store import reach_writes

    return reach_writes


class PlanRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reads --------------------------------------------------------------------------
    def goals(self, insats_id: int, year: int) -> list[PlanGoal]:
        with self._db.read() as con:
            rows = con.execute(
                "SELECT id, insats_id, year, text, sort_order FROM plan_goal "
                "WHERE insats_id = ? AND year = ? ORDER BY sort_order, id",
                (insats_id, year),
            ).fetchall()
        return [PlanGoal(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def goal_choices(self, insats_id: int, year: int | None = None) -> list[tuple[int, str]]:
        """(id, label) of the goals, for the activity dialog's "Mål i årsplanen".

        For one year the label is the goal's text; for all years (``year`` None) it is
        "2018: text".
        """
        sql = "SELECT id, year, text FROM plan_goal WHERE insats_id = ?"
        params: tuple[int, ...] = (insats_id,)
        if year is not None:
            sql += " AND year = ?"
            params += (year,)
        with self._db.read() as con:
            rows = con.execute(f"{sql} ORDER BY year, sort_order, id", params).fetchall()
        if year is not None:
            return [(r[0], r[2]) for r in rows]
        return [(r[0], f"{r[1]}: {r[2]}") for r in rows]

    def _params(self, insats_id: int, year: int) -> tuple[object, ...]:
        return (insats_id, insats_id, year, insats_id, *year_bounds(year))

    def goal_facts(self, insats_id: int, year: int) -> list[GoalFact]:
        """The plan's activities counted per goal and status, with their participants."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT a.goal_id, a.status, count(*), sum(a.participants) FROM activity a "
                f"WHERE {_IN_PLAN} GROUP BY a.goal_id, a.status",
                self._params(insats_id, year),
            ).fetchall()
        return [GoalFact(r[0], _STATUSES[r[1]], r[2], r[3]) for r in rows]

    def activities(
        self, insats_id: int, year: int, *, for_findings: bool = False
    ) -> list[PlanActivity]:
        """The plan's activities one by one, by date.

        ``for_findings`` keeps only what plan_findings looks at: activities under a goal
        and activities still planned.
        """
        only = " AND (a.goal_id IS NOT NULL OR a.status = 'planerad')" if for_findings else ""
        parse = date.fromisoformat
        with self._db.read() as con:
            rows = con.execute(
                "SELECT a.id, a.goal_id, a.start_date, a.end_date, a.title, t.name, a.status, "
                "a.participants FROM activity a JOIN activity_type t ON t.id = a.type_id "
                f"WHERE {_IN_PLAN}{only} ORDER BY a.start_date, a.id",
                self._params(insats_id, year),
            ).fetchall()
        return [
            PlanActivity(
                id=r[0],
                goal_id=r[1],
                start=parse(r[2]),
                end=parse(r[3]) if r[3] else None,
                title=r[4],
                type_name=r[5],
                status=_STATUSES[r[6]],
                participants=r[7],
            )
            for r in rows
        ]

    def followup(self, insats_id: int, year: int) -> SummaryTable:
        """Planned vs held per goal (core plan_followup_table)."""
        return plan_followup_table(
            self.goals(insats_id, year), self.goal_facts(insats_id, year), year
        )

    def findings(self, insats_id: int, year: int, today: date) -> list[Finding]:
        return plan_findings(
            year, self.goals(insats_id, year), self.activities(insats_id, year), today
        )

    # --- writes -------------------------------------------------------------------------
    def save_goals(self, insats_id: int, year: int, goals: list[PlanGoal]) -> list[PlanGoal]:
        """Make the year's goals exactly ``goals``, in that order, in one transaction.

        A goal left out is deleted; its activities stay, under no goal.
        """
        checked = validate_goals(insats_id, year, goals)
        _writes().save_goals(self._db.engine, insats_id, year, checked)
        return self.goals(insats_id, year)
