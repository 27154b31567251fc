"""Activities with their counts, steps and co-organisers.

Reads are plain SQL on sqlite3 (the first screen needs them fast); writes go
through the ORM in activity_writes, imported when first needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from app.core.clock_times import time_from_stored
from app.core.entities import Activity, ActivityRow
from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.validation import validate_activity
from app.store.activity_rows import (
    ACTIVITY_SQL,
    FORMATS,
    IN_RANGE,
    STATUSES,
    STEP_LIST_SQL,
    STEPS_SQL,
    activity_from_row,
    named,
    place_label,
    range_bounds,
    series_places,
    step_from_row,
    steps_from_list,
    year_bounds,
)
from app.store.database_protocol import Database


def _writes() -> ModuleType:
    from app.store import activity_writes

    return activity_writes


class ActivityRepository:
    def __init__(self, db: Database) -> None:
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
            "SELECT a.id AS id, a.start_date AS start_date, a.end_date AS end_date, "
            "t.name AS type_name, a.title AS title, a.scope AS scope, k.name AS kommun, "
            "a.place AS place, a.format AS format, a.status AS status, "
            "a.participants AS participants, a.start_time AS start_time, "
            "a.end_time AS end_time, a.date_approximate AS date_approximate, "
            f"a.counts_approximate AS counts_approximate, {STEP_LIST_SQL} AS steps, "
            "a.series_id AS series_id "
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
            found = named(con, sql, params)
            places = series_places(con, {r["series_id"] for r in found} - {None})
            return [
                ActivityRow(
                    id=r["id"],
                    start=parse(r["start_date"]),
                    end=parse(r["end_date"]) if r["end_date"] else None,
                    type_name=r["type_name"],
                    title=r["title"],
                    place_label=place_label(r["scope"], r["kommun"]),
                    place=r["place"],
                    format=FORMATS[r["format"]],
                    status=STATUSES[r["status"]],
                    participants=r["participants"],
                    start_time=time_from_stored(r["start_time"]),
                    end_time=time_from_stored(r["end_time"]),
                    steps=steps_from_list(r["steps"]),
                    date_approximate=bool(r["date_approximate"]),
                    counts_approximate=bool(r["counts_approximate"]),
                    series_id=r["series_id"],
                    series_place=places.get(r["id"]) if r["series_id"] else None,
                )
                for r in found
            ]

    def year_span(self, insats_id: int) -> tuple[int, int] | None:
        """The first and last year with an activity (within the years Insatslogg takes,
        FIRST_YEAR–LAST_YEAR), or None when there is none."""
        with self._db.read() as con:
            first, last = con.execute(
                "SELECT min(start_date), max(start_date) FROM activity "
                f"WHERE insats_id = ? AND {IN_RANGE}",
                (insats_id, *range_bounds()),
            ).fetchone()
        return None if first is None else (int(first[:4]), int(last[:4]))

    def years(self, insats_id: int) -> list[int]:
        """The years that have at least one activity (within FIRST_YEAR–LAST_YEAR: a date
        an old file holds in year 9999 adds no year)."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT DISTINCT substr(start_date, 1, 4) FROM activity "
                f"WHERE insats_id = ? AND {IN_RANGE} ORDER BY 1",
                (insats_id, *range_bounds()),
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
        from app.store.record_versions import VersionConflict, stale_record

        try:
            _writes().update(self._db.engine, activity)
        except VersionConflict as conflict:
            raise stale_record(
                self._db,
                "activity",
                activity_id,
                f"Aktiviteten ”{activity.title}”",
                activity,
                self.get(activity_id),
                conflict,
                activity.version,
            ) from None
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
