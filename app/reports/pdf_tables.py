"""Tables in the board report's style: a shaded header row repeated on every page,
figures right-aligned in Swedish ("1 275", "+4", "−12"), a bold total row, the note
under the table. A core SummaryTable is printed as it is: its rows, its total row
(with its own label), its note.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, LongTable, Paragraph

from app.core.period import TOTAL
from app.core.summary import CHANGE, SummaryRow, SummaryTable
from app.reports import pdf_style as st

EMPTY = "Inget registrerat."
# A table up to this many rows stays on one page with its heading and note.
KEEP_TOGETHER_ROWS = 24
LABEL_MIN = 50 * mm
LABEL_MAX = 85 * mm
FIGURE_WIDTH = 26 * mm


def para(text: str, style: Any = st.CELL) -> Paragraph:
    return Paragraph(escape(text), style)


def fmt(value: Any, column: str = "") -> str:
    if isinstance(value, int):
        return st.number(value, signed=column == CHANGE)
    return "" if value is None else str(value)


def grid(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    total: Sequence[Any] | None = None,
    *,
    widths: Sequence[float] | None = None,
    numeric_from: int = 1,
    wrap: Sequence[int] = (),
    font_size: float = 8.5,
) -> LongTable:
    """A table with a repeated header row; texts in ``wrap`` columns wrap (Paragraphs)."""
    cell_style = st.sized(st.CELL, font_size)
    head_style = st.sized(st.CELL_BOLD, font_size)
    head_right = st.sized(st.CELL_BOLD_RIGHT, font_size)

    def cells(values: Sequence[Any], head: bool = False) -> list[Any]:
        out: list[Any] = []
        for i, v in enumerate(values):
            text = fmt(v, headers[i] if i < len(headers) else "")
            if head:
                numeric = 0 <= numeric_from <= i
                out.append(Paragraph(escape(text), head_right if numeric else head_style))
            elif i in wrap:
                out.append(Paragraph(escape(text), cell_style))
            else:
                out.append(text)
        return out

    data = [cells(headers, head=True)]
    data += [cells(r) for r in rows]
    if total is not None:
        data.append(cells(total))
    if widths is None:
        first = min(62 * mm, st.WIDTH * 0.42) if len(headers) > 1 else st.WIDTH
        rest = (st.WIDTH - first) / max(len(headers) - 1, 1)
        rest = min(rest, FIGURE_WIDTH)
        widths = [first, *([rest] * (len(headers) - 1))]
    table = LongTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(st.table_style(len(data), numeric_from, total is not None, font_size))
    return table


def _widths(columns: int) -> tuple[float, float, float]:
    """Label width, figure width and font size for a table of ``columns`` figures:
    a narrow table gets a wide label column (fewer wrapped labels), a wide one small type."""
    if columns > 9:
        label = 40 * mm
    else:
        label = max(LABEL_MIN, min(LABEL_MAX, st.WIDTH - columns * FIGURE_WIDTH))
    figure = min((st.WIDTH - label) / max(columns, 1), FIGURE_WIDTH)
    font = 8.5 if columns <= 6 else 7.5 if columns <= 9 else 6.8
    return label, figure, font


def summary_grid(table: SummaryTable, label_header: str, empty: str = EMPTY) -> list[Any]:
    """A core table as it is: rows (or one line saying there are none), the total row
    with its own label, the note."""
    n = len(table.columns)
    label_width, figure_width, font = _widths(n)
    rows: list[tuple[Any, ...]] = [(r.label, *table.shown(r)) for r in table.rows]
    if not rows:
        rows = [(empty, *([""] * n))]
    total = (table.total.label, *table.shown(table.total)) if table.has_total else None
    out: list[Any] = [
        grid(
            (label_header, *table.columns),
            rows,
            total,
            widths=[label_width, *([figure_width] * n)],
            wrap=(0,),
            font_size=font,
        )
    ]
    if table.note:
        out.append(para(table.note, st.NOTE))
    return out


def heading(text: str) -> list[Any]:
    return [CondPageBreak(40 * mm), Paragraph(escape(text), st.H2)]


def table_title(table: SummaryTable, span: str) -> str:
    """The table's title with the span, unless the title names it already."""
    return table.title if span in table.title else f"{table.title} {span}"


def table_section(
    table: SummaryTable,
    span: str,
    label_header: str,
    empty: str = EMPTY,
    title: str | None = None,
) -> list[Any]:
    """The table under its own heading (``title``, or its title with the span); a short
    one kept on one page with its note."""
    return tables_together([(table, label_header)], span, empty, title)


def tables_together(
    tables: Sequence[tuple[SummaryTable, str]],
    span: str,
    empty: str = EMPTY,
    title: str | None = None,
) -> list[Any]:
    """Tables (each with the heading of its label column) under their own headings,
    kept on one page when they are short, e.g. a total and what is kept out of it."""
    flow: list[Any] = []
    for table, label_header in tables:
        flow.append(Paragraph(escape(title or table_title(table, span)), st.H2))
        flow += summary_grid(table, label_header, empty)
    if sum(len(t.rows) for t, _ in tables) <= KEEP_TOGETHER_ROWS:
        return [CondPageBreak(40 * mm), KeepTogether(flow)]
    return [CondPageBreak(40 * mm), *flow]


def turned(table: SummaryTable) -> SummaryTable:
    """The table with its columns as rows: one row per column, one column per row and,
    when the table has a total row, a last column "Totalt". No total row of its own."""
    rows = tuple(
        SummaryRow(
            col,
            (
                *(r.values[i] for r in table.rows),
                *((table.total.values[i],) if table.has_total else ()),
            ),
        )
        for i, col in enumerate(table.columns)
    )
    columns = (*(r.label for r in table.rows), *((table.total.label,) if table.has_total else ()))
    return SummaryTable(table.key, table.title, columns, rows, has_total=False, note=table.note)


def value_column(table: SummaryTable) -> int:
    """The column a chart shows: the period's total, or the year's held activities."""
    for name in (TOTAL, "Genomförda"):
        if name in table.columns:
            return table.columns.index(name)
    return 0
