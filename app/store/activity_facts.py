"""The year's activities as the summaries count them: grouped by type, place and status,
their counts summed. Read by the summaries and by the reach tables alike, so that
app.store.reach does not need the summary repository (which reads reach itself)."""

from __future__ import annotations

from app.core.summary import ActivityFact
from app.core.vocabulary import Status
from app.store.activities import place_label, year_bounds
from app.store.attendance_values import attendance_from_values
from app.store.columns import COUNT_COLUMNS
from app.store.database_file import DatabaseFile

_STATUSES = {s.value: s for s in Status}
SUMS_SQL = ", ".join(f"sum(a.{c})" for c in COUNT_COLUMNS)


def year_facts(db: DatabaseFile, insats_id: int, year: int) -> list[ActivityFact]:
    """The year's activities, grouped by type, place and status with their counts summed."""
    first, after = year_bounds(year)
    with db.read() as con:
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
