"""Writing placements, county statistics and milestones (ORM), one transaction each."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from app.core.county_stats import CountyStats
from app.core.errors import DomainError
from app.core.milestones import Milestone
from app.core.placements import Placement
from app.core.vocabulary import Outcome, PlacedSource
from app.store.commits import commit
from app.store.record_models import (
    CountyStatsModel,
    CountyStatsRegionModel,
    MilestoneModel,
    PlacementModel,
)
from app.store.record_versions import check, checked

M = TypeVar("M", PlacementModel, CountyStatsModel, MilestoneModel)

_MODELS: dict[str, tuple[type[PlacementModel | CountyStatsModel | MilestoneModel], str]] = {
    "placement": (PlacementModel, "Placeringen"),
    "county_stats": (CountyStatsModel, "Länsstatistiken"),
    "milestone": (MilestoneModel, "Milstolpen"),
}


def _get(s: Session, model: type[M], row_id: int | None, what: str, version: int = 0) -> M:
    """The row to update (a new one when ``row_id`` is None); VersionConflict when it is
    stored at another version than ``version``, the one the save started from."""
    if row_id is None:
        m = model()
        s.add(m)
        return m
    found = s.get(model, row_id)
    if found is None:
        raise DomainError(f"{what} finns inte längre; den kan ha tagits bort.")
    check(found.version, version)
    return found


_WHY = (
    ": den hänvisar till en insats, kommun eller organisation som inte finns, eller har "
    "ett negativt antal"
)


def _commit(s: Session, what: str) -> None:
    commit(s, what, _WHY)


def save_placement(engine: Engine, p: Placement) -> int:
    """Insert or update a validated placement; returns its id."""
    with Session(engine) as s, checked(s):
        m = _get(s, PlacementModel, p.id, "Placeringen", p.version)
        m.insats_id, m.year = p.insats_id, p.year
        m.kommun_id, m.huvudman, m.target_group = p.kommun_id, p.huvudman, p.target_group
        m.granted, m.used, m.women, m.men = p.granted, p.used, p.women, p.men
        m.unique_individuals, m.length_months = p.unique_individuals, p.length_months
        for outcome in Outcome:
            setattr(m, f"out_{outcome.value}", p.outcome(outcome))
        m.notes = p.notes
        _commit(s, "Placeringen")
        return m.id


def save_county_stats(engine: Engine, st: CountyStats) -> int:
    """Insert or update validated statistics with their delregioner; returns the id.

    Refuses a second set of statistics for the same förbund and year.
    """
    with Session(engine) as s, checked(s):
        clash = s.scalar(
            select(CountyStatsModel.id).where(
                CountyStatsModel.forbund_id == st.forbund_id,
                CountyStatsModel.year == st.year,
                CountyStatsModel.id != (st.id if st.id is not None else -1),
            )
        )
        if clash is not None:
            raise DomainError(
                f"Det finns redan länsstatistik för {st.year}. "
                "Redigera den i stället för att lägga till en ny."
            )
        m = _get(s, CountyStatsModel, st.id, "Länsstatistiken", st.version)
        m.forbund_id, m.year = st.forbund_id, st.year
        m.snapshot_date, m.source, m.notes = st.snapshot_date, st.source, st.notes
        m.companies_total = st.companies_total
        m.employees_total = st.employees_total
        m.employees_women, m.employees_men = st.employees_women, st.employees_men
        m.placed_total = st.placed_total
        for src in PlacedSource:
            setattr(m, f"placed_{src.value}", st.placed(src))
        s.flush()
        s.execute(delete(CountyStatsRegionModel).where(CountyStatsRegionModel.stats_id == m.id))
        for position, (region, n) in enumerate(st.companies_by_region.items()):
            s.add(
                CountyStatsRegionModel(
                    stats_id=m.id, delregion=region, companies=n, position=position
                )
            )
        _commit(s, "Länsstatistiken")
        return m.id


def save_milestone(engine: Engine, ms: Milestone) -> int:
    """Insert or update a validated milestone; returns its id."""
    with Session(engine) as s, checked(s):
        m = _get(s, MilestoneModel, ms.id, "Milstolpen", ms.version)
        m.insats_id, m.milestone_date, m.kind = ms.insats_id, ms.day, ms.kind.value
        m.text, m.link, m.date_approximate = ms.text, ms.link, ms.date_approximate
        m.kommun_id, m.organisation_id = ms.kommun_id, ms.organisation_id
        _commit(s, "Milstolpen")
        return m.id


def delete_row(engine: Engine, table: str, row_id: int) -> None:
    """Delete one placement, county statistics (with its delregioner) or milestone."""
    model, what = _MODELS[table]
    with Session(engine) as s:
        found = s.get(model, row_id)
        if found is None:
            raise DomainError(f"{what} finns inte längre; den kan ha tagits bort.")
        s.delete(found)
        _commit(s, what)
