"""Ekonomi: budgetrader, budget per år, kostnader, kontomappning och anteckningar

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

- budget_line: the list of budget lines (one for the database), seeded with the usual
  eight; the one for individinriktade placeringar is marked ``placements``.
- budget: an insats's budget per year and line, in öre.
- cost: a cost of an insats (öre; booked by hand or from a ledger extract with its
  verifikation, konto and kontonamn, or planned), optionally for one activity.
- konto_mapping: the ledger konto → budget line the user confirmed (NULL: not a cost).
- cost_note: the user's note on a funding rule's finding for a cost.
Nothing existing changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LINES = (
    ("Personal", False),
    ("Lokaler", False),
    ("Förtäring", False),
    ("Föreläsare och arvoden", False),
    ("Resor", False),
    ("Material", False),
    ("Medel för individinriktade placeringar", True),
    ("Övrigt", False),
)


def upgrade() -> None:
    line = op.create_table(
        "budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("placements", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
        sa.UniqueConstraint("name", name=op.f("uq_budget_line_name")),
    )
    op.create_table(
        "budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_budget_amount")),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_budget_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["budget_line.id"],
            name=op.f("fk_budget_line_id_budget_line"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget")),
        sa.UniqueConstraint("insats_id", "year", "line_id", name=op.f("uq_budget_insats_id")),
    )
    op.create_table(
        "cost",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("verifikation", sa.String(length=50), nullable=False),
        sa.Column("konto", sa.String(length=20), nullable=False),
        sa.Column("kontonamn", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=260), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.CheckConstraint("amount <> 0", name=op.f("ck_cost_amount")),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_cost_activity_id_activity"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["insats_id"], ["insats.id"], name=op.f("fk_cost_insats_id_insats"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["budget_line.id"],
            name=op.f("fk_cost_line_id_budget_line"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost")),
    )
    op.create_index(op.f("ix_cost_activity_id"), "cost", ["activity_id"])
    op.create_index("ix_cost_insats_day", "cost", ["insats_id", "day"])
    op.create_table(
        "konto_mapping",
        sa.Column("konto", sa.String(length=20), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=True),
        sa.Column("kontonamn", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["budget_line.id"],
            name=op.f("fk_konto_mapping_line_id_budget_line"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("konto", name=op.f("pk_konto_mapping")),
    )
    op.create_table(
        "cost_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cost_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cost_id"], ["cost.id"], name=op.f("fk_cost_note_cost_id_cost"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost_note")),
        sa.UniqueConstraint("cost_id", "rule", name=op.f("uq_cost_note_cost_id")),
    )
    op.bulk_insert(
        line,
        [
            {"id": i, "name": name, "sort_order": i - 1, "active": True, "placements": p}
            for i, (name, p) in enumerate(LINES, start=1)
        ],
    )
    if op.get_bind().dialect.name == "postgresql":  # its sequence past the ids given here
        op.execute(
            "SELECT setval(pg_get_serial_sequence('budget_line', 'id'), "
            "(SELECT max(id) FROM budget_line))"
        )


def downgrade() -> None:
    op.drop_table("cost_note")
    op.drop_table("konto_mapping")
    op.drop_index("ix_cost_insats_day", table_name="cost")
    op.drop_index(op.f("ix_cost_activity_id"), table_name="cost")
    op.drop_table("cost")
    op.drop_table("budget")
    op.drop_table("budget_line")
