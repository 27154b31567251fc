"""Adding many activities at once (an import), all or nothing, and what is already there.

An import may also update stored activities it matches (*ändrade*): in the same
transaction as the inserts, so that either all of it is stored or nothing.

The insert is SQLAlchemy Core ``executemany`` in one transaction, in batches so that
progress can be shown and Cancel honoured between them; the ORM would take minutes and
gigabytes for the sizes a spreadsheet import reaches. Ids are given explicitly (taken
ahead by app.store.row_ids, so that nobody else can take them meanwhile), which lets the
steps and co-organisers refer to their activity without reading anything back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from app.core.clock_times import stored_time
from app.core.entities import Activity, Step
from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.validation import validate_activity
from app.core.vocabulary import OrgCategory, Role
from app.store.activity_rows import ACTIVITY_SQL, STEPS_SQL, activity_from_row, named, step_from_row
from app.store.columns import ORG_COLUMNS, ROLE_COLUMNS
from app.store.database_protocol import Database
from app.store.row_ids import take_ids

BATCH = 1000

# (start date, folded title, scope, kommun id), as app.importers.report.duplicate_key makes it.
Key = tuple[date, str, str, int | None]


def existing_keys(db: Database, insats_id: int) -> set[Key]:
    """The duplicate keys of the insats's activities (titles folded in Python: SQLite's
    lower() leaves Å, Ä and Ö as they are)."""
    with db.read() as con:
        rows = con.execute(
            "SELECT start_date, title, scope, kommun_id FROM activity WHERE insats_id = ?",
            (insats_id,),
        ).fetchall()
    return {(date.fromisoformat(r[0]), " ".join(r[1].split()).casefold(), r[2], r[3]) for r in rows}


def _key(start: str, title: str, scope: str, kommun_id: int | None) -> Key:
    return (date.fromisoformat(start), " ".join(title.split()).casefold(), scope, kommun_id)


def existing_activities(db: Database, insats_id: int) -> dict[Key, Activity]:
    """The insats's activities by duplicate key (the oldest of several with one key), with
    their counts, steps and co-organisers: what an import compares its rows with. Three
    queries, however many activities there are."""
    steps: dict[int, list[Step]] = {}
    coorganisers: dict[int, list[int]] = {}
    found: dict[Key, Activity] = {}
    with db.read() as con:
        for step in named(
            con, f"{STEPS_SQL} WHERE a.insats_id = ? ORDER BY s.step_date", (insats_id,)
        ):
            steps.setdefault(step["activity_id"], []).append(step_from_row(step))
        for activity_id, organisation_id in con.execute(
            "SELECT c.activity_id, c.organisation_id FROM activity_coorganiser c "
            "JOIN activity a ON a.id = c.activity_id WHERE a.insats_id = ? "
            "ORDER BY c.organisation_id",
            (insats_id,),
        ):
            coorganisers.setdefault(activity_id, []).append(organisation_id)
        rows = named(con, f"{ACTIVITY_SQL} WHERE a.insats_id = ? ORDER BY a.id", (insats_id,))
    for r in rows:
        k = _key(r["start_date"], r["title"], r["scope"], r["kommun_id"])
        if k in found:
            continue
        found[k] = activity_from_row(
            r, steps.get(r["id"], ()), tuple(coorganisers.get(r["id"], ()))
        )
    return found


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
        "start_time": stored_time(a.start_time),
        "end_time": stored_time(a.end_time),
        "date_approximate": a.date_approximate,
        "counts_approximate": a.counts_approximate,
    }
    for k, col in ORG_COLUMNS.items():
        row[col] = counts.org(OrgCategory(k))
    for k, col in ROLE_COLUMNS.items():
        row[col] = counts.role(Role(k))
    return row


def step_row(activity_id: int, step: Step) -> dict[str, Any]:
    """The activity_step row of one step."""
    return {
        "activity_id": activity_id,
        "step_date": step.day,
        "start_time": stored_time(step.start_time),
        "end_time": stored_time(step.end_time),
    }


def _insert_batch(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany (a seam for the all-or-nothing test)."""
    if rows:
        conn.execute(table.insert(), rows)


def _update(conn: Any, activities: Sequence[Activity]) -> None:
    """Write stored activities as the import leaves them: their fields, counts and
    co-organisers (their steps and named participants are left as they are)."""
    from sqlalchemy import Table, delete

    from app.store.models import ActivityCoorganiserModel, ActivityModel

    table = cast(Table, ActivityModel.__table__)
    links = cast(Table, ActivityCoorganiserModel.__table__)
    for a in activities:
        assert a.id is not None
        values: dict[str, Any] = _row(a.id, a)
        del values["id"]
        values["version"] = table.c.version + 1  # a saved change: a new version
        done = conn.execute(table.update().where(table.c.id == a.id).values(values))
        if done.rowcount != 1:
            raise DomainError(
                f"Aktiviteten ”{a.title}” ({a.start.isoformat()}) finns inte längre; den kan "
                "ha tagits bort. Ingenting har importerats: läs in filen igen."
            )
        conn.execute(delete(links).where(links.c.activity_id == a.id))
        _insert_batch(
            conn, links, [{"activity_id": a.id, "organisation_id": o} for o in a.coorganiser_ids]
        )


def _make_series(conn: Any, activities: Sequence[Activity]) -> dict[int, int]:
    """The series rows of an import's series (negative series_id, with series_rule),
    made in its transaction; the import's key → the new series id. The rule is fitted to
    the occurrences taken (a series cut by the period runs from its first to its last)."""
    from sqlalchemy import Table

    from app.core.series import fit_rule
    from app.store.plan_models import SeriesModel, rule_columns

    table = cast(Table, SeriesModel.__table__)
    days: dict[int, list[date]] = {}
    rules: dict[int, Any] = {}
    for a in activities:
        if a.series_id is not None and a.series_id < 0 and a.series_rule is not None:
            days.setdefault(a.series_id, []).append(a.start)
            rules.setdefault(a.series_id, a.series_rule)
    made: dict[int, int] = {}
    for key, rule in rules.items():
        rule = fit_rule(rule, sorted(days[key]))
        done = conn.execute(
            table.insert().values(
                insats_id=next(a.insats_id for a in activities if a.series_id == key),
                **rule_columns(rule),
            )
        )
        made[key] = int(done.inserted_primary_key[0])
    return made


def import_activities(
    db: Database,
    activities: Sequence[Activity],
    progress: Progress | None = None,
    updates: Sequence[Activity] = (),
) -> list[int]:
    """Store every activity in one transaction and return their new ids, in order;
    ``updates`` (stored activities, with their ids) are written in the same transaction.

    Nothing is stored when any of them is refused, when the disk fails, or when the user
    cancels (``progress`` raises Cancelled between batches).
    """
    from sqlalchemy.exc import IntegrityError

    from app.store.models import ActivityCoorganiserModel, ActivityModel, ActivityStepModel
    from app.store.record_models import ActivityParticipantModel

    progress = progress or Progress()
    checked = [validate_activity(a) for a in activities]
    changed = [validate_activity(a) for a in updates]
    if any(a.id is None for a in changed):
        raise ValueError("an update needs an activity with an id")
    if not checked and not changed:
        return []
    activity_table = ActivityModel.__table__
    total = len(checked)
    try:
        with db.engine.begin() as conn:
            ids = list(take_ids(conn, "activity", total))
            series = _make_series(conn, checked)
            progress.step(0, total)
            for at in range(0, total, BATCH):
                batch = [
                    {**_row(i, a), "series_id": series.get(a.series_id or 0, a.series_id)}
                    for i, a in zip(ids[at : at + BATCH], checked[at : at + BATCH], strict=True)
                ]
                _insert_batch(conn, activity_table, batch)
                progress.step(min(at + BATCH, total), total)
            steps = [
                step_row(i, s)
                for i, a in zip(ids, checked, strict=True)
                if len(a.steps) > 1
                for s in a.timed_steps
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
            _update(conn, changed)
            progress.check()
    except IntegrityError as exc:
        raise DomainError(
            "Importen kunde inte sparas, och ingenting har lagts till: en aktivitet hänvisar "
            f"till en typ, kommun eller organisation som inte finns ({exc.orig})."
        ) from exc
    return ids
