"""Adding many activities at once (an import), all or nothing, and what is already there.

The insert is SQLAlchemy Core ``executemany`` in one transaction, in batches so that
progress can be shown and Cancel honoured between them; the ORM would take minutes and
gigabytes for the sizes a spreadsheet import reaches. Ids are given explicitly (the
transaction is BEGIN IMMEDIATE, so nobody else can take them meanwhile), which lets the
steps and co-organisers refer to their activity without reading anything back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from app.core.entities import Activity
from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.validation import validate_activity
from app.core.vocabulary import OrgCategory, Role
from app.store.columns import ORG_COLUMNS, ROLE_COLUMNS
from app.store.database_file import DatabaseFile

BATCH = 1000

# (start date, folded title, scope, kommun id), as app.importers.report.duplicate_key makes it.
Key = tuple[date, str, str, int | None]


def existing_keys(db: DatabaseFile, insats_id: int) -> set[Key]:
    """The duplicate keys of the insats's activities (titles folded in Python: SQLite's
    lower() leaves Å, Ä and Ö as they are)."""
    with db.read() as con:
        rows = con.execute(
            "SELECT start_date, title, scope, kommun_id FROM activity WHERE insats_id = ?",
            (insats_id,),
        ).fetchall()
    return {(date.fromisoformat(r[0]), " ".join(r[1].split()).casefold(), r[2], r[3]) for r in rows}


def _row(activity_id: int, a: Activity) -> dict[str, Any]:
    counts = a.attendance
    row: dict[str, Any] = {
        "id": activity_id,
        "insats_id": a.insats_id,
        "type_id": a.type_id,
        "title": a.title,
        "start_date": a.start,
        "end_date": a.end,
        "scope": a.scope.value,
        "kommun_id": a.kommun_id,
        "place": a.place,
        "format": a.format.value,
        "status": a.status.value,
        "notes": a.notes,
        "participants": counts.total,
        "women": counts.women,
        "men": counts.men,
        "group_id": a.group_id,
        "goal_id": a.goal_id,
        "highlight": a.highlight.strip() or None,
    }
    for k, col in ORG_COLUMNS.items():
        row[col] = counts.org(OrgCategory(k))
    for k, col in ROLE_COLUMNS.items():
        row[col] = counts.role(Role(k))
    return row


def _insert_batch(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany (a seam for the all-or-nothing test)."""
    if rows:
        conn.execute(table.insert(), rows)


def import_activities(
    db: DatabaseFile, activities: Sequence[Activity], progress: Progress | None = None
) -> list[int]:
    """Store every activity in one transaction and return their new ids, in order.

    Nothing is stored when any of them is refused, when the disk fails, or when the user
    cancels (``progress`` raises Cancelled between batches).
    """
    from sqlalchemy import func, select
    from sqlalchemy.exc import IntegrityError

    from app.store.models import ActivityCoorganiserModel, ActivityModel, ActivityStepModel
    from app.store.record_models import ActivityParticipantModel

    progress = progress or Progress()
    checked = [validate_activity(a) for a in activities]
    if not checked:
        return []
    activity_table = ActivityModel.__table__
    total = len(checked)
    try:
        with db.engine.begin() as conn:
            sequence = conn.exec_driver_sql(
                "SELECT seq FROM sqlite_sequence WHERE name = 'activity'"
            ).scalar()
            highest = conn.execute(select(func.max(ActivityModel.id))).scalar()
            first_id = max(sequence or 0, highest or 0) + 1
            ids = list(range(first_id, first_id + total))
            progress.step(0, total)
            for at in range(0, total, BATCH):
                batch = [
                    _row(i, a)
                    for i, a in zip(ids[at : at + BATCH], checked[at : at + BATCH], strict=True)
                ]
                _insert_batch(conn, activity_table, batch)
                progress.step(min(at + BATCH, total), total)
            steps = [
                {"activity_id": i, "step_date": d}
                for i, a in zip(ids, checked, strict=True)
                if len(a.steps) > 1
                for d in a.steps
            ]
            coorganisers = [
                {"activity_id": i, "organisation_id": o}
                for i, a in zip(ids, checked, strict=True)
                for o in a.coorganiser_ids
            ]
            participants = [
                {"activity_id": i, "person_id": p}
                for i, a in zip(ids, checked, strict=True)
                for p in a.participant_ids
            ]
            _insert_batch(conn, ActivityStepModel.__table__, steps)
            _insert_batch(conn, ActivityCoorganiserModel.__table__, coorganisers)
            _insert_batch(conn, ActivityParticipantModel.__table__, participants)
            progress.check()
    except IntegrityError as exc:
        raise DomainError(
            "Importen kunde inte sparas, och ingenting har lagts till: en aktivitet hänvisar "
            f"till en typ, kommun eller organisation som inte finns ({exc.orig})."
        ) from exc
    return ids
