"""The change log's tables (db/versions/0006_change_log.py), for the schema check.

The log is written by triggers and read with plain SQL (app.store.change_log); these
models say what the migration makes, so the migrated schema can be held against them.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.store.model_base import Base


class ChangeSetModel(Base):
    __tablename__ = "change_set"
    __table_args__ = (
        Index("ix_change_set_record", "record_table", "record_key"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(300))
    tab: Mapped[str | None] = mapped_column(String(40))
    record_table: Mapped[str | None] = mapped_column(String(60))
    record_key: Mapped[str | None] = mapped_column(Text)
    undoes: Mapped[int | None] = mapped_column(Integer)
    undone_by: Mapped[int | None] = mapped_column(Integer)
    locked: Mapped[bool] = mapped_column(server_default=false())


class ChangeRowModel(Base):
    __tablename__ = "change_row"
    __table_args__ = (Index("ix_change_row_record", "table_name", "row_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    set_id: Mapped[int | None] = mapped_column(
        ForeignKey("change_set.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(60))
    row_key: Mapped[str] = mapped_column(Text)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    # On a server: the connection that wrote the row (its unowned rows are its own).
    writer: Mapped[str | None] = mapped_column(String(64))


class ChangeCurrentModel(Base):
    __tablename__ = "change_current"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    set_id: Mapped[int | None] = mapped_column(Integer)
