"""Feeds the core year summary with the year's and the previous year's activities."""

from __future__ import annotations

from sqlalchemy import Engine, and_, select
from sqlalchemy.orm import Session

from app.core.errors import DomainError
from app.core.summary import ActivityFact, YearSummary, build_year_summary
from app.core.vocabulary import Scope, Status
from app.store.activities import attendance_from_values, count_columns, year_bounds
from app.store.models import ActivityModel, ActivityTypeModel, InsatsModel, KommunModel
from app.store.reference import ReferenceRepository


class SummaryRepository:
    def __init__(self, engine: Engine, reference: ReferenceRepository) -> None:
        self._engine = engine
        self._reference = reference

    def facts(self, insats_id: int, year: int) -> list[ActivityFact]:
        first, after = year_bounds(year)
        q = (
            select(
                ActivityTypeModel.name,
                ActivityModel.scope,
                KommunModel.name,
                ActivityModel.status,
                *count_columns(),
            )
            .join(ActivityTypeModel, ActivityModel.type_id == ActivityTypeModel.id)
            .outerjoin(KommunModel, ActivityModel.kommun_id == KommunModel.id)
            .where(
                and_(
                    ActivityModel.insats_id == insats_id,
                    ActivityModel.start_date >= first,
                    ActivityModel.start_date < after,
                )
            )
        )
        scope_labels = {s.value: s.label for s in Scope}
        statuses = {s.value: s for s in Status}
        with Session(self._engine) as s:
            return [
                ActivityFact(
                    type_name=r[0],
                    place_label=r[2] if r[1] == "kommun" and r[2] else scope_labels[r[1]],
                    status=statuses[r[3]],
                    attendance=attendance_from_values(tuple(r[4:])),
                )
                for r in s.execute(q)
            ]

    def year_summary(self, insats_id: int, year: int) -> YearSummary:
        """The year's figures for an insats, compared with the year before."""
        with Session(self._engine) as s:
            insats = s.get(InsatsModel, insats_id)
            if insats is None:
                raise DomainError(f"Insatsen finns inte (id {insats_id}).")
            name, forbund_id = insats.name, insats.forbund_id
        return build_year_summary(
            year,
            name,
            self.facts(insats_id, year),
            self.facts(insats_id, year - 1),
            kommun_names=[k.name for k in self._reference.kommuner(forbund_id)],
            type_names=[t.name for t in self._reference.activity_types(include_inactive=True)],
        )
