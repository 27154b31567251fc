"""The förbund, its insatser, kommuner, organisations and the list of activity types.

Reads are plain SQL on sqlite3 (fast to start); writes go through the ORM in
reference_writes, imported when first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from types import ModuleType
from typing import Any

from app.core.entities import ActivityType, Forbund, Insats, Kommun, Organisation
from app.core.errors import DomainError, ValidationError
from app.core.limits import FORBUND_NAME, clean, too_long
from app.core.setup import InitialSetup, check_names, validate_setup
from app.core.validation import validate_insats
from app.core.vocabulary import OrgCategory
from app.store.database_protocol import Database

_INSATS_SQL = "SELECT id, forbund_id, name, start_date, end_date, goals, is_current FROM insats"


def _insats(r: Sequence[Any]) -> Insats:
    return Insats(
        r[0], r[1], r[2], date.fromisoformat(r[3]), date.fromisoformat(r[4]), r[5], bool(r[6])
    )


def _writes() -> ModuleType:
    from app.store import reference_writes

    return reference_writes


def _raise_if(problems: list[str]) -> None:
    if problems:
        raise ValidationError(problems)


class ReferenceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reads --------------------------------------------------------------------------
    def is_set_up(self) -> bool:
        with self._db.read() as con:
            row = con.execute("SELECT EXISTS (SELECT 1 FROM insats)").fetchone()
        return bool(row[0])

    def current_insats(self) -> Insats | None:
        with self._db.read() as con:
            row = con.execute(f"{_INSATS_SQL} ORDER BY is_current DESC, id LIMIT 1").fetchone()
        return None if row is None else _insats(row)

    def insats(self, insats_id: int) -> Insats:
        with self._db.read() as con:
            row = con.execute(f"{_INSATS_SQL} WHERE id = ?", (insats_id,)).fetchone()
        if row is None:
            raise DomainError(f"Insatsen finns inte (id {insats_id}).")
        return _insats(row)

    def insatser(self) -> list[Insats]:
        with self._db.read() as con:
            return [_insats(r) for r in con.execute(f"{_INSATS_SQL} ORDER BY id")]

    def forbund(self, forbund_id: int) -> Forbund:
        with self._db.read() as con:
            row = con.execute("SELECT id, name FROM forbund WHERE id = ?", (forbund_id,)).fetchone()
        if row is None:
            raise DomainError(f"Förbundet finns inte (id {forbund_id}).")
        return Forbund(row[0], row[1])

    def kommuner(self, forbund_id: int) -> list[Kommun]:
        with self._db.read() as con:
            rows = con.execute(
                "SELECT id, name, delregion, version FROM kommun WHERE forbund_id = ? "
                "ORDER BY sort_order, name",
                (forbund_id,),
            ).fetchall()
        return [Kommun(r[0], r[1], r[2], version=r[3]) for r in rows]

    def organisations(self, forbund_id: int) -> list[Organisation]:
        with self._db.read() as con:
            rows = con.execute(
                "SELECT id, name, category, version FROM organisation WHERE forbund_id = ? "
                "ORDER BY name",
                (forbund_id,),
            ).fetchall()
        return [Organisation(r[0], r[1], OrgCategory(r[2]), version=r[3]) for r in rows]

    def activity_types(self, *, include_inactive: bool = False) -> list[ActivityType]:
        where = "" if include_inactive else "WHERE active = 1"
        with self._db.read() as con:
            rows = con.execute(
                f"SELECT id, name, active, version FROM activity_type {where} "
                "ORDER BY sort_order, id"
            ).fetchall()
        return [ActivityType(r[0], r[1], bool(r[2]), version=r[3]) for r in rows]

    # --- writes -------------------------------------------------------------------------
    def set_up(self, setup: InitialSetup) -> Insats:
        """Create the förbund, its current insats and its lists, all in one transaction."""
        setup = validate_setup(setup)
        return self.insats(_writes().set_up(self._db.engine, setup))

    def rename_forbund(self, forbund_id: int, name: str) -> None:
        name = clean(name).strip()
        if not name:
            raise ValidationError(["Ange förbundets namn."])
        if problem := too_long(name, FORBUND_NAME, "Förbundets namn"):
            raise ValidationError([f"{problem}."])
        _writes().rename_forbund(self._db.engine, forbund_id, name)

    def save_insats(self, insats: Insats) -> Insats:
        """Insert (id None) or update an insats. A saved current insats becomes the only one."""
        insats = validate_insats(insats)
        return self.insats(_writes().save_insats(self._db.engine, insats))

    def set_current_insats(self, insats_id: int) -> None:
        _writes().set_current_insats(self._db.engine, insats_id)

    def save_kommuner(self, forbund_id: int, kommuner: Sequence[Kommun]) -> list[Kommun]:
        """Make the förbund's kommuner exactly ``kommuner`` (in that order).

        A kommun that activities refer to cannot be removed.
        """
        kommuner = [replace(k, name=clean(k.name), delregion=clean(k.delregion)) for k in kommuner]
        _raise_if(check_names("kommun", [k.name for k in kommuner]))
        self._save_list(
            "kommun",
            "Kommunen",
            kommuner,
            lambda: _writes().save_kommuner(self._db.engine, forbund_id, kommuner),
            lambda: self.kommuner(forbund_id),
        )
        return self.kommuner(forbund_id)

    def save_organisations(
        self, forbund_id: int, organisations: Sequence[Organisation]
    ) -> list[Organisation]:
        """Make the förbund's organisations exactly ``organisations``."""
        organisations = [replace(o, name=clean(o.name)) for o in organisations]
        _raise_if(check_names("organisation", [o.name for o in organisations]))
        self._save_list(
            "organisation",
            "Organisationen",
            organisations,
            lambda: _writes().save_organisations(self._db.engine, forbund_id, organisations),
            lambda: self.organisations(forbund_id),
        )
        return self.organisations(forbund_id)

    def save_activity_types(self, types: Sequence[ActivityType]) -> list[ActivityType]:
        """Make the list of activity types exactly ``types``, in that order.

        A type in use cannot be removed (it can be made inactive instead).
        """
        types = [replace(t, name=clean(t.name)) for t in types]
        _raise_if(check_names("aktivitetstyp", [t.name for t in types]))
        self._save_list(
            "activity_type",
            "Aktivitetstypen",
            types,
            lambda: _writes().save_activity_types(self._db.engine, types),
            lambda: self.activity_types(include_inactive=True),
        )
        return self.activity_types(include_inactive=True)

    def _save_list(
        self,
        table: str,
        what: str,
        wanted: Sequence[Kommun] | Sequence[Organisation] | Sequence[ActivityType],
        write: Callable[[], None],
        stored: Callable[[], Sequence[Kommun | Organisation | ActivityType]],
    ) -> None:
        """``write()`` the list; a kept row a colleague saved after the list was read is
        refused as StaleRecord naming it (nothing of the list is written)."""
        from app.store.record_versions import VersionConflict, stale_record

        try:
            write()
        except VersionConflict as conflict:
            mine = next(w for w in wanted if w.id == conflict.record_id)
            assert mine.id is not None
            theirs = next((r for r in stored() if r.id == mine.id), None)
            raise stale_record(
                self._db,
                table,
                mine.id,
                f"{what} ”{mine.name}”",
                mine,
                theirs,
                conflict,
                mine.version,
            ) from None
