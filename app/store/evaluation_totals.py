"""Every answer (1–5) of the evaluations of the activities held within a span, in one
Distribution: the mean a goal's "utvärderingens medelvärde" measures and that the
evaluation tables show for a period. Plain SQL on sqlite3."""

from __future__ import annotations

from app.core.evaluation_scale import Distribution
from app.store.activity_rows import Span, span_bounds
from app.store.database_protocol import Database

_SQL = (
    "SELECT coalesce(sum(q.n1), 0), coalesce(sum(q.n2), 0), coalesce(sum(q.n3), 0), "
    "coalesce(sum(q.n4), 0), coalesce(sum(q.n5), 0) "
    "FROM evaluation_question q "
    "JOIN evaluation e ON e.id = q.evaluation_id "
    "JOIN activity a ON a.id = e.activity_id "
    "WHERE a.insats_id = ? AND a.status = 'genomford' "
    "AND a.start_date >= ? AND a.start_date < ?"
)


def span_distribution(
    db: Database, insats_id: int, span: Span, type_id: int | None = None
) -> Distribution:
    """Every answer to every question of the evaluations of the activities held in
    ``span`` (of ``type_id`` only, when given)."""
    sql, params = _SQL, [insats_id, *span_bounds(*span)]
    if type_id is not None:
        sql += " AND a.type_id = ?"
        params.append(type_id)
    with db.read() as con:
        row = con.execute(sql, params).fetchone()
    return Distribution(*(int(n) for n in row))
