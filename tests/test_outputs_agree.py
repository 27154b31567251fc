"""The three outputs agree: every table of the year summaries and of the period summary,
row by row and figure by figure, is on the screen, in the Excel export and in the PDF.

Two databases: the Gävleborg demo (2016–2020) and a generated one (seed ``SEED``,
valid by construction: activities from bench.generate, the rest of the record through
the store, which validates). For each year and for the whole period the core summary
is walked generically — every table, row label, figure, total row and note — and each
is looked for in

* the screen: the real main window's Qt models (the year overview shows every table of
  the year; the record's pages show some of them again and must agree too). The screen
  shows one year at a time, so a period's year columns are found in each year's
  overview and its Totalt column is only in the files;
* the Excel export read back with openpyxl (the cell values, not their formatting);
* the board report (app.reports.board_report): every table either printed as a Table
  block whose cells are core's (tests/board_checks.py) or named, with its reason, among
  the tables the board report leaves out on purpose; and the PDF read back with pypdf
  (text; thousands separators, minus signs and line breaks normalised) holds every
  Table block of the report, caption, header, rows, total and note, in order. (The Word
  file the same: tests/reports/test_board_docx.py.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.core.period import PLACEMENTS_BY_HUVUDMAN_KEY, PLACEMENTS_KEY, build_period_summary
from app.core.summary import CHANGE, SummaryRow, SummaryTable, YearSummary
from app.demo import build_demo
from app.operations.exports import export_excel
from app.operations.reports import export_pdf, gather_pdf
from app.reports.board_blocks import BoardReport, Table
from app.reports.board_report import build_board_report
from app.reports.excel_export import ACTIVITY_SHEET, PARTICIPANT_SHEET
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui.main_window import TAB_OVERVIEW, MainWindow
from app.ui.summary_table_model import SummaryTableModel
from tests.board_checks import LEFT_OUT_OF_BOARD_REPORT, TURNED_IN_YEAR_REPORT, assert_printed
from tests.generated_record import build_generated_record

SEED = 20_240_611
GENERATED_YEARS = 3
GENERATED_PER_YEAR = 110

# --- the databases ------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    insats_id: int
    years: tuple[int, ...]


def _insats_case(name: str, path: Path) -> Case:
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        return Case(name, path, insats.id, tuple(insats.years))
    finally:
        store.close()


@pytest.fixture(scope="module", params=["demo", "generated"])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
    path = tmp_path_factory.mktemp(request.param) / "insatslogg.sqlite3"
    if request.param == "demo":
        build_demo(path)
        return _insats_case("demo", path)
    build_generated_record(path, SEED, years=GENERATED_YEARS, per_year=GENERATED_PER_YEAR)
    return _insats_case(f"generated (seed {SEED})", path)


@dataclass(frozen=True)
class Span:
    """A year's summary or the period's, and the span its outputs are headed by."""

    span: str
    years: tuple[int, ...]
    tables: tuple[SummaryTable, ...]
    year_summaries: tuple[YearSummary, ...]

    @property
    def is_period(self) -> bool:
        return len(self.years) > 1


@pytest.fixture(scope="module")
def spans(case: Case) -> list[Span]:
    store = Store.open(case.path)
    try:
        summaries = [store.summaries.year_summary(case.insats_id, y) for y in case.years]
        stated = store.report_texts.stated_figures(case.insats_id)
    finally:
        store.close()
    period = build_period_summary(summaries, stated)
    out = [Span(str(s.year), (s.year,), s.tables, (s,)) for s in summaries]
    out.append(Span(period.span, period.years, period.tables, tuple(summaries)))
    return out


def _request(case: Case, span: Span) -> ExportRequest:
    return ExportRequest(case.insats_id, span.years[0], span.years[-1])


# --- normalising what is read back ----------------------------------------------------------

_GROUPING = "[ \u00a0\u202f\u2009]"
_THOUSANDS = re.compile(rf"(?<=\d){_GROUPING}(?=\d{{3}}(?!\d))")


def canon(value: int | str, signed: bool = False) -> str:
    """A figure as the normalised text shows it: '1275', '-12', '+4' for a change, and
    a cell without a figure (a comparison outside the insats) as it is: '–'."""
    if isinstance(value, str):
        return value
    return f"+{value}" if signed and value > 0 else str(value)


def norm(text: str) -> str:
    """One line of text read back: no thousands separators, '-' for '−', single spaces."""
    text = _THOUSANDS.sub("", text).replace("\u2212", "-")
    return " ".join(text.split())


def expected_rows(table: SummaryTable) -> list[tuple[str, list[str]]]:
    """The table's rows, then its total row: label and normalised figures."""
    rows = [*table.rows, *((table.total,) if table.has_total else ())]
    signed = [c == CHANGE for c in table.columns]
    return [
        (r.label, [canon(v, s) for v, s in zip(table.shown(r), signed, strict=True)]) for r in rows
    ]


def heading(table: SummaryTable, span: str) -> str:
    return table.title if span in table.title else f"{table.title} {span}"


# --- the screen -------------------------------------------------------------------------------


def _model_grid(model: SummaryTableModel) -> tuple[list[str], list[tuple[str, list[str]]]]:
    columns = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(1, model.columnCount())
    ]
    rows = []
    for r in range(model.rowCount()):
        label = str(model.data(model.index(r, 0)))
        cells = [norm(str(model.data(model.index(r, c)))) for c in range(1, model.columnCount())]
        rows.append((label, cells))
    return columns, rows


@pytest.fixture
def window(qtbot: QtBot, case: Case, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.open(case.path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    store.close()


def _page_models(w: MainWindow) -> list[tuple[str, SummaryTableModel]]:
    """Every summary table model on the record's pages, each page refreshed for the year."""
    found = []
    for i in range(w.tabs.count()):
        if i == TAB_OVERVIEW:
            continue
        w.tabs.setCurrentIndex(i)
        page = w.tabs.widget(i)
        assert page is not None
        found += [(w.tabs.tabText(i), m) for m in page.findChildren(SummaryTableModel)]
    return [(name, m) for name, m in found if m.table is not None]


def test_screen_shows_every_table_of_every_year(window: MainWindow, spans: list[Span]) -> None:
    problems: list[str] = []
    on_pages: set[tuple[str, str]] = set()
    on_screen: dict[int, dict[str, tuple[list[str], list[tuple[str, list[str]]]]]] = {}
    for span in spans:
        if span.is_period:
            continue
        (year,) = span.years
        window.show_year(year)
        window.tabs.setCurrentIndex(TAB_OVERVIEW)
        overview = window.overview
        on_screen[year] = {
            k: _model_grid(m)
            for k, m in overview.models.items()
            if not overview.boxes[k].isHidden()
        }
        for table in span.tables:
            where = f"Årsöversikt {year}, {table.title}"
            if table.key not in overview.models or overview.boxes[table.key].isHidden():
                problems.append(f"{where}: not shown")
                continue
            if overview.boxes[table.key].title() != table.title:
                problems.append(f"{where}: titled {overview.boxes[table.key].title()!r}")
            if overview.notes[table.key].text() != table.note:
                problems.append(f"{where}: note {overview.notes[table.key].text()!r}")
            columns, rows = on_screen[year][table.key]
            if columns != list(table.columns):
                problems.append(f"{where}: columns {columns} != {list(table.columns)}")
            if rows != expected_rows(table):
                problems.append(f"{where}: rows {rows} != {expected_rows(table)}")
        by_key = {t.key: t for t in span.tables}
        for page, model in _page_models(window):
            shown = by_key.get(model.table.key if model.table else "")
            if shown is None:
                continue
            table = shown
            on_pages.add((page, table.key))
            columns, rows = _model_grid(model)
            shared = [c for c in table.columns if c in columns]
            if not shared:
                problems.append(f"{page} {year}, {table.title}: no column of the summary")
            page_rows = dict(rows)
            for label, cells in expected_rows(table):
                if label not in page_rows:
                    problems.append(f"{page} {year}, {table.title}: no row {label!r}")
                    continue
                for c in shared:
                    got = page_rows[label][columns.index(c)]
                    want = cells[table.columns.index(c)]
                    if got != want:
                        problems.append(f"{page} {year}, {table.title}, {label}, {c}: {got}≠{want}")
    # The pages show the reach tables, the year plan and the groups' grid again.
    shown_again = {"nadda_personer", "nadda_utanfor_total", "arsplan", "samverkansgrupper_aktiva"}
    assert shown_again <= {key for _, key in on_pages}
    period = spans[-1]
    for table in period.tables:
        for year in period.years:
            for label, want in _on_screen_for_year(table, year, on_screen[year]):
                problems.append(f"{period.span} {table.title}, {label}, {year}: {want}")
    assert not problems, "\n".join(problems)


def _on_screen_for_year(
    period_table: SummaryTable,
    year: int,
    screen: dict[str, tuple[list[str], list[tuple[str, list[str]]]]],
) -> Iterator[tuple[str, str]]:
    """The period figures of ``year`` that the year's overview does not show (as
    'label', 'what the screen shows'); a label the year does not have must be 0.

    A period table's year column is the year's own column of the same table; the period's
    placements are the year's total row (one measure a row) and its used places per
    huvudman (core.period.placements_tables).
    """
    col = period_table.columns.index(str(year))
    if period_table.key == PLACEMENTS_KEY:
        columns, rows = screen.get(PLACEMENTS_KEY, ([], []))
        total = dict(rows).get("Totalt", [])
        shown = {c: total[i] for i, c in enumerate(columns)} if total else {}
    else:
        key = PLACEMENTS_KEY if period_table.key == PLACEMENTS_BY_HUVUDMAN_KEY else period_table.key
        column = "Nyttjade" if key != period_table.key else None
        if key not in screen:
            shown = {}
        else:
            columns, rows = screen[key]
            column = column or next(c for c in ("Genomförda", str(year)) if c in columns)
            shown = {label: cells[columns.index(column)] for label, cells in rows}
    for label, cells in expected_rows(period_table):
        want = cells[col]
        got = shown.get(label, "0")
        if got != want:
            yield label, f"the screen shows {got}, the period {want}"


# --- Excel --------------------------------------------------------------------------------


def _sheet_rows(path: Path) -> list[list[Any]]:
    wb = load_workbook(path, read_only=True)
    try:
        rows: list[list[Any]] = []
        for ws in wb.worksheets:
            if ws.title in (ACTIVITY_SHEET, PARTICIPANT_SHEET):
                continue
            for row in ws.iter_rows(values_only=True):
                values = list(row)
                while values and values[-1] is None:
                    values.pop()
                rows.append(values)
            rows.append([])
        return rows
    finally:
        wb.close()


def _excel_problems(table: SummaryTable, span: str, rows: Sequence[list[Any]]) -> list[str]:
    """Empty when a block of ``rows`` is the table: title, header, rows, total row, note."""
    title = heading(table, span)
    want_rows = [
        [r.label, *table.shown(r)]
        for r in (*table.rows, *((table.total,) if table.has_total else ()))
    ]
    # A table without rows shows one line saying so (e.g. "Inget registrerat."), then
    # its total row.
    skip = 0 if table.rows else 1
    tried = []
    for i, row in enumerate(rows):
        if row[:1] != [title]:
            continue
        header = rows[i + 1][1:]
        first = i + 2 + skip
        if skip and not (len(rows[i + 2]) == 1 and isinstance(rows[i + 2][0], str)):
            tried.append(f"no line saying the table is empty: {rows[i + 2]}")
            continue
        body = rows[first : first + len(want_rows)]
        after = rows[first + len(want_rows)] if first + len(want_rows) < len(rows) else []
        note = " ".join(str(after[0]).split()) if after else ""
        if header == list(table.columns) and body == want_rows:
            if note == " ".join(table.note.split()):
                return []
            tried.append(f"note {note!r}")
        else:
            tried.append(f"header {header}, rows {body}")
    return [f"{title}: {'; '.join(tried) or 'no such table'} (want {want_rows})"]


def test_excel_holds_every_table(case: Case, spans: list[Span], tmp_path: Path) -> None:
    problems: list[str] = []
    for span in spans:
        store = Store.open(case.path)
        try:
            out = tmp_path / f"{span.span}.xlsx"
            export_excel(store, _request(case, span), out)
        finally:
            store.close()
        rows = _sheet_rows(out)
        for table in span.tables:
            problems += [f"Excel {span.span}: {p}" for p in _excel_problems(table, span.span, rows)]
    assert not problems, "\n".join(problems)


# --- the PDF --------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    """The report's text, one normalised line after another, joined by single spaces."""
    lines = []
    for page in PdfReader(str(path)).pages:
        lines += [norm(line) for line in (page.extract_text() or "").splitlines()]
    return " ".join(line for line in lines if line)


def _find_in_order(text: str, parts: Sequence[str]) -> str | None:
    """None when each part follows the one before in ``text``; else the first missing."""
    at = 0
    for part in parts:
        found = f" {text} ".find(f" {part} ", at)
        if found < 0:
            return part
        at = found + len(part)
    return None


def _block_lines(block: Table) -> list[str]:
    """The Table block as the PDF prints it, a normalised text per line: its caption,
    the header, the rows, the total row, the note."""
    rows = [block.header, *block.rows, *((block.total,) if block.total else ())]
    lines = [norm(block.caption)] if block.caption else []
    # Each cell normalised on its own (as the PDF's lines are): '60' '236' stay two
    # figures; an empty cell prints nothing.
    lines += [" ".join(norm(c) for c in row if norm(c)) for row in rows]
    if block.note:
        lines.append(norm(block.note))
    return lines


def _report_problems(span: Span, report: BoardReport) -> list[str]:
    """Each core table of the span printed in the report, or left out with a reason."""
    problems = []
    printed = 0
    for table in span.tables:
        if table.key in LEFT_OUT_OF_BOARD_REPORT:
            named = [b.caption for b in report.blocks if isinstance(b, Table)]
            if heading(table, span.span) in named:
                problems.append(f"{span.span}: {table.title} is printed though left out")
            continue
        try:
            printed += assert_printed(report, table, span.span, span.years)
        except AssertionError as e:
            problems.append(f"{span.span}, {table.title}: {e}")
    if printed < 8:
        problems.append(f"{span.span}: only {printed} tables printed")
    return problems


def test_pdf_holds_every_table_not_left_out(case: Case, spans: list[Span], tmp_path: Path) -> None:
    problems: list[str] = []
    for span in spans:
        store = Store.open(case.path)
        try:
            report = build_board_report(gather_pdf(store, _request(case, span)))
            out = tmp_path / f"{span.span}.pdf"
            export_pdf(store, _request(case, span), out)
        finally:
            store.close()
        problems += _report_problems(span, report)
        text = pdf_text(out)
        blocks = [b for b in report.blocks if isinstance(b, Table)]
        assert len(blocks) >= 8, span.span
        for block in blocks:
            missing = _find_in_order(text, _block_lines(block))
            if missing is not None:
                problems.append(f"PDF {span.span}, {block.caption or block.header}: no {missing!r}")
    assert not problems, "\n".join(problems)


def test_the_lists_name_tables_of_the_summaries(spans: list[Span]) -> None:
    keys = {t.key for s in spans for t in s.tables}
    assert set(LEFT_OUT_OF_BOARD_REPORT) <= keys
    assert set(TURNED_IN_YEAR_REPORT) <= keys
    assert all(reason.strip() for reason in LEFT_OUT_OF_BOARD_REPORT.values())


def test_normalising_keeps_cells_apart() -> None:
    assert norm("1\u00a0275") == norm("1\u202f275") == norm("1 275") == "1275"
    assert norm("\u221212") == "-12" and canon(-12, signed=True) == "-12"
    assert canon(4, signed=True) == "+4" and canon(0, signed=True) == "0"
    assert norm("Deltagare på aktiviteter\n(volym)") == "Deltagare på aktiviteter (volym)"
    # Two cells, each on its own line, stay two figures.
    assert " ".join(norm(line) for line in "1\n275".splitlines()) == "1 275"
    assert _find_in_order("a 1 2 b 3", ["1 2", "3"]) is None
    assert _find_in_order("a 11 2 b 3", ["1 2"]) == "1 2"
    row = SummaryRow("x", (1,))
    assert expected_rows(SummaryTable("k", "K", ("2018",), (row,))) == [
        ("x", ["1"]),
        ("Totalt", ["1"]),
    ]
