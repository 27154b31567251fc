"""Series of activities: a rule (activity_series) and its occurrences, each an ordinary
activity with ``series_id``. Creating a series writes the rule and every occurrence in
one transaction; "denna och alla följande" changes or deletes the occurrences from one
on, also in one transaction. Each occurrence can still be changed on its own (the
activity repository's update).

A held occurrence that already has counts keeps them when the following ones get new
counts: ``FollowingResult.kept_counts`` names them, for the window to say so.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.entities import Activity, Insats
from app.core.errors import DomainError
from app.core.series import Series, SeriesRule, checked
from app.core.validation import validate_activity
from app.core.vocabulary import Status
from app.store.activity_writes import _commit, _fill
from app.store.database_protocol import Database
from app.store.models import ActivityModel
from app.store.plan_models import SeriesModel, rule_columns

# What a change of "denna och alla följande" never carries over: the dates (each
# occurrence keeps its own), who it is and which series.
NOT_CARRIED = frozenset({"id", "start", "end", "steps", "step_times", "series_id"})
# The counts a held occurrence keeps.
COUNTS = frozenset({"attendance", "counts_approximate", "participant_ids"})
_GONE = "Serien finns inte längre; den kan ha tagits bort."


@dataclass(frozen=True)
class FollowingResult:
    changed: tuple[int, ...]  # the occurrences written
    kept_counts: tuple[int, ...]  # held occurrences whose counts were kept


def _rule(m: SeriesModel) -> SeriesRule:
    return SeriesRule(m.frequency, m.interval, m.weekday, m.first_date, m.nth, m.until, m.count)


def changed_fields(before: Activity, after: Activity) -> set[str]:
    """The fields of an occurrence the user changed (its dates never count)."""
    return {
        f.name
        for f in fields(Activity)
        if f.name not in NOT_CARRIED and getattr(before, f.name) != getattr(after, f.name)
    }


def has_counts(a: Activity) -> bool:
    return a.status is Status.GENOMFORD and a.attendance.total > 0


def occurrence(template: Activity, day: date, first: bool) -> Activity:
    """The template on ``day`` (a span of days keeps its length). Named participants
    and the report's highlight belong to the first occurrence only."""
    end = template.end + (day - template.start) if template.end else None
    return replace(
        template,
        id=None,
        start=day,
        end=end,
        steps=(),
        step_times=(),
        participant_ids=template.participant_ids if first else (),
        highlight=template.highlight if first else "",
    )


class SeriesRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- reads --------------------------------------------------------------------------
    def get(self, series_id: int) -> Series:
        with Session(self._db.engine) as s:
            m = s.get(SeriesModel, series_id)
            if m is None:
                raise DomainError(_GONE)
            ids = s.scalars(
                select(ActivityModel.id)
                .where(ActivityModel.series_id == series_id)
                .order_by(ActivityModel.start_date, ActivityModel.id)
            ).all()
            return Series(m.id, m.insats_id, _rule(m), tuple(ids))

    def of_insats(self, insats_id: int) -> list[Series]:
        with Session(self._db.engine) as s:
            ids = s.scalars(
                select(SeriesModel.id)
                .where(SeriesModel.insats_id == insats_id)
                .order_by(SeriesModel.id)
            ).all()
        return [self.get(i) for i in ids]

    # --- writes -------------------------------------------------------------------------
    def create(
        self, template: Activity, rule: SeriesRule, insats: Insats | None = None
    ) -> list[int]:
        """Write the series and an occurrence of ``template`` on each of its dates, in one
        transaction; the occurrences' ids, by date."""
        days = checked(rule, insats.years if insats else None)
        activities = [
            validate_activity(occurrence(template, d, first=i == 0)) for i, d in enumerate(days)
        ]
        with Session(self._db.engine) as s:
            series = SeriesModel(insats_id=template.insats_id, **rule_columns(rule))
            s.add(series)
            s.flush()
            models = []
            for a in activities:
                m = ActivityModel()
                _fill(m, replace(a, series_id=series.id))
                s.add(m)
                models.append(m)
            _commit(s)
            return [m.id for m in models]

    def following_ids(self, activity_id: int) -> list[int]:
        """The occurrences from ``activity_id`` on (itself first), by date then id."""
        series = self._series_of(activity_id)
        ids = series.occurrence_ids
        return list(ids[ids.index(activity_id) :])

    def _series_of(self, activity_id: int) -> Series:
        with Session(self._db.engine) as s:
            m = s.get(ActivityModel, activity_id)
            if m is None:
                raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
            if m.series_id is None:
                raise DomainError("Aktiviteten ingår inte i någon serie.")
            series_id = m.series_id
        return self.get(series_id)

    def update_following(self, before: Activity, after: Activity) -> FollowingResult:
        """Save ``after`` (an occurrence as edited) and carry the fields changed from
        ``before`` over to every following occurrence, in one transaction. Each keeps its
        own date; a held one with counts keeps its counts."""
        if after.id is None:
            raise ValueError("update_following needs an occurrence with an id")
        ids = self.following_ids(after.id)
        after = validate_activity(after)
        changed = changed_fields(before, after)
        from app.store.activities import ActivityRepository

        stored = ActivityRepository(self._db).get_many(ids[1:])
        written: list[Activity] = [after]
        kept: list[int] = []
        for a in stored:
            carried = changed
            if has_counts(a) and changed & COUNTS:
                carried = changed - COUNTS
                kept.append(a.id or 0)
            new = replace(a, **{name: getattr(after, name) for name in carried})
            if new != a:
                written.append(validate_activity(new))
        with Session(self._db.engine) as s:
            for a in written:
                m = s.get(ActivityModel, a.id)
                if m is None:
                    raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
                m.steps.clear()
                m.coorganisers.clear()
                m.participants_named.clear()
                s.flush()
                _fill(m, a)
            _commit(s)
        return FollowingResult(tuple(a.id or 0 for a in written), tuple(kept))

    def cancel(self, activity_id: int) -> None:
        """Ställ in one occurrence (status inställd); its counts stay as they are."""
        with Session(self._db.engine) as s:
            m = s.get(ActivityModel, activity_id)
            if m is None:
                raise DomainError("Aktiviteten finns inte längre; den kan ha tagits bort.")
            m.status = Status.INSTALLD.value
            _commit(s)

    def delete_following(self, activity_id: int) -> list[int]:
        """Delete the occurrence and every following one; the series then ends with the
        one before (or goes, when none is left). The ids deleted."""
        series = self._series_of(activity_id)
        ids = self.following_ids(activity_id)
        left = [i for i in series.occurrence_ids if i not in set(ids)]
        with Session(self._db.engine) as s:
            s.execute(delete(ActivityModel).where(ActivityModel.id.in_(ids)))
            m = s.get(SeriesModel, series.id)
            assert m is not None
            if not left:
                s.delete(m)
            else:
                last = s.get(ActivityModel, left[-1])
                assert last is not None
                if m.count is not None:
                    m.count = len(left)
                else:
                    m.until = last.start_date
            _commit(s)
        return ids

    def delete_series(self, series_id: int) -> list[int]:
        """Delete the series and every occurrence of it; the ids deleted."""
        series = self.get(series_id)
        with Session(self._db.engine) as s:
            s.execute(delete(ActivityModel).where(ActivityModel.series_id == series_id))
            s.execute(delete(SeriesModel).where(SeriesModel.id == series_id))
            _commit(s)
        return list(series.occurrence_ids)
