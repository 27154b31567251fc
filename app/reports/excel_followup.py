"""The sheet "Uppföljning Finsam" of the Excel export: the figures Försäkringskassan's
follow-up form asks for, a column per calendar year, as core.finsam_followup lays them
out for the report and ``summary --json`` too. Nothing is computed here."""

from __future__ import annotations

from app.core.finsam_followup import (
    BUDGET_NOTE,
    LABEL_HEADER,
    TITLE,
    followup_tables,
    part_of_year_note,
)
from app.reports import excel_style as st
from app.reports.excel_content import ExportContent
from app.reports.excel_sheets import Block, Sheet

SHEET = TITLE


def followup_sheet(content: ExportContent) -> Sheet | None:
    """The sheet's blocks (one Excel table per part of the form), or None when the
    export has no follow-up figures."""
    if not content.followup:
        return None
    tables = followup_tables(content.followup)
    partial = part_of_year_note(content.followup)
    blocks = []
    for n, table in enumerate(tables, start=1):
        notes = (partial if n == 1 else "", table.note, BUDGET_NOTE if n == len(tables) else "")
        note = " ".join(text for text in notes if text)
        blocks.append(
            Block(
                name=f"uppfoljning_finsam_{table.key}",
                title=f"{table.title} {content.span}",
                headers=(LABEL_HEADER, *table.columns),
                rows=tuple((r.label, *r.shown()) for r in table.rows),
                note=note,
                formats=(None, *(st.COUNT_FORMAT for _ in table.columns)),
            )
        )
    return SHEET, blocks
