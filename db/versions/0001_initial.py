"""Förbund, insatser, kommuner, organisationer, aktiviteter

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "activity_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_type")),
        sa.UniqueConstraint("name", name=op.f("uq_activity_type_name")),
    )
    op.create_table(
        "forbund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forbund")),
    )
    op.create_table(
        "insats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forbund_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["forbund_id"],
            ["forbund.id"],
            name=op.f("fk_insats_forbund_id_forbund"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insats")),
    )
    op.create_table(
        "kommun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forbund_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("delregion", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["forbund_id"],
            ["forbund.id"],
            name=op.f("fk_kommun_forbund_id_forbund"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kommun")),
        sa.UniqueConstraint("forbund_id", "name", name=op.f("uq_kommun_forbund_id")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forbund_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.CheckConstraint(
            "category IN ('arbetsformedlingen','forsakringskassan','kommun','region','asf','annan')",
            name=op.f("ck_organisation_category"),
        ),
        sa.ForeignKeyConstraint(
            ["forbund_id"],
            ["forbund.id"],
            name=op.f("fk_organisation_forbund_id_forbund"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
        sa.UniqueConstraint("forbund_id", "name", name=op.f("uq_organisation_forbund_id")),
    )
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("kommun_id", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("org_arbetsformedlingen", sa.Integer(), nullable=False),
        sa.Column("org_forsakringskassan", sa.Integer(), nullable=False),
        sa.Column("org_kommun", sa.Integer(), nullable=False),
        sa.Column("org_region", sa.Integer(), nullable=False),
        sa.Column("org_asf", sa.Integer(), nullable=False),
        sa.Column("org_annan", sa.Integer(), nullable=False),
        sa.Column("role_tjansteperson", sa.Integer(), nullable=False),
        sa.Column("role_chef", sa.Integer(), nullable=False),
        sa.Column("role_fortroendevald", sa.Integer(), nullable=False),
        sa.Column("role_asf_foretradare", sa.Integer(), nullable=False),
        sa.Column("role_ovriga", sa.Integer(), nullable=False),
        sa.Column("women", sa.Integer(), nullable=False),
        sa.Column("men", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "format IN ('fysiskt','digitalt','hybrid')", name=op.f("ck_activity_format")
        ),
        sa.CheckConstraint(
            "scope IN ('kommun','lansovergripande','nationellt')", name=op.f("ck_activity_scope")
        ),
        sa.CheckConstraint(
            "status IN ('planerad','genomford','installd')", name=op.f("ck_activity_status")
        ),
        sa.CheckConstraint(
            "(org_arbetsformedlingen + org_forsakringskassan + org_kommun + org_region + org_asf + org_annan) <= participants",
            name=op.f("ck_activity_orgs_within_total"),
        ),
        sa.CheckConstraint(
            "(role_tjansteperson + role_chef + role_fortroendevald + role_asf_foretradare + role_ovriga) <= participants",
            name=op.f("ck_activity_roles_within_total"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=op.f("ck_activity_dates")
        ),
        sa.CheckConstraint(
            "participants >= 0 AND org_arbetsformedlingen >= 0 AND org_forsakringskassan >= 0 AND org_kommun >= 0 AND org_region >= 0 AND org_asf >= 0 AND org_annan >= 0 AND role_tjansteperson >= 0 AND role_chef >= 0 AND role_fortroendevald >= 0 AND role_asf_foretradare >= 0 AND role_ovriga >= 0 AND women >= 0 AND men >= 0",
            name=op.f("ck_activity_counts_not_negative"),
        ),
        sa.CheckConstraint(
            "women + men <= participants", name=op.f("ck_activity_gender_within_total")
        ),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_activity_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kommun_id"],
            ["kommun.id"],
            name=op.f("fk_activity_kommun_id_kommun"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["activity_type.id"],
            name=op.f("fk_activity_type_id_activity_type"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index("ix_activity_insats_start", ["insats_id", "start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_kommun_id"), ["kommun_id"], unique=False)

    op.create_table(
        "activity_coorganiser",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_coorganiser_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_activity_coorganiser_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "activity_id", "organisation_id", name=op.f("pk_activity_coorganiser")
        ),
    )
    with op.batch_alter_table("activity_coorganiser", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_coorganiser_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "activity_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("step_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_step_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_step")),
        sa.UniqueConstraint("activity_id", "step_date", name=op.f("uq_activity_step_activity_id")),
    )


def downgrade() -> None:
    op.drop_table("activity_step")
    with op.batch_alter_table("activity_coorganiser", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_coorganiser_organisation_id"))

    op.drop_table("activity_coorganiser")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_kommun_id"))
        batch_op.drop_index("ix_activity_insats_start")

    op.drop_table("activity")
    op.drop_table("organisation")
    op.drop_table("kommun")
    op.drop_table("insats")
    op.drop_table("forbund")
    op.drop_table("activity_type")
