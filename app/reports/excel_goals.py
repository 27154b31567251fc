"""The sheet "Måluppfyllelse" of the Excel export: per measure its goal, label, target,
outcome, share and status, as core.goal_progress gives them to the screen and the
report. The target and the outcome are numbers, the share a percentage; nothing is
computed here."""

from __future__ import annotations

from app.core.goal_progress import COLUMNS, COUNTED, TITLE, MeasureProgress
from app.core.summary import NO_FIGURE
from app.reports.excel_content import ExportContent
from app.reports.excel_sheets import Block, Sheet

SHEET = TITLE
NUMBER_FORMAT = "General"
SHARE_FORMAT = "0%"


def _number(value: float | None, kind: str) -> int | float | str:
    if value is None:
        return NO_FIGURE
    return round(value) if kind in COUNTED else value


def goal_row(row: MeasureProgress) -> tuple[int | float | str, ...]:
    """The row's cells as the sheet holds them."""
    kind = row.measure.kind
    share = row.share
    return (
        row.goal,
        row.label,
        _number(row.target, kind),
        _number(row.outcome, kind),
        NO_FIGURE if share is None else share,
        row.status,
    )


def goals_sheet(content: ExportContent) -> Sheet | None:
    """The sheet's one block, or None when no goal carries a measure."""
    table = content.goal_progress
    if table is None or not table.rows:
        return None
    block = Block(
        name="maluppfyllelse",
        title=table.title,
        headers=COLUMNS,
        rows=tuple(goal_row(r) for r in table.rows),
        note=table.note,
        formats=(None, None, NUMBER_FORMAT, NUMBER_FORMAT, SHARE_FORMAT, None),
        wrap=frozenset({0, 1}),
    )
    return SHEET, [block]
