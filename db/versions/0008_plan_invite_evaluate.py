"""Planera, bjuda in, utvärdera: serier, inbjudningar, enkäter och mål med målvärden

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

- activity_series: a recurring activity (weekly or monthly on the nth weekday, until a
  date or for a count); activity.series_id points at it (SET NULL when it goes).
- activity.link / description / registration: what an invitation (.ics, text) needs.
- evaluation, evaluation_question, evaluation_quote: an activity's enkät as counts per
  answer 1–5 and chosen quotes; never the respondents' names or e-mail addresses.
- goal_measure: measures with a target under a goal of the year plan or of the insats.
Every existing row keeps what it had: no activity is in a series, none has a link.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import rebuild

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FREQUENCIES = ("weekly", "monthly")
KINDS = (
    "reach_volume",
    "reach_unique",
    "activities",
    "policy_kommuner",
    "active_groups",
    "used_placements",
    "evaluation_mean",
    "manual",
)


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN (" + ",".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    op.create_table(
        "activity_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("nth", sa.Integer(), nullable=True),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            _in("frequency", FREQUENCIES), name=op.f("ck_activity_series_frequency")
        ),
        sa.CheckConstraint("interval >= 1", name=op.f("ck_activity_series_interval")),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_activity_series_weekday")),
        sa.CheckConstraint(
            "nth IS NULL OR nth IN (-1, 1, 2, 3, 4, 5)", name=op.f("ck_activity_series_nth")
        ),
        sa.CheckConstraint(
            "until IS NOT NULL OR count IS NOT NULL", name=op.f("ck_activity_series_ends")
        ),
        sa.CheckConstraint("count IS NULL OR count >= 1", name=op.f("ck_activity_series_count")),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_activity_series_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_series")),
    )
    # Recreated with AUTOINCREMENT kept: undo puts a deleted activity back under its id.
    with op.batch_alter_table(
        "activity", recreate=rebuild(), table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(sa.Column("series_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("link", sa.String(500), nullable=False, server_default=""))
        batch.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("registration", sa.Text(), nullable=False, server_default=""))
        batch.create_foreign_key(
            op.f("fk_activity_series_id_activity_series"),
            "activity_series",
            ["series_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_activity_series_id"), ["series_id"])
    op.create_table(
        "evaluation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("asked", sa.Integer(), nullable=True),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("asked IS NULL OR asked >= 0", name=op.f("ck_evaluation_asked")),
        sa.CheckConstraint("answered >= 0", name=op.f("ck_evaluation_answered")),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_evaluation_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
        sa.UniqueConstraint("activity_id", name=op.f("uq_evaluation_activity_id")),
    )
    op.create_table(
        "evaluation_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *(sa.Column(f"n{i}", sa.Integer(), nullable=False) for i in range(1, 6)),
        sa.CheckConstraint(
            "n1 >= 0 AND n2 >= 0 AND n3 >= 0 AND n4 >= 0 AND n5 >= 0",
            name=op.f("ck_evaluation_question_counts"),
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_evaluation_question_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_question")),
        sa.UniqueConstraint(
            "evaluation_id", "sort_order", name=op.f("uq_evaluation_question_evaluation_id")
        ),
    )
    op.create_index(
        op.f("ix_evaluation_question_evaluation_id"), "evaluation_question", ["evaluation_id"]
    )
    op.create_table(
        "evaluation_quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_evaluation_quote_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_quote")),
    )
    op.create_index(
        op.f("ix_evaluation_quote_evaluation_id"), "evaluation_quote", ["evaluation_id"]
    )
    op.create_table(
        "goal_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("insats_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("type_id", sa.Integer(), nullable=True),
        sa.Column("milestone_kind", sa.String(length=30), nullable=True),
        sa.Column("manual_value", sa.Float(), nullable=True),
        sa.CheckConstraint(_in("kind", KINDS), name=op.f("ck_goal_measure_kind")),
        sa.CheckConstraint("target >= 0", name=op.f("ck_goal_measure_target")),
        sa.ForeignKeyConstraint(
            ["insats_id"],
            ["insats.id"],
            name=op.f("fk_goal_measure_insats_id_insats"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["plan_goal.id"],
            name=op.f("fk_goal_measure_goal_id_plan_goal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["type_id"],
            ["activity_type.id"],
            name=op.f("fk_goal_measure_type_id_activity_type"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_measure")),
    )
    op.create_index(op.f("ix_goal_measure_goal_id"), "goal_measure", ["goal_id"])


def downgrade() -> None:
    # The app never downgrades: it copies the file before every upgrade, and going back
    # means opening that copy with the older version.
    raise NotImplementedError("Återställ kopian som gjordes före uppgraderingen.")
