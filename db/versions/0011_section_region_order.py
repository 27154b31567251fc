"""Rapporttexter: avsnittets namn får plats på en server; länsstatistikens regioner i
sin ordning

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

``report_text.section`` was String(20), and the board report's section
``struktur_sammanfattning`` (0007) has 23 characters: SQLite keeps it anyway, but
PostgreSQL refuses it, so that text could neither be saved on a server nor a file
holding it be copied there. Now String(40).

``county_stats_region.position``: the order the delregioner were given in. It was
SQLite's hidden rowid, which a server does not have and a copy does not carry; on a
file it is filled from the rowid. Nothing existing changes meaning.
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
    with op.batch_alter_table("county_stats_region") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "sqlite":
        # Not an edit: the change log's trigger goes (and is made again after the migration).
        op.execute('DROP TRIGGER IF EXISTS "chg_county_stats_region_u"')
        op.execute(
            "UPDATE county_stats_region SET position = (SELECT count(*) FROM "
            "county_stats_region AS r WHERE r.stats_id = county_stats_region.stats_id "
            "AND r.rowid < county_stats_region.rowid)"
        )


def downgrade() -> None:
    with op.batch_alter_table("county_stats_region") as batch:
        batch.drop_column("position")
    with op.batch_alter_table("report_text", recreate=db.rebuild()) as batch:
        batch.alter_column(
            "section", existing_type=sa.String(40), type_=sa.String(20), existing_nullable=False
        )
