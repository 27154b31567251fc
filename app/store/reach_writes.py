"""Writing registered reach and the year plan's goals (ORM)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.reach import RegisteredReach
from app.core.vocabulary import OrgCategory, Role
from app.core.year_plan import PlanGoal
from app.store.columns import ORG_COLUMNS, ROLE_COLUMNS
from app.store.commits import commit
from app.store.models import ActivityModel
from app.store.record_models import PlanGoalModel, RegisteredReachModel
from app.store.record_versions import check, checked

_GONE = "Det registrerade antalet finns inte längre; det kan ha tagits bort."


def save_reach(engine: Engine, entry: RegisteredReach) -> int:
    """Insert (id None) or update a validated entry in one transaction; returns its id."""
    with Session(engine) as s, checked(s):
        if entry.id is None:
            m = RegisteredReachModel()
            s.add(m)
        else:
            found = s.get(RegisteredReachModel, entry.id)
            if found is None:
                raise DomainError(_GONE)
            check(found.version, entry.version)
            m = found
        m.insats_id, m.year, m.scope = entry.insats_id, entry.year, entry.scope.value
        m.kommun_id, m.reason, m.in_total = entry.kommun_id, entry.reason, entry.in_total
        counts = entry.attendance
        m.participants = counts.total
        for key, col in ORG_COLUMNS.items():
            setattr(m, col, counts.org(OrgCategory(key)))
        for key, col in ROLE_COLUMNS.items():
            setattr(m, col, counts.role(Role(key)))
        m.women, m.men = counts.women, counts.men
        commit(s, "Antalet")
        return m.id


def delete_reach(engine: Engine, entry_id: int) -> None:
    with Session(engine) as s:
        m = s.get(RegisteredReachModel, entry_id)
        if m is None:
            raise DomainError(_GONE)
        s.delete(m)
        commit(s, "Borttagningen")


def save_goals(engine: Engine, insats_id: int, year: int, goals: Sequence[PlanGoal]) -> None:
    """Make the year's goals exactly ``goals`` (validated, in order) in one transaction.

    Activities under a removed goal are kept, under no goal.
    """
    with Session(engine) as s:
        existing = {
            m.id: m
            for m in s.scalars(
                select(PlanGoalModel).where(
                    PlanGoalModel.insats_id == insats_id, PlanGoalModel.year == year
                )
            )
        }
        kept = {g.id for g in goals if g.id is not None}
        if kept - existing.keys():
            raise DomainError(
                "Årsplanen har ändrats någon annanstans. Visa året på nytt och försök igen."
            )
        removed = existing.keys() - kept
        if removed:
            s.execute(
                update(ActivityModel).where(ActivityModel.goal_id.in_(removed)).values(goal_id=None)
            )
            for goal_id in removed:
                s.delete(existing[goal_id])
        for i, g in enumerate(goals):
            m = (
                existing[g.id]
                if g.id is not None
                else PlanGoalModel(insats_id=insats_id, year=year)
            )
            m.text, m.sort_order = g.text, i
            s.add(m)
        commit(s, "Årsplanen")
