"""People reached: figures registered apart from the activities, and unique individuals.

Reads are plain SQL on sqlite3; writes go through the ORM in reach_writes, imported
when first needed. The activities' volume comes from the same facts as the year summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Any

from app.core.errors import DomainError
from app.core.findings import Finding
from app.core.reach import (
    RegisteredReach,
    people_reached_tables,
    reach_findings,
    validate_registered_reach,
)
from app.core.summary import SummaryTable
from app.core.vocabulary import Scope
from app.store.activity_facts import year_facts
from app.store.activity_rows import Span, dated_bounds
from app.store.attendance_values import attendance_from_values
from app.store.columns import COUNT_COLUMNS
from app.store.database_protocol import Database
from app.store.reference import ReferenceRepository

_SCOPES = {s.value: s for s in Scope}
_COUNTS_SQL = ", ".join(COUNT_COLUMNS)
_ENTRY_SQL = (
    f"SELECT id, insats_id, year, scope, kommun_id, reason, in_total, version, {_COUNTS_SQL} "
    "FROM registered_reach"
)


def _entry(r: Sequence[Any]) -> RegisteredReach:
    return RegisteredReach(
        id=r[0],
        insats_id=r[1],
        year=r[2],
        scope=_SCOPES[r[3]],
        kommun_id=r[4],
        reason=r[5],
        in_total=bool(r[6]),
        version=r[7],
        attendance=attendance_from_values(r[8:]),
    )


def _writes() -> ModuleType:
    from app.store import reach_writes

    return reach_writes


class ReachRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._reference = ReferenceRepository(db)

    # --- reads --------------------------------------------------------------------------
    def entries(self, insats_id: int, year: int) -> list[RegisteredReach]:
        """The year's registered figures: those in the total first, then those kept out."""
        with self._db.read() as con:
            rows = con.execute(
                f"{_ENTRY_SQL} WHERE insats_id = ? AND year = ? ORDER BY in_total DESC, id",
                (insats_id, year),
            ).fetchall()
        return [_entry(r) for r in rows]

    def get(self, entry_id: int) -> RegisteredReach:
        with self._db.read() as con:
            row = con.execute(f"{_ENTRY_SQL} WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise DomainError("Det registrerade antalet finns inte längre; det kan ha tagits bort.")
        return _entry(row)

    def unique_participants(
        self, insats_id: int, year: int, span: Span | None = None
    ) -> int | None:
        """Distinct named participants of the year's held activities (those within
        ``span``, a part of the year, when given); None when none is named."""
        first, after = dated_bounds(year, span)
        with self._db.read() as con:
            unique, named = con.execute(
                "SELECT count(DISTINCT p.person_id), count(*) FROM activity_participant p "
                "JOIN activity a ON a.id = p.activity_id "
                "WHERE a.insats_id = ? AND a.status = 'genomford' "
                "AND a.start_date >= ? AND a.start_date < ?",
                (insats_id, first, after),
            ).fetchone()
        return int(unique) if named else None

    def kommun_names(self, insats_id: int) -> dict[int, str]:
        """The insats's kommuner, id → name, in display order."""
        forbund_id = self._reference.insats(insats_id).forbund_id
        assert forbund_id is not None
        return {k.id: k.name for k in self._reference.kommuner(forbund_id) if k.id is not None}

    def tables(self, insats_id: int, year: int) -> list[SummaryTable]:
        """The year's reach tables: total, outside the total, and the four breakdowns."""
        return people_reached_tables(
            year,
            year_facts(self._db, insats_id, year),
            self.entries(insats_id, year),
            self.kommun_names(insats_id),
            self.unique_participants(insats_id, year),
        )

    def findings(self, insats_id: int, year: int) -> list[Finding]:
        return reach_findings(
            year,
            self.entries(insats_id, year),
            self._reference.insats(insats_id),
            self.kommun_names(insats_id),
            year_facts(self._db, insats_id, year),
            self.unique_participants(insats_id, year),
        )

    # --- writes -------------------------------------------------------------------------
    def save(self, entry: RegisteredReach) -> RegisteredReach:
        """Insert (id None) or update a registered figure; returns it as stored."""
        entry = validate_registered_reach(entry)
        from app.store.record_versions import save_checked

        return save_checked(
            self._db,
            "registered_reach",
            f"Antalet ”{entry.reason}”",
            entry,
            lambda: _writes().save_reach(self._db.engine, entry),
            self.get,
        )

    def delete(self, entry_id: int) -> RegisteredReach:
        """Remove a registered figure; returns it as it was."""
        before = self.get(entry_id)
        _writes().delete_reach(self._db.engine, entry_id)
        return before
