"""Reading and writing activities with their counts, steps and co-organisers."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, Row, and_, delete, distinct, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.attendance import Attendance
from app.core.entities import Activity, ActivityRow
from app.core.errors import DomainError
from app.core.validation import validate_activity
from app.core.vocabulary import Format, OrgCategory, Role, Scope, Status
from app.store.models import (
    ORG_COLUMNS,
    ROLE_COLUMNS,
    ActivityCoorganiserModel,
    ActivityModel,
    ActivityStepModel,
    ActivityTypeModel,
    KommunModel,
)


def year_bounds(year: int) -> tuple[date, date]:
    """[1 January of ``year``, 1 January of the next year)."""
    return date(year, 1, 1), date(year + 1, 1, 1)


def count_columns() -> list[Any]:
    """The activity's count columns in the order attendance_from_row reads them."""
    cols = [ActivityModel.participants]
    cols += [getattr(ActivityModel, c) for c in ORG_COLUMNS.values()]
    cols += [getattr(ActivityModel, c) for c in ROLE_COLUMNS.values()]
    cols += [ActivityModel.women, ActivityModel.men]
    return cols


_N_ORG = len(ORG_COLUMNS)
_N_ROLE = len(ROLE_COLUMNS)
_ORGS = [OrgCategory(k) for k in ORG_COLUMNS]
_ROLES = [Role(k) for k in ROLE_COLUMNS]


def attendance_from_values(values: tuple[int, ...] | Row[Any]) -> Attendance:
    """Attendance from the values of ``count_columns()``, as stored (already checked)."""
    total = values[0]
    orgs = dict(zip(_ORGS, values[1 : 1 + _N_ORG], strict=True))
    roles = dict(zip(_ROLES, values[1 + _N_ORG : 1 + _N_ORG + _N_ROLE], strict=True))
    women, men = values[1 + _N_ORG + _N_ROLE], values[2 + _N_ORG + _N_ROLE]
    return Attendance(total, orgs, roles, women, men)


def _write_counts(m: ActivityModel, a: Attendance) -> None:
    m.participants = a.total
    for key, col in ORG_COLUMNS.items():
        setattr(m, col, a.org(OrgCategory(key)))
    for key, col in ROLE_COLUMNS.items():
        setattr(m, col, a.role(Role(key)))
    m.women, m.men = a.women, a.men


def _to_entity(m: ActivityModel) -> Activity:
    values = tuple(getattr(m, c.key) for c in count_columns())
    return Activity(
        id=m.id,
        insats_id=m.insats_id,
        type_id=m.type_id,
        title=m.title,
        start=m.start_date,
        end=m.end_date,
        steps=tuple(s.step_date for s in m.steps),
        scope=Scope(m.scope),
        kommun_id=m.kommun_id,
        place=m.place,
        format=Format(m.format),
        status=Status(m.status),
        coorganiser_ids=tuple(sorted(c.organisation_id for c in m.coorganisers)),
        notes=m.notes,
        attendance=attendance_from_values(values),
    )


def _fill(m: ActivityModel, a: Activity) -> None:
    m.insats_id, m.type_id, m.title = a.insats_id, a.type_id, a.title
    m.start_date, m.end_date = a.start, a.end
    m.scope, m.kommun_id, m.place = a.scope.value, a.kommun_id, a.place
    m.format, m.status, m.notes = a.format.value, a.status.value, a.notes
    _write_counts(m, a.attendance)
    m.steps = [ActivityStepModel(step_date=d) for d in a.steps] if len(a.steps) > 1 else []
    m.coorganisers = [ActivityCoorganiserModel(organisation_id=o) for o in a.coorganiser_ids]


class ActivityRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, activity_id: int) -> Activity:
        with Session(self._engine) as s:
            m = s.get(ActivityModel, activity_id)
            if m is None:
                raise DomainError(f"Aktiviteten finns inte längre (id {activity_id}).")
            return _to_entity(m)

    def add(self, activity: Activity) -> Activity:
        """Store a new activity (or put a deleted one back, when it has its old id)."""
        activity = validate_activity(activity)
        with Session(self._engine) as s:
            m = ActivityModel(id=activity.id)
            _fill(m, activity)
            s.add(m)
            self._commit(s)
            return _to_entity(m)

    def update(self, activity: Activity) -> Activity:
        if activity.id is None:
            raise ValueError("update needs an activity with an id")
        activity = validate_activity(activity)
        with Session(self._engine) as s:
            m = s.get(ActivityModel, activity.id)
            if m is None:
                raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
            _fill(m, activity)
            self._commit(s)
            return _to_entity(m)

    def delete(self, activity_id: int) -> Activity:
        """Remove an activity; returns it as it was, so it can be put back."""
        with Session(self._engine) as s:
            m = s.get(ActivityModel, activity_id)
            if m is None:
                raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
            before = _to_entity(m)
            s.execute(delete(ActivityModel).where(ActivityModel.id == activity_id))
            self._commit(s)
            return before

    @staticmethod
    def _commit(s: Session) -> None:
        try:
            s.commit()
        except IntegrityError as exc:
            s.rollback()
            raise DomainError(
                "Aktiviteten kunde inte sparas: den hänvisar till en typ, kommun eller "
                f"organisation som inte finns, eller har motsägelsefulla antal ({exc.orig})."
            ) from exc

    def rows(self, insats_id: int, year: int | None) -> list[ActivityRow]:
        """The activity table's rows for a year (all years when ``year`` is None)."""
        q = (
            select(
                ActivityModel.id,
                ActivityModel.start_date,
                ActivityModel.end_date,
                ActivityTypeModel.name,
                ActivityModel.title,
                ActivityModel.scope,
                KommunModel.name,
                ActivityModel.place,
                ActivityModel.format,
                ActivityModel.status,
                ActivityModel.participants,
            )
            .join(ActivityTypeModel, ActivityModel.type_id == ActivityTypeModel.id)
            .outerjoin(KommunModel, ActivityModel.kommun_id == KommunModel.id)
            .where(ActivityModel.insats_id == insats_id)
            .order_by(ActivityModel.start_date, ActivityModel.id)
        )
        if year is not None:
            first, after = year_bounds(year)
            q = q.where(and_(ActivityModel.start_date >= first, ActivityModel.start_date < after))
        formats = {f.value: f for f in Format}
        statuses = {s.value: s for s in Status}
        scope_labels = {s.value: s.label for s in Scope}
        with Session(self._engine) as s:
            return [
                ActivityRow(
                    id=r[0],
                    start=r[1],
                    end=r[2],
                    type_name=r[3],
                    title=r[4],
                    place_label=r[6] if r[5] == "kommun" and r[6] else scope_labels[r[5]],
                    place=r[7],
                    format=formats[r[8]],
                    status=statuses[r[9]],
                    participants=r[10],
                )
                for r in s.execute(q)
            ]

    def years(self, insats_id: int) -> list[int]:
        """The years that have at least one activity."""
        year = func.substr(ActivityModel.start_date, 1, 4)
        with Session(self._engine) as s:
            q = select(distinct(year)).where(ActivityModel.insats_id == insats_id).order_by(year)
            return [int(y) for y in s.scalars(q)]
