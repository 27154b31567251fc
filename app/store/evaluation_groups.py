"""Every evaluation answer of the activities held within a span, per activity type or
per year, in one grouped query each: the same Distribution as ``evaluation_totals.
span_distribution`` asked type by type (or year by year), for the charts that show all
types or all years at once. Plain SQL on sqlite3."""

from __future__ import annotations

from app.core.evaluation_scale import Distribution
from app.store.activity_rows import Span, span_bounds
from app.store.database_file import DatabaseFile

_SQL = (
    "SELECT {key}, sum(q.n1), sum(q.n2), sum(q.n3), sum(q.n4), sum(q.n5) "
    "FROM evaluation_question q "
    "JOIN evaluation e ON e.id = q.evaluation_id "
    "JOIN activity a ON a.id = e.activity_id "
    "WHERE a.insats_id = ? AND a.status = 'genomford' "
    "AND a.start_date >= ? AND a.start_date < ? GROUP BY 1"
)


def _grouped(db: DatabaseFile, key: str, insats_id: int, span: Span) -> dict[int, Distribution]:
    with db.read() as con:
        rows = con.execute(_SQL.format(key=key), (insats_id, *span_bounds(*span))).fetchall()
    return {int(r[0]): Distribution(*(int(n or 0) for n in r[1:])) for r in rows}


def distributions_by_type(db: DatabaseFile, insats_id: int, span: Span) -> dict[int, Distribution]:
    """Activity type id → every answer of its activities held in ``span`` (types without
    an evaluation are not in it)."""
    return _grouped(db, "a.type_id", insats_id, span)


def distributions_by_year(db: DatabaseFile, insats_id: int, span: Span) -> dict[int, Distribution]:
    """Year → every answer of the activities held that year within ``span``."""
    return _grouped(db, "CAST(substr(a.start_date, 1, 4) AS INTEGER)", insats_id, span)
