"""The board report's chapter "Måluppfyllelse": the goals' measures with target,
outcome, share and status, the cells exactly as core.goal_progress shows them on
screen. Left out when no goal carries a measure."""

from __future__ import annotations

from app.core.goal_progress import COLUMNS, TITLE
from app.reports.board_blocks import Block, Heading, Paragraph, Table
from app.reports.pdf_content import PdfContent

INTRO = (
    "Målen med mätbara målvärden och hur långt de nåtts. Utfallet är samma siffra som "
    "rapportens tabeller visar; ett mått utan siffra står som ”Mätvärde saknas”."
)
WIDTHS = (0.2, 0.34, 0.1, 0.09, 0.08, 0.19)


def goal_blocks(content: PdfContent) -> list[Block]:
    table = content.goal_progress
    if table is None or not table.rows:
        return []
    return [
        Heading(TITLE),
        Paragraph(INTRO),
        Table(
            header=COLUMNS,
            rows=tuple(r.cells() for r in table.rows),
            numeric=(False, False, True, True, True, False),
            widths=WIDTHS,
            note=table.note,
        ),
    ]
