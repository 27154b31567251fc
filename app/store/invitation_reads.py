"""What invitations read: the activities of a span with their kommun's name (for the
.ics file and the invitation text), and the people an address list can hold (the
samverkansgruppernas members, the registered persons). Read-only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.core.entities import Step
from app.core.errors import DomainError
from app.core.invitation import InvitedActivity
from app.core.mail_list import Recipient
from app.core.vocabulary import OrgCategory, Role, Status
from app.store.activity_rows import (
    ACTIVITY_SQL,
    STEPS_SQL,
    activity_from_row,
    named,
    span_bounds,
    step_from_row,
)
from app.store.database_protocol import Database

_CATEGORIES = {c.value: c for c in OrgCategory}
_ROLES = {r.value: r for r in Role}
_KOMMUN_SQL = "(SELECT k.name FROM kommun k WHERE k.id = a.kommun_id) AS kommun_name"
_SELECT = ACTIVITY_SQL.replace(" FROM activity a", f", {_KOMMUN_SQL} FROM activity a")


def _invited(db: Database, where: str, params: Sequence[object]) -> list[InvitedActivity]:
    with db.read() as con:
        rows = named(con, f"{_SELECT} WHERE {where} ORDER BY a.start_date, a.id", tuple(params))
        ids = [r["id"] for r in rows]
        steps: dict[int, list[Step]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for s in named(
                con,
                f"{STEPS_SQL} WHERE s.activity_id IN ({marks}) ORDER BY s.step_date",
                tuple(chunk),
            ):
                steps.setdefault(s["activity_id"], []).append(step_from_row(s))
    return [
        InvitedActivity(
            activity_from_row(r, steps.get(r["id"], [])),
            r["kommun_name"] or "",
        )
        for r in rows
    ]


def invited_activity(db: Database, activity_id: int) -> InvitedActivity:
    """One activity with its kommun's name; DomainError when it is gone."""
    found = _invited(db, "a.id = ?", (activity_id,))
    if not found:
        raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
    return found[0]


def invited_activities(
    db: Database, insats_id: int, first: date, last: date, include_all: bool = False
) -> list[InvitedActivity]:
    """The insats's activities starting from ``first`` to ``last`` (both included), in
    date order: the planned and the cancelled ones (a calendar learns that they are
    cancelled), or every one with ``include_all``."""
    where = "a.insats_id = ? AND a.start_date >= ? AND a.start_date < ?"
    params: list[object] = [insats_id, *span_bounds(first, last)]
    if not include_all:
        where += " AND a.status IN (?, ?)"
        params += [Status.PLANERAD.value, Status.INSTALLD.value]
    return _invited(db, where, params)


def group_members(db: Database, insats_id: int) -> list[Recipient]:
    """Every seat of the insats's samverkansgrupper, named or not, with the group's
    kommun and name, the organisation and the role."""
    with db.read() as con:
        rows = con.execute(
            "SELECT m.name, o.name, o.category, m.role, k.name, g.name "
            "FROM samverkansgrupp_member m JOIN samverkansgrupp g ON g.id = m.group_id "
            "LEFT JOIN organisation o ON o.id = m.organisation_id "
            "LEFT JOIN kommun k ON k.id = g.kommun_id "
            "WHERE g.insats_id = ? ORDER BY g.name, m.id",
            (insats_id,),
        ).fetchall()
    return [
        Recipient(
            name=r[0] or "",
            organisation=r[1] or "",
            category=_CATEGORIES.get(r[2]) if r[2] else None,
            role=_ROLES[r[3]].label if r[3] in _ROLES else "",
            kommuner=(r[4],) if r[4] else (),
            group=r[5],
        )
        for r in rows
    ]


def registered_persons(db: Database, forbund_id: int) -> list[Recipient]:
    """The förbund's named persons (not the erased), with their organisation and the
    kommuner of the activities they are named in."""
    with db.read() as con:
        rows = con.execute(
            "SELECT p.id, p.name, p.email, o.name, o.category FROM person p "
            "LEFT JOIN organisation o ON o.id = p.organisation_id "
            "WHERE p.forbund_id = ? AND p.name <> '' ORDER BY p.id",
            (forbund_id,),
        ).fetchall()
        kommuner: dict[int, set[str]] = {}
        for person_id, kommun in con.execute(
            "SELECT DISTINCT ap.person_id, k.name FROM activity_participant ap "
            "JOIN person p ON p.id = ap.person_id AND p.forbund_id = ? "
            "JOIN activity a ON a.id = ap.activity_id "
            "JOIN kommun k ON k.id = a.kommun_id AND a.scope = 'kommun'",
            (forbund_id,),
        ):
            kommuner.setdefault(person_id, set()).add(kommun)
    return [
        Recipient(
            name=r[1],
            email=r[2] or "",
            organisation=r[3] or "",
            category=_CATEGORIES.get(r[4]) if r[4] else None,
            kommuner=tuple(sorted(kommuner.get(r[0], ()))),
        )
        for r in rows
    ]
