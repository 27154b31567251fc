"""Samverkansgrupper, deltagare, nåbarhet, placeringar, länsstatistik, milstolpar, årsplan

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import rebuild

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _activity_as_of_0001(metadata: sa.MetaData) -> sa.Table:
    """The activity table exactly as revision 0001 made it, for the batch rebuild."""
    return sa.Table(
        "activity",
        metadata,
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
            "format IN ('fysiskt','digitalt','hybrid')", name=("ck_activity_format")
        ),
        sa.CheckConstraint(
            "scope IN ('kommun','lansovergripande','nationellt')", name=("ck_activity_scope")
        ),
        sa.CheckConstraint(
            "status IN ('planerad','genomford','installd')", name=("ck_activity_status")
        ),
        sa.CheckConstraint(
            "(org_arbetsformedlingen + org_forsakringskassan + org_kommun + org_region + org_asf + org_annan) <= participants",
            name=("ck_activity_orgs_within_total"),
        ),
        sa.CheckConstraint(
            "(role_tjansteperson + role_chef + role_fortroendevald + role_asf_foretradare + role_ovriga) <= participants",
            name=("ck_activity_roles_within_total"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name=("ck_activity_dates")
        ),
        sa.CheckConstraint(
            "participants >= 0 AND org_arbetsformedlingen >= 0 AND org_forsakringskassan >= 0 AND org_kommun >= 0 AND org_region >= 0 AND org_asf >= 0 AND org_annan >= 0 AND role_tjansteperson >= 0 AND role_chef >= 0 AND role_fortroendevald >= 0 AND role_asf_foretradare >= 0 AND role_ovriga >= 0 AND women >= 0 AND men >= 0",
            name=("ck_activity_counts_not_negative"),
        ),
        sa.CheckConstraint("women + men <= participants", name=("ck_activity_gender_within_total")),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=("fk_activity_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kommun_id"],
            ["kommun.id"],
            name=("fk_activity_kommun_id_kommun"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["activity_type.id"],
            name=("fk_activity_type_id_activity_type"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=("pk_activity")),
        sa.Index("ix_activity_insats_start", "insats_id", "start_date"),
        sa.Index("ix_activity_kommun_id", "kommun_id"),
        sqlite_autoincrement=True,
    )


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "county_stats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forbund_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("snapshot_date", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("companies_total", sa.Integer(), nullable=True),
        sa.Column("employees_total", sa.Integer(), nullable=True),
        sa.Column("employees_women", sa.Integer(), nullable=True),
        sa.Column("employees_men", sa.Integer(), nullable=True),
        sa.Column("placed_total", sa.Integer(), nullable=True),
        sa.Column("placed_arbetsformedlingen", sa.Integer(), nullable=True),
        sa.Column("placed_kommun", sa.Integer(), nullable=True),
        sa.Column("placed_ovriga", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["forbund_id"],
            ["forbund.id"],
            name=op.f("fk_county_stats_forbund_id_forbund"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_county_stats")),
    )
    op.create_table(
        "county_stats_region",
        sa.Column("stats_id", sa.Integer(), nullable=False),
        sa.Column("delregion", sa.String(length=100), nullable=False),
        sa.Column("companies", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stats_id"],
            ["county_stats.id"],
            name=op.f("fk_county_stats_region_stats_id_county_stats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("stats_id", "delregion", name=op.f("pk_county_stats_region")),
    )
    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("milestone_date", sa.Date(), nullable=False),
        sa.Column("kommun_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('policy','riktlinje','handlingsplan','reserverat_kontrakt','pris','granskning','media','projekt_start','projekt_slut','annat')",
            name=op.f("ck_milestone_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_milestone_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kommun_id"],
            ["kommun.id"],
            name=op.f("fk_milestone_kommun_id_kommun"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_milestone_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("forbund_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["forbund_id"],
            ["forbund.id"],
            name=op.f("fk_person_forbund_id_forbund"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_person_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "placement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kommun_id", sa.Integer(), nullable=True),
        sa.Column("huvudman", sa.String(length=200), nullable=False),
        sa.Column("target_group", sa.Text(), nullable=False),
        sa.Column("granted", sa.Integer(), nullable=False),
        sa.Column("used", sa.Integer(), nullable=False),
        sa.Column("women", sa.Integer(), nullable=False),
        sa.Column("men", sa.Integer(), nullable=False),
        sa.Column("unique_individuals", sa.Integer(), nullable=False),
        sa.Column("length_months", sa.Integer(), nullable=True),
        sa.Column("out_arbete", sa.Integer(), nullable=False),
        sa.Column("out_studier", sa.Integer(), nullable=False),
        sa.Column("out_arbetsformedlingen", sa.Integer(), nullable=False),
        sa.Column("out_offentlig_forsorjning", sa.Integer(), nullable=False),
        sa.Column("out_fortsatt_insats", sa.Integer(), nullable=False),
        sa.Column("out_annat", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "granted >= 0 AND used >= 0 AND women >= 0 AND men >= 0 AND unique_individuals >= 0 AND out_arbete >= 0 AND out_studier >= 0 AND out_arbetsformedlingen >= 0 AND out_offentlig_forsorjning >= 0 AND out_fortsatt_insats >= 0 AND out_annat >= 0",
            name=op.f("ck_placement_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_placement_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kommun_id"],
            ["kommun.id"],
            name=op.f("fk_placement_kommun_id_kommun"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement")),
    )
    op.create_table(
        "plan_goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_plan_goal_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_goal")),
    )
    op.create_table(
        "registered_reach",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("kommun_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("in_total", sa.Boolean(), nullable=False),
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
            "scope IN ('kommun','lansovergripande','nationellt')",
            name=op.f("ck_registered_reach_scope"),
        ),
        sa.CheckConstraint(
            "participants >= 0 AND org_arbetsformedlingen >= 0 AND org_forsakringskassan >= 0 AND org_kommun >= 0 AND org_region >= 0 AND org_asf >= 0 AND org_annan >= 0 AND role_tjansteperson >= 0 AND role_chef >= 0 AND role_fortroendevald >= 0 AND role_asf_foretradare >= 0 AND role_ovriga >= 0 AND women >= 0 AND men >= 0",
            name=op.f("ck_registered_reach_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_registered_reach_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kommun_id"],
            ["kommun.id"],
            name=op.f("fk_registered_reach_kommun_id_kommun"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registered_reach")),
    )
    op.create_table(
        "samverkansgrupp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("kommun_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("formed", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_samverkansgrupp_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kommun_id"],
            ["kommun.id"],
            name=op.f("fk_samverkansgrupp_kommun_id_kommun"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samverkansgrupp")),
    )
    op.create_table(
        "samverkansgrupp_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "role IN ('tjansteperson','chef','fortroendevald','asf_foretradare','ovriga')",
            name=op.f("ck_samverkansgrupp_member_role"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["samverkansgrupp.id"],
            name=op.f("fk_samverkansgrupp_member_group_id_samverkansgrupp"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_samverkansgrupp_member_organisation_id_organisation"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samverkansgrupp_member")),
    )
    with op.batch_alter_table("samverkansgrupp_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_samverkansgrupp_member_group_id"), ["group_id"], unique=False
        )

    op.create_table(
        "samverkansgrupp_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("status_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('bildad','aktiv','vilande','avslutad')",
            name=op.f("ck_samverkansgrupp_status_status"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["samverkansgrupp.id"],
            name=op.f("fk_samverkansgrupp_status_group_id_samverkansgrupp"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samverkansgrupp_status")),
    )
    with op.batch_alter_table("samverkansgrupp_status", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_samverkansgrupp_status_group_id"), ["group_id"], unique=False
        )

    op.create_table(
        "activity_participant",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_participant_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_activity_participant_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "person_id", name=op.f("pk_activity_participant")),
    )
    with op.batch_alter_table("activity_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_participant_person_id"), ["person_id"], unique=False
        )

    # SQLite cannot add a named foreign key to a table: rebuild it in batch mode from
    # its full 0001 definition, so its CHECK constraints and AUTOINCREMENT stay.
    with op.batch_alter_table(
        "activity",
        copy_from=_activity_as_of_0001(sa.MetaData()),
        recreate=rebuild(),
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch_op:
        batch_op.add_column(sa.Column("group_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("goal_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_activity_group_id_samverkansgrupp",
            "samverkansgrupp",
            ["group_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            "fk_activity_goal_id_plan_goal", "plan_goal", ["goal_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index("ix_activity_group_id", ["group_id"], unique=False)
        batch_op.create_index("ix_activity_goal_id", ["goal_id"], unique=False)


def downgrade() -> None:
    # The app never downgrades: it copies the file before every upgrade, and going back
    # means opening that copy with the older version.
    raise NotImplementedError("Återställ kopian som gjordes före uppgraderingen.")
