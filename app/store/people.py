"""Named participants: search, the privacy view, unique individuals and gallring.

Reads are plain SQL on sqlite3; writes go through the ORM in people_writes, imported
when first needed. Searching happens in Python: SQLite's lower() only knows ASCII,
and a förbund's list of names is short.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from app.core import people as core
from app.core.errors import DomainError
from app.core.people import AttendedActivity, Person, PersonListing
from app.core.vocabulary import Status
from app.store.activity_rows import place_label, year_bounds
from app.store.database_protocol import Database

_PERSON_SQL = (
    "SELECT p.id, p.forbund_id, p.name, p.organisation_id, p.email, p.version FROM person p"
)
_STATUSES = {s.value: s for s in Status}


def _person(r: Sequence[Any], version: int = 0) -> Person:
    return Person(r[0], r[1], r[2], r[3], r[4], version=version)


def _writes() -> ModuleType:
    from app.store import people_writes

    return people_writes


class PeopleRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._server_note: str | None = None  # copies removed after an erasure on a server

    # --- reads --------------------------------------------------------------------------
    def all(self, forbund_id: int) -> list[Person]:
        """The förbund's persons in Swedish alphabetical order."""
        with self._db.read() as con:
            rows = con.execute(
                f"{_PERSON_SQL} WHERE p.forbund_id = ? AND p.name <> ''", (forbund_id,)
            ).fetchall()
        return sorted(
            (_person(r) for r in rows), key=lambda p: (core.swedish_key(p.name), p.email, p.id)
        )

    def search(self, forbund_id: int, text: str, limit: int = 20) -> list[Person]:
        """Search as you type: persons whose name or e-mail holds every word typed
        (any case, å/ä/ö included), best matches first."""
        if not core.search_terms(text):
            return []
        return core.search(self.all(forbund_id), text, limit)

    def get(self, person_id: int) -> Person:
        found = self.get_many([person_id])
        if not found:
            raise DomainError("Personen finns inte längre; den kan ha raderats.")
        return found[0]

    def get_many(self, person_ids: Sequence[int]) -> list[Person]:
        """The persons still stored, in the order asked (erased ones are left out)."""
        if not person_ids:
            return []
        marks = ", ".join("?" for _ in person_ids)
        with self._db.read() as con:
            rows = con.execute(
                f"{_PERSON_SQL} WHERE p.id IN ({marks}) AND p.name <> ''", tuple(person_ids)
            ).fetchall()
        by_id = {r[0]: _person(r, r[5]) for r in rows}
        return [by_id[i] for i in dict.fromkeys(person_ids) if i in by_id]

    def listing(self, forbund_id: int) -> list[PersonListing]:
        """Every person of the förbund with organisation, number of activities and the latest."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT p.id, p.forbund_id, p.name, p.organisation_id, p.email, o.name, "
                "count(ap.activity_id), max(a.start_date), p.version FROM person p "
                "LEFT JOIN organisation o ON o.id = p.organisation_id "
                "LEFT JOIN activity_participant ap ON ap.person_id = p.id "
                "LEFT JOIN activity a ON a.id = ap.activity_id "
                "WHERE p.forbund_id = ? AND p.name <> '' GROUP BY p.id, o.name",
                (forbund_id,),
            ).fetchall()
        found = [
            PersonListing(
                _person(r, r[8]),
                r[5] or "",
                r[6],
                date.fromisoformat(r[7]) if r[7] else None,
            )
            for r in rows
        ]
        found.sort(key=lambda x: (core.swedish_key(x.person.name), x.person.email, x.person.id))
        return found

    def attended(self, person_id: int) -> list[AttendedActivity]:
        """The activities the person is named in, oldest first (none once erased)."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT a.start_date, a.end_date, a.title, t.name, a.scope, k.name, i.name, "
                "a.status FROM activity_participant ap "
                "JOIN person p ON p.id = ap.person_id AND p.name <> '' "
                "JOIN activity a ON a.id = ap.activity_id "
                "JOIN activity_type t ON t.id = a.type_id "
                "JOIN insats i ON i.id = a.insats_id "
                "LEFT JOIN kommun k ON k.id = a.kommun_id "
                "WHERE ap.person_id = ? ORDER BY a.start_date, a.id",
                (person_id,),
            ).fetchall()
        return [
            AttendedActivity(
                start=date.fromisoformat(r[0]),
                end=date.fromisoformat(r[1]) if r[1] else None,
                title=r[2],
                type_name=r[3],
                place_label=place_label(r[4], r[5]),
                insats_name=r[6],
                status_label=_STATUSES[r[7]].label,
            )
            for r in rows
        ]

    def unique_participants(self, insats_id: int, year: int) -> int:
        """Distinct named persons over the insats's held (genomförda) activities of the year.

        A figure of unique individuals, beside the volume (the sum of the counts); it only
        covers participants who were named.
        """
        first, after = year_bounds(year)
        with self._db.read() as con:
            (n,) = con.execute(
                "SELECT count(DISTINCT ap.person_id) FROM activity_participant ap "
                "JOIN activity a ON a.id = ap.activity_id "
                "WHERE a.insats_id = ? AND a.status = ? "
                "AND a.start_date >= ? AND a.start_date < ?",
                (insats_id, Status.GENOMFORD.value, first, after),
            ).fetchone()
        return int(n)

    def stale_people(self, forbund_id: int, cutoff: date) -> list[Person]:
        """Persons to gallra: whose latest activity started before ``cutoff``, and persons
        named in no activity at all."""
        with self._db.read() as con:
            rows = con.execute(
                f"{_PERSON_SQL} LEFT JOIN activity_participant ap ON ap.person_id = p.id "
                "LEFT JOIN activity a ON a.id = ap.activity_id "
                "WHERE p.forbund_id = ? AND p.name <> '' GROUP BY p.id "
                "HAVING max(a.start_date) IS NULL OR max(a.start_date) < ?",
                (forbund_id, cutoff.isoformat()),
            ).fetchall()
        return sorted((_person(r) for r in rows), key=lambda p: (core.swedish_key(p.name), p.id))

    def setting(self, key: str) -> str | None:
        with self._db.read() as con:
            row = con.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def gallring_years(self) -> int:
        """The chosen gallring period in years (the default when none is stored)."""
        value = self.setting(core.GALLRING_SETTING)
        try:
            years = int(value) if value is not None else core.DEFAULT_GALLRING_YEARS
        except ValueError:
            return core.DEFAULT_GALLRING_YEARS
        return years if 1 <= years <= core.MAX_GALLRING_YEARS else core.DEFAULT_GALLRING_YEARS

    # --- writes -------------------------------------------------------------------------
    def save(self, person: Person) -> Person:
        """Insert (id None) or update a person; returns it as stored."""
        person = core.validate_person(person)
        from app.store.record_versions import VersionConflict, stale_record

        try:
            return self.get(_writes().save(self._db.engine, person))
        except VersionConflict as conflict:
            assert person.id is not None
            raise stale_record(
                self._db,
                "person",
                person.id,
                f"Personen ”{person.name}”",
                person,
                self.get(person.id),
                conflict,
                person.version,
            ) from None

    def erase(self, person_id: int) -> None:
        """Remove the person and their links to activities. No count changes."""
        self.erase_many([person_id])

    def erase_many(self, person_ids: Sequence[int]) -> int:
        """Remove persons and their links in one transaction; returns how many were removed.

        The write-ahead log is then emptied into the file, and the persons leave every
        copy of the database too (backup_erasure_warning tells what could not be reached).
        """
        if not person_ids:
            return 0
        from app.store.change_log import ChangeLog

        n = len(set(person_ids))
        label = "radera en person" if n == 1 else f"radera {n} personer"
        with ChangeLog(self._db).recording(label, locked=True):
            erased = int(_writes().erase_many(self._db.engine, person_ids))
        self._db.checkpoint()
        if self._db.path is not None:  # a file's backups (a server's: backup_erasure)
            from app.store.backup_erasure import finish_pending_logged

            finish_pending_logged(self._db.path)
        else:  # a server: this computer's pg_dump copies that still hold them go
            from app.store.server_backups import forget_erased

            self._server_note = forget_erased(getattr(self._db, "location"))  # noqa: B009
        return erased

    def backup_erasure_warning(self) -> str | None:
        """What the user must be told about copies an erasure has not yet reached."""
        from app.store.backup_erasure import warning

        if self._db.path is None:
            note, self._server_note = self._server_note, None
            return note
        return warning(self._db.path)

    def set_setting(self, key: str, value: str) -> None:
        _writes().set_setting(self._db.engine, key, value)

    def set_gallring_years(self, years: int) -> None:
        core.validate_gallring_years(years)
        self.set_setting(core.GALLRING_SETTING, str(years))

    def gallra(self, forbund_id: int, years: int, today: date) -> int:
        """Erase every person not seen in an activity for ``years`` years; returns how many."""
        cutoff = core.gallring_cutoff(today, years)
        return self.erase_many([p.id for p in self.stale_people(forbund_id, cutoff) if p.id])
