"""Ändringslogg: every change of the user's data, row by row, in change sets

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

The triggers that fill it are made from the live schema after every upgrade
(app.store.change_triggers.install), so they always match the tables' columns.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("tab", sa.String(length=40), nullable=True),
        sa.Column("record_table", sa.String(length=60), nullable=True),
        sa.Column("record_key", sa.Text(), nullable=True),
        sa.Column("undoes", sa.Integer(), nullable=True),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_set")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_change_set_record", "change_set", ["record_table", "record_key"])
    op.create_table(
        "change_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=True),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_key", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["set_id"],
            ["change_set.id"],
            name=op.f("fk_change_row_set_id_change_set"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_row")),
    )
    op.create_index("ix_change_row_set_id", "change_row", ["set_id"])
    op.create_index("ix_change_row_record", "change_row", ["table_name", "row_key"])
    op.create_table(
        "change_current",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_change_current_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_current")),
    )
    op.execute("INSERT INTO change_current (id, set_id) VALUES (1, NULL)")


def downgrade() -> None:
    raise NotImplementedError("Återställ kopian som gjordes före uppgraderingen.")
