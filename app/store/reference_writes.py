"""Writing the förbund, its insatser, kommuner, organisations and activity types (ORM)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from app.core.entities import ActivityType, Insats, Kommun, Organisation
from app.core.errors import DomainError, ValidationError
from app.core.setup import InitialSetup
from app.store.models import (
    ActivityCoorganiserModel,
    ActivityModel,
    ActivityTypeModel,
    ForbundModel,
    InsatsModel,
    KommunModel,
    OrganisationModel,
)


def _activities(n: int) -> str:
    return "1 aktivitet" if n == 1 else f"{n} aktiviteter"


def set_up(engine: Engine, setup: InitialSetup) -> int:
    """Create the förbund, its current insats and its lists in one transaction.

    ``setup`` has been validated. Returns the new insats's id.
    """
    with Session(engine) as s, s.begin():
        forbund = ForbundModel(name=setup.forbund_name.strip())
        s.add(forbund)
        s.flush()
        s.execute(update(InsatsModel).values(is_current=False))
        ins = setup.insats
        insats = InsatsModel(
            forbund_id=forbund.id,
            name=ins.name.strip(),
            start_date=ins.start,
            end_date=ins.end,
            goals=ins.goals.strip(),
            is_current=True,
        )
        s.add(insats)
        for i, k in enumerate(setup.kommuner):
            s.add(
                KommunModel(
                    forbund_id=forbund.id,
                    name=k.name.strip(),
                    delregion=k.delregion.strip(),
                    sort_order=i,
                )
            )
        for o in setup.organisations:
            s.add(
                OrganisationModel(
                    forbund_id=forbund.id, name=o.name.strip(), category=o.category.value
                )
            )
        existing = {t.casefold() for t in s.scalars(select(ActivityTypeModel.name))}
        next_order = len(existing)
        for name in setup.activity_types:
            if name.strip().casefold() not in existing:
                s.add(ActivityTypeModel(name=name.strip(), sort_order=next_order, active=True))
                next_order += 1
        s.flush()
        return insats.id


def rename_forbund(engine: Engine, forbund_id: int, name: str) -> None:
    with Session(engine) as s, s.begin():
        s.get_one(ForbundModel, forbund_id).name = name


def save_insats(engine: Engine, insats: Insats) -> int:
    """Insert (id None) or update a validated insats; returns its id."""
    with Session(engine) as s, s.begin():
        if insats.id is None:
            forbund_id = insats.forbund_id or s.scalar(select(func.min(ForbundModel.id)))
            if forbund_id is None:
                raise DomainError("Det finns inget förbund att lägga insatsen i.")
            m = InsatsModel(forbund_id=forbund_id)
            s.add(m)
        else:
            m = s.get_one(InsatsModel, insats.id)
        m.name, m.goals = insats.name, insats.goals
        m.start_date, m.end_date = insats.start, insats.end
        if insats.is_current:
            s.execute(update(InsatsModel).values(is_current=False))
        m.is_current = insats.is_current
        s.flush()
        return m.id


def set_current_insats(engine: Engine, insats_id: int) -> None:
    with Session(engine) as s, s.begin():
        s.get_one(InsatsModel, insats_id)
        s.execute(update(InsatsModel).values(is_current=InsatsModel.id == insats_id))


def save_kommuner(engine: Engine, forbund_id: int, kommuner: Sequence[Kommun]) -> None:
    """Make the förbund's kommuner exactly ``kommuner`` (in that order)."""
    with Session(engine) as s, s.begin():
        existing = {
            m.id: m
            for m in s.scalars(select(KommunModel).where(KommunModel.forbund_id == forbund_id))
        }
        kept = {k.id for k in kommuner if k.id is not None}
        for kid in set(existing) - kept:
            used = s.scalar(select(func.count()).where(ActivityModel.kommun_id == kid))
            if used:
                raise DomainError(
                    f"Kommunen {existing[kid].name} kan inte tas bort: "
                    f"den används av {_activities(used)}."
                )
            s.delete(existing[kid])
        s.flush()
        for i, k in enumerate(kommuner):
            m = existing[k.id] if k.id is not None else KommunModel(forbund_id=forbund_id)
            m.name, m.delregion, m.sort_order = k.name.strip(), k.delregion.strip(), i
            s.add(m)


def save_organisations(
    engine: Engine, forbund_id: int, organisations: Sequence[Organisation]
) -> None:
    """Make the förbund's organisations exactly ``organisations``."""
    with Session(engine) as s, s.begin():
        existing = {
            m.id: m
            for m in s.scalars(
                select(OrganisationModel).where(OrganisationModel.forbund_id == forbund_id)
            )
        }
        kept = {o.id for o in organisations if o.id is not None}
        for oid in set(existing) - kept:
            used = s.scalar(
                select(func.count()).where(ActivityCoorganiserModel.organisation_id == oid)
            )
            if used:
                raise DomainError(
                    f"Organisationen {existing[oid].name} kan inte tas bort: "
                    f"den är medarrangör till {_activities(used)}."
                )
            s.delete(existing[oid])
        s.flush()
        for o in organisations:
            m = existing[o.id] if o.id is not None else OrganisationModel(forbund_id=forbund_id)
            m.name, m.category = o.name.strip(), o.category.value
            s.add(m)


def save_activity_types(engine: Engine, types: Sequence[ActivityType]) -> None:
    """Make the list of activity types exactly ``types``, in that order."""
    if not any(t.active for t in types):
        raise ValidationError(["Minst en aktivitetstyp måste vara aktiv."])
    with Session(engine) as s, s.begin():
        existing = {m.id: m for m in s.scalars(select(ActivityTypeModel))}
        kept = {t.id for t in types if t.id is not None}
        for tid in set(existing) - kept:
            used = s.scalar(select(func.count()).where(ActivityModel.type_id == tid))
            if used:
                raise DomainError(
                    f"Aktivitetstypen {existing[tid].name} kan inte tas bort: den används av "
                    f"{_activities(used)}. Gör den inaktiv i stället."
                )
            s.delete(existing[tid])
        s.flush()
        for i, t in enumerate(types):
            m = existing[t.id] if t.id is not None else ActivityTypeModel()
            m.name, m.sort_order, m.active = t.name.strip(), i, t.active
            s.add(m)
