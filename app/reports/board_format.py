"""How the board report's sections write what they show: Swedish dates and months,
figures with grouped thousands, the user's texts as paragraphs, and a core summary
table as a Table block with its all-zero rows (and columns) left out and named in a
note. Nothing is computed here: every figure is a cell of a core table, copied."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.core.period import MONTHS
from app.core.summary import CHANGE, NO_FIGURE, SummaryRow, SummaryTable
from app.core.wording import thousands
from app.reports.board_blocks import Block, Bullets, Heading, Paragraph, Table

APPROXIMATE_DATE = "datum ungefärligt"


def swedish_date(day: dt.date) -> str:
    """'15 september 2017'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: dt.date) -> str:
    """'augusti 2016'."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def shown_date(day: dt.date, approximate: bool) -> str:
    """'15 september 2017', or 'ca september 2017' when the source gives no exact date."""
    return f"ca {month_year(day)}" if approximate else swedish_date(day)


def month_span(first: dt.date, last: dt.date) -> str:
    """'augusti 2016 – december 2020', 'januari–april 2024', 'mars 2024'."""
    if (first.year, first.month) == (last.year, last.month):
        return month_year(first)
    if first.year == last.year:
        return f"{MONTHS[first.month - 1]}–{MONTHS[last.month - 1]} {first.year}"
    return f"{month_year(first)} – {month_year(last)}"


def listing(names: Sequence[str]) -> str:
    """'Ockelbo, Ovanåker och Sandviken'."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"


_BULLETS = ("- ", "• ", "* ", "– ")


def user_text(text: str) -> list[Block]:
    """The user's text as written: a paragraph per blank-line-separated part (its lines
    joined), and lines starting with "- " or "• " as a bulleted list."""
    blocks: list[Block] = []
    for part in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in part.splitlines() if line.strip()]
        prose: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith(_BULLETS):
                if prose:
                    blocks.append(Paragraph(" ".join(prose), "quote"))
                    prose = []
                items.append(line[2:].strip())
            elif items and not prose and line[:1].islower():
                items[-1] += " " + line  # a bullet continued on the next line
            else:
                if items:
                    blocks.append(Bullets(tuple(items)))
                    items = []
                prose.append(line)
        if prose:
            blocks.append(Paragraph(" ".join(prose), "quote"))
        if items:
            blocks.append(Bullets(tuple(items)))
    return blocks


def text_section(title: str, text: str, level: int = 1) -> list[Block]:
    """A heading and the user's text; nothing when there is no text."""
    if not text.strip():
        return []
    return [Heading(title, level), *user_text(text)]


def during(period: bool) -> str:
    """'under perioden' (a period report) or 'under året' (a year's)."""
    return "under perioden" if period else "under året"


def cell(value: int | str, signed: bool = False) -> str:
    """A figure as printed: '1 275', '−12'; a change (``signed``) '+4' when it grew."""
    if isinstance(value, str):
        return value
    return f"+{thousands(value)}" if signed and value > 0 else thousands(value)


def figure_widths(columns: int) -> tuple[float, ...]:
    """The label column and ``columns`` figure columns of equal width: a figure column
    gets 15 % of the width ("Genomförda" whole on a line), the label what is left but
    at least 25 %."""
    if columns <= 0:
        return ()
    figure = min(0.15, 0.75 / columns)
    return (1 - figure * columns, *([figure] * columns))


def summary_block(
    table: SummaryTable,
    label_header: str,
    *,
    columns: Sequence[str] | None = None,
    caption: str = "",
    zero_note: str = "Rader som är 0 visas inte",
    drop_zero_columns: str = "",
    widths: tuple[float, ...] = (),
) -> Table | None:
    """The core table as a Table block: the chosen ``columns`` (default all), its total
    row when it has one, its note. Rows whose every shown figure is 0 are left out and
    named in the note, after ``zero_note`` ("Kommuner utan aktiviteter under perioden
    visas inte"); with ``drop_zero_columns`` the same for all-zero columns. None when no
    row is left."""
    chosen = list(columns if columns is not None else table.columns)
    index = [table.columns.index(c) for c in chosen]
    cells = [(r.label, table.shown(r)) for r in table.rows]

    def zero(v: int | str) -> bool:
        return v == 0 or v == NO_FIGURE

    notes: list[str] = []
    if drop_zero_columns:
        empty = [c for c, i in zip(chosen, index, strict=True) if all(zero(v[i]) for _, v in cells)]
        if empty and len(empty) < len(chosen):
            notes.append(f"{drop_zero_columns}: {listing(empty)}.")
            index = [i for c, i in zip(chosen, index, strict=True) if c not in empty]
            chosen = [c for c in chosen if c not in empty]
    kept = [(label, v) for label, v in cells if not all(zero(v[i]) for i in index)]
    left_out = [label for label, v in cells if all(zero(v[i]) for i in index)]
    if not kept:
        return None
    if left_out:
        notes.insert(0, f"{zero_note}: {listing(left_out)}.")
    if table.note:
        notes.append(table.note)
    signed = {i: table.columns[i] == CHANGE for i in index}
    rows = tuple((label, *(cell(v[i], signed[i]) for i in index)) for label, v in kept)
    total = None
    if table.has_total:
        total_row = table.total
        total = (
            total_row.label,
            *(
                cell(
                    NO_FIGURE if table.columns[i] in table.no_figure else total_row.values[i],
                    signed[i],
                )
                for i in index
            ),
        )
    return Table(
        header=(label_header, *chosen),
        rows=rows,
        total=total,
        numeric=(False, *([True] * len(chosen))),
        widths=widths or figure_widths(len(chosen)),
        caption=caption,
        note=" ".join(notes),
    )


def turned(table: SummaryTable) -> SummaryTable:
    """The table with its columns as rows (one column per row, then the total row's
    "Totalt" when it has one): eleven measures do not fit across a page."""
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


def year_column(table: SummaryTable, label: str) -> str | None:
    """The column of a year's own figure: "Genomförda" (activities) or the year's own
    column, named by its label ("2018", or "2016 (aug–dec)" for a part of the year)."""
    for name in ("Genomförda", label):
        if name in table.columns:
            return name
    return None
