"""Writing activities with their counts, steps and co-organisers (ORM)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.clock_times import stored_time
from app.core.entities import Activity
from app.core.errors import DomainError
from app.core.vocabulary import OrgCategory, Role
from app.store.columns import ORG_COLUMNS, ROLE_COLUMNS
from app.store.models import ActivityCoorganiserModel, ActivityModel, ActivityStepModel
from app.store.record_models import ActivityParticipantModel
from app.store.record_versions import check, checked


def _fill(m: ActivityModel, a: Activity) -> None:
    m.insats_id, m.type_id, m.title = a.insats_id, a.type_id, a.title
    m.start_date, m.end_date = a.start, a.end
    m.scope, m.kommun_id, m.place = a.scope.value, a.kommun_id, a.place
    m.format, m.status, m.notes = a.format.value, a.status.value, a.notes
    counts = a.attendance
    m.participants = counts.total
    for key, col in ORG_COLUMNS.items():
        setattr(m, col, counts.org(OrgCategory(key)))
    for key, col in ROLE_COLUMNS.items():
        setattr(m, col, counts.role(Role(key)))
    m.women, m.men = counts.women, counts.men
    m.start_time, m.end_time = stored_time(a.start_time), stored_time(a.end_time)
    m.steps = (
        [
            ActivityStepModel(
                step_date=s.day,
                start_time=stored_time(s.start_time),
                end_time=stored_time(s.end_time),
            )
            for s in a.timed_steps
        ]
        if len(a.steps) > 1
        else []
    )
    m.coorganisers = [ActivityCoorganiserModel(organisation_id=o) for o in a.coorganiser_ids]
    m.participants_named = [ActivityParticipantModel(person_id=p) for p in a.participant_ids]
    m.group_id, m.goal_id = a.group_id, a.goal_id
    m.highlight = a.highlight.strip() or None
    m.date_approximate, m.counts_approximate = a.date_approximate, a.counts_approximate
    m.series_id = a.series_id
    m.link, m.description, m.registration = a.link, a.description, a.registration


def _commit(s: Session) -> None:
    try:
        s.commit()
    except IntegrityError as exc:
        s.rollback()
        raise DomainError(
            "Aktiviteten kunde inte sparas: den hänvisar till en typ, kommun eller "
            f"organisation som inte finns, eller har motsägelsefulla antal ({exc.orig})."
        ) from exc


def insert(engine: Engine, activities: Sequence[Activity]) -> list[int]:
    """Insert validated activities in one transaction; an activity with an id keeps it."""
    with Session(engine) as s:
        models = []
        for a in activities:
            m = ActivityModel(id=a.id)
            _fill(m, a)
            s.add(m)
            models.append(m)
        _commit(s)
        return [m.id for m in models]


def _children(m: ActivityModel) -> tuple[object, ...]:
    """What an activity holds in rows of its own: a change there is a change of it."""
    return (
        sorted((s.step_date, s.start_time, s.end_time) for s in m.steps),
        sorted(c.organisation_id for c in m.coorganisers),
        sorted(p.person_id for p in m.participants_named),
    )


def update(engine: Engine, activity: Activity) -> None:
    """Write ``activity`` over the stored one; VersionConflict when it was read at an
    older version. An unchanged activity is not written (its version stays)."""
    with Session(engine) as s, checked(s):
        m = s.get(ActivityModel, activity.id)
        if m is None:
            raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
        check(m.version, activity.version)
        before = _children(m)
        # Remove the old steps and co-organisers first: the new lists may repeat them,
        # and the unit of work would otherwise insert before it deletes.
        m.steps.clear()
        m.coorganisers.clear()
        m.participants_named.clear()
        s.flush()
        _fill(m, activity)
        if _children(m) != before:  # the row itself may be as it was: still a change
            m.version = m.version + 1
        _commit(s)


def delete_many(engine: Engine, activity_ids: Sequence[int]) -> None:
    with Session(engine) as s:
        found = set(s.scalars(select(ActivityModel.id).where(ActivityModel.id.in_(activity_ids))))
        if found != set(activity_ids):
            raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
        s.execute(delete(ActivityModel).where(ActivityModel.id.in_(activity_ids)))
        _commit(s)
