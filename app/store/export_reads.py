"""What the Excel export reads besides the year summaries: every activity with all its
fields (streamed, never held in memory as a list), the named participants, and the
held activities per month.

Plain SQL on sqlite3, like every read. The row generators keep their read connection
open while they are consumed: finish (or close) one before the next read in the same
thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Generator
from datetime import date

from app.core.activity_columns import LoggedActivity, NamedParticipant
from app.core.clock_times import time_from_stored
from app.core.vocabulary import Format, Status
from app.store.activity_rows import STEP_LIST_SQL, place_label, steps_from_list, years_bounds
from app.store.database_protocol import Database
from app.store.named_rows import attendance_of, count_columns, named_rows

# Co-organisers joined with ", " in the order of their ids, like the activity dialog.
_COORGANISERS_SQL = (
    "(SELECT group_concat(o.name, ', ') FROM activity_coorganiser c "
    "JOIN organisation o ON o.id = c.organisation_id WHERE c.activity_id = a.id)"
)
_FROM_ACTIVITIES = (
    "FROM activity a "
    "JOIN activity_type t ON t.id = a.type_id "
    "LEFT JOIN kommun k ON k.id = a.kommun_id "
    "LEFT JOIN samverkansgrupp g ON g.id = a.group_id "
    "LEFT JOIN plan_goal pg ON pg.id = a.goal_id "
    "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ?"
)
# Each value by name: the row is read by these names, never by position.
_ACTIVITY_FIELDS = {
    "id": "a.id",
    "start_date": "a.start_date",
    "end_date": "a.end_date",
    "start_time": "a.start_time",
    "end_time": "a.end_time",
    "steps": STEP_LIST_SQL,
    "type_name": "t.name",
    "title": "a.title",
    "scope": "a.scope",
    "kommun": "k.name",
    "place": "a.place",
    "format": "a.format",
    "status": "a.status",
    "coorganisers": _COORGANISERS_SQL,
    "group_name": "g.name",
    "goal": "pg.text",
    "notes": "a.notes",
    "date_approximate": "a.date_approximate",
    "counts_approximate": "a.counts_approximate",
}
_ACTIVITY_SQL = (
    "SELECT "
    + ", ".join(f"{sql} AS {name}" for name, sql in _ACTIVITY_FIELDS.items())
    + f", {count_columns('a.')} {_FROM_ACTIVITIES} ORDER BY a.start_date, a.id"
)
# The longest text of each text column of the närvarologg, by the column's key.
_TEXT_LENGTH_FIELDS = {
    "typ": "t.name",
    "titel": "a.title",
    "kommun": "coalesce(k.name, '')",
    "plats": "a.place",
    "medarrangorer": f"coalesce({_COORGANISERS_SQL}, '')",
    "samverkansgrupp": "coalesce(g.name, '')",
    "mal": "coalesce(pg.text, '')",
    "anteckningar": "a.notes",
}
_TEXT_LENGTHS_SQL = (
    "SELECT "
    + ", ".join(f"max(length({sql})) AS {key}" for key, sql in _TEXT_LENGTH_FIELDS.items())
    + f" {_FROM_ACTIVITIES}"
)
_PARTICIPANT_FROM = (
    "FROM activity_participant ap "
    "JOIN activity a ON a.id = ap.activity_id "
    "JOIN person p ON p.id = ap.person_id "
    "LEFT JOIN organisation o ON o.id = p.organisation_id "
    "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ? AND p.name <> ''"
)
_FORMATS = {f.value: f for f in Format}
_STATUSES = {s.value: s for s in Status}

MonthCounts = dict[tuple[int, int], tuple[int, int]]


def _logged(r: sqlite3.Row) -> LoggedActivity:
    end = r["end_date"]
    return LoggedActivity(
        id=r["id"],
        start=date.fromisoformat(r["start_date"]),
        end=date.fromisoformat(end) if end else None,
        type_name=r["type_name"],
        title=r["title"] or "",
        place_label=place_label(r["scope"], r["kommun"]),
        place=r["place"] or "",
        format=_FORMATS[r["format"]],
        status=_STATUSES[r["status"]],
        participants=r["participants"],
        start_time=time_from_stored(r["start_time"]),
        end_time=time_from_stored(r["end_time"]),
        steps=steps_from_list(r["steps"]),
        coorganisers=r["coorganisers"] or "",
        group=r["group_name"] or "",
        goal=r["goal"] or "",
        notes=r["notes"] or "",
        attendance=attendance_of(r),
        date_approximate=bool(r["date_approximate"]),
        counts_approximate=bool(r["counts_approximate"]),
    )


# The first and the last year (whole years), or the first and the last day.
Bound = int | date


def _bounds(first: Bound, last: Bound) -> tuple[str, str]:
    """[1 January of the first year (or the first day), the day after the last year (or
    the last day)), as stored."""
    return years_bounds(first, last)


class ExportReadRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def activity_count(self, insats_id: int, first: Bound, last: Bound) -> int:
        with self._db.read() as con:
            (n,) = con.execute(
                "SELECT count(*) FROM activity a WHERE a.insats_id = ? "
                "AND a.start_date >= ? AND a.start_date < ?",
                (insats_id, *_bounds(first, last)),
            ).fetchone()
        return int(n)

    def approximate_counts(self, insats_id: int, first_day: date, last_day: date) -> int:
        """The held (genomförda) activities from ``first_day`` to ``last_day`` whose
        counts are approximate ("ca")."""
        with self._db.read() as con:
            (n,) = con.execute(
                "SELECT count(*) FROM activity a WHERE a.insats_id = ? AND a.status = ? "
                "AND a.counts_approximate = 1 AND a.start_date >= ? AND a.start_date <= ?",
                (insats_id, Status.GENOMFORD.value, first_day.isoformat(), last_day.isoformat()),
            ).fetchone()
        return int(n)

    def activity_rows(
        self, insats_id: int, first: Bound, last: Bound
    ) -> Generator[LoggedActivity, None, None]:
        """Every activity of the years, by date (then id), with all it has for the
        närvarologg and its steps for the sheet "Steg" (core.activity_columns). A
        generator over the cursor: 100 000 activities never sit in memory together."""
        with self._db.read() as con:
            for r in named_rows(con, _ACTIVITY_SQL, (insats_id, *_bounds(first, last))):
                yield _logged(r)

    def text_lengths(self, insats_id: int, first: Bound, last: Bound) -> dict[str, int]:
        """The longest value of each text column of the närvarologg, by the column's key,
        so the sheet's column widths can be set before its rows are streamed."""
        with self._db.read() as con:
            (row,) = named_rows(con, _TEXT_LENGTHS_SQL, (insats_id, *_bounds(first, last)))
            lengths = {key: int(row[key] or 0) for key in _TEXT_LENGTH_FIELDS}
        scopes = max(len(label) for label in ("Länsövergripande", "Nationellt"))
        lengths["kommun"] = max(lengths["kommun"], scopes)
        lengths["form"] = max(len(f.label) for f in Format)
        lengths["status"] = max(len(s.label) for s in Status)
        return lengths

    def participant_count(self, insats_id: int, first: Bound, last: Bound) -> int:
        with self._db.read() as con:
            (n,) = con.execute(
                f"SELECT count(*) {_PARTICIPANT_FROM}",
                (insats_id, *_bounds(first, last)),
            ).fetchone()
        return int(n)

    def participant_rows(
        self, insats_id: int, first: Bound, last: Bound
    ) -> Generator[NamedParticipant, None, None]:
        """Named participants of the years' activities (erased names left out), by the
        activity's date: its title, the name, the organisation, the e-mail."""
        sql = (
            "SELECT a.start_date AS day, a.title AS activity, p.name AS name, "
            "o.name AS organisation, p.email AS email "
            f"{_PARTICIPANT_FROM} ORDER BY a.start_date, a.id, p.name, p.id"
        )
        with self._db.read() as con:
            for r in named_rows(con, sql, (insats_id, *_bounds(first, last))):
                yield NamedParticipant(
                    date.fromisoformat(r["day"]),
                    r["activity"],
                    r["name"],
                    r["organisation"],
                    r["email"] or None,
                )

    def month_counts(self, insats_id: int, first: Bound, last: Bound) -> MonthCounts:
        """(year, month) → (held activities, their participants), by start date.

        Counted like the year summary: held (genomförda) activities only.
        """
        with self._db.read() as con:
            rows = named_rows(
                con,
                "SELECT substr(a.start_date, 1, 4) AS year, substr(a.start_date, 6, 2) AS month, "
                "count(*) AS held, sum(a.participants) AS participants FROM activity a "
                "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ? "
                "AND a.status = ? GROUP BY 1, 2",
                (insats_id, *_bounds(first, last), Status.GENOMFORD.value),
            )
            return {
                (int(r["year"]), int(r["month"])): (int(r["held"]), int(r["participants"] or 0))
                for r in rows
            }
