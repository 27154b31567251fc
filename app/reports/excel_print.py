"""How the exported workbook prints: A4 landscape at a readable size, titles repeated,
headings kept with their tables.

A sheet that fits the page width at 70 % or more is fitted to it. A wider one (the
närvarologg has 29 columns) is not shrunk to one unreadable page: it prints at 70 % over
several pages across, page by page along a band of rows, with its first columns (the
date … the title) and its header row repeated on every page.

On a summary sheet every page break is placed here, from a cautious estimate of the
rows' heights: a table whose heading, header and first rows would not fit on the rest
of a page starts on the next one, so a heading is never left alone at a page bottom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

PAPERSIZE_A4 = 9  # Worksheet.PAPERSIZE_A4; write-only sheets lack the constant
PAGE_WIDTH = 842.0  # A4 landscape, points
PAGE_HEIGHT = 595.0
SIDE_MARGIN = 0.25  # inches
TOP_MARGIN = 0.8  # the header and footer print inside these
HEADER_MARGIN = 0.3
POINTS_PER_INCH = 72.0
MIN_SCALE = 0.70  # smaller type than this is hard to read
WIDE_SCALE = 70  # percent, for a sheet too wide to fit at MIN_SCALE
# A column width unit in points at 100 %: LibreOffice prints it wider than Excel does.
# The wider decides whether a sheet can be fitted readably, the narrower how many rows
# at most go on a page.
POINTS_PER_CHARACTER = 7.0  # LibreOffice
EXCEL_POINTS_PER_CHARACTER = 5.25  # Excel: a digit of Calibri 11, 7 px at 96 dpi
DEFAULT_ROW = 15.0  # points: a row of 11-point text
TITLE_ROW = 18.0  # a table's heading (13 points, bold)
# Breaks are placed on a page this much shorter than the real one, so that estimates a
# little short never let the spreadsheet program add a break of its own.
SAFETY = 0.9
KEEP_ROWS = 3  # a long table starts on a new page unless this many rows fit under its header


@dataclass(frozen=True)
class PrintFit:
    """How a sheet fits the page across."""

    scale: float  # the size it prints at (1.0 = 100 %)
    fit_width: bool  # fitted to one page wide (the program computes the exact scale)

    @property
    def pages_across(self) -> bool:
        """Too wide for one page at a readable size: several pages across."""
        return not self.fit_width and self.scale < 1.0


def printable_width() -> float:
    return PAGE_WIDTH - 2 * SIDE_MARGIN * POINTS_PER_INCH


def printable_height() -> float:
    return PAGE_HEIGHT - 2 * TOP_MARGIN * POINTS_PER_INCH


def sheet_width(widths: Sequence[float], per_character: float = POINTS_PER_CHARACTER) -> float:
    """The width of the columns in points at 100 %."""
    return sum(widths) * per_character


def print_fit(widths: Sequence[float]) -> PrintFit:
    """At 100 % if the columns fit the page; fitted to its width if that is still 70 %
    or more; otherwise 70 % over several pages across."""
    needed = sheet_width(widths)
    room = printable_width()
    if needed <= room:
        return PrintFit(1.0, False)
    if room / needed >= MIN_SCALE:
        return PrintFit(room / needed, True)
    return PrintFit(WIDE_SCALE / 100, False)


def page_capacity(fit: PrintFit, widths: Sequence[float]) -> float:
    """How many points of rows (at 100 %) go on a page at most, with the safety margin:
    a sheet fitted to the width prints largest in Excel, whose columns are narrower."""
    scale = fit.scale
    if fit.fit_width:
        scale = min(1.0, printable_width() / sheet_width(widths, EXCEL_POINTS_PER_CHARACTER))
    return printable_height() / scale * SAFETY


def set_up_printing(
    ws: Any,
    widths: Sequence[float],
    *,
    title: str,
    print_rows: str | None,
    title_columns: int = 1,
) -> PrintFit:
    """Landscape A4 at a readable size, header and footer; the rows of ``print_rows``
    (e.g. "1:1") repeated on every page, and the first ``title_columns`` columns too
    when the sheet runs over several pages across."""
    fit = print_fit(widths)
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=fit.fit_width)
    if fit.fit_width:
        setup.fitToWidth = 1
        setup.fitToHeight = 0  # as many pages down as needed
    else:
        setup.scale = round(fit.scale * 100)
    if fit.pages_across:
        setup.pageOrder = "overThenDown"  # a band of rows across, then the next band
        ws.print_title_cols = f"A:{get_column_letter(max(1, title_columns))}"
    ws.print_options.gridLines = False
    margins = ws.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top = margins.bottom = TOP_MARGIN
    margins.header = margins.footer = HEADER_MARGIN
    ws.oddHeader.left.text = title.replace("&", "&&")
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.right.text = "Sida &P av &N"
    if print_rows:
        ws.print_title_rows = print_rows
    return fit


@dataclass(frozen=True)
class BlockRows:
    """The rows of one table as printed: heading, header, rows, total, note, blank.

    ``keep`` leading rows must be on one page: the whole table when it fits on a page,
    else its heading, header and first few rows.
    """

    heights: tuple[float, ...]
    keep: int


def block_rows(heights: Sequence[float], data_rows: int, capacity: float) -> BlockRows:
    """``heights`` of a table's rows (heading and header first, the blank row last)."""
    whole = len(heights) - 1  # all but the blank row
    if sum(heights[:whole]) <= capacity:
        return BlockRows(tuple(heights), whole)
    return BlockRows(tuple(heights), min(whole, 2 + min(data_rows, KEEP_ROWS)))


def page_breaks(blocks: Sequence[BlockRows], capacity: float, repeated: float = 0.0) -> list[int]:
    """The rows after which a page ends, for ``blocks`` written one after another from
    row 1; ``repeated`` points of title rows head every page after the first."""
    breaks: list[int] = []
    used = 0.0
    row = 0  # the last row placed
    for block in blocks:
        if used > repeated and used + sum(block.heights[: block.keep]) > capacity:
            breaks.append(row)
            used = repeated
        for height in block.heights:
            if used > repeated and used + height > capacity:
                breaks.append(row)
                used = repeated
            used += height
            row += 1
    return breaks


def add_page_breaks(ws: Any, rows: Sequence[int]) -> None:
    for row in rows:
        ws.row_breaks.append(Break(id=row))
