"""The Excel export: the närvarologg (one row per activity), optionally the named
participants, and the summary sheets — a year as the overview shows it, or a period
with one column per year and a total column (excel_sheets).

Every figure comes from the core summaries handed in (ExportContent); nothing is
computed here. The närvarologg is streamed from the database to the file, so 100 000
activities never sit in memory. The file appears only when complete: it is written
to a temporary file beside the target, flushed to disk and renamed over the target;
on cancel or error nothing is left behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Generator, Sequence
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from app.core.activity_columns import (
    STEP_COLUMNS,
    Column,
    Kind,
    LoggedActivity,
    LoggedStep,
    logged_steps,
)
from app.core.atomic_file import atomic_write, save_error
from app.core.errors import DomainError
from app.core.progress import Progress
from app.core.summary import NO_FIGURE
from app.core.wording import count_noun, thousands
from app.reports import excel_file
from app.reports import excel_print as pr
from app.reports import excel_style as st
from app.reports.excel_content import ExportContent
from app.reports.excel_economy import economy_sheets
from app.reports.excel_evaluations import evaluation_sheets
from app.reports.excel_followup import followup_sheet
from app.reports.excel_goals import goals_sheet
from app.reports.excel_rows import (
    MAX_ROWS,
    RowStream,
    clean_text,
    date_style_id,
)
from app.reports.excel_sheets import Block, summary_sheets

ROWS_PER_STEP = 500
SUMMARY_SHEET_WEIGHT = 200  # progress units per summary sheet (they are quick)

ACTIVITY_SHEET = "Närvarologg"
PARTICIPANT_SHEET = "Deltagare med namn"
STEP_SHEET = "Steg"


# --- writing ---------------------------------------------------------------------------


class _Writer:
    def __init__(self, wb: Workbook, content: ExportContent, progress: Progress) -> None:
        self.wb = wb
        self.content = content
        self.progress = progress
        self.table_names: set[str] = set()
        self.sheets = summary_sheets(content)
        if (followup := followup_sheet(content)) is not None:
            self.sheets.append(followup)
        if (goals := goals_sheet(content)) is not None:
            self.sheets.append(goals)
        self.sheets += evaluation_sheets(content)
        self.sheets += economy_sheets(content)
        self.streams: dict[str, RowStream] = {}  # openpyxl's sheet file → our rows
        participants = content.participants.count if content.participants else 0
        self.total = (
            content.activities.count + participants + SUMMARY_SHEET_WEIGHT * (len(self.sheets) + 1)
        )
        self.done = 0

    def step(self, n: int = 0) -> None:
        self.done += n
        self.progress.step(min(self.done, self.total), self.total)

    def close(self) -> None:
        for stream in self.streams.values():
            # A temporary file: after a failed write (a full disk) closing it fails to
            # flush too; that must not hide the first error.
            with suppress(OSError):
                stream.close()

    def table_name(self, base: str) -> str:
        clean = "".join(ch if ch.isascii() and (ch.isalnum() or ch == "_") else "_" for ch in base)
        name = f"T_{clean}"
        candidate, n = name, 2
        while candidate.casefold() in self.table_names:
            candidate, n = f"{name}_{n}", n + 1
        self.table_names.add(candidate.casefold())
        return candidate

    def write(self) -> None:
        self.step()
        log = self.content.activities
        steps: list[LoggedStep] = []  # few: only the trainings given in steps have any

        def activities() -> Generator[LoggedActivity, None, None]:
            with closing(log.rows()) as source:
                for row in source:
                    steps.extend(logged_steps(row))
                    yield row

        self.log_sheet(
            ACTIVITY_SHEET,
            "narvarologg",
            log.columns,
            log.count,
            activities,
            self.log_widths(log.columns),
            f"Inga aktiviteter {self.content.span}.",
        )
        if steps:  # the sheet "Steg": one row per step, tied to the activity by its id
            self.total += len(steps)
            self.log_sheet(
                STEP_SHEET,
                "steg",
                STEP_COLUMNS,
                len(steps),
                lambda: (s for s in steps),
                self.log_widths(STEP_COLUMNS),
                "",
            )
        participants = self.content.participants
        if participants is not None:
            self.log_sheet(
                PARTICIPANT_SHEET,
                "deltagare_namn",
                participants.columns,
                participants.count,
                participants.rows,
                self.log_widths(participants.columns),
                f"Inga namngivna deltagare {self.content.span}.",
            )
        for name, blocks in self.sheets:
            self.summary_sheet(name, blocks)
            self.step(SUMMARY_SHEET_WEIGHT)

    # --- the streamed logs ---------------------------------------------------------------
    def log_widths(self, columns: Sequence[Column]) -> list[float]:
        """Dates as wide as a date, texts as their longest value (when the store knows
        it), counts as their header wrapped."""
        lengths = self.content.activities.text_lengths
        widths: list[float] = []
        for column in columns:
            header = column.log_header
            if column.kind is Kind.DATE:
                widths.append(st.DATE_WIDTH + st.FILTER_BUTTON)
            elif column.kind is Kind.COUNT:
                widths.append(st.fitted(max(st.header_width(header, wrap_at=10), 6.0)))
            elif column.excel_width is not None:
                widths.append(column.excel_width)
            else:
                longest = float(lengths.get(column.key, 20))
                widths.append(st.fitted(max(st.header_width(header), longest)))
        return widths

    def log_sheet(
        self,
        title: str,
        table_base: str,
        columns: Sequence[Column],
        count: int,
        rows: Callable[[], Generator[Any, None, None]],
        widths: Sequence[float],
        empty: str,
    ) -> None:
        """A sheet of one long table, a row per item of ``rows`` and a cell per column
        (its value): openpyxl writes the header row, the rows are streamed to sheet XML
        by a RowStream. Counts have centred headings; the columns printed on every page
        (``print_title``) come first."""
        headers = [c.log_header for c in columns]
        centred = {i for i, c in enumerate(columns) if c.kind is Kind.COUNT}
        title_columns = max(sum(1 for c in columns if c.print_title), 1)
        getters = tuple(c.value for c in columns)
        if count >= MAX_ROWS:
            raise DomainError(
                f"{title}: {count_noun(count, 'rad', 'rader')} ryms inte i ett Excel-blad "
                f"(högst {thousands(MAX_ROWS - 1)}). "
                "Exportera en kortare period."
            )
        ws = self.wb.create_sheet(title)
        st.set_widths(ws, widths)
        ws.freeze_panes = "A2"
        pr.set_up_printing(
            ws, widths, title=self.content.title, print_rows="1:1", title_columns=title_columns
        )
        names = st.unique_headers(headers)
        self.set_header_height(ws, 1, names, widths)
        ws.append(st.header_cells(ws, names, centred))
        stream = RowStream(2, len(names), date_style_id(ws, st.DATE_FORMAT))
        self.streams[str(ws._writer.out)] = stream
        n = 0
        append, step_every = stream.append, ROWS_PER_STEP
        with closing(rows()) as source:
            for item in source:
                append([get(item) for get in getters])
                n += 1
                if n % step_every == 0:
                    self.step(step_every)
        self.step(n % step_every)
        if n == 0:
            stream.append([empty])
        stream.flush()
        st.add_table(ws, self.table_name(table_base), names, 1, max(n, 1) + 1)

    # --- summary sheets ------------------------------------------------------------------
    def summary_sheet(self, name: str, blocks: Sequence[Block]) -> None:
        ws = self.wb.create_sheet(name)
        width_count = max(len(b.headers) for b in blocks)
        widths = _block_widths(blocks, width_count)
        if any(b.note for b in blocks):
            # A note spans the sheet's columns: a few spare ones under a narrow table.
            while sum(widths) < st.NOTE_WIDTH:
                widths.append(st.SPARE_WIDTH)
        st.set_widths(ws, widths)
        ws.freeze_panes = "B3" if width_count > 1 else "A3"
        single = len(blocks) == 1
        fit = pr.set_up_printing(
            ws, widths, title=self.content.title, print_rows="1:2" if single else None
        )
        capacity = pr.page_capacity(fit, widths)
        row = 1
        printed: list[pr.BlockRows] = []
        for block in blocks:
            row, heights = self.write_block(ws, block, row, widths)
            printed.append(pr.block_rows(heights, max(len(block.rows), 1), capacity))
        repeated = sum(printed[0].heights[:2]) if single else 0.0
        pr.add_page_breaks(ws, pr.page_breaks(printed, capacity, repeated))

    def write_block(
        self, ws: Any, block: Block, row: int, widths: Sequence[float]
    ) -> tuple[int, list[float]]:
        """Title, the table (header and rows), the total row under it, the note, a blank
        row. Returns the next free row and the rows' heights (as printed, estimated)."""
        note_width = sum(widths[: max(len(block.headers), len(widths))])
        last_col = get_column_letter(max(len(block.headers), len(widths)))
        ws.append([st.styled(ws, clean_text(block.title), font=st.TITLE_FONT)])
        heights = [pr.TITLE_ROW]
        row += 1
        names = st.unique_headers([clean_text(h) for h in block.headers])
        header_row = row
        heights.append(self.set_header_height(ws, row, names, widths) or pr.DEFAULT_ROW)
        ws.append(st.header_cells(ws, names, block.numeric_columns))
        row += 1
        for values in block.rows or ((block.empty,),):
            height = None
            if block.wrap:
                height = st.row_height(
                    (str(values[i]), widths[i])
                    for i in block.wrap
                    if i < len(values) and values[i] is not None
                )
                if height:
                    ws.row_dimensions[row].height = height
            heights.append(height or pr.DEFAULT_ROW)
            ws.append(_cells(ws, block, values))
            row += 1
        st.add_table(ws, self.table_name(block.name), names, header_row, row - 1)
        if block.total is not None:
            ws.append(_cells(ws, block, block.total, total=True))
            heights.append(pr.DEFAULT_ROW)
            row += 1
        if block.note:
            if last_col != "A":
                ws.merged_cells.add(f"A{row}:{last_col}{row}")
            note_height = st.merged_row_height(block.note, note_width)
            ws.row_dimensions[row].height = note_height
            heights.append(note_height)
            note = clean_text(block.note)
            ws.append([st.styled(ws, note, font=st.NOTE_FONT, alignment=st.NOTE_ALIGNMENT)])
            row += 1
        ws.append([])  # a blank row between tables
        heights.append(pr.DEFAULT_ROW)
        return row + 1, heights

    @staticmethod
    def set_header_height(
        ws: Any, row: int, names: Sequence[str], widths: Sequence[float]
    ) -> float | None:
        """Room for a header that wraps; its height, or None for one line."""
        height = st.row_height(
            (name, width - st.FILTER_BUTTON) for name, width in zip(names, widths, strict=False)
        )
        if height:
            ws.row_dimensions[row].height = height
        return height


def _cells(ws: Any, block: Block, values: Sequence[Any], total: bool = False) -> list[Any]:
    out: list[Any] = []
    for i, value in enumerate(values):
        style: dict[str, Any] = {}
        fmt = block.formats[i] if i < len(block.formats) else None
        if fmt and isinstance(value, int | float):  # the mean of Utvärderingar: 0.0
            style["number_format"] = fmt
        elif isinstance(value, dt.date):
            style["number_format"] = st.DATE_FORMAT
        if i in block.wrap:
            style["alignment"] = st.WRAP
        elif block.wrap:
            style["alignment"] = st.TOP
        elif fmt and value == NO_FIGURE:
            style["alignment"] = st.RIGHT
        if total:
            style["font"] = st.TOTAL_FONT
            style["border"] = st.TOTAL_BORDER
        if isinstance(value, str):
            value = clean_text(value)
            if value.startswith("="):  # text, never a formula
                cell = st.styled(ws, value, **style)
                cell.data_type = "s"
                out.append(cell)
                continue
        out.append(st.styled(ws, value, **style) if style else value)
    return out


def _block_widths(blocks: Sequence[Block], count: int) -> list[float]:
    widths = [0.0] * count
    for block in blocks:
        for i, header in enumerate(block.headers):
            widths[i] = max(widths[i], st.header_width(header, wrap_at=14))
        for values in (*block.rows, *((block.total,) if block.total else ())):
            for i, value in enumerate(values):
                widths[i] = max(widths[i], st.text_width(value))
        for i, cap in enumerate(block.max_widths):
            if cap is not None and i < count:
                widths[i] = min(widths[i], cap)
    return [st.fitted(w) for w in widths]


def write_workbook(path: Path | str, content: ExportContent, progress: Progress) -> None:
    """Write the workbook to ``path``, replacing any file there only when complete.

    ``progress`` is told how far the rows have come and may cancel (Cancelled): then,
    as on any error, the temporary file is removed and ``path`` is left as it was.
    A file that cannot be written raises DomainError with the Swedish reason (save_error).
    """
    path = Path(path)
    wb = Workbook(write_only=True)
    writer: _Writer | None = None
    try:
        with atomic_write(path) as tmp:
            app_xml = excel_file.set_properties(wb, content)
            writer = _Writer(wb, content, progress)
            writer.write()
            excel_file.save(wb, tmp, app_xml, writer.streams)
            progress.check()  # a cancel while saving still leaves nothing behind
    except BaseException as exc:
        excel_file.discard(wb)
        if isinstance(exc, OSError):
            raise save_error(path, exc) from exc
        raise
    finally:
        if writer is not None:
            writer.close()
    progress.report(writer.total, writer.total)
