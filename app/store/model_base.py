"""The declarative base every model is declared on, and the attendance columns that an
activity and a registered reach share. Its own module so that app.store.models and
app.store.record_models both build on it without importing each other."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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
    """A record's version: 1 when made, one more at each saved change (0010).

    It is the mapper's ``version_id_col``: every UPDATE the ORM writes says
    ``WHERE id = ? AND version = ?`` (the version it read) and sets ``version + 1``, so
    a row a colleague changed in between is not written over (StaleDataError); an
    object whose columns did not change is not written, and keeps its version."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}
