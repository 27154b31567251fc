"""Tables in the board report's style: a shaded header row repeated on every page,
figures right-aligned, a bold total row. Every cell is a wrapping paragraph in a column
wide enough for its longest word (no word is ever split over two lines: the font gets
smaller first), and a table splits over pages only with three rows or more on each
side. Also a core table's title with its span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph

from app.core.summary import SummaryTable
from app.reports import pdf_style as st
from app.reports.board_blocks import Table

# A table up to this many rows stays on one page with its heading and note.
KEEP_TOGETHER_ROWS = 24
LABEL_MIN = 50 * mm
LABEL_MAX = 85 * mm
FIGURE_WIDTH = 26 * mm


# A table split over pages keeps at least this many rows (the total row counts) on each
# side, under the repeated header; a shorter one is never split.
MIN_ROWS = 3
PADDING = 4.0
SMALL_PADDING = 2.0
FONT_SIZES = (8.5, 7.5, 6.8, 6.0)
WHOLE_TEXT = 20  # a cell text this short is kept on one line where the widths allow
_SPACES = re.compile(r"[ \t\r\n]+")  # not the no-break space: "1 275" is one word


class BoardTable(LongTable):  # type: ignore[misc]  # reportlab has no types
    """A LongTable that splits only between rows leaving at least MIN_ROWS body rows
    on each side (the header repeated); otherwise it moves whole to the next page."""

    _rowSplitRange: tuple[int, int] | None  # reportlab's: the rows a split may come after

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        rows = len(self._cellvalues)
        body = rows - self.repeatRows
        fresh_page = availHeight >= st.FRAME_HEIGHT * 0.95
        parts: list[Any] = []
        if body >= 2 * MIN_ROWS:
            self._rowSplitRange = (self.repeatRows + MIN_ROWS, rows - MIN_ROWS)
            parts = list(super().split(availWidth, availHeight))
        if not parts and not fresh_page:
            self._calc(availWidth, availHeight)
            fresh_page = max(self._rowHeights, default=0) > st.FRAME_HEIGHT * 0.9
        if not parts and fresh_page:
            # It does not fit on a whole page that way (a row taller than a page, or a
            # short table longer than one): split wherever it can, rather than fail or
            # leave its heading alone.
            self._rowSplitRange = None
            parts = list(super().split(availWidth, availHeight))
        return parts


class CellParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no types
    """A cell's paragraph that breaks its lines once per width: a table wraps every cell
    to measure its row and again to draw it (the findings of a ten-year report are
    thousands of wrapped cells). A paragraph's lines depend on the width only."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            return self._wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


def _words_width(text: str, font: str, size: float) -> float:
    return max((stringWidth(w, font, size) for w in _SPACES.split(text) if w), default=0.0)


def _default_widths(table: Table) -> list[float]:
    """Without widths from the table: a wide label column and narrow figure columns."""
    n = len(table.header)
    if len(table.widths) == n:
        return [share * st.WIDTH for share in table.widths]
    figures = sum(table.is_numeric(i) for i in range(n))
    texts = n - figures
    if figures == 0:
        return [st.WIDTH / n] * n
    if texts == 0:
        return [min(st.WIDTH / n, FIGURE_WIDTH)] * n
    label = (
        40 * mm
        if figures > 9
        else max(LABEL_MIN, min(LABEL_MAX, st.WIDTH - figures * FIGURE_WIDTH))
    )
    label = min(label * texts, st.WIDTH * 0.7) / texts
    figure = min((st.WIDTH - label * texts) / figures, FIGURE_WIDTH)
    return [figure if table.is_numeric(i) else label for i in range(n)]


def _base_size(table: Table) -> float:
    figures = sum(table.is_numeric(i) for i in range(len(table.header)))
    return 8.5 if figures <= 6 else 7.5 if figures <= 9 else 6.8


def fit_widths(wanted: Sequence[float], least: Sequence[float], limit: float) -> list[float] | None:
    """Column widths as near ``wanted`` as can be with each at least ``least`` and the
    whole at most ``limit``; None when the least widths alone are wider than ``limit``."""
    need = [max(w, m) for w, m in zip(wanted, least, strict=True)]
    excess = sum(need) - limit
    if excess <= 0:
        return need
    slack = [n - m for n, m in zip(need, least, strict=True)]
    if sum(slack) < excess:
        return None
    return [n - excess * s / sum(slack) for n, s in zip(need, slack, strict=True)]


def _least_widths(table: Table, size: float, padding: float, whole: bool) -> list[float]:
    """Each column's least width: its longest word's; with ``whole``, a short text
    (a date such as "15 september 2017", a kommun) kept on one line too."""

    def width(text: str, font: str) -> float:
        if whole and len(text) <= WHOLE_TEXT:
            return float(stringWidth(text, font, size))
        return _words_width(text, font, size)

    least = []
    for i in range(len(table.header)):
        most = _words_width(table.header[i], st.BOLD, size)
        for row in table.rows:
            most = max(most, width(row[i], st.FONT))
        if table.total is not None:
            most = max(most, width(table.total[i], st.BOLD))
        least.append(most + 2 * padding + 1.0)
    return least


def cell_padding(size: float) -> float:
    """The space left and right of a cell's text at font ``size`` (PDF and Word alike)."""
    return PADDING if size > 7 else SMALL_PADDING


def layout(table: Table, slack: float = 1.0) -> tuple[list[float], float, bool]:
    """The column widths, the font size and whether long words must be split: the
    largest size (from the table's own) at which every word fits its column. ``slack``
    widens the least widths (the Word file is shown in fonts other than the PDF's)."""
    st.register_fonts()  # the widths are measured in the fonts the PDF embeds
    wanted = _default_widths(table)
    base = _base_size(table)
    for size in (s for s in FONT_SIZES if s <= base):
        for whole in (True, False):
            least = [w * slack for w in _least_widths(table, size, cell_padding(size), whole)]
            widths = fit_widths(wanted, least, st.WIDTH)
            if widths is not None:
                return widths, size, False
    scale = st.WIDTH / sum(wanted) if sum(wanted) > st.WIDTH else 1.0
    return [w * scale for w in wanted], FONT_SIZES[-1], True


def board_table(table: Table) -> BoardTable:
    """The table with wrapping cells in widths that fit, the header repeated on every
    page, figures right-aligned, the total row bold. A cell whose text fits on one line
    is drawn as plain text (much faster to lay out than a paragraph: a ten-year report
    has thousands of cells); a longer one wraps, at spaces only."""
    widths, size, split = layout(table)
    padding = 2 * cell_padding(size)

    def cells(values: Sequence[str], bold: bool) -> list[str | Paragraph]:
        font = st.BOLD if bold else st.FONT
        out: list[str | Paragraph] = []
        for i, v in enumerate(values):
            if "\n" not in v and stringWidth(v, font, size) <= widths[i] - padding:
                out.append(v)
            else:
                style = st.cell_style(size, bold, table.is_numeric(i), split)
                out.append(CellParagraph(escape(v).replace("\n", "<br/>"), style))
        return out

    data = [cells(table.header, True)]
    data += [cells(r, False) for r in table.rows]
    if table.total is not None:
        data.append(cells(table.total, True))
    # splitInRow: a row taller than a page (a very long text) is split within the row
    # rather than stopping the report; rows are split between them first.
    grid = BoardTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    style = st.table_style(len(data), -1, table.total is not None, size)
    style.append(("LEADING", (0, 0), (-1, -1), size + 2.5))
    style += [
        ("ALIGN", (i, 0), (i, -1), "RIGHT") for i in range(len(table.header)) if table.is_numeric(i)
    ]
    grid.setStyle(style)
    return grid


def table_title(table: SummaryTable, span: str) -> str:
    """The table's title with the span, unless the title names it already."""
    return table.title if span in table.title else f"{table.title} {span}"
