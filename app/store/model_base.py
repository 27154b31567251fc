"""The declarative base every model is declared on, and the attendance columns that an
activity and a registered reach share. Its own module so that app.store.models and
app.store.record_models both build on it without importing each other."""

from __future__ import annotations

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class AttendanceColumns:
    """Who came, as counts: the total and its breakdowns (app.store.columns names them)."""

    participants: Mapped[int] = mapped_column(Integer, default=0)
    org_arbetsformedlingen: Mapped[int] = mapped_column(Integer, default=0)
    org_forsakringskassan: Mapped[int] = mapped_column(Integer, default=0)
    org_kommun: Mapped[int] = mapped_column(Integer, default=0)
    org_region: Mapped[int] = mapped_column(Integer, default=0)
    org_asf: Mapped[int] = mapped_column(Integer, default=0)
    org_annan: Mapped[int] = mapped_column(Integer, default=0)
    role_tjansteperson: Mapped[int] = mapped_column(Integer, default=0)
    role_chef: Mapped[int] = mapped_column(Integer, default=0)
    role_fortroendevald: Mapped[int] = mapped_column(Integer, default=0)
    role_asf_foretradare: Mapped[int] = mapped_column(Integer, default=0)
    role_ovriga: Mapped[int] = mapped_column(Integer, default=0)
    women: Mapped[int] = mapped_column(Integer, default=0)
    men: Mapped[int] = mapped_column(Integer, default=0)


class Versioned:
    """A record's version: 1 when made, one more at each saved change (0010)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
