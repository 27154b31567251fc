"""Milestones of an insats: policies adopted, reserved contracts, prizes, media.

Reads are plain SQL on sqlite3; writes go through the ORM in followup_writes,
imported when first needed.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from app.core.errors import DomainError
from app.core.milestones import Milestone, validate_milestone
from app.core.vocabulary import MilestoneKind
from app.store.activity_rows import Span, dated_bounds
from app.store.database_protocol import Database
from app.store.record_versions import save_checked

_SQL = (
    "SELECT id, insats_id, milestone_date, kind, text, kommun_id, organisation_id, link, "
    "date_approximate, version FROM milestone"
)

NOT_FOUND = "Milstolpen finns inte längre; den kan ha tagits bort."


def _milestone(r: Sequence[Any]) -> Milestone:
    return Milestone(
        id=r[0],
        insats_id=r[1],
        day=date.fromisoformat(r[2]),
        kind=MilestoneKind(r[3]),
        text=r[4],
        kommun_id=r[5],
        organisation_id=r[6],
        link=r[7],
        date_approximate=bool(r[8]),
        version=r[9],
    )


def _writes() -> ModuleType:
    from app.store import followup_writes

    return followup_writes


class MilestoneRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(
        self, insats_id: int, year: int | None = None, span: Span | None = None
    ) -> builtins.list[Milestone]:
        """The insats's milestones (of ``year``, when given; within ``span``, a part of
        the year, when that is given too), by date."""
        sql = f"{_SQL} WHERE insats_id = ?"
        params: builtins.list[object] = [insats_id]
        if year is not None:
            sql += " AND milestone_date >= ? AND milestone_date < ?"
            params += dated_bounds(year, span)
        with self._db.read() as con:
            rows = con.execute(sql + " ORDER BY milestone_date, id", params).fetchall()
        return [_milestone(r) for r in rows]

    def get(self, milestone_id: int) -> Milestone:
        with self._db.read() as con:
            row = con.execute(f"{_SQL} WHERE id = ?", (milestone_id,)).fetchone()
        if row is None:
            raise DomainError(NOT_FOUND)
        return _milestone(row)

    def save(self, milestone: Milestone) -> Milestone:
        """Insert (id None) or update a milestone in one transaction; returns it as stored."""
        checked = validate_milestone(milestone)
        return save_checked(
            self._db,
            "milestone",
            "Milstolpen",
            checked,
            lambda: _writes().save_milestone(self._db.engine, checked),
            self.get,
        )

    def delete(self, milestone_id: int) -> Milestone:
        """Remove a milestone; returns it as it was."""
        before = self.get(milestone_id)
        _writes().delete_row(self._db.engine, "milestone", milestone_id)
        return before
