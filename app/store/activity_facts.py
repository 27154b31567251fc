"""The year's activities as the summaries count them: grouped by type, place and status,
their counts summed. Read by the summaries and by the reach tables alike, so that
app.store.reach does not need the summary repository (which reads reach itself)."""

from __future__ import annotations

from datetime import date

from app.core.insats_dates import DatedActivity
from app.core.summary import ActivityFact
from app.core.vocabulary import Status
from app.store.activity_rows import Span, dated_bounds, place_label
from app.store.database_protocol import Database
from app.store.named_rows import attendance_of, count_columns, named_rows

_STATUSES = {s.value: s for s in Status}


def year_facts(
    db: Database, insats_id: int, year: int, span: Span | None = None
) -> list[ActivityFact]:
    """The year's activities (those dated within ``span``, a part of the year, when
    given), grouped by type, place and status with their counts summed."""
    first, after = dated_bounds(year, span)
    with db.read() as con:
        rows = named_rows(
            con,
            "SELECT t.name AS type_name, a.scope AS scope, k.name AS kommun, "
            f"a.status AS status, count(*) AS activities, {count_columns('a.', summed=True)} "
            "FROM activity a "
            "JOIN activity_type t ON t.id = a.type_id "
            "LEFT JOIN kommun k ON k.id = a.kommun_id "
            "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ? "
            "GROUP BY t.name, a.scope, k.name, a.status",
            (insats_id, first, after),
        )
        return [
            ActivityFact(
                type_name=r["type_name"],
                place_label=place_label(r["scope"], r["kommun"]),
                status=_STATUSES[r["status"]],
                attendance=attendance_of(r),
                activities=r["activities"],
            )
            for r in rows
        ]


def outside_insats(
    db: Database, insats_id: int, year: int, start: date, end: date
) -> list[DatedActivity]:
    """The year's activities that start before ``start`` or after ``end`` (the insats's
    first and last day), by date."""
    first, after = dated_bounds(year)
    with db.read() as con:
        rows = con.execute(
            "SELECT start_date, title, date_approximate FROM activity "
            "WHERE insats_id = ? AND start_date >= ? AND start_date < ? "
            "AND (start_date < ? OR start_date > ?) ORDER BY start_date, id",
            (insats_id, first, after, start.isoformat(), end.isoformat()),
        ).fetchall()
    return [DatedActivity(date.fromisoformat(r[0]), r[1], bool(r[2])) for r in rows]
