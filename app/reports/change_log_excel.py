"""The Ändringslogg as an Excel sheet: one row per field changed, as a filterable table.

Fed plain rows (app.operations.change_log); written whole under a temporary name and
renamed, like every file the program writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from app.core.atomic_file import atomic_write, save_error
from app.core.progress import Progress
from app.reports.excel_rows import clean_text
from app.reports.excel_style import add_table, header_cells, set_widths, text_width

SHEET = "Ändringslogg"
MAX_WIDTH = 60.0


def _cell(ws: object, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=clean_text(value))
    cell.data_type = "s"  # text, never a formula, even when it begins with "="
    return cell


def write_change_log(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    progress: Progress | None = None,
) -> None:
    progress = progress or Progress()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET)
    widths = [max(text_width(h) + 3, 8.0) for h in headers]
    for row in rows:
        for i, value in enumerate(row):
            widths[i] = min(MAX_WIDTH, max(widths[i], text_width(value) + 1))
    set_widths(ws, widths)
    ws.freeze_panes = "A2"
    ws.append(header_cells(ws, headers))
    for n, row in enumerate(rows, start=1):
        ws.append([_cell(ws, v) for v in row])
        if n % 500 == 0:
            progress.step(n, len(rows))
    if rows:
        add_table(ws, "Andringslogg", list(headers), 1, len(rows) + 1)
    try:
        with atomic_write(path) as tmp:
            wb.save(tmp)
            progress.check()
    except OSError as exc:
        raise save_error(path, exc) from exc
    progress.report(len(rows), len(rows))
