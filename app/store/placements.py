"""Funded individual placements, as reported.

Reads are plain SQL on sqlite3; writes go through the ORM in followup_writes,
imported when first needed.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from app.core.errors import DomainError
from app.core.placements import Placement, validate_placement
from app.core.vocabulary import Outcome
from app.store.database_protocol import Database
from app.store.record_versions import save_checked

OUTCOME_COLUMNS: dict[Outcome, str] = {o: f"out_{o.value}" for o in Outcome}

_SQL = (
    "SELECT id, insats_id, year, kommun_id, huvudman, target_group, granted, used, women, "
    "men, unique_individuals, length_months, notes, version, "
    + ", ".join(OUTCOME_COLUMNS.values())
    + " FROM placement"
)

NOT_FOUND = "Placeringen finns inte längre; den kan ha tagits bort."


def _placement(r: Sequence[Any]) -> Placement:
    return Placement(
        id=r[0],
        insats_id=r[1],
        year=r[2],
        kommun_id=r[3],
        huvudman=r[4],
        target_group=r[5],
        granted=r[6],
        used=r[7],
        women=r[8],
        men=r[9],
        unique_individuals=r[10],
        length_months=r[11],
        notes=r[12],
        version=r[13],
        outcomes=dict(zip(OUTCOME_COLUMNS, r[14:], strict=True)),
    )


def _writes() -> ModuleType:
    from app.store import followup_writes

    return followup_writes


class PlacementRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, insats_id: int, year: int | None = None) -> list[Placement]:
        """The insats's placements (of ``year``, when given), by year and then as entered."""
        sql, params = f"{_SQL} WHERE insats_id = ?", [insats_id]
        if year is not None:
            sql += " AND year = ?"
            params.append(year)
        with self._db.read() as con:
            rows = con.execute(sql + " ORDER BY year, id", params).fetchall()
        return [_placement(r) for r in rows]

    def get(self, placement_id: int) -> Placement:
        with self._db.read() as con:
            row = con.execute(f"{_SQL} WHERE id = ?", (placement_id,)).fetchone()
        if row is None:
            raise DomainError(NOT_FOUND)
        return _placement(row)

    def years(self, insats_id: int) -> builtins.list[int]:
        """The years that have at least one placement."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT DISTINCT year FROM placement WHERE insats_id = ? ORDER BY year",
                (insats_id,),
            ).fetchall()
        return [int(r[0]) for r in rows]

    def save(self, placement: Placement) -> Placement:
        """Insert (id None) or update a placement in one transaction; returns it as stored."""
        checked = validate_placement(placement)
        return save_checked(
            self._db,
            "placement",
            "Placeringen",
            checked,
            lambda: _writes().save_placement(self._db.engine, checked),
            self.get,
        )

    def delete(self, placement_id: int) -> Placement:
        """Remove a placement; returns it as it was."""
        before = self.get(placement_id)
        _writes().delete_row(self._db.engine, "placement", placement_id)
        return before
