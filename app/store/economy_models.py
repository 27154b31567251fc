"""Models of the insats's money (issue 15): budget lines, the budget per year and line,
the costs (by hand, planned, or from the ledger), the konto → line mapping the user
confirmed, and the user's notes on the funding rules' findings. Amounts are öre."""

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
from sqlalchemy.orm import Mapped, mapped_column

from app.store.model_base import Base, Versioned


class BudgetLineModel(Versioned, Base):
    """A line of the budget (Personal, Lokaler …): one list for the whole database."""

    __tablename__ = "budget_line"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    placements: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class BudgetModel(Versioned, Base):
    """The budget of one line in one year of an insats."""

    __tablename__ = "budget"
    __table_args__ = (
        UniqueConstraint("insats_id", "year", "line_id"),
        CheckConstraint("amount >= 0", name="amount"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    line_id: Mapped[int] = mapped_column(ForeignKey("budget_line.id", ondelete="RESTRICT"))
    amount: Mapped[int] = mapped_column(Integer)


class CostModel(Versioned, Base):
    """A cost of the insats: booked (by hand, or a line of the ledger with its
    verifikation, konto and kontonamn) or planned."""

    __tablename__ = "cost"
    __table_args__ = (
        CheckConstraint("amount <> 0", name="amount"),
        Index("ix_cost_insats_day", "insats_id", "day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insats.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    line_id: Mapped[int] = mapped_column(ForeignKey("budget_line.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text, default="")
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), nullable=True, index=True
    )
    verifikation: Mapped[str] = mapped_column(String(50), default="")
    konto: Mapped[str] = mapped_column(String(20), default="")
    kontonamn: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(260), default="")
    planned: Mapped[bool] = mapped_column(Boolean, default=False)


class KontoMappingModel(Base):
    """The budget line a ledger konto goes to, as the user confirmed it; line_id None:
    the konto is not a cost of the insats and its ledger lines are not imported."""

    __tablename__ = "konto_mapping"

    konto: Mapped[str] = mapped_column(String(20), primary_key=True)
    line_id: Mapped[int | None] = mapped_column(
        ForeignKey("budget_line.id", ondelete="RESTRICT"), nullable=True
    )
    kontonamn: Mapped[str] = mapped_column(String(200), default="")


class CostNoteModel(Versioned, Base):
    """The user's note on a funding rule's finding for a cost (why it is all right)."""

    __tablename__ = "cost_note"
    __table_args__ = (UniqueConstraint("cost_id", "rule"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cost_id: Mapped[int] = mapped_column(ForeignKey("cost.id", ondelete="CASCADE"))
    rule: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
