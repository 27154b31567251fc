"""Versioner: varje post bär ett versionsnummer; ändringsloggen vet vem som skrev

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

- ``version`` on every table of records (each with an ``id``): 1 when made, one more
  at each saved change. A save that starts from an older version than the stored one
  is a colleague's newer change and is refused (several users on one server).
- ``change_row.writer``: on a server, which connection wrote the row, so that one
  user's unowned rows are collected into that user's change set, not a colleague's.
Nothing existing changes meaning.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = (
    "activity_type",
    "budget_line",
    "forbund",
    "county_stats",
    "insats",
    "kommun",
    "organisation",
    "activity_series",
    "budget",
    "milestone",
    "person",
    "placement",
    "plan_goal",
    "registered_reach",
    "report_text",
    "samverkansgrupp",
    "stated_figure",
    "activity",
    "goal_measure",
    "samverkansgrupp_member",
    "samverkansgrupp_status",
    "activity_step",
    "cost",
    "evaluation",
    "cost_note",
    "evaluation_question",
    "evaluation_quote",
)


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("change_row") as batch:
        batch.add_column(sa.Column("writer", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("change_row") as batch:
        batch.drop_column("writer")
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
