"""Samverkansgrupper with their status history, members and meetings.

Reads are plain SQL on sqlite3; writes go through the ORM in group_writes, imported
when first needed. A meeting is an activity whose group_id points at the group.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from types import ModuleType
from typing import Any

from app.core.entities import ActivityRow
from app.core.errors import DomainError
from app.core.groups import Group, GroupMember, GroupStatusChange, MeetingCount, validate_group
from app.core.vocabulary import Format, GroupStatus, Role, Status
from app.store.activity_rows import Span, dated_bounds, place_label
from app.store.database_protocol import Database

_GROUP_SQL = (
    "SELECT g.id, g.insats_id, g.kommun_id, g.name, g.formed, g.notes, g.version "
    "FROM samverkansgrupp g "
    "LEFT JOIN kommun k ON k.id = g.kommun_id"
)
_ORDER = " ORDER BY k.sort_order, k.name, g.name, g.id"

# The repository has a method called ``list``; these keep its annotations readable.
GroupList = list[Group]
MeetingRows = list[ActivityRow]
Choices = list[tuple[int, str]]


def _writes() -> ModuleType:
    from app.store import group_writes

    return group_writes


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _load(con: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> list[Group]:
    """Groups from their rows, with statuses and members read in two queries."""
    ids = [r[0] for r in rows]
    statuses: dict[int, list[GroupStatusChange]] = defaultdict(list)
    members: dict[int, list[GroupMember]] = defaultdict(list)
    if ids:
        marks = ", ".join("?" * len(ids))
        for gid, day, status, note in con.execute(
            "SELECT group_id, status_date, status, note FROM samverkansgrupp_status "
            f"WHERE group_id IN ({marks}) ORDER BY status_date, id",
            ids,
        ):
            statuses[gid].append(
                GroupStatusChange(date.fromisoformat(day), GroupStatus(status), note)
            )
        for gid, mid, org_id, role, name in con.execute(
            "SELECT group_id, id, organisation_id, role, name FROM samverkansgrupp_member "
            f"WHERE group_id IN ({marks}) ORDER BY id",
            ids,
        ):
            members[gid].append(GroupMember(mid, org_id, Role(role), name))
    return [
        Group(
            id=r[0],
            insats_id=r[1],
            kommun_id=r[2],
            name=r[3],
            formed=_day(r[4]),
            notes=r[5],
            statuses=tuple(statuses[r[0]]),
            members=tuple(members[r[0]]),
            version=r[6],
        )
        for r in rows
    ]


class GroupRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reads --------------------------------------------------------------------------
    def list(self, insats_id: int) -> GroupList:
        """The insats's groups in the kommuner's order, then by name."""
        with self._db.read() as con:
            rows = con.execute(f"{_GROUP_SQL} WHERE g.insats_id = ?{_ORDER}", (insats_id,))
            return _load(con, rows.fetchall())

    def get(self, group_id: int) -> Group:
        with self._db.read() as con:
            rows = con.execute(f"{_GROUP_SQL} WHERE g.id = ?", (group_id,)).fetchall()
            if not rows:
                raise DomainError("Samverkansgruppen finns inte längre; den kan ha tagits bort.")
            return _load(con, rows)[0]

    def choices(self, insats_id: int) -> Choices:
        """(id, 'Bollnäs – Samverkansgrupp ASF') for each group: what an activity can
        be a meeting of (ActivityChoices.groups)."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT g.id, coalesce(k.name, ''), g.name FROM samverkansgrupp g "
                f"LEFT JOIN kommun k ON k.id = g.kommun_id WHERE g.insats_id = ?{_ORDER}",
                (insats_id,),
            ).fetchall()
        return [(r[0], f"{r[1]} – {r[2]}" if r[1] else r[2]) for r in rows]

    def meetings(self, group_id: int) -> MeetingRows:
        """The activities that are meetings of the group, newest first."""
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
                    format=Format(r[8]),
                    status=Status(r[9]),
                    participants=r[10],
                    date_approximate=bool(r[11]),
                    counts_approximate=bool(r[12]),
                )
                for r in con.execute(
                    "SELECT a.id, a.start_date, a.end_date, t.name, a.title, a.scope, k.name, "
                    "a.place, a.format, a.status, a.participants, a.date_approximate, "
                    "a.counts_approximate FROM activity a "
                    "JOIN activity_type t ON t.id = a.type_id "
                    "LEFT JOIN kommun k ON k.id = a.kommun_id WHERE a.group_id = ? "
                    "ORDER BY a.start_date DESC, a.id DESC",
                    (group_id,),
                )
            ]

    def meeting_counts(
        self, insats_id: int, year: int, span: Span | None = None
    ) -> dict[int, MeetingCount]:
        """Per group: the year's held (genomförda) meetings and the participants at them
        (those within ``span``, a part of the year, when given).

        Groups without a held meeting that year are left out.
        """
        with self._db.read() as con:
            rows = con.execute(
                "SELECT group_id, count(*), coalesce(sum(participants), 0) FROM activity "
                "WHERE insats_id = ? AND group_id IS NOT NULL AND status = ? "
                "AND start_date >= ? AND start_date < ? GROUP BY group_id",
                (insats_id, Status.GENOMFORD.value, *dated_bounds(year, span)),
            ).fetchall()
        return {r[0]: MeetingCount(r[1], r[2]) for r in rows}

    # --- writes -------------------------------------------------------------------------
    def save(self, group: Group) -> Group:
        """Insert (id None) or update a group with its statuses and members, in one
        transaction. Raises ValidationError (Swedish) on bad input."""
        group = validate_group(group)
        from app.store.record_versions import VersionConflict, stale_record

        try:
            return self.get(_writes().save(self._db.engine, group))
        except VersionConflict as conflict:
            assert group.id is not None
            raise stale_record(
                self._db,
                "samverkansgrupp",
                group.id,
                f"Samverkansgruppen ”{group.name}”",
                group,
                self.get(group.id),
                conflict,
                group.version,
            ) from None

    def delete(self, group_id: int) -> Group:
        """Remove a group with its statuses and members; returns it as it was.

        Its meetings stay as activities, no longer tied to a group.
        """
        before = self.get(group_id)
        _writes().delete(self._db.engine, group_id)
        return before
