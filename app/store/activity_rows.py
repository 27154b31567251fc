"""Reading activities from plain SQL rows by column name: the columns, the bounds of a
year as stored, and an Activity (with its steps) from its row. Below both
app.store.activities and app.store.activity_import, which read activities the same way."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from app.core import limits
from app.core.clock_times import time_from_stored
from app.core.entities import Activity, Step
from app.core.vocabulary import Format, Scope, Status
from app.store.attendance_values import COUNTS_SQL, attendance_from_values
from app.store.columns import COUNT_COLUMNS

FORMATS = {f.value: f for f in Format}
STATUSES = {s.value: s for s in Status}
SCOPES = {s.value: s for s in Scope}


# The dates an activity may have (app/core/limits.py), as stored: an old file may hold
# one in year 9999, which no year list or summary should reach.
IN_RANGE = "start_date >= ? AND start_date < ?"


def range_bounds() -> tuple[str, str]:
    return year_bounds(limits.FIRST_YEAR)[0], year_bounds(limits.LAST_YEAR)[1]


# The first and the last day of a span of dates, both included.
Span = tuple[date, date]


def span_bounds(first: date, last: date) -> tuple[str, str]:
    """[``first``, the day after ``last``), as stored (ISO dates): the bounds every dated
    read compares start_date with (``start_date >= ? AND start_date < ?``)."""
    if last < first:
        raise ValueError(f"last day {last} before first day {first}")
    return first.isoformat(), (last + timedelta(days=1)).isoformat()


def year_bounds(year: int) -> tuple[str, str]:
    """[1 January of ``year``, 1 January of the next year), as stored (ISO dates)."""
    return span_bounds(date(year, 1, 1), date(year, 12, 31))


def dated_bounds(year: int, span: Span | None = None) -> tuple[str, str]:
    """The bounds of ``span`` (a part of ``year``), or of the whole year when None."""
    return year_bounds(year) if span is None else span_bounds(*span)


def years_bounds(first: int | date, last: int | date) -> tuple[str, str]:
    """The bounds of whole years (``first``, ``last`` years) or of two dates."""
    start = date(first, 1, 1) if isinstance(first, int) else first
    end = date(last, 12, 31) if isinstance(last, int) else last
    return span_bounds(start, end)


# An activity's own columns, read by name (activity_from_row) with sqlite3.Row.
ACTIVITY_SQL = (
    "SELECT a.id, a.insats_id, a.type_id, a.title, a.start_date, a.end_date, a.start_time, "
    "a.end_time, a.scope, a.kommun_id, a.place, a.format, a.status, a.notes, a.group_id, "
    "a.goal_id, a.highlight, a.date_approximate, a.counts_approximate, a.series_id, "
    f"a.link, a.description, a.registration, a.version, {COUNTS_SQL} FROM activity a"
)
STEPS_SQL = (
    "SELECT s.activity_id, s.step_date, s.start_time, s.end_time FROM activity_step s "
    "JOIN activity a ON a.id = s.activity_id"
)


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
        scope=SCOPES[row["scope"]],
        kommun_id=row["kommun_id"],
        place=row["place"],
        format=FORMATS[row["format"]],
        status=STATUSES[row["status"]],
        coorganiser_ids=coorganiser_ids,
        notes=row["notes"],
        group_id=row["group_id"],
        goal_id=row["goal_id"],
        participant_ids=participant_ids,
        highlight=row["highlight"] or "",
        date_approximate=bool(row["date_approximate"]),
        counts_approximate=bool(row["counts_approximate"]),
        series_id=row["series_id"],
        link=row["link"],
        description=row["description"],
        registration=row["registration"],
        attendance=attendance_from_values([row[c] for c in COUNT_COLUMNS]),
        version=row["version"],
    )


def place_label(scope: str, kommun_name: str | None) -> str:
    """What the tables show as an activity's kommun."""
    if scope == Scope.KOMMUN.value and kommun_name:
        return kommun_name
    return SCOPES[scope].label


# Every step of an activity as one text, "2018-03-03|09:00|12:00;2018-03-17||" (the
# times empty when unknown), read by steps_from_list; NULL for an activity without steps.
STEP_LIST_SQL = (
    "(SELECT group_concat(s.step_date || '|' || coalesce(s.start_time, '') || '|' "
    "|| coalesce(s.end_time, ''), ';') FROM activity_step s WHERE s.activity_id = a.id)"
)


def series_places(con: sqlite3.Connection, series_ids: set[int]) -> dict[int, tuple[int, int]]:
    """Each occurrence of the series, by id: its place in its series over every year (3,
    12: by date, then id)."""
    if not series_ids:
        return {}
    marks = ",".join("?" * len(series_ids))
    rows = con.execute(
        "SELECT id, row_number() OVER (PARTITION BY series_id ORDER BY start_date, id), "
        f"count(*) OVER (PARTITION BY series_id) FROM activity WHERE series_id IN ({marks})",
        tuple(series_ids),
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def steps_from_list(text: str | None) -> tuple[Step, ...]:
    """The steps of a STEP_LIST_SQL value, by date."""
    if not text:
        return ()
    steps = []
    for item in text.split(";"):
        day, start, end = item.split("|")
        steps.append(Step(date.fromisoformat(day), time_from_stored(start), time_from_stored(end)))
    return tuple(sorted(steps, key=lambda s: s.day))
