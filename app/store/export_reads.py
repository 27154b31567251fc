"""What the Excel export reads besides the year summaries: every activity with all its
fields (streamed, never held in memory as a list), the named participants, and the
held activities per month.

Plain SQL on sqlite3, like every read. The row generators keep their read connection
open while they are consumed: finish (or close) one before the next read in the same
thread.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import date
from typing import Any

from app.core.summary import GENDER_UNKNOWN, UNALLOCATED
from app.core.vocabulary import Format, OrgCategory, Role, Status
from app.store.activities import place_label
from app.store.columns import ORG_COLUMNS, ROLE_COLUMNS
from app.store.database_file import DatabaseFile

# The närvarologg's columns, in the order activity_rows() yields the values.
# The title comes right after the dates: the three stand on every printed page.
TEXT_HEADERS: tuple[str, ...] = (
    "Titel",
    "Typ",
    "Kommun",
    "Plats",
    "Form",
    "Status",
    "Medarrangörer",
    "Samverkansgrupp",
    "Mål i årsplanen",
    "Anteckningar",
)
COUNT_HEADERS: tuple[str, ...] = (
    "Deltagare",
    *(f"Organisation: {c.label}" for c in (OrgCategory(k) for k in ORG_COLUMNS)),
    f"Organisation: {UNALLOCATED}",
    *(f"Roll: {r.label}" for r in (Role(k) for k in ROLE_COLUMNS)),
    f"Roll: {UNALLOCATED}",
    "Kvinnor",
    "Män",
    f"Kön: {GENDER_UNKNOWN}",
)
ACTIVITY_HEADERS: tuple[str, ...] = ("Datum", "Slutdatum", *TEXT_HEADERS, *COUNT_HEADERS)
DATE_COLUMNS = 2  # the first two columns are dates (the end date may be None)
FIRST_COUNT_COLUMN = DATE_COLUMNS + len(TEXT_HEADERS)

PARTICIPANT_HEADERS: tuple[str, ...] = ("Datum", "Aktivitet", "Namn", "Organisation", "E-post")

_ORG_SUM = " + ".join(f"a.{c}" for c in ORG_COLUMNS.values())
_ROLE_SUM = " + ".join(f"a.{c}" for c in ROLE_COLUMNS.values())
_COUNTS_SQL = ", ".join(
    [
        "a.participants",
        *(f"a.{c}" for c in ORG_COLUMNS.values()),
        f"a.participants - ({_ORG_SUM})",
        *(f"a.{c}" for c in ROLE_COLUMNS.values()),
        f"a.participants - ({_ROLE_SUM})",
        "a.women",
        "a.men",
        "a.participants - a.women - a.men",
    ]
)
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
_ACTIVITY_SQL = (
    "SELECT a.start_date, a.end_date, t.name, a.title, a.scope, k.name, a.place, a.format, "
    f"a.status, {_COORGANISERS_SQL}, g.name, pg.text, a.notes, {_COUNTS_SQL} "
    f"{_FROM_ACTIVITIES} ORDER BY a.start_date, a.id"
)
_TEXT_LENGTHS_SQL = (
    "SELECT max(length(t.name)), max(length(a.title)), "
    "max(length(coalesce(k.name, ''))), max(length(a.place)), "
    f"max(length(coalesce({_COORGANISERS_SQL}, ''))), max(length(coalesce(g.name, ''))), "
    "max(length(coalesce(pg.text, ''))), max(length(a.notes)) "
    f"{_FROM_ACTIVITIES}"
)
_PARTICIPANT_FROM = (
    "FROM activity_participant ap "
    "JOIN activity a ON a.id = ap.activity_id "
    "JOIN person p ON p.id = ap.person_id "
    "LEFT JOIN organisation o ON o.id = p.organisation_id "
    "WHERE a.insats_id = ? AND a.start_date >= ? AND a.start_date < ? AND p.name <> ''"
)
_FORMAT_LABELS = {f.value: f.label for f in Format}
_STATUS_LABELS = {s.value: s.label for s in Status}

MonthCounts = dict[tuple[int, int], tuple[int, int]]
Rows = Generator[tuple[Any, ...], None, None]


def _bounds(first_year: int, last_year: int) -> tuple[str, str]:
    """[1 January of ``first_year``, 1 January after ``last_year``), as stored."""
    if last_year < first_year:
        raise ValueError(f"last_year {last_year} before first_year {first_year}")
    return date(first_year, 1, 1).isoformat(), date(last_year + 1, 1, 1).isoformat()


class ExportReadRepository:
    def __init__(self, db: DatabaseFile) -> None:
        self._db = db

    def activity_count(self, insats_id: int, first_year: int, last_year: int) -> int:
        with self._db.read() as con:
            (n,) = con.execute(
                "SELECT count(*) FROM activity a WHERE a.insats_id = ? "
                "AND a.start_date >= ? AND a.start_date < ?",
                (insats_id, *_bounds(first_year, last_year)),
            ).fetchone()
        return int(n)

    def activity_rows(self, insats_id: int, first_year: int, last_year: int) -> Rows:
        """Every activity of the years, by date, as a tuple matching ACTIVITY_HEADERS.

        Dates are ``date`` objects, labels are Swedish, counts are ints (the remainders
        "Ej fördelat"/"Ej angivet" included); empty texts are None. A generator over the
        cursor: 100 000 activities never sit in memory together.
        """
        parse = date.fromisoformat
        formats, statuses = _FORMAT_LABELS, _STATUS_LABELS
        with self._db.read() as con:
            cursor = con.execute(_ACTIVITY_SQL, (insats_id, *_bounds(first_year, last_year)))
            for r in cursor:
                yield (
                    parse(r[0]),
                    parse(r[1]) if r[1] else None,
                    r[3] or None,
                    r[2],
                    place_label(r[4], r[5]),
                    r[6] or None,
                    formats[r[7]],
                    statuses[r[8]],
                    r[9] or None,
                    r[10],
                    r[11] or None,
                    r[12] or None,
                    *r[13:],
                )

    def text_lengths(self, insats_id: int, first_year: int, last_year: int) -> tuple[int, ...]:
        """The longest value of each text column of activity_rows (TEXT_HEADERS order),
        so the sheet's column widths can be set before its rows are streamed."""
        with self._db.read() as con:
            row = con.execute(
                _TEXT_LENGTHS_SQL, (insats_id, *_bounds(first_year, last_year))
            ).fetchone()
        place = max(len(label) for label in ("Länsövergripande", "Nationellt"))
        type_, title, kommun, venue, coorg, group, goal, notes = (v or 0 for v in row)
        fmt = max(len(v) for v in _FORMAT_LABELS.values())
        status = max(len(v) for v in _STATUS_LABELS.values())
        return (
            title,
            type_,
            max(kommun, place),
            venue,
            fmt,
            status,
            coorg,
            group,
            goal,
            notes,
        )

    def participant_count(self, insats_id: int, first_year: int, last_year: int) -> int:
        with self._db.read() as con:
            (n,) = con.execute(
                f"SELECT count(*) {_PARTICIPANT_FROM}",
                (insats_id, *_bounds(first_year, last_year)),
            ).fetchone()
        return int(n)

    def participant_rows(self, insats_id: int, first_year: int, last_year: int) -> Rows:
        """Named participants of the years' activities (erased names left out), matching
        PARTICIPANT_HEADERS: activity date and title, name, organisation, e-mail."""
        parse = date.fromisoformat
        with self._db.read() as con:
            cursor = con.execute(
                "SELECT a.start_date, a.title, p.name, o.name, p.email "
                f"{_PARTICIPANT_FROM} ORDER BY a.start_date, a.id, p.name, p.id",
                (insats_id, *_bounds(first_year, last_year)),
            )
            for r in cursor:
                yield (parse(r[0]), r[1], r[2], r[3], r[4] or None)

    def month_counts(self, insats_id: int, first_year: int, last_year: int) -> MonthCounts:
        """(year, month) → (held activities, their participants), by start date.

        Counted like the year summary: held (genomförda) activities only.
        """
        with self._db.read() as con:
            rows = con.execute(
                "SELECT substr(a.start_date, 1, 4), substr(a.start_date, 6, 2), count(*), "
                "sum(a.participants) FROM activity a WHERE a.insats_id = ? "
                "AND a.start_date >= ? AND a.start_date < ? AND a.status = ? GROUP BY 1, 2",
                (insats_id, *_bounds(first_year, last_year), Status.GENOMFORD.value),
            ).fetchall()
        return {(int(r[0]), int(r[1])): (int(r[2]), int(r[3] or 0)) for r in rows}
