"""The sheet "Uppföljning Finsam" of the Excel export: the figures Försäkringskassan's
follow-up form asks for, a column per calendar year, as core.finsam_followup lays them
out for the report and ``summary --json`` too. Nothing is computed here."""

from __future__ import annotations

from typing import Any

from app.core.finsam_followup import (
    LABEL_HEADER,
    TITLE,
    FollowupRow,
    followup_tables,
    part_of_year_note,
)
from app.core.money import as_kronor
from app.reports import excel_style as st
from app.reports.excel_content import ExportContent
from app.reports.excel_sheets import Block, Sheet

SHEET = TITLE
MONEY_FORMAT = "#,##0.00"


def row_cells(row: FollowupRow) -> tuple[Any, ...]:
    """The label and a cell per year: counts as they are, money in kronor (a number
    with öre), NO_FIGURE for none."""
    shown: tuple[Any, ...] = row.shown()
    if row.money:
        shown = tuple(as_kronor(v) if isinstance(v, int) else v for v in shown)
    return (row.label, *shown)


def followup_sheet(content: ExportContent) -> Sheet | None:
    """The sheet's blocks (one Excel table per part of the form), or None when the
    export has no follow-up figures."""
    if not content.followup:
        return None
    tables = followup_tables(content.followup)
    partial = part_of_year_note(content.followup)
    blocks = []
    for n, table in enumerate(tables, start=1):
        notes = (partial if n == 1 else "", table.note)
        note = " ".join(text for text in notes if text)
        money = any(r.money for r in table.rows)
        fmt = MONEY_FORMAT if money else st.COUNT_FORMAT
        blocks.append(
            Block(
                name=f"uppfoljning_finsam_{table.key}",
                title=f"{table.title} {content.span}",
                headers=(LABEL_HEADER, *table.columns),
                rows=tuple(row_cells(r) for r in table.rows),
                note=note,
                formats=(None, *(fmt for _ in table.columns)),
            )
        )
    return SHEET, blocks
