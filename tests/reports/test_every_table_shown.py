"""Every summary table the summaries produce is shown in the Excel export and in the
board report (PDF and Word): a table the outputs do not know (a new TableKey, a misspelt
one) fails here instead of silently dropping a sheet block or a report section. The board
report prints a table as a Table block with core's cells, or names it among the tables
it leaves out on purpose, with the reason (tests/board_checks.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.core.summary import SummaryTable
from app.core.table_keys import TableKey
from app.operations.exports import export_excel, gather
from app.operations.reports import export_pdf, gather_pdf
from app.reports.board_report import build_board_report
from tests.board_checks import (
    EXCEL_ONLY,
    LEFT_OUT_OF_BOARD_REPORT,
    PLACEMENTS_HEADING,
    assert_printed,
    caption,
)
from tests.reports.conftest import Record

SPANS = [(2018, 2018), (2017, 2019)]
# Left out of the board report on purpose, each with its reason: the summary tables
# (tests/board_checks.py says why) and the months, the Excel export's only.
LEFT_OUT_OF_REPORT = {**LEFT_OUT_OF_BOARD_REPORT, **EXCEL_ONLY}


def produced(record: Record, first: int, last: int) -> dict[TableKey, SummaryTable]:
    """The tables the summaries of the span hold, by key (the period's, for a period)."""
    content = gather(record.store, record.request(first, last))
    tables: dict[TableKey, SummaryTable] = {}
    for summary in content.year_summaries:
        tables.update((t.key, t) for t in summary.tables)
    if content.period is not None:
        tables.update((t.key, t) for t in content.period.tables)
    tables.update((t.key, t) for t in content.month_tables)
    return tables


def excel_table_names(path: Path) -> set[str]:
    wb = load_workbook(path)
    return {name for ws in wb.worksheets for name in ws.tables}


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(("first", "last"), SPANS, ids=["year", "period"])
def test_every_table_key_has_its_excel_table(record: Record, tmp_path: Path, first, last):
    keys = produced(record, first, last)
    assert {TableKey.NYCKELTAL, TableKey.NADDA_PERSONER, TableKey.PLACERINGAR} <= set(keys)

    path = tmp_path / "export.xlsx"
    export_excel(record.store, record.request(first, last), path)
    names = excel_table_names(path)

    # A table of each year in a period is shown as one table per year ("…_per_ar").
    missing = [k for k in keys if f"T_{k}" not in names and f"T_{k}_per_ar" not in names]
    assert missing == []


@pytest.mark.parametrize(("first", "last"), SPANS, ids=["year", "period"])
def test_every_table_key_has_its_pdf_section(record: Record, tmp_path: Path, first, last):
    keys = produced(record, first, last)
    content = gather_pdf(record.store, record.request(first, last))
    report = build_board_report(content)
    path = tmp_path / "rapport.pdf"
    export_pdf(record.store, record.request(first, last), path)
    text = pdf_text(path)

    # Each table not left out is printed with core's cells (or, every figure 0, left
    # out with its empty part of the report), under its caption in the PDF.
    printed = []
    for key, table in keys.items():
        if key in LEFT_OUT_OF_REPORT:
            continue
        if assert_printed(report, table, content.span, content.years):
            printed.append(key)
            heading = (
                PLACEMENTS_HEADING
                if key is TableKey.PLACERINGAR
                else caption(table, content.span, last)
            )
            assert heading in text, key
    assert len(set(keys) - set(LEFT_OUT_OF_REPORT)) >= 12  # the check saw the whole record
    assert len(printed) >= 11, printed
    # Every left-out table has its reason, and only tables the summaries produce are.
    assert all(reason.strip() for reason in LEFT_OUT_OF_REPORT.values())
    assert set(LEFT_OUT_OF_REPORT) <= set(produced(record, 2017, 2019))
