"""SQLAlchemy 2 models. The schema itself is created only by the Alembic migrations in db/."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

# Series, evaluations and measured goals (issue 14), and the insats's money (issue 15):
# registered on Base.metadata too.
from app.store import change_models, economy_models, plan_models  # noqa: F401
from app.store.columns import COUNT_COLUMNS, ORG_COLUMNS, ROLE_COLUMNS
from app.store.model_base import AttendanceColumns, Base, Versioned

# The rest of the year's record (issue 3) lives in its own module; importing it here
# registers its tables on Base.metadata wherever the models are used.
from app.store.record_models import ActivityParticipantModel


class ForbundModel(Versioned, Base):
    __tablename__ = "forbund"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))


class InsatsModel(Versioned, Base):
    __tablename__ = "insats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    forbund_id: Mapped[int] = mapped_column(ForeignKey("forbund.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(300))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    goals: Mapped[str] = mapped_column(Text, default="")
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)


class KommunModel(Versioned, Base):
    __tablename__ = "kommun"
    __table_args__ = (UniqueConstraint("forbund_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    forbund_id: Mapped[int] = mapped_column(ForeignKey("forbund.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    delregion: Mapped[str] = mapped_column(String(100), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class OrganisationModel(Versioned, Base):
    __tablename__ = "organisation"
    __table_args__ = (
        UniqueConstraint("forbund_id", "name"),
        CheckConstraint(
            "category IN "
            "('arbetsformedlingen','forsakringskassan','kommun','region','asf','annan')",
            name="category",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    forbund_id: Mapped[int] = mapped_column(ForeignKey("forbund.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30))


class ActivityTypeModel(Versioned, Base):
    __tablename__ = "activity_type"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


activity_checks = (
    CheckConstraint("scope IN ('kommun','lansovergripande','nationellt')", name="scope"),
    CheckConstraint("format IN ('fysiskt','digitalt','hybrid')", name="format"),
    CheckConstraint("status IN ('planerad','genomford','installd')", name="status"),
    CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
    CheckConstraint(" AND ".join(f"{c} >= 0" for c in COUNT_COLUMNS), name="counts_not_negative"),
    CheckConstraint(
        "(" + " + ".join(ORG_COLUMNS.values()) + ") <= participants", name="orgs_within_total"
    ),
    CheckConstraint(
        "(" + " + ".join(ROLE_COLUMNS.values()) + ") <= participants", name="roles_within_total"
    ),
    CheckConstraint("women + men <= participants", name="gender_within_total"),
    Index("ix_activity_insats_start", "insats_id", "start_date"),
    # Never reuse the id of a deleted activity: undo puts it back under that id.
    {"sqlite_autoincrement": True},
)


class ActivityModel(Versioned, AttendanceColumns, Base):
    __tablename__ = "activity"
    __table_args__ = activity_checks

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    type_id: Mapped[int] = mapped_column(ForeignKey("activity_type.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(500))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    scope: Mapped[str] = mapped_column(String(20), default="kommun")
    kommun_id: Mapped[int | None] = mapped_column(
        ForeignKey("kommun.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    place: Mapped[str] = mapped_column(String(300), default="")
    format: Mapped[str] = mapped_column(String(20), default="fysiskt")
    status: Mapped[str] = mapped_column(String(20), default="genomford")
    notes: Mapped[str] = mapped_column(Text, default="")
    # A meeting of a samverkansgrupp; a planned activity under a goal of the year plan.
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("samverkansgrupp.id", ondelete="SET NULL"), nullable=True, index=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_goal.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # Non-empty: the activity is a highlight of the report, described by this sentence.
    highlight: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Optional clock times as "HH:MM" (app.core.clock_times.stored_time).
    start_time: Mapped[str | None] = mapped_column(String(5), nullable=True)
    end_time: Mapped[str | None] = mapped_column(String(5), nullable=True)
    # The date or the counts are not given exactly by the source ("datum ungefärligt",
    # "ca" in the reports).
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    counts_approximate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # An occurrence of a series (plan_models.SeriesModel); the invitation's own fields.
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity_series.id", ondelete="SET NULL"), nullable=True, index=True
    )
    link: Mapped[str] = mapped_column(String(500), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    registration: Mapped[str] = mapped_column(Text, default="", server_default="")

    steps: Mapped[list[ActivityStepModel]] = relationship(
        cascade="all, delete-orphan", order_by="ActivityStepModel.step_date"
    )
    coorganisers: Mapped[list[ActivityCoorganiserModel]] = relationship(
        cascade="all, delete-orphan"
    )
    participants_named: Mapped[list[ActivityParticipantModel]] = relationship(
        cascade="all, delete-orphan"
    )


class ActivityStepModel(Versioned, Base):
    """One day of a training given in steps."""

    __tablename__ = "activity_step"
    __table_args__ = (UniqueConstraint("activity_id", "step_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    step_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str | None] = mapped_column(String(5), nullable=True)
    end_time: Mapped[str | None] = mapped_column(String(5), nullable=True)


class ActivityCoorganiserModel(Base):
    __tablename__ = "activity_coorganiser"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
