"""Feeds the core year summary with the year's and the previous year's activities."""

from __future__ import annotations

from app.core.summary import ActivityFact, YearSummary, build_year_summary
from app.core.vocabulary import Status
from app.store.activities import attendance_from_values, place_label, year_bounds
from app.store.columns import COUNT_COLUMNS
from app.store.database_file import DatabaseFile
from app.store.reference import ReferenceRepository

_STATUSES = {s.value: s for s in Status}
SUMS_SQL = ", ".join(f"sum(a.{c})" for c in COUNT_COLUMNS)


class SummaryRepository:
    def __init__(self, db: DatabaseFile, reference: ReferenceRepository) -> None:
        self._db = db
        self._reference = reference

    def facts(self, insats_id: int, year: int) -> list[ActivityFact]:
        """The year's activities, grouped by type, place and status with their counts summed."""
        first, after = year_bounds(year)
        with self._db.read() as con:
            rows = con.execute(
                f"SELECT t.name, a.scope, k.name, a.status, count(*), {SUMS_SQL} "
                "FROM activity a "
                "JOIN activity_type t ON t.id = a.type_id "
                "LEFT JOIN kommun k ON k.id = a.kommun_id "
                "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ? "
                "GROUP BY t.name, a.scope, k.name, a.status",
                (insats_id, first, after),
            ).fetchall()
        return [
            ActivityFact(
                type_name=r[0],
                place_label=place_label(r[1], r[2]),
                status=_STATUSES[r[3]],
                attendance=attendance_from_values(r[5:]),
                activities=r[4],
            )
            for r in rows
        ]

    def year_summary(self, insats_id: int, year: int) -> YearSummary:
        """The year's figures for an insats, compared with the year before."""
        insats = self._reference.insats(insats_id)
        assert insats.forbund_id is not None
        return build_year_summary(
            year,
            insats.name,
            self.facts(insats_id, year),
            self.facts(insats_id, year - 1),
            kommun_names=[k.name for k in self._reference.kommuner(insats.forbund_id)],
            type_names=[t.name for t in self._reference.activity_types(include_inactive=True)],
        )
