"""A samverkansgrupp as stored: its members, its status changes, and the validation of
a group before it is saved (two changes on the same date, or a change before the group
was formed, are refused). ``app.core.groups`` re-exports these names and holds the
rest: status over time, the tables and the findings."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

from app.core import limits
from app.core.errors import ValidationError
from app.core.vocabulary import GroupStatus, Role


@dataclass(frozen=True)
class GroupStatusChange:
    """From ``day`` on, the group is ``status``; ``note`` says why."""

    day: date
    status: GroupStatus
    note: str = ""


@dataclass(frozen=True)
class GroupMember:
    """A seat in the group: an organisation and a role; the person's name is optional."""

    id: int | None
    organisation_id: int | None
    role: Role
    name: str = ""


@dataclass(frozen=True)
class Group:
    id: int | None
    insats_id: int
    kommun_id: int | None
    name: str
    formed: date | None = None
    notes: str = ""
    statuses: tuple[GroupStatusChange, ...] = ()
    members: tuple[GroupMember, ...] = ()
    # The stored version it was read at (0: not read); its statuses and members are
    # part of it. See Activity.version.
    version: int = field(default=0, compare=False)


class MeetingCount(NamedTuple):
    """A group's held (genomförda) meetings in a year and the participants at them."""

    held: int
    participants: int


NO_MEETINGS = MeetingCount(0, 0)


# --- validation ---------------------------------------------------------------------------


def normalise_group(group: Group) -> Group:
    """Trim texts (without the characters XML forbids) and sort the status changes by
    date (nothing else is changed)."""
    clean = limits.clean
    return replace(
        group,
        name=clean(group.name).strip(),
        notes=clean(group.notes).strip(),
        statuses=tuple(
            sorted(
                (replace(s, note=clean(s.note).strip()) for s in group.statuses),
                key=lambda s: s.day,
            )
        ),
        members=tuple(replace(m, name=clean(m.name).strip()) for m in group.members),
    )


def validate_group(group: Group) -> Group:
    """Return the normalised group, or raise ValidationError listing every problem."""
    group = normalise_group(group)
    problems: list[str] = []
    if not group.name:
        problems.append("Ange gruppens namn.")
    if group.kommun_id is None:
        problems.append("Välj vilken kommun gruppen finns i.")
    problems += limits.text_problems(
        [
            (group.name, limits.GROUP_NAME, "Gruppens namn"),
            (group.notes, limits.LONG_TEXT, "Anteckningarna"),
            *((s.note, limits.LONG_TEXT, "Statusens anteckning") for s in group.statuses),
            *((m.name, limits.PERSON_NAME, "En medlems namn") for m in group.members),
        ]
    )
    problems += limits.date_problems(
        [
            (group.formed, "Datumet då gruppen bildades"),
            *((s.day, "Statusdatumet") for s in group.statuses),
        ]
    )
    if group.formed is not None:
        for change in group.statuses:
            if change.day < group.formed:
                problems.append(
                    f"Statusen {change.status.label.lower()} {change.day.isoformat()} är före "
                    f"datumet då gruppen bildades ({group.formed.isoformat()})."
                )
    seen: set[date] = set()
    for change in group.statuses:
        if change.day in seen:
            problems.append(
                f"Två statusändringar samma dag ({change.day.isoformat()}). "
                "Ange bara en status per datum."
            )
        seen.add(change.day)
    if problems:
        raise ValidationError(list(dict.fromkeys(problems)))
    return group
