"""Writing samverkansgrupper with their statuses and members (ORM)."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy import delete as sql_delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.groups import Group
from app.store.child_rows import sync_rows
from app.store.record_models import GroupMemberModel, GroupModel, GroupStatusModel
from app.store.record_versions import check, checked

_GONE = "Samverkansgruppen finns inte längre; den kan ha tagits bort."


def _children(s: Session, group_id: int) -> tuple[object, ...]:
    """A group's statuses and members as stored: a change there is a change of it."""
    statuses = s.execute(
        select(GroupStatusModel.status_date, GroupStatusModel.status, GroupStatusModel.note)
        .where(GroupStatusModel.group_id == group_id)
        .order_by(GroupStatusModel.id)
    ).all()
    members = s.execute(
        select(
            GroupMemberModel.id,
            GroupMemberModel.organisation_id,
            GroupMemberModel.role,
            GroupMemberModel.name,
        )
        .where(GroupMemberModel.group_id == group_id)
        .order_by(GroupMemberModel.id)
    ).all()
    return tuple(sorted(map(tuple, statuses), key=repr)), tuple(map(tuple, members))


def save(engine: Engine, group: Group) -> int:
    """Insert (id None) or update a validated group, all in one transaction; its id.

    Status rows and members that are unchanged are left as they are, so an unchanged
    save writes nothing; members keep their ids where the group still has them, others
    are removed and new ones added.
    """
    if group.kommun_id is None:
        raise DomainError("Välj vilken kommun gruppen finns i.")
    try:
        with Session(engine) as s, checked(s), s.begin():
            if group.id is None:
                m = GroupModel()
                s.add(m)
            else:
                found = s.get(GroupModel, group.id)
                if found is None:
                    raise DomainError(_GONE)
                check(found.version, group.version)
                m = found
            m.insats_id, m.kommun_id, m.name = group.insats_id, group.kommun_id, group.name
            m.formed, m.notes = group.formed, group.notes
            row_changed = group.id is not None and s.is_modified(m)
            s.flush()
            group_id = m.id
            children_before = _children(s, group_id)
            sync_rows(
                s,
                s.scalars(select(GroupStatusModel).where(GroupStatusModel.group_id == group_id)),
                group.statuses,
                lambda row: (row.status_date, row.status, row.note),
                lambda change: (change.day, change.status.value, change.note),
                lambda change: GroupStatusModel(
                    group_id=group_id,
                    status_date=change.day,
                    status=change.status.value,
                    note=change.note,
                ),
            )
            existing = {
                e.id: e
                for e in s.scalars(
                    select(GroupMemberModel).where(GroupMemberModel.group_id == m.id)
                )
            }
            kept = {member.id for member in group.members if member.id is not None}
            if kept - existing.keys():
                raise DomainError(
                    "Gruppens medlemmar har ändrats av någon annan. Stäng fönstret och försök igen."
                )
            for member_id in existing.keys() - kept:
                s.delete(existing[member_id])
            for member in group.members:
                row = existing[member.id] if member.id is not None else GroupMemberModel()
                row.group_id = m.id
                row.organisation_id = member.organisation_id
                row.role = member.role.value
                row.name = member.name
                s.add(row)
            s.flush()
            if (
                group.id is not None
                and not row_changed
                and _children(s, group_id) != children_before
            ):
                m.version = m.version + 1  # a status or a member changed: the group did
                s.flush()
            return m.id
    except IntegrityError as exc:
        raise DomainError(
            "Samverkansgruppen kunde inte sparas: den hänvisar till en kommun, organisation "
            f"eller insats som inte finns ({exc.orig})."
        ) from exc


def delete(engine: Engine, group_id: int) -> None:
    """Delete the group; its statuses and members go with it (ON DELETE CASCADE) and its
    meetings lose their group (ON DELETE SET NULL)."""
    with Session(engine) as s, s.begin():
        if s.get(GroupModel, group_id) is None:
            raise DomainError(_GONE)
        s.execute(sql_delete(GroupModel).where(GroupModel.id == group_id))
