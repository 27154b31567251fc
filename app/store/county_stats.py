"""The county's ASF statistics, one per förbund and year, totals and parts as reported.

Reads are plain SQL on sqlite3; writes go through the ORM in followup_writes,
imported when first needed.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from app.core.county_stats import CountyStats, validate_county_stats
from app.core.errors import DomainError
from app.core.vocabulary import PlacedSource
from app.store.database_protocol import Database
from app.store.record_versions import save_checked

PLACED_COLUMNS: dict[PlacedSource, str] = {s: f"placed_{s.value}" for s in PlacedSource}

_SQL = (
    "SELECT id, forbund_id, year, snapshot_date, source, companies_total, employees_total, "
    "employees_women, employees_men, placed_total, notes, version, "
    + ", ".join(PLACED_COLUMNS.values())
    + " FROM county_stats"
)

NOT_FOUND = "Länsstatistiken finns inte längre; den kan ha tagits bort."


def _writes() -> ModuleType:
    from app.store import followup_writes

    return followup_writes


def _stats(con: sqlite3.Connection, r: Sequence[Any]) -> CountyStats:
    regions = {
        name: n
        for name, n in con.execute(
            "SELECT delregion, companies FROM county_stats_region WHERE stats_id = ? "
            "ORDER BY position, delregion",
            (r[0],),
        )
    }
    placed = {src: n for src, n in zip(PLACED_COLUMNS, r[12:], strict=True) if n is not None}
    return CountyStats(
        id=r[0],
        forbund_id=r[1],
        year=r[2],
        snapshot_date=date.fromisoformat(r[3]) if r[3] else None,
        source=r[4],
        companies_total=r[5],
        companies_by_region=regions,
        employees_total=r[6],
        employees_women=r[7],
        employees_men=r[8],
        placed_total=r[9],
        placed_by_source=placed,
        notes=r[10],
        version=r[11],
    )


class CountyStatsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self, forbund_id: int, year: int | None = None) -> list[CountyStats]:
        """The förbund's statistics (of ``year``, when given), by year."""
        sql, params = f"{_SQL} WHERE forbund_id = ?", [forbund_id]
        if year is not None:
            sql += " AND year = ?"
            params.append(year)
        with self._db.read() as con:
            rows = con.execute(sql + " ORDER BY year, id", params).fetchall()
            return [_stats(con, r) for r in rows]

    def get(self, stats_id: int) -> CountyStats:
        with self._db.read() as con:
            row = con.execute(f"{_SQL} WHERE id = ?", (stats_id,)).fetchone()
            if row is None:
                raise DomainError(NOT_FOUND)
            return _stats(con, row)

    def for_year(self, forbund_id: int, year: int) -> CountyStats | None:
        found = self.list(forbund_id, year)
        return found[0] if found else None

    def delregioner(self, forbund_id: int) -> builtins.list[str]:
        """The förbund's delregioner: the distinct delregion of its kommuner, in their order."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT delregion FROM kommun WHERE forbund_id = ? AND trim(delregion) != '' "
                "ORDER BY sort_order, name",
                (forbund_id,),
            ).fetchall()
        return list(dict.fromkeys(r[0].strip() for r in rows))

    def save(self, stats: CountyStats) -> CountyStats:
        """Insert (id None) or update a year's statistics in one transaction.

        A förbund has one set of statistics per year: a second one is refused.
        """
        checked = validate_county_stats(stats)
        return save_checked(
            self._db,
            "county_stats",
            f"Länsstatistiken för {checked.year}",
            checked,
            lambda: _writes().save_county_stats(self._db.engine, checked),
            self.get,
        )

    def delete(self, stats_id: int) -> CountyStats:
        """Remove a year's statistics; returns them as they were."""
        before = self.get(stats_id)
        _writes().delete_row(self._db.engine, "county_stats", stats_id)
        return before
