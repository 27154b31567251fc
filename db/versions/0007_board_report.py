"""Styrelserapporten: fler egna texter per avsnitt och år, ungefärliga datum och antal

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

- report_text takes the board report's further sections (målgrupp, beskrivning,
  huvudsakliga aktiviteter, the individual and structural work, their summaries,
  avvikelser); a text for one year is one with first_year = last_year.
- activity.date_approximate / counts_approximate and milestone.date_approximate mark
  a date or a count that a source document does not give exactly ("ca", "datum
  ungefärligt" in the reports). Every row keeps False: nothing was marked before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db import rebuild

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SECTIONS = (
    "malgrupp",
    "beskrivning",
    "huvudaktiviteter",
    "bakgrund",
    "individ",
    "individ_erfarenheter",
    "struktur",
    "struktur_sammanfattning",
    "analys",
    "slutsatser",
    "avvikelser",
)


def _check(sections: Sequence[str]) -> str:
    return "section IN (" + ",".join(f"'{s}'" for s in sections) + ")"


def upgrade() -> None:
    with op.batch_alter_table("report_text", recreate=rebuild()) as batch:
        batch.drop_constraint(op.f("ck_report_text_section"), type_="check")
        batch.create_check_constraint(op.f("ck_report_text_section"), _check(SECTIONS))
    for table, columns in (
        ("activity", ("date_approximate", "counts_approximate")),
        ("milestone", ("date_approximate",)),
    ):
        for column in columns:
            op.add_column(
                table,
                sa.Column(column, sa.Boolean(), nullable=False, server_default=sa.false()),
            )


def downgrade() -> None:
    # The app never downgrades: it copies the file before every upgrade, and going back
    # means opening that copy with the older version.
    raise NotImplementedError("Återställ kopian som gjordes före uppgraderingen.")
