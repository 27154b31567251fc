"""Every summary table the summaries produce is shown in the Excel export and in the PDF
report: a table the outputs do not know (a new TableKey, a misspelt one) fails here
instead of silently dropping a sheet block or a report section."""

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
from app.reports.pdf_tables import table_title
from tests.reports.conftest import Record

SPANS = [(2018, 2018), (2017, 2019)]
# Left out of the board report on purpose (tests/test_outputs_agree.py says why): it breaks
# down the people reached (Nådda per …), which hold these participants and more; the
# months are the Excel export's only.
LEFT_OUT_OF_PDF = {
    TableKey.DELTAGARE_KOMMUN,
    TableKey.DELTAGARE_ORGANISATION,
    TableKey.DELTAGARE_ROLL,
    TableKey.DELTAGARE_KON,
    TableKey.MANAD_AKTIVITETER,
    TableKey.MANAD_DELTAGARE,
}
# A period's report has no year plan (pdf_sections.year_plan): the plan is a year's.
LEFT_OUT_OF_PERIOD_PDF = {TableKey.ARSPLAN}


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
    path = tmp_path / "rapport.pdf"
    export_pdf(record.store, record.request(first, last), path)
    text = pdf_text(path)

    # The report's heading of a table is its title with the span; the groups of the last
    # year in a period are "Samverkansgrupper och status <year>".
    def shown(key: TableKey, table: SummaryTable) -> bool:
        titles = [table_title(table, content.span)]
        if key is TableKey.SAMVERKANSGRUPPER:
            titles.append(f"Samverkansgrupper och status {last}")
        return any(re.sub(r"\s+", " ", t) in text for t in titles)

    left_out = LEFT_OUT_OF_PDF | (LEFT_OUT_OF_PERIOD_PDF if first != last else set())
    missing = [k for k, t in keys.items() if k not in left_out and not shown(k, t)]
    assert missing == []
    assert len(set(keys) - left_out) >= 12  # the check saw the whole record
