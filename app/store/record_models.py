"""Models for the rest of the year's record: samverkansgrupper, named participants,
reach registered apart from activities, placements, county statistics, milestones and
the year plan. Figures are stored as reported; the checks in core flag contradictions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.report_texts import SECTIONS as REPORT_SECTIONS
from app.store.columns import COUNT_COLUMNS
from app.store.model_base import AttendanceColumns, Base, Versioned


class GroupModel(Versioned, Base):
    """A local samverkansgrupp in a kommun."""

    __tablename__ = "samverkansgrupp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    kommun_id: Mapped[int] = mapped_column(ForeignKey("kommun.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(200))
    formed: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class GroupStatusModel(Versioned, Base):
    """A change of a group's status on a date, with a note on why."""

    __tablename__ = "samverkansgrupp_status"
    __table_args__ = (
        CheckConstraint("status IN ('bildad','aktiv','vilande','avslutad')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("samverkansgrupp.id", ondelete="CASCADE"), index=True
    )
    status_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")


class GroupMemberModel(Versioned, Base):
    """A member of a group: an organisation and a role; the name is optional."""

    __tablename__ = "samverkansgrupp_member"
    __table_args__ = (
        CheckConstraint(
            "role IN ('tjansteperson','chef','fortroendevald','asf_foretradare','ovriga')",
            name="role",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("samverkansgrupp.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), nullable=True
    )
    role: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200), default="")


class PersonModel(Versioned, Base):
    """A named participant. Names are optional and can be erased; counts never depend on them."""

    __tablename__ = "person"
    # Never reuse the id of a removed person: backups forget erased persons by id.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    forbund_id: Mapped[int] = mapped_column(ForeignKey("forbund.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )
    email: Mapped[str] = mapped_column(String(200), default="")


class PendingBackupErasureModel(Base):
    """A person erased from the database whose erasure has not yet reached every backup.

    Written in the erasure's own transaction and removed once the backups are cleaned,
    so that a program that dies in between finishes the work at its next start. Only the
    id: the name is already gone.
    """

    __tablename__ = "pending_backup_erasure"

    person_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class ActivityParticipantModel(Base):
    __tablename__ = "activity_participant"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )


_REACH_COUNTS = " AND ".join(f"{c} >= 0" for c in COUNT_COLUMNS)


class RegisteredReachModel(Versioned, AttendanceColumns, Base):
    """People reached apart from the logged activities, with the reason.

    ``in_total`` False is reach kept out of the total on purpose (e.g. podcast listeners).
    """

    __tablename__ = "registered_reach"
    __table_args__ = (
        CheckConstraint("scope IN ('kommun','lansovergripande','nationellt')", name="scope"),
        CheckConstraint(_REACH_COUNTS, name="counts_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(String(20), default="lansovergripande")
    kommun_id: Mapped[int | None] = mapped_column(
        ForeignKey("kommun.id", ondelete="RESTRICT"), nullable=True
    )
    reason: Mapped[str] = mapped_column(Text)
    in_total: Mapped[bool] = mapped_column(Boolean, default=True)


_PLACEMENT_COUNTS = (
    "granted",
    "used",
    "women",
    "men",
    "unique_individuals",
    "out_arbete",
    "out_studier",
    "out_arbetsformedlingen",
    "out_offentlig_forsorjning",
    "out_fortsatt_insats",
    "out_annat",
)


class PlacementModel(Versioned, Base):
    """Funded individual placements (individinriktade insatser), as reported."""

    __tablename__ = "placement"
    __table_args__ = (
        CheckConstraint(
            " AND ".join(f"{c} >= 0" for c in _PLACEMENT_COUNTS), name="counts_not_negative"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    kommun_id: Mapped[int | None] = mapped_column(
        ForeignKey("kommun.id", ondelete="RESTRICT"), nullable=True
    )
    huvudman: Mapped[str] = mapped_column(String(200), default="")
    target_group: Mapped[str] = mapped_column(Text, default="")
    granted: Mapped[int] = mapped_column(Integer, default=0)
    used: Mapped[int] = mapped_column(Integer, default=0)
    women: Mapped[int] = mapped_column(Integer, default=0)
    men: Mapped[int] = mapped_column(Integer, default=0)
    unique_individuals: Mapped[int] = mapped_column(Integer, default=0)
    length_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    out_arbete: Mapped[int] = mapped_column(Integer, default=0)
    out_studier: Mapped[int] = mapped_column(Integer, default=0)
    out_arbetsformedlingen: Mapped[int] = mapped_column(Integer, default=0)
    out_offentlig_forsorjning: Mapped[int] = mapped_column(Integer, default=0)
    out_fortsatt_insats: Mapped[int] = mapped_column(Integer, default=0)
    out_annat: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class CountyStatsModel(Versioned, Base):
    """The county's ASF statistics for a year, totals and parts as reported."""

    __tablename__ = "county_stats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    forbund_id: Mapped[int] = mapped_column(ForeignKey("forbund.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    snapshot_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(Text, default="")
    companies_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    employees_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    employees_women: Mapped[int | None] = mapped_column(Integer, nullable=True)
    employees_men: Mapped[int | None] = mapped_column(Integer, nullable=True)
    placed_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    placed_arbetsformedlingen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    placed_kommun: Mapped[int | None] = mapped_column(Integer, nullable=True)
    placed_ovriga: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class CountyStatsRegionModel(Base):
    """Registered companies in one delregion (landskap) in a year's county statistics."""

    __tablename__ = "county_stats_region"

    stats_id: Mapped[int] = mapped_column(
        ForeignKey("county_stats.id", ondelete="CASCADE"), primary_key=True
    )
    delregion: Mapped[str] = mapped_column(String(100), primary_key=True)
    companies: Mapped[int] = mapped_column(Integer)
    # The order the regions were given in (0, 1, …): kept by a copy and on a server (0011).
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")


class MilestoneModel(Versioned, Base):
    __tablename__ = "milestone"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('policy','riktlinje','handlingsplan','reserverat_kontrakt','pris',"
            "'granskning','media','projekt_start','projekt_slut','annat')",
            name="kind",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    milestone_date: Mapped[date] = mapped_column(Date)
    kommun_id: Mapped[int | None] = mapped_column(
        ForeignKey("kommun.id", ondelete="RESTRICT"), nullable=True
    )
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(Text, default="")
    # The date is not given exactly by the source ("datum ungefärligt" in the reports).
    date_approximate: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class PlanGoalModel(Versioned, Base):
    """A goal of the year plan (handlingsplan); planned activities point at it."""

    __tablename__ = "plan_goal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class SettingModel(Base):
    """Plain key/value settings that belong to the database (e.g. the gallring period)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReportTextModel(Versioned, Base):
    """The user's own text (bakgrund, analys, slutsatser) for a year or a span of years."""

    __tablename__ = "report_text"
    __table_args__ = (
        CheckConstraint(
            "section IN (" + ",".join(f"'{s}'" for s in REPORT_SECTIONS) + ")", name="section"
        ),
        UniqueConstraint("insats_id", "first_year", "last_year", "section"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)


class StatedFigureModel(Versioned, Base):
    """A figure as another document states it (e.g. a hand-typed total), kept to be checked."""

    __tablename__ = "stated_figure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    first_year: Mapped[int] = mapped_column(Integer)
    last_year: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(50))
    value: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")
