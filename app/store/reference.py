"""The förbund, its insatser, kommuner, organisations and the list of activity types."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from app.core.entities import ActivityType, Forbund, Insats, Kommun, Organisation
from app.core.errors import DomainError, ValidationError
from app.core.setup import InitialSetup, check_names, validate_setup
from app.core.validation import validate_insats
from app.core.vocabulary import OrgCategory
from app.store.models import (
    ActivityCoorganiserModel,
    ActivityModel,
    ActivityTypeModel,
    ForbundModel,
    InsatsModel,
    KommunModel,
    OrganisationModel,
)


def _insats(m: InsatsModel) -> Insats:
    return Insats(m.id, m.forbund_id, m.name, m.start_date, m.end_date, m.goals, m.is_current)


class ReferenceRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- set-up -------------------------------------------------------------------------
    def is_set_up(self) -> bool:
        with Session(self._engine) as s:
            return s.scalar(select(func.count()).select_from(InsatsModel)) != 0

    def set_up(self, setup: InitialSetup) -> Insats:
        """Create the förbund, its current insats and its lists, all in one transaction."""
        setup = validate_setup(setup)
        with Session(self._engine) as s, s.begin():
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
            return _insats(insats)

    # --- insatser -----------------------------------------------------------------------
    def current_insats(self) -> Insats | None:
        with Session(self._engine) as s:
            m = s.scalar(
                select(InsatsModel).order_by(InsatsModel.is_current.desc(), InsatsModel.id)
            )
            return None if m is None else _insats(m)

    def insatser(self) -> list[Insats]:
        with Session(self._engine) as s:
            return [_insats(m) for m in s.scalars(select(InsatsModel).order_by(InsatsModel.id))]

    def forbund(self, forbund_id: int) -> Forbund:
        with Session(self._engine) as s:
            m = s.get_one(ForbundModel, forbund_id)
            return Forbund(m.id, m.name)

    def rename_forbund(self, forbund_id: int, name: str) -> None:
        if not name.strip():
            raise ValidationError(["Ange förbundets namn."])
        with Session(self._engine) as s, s.begin():
            s.get_one(ForbundModel, forbund_id).name = name.strip()

    def save_insats(self, insats: Insats) -> Insats:
        """Insert (id None) or update an insats. A saved current insats becomes the only one."""
        insats = validate_insats(insats)
        with Session(self._engine) as s, s.begin():
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
            return _insats(m)

    def set_current_insats(self, insats_id: int) -> None:
        with Session(self._engine) as s, s.begin():
            s.execute(update(InsatsModel).values(is_current=InsatsModel.id == insats_id))

    # --- lists --------------------------------------------------------------------------
    def kommuner(self, forbund_id: int) -> list[Kommun]:
        with Session(self._engine) as s:
            rows = s.scalars(
                select(KommunModel)
                .where(KommunModel.forbund_id == forbund_id)
                .order_by(KommunModel.sort_order, KommunModel.name)
            )
            return [Kommun(m.id, m.name, m.delregion) for m in rows]

    def organisations(self, forbund_id: int) -> list[Organisation]:
        with Session(self._engine) as s:
            rows = s.scalars(
                select(OrganisationModel)
                .where(OrganisationModel.forbund_id == forbund_id)
                .order_by(OrganisationModel.name)
            )
            return [Organisation(m.id, m.name, OrgCategory(m.category)) for m in rows]

    def activity_types(self, *, include_inactive: bool = False) -> list[ActivityType]:
        with Session(self._engine) as s:
            q = select(ActivityTypeModel).order_by(ActivityTypeModel.sort_order)
            if not include_inactive:
                q = q.where(ActivityTypeModel.active)
            return [ActivityType(m.id, m.name, m.active) for m in s.scalars(q)]

    def save_kommuner(self, forbund_id: int, kommuner: Sequence[Kommun]) -> list[Kommun]:
        """Make the förbund's kommuner exactly ``kommuner`` (in that order)."""
        _raise_if(check_names("kommun", [k.name for k in kommuner]))
        with Session(self._engine) as s, s.begin():
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
                        f"den används av {used} aktiviteter."
                    )
                s.delete(existing[kid])
            s.flush()
            for i, k in enumerate(kommuner):
                m = existing[k.id] if k.id is not None else KommunModel(forbund_id=forbund_id)
                m.name, m.delregion, m.sort_order = k.name.strip(), k.delregion.strip(), i
                s.add(m)
        return self.kommuner(forbund_id)

    def save_organisations(
        self, forbund_id: int, organisations: Sequence[Organisation]
    ) -> list[Organisation]:
        """Make the förbund's organisations exactly ``organisations``."""
        _raise_if(check_names("organisation", [o.name for o in organisations]))
        with Session(self._engine) as s, s.begin():
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
                        f"den är medarrangör till {used} aktiviteter."
                    )
                s.delete(existing[oid])
            s.flush()
            for o in organisations:
                m = existing[o.id] if o.id is not None else OrganisationModel(forbund_id=forbund_id)
                m.name, m.category = o.name.strip(), o.category.value
                s.add(m)
        return self.organisations(forbund_id)

    def save_activity_types(self, types: Sequence[ActivityType]) -> list[ActivityType]:
        """Make the list of activity types exactly ``types``, in that order.

        A type in use cannot be removed (it can be made inactive instead).
        """
        _raise_if(check_names("aktivitetstyp", [t.name for t in types]))
        if not any(t.active for t in types):
            raise ValidationError(["Minst en aktivitetstyp måste vara aktiv."])
        with Session(self._engine) as s, s.begin():
            existing = {m.id: m for m in s.scalars(select(ActivityTypeModel))}
            kept = {t.id for t in types if t.id is not None}
            for tid in set(existing) - kept:
                used = s.scalar(select(func.count()).where(ActivityModel.type_id == tid))
                if used:
                    raise DomainError(
                        f"Aktivitetstypen {existing[tid].name} kan inte tas bort: den används av "
                        f"{used} aktiviteter. Gör den inaktiv i stället."
                    )
                s.delete(existing[tid])
            s.flush()
            for i, t in enumerate(types):
                m = existing[t.id] if t.id is not None else ActivityTypeModel()
                m.name, m.sort_order, m.active = t.name.strip(), i, t.active
                s.add(m)
        return self.activity_types(include_inactive=True)


def _raise_if(problems: list[str]) -> None:
    if problems:
        raise ValidationError(problems)
