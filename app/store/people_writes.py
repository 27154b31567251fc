"""Writing named participants and settings (ORM).

Every connection overwrites what it deletes (``PRAGMA secure_delete``, set when it is
made); the caller then empties the write-ahead log into the file and cleans the backups
(app.store.backup_erasure), which the erasure's own transaction records as pending.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.people import ERASED_NAME, Person
from app.store.change_backend import has_table
from app.store.change_scrub import scrub_people
from app.store.commits import commit
from app.store.models import ForbundModel, OrganisationModel
from app.store.query import run
from app.store.record_models import (
    ActivityParticipantModel,
    PendingBackupErasureModel,
    PersonModel,
    SettingModel,
)
from app.store.record_versions import check, checked


def save(engine: Engine, person: Person) -> int:
    """Insert (id None) or update a validated person; returns its id."""
    with Session(engine) as s, checked(s):
        if s.get(ForbundModel, person.forbund_id) is None:
            raise DomainError("Förbundet finns inte längre.")
        if person.organisation_id is not None:
            org = s.get(OrganisationModel, person.organisation_id)
            if org is None or org.forbund_id != person.forbund_id:
                raise DomainError(
                    "Organisationen finns inte längre i förbundets lista. Välj en annan."
                )
        if person.id is None:
            m = PersonModel(forbund_id=person.forbund_id)
            s.add(m)
        else:
            found = s.get(PersonModel, person.id)
            if found is None:
                raise DomainError("Personen finns inte längre; den kan ha raderats.")
            check(found.version, person.version)
            m = found
        m.name, m.organisation_id, m.email = person.name, person.organisation_id, person.email
        s.flush()
        person_id = m.id
        commit(s, "Personen")
        return person_id


def erase_many(engine: Engine, person_ids: Sequence[int]) -> int:
    """Erase the persons' data in one transaction; returns how many were erased.

    A person named in activities keeps an anonymous row — no name, e-mail or
    organisation — so that the unique-individual counts stay exactly as they were.
    A person in no activity is removed. Persons already erased are skipped. The same
    transaction records each erased id as pending for the backups, so that the backups
    are cleaned even if the program dies before it gets to them.
    """
    ids = list(dict.fromkeys(person_ids))
    with Session(engine) as s:
        found = list(
            s.scalars(select(PersonModel.id).where(PersonModel.id.in_(ids), PersonModel.name != ""))
        )
        linked = set(
            s.scalars(
                select(ActivityParticipantModel.person_id).where(
                    ActivityParticipantModel.person_id.in_(found)
                )
            )
        )
        s.execute(
            update(PersonModel)
            .where(PersonModel.id.in_(linked))
            .values(
                name=ERASED_NAME, email="", organisation_id=None, version=PersonModel.version + 1
            )
        )
        s.execute(delete(PersonModel).where(PersonModel.id.in_(set(found) - linked)))
        if found:
            conn = s.connection()
            scrub_people(
                lambda sql, params: run(conn, sql, params),
                has_table(conn, "change_row"),
                found,
                ERASED_NAME,
            )
            already = set(
                s.scalars(
                    select(PendingBackupErasureModel.person_id).where(
                        PendingBackupErasureModel.person_id.in_(found)
                    )
                )
            )
            waiting = [{"person_id": i} for i in found if i not in already]
            if waiting:
                s.execute(insert(PendingBackupErasureModel).values(waiting))
        commit(s, "Raderingen")
    return len(found)


def set_setting(engine: Engine, key: str, value: str) -> None:
    with Session(engine) as s:
        m = s.get(SettingModel, key)
        if m is None:
            s.add(SettingModel(key=key, value=value))
        else:
            m.value = value
        commit(s, "Inställningen")
