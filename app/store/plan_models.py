"""Models of planning and follow-up (issue 14): series of activities, evaluations
(enkäter) of an activity, and the measures with targets that a goal carries.

Evaluations hold counts and selected quotes only: no respondent's name or e-mail
address is ever stored."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.goal_kinds import MEASURE_KINDS, SERIES_FREQUENCIES
from app.store.model_base import Base, Versioned

if TYPE_CHECKING:
    from app.core.series import SeriesRule


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ",".join(f"'{v}'" for v in values) + ")"


class SeriesModel(Versioned, Base):
    """A recurring activity: every ``interval`` weeks on the first date's weekday, or
    every ``interval`` months on the ``nth`` ``weekday`` (0 = måndag; nth -1 = last),
    until a date or for a count of occurrences. The occurrences are activities with
    ``series_id``; each can be changed or cancelled on its own."""

    __tablename__ = "activity_series"
    __table_args__ = (
        CheckConstraint(_in("frequency", SERIES_FREQUENCIES), name="frequency"),
        CheckConstraint("interval >= 1", name="interval"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("nth IS NULL OR nth IN (-1, 1, 2, 3, 4, 5)", name="nth"),
        CheckConstraint("until IS NOT NULL OR count IS NOT NULL", name="ends"),
        CheckConstraint("count IS NULL OR count >= 1", name="count"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    frequency: Mapped[str] = mapped_column(String(10))
    interval: Mapped[int] = mapped_column(Integer, default=1)
    weekday: Mapped[int] = mapped_column(Integer)
    nth: Mapped[int | None] = mapped_column(Integer, nullable=True)
    first_date: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    count: Mapped[int | None] = mapped_column(Integer, nullable=True)


def rule_columns(rule: SeriesRule) -> dict[str, Any]:
    """A series row's columns for ``rule`` (its insats aside)."""
    return {
        "frequency": rule.frequency,
        "interval": rule.interval,
        "weekday": rule.weekday,
        "nth": rule.nth if rule.monthly else None,
        "first_date": rule.first_date,
        "until": rule.until,
        "count": rule.count,
    }


class EvaluationModel(Versioned, Base):
    """The evaluation (enkät) of one activity: how many were asked and answered."""

    __tablename__ = "evaluation"
    __table_args__ = (
        CheckConstraint("asked IS NULL OR asked >= 0", name="asked"),
        CheckConstraint("answered >= 0", name="answered"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), unique=True
    )
    # None: everyone who came was asked (the activity's participants).
    asked: Mapped[int | None] = mapped_column(Integer, nullable=True)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(Text, default="")  # e.g. "Microsoft Forms"
    notes: Mapped[str] = mapped_column(Text, default="")


class EvaluationQuestionModel(Versioned, Base):
    """One question on a 1–5 scale: how many answered each value."""

    __tablename__ = "evaluation_question"
    __table_args__ = (
        UniqueConstraint("evaluation_id", "sort_order"),
        CheckConstraint("n1 >= 0 AND n2 >= 0 AND n3 >= 0 AND n4 >= 0 AND n5 >= 0", name="counts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    n1: Mapped[int] = mapped_column(Integer, default=0)
    n2: Mapped[int] = mapped_column(Integer, default=0)
    n3: Mapped[int] = mapped_column(Integer, default=0)
    n4: Mapped[int] = mapped_column(Integer, default=0)
    n5: Mapped[int] = mapped_column(Integer, default=0)


class EvaluationQuoteModel(Versioned, Base):
    """A free-text answer the user chose to keep (never with who wrote it)."""

    __tablename__ = "evaluation_quote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    question: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)


class GoalMeasureModel(Versioned, Base):
    """A measure with a target under a goal: of the year plan (``goal_id``), or of the
    insats over its whole period (``goal_id`` None). ``type_id`` narrows ACTIVITIES to
    one type; ``milestone_kind`` names the milestones POLICY_KOMMUNER counts;
    ``manual_value`` is the outcome of a MANUAL measure."""

    __tablename__ = "goal_measure"
    __table_args__ = (
        CheckConstraint(_in("kind", MEASURE_KINDS), name="kind"),
        CheckConstraint("target >= 0", name="target"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_goal.id", ondelete="CASCADE"), nullable=True, index=True
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30))
    target: Mapped[float] = mapped_column(Float)
    type_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity_type.id", ondelete="RESTRICT"), nullable=True
    )
    milestone_kind: Mapped[str | None] = mapped_column(String(30), nullable=True)
    manual_value: Mapped[float | None] = mapped_column(Float, nullable=True)
