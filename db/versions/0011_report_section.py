"""Rapporttexter: avsnittets namn får plats på en server

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

``report_text.section`` was String(20), and the board report's section
``struktur_sammanfattning`` (0007) has 23 characters: SQLite keeps it anyway, but
PostgreSQL refuses it, so that text could neither be saved on a server nor a file
holding it be copied there. Now String(40). Nothing existing changes meaning.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("report_text", recreate=db.rebuild()) as batch:
        batch.alter_column(
            "section", existing_type=sa.String(20), type_=sa.String(40), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("report_text", recreate=db.rebuild()) as batch:
        batch.alter_column(
            "section", existing_type=sa.String(40), type_=sa.String(20), existing_nullable=False
        )
