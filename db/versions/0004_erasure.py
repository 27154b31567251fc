"""Raderingar som ännu inte nått säkerhetskopiorna; personers id används aldrig igen

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import rebuild

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _person_as_of_0002(metadata: sa.MetaData) -> sa.Table:
    """The person table exactly as revision 0002 made it, for the batch rebuild."""
    return sa.Table(
        "person",
        metadata,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forbund_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["forbund_id"],
            ["forbund.id"],
            name="fk_person_forbund_id_forbund",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name="fk_person_organisation_id_organisation",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
    )


def upgrade() -> None:
    op.create_table(
        "pending_backup_erasure",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_pending_backup_erasure")),
    )
    # AUTOINCREMENT: the id of a removed person is never given to someone new, so that
    # a backup erased by id cannot lose the wrong person. The copied rows set
    # sqlite_sequence to the highest id in use.
    with op.batch_alter_table(
        "person",
        copy_from=_person_as_of_0002(sa.MetaData()),
        recreate=rebuild(),
        table_kwargs={"sqlite_autoincrement": True},
    ):
        pass


def downgrade() -> None:
    # The app never downgrades: it copies the file before every upgrade, and going back
    # means opening that copy with the older version.
    raise NotImplementedError("Återställ kopian som gjordes före uppgraderingen.")
