"""The measures with targets under the year plan's goals and under the insats itself.

Reads are plain SQL on sqlite3; a goal's (or the insats's) list is replaced in one ORM
transaction, like the year plan's goals: a measure left out is deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.goal_progress import GoalMeasure, validate_measures
from app.store.database_protocol import Database
from app.store.plan_models import GoalMeasureModel

_COLUMNS = (
    "id, insats_id, goal_id, kind, target, label, type_id, milestone_kind, manual_value, sort_order"
)
_CHANGED = "Måtten har ändrats någon annanstans. Visa året på nytt och försök igen."


def _measure(r: Sequence[Any]) -> GoalMeasure:
    return GoalMeasure(
        id=r[0],
        insats_id=r[1],
        goal_id=r[2],
        kind=r[3],
        target=float(r[4]),
        label=r[5] or "",
        type_id=r[6],
        milestone_kind=r[7],
        manual_value=None if r[8] is None else float(r[8]),
        sort_order=r[9],
    )


class GoalMeasureRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reads --------------------------------------------------------------------------
    def for_goal(self, insats_id: int, goal_id: int | None) -> list[GoalMeasure]:
        """The measures of one goal (``goal_id`` None: the insats's own), in order."""
        where = "goal_id IS NULL" if goal_id is None else "goal_id = ?"
        params: tuple[int, ...] = (insats_id,) if goal_id is None else (insats_id, goal_id)
        with self._db.read() as con:
            rows = con.execute(
                f"SELECT {_COLUMNS} FROM goal_measure WHERE insats_id = ? AND {where} "
                "ORDER BY sort_order, id",
                params,
            ).fetchall()
        return [_measure(r) for r in rows]

    def for_year(self, insats_id: int, year: int) -> dict[int, list[GoalMeasure]]:
        """The measures of each of the year's goals, by goal id (goals without none left out)."""
        with self._db.read() as con:
            rows = con.execute(
                f"SELECT {', '.join('m.' + c.strip() for c in _COLUMNS.split(','))} "
                "FROM goal_measure m JOIN plan_goal g ON g.id = m.goal_id "
                "WHERE m.insats_id = ? AND g.year = ? ORDER BY g.sort_order, m.sort_order, m.id",
                (insats_id, year),
            ).fetchall()
        found: dict[int, list[GoalMeasure]] = {}
        for r in rows:
            found.setdefault(r[2], []).append(_measure(r))
        return found

    def count(self, insats_id: int) -> int:
        with self._db.read() as con:
            row = con.execute(
                "SELECT count(*) FROM goal_measure WHERE insats_id = ?", (insats_id,)
            ).fetchone()
        return int(row[0])

    # --- writes -------------------------------------------------------------------------
    def save(
        self, insats_id: int, goal_id: int | None, measures: Sequence[GoalMeasure]
    ) -> list[GoalMeasure]:
        """Make the goal's (or the insats's) measures exactly ``measures``, in that order,
        in one transaction; ValidationError (nothing written) when one is wrong."""
        checked = validate_measures(insats_id, goal_id, measures)
        with Session(self._db.engine) as s:
            query = select(GoalMeasureModel).where(GoalMeasureModel.insats_id == insats_id)
            query = query.where(
                GoalMeasureModel.goal_id.is_(None)
                if goal_id is None
                else GoalMeasureModel.goal_id == goal_id
            )
            existing = {m.id: m for m in s.scalars(query)}
            kept = {m.id for m in checked if m.id is not None}
            if kept - existing.keys():
                raise DomainError(_CHANGED)
            for removed in existing.keys() - kept:
                s.delete(existing[removed])
            for m in checked:
                row = existing[m.id] if m.id is not None else GoalMeasureModel()
                row.insats_id, row.goal_id, row.sort_order = insats_id, goal_id, m.sort_order
                row.label, row.kind, row.target = m.label, m.kind, m.target
                row.type_id, row.milestone_kind = m.type_id, m.milestone_kind
                row.manual_value = m.manual_value
                s.add(row)
            try:
                s.commit()
            except IntegrityError as exc:
                s.rollback()
                raise DomainError(f"Måtten kunde inte sparas ({exc.orig}).") from exc
        return self.for_goal(insats_id, goal_id)
