"""Activities with their counts, steps and co-organisers.

Reads are plain SQL on sqlite3 (the first screen needs them fast); writes go
through the ORM in activity_writes, imported when first needed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from app.core import limits
from app.core.attendance import Attendance
from app.core.clock_times import time_from_stored
from app.core.entities import Activity, ActivityRow, Step
from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.validation import validate_activity
from app.core.vocabulary import Format, OrgCategory, Role, Scope, Status
from app.store.columns import COUNT_COLUMNS, ORG_COLUMNS, ROLE_COLUMNS
from app.store.database_file import DatabaseFile

COUNTS_SQL = ", ".join(f"a.{c}" for c in COUNT_COLUMNS)
_N_ORG = len(ORG_COLUMNS)
_N_ROLE = len(ROLE_COLUMNS)
_ORGS = [OrgCategory(k) for k in ORG_COLUMNS]
_ROLES = [Role(k) for k in ROLE_COLUMNS]
_FORMATS = {f.value: f for f in Format}
_STATUSES = {s.value: s for s in Status}
_SCOPES = {s.value: s for s in Scope}


# The dates an activity may have (app/core/limits.py), as stored: an old file may hold
# one in year 9999, which no year list or summary should reach.
_IN_RANGE = "start_date >= ? AND start_date < ?"


def _range_bounds() -> tuple[str, str]:
    return year_bounds(limits.FIRST_YEAR)[0], year_bounds(limits.LAST_YEAR)[1]


def year_bounds(year: int) -> tuple[str, str]:
    """[1 January of ``year``, 1 January of the next year), as stored (ISO dates)."""
    return date(year, 1, 1).isoformat(), date(year + 1, 1, 1).isoformat()


def attendance_from_values(values: Sequence[int]) -> Attendance:
    """Attendance from the values of COUNT_COLUMNS, as stored (already checked)."""
    orgs = dict(zip(_ORGS, values[1 : 1 + _N_ORG], strict=True))
    roles = dict(zip(_ROLES, values[1 + _N_ORG : 1 + _N_ORG + _N_ROLE], strict=True))
    return Attendance(
        values[0], orgs, roles, values[1 + _N_ORG + _N_ROLE], values[2 + _N_ORG + _N_ROLE]
    )


# An activity's own columns, read by name (activity_from_row) with sqlite3.Row.
ACTIVITY_SQL = (
    "SELECT a.id, a.insats_id, a.type_id, a.title, a.start_date, a.end_date, a.start_time, "
    "a.end_time, a.scope, a.kommun_id, a.place, a.format, a.status, a.notes, a.group_id, "
    f"a.goal_id, a.highlight, {COUNTS_SQL} FROM activity a"
)
STEPS_SQL = (
    "SELECT s.activity_id, s.step_date, s.start_time, s.end_time FROM activity_step s "
    "JOIN activity a ON a.id = s.activity_id"
)


# Every step of an activity as one text, "2018-03-03|09:00|12:00;2018-03-17||" (the
# times empty when unknown), read by steps_from_list; NULL for an activity without steps.
STEP_LIST_SQL = (
    "(SELECT group_concat(s.step_date || '|' || coalesce(s.start_time, '') || '|' "
    "|| coalesce(s.end_time, ''), ';') FROM activity_step s WHERE s.activity_id = a.id)"
)


def steps_from_list(text: str | None) -> tuple[Step, ...]:
    """The steps of a STEP_LIST_SQL value, by date."""
    if not text:
        return ()
    steps = []
    for item in text.split(";"):
        day, start, end = item.split("|")
        steps.append(Step(date.fromisoformat(day), time_from_stored(start), time_from_stored(end)))
    return tuple(sorted(steps, key=lambda s: s.day))


def named(con: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    """The rows of a query, each read by column name."""
    cursor = con.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def step_from_row(row: sqlite3.Row) -> Step:
    return Step(
        date.fromisoformat(row["step_date"]),
        time_from_stored(row["start_time"]),
        time_from_stored(row["end_time"]),
    )


def activity_from_row(
    row: sqlite3.Row,
    steps: Sequence[Step] = (),
    coorganiser_ids: tuple[int, ...] = (),
    participant_ids: tuple[int, ...] = (),
) -> Activity:
    """An activity from a row of ACTIVITY_SQL and its steps, co-organisers and people."""
    return Activity(
        id=row["id"],
        insats_id=row["insats_id"],
        type_id=row["type_id"],
        title=row["title"],
        start=date.fromisoformat(row["start_date"]),
        end=date.fromisoformat(row["end_date"]) if row["end_date"] else None,
        steps=tuple(s.day for s in steps),
        start_time=time_from_stored(row["start_time"]),
        end_time=time_from_stored(row["end_time"]),
        step_times=tuple(s for s in steps if (s.start_time, s.end_time) != (None, None)),
        scope=_SCOPES[row["scope"]],
        kommun_id=row["kommun_id"],
        place=row["place"],
        format=_FORMATS[row["format"]],
        status=_STATUSES[row["status"]],
        coorganiser_ids=coorganiser_ids,
        notes=row["notes"],
        group_id=row["group_id"],
        goal_id=row["goal_id"],
        participant_ids=participant_ids,
        highlight=row["highlight"] or "",
        attendance=attendance_from_values([row[c] for c in COUNT_COLUMNS]),
    )


def place_label(scope: str, kommun_name: str | None) -> str:
    """What the tables show as an activity's kommun."""
    if scope == Scope.KOMMUN.value and kommun_name:
        return kommun_name
    return _SCOPES[scope].label


def _writes() -> ModuleType:
    from app.store import activity_writes

    return activity_writes


class ActivityRepository:
    def __init__(self, db: DatabaseFile) -> None:
        self._db = db

    # --- reads --------------------------------------------------------------------------
    def get(self, activity_id: int) -> Activity:
        return self.get_many([activity_id])[0]

    def get_many(self, activity_ids: Sequence[int]) -> list[Activity]:
        """The activities, in the order asked; DomainError if one no longer exists."""
        found: dict[int, Activity] = {}
        with self._db.read() as con:
            for activity_id in activity_ids:
                found_rows = named(con, f"{ACTIVITY_SQL} WHERE a.id = ?", (activity_id,))
                if not found_rows:
                    raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
                steps = [
                    step_from_row(r)
                    for r in named(
                        con,
                        f"{STEPS_SQL} WHERE s.activity_id = ? ORDER BY s.step_date",
                        (activity_id,),
                    )
                ]
                coorganisers = tuple(
                    r[0]
                    for r in con.execute(
                        "SELECT organisation_id FROM activity_coorganiser WHERE activity_id = ? "
                        "ORDER BY organisation_id",
                        (activity_id,),
                    )
                )
                participants = tuple(
                    r[0]
                    for r in con.execute(
                        "SELECT person_id FROM activity_participant WHERE activity_id = ? "
                        "ORDER BY person_id",
                        (activity_id,),
                    )
                )
                found[activity_id] = activity_from_row(
                    found_rows[0], steps, coorganisers, participants
                )
        return [found[i] for i in activity_ids]

    def rows(self, insats_id: int, year: int | None) -> list[ActivityRow]:
        """The activity table's rows for a year (all years when ``year`` is None)."""
        sql = (
            "SELECT a.id, a.start_date, a.end_date, t.name, a.title, a.scope, k.name, a.place, "
            f"a.format, a.status, a.participants, a.start_time, a.end_time, {STEP_LIST_SQL} "
            "FROM activity a "
            "JOIN activity_type t ON t.id = a.type_id "
            "LEFT JOIN kommun k ON k.id = a.kommun_id WHERE a.insats_id = ?"
        )
        params: tuple[Any, ...] = (insats_id,)
        if year is not None:
            sql += " AND a.start_date >= ? AND a.start_date < ?"
            params += year_bounds(year)
        sql += " ORDER BY a.start_date, a.id"
        parse = date.fromisoformat
        with self._db.read() as con:
            return [
                ActivityRow(
                    id=r[0],
                    start=parse(r[1]),
                    end=parse(r[2]) if r[2] else None,
                    type_name=r[3],
                    title=r[4],
                    place_label=place_label(r[5], r[6]),
                    place=r[7],
                    format=_FORMATS[r[8]],
                    status=_STATUSES[r[9]],
                    participants=r[10],
                    start_time=time_from_stored(r[11]),
                    end_time=time_from_stored(r[12]),
                    steps=steps_from_list(r[13]),
                )
                for r in con.execute(sql, params)
            ]

    def year_span(self, insats_id: int) -> tuple[int, int] | None:
        """The first and last year with an activity (within the years Insatslogg takes,
        FIRST_YEAR–LAST_YEAR), or None when there is none."""
        with self._db.read() as con:
            first, last = con.execute(
                "SELECT min(start_date), max(start_date) FROM activity "
                f"WHERE insats_id = ? AND {_IN_RANGE}",
                (insats_id, *_range_bounds()),
            ).fetchone()
        return None if first is None else (int(first[:4]), int(last[:4]))

    def years(self, insats_id: int) -> list[int]:
        """The years that have at least one activity (within FIRST_YEAR–LAST_YEAR: a date
        an old file holds in year 9999 adds no year)."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT DISTINCT substr(start_date, 1, 4) FROM activity "
                f"WHERE insats_id = ? AND {_IN_RANGE} ORDER BY 1",
                (insats_id, *_range_bounds()),
            ).fetchall()
        return [int(r[0]) for r in rows]

    # --- writes -------------------------------------------------------------------------
    def add(self, activity: Activity) -> Activity:
        """Store a new activity (or put a deleted one back, when it has its old id)."""
        activity = validate_activity(activity)
        (new_id,) = _writes().insert(self._db.engine, [activity])
        return self.get(new_id)

    def update(self, activity: Activity) -> Activity:
        if activity.id is None:
            raise ValueError("update needs an activity with an id")
        activity_id = activity.id
        activity = validate_activity(activity)
        _writes().update(self._db.engine, activity)
        return self.get(activity_id)

    def delete(self, activity_id: int) -> Activity:
        """Remove an activity; returns it as it was, so it can be put back."""
        return self.delete_many([activity_id])[0]

    def delete_many(self, activity_ids: Sequence[int]) -> list[Activity]:
        """Remove activities in one transaction; returns them as they were."""
        before = self.get_many(activity_ids)
        _writes().delete_many(self._db.engine, activity_ids)
        return before

    def import_many(
        self,
        activities: Sequence[Activity],
        progress: Progress | None = None,
        updates: Sequence[Activity] = (),
    ) -> list[int]:
        """Add many new activities, and write ``updates`` over stored ones, in one
        transaction (all or nothing); the new ids, in order."""
        from app.store.activity_import import import_activities

        return import_activities(self._db, activities, progress, updates)

    def restore_many(self, activities: Sequence[Activity]) -> list[Activity]:
        """Put deleted activities back with their old ids, in one transaction."""
        checked = [validate_activity(a) for a in activities]
        return self.get_many(_writes().insert(self._db.engine, checked))
