"""How the exported workbook looks: fonts, number formats, column widths (the print
setup is excel_print's).

openpyxl's write-only worksheets write the sheet properties, the frozen pane and the
column widths before the first row, so everything here is decided before a row is
written; the tables and page setup follow at the end (they are written with the tail).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Container, Iterable, Sequence
from datetime import date
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

TABLE_STYLE = "TableStyleMedium2"
MAX_WIDTH = 60.0
MIN_WIDTH = 6.0
NOTE_WIDTH = 80.0  # a note under a narrow table spans at least this many characters
SPARE_WIDTH = 10.0  # the width of the columns added for that
FILTER_BUTTON = 3.0  # the header cell's filter button takes about three characters
DATE_WIDTH = 11.5
COUNT_FORMAT = "#,##0"
CHANGE_FORMAT = "+#,##0;-#,##0;0"
DATE_FORMAT = "yyyy-mm-dd"

FONT_NAME = "Calibri"  # the workbook's default font; LibreOffice shows it as Carlito
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")
HEADER_CENTRED = Alignment(wrap_text=True, vertical="center", horizontal="center")
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=13)
NOTE_FONT = Font(name=FONT_NAME, italic=True, size=9, color="555555")
NOTE_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
TOTAL_FONT = Font(name=FONT_NAME, bold=True)
TOTAL_BORDER = Border(top=Side(style="thin"), bottom=Side(style="double"))
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
RIGHT = Alignment(horizontal="right")  # a "–" among figures stands where a figure would


def text_width(value: Any) -> float:
    """About how many characters wide ``value`` shows (Excel's width unit)."""
    if value is None:
        return 0.0
    if isinstance(value, date):
        return DATE_WIDTH
    if isinstance(value, bool):
        return 5.0
    if isinstance(value, int):
        digits = len(str(abs(value)))
        return digits + (digits - 1) // 3 + (1 if value < 0 else 0) + 1.0
    if isinstance(value, float):  # kronor with öre (#,##0.00) or a mean (0.0)
        digits = len(str(abs(int(value))))
        return digits + (digits - 1) // 3 + (1 if value < 0 else 0) + 4.0
    text = str(value)
    # The longest line; a wide text is wrapped at MAX_WIDTH anyway.
    return float(max((len(line) for line in text.splitlines()), default=0))


def fitted(width: float) -> float:
    """A column width from the widest content: some padding, at most MAX_WIDTH."""
    return round(min(MAX_WIDTH, max(MIN_WIDTH, width + 1.5)), 1)


def header_width(header: str, wrap_at: float | None = None) -> float:
    """The width a header needs: its text and the filter button. With ``wrap_at`` a
    long header wraps onto lines of about that many characters (its longest word
    still fits)."""
    if wrap_at is None or len(header) <= wrap_at:
        return len(header) + FILTER_BUTTON
    longest_word = max(len(w) for w in header.split())
    return max(wrap_at, longest_word) + FILTER_BUTTON


def set_widths(ws: Any, widths: Sequence[float]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def styled(ws: Any, value: Any, **style: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    for name, v in style.items():
        setattr(cell, name, v)
    return cell


def header_cells(
    ws: Any, headers: Iterable[str], centred: Container[int] = ()
) -> list[WriteOnlyCell]:
    """The styled header row; the columns in ``centred`` (numbers, dates) centred, so a
    heading sits over its right-aligned figures and clear of the filter button."""
    return [
        styled(
            ws,
            h,
            font=HEADER_FONT,
            fill=HEADER_FILL,
            alignment=HEADER_CENTRED if i in centred else HEADER_ALIGNMENT,
        )
        for i, h in enumerate(headers)
    ]


def unique_headers(headers: Sequence[str]) -> list[str]:
    """Table column names must be unique (ignoring case) and not empty."""
    seen: set[str] = set()
    out = []
    for i, h in enumerate(headers, start=1):
        name = h.strip() or f"Kolumn {i}"
        candidate, n = name, 2
        while candidate.casefold() in seen:
            candidate, n = f"{name} ({n})", n + 1
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


def add_table(
    ws: Any, name: str, headers: Sequence[str], first_row: int, last_row: int, first_col: int = 1
) -> Table:
    """An Excel table (style, filter buttons) over a header row and its data rows.

    Write-only sheets cannot read their header cells back, so the column names are
    given here and must equal the header cells exactly.
    """
    last_col = first_col + len(headers) - 1
    ref = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
    table = Table(displayName=name, ref=ref)
    table.tableStyleInfo = TableStyleInfo(
        name=TABLE_STYLE,
        showFirstColumn=False,
        showLastColumn=False,
        showRowStripes=True,
        showColumnStripes=False,
    )
    table.autoFilter = AutoFilter(ref=ref)
    for i, header in enumerate(headers, start=1):
        table.tableColumns.append(TableColumn(id=i, name=header))
    # What ws.add_table does, without its warning that write-only tables need their
    # columns added by hand (done above); catching that warning would change the
    # process-wide warning filters from the export thread. Names are unique: the
    # writer makes them so.
    ws.tables.add(table)
    return table


def merged_row_height(text: str, width: float, points_per_line: float = 12.0) -> float:
    """The height of a row whose wrapped ``text`` spans ``width`` characters (merged
    cells are not fitted by Excel, so it is estimated)."""
    per_line = max(10.0, width * 1.1)
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in text.splitlines() or [""])
    return max(15.0, lines * points_per_line + 3)


LINE_HEIGHT = 15.0  # points per line of 11-point text


def wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a wrapping cell ``width`` characters wide."""
    per_line = max(1, int(width * 1.05))
    lines = 0
    for part in str(text).splitlines() or [""]:
        if len(part) <= per_line:
            lines += 1
        else:
            lines += max(1, len(textwrap.wrap(part, per_line, break_on_hyphens=False)))
    return lines


def row_height(texts: Iterable[tuple[str, float]]) -> float | None:
    """The height of a row with wrapping cells (text, column width), or None when one
    line is enough. Neither Excel nor LibreOffice fits such rows reliably on opening."""
    lines = max((wrapped_lines(t, w) for t, w in texts), default=1)
    return None if lines <= 1 else lines * LINE_HEIGHT + 2
