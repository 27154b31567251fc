"""Writing the förbund, its insatser, kommuner, organisations and activity types (ORM)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
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
from app.store.plan_models import GoalMeasureModel
from app.store.record_models import (
    GroupMemberModel,
    GroupModel,
    MilestoneModel,
    PlacementModel,
    RegisteredReachModel,
)
from app.store.record_versions import VersionConflict

M = TypeVar("M", ForbundModel, InsatsModel)

# A kept row's name while a list is saved, so that names may be swapped: no name a user
# types starts with it, and both backends store it (PostgreSQL's text takes no NUL).
PLACEHOLDER = "\x01"


def _get(s: Session, model: type[M], row_id: int, what: str) -> M:
    m = s.get(model, row_id)
    if m is None:
        raise DomainError(f"{what} finns inte längre (id {row_id}).")
    return m


# Where a row can be in use: (singular, plural, the column that points at it).
Use = tuple[str, str, Any]


def _uses_text(counts: list[tuple[int, str, str]]) -> str:
    """'2 aktiviteter och 1 samverkansgrupp' from (n, singular, plural) with n > 0."""
    parts = [f"{n} {one if n == 1 else many}" for n, one, many in counts]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]


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
        _get(s, ForbundModel, forbund_id, "Förbundet").name = name


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
            m = _get(s, InsatsModel, insats.id, "Insatsen")
        m.name, m.goals = insats.name, insats.goals
        m.start_date, m.end_date = insats.start, insats.end
        if insats.is_current:
            _no_longer_current(s, insats.id)
        m.is_current = insats.is_current
        s.flush()
        return m.id


def _no_longer_current(s: Session, keep: int | None) -> None:
    """The current insats (other than ``keep``) is current no longer: a change of it, so
    a new version; the others are not written."""
    others = update(InsatsModel).where(InsatsModel.is_current.in_([True]))
    if keep is not None:
        others = others.where(InsatsModel.id != keep)
    s.execute(others.values(is_current=False, version=InsatsModel.version + 1))


def set_current_insats(engine: Engine, insats_id: int) -> None:
    with Session(engine) as s, s.begin():
        m = _get(s, InsatsModel, insats_id, "Insatsen")
        _no_longer_current(s, insats_id)
        m.is_current = True


Row = TypeVar("Row", KommunModel, OrganisationModel, ActivityTypeModel)
Item = TypeVar("Item", Kommun, Organisation, ActivityType)


def _replace_list(
    s: Session,
    existing: dict[int, Row],
    wanted: Sequence[Item],
    *,
    uses: Sequence[Use],
    refusal: Callable[[Row, str], str],
    new: Callable[[], Row],
    apply: Callable[[Row, Item, int], None],
) -> None:
    """Make the rows ``existing`` exactly ``wanted``: update, add, and delete unused rows.

    Kept rows whose name changes first get temporary names, so that names may be swapped
    between them; a row that keeps its name is not written (its version stays).
    """
    kept = {w.id for w in wanted if w.id is not None}
    if kept - existing.keys():
        raise DomainError("Listan har ändrats av någon annan. Stäng fönstret och försök igen.")
    for w in wanted:
        if w.id is not None and w.version and existing[w.id].version != w.version:
            raise VersionConflict(existing[w.id].version, w.id)
    for row_id in existing.keys() - kept:
        counts = [
            (n, one, many)
            for one, many, column in uses
            if (n := s.scalar(select(func.count()).where(column == row_id)) or 0)
        ]
        if counts:
            raise DomainError(refusal(existing[row_id], _uses_text(counts)))
        s.delete(existing[row_id])
    s.flush()
    names = {w.id: w.name.strip() for w in wanted if w.id is not None}
    renamed = {i: existing[i].version for i in kept if existing[i].name != names[i]}
    for row_id in renamed:
        existing[row_id].name = f"{PLACEHOLDER}{row_id}"
    s.flush()
    for i, w in enumerate(wanted):
        m = existing[w.id] if w.id is not None else new()
        apply(m, w, i)
        s.add(m)
    s.flush()
    for row_id, version in renamed.items():  # one saved change: one version, not two
        model = type(existing[row_id])
        s.execute(
            update(model)
            .where(model.id == row_id)
            .values(version=version + 1)
            .execution_options(synchronize_session=False)
        )


def _commit(s: Session) -> None:
    try:
        s.commit()
    except IntegrityError as exc:
        s.rollback()
        raise DomainError(f"Ändringen kunde inte sparas ({exc.orig}).") from exc


def save_kommuner(engine: Engine, forbund_id: int, kommuner: Sequence[Kommun]) -> None:
    """Make the förbund's kommuner exactly ``kommuner`` (in that order)."""

    def apply(m: KommunModel, k: Kommun, i: int) -> None:
        m.name, m.delregion, m.sort_order = k.name.strip(), k.delregion.strip(), i

    with Session(engine) as s:
        existing = {
            m.id: m
            for m in s.scalars(select(KommunModel).where(KommunModel.forbund_id == forbund_id))
        }
        _replace_list(
            s,
            existing,
            kommuner,
            uses=(
                ("aktivitet", "aktiviteter", ActivityModel.kommun_id),
                ("samverkansgrupp", "samverkansgrupper", GroupModel.kommun_id),
                ("registrerad nåbarhet", "registrerade nåbarheter", RegisteredReachModel.kommun_id),
                ("placering", "placeringar", PlacementModel.kommun_id),
                ("milstolpe", "milstolpar", MilestoneModel.kommun_id),
            ),
            refusal=lambda m, used: f"Kommunen {m.name} kan inte tas bort: den används av {used}.",
            new=lambda: KommunModel(forbund_id=forbund_id),
            apply=apply,
        )
        _commit(s)


def save_organisations(
    engine: Engine, forbund_id: int, organisations: Sequence[Organisation]
) -> None:
    """Make the förbund's organisations exactly ``organisations``."""

    def apply(m: OrganisationModel, o: Organisation, _i: int) -> None:
        m.name, m.category = o.name.strip(), o.category.value

    with Session(engine) as s:
        existing = {
            m.id: m
            for m in s.scalars(
                select(OrganisationModel).where(OrganisationModel.forbund_id == forbund_id)
            )
        }
        _replace_list(
            s,
            existing,
            organisations,
            uses=(
                (
                    "aktivitet (medarrangör)",
                    "aktiviteter (medarrangör)",
                    ActivityCoorganiserModel.organisation_id,
                ),
                ("gruppmedlem", "gruppmedlemmar", GroupMemberModel.organisation_id),
                ("milstolpe", "milstolpar", MilestoneModel.organisation_id),
            ),
            refusal=lambda m, used: (
                f"Organisationen {m.name} kan inte tas bort: den används av {used}."
            ),
            new=lambda: OrganisationModel(forbund_id=forbund_id),
            apply=apply,
        )
        _commit(s)


def save_activity_types(engine: Engine, types: Sequence[ActivityType]) -> None:
    """Make the list of activity types exactly ``types``, in that order."""
    if not any(t.active for t in types):
        raise ValidationError(["Minst en aktivitetstyp måste vara aktiv."])

    def apply(m: ActivityTypeModel, t: ActivityType, i: int) -> None:
        m.name, m.sort_order, m.active = t.name.strip(), i, t.active

    with Session(engine) as s:
        _replace_list(
            s,
            {m.id: m for m in s.scalars(select(ActivityTypeModel))},
            types,
            uses=(
                ("aktivitet", "aktiviteter", ActivityModel.type_id),
                ("mått med målvärde", "mått med målvärden", GoalMeasureModel.type_id),
            ),
            refusal=lambda m, used: (
                f"Aktivitetstypen {m.name} kan inte tas bort: den används av "
                f"{used}. Gör den inaktiv i stället."
            ),
            new=ActivityTypeModel,
            apply=apply,
        )
        _commit(s)
