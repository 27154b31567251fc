"""Klockslag: start- och sluttid för aktiviteter och för stegen i en utbildning

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Optional clock times, stored as "HH:MM" text; every row keeps none (the times were
# never recorded before).
TABLES = ("activity", "activity_step")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("start_time", sa.String(length=5), nullable=True))
        op.add_column(table, sa.Column("end_time", sa.String(length=5), nullable=True))


def downgrade() -> None:
    # The app never downgrades: it copies the file before every upgrade, and going back
    # means opening that copy with the older version.
    raise NotImplementedError("Återställ kopian som gjordes före uppgraderingen.")
